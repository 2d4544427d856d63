"""Malformed and hostile requests to the bridge: a clear JSON error each, nothing changed."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
from dataclasses import dataclass
from typing import Any

import pytest

from tests.chaos.rawhttp import GOOD, Answer, build, send
from tests.integration.test_supervision_live import connect_one
from tests.liveapp import TOKEN, dispose, make_service, run, settled, until_bridge_ready

pytestmark = [pytest.mark.chaos, pytest.mark.integration]


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    target: str
    status: int
    code: str | None  # the contract's error code; None: the status alone
    host: object | str | None = GOOD
    token: object | str | None = GOOD
    body: bytes | None = None
    content_type: str | None = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    version: str = "HTTP/1.1"
    raw: bytes | None = None  # sent as is (protocol-level junk)

    def data(self, port: int) -> bytes:
        if self.raw is not None:
            return self.raw.replace(b"{port}", str(port).encode())
        return build(
            port,
            self.method,
            self.target,
            host=self.host,
            token=self.token,
            body=self.body,
            content_type=self.content_type,
            headers=dict(self.headers),
            version=self.version,
        )


def j(value: Any) -> bytes:
    return json.dumps(value).encode()


def contract_cases(sid: str) -> list[Case]:
    """Requests the bridge must answer in the contract's error shape."""
    cases: list[Case] = []
    # No token at all: every route, known or not, the dangerous ones first.
    for method, target, body in (
        ("POST", "/shutdown", None),
        ("DELETE", f"/sessions/{sid}", None),
        ("POST", f"/sessions/{sid}/logout", None),
        ("PUT", "/sessions/intruder", j({"engine": "sim"})),
        ("POST", f"/sim/sessions/{sid}/corrupt-auth", None),
        ("POST", f"/sim/sessions/{sid}/close", j({"code": 401})),
        ("POST", f"/sessions/{sid}/messages", j({"to": "628123", "text": "hi", "client_id": "x"})),
        ("POST", "/events/ack", j({"upto": 10**6})),
        ("GET", "/events", None),
        ("GET", "/sessions", None),
        ("GET", f"/sessions/{sid}", None),
        ("GET", "/health", None),
        ("GET", "/no/such/route", None),
        ("OPTIONS", "/sessions", None),
    ):
        cases.append(
            Case(
                f"no token {method} {target}",
                method,
                target,
                401,
                "unauthorized",
                token=None,
                body=body,
            )
        )
    # Wrong tokens, on the two requests that would do the most harm.
    wrong = {
        "wrong value": "Bearer not-the-token-0123456789",
        "token plus a suffix": f"Bearer {TOKEN.value}x",
        "token prefix": f"Bearer {TOKEN.value[:-1]}",
        "basic scheme": "Basic " + base64.b64encode(f"jaga:{TOKEN.value}".encode()).decode(),
        "no scheme": TOKEN.value,
        "empty bearer": "Bearer ",
        "two tokens": f"Bearer {TOKEN.value} {TOKEN.value}",
    }
    for label, header in wrong.items():
        for method, target in (("POST", "/shutdown"), ("DELETE", f"/sessions/{sid}")):
            cases.append(
                Case(
                    f"{label}: {method} {target}", method, target, 401, "unauthorized", token=header
                )
            )
    # Wrong Host (DNS rebinding), even with the right token.
    for host in (
        "evil.example",
        "127.0.0.1",
        "127.0.0.1:1",
        "localhost.evil.example:{port}",
        "[::1]:{port}",
        "127.0.0.2:{port}",
        "",
    ):
        for method, target in (("POST", "/shutdown"), ("DELETE", f"/sessions/{sid}")):
            cases.append(
                Case(
                    f"host {host!r}: {method} {target}", method, target, 421, "bad_host", host=host
                )
            )
    cases.append(
        Case(
            "HTTP/1.0 without Host",
            "POST",
            "/shutdown",
            421,
            "bad_host",
            host=None,
            version="HTTP/1.0",
        )
    )
    # Huge bodies.
    big = j({"engine": "sim", "options": {"pad": "x" * 70_000}})
    cases += [
        Case("70 KiB PUT", "PUT", "/sessions/huge", 413, "payload_too_large", body=big),
        Case(
            "1 MiB message",
            "POST",
            f"/sessions/{sid}/messages",
            413,
            "payload_too_large",
            body=j({"to": "628123", "text": "y" * 2**20, "client_id": "big"}),
        ),
        Case(
            "Content-Length of 1 GB",
            "PUT",
            "/sessions/huge",
            413,
            "payload_too_large",
            raw=b"PUT /sessions/huge HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: "
            b"Bearer " + TOKEN.value.encode() + b"\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000000000\r\nConnection: close\r\n\r\n{}",
        ),
        Case(
            "128 KiB chunked",
            "PUT",
            "/sessions/huge",
            413,
            "payload_too_large",
            raw=b"PUT /sessions/huge HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: "
            b"Bearer " + TOKEN.value.encode() + b"\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + (b"10000\r\n" + b"a" * 0x10000 + b"\r\n") * 2
            + b"0\r\n\r\n",
        ),
    ]
    # Bad JSON, prototype poisoning, wrong media types, wrong shapes.
    for label, body in (
        ("unclosed object", b"{"),
        ("cut off", b'{"engine":'),
        ("unclosed array", b"[1,2"),
        ("trailing garbage", b'{"engine":"sim"}garbage'),
        ("__proto__ key", b'{"engine":"sim","__proto__":{"admin":true}}'),
        ("constructor key", b'{"engine":"sim","constructor":{"prototype":{"x":1}}}'),
        ("nested __proto__", b'{"engine":"sim","options":{"__proto__":{"x":1}}}'),
        ("not UTF-8", b'{"engine":"\xff\xfe"'),
    ):
        cases.append(
            Case(f"bad JSON: {label}", "PUT", "/sessions/poisoned", 400, "bad_json", body=body)
        )
    cases += [
        Case(
            "form body",
            "PUT",
            "/sessions/typed",
            415,
            "unsupported_media_type",
            body=b"engine=sim",
            content_type="application/x-www-form-urlencoded",
        ),
        Case("JSON string body", "PUT", "/sessions/shaped", 400, "bad_request", body=b'"sim"'),
        Case("JSON array body", "PUT", "/sessions/shaped", 400, "bad_request", body=b"[]"),
        Case("JSON number body", "PUT", "/sessions/shaped", 400, "bad_request", body=b"123"),
        Case(
            "unknown engine",
            "PUT",
            "/sessions/shaped",
            400,
            "unknown_engine",
            body=j({"engine": "evil"}),
        ),
        Case(
            "unknown option",
            "PUT",
            "/sessions/shaped",
            400,
            "bad_options",
            body=j({"engine": "sim", "options": {"exec": "rm -rf /"}}),
        ),
        Case(
            "options not an object",
            "PUT",
            "/sessions/shaped",
            400,
            "bad_options",
            body=j({"engine": "sim", "options": "x"}),
        ),
        Case("ack below zero", "POST", "/events/ack", 400, "bad_request", body=j({"upto": -1})),
        Case(
            "ack not a number", "POST", "/events/ack", 400, "bad_request", body=j({"upto": "all"})
        ),
        Case("ack huge", "POST", "/events/ack", 400, "bad_request", body=b'{"upto":1e308}'),
        Case(
            "ack of another boot",
            "POST",
            "/events/ack",
            409,
            "other_boot",
            body=j({"upto": 1, "boot_id": "not-this-boot"}),
        ),
        Case(
            "message without text",
            "POST",
            f"/sessions/{sid}/messages",
            400,
            "bad_request",
            body=j({"to": "628123", "client_id": "a"}),
        ),
        Case(
            "message to a bad address",
            "POST",
            f"/sessions/{sid}/messages",
            400,
            "bad_request",
            body=j({"to": "../../etc", "text": "x", "client_id": "b"}),
        ),
        Case(
            "message with a bad client_id",
            "POST",
            f"/sessions/{sid}/messages",
            400,
            "bad_request",
            body=j({"to": "628123", "text": "x", "client_id": "a b/../"}),
        ),
        Case(
            "message from an unknown session",
            "POST",
            "/sessions/ghost/messages",
            404,
            "session_not_found",
            body=j({"to": "628123", "text": "x", "client_id": "c"}),
        ),
        Case(
            "pairing code while connected",
            "POST",
            f"/sessions/{sid}/pairing-code",
            409,
            "session_not_linking",
            body=j({"phone": "628123456789"}),
        ),
    ]
    # Path tricks and ids that are not ids.
    for label, method, target in (
        ("dot-dot slashes", "GET", "/sessions/..%2f..%2fetc%2fpasswd"),
        ("NUL", "GET", "/sessions/%00"),
        ("NUL after an id", "DELETE", f"/sessions/{sid}%00"),
        ("encoded dot-dot", "DELETE", "/sessions/%2e%2e"),
        ("encoded slash in an id", "DELETE", f"/sessions/{sid}%2f..%2f{sid}"),
        ("space", "PUT", "/sessions/a%20b"),
        ("65 characters", "PUT", "/sessions/" + "a" * 65),
        ("2000 characters", "DELETE", "/sessions/" + "b" * 2000),
        ("unicode", "PUT", "/sessions/%C3%A9t%C3%A9"),
        ("backslashes", "DELETE", "/sessions/..%5c..%5cwindows"),
        ("sim with a bad id", "POST", "/sim/sessions/..%2f/corrupt-auth"),
    ):
        cases.append(Case(f"id: {label}", method, target, 400, "bad_session_id"))
    for label, method, target in (
        ("dot-dot to shutdown", "POST", f"/sessions/{sid}/../../shutdown"),
        ("dot-dot to health", "GET", "/sessions/../health"),
        ("double slash", "DELETE", f"//sessions/{sid}"),
        ("trailing segments", "DELETE", f"/sessions/{sid}/x/y"),
        ("PATCH", "PATCH", f"/sessions/{sid}"),
        ("PROPFIND", "PROPFIND", "/health"),
        ("TRACE", "TRACE", "/health"),
        ("OPTIONS with token", "OPTIONS", f"/sessions/{sid}"),
        ("POST to a GET route", "POST", "/health"),
        ("DELETE the collection", "DELETE", "/sessions"),
    ):
        cases.append(Case(f"route: {label}", method, target, 404, "not_found"))
    # PUT /sessions starts many numbers at once (the restore's): no list, nothing started.
    cases.append(
        Case("route: PUT the collection without a list", "PUT", "/sessions", 400, "bad_request")
    )
    for method, target in (("GET", "/sessions/ghost"), ("DELETE", "/sessions/ghost")):
        cases.append(Case(f"unknown id: {method}", method, target, 404, "session_not_found"))
    return cases


def protocol_cases(sid: str) -> list[Case]:
    """Protocol-level junk, refused before any route runs, still in the contract's shape.

    Node's HTTP parser (bad methods, garbage, smuggling headers, huge headers), fastify's
    router (bad percent-encoding, over-long ids), the missing Host of HTTP/1.1, CONNECT,
    and a text/plain body: the bridge answers each with its own JSON error (code None:
    the status is the point). test_protocol_level_junk_gets_a_contract_error checks each.
    """
    token = b"Authorization: Bearer " + TOKEN.value.encode() + b"\r\n"
    host = b"Host: 127.0.0.1:{port}\r\n"
    end = b"Connection: close\r\n\r\n"
    return [
        Case(
            "text/plain body",
            "PUT",
            "/sessions/typed",
            415,
            "unsupported_media_type",
            body=b'{"engine":"sim"}',
            content_type="text/plain",
        ),
        Case(
            "unknown method FOO",
            "FOO",
            "/health",
            400,
            None,
            raw=b"FOO /health HTTP/1.1\r\n" + host + token + end,
        ),
        Case(
            "lower-case method",
            "get",
            "/health",
            400,
            None,
            raw=b"get /health HTTP/1.1\r\n" + host + token + end,
        ),
        Case("binary garbage", "?", "?", 400, None, raw=b"\x00\x01\x02\xff garbage\r\n\r\n"),
        Case(
            "Transfer-Encoding and Content-Length",
            "PUT",
            "/sessions/smuggled",
            400,
            None,
            raw=b"PUT /sessions/smuggled HTTP/1.1\r\n"
            + host
            + token
            + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Length: 4\r\n" + end + b"0\r\n\r\n",
        ),
        Case(
            "20 KB header",
            "GET",
            "/health",
            431,
            None,
            raw=b"GET /health HTTP/1.1\r\n"
            + host
            + token
            + b"X-Pad: "
            + b"p" * 20_000
            + b"\r\n"
            + end,
        ),
        Case(
            "invalid percent-encoding",
            "DELETE",
            f"/sessions/{sid}%ff",
            400,
            None,
            raw=f"DELETE /sessions/{sid}%ff HTTP/1.1\r\n".encode() + host + token + end,
        ),
        Case(
            "3000-character id",
            "DELETE",
            "/sessions/c…",
            414,
            None,
            raw=b"DELETE /sessions/" + b"c" * 3000 + b" HTTP/1.1\r\n" + host + token + end,
        ),
        Case(
            "HTTP/1.1 without Host",
            "POST",
            "/shutdown",
            400,
            None,
            raw=b"POST /shutdown HTTP/1.1\r\n" + token + end,
        ),
        Case(
            "CONNECT tunnel",
            "CONNECT",
            "127.0.0.1:22",
            405,
            None,
            raw=b"CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + host + token + b"\r\n",
        ),
    ]


def fuzz_cases(count: int, seed: int) -> list[Case]:
    """Random requests without a token: whatever they are, 401 and nothing else."""
    rng = random.Random(seed)
    segments = [
        "sessions",
        "sim",
        "events",
        "ack",
        "shutdown",
        "health",
        "logout",
        "scan",
        "..",
        ".",
        "%2e%2e",
        "%2f",
        "acc-1",
        "x" * 70,
        "messages",
        "",
        "corrupt-auth",
    ]
    out = []
    for i in range(count):
        method = rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
        target = "/" + "/".join(rng.choice(segments) for _ in range(rng.randint(1, 5)))
        body = None
        if rng.random() < 0.5:
            body = bytes(rng.randrange(32, 127) for _ in range(rng.randint(0, 300)))
        out.append(
            Case(
                f"fuzz {i}: {method} {target}",
                method,
                target,
                401,
                "unauthorized",
                token=rng.choice([None, "Bearer " + "z" * rng.randint(0, 40)]),
                body=body,
            )
        )
    return out


async def observe(service) -> dict[str, Any]:
    client = service.client
    sessions = await client._call("GET", "/sessions")
    health = await client.health()
    network = await client._call("GET", "/sim/network")
    for s in sessions["sessions"]:
        s.pop("last_activity_at", None)  # keep-alive frames move it; nothing else may
    return {
        "sessions": sessions,
        "boot_id": health["boot_id"],
        "counts": health["sessions"],
        "sent": network["sent"],
        "pid": service.supervisor.pid,
        "app": {a.id: (a.status, a.reason, a.phone) for a in service.store.accounts()},
    }


async def fire(port: int, cases: list[Case]) -> list[tuple[Case, Answer]]:
    """One at a time, blocking (a few ms each): the bridge is another process."""
    answers = []
    for case in cases:
        answers.append((case, send(port, case.data(port))))
        await asyncio.sleep(0)
    return answers


def no_cors(answer: Answer) -> bool:
    return not any(name.startswith("access-control-") for name in answer.headers)


@pytest.fixture(scope="module")
def bridge(live_loop, tmp_path_factory):
    """One app core and bridge for the module, with one connected number."""
    service = make_service(tmp_path_factory.mktemp("hostile"))
    service.start()
    run(live_loop, until_bridge_ready(service))
    account = run(live_loop, connect_one(service))
    yield service, account
    dispose(live_loop, service)


def test_hostile_requests_get_a_clear_json_error_and_change_nothing(
    loop, bridge, chaos_scale, chaos_counts
):
    service, account = bridge
    port = service.supervisor.ready_info.port
    cases = contract_cases(account.id)
    cases += fuzz_cases(60 * (chaos_scale - 1), seed=int(os.environ.get("JAGA_CHAOS_SEED", "8")))
    junk = protocol_cases(account.id)

    async def scenario():
        before = await observe(service)
        answers = await fire(port, cases)
        junk_answers = await fire(port, junk)
        await settled(service, account.id)  # whatever a request set off has arrived
        after = await observe(service)
        return before, answers, junk_answers, after

    before, answers, junk_answers, after = run(loop, scenario())
    chaos_counts(hostile_requests=len(answers) + len(junk_answers))

    wrong = []
    for case, answer in answers:
        got = answer.contract_error()
        if answer.status != case.status or got is None or (case.code and got[0] != case.code):
            wrong.append(f"{case.name}: {answer.status} {answer.body[:160]!r}")
        elif "application/json" not in answer.headers.get("content-type", ""):
            wrong.append(f"{case.name}: content-type {answer.headers.get('content-type')}")
        elif not no_cors(answer):
            wrong.append(f"{case.name}: CORS headers {answer.headers}")
    for case, answer in junk_answers:
        # Refused, and nothing changed (each exact answer is the next test's business).
        if answer.status is not None and not 400 <= answer.status < 500:
            wrong.append(f"{case.name}: {answer.status} {answer.body[:160]!r}")
    assert not wrong, "\n".join(wrong)
    # The one event between the two looks is the marker message of `settled`: the stream's
    # seq and the number's own seq moved by one, and nothing else changed.
    for snapshot in (before, after):
        snapshot["seqs"] = [snapshot["sessions"].pop("seq")] + [
            s.pop("seq") for s in snapshot["sessions"]["sessions"]
        ]
    assert after.pop("seqs") == [seq + 1 for seq in before.pop("seqs")]
    assert after == before
    assert service.supervisor.pid == before["pid"]
    assert not (service.store.path.parent / "bridge" / "quarantine").exists() or not any(
        (service.store.path.parent / "bridge" / "quarantine").iterdir()
    )


@pytest.mark.parametrize(
    "index", range(len(protocol_cases("acc-x"))), ids=[c.name for c in protocol_cases("acc-x")]
)
def test_protocol_level_junk_gets_a_contract_error(loop, bridge, index, chaos_counts):
    service, _account = bridge
    case = protocol_cases("acc-x")[index]
    port = service.supervisor.ready_info.port
    answer = run(loop, fire(port, [case]))[0][1]
    chaos_counts(hostile_requests=1)
    assert answer.status == case.status, (answer.status, answer.body[:200])
    got = answer.contract_error()
    assert got is not None, answer.body[:200]
    assert case.code is None or got[0] == case.code
    assert "application/json" in answer.headers.get("content-type", ""), answer.headers
