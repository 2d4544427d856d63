"""`POST /send` as Fonnte documents it, for the Indonesian shop plugins that call it.

Fields (form or JSON): `target` (numbers, comma-separated; each may carry variables after
`|`: `081234567890|Budi|VIP` fills `{name}`, `{var1}`, …), `message` (optional with a
`url`), `url` + `filename` (a file fetched with the media limits and sent through the same
exactly-once path as sendFile), `schedule` (Unix seconds; kept in the outbox, so a restart
keeps it), `delay` (seconds or a range `2-10`, one draw per target, each after the one
before), `countryCode` (Fonnte's rule: app/domain/recipients.py), optional `session`.
Answers in Fonnte's shape (`status`, `detail`, `id`, `process`, `requestid`, `target`) with
Jaga's `expectedAt`; refusals `{"status": false, "reason": …}` (the door writes them).
"""

from __future__ import annotations

import contextlib
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from aiohttp import web

from app.domain.outbox import MessageError, SendOptions
from app.domain.recipients import RecipientError, country_code_of, from_fonnte
from app.gateway.api_http import ApiError, core_of, form_or_json, text_field
from app.gateway.api_media import fetch
from app.gateway.api_models import FonnteAnswer, dump
from app.gateway.api_waha import (
    DEFAULT_SESSION,
    check_sendable,
    idempotency_key,
    iso_utc,
    let_it_leave,
    number_named,
    queue_text,
)
from app.ports.api import GatewayCore, NumberView, Queued, StoreError

MAX_TARGETS = 100
MAX_DELAY_S = 86_400
#: A schedule at most a year ahead (Unix seconds).
MAX_SCHEDULE_AHEAD = timedelta(days=366)
_PLACEHOLDER = re.compile(r"\{(name|var[1-9][0-9]?)\}")


@dataclass(frozen=True)
class Target:
    chat: str  # international digits (or a group)
    variables: tuple[str, ...]  # name, var1, var2, …


def _digits(text: str) -> bool:
    """ASCII digits only: Python's isdigit also takes ¹ and ², which int() refuses."""
    text = text.strip()
    return text.isascii() and text.isdigit() and len(text) <= 12


def delay_range(raw: str | None) -> tuple[int, int]:
    """'5' → (5, 5); '2-10' → (2, 10); none → (0, 0). Seconds, at most a day."""
    text = (raw or "").strip()
    if not text:
        return (0, 0)
    low, _, high = text.partition("-")
    if not _digits(low) or (high and not _digits(high)):
        raise ApiError(400, "bad_delay", "delay is seconds, such as 5, or a range such as 2-10.")
    first, last = int(low), int(high or low)
    if first > last or last > MAX_DELAY_S:
        raise ApiError(400, "bad_delay", f"delay must be from 0 to {MAX_DELAY_S} seconds.")
    return (first, last)


def schedule_of(raw: str | None, now: datetime) -> datetime | None:
    """Fonnte's schedule: Unix seconds (0 or empty: now) → naive UTC, or a 400."""
    text = (raw or "").strip()
    if not text or text == "0":
        return None
    if not _digits(text):
        raise ApiError(
            400, "bad_schedule", "schedule is a Unix time in seconds, such as 1767225600."
        )
    moment = datetime.fromtimestamp(int(text), UTC).replace(tzinfo=None)
    if moment > now + MAX_SCHEDULE_AHEAD:
        raise ApiError(400, "bad_schedule", "schedule is at most a year ahead.")
    return moment if moment > now else None


def departures(
    count: int, delay: tuple[int, int], start: datetime | None, now: datetime, rng: random.Random
) -> list[datetime | None]:
    """When each target's message may leave: from the schedule (or now), one delay after
    the one before."""
    if delay == (0, 0):
        return [start] * count
    out: list[datetime | None] = []
    moment = start or now
    for _ in range(count):
        moment += timedelta(seconds=rng.randint(*delay))
        out.append(moment)
    return out


def targets_of(raw: str, country_code: str | None) -> list[str]:
    """The numbers only (the API's table tests and callers that pass no variables)."""
    return [t.chat for t in parse_targets(raw, country_code)]


def parse_targets(raw: str, country_code: str | None) -> list[Target]:
    """Every target by Fonnte's countryCode rule, each checked before any is queued."""
    try:
        code = country_code_of(country_code)
    except RecipientError as error:
        raise ApiError(400, "bad_country_code", str(error)) from error
    parts = [t for t in raw.split(",") if t.strip()]
    if not parts or len(parts) > MAX_TARGETS:
        raise ApiError(400, "bad_target", f"Give 1 to {MAX_TARGETS} targets, comma-separated.")
    out = []
    for part in parts:
        number, *variables = part.split("|")
        try:
            chat = from_fonnte(number, code).chat
        except RecipientError as error:
            raise ApiError(422, "invalid_target", str(error)) from error
        out.append(Target(chat, tuple(v.strip() for v in variables)))
    return out


def filled(message: str, variables: tuple[str, ...]) -> str:
    """{name} is the first variable, {var1} the second, …; others stay as written."""

    def value(match: re.Match[str]) -> str:
        word = match.group(1)
        index = 0 if word == "name" else int(word[3:])
        return variables[index] if index < len(variables) else match.group(0)

    return _PLACEHOLDER.sub(value, message) if variables else message


def expected_iso(core: GatewayCore, queued: Queued) -> str | None:
    moment = core.expected_at(queued.message)
    return iso_utc(moment) if moment is not None else None


@dataclass(frozen=True)
class Request:
    number: NumberView
    targets: list[Target]
    message: str
    url: str | None
    filename: str | None
    leave: list[datetime | None]
    key: str | None


async def read_request(request: web.Request) -> Request:
    core: GatewayCore = core_of(request)
    body = await form_or_json(request)
    number = number_named(core, text_field(body, "session", required=False) or DEFAULT_SESSION)
    message = text_field(body, "message", required=False) or ""
    url = text_field(body, "url", required=False)
    if not message.strip() and not url:
        raise ApiError(400, "missing_field", "Give a message, a url (a file), or both.")
    targets = parse_targets(
        text_field(body, "target") or "", text_field(body, "countryCode", required=False)
    )
    now = datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as the store keeps
    start = schedule_of(text_field(body, "schedule", required=False), now)
    delay = delay_range(text_field(body, "delay", required=False))
    leave = departures(len(targets), delay, start, now, random.Random())
    filename = text_field(body, "filename", required=False)
    return Request(number, targets, message, url, filename, leave, idempotency_key(request, body))


async def send(request: web.Request) -> web.Response:
    core: GatewayCore = core_of(request)
    asked = await read_request(request)
    texts = [filled(asked.message, t.variables) for t in asked.targets]
    for text in texts:  # every text checked before any is queued
        if text.strip() or not asked.url:
            check_sendable(core, asked.number, text)
    if asked.url:
        queued = await _queue_files(core, asked, texts)
    else:
        queued = [
            queue_text(core, asked.number, t.chat, text, _key(asked, t), SendOptions(not_before=at))
            for t, text, at in zip(asked.targets, texts, asked.leave, strict=True)
        ]
        await let_it_leave()
    answer = {
        "status": True,
        "detail": "success! message in queue",
        "id": [q.message.message_id for q in queued],
        "process": "pending" if any(q.message.status == "queued" for q in queued) else "processing",
        "requestid": queued[0].message.id,
        "target": [t.chat for t in asked.targets],
        "expectedAt": [expected_iso(core, q) for q in queued],
    }
    return web.json_response(dump(FonnteAnswer, answer))


def _key(asked: Request, target: Target) -> str | None:
    return f"{asked.key}\n{target.chat}" if asked.key else None


async def _queue_files(core: GatewayCore, asked: Request, texts: list[str]) -> list[Queued]:
    """The file fetched once (with the media limits), then queued per target through the
    same exactly-once path as sendFile: copied into the media store before each answer."""
    assert asked.url is not None
    check_sendable(core, asked.number, "")
    fetched = await fetch(asked.url, core.media_max_bytes, core.media_tmp_dir())
    name = asked.filename or PurePosixPath(urlsplit(asked.url).path).name or None
    try:
        return [
            await core.queue_media(
                asked.number.id,
                t.chat,
                fetched,
                kind=None,
                caption=text,
                file_name=name,
                mimetype=None,
                idempotency_key=_key(asked, t),
                not_before=at,
            )
            for t, text, at in zip(asked.targets, texts, asked.leave, strict=True)
        ]
    except MessageError as error:
        raise ApiError(422, "invalid_media", str(error)) from error
    except StoreError as error:
        raise ApiError(503, "not_stored", str(error)) from error
    finally:
        with contextlib.suppress(OSError):
            Path(fetched).unlink()
