from typing import Literal

SessionStatusCallbackPinAuthenticationStatus = Literal["AuthorizedCaller", "failed", "success"]

SESSION_STATUS_CALLBACK_PIN_AUTHENTICATION_STATUS_VALUES: set[SessionStatusCallbackPinAuthenticationStatus] = {
    "AuthorizedCaller",
    "failed",
    "success",
}


def check_session_status_callback_pin_authentication_status(value: str) -> SessionStatusCallbackPinAuthenticationStatus:
    if value in SESSION_STATUS_CALLBACK_PIN_AUTHENTICATION_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SESSION_STATUS_CALLBACK_PIN_AUTHENTICATION_STATUS_VALUES!r}"
    )
