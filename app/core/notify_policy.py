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
- One notice per episode: an episode of a number ends only after it has stayed connected for
  `settle` seconds, or when it is stopped; a flapping number is told at most once, and again
  only if it gets worse (a slow reconnect that turns into a logout). What the owner just did
  by hand (log out, reconnect) is not news to them.

The Qt side (app.ui.notifier) feeds events in, shows what comes out, and arms one timer for
`next_check()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from app.core.status import NEEDS_OWNER, SessionStatus
from app.core.supervision import State


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


@dataclass(frozen=True)
class Rules:
    reconnecting_after: float = 30.0
    quiet: float = 15.0
    settle: float = 30.0


class _Level(IntEnum):
    NONE = 0
    SLOW = 1  # reconnecting for too long
    OWNER = 2  # needs the owner


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
        """Notices to show now; each one is given out once."""
        if self._quiet(now):
            return []
        notices: list[Notice] = []
        if self._bridge is State.FATAL and not self._bridge_told:
            self._bridge_told = True
            notices.append(Notice(NoticeKind.BRIDGE_FATAL, None, self._bridge_reason))
        for account_id, track in self._tracks.items():
            self._settle(track, now)
            level = self._level(track, now)
            if level > track.told:
                track.told = level
                kind = _NEEDS_OWNER_KIND.get(track.status, NoticeKind.RECONNECTING)
                notices.append(Notice(kind, account_id, track.reason))
        return notices

    def next_check(self, now: float) -> float | None:
        """The next moment at which `due()` may have something new (None: only on events)."""
        moments: list[float] = []
        quiet = self._quiet(now)
        bridge_ok = self._bridge not in _BRIDGE_DOWN
        for track in self._tracks.values():
            slow_possible = track.linked and track.away_since is not None
            if bridge_ok and slow_possible and track.told < _Level.SLOW:
                moments.append(track.away_since + self.rules.reconnecting_after)
            if quiet and track.status in NEEDS_OWNER and track.told < _Level.OWNER:
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

    def _level(self, track: _Track, now: float) -> _Level:
        if track.owner_acting:
            return _Level.NONE
        if track.status in NEEDS_OWNER:
            return _Level.OWNER
        if self._bridge in _BRIDGE_DOWN:
            # FATAL has its own notice; a restarting bridge is told through its numbers
            # once it is back and they are still away.
            return _Level.NONE
        away = track.away_since
        if track.linked and away is not None and now - away >= self.rules.reconnecting_after:
            return _Level.SLOW
        return _Level.NONE
