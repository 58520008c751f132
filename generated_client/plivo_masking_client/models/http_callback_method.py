from typing import Literal

HttpCallbackMethod = Literal["GET", "POST"]

HTTP_CALLBACK_METHOD_VALUES: set[HttpCallbackMethod] = {
    "GET",
    "POST",
}


def check_http_callback_method(value: str) -> HttpCallbackMethod:
    if value in HTTP_CALLBACK_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HTTP_CALLBACK_METHOD_VALUES!r}")
