"""Where Jaga keeps its files (platformdirs), one folder per data set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.system.permissions import keep_private, use_private_umask

APP_NAME = "Jaga"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @classmethod
    def default(cls, *, demo: bool = False) -> DataPaths:
        base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        return cls(base / "demo" if demo else base)

    @property
    def database(self) -> Path:
        return self.root / "app.sqlite3"

    @property
    def bridge(self) -> Path:
        return self.root / "bridge"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def node_cache(self) -> Path:
        """Node's compile cache for the bridge's code: a faster bridge start after the first."""
        return self.root / "node-cache"

    @property
    def media(self) -> Path:
        """Photos, documents and voice notes, content-addressed (shared with the bridge)."""
        return self.root / "media"

    @property
    def bridge_pid_file(self) -> Path:
        return self.root / "bridge.pid"

    def ensure(self) -> DataPaths:
        use_private_umask()
        for folder in (self.root, self.bridge, self.logs, self.backups, self.media):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        keep_private(self.root)
        return self
