"""Labels of each number and the chats they are on.

Every change runs the store's write hooks with the LabelChange it makes (the API's
label webhooks are written in the same transaction). On a WhatsApp Business number a
change made in Jaga is kept `synced = false` until WhatsApp took it (runtime label sync);
WhatsApp's own changes arrive as events and are applied by `apply_edit`/`apply_chat`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.inbox import labels as rules
from app.domain.inbox.errors import InboxError
from app.domain.inbox.events import LabelChat, LabelEdit
from app.domain.inbox.labels import Label, LabelChange
from app.storage.inbox.settings import row_of
from app.storage.inbox.tables import InboxChatLabel, InboxLabel, InboxSettings
from app.storage.store import Store, StoreError
from app.storage.tables import Account
from app.storage.write_hooks import Written


def label_of(row: InboxLabel) -> Label:
    return Label(row.account_id, row.label_id, row.name, row.color, row.from_whatsapp)


def _unknown(label_id: str) -> InboxError:
    return InboxError("label_unknown", "There is no label {id} on this number.", id=label_id)


def _business(s: Session, account_id: str) -> bool:
    row = s.get(InboxSettings, account_id)
    return bool(row and row.business)


class LabelsRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def labels(self, account_id: str | None = None) -> list[Label]:
        """The live labels of one number (or of all), by number and id."""
        query = select(InboxLabel).where(InboxLabel.deleted.is_(False))
        if account_id is not None:
            query = query.where(InboxLabel.account_id == account_id)
        with self._store.session() as s:
            rows = [label_of(row) for row in s.scalars(query)]
        return sorted(rows, key=lambda x: (x.account_id, rules.id_order(x.label_id)))

    def label(self, account_id: str, label_id: str) -> Label | None:
        with self._store.session() as s:
            row = s.get(InboxLabel, (account_id, label_id))
            return label_of(row) if row is not None and not row.deleted else None

    def save(self, account_id: str, label_id: str | None, name: object, color: object) -> Label:
        """Makes a label (no id) or changes one; InboxError for bad input, nothing saved."""
        clean, colour = rules.clean_name(name), rules.check_color(color)
        with self._store.session() as s:
            if s.get(Account, account_id) is None:
                raise StoreError("That number no longer exists.")
            rows = list(s.scalars(select(InboxLabel).where(InboxLabel.account_id == account_id)))
            if any(
                rules.same_name(r.name, clean) and r.label_id != label_id and not r.deleted
                for r in rows
            ):
                raise InboxError(
                    "label_exists", "This number has a label “{name}” already.", name=clean
                )
            row = next((r for r in rows if r.label_id == label_id and not r.deleted), None)
            if label_id is not None and row is None:
                raise _unknown(label_id)
            business = _business(s, account_id)
            if row is None:
                new_id = rules.next_label_id(r.label_id for r in rows)
                row = InboxLabel(account_id=account_id, label_id=new_id, name=clean, deleted=False)
                s.add(row)
            elif (row.name, row.color) == (clean, colour):
                return label_of(row)
            row.name, row.color, row.synced = clean, colour, not business
            s.flush()
            label = label_of(row)
            self._store.write_hooks.run(
                s, Written(labels=[LabelChange(rules.UPSERT, account_id, label.label_id, label)])
            )
        return label

    def delete(self, account_id: str, label_id: str) -> Label:
        with self._store.session() as s:
            row = s.get(InboxLabel, (account_id, label_id))
            if row is None or row.deleted:
                raise _unknown(label_id)
            label = label_of(row)
            s.execute(
                delete(InboxChatLabel).where(
                    InboxChatLabel.account_id == account_id, InboxChatLabel.label_id == label_id
                )
            )
            if _business(s, account_id):
                row.deleted, row.synced = True, False  # kept until WhatsApp deleted it too
            else:
                s.delete(row)
            change = LabelChange(rules.DELETED, account_id, label_id, label)
            self._store.write_hooks.run(s, Written(labels=[change]))
        return label

    def set_chat_labels(self, account_id: str, chat: str, label_ids: Iterable[str]) -> list[Label]:
        """Exactly these labels on the chat (WAHA's PUT); the chat's labels after it."""
        wanted = set(label_ids)
        with self._store.session() as s:
            live = {
                r.label_id: r
                for r in s.scalars(select(InboxLabel).where(InboxLabel.account_id == account_id))
                if not r.deleted
            }
            for label_id in sorted(wanted - set(live)):
                raise _unknown(label_id)
            changes = _set_chat(s, account_id, chat, wanted, live, _business(s, account_id))
            if changes:
                self._store.write_hooks.run(s, Written(labels=changes))
            return [label_of(live[i]) for i in sorted(wanted, key=rules.id_order)]

    def chat_labels(self, account_id: str, chat: str) -> list[Label]:
        query = (
            select(InboxLabel)
            .join(
                InboxChatLabel,
                (InboxChatLabel.account_id == InboxLabel.account_id)
                & (InboxChatLabel.label_id == InboxLabel.label_id),
            )
            .where(
                InboxChatLabel.account_id == account_id,
                InboxChatLabel.chat == chat,
                InboxChatLabel.labeled,
                InboxLabel.deleted.is_(False),
            )
        )
        with self._store.session() as s:
            return [label_of(row) for row in s.scalars(query)]

    def chats_with(self, account_id: str, label_id: str) -> list[str]:
        query = select(InboxChatLabel.chat).where(
            InboxChatLabel.account_id == account_id,
            InboxChatLabel.label_id == label_id,
            InboxChatLabel.labeled,
        )
        with self._store.session() as s:
            return sorted(s.scalars(query))


def _set_chat(
    s: Session,
    account_id: str,
    chat: str,
    wanted: set[str],
    live: dict[str, InboxLabel],
    business: bool,
) -> list[LabelChange]:
    current = {
        r.label_id: r
        for r in s.scalars(
            select(InboxChatLabel).where(
                InboxChatLabel.account_id == account_id, InboxChatLabel.chat == chat
            )
        )
    }
    changes = []
    for label_id in sorted(wanted):
        row = current.get(label_id)
        if row is not None and row.labeled:
            continue
        if row is None:
            row = InboxChatLabel(account_id=account_id, label_id=label_id, chat=chat)
            s.add(row)
        row.labeled, row.synced = True, not business
        label = label_of(live[label_id])
        changes.append(LabelChange(rules.CHAT_ADDED, account_id, label_id, label, chat))
    for label_id, row in current.items():
        if label_id in wanted or not row.labeled:
            continue
        if business:
            row.labeled, row.synced = False, False
        else:
            s.delete(row)
        label = label_of(live[label_id]) if label_id in live else None
        changes.append(LabelChange(rules.CHAT_DELETED, account_id, label_id, label, chat))
    return changes


# --- WhatsApp's own changes (inside the store's write transactions) ---------------------


def apply_edit(s: Session, event: LabelEdit) -> list[LabelChange]:
    """A label made, changed or deleted on WhatsApp: the number is a Business number."""
    settings = row_of(s, event.account_id)
    if settings is None:
        return []  # a number removed meanwhile
    settings.business = True
    row = s.get(InboxLabel, (event.account_id, event.label_id))
    if event.deleted:
        if row is None:
            return []
        label = label_of(row)
        s.execute(
            delete(InboxChatLabel).where(
                InboxChatLabel.account_id == event.account_id,
                InboxChatLabel.label_id == event.label_id,
            )
        )
        s.delete(row)
        return (
            []
            if row.deleted
            else [LabelChange(rules.DELETED, event.account_id, event.label_id, label)]
        )
    before = (row.name, row.color, row.deleted) if row is not None else None
    if row is None:
        row = InboxLabel(account_id=event.account_id, label_id=event.label_id, name=event.name)
        s.add(row)
    row.name, row.color, row.deleted = event.name, event.color, False
    row.from_whatsapp, row.synced = True, True
    s.flush()
    if before == (event.name, event.color, False):
        return []
    return [LabelChange(rules.UPSERT, event.account_id, event.label_id, label_of(row))]


def apply_chat(s: Session, event: LabelChat) -> list[LabelChange]:
    """A label put on a chat, or taken off, on WhatsApp."""
    if s.get(Account, event.account_id) is None:
        return []
    key = (event.account_id, event.label_id, event.chat)
    row = s.get(InboxChatLabel, key)
    was = bool(row and row.labeled)
    if event.labeled:
        if row is None:
            row = InboxChatLabel(
                account_id=event.account_id, label_id=event.label_id, chat=event.chat
            )
            s.add(row)
        row.labeled, row.synced = True, True
    elif row is not None:
        s.delete(row)
    if was == event.labeled:
        return []
    found = s.get(InboxLabel, (event.account_id, event.label_id))
    label = label_of(found) if found is not None and not found.deleted else None
    kind = rules.CHAT_ADDED if event.labeled else rules.CHAT_DELETED
    return [LabelChange(kind, event.account_id, event.label_id, label, event.chat)]
