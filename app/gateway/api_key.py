"""The local API's key (`X-Api-Key`): in the OS keyring like the bridge token, or held in
memory for this launch when no keyring works (the window then says so)."""

from __future__ import annotations

import logging
import secrets

import keyring
from keyring.errors import KeyringError

from app.core.secrets import SERVICE, BridgeToken, load_bridge_token

log = logging.getLogger(__name__)


def keyring_account(instance: str) -> str:
    return f"api-key-{instance}"


class ApiKey:
    """The current key; regenerating replaces it at once for every new request."""

    def __init__(self, instance: str) -> None:
        self._account = keyring_account(instance)
        self._token: BridgeToken = load_bridge_token(self._account)

    @property
    def value(self) -> str:
        return self._token.value

    @property
    def persistent(self) -> bool:
        return self._token.persistent

    def regenerate(self) -> str:
        fresh = secrets.token_urlsafe(32)
        try:
            keyring.set_password(SERVICE, self._account, fresh)
            self._token = BridgeToken(fresh, persistent=True)
        except (KeyringError, RuntimeError) as error:
            log.warning(
                "keyring unavailable (%s); new API key for this launch only", type(error).__name__
            )
            self._token = BridgeToken(fresh, persistent=False)
        return fresh

    def __repr__(self) -> str:  # never let the key reach a log line
        return f"ApiKey(persistent={self.persistent})"
