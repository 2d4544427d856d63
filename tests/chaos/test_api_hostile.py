"""Hostile and malformed requests to the local API: a clear JSON error each, nothing changed.

Modelled on the bridge's suite (test_hostile_requests.py): byte-exact requests, every
answer in the `{"error": {"code", "message"}}` shape, then proof that nothing changed:
no message queued or sent, no number stopped or unlinked, the key in no log line.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest

from tests.apilive import make_gateway
from tests.chaos.rawhttp import GOOD, build, send
from tests.integration.test_messages import link
from tests.liveapp import run, settled

pytestmark = [pytest.mark.chaos, pytest.mark.integration]

KEY = object()  # marker: the right key


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    target: str
    status: int
    code: str
    key: object | str | None = KEY
    body: bytes | None = None
    content_type: str | None = "application/json"
    host: object | str | None = GOOD
    headers: tuple[tuple[str, str], ...] = ()
    raw: bytes | None = None


def j(value: Any) -> bytes:
    return json.dumps(value).encode()


def cases(sid: str, unlinked: str) -> list[Case]:
    send_text = j({"session": sid, "chatId": "6281234567890@c.us", "text": "hi"})
    routes = [
        ("GET", "/api/sessions", None),
        ("GET", f"/api/sessions/{sid}", None),
        ("POST", f"/api/sessions/{sid}/stop", None),
        ("POST", f"/api/sessions/{sid}/logout", None),
        ("POST", f"/api/sessions/{sid}/restart", None),
        ("GET", f"/api/sessions/{sid}/me", None),
        ("GET", f"/api/{sid}/auth/qr", None),
        ("POST", f"/api/{sid}/auth/request-code", j({"phoneNumber": "6281300000999"})),
        ("POST", "/api/sendText", send_text),
        ("GET", f"/api/{sid}/chats/6281234567890@c.us/messages", None),
        ("POST", "/send", j({"target": "08123456789", "message": "hi"})),
        ("GET", "/no/such/route", None),
    ]
    out = [
        Case(f"no key {m} {t}", m, t, 401, "unauthorized", key=None, body=b) for m, t, b in routes
    ]
    for label, key in {
        "wrong": "not-the-key",
        "empty": "",
        "key plus suffix": "{key}x",
        "key prefix": "{key}-",
        "bearer in X-Api-Key": "Bearer {key}",
    }.items():
        for m, t, b in routes[2:4] + routes[8:9]:
            out.append(Case(f"{label} key {m} {t}", m, t, 401, "unauthorized", key=key, body=b))
    out.append(
        Case(
            "key in the query",
            "POST",
            f"/api/sessions/{sid}/stop?x-api-key={{key}}",
            401,
            "unauthorized",
            key=None,
        )
    )
    for host in ("evil.example", "127.0.0.1", "localhost.evil.example:{port}", ""):
        out.append(
            Case(f"host {host!r}", "POST", f"/api/sessions/{sid}/stop", 421, "bad_host", host=host)
        )
    for label, body in (
        ("unclosed", b"{"),
        ("cut off", b'{"chatId":'),
        ("garbage after", b'{"text":"hi"}garbage'),
        ("not UTF-8", b'{"text":"\xff\xfe"}'),
        ("array", b"[]"),
        ("string", b'"hi"'),
        ("empty", b""),
    ):
        out.append(Case(f"bad JSON {label}", "POST", "/api/sendText", 400, "bad_json", body=body))
        out.append(Case(f"bad JSON {label} /send", "POST", "/send", 400, "bad_json", body=body))
    for name in ("nope", "..", "default%00", "%2e%2e", "x" * 300):
        out.append(
            Case(
                f"unknown session {name[:20]}",
                "GET",
                f"/api/sessions/{name}",
                404,
                "session_not_found",
            )
        )
        out.append(
            Case(
                f"unknown session {name[:20]} send",
                "POST",
                "/api/sendText",
                404,
                "session_not_found",
                body=j({"session": name, "chatId": "628123456789", "text": "hi"}),
            )
        )
    text = {"session": sid, "chatId": "6281234567890"}
    for label, body, status, code in (
        ("text over the bridge's limit", {**text, "text": "y" * 60_001}, 422, "text_too_long"),
        ("text empty", {**text, "text": "  "}, 422, "invalid_message"),
        ("text a number", {**text, "text": 5}, 400, "missing_field"),
        ("text null", {**text, "text": None}, 400, "missing_field"),
        ("no chatId", {"session": sid, "text": "hi"}, 400, "missing_field"),
        ("chatId a list", {**text, "chatId": ["628"], "text": "hi"}, 400, "bad_field"),
        ("chatId letters", {**text, "chatId": "hello@c.us", "text": "hi"}, 422, "invalid_target"),
        ("chatId too short", {**text, "chatId": "62812", "text": "hi"}, 422, "invalid_target"),
        (
            "a reply to no such message",
            {**text, "text": "hi", "reply_to": "false_x_y"},
            422,
            "invalid_message",
        ),
        ("reply_to a number", {**text, "text": "hi", "reply_to": 7}, 400, "bad_reply_to"),
        (
            "key too long",
            {**text, "text": "hi", "idempotencyKey": "k" * 201},
            400,
            "bad_idempotency_key",
        ),
        ("unlinked number", {**text, "session": unlinked, "text": "hi"}, 409, "not_linked"),
    ):
        out.append(Case(label, "POST", "/api/sendText", status, code, body=j(body)))
    for label, body, status, code in (
        ("shim: no target", {"message": "hi"}, 400, "missing_field"),
        ("shim: bad target", {"target": "0812", "message": "hi"}, 422, "invalid_target"),
        (
            "shim: one bad of two",
            {"target": "081234567890,abc", "message": "hi"},
            422,
            "invalid_target",
        ),
        (
            "shim: bad countryCode",
            {"target": "081234567890", "message": "hi", "countryCode": "+62"},
            400,
            "bad_country_code",
        ),
        (
            "shim: unknown countryCode",
            {"target": "081234567890", "message": "hi", "countryCode": "999"},
            400,
            "bad_country_code",
        ),
        (
            "shim: 101 targets",
            {"target": ",".join(["081234567890"] * 101), "message": "hi"},
            400,
            "bad_target",
        ),
    ):
        out.append(Case(label, "POST", "/send", status, code, body=j(body)))
    out.append(
        Case(
            "shim: form without message",
            "POST",
            "/send",
            400,
            "missing_field",
            body=b"target=081234567890",
            content_type="application/x-www-form-urlencoded",
        )
    )
    for limit in ("abc", "0", "100000", "-1", "1e3"):
        out.append(
            Case(
                f"limit {limit}",
                "GET",
                f"/api/{sid}/chats/628123@c.us/messages?limit={limit}",
                400,
                "bad_limit",
            )
        )
    out += [
        Case("wrong method", "DELETE", "/api/sendText", 405, "method_not_allowed"),
        Case("unknown route", "GET", "/api/nothing/here/at/all", 404, "not_found"),
        Case(
            "pairing code without phone",
            "POST",
            f"/api/{sid}/auth/request-code",
            400,
            "missing_field",
            body=j({}),
        ),
        Case("QR of a connected number", "GET", f"/api/{sid}/auth/qr", 409, "no_qr"),
        Case(
            "sendSeen of a chat with nothing received",
            "POST",
            "/api/sendSeen",
            422,
            "nothing_to_mark",
            body=j({"session": sid, "chatId": "6281234567890@c.us"}),
        ),
        Case(
            "sendSeen with ids not a list",
            "POST",
            "/api/sendSeen",
            400,
            "bad_message_ids",
            body=j({"session": sid, "chatId": "6281234567890@c.us", "messageIds": "A"}),
        ),
        Case(
            "shim: delay not seconds",
            "POST",
            "/send",
            400,
            "bad_delay",
            body=j({"target": "081234567890", "message": "hi", "delay": "soon"}),
        ),
        Case(
            "1 MiB + 1 body",
            "POST",
            "/api/sendText",
            413,
            "body_too_large",
            body=j({**text, "text": "z" * (2**20)}),
        ),
        Case(
            "Content-Length of 1 GB",
            "POST",
            "/api/sendText",
            413,
            "body_too_large",
            raw=b"POST /api/sendText HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Api-Key: {key}\r\n"
            b"Content-Type: application/json\r\nContent-Length: 1000000000\r\n"
            b"Connection: close\r\n\r\n{}",
        ),
        Case(
            "2 MiB chunked",
            "POST",
            "/api/sendText",
            413,
            "body_too_large",
            raw=b"POST /api/sendText HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Api-Key: {key}\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            b"Connection: close\r\n\r\n"
            + (b"100000\r\n" + b"a" * 0x100000 + b"\r\n") * 2
            + b"0\r\n\r\n",
        ),
    ]
    return out + never_500(sid)


def never_500(sid: str) -> list[Case]:
    """Inputs that once made a 500 (main at 583a38a): each is now a 400/422 in words."""
    shim = {"target": "081234567890", "message": "hi"}
    text = {"session": sid, "chatId": "6281234567890@c.us", "text": "hi"}
    elf = base64.b64encode(b"\x7fELF\x02\x01\x01" + bytes(64)).decode()
    deep_object = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    deep_path = f"/api/{sid}/chats/6281234567890@c.us/messages"
    return [
        Case(
            "pairing code for a national number",
            "POST",
            f"/api/{sid}/auth/request-code",
            422,
            "invalid_target",
            body=j({"phoneNumber": "081300000999"}),
        ),
        Case("limit ¹ (a Unicode digit)", "GET", deep_path + "?limit=%C2%B9", 400, "bad_limit"),
        Case("limit ٣ (Arabic-Indic)", "GET", deep_path + "?limit=%D9%A3", 400, "bad_limit"),
        Case("shim: delay ²", "POST", "/send", 400, "bad_delay", body=j({**shim, "delay": "²"})),
        Case(
            "shim: delay range 1-²",
            "POST",
            "/send",
            400,
            "bad_delay",
            body=j({**shim, "delay": "1-²"}),
        ),
        Case(
            "shim: countryCode ¹",
            "POST",
            "/send",
            400,
            "bad_country_code",
            body=j({**shim, "countryCode": "¹"}),
        ),
        Case(
            "shim: multipart without a boundary",
            "POST",
            "/send",
            400,
            "bad_form",
            body=b"target=081234567890&message=hi",
            content_type="multipart/form-data",
        ),
        Case(
            "shim: multipart with a broken part",
            "POST",
            "/send",
            400,
            "bad_form",
            body=b"--xx\r\nContent-Disposition: nonsense\r\n\r\nhi\r\n",
            content_type="multipart/form-data; boundary=xx",
        ),
        Case(
            "a lone surrogate in the Idempotency-Key header",
            "POST",
            "/api/sendText",
            400,
            "bad_text",
            raw=b"POST /api/sendText HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Api-Key: {key}\r\n"
            b"Idempotency-Key: order-\xed\xa0\x80\r\nContent-Type: application/json\r\n"
            b"Content-Length: "
            + str(len(j(text))).encode()
            + b"\r\nConnection: close\r\n\r\n"
            + j(text),
        ),
        Case(
            "a lone surrogate in idempotencyKey",
            "POST",
            "/api/sendText",
            400,
            "bad_text",
            body=j({**text, "idempotencyKey": "order-\ud800"}),
        ),
        Case(
            "a lone surrogate in the session",
            "POST",
            "/api/sendText",
            400,
            "bad_text",
            body=j({**text, "session": "\udfff"}),
        ),
        Case(
            "a lone surrogate in a /send form",
            "POST",
            "/send",
            400,
            "bad_text",
            body=b"target=081234567890&message=%ED%A0%80",
            content_type="application/x-www-form-urlencoded",
        ),
        Case("JSON 100,000 deep", "POST", "/api/sendText", 400, "bad_json", body=deep_object),
        Case(
            "JSON 200,000 deep on /send",
            "POST",
            "/send",
            400,
            "bad_json",
            body=b"[" * 200_000 + b"]" * 200_000,
        ),
        Case(
            "JSON 40 deep",
            "POST",
            "/api/sendText",
            400,
            "bad_json",
            body=j({**text, "x": json.loads("[" * 39 + "]" * 39)}),
        ),
        Case(
            "ELF bytes declared image/png",
            "POST",
            "/api/sendImage",
            422,
            "invalid_media",
            body=j({**text, "file": {"mimetype": "image/png", "filename": "a.png", "data": elf}}),
        ),
    ]


def request_bytes(case: Case, port: int, key: str) -> bytes:
    if case.raw is not None:
        return case.raw.replace(b"{port}", str(port).encode()).replace(b"{key}", key.encode())
    headers = dict(case.headers)
    if case.key is KEY:
        headers["X-Api-Key"] = key
    elif isinstance(case.key, str):
        headers["X-Api-Key"] = case.key.replace("{key}", key)
    host = case.host.replace("{port}", str(port)) if isinstance(case.host, str) else case.host
    return build(
        port,
        case.method,
        case.target.replace("{key}", key),
        host=host,
        token=None,
        body=case.body,
        content_type=case.content_type,
        headers=headers,
    )


def test_hostile_requests_get_clear_errors_and_change_nothing(loop, service, chaos_counts, caplog):
    caplog.set_level(logging.DEBUG)
    gateway = make_gateway(service)
    run(loop, gateway.start())
    pool = ThreadPoolExecutor(1)
    try:
        account = run(loop, link(service, "Toko", "6281300000301"))
        # Through the facade, so the read model (what the API reads) has it; kept stopped
        # so no reconcile changes it while the hostile requests run.
        unlinked = service.create_account("Belum", "sim")
        service.set_wanted(unlinked.id, False)
        before = [(a.id, a.status, a.desired_state, a.phone) for a in service.store.accounts()]
        sent_before = run(loop, service.client.sim_network())
        key = gateway.api_key.value
        port = gateway.server.port
        all_cases = cases(account.id, unlinked.id)
        problems = []
        for case in all_cases:
            try:
                # From a thread of our own: the API is served on this very loop.
                data = request_bytes(case, port, key)
                answer = run(loop, asyncio.wrap_future(pool.submit(send, port, data)))
            except OSError as error:
                problems.append(f"{case.name}: no answer ({error!r})")
                continue
            got = (answer.status, (answer.api_error() or ("<not the error shape>",))[0])
            if got != (case.status, case.code):
                problems.append(
                    f"{case.name}: wanted {case.status} {case.code}, got {got} "
                    f"{answer.body[:200]!r}"
                )
            if b"Traceback" in answer.body or key.encode() in answer.body:
                problems.append(f"{case.name}: a stack trace or the key in the answer")
        assert not problems, "\n".join(problems)
        run(loop, settled(service, account.id))
        after = [(a.id, a.status, a.desired_state, a.phone) for a in service.store.accounts()]
        assert after == before
        assert service.store.messages(unlinked.id) == []
        assert [m.direction for m in service.store.messages(account.id)] == ["in"]  # the marker
        assert run(loop, service.client.sim_network()) == sent_before
        # qasync's debug lines echo the test's own thread calls (the raw requests): not Jaga's.
        ours = [r for r in caplog.records if not r.name.startswith("qasync")]
        assert not [r for r in ours if key in r.getMessage()]
        assert any(r.name.startswith("app.") for r in ours)  # Jaga's loggers were heard
        chaos_counts(hostile_requests=len(all_cases))
    finally:
        pool.shutdown()
        run(loop, gateway.aclose())
