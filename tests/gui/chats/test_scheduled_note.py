"""A message the API scheduled (Fonnte's schedule or delay) says so in the chat, in the
owner's language; once its time has come, the note goes.

Seen failing against: main at 583a38a (a scheduled message looked like any queued one).
"""

from __future__ import annotations

from datetime import timedelta

from app.domain.bridge_policy import State
from app.domain.outbox import SendOptions
from app.storage.tables import utcnow
from app.ui.chats.model import NoteRole
from app.ui.chats.window import ChatsWindow
from app.ui.shared.formatting import clock_time
from app.ui.shared.i18n import Translations
from tests.gui.chats.test_window import CUSTOMER, rows
from tests.gui.conftest import observe, set_bridge


def test_a_scheduled_message_says_when_it_leaves(qtbot, offline_service, english):
    shop = offline_service.create_account("Toko", "sim").id
    set_bridge(offline_service, State.RUNNING)
    observe(offline_service, shop, "connected", phone="6281300000106")
    later = utcnow().replace(microsecond=0) + timedelta(hours=2)
    offline_service.store.queue_message(
        shop, CUSTOMER, "Promo besok", "JAGA0002", SendOptions(not_before=later)
    )
    offline_service.store.queue_message(shop, CUSTOMER, "Sekarang", "JAGA0003")
    chats = ChatsWindow(offline_service.window, shop)
    qtbot.addWidget(chats)
    chats.show()
    assert rows(chats, NoteRole) == [f"Scheduled: leaves at {clock_time(later)}", ""]
    Translations().apply("id")
    assert rows(chats, NoteRole)[0] == f"Terjadwal: dikirim pukul {clock_time(later)}"
