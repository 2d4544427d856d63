"""Where this computer is on the shop's network: the address other computers reach it at.

Needed when the owner opens the API to the network (Settings): a webhook's media URL and
the address the Shop API dialog shows must name the PC, not 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import socket

#: TEST-NET-1 (RFC 5737): never a real host. A UDP "connect" only picks the route to it;
#: no packet is sent, so this works (and costs nothing) without internet.
_PROBE = ("192.0.2.1", 9)


def lan_address() -> str | None:
    """This computer's IPv4 address on its default route, or None (no network at all)."""
    with (
        contextlib.suppress(OSError),
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe,
    ):
        probe.connect(_PROBE)
        address = str(probe.getsockname()[0])
        if not address.startswith("127.") and address != "0.0.0.0":
            return address
    return None


def api_base(port: int, *, lan: bool) -> str:
    """The local API's address for someone else to fetch from (webhook media URLs)."""
    host = (lan_address() if lan else None) or "127.0.0.1"
    return f"http://{host}:{port}"
