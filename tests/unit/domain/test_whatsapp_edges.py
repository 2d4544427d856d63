"""The real world's edges in the app core: refused sends, limits on new contacts, LID chats,
groups as recipients, never-linked numbers. Pure rules and the real store on a real file."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain.notify_policy import NoticeKind, NotifyPolicy
from app.domain.outbox import MessageError
from app.domain.recipients import chat_of
from app.domain.status import SessionStatus
from app.domain.whatsapp_edges import ChatMerge, SendLimit, held, is_refusal, refusal_sentence
from app.storage.message_edges import known_chats, record_limit
from app.storage.store import Ack, Inbound
from tests.store_kit import linked

NOW = datetime(2026, 11, 30, 7, 0)


def test_group_and_lid_chats_pass_as_recipients_other_jids_do_not():
    assert chat_of("120363012345678901@g.us").chat == "120363012345678901@g.us"
    assert chat_of("120363012345678901-1600000000@g.us").chat.endswith("@g.us")
    assert chat_of("987654321012@lid").chat == "987654321012@lid"
    assert chat_of("+62 812-3456-7890").chat == "6281234567890"
    for bad in ("abc@g.us", "6281@s.whatsapp.net", "12@lid", "@g.us"):
        with pytest.raises(MessageError):
            chat_of(bad)


def test_hold_policy_only_new_contacts_only_while_the_limit_holds():
    lock = SendLimit("reachout_timelock", NOW + timedelta(hours=1))
    assert held("628200", limit=lock, known=False, now=NOW)
    assert not held("628200", limit=lock, known=True, now=NOW)
    assert not held("120363@g.us", limit=lock, known=False, now=NOW)
    assert not held("628200", limit=lock, known=False, now=NOW + timedelta(hours=1))
    assert not held("628200", limit=None, known=False, now=NOW)
    assert held("628200", limit=SendLimit("new_chat_cap", None), known=False, now=NOW)


def test_refusal_sentences_name_the_code_and_are_recognised():
    sentence = refusal_sentence("reachout_restricted", "463")
    assert "(error 463)" in sentence and "does not send it again" in sentence
    assert "(error 479)" in refusal_sentence("rejected_by_server", "479")
    assert "locked" in refusal_sentence("reachout_timelocked", "463")
    assert is_refusal(refusal_sentence("something_new", "500"))
    assert not is_refusal("gave up after 8 tries: boom")
    assert not is_refusal(None)


def test_a_refusal_fails_the_message_for_good_and_send_again_gets_a_new_id(store):
    account_id = linked(store)
    message = store.queue_message(account_id, "628200000463", "halo", "JAGA1")
    refusal = refusal_sentence("reachout_restricted", "463")
    store.store_durable([Ack(account_id, "JAGA1", "failed", refusal)])
    store.mark_sent([message.id])  # the dispatcher's commit may come after the refusal
    store.store_durable([Ack(account_id, "JAGA1", "delivered")])
    after = store.message(message.id)
    assert (after.status, after.error) == ("failed", refusal)
    assert store.due_messages({account_id}, NOW + timedelta(days=1)) == [], "never retried"
    store.resend(message.id)
    again = store.message(message.id)
    assert again.status == "queued" and again.message_id != "JAGA1", "a fresh WhatsApp id"


def test_a_lid_chat_merges_into_the_phone_chat_in_order(store):
    account_id = linked(store)
    store.store_durable(
        [
            Inbound(account_id, "L1", "900000001@lid", "first", None),
            Inbound(account_id, "G1", "120363@g.us", "in group", None, author="900000001@lid"),
        ]
    )
    store.store_durable([Inbound(account_id, "P0", "628400000001", "by phone", None)])
    _, updated = store.store_durable([ChatMerge(account_id, "900000001@lid", "628400000001")])
    store.store_durable([Inbound(account_id, "P1", "628400000001", "later", None)])
    chat = store.chat_messages(account_id, "628400000001")
    assert [m.message_id for m in chat] == ["L1", "P0", "P1"], "one chat, arrival order kept"
    assert [m.chat for m in store.conversations(account_id)].count("628400000001") == 1
    group = store.chat_messages(account_id, "120363@g.us")
    assert [m.author for m in group] == ["628400000001"]
    assert len(updated) == 2
    assert ChatMerge.from_event({"session_id": "a", "lid": "1@lid", "phone": "62"}) is not None
    assert (
        ChatMerge.from_event({"session_id": "a", "lid": "628@s.whatsapp.net", "phone": "62"})
        is None
    )


def test_limits_are_stored_once_and_known_contacts_are_the_ones_we_talk_to(store):
    account_id = linked(store)
    limit = SendLimit("reachout_timelock", NOW + timedelta(hours=1))
    assert record_limit(store, account_id, limit)
    assert not record_limit(store, account_id, limit)
    account = store.account(account_id)
    assert (account.limit_reason, account.limited_until) == (limit.reason, limit.until)
    store.store_durable([Inbound(account_id, "I1", "628300000001", "hai", None)])
    sent = store.queue_message(account_id, "628300000002", "x", "JAGA2")
    store.mark_sent([sent.id])
    store.queue_message(account_id, "628300000003", "y", "JAGA3")  # only queued: not known
    chats = ["628300000001", "628300000002", "628300000003"]
    assert known_chats(store, account_id, chats) == {"628300000001", "628300000002"}
    assert record_limit(store, account_id, None)
    assert store.account(account_id).limit_reason is None
    kinds = [e.kind for e in store.audit_events() if e.account_id == account_id]
    assert kinds[:2] == ["send_limit_lifted", "send_limit_set"]


def test_a_number_never_linked_is_not_announced_as_still_reconnecting():
    policy = NotifyPolicy()
    policy.status("new", SessionStatus.RECONNECTING, 0.0, "network_unreachable", linked=False)
    policy.status("old", SessionStatus.RECONNECTING, 0.0, "network_unreachable", linked=True)
    notices = policy.due(120.0)
    assert [(n.kind, n.account_id) for n in notices] == [(NoticeKind.RECONNECTING, "old")]
    assert policy.next_check(121.0) is None


def test_the_outbox_holds_only_messages_to_new_contacts_of_a_limited_number(store):
    from app.storage.message_edges import not_held

    limited = linked(store, "628100000001")
    free = linked(store, "628100000002")
    store.store_durable([Inbound(limited, "I1", "628300000001", "hai", None)])
    to_known = store.queue_message(limited, "628300000001", "a", "JAGA10")
    to_new = store.queue_message(limited, "628300000009", "b", "JAGA11")
    to_group = store.queue_message(limited, "120363000000000001@g.us", "c", "JAGA12")
    elsewhere = store.queue_message(free, "628300000009", "d", "JAGA13")
    record_limit(store, limited, SendLimit("reachout_timelock", NOW + timedelta(hours=1)))
    due = store.due_messages({limited, free}, NOW)
    assert {m.id for m in not_held(store, due, NOW)} == {to_known.id, to_group.id, elsewhere.id}
    later = NOW + timedelta(hours=1)
    assert {m.id for m in not_held(store, due, later)} >= {to_new.id}, "released at the end"
