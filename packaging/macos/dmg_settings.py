"""dmgbuild settings: dist/Jaga.app (from `python packaging/build.py`) → a drag-to-install dmg.

Built by .github/workflows/package.yml on a macOS runner:
    dmgbuild -s packaging/macos/dmg_settings.py -D app=dist/Jaga.app Jaga dist/Jaga-<version>.dmg
Not built or tested on the Linux machine where the rest of Jaga is tested (docs/packaging.md).
dmgbuild runs this file with `defines` (the -D values) in its namespace.
"""

import os.path

application = defines.get("app", "dist/Jaga.app")  # type: ignore[name-defined]  # noqa: F821
appname = os.path.basename(application)

format = "UDZO"  # compressed, read-only
size = None  # dmgbuild works it out
files = [application]
symlinks = {"Applications": "/Applications"}
badge_icon = None
icon_locations = {appname: (140, 120), "Applications": (500, 120)}
window_rect = ((100, 100), (640, 300))
default_view = "icon-view"
show_icon_preview = False
icon_size = 96
