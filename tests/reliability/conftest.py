"""Fixtures of the reliability suite: two accounts with secret tokens, a mock on a loopback
socket, a snapshot of its stored state; and the figures file written at the end of the run."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from plivo_masking_mock.config import Account, MockConfig
from plivo_masking_mock.server import MockServer
from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.store import SessionQuery
from tests.reliability import figures

ACCOUNT_A = "MARELIABLEACCOUNTA01"
ACCOUNT_B = "MARELIABLEACCOUNTB01"
NUMBERS_A = tuple(f"+1202555{1000 + i}" for i in range(40))
NUMBERS_B = tuple(f"+1202555{2000 + i}" for i in range(10))


@dataclass(frozen=True)
class Accounts:
    a: Account
    b: Account

    @property
    def tokens(self) -> tuple[str, str]:
        return self.a.auth_token, self.b.auth_token

    def config(self) -> MockConfig:
        return MockConfig().with_accounts([self.a, self.b])

    def write_config(self, path: Path, **extra: object) -> Path:
        accounts = [
            {"auth_id": acct.auth_id, "auth_token": acct.auth_token, "numbers": list(acct.numbers)}
            for acct in (self.a, self.b)
        ]
        path.write_text(json.dumps({"accounts": accounts, **extra}))
        return path


@pytest.fixture(scope="session")
def accounts() -> Accounts:
    return Accounts(
        Account(ACCOUNT_A, "tokA-" + secrets.token_hex(12), NUMBERS_A),
        Account(ACCOUNT_B, "tokB-" + secrets.token_hex(12), NUMBERS_B),
    )


@pytest.fixture(scope="module")
def server(accounts: Accounts) -> Iterator[MockServer]:
    with MockServer(config=accounts.config()) as mock:
        yield mock


def snapshot(mock: MockServer) -> dict[str, list[SessionRecord]]:
    """Every stored session of every account, as records (equal iff nothing changed)."""
    state = {}
    now = int(mock.now())
    with mock.app.store.transaction() as tx:
        for account in mock.app.config.accounts:
            _, records = tx.query(SessionQuery(account.auth_id, limit=10**6), now)
            state[account.auth_id] = records
    return state


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    outcome = "passed" if exitstatus == 0 else f"failed (exit status {exitstatus})"
    figures.write(outcome)
