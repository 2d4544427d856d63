"""Telling the owner which system packages Qt's window needs, instead of Qt's abort."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from app.system.screen_libs import apt_line


def report_missing_screen_libraries(
    args: argparse.Namespace, packages: list[str], out: TextIO | None = None
) -> int:
    """Prints, in the owner's language, what to install; returns the exit code (1).

    QtCore needs no screen: a QCoreApplication is enough to load the translation."""
    from PySide6.QtCore import QCoreApplication

    from app.start.launcher import settings_for
    from app.ui.shared.formatting import tr
    from app.ui.shared.i18n import Translations

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    Translations().apply(settings_for(args).language)
    out = out or sys.stderr
    print(
        tr(
            "Jaga cannot open its window: this computer lacks libraries that Qt needs to "
            "draw it. Install them, then start Jaga again:"
        ),
        file=out,
    )
    print(f"    {apt_line(packages)}", file=out)
    del app
    return 1
