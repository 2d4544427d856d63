"""The window's word on a damaged bridge.sqlite3 (app/bridge/recovery.py): what happened,
what was kept, where the damaged file is."""

from __future__ import annotations

from app.domain.window_views import BridgeRecovery
from app.ui.shared.banner import Banner
from app.ui.shared.formatting import tr, trn


def recovery_words(recovery: BridgeRecovery) -> tuple[str, str]:
    title = tr("The bridge's database was damaged")
    body = [
        tr(
            "It was set aside, untouched, in %1, and the bridge started again with what "
            "could be read."
        ).replace("%1", recovery.quarantine)
    ]
    if recovery.kept:
        body.append(trn("%n linked numbers were kept.", len(recovery.kept)))
    if recovery.lost or recovery.links_unknown:
        body.append(tr("Numbers whose link was lost say so in their status: link them again."))
    return title, " ".join(body)


def recovery_banner(recovery: BridgeRecovery) -> Banner:
    title, body = recovery_words(recovery)
    banner = Banner(title, body, None, tone="warning")
    banner.dismissed.connect(banner.hide)
    return banner
