"""The signals the core's parts emit; the facade hands them to every face."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class CoreSignals(QObject):
    accounts_changed = Signal()  # rows added or removed
    account_updated = Signal(str)  # one account's observed state changed
    status_changed = Signal(str, str, str)  # account id, old status, new status
    qr_received = Signal(object)  # QrCode
    restore_progress = Signal(object)  # Progress
    bridge_state_changed = Signal(str)  # supervision State value
    error = Signal(str)  # a sentence for the owner: what went wrong and what to do
    trouble_gone = Signal(str)  # that sentence no longer holds (the disk has room again)
    bridge_recovered = Signal(object)  # BridgeRecovery: bridge.sqlite3 was damaged at start
    message_added = Signal(int)  # messages.id of a new row (in or out)
    message_updated = Signal(int)  # messages.id whose status changed
