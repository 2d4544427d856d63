"""Is this a webhook address Jaga can post to? Checked when an address is added or changed
(the window, the API), so a bad one is refused in words at once instead of failing later.

Pure: the standard library's URL parser, no I/O. Rules: it parses; `http://` or `https://`;
it names a host (an IPv6 address in brackets, `http://[::1]:8080/hook`); a port, if any,
is 1 to 65535; no whitespace or control characters anywhere (a tab pasted from a spreadsheet
would otherwise travel in the request line). Spaces around it are trimmed.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

MAX_LENGTH = 2000
#: What a host name may hold besides letters and digits of any script (IDN names pass).
_HOST = re.compile(r"[^\s/?#@\[\]\\<>\"{}|^`%]+")


class WebhookAddressError(ValueError):
    """A webhook address refused; `code` for machines, the sentence for people."""

    def __init__(self, code: str, sentence: str) -> None:
        super().__init__(sentence)
        self.code = code


def _refuse(code: str, sentence: str) -> WebhookAddressError:
    return WebhookAddressError(code, sentence)


def _has_blank_or_control(text: str) -> bool:
    return any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in text)


def check_address(raw: object) -> str:
    """The address to store (trimmed), or WebhookAddressError with a sentence."""
    if not isinstance(raw, str) or not raw.strip():
        raise _refuse("empty", "Enter the webhook address, such as https://shop.example/hook.")
    value = raw.strip(" ")
    if _has_blank_or_control(value):
        raise _refuse(
            "blank_or_control",
            "A webhook address cannot contain spaces, tabs, line breaks or other invisible "
            "characters.",
        )
    if len(value) > MAX_LENGTH:
        raise _refuse("too_long", f"A webhook address is at most {MAX_LENGTH} characters.")
    netloc = value.partition("//")[2].split("/", 1)[0].rsplit("@", 1)[-1]
    if netloc.count(":") > 1 and "[" not in netloc:  # 'http://::1/' is not readable
        raise _refuse(
            "ipv6_brackets", "Write an IPv6 address in brackets, such as http://[::1]:8080/hook."
        )
    try:
        parts = urlsplit(value)  # checks a bracketed host too
        port = parts.port  # raises for a port that is not 0 to 65535
        host = parts.hostname or ""
    except ValueError as error:
        raise _refuse("unreadable", "This webhook address cannot be read as a URL.") from error
    if parts.scheme not in ("http", "https"):
        raise _refuse("scheme", "A webhook address must start with http:// or https://.")
    _check_host(host)
    if port == 0:
        raise _refuse("port", "A webhook address's port must be from 1 to 65535.")
    return value


def _check_host(host: str) -> None:
    if not host:
        raise _refuse("host", "A webhook address must name a host, such as shop.example.")
    if ":" in host:
        try:
            ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError as error:
            raise _refuse("host", "The IPv6 address in brackets is not valid.") from error
        return
    if not _HOST.fullmatch(host) or host.startswith(".") or ".." in host:
        raise _refuse("host", "A webhook address must name a host, such as shop.example.")
