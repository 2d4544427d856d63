"""`python -m bench` (`make bench`): Jaga's figures against the real app core and bridge.

Writes one JSON report (bench/results/report-<timestamp>.json and latest.json) and prints
a table. Baselines (the seed systems' strategies, bench.baseline) run in the same process
against the same bridge, so the figures are ratios measured on one machine.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.context import Context
from bench.harness import ROOT, machine_info, qt_loop, run
from bench.table import render

#: launch first: a start is measured as a shop PC meets it, rested. Right after the crash
#: scenario every launch on this machine ran ~20 % slower, the source app's as much as the
#: frozen one's, for a reason not found (docs/benchmarks.md, "Latest figures").
SCENARIOS = ("launch", "crash", "hang", "media", "memory", "messages", "network", "soak", "api")
SCENARIOS += ("inbox",)  # bench/inbox.py (issue #28)
RESULTS = ROOT / "bench" / "results"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small counts (CI-like runs)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help=f"run only this scenario (repeatable or comma-separated): {', '.join(SCENARIOS)}",
    )
    parser.add_argument(
        "--repeat", type=int, metavar="N", help="repetitions per measurement (overrides defaults)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch data folders")
    parser.add_argument(
        "--frozen",
        type=Path,
        metavar="PATH",
        help="the frozen app `launch` runs beside the source one (default: dist/jaga/jaga "
        "when `make package` made it)",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where reports go")
    args = parser.parse_args(argv)
    names = [n.strip() for item in args.only for n in item.split(",") if n.strip()]
    unknown = sorted(set(names) - set(SCENARIOS))
    if unknown:
        parser.error(f"unknown scenario(s) {', '.join(unknown)}; choose from {SCENARIOS}")
    args.only = [n for n in SCENARIOS if n in names] if names else list(SCENARIOS)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    workdir = Path(tempfile.mkdtemp(prefix="jaga-bench-"))
    ctx = Context(quick=args.quick, repeat=args.repeat, workdir=workdir, frozen=args.frozen)
    started = datetime.now(UTC)
    report: dict[str, Any] = {
        "meta": {
            "started_at": started.isoformat(timespec="seconds"),
            "command": "python -m bench " + " ".join(sys.argv[1:] if argv is None else argv),
            "quick": args.quick,
            "repeat": args.repeat,
            "scenarios": args.only,
            "machine": machine_info(),
        },
        "results": {},
        "errors": {},
    }
    qt_loop()
    failed = False
    for name in args.only:
        ctx.log(f"[{name}]")
        began = time.monotonic()
        report["meta"].setdefault("load_average_at_start", {})[name] = [
            round(x, 2) for x in os.getloadavg()
        ]
        module = importlib.import_module(f"bench.{name}")
        try:
            report["results"].update(run(module.measure(ctx), timeout=1800))
        except Exception as error:
            failed = True
            report["errors"][name] = f"{type(error).__name__}: {error}"
            traceback.print_exc()
        report["meta"].setdefault("seconds", {})[name] = round(time.monotonic() - began, 1)
    report["meta"]["total_seconds"] = round(time.monotonic() - ctx.started, 1)

    args.out.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%d-%H%M%S")
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    path = args.out / f"report-{stamp}.json"
    path.write_text(text, encoding="utf-8")
    (args.out / "latest.json").write_text(text, encoding="utf-8")
    print(render(report))
    print(f"\nreport: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    if args.keep:
        print(f"scratch data kept in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
