from typing import Literal

SessionStatusCallbackEventName = Literal[
    "SessionFirstPartyAnswer",
    "SessionFirstPartyHangup",
    "SessionPartiesHangup",
    "SessionPinAuthenticationStatus",
    "SessionSecondPartyAnswer",
    "SessionSecondPartyHangup",
    "SessionSecondPartyRing",
    "SessionTimeout",
    "SessionVirtualNumberReplaced",
]

SESSION_STATUS_CALLBACK_EVENT_NAME_VALUES: set[SessionStatusCallbackEventName] = {
    "SessionFirstPartyAnswer",
    "SessionFirstPartyHangup",
    "SessionPartiesHangup",
    "SessionPinAuthenticationStatus",
    "SessionSecondPartyAnswer",
    "SessionSecondPartyHangup",
    "SessionSecondPartyRing",
    "SessionTimeout",
    "SessionVirtualNumberReplaced",
}


def check_session_status_callback_event_name(value: str) -> SessionStatusCallbackEventName:
    if value in SESSION_STATUS_CALLBACK_EVENT_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_STATUS_CALLBACK_EVENT_NAME_VALUES!r}")
