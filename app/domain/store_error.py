"""The store's one error: a request it refuses, with a sentence for people."""

from __future__ import annotations


class StoreError(Exception):
    """A request the store refuses, with a sentence for people."""


class ClientIdTaken(StoreError):
    """An outgoing message with this client id was queued at the same moment by another
    caller: the caller reads that one instead (an idempotent send)."""
