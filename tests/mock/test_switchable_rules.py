"""Issue 16: the mock's chosen rules are switchable (config and `serve` flags)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.cli import _app, build_parser
from plivo_masking_mock.config import ConfigError, MockConfig, config_from_mapping

from .conftest import Api, checked_client, error_of

IMMUTABLE = "Invalid parameter. geomatch cannot be updated for an active session."


def api_for(make_app: Callable[..., MockApp], **config: str) -> Api:
    return Api(checked_client(make_app(config=MockConfig(**config))))  # type: ignore[arg-type]


def test_defaults_are_todays_behaviour() -> None:
    config = MockConfig()
    assert (config.immutable_fields, config.string_booleans) == ("accept-if-equal", "reject")


def test_immutable_fields_accept_if_equal(make_app: Callable[..., MockApp]) -> None:
    api = api_for(make_app)
    uuid = api.create_ok()["session_uuid"]
    assert api.update(uuid, geomatch=True).status_code == 200
    assert error_of(api.update(uuid, geomatch=False)) == IMMUTABLE


def test_immutable_fields_reject(make_app: Callable[..., MockApp]) -> None:
    api = api_for(make_app, immutable_fields="reject")
    uuid = api.create_ok()["session_uuid"]
    assert error_of(api.update(uuid, geomatch=True)) == IMMUTABLE


def test_immutable_fields_ignore(make_app: Callable[..., MockApp]) -> None:
    api = api_for(make_app, immutable_fields="ignore")
    session = api.create_ok()
    updated = api.update_ok(session["session_uuid"], first_party="+14155550199", geomatch=False)
    assert updated["first_party"] == session["first_party"]


def test_string_booleans(make_app: Callable[..., MockApp]) -> None:
    """The seed page's cURL sends `"record": "true"`."""
    strict = api_for(make_app)
    uuid = strict.create_ok()["session_uuid"]
    message = "Invalid parameter. record allowed values are true or false."
    assert error_of(strict.update(uuid, record="true")) == message

    lenient = api_for(make_app, string_booleans="accept")
    uuid = lenient.create_ok(record="false")["session_uuid"]
    assert lenient.update_ok(uuid, record="true")["record"] is True
    assert error_of(lenient.update(uuid, record="yes")) == message


def test_config_file_keys_and_flags() -> None:
    config = config_from_mapping({"immutable_fields": "ignore", "string_booleans": "accept"})
    assert (config.immutable_fields, config.string_booleans) == ("ignore", "accept")
    with pytest.raises(ConfigError, match="immutable_fields must be one of"):
        config_from_mapping({"immutable_fields": "maybe"})
    args = build_parser().parse_args(
        ["serve", "--immutable-fields", "reject", "--string-booleans", "accept"]
    )
    app = _app(args)
    assert (app.config.immutable_fields, app.config.string_booleans) == ("reject", "accept")
