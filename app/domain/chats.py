"""The chats of one number: conversations from messages, and how each message is doing. Pure.

A conversation is a chat (the other party: phone digits, or a group's JID) with its last
message; the list is newest first, as a phone shows it. "Newest" is the order Jaga stored
the messages in (their row id), not the sender's clock, so a late backlog never jumps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Generic, Protocol, TypeVar

GROUP_SUFFIX = "@g.us"


class Tick(Enum):
    """The mark beside a message: the same ladder a phone shows."""

    NONE = "none"  # a message in
    CLOCK = "clock"  # queued: waiting to leave
    SENT = "sent"  # ✓ WhatsApp took it
    DELIVERED = "delivered"  # ✓✓ on the other phone
    READ = "read"  # blue ✓✓
    FAILED = "failed"  # not sent: the owner may send it again


_TICKS = {
    "queued": Tick.CLOCK,
    "sent": Tick.SENT,
    "delivered": Tick.DELIVERED,
    "read": Tick.READ,
    "failed": Tick.FAILED,
}


def tick_for(direction: str, status: str) -> Tick:
    if direction != "out":
        return Tick.NONE
    return _TICKS.get(status, Tick.NONE)


def waits_for_reconnect(direction: str, status: str, connected: bool) -> bool:
    """A queued message of a number that is not connected: it leaves when the number is back."""
    return direction == "out" and status == "queued" and not connected


def is_group(chat: str) -> bool:
    return chat.endswith(GROUP_SUFFIX)


def recipient_of(chat: str) -> str:
    """What to hand to send_message for a reply: digits become an international number;
    a group's or a LID's chat id goes as it is."""
    return chat if is_group(chat) or chat.endswith("@lid") else "+" + chat.lstrip("+")


def preview(text: str, limit: int = 120) -> str:
    """One line of a message for the conversations list."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Placement:
    """Where a conversation was (None: it is new) and where it goes after a message."""

    old_row: int | None
    new_row: int


class ChatMessage(Protocol):
    """What a conversation needs of a message: its chat, and its place in the stored order."""

    @property
    def id(self) -> int: ...

    @property
    def chat(self) -> str: ...


Message = TypeVar("Message", bound=ChatMessage)


class Conversations(Generic[Message]):
    """The chats of one number, newest first, each with its last message."""

    def __init__(self, messages: Iterable[Message] = ()) -> None:
        last: dict[str, Message] = {}
        for message in messages:
            current = last.get(message.chat)
            if current is None or message.id > current.id:
                last[message.chat] = message
        self._rows = sorted(last.values(), key=lambda m: m.id, reverse=True)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, row: int) -> Message:
        return self._rows[row]

    def __iter__(self) -> Iterator[Message]:
        return iter(self._rows)

    def chats(self) -> list[str]:
        return [m.chat for m in self._rows]

    def row_of(self, chat: str) -> int | None:
        for row, message in enumerate(self._rows):
            if message.chat == chat:
                return row
        return None

    def place(self, message: Message) -> Placement | None:
        """Where a message added or changed puts its conversation (nothing changes yet).

        None when the conversation's last message is newer: its row stays as it is.
        """
        row = self.row_of(message.chat)
        if row is not None and message.id < self._rows[row].id:
            return None
        newer = sum(1 for i, m in enumerate(self._rows) if i != row and m.id > message.id)
        return Placement(row, newer)

    def put(self, message: Message, placement: Placement) -> None:
        """Carries out a placement from `place`."""
        if placement.old_row is not None:
            del self._rows[placement.old_row]
        self._rows.insert(placement.new_row, message)

    def apply(self, message: Message) -> Placement | None:
        placement = self.place(message)
        if placement is not None:
            self.put(message, placement)
        return placement
