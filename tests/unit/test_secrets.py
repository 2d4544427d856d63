"""The bridge token through the real keyring API (in-memory backend)."""

from __future__ import annotations

import keyring
from keyring.backends.fail import Keyring as FailKeyring

from app.core.secrets import SERVICE, load_bridge_token


def test_token_is_created_once_and_kept(memory_keyring):
    first = load_bridge_token("folder-1")
    second = load_bridge_token("folder-1")
    assert first.persistent and first.value == second.value
    assert memory_keyring.secrets[(SERVICE, "folder-1")] == first.value
    assert load_bridge_token("folder-2").value != first.value


def test_without_a_keyring_a_fresh_token_lives_in_memory():
    keyring.set_keyring(FailKeyring())
    token = load_bridge_token("folder-1")
    assert not token.persistent
    assert len(token.value) >= 32
    assert token.value not in repr(token)
