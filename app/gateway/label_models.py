"""The labels' shapes in the API's answers, bodies and webhooks (WAHA's labels.dto.ts:
Label, LabelID, SetLabelsRequest, LabelChatAssociation), as models: the handlers build
their answers through them (`dump`) and /api/openapi.json is generated from them."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from app.gateway.api_models import Model

#: The API takes at most this many labels for one chat.
MAX_CHAT_LABELS = 100


class Label(Model):
    id: str = Field(examples=["1"], description="The label's id on this number.")
    name: str = Field(examples=["Baru"])
    color: int = Field(examples=[0], description="WhatsApp's colour number, not hex.")
    colorHex: str = Field(
        examples=["#ff9485"],
        description="The colour in hex (#000000: a colour WAHA has no hex for).",
    )


class LabelBody(Model):
    """POST /api/{session}/labels and PUT /api/{session}/labels/{labelId}."""

    model_config = ConfigDict(extra="allow")  # other fields are taken and ignored
    name: str = Field(
        min_length=1,
        max_length=100,
        examples=["Baru"],
        description="Required to make a label; left out of a PUT, the name stays.",
    )
    color: int | None = Field(
        None, ge=0, le=19, description="WhatsApp's colour number; or give colorHex."
    )
    colorHex: str | None = Field(
        None, examples=["#64c4ff"], description="One of WhatsApp's label colours, in hex."
    )


class LabelID(Model):
    model_config = ConfigDict(extra="allow")
    id: str = Field(examples=["1"])


class SetLabelsRequest(Model):
    """PUT /api/{session}/labels/chats/{chatId}: exactly these labels on the chat."""

    model_config = ConfigDict(extra="allow")
    labels: list[LabelID] = Field(max_length=MAX_CHAT_LABELS)


class LabelChat(Model):
    """A chat with a label (GET /api/{session}/labels/{labelId}/chats)."""

    id: str = Field(examples=["6281234567890@c.us"])
    name: str | None = Field(description="The customer's name, if Jaga knows it.")


class LabelChatAssociation(Model):
    """The payload of label.chat.added and label.chat.deleted."""

    labelId: str
    chatId: str
    label: Label | None = Field(description="null: WhatsApp has not described the label yet.")
