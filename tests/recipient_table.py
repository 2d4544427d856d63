"""The recipient table: one real mobile number of each of the shops' customer countries.

Each is phonenumbers' own example mobile number of the region (valid by its metadata, of
exactly that region), so the table is not a list of numbers made up here.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

REGIONS = ("ID", "SG", "MY", "HK", "TW", "AU", "US", "GB", "SA", "AE", "IN", "NL")


@dataclass(frozen=True)
class Row:
    region: str
    digits: str  # international, no +
    national: str  # as dialled inside the country ('0812…', '9123 4567')
    trunk_zero: bool  # dialled at home with a leading 0, which Fonnte's countryCode replaces

    @property
    def country_code(self) -> str:
        return str(phonenumbers.parse("+" + self.digits).country_code)


def row(region: str) -> Row:
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert number is not None and phonenumbers.region_code_for_number(number) == region
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    digits = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
    plain = "".join(c for c in national if c.isdigit())
    return Row(region, digits, national, plain.startswith("0"))


TABLE = [row(region) for region in REGIONS]
