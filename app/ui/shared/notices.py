"""What a notice says, and which fix a click on it opens.

A notice names every number it is about and the cause: an internet outage reads "No
internet connection" and names each number that is offline, in one notice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.notify_policy import Notice, NoticeKind
from app.domain.window_views import AccountView
from app.ui.shared.event_text import exit_words
from app.ui.shared.formatting import reason_words, says_link_again, tr

#: The cause that makes a "still reconnecting" notice about the internet, not the numbers.
NO_INTERNET = "network_unreachable"


@dataclass(frozen=True)
class NoticeText:
    title: str
    body: str
    #: The words on the button that opens the fix.
    action: str


def names_words(names: list[str]) -> str:
    """'“A”', '“A” and “B”', '“A”, “B” and “C”' in the owner's language."""
    quoted = [tr("“%1”").replace("%1", name) for name in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return tr("%1 and %2").replace("%1", ", ".join(quoted[:-1])).replace("%2", quoted[-1])


def notice_text(
    notice: Notice,
    account_of: Callable[[str], AccountView | None],
    fatal_reason: str | None = None,
) -> NoticeText:
    accounts = [account_of(a) for a in notice.account_ids]
    known = [a for a in accounts if a is not None]
    names = names_words([a.label for a in known])
    many = len(notice.account_ids) > 1
    first = known[0] if known else None
    why = reason_words(
        notice.reason,
        first.status_message if first else None,
        first.status if first else None,
    )
    match notice.kind:
        case NoticeKind.LOGGED_OUT:
            return NoticeText(
                (tr("%1 were logged out") if many else tr("%1 was logged out")).replace(
                    "%1", names
                ),
                tr("WhatsApp unlinked this computer. Scan a new QR code to link it again."),
                tr("Link again"),
            )
        case NoticeKind.CONFLICT:
            return NoticeText(
                (
                    tr("%1 are open on another computer")
                    if many
                    else tr("%1 is open on another computer")
                ).replace("%1", names),
                tr("WhatsApp moved this number to another computer. Reconnect to use it here."),
                tr("Reconnect here"),
            )
        case NoticeKind.FAILED:
            linking = says_link_again("failed", notice.reason)
            return NoticeText(
                tr("%1 stopped working").replace("%1", names),
                why or tr("WhatsApp refused the connection."),
                tr("Link again") if linking else tr("Fix"),
            )
        case NoticeKind.RECONNECTING:
            return _reconnecting(notice, names, many, why)
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


def _reconnecting(notice: Notice, names: str, many: bool, why: str) -> NoticeText:
    """Offline for long: the cause first (no internet), then the numbers it took."""
    if notice.reason == NO_INTERNET:
        return NoticeText(
            tr("No internet connection"),
            (tr("%1 are offline.") if many else tr("%1 is offline.")).replace("%1", names)
            + " "
            + tr("Jaga reconnects by itself when the internet is back."),
            tr("Show"),
        )
    return NoticeText(
        (tr("%1 are still reconnecting") if many else tr("%1 is still reconnecting")).replace(
            "%1", names
        ),
        (why + " " if why else "") + tr("Offline for more than 30 seconds; Jaga keeps trying."),
        tr("Show"),
    )
