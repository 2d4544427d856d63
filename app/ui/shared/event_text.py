"""The details the core writes in English (audit details, why the bridge stopped), in the
owner's language.

The core records facts for the log in fixed English shapes (app.domain.bridge_policy,
app.runtime.reconciler, app.service); here each shape becomes a sentence. A shape that is
not known is shown as it came, and tests/gui/shared/test_i18n_shown.py fails on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.domain.exit_record import ExitRecord, signal_name
from app.domain.status import SessionStatus
from app.ui.shared.formatting import reason_words, status_words, time_of_day, tr, tr_noop, trn

#: app.domain.bridge_policy: why the bridge's process ended. `(.*)` becomes %1.
_EXIT_SHAPES: list[tuple[str, str]] = [
    (r"killed by a signal", tr_noop("it was killed by a signal")),
    (r"exited with code (-?\d+)", tr_noop("it ended with code %1")),
    (r"not ready within ([\d.]+) s", tr_noop("it did not get ready within %1 s")),
    (r"hung: no heartbeat for ([\d.]+) s", tr_noop("it stopped answering for %1 s")),
    (r"did not stop within ([\d.]+) s", tr_noop("it did not stop within %1 s")),
    (r"stopped", tr_noop("it was stopped")),
    (r"restart requested", tr_noop("you asked for a restart")),
    (
        r"The bridge refused to start \(configuration error\)\.",
        tr_noop("The bridge refused to start (configuration error)."),
    ),
    (r"Node could not be found\.", tr_noop("Node could not be found.")),
    (
        r"Node could not be started \(path (.*)\): (.*)",
        tr_noop("Node could not be started (%1): %2"),
    ),
]


def _shaped(text: str, shapes: list[tuple[str, str]]) -> str | None:
    for pattern, words in shapes:
        match = re.fullmatch(pattern, text, flags=re.DOTALL)
        if match:
            result = tr(words)
            for number, value in enumerate(match.groups(), start=1):
                result = result.replace(f"%{number}", value)
            return result
    return None


def exit_words(reason: str | None) -> str:
    """Why the bridge ended: 'it was killed by a signal', or the bridge's own last words
    (its log line, as it wrote it) with the way it ended after them."""
    if not reason:
        return ""
    repeated = re.fullmatch(
        r"The bridge failed (\d+) times in ([\d.]+) seconds \(last: (.*)\)\.", reason, re.DOTALL
    )
    if repeated:
        count, window, last = repeated.groups()
        words = tr("The bridge failed %1 times in %2 seconds (last: %3).")
        return words.replace("%1", count).replace("%2", window).replace("%3", exit_words(last))
    shaped = _shaped(reason, _EXIT_SHAPES)
    if shaped is not None:
        return shaped
    tail = re.fullmatch(r"(.*) \((killed by a signal|exited with code -?\d+)\)", reason, re.DOTALL)
    if tail:
        how = _shaped(tail.group(2), _EXIT_SHAPES) or tail.group(2)
        return f"{tail.group(1)} ({how})"
    return reason


def record_words(record: ExitRecord) -> str:
    """One end of the bridge: '14:05:09 — killed by SIGKILL (signal 9) — not asked for (a
    crash)', or '— exited with code 0 — you asked for a restart'."""
    if record.signal is not None:
        how = (
            tr("killed by %1 (signal %2)")
            .replace("%1", signal_name(record.signal))
            .replace("%2", str(record.signal))
        )
    else:
        how = tr("exited with code %1").replace("%1", str(record.code))
    if record.asked == "restart":
        asked = tr("you asked for a restart")
    elif record.asked == "stop":
        asked = tr("Jaga asked it to stop")
    elif record.ended_by_jaga:
        asked = tr("ended by Jaga: %1").replace("%1", exit_words(record.ended_by_jaga))
    else:
        asked = tr("not asked for (a crash)")
    return " — ".join((time_of_day(record.at, seconds=True), how, asked))


#: Why the reconciler started numbers (app.service: reconcile(why)).
RECONCILE_WHY = {
    "restore": tr_noop("after the bridge started"),
    "periodic": tr_noop("at the regular check"),
    "reset": tr_noop("after missed events"),
    "event": tr_noop("after a status change"),
}
#: Why the reconciler stopped one (app.domain.reconcile.plan).
STOP_WHY = {
    "stopped_by_owner": tr_noop("you had stopped it"),
    "orphan": tr_noop("Jaga does not know this number"),
}


def _reconcile_start(detail: str) -> str:
    shape = re.fullmatch(r"(\w+): (\d+) to start", detail)
    why = shape.group(1) if shape else detail
    words = tr(RECONCILE_WHY[why]) if why in RECONCILE_WHY else why
    if shape is None:
        return words
    return trn("%n numbers started", int(shape.group(2))) + " " + words


def _bridge_ready(detail: str) -> str:
    shape = re.fullmatch(r"pid (\d+), boot (\S+), version (.+)", detail)
    if shape is None:
        return detail
    return tr("version %1, process %2").replace("%1", shape.group(3)).replace("%2", shape.group(1))


def _owner_reconnect(detail: str) -> str:
    if detail in {s.value for s in SessionStatus}:
        return tr("it was: %1").replace("%1", status_words(detail))
    return detail


def _send_limit(detail: str) -> str:
    shape = re.fullmatch(r"(\w+) until (.+ UTC)", detail)
    code = shape.group(1) if shape else detail
    words = tr(LIMIT_WORDS[code]) if code in LIMIT_WORDS else code
    return tr("%1 until %2").replace("%1", words).replace("%2", shape.group(2)) if shape else words


LIMIT_WORDS = {
    "reachout_timelock": tr_noop("new contacts locked for a while"),
    "new_chat_cap": tr_noop("a cap on new chats"),
}

_DETAILS: dict[str, Callable[[str], str]] = {
    "owner_reconnect": _owner_reconnect,
    "reconcile_start": _reconcile_start,
    "reconcile_stop": lambda d: tr(STOP_WHY[d]) if d in STOP_WHY else reason_words(d),
    "bridge_ready": _bridge_ready,
    "bridge_crashed": exit_words,
    "bridge_stopped": exit_words,
    "bridge_restarted": exit_words,
    "bridge_fatal": exit_words,
    "send_limit_set": _send_limit,
    "send_limit_lifted": _send_limit,
    # An id means nothing to the owner; the kind's words say what happened.
    "account_merged": lambda _d: "",
    "inbound_parked": lambda _d: tr("the message is kept in the event log"),
    # The paths and table names are for whoever reads the log; the kind says what happened.
    "bridge_db_recovered": lambda _d: tr("see the bridge panel's log for the details"),
}


def audit_detail_words(kind: str, detail: str | None) -> str:
    """An audit event's detail as the events tab shows it (names stay as the owner typed)."""
    if not detail:
        return ""
    shown = _DETAILS.get(kind)
    return shown(detail) if shown is not None else detail
