"""Finding text an owner would see untranslated: in the sources, in the code catalogues,
and on the screen. Used by tests/gui/shared/test_i18n_shown.py (which also plants mistakes)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

ROOT = Path(__file__).resolve().parent.parent

#: Calls whose text arguments are shown to people: a literal there bypasses tr().
SHOWN_CALLS = {
    "setText", "setPlaceholderText", "setToolTip", "setWindowTitle", "setTitle",
    "setAccessibleName", "setStatusTip", "showMessage", "setTabText", "setHeaderLabels",
    "setLabelText", "setOkButtonText", "setCancelButtonText", "setInformativeText",
    "addButton", "addTab", "addRow", "setItemText", "showNotice", "showMessageBox",
    "QLabel", "QPushButton", "QAction", "QMenu", "QCheckBox", "QGroupBox", "QRadioButton",
    "QMessageBox", "Banner", "NoticeText",
}  # fmt: skip


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _literal_texts(node: ast.AST) -> Iterable[str]:
    """The literal words in an argument: a string, an f-string's fixed parts, a list's items."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        yield from (v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, (ast.List, ast.Tuple)):
        for item in node.elts:
            yield from _literal_texts(item)
    elif isinstance(node, ast.IfExp):
        yield from _literal_texts(node.body)
        yield from _literal_texts(node.orelse)


def literal_shown_texts(files: Iterable[Path]) -> list[tuple[str, int, str]]:
    """(file, line, text) of every literal with letters handed straight to a shown call."""
    found = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in SHOWN_CALLS:
                continue
            for argument in node.args:  # keywords are options (tone="warning"), not text
                for text in _literal_texts(argument):
                    if _has_letters(text) and not text.startswith("https://"):
                        found.append((path.name, node.lineno, text))
    return found


# --- the code catalogues ------------------------------------------------------------------

_BRIDGE = ROOT / "node_bridge" / "src"


def bridge_reasons() -> set[str]:
    """Every reason code the bridge can give a session (docs/bridge-api.md's table, and the
    literal reasons in node_bridge/src)."""
    doc = (ROOT / "docs" / "bridge-api.md").read_text(encoding="utf-8")
    table = doc.split("| reason | status | cause |", 1)[1].split("\n\n", 1)[0]
    first_cells = [line.split("|")[1] for line in table.splitlines() if line.count("|") > 2]
    codes = {c for cell in first_cells for c in re.findall(r"`([a-z_]+)`", cell)}
    for path in _BRIDGE.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r"setStatus\('[a-z_]+', '([a-z_]+)'", text))
        if path.name == "close_codes.js":
            codes |= set(re.findall(r"reason: '([a-z_]+)'", text))
    codes |= set(re.findall(r"WIPE_PENDING_REASON = '([a-z_]+)'", _read_all(_BRIDGE)))
    return codes


def app_reasons() -> set[str]:
    """The reasons the app records itself (the bridge went away, not on the bridge)."""
    sources = _read_all(ROOT / "app")
    codes = set(re.findall(r'why = "([a-z_]+)"', sources))
    codes |= set(re.findall(r'SessionStatus\.STOPPED\.value, "([a-z_]+)"', sources))
    return codes


def audit_kinds() -> set[str]:
    """Every kind of audit event the app writes."""
    sources = _read_all(ROOT / "app")
    kinds = set(re.findall(r'\.audit\(\s*"([a-z_]+)"', sources))
    kinds |= set(re.findall(r'AuditEvent\(kind="([a-z_]+)"', sources))
    kinds |= {k for pair in re.findall(r'kind = "([a-z_]+)" if .* else "([a-z_]+)"', sources)
              for k in pair}  # fmt: skip
    kinds |= set(re.findall(r'why = "([a-z_]+)"', sources))  # audit(why, …) of the bridge
    if 'kind=f"owner_{desired}"' in sources:
        kinds |= {"owner_running", "owner_stopped"}
    return kinds


def _read_all(folder: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.suffix in (".py", ".js") and "node_modules" not in p.parts
    )


# --- the screen -----------------------------------------------------------------------------

OPEN, CLOSE = "⟦", "⟧"


class MarkingTranslator(QTranslator):
    """Marks every text that went through tr()/trn(): ⟦text⟧. What is on screen without
    the marks did not pass through the translation layer."""

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"{OPEN}{source}{CLOSE}"


#: Qt's own parts (a tab bar's scroll arrows): Qt's translations, not Jaga's, name them.
QT_OWN = {"ScrollLeftButton", "ScrollRightButton"}


def widget_texts(root: QWidget) -> list[str]:
    """Every text a person can see or hear (screen readers) in `root` and its children."""
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName() in QT_OWN:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(c) for c in range(header.columnCount())]
            for i in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(i)
                texts += [item.text(c) for c in range(item.columnCount())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_texts(widget.model())
        texts += [widget.toolTip(), widget.accessibleName()]
        texts += [a.text() for a in widget.actions()] + [a.toolTip() for a in widget.actions()]
    return texts


def model_texts(model) -> list[str]:
    texts = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps columnCount to itself: one column
        columns = 1
    for column in range(columns):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        for row in range(model.rowCount(QModelIndex())):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                texts.append(value if isinstance(value, str) else "")
    return texts


def _without_clock_words(text: str) -> str:
    """A time as the language writes it ('2:05 PM') is QLocale's, not a text to translate."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    for marker in (locale.amText(), locale.pmText()):
        if marker:
            text = re.sub(rf"(?<=\d)\s*{re.escape(marker)}\b", " ", text)
    return text


def unmarked(texts: Iterable[str], owners_words: Iterable[str] = ()) -> list[str]:
    """The texts with letters outside every ⟦…⟧ (markup and the owner's own words aside)."""
    found = []
    owners = sorted({w for w in owners_words if w}, key=len, reverse=True)
    for text in texts:
        rest = text
        while True:  # innermost first: tr("… %1 …") with a tr() inside
            stripped = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", rest)
            if stripped == rest:
                break
            rest = stripped
        rest = re.sub(r"<[^>]+>|&[a-z]+;", " ", rest)
        rest = _without_clock_words(rest)
        for words in owners:
            rest = rest.replace(words, " ")
        if _has_letters(rest):
            found.append(text)
    return sorted(set(found))
