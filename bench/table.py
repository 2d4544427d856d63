"""The report as a table a person can read (also used for docs/benchmarks.md)."""

from __future__ import annotations

from typing import Any

from bench.inbox import table_rows as inbox_table_rows


def fmt(s: dict[str, Any] | None, *, spread: bool = True) -> str:
    if not s or s.get("median") is None:
        return "—"
    unit = s.get("unit", "ms")
    median, low, high = s["median"], s["min"], s["max"]
    if unit == "ms" and median >= 10_000:
        median, low, high, unit = median / 1000, low / 1000, high / 1000, "s"
        text = f"{median:.1f} {unit}"
        rng = f"{low:.1f}-{high:.1f}"
    elif unit == "ms" and median >= 100:
        text = f"{median:.0f} {unit}"
        rng = f"{low:.0f}-{high:.0f}"
    else:
        text = f"{median:g} {unit}"
        rng = f"{low:g}-{high:g}"
    if spread:
        text += f" [{rng}] n={s['n']}"
    return text


def ratio_text(ratio: float | None, seed: dict[str, Any] | None, jaga: dict[str, Any]) -> str:
    if ratio is None:
        return ""
    if 0.9 <= ratio <= 1.1:
        return "about the same"
    if ratio >= 1:
        return f"{ratio:g}x faster"
    return f"{1 / ratio:.1f}x slower"


def rows(report: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    r = report.get("results", {})
    out: list[tuple[str, str, str, str]] = []
    if "crash_truthful" in r:
        c = r["crash_truthful"]
        out.append(
            (
                f"crash → truthful status (N={c['numbers_connected']})",
                fmt(c["jaga"]),
                fmt(c["seed"]) + " (derived)",
                ratio_text(c["ratio"], c["seed"], c["jaga"]),
            )
        )
        for n, s in c["jaga_by_n"].items():
            if int(n) != c["numbers_connected"]:
                out.append((f"  … with N={n}", fmt(s), "", ""))
    if "crash_ready" in r:
        c = r["crash_ready"]
        out.append(
            (
                f"crash → bridge READY (N={c['numbers_connected']})",
                fmt(c["jaga"]),
                fmt(c["seed"]) + " (process manager)",
                ratio_text(c["ratio"], c["seed"], c["jaga"]),
            )
        )
    if "crash_restore" in r:
        for n, row in r["crash_restore"]["by_n"].items():
            out.append(
                (
                    f"crash → all {n} connected",
                    fmt(row["jaga"]),
                    fmt(row.get("seed")),
                    ratio_text(row.get("ratio"), row.get("seed"), row["jaga"]),
                )
            )
    if "hang_detected" in r:
        h = r["hang_detected"]
        out.append(
            (
                "hang (SIGSTOP) → detected, killed",
                fmt(h["jaga"]),
                fmt(h["seed"]) + " (derived, not killed)",
                ratio_text(h["ratio"], h["seed"], h["jaga"]),
            )
        )
        goal = h.get("goal_all_connected_ms")
        out.append(
            (
                f"  … hang → all {h['numbers_connected']} connected again",
                fmt(h["jaga_all_connected"]),
                "",
                f"goal ≤ {goal / 1000:g} s" if goal else "",
            )
        )
    if "launch" in r:
        out += launch_rows(r["launch"])
    if "outbox_drain" in r:
        d = r["outbox_drain"]
        seed = d["seed_direct_sends_while_away"]
        direct = d.get("seed_one_request_each_per_s")
        out.append(
            (
                f"outbox drain after reconnect ({d['queued']:,} queued, window shown)",
                fmt(d["drain_per_s"]),
                f"{direct:g} msg/s (one request per message)" if direct else "",
                ratio_text(d.get("ratio"), None, d["drain_per_s"]),
            )
        )
        lag = d["ui_loop_lag"]
        out.append(
            (
                "  … UI lag during the drains (10 ms timer)",
                f"p50 {lag['p50_ms']} ms, p99 {lag['p99_ms']} ms, max {lag['max_ms']} ms",
                f"{seed['accepted']} of {seed['tried']} sends accepted while away (no outbox)",
                f"{d['network_duplicates']} duplicates",
            )
        )
        out.append(("  … reconnect → all sent", fmt(d["reconnect_to_all_sent_s"]), "", ""))
    if "inbound_burst" in r:
        b = r["inbound_burst"]
        cap = b.get("capacity_per_s")
        fell = b.get("fell_behind_at_per_s")
        out.append(
            (
                "inbound capacity (held, UI lag p99 ≤ 50 ms)",
                f"{cap:,} msg/s" if cap else "—",
                "",
                f"storage fell behind at {fell:,}/s asked" if fell else "never fell behind",
            )
        )
        for step in b.get("steps", []):
            out.append(
                (
                    f"  … {step['asked_rate_per_s']:,}/s asked",
                    f"offered {step['offered_rate_per_s']:,}/s, stored "
                    f"{step['persisted_rate_per_s']:,}/s, {step['behind_ms']} ms behind",
                    f"UI lag p99 {step['ui_lag_p99_ms']} ms",
                    "held" if step["held"] else "fell behind",
                )
            )
    if "soak" in r:
        m, c = r["soak"]["idle_memory"], r["soak"]["idle_cpu"]
        out.append(
            (
                f"soak: window idle {m['duration_s'] / 60:.1f} min, {m['numbers']} numbers",
                f"RSS +{m['rss_growth_mib']:g} MiB ({m['rss_mib_first']:g} → "
                f"{m['rss_mib_last']:g}), Qt objects {m['qt_objects_first']} → "
                f"{m['qt_objects_last']}",
                "",
                "ok" if m["ok"] else "NOT OK (goal: < 2 MiB, objects flat)",
            )
        )
        out.append(("  … app RSS meanwhile (every 5 s)", fmt(m["rss_mib"]), "", ""))
        slices = c.get("cpu_percent_by_slice")
        out.append(
            (
                f"  … {c['numbers']} restored numbers idle: app CPU",
                f"{c['cpu_percent']:g} % over {c['window_s']:g} s"
                + (f"; per 10 s: {fmt(slices)}" if slices else ""),
                "",
                "ok (goal < 5 %)" if c["ok"] else "NOT OK (goal: < 5 %)",
            )
        )
        if c.get("bridge_cpu_percent_by_slice"):
            bridge = fmt(c["bridge_cpu_percent_by_slice"])
            out.append(("  … the bridge meanwhile (per 10 s)", bridge, "", ""))
    if "network_restore" in r:
        net = r["network_restore"]
        for n, row in net["by_n"].items():
            out.append(
                (
                    f"network back → all {n} connected ({net['outage_s']:g} s outage)",
                    fmt(row["jaga"]),
                    fmt(row["seed"]) + " (plain backoff)",
                    ratio_text(row["ratio"], row["seed"], row["jaga"]),
                )
            )
            said = row["jaga_no_internet_said"]
            out.append((f"  … network off → {n} say no internet", fmt(said), "", ""))
    if "keepalive" in r:
        ka = r["keepalive"]
        window = f"{ka['window_ms'] / 1000:g} s keep-alive window"
        out.append((f"silent connection → judged dead ({window})", fmt(ka["judged_dead"]), "", ""))
    if "media" in r:
        md = r["media"]
        size = f"{md['file_mib']:g} MiB document"
        goal = f"goal: < {md['file_mib']:g} MiB"
        ok = "streamed" if md["streamed"] else f"NOT OK ({goal})"
        out.append((f"media: {size} in → stored", fmt(md["in_to_stored"]), "", ""))
        out.append(("  … bridge RSS growth meanwhile", fmt(md["in_rss_growth_mib"]), "", ok))
        out.append((f"media: {size} out → sent", fmt(md["out_to_sent"]), "", ""))
        out.append(("  … bridge RSS growth meanwhile", fmt(md["out_rss_growth_mib"]), "", ok))
        b = md.get("big_file")
        if b:
            out.append(
                (
                    f"media: {b['file_mib']:g} MiB document in / out",
                    f"{b['in_ms']} ms / {b['out_ms']} ms, RSS +{b['in_rss_growth_mib']:g} / "
                    f"+{b['out_rss_growth_mib']:g} MiB",
                    "",
                    "",
                )
            )
    if "memory" in r:
        m = r["memory"]
        loaded = m.get("bridge_rss_engine_loaded_mib")
        for k, s in m["bridge_rss_mib"].items():
            extra = ""
            if int(k) >= 20 and k in m["bridge_kib_per_session"]:  # below, noise dominates
                extra = f" ({m['bridge_kib_per_session'][k]:+g} KiB/session)"
            seed = ratio = ""
            if k == "0" and loaded:
                seed = fmt(loaded) + " (Baileys loaded at start)"
                goal = m["bridge_idle_goal_mib"]
                ratio = f"{m['bridge_idle_ratio']:g}x lighter; goal ≤ {goal} MiB"
            out.append((f"bridge RSS, {k} connected", fmt(s) + extra, seed, ratio))
        for k, s in m["app_rss_mib"].items():
            out.append((f"app RSS (window shown), {k} numbers", fmt(s), "", ""))
        b = m.get("baileys_rss") or {}
        if isinstance(b.get("per_connection_mib"), dict):
            per = ", ".join(f"N={k}: {v} MiB" for k, v in b["per_connection_mib"].items())
            out.append(("Baileys engine per idle socket", per, "", ""))
    out += api_rows(r)
    out += inbox_table_rows(r)  # bench/inbox.py
    return out


def launch_rows(launch: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Source (`python -m app`) and, beside it, the frozen app with its goal and ratio."""
    n = launch["numbers"]
    frozen = launch.get("frozen")
    goals = launch.get("frozen_goals_ms", {})
    ratios = launch.get("frozen_vs_source", {})
    stale = " (stale build)" if (launch.get("frozen_build") or {}).get("stale") else ""
    out = []
    for key, goal_key, label in (
        ("window_shown", "window_shown", "launch → main window shown"),
        ("bridge_ready", None, "launch → bridge READY"),
        ("restoration_started", "restore_snapshot", "launch → restoration started"),
        ("all_connected", "all_connected", f"launch → all {n} connected"),
    ):
        out.append((f"{label} (source)", fmt(launch[key]), "", ""))
        if frozen:
            goal = goals.get(goal_key) if goal_key else None
            ratio = f"{ratios[key]:g}x the source's" if key in ratios else ""
            if goal:
                ratio += f"; goal ≤ {goal} ms"
            out.append((f"  … frozen app{stale}", fmt(frozen[key]), "", ratio))
    return out


def api_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Scenario `api` (bench/api.py): latencies with p99, and the sender kill's losses."""
    out = []
    for key in ("api_send_text", "api_webhook_1_url", "api_webhook_10_urls"):
        if key in r:
            row = r[key]
            out.append((row["title"], f"{fmt(row)} p99={row.get('p99')} ms", "", ""))
    if "api_webhook_kill" in r:
        k = r["api_webhook_kill"]
        lost = k["lost"]
        out.append(
            (
                f"webhook sender killed once: lost of {k['events']} events",
                str(lost["jaga"]),
                f"{lost['waha_style']} (WAHA-style retries in memory)",
                "",
            )
        )
    return out


def render(report: dict[str, Any]) -> str:
    header = ("measurement", "Jaga: median [min-max] n", "seed strategy", "ratio")
    table = [header, *rows(report)]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    lines = []
    meta = report.get("meta", {})
    machine = meta.get("machine", {})
    lines.append(
        f"{meta.get('command', '')} — {machine.get('cpus')} CPUs, "
        f"{machine.get('memory_gib')} GiB, Python {machine.get('python')}, "
        f"Node {machine.get('node')}, {meta.get('total_seconds')} s"
    )
    for i, row in enumerate(table):
        lines.append("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    for name, error in report.get("errors", {}).items():
        lines.append(f"FAILED {name}: {error}")
    return "\n".join(lines)


def markdown(report: dict[str, Any]) -> str:
    header = "| measurement | Jaga: median [min-max] n | seed strategy | ratio |\n|---|---|---|---|"
    body = "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows(report))
    return f"{header}\n{body}"


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.table [--markdown] [REPORT]`: a saved report again (default: latest)."""
    import argparse
    import json
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m bench.table", description=main.__doc__)
    parser.add_argument("report", nargs="?", type=Path)
    parser.add_argument("--markdown", action="store_true", help="as docs/benchmarks.md has it")
    args = parser.parse_args(argv)
    path = args.report or Path(__file__).parent / "results" / "latest.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    print(markdown(report) if args.markdown else render(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
