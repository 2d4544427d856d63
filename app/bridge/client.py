"""The bridge's HTTP API over httpx, with the token on every request."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator
from typing import Any

# httpx loads its transport (httpcore, h11) with the first client and anyio's asyncio
# backend with the first request: here they load with the app, while Node boots, instead
# of after READY on the restore's path (about 50-100 ms).
import anyio._backends._asyncio  # noqa: F401
import httpcore  # noqa: F401
import httpx

from app.bridge.protocol import Limits, SessionInfo, Snapshot
from app.domain.bridge_error import BridgeError


def loopback_tls() -> ssl.SSLContext:
    """For clients of http://127.0.0.1 only. TLS is never used there, so no CA bundle is
    loaded (20-50 ms per client, on the restore's path at every bridge start); an https
    address would fail closed: the context verifies, it just trusts no one."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


#: The bridge answers a send once WhatsApp acknowledged it (docs/bridge-api.md): its paced
#: slot (at most 5 s away), "typing…" (at most 5 s), the write (at most 30 s) and the ack
#: (at most 15 s); an answer later than this is not coming.
SEND_ANSWER_TIMEOUT_S = 60.0
#: A batch is answered once each of its sends is: its sends run side by side, so the
#: slowest one's bound is the batch's.
BATCH_TIMEOUT_S = SEND_ANSWER_TIMEOUT_S


def _raise_for_error(response: httpx.Response) -> None:
    if response.is_success:
        return
    retry_at = None
    error: dict[str, Any] = {}
    try:
        error = response.json()["error"]
        code, message = str(error["code"]), str(error["message"])
        retry_at = error.get("retry_at") if isinstance(error.get("retry_at"), str) else None
    except (ValueError, KeyError, TypeError, AttributeError):
        code, message = "http_error", f"bridge answered {response.status_code}"
    fields = error if isinstance(error, dict) else {}
    raise BridgeError(code, message, response.status_code, retry_at, fields)


def send_body(
    to: str,
    text: str,
    client_id: str,
    *,
    new_contact: bool = True,
    new_contacts_today: int = 0,
    quoted: dict[str, Any] | None = None,
    media: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON of one send (POST /sessions/{id}/messages, or an item of a batch)."""
    body: dict[str, Any] = {
        "to": to,
        "client_id": client_id,
        "new_contact": new_contact,
        "new_contacts_today": new_contacts_today,
    }
    if media is None or text:
        body["text"] = text
    if media is not None:
        body["media"] = media
    if quoted is not None:
        body["quoted"] = quoted
    return body


def batches(bodies: list[dict[str, Any]], max_items: int, max_bytes: int) -> Iterator[list[Any]]:
    """The sends in order, cut where a batch would pass the bridge's count or body size
    (sizes as JSON with escaped non-ASCII: never smaller than what is sent)."""
    chunk: list[dict[str, Any]] = []
    size = len('{"messages": []}')
    for body in bodies:
        item = len(json.dumps(body).encode()) + 2  # and ", " between items
        if chunk and (len(chunk) >= max_items or size + item > max_bytes):
            yield chunk
            chunk, size = [], len('{"messages": []}')
        chunk.append(body)
        size += item
    if chunk:
        yield chunk


def _error_of(item: dict[str, Any]) -> BridgeError:
    error = item["error"]
    retry_at = error.get("retry_at") if isinstance(error.get("retry_at"), str) else None
    status = error.get("status") if isinstance(error.get("status"), int) else None
    return BridgeError(str(error["code"]), str(error["message"]), status, retry_at, dict(error))


class BridgeClient:
    def __init__(
        self, port: int, token: str, *, timeout: float = 10.0, limits: Limits | None = None
    ) -> None:
        self.base_url = f"http://127.0.0.1:{port}"
        self._token = token
        self.limits = limits or Limits()
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
            trust_env=False,  # never send loopback traffic through a configured proxy
            verify=loopback_tls(),
            # A few kept-alive connections carry a burst: httpcore's pool does work per
            # connection on every request, and the bridge answers on one thread anyway.
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=16),
        )

    @property
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token}"}

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _call(
        self, method: str, path: str, json: Any = None, timeout: float | None = None
    ) -> Any:
        try:
            extra: dict[str, Any] = {} if timeout is None else {"timeout": timeout}
            response = await self._http.request(method, path, json=json, **extra)
        except httpx.HTTPError as error:
            raise BridgeError("unreachable", f"the bridge did not answer ({error!r})") from error
        _raise_for_error(response)
        return response.json() if response.content else None

    async def health(self) -> dict[str, Any]:
        return await self._call("GET", "/health")

    async def sessions(self) -> Snapshot:
        return Snapshot.from_json(await self._call("GET", "/sessions"))

    async def start_session(
        self, session_id: str, engine: str, options: dict[str, Any] | None = None
    ) -> SessionInfo:
        body = {"engine": engine, "options": options or {}}
        return SessionInfo.from_json(await self._call("PUT", f"/sessions/{session_id}", body))

    async def start_sessions(
        self, starts: list[tuple[str, str, dict[str, Any]]]
    ) -> list[SessionInfo | BridgeError]:
        """PUT /sessions: (id, engine, options) each, in one request; each outcome in order:
        the session as PUT /sessions/{id} answers it, or the BridgeError it would raise."""
        body = {"sessions": [{"id": i, "engine": e, "options": o} for i, e, o in starts]}
        answer = await self._call("PUT", "/sessions", body)
        try:
            items = list(answer["sessions"])
            if len(items) != len(starts):
                raise ValueError(f"{len(items)} answers for {len(starts)} starts")
            return [_error_of(i) if "error" in i else SessionInfo.from_json(i) for i in items]
        except (KeyError, TypeError, ValueError) as error:
            raise BridgeError("bad_answer", f"unreadable start answer: {error!r}") from error

    async def stop_session(self, session_id: str) -> SessionInfo:
        return SessionInfo.from_json(await self._call("DELETE", f"/sessions/{session_id}"))

    async def logout(self, session_id: str) -> SessionInfo:
        return SessionInfo.from_json(await self._call("POST", f"/sessions/{session_id}/logout"))

    async def pairing_code(self, session_id: str, phone: str) -> str:
        answer = await self._call("POST", f"/sessions/{session_id}/pairing-code", {"phone": phone})
        return str(answer["code"])

    async def send_message(
        self,
        session_id: str,
        to: str,
        text: str,
        client_id: str,
        *,
        new_contact: bool = True,
        new_contacts_today: int = 0,
        quoted: dict[str, Any] | None = None,
        media: dict[str, Any] | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """`new_contact`: the number never talked to `to` (the bridge's daily cap counts it);
        `new_contacts_today`: how many the app's records say it reached today (the cap
        outlives a bridge restart); `quoted`: the message this one answers; `media`: a file of the
        media store, with `text` as its caption; `timeout`: a media send is answered once the
        file is uploaded (longer than 10 s)."""
        body = send_body(
            to,
            text,
            client_id,
            new_contact=new_contact,
            new_contacts_today=new_contacts_today,
            quoted=quoted,
            media=media,
        )
        return await self.send(session_id, body, timeout)

    async def send(
        self, session_id: str, body: dict[str, Any], timeout: float | None = None
    ) -> dict[str, Any]:
        """One send (send_body's JSON): POST /sessions/{id}/messages."""
        return await self._call(
            "POST", f"/sessions/{session_id}/messages", body, timeout or SEND_ANSWER_TIMEOUT_S
        )

    async def send_batch(
        self, session_id: str, bodies: list[dict[str, Any]]
    ) -> list[dict[str, Any] | BridgeError]:
        """Text sends (send_body's) in as few POST /sessions/{id}/messages/batch as the
        bridge's limits allow. Each outcome in order: the answer, or the BridgeError the
        single route would have raised. A request that fails as a whole raises."""
        outcomes: list[dict[str, Any] | BridgeError] = []
        path = f"/sessions/{session_id}/messages/batch"
        limits = self.limits
        for chunk in batches(bodies, limits.batch_max_messages, limits.batch_body_max_bytes):
            answer = await self._call("POST", path, {"messages": chunk}, BATCH_TIMEOUT_S)
            try:
                results = list(answer["results"])
                if len(results) != len(chunk):
                    raise ValueError(f"{len(results)} results for {len(chunk)} sends")
                outcomes += [_error_of(r) if "error" in r else dict(r) for r in results]
            except (KeyError, TypeError, ValueError) as error:
                raise BridgeError("bad_answer", f"unreadable batch answer: {error!r}") from error
        return outcomes

    async def set_media_limits(self, max_file_bytes: int, max_total_bytes: int) -> None:
        body = {"max_file_bytes": max_file_bytes, "max_total_bytes": max_total_bytes}
        await self._call("PUT", "/config/media", body)

    async def mark_seen(
        self, session_id: str, chat: str, ids: list[str], participant: str | None = None
    ) -> dict[str, Any]:
        """Read receipts for messages of a chat (blue ticks for their writers)."""
        body: dict[str, Any] = {"chat": chat, "ids": ids}
        if participant:
            body["participant"] = participant
        return await self._call("POST", f"/sessions/{session_id}/seen", body)

    async def put_label(
        self, session_id: str, label_id: str, name: str, color: int, *, deleted: bool = False
    ) -> dict[str, Any]:
        """A WhatsApp Business label made, changed or deleted (the inbox's label sync)."""
        body = {"name": name, "color": color, "deleted": deleted}
        return await self._call("PUT", f"/sessions/{session_id}/labels/{label_id}", body)

    async def label_chat(
        self, session_id: str, label_id: str, chat: str, *, labeled: bool
    ) -> dict[str, Any]:
        """A WhatsApp Business label put on a chat, or taken off."""
        path = f"/sessions/{session_id}/labels/{label_id}/chats"
        return await self._call("PUT", path, {"chat": chat, "labeled": labeled})

    async def set_pacing(self, pacing: dict[str, Any]) -> dict[str, Any]:
        """Safe sending's settings from the next send on (app.domain.pacing.Pacing.json)."""
        return await self._call("PUT", "/config/pacing", pacing)

    async def ack_events(self, upto: int, boot_id: str) -> None:
        await self._call("POST", "/events/ack", {"upto": upto, "boot_id": boot_id})

    async def shutdown(self) -> None:
        await self._call("POST", "/shutdown")

    # --- simulator control (tests and --demo only) ----------------------------------

    async def sim(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return await self._call("POST", f"/sim/{path.lstrip('/')}", body or {})

    async def sim_network(self) -> list[dict[str, Any]]:
        """Tests and benchmarks: every delivery the simulated network received, in order."""
        return list((await self._call("GET", "/sim/network"))["sent"])

    async def sim_media_reuploads(self) -> list[str]:
        """Tests: the message ids whose media the engine asked the phone to upload again."""
        return list((await self._call("GET", "/sim/network"))["media_reuploads"])

    async def sim_scan(self, session_id: str, phone: str, name: str | None = None) -> None:
        await self.sim(f"sessions/{session_id}/scan", {"phone": phone, "name": name})
