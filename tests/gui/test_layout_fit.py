"""Every window and dialog fits an ordinary shop PC: 1366x768 and 1280x720 screens, text at
100, 125 and 150 %, in English and Bahasa Indonesia.

Each screen and scale runs tests/gui/layout_probe.py in a process of its own (Qt reads both
once, at start). The screen is the laptop's less a task bar of 40 px (at 100 %, scaled with
the text), as a 1366x768 Windows or GNOME desktop leaves it; at 150 % a 1280x720 screen is
then 853x440 of Qt's pixels. A window's frame is counted as a title bar of 32 px and thin
borders (app.ui.screen_fit). The probe fails a window that lies outside that area, a
widget smaller than its minimum size hint, widgets of one layout that overlap, or a label
whose words do not fit (tests/layout_check.py). New windows join in tests/gui/layout_cases.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.layout_cases import CASES
from tests.gui.layout_probe import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [(1366, 768), (1280, 720)]
SCALES = [1.0, 1.25, 1.5]
#: A task bar's height at 100 % (Windows 10; GNOME's top bar is smaller).
TASK_BAR = 40


def probe(tmp_path: Path, width: int, height: int, scale: float) -> dict:
    usable = int(height - TASK_BAR * scale)
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": usable}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    environment = dict(os.environ)
    environment["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    environment["QT_SCALE_FACTOR"] = str(scale)
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.layout_probe"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{round(s * 100)}%")
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_window_fits(tmp_path, screen, scale):
    answer = probe(tmp_path, *screen, scale)
    assert answer["cases"] == len(CASES) * len(LANGUAGES)
    lines = [
        f"{failure['language']} {failure['window']}: {problem}"
        for failure in answer["failures"]
        for problem in failure["problems"]
    ]
    assert not lines, "\n".join(lines)


def test_the_check_sees_a_squashed_dialog(qtbot):
    """The check is not blind: a form squeezed below what it needs, a label cut, a window
    off the screen are each told (seen failing against: a check that returned [])."""
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout

    from tests.layout_check import problems

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    edits = [QLineEdit() for _ in range(8)]
    for edit in edits:
        layout.addWidget(edit)
    words = QLabel("A long sentence that wraps onto several lines in a narrow window " * 3)
    words.setWordWrap(True)
    layout.addWidget(words)
    dialog.show()
    dialog.setMinimumSize(0, 0)
    layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
    screen = dialog.screen().availableGeometry()
    dialog.setGeometry(screen.right() - 60, 40, 120, 60)
    qtbot.waitUntil(lambda: dialog.height() == 60)
    found = "\n".join(problems(dialog))
    assert "outside the available screen" in found
    assert "smaller than its minimum" in found
    assert "its words need" in found
