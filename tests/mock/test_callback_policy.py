"""How callbacks are delivered is configurable: timeout, attempts and backoff, from the config
file's `[callbacks]` table, `serve --callbacks`, or `create_app(config)`; bad values are refused
with one line naming the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from plivo_masking_mock.callbacks import DeliveryPolicy, DeliveryPolicyError
from plivo_masking_mock.callbacks.policy import delivery_policy, parse_callbacks_flag
from plivo_masking_mock.cli import _app, banner, build_parser, main
from plivo_masking_mock.config import ConfigError, MockConfig, config_from_mapping
from plivo_masking_mock.server import MockServer

from .callback_receiver import Receiver, create


def test_the_defaults_are_three_attempts_a_second_apart_doubling() -> None:
    assert DeliveryPolicy() == DeliveryPolicy(timeout=5.0, attempts=3, backoff=1.0)
    assert MockConfig().callbacks == DeliveryPolicy()


def test_the_flag_and_the_config_table_set_any_of_them() -> None:
    assert parse_callbacks_flag("attempts=1") == DeliveryPolicy(attempts=1)
    assert parse_callbacks_flag("timeout=2, backoff=0.25,attempts=5") == DeliveryPolicy(
        timeout=2.0, attempts=5, backoff=0.25
    )
    config = config_from_mapping({"callbacks": {"attempts": 4, "backoff": 0}})
    assert config.callbacks == DeliveryPolicy(attempts=4, backoff=0.0)
    assert delivery_policy({"attempts": 2.0}).attempts == 2  # JSON has no integers apart


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("attempts=0", "attempts must be from 1 to 20, not 0"),
        ("attempts=21", "attempts must be from 1 to 20, not 21"),
        ("attempts=2.5", "attempts: not a number: '2.5'"),
        ("timeout=0", "timeout must be more than 0 and at most 600 s, not 0"),
        ("timeout=nan", "timeout must be a number of seconds"),
        ("backoff=-1", "backoff must be 0 or more and at most 600 s, not -1"),
        ("backoff=x", "backoff: not a number: 'x'"),
        ("retries=3", "unknown callbacks setting 'retries' (known: timeout, attempts, backoff)"),
        ("attempts", "wants NAME=VALUE[,NAME=VALUE...], not 'attempts'"),
    ],
)
def test_bad_flags_name_the_setting(text: str, message: str) -> None:
    with pytest.raises(DeliveryPolicyError) as raised:
        parse_callbacks_flag(text)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    "raw",
    [{"callbacks": 3}, {"callbacks": {"attempts": "3"}}, {"callbacks": {"attempts": True}}],
)
def test_bad_config_tables_are_refused(raw: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="callbacks"):
        config_from_mapping(raw)


def test_serve_refuses_a_bad_flag_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "0", "--callbacks", "attempts=0"]) == 2
    err = capsys.readouterr().err
    assert err == "plivo-masking-mock: --callbacks: attempts must be from 1 to 20, not 0\n"


def test_the_flag_reaches_the_dispatcher_and_the_banner() -> None:
    app = _app(build_parser().parse_args(["serve", "--callbacks", "attempts=1,timeout=2"]))
    assert app.dispatcher.policy == DeliveryPolicy(timeout=2.0, attempts=1)
    assert "callbacks: timeout=2,attempts=1,backoff=1" in banner(app, "127.0.0.1", 8080, None)


@pytest.mark.parametrize("attempts", [1, 2])
def test_a_failing_receiver_gets_as_many_attempts_as_configured(attempts: int) -> None:
    config = MockConfig(callbacks=DeliveryPolicy(timeout=1.0, attempts=attempts, backoff=0.01))
    with MockServer(config=config) as mock, Receiver(status=503) as failing:
        uuid = create(mock, callback_url=f"{failing.base_url}/status")["session_uuid"]
        mock.simulate_call(uuid, answer=False, wait=True)
        (last,) = mock.deliveries(uuid, event="SessionPartiesHangup")
        assert [attempt.status for attempt in last.attempts] == [503] * attempts
        assert last.state == "failed"


def test_sequence_numbers_go_on_after_a_restart_on_the_same_file(tmp_path: Path) -> None:
    """A handler that drops (SessionUUID, SequenceNumber) pairs it has seen must not see a
    number again because the mock was restarted on its --db file; a reset starts them over."""
    db = tmp_path / "sessions.db"
    fast = MockConfig(callbacks=DeliveryPolicy(timeout=1.0, attempts=1, backoff=0.0))
    with Receiver() as receiver:
        with MockServer(config=fast, db_path=db) as first:
            uuid = create(first, callback_url=f"{receiver.base_url}/status")["session_uuid"]
            first.simulate_call(uuid, answer=False, wait=True)
            before = sorted(d.sequence_number for d in first.deliveries(uuid))
        with MockServer(config=fast, db_path=db) as second:
            second.simulate_call(uuid, answer=False, wait=True)
            after = sorted(d.sequence_number for d in second.deliveries(uuid))
            assert before == list(range(1, len(before) + 1))
            assert after == list(range(len(before) + 1, len(before) + len(after) + 1))
            second.reset()
            with second.app.store.transaction() as tx:
                assert tx.next_sequence(uuid) == 1
