"""Words and numbers as a shop owner reads them.

Every string a person sees goes through `tr()` / `trn()` (context "Jaga"); strings kept in
tables are marked with `tr_noop()` and translated where they are shown. `app.ui.shared.i18n`
collects all three into resources/translations/*.ts.
"""

from __future__ import annotations

import math
from datetime import datetime

import phonenumbers
from PySide6.QtCore import QLocale

from app.domain.bridge_policy import State
from app.domain.overall_health import BridgeView, Overlay
from app.domain.status import SessionStatus
from app.ui.shared.ban_text import temporary_ban_words
from app.ui.shared.clock_text import (  # times on the owner's clock, in the language's way
    clock_time,
    date_time_format,
    day_or_time,
    local_time,
    time_of_day,
    utcnow,
)
from app.ui.shared.translate import tr, tr_noop, trn  # every face imports them from here

__all__ = [
    "clock_time",
    "date_time_format",
    "day_or_time",
    "local_time",
    "time_of_day",
    "tr",
    "tr_noop",
    "trn",
    "utcnow",
]


# --- phone numbers ---------------------------------------------------------------------


def format_phone(digits: str | None) -> str:
    """'628123456789' → '+62 812-3456-789'; unknown shapes are shown as they are."""
    if not digits:
        return ""
    try:
        number = phonenumbers.parse("+" + digits.lstrip("+"))
    except phonenumbers.NumberParseException:
        return "+" + digits.lstrip("+")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# --- statuses and reasons --------------------------------------------------------------

STATUS_WORDS = {
    SessionStatus.STOPPED: tr_noop("Stopped"),
    SessionStatus.STARTING: tr_noop("Connecting…"),
    SessionStatus.QR: tr_noop("Waiting for QR scan"),
    SessionStatus.PAIRING_CODE: tr_noop("Waiting for pairing code"),
    SessionStatus.CONNECTED: tr_noop("Connected"),
    SessionStatus.RECONNECTING: tr_noop("Reconnecting…"),
    SessionStatus.LOGGED_OUT: tr_noop("Logged out — link again"),
    SessionStatus.CONFLICT: tr_noop("Open on another computer"),
    SessionStatus.FAILED: tr_noop("Failed"),
}

BRIDGE_RESTARTING = tr_noop("Bridge restarting…")

#: What every row says while the bridge is not healthy (never a stale "Connected").
OVERLAY_WORDS = {
    Overlay.RESTARTING: BRIDGE_RESTARTING,
    Overlay.NOT_RESPONDING: tr_noop("Bridge not responding…"),
    Overlay.STOPPED: tr_noop("Bridge stopped"),
    Overlay.FATAL: tr_noop("Bridge stopped after repeated failures — trying again at %1"),
}
#: Statuses with a reason that changes the words: the owner did it.
REASONED_WORDS = {
    (SessionStatus.LOGGED_OUT, "logout_requested"): tr_noop("Logged out by you"),
}


def status_words(
    status: str,
    *,
    bridge_up: bool = True,
    reason: str | None = None,
    bridge: BridgeView | None = None,
) -> str:
    overlay = bridge.overlay if bridge is not None else None
    if overlay is None and not bridge_up:
        overlay = Overlay.RESTARTING
    if overlay is Overlay.FATAL:
        retry_at = bridge.retry_at if bridge is not None else None
        return tr(OVERLAY_WORDS[overlay]).replace("%1", clock_time(retry_at) if retry_at else "—")
    if overlay is not None:
        return tr(OVERLAY_WORDS[overlay])
    parsed = SessionStatus.parse(status)
    return tr(REASONED_WORDS.get((parsed, reason or ""), STATUS_WORDS[parsed]))


#: The bridge's and the app's reason codes (docs/bridge-api.md), as sentences.
REASON_WORDS = {
    "qr_timeout": tr_noop("The QR code was not scanned in time."),
    "forbidden": tr_noop("WhatsApp has blocked this number."),
    "outdated_version": tr_noop("WhatsApp asks for a newer version of Jaga."),
    "temporarily_banned": tr_noop(
        "WhatsApp has banned this number for a while. Jaga does not reconnect it by itself."
    ),
    "banned": tr_noop(
        "WhatsApp has banned this number. Check the WhatsApp app on the phone; Jaga does not "
        "reconnect it by itself."
    ),
    "auth_corrupt": tr_noop("The saved link could not be read; it was put aside. Link again."),
    "connection_lost": tr_noop("The connection was lost."),
    "timed_out": tr_noop("The connection timed out."),
    # 515 after every link: routine, said so (it read like an error).
    "restart_required": tr_noop(
        "A routine restart WhatsApp asks for after linking; Jaga reconnects at once."
    ),
    "logged_out": tr_noop("This computer was unlinked on the phone."),
    "replaced": tr_noop("The number was opened on another computer."),
    "engine_error": tr_noop("Something went wrong inside the bridge."),
    "stopped_by_request": tr_noop("Stopped by you."),
    "bridge_crashed": tr_noop("The bridge stopped unexpectedly."),
    "bridge_stopped": tr_noop("The bridge was stopped."),
    "not_on_bridge": tr_noop("Not running on the bridge."),
    "logout_requested": tr_noop("You logged this number out."),
    "bridge_restarted": tr_noop("You restarted the bridge."),
    # The status already says "Logged out": the reason adds what is still owed.
    "auth_wipe_pending": tr_noop(
        "The old link keys could not be deleted yet (disk full or database busy); "
        "Jaga keeps trying."
    ),
    "auth_lost": tr_noop(
        "The bridge's database was damaged and set aside; this number's link could not be "
        "read back. Link it again."
    ),
    "network_unreachable": tr_noop(
        "No internet connection — Jaga reconnects by itself when it is back"
    ),
    "keepalive_timeout": tr_noop("The connection went silent; Jaga reconnects."),
    "bad_session": tr_noop("WhatsApp could not continue the session; Jaga connects again."),
    "service_unavailable": tr_noop("WhatsApp was unavailable for a moment."),
    "auth_missing": tr_noop(
        "The saved link of this number is gone; Jaga will not re-link it silently. Link again."
    ),
}
#: Reasons whose sentence tells the owner to link the number again (a new QR or code).
LINK_AGAIN_REASONS = frozenset({"auth_corrupt", "auth_lost", "auth_missing", "qr_timeout"})


def says_link_again(status: str, reason: str | None) -> bool:
    """The row's words ask for a new link: a Link again button goes with them."""
    return SessionStatus.parse(status) is SessionStatus.LOGGED_OUT or reason in LINK_AGAIN_REASONS


#: What a status says when the bridge gives no reason (its English sentence is not shown).
STATUS_SENTENCES = {
    SessionStatus.QR: tr_noop("Scan the QR code with WhatsApp on the phone."),
    SessionStatus.PAIRING_CODE: tr_noop("Type the pairing code on the phone."),
    SessionStatus.STARTING: tr_noop("Connecting to WhatsApp."),
}

#: What a number without internet shows as its status (the row, the QR dialog's headline).
NO_INTERNET_SHORT = tr_noop("No internet connection")

#: The bridge's sentence for a number without internet (also its pairing-code refusal).
NO_INTERNET = "No internet connection — Jaga reconnects by itself when it is back"


def reason_words(reason: str | None, message: str | None = None, status: str | None = None) -> str:
    """A sentence for a reason code, or for the status when there is none; the bridge's own
    sentence only for a code this version does not know (tests keep that list empty)."""
    if reason == "temporarily_banned":
        detailed = temporary_ban_words(message)
        if detailed is not None:
            return detailed
    if reason and reason in REASON_WORDS:
        return tr(REASON_WORDS[reason])
    if not reason:
        parsed = SessionStatus.parse(status) if status else None
        return tr(STATUS_SENTENCES[parsed]) if parsed in STATUS_SENTENCES else ""
    return message or reason.replace("_", " ")


AUDIT_WORDS = {
    "account_added": tr_noop("Number added"),
    "account_removed": tr_noop("Number removed"),
    "account_merged": tr_noop("Duplicate entry of this phone merged"),
    "owner_running": tr_noop("You started it"),
    "owner_stopped": tr_noop("You stopped it"),
    "owner_reconnect": tr_noop("You asked to reconnect"),
    "reconcile_start": tr_noop("Started again by Jaga"),
    "reconcile_stop": tr_noop("Stopped by Jaga (not wanted)"),
    "bridge_ready": tr_noop("Bridge started"),
    "bridge_crashed": tr_noop("Bridge crashed"),
    "bridge_stopped": tr_noop("Bridge stopped"),
    "bridge_restarted": tr_noop("You restarted the bridge"),
    "bridge_fatal": tr_noop("Bridge stopped after repeated failures"),
    "owner_logout": tr_noop("You logged it out"),
    "inbound_parked": tr_noop("A message that could not be saved was put aside"),
    "send_limit_set": tr_noop("WhatsApp limited sending to new contacts"),
    "send_limit_lifted": tr_noop("The limit on new contacts ended"),
    "account_rebuilt": tr_noop("Number found again in the bridge's records"),
    "bridge_db_recovered": tr_noop("The bridge's damaged database was set aside"),
}


def audit_words(kind: str) -> str:
    return tr(AUDIT_WORDS[kind]) if kind in AUDIT_WORDS else kind.replace("_", " ")


BRIDGE_WORDS = {
    State.STOPPED: tr_noop("Bridge stopped"),
    State.STARTING: tr_noop("Starting the bridge…"),
    State.RUNNING: tr_noop("Bridge running"),
    State.UNHEALTHY: tr_noop("Bridge not responding…"),
    State.BACKOFF: tr_noop("Bridge restarting…"),
    State.STOPPING: tr_noop("Stopping the bridge…"),
    State.FATAL: tr_noop("Bridge stopped after repeated failures"),
}


def bridge_words(state: str | State) -> str:
    return tr(BRIDGE_WORDS[State(state)])


# --- times -----------------------------------------------------------------------------


def age(moment: datetime | None, now: datetime | None = None) -> str:
    """'just now', '5 min ago', '3 h ago', '2 days ago' for naive-UTC times."""
    if moment is None:
        return ""
    now = now or utcnow()
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return tr("just now")
    if seconds < 3600:
        return trn("%n min ago", seconds // 60)
    if seconds < 86400:
        return trn("%n h ago", seconds // 3600)
    return trn("%n days ago", seconds // 86400)


def duration(seconds: float) -> str:
    """'45 s', '12 min', '3 h 5 min', '2 days 4 h'."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return tr("%1 s").replace("%1", str(seconds))
    minutes = seconds // 60
    if minutes < 60:
        return tr("%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    days, hours = divmod(hours, 24)
    return trn("%n days", days) + " " + tr("%1 h").replace("%1", str(hours))


def percent(share: float | None) -> str:
    """One way for every share: '100.0 %', '99.7 %' (rounded down: never a full 100 that
    was not), '42.0 %'; '—' when unknown. The decimal mark is the language's."""
    if share is None:
        return "—"
    value = max(0.0, min(100.0, share * 100))
    return QLocale().toString(math.floor(value * 10 + 1e-9) / 10, "f", 1) + " %"


# --- chats -----------------------------------------------------------------------------


def chat_title(chat: str) -> str:
    """The other party: a formatted phone number, or a group."""
    if chat.endswith("@g.us"):
        return tr("Group %1").replace("%1", chat.split("@")[0][-6:])
    if chat.endswith("@lid"):  # WhatsApp hides this person's number until it is known
        return tr("Contact %1").replace("%1", chat.split("@")[0][-6:])
    return format_phone(chat)


#: How an outgoing message is doing, beside its tick (and for screen readers).
TICK_WORDS = {
    "queued": tr_noop("Waiting to be sent"),
    "sent": tr_noop("Sent"),
    "delivered": tr_noop("Delivered"),
    "read": tr_noop("Read"),
    "failed": tr_noop("Not sent"),
}

QUEUED_NOTE = tr_noop("Queued — will send when reconnected")


def tick_words(status: str) -> str:
    return tr(TICK_WORDS[status]) if status in TICK_WORDS else ""


# --- limits on new contacts -------------------------------------------------------------


#: The bridge's reason when safe sending's daily cap on new contacts is reached.
DAILY_CAP_REASON = "daily_new_contacts"


def limit_words(limit_reason: str | None, until: datetime | None, now: datetime) -> str:
    """'Sending to new contacts is limited until 14:30', or '' when no limit holds."""
    if not limit_reason or (until is not None and until <= now):
        return ""
    if limit_reason == DAILY_CAP_REASON and until is not None:  # Jaga's own, not WhatsApp's
        return tr(
            "Today's messages to new contacts are used up (Safe sending); the rest go at %1"
        ).replace("%1", clock_time(until, now))
    if until is None:
        return tr("Sending to new contacts is limited for now")
    return tr("Sending to new contacts is limited until %1").replace("%1", clock_time(until, now))
