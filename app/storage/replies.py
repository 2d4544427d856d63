"""Replies that quote a message: the quote the bridge sends (WhatsApp shows the quoted
text above the reply; Baileys needs its key and text). Which messages may be quoted is
the owner's commands' check (app.runtime.commands.OwnerCommands.check_reply)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.whatsapp_edges import is_group

if TYPE_CHECKING:
    from app.domain.window_views import ChatMessage
    from app.storage.store import Store
    from app.storage.tables import Message


def quote_of(store: Store, message: Message | ChatMessage) -> dict[str, Any] | None:
    """The bridge's `quoted` for an outgoing reply, or None when it answers nothing."""
    if not message.reply_to:
        return None
    quoted = store.chat_message(message.account_id, message.chat, message.reply_to)
    if quoted is None:  # the quoted row was merged away or removed: send it plain
        return None
    participant = quoted.author if is_group(quoted.chat) and quoted.direction == "in" else None
    return {
        "id": quoted.message_id,
        "from_me": quoted.direction == "out",
        "text": quoted.text,
        "participant": participant,
    }
