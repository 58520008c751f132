"""What the console reads and does beyond the five operations: one session seen by the admin
(any account's), with its history, and expiring it without the account's credentials.

Listing goes through `MaskingService.list`, so the console's filters are the list API's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plivo_masking_mock import errors
from plivo_masking_mock.config import Account
from plivo_masking_mock.errors import ApiError
from plivo_masking_mock.history import HistoryEntry, timeline
from plivo_masking_mock.service import MaskingService


@dataclass(frozen=True)
class SessionDetail:
    account: str
    session: dict[str, Any]  # the session object, as get prints it
    history: list[HistoryEntry]  # oldest first
    expiry: int  # epoch seconds
    now: int


class Inspector:
    def __init__(self, service: MaskingService) -> None:
        self.service = service

    @property
    def accounts(self) -> tuple[Account, ...]:
        return self.service.config.accounts

    def sessions(
        self, account: Account, params: Mapping[str, Any], raw_query: Mapping[str, str]
    ) -> dict[str, Any]:
        """The list API's answer for `account` (`meta` and `objects`), without `api_id`."""
        page: dict[str, Any] = self.service.list(account, params, raw_query)["response"]
        return page

    def detail(self, session_uuid: str) -> SessionDetail:
        now = self.service.now()
        with self.service.store.transaction() as tx:
            record = tx.get(session_uuid.lower())
            if record is None:
                raise ApiError(404, errors.SESSION_NOT_FOUND)
            entries = tx.history(record.session_uuid)
        return SessionDetail(
            account=record.account,
            session=self.service.view.session(record, now),
            history=timeline(entries, record.expiry, record.ended, now),
            expiry=record.expiry,
            now=now,
        )

    def expire(self, session_uuid: str) -> dict[str, Any]:
        """The expire operation on behalf of the session's account."""
        account = self.service.config.account(self.detail(session_uuid).account)
        if account is None:  # a session of an account no longer configured (a kept --db)
            raise ApiError(404, errors.SESSION_NOT_FOUND)
        return self.service.expire(account, session_uuid)
