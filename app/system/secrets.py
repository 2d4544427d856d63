"""Jaga's secrets (the bridge token, the API key): in the OS keyring, else in a file only
the owner can read inside the data folder, so they survive a restart either way.

- A keyring that works holds them. A secret found in the file while the keyring works is
  moved into the keyring and taken out of the file (a keyring that appeared since).
- With no usable keyring (a desktop without Secret Service) they live in
  `<data folder>/secrets.json`, mode 0600, written whole or not at all; the window says
  where. A shop's web shop keeps working with its API key after a restart.
- Only when even that file cannot be written does a secret live for one launch.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "Jaga"
#: The file in the data folder that holds the secrets when no keyring works.
SECRETS_FILE = "secrets.json"


@dataclass(frozen=True)
class BridgeToken:
    """A secret, and where it is kept."""

    value: str
    #: True when it survives a restart (in the keyring, or in the owner-only file).
    persistent: bool
    #: The owner-only file it is kept in; None when it is in the keyring (or nowhere).
    file: Path | None = None

    def __repr__(self) -> str:  # never let the secret reach a log line
        return f"BridgeToken(persistent={self.persistent}, file={self.file})"


class SecretFile:
    """A JSON object of name → secret, readable and writable by the owner only."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("the secrets file is unreadable (%s); set aside", type(error).__name__)
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_name(self.path.name + ".unreadable"))
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, str) and v}

    def get(self, name: str) -> str | None:
        return self.read().get(name)

    def put(self, name: str, value: str) -> None:
        self._write({**self.read(), name: value})

    def remove(self, name: str) -> None:
        kept = self.read()
        if kept.pop(name, None) is None:
            return
        if kept:
            self._write(kept)
        else:
            self.path.unlink(missing_ok=True)

    def _write(self, data: dict[str, str]) -> None:
        """Whole or not at all (a temporary file renamed over), mode 0600 from its birth."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        if sys.platform != "win32":
            temporary.chmod(0o600)  # an older file of that name kept its wider mode
        os.replace(temporary, self.path)


def secrets_file(data_dir: Path) -> Path:
    return data_dir / SECRETS_FILE


def load_secret(account: str, file: Path | None = None) -> BridgeToken:
    """The stored secret `account`, made on first use: keyring first, then the file."""
    kept_in = SecretFile(file) if file is not None else None
    try:
        stored = keyring.get_password(SERVICE, account)
        if not stored:
            stored = (kept_in.get(account) if kept_in else None) or secrets.token_urlsafe(32)
            keyring.set_password(SERVICE, account, stored)
        if kept_in is not None:
            _forget(kept_in, account)  # in the keyring now: not also in a file
        return BridgeToken(stored, persistent=True)
    except (KeyringError, RuntimeError) as error:
        # No usable backend (headless Linux without Secret Service, for one).
        log.warning("keyring unavailable (%s); using the secrets file", type(error).__name__)
    if kept_in is None:
        return BridgeToken(secrets.token_urlsafe(32), persistent=False)
    try:
        value = kept_in.get(account)
        if value is None:
            value = secrets.token_urlsafe(32)
            kept_in.put(account, value)
        return BridgeToken(value, persistent=True, file=kept_in.path)
    except OSError as error:
        log.warning("the secrets file cannot be written (%s); for this launch only", error)
        return BridgeToken(secrets.token_urlsafe(32), persistent=False)


def save_secret(account: str, value: str, file: Path | None = None) -> BridgeToken:
    """Replaces the secret `account` where secrets are kept (keyring, else the file)."""
    try:
        keyring.set_password(SERVICE, account, value)
        if file is not None:
            _forget(SecretFile(file), account)
        return BridgeToken(value, persistent=True)
    except (KeyringError, RuntimeError) as error:
        log.warning("keyring unavailable (%s); using the secrets file", type(error).__name__)
    if file is None:
        return BridgeToken(value, persistent=False)
    try:
        SecretFile(file).put(account, value)
        return BridgeToken(value, persistent=True, file=file)
    except OSError as error:
        log.warning("the secrets file cannot be written (%s); for this launch only", error)
        return BridgeToken(value, persistent=False)


def _forget(kept_in: SecretFile, account: str) -> None:
    try:
        kept_in.remove(account)
    except OSError as error:
        log.warning("could not take a secret out of the secrets file: %s", error)


def load_bridge_token(account: str, file: Path | None = None) -> BridgeToken:
    """Returns the stored token for this data folder, creating it on first run."""
    return load_secret(account, file)
