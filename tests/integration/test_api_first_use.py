"""The local API of a freshly started app: no pydantic until the first request, and the
first request to each route group answers as every later one does (app/gateway/api_routes.py
imports a group's handlers, and with them the models, on that group's first request).

Seen failing against: the gateway importing api_models at the app's start (planted back in
app/gateway/envelope.py): pydantic_core was mapped in the app before any request.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx

from app.application import instance_key
from app.gateway.api_routes import openapi
from app.system.api_key import keyring_account
from app.system.data_folders import DataPaths
from app.system.secrets import SecretFile, secrets_file
from tests.app_process import AppProcess, wait_for
from tests.quit_paths import end_all, free_port, ready_bridge

KEY = "first-use-key"

#: One request per route group, each the group's first; (method, path, body). The
#: sessions group's makes the number the others ask about.
FIRST_REQUESTS = {
    "observability": ("GET", "/ping", None),
    "sessions": ("POST", "/api/sessions", {"name": "Toko", "start": False}),
    "chats": ("GET", "/api/messages?session=Toko&chatId=6281234567890@c.us", None),
    "labels": ("GET", "/api/Toko/labels", None),
    "shim": ("POST", "/send", {"message": "no target"}),
}
#: Asked again after the first round, the same answer byte for byte.
AGAIN = ("observability", "chats", "labels", "shim")


def _start(tmp_path: Path) -> tuple[AppProcess, int]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    port = free_port()
    (data_dir / "settings.ini").write_text(
        f"[window]\nclose_to_tray=false\n\n[api]\nport={port}\n", encoding="utf-8"
    )
    account = keyring_account(instance_key(DataPaths(data_dir)))
    SecretFile(secrets_file(data_dir)).put(account, KEY)
    app = AppProcess([sys.executable, "-m", "app"], data_dir, tmp_path / "home")
    return app.start(), port


def _mapped(pid: int, library: str) -> bool:
    return library in Path(f"/proc/{pid}/maps").read_text()


def _ask(client: httpx.Client, method: str, path: str, body: object) -> tuple[int, bytes]:
    answer = client.request(method, path, json=body)
    return answer.status_code, answer.content


def test_first_requests_answer_as_later_ones_and_pydantic_waits(tmp_path):
    app, port = _start(tmp_path)
    bridge = ready_bridge(app)
    try:
        wait_for(lambda: "local API listening" in app.this_launch_log(), 30, "API", app.alive)
        assert app.process is not None
        assert not _mapped(app.process.pid, "pydantic_core"), "pydantic loaded before use"
        headers = {"X-Api-Key": KEY}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
            firsts = {g: _ask(client, *request) for g, request in FIRST_REQUESTS.items()}
            seconds = {g: _ask(client, *FIRST_REQUESTS[g]) for g in AGAIN}
            listed = client.get("/api/sessions").json()
            spec = client.get("/api/openapi.json")
            page = client.get("/api/docs")
        assert _mapped(app.process.pid, "pydantic_core")  # the models, now that they serve
    finally:
        end_all(app, bridge)
    assert {g: firsts[g] for g in AGAIN} == seconds
    assert firsts["observability"] == (200, b'{"message": "pong"}')
    created_status, created = firsts["sessions"]
    assert created_status == 201 and json.loads(created)["jaga"]["label"] == "Toko"
    assert [s["name"] for s in listed] == [json.loads(created)["name"]]
    assert firsts["chats"] == (200, b"[]") and firsts["labels"] == (200, b"[]")
    shim_status, shim_body = firsts["shim"]
    assert shim_status == 400 and json.loads(shim_body) == {
        "status": False,
        "reason": "The field “target” is required.",
        "statusCode": 400,
        "message": "The field “target” is required.",
        "error": "Bad Request",
        "code": "missing_field",
    }
    assert spec.status_code == 200 and spec.json() == openapi()
    assert page.status_code == 200 and "/api/sendText" in page.text
