"""Replies that quote a message: which messages may be quoted, and the quote the bridge
sends (WhatsApp shows the quoted text above the reply; Baileys needs its key and text)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.outbox import MessageError
from app.domain.whatsapp_edges import is_group

if TYPE_CHECKING:
    from app.storage.store import Store
    from app.storage.tables import Message


def check_reply(store: Store, account_id: str, chat: str, message_id: str) -> None:
    """A reply quotes a message Jaga has in that same chat; anything else is refused."""
    if store.chat_message(account_id, chat, message_id) is None:
        raise MessageError(
            f"The message to reply to ({message_id}) is not in this chat; "
            "reply to a message of the same chat, or send without reply_to."
        )


def quote_of(store: Store, message: Message) -> dict[str, Any] | None:
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
