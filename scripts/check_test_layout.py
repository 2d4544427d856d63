"""Tests mirror modules (style.md section 9): every unit and GUI test file sits in a folder
that mirrors one of the code's folders, so a reader finds a module's tests by its path.

- tests/unit/<package>/test_<module>.py tests app/<package>/<module>.py; tests/unit/scripts,
  tests/unit/packaging and tests/unit/bench test scripts/, packaging/ and bench/ the same
  way.
- tests/gui/<feature>/ tests app/ui/<feature>/; tests/gui/start tests app/start.
- Directly in tests/unit only the tests of app's own top-level modules (test_application.py
  for app/application.py) and the few tests of the project rather than of a module
  (PROJECT_TESTS, each with its reason). Nothing directly in tests/gui.
- Every folder of tests has an __init__.py: without one, two test_dialog.py in different
  folders collide when pytest imports them.

Integration, chaos and package tests are sorted by kind (they test paths across modules)
and are not checked.

    python scripts/check_test_layout.py [root]   (default: the current folder)

Exits 1 and lists every misplaced test file and folder.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

#: Folders of the repository outside app/ whose modules have unit tests.
OTHER_CODE = ("scripts", "packaging", "bench")

#: Unit tests of the project itself, not of one module: they stay in tests/unit.
PROJECT_TESTS = {
    "test_design_figures.py": "the design's figures, across the supervisor and webhooks",
    "test_qt_runtime.py": "the Qt binding itself (the PySide6 pin in pyproject.toml)",
    "test_test_isolation.py": "the test run's own guards (tests/conftest.py)",
    "test_truth_sampler.py": "the chaos suite's sampler (tests/chaos/truth.py)",
}


def unit_misplaced(root: Path, test: Path) -> str | None:
    """Why a unit test file is not where its module's mirror is (None: it is)."""
    folder = test.parent.relative_to(root / "tests" / "unit")
    if folder == Path("."):
        module = test.name.removeprefix("test_")
        if (root / "app" / module).is_file() or test.name in PROJECT_TESTS:
            return None
        return f"tests/unit/{test.name} tests no top-level module of app/"
    code = root if folder.parts[0] in OTHER_CODE else root / "app"
    if (code / folder).is_dir():
        return None
    return f"{code.relative_to(root) / folder}/ does not exist"


def gui_misplaced(root: Path, test: Path) -> str | None:
    folder = test.parent.relative_to(root / "tests" / "gui")
    if folder == Path("."):
        return "a GUI test belongs in tests/gui/<feature>/"
    if (root / "app" / "ui" / folder).is_dir() or (root / "app" / folder).is_dir():
        return None
    return f"neither app/ui/{folder}/ nor app/{folder}/ exists"


def test_files(tests: Path) -> Iterator[Path]:
    yield from sorted(p for p in tests.rglob("test_*.py") if "__pycache__" not in p.parts)


def folders_without_init(tests: Path) -> Iterator[Path]:
    for folder in sorted({p.parent for p in test_files(tests)}):
        if not (folder / "__init__.py").is_file():
            yield folder


def check(root: Path) -> list[str]:
    problems = []
    for kind, misplaced in (("unit", unit_misplaced), ("gui", gui_misplaced)):
        tests = root / "tests" / kind
        for test in test_files(tests):
            why = misplaced(root, test)
            if why:
                problems.append(f"{test.relative_to(root)}: {why}")
        for folder in folders_without_init(tests):
            problems.append(f"{folder.relative_to(root)}/: no __init__.py")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    problems = check(args.root.resolve())
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} misplaced: move each test beside its module's mirror.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
