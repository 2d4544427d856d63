"""Guards on the Qt binding itself: Jaga runs for months, so a leak per signal is fatal."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(str)


def test_signal_emission_does_not_leak_references_to_booleans(qapp):
    # PySide6 6.12.0 dropped a reference to True on every emit(), aborting the
    # interpreter after enough signals ("bool_dealloc"). The pin in pyproject.toml avoids it.
    emitter = _Emitter()
    emitter.happened.connect(lambda _text: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(5000):
        emitter.happened.emit("x")
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
