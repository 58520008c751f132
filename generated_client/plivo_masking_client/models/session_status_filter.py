from typing import Literal

SessionStatusFilter = Literal["active", "all", "expired"]

SESSION_STATUS_FILTER_VALUES: set[SessionStatusFilter] = {
    "active",
    "all",
    "expired",
}


def check_session_status_filter(value: str) -> SessionStatusFilter:
    if value in SESSION_STATUS_FILTER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_STATUS_FILTER_VALUES!r}")
