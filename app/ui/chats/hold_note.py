"""Why a chat's queued messages wait although the number is connected: WhatsApp limits
sending to new contacts (app.domain.whatsapp_edges.held), and this chat is a new contact."""

from __future__ import annotations

from datetime import datetime

from app.domain.whatsapp_edges import SendLimit, held
from app.storage.message_edges import known_chats
from app.storage.store import Store
from app.storage.tables import Account
from app.ui.shared.formatting import limit_words, tr, utcnow


def hold_note(
    store: Store, account: Account | None, chat: str | None, now: datetime | None = None
) -> str:
    """'Waiting: Sending to new contacts is limited until 14:30', or '' when nothing holds."""
    if account is None or chat is None or not account.limit_reason:
        return ""
    now = now or utcnow()
    limit = SendLimit(account.limit_reason, account.limited_until)
    known = chat in known_chats(store, account.id, [chat])
    if not held(chat, limit=limit, known=known, now=now):
        return ""
    words = limit_words(account.limit_reason, account.limited_until, now)
    return tr("Waiting: %1").replace("%1", words)
