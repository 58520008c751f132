"""Chaos settings: validation, the seeded draws, the admin API, the CLI flag and config file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plivo_masking_mock.app import create_app
from plivo_masking_mock.chaos import (
    Chaos,
    ChaosError,
    ChaosSettings,
    chaos_settings,
    parse_chaos_flag,
)
from plivo_masking_mock.cli import main
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.config import ConfigError, MockConfig, load_config
from plivo_masking_mock.misbehaviour import ConnectionDropped
from plivo_masking_spec import OperationId
from tests.mock.conftest import Api, checked_client

UPDATE = OperationId.UPDATE.value


def test_the_issue_example_is_accepted() -> None:
    settings = chaos_settings(
        {
            "error_rate": 0.3,
            "statuses": [429, 500, 503],
            "retry_after": 1,
            "latency_ms": [0, 200],
            "drop_rate": 0.0,
            "operations": [UPDATE],
            "seed": 7,
        }
    )
    assert settings == ChaosSettings(0.3, (429, 500, 503), 1, (0, 200), 0.0, (UPDATE,), 7)


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ({"error_rate": 1.5}, "error_rate"),
        ({"error_rate": "x"}, "error_rate"),
        ({"error_rate": float("nan")}, "error_rate"),
        ({"drop_rate": -0.1}, "drop_rate"),
        ({"statuses": []}, "statuses"),
        ({"statuses": [200]}, "statuses"),
        ({"statuses": [True]}, "statuses"),
        ({"retry_after": -1}, "retry_after"),
        ({"latency_ms": [200, 0]}, "latency_ms"),
        ({"latency_ms": [0, 10**9]}, "latency_ms"),
        ({"latency_ms": "slow"}, "latency_ms"),
        ({"operations": ["delete_everything"]}, "operations"),
        ({"seed": "seven"}, "seed"),
        ({"error_rate": 0.6, "drop_rate": 0.6}, "drop_rate"),
        ({"eror_rate": 0.1}, "eror_rate"),
    ],
)
def test_a_bad_setting_is_named(raw: dict[str, Any], named: str) -> None:
    with pytest.raises(ChaosError, match=named):
        chaos_settings(raw)


def test_the_cli_flag_form() -> None:
    settings = parse_chaos_flag("error_rate=0.3,statuses=429+503,latency_ms=0+200,seed=7")
    assert settings.statuses == (429, 503)
    assert settings.latency_ms == (0, 200)
    assert settings.seed == 7
    assert parse_chaos_flag(f"operations={UPDATE},drop_rate=1").operations == (UPDATE,)
    with pytest.raises(ChaosError, match="NAME=VALUE"):
        parse_chaos_flag("error_rate")


def _draws(chaos: Chaos, n: int) -> list[tuple[int | None, bool]]:
    return [(d.status, d.drop) for d in (chaos.decide(UPDATE) for _ in range(n))]


def test_a_seed_gives_the_same_faults_and_another_seed_others() -> None:
    settings = ChaosSettings(error_rate=0.3, drop_rate=0.1, seed=7)
    first = _draws(Chaos(settings), 200)
    assert _draws(Chaos(settings), 200) == first
    assert _draws(Chaos(ChaosSettings(error_rate=0.3, drop_rate=0.1, seed=8)), 200) != first


def test_operations_not_named_are_left_alone_and_not_counted() -> None:
    chaos = Chaos(ChaosSettings(error_rate=1.0, operations=(UPDATE,)))
    assert chaos.decide(OperationId.GET.value).status is None
    assert chaos.decide(UPDATE).status is not None
    assert chaos.state()["counters"]["requests"] == 1


def test_reset_goes_back_to_the_starting_settings() -> None:
    start = ChaosSettings(error_rate=0.5, seed=1)
    chaos = Chaos(start)
    chaos.set(ChaosSettings(error_rate=1.0))
    chaos.reset()
    assert chaos.settings == start
    assert chaos.state()["counters"]["requests"] == 0


def test_admin_api_sets_reads_and_clears() -> None:
    app = create_app(clock=ManualClock())
    admin = checked_client(app, auth=None)
    assert admin.get("/__mock__/chaos").json()["enabled"] is False
    answer = admin.post("/__mock__/chaos", json={"error_rate": 1.0, "statuses": [429], "seed": 3})
    assert answer.status_code == 200
    assert answer.json()["settings"]["statuses"] == [429]
    api = Api(checked_client(app))
    response = api.list()
    assert response.status_code == 429
    assert response.headers["retry-after"] == "1"
    assert set(response.json()) == {"api_id", "error"}
    for path in ("/__mock__", "/__mock__/"):  # the prefix itself is the mock's, not chaos's
        assert admin.get(path).status_code == 200
    counters = admin.get("/__mock__/chaos").json()["counters"]
    assert counters["requests"] == 1
    assert counters["errors"] == {"429": 1}
    assert admin.delete("/__mock__/chaos").json()["enabled"] is False
    assert api.list().status_code == 200


def test_admin_api_rejects_a_bad_setting_and_keeps_the_old_ones() -> None:
    app = create_app(clock=ManualClock())
    admin = checked_client(app, auth=None)
    admin.post("/__mock__/chaos", json={"error_rate": 0.5})
    answer = admin.post("/__mock__/chaos", json={"error_rate": 2})
    assert answer.status_code == 400
    assert "error_rate" in answer.json()["error"]
    assert admin.post("/__mock__/chaos", content=b"[1]").status_code == 400
    assert admin.get("/__mock__/chaos").json()["settings"]["error_rate"] == 0.5


def test_a_drop_without_a_transport_fails_the_request() -> None:
    app = create_app(clock=ManualClock())
    app.chaos.set(ChaosSettings(drop_rate=1.0))
    with pytest.raises(ConnectionDropped):
        Api(checked_client(app)).list()


def test_config_file_chaos_and_rate_limit(tmp_path: Path) -> None:
    path = tmp_path / "mock.toml"
    path.write_text('rate_limit = "300/5s"\n[chaos]\nerror_rate = 0.1\nstatuses = [503]\n')
    config = load_config(path)
    assert config.chaos == ChaosSettings(error_rate=0.1, statuses=(503,))
    assert str(config.rate_limit) == "300/5s"
    path.write_text("[chaos]\nerror_rate = 7\n")
    with pytest.raises(ConfigError, match="chaos: error_rate"):
        load_config(path)
    assert MockConfig().chaos is None


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--chaos", "error_rate=2"], "--chaos: error_rate"),
        (["--chaos", "nonsense"], "--chaos"),
        (["--rate-limit", "lots"], "--rate-limit"),
        (["--rate-limit", "0/5s"], "--rate-limit"),
    ],
)
def test_a_bad_flag_exits_2_with_one_line(
    flags: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", "0", *flags]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert named in err
