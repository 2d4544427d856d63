"""Waiting for the first of several things, the others then let go."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable


async def first_of(
    *waits: Awaitable[object], timeout: float | None = None
) -> list[asyncio.Future[object]]:
    """Until the first of `waits` ends, or `timeout`; the rest are cancelled and awaited
    (nothing is left pending). Returns them as futures, every one done."""
    futures = [asyncio.ensure_future(wait) for wait in waits]
    try:
        await asyncio.wait(futures, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for future in futures:
            future.cancel()
        await asyncio.gather(*futures, return_exceptions=True)
    return futures
