"""Unread counts and who waits for an answer. Pure.

A chat's unread count is the number of messages that came in after the point up to
which it was read ("read up to", a message row id). Reading in Jaga or on the phone moves
that point; the owner's own messages and automatic answers never count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GROUP_SUFFIX = "@g.us"


@dataclass(frozen=True)
class ReadState:
    unread: int = 0
    read_upto: int = 0  # messages.id: everything up to here was read


def after_inbound(state: ReadState, row_id: int) -> ReadState:
    """A message came in (stored as row `row_id`)."""
    if row_id <= state.read_upto:
        return state  # read already (a read receipt came first)
    return ReadState(state.unread + 1, state.read_upto)


def after_read(state: ReadState, upto: int, inbound_ids: Iterable[int]) -> ReadState:
    """Read up to row `upto`; `inbound_ids`: the chat's incoming rows after the old point."""
    point = max(state.read_upto, upto)
    left = sum(1 for row_id in inbound_ids if row_id > point)
    return ReadState(left, point)


def read_point(row_ids: Iterable[int]) -> int:
    """Read receipts name messages: the chat is read up to the newest of them."""
    return max(row_ids, default=0)


def is_group(chat: str) -> bool:
    return chat.endswith(GROUP_SUFFIX)


def waiting_for_answer(chat: str, last_in_id: int | None, last_answer_id: int | None) -> bool:
    """A customer wrote last: no answer of the owner since their newest message (an
    automatic answer is no answer). Groups never wait."""
    if is_group(chat) or last_in_id is None:
        return False
    return last_answer_id is None or last_answer_id < last_in_id


def total(unread: Mapping[str, int]) -> int:
    return sum(max(0, n) for n in unread.values())
