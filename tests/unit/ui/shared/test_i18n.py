"""Where the compiled translations are read from: a checkout, or a read-only frozen install."""

from __future__ import annotations

from app.ui.shared import i18n


def read_only(monkeypatch):
    # Tests may run as root, for whom every folder is writable: the check itself is replaced.
    monkeypatch.setattr(i18n.os, "access", lambda _path, _mode: False)


def test_a_read_only_install_with_only_compiled_translations_is_read_in_place(
    tmp_path, monkeypatch
):
    (tmp_path / "jaga_id.qm").write_bytes(b"qm")
    read_only(monkeypatch)
    assert i18n.compiled_folder(tmp_path) == tmp_path
    assert i18n.ensure_compiled(tmp_path) == tmp_path


def test_read_only_sources_are_compiled_into_a_cache_folder(tmp_path, monkeypatch):
    (tmp_path / "jaga_id.ts").write_text("<TS/>")
    read_only(monkeypatch)
    assert i18n.compiled_folder(tmp_path) != tmp_path
