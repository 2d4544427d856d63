"""Shop API and webhooks: where the API listens, its key (show, copy, regenerate), safe
sending (pacing), webhooks."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.bridge_error import BridgeError
from app.domain.pacing import Pacing
from app.ports.gateway_setup import GatewaySetup
from app.ui.gateway_setup.webhooks_panel import WebhooksPanel
from app.ui.settings.pacing_box import PacingBox
from app.ui.settings.preferences import AppSettings
from app.ui.shared.dialog_buttons import accept_reject_buttons
from app.ui.shared.formatting import tr
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen
from app.ui.shared.scroll_page import ScrollPage

log = logging.getLogger(__name__)


class GatewayDialog(OpensOnScreen, Retranslating, QDialog):
    """Three tabs, each scrolling on a small screen: the local API, safe sending, webhooks."""

    def __init__(
        self, gateway: GatewaySetup, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.settings = settings
        self._init_address()
        self._init_key()
        self.pacing = PacingBox(settings.pacing)
        self.webhooks = WebhooksPanel(gateway)
        self.tabs = QTabWidget()
        self.tabs.addTab(ScrollPage(self._api_page()), "")
        self.tabs.addTab(ScrollPage(self.pacing), "")
        self.tabs.addTab(ScrollPage(self.webhooks), "")
        self.buttons, self.save_button, self.close_button = accept_reject_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.sizeHint().height())
        self.retranslate()

    def _init_address(self) -> None:
        self.address = QLabel()
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(self.settings.api_port)
        self.lan = QCheckBox()
        self.lan.setChecked(self.settings.api_lan)
        self.lan.toggled.connect(lambda _on: self._show_lan_warning())
        self.lan_warning = QLabel()
        self.lan_warning.setWordWrap(True)
        self.lan_warning.setStyleSheet("color: #b3261e;")
        self.next_start = QLabel()
        self.next_start.setWordWrap(True)

    def _init_key(self) -> None:
        self.key = QLineEdit(self.gateway.api_key.value)
        self.key.setReadOnly(True)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_key = QCheckBox()
        self.show_key.toggled.connect(self._toggle_key)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_key)
        self.regenerate_button = QPushButton()
        self.regenerate_button.clicked.connect(self.regenerate_key)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)

    def _api_page(self) -> QWidget:
        key_buttons = QHBoxLayout()
        for widget in (self.show_key, self.copy_button, self.regenerate_button):
            key_buttons.addWidget(widget)
        key_buttons.addStretch(1)
        self.port_label, self.key_label = QLabel(), QLabel()
        self.port_label.setBuddy(self.port)
        self.key_label.setBuddy(self.key)
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.address)
        form.addRow(self.port_label, self.port)
        form.addRow("", self.lan)
        form.addRow("", self.lan_warning)
        form.addRow("", self.next_start)
        form.addRow(self.key_label, self.key)
        form.addRow("", key_buttons)
        form.addRow("", self.key_note)
        return page

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Shop API and webhooks"))
        self.tabs.setTabText(0, tr("Local API"))
        self.tabs.setTabText(1, tr("Safe sending"))
        self.tabs.setTabText(2, tr("Webhooks"))
        server = self.gateway.server
        if self.gateway.problem:
            self.address.setText(self.gateway.problem)
        else:
            lan = self.gateway.lan_address() if server.lan else None
            host = "127.0.0.1" if not server.lan else lan or tr("this computer's address")
            self.address.setText(
                tr("Your shop's software reaches Jaga at %1 (routes: %2).")
                .replace("%1", f"http://{host}:{server.port}")
                .replace("%2", "/api/docs")
            )
        self.port_label.setText(tr("&Port:"))
        self.lan.setText(tr("Also answer on the shop's network (other computers)"))
        self.lan_warning.setText(
            tr(
                "Anyone on your shop's network who has the key can send from your numbers. "
                "Turn this on only on a network you trust."
            )
        )
        self.next_start.setText(tr("A new port or network choice is used from the next start."))
        self.key_label.setText(tr("API &key:"))
        self.show_key.setText(tr("Show"))
        self.copy_button.setText(tr("Copy"))
        self.regenerate_button.setText(tr("Make a new key"))
        note = tr("Send it in the X-Api-Key header. A new key replaces the old one at once.")
        api_key = self.gateway.api_key
        if api_key.file is not None:
            note += " " + tr(
                "No keyring on this computer: the key is kept in %1, readable only by you."
            ).replace("%1", str(api_key.file))
        elif not api_key.persistent:
            note += " " + tr("No keyring on this computer: the key changes at every start.")
        self.key_note.setText(note)
        self.save_button.setText(tr("Save"))
        self.close_button.setText(tr("Close"))
        self.pacing.retranslate()
        self._show_lan_warning()

    def _show_lan_warning(self) -> None:
        self.lan_warning.setVisible(self.lan.isChecked())

    def _toggle_key(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.key.setEchoMode(mode)

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.gateway.api_key.value)

    def regenerate_key(self) -> None:
        self.key.setText(self.gateway.api_key.regenerate())

    def apply(self) -> None:
        self.settings.api_port = self.port.value()
        self.settings.api_lan = self.lan.isChecked()
        pacing = self.pacing.value()
        if pacing != self.settings.pacing:
            self.settings.pacing = pacing
            # The running bridge hears it at once; the next one at its start.
            self._pacing_sent = asyncio.ensure_future(self._send_pacing(pacing))

    async def _send_pacing(self, pacing: Pacing) -> None:
        try:
            await self.gateway.core.set_pacing(pacing)
        except BridgeError as error:  # saved: the bridge gets it at its next start
            log.warning("the bridge did not take the new pacing: %s", error)

    def accept(self) -> None:
        self.apply()
        super().accept()


def show_for(window: QWidget, gateway: GatewaySetup, settings: AppSettings) -> GatewayDialog:
    """One dialog per window, raised again when asked twice."""
    dialog = window.findChild(GatewayDialog)
    if dialog is None:
        dialog = GatewayDialog(gateway, settings, parent=window)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.show()
    dialog.raise_()
    return dialog
