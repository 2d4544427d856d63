"""The main window kept current: rows from the read model, the bridge, stalls."""

from __future__ import annotations

import logging
import math

from app.domain.bridge_policy import State
from app.domain.stall import Cause
from app.domain.status import Health, SessionStatus
from app.domain.uptime import Change, uptime
from app.domain.window_views import AccountChange, Progress
from app.ui.shared.event_text import exit_words
from app.ui.shared.formatting import (
    bridge_words,
    tr,
    utcnow,
)
from app.ui.shared.icons import health_icon

log = logging.getLogger(__name__)


#: The status bar's icon for the bridge: a tick only while it runs and answers; the same
#: colours as the tray (app.domain.overall_health.worst: down while stopping or waiting to restart).
BRIDGE_HEALTH = {
    State.RUNNING: Health.OK,
    State.STARTING: Health.BUSY,
    State.UNHEALTHY: Health.BUSY,
    State.BACKOFF: Health.BRIDGE_DOWN,
    State.STOPPING: Health.BRIDGE_DOWN,
    State.STOPPED: Health.BRIDGE_DOWN,
    State.FATAL: Health.BRIDGE_DOWN,
}


class LiveViews:
    """Part of MainWindow (a mixin): follows the core row by row."""

    # --- keeping the view current ---------------------------------------------------------

    def refresh_accounts(self) -> None:
        """The whole list from the read model: at start only; changes come row by row."""
        accounts = self.port.numbers.accounts()
        self.model.set_accounts(accounts)  # type: ignore[arg-type]
        for account in accounts:
            self.model.set_uptime(account.id, self._uptime(account.id))
            self.model.set_last_messages(account.id, self.port.records.last_messages(account.id))
        self._rows_changed()

    def apply_change(self, change: AccountChange) -> None:
        """One account changed in the read model: that row, nothing else."""
        if change.new is None:
            self.model.remove_account(change.id)
            self._rows_changed()
            return
        if change.old is None:
            self.model.add_account(change.new)  # type: ignore[arg-type]
            self.model.set_last_messages(change.id, self.port.records.last_messages(change.id))
            self._rows_changed()
        else:
            self.model.update_account(change.new)  # type: ignore[arg-type]
        if change.new.status == SessionStatus.CONNECTED.value:
            self.notice_board.healed(change.id)
        if change.old is None or change.old.status != change.new.status:
            # History is read on a status change only, a moment later and once for a burst.
            self._uptime_due.add(change.id)
            if not self._uptime_timer.isActive():
                self._uptime_timer.start()
        if change.id == self.selected_account_id():
            self.details.show_account(
                change.id,
                history=change.old is None
                or (change.old.status, change.old.reason) != (change.new.status, change.new.reason),
            )
        self._update_actions()

    def _rows_changed(self) -> None:
        accounts = self.model.accounts()
        self.stack.setCurrentWidget(self.splitter if self.model.rowCount() else self.empty_page)
        present = {account.id for account in accounts}
        for account_id in [a for a in self.chat_windows if a not in present]:
            self.chat_windows[account_id].close()  # the number was removed
        if self.selected_account_id() is None and self.model.rowCount():
            self.select(self.model.account_at(self.model.rowCount() - 1).id)  # type: ignore[union-attr]
        self._selection_changed()

    def refresh_messages_of(self, message_row_id: int) -> None:
        """A message came in or changed status: that number's last-message cells, soon.

        A burst brings thousands of these a second; the cells are redrawn at most five
        times a second, so the window stays responsive.
        """
        self._messages_changed.add(message_row_id)
        if not self._messages_timer.isActive():
            self._messages_timer.start()

    def _refresh_last_messages(self) -> None:
        row_ids, self._messages_changed = self._messages_changed, set()
        if len(row_ids) > len(self.model.accounts()):
            accounts = {account.id for account in self.model.accounts()}  # cheaper in a burst
        else:
            accounts = {
                message.account_id
                for row_id in row_ids
                if (message := self.port.chats.message(row_id)) is not None
            }
        for account_id in accounts:
            self.model.set_last_messages(account_id, self.port.records.last_messages(account_id))

    def _refresh_due_uptimes(self) -> None:
        due, self._uptime_due = self._uptime_due, set()
        self.model.set_uptimes({account_id: self._uptime(account_id) for account_id in due})

    def refresh_times(self) -> None:
        self.model.set_uptimes({a.id: self._uptime(a.id) for a in self.model.accounts()})
        self.model.refresh_times()

    def _uptime(self, account_id: str) -> float | None:
        history = self.port.records.history(account_id)
        return uptime((Change(c.at, c.status) for c in history), self._now())

    def show_bridge_state(self, state: str) -> None:
        bridge = self.port.bridge.view()
        up = bridge.up
        self.model.set_bridge(bridge)
        self.details.bridge_up = up
        self.details.bridge = bridge
        words = bridge_words(state)
        if state == State.FATAL.value and bridge.fatal_reason:
            words += " — " + exit_words(bridge.fatal_reason)
        retry_in = None
        if bridge.retry_at is not None and state == State.FATAL.value:
            retry_in = max(0.0, (bridge.retry_at - utcnow()).total_seconds())
        if retry_in is not None:
            minutes, seconds = divmod(math.ceil(retry_in), 60)
            words += " — " + tr("trying again in %1").replace("%1", f"{minutes}:{seconds:02d}")
            self._countdown.start()  # the countdown moves every second while FATAL
        else:
            self._countdown.stop()
        self.bridge_status.setText(words)
        self.bridge_status.setAccessibleName(tr("Bridge status: %1").replace("%1", words))
        health = BRIDGE_HEALTH[State(state)]
        self.bridge_status.setIcon(health_icon(health))
        self.bridge_status.setProperty("health", health.value)  # for tests and stylesheets
        self.setWindowIcon(health_icon(self.tray.level))
        self.details.show_account(self.selected_account_id())

    def check_stall(self, now: float) -> None:
        """The window says what Jaga itself waited for, so a pause is not blamed on the bridge."""
        stall = self._stalls.observe(now, self.port.records.database_wait())
        if stall is None:
            return
        seconds = str(round(stall.seconds))
        if stall.cause is Cause.DATABASE:
            text = tr(
                "Jaga waited %1 s for its database (another program was using it); "
                "the bridge kept running."
            )
        else:
            text = tr("Jaga itself was paused for %1 s; the bridge kept running.")
        self.last_stall_words = text.replace("%1", seconds)
        log.warning("the app was held up for %s s (%s)", seconds, stall.cause)
        self.statusBar().showMessage(self.last_stall_words, 60_000)

    def _tick_countdown(self) -> None:
        self.show_bridge_state(self.port.bridge.view().state.value)

    def show_restore_progress(self, progress: Progress) -> None:
        if progress.done >= progress.total:
            self.progress_label.setText("")
        else:
            text = tr("Restoring %1 of %2").replace("%1", str(progress.done + 1))
            self.progress_label.setText(text.replace("%2", str(progress.total)))
