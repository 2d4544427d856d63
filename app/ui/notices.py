"""What a notice says, and which fix a click on it opens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.notify_policy import Notice, NoticeKind
from app.runtime.read_model import AccountView
from app.ui.event_words import exit_words
from app.ui.formatting import reason_words, tr


@dataclass(frozen=True)
class NoticeText:
    title: str
    body: str
    #: The words on the button that opens the fix.
    action: str


def notice_text(
    notice: Notice,
    account_of: Callable[[str], AccountView | None],
    fatal_reason: str | None = None,
) -> NoticeText:
    account = account_of(notice.account_id) if notice.account_id else None
    name = account.label if account is not None else ""
    why = reason_words(
        notice.reason,
        account.status_message if account else None,
        account.status if account else None,
    )
    match notice.kind:
        case NoticeKind.LOGGED_OUT:
            return NoticeText(
                tr("“%1” was logged out").replace("%1", name),
                tr("WhatsApp unlinked this computer. Scan a new QR code to link it again."),
                tr("Link again"),
            )
        case NoticeKind.CONFLICT:
            return NoticeText(
                tr("“%1” is open on another computer").replace("%1", name),
                tr("WhatsApp moved this number to another computer. Reconnect to use it here."),
                tr("Reconnect here"),
            )
        case NoticeKind.FAILED:
            return NoticeText(
                tr("“%1” stopped working").replace("%1", name),
                why or tr("WhatsApp refused the connection."),
                tr("Fix"),
            )
        case NoticeKind.RECONNECTING:
            return NoticeText(
                tr("“%1” is still reconnecting").replace("%1", name),
                tr("It has been offline for more than 30 seconds. Jaga keeps trying."),
                tr("Show"),
            )
        case NoticeKind.BRIDGE_FATAL:
            detail = exit_words(notice.reason or fatal_reason)
            return NoticeText(
                tr("Jaga's bridge has stopped"),
                (detail + " " if detail else "")
                + tr(
                    "No number is connected until it runs again. Jaga tries again by itself "
                    "every 5 minutes; Restart in the bridge panel tries now."
                ),
                tr("Open bridge panel"),
            )
    raise AssertionError(notice.kind)  # pragma: no cover (every kind is matched above)
