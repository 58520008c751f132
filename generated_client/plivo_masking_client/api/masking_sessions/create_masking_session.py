from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_request import CreateSessionRequest
from ...models.create_session_response import CreateSessionResponse
from ...models.error_response import ErrorResponse
from ...models.success_response import SuccessResponse
from ...types import Response


def _get_kwargs(
    auth_id: str,
    *,
    body: CreateSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/Account/{auth_id}/Masking/Session".format(
            auth_id=quote(str(auth_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateSessionResponse | ErrorResponse | SuccessResponse | None:
    if response.status_code == 201:
        response_201 = CreateSessionResponse.from_dict(response.json() if response.content else {})

        return response_201

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
) -> Response[CreateSessionResponse | ErrorResponse | SuccessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Response[CreateSessionResponse | ErrorResponse | SuccessResponse]:
    """Create a number masking session

     Allocates a virtual number from the account's number pool (or the sub-account's, with
    `subaccount`) and maps it to `first_party` and `second_party`. The answer is `201` with the
    new session under `session`, and the allocated number also at the top level, with `+`.

    **Parties.** Both `first_party` and `second_party` are required, unless
    `create_session_with_single_party` is `true`: then exactly one of them is given, and the
    other can be set later by an update (the request schema's `anyOf` says so). The two must
    differ (400 `Invalid parameter. second_party must be different from first_party.`), which
    JSON Schema cannot say; both parties with `create_session_with_single_party: true` is a
    400 too. The messages of these cross-field rules, and of the PIN rules below, are the
    mock's words: Plivo documents none of them.

    **PIN authentication** (`is_pin_authentication_required: true`) applies to callers from
    numbers not registered in the session. It needs `pin_prompt_play` and either
    `first_party_pin` and `second_party_pin` (4 to 15 digits each, different from each other) or
    `generate_pin: true` (Plivo generates PINs of `generate_pin_length` digits and returns them
    in this response only). Errors: `Mandatory parameter missing. pin_prompt_play must be
    present.`, `Invalid parameter. second_party_pin must be different from first_party_pin.`
    With PIN authentication off, the PIN parameters are ignored (the Java SDK always sends
    them).

    **Errors** (400): `Number pool exhausted or not available`, `Mandatory parameter missing.
    first_party must be present.`, `Invalid parameter. first_party is not a valid phone
    number.`, `Invalid parameter. session_expiry is outside the allowed range.`, and the other
    `Invalid parameter. ...` messages of the update operation. A 403 on create may mean the
    account may not call the parties' country (geo permissions): an inference from the Python
    and Node SDKs, which raise `GeoPermissionError` for a 403 to a POST on a URL ending
    `/Session/`, a list that most likely targets another Plivo product; no masking source
    shows it.

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        body (CreateSessionRequest): Parameters of a new session. `first_party` and `second_party`
            are required unless
            `create_session_with_single_party` is true (then exactly one of them), and PIN
            authentication needs `pin_prompt_play` and either `generate_pin: true` or both PINs: the
            two `anyOf` below state it. Where the docs and the recorded responses disagree on a
            default
            (`session_expiry`, `call_time_limit`, `ring_timeout`), no `default` is declared; the
            description gives both values.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSessionResponse | ErrorResponse | SuccessResponse]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> CreateSessionResponse | ErrorResponse | SuccessResponse | None:
    """Create a number masking session

     Allocates a virtual number from the account's number pool (or the sub-account's, with
    `subaccount`) and maps it to `first_party` and `second_party`. The answer is `201` with the
    new session under `session`, and the allocated number also at the top level, with `+`.

    **Parties.** Both `first_party` and `second_party` are required, unless
    `create_session_with_single_party` is `true`: then exactly one of them is given, and the
    other can be set later by an update (the request schema's `anyOf` says so). The two must
    differ (400 `Invalid parameter. second_party must be different from first_party.`), which
    JSON Schema cannot say; both parties with `create_session_with_single_party: true` is a
    400 too. The messages of these cross-field rules, and of the PIN rules below, are the
    mock's words: Plivo documents none of them.

    **PIN authentication** (`is_pin_authentication_required: true`) applies to callers from
    numbers not registered in the session. It needs `pin_prompt_play` and either
    `first_party_pin` and `second_party_pin` (4 to 15 digits each, different from each other) or
    `generate_pin: true` (Plivo generates PINs of `generate_pin_length` digits and returns them
    in this response only). Errors: `Mandatory parameter missing. pin_prompt_play must be
    present.`, `Invalid parameter. second_party_pin must be different from first_party_pin.`
    With PIN authentication off, the PIN parameters are ignored (the Java SDK always sends
    them).

    **Errors** (400): `Number pool exhausted or not available`, `Mandatory parameter missing.
    first_party must be present.`, `Invalid parameter. first_party is not a valid phone
    number.`, `Invalid parameter. session_expiry is outside the allowed range.`, and the other
    `Invalid parameter. ...` messages of the update operation. A 403 on create may mean the
    account may not call the parties' country (geo permissions): an inference from the Python
    and Node SDKs, which raise `GeoPermissionError` for a 403 to a POST on a URL ending
    `/Session/`, a list that most likely targets another Plivo product; no masking source
    shows it.

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        body (CreateSessionRequest): Parameters of a new session. `first_party` and `second_party`
            are required unless
            `create_session_with_single_party` is true (then exactly one of them), and PIN
            authentication needs `pin_prompt_play` and either `generate_pin: true` or both PINs: the
            two `anyOf` below state it. Where the docs and the recorded responses disagree on a
            default
            (`session_expiry`, `call_time_limit`, `ring_timeout`), no `default` is declared; the
            description gives both values.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSessionResponse | ErrorResponse | SuccessResponse
    """

    return sync_detailed(
        auth_id=auth_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Response[CreateSessionResponse | ErrorResponse | SuccessResponse]:
    """Create a number masking session

     Allocates a virtual number from the account's number pool (or the sub-account's, with
    `subaccount`) and maps it to `first_party` and `second_party`. The answer is `201` with the
    new session under `session`, and the allocated number also at the top level, with `+`.

    **Parties.** Both `first_party` and `second_party` are required, unless
    `create_session_with_single_party` is `true`: then exactly one of them is given, and the
    other can be set later by an update (the request schema's `anyOf` says so). The two must
    differ (400 `Invalid parameter. second_party must be different from first_party.`), which
    JSON Schema cannot say; both parties with `create_session_with_single_party: true` is a
    400 too. The messages of these cross-field rules, and of the PIN rules below, are the
    mock's words: Plivo documents none of them.

    **PIN authentication** (`is_pin_authentication_required: true`) applies to callers from
    numbers not registered in the session. It needs `pin_prompt_play` and either
    `first_party_pin` and `second_party_pin` (4 to 15 digits each, different from each other) or
    `generate_pin: true` (Plivo generates PINs of `generate_pin_length` digits and returns them
    in this response only). Errors: `Mandatory parameter missing. pin_prompt_play must be
    present.`, `Invalid parameter. second_party_pin must be different from first_party_pin.`
    With PIN authentication off, the PIN parameters are ignored (the Java SDK always sends
    them).

    **Errors** (400): `Number pool exhausted or not available`, `Mandatory parameter missing.
    first_party must be present.`, `Invalid parameter. first_party is not a valid phone
    number.`, `Invalid parameter. session_expiry is outside the allowed range.`, and the other
    `Invalid parameter. ...` messages of the update operation. A 403 on create may mean the
    account may not call the parties' country (geo permissions): an inference from the Python
    and Node SDKs, which raise `GeoPermissionError` for a 403 to a POST on a URL ending
    `/Session/`, a list that most likely targets another Plivo product; no masking source
    shows it.

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        body (CreateSessionRequest): Parameters of a new session. `first_party` and `second_party`
            are required unless
            `create_session_with_single_party` is true (then exactly one of them), and PIN
            authentication needs `pin_prompt_play` and either `generate_pin: true` or both PINs: the
            two `anyOf` below state it. Where the docs and the recorded responses disagree on a
            default
            (`session_expiry`, `call_time_limit`, `ring_timeout`), no `default` is declared; the
            description gives both values.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSessionResponse | ErrorResponse | SuccessResponse]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> CreateSessionResponse | ErrorResponse | SuccessResponse | None:
    """Create a number masking session

     Allocates a virtual number from the account's number pool (or the sub-account's, with
    `subaccount`) and maps it to `first_party` and `second_party`. The answer is `201` with the
    new session under `session`, and the allocated number also at the top level, with `+`.

    **Parties.** Both `first_party` and `second_party` are required, unless
    `create_session_with_single_party` is `true`: then exactly one of them is given, and the
    other can be set later by an update (the request schema's `anyOf` says so). The two must
    differ (400 `Invalid parameter. second_party must be different from first_party.`), which
    JSON Schema cannot say; both parties with `create_session_with_single_party: true` is a
    400 too. The messages of these cross-field rules, and of the PIN rules below, are the
    mock's words: Plivo documents none of them.

    **PIN authentication** (`is_pin_authentication_required: true`) applies to callers from
    numbers not registered in the session. It needs `pin_prompt_play` and either
    `first_party_pin` and `second_party_pin` (4 to 15 digits each, different from each other) or
    `generate_pin: true` (Plivo generates PINs of `generate_pin_length` digits and returns them
    in this response only). Errors: `Mandatory parameter missing. pin_prompt_play must be
    present.`, `Invalid parameter. second_party_pin must be different from first_party_pin.`
    With PIN authentication off, the PIN parameters are ignored (the Java SDK always sends
    them).

    **Errors** (400): `Number pool exhausted or not available`, `Mandatory parameter missing.
    first_party must be present.`, `Invalid parameter. first_party is not a valid phone
    number.`, `Invalid parameter. session_expiry is outside the allowed range.`, and the other
    `Invalid parameter. ...` messages of the update operation. A 403 on create may mean the
    account may not call the parties' country (geo permissions): an inference from the Python
    and Node SDKs, which raise `GeoPermissionError` for a 403 to a POST on a URL ending
    `/Session/`, a list that most likely targets another Plivo product; no masking source
    shows it.

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        body (CreateSessionRequest): Parameters of a new session. `first_party` and `second_party`
            are required unless
            `create_session_with_single_party` is true (then exactly one of them), and PIN
            authentication needs `pin_prompt_play` and either `generate_pin: true` or both PINs: the
            two `anyOf` below state it. Where the docs and the recorded responses disagree on a
            default
            (`session_expiry`, `call_time_limit`, `ring_timeout`), no `default` is declared; the
            description gives both values.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSessionResponse | ErrorResponse | SuccessResponse
    """

    return (
        await asyncio_detailed(
            auth_id=auth_id,
            client=client,
            body=body,
        )
    ).parsed
