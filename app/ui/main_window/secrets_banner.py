"""The banner that says where Jaga keeps its passwords when this computer has no keyring."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.shared.banner import Banner
from app.ui.shared.formatting import tr


def secrets_banner(persistent: bool, file: Path | None) -> Banner | None:
    """None while a keyring holds them; else where they are, or that they are not kept."""
    if persistent and file is None:
        return None

    def words() -> tuple[str, str]:
        if file is not None:
            return tr("No keyring on this computer"), tr(
                "Jaga keeps its passwords (the bridge's and the shop API key) in a file only "
                "you can read: %1. They stay the same after a restart, and move into a "
                "keyring once this computer has one."
            ).replace("%1", str(file))
        return tr("No keyring on this computer"), tr(
            "Jaga could not save its passwords, not even in its data folder: the bridge "
            "password and the shop API key change at every start."
        )

    banner = Banner("", "", None, tone="warning", words=words)
    banner.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.dismissed.connect(banner.hide)
    return banner
