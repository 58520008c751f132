"""A stored session: its identity, times and the values of its wire fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plivo_masking_mock.rules import expiry as expiry_rules

# Attribute (not a wire field) holding when the call being played on the session ends.
CALL_UNTIL = "_call_until"


@dataclass
class SessionRecord:
    session_uuid: str
    account: str
    virtual_number: str  # digits, no `+`
    created: int  # epoch seconds
    modified: int
    expiry: int
    ended: int | None = None  # when expired through the expire operation
    # Values of the session's fields, by their wire names (first_party, callback_url, record,
    # the PIN fields, totals, interaction, ...), plus request-only ones kept for update checks
    # (geomatch, subaccount).
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def first_party(self) -> str:
        return str(self.attributes.get("first_party") or "")

    @property
    def second_party(self) -> str:
        return str(self.attributes.get("second_party") or "")

    @property
    def subaccount(self) -> str | None:
        value = self.attributes.get("subaccount")
        return str(value) if value else None

    @property
    def cooloff(self) -> int:
        return int(self.attributes.get("virtual_number_cooloff_period") or 0)

    @property
    def single_party(self) -> bool:
        return bool(self.attributes.get("create_session_with_single_party"))

    @property
    def duration(self) -> int:
        return expiry_rules.duration(self.created, self.expiry)

    @property
    def ended_at(self) -> int:
        """When it ended or will end: the explicit expire time, else `expiry_time`."""
        return self.ended if self.ended is not None else self.expiry

    def is_expired(self, now: float) -> bool:
        return expiry_rules.is_expired(now, self.expiry, self.ended)

    def status(self, now: float) -> str:
        if self.is_expired(now):
            return "expired"
        return "in-progress" if now < float(self.attributes.get(CALL_UNTIL) or 0) else "active"
