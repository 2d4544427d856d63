"""Labels: made in Jaga or on WhatsApp Business, on chats, and what each change tells."""

from __future__ import annotations

import pytest

from app.domain.inbox.errors import InboxError
from app.domain.inbox.events import LabelChat, LabelEdit
from app.storage.inbox.label_sync import ChatPush, LabelSyncRepo
from app.storage.inbox.labels import LabelsRepo
from app.storage.inbox.settings import SettingsRepo
from app.storage.write_hooks import Written

CHAT = "6281234567890"


@pytest.fixture
def changes(hooked):
    """Every LabelChange the store's transactions carried (the webhooks' view)."""
    seen: list = []

    def hook(_s, written: Written) -> None:
        seen.extend((c.kind, c.label_id, c.chat) for c in written.labels)

    hooked.write_hooks.add(hook)
    return seen


def test_labels_made_in_jaga_on_a_personal_number(hooked, shop, changes):
    repo = LabelsRepo(hooked)
    baru = repo.save(shop, None, "Baru", 0)
    paid = repo.save(shop, None, " Sudah  bayar ", 5)
    assert (baru.label_id, paid.label_id, paid.name) == ("1", "2", "Sudah bayar")
    repo.save(shop, "2", "Sudah bayar", 5)  # no change: nothing told
    assert [x.label_id for x in repo.set_chat_labels(shop, CHAT, ["2", "1"])] == ["1", "2"]
    repo.set_chat_labels(shop, CHAT, ["2"])
    assert repo.chats_with(shop, "2") == [CHAT] and repo.chats_with(shop, "1") == []
    repo.delete(shop, "2")
    assert repo.chat_labels(shop, CHAT) == [] and [x.name for x in repo.labels(shop)] == ["Baru"]
    assert changes == [
        ("upsert", "1", None),
        ("upsert", "2", None),
        ("chat_added", "1", CHAT),
        ("chat_added", "2", CHAT),
        ("chat_deleted", "1", CHAT),
        ("deleted", "2", None),
    ]
    assert LabelSyncRepo(hooked).accounts_waiting() == set()  # nothing for WhatsApp


@pytest.mark.parametrize(
    ("name", "color", "code"),
    [
        ("", 0, "label_name_missing"),
        ("x" * 2000, 0, "label_name_long"),
        ("Baru", 25, "label_color"),
        ("baru", 1, "label_exists"),
    ],
)
def test_bad_labels_change_nothing(hooked, shop, changes, name, color, code):
    repo = LabelsRepo(hooked)
    repo.save(shop, None, "Baru", 0)
    changes.clear()
    with pytest.raises(InboxError) as refused:
        repo.save(shop, None, name, color)
    assert refused.value.code == code
    assert [x.name for x in repo.labels(shop)] == ["Baru"] and changes == []
    with pytest.raises(InboxError):
        repo.set_chat_labels(shop, CHAT, ["1", "9"])
    assert repo.chat_labels(shop, CHAT) == [] and changes == []


def test_whatsapps_labels_make_a_business_number(hooked, shop, changes, told):
    hooked.store_durable(
        [
            LabelEdit(shop, "1", "New customer", 1, deleted=False),
            LabelChat(shop, "1", CHAT, labeled=True),
            LabelChat(shop, "1", CHAT, labeled=True),  # told twice: one change
            LabelEdit(shop, "1", "New customer", 1, deleted=False),
        ]
    )
    assert SettingsRepo(hooked).get(shop).business
    [label] = LabelsRepo(hooked).labels(shop)
    assert label.from_whatsapp and label.name == "New customer"
    assert changes == [("upsert", "1", None), ("chat_added", "1", CHAT)]
    assert told.run().labels == {shop}
    hooked.store_durable([LabelEdit(shop, "1", "", 0, deleted=True)])
    assert LabelsRepo(hooked).labels(shop) == [] and changes[-1] == ("deleted", "1", None)


def test_on_a_business_number_jagas_changes_wait_for_whatsapp(hooked, shop, changes):
    hooked.store_durable([LabelEdit(shop, "1", "New customer", 1, deleted=False)])
    repo, sync = LabelsRepo(hooked), LabelSyncRepo(hooked)
    repo.save(shop, None, "Dikirim", 3)
    repo.set_chat_labels(shop, CHAT, ["2"])
    labels, chats = sync.unsynced(shop)
    assert [(x.label_id, x.name, x.deleted) for x in labels] == [("2", "Dikirim", False)]
    assert chats == [ChatPush("2", CHAT, True)]
    assert sync.accounts_waiting() == {shop}
    sync.label_pushed(shop, labels[0])
    sync.chat_pushed(shop, chats[0])
    assert sync.unsynced(shop) == ([], [])
    # WhatsApp echoes what it took: the same, so nobody hears of it twice.
    before = list(changes)
    hooked.store_durable(
        [LabelEdit(shop, "2", "Dikirim", 3, False), LabelChat(shop, "2", CHAT, True)]
    )
    assert changes == before
    repo.set_chat_labels(shop, CHAT, [])
    repo.delete(shop, "2")
    labels, chats = sync.unsynced(shop)
    assert [(x.label_id, x.deleted) for x in labels] == [("2", True)] and chats == []
    assert repo.labels(shop)[0].label_id == "1"  # the deleted one is gone from view
    assert repo.save(shop, None, "Lagi", 2).label_id == "3"  # its id is not reused meanwhile
