"""Why a chat's queued messages wait although the number is connected: WhatsApp limits
sending to new contacts (app.domain.whatsapp_edges.held), and this chat is a new contact.
The port finds the limit that holds (app.ports.window.ChatReads.send_hold); this says it."""

from __future__ import annotations

from datetime import datetime

from app.domain.whatsapp_edges import SendLimit
from app.ui.shared.formatting import limit_words, tr


def hold_note(limit: SendLimit | None, now: datetime) -> str:
    """'Waiting: Sending to new contacts is limited until 14:30', or '' when nothing holds."""
    if limit is None:
        return ""
    words = limit_words(limit.reason, limit.until, now)
    return tr("Waiting: %1").replace("%1", words)
