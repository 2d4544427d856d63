"""One Jaga per data folder: a second launch wakes the first window and exits.

The socket used to have a predictable name in the shared temporary folder, so any other
local user could listen there first and make the owner's Jaga say "already running" and
quit. Now the name is one only this user can reach:
- on Linux and macOS a socket file inside the data folder (0700, this user's alone);
- on Windows a named pipe whose name carries a random secret kept in the data folder
  (0600), restricted to this user (UserAccessOption).
Whatever sits at that place and is not this user's socket is a squatter: reported in the
log, removed if it can be, and never obeyed.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
SOCKET_FILE = "jaga.sock"
SECRET_FILE = "instance.secret"
#: sockaddr_un's path limit (108 on Linux, 104 on macOS), less the final NUL
MAX_SOCKET_PATH = 103


def _runtime_dir() -> Path | None:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return Path(runtime) if runtime and Path(runtime).is_dir() else None


def server_name(data_dir: Path, key: str) -> str:
    """Where this data folder's Jaga listens; reachable by this user only."""
    if sys.platform == "win32":
        return f"jaga-{key}-{_secret(data_dir)}"
    path = data_dir / SOCKET_FILE
    if len(str(path)) <= MAX_SOCKET_PATH:
        return str(path)
    # A deep data folder: the per-user runtime dir, else a 0700 folder of ours in /tmp.
    folder = _runtime_dir() or _own_temp_folder(TEMP_ROOT)
    if folder is None:
        log.warning("no private folder for the single-instance socket; using %s", path)
        return str(path)  # too long to listen at: said in the log, Jaga runs on
    return str(folder / f"jaga-{key}.sock")


#: Where the socket's folder goes without XDG_RUNTIME_DIR (tests give another).
TEMP_ROOT = Path("/tmp")
#: /tmp/jaga-<uid>, then /tmp/jaga-<uid>-1 … when someone else holds the names before.
TEMP_TRIES = 10


def _own_temp_folder(root: Path) -> Path | None:
    """The first of /tmp/jaga-<uid>, /tmp/jaga-<uid>-1, … that is this user's own 0700
    folder (made now, or found so). Every launch walks the same names, so two launches
    agree; one another user made (even 0777, where anyone could replace our socket) is
    passed over."""
    for n in range(TEMP_TRIES):
        folder = root / (f"jaga-{os.getuid()}" + (f"-{n}" if n else ""))
        if _is_own_private_folder(folder):
            return folder
        log.warning("passed over %s for the single-instance socket: not ours, or not 0700", folder)
    return None


def _is_own_private_folder(folder: Path) -> bool:
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return False
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(st.st_mode)  # not a link to somewhere else
        and st.st_uid == os.getuid()
        and stat.S_IMODE(st.st_mode) == 0o700
    )


def _secret(data_dir: Path) -> str:
    file = data_dir / SECRET_FILE
    try:
        return file.read_text(encoding="ascii").strip()
    except OSError:
        value = secrets.token_hex(16)
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(value)
        return value


def squatter(name: str) -> str | None:
    """What sits at our socket path and is not ours, in words (None when nothing does)."""
    if sys.platform == "win32":
        return None  # the pipe name is secret: nobody else can know it
    try:
        st = os.lstat(name)
    except FileNotFoundError:
        return None
    if st.st_uid != os.getuid():
        return f"{name} belongs to another user (uid {st.st_uid})"
    if not stat.S_ISSOCK(st.st_mode):
        return f"{name} is not a socket"
    folder = os.lstat(os.path.dirname(name))
    if folder.st_uid != os.getuid() or stat.S_IMODE(folder.st_mode) & 0o022:
        return f"{os.path.dirname(name)} can be written by other users"
    return None


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None
        #: a squatter found at our place, in words (reported, never obeyed)
        self.squatter: str | None = None

    @classmethod
    def for_data_folder(cls, data_dir: Path, key: str) -> SingleInstance:
        return cls(server_name(data_dir, key))

    def activate_running(self, timeout_ms: int = 1000) -> bool:
        """True when another instance of ours answered (and was asked to show itself)."""
        self.squatter = squatter(self.name)
        if self.squatter is not None:
            log.warning("single-instance socket squatted (%s); not obeyed", self.squatter)
            return False
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(ACTIVATE)
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A stale socket of a crashed run, or a squatter's file: nobody of ours answered.
            self._remove_stale()
            if not server.listen(self.name):
                log.warning("cannot listen at %s: %s", self.name, server.errorString())
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _remove_stale(self) -> None:
        if sys.platform == "win32" or not os.path.lexists(self.name):
            QLocalServer.removeServer(self.name)
            return
        try:
            os.unlink(self.name)
        except OSError as error:
            log.warning("cannot remove %s: %s", self.name, error)

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self.activation_requested.emit()
