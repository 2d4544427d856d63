"""When to tell the owner that something needs them. Pure: every call is given `now`.

The rules (design, "Notifications"):

- A number that needs the owner (`logged_out`, `conflict`, `failed`) is told at once.
- A number that is `reconnecting` is told only once it has been away for longer than
  `reconnecting_after` seconds without a single moment connected in between; the bridge's
  own restart counts towards that time, but while the bridge itself is FATAL the bridge's
  notice speaks for every number.
- The bridge going FATAL (a crash loop, or it cannot start) is told at once.
- A number that was never linked is not announced as "still reconnecting": there is no
  link to lose yet (its QR dialog and row say what is wrong, e.g. no internet).
- Nothing is told during `quiet` seconds after start or wake; what is still wrong when the
  quiet ends is told then, what healed meanwhile never is.
- Every turn to a red state (logged out, open elsewhere, failed; the bridge FATAL) is told,
  also inside another episode: a number relinked 8 s ago that is now open on another
  computer is news. Staying red, or the same red again, is not a new turn.
- The debounce is for flapping reconnects only: a "still reconnecting" episode of a number
  ends after it has stayed connected for `settle` seconds, or when it is stopped; a flapping
  number is told at most once. What the owner just did by hand (log out, reconnect) is not
  news to them.
- What falls due together is told together: one notice names every number of the same kind
  and cause (an internet outage: "No internet connection" for all of them). Numbers that
  went away with the same cause within `gather` seconds of a due one join it.

The Qt side (app.ui.tray.notifier) feeds events in, shows what comes out, and arms one timer for
`next_check()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from app.domain.bridge_policy import State
from app.domain.status import NEEDS_OWNER, SessionStatus


class NoticeKind(StrEnum):
    LOGGED_OUT = "logged_out"
    CONFLICT = "conflict"
    FAILED = "failed"
    RECONNECTING = "reconnecting"  # away for longer than the rules allow
    BRIDGE_FATAL = "bridge_fatal"


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    account_id: str | None = None
    #: The machine reason code that came with the status, for the notice's wording.
    reason: str | None = None
    #: Further numbers told in the same notice (the same kind and cause, at one moment).
    also: tuple[str, ...] = ()

    @property
    def account_ids(self) -> tuple[str, ...]:
        """Every number this notice names, the first one first."""
        return ((self.account_id,) if self.account_id else ()) + self.also


@dataclass(frozen=True)
class Rules:
    reconnecting_after: float = 30.0
    quiet: float = 15.0
    settle: float = 30.0
    #: A number away with the same cause this close to being due is told with the others.
    gather: float = 10.0


class _Level(IntEnum):
    NONE = 0
    SLOW = 1  # reconnecting for too long
    OWNER = 2  # needs the owner (after that, a slow reconnect is not news until settled)


_NEEDS_OWNER_KIND = {
    SessionStatus.LOGGED_OUT: NoticeKind.LOGGED_OUT,
    SessionStatus.CONFLICT: NoticeKind.CONFLICT,
    SessionStatus.FAILED: NoticeKind.FAILED,
}

#: Bridge states in which sessions cannot run at all.
_BRIDGE_DOWN = frozenset({State.BACKOFF, State.FATAL, State.STOPPED, State.STOPPING})


@dataclass
class _Track:
    status: SessionStatus
    reason: str | None = None
    away_since: float | None = None  # reconnecting (or starting again) since
    connected_since: float | None = None
    told: _Level = _Level.NONE
    #: The owner is acting on it by hand: quiet until it is connected or stopped again.
    owner_acting: bool = False
    #: Linked to a phone at least once (a "still reconnecting" notice only for those).
    linked: bool = True
    #: Turned red and not yet told (held in the quiet after start or wake).
    red_pending: bool = False


class NotifyPolicy:
    def __init__(self, rules: Rules | None = None) -> None:
        self.rules = rules or Rules()
        self._tracks: dict[str, _Track] = {}
        self._quiet_until: float | None = None
        self._bridge: State | None = None
        self._bridge_reason: str | None = None
        self._bridge_told = False

    # --- what happened ------------------------------------------------------------------

    def quiet_from(self, now: float) -> None:
        """The app started or the computer woke: hold notices for `rules.quiet` seconds."""
        self._quiet_until = now + self.rules.quiet

    def status(
        self,
        account_id: str,
        status: SessionStatus,
        now: float,
        reason: str | None = None,
        *,
        linked: bool = True,
    ) -> list[Notice]:
        track = self._tracks.get(account_id)
        if track is None:
            track = self._tracks[account_id] = _Track(SessionStatus.STOPPED)
        track.linked = linked
        self._settle(track, now)
        previous = track.status
        track.status, track.reason = status, reason
        # A turn to red: from a state that was not red, or into another red state.
        track.red_pending = status in NEEDS_OWNER and (previous is not status or track.red_pending)
        if status in (SessionStatus.CONNECTED, SessionStatus.STOPPED):
            track.owner_acting = False
        if status is SessionStatus.CONNECTED:
            track.away_since = None
            if previous is not SessionStatus.CONNECTED:
                track.connected_since = now
        else:
            track.connected_since = None
            if status is SessionStatus.RECONNECTING:
                if track.away_since is None:
                    track.away_since = now
            elif status is not SessionStatus.STARTING:
                track.away_since = None  # STARTING keeps a reconnect's clock running
            if status is SessionStatus.STOPPED:
                track.told = _Level.NONE  # stopped: the episode is over
        return self.due(now)

    def bridge(self, state: State, now: float, reason: str | None = None) -> list[Notice]:
        self._bridge = state
        if state is State.FATAL:
            self._bridge_reason = reason
        elif state is State.RUNNING:
            self._bridge_told = False
        return self.due(now)

    def owner_acted(self, account_id: str) -> None:
        """The owner is acting on this number by hand: what follows is no news to them."""
        track = self._tracks.get(account_id)
        if track is not None:
            track.owner_acting = True

    def forget(self, account_id: str) -> None:
        self._tracks.pop(account_id, None)

    def known(self) -> set[str]:
        return set(self._tracks)

    # --- what to tell, and when to look again --------------------------------------------

    def due(self, now: float) -> list[Notice]:
        """Notices to show now; each turn and each slow episode is given out once."""
        if self._quiet(now):
            return []
        notices: list[Notice] = []
        if self._bridge is State.FATAL and not self._bridge_told:
            self._bridge_told = True
            notices.append(Notice(NoticeKind.BRIDGE_FATAL, None, self._bridge_reason))
        reds: list[Notice] = []
        slow: list[str] = []
        for account_id, track in self._tracks.items():
            self._settle(track, now)
            if track.red_pending:
                track.red_pending = False
                if not track.owner_acting:  # what the owner just did is not news to them
                    track.told = _Level.OWNER
                    kind = _NEEDS_OWNER_KIND[track.status]
                    reds.append(Notice(kind, account_id, track.reason))
            elif self._slow(track, now) and track.told < _Level.SLOW:
                slow.append(account_id)
        return notices + _grouped(reds) + _grouped(self._gather(slow, now))

    def _gather(self, due: list[str], now: float) -> list[Notice]:
        """The slow ones due now, and those away for the same cause that soon will be."""
        if not due:
            return []
        causes = {self._tracks[a].reason for a in due}
        soon = now + self.rules.gather
        told: list[Notice] = []
        for account_id, track in self._tracks.items():
            joins = account_id in due or (
                track.reason in causes and track.told < _Level.SLOW and self._slow(track, soon)
            )
            if joins:
                track.told = _Level.SLOW
                told.append(Notice(NoticeKind.RECONNECTING, account_id, track.reason))
        return told

    def next_check(self, now: float) -> float | None:
        """The next moment at which `due()` may have something new (None: only on events)."""
        moments: list[float] = []
        quiet = self._quiet(now)
        bridge_ok = self._bridge not in _BRIDGE_DOWN
        for track in self._tracks.values():
            slow_possible = track.linked and track.away_since is not None
            if bridge_ok and slow_possible and track.told < _Level.SLOW:
                moments.append(track.away_since + self.rules.reconnecting_after)
            if quiet and track.red_pending:
                moments.append(self._quiet_until or now)
        if quiet and self._bridge is State.FATAL and not self._bridge_told:
            moments.append(self._quiet_until or now)
        if not moments:
            return None
        return max(min(moments), self._quiet_until or min(moments))

    # --- internals ------------------------------------------------------------------------

    def _quiet(self, now: float) -> bool:
        return self._quiet_until is not None and now < self._quiet_until

    def _settle(self, track: _Track, now: float) -> None:
        since = track.connected_since
        if since is not None and now - since >= self.rules.settle:
            track.told = _Level.NONE

    def _slow(self, track: _Track, now: float) -> bool:
        """Away (reconnecting) longer than the rules allow, and not spoken for otherwise."""
        if track.owner_acting or track.status in NEEDS_OWNER:
            return False
        if self._bridge in _BRIDGE_DOWN:
            # FATAL has its own notice; a restarting bridge is told through its numbers
            # once it is back and they are still away.
            return False
        away = track.away_since
        return track.linked and away is not None and now - away >= self.rules.reconnecting_after


def _grouped(notices: list[Notice]) -> list[Notice]:
    """One notice per kind and cause, naming every number of it (in the order told)."""
    groups: dict[tuple[NoticeKind, str | None], list[str]] = {}
    for notice in notices:
        groups.setdefault((notice.kind, notice.reason), []).append(notice.account_id or "")
    return [
        Notice(kind, first, reason, tuple(rest))
        for (kind, reason), (first, *rest) in groups.items()
    ]
