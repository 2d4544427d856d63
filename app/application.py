"""Builds Jaga's parts for one data folder: the composition root shared by main and tests."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from typing import TYPE_CHECKING, Any

from app.bridge.logs import BridgeLog
from app.bridge.node import bridge_entry, resolve_node
from app.bridge.supervisor import BridgeSupervisor
from app.domain.bridge_policy import Policy
from app.domain.log_redaction import RedactingFormatter
from app.domain.media import MediaLimits, limits_env
from app.domain.pacing import Pacing
from app.domain.restart_pauses import RestartPolicy
from app.system.data_folders import DataPaths
from app.system.secrets import BridgeToken, load_bridge_token, secrets_file

if TYPE_CHECKING:
    from app.service import JagaService

#: Demo sessions show their first QR quickly so a newcomer is not left waiting; a silent
#: connection is noticed in seconds, another computer's second takeover comes soon, and
#: receipts come when the owner makes them (Demo → A receipt arrives), not by themselves.
DEMO_SIM_OPTIONS: dict[str, Any] = {
    "qr_first_ms": 1500,
    "qr_rotate_ms": 20000,
    "qr_max": 6,
    "keepalive_ms": 9000,
    "conflict_pause_ms": 3000,
    "auto_ack": False,
}


def instance_key(paths: DataPaths) -> str:
    """One name per data folder: for the keyring entry and the single-instance socket."""
    return hashlib.sha256(str(paths.root.resolve()).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Options:
    demo: bool = False
    sim_control: bool = False
    policy: Policy | None = None
    token: BridgeToken | None = None
    #: Engine options sent with every session start (sim timings in tests and the demo).
    session_options: dict[str, Any] | None = None
    #: Safe sending (the owner's Settings); the real engine is paced by default.
    pacing: Pacing | None = None
    #: The owner's media limits (Settings); the bridge's defaults when None.
    media_limits: MediaLimits | None = None
    #: Pauses before a dead background task starts again (tests make them short).
    restart_policy: RestartPolicy | None = None
    #: The supervisor's clock (monotonic seconds); tests step it.
    clock: Callable[[], float] | None = None


def setup_app_logging(paths: DataPaths) -> None:
    handler = RotatingFileHandler(
        paths.logs / "jaga.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def create_supervisor(paths: DataPaths, options: Options) -> tuple[BridgeSupervisor, BridgeToken]:
    """The bridge's supervisor (light imports: it can start Node before the rest loads)."""
    paths.ensure()
    token = options.token or load_bridge_token(
        f"bridge-token-{instance_key(paths)}", secrets_file(paths.root)
    )
    env = {
        "JAGA_BRIDGE_TOKEN": token.value,
        "JAGA_BRIDGE_DATA": str(paths.bridge),
        "JAGA_BRIDGE_MEDIA": str(paths.media.resolve()),
        "JAGA_BRIDGE_HOST": "127.0.0.1",
        "JAGA_BRIDGE_PORT": "0",
        # Node keeps the bridge's compiled code here: about 0.2 s less at each start.
        "NODE_COMPILE_CACHE": str(paths.node_cache),
        **(options.pacing or Pacing()).env(),
        **limits_env(options.media_limits or MediaLimits()),
    }
    if options.demo or options.sim_control:
        env["JAGA_SIM_CONTROL"] = "1"
    supervisor = BridgeSupervisor(
        program=resolve_node(),
        args=[str(bridge_entry())],
        env=env,
        logs=BridgeLog(paths.logs),
        pid_file=paths.bridge_pid_file,
        policy=options.policy,
        clock=options.clock,
    )
    return supervisor, token


def create_service(
    paths: DataPaths,
    options: Options,
    started: tuple[BridgeSupervisor, BridgeToken] | None = None,
) -> JagaService:
    """The app core. `started`: a supervisor made (and maybe started) beforehand."""
    from app.service import JagaService as Service
    from app.storage.store import Store  # SQLAlchemy and the migrations: after Node is spawned

    supervisor, token = started or create_supervisor(paths, options)
    service = Service(
        Store(paths.database),
        supervisor,
        token.value,
        default_engine="sim" if options.demo or options.sim_control else "baileys",
        session_options=options.session_options or (DEMO_SIM_OPTIONS if options.demo else None),
        restart_policy=options.restart_policy,
    )
    service.window.settings.token_persistent = token.persistent
    service.window.settings.secrets_file = token.file
    service.media.limits = options.media_limits or MediaLimits()
    supervisor.setParent(service)
    return service
