"""What Remove deletes, said exactly, with the counts (app/storage/removal.py)."""

from __future__ import annotations

from app.domain.window_views import WhatGoes
from app.ui.shared.formatting import tr, trn


def removal_words(goes: WhatGoes) -> str:
    deleted = [
        trn("its %n messages (in and out)", goes.messages),
        trn("its status history (%n changes)", goes.history),
    ]
    if goes.queued:
        deleted.append(
            trn("%n messages still waiting to be sent, which will never be sent", goes.queued)
        )
    return (
        tr("Jaga stops watching this number and deletes from this computer: %1.").replace(
            "%1", "; ".join(deleted)
        )
        + "\n\n"
        + tr(
            "Kept: the link on the phone (it stays under Linked devices until you log it out) "
            "and Jaga's event log. Log out first to unlink the phone as well."
        )
    )
