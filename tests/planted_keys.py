"""Key material the Python tests plant through the sim (its model of libsignal printing a
contact's session, node_bridge/src/engines/sim/signal_noise.js): none of it may ever reach
a log. tests/conftest.py looks for it in every log the test run wrote."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from pathlib import Path

PLANTED_KEYS = {
    "root": "3b7f0c1d2e4a5968778695a4b3c2d1e0f0e1d2c3b4a5968778695a4b3c2d1e0f",
    "private": "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f91",
    "chain": "0d15ea5e0ddba11cab005e1fbadcafe0feedfacedefaced0c0ffeeee1234abcd",
}


def key_forms(hex_key: str) -> list[str]:
    """How a key could show in a log line: hex (plain, or spaced like Node prints a
    Buffer), base64, and a Buffer's byte list as JSON; 8-byte prefixes, so a cut line
    still counts."""
    raw = bytes.fromhex(hex_key)
    head = raw[:8]
    return [
        head.hex(),
        " ".join(f"{b:02x}" for b in head),
        base64.b64encode(raw).decode()[:12],
        ",".join(str(b) for b in head),
    ]


def planted_keys_in(text: str) -> list[str]:
    lower = text.lower()
    found = []
    for name, hex_key in PLANTED_KEYS.items():
        for form in key_forms(hex_key):
            haystack = lower if all(c in "0123456789abcdef " for c in form) else text
            if form in haystack:
                found.append(f"{name}: {form}")
    return found


def logs_with_planted_keys(logs: Iterable[Path]) -> list[str]:
    """The log files (and what of the keys) that hold planted key material."""
    found = []
    for path in logs:
        hits = planted_keys_in(path.read_text(encoding="utf-8", errors="replace"))
        if hits:
            found.append(f"{path}: {', '.join(hits)}")
    return found
