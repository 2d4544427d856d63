"""The shop's webhook addresses: add, remove, health, recent deliveries, retry, replay, ping."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ports.gateway_setup import GatewaySetup
from app.ui.gateway_setup.webhook_editor import WebhookEditor
from app.ui.shared.formatting import age, date_time_format, local_time, tr, tr_noop, utcnow
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.tasks import run_async

RECENT = 50

#: A delivery's state (app.domain.webhook_retry.Outcome, and pending), in words.
DELIVERY_WORDS = {
    "pending": tr_noop("Waiting"),
    "retry": tr_noop("Trying again"),
    "delivered": tr_noop("Delivered"),
    "rejected": tr_noop("Refused by the address"),
    "expired": tr_noop("Given up after 24 hours"),
}


class WebhooksPanel(Retranslating, QWidget):
    def __init__(self, gateway: GatewaySetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.webhooks = gateway.webhooks
        self.editor: WebhookEditor | None = None
        self._init_targets()
        self._init_actions()
        self.recent = QTableWidget(0, 5)
        self.recent.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.recent.verticalHeader().setVisible(False)
        self.recent.horizontalHeader().setStretchLastSection(True)
        self.recent.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._targets_row())
        layout.addWidget(self.health)
        layout.addLayout(self._actions_rows())
        layout.addWidget(self.result)
        layout.addWidget(self.recent, 1)
        self.retranslate()
        self.refresh()

    def _init_targets(self) -> None:
        self.targets = QListWidget()
        self.targets.currentRowChanged.connect(lambda _row: self.show_selected())
        self.targets.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.targets.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.open_editor)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove)
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.health.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _targets_row(self) -> QHBoxLayout:
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.targets, 1)
        row.addLayout(buttons)
        return row

    def _init_actions(self) -> None:
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retry_now)
        self.since = QDateTimeEdit(QDateTime.currentDateTime().addSecs(-3600))
        self.since.setCalendarPopup(True)
        self.replay_button = QPushButton()
        self.replay_button.clicked.connect(self.replay)
        self.ping_button = QPushButton()
        self.ping_button.clicked.connect(self.ping)
        self.result = QLabel()
        self.result.setWordWrap(True)

    def _actions_rows(self) -> QVBoxLayout:
        """Two short rows rather than one long one: they fit a small screen in Bahasa."""
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.ping_button)
        first.addWidget(self.retry_button)
        first.addStretch(1)
        second.addWidget(self.replay_button)
        second.addWidget(self.since)
        second.addStretch(1)
        rows = QVBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    def retranslate(self) -> None:
        self.retry_button.setText(tr("Retry now"))
        self.replay_button.setText(tr("Replay since"))
        self.ping_button.setText(tr("Send test ping"))
        self.remove_button.setText(tr("Remove"))
        self.add_button.setText(tr("Add address…"))
        self.since.setDisplayFormat(date_time_format())
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
            self.health.setText(tr("Add the address of your shop's software with “Add address…”."))
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
                tr(DELIVERY_WORDS[delivery.state])
                if delivery.state in DELIVERY_WORDS
                else delivery.state,
                str(delivery.attempts),
                answer,
            )
            for column, text in enumerate(cells):
                self.recent.setItem(row, column, QTableWidgetItem(text))

    # --- the owner's actions ---------------------------------------------------------------

    def open_editor(self) -> WebhookEditor:
        """The small dialog for a new address; the list shows it once added."""
        if self.editor is None:
            editor = WebhookEditor(self.webhooks, parent=self)
            editor.added.connect(self._added)
            editor.finished.connect(lambda _result: self._editor_closed())
            self.editor = editor
        self.editor.open()
        return self.editor

    def _editor_closed(self) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
            self.editor = None

    def _added(self, target_id: int) -> None:
        self.result.setText(tr("Added."))
        self.refresh()
        for row in range(self.targets.count()):
            if self.targets.item(row).data(Qt.ItemDataRole.UserRole) == target_id:
                self.targets.setCurrentRow(row)

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
