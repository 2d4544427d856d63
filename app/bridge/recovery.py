"""What the bridge lost when its database was damaged, from its `GET /health`.

The bridge sets a damaged bridge.sqlite3 aside at start and carries on (docs/bridge-api.md,
`recovery`). Numbers whose link was lost say so in their own status; this is the whole
picture for the window: where the damaged file went, how many links were kept and lost.
"""

from __future__ import annotations

from typing import Any

from app.domain.window_views import BridgeRecovery


def parse_recovery(health: dict[str, Any]) -> BridgeRecovery | None:
    raw = health.get("recovery")
    if not isinstance(raw, dict):
        return None
    return BridgeRecovery(
        problem=str(raw.get("problem") or ""),
        quarantine=str(raw.get("quarantine") or ""),
        kept=tuple(str(x) for x in raw.get("kept_sessions") or ()),
        lost=tuple(str(x) for x in raw.get("lost_sessions") or ()),
        links_unknown=bool(raw.get("links_unknown")),
        tables_damaged=tuple(str(x) for x in raw.get("tables_damaged") or ()),
    )
