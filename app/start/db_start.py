"""Opening app.sqlite3 at start, in words: damaged, newer, empty with links left behind.

The checks live in app/storage/db_health.py; this module only tells the owner what happened
(what was kept, how to restore) and asks the one question there is (bring the numbers
back from the bridge's links?). `Dialogs` is the seam tests replace to read the texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.storage import db_health
from app.storage.db_health import Health, StartCheck
from app.system.data_folders import DataPaths
from app.ui.shared.formatting import tr, trn

if TYPE_CHECKING:
    from app.storage.store import Store  # SQLAlchemy: not needed to check the file at start


@dataclass(frozen=True)
class Words:
    title: str
    text: str


class Dialogs:
    """Plain-text message boxes (names and paths are never read as markup)."""

    def inform(self, words: Words, parent: QWidget | None = None) -> None:
        self._box(QMessageBox.Icon.Warning, words, parent).exec()

    def refuse(self, words: Words, parent: QWidget | None = None) -> None:
        self._box(QMessageBox.Icon.Critical, words, parent).exec()

    def ask(self, words: Words, yes: str, no: str, parent: QWidget | None = None) -> bool:
        box = self._box(QMessageBox.Icon.Question, words, parent)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is accept

    @staticmethod
    def _box(icon: QMessageBox.Icon, words: Words, parent: QWidget | None) -> QMessageBox:
        box = QMessageBox(icon, words.title, words.text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box


def check_database(paths: DataPaths) -> StartCheck:
    return db_health.check_at_start(paths.database, paths.backups, db_health.known_revisions())


def newer_words(check: StartCheck, paths: DataPaths) -> Words:
    return Words(
        tr("Jaga cannot open this data folder"),
        tr(
            "This data folder was last used by a newer version of Jaga (database version %1). "
            "This Jaga cannot read it and has not changed anything in it.\n\n"
            "Install the newer Jaga again, or start this one with another data folder "
            "(--data-dir).\n\nData folder: %2"
        )
        .replace("%1", check.detail)
        .replace("%2", str(paths.root)),
    )


def damaged_words(check: StartCheck) -> Words:
    kept = tr("The damaged file is kept, untouched, in %1.").replace("%1", str(check.quarantined))
    if check.restored_from is not None:
        restored = tr(
            "Jaga put back its backup %1: your numbers and messages up to that backup are "
            "here; anything newer is only in the damaged copy."
        ).replace("%1", check.restored_from.name)
    else:
        restored = tr(
            "There was no backup yet, so the list of numbers starts empty. Your WhatsApp "
            "links are kept separately by the bridge."
        )
    how = tr(
        "To restore another backup by hand: quit Jaga, copy a file from the backups folder "
        "over app.sqlite3 in the data folder, and start Jaga again."
    )
    return Words(
        tr("Jaga's database was damaged"),
        tr(
            "Jaga's database (app.sqlite3) could not be read, probably after a power cut or "
            "a full disk. SQLite said: %1"
        ).replace("%1", check.detail)
        + "\n\n"
        + kept
        + "\n"
        + restored
        + "\n\n"
        + how,
    )


def rebuild_words(check: StartCheck, links: int) -> Words:
    why = {
        Health.EMPTY: tr("Jaga's list of numbers is empty (app.sqlite3 is an empty file)"),
        Health.MISSING: tr("Jaga's list of numbers is missing (there is no app.sqlite3)"),
    }.get(check.health, tr("Jaga's list of numbers is empty"))
    return Words(
        tr("Bring your numbers back?"),
        why
        + ", "
        + trn(
            "but the bridge still holds the WhatsApp links of %n numbers. Bring them back? "
            "They reconnect without a new QR code; their names and past messages cannot be "
            "recovered.",
            links,
        ),
    )


def start_failed_words(error: BaseException, paths: DataPaths) -> Words:
    return Words(
        tr("Jaga could not start"),
        tr(
            "Jaga could not start: %1\n\nThe details are in jaga.log in the logs folder of "
            "%2. Nothing in the data folder was deleted."
        )
        .replace("%1", type(error).__name__)
        .replace("%2", str(paths.root)),
    )


def offer_rebuild(
    check: StartCheck,
    paths: DataPaths,
    store: Store,
    engine: str,
    dialogs: Dialogs,
    parent: QWidget | None = None,
) -> int:
    """After an empty start: numbers the bridge still links, back on the owner's yes."""
    if check.health is Health.OK or store.accounts():
        return 0
    links = db_health.bridge_linked_sessions(paths.bridge / "bridge.sqlite3")
    if not links:
        return 0
    if not dialogs.ask(
        rebuild_words(check, len(links)), tr("Bring them back"), tr("Not now"), parent
    ):
        return 0
    return db_health.rebuild_accounts(store, links, tr("Number %1"), engine)
