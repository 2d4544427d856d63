"""The shapes of the API's answers and webhook bodies, as models: every answer is built
through one of these (`dump`), and /api/openapi.json is generated from the same models.

WAHA's own definitions (its OpenAPI document; waha-py's generated models are a copy) give
the names and types; Jaga's additions are named in their descriptions. A field Jaga adds
beside WAHA's is allowed where WAHA's object is open (WAMessage's `status`, …).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    # forbid: a field an answer carries that its model does not name is a bug the tests
    # (conformance, schemathesis) catch at once, not a silent drift from the document.
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def dump(model: type[Model], data: dict[str, Any]) -> dict[str, Any]:
    """`data` checked against `model`, as JSON-ready values (aliases such as `from`)."""
    return model.model_validate(data).model_dump(mode="json", by_alias=True)


class ErrorBody(Model):
    """WAHA's (NestJS's) error shape, plus Jaga's machine `code`."""

    statusCode: int
    message: str = Field(description="What went wrong, in a sentence.")
    error: str = Field(description="The HTTP status in words (Bad Request, Not Found, …).")
    code: str = Field(description="Jaga's machine code (docs/api.md, Errors).")


class MeInfo(Model):
    id: str = Field(examples=["6281234567890@c.us"])
    pushName: str


class HmacConfig(Model):
    key: str | None = None


class WebhookConfig(Model):
    url: str
    events: list[str]
    hmac: HmacConfig | None = None
    retries: dict[str, Any] | None = Field(None, description="Accepted; Jaga retries 24 h.")
    customHeaders: list[dict[str, Any]] | None = Field(None, description="Accepted, not sent.")


class SessionConfig(Model):
    model_config = ConfigDict(extra="allow")  # WAHA's proxy, noweb, … are taken and ignored
    metadata: dict[str, str] | None = None
    webhooks: list[WebhookConfig] | None = None


class Timestamps(Model):
    activity: int


class JagaSession(Model):
    label: str
    status: str = Field(description="Jaga's own word (docs/api.md, Sessions and numbers).")


class SessionInfo(Model):
    name: str
    status: Literal["STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED"]
    me: MeInfo | None
    presence: dict[str, Any] | None
    timestamps: Timestamps
    config: SessionConfig | None
    engine: dict[str, Any] | None = None
    jaga: JagaSession


class SessionRequest(Model):
    """POST /api/sessions and PUT /api/sessions/{session}."""

    model_config = ConfigDict(extra="allow")  # apps, … are taken and ignored
    name: str | None = Field(None, max_length=100)
    start: bool | None = None
    config: SessionConfig | None = None


class MediaError(Model):
    code: str
    message: str


class WAMedia(Model):
    url: str | None
    mimetype: str | None
    filename: str | None
    error: MediaError | None


class JagaMessageData(Model):
    status: str
    error: str | None


class RawData(Model):
    jaga: JagaMessageData


class WAMessage(Model):
    id: str
    timestamp: int
    from_: str = Field(alias="from")
    fromMe: bool
    source: Literal["api", "app"]
    to: str
    participant: str
    author: str | None = Field(None, description="A group message's writer.")
    body: str
    hasMedia: bool
    media: WAMedia | None
    mediaUrl: str
    ack: Literal[-1, 0, 1, 2, 3, 4]
    ackName: str
    vCards: list[str]
    data: RawData = Field(alias="_data")


class QueuedMessage(WAMessage):
    """WAMessage plus Jaga's outbox words (docs/api.md, Sending exactly once)."""

    status: str = Field(description="queued, sent, delivered, read or failed")
    replayed: bool = Field(description="true: an earlier request with this key queued it")
    expectedAt: str | None = Field(description="when it should leave (UTC), or null")


class WAMessageAckBody(Model):
    id: str
    from_: str = Field(alias="from")
    to: str
    participant: str
    fromMe: bool
    ack: Literal[-1, 0, 1, 2, 3, 4]
    ackName: str
    data: RawData = Field(alias="_data")


class StatusPoint(Model):
    status: str
    timestamp: int


class WASessionStatusBody(Model):
    name: str
    status: str
    statuses: list[StatusPoint]
    data: dict[str, Any] | None


class QRCodeValue(Model):
    value: str


class Base64File(Model):
    mimetype: str
    data: str


class PairingCode(Model):
    code: str = Field(examples=["ABCD-EFGH"])


class SeenAnswer(Model):
    ids: list[str]
    status: Literal["seen"]


class PingResponse(Model):
    message: Literal["pong"]


class Worker(Model):
    id: str


class WAHAEnvironment(Model):
    version: str
    engine: str
    tier: str
    browser: str
    platform: str
    worker: Worker


class HealthAnswer(Model):
    """@nestjs/terminus's shape, as WAHA's /health answers."""

    status: Literal["ok", "error"]
    info: dict[str, dict[str, Any]]
    error: dict[str, dict[str, Any]]
    details: dict[str, dict[str, Any]]


class FonnteAnswer(Model):
    """Fonnte's answer to /send, plus Jaga's `expectedAt`."""

    status: Literal[True]
    detail: str
    id: list[str]
    process: Literal["pending", "processing"] = Field(
        description="pending: waiting in the outbox (its number away, a schedule, a delay)"
    )
    requestid: int
    target: list[str]
    expectedAt: list[str | None] = Field(description="Jaga's: when each should leave (UTC)")


class FonnteRefusal(Model):
    """Fonnte's refusal, plus WAHA's error fields (one body for both kinds of client)."""

    status: Literal[False]
    reason: str
    statusCode: int
    message: str
    error: str
    code: str


class WebhookBody(Model):
    """The body of every webhook request (WAHA's WAHAWebhook…)."""

    id: str
    timestamp: int
    session: str
    metadata: dict[str, str] | None
    engine: Literal["NOWEB"]
    event: str
    payload: dict[str, Any]
    me: MeInfo | None
    environment: WAHAEnvironment
