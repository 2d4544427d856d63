"""`python -m bench.app_probe ARGS` = `python -m app ARGS` plus one marker: the window shown.

The app logs nothing when its main window appears, so the launch benchmark runs the
unchanged app through this wrapper, which subclasses MainWindow only to append
`window_shown <unix time>` (first Show event) and `window_painted <unix time>` (first
Paint event) to the file named by JAGA_BENCH_MARKERS, and with JAGA_BENCH_OBJECTS_S=N
`qt_objects <count> <unix time>` every N seconds (the soak). Nothing else differs.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys
import time
from typing import Any


def _mark(name: str) -> None:
    path = os.environ.get("JAGA_BENCH_MARKERS")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{name} {time.time():.6f}\n")


def qt_objects() -> int:
    """Live QObjects: every top-level widget with its children, and the application's."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    count = len(app.findChildren(QObject)) if app is not None else 0
    for widget in QApplication.topLevelWidgets():
        count += 1 + len(widget.findChildren(QObject))
    return count


def probe(main_window: Any) -> None:
    """Swaps the module's MainWindow for a subclass that marks its first Show and Paint."""
    from PySide6.QtCore import QEvent

    original = main_window.MainWindow
    seen: set[str] = set()

    class ProbedMainWindow(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            every = float(os.environ.get("JAGA_BENCH_OBJECTS_S") or 0)
            if every:
                from PySide6.QtCore import QTimer

                self._bench_timer = QTimer(self)
                self._bench_timer.timeout.connect(lambda: _mark(f"qt_objects {qt_objects()}"))
                self._bench_timer.start(int(every * 1000))

        def event(self, event: Any) -> bool:
            kind = event.type()
            if kind == QEvent.Type.Show and "shown" not in seen:
                seen.add("shown")
                _mark("window_shown")
            elif kind == QEvent.Type.Paint and "painted" not in seen:
                seen.add("painted")
                _mark("window_painted")
            return super().event(event)

    ProbedMainWindow.__name__ = original.__name__
    ProbedMainWindow.__qualname__ = original.__qualname__
    main_window.MainWindow = ProbedMainWindow


class _PatchOnImport(importlib.abc.MetaPathFinder):
    """Patches app.ui.main_window.window right after the app itself imports it.

    Importing it here, before the app runs, would load Qt's widgets, the store and
    SQLAlchemy ahead of the app's own order (which spawns Node before any of them) and
    make the launch look slower than the app is.
    """

    TARGET = "app.ui.main_window.window"

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != self.TARGET:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run_module = loader.exec_module

        def exec_then_probe(module: Any) -> None:
            run_module(module)
            probe(module)

        loader.exec_module = exec_then_probe  # type: ignore[method-assign]
        return spec


def install() -> None:
    sys.meta_path.insert(0, _PatchOnImport())


def main() -> int:
    _mark("probe_started")
    install()
    from app.__main__ import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
