"""The parties of a session: both required, or exactly one with single-party sessions.

Numbers arrive with or without `+` and are kept as digits (the wire form of sessions); a party
not set yet (single-party sessions) is `""`.
"""

from __future__ import annotations

from plivo_masking_mock.errors import BadRequest, invalid_parameter, missing_parameter
from plivo_masking_mock.formats import bare_number

FIRST = "first_party"
SECOND = "second_party"
PARTY_FIELDS = (FIRST, SECOND)


def create_parties(first: str | None, second: str | None, single_party: bool) -> tuple[str, str]:
    """The parties of a new session as (first, second), `""` for one left out."""
    first_number = bare_number(first) if first else ""
    second_number = bare_number(second) if second else ""
    if single_party:
        if not first_number and not second_number:
            raise BadRequest(
                "Mandatory parameter missing. first_party or second_party must be present."
            )
        if first_number and second_number:
            raise invalid_parameter(
                SECOND,
                "cannot be given with first_party when create_session_with_single_party is "
                "true; set it later with an update",
            )
        return first_number, second_number
    if not first_number:
        raise missing_parameter(FIRST)
    if not second_number:
        raise missing_parameter(SECOND)
    check_distinct(first_number, second_number)
    return first_number, second_number


def check_distinct(first: str, second: str) -> None:
    if first and second and first == second:
        raise invalid_parameter(SECOND, "must be different from first_party")


def parties_of(first: str, second: str) -> frozenset[str]:
    """The set of real numbers of a session, without the empty ones."""
    return frozenset(number for number in (first, second) if number)
