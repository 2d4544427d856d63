"""The inbox's durable events as the bridge sends them (docs/bridge-api.md, "Inbox")."""

from __future__ import annotations

from typing import Any

from app.domain.inbox.events import ChatName, ChatRead, LabelChat, LabelEdit

#: Every one is journaled by the bridge and acknowledged once stored.
INBOX_TYPES = ("chat.read", "chat.name", "label.edit", "label.chat")


def _session(data: dict[str, Any]) -> str:
    return str(data.get("session_id", ""))


def chat_read(data: dict[str, Any]) -> ChatRead:
    ids = data.get("message_ids")
    return ChatRead(
        account_id=_session(data),
        chat=str(data["chat"]),
        message_ids=None if ids is None else tuple(str(i) for i in ids),
    )


def chat_name(data: dict[str, Any]) -> ChatName:
    return ChatName(_session(data), str(data["chat"]), str(data["name"]))


def label_edit(data: dict[str, Any]) -> LabelEdit:
    label = data["label"]
    color = label.get("color")
    return LabelEdit(
        account_id=_session(data),
        label_id=str(label["id"]),
        name=str(label.get("name") or ""),
        color=color if isinstance(color, int) and not isinstance(color, bool) else 0,
        deleted=bool(label.get("deleted")),
    )


def label_chat(data: dict[str, Any]) -> LabelChat:
    return LabelChat(
        account_id=_session(data),
        label_id=str(data["label_id"]),
        chat=str(data["chat"]),
        labeled=bool(data["labeled"]),
    )


INBOX_DECODERS: dict[str, Any] = {
    "chat.read": chat_read,
    "chat.name": chat_name,
    "label.edit": label_edit,
    "label.chat": label_chat,
}
