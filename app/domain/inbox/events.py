"""What the bridge says about the inbox (docs/bridge-api.md, "Inbox events"): durable.

- `chat.read`: the number's owner read a chat on the phone (all of it, or up to the
  messages named);
- `chat.name`: the name a customer gave themselves on WhatsApp (push name);
- `label.edit`: a WhatsApp Business label was made, changed or deleted;
- `label.chat`: a label was put on a chat or taken off.
"""

from __future__ import annotations

from dataclasses import dataclass


class InboxEvent:
    """Any of the four: stored by the inbox's part, in the transaction of their batch."""

    account_id: str


@dataclass(frozen=True)
class ChatRead(InboxEvent):
    account_id: str
    chat: str
    message_ids: tuple[str, ...] | None  # None: the whole chat


@dataclass(frozen=True)
class ChatName(InboxEvent):
    account_id: str
    chat: str
    name: str


@dataclass(frozen=True)
class LabelEdit(InboxEvent):
    account_id: str
    label_id: str
    name: str
    color: int
    deleted: bool


@dataclass(frozen=True)
class LabelChat(InboxEvent):
    account_id: str
    label_id: str
    chat: str
    labeled: bool
