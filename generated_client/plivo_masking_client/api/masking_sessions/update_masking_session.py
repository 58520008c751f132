from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.success_response import SuccessResponse
from ...models.update_session_request import UpdateSessionRequest
from ...models.update_session_response import UpdateSessionResponse
from ...types import Response


def _get_kwargs(
    auth_id: str,
    session_uuid: str,
    *,
    body: UpdateSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/Account/{auth_id}/Masking/Session/{session_uuid}".format(
            auth_id=quote(str(auth_id), safe=""),
            session_uuid=quote(str(session_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SuccessResponse | UpdateSessionResponse | None:
    if response.status_code == 200:
        response_200 = UpdateSessionResponse.from_dict(response.json() if response.content else {})

        return response_200

    if response.status_code == 202:
        response_202 = SuccessResponse.from_dict(response.json() if response.content else {})

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if 200 <= response.status_code <= 299:
        response_2xx = SuccessResponse.from_dict(response.json() if response.content else {})

        return response_2xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SuccessResponse | UpdateSessionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    auth_id: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionRequest,
) -> Response[ErrorResponse | SuccessResponse | UpdateSessionResponse]:
    """Update a number masking session

     Changes the given attributes of an active session and returns the whole session under
    `session`. **Omitted attributes are left unchanged**: the defaults named below are the ones
    a session gets at creation, not values an update resets to. That is why no property of
    this request declares a `default`.

    `session_expiry` restarts the session's lifetime from the moment of the update:
    `expiry_time = now + session_expiry` and `duration = expiry_time - created_time` (whole
    seconds, truncated). `modified_time` moves on every update.

    **Cannot be updated on an active session** (current docs): `first_party`, `second_party`,
    `initiate_call_to_first_party`, `is_pin_authentication_required`, `pin_prompt_play`,
    `pin_retry`, `pin_retry_wait`, `incorrect_pin_play`, `unknown_caller_play`, and (current
    docs only, not the legacy list) `geomatch`, `subaccount`. The exception: `first_party`
    and `second_party` can be set on a session created with
    `create_session_with_single_party: true` (docs, concept docs). What the server does when
    they are sent anyway is not documented; this spec **chooses** a 400 `Invalid parameter.
    <field> cannot be updated for an active session.` when the value differs from the
    session's, and accepts the value the session already has (five SDKs send `subaccount` and
    `geomatch` on update). The mock can also reject them outright or ignore them
    (`immutable_fields`: `accept-if-equal` | `reject` | `ignore`).

    **Expired sessions** cannot be updated: 400 `Session already expired`.

    Other errors (400): `Invalid parameter. record_file_format allowed values are mp3 or wav.`,
    `Invalid parameter. call_time_limit is outside the allowed range.`, `Invalid parameter.
    recording_callback_url should be a valid URL.`, `Invalid parameter. record allowed values
    are true or false.`

    The success status is 200 (private-beta docs' "200 Session updated"). Plivo's
    API-responses page also lists `202 Resource changed`, and SDK test suites mock 201, 202
    or 204, so any 2xx is admitted and its body kept.

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        session_uuid (str):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.
        body (UpdateSessionRequest): The attributes to change; all optional, and an omitted
            attribute keeps its value. No
            property declares a `default`, because generated clients would then send it and overwrite
            the session's value. The defaults quoted are those of create. For the three integers, `0`
            is taken to mean "leave unchanged" (an inference): the Java SDK sends `0` for every
            integer its caller did not set. (The Go SDK's update params have `omitempty`, so Go sends
            no 0.) The create-only fields of the operation's `x-immutable-fields`
            (`initiate_call_to_first_party`, the PIN settings, `unknown_caller_play`) are deliberately
            not properties here: sent anyway as extra keys, they are checked like the declared ones
            (by default: 400 unless they equal the session's current value; a chosen rule).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SuccessResponse | UpdateSessionResponse]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        session_uuid=session_uuid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    auth_id: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionRequest,
) -> ErrorResponse | SuccessResponse | UpdateSessionResponse | None:
    """Update a number masking session

     Changes the given attributes of an active session and returns the whole session under
    `session`. **Omitted attributes are left unchanged**: the defaults named below are the ones
    a session gets at creation, not values an update resets to. That is why no property of
    this request declares a `default`.

    `session_expiry` restarts the session's lifetime from the moment of the update:
    `expiry_time = now + session_expiry` and `duration = expiry_time - created_time` (whole
    seconds, truncated). `modified_time` moves on every update.

    **Cannot be updated on an active session** (current docs): `first_party`, `second_party`,
    `initiate_call_to_first_party`, `is_pin_authentication_required`, `pin_prompt_play`,
    `pin_retry`, `pin_retry_wait`, `incorrect_pin_play`, `unknown_caller_play`, and (current
    docs only, not the legacy list) `geomatch`, `subaccount`. The exception: `first_party`
    and `second_party` can be set on a session created with
    `create_session_with_single_party: true` (docs, concept docs). What the server does when
    they are sent anyway is not documented; this spec **chooses** a 400 `Invalid parameter.
    <field> cannot be updated for an active session.` when the value differs from the
    session's, and accepts the value the session already has (five SDKs send `subaccount` and
    `geomatch` on update). The mock can also reject them outright or ignore them
    (`immutable_fields`: `accept-if-equal` | `reject` | `ignore`).

    **Expired sessions** cannot be updated: 400 `Session already expired`.

    Other errors (400): `Invalid parameter. record_file_format allowed values are mp3 or wav.`,
    `Invalid parameter. call_time_limit is outside the allowed range.`, `Invalid parameter.
    recording_callback_url should be a valid URL.`, `Invalid parameter. record allowed values
    are true or false.`

    The success status is 200 (private-beta docs' "200 Session updated"). Plivo's
    API-responses page also lists `202 Resource changed`, and SDK test suites mock 201, 202
    or 204, so any 2xx is admitted and its body kept.

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        session_uuid (str):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.
        body (UpdateSessionRequest): The attributes to change; all optional, and an omitted
            attribute keeps its value. No
            property declares a `default`, because generated clients would then send it and overwrite
            the session's value. The defaults quoted are those of create. For the three integers, `0`
            is taken to mean "leave unchanged" (an inference): the Java SDK sends `0` for every
            integer its caller did not set. (The Go SDK's update params have `omitempty`, so Go sends
            no 0.) The create-only fields of the operation's `x-immutable-fields`
            (`initiate_call_to_first_party`, the PIN settings, `unknown_caller_play`) are deliberately
            not properties here: sent anyway as extra keys, they are checked like the declared ones
            (by default: 400 unless they equal the session's current value; a chosen rule).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SuccessResponse | UpdateSessionResponse
    """

    return sync_detailed(
        auth_id=auth_id,
        session_uuid=session_uuid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    auth_id: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionRequest,
) -> Response[ErrorResponse | SuccessResponse | UpdateSessionResponse]:
    """Update a number masking session

     Changes the given attributes of an active session and returns the whole session under
    `session`. **Omitted attributes are left unchanged**: the defaults named below are the ones
    a session gets at creation, not values an update resets to. That is why no property of
    this request declares a `default`.

    `session_expiry` restarts the session's lifetime from the moment of the update:
    `expiry_time = now + session_expiry` and `duration = expiry_time - created_time` (whole
    seconds, truncated). `modified_time` moves on every update.

    **Cannot be updated on an active session** (current docs): `first_party`, `second_party`,
    `initiate_call_to_first_party`, `is_pin_authentication_required`, `pin_prompt_play`,
    `pin_retry`, `pin_retry_wait`, `incorrect_pin_play`, `unknown_caller_play`, and (current
    docs only, not the legacy list) `geomatch`, `subaccount`. The exception: `first_party`
    and `second_party` can be set on a session created with
    `create_session_with_single_party: true` (docs, concept docs). What the server does when
    they are sent anyway is not documented; this spec **chooses** a 400 `Invalid parameter.
    <field> cannot be updated for an active session.` when the value differs from the
    session's, and accepts the value the session already has (five SDKs send `subaccount` and
    `geomatch` on update). The mock can also reject them outright or ignore them
    (`immutable_fields`: `accept-if-equal` | `reject` | `ignore`).

    **Expired sessions** cannot be updated: 400 `Session already expired`.

    Other errors (400): `Invalid parameter. record_file_format allowed values are mp3 or wav.`,
    `Invalid parameter. call_time_limit is outside the allowed range.`, `Invalid parameter.
    recording_callback_url should be a valid URL.`, `Invalid parameter. record allowed values
    are true or false.`

    The success status is 200 (private-beta docs' "200 Session updated"). Plivo's
    API-responses page also lists `202 Resource changed`, and SDK test suites mock 201, 202
    or 204, so any 2xx is admitted and its body kept.

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        session_uuid (str):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.
        body (UpdateSessionRequest): The attributes to change; all optional, and an omitted
            attribute keeps its value. No
            property declares a `default`, because generated clients would then send it and overwrite
            the session's value. The defaults quoted are those of create. For the three integers, `0`
            is taken to mean "leave unchanged" (an inference): the Java SDK sends `0` for every
            integer its caller did not set. (The Go SDK's update params have `omitempty`, so Go sends
            no 0.) The create-only fields of the operation's `x-immutable-fields`
            (`initiate_call_to_first_party`, the PIN settings, `unknown_caller_play`) are deliberately
            not properties here: sent anyway as extra keys, they are checked like the declared ones
            (by default: 400 unless they equal the session's current value; a chosen rule).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SuccessResponse | UpdateSessionResponse]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        session_uuid=session_uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    auth_id: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionRequest,
) -> ErrorResponse | SuccessResponse | UpdateSessionResponse | None:
    """Update a number masking session

     Changes the given attributes of an active session and returns the whole session under
    `session`. **Omitted attributes are left unchanged**: the defaults named below are the ones
    a session gets at creation, not values an update resets to. That is why no property of
    this request declares a `default`.

    `session_expiry` restarts the session's lifetime from the moment of the update:
    `expiry_time = now + session_expiry` and `duration = expiry_time - created_time` (whole
    seconds, truncated). `modified_time` moves on every update.

    **Cannot be updated on an active session** (current docs): `first_party`, `second_party`,
    `initiate_call_to_first_party`, `is_pin_authentication_required`, `pin_prompt_play`,
    `pin_retry`, `pin_retry_wait`, `incorrect_pin_play`, `unknown_caller_play`, and (current
    docs only, not the legacy list) `geomatch`, `subaccount`. The exception: `first_party`
    and `second_party` can be set on a session created with
    `create_session_with_single_party: true` (docs, concept docs). What the server does when
    they are sent anyway is not documented; this spec **chooses** a 400 `Invalid parameter.
    <field> cannot be updated for an active session.` when the value differs from the
    session's, and accepts the value the session already has (five SDKs send `subaccount` and
    `geomatch` on update). The mock can also reject them outright or ignore them
    (`immutable_fields`: `accept-if-equal` | `reject` | `ignore`).

    **Expired sessions** cannot be updated: 400 `Session already expired`.

    Other errors (400): `Invalid parameter. record_file_format allowed values are mp3 or wav.`,
    `Invalid parameter. call_time_limit is outside the allowed range.`, `Invalid parameter.
    recording_callback_url should be a valid URL.`, `Invalid parameter. record allowed values
    are true or false.`

    The success status is 200 (private-beta docs' "200 Session updated"). Plivo's
    API-responses page also lists `202 Resource changed`, and SDK test suites mock 201, 202
    or 204, so any 2xx is admitted and its body kept.

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        session_uuid (str):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.
        body (UpdateSessionRequest): The attributes to change; all optional, and an omitted
            attribute keeps its value. No
            property declares a `default`, because generated clients would then send it and overwrite
            the session's value. The defaults quoted are those of create. For the three integers, `0`
            is taken to mean "leave unchanged" (an inference): the Java SDK sends `0` for every
            integer its caller did not set. (The Go SDK's update params have `omitempty`, so Go sends
            no 0.) The create-only fields of the operation's `x-immutable-fields`
            (`initiate_call_to_first_party`, the PIN settings, `unknown_caller_play`) are deliberately
            not properties here: sent anyway as extra keys, they are checked like the declared ones
            (by default: 400 unless they equal the session's current value; a chosen rule).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SuccessResponse | UpdateSessionResponse
    """

    return (
        await asyncio_detailed(
            auth_id=auth_id,
            session_uuid=session_uuid,
            client=client,
            body=body,
        )
    ).parsed
