"""The bridge token and the API key through the real keyring API: in the keyring (an
in-memory backend), else in an owner-only file in the data folder that survives restarts."""

from __future__ import annotations

import json
import stat
import sys

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from app.system.api_key import ApiKey, keyring_account
from app.system.secrets import SERVICE, load_bridge_token, load_secret, save_secret, secrets_file


@pytest.fixture
def no_keyring():
    keyring.set_keyring(FailKeyring())  # the conftest puts the memory keyring back


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_token_is_created_once_and_kept(memory_keyring):
    first = load_bridge_token("folder-1")
    second = load_bridge_token("folder-1")
    assert first.persistent and first.value == second.value
    assert memory_keyring.secrets[(SERVICE, "folder-1")] == first.value
    assert load_bridge_token("folder-2").value != first.value


def test_without_a_keyring_or_a_file_a_fresh_token_lives_in_memory(no_keyring):
    token = load_bridge_token("folder-1")
    assert not token.persistent and token.file is None
    assert len(token.value) >= 32
    assert token.value not in repr(token)


def test_without_a_keyring_the_api_key_is_the_same_after_a_restart(no_keyring, tmp_path):
    """Seen failing against: main at 583a38a (a new key at every start: web shops broke)."""
    file = secrets_file(tmp_path)
    before = ApiKey("shop", file)
    after = ApiKey("shop", file)  # the next start
    assert before.persistent and after.value == before.value
    assert after.file == file
    if sys.platform != "win32":
        assert mode(file) == 0o600
    assert json.loads(file.read_text(encoding="utf-8")) == {keyring_account("shop"): after.value}
    made = after.regenerate()
    assert ApiKey("shop", file).value == made != before.value


def test_the_bridge_token_sits_beside_the_api_key_in_the_file(no_keyring, tmp_path):
    file = secrets_file(tmp_path)
    token = load_bridge_token("bridge-token-x", file)
    key = ApiKey("x", file)
    assert token.file == file and load_bridge_token("bridge-token-x", file).value == token.value
    assert set(json.loads(file.read_text(encoding="utf-8"))) == {"bridge-token-x", "api-key-x"}
    assert key.value != token.value


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_file_left_readable_by_others_is_narrowed_when_written(no_keyring, tmp_path):
    file = secrets_file(tmp_path)
    file.write_text("{}", encoding="utf-8")
    file.chmod(0o644)
    load_secret("bridge-token-x", file)
    assert mode(file) == 0o600


def test_secrets_move_into_a_keyring_once_one_works(memory_keyring, tmp_path):
    file = secrets_file(tmp_path)
    keyring.set_keyring(FailKeyring())
    kept = load_bridge_token("bridge-token-x", file).value
    api = ApiKey("x", file).value
    keyring.set_keyring(memory_keyring)  # the owner set up a keyring
    assert load_bridge_token("bridge-token-x", file).value == kept
    assert ApiKey("x", file).value == api
    assert memory_keyring.secrets[(SERVICE, "bridge-token-x")] == kept
    assert not file.exists()  # nothing left in the file


def test_an_unreadable_file_is_set_aside_not_trusted(no_keyring, tmp_path):
    file = secrets_file(tmp_path)
    file.write_text("{not json", encoding="utf-8")
    token = load_secret("bridge-token-x", file)
    assert token.persistent and token.file == file
    assert file.with_name(file.name + ".unreadable").read_text(encoding="utf-8") == "{not json"


def test_when_the_file_cannot_be_written_the_secret_lives_for_this_launch(no_keyring, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    token = load_secret("bridge-token-x", blocked / "secrets.json")
    assert not token.persistent
    assert not save_secret("bridge-token-x", "abc", blocked / "secrets.json").persistent
