"""Labels in WAHA's shapes (Label, LabelChatAssociation): for the API's answers and the
label webhooks alike. Pure.

Plain dicts in the field order of label_models.py's Label and LabelChatAssociation (not
built through them: the label webhooks run from the app's start, and pydantic stays
unloaded until the API is first used; tests/unit/gateway/test_api_models.py compares)."""

from __future__ import annotations

from typing import Any

from app.domain.inbox import labels as rules
from app.domain.inbox.labels import Label, LabelChange
from app.gateway.waha import chat_id

#: WAHA's label events, as Jaga sends them.
EVENT_OF = {
    rules.UPSERT: "label.upsert",
    rules.DELETED: "label.deleted",
    rules.CHAT_ADDED: "label.chat.added",
    rules.CHAT_DELETED: "label.chat.deleted",
}


def label_json(label: Label) -> dict[str, Any]:
    """WAHA's Label: the colour as WhatsApp's index and as hex."""
    return {
        "id": label.label_id,
        "name": label.name,
        "color": label.color,
        "colorHex": label.color_hex,
    }


def change_json(change: LabelChange) -> dict[str, Any]:
    """The payload of a label webhook: a Label, or a LabelChatAssociation."""
    if change.chat is None and change.label is not None:
        return label_json(change.label)
    return {
        "labelId": change.label_id,
        "chatId": chat_id(change.chat or ""),
        "label": label_json(change.label) if change.label is not None else None,
    }
