"""Qt's own model tester watches the accounts and chats models through their changes.

QAbstractItemModelTester checks every signal against the model's answers (row counts,
parents, indexes, moves); a broken contract is a Qt warning, and Qt warnings fail tests.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.storage.tables import Message
from app.ui.chats.model import ConversationsModel, MessagesModel
from app.ui.main_window.accounts_model import AccountsModel
from tests.gui.main_window.test_accounts_model import NOW, account


def message(row_id: int, chat: str, text: str, *, direction: str = "in", status: str = "received"):
    return Message(
        id=row_id,
        account_id="acc-1",
        direction=direction,
        chat=chat,
        message_id=f"m{row_id}",
        text=text,
        status=status,
        error=None,
        attempts=0,
        created_at=NOW + timedelta(seconds=row_id),
        updated_at=NOW + timedelta(seconds=row_id),
    )


def test_accounts_model_keeps_qts_contract_through_every_change(qapp, qtmodeltester):
    model = AccountsModel(now=lambda: NOW)
    qtmodeltester.check(model)
    model.set_bridge_up(True)
    model.set_accounts([account("a"), account("b"), account("c")])
    model.update_account(account("b", "reconnecting"))
    model.set_accounts([account("c"), account("d")])
    model.set_uptime("c", 0.75)
    model.set_bridge_up(False)
    model.refresh_times()
    model.set_accounts([])
    assert model.rowCount() == 0


def test_chats_models_keep_qts_contract_through_inserts_moves_and_updates(qapp, qtmodeltester):
    conversations = ConversationsModel(now=lambda: NOW + timedelta(hours=1))
    messages = MessagesModel(now=lambda: NOW + timedelta(hours=1))
    qtmodeltester.check(conversations)
    qtmodeltester.check(messages)
    conversations.load([message(1, "6281", "hi"), message(2, "6282", "halo")])
    messages.load("6281", [message(1, "6281", "hi")])
    for row_id, chat in ((3, "6281"), (4, "6283"), (5, "6282"), (6, "6283")):
        newer = message(row_id, chat, f"text {row_id}")
        conversations.apply(newer)
        messages.apply(newer)
    sent = message(7, "6281", "ok", direction="out", status="queued")
    conversations.apply(sent)
    messages.apply(sent)
    messages.set_connected(False)
    messages.apply(message(7, "6281", "ok", direction="out", status="delivered"))
    conversations.set_connected(False)
    conversations.refresh()
    assert conversations.chats() == ["6281", "6283", "6282"]
    assert [messages.message_at(r).id for r in range(messages.rowCount())] == [1, 3, 7]
    assert isinstance(messages.message_at(0).created_at, datetime)
