"""One number's inbox settings: opening hours, away message, greeting, notices, reading."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.domain.inbox.away import AutoReplies
from app.domain.inbox.errors import InboxError
from app.domain.inbox.hours import CLOSED_WEEK, Week, format_day, parse_week
from app.domain.inbox.notices import NoticeRules
from app.domain.inbox.views import NumberSettings
from app.storage.inbox.tables import InboxSettings
from app.storage.store import Store, StoreError
from app.storage.tables import Account

log = logging.getLogger(__name__)


def week_of(text: str) -> Week:
    """The stored seven lines; a line that no longer reads (edited by hand) is closed."""
    lines = (text.split("\n") + [""] * 7)[:7]
    try:
        return parse_week(lines)
    except InboxError as error:
        log.warning("opening hours could not be read (%s); treated as closed", error)
        return CLOSED_WEEK


def view_of(row: InboxSettings | None, account_id: str) -> NumberSettings:
    if row is None:
        return NumberSettings(account_id)
    return NumberSettings(
        account_id=account_id,
        auto=AutoReplies(
            away_on=row.away_on,
            away_text=row.away_text,
            greeting_on=row.greeting_on,
            greeting_text=row.greeting_text,
            hours=week_of(row.hours),
        ),
        notices=NoticeRules(
            on=row.notices_on,
            quiet_from=row.quiet_from,
            quiet_to=row.quiet_to,
            groups=row.notice_groups,
        ),
        blue_ticks=row.blue_ticks,
        business=row.business,
    )


def row_of(s: Session, account_id: str) -> InboxSettings | None:
    """The number's row, made with the defaults if missing (None: no such number)."""
    row = s.get(InboxSettings, account_id)
    if row is None and s.get(Account, account_id) is not None:
        row = InboxSettings(account_id=account_id)
        s.add(row)
        s.flush()
    return row


class SettingsRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, account_id: str) -> NumberSettings:
        with self._store.session() as s:
            return view_of(s.get(InboxSettings, account_id), account_id)

    def all(self) -> dict[str, NumberSettings]:
        with self._store.session() as s:
            rows = s.query(InboxSettings).all()
            return {row.account_id: view_of(row, row.account_id) for row in rows}

    def save(self, settings: NumberSettings) -> None:
        """Stores what the dialog checked (the week is already parsed: app.domain)."""
        auto, notices = settings.auto, settings.notices
        with self._store.session() as s:
            row = row_of(s, settings.account_id)
            if row is None:
                raise StoreError("That number no longer exists.")
            row.away_on, row.away_text = auto.away_on, auto.away_text
            row.greeting_on, row.greeting_text = auto.greeting_on, auto.greeting_text
            row.hours = "\n".join(format_day(day) for day in auto.hours)
            row.notices_on, row.notice_groups = notices.on, notices.groups
            row.quiet_from, row.quiet_to = notices.quiet_from, notices.quiet_to
            row.blue_ticks = settings.blue_ticks
