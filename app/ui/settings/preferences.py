"""The owner's preferences, kept with QSettings in an INI file whose place can be chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from app.domain.media import MediaLimits
from app.domain.pacing import GAP_RANGE_S, JITTER_RANGE_S, NEW_PER_DAY_RANGE, Pacing
from app.domain.placement import Box, format_box, parse_box

CLOSE_TO_TRAY = "window/close_to_tray"
TOLD_ABOUT_TRAY = "window/told_about_tray"
TOLD_ABOUT_TASKBAR = "window/told_about_taskbar"
START_MINIMIZED = "window/start_minimized"
WINDOW_PLACE = "window/place"
WINDOW_MAXIMIZED = "window/maximized"
START_AT_LOGIN = "system/start_at_login"
LANGUAGE = "ui/language"
DATA_DIR = "data/folder"
DEFAULT_REGION = "messages/default_region"
API_PORT = "api/port"
API_LAN = "api/lan"
PACING_GAP = "sending/min_gap_s"
PACING_JITTER = "sending/jitter_s"
PACING_NEW_PER_DAY = "sending/new_contacts_per_day"
DEFAULT_API_PORT = 3000
MEDIA_MAX_FILE_MB = "media/max_file_mb"
MEDIA_MAX_TOTAL_MB = "media/max_total_mb"
MB = 1024 * 1024
#: Any whole number of megabytes from 1 (the Settings dialog keeps them sensible).
MEGABYTES = (1, 1 << 30)

#: Countries offered first for numbers typed without a country code (the rest by code).
COMMON_REGIONS = ("ID", "MY", "SG", "PH", "TH", "VN", "IN", "AU", "GB", "US")


def default_settings_path() -> Path:
    """~/.config/Jaga/settings.ini, %APPDATA%\\Jaga\\settings.ini, ~/Library/Preferences/Jaga."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / "Jaga" / "settings.ini"


class AppSettings:
    """Typed access; every setter writes through at once (`sync`)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qsettings.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def _set(self, key: str, value: object) -> None:
        self._qsettings.setValue(key, value)
        self._qsettings.sync()

    @property
    def close_to_tray(self) -> bool:
        """Closing the window keeps Jaga watching in the tray (where there is a tray)."""
        return self._bool(CLOSE_TO_TRAY, True)

    @close_to_tray.setter
    def close_to_tray(self, value: bool) -> None:
        self._set(CLOSE_TO_TRAY, bool(value))

    @property
    def told_about_tray(self) -> bool:
        """The owner was told once that closing the window leaves Jaga watching."""
        return self._bool(TOLD_ABOUT_TRAY, False)

    @told_about_tray.setter
    def told_about_tray(self, value: bool) -> None:
        self._set(TOLD_ABOUT_TRAY, bool(value))

    @property
    def window_place(self) -> Box | None:
        """Where the main window was last (its own area, not maximised), or None."""
        return parse_box(str(self._qsettings.value(WINDOW_PLACE, "") or ""))

    @window_place.setter
    def window_place(self, value: Box | None) -> None:
        self._set(WINDOW_PLACE, format_box(value) if value is not None else "")

    @property
    def window_maximized(self) -> bool:
        return self._bool(WINDOW_MAXIMIZED, False)

    @window_maximized.setter
    def window_maximized(self, value: bool) -> None:
        self._set(WINDOW_MAXIMIZED, bool(value))

    @property
    def told_about_taskbar(self) -> bool:
        """Without a tray: the owner was told once that closing the window minimises it."""
        return self._bool(TOLD_ABOUT_TASKBAR, False)

    @told_about_taskbar.setter
    def told_about_taskbar(self, value: bool) -> None:
        self._set(TOLD_ABOUT_TASKBAR, bool(value))

    @property
    def start_minimized(self) -> bool:
        return self._bool(START_MINIMIZED, False)

    @start_minimized.setter
    def start_minimized(self, value: bool) -> None:
        self._set(START_MINIMIZED, bool(value))

    @property
    def start_at_login(self) -> bool:
        return self._bool(START_AT_LOGIN, False)

    @start_at_login.setter
    def start_at_login(self, value: bool) -> None:
        self._set(START_AT_LOGIN, bool(value))

    @property
    def language(self) -> str:
        """'' follows the system; otherwise a code from app.ui.shared.i18n.LANGUAGES."""
        return str(self._qsettings.value(LANGUAGE, "") or "")

    @language.setter
    def language(self, value: str) -> None:
        self._set(LANGUAGE, value or "")

    @property
    def default_region(self) -> str:
        """Where a number typed without +country code is (ISO code; Indonesia by default)."""
        value = str(self._qsettings.value(DEFAULT_REGION, "ID") or "ID").upper()
        return value if value in supported_regions() else "ID"

    @default_region.setter
    def default_region(self, value: str) -> None:
        if value.upper() not in supported_regions():
            raise ValueError(f"unknown region {value!r}")
        self._set(DEFAULT_REGION, value.upper())

    @property
    def data_dir(self) -> Path | None:
        """The data folder to use from the next start on (None: the default one)."""
        value = str(self._qsettings.value(DATA_DIR, "") or "")
        return Path(value) if value else None

    @data_dir.setter
    def data_dir(self, value: Path | None) -> None:
        self._set(DATA_DIR, str(value) if value else "")

    @property
    def api_port(self) -> int:
        """The local API's port (from the next start on)."""
        value = str(self._qsettings.value(API_PORT, DEFAULT_API_PORT))
        return int(value) if value.isdigit() and 1 <= int(value) <= 65535 else DEFAULT_API_PORT

    @api_port.setter
    def api_port(self, value: int) -> None:
        if not 1 <= int(value) <= 65535:
            raise ValueError(f"not a port: {value!r}")
        self._set(API_PORT, int(value))

    @property
    def api_lan(self) -> bool:
        """The API listens on the shop's network too, not only on this computer (opt-in)."""
        return self._bool(API_LAN, False)

    @api_lan.setter
    def api_lan(self, value: bool) -> None:
        self._set(API_LAN, bool(value))

    def _int(self, key: str, default: int, bounds: tuple[int, int]) -> int:
        value = str(self._qsettings.value(key, default))
        if value.isdigit() and bounds[0] <= int(value) <= bounds[1]:
            return int(value)
        return default

    @property
    def pacing(self) -> Pacing:
        """Safe sending: the pace of each number and its daily cap on new contacts."""
        base = Pacing()
        return Pacing(
            min_gap_s=self._int(PACING_GAP, base.min_gap_s, GAP_RANGE_S),
            jitter_s=self._int(PACING_JITTER, base.jitter_s, JITTER_RANGE_S),
            new_contacts_per_day=self._int(
                PACING_NEW_PER_DAY, base.new_contacts_per_day, NEW_PER_DAY_RANGE
            ),
        )

    @pacing.setter
    def pacing(self, value: Pacing) -> None:
        self._qsettings.setValue(PACING_GAP, int(value.min_gap_s))
        self._qsettings.setValue(PACING_JITTER, int(value.jitter_s))
        self._set(PACING_NEW_PER_DAY, int(value.new_contacts_per_day))

    @property
    def media_limits(self) -> MediaLimits:
        """Photos, documents and voice notes: the largest file, and all files together."""
        default = MediaLimits()
        return MediaLimits(
            self._int(MEDIA_MAX_FILE_MB, default.max_file_bytes // MB, MEGABYTES) * MB,
            self._int(MEDIA_MAX_TOTAL_MB, default.max_total_bytes // MB, MEGABYTES) * MB,
        )

    @media_limits.setter
    def media_limits(self, value: MediaLimits) -> None:
        if value.max_file_bytes < MB or value.max_total_bytes < value.max_file_bytes:
            raise ValueError(f"unusable media limits: {value!r}")
        self._set(MEDIA_MAX_FILE_MB, value.max_file_bytes // MB)
        self._set(MEDIA_MAX_TOTAL_MB, value.max_total_bytes // MB)


def supported_regions() -> frozenset[str]:
    import phonenumbers  # its tables: not on the way to the bridge's spawn at start

    return frozenset(phonenumbers.SUPPORTED_REGIONS)
