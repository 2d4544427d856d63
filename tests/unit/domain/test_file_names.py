"""A received file's name as the system reads it: bidi controls and control characters
out; programs and launchers known by their real extension."""

from __future__ import annotations

import pytest

from app.domain.file_names import BIDI_CONTROLS, real_extension, runs_code, shown_name
from app.domain.media import Media, file_name_for


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
def test_every_bidi_control_is_taken_out(control):
    assert shown_name(f"invoice{control}fdp.exe") == "invoicefdp.exe"


def test_control_characters_are_taken_out_and_the_rest_kept():
    assert shown_name("nota\x00\n\x1b\x85.pdf") == "nota.pdf"
    assert shown_name("Nota Pesanan 👩‍💻 Ibu Sari.pdf") == "Nota Pesanan 👩‍💻 Ibu Sari.pdf"


@pytest.mark.parametrize(
    "name",
    [
        "x.exe",
        "X.EXE",
        "a.bat",
        "a.cmd",
        "a.com",
        "a.scr",
        "a.msi",
        "a.js",
        "a.vbs",
        "a.jar",
        "a.apk",
        "a.desktop",
        "a.sh",
        "Jaga.AppImage",
        "nota.pdf.exe",
        "invoice\u202efdp.exe",
    ],
)
def test_programs_and_launchers_are_known_by_their_real_extension(name):
    assert runs_code(name)


@pytest.mark.parametrize("name", ["nota.pdf", "foto.jpg", "exe.pdf", "readme", "a.exe.pdf"])
def test_documents_are_not_programs(name):
    assert not runs_code(name)


def test_the_saved_or_opened_name_is_the_shown_one():
    media = Media("document", "application/pdf", 10, "ab" * 32, "invoice\u202efdp\x00.exe")
    assert file_name_for(media) == "invoicefdp.exe"
    assert real_extension(file_name_for(media)) == ".exe"
