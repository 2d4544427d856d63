"""PySide6's look at each import (app/system/qt_imports.py): the same answer for a module
that names PySide6 and one that does not, and no module's source kept in linecache.

Seen failing against: PySide6's own check (read_less_source not called): both modules'
sources stayed in linecache.cache.
"""

from __future__ import annotations

import importlib
import linecache
import sys

import pytest

from app.system import qt_imports

QT_MODULE = "from PySide6.QtCore import QObject\n" + "# a line of a long module\n" * 500
PLAIN_MODULE = "import json\n" + "# a line of a long module\n" * 500


@pytest.fixture
def feature(monkeypatch):
    import PySide6.QtCore  # noqa: F401

    module = sys.modules[qt_imports.FEATURE_MODULE]
    monkeypatch.setattr(module, "_mod_uses_pyside", module._mod_uses_pyside)  # put back after
    return module


def _import(name: str, source: str, folder, monkeypatch):
    (folder / f"{name}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, name, raising=False)
    return __import__(name)  # an import statement: through PySide6's hook


def test_imports_keep_no_source_and_pyside_gets_its_answer(feature, tmp_path, monkeypatch):
    assert qt_imports.read_less_source()
    qt_module = _import("jaga_probe_qt_module", QT_MODULE, tmp_path, monkeypatch)
    plain = _import("jaga_probe_plain_module", PLAIN_MODULE, tmp_path, monkeypatch)

    kept = set(linecache.cache)
    assert qt_module.__file__ not in kept and plain.__file__ not in kept
    assert feature.pyside_feature_dict[qt_module.__name__] == 0  # may select a feature
    assert feature.pyside_feature_dict[plain.__name__] == -1  # ignored by PySide6


def test_modules_without_a_source_file_do_not_name_pyside():
    assert not qt_imports.uses_pyside(sys)  # built in
    assert not qt_imports.uses_pyside(importlib.import_module("_json"))  # a compiled extension


def test_a_pyside_without_the_check_is_left_alone(feature, monkeypatch):
    """A PySide6 upgrade that drops `_mod_uses_pyside`: nothing is installed, and the
    launcher is told so (False), instead of adding an attribute PySide6 never calls.

    Seen failing against: setting the attribute without looking (returned True)."""
    monkeypatch.delattr(feature, "_mod_uses_pyside")
    assert qt_imports.read_less_source() is False
    assert not hasattr(feature, "_mod_uses_pyside")
