"""scripts/check_test_layout.py: a test outside its module's mirror is named with the
reason, a mirrored one is not, and all of tests/unit and tests/gui pass (the rule
`make lint` runs)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location(
    "check_test_layout", ROOT / "scripts" / "check_test_layout.py"
)
assert _spec and _spec.loader
check_test_layout = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = check_test_layout
_spec.loader.exec_module(check_test_layout)


def tree(root: Path, *files: str) -> Path:
    """A repository of empty files; every folder under tests/ gets its __init__.py."""
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        folder = path.parent
        while folder.is_relative_to(root / "tests" / "unit") or folder.is_relative_to(
            root / "tests" / "gui"
        ):
            (folder / "__init__.py").touch()
            folder = folder.parent
    return root


def test_tests_at_their_modules_mirror_pass(tmp_path):
    root = tree(
        tmp_path,
        "app/application.py",
        "app/domain/pacing.py",
        "app/ui/chats/window.py",
        "app/start/launcher.py",
        "scripts/tool.py",
        "tests/unit/test_application.py",
        "tests/unit/test_truth_sampler.py",
        "tests/unit/domain/test_pacing.py",
        "tests/unit/ui/chats/test_window.py",
        "tests/unit/scripts/test_tool.py",
        "tests/gui/chats/test_window.py",
        "tests/gui/start/test_launcher.py",
    )
    assert check_test_layout.check(root) == []


def test_a_test_outside_any_mirror_is_named_with_why(tmp_path):
    root = tree(
        tmp_path,
        "app/domain/pacing.py",
        "app/ui/chats/window.py",
        "tests/unit/test_pacing.py",
        "tests/unit/core/test_pacing.py",
        "tests/gui/test_chats.py",
        "tests/gui/chat/test_window.py",
    )
    assert check_test_layout.check(root) == [
        "tests/unit/core/test_pacing.py: app/core/ does not exist",
        "tests/unit/test_pacing.py: tests/unit/test_pacing.py tests no top-level module of app/",
        "tests/gui/chat/test_window.py: neither app/ui/chat/ nor app/chat/ exists",
        "tests/gui/test_chats.py: a GUI test belongs in tests/gui/<feature>/",
    ]


def test_a_test_folder_without_init_is_named(tmp_path):
    root = tree(tmp_path, "app/domain/pacing.py", "tests/unit/domain/test_pacing.py")
    (root / "tests" / "unit" / "domain" / "__init__.py").unlink()
    assert check_test_layout.check(root) == ["tests/unit/domain/: no __init__.py"]


def test_this_repositorys_tests_mirror_their_modules():
    assert check_test_layout.check(ROOT) == []
