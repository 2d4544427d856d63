"""One recipient rule (app/domain/recipients.py) for the window, the API, the shim and replies.

Seen failing against: main at 583a38a, where a chatId of 6591234567@c.us was read in the
owner's region (Indonesia) and became 626591234567, and countryCode=0 targets were read
once more as Indonesian national numbers in the outbox.
"""

from __future__ import annotations

import subprocess
import sys

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.recipients import (
    RecipientError,
    chat_of,
    country_code_of,
    country_name,
    from_chat_id,
    from_fonnte,
    from_typed,
)
from tests.recipient_table import TABLE, Row

IDS = [r.region for r in TABLE]


@pytest.mark.parametrize("row", TABLE, ids=IDS)
def test_a_waha_chat_id_is_international_in_every_country(row: Row):
    for given_id in (f"{row.digits}@c.us", f"{row.digits}@s.whatsapp.net", row.digits):
        recipient = from_chat_id(given_id)
        assert (recipient.chat, recipient.region) == (row.digits, row.region)


@pytest.mark.parametrize("row", TABLE, ids=IDS)
def test_fonnte_country_code_replaces_only_a_leading_zero(row: Row):
    assert from_fonnte(row.digits, "0").chat == row.digits  # as given
    assert from_fonnte("+" + row.digits).chat == row.digits  # international, default 62
    if row.trunk_zero:
        assert from_fonnte(row.national, row.country_code).chat == row.digits
    else:  # no 0 to replace: Fonnte reads the digits as international, whatever countryCode
        plain = "".join(c for c in row.national if c.isdigit())
        try:
            read = from_fonnte(row.national, row.country_code).chat
        except RecipientError as error:
            assert "only a number that starts with 0" in str(error)
        else:
            assert read == plain  # (US 2015550123 is Egypt's +20; docs/api.md warns)


@pytest.mark.parametrize("row", TABLE, ids=IDS)
def test_the_window_reads_plus_and_country_codes_as_international(row: Row):
    assert from_typed("+" + row.digits).chat == row.digits
    try:  # a shop at home there
        assert from_typed(row.national, row.region).chat == row.digits
    except RecipientError as error:  # (201) 555-0123 is also Egypt's +20 15550123
        assert "at home or abroad" in str(error) and not row.trunk_zero
    if not row.digits.startswith("8"):  # 8… typed in Indonesia is Indonesian (below)
        assert from_typed(row.digits).chat == row.digits


def test_the_window_reads_08_and_8_as_indonesian_and_shows_where_it_goes():
    assert from_typed("0812-3456-7890").chat == "6281234567890"
    assert from_typed("812 3456 7890").chat == "6281234567890"
    assert from_typed("+62 812-3456-7890").chat == "6281234567890"
    # 852… typed at home in Indonesia is an Indonesian 0852 number; the dialog shows it.
    hk_typed = from_typed("85291234567")
    assert hk_typed.region == "ID" and hk_typed.international().startswith("+62 852")
    singapore = from_typed("6591234567")
    assert singapore.abroad("ID") and singapore.international() == "+65 9123 4567"
    assert country_name("SG") == "Singapore" and country_name("SG", "id") == "Singapura"
    assert country_name("AU") == "Australia"


def test_naming_a_country_leaves_phonenumbers_place_names_unloaded():
    """Seen failing against the geocoder's table (phonenumbers.geocoder): importing it loads
    the place names of every prefix, ~100 MiB in every Jaga process for a country's name."""
    probe = (
        "import sys; from app.domain.recipients import country_name; "
        "print(country_name('SG', 'id'), country_name('BR', 'en'), country_name('ZZ'), "
        "'phonenumbers.geodata' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Singapura", "Brazil", "ZZ", "False"]


def test_the_core_takes_international_numbers_only_and_never_re_reads_one():
    assert chat_of("6591234567").chat == "6591234567"  # not 626591234567
    assert chat_of("+852 9123 4567").chat == "85291234567"
    with pytest.raises(RecipientError):
        chat_of("081234567890")  # a national form must be resolved by a face first


@pytest.mark.parametrize(
    ("chat_id", "words"),
    [
        ("081234567890@c.us", "starts with the country code"),
        ("6281234567890@broadcast", "not a chat id"),
        ("", "empty"),
        ("62812¹²34567890@c.us", "not a valid international number"),
        ("+62 12@c.us", "not a valid international number"),
    ],
)
def test_a_chat_id_that_is_no_one_for_sure_is_refused_in_words(chat_id, words):
    with pytest.raises(RecipientError, match=words):
        from_chat_id(chat_id)


@pytest.mark.parametrize("code", ["+62", "\uff16\uff12", "6\u00b2", "999", "1234", "abc"])
def test_a_country_code_that_is_not_one_is_refused(code):
    with pytest.raises(RecipientError):
        country_code_of(code)


def test_country_code_zero_and_default():
    assert country_code_of(None) == "62" and country_code_of("") == "62"
    assert country_code_of("0") == "0" and country_code_of("00") == "0"
    assert country_code_of("065") == "65"


REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)


def _varied(region: str, tail: int) -> str | None:
    """The region's example mobile number with its last four digits replaced."""
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if number is None:
        return None
    national = str(number.national_number)
    if len(national) < 6:
        return None
    changed = phonenumbers.PhoneNumber(
        country_code=number.country_code, national_number=int(national[:-4] + f"{tail:04d}")
    )
    if number.italian_leading_zero:
        return None
    if not phonenumbers.is_valid_number(changed):
        return None
    if phonenumbers.region_code_for_number(changed) != region:
        return None
    return phonenumbers.format_number(changed, phonenumbers.PhoneNumberFormat.E164)[1:]


valid_numbers = (
    st.tuples(st.sampled_from(REGIONS), st.integers(0, 9999))
    .map(lambda pair: _varied(*pair))
    .filter(lambda digits: digits is not None)
)


@settings(max_examples=300, deadline=None)
@given(valid_numbers)
def test_every_face_names_the_same_person_for_any_valid_number(digits):
    expected = chat_of(digits).chat
    assert expected == digits
    assert from_chat_id(digits + "@c.us").chat == digits
    assert from_fonnte(digits, "0").chat == digits
    assert from_fonnte("+" + digits).chat == digits
    assert from_typed("+" + digits).chat == digits
