"""A callback as an HTTP request: the attributes in a form body (POST) or the query (GET), signed.

POST bodies are `application/x-www-form-urlencoded`, like Plivo's voice callbacks; the masking
docs name no encoding, so this is the mock's choice (the spec's callbacks say so).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from plivo_masking_mock.callbacks.log import Delivery
from plivo_masking_mock.callbacks.signature import signature_headers

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
USER_AGENT = "plivo-masking-mock"


def build_delivery(
    *,
    delivery_id: int,
    session_uuid: str,
    call_uuid: str | None,
    event: str,
    sequence_number: int,
    callback_url: str,
    method: str,
    params: Mapping[str, str],
    auth_token: str,
) -> Delivery:
    method = method.upper() if method.upper() in ("GET", "POST") else "POST"
    headers = {"User-Agent": USER_AGENT}
    headers.update(signature_headers(auth_token, method, callback_url, params))
    if method == "GET":
        separator = "&" if "?" in callback_url else "?"
        url, body = f"{callback_url}{separator}{urlencode(params)}", ""
    else:
        url, body = callback_url, urlencode(params)
        headers["Content-Type"] = FORM_MEDIA_TYPE
    return Delivery(
        id=delivery_id,
        session_uuid=session_uuid,
        call_uuid=call_uuid,
        event=event,
        sequence_number=sequence_number,
        url=url,
        callback_url=callback_url,
        method=method,
        headers=headers,
        body=body,
        params=dict(params),
    )
