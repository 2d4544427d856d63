"""The bridge token: kept in the OS keyring, or held in memory when there is none."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "Jaga"


@dataclass(frozen=True)
class BridgeToken:
    value: str
    #: False when no keyring backend works: the token lives only for this launch.
    persistent: bool

    def __repr__(self) -> str:  # never let the secret reach a log line
        return f"BridgeToken(persistent={self.persistent})"


def load_bridge_token(account: str) -> BridgeToken:
    """Returns the stored token for this data folder, creating it on first run."""
    try:
        stored = keyring.get_password(SERVICE, account)
        if stored:
            return BridgeToken(stored, persistent=True)
        fresh = secrets.token_urlsafe(32)
        keyring.set_password(SERVICE, account, fresh)
        return BridgeToken(fresh, persistent=True)
    except (KeyringError, RuntimeError) as error:
        # No usable backend (headless Linux without Secret Service, for one).
        log.warning(
            "keyring unavailable (%s); using a token for this launch only", type(error).__name__
        )
        return BridgeToken(secrets.token_urlsafe(32), persistent=False)
