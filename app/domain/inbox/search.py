"""What the owner types in the search box, made safe for SQLite's full-text search. Pure.

Every word becomes a quoted prefix term ("beli"* matches "belinya"), so nothing typed
can be read as FTS syntax: quotes, stars, NEAR, AND, brackets are just text. A query that
holds no word (only `"` or `*`) or is too long is refused with a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.inbox.errors import InboxError

MAX_QUERY = 200
MAX_TERMS = 12
_WORD = re.compile(r"[^\W_]+")
_PHONE_CHARS = re.compile(r"[\d\s+()./-]+")


@dataclass(frozen=True)
class Query:
    fts: str  # the MATCH expression
    words: tuple[str, ...]  # for names (a LIKE on each)
    digits: str | None  # a phone number or part of one


def parse(text: str) -> Query:
    raw = text or ""
    if len(raw) > MAX_QUERY:
        raise InboxError(
            "search_long",
            "Search for at most {max} characters (this has {count}).",
            max=MAX_QUERY,
            count=len(raw),
        )
    words = tuple(dict.fromkeys(w.casefold() for w in _WORD.findall(raw)))[:MAX_TERMS]
    if not words:
        raise InboxError("search_empty", "Type a word, a name or a phone number to search for.")
    stripped = raw.strip()
    digits = re.sub(r"\D", "", stripped) if _PHONE_CHARS.fullmatch(stripped) else ""
    return Query(
        fts=" ".join(f'"{word}"*' for word in words),
        words=words,
        digits=digits if len(digits) >= 3 else None,
    )


def like_pattern(word: str) -> str:
    """A LIKE pattern for a word, its own % and _ escaped (with ESCAPE '\\')."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
