"""Words and numbers as a shop owner reads them."""

from __future__ import annotations

from datetime import UTC, datetime

import phonenumbers
from PySide6.QtCore import QCoreApplication

from app.core.status import SessionStatus


def tr(text: str) -> str:
    return QCoreApplication.translate("Jaga", text)


def format_phone(digits: str | None) -> str:
    """'628123456789' → '+62 812-3456-789'; unknown shapes are shown as they are."""
    if not digits:
        return ""
    try:
        number = phonenumbers.parse("+" + digits.lstrip("+"))
    except phonenumbers.NumberParseException:
        return "+" + digits.lstrip("+")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def status_words(status: str, *, bridge_up: bool = True) -> str:
    if not bridge_up:
        return tr("Bridge restarting…")
    words = {
        SessionStatus.STOPPED: tr("Stopped"),
        SessionStatus.STARTING: tr("Connecting…"),
        SessionStatus.QR: tr("Waiting for QR scan"),
        SessionStatus.PAIRING_CODE: tr("Waiting for pairing code"),
        SessionStatus.CONNECTED: tr("Connected"),
        SessionStatus.RECONNECTING: tr("Reconnecting…"),
        SessionStatus.LOGGED_OUT: tr("Logged out — link again"),
        SessionStatus.CONFLICT: tr("Open elsewhere"),
        SessionStatus.FAILED: tr("Failed"),
    }
    return words[SessionStatus.parse(status)]


def age(moment: datetime | None, now: datetime | None = None) -> str:
    """'just now', '5 min ago', '3 h ago', '2 days ago' for naive-UTC times."""
    if moment is None:
        return ""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return tr("just now")
    if seconds < 3600:
        return tr("%n min ago").replace("%n", str(seconds // 60))
    if seconds < 86400:
        return tr("%n h ago").replace("%n", str(seconds // 3600))
    return tr("%n days ago").replace("%n", str(seconds // 86400))
