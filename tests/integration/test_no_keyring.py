"""No keyring on this computer: a web shop set up with the API key keeps working after
Jaga restarts, and the bridge token stays the same; both live in the owner-only file."""

from __future__ import annotations

import stat
import sys

import httpx
import keyring
from keyring.backends.fail import Keyring as FailKeyring

from app.application import Options, create_supervisor, instance_key
from app.gateway.gateway import for_service
from app.system.data_folders import DataPaths
from app.system.secrets import secrets_file
from tests.apilive import base_url
from tests.liveapp import dispose, make_service, run


def answer(loop, gateway, key: str) -> int:
    async def ask() -> int:
        async with httpx.AsyncClient(base_url=base_url(gateway)) as http:
            return (await http.get("/api/sessions", headers={"X-Api-Key": key})).status_code

    return run(loop, ask())


def test_the_api_key_still_opens_the_api_after_a_restart(loop, data_dir):
    """Seen failing against: main at 583a38a (the key changed at every start: 401)."""
    keyring.set_keyring(FailKeyring())
    paths = DataPaths(data_dir)
    keys = []
    for _start in range(2):  # Jaga, then Jaga again
        service = make_service(data_dir)
        gateway = for_service(service, instance_key(paths), port=0)
        run(loop, gateway.start())
        try:
            keys.append(gateway.api_key.value)
            assert answer(loop, gateway, keys[0]) == 200
        finally:
            run(loop, gateway.aclose())
            dispose(loop, service)
    assert keys[0] == keys[1]
    file = secrets_file(data_dir)
    if sys.platform != "win32":
        assert stat.S_IMODE(file.stat().st_mode) == 0o600


def test_the_bridge_token_is_the_same_after_a_restart(data_dir):
    keyring.set_keyring(FailKeyring())
    paths = DataPaths(data_dir)
    tokens = []
    for _start in range(2):
        supervisor, token = create_supervisor(paths, Options(sim_control=True))
        tokens.append(token)
        supervisor.logs.close()
        supervisor.deleteLater()
    assert tokens[0].value == tokens[1].value and tokens[0].file == secrets_file(data_dir)
