"""Search across every number and chat: message words (FTS5), customer names, numbers.

The words go through app.domain.inbox.search first, so what reaches MATCH is always
quoted terms; a database error of the moment is the store's StoreError, never FTS syntax.
"""

from __future__ import annotations

from sqlalchemy import DateTime, and_, or_, select, text
from sqlalchemy.orm import Session

from app.domain.inbox.search import Query, like_pattern
from app.domain.inbox.views import SearchHit
from app.storage.inbox.tables import InboxChat
from app.storage.store import Store
from app.storage.tables import Message

#: The newest matches first; FTS5 walks its rowids backwards, so this stays fast.
_WORDS_SQL = text(
    "SELECT m.id, m.account_id, m.chat, m.direction, m.text, m.created_at,"
    " c.owner_name, c.name"
    " FROM messages_fts f JOIN messages m ON m.id = f.rowid"
    " LEFT JOIN inbox_chats c ON c.account_id = m.account_id AND c.chat = m.chat"
    " WHERE messages_fts MATCH :match ORDER BY f.rowid DESC LIMIT :limit"
).columns(created_at=DateTime())


class SearchRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, query: Query, limit: int = 100) -> list[SearchHit]:
        """Chats whose customer's name or number matches, then messages whose words do."""
        with self._store.session() as s:
            people = _by_person(s, query, limit)
            words = s.execute(_WORDS_SQL, {"match": query.fts, "limit": limit}).all()
        hits = list(people)
        for row_id, account_id, chat, direction, words_text, at, owner_name, name in words:
            hits.append(
                SearchHit(
                    account_id=account_id,
                    chat=chat,
                    name=owner_name or name,
                    row_id=row_id,
                    direction=direction,
                    text=words_text,
                    at=at,
                )
            )
        return hits[:limit]


def _by_person(s: Session, query: Query, limit: int) -> list[SearchHit]:
    """Chats by the customer's name (every word) or by part of their number."""
    by_name = and_(
        *(
            or_(
                InboxChat.owner_name.like(like_pattern(word), escape="\\"),
                InboxChat.name.like(like_pattern(word), escape="\\"),
            )
            for word in query.words
        )
    )
    wanted = by_name
    if query.digits:
        # "0812…" is how people write "62812…": the leading zeros are left out.
        part = query.digits.lstrip("0") or query.digits
        wanted = or_(by_name, InboxChat.chat.like(like_pattern(part), escape="\\"))
    rows = s.execute(
        select(InboxChat.owner_name, InboxChat.name, Message)
        .join(Message, and_(Message.id == InboxChat.last_id, Message.chat == InboxChat.chat))
        .where(wanted)
        .order_by(InboxChat.last_id.desc())
        .limit(limit)
    ).all()
    return [
        SearchHit(
            account_id=m.account_id,
            chat=m.chat,
            name=owner_name or name,
            row_id=m.id,
            direction=m.direction,
            text=m.text,
            at=m.created_at,
            by_name=True,
        )
        for owner_name, name, m in rows
    ]
