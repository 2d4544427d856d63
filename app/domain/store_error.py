"""The store's one error: a request it refuses, with a sentence for people."""

from __future__ import annotations


class StoreError(Exception):
    """A request the store refuses, with a sentence for people."""
