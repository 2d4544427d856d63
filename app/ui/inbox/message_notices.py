"""New-message notices: in the tray where there is one, else a banner in the main window.

One notice per number (app.domain.inbox.notices): how many messages came from how many
customers since the owner last looked, with the start of the newest; a click opens that
chat. Each number's notices can be off, or quiet at night; the owner's own messages and
(unless asked) groups are never told.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from app.domain.inbox.notices import Arrival, NoticeGroups, NoticeRules, NumberNotice, tells
from app.domain.inbox.views import MessageSeen
from app.ports.inbox import InboxPort
from app.ui.inbox.banner import MessageBanner
from app.ui.shared.formatting import chat_title, tr, trn

BATCH_MS = 50
NOTICE_MS = 10_000


def local_now() -> datetime:
    return datetime.now()


def notice_words(notice: NumberNotice, number: str) -> tuple[str, str]:
    """(title, body) of a number's notice."""
    sender = notice.chats.get(notice.last_chat) or chat_title(notice.last_chat)
    if notice.count == 1:
        title = tr("%1 — %2").replace("%1", number).replace("%2", sender)
        return title, notice.last_text
    title = trn("%1: %n new messages", notice.count).replace("%1", number)
    if notice.senders > 1:
        title += " " + trn("from %n customers", notice.senders)
    return title, f"{sender}: {notice.last_text}"


class MessageNotices(QObject):
    open_requested = Signal(str, str)  # account id, chat

    def __init__(
        self,
        port: InboxPort,
        *,
        tray: object,
        banner: MessageBanner,
        number_name: Callable[[str], str],
        clock: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.tray = tray
        self.banner = banner
        self._number_name = number_name
        self._clock = clock
        self.groups = NoticeGroups()
        self.shown: list[tuple[str, str, str]] = []  # (account id, title, body), for tests
        self._rules: dict[str, NoticeRules] = {}
        self._pending: list[int] = []
        self._last: str | None = None  # the number of the tray's newest notice
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._arrived)
        port.settings_changed.connect(self._settings_changed)  # bound: gone with self
        banner.open_requested.connect(self._open)
        icon = getattr(tray, "icon", None)
        if isinstance(icon, QSystemTrayIcon):
            icon.messageClicked.connect(self._tray_clicked)

    def _settings_changed(self, account_id: str) -> None:
        self._rules.pop(account_id, None)

    def message_added(self, row_id: int) -> None:
        self._pending.append(row_id)
        if not self._batch.isActive():
            self._batch.start()

    def _arrived(self) -> None:
        pending, self._pending = self._pending, []
        told: list[str] = []
        for seen in self.port.messages_seen(pending):  # the customers' ones, in order
            if self._tells(seen):
                told.append(seen.account_id)
        for account_id in dict.fromkeys(told):
            notice = self.groups.of(account_id)
            if notice is not None:
                self._show(notice)

    def _tells(self, seen: MessageSeen) -> bool:
        rules = self._rules.get(seen.account_id)
        if rules is None:
            rules = self._rules[seen.account_id] = self.port.settings(seen.account_id).notices
        sender = seen.name or chat_title(seen.chat)
        arrival = Arrival(seen.account_id, seen.chat, seen.direction, seen.text or "", sender)
        if not tells(rules, arrival, self._clock()):
            return False
        self.groups.add(arrival)
        return True

    def _show(self, notice: NumberNotice) -> None:
        title, body = notice_words(notice, self._number_name(notice.account_id))
        self.shown.append((notice.account_id, title, body))
        if getattr(self.tray, "available", False):
            self._last = notice.account_id
            # The tray's own notices (a number dropped) open their fix; this one opens a chat.
            self.tray.last_notice = None  # type: ignore[attr-defined]
            self.tray.last_told = None  # type: ignore[attr-defined]
            self.tray.icon.showMessage(  # type: ignore[attr-defined]
                title, body, QSystemTrayIcon.MessageIcon.Information, NOTICE_MS
            )
        else:
            self.banner.show_notice(notice.account_id, notice.last_chat, title, body)

    def _tray_clicked(self) -> None:
        mine = self.tray.last_notice is None and self.tray.last_told is None  # type: ignore[attr-defined]
        if mine and self._last is not None:
            notice = self.groups.of(self._last)
            if notice is not None:
                self._open(notice.account_id, notice.last_chat)

    def _open(self, account_id: str, chat: str) -> None:
        self.seen(account_id)
        self.open_requested.emit(account_id, chat)

    def seen(self, account_id: str) -> None:
        """The owner looked at the number's chats: its notice ends."""
        self.groups.seen(account_id)
        self.banner.remove(account_id)

    def click_newest(self) -> bool:
        """What a click on the newest notice does (tests, and the tray's own click)."""
        if self.shown:
            account_id = self.shown[-1][0]
            notice = self.groups.of(account_id)
            if notice is not None:
                self._open(account_id, notice.last_chat)
                return True
        return False
