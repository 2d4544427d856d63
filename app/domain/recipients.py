"""Who a message goes to: one rule for the window, the API, the Fonnte-style shim and replies.

Pure (phonenumbers' metadata, no I/O). Each face reads what it is given by its own
documented convention, and every one of them ends in the same `Recipient`, whose `chat` is
international digits (E.164 without the +) or a group's or LID's chat id. The core takes
only that form (`chat_of`) and never reads a number a second time, so a number can never
be re-read as another country's national number: a message to the wrong person is the
worst thing Jaga could do.

- WAHA `chatId` (`from_chat_id`): international digits (`6591234567@c.us`), always.
- Fonnte `/send` (`from_fonnte`): `countryCode` (default 62) replaces a leading 0;
  `countryCode=0` disables the replacement; anything else is international digits.
- The window (`from_typed`): `08…` (and, at home in Indonesia, `8…`) is a national number
  of the owner's region; a `+` or a leading country code is international.
- A reply goes to the chat's own digits, which are international (`chat_of`).

A number that is not valid after its rule is refused in words, never guessed.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.machinery
import importlib.util
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

import phonenumbers

from app.domain.outbox import MessageError

#: Chats that are not phone numbers: a group, or a person WhatsApp names by LID. They pass
#: through as they are (the bridge takes them).
_JID_CHAT = re.compile(r"[0-9]{5,40}(-[0-9]+)?@g\.us|[0-9]{6,32}@lid")
#: What people put between digits: spaces, dashes, dots, brackets, slashes.
_SEPARATORS = re.compile(r"[\s\-./()]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")
#: WAHA's person suffix and Baileys' (clients sometimes pass the latter back).
PERSON_SUFFIXES = ("@c.us", "@s.whatsapp.net")
HOME_REGION = "ID"
#: Fonnte's default countryCode, and its "do not replace" value.
FONNTE_DEFAULT_CODE = "62"
FONNTE_AS_GIVEN = "0"


class RecipientError(MessageError):
    """A recipient that cannot be read as anyone for sure; the sentence says why."""

    code = "invalid_target"


@dataclass(frozen=True)
class Recipient:
    #: International digits ('6591234567'), or a group's/LID's chat id.
    chat: str
    #: The number's region ('SG'); None for a group or a LID.
    region: str | None

    @property
    def is_phone(self) -> bool:
        return self.region is not None

    def abroad(self, home_region: str) -> bool:
        return self.region is not None and self.region != home_region

    def international(self) -> str:
        """'+65 9123 4567' for people; the chat id as it is otherwise."""
        if not self.is_phone:
            return self.chat
        number = phonenumbers.parse("+" + self.chat)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _plain(text: str) -> str:
    return _SEPARATORS.sub("", text)


def _valid(number: phonenumbers.PhoneNumber, shown: str) -> Recipient:
    if not phonenumbers.is_valid_number(number):
        raise RecipientError(f"“{shown}” is not a valid phone number.")
    digits = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
    return Recipient(digits, phonenumbers.region_code_for_number(number))


def international(digits: str, shown: str | None = None) -> Recipient:
    """Digits that start with their country code (a leading + allowed), and nothing else."""
    shown = shown if shown is not None else digits
    plain = _plain(digits).removeprefix("+")
    if not plain or not _ASCII_DIGITS.fullmatch(plain):
        raise RecipientError(f"“{shown}” is not a phone number.")
    try:
        number = phonenumbers.parse("+" + plain)
    except phonenumbers.NumberParseException as error:
        raise RecipientError(f"“{shown}” is not a valid phone number.") from error
    return _valid(number, shown)


def chat_of(chat: str) -> Recipient:
    """The core's one form: international digits (a leading + allowed), a group, a LID.

    What every face hands the outbox; a national number here is refused, never re-read.
    """
    text = (chat or "").strip()
    if not text:
        raise RecipientError("Enter the phone number to send to.")
    if _JID_CHAT.fullmatch(text):
        return Recipient(text, None)
    return international(text)


def from_chat_id(chat_id: str) -> Recipient:
    """WAHA's chatId: `6591234567@c.us` (or `@s.whatsapp.net`, or bare digits) is always
    international; `…@g.us` and `…@lid` pass as they are."""
    text = (chat_id or "").strip()
    if not text:
        raise RecipientError("The chatId is empty.")
    if _JID_CHAT.fullmatch(text):
        return Recipient(text, None)
    digits = text
    for suffix in PERSON_SUFFIXES:
        digits = digits.removesuffix(suffix)
    if "@" in digits:
        raise RecipientError(f"“{text}” is not a chat id Jaga can send to.")
    try:
        return international(digits, text)
    except RecipientError as error:
        raise RecipientError(
            f"“{text}” is not a valid international number: a chatId starts with the country "
            "code (such as 6281234567890@c.us or 6591234567@c.us)."
        ) from error


def country_code_of(raw: str | None) -> str:
    """Fonnte's countryCode: ASCII digits; '0' keeps numbers as given. Raises in words."""
    text = (raw or "").strip() or FONNTE_DEFAULT_CODE
    if not _ASCII_DIGITS.fullmatch(text):
        raise RecipientError("countryCode must be digits, such as 62 (or 0: numbers as given).")
    code = text.lstrip("0") or FONNTE_AS_GIVEN
    if code != FONNTE_AS_GIVEN and (
        len(code) > 3 or phonenumbers.region_code_for_country_code(int(code)) == "ZZ"
    ):
        raise RecipientError(f"{text} is not a country calling code.")
    return code


def from_fonnte(target: str, country_code: str = FONNTE_DEFAULT_CODE) -> Recipient:
    """Fonnte's documented rule: the country code replaces a leading 0 (default 62);
    countryCode 0 disables that; everything else is read as international digits."""
    code = country_code_of(country_code)
    shown = (target or "").strip()
    plain = _plain(shown)
    if not plain:
        raise RecipientError("A target is empty.")
    if _JID_CHAT.fullmatch(plain):
        return Recipient(plain, None)
    if code != FONNTE_AS_GIVEN and plain.startswith("0"):
        plain = code + plain[1:]
    try:
        return international(plain, shown)
    except RecipientError as error:
        hint = (
            f" With countryCode {code}, only a number that starts with 0 gets {code} in front; "
            "any other is read with its own country code."
            if code != FONNTE_AS_GIVEN
            else " With countryCode 0 a number must start with its country code."
        )
        raise RecipientError(str(error) + hint) from error


def from_typed(text: str, home_region: str = HOME_REGION) -> Recipient:
    """What the owner typed in the window.

    `0…` is a national number of the owner's region (Indonesia by default); at home in
    Indonesia `8…` is too (a mobile number typed without its 0). A `+`, or digits that start
    with a country code, is international. Groups and LIDs pass as they are.
    """
    shown = (text or "").strip()
    if not shown:
        raise RecipientError("Enter the phone number to send to.")
    if _JID_CHAT.fullmatch(shown):
        return Recipient(shown, None)
    plain = _plain(shown)
    if plain.startswith("+") or not _ASCII_DIGITS.fullmatch(plain):
        return international(plain, shown)
    if plain.startswith("0") or (home_region == "ID" and plain.startswith("8")):
        return _national(plain, home_region, shown)
    if home_region == "ID":
        return international(plain, shown)
    # A home without a leading-0 habit (Singapore, Hong Kong…): digits that read as a
    # number both at home and abroad are asked again, never guessed.
    readings = []
    for read in (international, lambda p, s: _national(p, home_region, s)):
        with contextlib.suppress(RecipientError):
            readings.append(read(plain, shown))
    if len({r.chat for r in readings}) > 1:
        raise RecipientError(
            f"“{shown}” could be a number at home or abroad: type it with + first."
        )
    if not readings:
        raise RecipientError(f"“{shown}” is not a valid phone number.")
    return readings[0]


def _national(plain: str, region: str, shown: str) -> Recipient:
    try:
        number = phonenumbers.parse(plain, region)
    except phonenumbers.NumberParseException as error:
        raise RecipientError(f"“{shown}” is not a phone number.") from error
    return _valid(number, shown)


def country_name(region: str | None, language: str = "en") -> str:
    """'SG' → 'Singapore' ('Singapura' in Indonesian); '' when unknown."""
    if not region:
        return ""
    names = _region_names().get(region, {})
    name = names.get(language, "")
    if name.startswith("*"):  # "*xx": the same name as in language xx
        name = names.get(name[1:], "")
    return name or region


@functools.cache
def _region_names() -> Mapping[str, Mapping[str, str]]:
    """phonenumbers' table of region names in many languages (geodata/locale.py, what its
    geocoder reads), loaded alone: importing it the usual way runs the geodata package
    first, which loads the place names of every prefix (~100 MiB, 0.1 s) Jaga never uses."""
    path = [os.path.join(entry, "geodata") for entry in phonenumbers.__path__]
    spec = importlib.machinery.PathFinder.find_spec("phonenumbers.geodata.locale", path)
    if spec is None or spec.loader is None:  # an unusual install: the heavy way, still right
        from phonenumbers.geodata.locale import LOCALE_DATA

        return LOCALE_DATA
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.LOCALE_DATA
