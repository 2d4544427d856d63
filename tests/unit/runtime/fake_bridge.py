"""A bridge client in memory, for the runtime's unit tests: every call written down, any
call made to fail with the BridgeError the real client raises (app/bridge/client.py)."""

from __future__ import annotations

from typing import Any

from app.bridge.client import BridgeError
from app.bridge.protocol import Me, SessionInfo, Snapshot
from app.domain.status import SessionStatus


class FakeBridge:
    def __init__(self, boot_id: str = "boot-1") -> None:
        self.boot_id = boot_id
        self.sessions_: dict[str, SessionInfo] = {}
        self.calls: list[tuple[Any, ...]] = []
        #: Per method name, the errors its next calls raise (first call first).
        self.failures: dict[str, list[BridgeError]] = {}
        self.seq = 0

    def fail(self, method: str, *errors: BridgeError) -> None:
        self.failures.setdefault(method, []).extend(errors)

    def has(self, status: str, session_id: str, me: str | None = None) -> SessionInfo:
        """A session the bridge runs (or holds), as its next event would tell it."""
        self.seq += 1
        info = SessionInfo(
            id=session_id,
            engine="sim",
            status=SessionStatus(status),
            me=Me(me) if me else None,
            seq=self.seq,
        )
        self.sessions_[session_id] = info
        return info

    def _call(self, name: str, *args: Any) -> None:
        self.calls.append((name, *args))
        queued = self.failures.get(name)
        if queued:
            raise queued.pop(0)

    def named(self, name: str) -> list[tuple[Any, ...]]:
        return [call[1:] for call in self.calls if call[0] == name]

    async def sessions(self) -> Snapshot:
        self._call("sessions")
        return Snapshot(self.boot_id, self.seq, dict(self.sessions_))

    async def start_session(
        self, session_id: str, engine: str, options: dict[str, Any] | None = None
    ) -> SessionInfo:
        self._call("start_session", session_id, engine)
        running = self.sessions_.get(session_id)
        if running is not None and running.status is not SessionStatus.STOPPED:
            return running  # a start leaves a running session as it is
        return self.has("qr", session_id)

    async def start_sessions(
        self, starts: list[tuple[str, str, dict[str, Any]]]
    ) -> list[SessionInfo | BridgeError]:
        """PUT /sessions: each start as start_session would answer it, its error in its place."""
        self._call("start_sessions", [session_id for session_id, _engine, _options in starts])
        outcomes: list[SessionInfo | BridgeError] = []
        for session_id, engine, options in starts:
            try:
                outcomes.append(await self.start_session(session_id, engine, options))
            except BridgeError as error:
                outcomes.append(error)
        return outcomes

    async def stop_session(self, session_id: str) -> SessionInfo:
        self._call("stop_session", session_id)
        info = self.has("stopped", session_id)
        del self.sessions_[session_id]
        return info

    async def logout(self, session_id: str) -> SessionInfo:
        self._call("logout", session_id)
        return self.has("logged_out", session_id)

    async def send_message(self, session_id: str, to: str, text: str, client_id: str, **extra: Any):
        self._call("send_message", session_id, to, text, client_id)
        return {"message_id": client_id}

    async def send(self, session_id: str, body: dict[str, Any], timeout: float | None = None):
        """POST /messages with send_body's JSON, as send_message answers it."""
        return await self.send_message(
            session_id, body["to"], body.get("text", ""), body["client_id"]
        )

    async def send_batch(
        self, session_id: str, bodies: list[dict[str, Any]]
    ) -> list[dict[str, Any] | BridgeError]:
        """POST /messages/batch: each send as send_message answers it, its error in its place."""
        self._call("send_batch", session_id, [body["client_id"] for body in bodies])
        outcomes: list[dict[str, Any] | BridgeError] = []
        for body in bodies:
            try:
                to, text, client_id = body["to"], body.get("text", ""), body["client_id"]
                outcomes.append(await self.send_message(session_id, to, text, client_id))
            except BridgeError as error:
                outcomes.append(error)
        return outcomes

    async def ack_events(self, upto: int, boot_id: str) -> None:
        self._call("ack_events", upto, boot_id)
