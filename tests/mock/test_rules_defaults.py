"""Create's defaults come from the spec: `default:` keys and the two profiles."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.config import ConfigError, MockConfig
from plivo_masking_mock.rules.defaults import DefaultsError, create_defaults, profile_defaults
from plivo_masking_mock.spec import Spec, load_spec

from .conftest import Api, checked_client


def _request_schema(spec: Spec) -> dict[str, object]:
    schema = spec.operation("create_masking_session").body_schema
    assert schema is not None
    return schema


def test_observed_profile(spec: Spec) -> None:
    defaults = create_defaults(_request_schema(spec), "observed")
    assert (defaults["session_expiry"], defaults["call_time_limit"], defaults["ring_timeout"]) == (
        1800,
        14400,
        45,
    )
    assert defaults["record_file_format"] == "mp3"
    assert defaults["callback_method"] == "POST"
    assert defaults["geomatch"] is True
    assert defaults["pin_retry"] == 1
    assert defaults["pin_retry_wait"] == 5
    assert defaults["generate_pin_length"] == 4
    assert "first_party" not in defaults


def test_documented_profile(spec: Spec) -> None:
    defaults = create_defaults(_request_schema(spec), "documented")
    assert (defaults["session_expiry"], defaults["call_time_limit"], defaults["ring_timeout"]) == (
        3600,
        3600,
        120,
    )


def test_profiles_are_read_from_the_extensions(spec: Spec) -> None:
    assert profile_defaults(_request_schema(spec)) == {
        "session_expiry": {"documented": 3600, "observed": 1800},
        "call_time_limit": {"documented": 3600, "observed": 14400},
        "ring_timeout": {"documented": 120, "observed": 45},
    }


def test_overrides(spec: Spec) -> None:
    defaults = create_defaults(_request_schema(spec), "observed", {"session_expiry": 600})
    assert defaults["session_expiry"] == 600
    with pytest.raises(DefaultsError):
        create_defaults(_request_schema(spec), "observed", {"no_such_parameter": 1})


def test_session_gets_the_documented_defaults(make_app: Callable[..., MockApp]) -> None:
    app = make_app(config=MockConfig(defaults_profile="documented"))
    with checked_client(app) as client:
        session = Api(client).create_ok()
    assert (session["duration"], session["call_time_limit"], session["ring_timeout"]) == (
        3600,
        3600,
        120,
    )


def test_session_gets_configured_defaults(make_app: Callable[..., MockApp]) -> None:
    app = make_app(config=MockConfig(default_overrides={"session_expiry": 120, "record": True}))
    with checked_client(app) as client:
        session = Api(client).create_ok()
    assert session["duration"] == 120
    assert session["record"] is True


def test_invalid_overrides_are_refused(make_app: Callable[..., MockApp]) -> None:
    with pytest.raises(ConfigError, match="session_expiry is outside the allowed range"):
        make_app(config=MockConfig(default_overrides={"session_expiry": 10**6}))


def test_unset_fields_print_like_the_real_api(api: Api) -> None:
    session = api.create_ok()
    for name in (
        "callback_url",
        "recording_callback_url",
        "first_party_play_url",
        "second_party_play_url",
        "unknown_caller_play",
        "last_interaction_time",
    ):
        assert session[name] == "", name
    for name in ("generate_pin", "first_party_pin", "pin_prompt_play", "pin_retry_wait"):
        assert session[name] is None, name
    assert session["interaction"] is None
    assert "subaccount" not in session
    assert "geomatch" not in session


def test_defaults_are_read_from_the_spec(make_app: Callable[..., MockApp]) -> None:
    spec = load_spec()  # a private copy to change
    create = spec.operation("create_masking_session").body_schema
    assert create is not None
    create["properties"]["session_expiry"]["x-observed-default"] = 900
    create["properties"]["record"]["default"] = True
    with checked_client(make_app(spec=spec)) as client:
        session = Api(client).create_ok()
    assert session["duration"] == 900
    assert session["record"] is True
