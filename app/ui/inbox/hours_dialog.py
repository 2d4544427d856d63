"""A number's opening hours, away message and greeting, notices and read receipts.

Everything sits in a scroll area, so the dialog fits a 1366 by 768 screen at 150 %.
Bad hours (overlapping, empty, unreadable) are said in a sentence; nothing is saved.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.inbox.away import AutoReplies
from app.domain.inbox.errors import InboxError
from app.domain.inbox.hours import format_day, parse_week
from app.domain.inbox.notices import NoticeRules
from app.domain.inbox.views import NumberSettings
from app.domain.store_error import StoreError
from app.ports.inbox import InboxPort
from app.ui.inbox.dialog_parts import (
    Numbers,
    button_row,
    connected_buttons,
    error_label,
    number_combo,
    show_error,
)
from app.ui.shared.formatting import tr, tr_noop
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen
from app.ui.shared.scroll_page import ScrollPage

WEEKDAYS = (
    tr_noop("Monday"),
    tr_noop("Tuesday"),
    tr_noop("Wednesday"),
    tr_noop("Thursday"),
    tr_noop("Friday"),
    tr_noop("Saturday"),
    tr_noop("Sunday"),
)


def _minutes(time: QTime) -> int:
    return time.hour() * 60 + time.minute()


def _time(minutes: int | None, default: int) -> QTime:
    value = default if minutes is None else minutes
    return QTime(value // 60, value % 60)


class HoursDialog(OpensOnScreen, Retranslating, QDialog):
    def __init__(
        self, port: InboxPort, numbers: Numbers, account_id: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.setMinimumSize(420, 360)
        self.number = number_combo(numbers, account_id)
        self.number.currentIndexChanged.connect(lambda _i: self.load())
        self.tabs = QTabWidget()
        # Each page scrolls on its own, wrapped words and all (a short screen at 150 %).
        self.tabs.addTab(ScrollPage(self._hours_page()), "")
        self.tabs.addTab(ScrollPage(self._notices_page()), "")
        self.error_label = error_label()
        self.save_button, self.close_button = connected_buttons(self.save, self.close)
        buttons = button_row([], [self.save_button, self.close_button])
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.retranslate()
        self.load()
        self.resize(620, 700)  # what it would like; OpensOnScreen fits it to the screen

    def _hours_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.hours_note = QLabel()
        self.hours_note.setWordWrap(True)
        form.addRow(self.hours_note)
        self.day_labels: list[QLabel] = []
        self.days: list[QLineEdit] = []
        for _day in WEEKDAYS:
            label, edit = QLabel(), QLineEdit()
            edit.setPlaceholderText("08:00-17:00")
            label.setBuddy(edit)
            self.day_labels.append(label)
            self.days.append(edit)
            form.addRow(label, edit)
        self.away_on, self.greeting_on = QCheckBox(), QCheckBox()
        self.away_text, self.greeting_text = QPlainTextEdit(), QPlainTextEdit()
        for text in (self.away_text, self.greeting_text):
            text.setTabChangesFocus(True)
            text.setFixedHeight(70)
        self.away_rule = QLabel()
        self.away_rule.setWordWrap(True)
        form.addRow(self.away_on)
        form.addRow(self.away_text)
        form.addRow(self.away_rule)
        form.addRow(self.greeting_on)
        form.addRow(self.greeting_text)
        return page

    def _notices_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.notices_on, self.quiet_on = QCheckBox(), QCheckBox()
        self.quiet_from, self.quiet_to = QTimeEdit(), QTimeEdit()
        for edit in (self.quiet_from, self.quiet_to):
            edit.setDisplayFormat("HH:mm")
        quiet = QHBoxLayout()
        quiet.addWidget(self.quiet_on)
        quiet.addWidget(self.quiet_from)
        self.quiet_until = QLabel()
        quiet.addWidget(self.quiet_until)
        quiet.addWidget(self.quiet_to)
        quiet.addStretch(1)
        self.groups_on, self.blue_ticks = QCheckBox(), QCheckBox()
        self.ticks_note = QLabel()
        self.ticks_note.setWordWrap(True)
        form.addRow(self.notices_on)
        form.addRow(quiet)
        form.addRow(self.groups_on)
        form.addRow(self.blue_ticks)
        form.addRow(self.ticks_note)
        return page

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Hours and notices"))
        self.tabs.setTabText(0, tr("Opening hours and away message"))
        self.tabs.setTabText(1, tr("Notices and reading"))
        self.hours_note.setText(
            tr(
                "Your local time. Write one or more spans a day, such as 08:00-12:00, "
                "13:00-17:00; leave a day empty when the shop is closed."
            )
        )
        for label, day in zip(self.day_labels, WEEKDAYS, strict=True):
            label.setText(tr(day) + ":")
        self.away_on.setText(tr("Send an &away message outside these hours"))
        self.away_text.setPlaceholderText(
            tr("Thank you! We are closed now and answer tomorrow morning.")
        )
        self.greeting_on.setText(tr("Send a &greeting to a customer's first message"))
        self.greeting_text.setPlaceholderText(tr("Welcome! How can we help?"))
        self.notices_on.setText(tr("Tell me when a customer writes to this number"))
        self.quiet_on.setText(tr("Quiet from"))
        self.quiet_until.setText(tr("until"))
        self.groups_on.setText(tr("Tell me about group messages too"))
        self.blue_ticks.setText(tr("Reading a chat in Jaga shows blue ticks to the customer"))
        self.away_rule.setText(
            tr(
                "The away message goes once per customer a day, never to a group, and not when "
                "you answered that customer in the last hour."
            )
        )
        self.ticks_note.setText(
            tr(
                "Off: reading a chat in Jaga clears its unread count only; the customer sees "
                "blue ticks when you read it on the phone."
            )
        )
        self.save_button.setText(tr("&Save"))
        self.close_button.setText(tr("Close"))

    @property
    def account_id(self) -> str:
        return str(self.number.currentData() or "")

    def load(self) -> None:
        if not self.account_id:
            return
        settings = self.port.settings(self.account_id)
        for edit, day in zip(self.days, settings.auto.hours, strict=True):
            edit.setText(format_day(day))
        auto, notices = settings.auto, settings.notices
        self.away_on.setChecked(auto.away_on)
        self.away_text.setPlainText(auto.away_text)
        self.greeting_on.setChecked(auto.greeting_on)
        self.greeting_text.setPlainText(auto.greeting_text)
        self.notices_on.setChecked(notices.on)
        self.quiet_on.setChecked(notices.quiet_from is not None)
        self.quiet_from.setTime(_time(notices.quiet_from, 22 * 60))
        self.quiet_to.setTime(_time(notices.quiet_to, 7 * 60))
        self.groups_on.setChecked(notices.groups)
        self.blue_ticks.setChecked(settings.blue_ticks)
        self.error_label.hide()

    def settings(self) -> NumberSettings:
        """What the dialog shows (InboxError for hours that do not read)."""
        current = self.port.settings(self.account_id)
        auto = AutoReplies(
            away_on=self.away_on.isChecked(),
            away_text=self.away_text.toPlainText().strip(),
            greeting_on=self.greeting_on.isChecked(),
            greeting_text=self.greeting_text.toPlainText().strip(),
            hours=parse_week([edit.text() for edit in self.days]),
        )
        quiet = self.quiet_on.isChecked()
        notices = NoticeRules(
            on=self.notices_on.isChecked(),
            quiet_from=_minutes(self.quiet_from.time()) if quiet else None,
            quiet_to=_minutes(self.quiet_to.time()) if quiet else None,
            groups=self.groups_on.isChecked(),
        )
        return replace(current, auto=auto, notices=notices, blue_ticks=self.blue_ticks.isChecked())

    def save(self) -> bool:
        try:
            self.port.save_settings(self.settings())
        except (InboxError, StoreError) as error:
            show_error(self.error_label, error)
            return False
        self.error_label.hide()
        self.load()
        return True
