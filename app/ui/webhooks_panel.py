"""The shop's webhook addresses: add, remove, health, recent deliveries, retry, replay, ping."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.store import StoreError
from app.gateway.envelope import EVENTS
from app.gateway.gateway import Gateway
from app.ui.error_words import error_words
from app.ui.formatting import age, local_time, tr, utcnow
from app.ui.retranslating import Retranslating
from app.ui.tasks import run_async

RECENT = 50


class WebhooksPanel(Retranslating, QWidget):
    def __init__(self, gateway: Gateway, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.webhooks = gateway.webhooks

        self.targets = QListWidget()
        self.targets.currentRowChanged.connect(lambda _row: self.show_selected())
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.health.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recent = QTableWidget(0, 5)
        self.recent.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.recent.verticalHeader().setVisible(False)
        self.recent.horizontalHeader().setStretchLastSection(True)
        self.targets.setMaximumHeight(110)

        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retry_now)
        self.since = QDateTimeEdit(QDateTime.currentDateTime().addSecs(-3600))
        self.since.setCalendarPopup(True)
        self.replay_button = QPushButton()
        self.replay_button.clicked.connect(self.replay)
        self.ping_button = QPushButton()
        self.ping_button.clicked.connect(self.ping)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove)
        self.result = QLabel()
        self.result.setWordWrap(True)
        actions = QHBoxLayout()
        for widget in (self.retry_button, self.since, self.replay_button, self.ping_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.remove_button)

        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.events = {event: QCheckBox(event) for event in EVENTS}
        for event, box in self.events.items():
            box.setChecked(not event.startswith("label."))  # labels: for software that asks
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.url_label, self.secret_label, self.events_label = QLabel(), QLabel(), QLabel()
        events_row = QHBoxLayout()
        for box in self.events.values():
            events_row.addWidget(box)
        form = QFormLayout()
        form.addRow(self.url_label, self.url)
        form.addRow(self.secret_label, self.secret)
        form.addRow(self.events_label, events_row)
        form.addRow("", self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.targets)
        layout.addWidget(self.health)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.recent, 1)
        layout.addLayout(form)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.retry_button.setText(tr("Retry now"))
        self.replay_button.setText(tr("Replay since"))
        self.ping_button.setText(tr("Send test ping"))
        self.remove_button.setText(tr("Remove"))
        self.url_label.setText(tr("Address:"))
        self.secret_label.setText(tr("Secret (for the signature):"))
        self.events_label.setText(tr("Events:"))
        self.add_button.setText(tr("Add address"))
        self.recent.setHorizontalHeaderLabels(
            [tr("Time"), tr("Event"), tr("State"), tr("Tries"), tr("Last answer")]
        )
        self.show_selected()

    # --- reading ---------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        item = self.targets.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def refresh(self) -> None:
        chosen = self.selected_id()
        self.targets.clear()
        for target in self.webhooks.targets():
            item = QListWidgetItem(f"{target.url}  ({target.events.replace(',', ', ')})")
            item.setData(Qt.ItemDataRole.UserRole, target.id)
            self.targets.addItem(item)
            if target.id == chosen:
                self.targets.setCurrentItem(item)
        if self.targets.currentItem() is None and self.targets.count():
            self.targets.setCurrentRow(0)
        self.show_selected()

    def show_selected(self) -> None:
        target_id = self.selected_id()
        for button in (self.retry_button, self.replay_button, self.ping_button, self.remove_button):
            button.setEnabled(target_id is not None)
        health = self.webhooks.health(target_id) if target_id is not None else None
        if health is None:
            self.health.setText(tr("Add the address of your shop's software below."))
            self.recent.setRowCount(0)
            return
        now = utcnow()
        lines = [
            tr("Waiting to be delivered: %1").replace("%1", str(health.pending)),
            tr("Last success: %1").replace("%1", age(health.last_success_at, now) or tr("never")),
        ]
        if health.last_failure_at is not None:
            lines.append(
                tr("Last failure: %1 — %2")
                .replace("%1", age(health.last_failure_at, now))
                .replace("%2", health.last_failure or "")
            )
        self.health.setText("\n".join(lines))
        rows = self.webhooks.recent(target_id, RECENT)
        self.recent.setRowCount(len(rows))
        for row, delivery in enumerate(rows):
            answer = (
                f"HTTP {delivery.last_status_code}" if delivery.last_status_code is not None else ""
            )
            if delivery.last_error:
                answer = f"{answer} {delivery.last_error}".strip()
            cells = (
                local_time(delivery.created_at, now),
                delivery.event,
                delivery.state,
                str(delivery.attempts),
                answer,
            )
            for column, text in enumerate(cells):
                self.recent.setItem(row, column, QTableWidgetItem(text))

    # --- the owner's actions ---------------------------------------------------------------

    def add(self) -> None:
        events = [event for event, box in self.events.items() if box.isChecked()]
        try:
            self.webhooks.add_target(self.url.text(), events, self.secret.text() or None)
        except (StoreError, ValueError) as error:  # ValueError: app/gateway/webhook_address.py
            self.result.setText(error_words(error))
            return
        self.url.clear()
        self.secret.clear()
        self.result.setText(tr("Added."))
        self.refresh()
        self.targets.setCurrentRow(self.targets.count() - 1)

    def remove(self) -> None:
        target_id = self.selected_id()
        if target_id is not None:
            self.webhooks.remove_target(target_id)
            self.refresh()

    def retry_now(self) -> None:
        target_id = self.selected_id()
        if target_id is None:
            return
        count = self.webhooks.retry_now(target_id)
        self.gateway.sender.wake()
        self.result.setText(tr("Sending again now: %1").replace("%1", str(count)))
        self.show_selected()

    def replay(self) -> None:
        target_id = self.selected_id()
        if target_id is None:
            return
        local = self.since.dateTime().toPython()
        since = local.astimezone(UTC).replace(tzinfo=None)
        count = self.webhooks.replay_since(target_id, since)
        self.gateway.sender.wake()
        self.result.setText(tr("Sending again: %1 events").replace("%1", str(count)))
        self.show_selected()

    def ping(self) -> None:
        target_id = self.selected_id()
        if target_id is None:
            return
        self.result.setText(tr("Sending a test ping…"))

        async def send() -> None:
            said = await self.gateway.ping(target_id)
            self.result.setText(tr("The address answered: %1").replace("%1", said))
            self.show_selected()

        run_async(send(), lambda error: self.result.setText(str(error)))
