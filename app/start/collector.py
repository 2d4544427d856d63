"""Python's cyclic garbage collector held off while Jaga starts.

Starting builds ~110,000 long-lived objects (modules, classes, Qt's wrappers) and little
garbage, yet allocations kept triggering the collector, which scanned that growing heap
again and again: ~250 collections, two of them full, ~150 ms of the ~1.1 s to the window
(docs/benchmarks.md, "The frozen start, round 4"). So it is held from the first line until
the restored numbers have settled; then one full collection frees whatever cycles the
start left behind, and the collector runs as usual.
"""

from __future__ import annotations

import gc


def hold() -> None:
    gc.disable()


def release() -> None:
    """The collector back on, after one full collection; nothing when it already runs."""
    if gc.isenabled():
        return
    gc.collect()
    gc.enable()
