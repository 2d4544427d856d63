"""Parsing what the bridge says."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.bridge.protocol import BridgeEvent, ProtocolError, ReadyInfo, SessionInfo, Snapshot
from app.domain.status import SessionStatus


def test_ready_line():
    line = 'JAGA_READY {"port":4312,"pid":7,"boot_id":"b1","version":"0.1.0","engines":["sim"]}'
    info = ReadyInfo.parse_line(line)
    assert info == ReadyInfo(4312, 7, "b1", "0.1.0", ("sim",))
    assert ReadyInfo.parse_line('{"level":30,"msg":"listening"}') is None
    with pytest.raises(ProtocolError):
        ReadyInfo.parse_line("JAGA_READY {not json")


def test_session_with_times_and_me():
    info = SessionInfo.from_json(
        {
            "id": "acc-1",
            "engine": "sim",
            "status": "connected",
            "me": {"phone": "6281", "name": "Toko"},
            "since": "2026-11-23T10:00:00.000Z",
            "seq": 4,
        }
    )
    assert info.status is SessionStatus.CONNECTED
    assert info.me is not None and info.me.phone == "6281"
    assert info.since == datetime(2026, 11, 23, 10, 0, 0)


def test_unknown_status_from_a_newer_bridge_is_failed_not_a_crash():
    assert SessionInfo.from_json({"id": "a", "status": "quantum"}).status is SessionStatus.FAILED


def test_snapshot_and_event():
    snapshot = Snapshot.from_json({"boot_id": "b", "seq": 3, "sessions": [{"id": "a"}]})
    assert list(snapshot.sessions) == ["a"]
    event = BridgeEvent.from_sse("b:12", "session.qr", '{"session_id":"a","qr":"x"}')
    assert (event.boot_id, event.seq, event.data["qr"]) == ("b", 12, "x")
    with pytest.raises(ProtocolError):
        BridgeEvent.from_sse("b:13", "session.qr", "{broken")


def test_a_message_nobody_could_read_is_an_unreadable_inbound_of_its_chat():
    from app.bridge.protocol import decode
    from app.domain.bridge_messages import Inbound

    data = {
        "session_id": "acc-1",
        "message_id": "3EB0AA",
        "chat": "1203630123@g.us",
        "from": "628111",
        "timestamp": "2026-01-02T03:04:05.000Z",
    }
    item = decode("message.undecryptable", data)
    assert item == Inbound(
        "acc-1",
        "3EB0AA",
        "1203630123@g.us",
        "",
        datetime(2026, 1, 2, 3, 4, 5),
        "628111",
        unreadable=True,
    )
    with pytest.raises(ProtocolError):
        decode("message.undecryptable", {"chat": "628111"})
