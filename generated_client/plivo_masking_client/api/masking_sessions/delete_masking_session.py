from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.expire_session_response import ExpireSessionResponse
from ...models.success_response import SuccessResponse
from ...types import Response


def _get_kwargs(
    auth_id: str,
    session_uuid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/Account/{auth_id}/Masking/Session/{session_uuid}".format(
            auth_id=quote(str(auth_id), safe=""),
            session_uuid=quote(str(session_uuid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ExpireSessionResponse | SuccessResponse | None:
    if response.status_code == 200:
        response_200 = ExpireSessionResponse.from_dict(response.json() if response.content else {})

        return response_200

    if response.status_code == 204:
        response_204 = SuccessResponse.from_dict(response.json() if response.content else {})

        return response_204

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
) -> Response[ErrorResponse | ExpireSessionResponse | SuccessResponse]:
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
) -> Response[ErrorResponse | ExpireSessionResponse | SuccessResponse]:
    """Expire a number masking session

     Terminates the session and marks it expired: a soft delete. `status` becomes `expired` and
    `expiry_time` the moment of the call; the session stays retrievable and listable. Expiring
    an already expired session answers 400 `Session already expired`.

    No parameters are documented. The Python SDK nonetheless sends a JSON body
    `{"session_uuid": "..."}` and the Node SDK `{}`; a body is accepted and ignored.

    `message` varies: `Session expired` in the docs, the PHP fixture and the Node mock;
    `Session Deleted` in the Python and Go fixtures. Clients should not compare it.

    The success status is 200 (private-beta docs); Plivo's API-responses page lists `204
    Resource deleted`, which the Go, PHP and Ruby SDK tests use (Ruby with the body `{}`).

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        session_uuid (str):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExpireSessionResponse | SuccessResponse]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        session_uuid=session_uuid,
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
) -> ErrorResponse | ExpireSessionResponse | SuccessResponse | None:
    """Expire a number masking session

     Terminates the session and marks it expired: a soft delete. `status` becomes `expired` and
    `expiry_time` the moment of the call; the session stays retrievable and listable. Expiring
    an already expired session answers 400 `Session already expired`.

    No parameters are documented. The Python SDK nonetheless sends a JSON body
    `{"session_uuid": "..."}` and the Node SDK `{}`; a body is accepted and ignored.

    `message` varies: `Session expired` in the docs, the PHP fixture and the Node mock;
    `Session Deleted` in the Python and Go fixtures. Clients should not compare it.

    The success status is 200 (private-beta docs); Plivo's API-responses page lists `204
    Resource deleted`, which the Go, PHP and Ruby SDK tests use (Ruby with the body `{}`).

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        session_uuid (str):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExpireSessionResponse | SuccessResponse
    """

    return sync_detailed(
        auth_id=auth_id,
        session_uuid=session_uuid,
        client=client,
    ).parsed


async def asyncio_detailed(
    auth_id: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | ExpireSessionResponse | SuccessResponse]:
    """Expire a number masking session

     Terminates the session and marks it expired: a soft delete. `status` becomes `expired` and
    `expiry_time` the moment of the call; the session stays retrievable and listable. Expiring
    an already expired session answers 400 `Session already expired`.

    No parameters are documented. The Python SDK nonetheless sends a JSON body
    `{"session_uuid": "..."}` and the Node SDK `{}`; a body is accepted and ignored.

    `message` varies: `Session expired` in the docs, the PHP fixture and the Node mock;
    `Session Deleted` in the Python and Go fixtures. Clients should not compare it.

    The success status is 200 (private-beta docs); Plivo's API-responses page lists `204
    Resource deleted`, which the Go, PHP and Ruby SDK tests use (Ruby with the body `{}`).

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        session_uuid (str):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExpireSessionResponse | SuccessResponse]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        session_uuid=session_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    auth_id: str,
    session_uuid: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | ExpireSessionResponse | SuccessResponse | None:
    """Expire a number masking session

     Terminates the session and marks it expired: a soft delete. `status` becomes `expired` and
    `expiry_time` the moment of the call; the session stays retrievable and listable. Expiring
    an already expired session answers 400 `Session already expired`.

    No parameters are documented. The Python SDK nonetheless sends a JSON body
    `{"session_uuid": "..."}` and the Node SDK `{}`; a body is accepted and ignored.

    `message` varies: `Session expired` in the docs, the PHP fixture and the Node mock;
    `Session Deleted` in the Python and Go fixtures. Clients should not compare it.

    The success status is 200 (private-beta docs); Plivo's API-responses page lists `204
    Resource deleted`, which the Go, PHP and Ruby SDK tests use (Ruby with the body `{}`).

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        session_uuid (str):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExpireSessionResponse | SuccessResponse
    """

    return (
        await asyncio_detailed(
            auth_id=auth_id,
            session_uuid=session_uuid,
            client=client,
        )
    ).parsed
