"""Scenario 5: launching the desktop app, as a person does, from source and frozen.

`python -m app --data-dir X` (what `make run` starts) and, when there is one, the frozen
app (`dist/jaga/jaga` from `make package`, or `python -m bench --frozen PATH`) are spawned
in turns under offscreen Qt on a data folder holding N numbers linked earlier (sim engine,
auth in X/bridge). Times from the spawn:
- window shown: the main window's first setVisible, from Qt's own log (the soak and memory
  scenarios run the source app through bench.app_probe, which marks its Show event);
- bridge READY: the bridge's "bridge ready" line in X/logs/bridge.log;
- restoration started: the app's first `GET /sessions` after READY (the restore's
  snapshot) and its first `PUT /sessions/{id}`, from the bridge's request log
  (JAGA_LOG_LEVEL=debug, inherited by the bridge);
- all connected: every account stored as connected in X/app.sqlite3 (read-only polls
  every 10 ms).
Then, 2 s later, the app's and the bridge's RSS; then SIGTERM, and the bridge must go.
"""

from __future__ import annotations

import asyncio
import compileall
import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import psutil

from bench.context import Context
from bench.harness import ROOT, BenchError, Fleet, stats, stop_process

NAME = "launch"
NUMBERS = 20
NUMBERS_QUICK = 5
SETTLE_S = 2.0


async def prepare(folder: Path, n: int) -> Path:
    """A data folder with `n` linked numbers, left by a cleanly closed app core."""
    if (folder / "app.sqlite3").exists():
        return folder
    fleet = Fleet(folder)
    try:
        await fleet.start()
        if n:
            await fleet.link(n)
    finally:
        await fleet.close()
    # The bench's own token is gone with it; the launched app makes its own.
    return folder


def compile_app() -> None:
    """Jaga as installed: its own modules run from compiled bytecode, as pip and the frozen
    build ship them (a checkout writes them on its first run). Where PYTHONDONTWRITEBYTECODE
    is set, as on the machine the figures come from, every launch would otherwise compile
    Jaga's modules from source on the way to the restore. Up-to-date files are skipped."""
    for folder in ("app", "bench"):
        compileall.compile_dir(ROOT / folder, quiet=1)


class Tail:
    """The lines appended to a file since it was first looked at: each poll reads only
    what is new. Re-reading whole files every 10 ms (the bridge's log, the frozen app's
    Qt log, megabytes after a few launches) took CPU from the app being measured."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = path.stat().st_size if path.exists() else 0
        self.partial = b""

    def new_lines(self) -> list[str]:
        try:
            with self.path.open("rb") as file:
                if file.seek(0, os.SEEK_END) < self.offset:
                    self.offset, self.partial = 0, b""  # rotated: a new file
                file.seek(self.offset)
                data = file.read()
        except FileNotFoundError:
            return []
        self.offset += len(data)
        *lines, self.partial = (self.partial + data).split(b"\n")
        return [line.decode("utf-8", errors="replace") for line in lines]


def _bridge_rows(lines: list[str]) -> list[dict[str, Any]]:
    rows = []
    for line in lines:
        if not line.startswith("{"):
            continue
        try:
            row = json.loads(line)
            at = datetime.fromisoformat(str(row["time"]).replace("Z", "+00:00")).timestamp()
        except (ValueError, KeyError):
            continue
        row["_at"] = at
        rows.append(row)
    return rows


def _statuses(db: Path) -> list[str] | None:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as conn:
            return [r[0] for r in conn.execute("SELECT status FROM accounts")]
    except sqlite3.Error:
        return None


def _markers(lines: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in lines:
        name, _, value = line.partition(" ")
        if value:
            out.setdefault(name, float(value))
    return out


#: For a program that cannot be probed (the frozen app): Qt itself logs when a widget is
#: made visible; the main window's line, with its wall-clock time, is "window shown".
QT_SHOWHIDE = {
    "QT_LOGGING_RULES": "qt.widgets.showhide.debug=true",
    "QT_MESSAGE_PATTERN": "%{time yyyy-MM-ddTHH:mm:ss.zzz} %{category} %{message}",
}


def _qt_window_shown(lines: list[str]) -> dict[str, float]:
    for line in lines:
        if "Setting visibility of MainWindow(" in line and " to true " in line:
            at = datetime.strptime(line[:23], "%Y-%m-%dT%H:%M:%S.%f").timestamp()
            return {"window_shown": at}
    return {}


class LaunchWatch:
    """What one launch has shown so far, from the files it writes: read as they grow."""

    def __init__(self, data_dir: Path, n: int, qt_log: Path | None) -> None:
        self.n = n
        self.db = data_dir / "app.sqlite3"
        self.markers = Tail(data_dir / "bench-markers.txt")
        self.qt_log = Tail(qt_log) if qt_log is not None else None
        self.bridge_log = Tail(data_dir / "logs" / "bridge.log")
        self.found: dict[str, float] = {}
        self.bridge_pid: str | None = None
        self.restore_seen = False
        self.since = time.time()

    def poll(self) -> bool:
        """True once every figure of the launch has been seen."""
        if self.qt_log is not None:
            self.found.update(_qt_window_shown(self.qt_log.new_lines()))
        else:
            for key, value in _markers(self.markers.new_lines()).items():
                self.found.setdefault(key, value)
        for row in _bridge_rows(self.bridge_log.new_lines()):
            self._bridge_row(row)
        if "all_connected" not in self.found and "bridge_ready" in self.found:
            self._check_connected()
        wanted = {"window_shown", "bridge_ready", "restore_snapshot", "all_connected"}
        if self.n:
            wanted.add("first_put")
        return wanted <= self.found.keys()

    def _bridge_row(self, row: dict[str, Any]) -> None:
        if row["_at"] < self.since:
            return  # the last launch's closing lines
        if row.get("msg") == "bridge ready":
            self.found.setdefault("bridge_ready", row["_at"])
            self.bridge_pid = row.get("pid")
        elif row.get("msg") == "request" and "bridge_ready" in self.found:
            start = row["_at"] - float(row.get("ms", 0)) / 1000
            if row.get("method") == "GET" and row.get("url") == "/sessions":
                self.found.setdefault("restore_snapshot", start)
            elif row.get("method") == "PUT":
                self.found.setdefault("first_put", start)

    def _check_connected(self) -> None:
        # The store still says "connected" from the last run until the restore has run:
        # count only once the restore has been seen to act.
        statuses = _statuses(self.db)
        if statuses is not None and len(statuses) == self.n:
            if any(s != "connected" for s in statuses):
                self.restore_seen = True
            elif self.restore_seen or self.n == 0:
                self.found["all_connected"] = time.time()


async def launch_once(
    data_dir: Path, n: int, timeout: float = 90, program: list[str] | None = None
) -> dict[str, Any]:
    """One launch; `program` (e.g. the frozen app) instead of `python -m bench.app_probe`,
    with "window shown" then read from Qt's own log."""
    markers = data_dir / "bench-markers.txt"
    markers.unlink(missing_ok=True)
    compile_app()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JAGA_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JAGA_LOG_LEVEL="debug",  # the bridge logs every request (its access log)
        JAGA_BENCH_MARKERS=str(markers),
        # Never touch a real keyring: the app then uses a token for this launch only.
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    if program is not None:
        env.update(QT_SHOWHIDE)
    command = [
        *(program or [sys.executable, "-m", "bench.app_probe"]),
        "--data-dir",
        str(data_dir),
        "--settings",
        str(data_dir / "settings.ini"),
    ]
    stderr_path = data_dir / "app-stderr.txt"
    watch = LaunchWatch(data_dir, n, stderr_path if program is not None else None)
    stderr = open(stderr_path, "ab")  # noqa: SIM115
    harness = psutil.Process()
    harness_cpu = sum(harness.cpu_times()[:2])
    t0 = watch.since = time.time()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    found = watch.found
    try:
        deadline = time.monotonic() + timeout
        while not watch.poll():
            if proc.poll() is not None:
                raise BenchError(f"the app exited early with code {proc.returncode}")
            if time.monotonic() > deadline:
                raise BenchError(f"launch: only saw {sorted(found)} within {timeout:g} s")
            await asyncio.sleep(0.01)
        # What this process took meanwhile: the same two cores run the app and Node.
        harness_cpu = sum(harness.cpu_times()[:2]) - harness_cpu
        await asyncio.sleep(SETTLE_S)
        app_rss = psutil.Process(proc.pid).memory_info().rss
        bridge_rss = None
        if watch.bridge_pid:
            try:
                bridge_rss = psutil.Process(int(watch.bridge_pid)).memory_info().rss
            except psutil.Error:
                bridge_rss = None
    finally:
        stop_process(proc)
        stderr.close()
    # The app ended politely: its bridge must follow (stdin EOF).
    bridge_pid = watch.bridge_pid
    if bridge_pid:
        end = time.monotonic() + 15
        while psutil.pid_exists(int(bridge_pid)) and time.monotonic() < end:
            try:
                if psutil.Process(int(bridge_pid)).status() == psutil.STATUS_ZOMBIE:
                    break
            except psutil.Error:
                break
            await asyncio.sleep(0.05)
        else:
            if psutil.pid_exists(int(bridge_pid)):
                raise BenchError("the bridge outlived the app")
    out = {key: (value - t0) * 1000 for key, value in found.items()}
    out["harness_cpu_ms"] = harness_cpu * 1000
    out["app_rss_mib"] = app_rss / 2**20
    out["bridge_rss_mib"] = bridge_rss / 2**20 if bridge_rss else None
    return out


#: The figures each program gets in the report (side by side).
KEYS = (
    "window_shown",
    "bridge_ready",
    "restore_snapshot",
    "first_put",
    "all_connected",
    "harness_cpu_ms",
)
#: Goals for the installed (frozen) app, 20 numbers, quiet machine (issue 27).
FROZEN_GOALS_MS = {"window_shown": 900, "restore_snapshot": 700, "all_connected": 1300}


def frozen_build(wanted: Path | None) -> dict[str, Any] | None:
    """The frozen app to launch beside the source one: --frozen, else dist/jaga/jaga when
    `make package` made it. Stale when older than the last commit of what it freezes."""
    path = wanted or ROOT / "dist" / "jaga" / "jaga"
    if not path.is_file():
        return None
    built = path.stat().st_mtime
    last = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct", "--", "app", "node_bridge/src"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    stale = bool(last) and built < float(last)
    when = datetime.fromtimestamp(built).isoformat(timespec="seconds")
    return {"path": str(path), "built_at": when, "stale": stale}


async def launch_in_turns(
    folder: Path, n: int, programs: dict[str, list[str]], runs: int, log: Any
) -> dict[str, dict[str, list[float]]]:
    """Each program once per round, in turns, on the same data folder."""
    rows: dict[str, dict[str, list[float]]] = {name: {} for name in programs}
    for i in range(runs):
        for name, program in programs.items():
            result = await launch_once(folder, n, program=program)
            for key, value in result.items():
                if value is not None:
                    rows[name].setdefault(key, []).append(value)
            log(
                f"  {name} {i + 1}/{runs}: window shown {result['window_shown']:.0f} ms, READY "
                f"{result['bridge_ready']:.0f} ms, restore started "
                f"{result['restore_snapshot']:.0f} ms, all {n} connected "
                f"{result['all_connected']:.0f} ms (the bench's own CPU meanwhile "
                f"{result['harness_cpu_ms']:.0f} ms)"
            )
    return rows


def figures(values: dict[str, list[float]]) -> dict[str, Any]:
    out = {key: stats(values.get(key, []), "ms") for key in KEYS}
    out["restoration_started"] = out.pop("restore_snapshot")
    out["first_session_start"] = out.pop("first_put")
    for key in ("app_rss_mib", "bridge_rss_mib"):
        out[key] = stats(values.get(key, []), "MiB")
    return out


async def measure(ctx: Context) -> dict[str, Any]:
    n = NUMBERS_QUICK if ctx.quick else NUMBERS
    runs = ctx.count(5, 2)
    ctx.log(f"  preparing a data folder with {n} linked numbers")
    folder = await prepare(ctx.folder(f"launch-{n}"), n)
    programs = {"source": [sys.executable, "-m", "app"]}
    build = frozen_build(ctx.frozen.resolve() if ctx.frozen else None)
    if build is not None:
        programs["frozen"] = [build["path"]]
        if build["stale"]:
            ctx.log("  WARNING: the frozen build is older than the last commit (make package)")
    else:
        ctx.log("  no frozen build (make package, or --frozen PATH): the source app only")
    rows = await launch_in_turns(folder, n, programs, runs, ctx.log)
    result: dict[str, Any] = {
        "title": "app launch (offscreen), source and frozen in turns",
        "numbers": n,
        **figures(rows["source"]),
        "frozen_build": build,
        "note": (
            "window shown: the main window's first setVisible in Qt's own log, for both; "
            "restoration started = the app's first GET /sessions after READY, from the "
            "bridge's debug request log; the source app's modules compiled to bytecode first, "
            "as installed; launch 1 of each is the first on its data folder for Node's "
            "compile cache"
        ),
    }
    if "frozen" in rows:
        frozen = figures(rows["frozen"])
        result["frozen"] = frozen
        result["frozen_goals_ms"] = FROZEN_GOALS_MS
        result["frozen_vs_source"] = {
            key: round(frozen[key]["median"] / result[key]["median"], 2)
            for key in ("window_shown", "bridge_ready", "restoration_started", "all_connected")
            if frozen[key]["median"] and result[key]["median"]
        }
    return {"launch": result}


# --- the frozen app next to the source run (docs/packaging.md) -----------------------------


async def compare_frozen(frozen: Path, folder: Path, n: int, runs: int) -> dict[str, Any]:
    """`python -m app` (what `make run` starts) and the frozen app, launched in turns on the
    same data folder with `n` linked numbers; "window shown" from Qt's log for both."""
    await prepare(folder, n)
    programs = {"source": [sys.executable, "-m", "app"], "frozen": [str(frozen)]}

    def log(line: str) -> None:
        print(line, file=sys.stderr)

    rows = await launch_in_turns(folder, n, programs, runs, log)
    return {"numbers": n, **{name: figures(values) for name, values in rows.items()}}


def main(argv: list[str] | None = None) -> int:
    import argparse
    import tempfile

    from bench.harness import run

    parser = argparse.ArgumentParser(
        prog="python -m bench.launch", description="launch times: the frozen app vs make run"
    )
    parser.add_argument("--frozen", type=Path, required=True, help="dist/jaga/jaga")
    parser.add_argument("--numbers", type=int, default=NUMBERS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="jaga-launch-"))
    report = run(compare_frozen(args.frozen.resolve(), folder, args.numbers, args.runs))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
