"""Chaos tests: the real app core and bridge under kills, hangs, corruption, hostile input.

`make test` runs them small. JAGA_CHAOS_SCALE=N (a whole number, default 1) makes every
test N times larger (longer chaos, more numbers, more random requests).
Each test reports its counts; the totals appear in pytest's terminal summary as lines
starting with `chaos:`.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

#: test node id → its counts, in the order the tests ran.
COUNTS: dict[str, dict[str, int | float]] = {}
KEYS = (
    "kills",
    "app_kills",
    "hangs",
    "corruptions",
    "disk_full_refusals",
    "hostile_requests",
    "messages_out",
    "messages_in",
    "duplicates",
    "samples",
    "disagreements>1s",
    "stale_locks",
    "wipe_failures",
    "bridge_db_damages",
    "app_db_damages",
    "clock_steps",
    "private_files",
    "squatters",
    "redacted_logs",
)


def scale() -> int:
    raw = os.environ.get("JAGA_CHAOS_SCALE", "1")
    try:
        value = int(raw)
    except ValueError:
        raise pytest.UsageError(f"JAGA_CHAOS_SCALE must be a whole number, not {raw!r}") from None
    if value < 1:
        raise pytest.UsageError("JAGA_CHAOS_SCALE must be at least 1")
    return value


@pytest.fixture
def chaos_scale() -> int:
    return scale()


@pytest.fixture
def chaos_counts(request) -> Callable[..., None]:
    """Records this test's counts (they are printed in the terminal summary)."""

    def record(**counts: int | float) -> None:
        COUNTS.setdefault(request.node.nodeid, {}).update(counts)

    return record


def summary_line(counts: dict[str, int | float]) -> str:
    ordered = [k for k in KEYS if k in counts] + sorted(set(counts) - set(KEYS))
    return "chaos: " + " ".join(f"{k}={counts[k]}" for k in ordered)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if not COUNTS:
        return
    terminalreporter.section(f"chaos (JAGA_CHAOS_SCALE={os.environ.get('JAGA_CHAOS_SCALE', '1')})")
    total: dict[str, int | float] = {}
    per_test: dict[str, dict[str, int | float]] = {}
    for nodeid, counts in COUNTS.items():
        name = nodeid.split("::")[-1].split("[")[0]  # parametrized cases add up
        mine = per_test.setdefault(name, {})
        for key, value in counts.items():
            summed = key in KEYS or key in ("unknown",)
            mine[key] = mine.get(key, 0) + value if summed else max(mine.get(key, 0), value)
            if key in KEYS:
                total[key] = total.get(key, 0) + value
    for name, counts in per_test.items():
        terminalreporter.write_line(f"{summary_line(counts)}  [{name}]")
    terminalreporter.write_line(f"{summary_line(total)}  [total]")
