"""A small dialog for one webhook address: where, the secret that signs, which events.

It adds the address through the gateway's own path (WebhookStore.add_target), which checks
it; a refusal is said in words under the address and nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.store_error import StoreError
from app.domain.webhook_events import EVENTS
from app.ports.gateway_setup import WebhookTargets
from app.ui.shared.dialog_buttons import accept_reject_buttons
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import tr
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen

#: Event boxes per row (two fit a small screen in either language).
EVENT_COLUMNS = 2


class WebhookEditor(OpensOnScreen, Retranslating, QDialog):
    added = Signal(int)  # the new address's id

    def __init__(self, webhooks: WebhookTargets, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.webhooks = webhooks
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.events = {event: QCheckBox(event) for event in EVENTS}
        events = QGridLayout()
        for index, (event, box) in enumerate(self.events.items()):
            box.setChecked(not event.startswith("label."))  # labels: for software that asks
            events.addWidget(box, index // EVENT_COLUMNS, index % EVENT_COLUMNS)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)  # may quote what was typed
        self.refusal.setStyleSheet("color: #b3261e;")
        self.refusal.hide()
        self.url_label, self.secret_label, self.events_label = QLabel(), QLabel(), QLabel()
        self.url_label.setBuddy(self.url)
        self.secret_label.setBuddy(self.secret)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.url_label, self.url)
        form.addRow("", self.refusal)
        form.addRow(self.secret_label, self.secret)
        form.addRow(self.events_label, events)
        self.buttons, self.add_button, self.cancel_button = accept_reject_buttons(self)
        self.add_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Add a webhook address"))
        self.url_label.setText(tr("&Address:"))
        self.url.setAccessibleName(tr("Webhook address"))
        self.secret_label.setText(tr("&Secret (for the signature):"))
        self.events_label.setText(tr("Events:"))
        self.add_button.setText(tr("Add address"))
        self.cancel_button.setText(tr("Cancel"))

    def accept(self) -> None:
        """Adds the address, or says why not and stays open with what was typed."""
        events = [event for event, box in self.events.items() if box.isChecked()]
        try:
            target = self.webhooks.add_target(self.url.text(), events, self.secret.text() or None)
        except (StoreError, ValueError) as error:  # the gateway's refusal, in words
            self.refusal.setText(error_words(error))
            self.refusal.setAccessibleName(self.refusal.text())
            self.refusal.show()
            self.url.setFocus()
            return
        self.refusal.hide()
        self.added.emit(target.id)
        super().accept()
