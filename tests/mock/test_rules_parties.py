"""Parties: both required, or one with single-party sessions (the other set by update)."""

from __future__ import annotations

import pytest

from plivo_masking_mock.errors import ApiError
from plivo_masking_mock.rules.parties import create_parties

from .conftest import FIRST, SECOND, Api, error_of


def test_both_parties_without_plus() -> None:
    assert create_parties("+12025550000", "12025551111", False) == ("12025550000", "12025551111")


@pytest.mark.parametrize(
    ("first", "second", "single", "message"),
    [
        (None, "12025551111", False, "Mandatory parameter missing. first_party must be present."),
        ("12025550000", None, False, "Mandatory parameter missing. second_party must be present."),
        (
            "12025550000",
            "+12025550000",
            False,
            "Invalid parameter. second_party must be different from first_party.",
        ),
        (
            None,
            None,
            True,
            "Mandatory parameter missing. first_party or second_party must be present.",
        ),
    ],
)
def test_party_errors(first: str | None, second: str | None, single: bool, message: str) -> None:
    with pytest.raises(ApiError) as raised:
        create_parties(first, second, single)
    assert raised.value.message == message


def test_single_party_takes_one() -> None:
    assert create_parties(None, "+12025551111", True) == ("", "12025551111")
    with pytest.raises(ApiError, match="cannot be given with first_party"):
        create_parties("12025550000", "12025551111", True)


def test_missing_party_over_http(api: Api) -> None:
    response = api.client.post(api.sessions, json={"second_party": SECOND})
    assert error_of(response) == "Mandatory parameter missing. first_party must be present."


def test_single_party_session_gets_its_second_party_by_update(api: Api) -> None:
    response = api.client.post(
        api.sessions, json={"first_party": FIRST, "create_session_with_single_party": True}
    )
    assert response.status_code == 201
    session = response.json()["session"]
    assert (session["first_party"], session["second_party"]) == ("12025550000", "")
    assert session["create_session_with_single_party"] is True
    updated = api.update_ok(session["session_uuid"], second_party="+12025551111")
    assert updated["second_party"] == "12025551111"
    # Single-party sessions may also replace a party...
    replaced = api.update_ok(session["session_uuid"], second_party="12025553333")
    assert replaced["second_party"] == "12025553333"
    # ...but not to the other party's number.
    response = api.update(session["session_uuid"], second_party=FIRST)
    assert (
        error_of(response) == "Invalid parameter. second_party must be different from first_party."
    )


def test_party_update_may_not_clash_on_the_virtual_number(api: Api) -> None:
    # Another active session on the same number has 12025554444 as a party.
    other = api.create_ok(first_party="+12025554444", second_party="+12025555555")
    single = api.client.post(
        api.sessions, json={"second_party": "12025556666", "create_session_with_single_party": True}
    ).json()["session"]
    assert single["virtual_number"] == other["virtual_number"]
    response = api.update(single["session_uuid"], first_party="+12025554444")
    assert error_of(response) == (
        "Invalid parameter. first_party is already a party of another active session on this "
        "virtual number."
    )
