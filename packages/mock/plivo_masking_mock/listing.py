"""List: the spec's filters as store conditions, the default time window, pagination `meta`.

Every query parameter of the list operation must be a filter the mock knows (a field and an
optional `__gt/__gte/__lt/__lte` suffix), `status`, `limit` or `offset`: building the rules
fails otherwise, so a filter added to the spec cannot be silently ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from plivo_masking_mock.errors import invalid_parameter
from plivo_masking_mock.formats import bare_number, parse_filter_time
from plivo_masking_mock.spec import Operation, SpecError
from plivo_masking_mock.store import FILTER_COLUMNS, Condition, SessionQuery

PAGING = ("limit", "offset")
STATUS = "status"
TIME_FIELDS = frozenset({"created_time", "expiry_time"})
NUMBER_FIELDS = frozenset({"first_party", "second_party", "virtual_number"})
_SUFFIXES = {"__gt": "gt", "__gte": "gte", "__lt": "lt", "__lte": "lte"}
DAY = 86_400


def split_filter(name: str) -> tuple[str, str]:
    """`created_time__gte` -> (`created_time`, `gte`); `duration` -> (`duration`, `eq`)."""
    for suffix, operator in _SUFFIXES.items():
        if name.endswith(suffix):
            return name.removesuffix(suffix), operator
    return name, "eq"


class ListingRules:
    def __init__(self, operation: Operation, window_days: int) -> None:
        self.window_days = window_days
        self.filters: dict[str, tuple[str, str]] = {}
        for parameter in operation.query_parameters():
            if parameter.name in (*PAGING, STATUS):
                continue
            field, operator = split_filter(parameter.name)
            if field not in FILTER_COLUMNS:
                raise SpecError(f"list filter {parameter.name!r} is not implemented by the mock")
            self.filters[parameter.name] = (field, operator)
        self._echoed = frozenset({*self.filters, STATUS})

    def query(self, auth_id: str, params: Mapping[str, Any], now: int) -> SessionQuery:
        """The store query of validated, typed list parameters."""
        conditions = []
        for name, (field, operator) in self.filters.items():
            if name not in params:
                continue
            value = params[name]
            if field in TIME_FIELDS:
                try:
                    value = parse_filter_time(str(value))
                except ValueError:
                    raise invalid_parameter(name, "is not a valid date and time") from None
            elif field in NUMBER_FIELDS:
                value = bare_number(str(value))
            conditions.append(Condition(field, operator, value))
        if self.window_days and not any(c.field in TIME_FIELDS for c in conditions):
            # Without time bounds the real API covers the last 7 days.
            conditions.append(Condition("created_time", "gte", now - self.window_days * DAY))
        return SessionQuery(
            account=auth_id,
            conditions=tuple(conditions),
            status=str(params.get(STATUS, "all")),
            limit=int(params["limit"]),
            offset=int(params["offset"]),
        )

    def meta(
        self, auth_id: str, raw_query: Mapping[str, str], query: SessionQuery, total: int
    ) -> dict[str, Any]:
        """`meta` of a list page, with `next`/`previous` as path and query, or null."""
        kept = [(name, value) for name, value in raw_query.items() if name in self._echoed]
        path = f"/v1/Account/{auth_id}/Masking/Session/"

        def link(offset: int) -> str:
            return path + "?" + urlencode([("limit", query.limit), ("offset", offset), *kept])

        has_next = query.offset + query.limit < total
        return {
            "limit": query.limit,
            "next": link(query.offset + query.limit) if has_next else None,
            "offset": query.offset,
            "previous": link(max(0, query.offset - query.limit)) if query.offset > 0 else None,
            "total_count": total,
        }
