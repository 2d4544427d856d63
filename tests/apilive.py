"""The local gateway (API server, webhook publisher and sender) on a live app core in tests."""

from __future__ import annotations

from app.gateway.gateway import Gateway, for_service
from app.service import JagaService

INSTANCE = "tests"


def make_gateway(service: JagaService, *, lan: bool = False) -> Gateway:
    """Port 0: the OS picks a free one (tests run side by side)."""
    return for_service(service, INSTANCE, port=0, lan=lan)


def base_url(gateway: Gateway) -> str:
    return f"http://127.0.0.1:{gateway.server.port}"
