"""WAHA's sendImage, sendVideo, sendFile and sendVoice (each may quote, `reply_to`), and
the files webhooks point to (docs/api.md).

A file comes as base64 (`file.data`) or as a URL Jaga fetches (`file.url`, http or https,
size-capped, with a timeout). Either way it is copied into the media store before the
message is accepted, exactly as from the window. Bodies of these routes may be as large
as the largest file allowed (Settings), base64-encoded; other routes keep the 1 MB cap.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from aiohttp import web

from app.domain.media import TEMP_PREFIX, human_size, is_sha256
from app.domain.outbox import MessageError
from app.gateway.api_http import (
    ApiError,
    body_limit,
    body_too_large,
    core_of,
    json_object,
    text_field,
)
from app.gateway.api_waha import (
    DEFAULT_SESSION,
    idempotency_key,
    number_named,
    origin,
    queued_json,
    reply_to,
)
from app.gateway.waha import jaga_chat
from app.ports.api import GatewayCore, StoreError

FETCH_TIMEOUT_S = 30.0
FETCH_REDIRECTS = 3


async def capped_json(request: web.Request, cap: int) -> dict[str, Any]:
    """The JSON object of a body read as a stream, never more than `cap` bytes of it."""
    raw = bytearray()
    async for chunk in request.content.iter_chunked(256 * 1024):
        raw += chunk
        if len(raw) > cap:
            raise ApiError(413, "body_too_large", body_too_large(cap))
    return json_object(raw)


def _file_field(body: dict[str, Any]) -> dict[str, Any]:
    file = body.get("file")
    if not isinstance(file, dict):
        raise ApiError(400, "missing_field", "The field “file” is required (an object).")
    for name in ("mimetype", "filename"):
        if file.get(name) is not None and not isinstance(file.get(name), str):
            raise ApiError(400, "bad_field", f"The field “file.{name}” must be a string.")
    has_data, has_url = file.get("data") not in (None, ""), file.get("url") not in (None, "")
    if has_data == has_url:
        raise ApiError(400, "bad_field", "Give the file as “file.data” (base64) or “file.url”.")
    return file


def _decoded(data: Any) -> bytes:
    if not isinstance(data, str):
        raise ApiError(400, "bad_field", "“file.data” must be a base64 string.")
    if data.startswith("data:") and "," in data:
        data = data.split(",", 1)[1]  # a data: URL is its base64 part
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ApiError(400, "bad_field", "“file.data” is not valid base64.") from error


async def fetch(url: Any, cap: int, folder: Path) -> Path:
    """Downloads an http(s) URL into `folder` (streamed, at most `cap` bytes)."""
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
        raise ApiError(422, "bad_url", "“file.url” must be an http or https address.")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / (TEMP_PREFIX + "fetch-" + secrets.token_hex(8))
    try:
        async with (
            httpx.AsyncClient(
                timeout=FETCH_TIMEOUT_S, follow_redirects=True, max_redirects=FETCH_REDIRECTS
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise ApiError(
                    422, "fetch_failed", f"“file.url” answered HTTP {response.status_code}."
                )
            size = 0
            with target.open("wb") as out:
                async for chunk in response.aiter_bytes(256 * 1024):
                    size += len(chunk)
                    if size > cap:
                        raise ApiError(
                            413,
                            "file_too_large",
                            f"The file at “file.url” is larger than {human_size(cap)}.",
                        )
                    out.write(chunk)
    except httpx.HTTPError as error:
        target.unlink(missing_ok=True)
        raise ApiError(422, "fetch_failed", f"“file.url” could not be fetched: {error}.") from error
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _send(kind: str | None) -> Any:
    async def send(request: web.Request) -> web.Response:
        core: GatewayCore = core_of(request)
        body = await capped_json(request, body_limit(core, request.path))
        number = number_named(core, text_field(body, "session", required=False) or DEFAULT_SESSION)
        to = jaga_chat(text_field(body, "chatId") or "")
        caption = text_field(body, "caption", required=False) or ""
        file = _file_field(body)
        key = idempotency_key(request, body)
        if number.phone is None:
            raise ApiError(
                409, "not_linked", f"“{number.label}” is not linked to a phone yet: scan its QR."
            )
        fetched: Path | None = None
        try:
            if file.get("data") not in (None, ""):
                source: Path | bytes = _decoded(file["data"])
            else:
                fetched = await fetch(file["url"], core.media_max_bytes, core.media_tmp_dir())
                source = fetched
            queued = await core.queue_media(
                number.id,
                to,
                source,
                kind=kind,
                caption=caption,
                file_name=file.get("filename") or None,
                mimetype=file.get("mimetype") or None,
                idempotency_key=key,
                reply_to=reply_to(body),
            )
        except MessageError as error:
            raise ApiError(422, "invalid_media", str(error)) from error
        except StoreError as error:
            raise ApiError(503, "not_stored", str(error)) from error
        finally:
            if fetched is not None:
                with contextlib.suppress(OSError):
                    fetched.unlink()
        status = 201 if queued.created else 200
        return web.json_response(queued_json(core, number, queued, origin(request)), status=status)

    send.__name__ = f"send_{kind or 'file'}"
    return send


send_image = _send("image")
send_video = _send("video")
send_file = _send("document")
send_voice = _send("voice")


async def get_file(request: web.Request) -> web.StreamResponse:
    """A message's file (a webhook's `media.url`), streamed from the media store."""
    core: GatewayCore = core_of(request)
    number = number_named(core, request.match_info["session"])
    sha = request.match_info["sha256"].lower()
    found = core.media_file(number.id, sha) if is_sha256(sha) else None
    if found is None:
        raise ApiError(404, "file_not_found", "This number has no such file.")
    path, mimetype, name = found
    headers = {
        "Content-Type": mimetype,
        "Content-Disposition": f"attachment; filename*=UTF-8''{_quoted(name)}",
        "Cache-Control": "private, max-age=31536000, immutable",  # named by its bytes
    }
    # Read in chunks on the loop (a local disk), not in an executor thread: the app's
    # loop is qasync's, whose executor threads are Qt threads.
    with path.open("rb") as handle:
        response = web.StreamResponse(headers=headers)
        response.content_length = path.stat().st_size
        await response.prepare(request)
        while chunk := handle.read(256 * 1024):
            await response.write(chunk)
        await response.write_eof()
    return response


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")
