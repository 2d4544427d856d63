"""Translations: collecting the strings, compiling .ts → .qm, and loading one language.

- Sources: resources/translations/jaga_<lang>.ts (Qt Linguist), context "Jaga".
- `python -m app.ui.shared.i18n update` collects every `tr()` / `trn()` / `tr_noop()` text
  under app/ into the .ts files (new texts unfinished, vanished ones marked so, translations kept).
  pyside6-lupdate is not used because it files module-level `tr()` calls under no context.
- `python -m app.ui.shared.i18n compile` (also done at start-up and before the tests) runs Qt's
  lrelease for every .qm that is missing or older than its .ts; .qm files are not committed.
- The UI follows the system language unless the owner picked one in Settings.
"""

from __future__ import annotations

import ast
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ROOT / "app"
CONTEXT = "Jaga"
PREFIX = "jaga_"

#: The languages Jaga speaks, each named in itself (for the Settings list).
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}
DEFAULT_LANGUAGE = "en"

_MARKERS = {"tr": False, "trn": True, "tr_noop": False}


@dataclass
class Message:
    source: str
    numerus: bool = False
    locations: list[tuple[str, int]] = field(default_factory=list)


# --- collecting --------------------------------------------------------------------------


def extract(files: Iterable[Path], root: Path = ROOT) -> list[Message]:
    """Every literal text given to tr/trn/tr_noop, in order of first appearance."""
    found: dict[str, Message] = {}
    for path in sorted(files):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            numerus = _MARKERS.get(node.func.id)
            if numerus is None or not node.args:
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            message = found.setdefault(first.value, Message(first.value, numerus))
            message.numerus = message.numerus or numerus
            message.locations.append((path.relative_to(root).as_posix(), node.lineno))
    for message in found.values():
        message.locations.sort()
    return sorted(found.values(), key=lambda m: m.locations[0])


def source_files(folder: Path = SOURCES) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts)


@dataclass
class Entry:
    source: str
    numerus: bool
    translations: list[str]
    unfinished: bool
    vanished: bool = False


def read_ts(path: Path) -> tuple[str, dict[str, Entry]]:
    """(language, entries by source text) of a .ts file."""
    tree = ET.parse(path)
    root = tree.getroot()
    entries: dict[str, Entry] = {}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None:
            continue
        kind = node.get("type") or ""
        forms = node.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [node.text or ""]
        entries[source] = Entry(
            source,
            message.get("numerus") == "yes",
            texts,
            kind == "unfinished",
            kind in ("vanished", "obsolete"),
        )
    return root.get("language") or "", entries


def write_ts(path: Path, language: str, messages: list[Message], old: dict[str, Entry]) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    current = {m.source for m in messages}
    vanished = [e for s, e in old.items() if s not in current and any(e.translations)]
    for message in messages:
        node = ET.SubElement(context, "message")
        if message.numerus:
            node.set("numerus", "yes")
        # Files only, no line numbers: the .ts does not churn with every edit.
        for filename in dict.fromkeys(f for f, _line in message.locations):
            ET.SubElement(node, "location", filename=f"../../{filename}")
        ET.SubElement(node, "source").text = message.source
        entry = old.get(message.source)
        translation = ET.SubElement(node, "translation")
        texts = entry.translations if entry else []
        if entry is None or entry.unfinished or entry.vanished or not any(texts):
            translation.set("type", "unfinished")
        if message.numerus:
            forms = texts if entry and entry.numerus else [*texts[:1]]
            for text in forms or [""]:
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = texts[0] if texts else ""
    for entry in vanished:
        node = ET.SubElement(context, "message")
        ET.SubElement(node, "source").text = entry.source
        translation = ET.SubElement(node, "translation", type="vanished")
        translation.text = entry.translations[0]
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def update(folder: Path = TRANSLATIONS) -> list[Path]:
    messages = extract(source_files())
    written = []
    for path in sorted(folder.glob(f"{PREFIX}*.ts")):
        language, old = read_ts(path)
        write_ts(path, language or path.stem.removeprefix(PREFIX), messages, old)
        written.append(path)
    return written


# --- compiling ---------------------------------------------------------------------------


def find_lrelease() -> list[str] | None:
    """Qt's lrelease as shipped by PySide6 (the binary, or the venv's pyside6-lrelease)."""
    try:
        import PySide6

        exe = "lrelease.exe" if os.name == "nt" else "lrelease"
        binary = Path(PySide6.__file__).resolve().parent / exe
        if binary.is_file():
            return [str(binary)]
    except ImportError:
        pass
    for name in ("pyside6-lrelease", "lrelease"):
        beside = Path(sys.executable).with_name(name)
        found = str(beside) if beside.is_file() else shutil.which(name)
        if found:
            return [found]
    return None


def compiled_folder(folder: Path = TRANSLATIONS) -> Path:
    """Where the .qm files go: beside the sources, or a cache folder when that is read-only.

    A frozen build ships its .qm compiled and no .ts: they are read where they lie, even in
    a read-only install folder (/opt/jaga)."""
    if os.access(folder, os.W_OK) or not any(folder.glob(f"{PREFIX}*.ts")):
        return folder
    cache = Path(tempfile.gettempdir()) / "jaga-translations"
    cache.mkdir(parents=True, exist_ok=True)
    return cache


def ensure_compiled(folder: Path = TRANSLATIONS) -> Path:
    """Compiles every missing or outdated .qm; returns the folder that holds them."""
    target = compiled_folder(folder)
    lrelease: list[str] | None = None
    for ts in sorted(folder.glob(f"{PREFIX}*.ts")):
        qm = target / (ts.stem + ".qm")
        if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        lrelease = lrelease or find_lrelease()
        if lrelease is None:
            log.warning("no lrelease found: %s stays untranslated", ts.name)
            continue
        result = subprocess.run(
            [*lrelease, "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            log.warning("lrelease failed for %s: %s", ts.name, result.stderr.strip())
    return target


# --- loading ---------------------------------------------------------------------------


def resolve_language(setting: str | None, system: QLocale | None = None) -> str:
    """The owner's choice if it is one we speak, else the system's language, else English."""
    if setting in LANGUAGES:
        return setting
    name = (system or QLocale.system()).name().split("_")[0]
    if name == "in":  # the old ISO code for Indonesian
        name = "id"
    return name if name in LANGUAGES else DEFAULT_LANGUAGE


class Translations:
    """Installs Jaga's translator; switching language replaces it (one per application)."""

    #: The translator installed now, whichever instance installed it.
    _installed: QTranslator | None = None

    def __init__(self, folder: Path = TRANSLATIONS) -> None:
        self.folder = folder
        self.language = DEFAULT_LANGUAGE

    def apply(self, setting: str | None) -> str:
        """Installs the language `setting` resolves to; widgets get a LanguageChange."""
        language = resolve_language(setting)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no QCoreApplication")
        translator = QTranslator(app)
        qm_folder = ensure_compiled(self.folder)
        if not translator.load(f"{PREFIX}{language}", str(qm_folder)):
            log.warning("no compiled translation for %r in %s", language, qm_folder)
            translator = None
        previous = Translations._installed
        if previous is not None:
            QCoreApplication.removeTranslator(previous)
            previous.deleteLater()
        Translations._installed = translator
        if translator is not None:
            QCoreApplication.installTranslator(translator)
        QLocale.setDefault(locale_for(language))
        self.language = language
        return language


def locale_for(language: str) -> QLocale:
    """The language, with the computer's region where it has one: English on a PC set to
    Indonesia reads times 24-hour and dates day first (en_ID), as the owner's clock does."""
    chosen = QLocale(language)
    return QLocale(chosen.language(), QLocale.system().territory())


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compile"
    if command == "update":
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
        return 0
    if command == "compile":
        if find_lrelease() is None:
            print("lrelease not found (install PySide6)", file=sys.stderr)
            return 1
        folder = ensure_compiled()
        missing = [
            ts.name
            for ts in TRANSLATIONS.glob(f"{PREFIX}*.ts")
            if not (folder / (ts.stem + ".qm")).is_file()
        ]
        if missing:
            print(f"not compiled: {', '.join(missing)}", file=sys.stderr)
            return 1
        return 0
    print("usage: python -m app.ui.shared.i18n [update|compile]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
