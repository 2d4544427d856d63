"""The built package, unpacked and started as a shop owner's computer would (`make package-test`).

The .tar.gz is unpacked into a temporary folder and its `jaga` started offscreen in demo mode
with a temporary data folder, home and no keyring. It must bring its own Node (the bridge's
executable must lie inside the bundle; PATH has only the system's), start the bridge, link a
simulated number, bring the bridge back after `kill -9` with the number connected again, and
leave no process behind when it ends. The .deb is checked for what it installs and depends on.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from app import __version__
from app.storage.store import Store
from tests.app_process import AppProcess, Bridge, clean_env, frozen_app, wait_for
from tests.package.conftest import DIST, only

PHONE = "6281234567890"
#: The Qt xcb platform plugin's libraries that a minimal Debian lacks (issue 17).
XCB_PACKAGES = {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"}


def run_version(executable: Path, home: Path) -> str:
    result = subprocess.run(
        [str(executable), "--version"],
        env=clean_env(home),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_frozen_app_prints_its_version(unpacked, tmp_path):
    assert run_version(unpacked, tmp_path) == f"Jaga {__version__}"


def test_the_deb_installs_the_app_its_command_menu_entry_and_icon_and_needs_the_xcb_libs(
    tmp_path,
):
    deb = only(f"jaga_{__version__}_*.deb")
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Package: jaga\n" in fields
    assert f"Version: {__version__}\n" in fields
    depends = {part.strip() for part in fields.split("Depends:")[1].split(",")}
    assert depends >= XCB_PACKAGES
    contents = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "./usr/bin/jaga -> /opt/jaga/jaga" in contents
    for path in (
        "./opt/jaga/jaga",
        "./opt/jaga/_internal/node/node",
        "./opt/jaga/_internal/node_bridge/src/main.js",
        "./usr/share/applications/jaga.desktop",
        "./usr/share/icons/hicolor/256x256/apps/jaga.png",
    ):
        assert f" {path}\n" in contents, path
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(root)], check=True)
    assert run_version(root / "opt" / "jaga" / "jaga", tmp_path) == f"Jaga {__version__}"


def test_the_bundle_brings_an_emoji_font_and_the_deb_recommends_the_colour_one():
    """Emoji, not boxes, on a desktop without an emoji font (app/start/emoji_font.py); seen
    failing against: main at 583a38a (no font in the bundle)."""
    fonts = DIST / "jaga" / "_internal" / "fonts"
    assert (fonts / "NotoEmoji[wght].ttf").stat().st_size > 100_000
    assert "SIL Open Font License" in (fonts / "LICENSE").read_text(encoding="utf-8")
    deb = only(f"jaga_{__version__}_*.deb")
    recommends = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Recommends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "fonts-noto-color-emoji" in recommends


def test_the_apps_modules_are_stored_not_deflated_and_multiprocessing_is_left_out():
    """Inflating ~1,000 modules took ~60 ms of every start (docs/benchmarks.md, "The frozen
    start, round 4"); seen failing against the build of 08aee04 (zlib level 6)."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(DIST / "jaga" / "jaga")).open_embedded_archive("PYZ.pyz")
    for name in ("app.service", "sqlalchemy.orm.session", "PySide6"):
        _kind, _offset, stored = archive.toc[name]
        assert stored >= len(archive.extract(name, raw=True)), name  # no smaller: not deflated
    assert not [name for name in archive.toc if name.split(".")[0] == "multiprocessing"]


def bridge_of(app: AppProcess, after: int = 0) -> Bridge:
    """The bridge started by this launch after `after` earlier ones, once it is READY."""
    lines = wait_for(
        lambda: len(app.bridge_ready_lines()) > after and app.bridge_ready_lines(),
        30,
        "the bridge's READY",
        app.alive,
    )
    bridge = Bridge(lines[after])
    # Its own Node, not one from PATH or a venv: the executable lies inside the bundle.
    assert Path(bridge.process.exe()).resolve() == app.bundle / "_internal" / "node" / "node"
    assert bridge.process.cmdline()[1:] == [
        str(app.bundle / "_internal" / "node_bridge" / "src" / "main.js")
    ]
    return bridge


def quit_and_expect_nothing_left(app: AppProcess, bridges: list[Bridge]) -> None:
    app.terminate()
    for bridge in bridges:
        bridge.close()
    # The bridge exits when its stdin closes, after flushing its state: give it time.
    wait_for(
        lambda: all(bridge.gone() for bridge in bridges) and not app.leftovers(),
        15,
        "no process left",
    )
    assert all(bridge.gone() for bridge in bridges) and app.leftovers() == []


def test_the_frozen_app_links_a_number_survives_a_bridge_kill_and_leaves_nothing_behind(
    unpacked, tmp_path
):
    data = tmp_path / "data"
    home = tmp_path / "home"

    # 1. A first start on an empty folder: the database is made by the frozen migrations.
    first = frozen_app(unpacked, data, home).start()
    quit_and_expect_nothing_left(first, [bridge_of(first)])
    assert first.statuses() == {}

    # 2. The owner has added a number (as the Add button does), then starts Jaga again.
    store = Store(data / "app.sqlite3")
    account = store.create_account("Toko Smoke", "sim").id
    store.close()
    app = frozen_app(unpacked, data, home).start()
    bridge = bridge_of(app)
    wait_for(lambda: (app.statuses().get(account) or ("",))[0] == "qr", 20, "a QR code", app.alive)
    bridge.scan(account, PHONE)
    wait_for(lambda: app.statuses().get(account) == ("connected", PHONE), 20, "linked", app.alive)

    # 3. The bridge is killed outright: the app starts a new one and restores the number.
    bridge.kill()
    again = bridge_of(app, after=1)
    assert (again.pid, again.boot_id) != (bridge.pid, bridge.boot_id)
    wait_for(
        lambda: again.sessions().get(account, {}).get("status") == "connected",
        20,
        "the number connected in the new bridge",
        app.alive,
    )
    wait_for(
        lambda: app.statuses().get(account) == ("connected", PHONE),
        20,
        "connected again",
        app.alive,
    )

    # 4. Jaga ends: nothing of it keeps running.
    quit_and_expect_nothing_left(app, [bridge, again])

    log = app.app_log()
    problems = [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line]
    assert problems == [] and "Traceback" not in log
    assert "no compiled translation" not in log  # the bundled .qm files were found
