"""WAHA's observability routes: /ping, /health, /api/server/version (and the older
/api/version)."""

from __future__ import annotations

from aiohttp import web

from app.gateway.api_http import core_of
from app.gateway.api_models import HealthAnswer, PingResponse, WAHAEnvironment, dump
from app.gateway.envelope import environment
from app.ports.api import GatewayCore


async def ping(_request: web.Request) -> web.Response:
    return web.json_response(dump(PingResponse, {"message": "pong"}))


async def version(_request: web.Request) -> web.Response:
    return web.json_response(dump(WAHAEnvironment, environment()))


async def health(request: web.Request) -> web.Response:
    """@nestjs/terminus's shape, as WAHA's: 200 with status ok while the bridge runs,
    503 with status error while it does not (the API itself answers either way)."""
    core: GatewayCore = core_of(request)
    bridge = {"status": "up" if core.bridge_up else "down"}
    up = core.bridge_up
    body = {
        "status": "ok" if up else "error",
        "info": {"bridge": bridge} if up else {},
        "error": {} if up else {"bridge": bridge},
        "details": {"bridge": bridge},
    }
    return web.json_response(dump(HealthAnswer, body), status=200 if up else 503)
