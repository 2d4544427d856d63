"""Every window and dialog fits an ordinary shop PC: 1366x768 and 1280x720 screens, text at
100, 125 and 150 %, in English and Bahasa Indonesia.

Each screen and scale runs tests/gui/layout_probe.py in a process of its own (Qt reads both
once, at start). The screen is the laptop's less a task bar of 40 px (at 100 %, scaled with
the text), as a 1366x768 Windows or GNOME desktop leaves it; at 150 % a 1280x720 screen is
then 853x440 of Qt's pixels. A window's frame is counted as a title bar of 32 px and thin
borders (app.ui.shared.screen_fit). The probe fails a window that lies outside that area, a
widget smaller than its minimum size hint, widgets of one layout that overlap, or a label
whose words do not fit (tests/layout_check.py). New windows join in tests/gui/layout_cases.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gui.layout_cases import CASES
from tests.gui.layout_probe import LANGUAGES

ROOT = Path(__file__).resolve().parents[3]
SCREENS = [(1366, 768), (1280, 720)]
SCALES = [1.0, 1.25, 1.5]
#: A task bar's height at 100 % (Windows 10; GNOME's top bar is smaller).
TASK_BAR = 40


def start_probe(folder: Path, width: int, height: int, scale: float) -> subprocess.Popen:
    usable = int(height - TASK_BAR * scale)
    config = folder / f"screen-{width}x{height}-{scale}.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": usable}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    environment = dict(os.environ)
    environment["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    environment["QT_SCALE_FACTOR"] = str(scale)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.gui.layout_probe"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def probes(tmp_path_factory) -> Iterator[dict[tuple[tuple[int, int], float], subprocess.Popen]]:
    """Every screen and scale at once, each in its own process (they share no state)."""
    folder = tmp_path_factory.mktemp("screens")
    started = {
        (screen, scale): start_probe(folder, *screen, scale)
        for screen in SCREENS
        for scale in SCALES
    }
    yield started
    for process in started.values():
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{round(s * 100)}%")
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_window_fits(probes, screen, scale):
    out, err = probes[(screen, scale)].communicate(timeout=180)
    assert probes[(screen, scale)].returncode == 0, err[-3000:]
    answer = json.loads(out.strip().splitlines()[-1])
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
