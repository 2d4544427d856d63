"""Webhook addresses are checked when added (app/domain/webhook_address.py).

Seen failing against: main at 583a38a, where "http://shop.example/\\thook" was accepted and
then ended the webhook sender for good at its first delivery.
"""

from __future__ import annotations

import pytest

from app.domain.webhook_address import WebhookAddressError, check_address


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("https://shop.example/hook", "https://shop.example/hook"),
        ("  http://127.0.0.1:8080/hook?token=t0p  ", "http://127.0.0.1:8080/hook?token=t0p"),
        ("http://[::1]:8080/hook", "http://[::1]:8080/hook"),
        ("http://user:pw@[2001:db8::1]/h", "http://user:pw@[2001:db8::1]/h"),
        ("https://toko-budi.co.id/wa", "https://toko-budi.co.id/wa"),
        ("http://bücher.example/hook", "http://bücher.example/hook"),
    ],
)
def test_good_addresses_are_taken(given, stored):
    assert check_address(given) == stored


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("", "empty"),
        (None, "empty"),
        ("http://shop.example/\thook", "blank_or_control"),
        ("http://shop.example/hook\n", "blank_or_control"),
        ("http://shop example/hook", "blank_or_control"),
        ("http://shop.example/\u200bhook", "blank_or_control"),
        ("http://shop.example/\x00", "blank_or_control"),
        ("ftp://shop.example/hook", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("shop.example/hook", "scheme"),
        ("http://", "host"),
        ("http:///hook", "host"),
        ("http://shop<>.example/", "host"),
        ("http://::1:8080/hook", "ipv6_brackets"),
        ("http://[::zz]/hook", "unreadable"),
        ("http://shop.example:0/hook", "port"),
        ("http://shop.example:99999/hook", "unreadable"),
        ("http://" + "a" * 2000 + ".example/", "too_long"),
    ],
)
def test_bad_addresses_are_refused_in_words(given, code):
    with pytest.raises(WebhookAddressError) as refused:
        check_address(given)
    assert refused.value.code == code
    assert isinstance(refused.value, ValueError)
    assert str(refused.value).endswith(".")  # a sentence, for the owner
