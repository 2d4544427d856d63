"""The PC's address on the shop's network, for URLs other computers follow."""

from __future__ import annotations

import socket

from app.gateway.lan_address import api_base, lan_address


def test_no_network_gives_none_and_urls_fall_back_to_loopback(monkeypatch):
    def unreachable(self, address):
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", unreachable)  # the OS boundary
    assert lan_address() is None
    assert api_base(3000, lan=True) == "http://127.0.0.1:3000"


def test_a_loopback_only_api_always_names_loopback():
    assert api_base(3100, lan=False) == "http://127.0.0.1:3100"


def test_the_address_found_is_never_loopback_or_unspecified():
    address = lan_address()
    assert address is None or not (address.startswith("127.") or address == "0.0.0.0")
    if address is not None:
        assert api_base(3000, lan=True) == f"http://{address}:3000"
        socket.inet_aton(address)  # an IPv4 address
