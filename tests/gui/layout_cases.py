"""Every window and dialog the layout check opens, one line each.

A case is a name and a function that opens the window on a `Stage` (the real service with
five numbers, a chat, a webhook address, the main window shown) and returns it. A new
window joins the check with one line in CASES, e.g.

    ("inbox", lambda s: s.window.open_inbox()),
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.gateway.gateway import Gateway
from app.service import JagaService
from app.ui.main_window.window import MainWindow
from app.ui.settings.preferences import AppSettings


@dataclass
class Stage:
    service: JagaService
    window: MainWindow
    gateway: Gateway
    settings: AppSettings
    folder: Path
    #: The numbers by role: "connected", "reconnecting", "logged_out", "never_linked",
    #: "banned" (for a while, with WhatsApp's reason and the ban's end).
    numbers: dict[str, str]


Opener = Callable[[Stage], QWidget]


def _qr(stage: Stage, role: str) -> QWidget:
    return stage.window.open_qr_dialog(stage.numbers[role])


def _pairing(stage: Stage) -> QWidget:
    dialog = stage.window.open_qr_dialog(stage.numbers["never_linked"])
    dialog.show_pairing()
    dialog.show_code("ABCD1234")
    return dialog


def _pairing_refused(stage: Stage) -> QWidget:
    """WhatsApp refused to link by code (engines/baileys/pairing.js): said under the number."""
    from app.bridge.client import BridgeError

    dialog = stage.window.open_qr_dialog(stage.numbers["never_linked"])
    dialog.show_pairing()
    dialog.phone_edit.setText("0812-3456-7890")
    refusal = (
        "WhatsApp refused to link by code (error 400: bad-request). "
        "Link by scanning the QR code instead."
    )
    dialog._code_failed(BridgeError("pairing_refused", refusal, 502))
    assert dialog.code_error.text()
    return dialog


def _linked(stage: Stage) -> QWidget:
    dialog = stage.window.open_qr_dialog(stage.numbers["connected"])
    return dialog


def _gateway_tab(index: int) -> Opener:
    def open_tab(stage: Stage) -> QWidget:
        from app.ui.gateway_setup.dialog import show_for

        dialog = show_for(stage.window, stage.gateway, stage.settings)
        dialog.tabs.setCurrentIndex(index)
        return dialog

    return open_tab


def _webhook_editor(stage: Stage) -> QWidget:
    from app.ui.gateway_setup.dialog import show_for

    return show_for(stage.window, stage.gateway, stage.settings).webhooks.open_editor()


def _webhook_refused(stage: Stage) -> QWidget:
    """The longest refusal of app/domain/webhook_address.py, under the address."""
    editor = _webhook_editor(stage)
    editor.url.setText("https://toko.example/ hook")
    editor.add_button.click()
    assert editor.refusal.isVisibleTo(editor)
    return editor


def _chats(stage: Stage) -> QWidget:
    window = stage.window.open_chats(stage.numbers["connected"])
    assert window is not None
    return window


def _new_message(stage: Stage) -> QWidget:
    return _chats(stage).new_message()  # type: ignore[attr-defined]


def _number_abroad(stage: Stage) -> QWidget:
    """A number in another country: where it goes, and the question before the first send."""
    dialog = _new_message(stage)
    dialog.to_edit.setText("+65 9123 4567")
    dialog.text_edit.setPlainText("Halo kak, pesanan sudah dikirim.")
    dialog.send_button.click()
    assert dialog.error_label.isVisibleTo(dialog) and dialog.resolved_label.isVisibleTo(dialog)
    return dialog


def _banned(stage: Stage) -> QWidget:
    """A number WhatsApp banned for a while: its reason and end in the details pane."""
    stage.window.select(stage.numbers["banned"])
    return stage.window


def _remove_question(stage: Stage) -> QWidget:
    stage.window.select(stage.numbers["connected"])
    box = stage.window.remove_selected()
    assert isinstance(box, QMessageBox)
    return box


def _logout_question(stage: Stage) -> QWidget:
    stage.window.select(stage.numbers["connected"])
    box = stage.window.logout_selected()
    assert isinstance(box, QMessageBox)
    return box


def _customer(stage: Stage) -> QWidget:
    stage.window.select(stage.numbers["connected"])
    assert stage.window.demo_controls is not None
    dialog = stage.window.demo_controls.customer_writes()
    assert dialog is not None
    return dialog


def _notices(stage: Stage) -> QWidget:
    """Without a tray: a banner per number that needs the owner, and a problem."""
    from app.domain.notify_policy import Notice, NoticeKind

    window = stage.window
    for role, kind in (
        ("logged_out", NoticeKind.LOGGED_OUT),
        ("reconnecting", NoticeKind.RECONNECTING),
    ):
        window.present_notice(Notice(kind, stage.numbers[role]))
    window.show_problem(
        "The disk is full, so Jaga could not save. Free some space; nothing saved before is lost."
    )
    return window


def _message_notice(stage: Stage) -> QWidget:
    """Without a tray: a customer's message as a banner in the window (app/ui/inbox)."""
    window = stage.window
    window.inbox_hooks.banner.show_notice(
        stage.numbers["connected"],
        "6285712345678",
        "Toko Sari — depan: 2 pesan baru",
        "Ada stok warna merah ukuran L? Mau pesan 2 ya kak 🙏",
    )
    return window


def _hours_tab(index: int) -> Opener:
    def open_tab(stage: Stage) -> QWidget:
        dialog = stage.window.inbox_hooks.open_hours(stage.numbers["connected"])
        dialog.tabs.setCurrentIndex(index)
        return dialog

    return open_tab


def _attachment(stage: Stage) -> QWidget:
    from app.ui.chats.reply_box import Attachment

    window = _chats(stage)
    window.reply_pane.attach(Attachment(b"%PDF-1.4 nota", "nota-pesanan-toko-sari-november.pdf"))  # type: ignore[attr-defined]
    return window


#: name → opener. One line per window or dialog (or per page of one).
CASES: list[tuple[str, Opener]] = [
    ("main window", lambda s: s.window),
    ("main window: notices", _notices),
    ("main window: a banned number", _banned),
    (
        "something went wrong",
        lambda s: s.window.show_error(
            ValueError("Jaga's database is busy; please try again in a moment.")
        ),
    ),
    ("add number", lambda s: s.window.add_number()),
    ("remove number", _remove_question),
    ("log out", _logout_question),
    ("settings", lambda s: s.window.open_settings()),
    ("bridge panel", lambda s: s.window.open_bridge_panel()),
    ("shop API: local API", _gateway_tab(0)),
    ("shop API: safe sending", _gateway_tab(1)),
    ("shop API: webhooks", _gateway_tab(2)),
    ("webhook address", _webhook_editor),
    ("webhook address: refused", _webhook_refused),
    ("link: QR", lambda s: _qr(s, "reconnecting")),
    ("link: failed", lambda s: _qr(s, "logged_out")),
    ("link: pairing code", _pairing),
    ("link: pairing refused", _pairing_refused),
    ("link: linked", _linked),
    ("chats", _chats),
    ("chats: a file attached", _attachment),
    ("new message", _new_message),
    ("new message: a number abroad", _number_abroad),
    ("demo: a customer writes", _customer),
    ("main window: a customer's message", _message_notice),
    ("inbox", lambda s: s.window.inbox_hooks.open_inbox()),
    ("inbox: quick replies", lambda s: s.window.inbox_hooks.open_quick_replies()),
    ("inbox: labels", lambda s: s.window.inbox_hooks.open_labels(s.numbers["connected"])),
    ("inbox: opening hours", _hours_tab(0)),
    ("inbox: notices and reading", _hours_tab(1)),
]
