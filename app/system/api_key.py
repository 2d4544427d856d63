"""The local API's key (`X-Api-Key`): in the OS keyring like the bridge token, else in the
owner-only secrets file of the data folder (app.system.secrets), so a web shop set up with it
keeps working after a restart."""

from __future__ import annotations

import secrets
from pathlib import Path

from app.system.secrets import BridgeToken, load_secret, save_secret


def keyring_account(instance: str) -> str:
    return f"api-key-{instance}"


class ApiKey:
    """The current key; regenerating replaces it at once for every new request."""

    def __init__(self, instance: str, file: Path | None = None) -> None:
        self._account = keyring_account(instance)
        self._file = file
        self._token: BridgeToken = load_secret(self._account, file)

    @property
    def value(self) -> str:
        return self._token.value

    @property
    def persistent(self) -> bool:
        return self._token.persistent

    @property
    def file(self) -> Path | None:
        """The owner-only file the key is kept in (None: in the keyring)."""
        return self._token.file

    def regenerate(self) -> str:
        fresh = secrets.token_urlsafe(32)
        self._token = save_secret(self._account, fresh, self._file)
        return fresh

    def __repr__(self) -> str:  # never let the key reach a log line
        return f"ApiKey(persistent={self.persistent})"
