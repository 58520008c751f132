from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_sessions_response import ListSessionsResponse
from ...models.session_status_filter import SessionStatusFilter
from ...models.success_response import SuccessResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    auth_id: str,
    *,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: SessionStatusFilter | Unset = UNSET,
    created_time: str | Unset = UNSET,
    created_time_gt: str | Unset = UNSET,
    created_time_gte: str | Unset = UNSET,
    created_time_lt: str | Unset = UNSET,
    created_time_lte: str | Unset = UNSET,
    expiry_time: str | Unset = UNSET,
    expiry_time_gt: str | Unset = UNSET,
    expiry_time_gte: str | Unset = UNSET,
    expiry_time_lt: str | Unset = UNSET,
    expiry_time_lte: str | Unset = UNSET,
    duration: int | Unset = UNSET,
    duration_gt: int | Unset = UNSET,
    duration_gte: int | Unset = UNSET,
    duration_lt: int | Unset = UNSET,
    duration_lte: int | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["first_party"] = first_party

    params["second_party"] = second_party

    params["virtual_number"] = virtual_number

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["created_time"] = created_time

    params["created_time__gt"] = created_time_gt

    params["created_time__gte"] = created_time_gte

    params["created_time__lt"] = created_time_lt

    params["created_time__lte"] = created_time_lte

    params["expiry_time"] = expiry_time

    params["expiry_time__gt"] = expiry_time_gt

    params["expiry_time__gte"] = expiry_time_gte

    params["expiry_time__lt"] = expiry_time_lt

    params["expiry_time__lte"] = expiry_time_lte

    params["duration"] = duration

    params["duration__gt"] = duration_gt

    params["duration__gte"] = duration_gte

    params["duration__lt"] = duration_lt

    params["duration__lte"] = duration_lte

    params["subaccount"] = subaccount

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/Account/{auth_id}/Masking/Session".format(
            auth_id=quote(str(auth_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListSessionsResponse | SuccessResponse | None:
    if response.status_code == 200:
        response_200 = ListSessionsResponse.from_dict(response.json() if response.content else {})

        return response_200

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
) -> Response[ErrorResponse | ListSessionsResponse | SuccessResponse]:
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
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: SessionStatusFilter | Unset = UNSET,
    created_time: str | Unset = UNSET,
    created_time_gt: str | Unset = UNSET,
    created_time_gte: str | Unset = UNSET,
    created_time_lt: str | Unset = UNSET,
    created_time_lte: str | Unset = UNSET,
    expiry_time: str | Unset = UNSET,
    expiry_time_gt: str | Unset = UNSET,
    expiry_time_gte: str | Unset = UNSET,
    expiry_time_lt: str | Unset = UNSET,
    expiry_time_lte: str | Unset = UNSET,
    duration: int | Unset = UNSET,
    duration_gt: int | Unset = UNSET,
    duration_gte: int | Unset = UNSET,
    duration_lt: int | Unset = UNSET,
    duration_lte: int | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | ListSessionsResponse | SuccessResponse]:
    """List number masking sessions

     Lists the account's sessions, newest first (by `created_time`), `limit` at a time from
    `offset`. Every filter is optional; filters combine with AND. Time filters take
    `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]` in UTC (a different format from the timestamps in
    responses), a real calendar date and time (the pattern says so). Without time bounds the
    real API covers the last 7 days; windows are at most 30 days (docs).

    The operationId is the official SDKs' method name, `list_masking_session` (singular).
    Each item of `objects` is a session plus its `resource_uri`.

    Query parameters this operation does not declare are ignored (the Java SDK sends
    `created_time_lt` for `created_time__lt`).

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        first_party (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        second_party (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        virtual_number (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        status (SessionStatusFilter | Unset): The `status` filter of list.
        created_time (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_gt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_gte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_lt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_lte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_gt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_gte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_lt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_lte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        duration (int | Unset): A session duration in seconds.
        duration_gt (int | Unset): A session duration in seconds.
        duration_gte (int | Unset): A session duration in seconds.
        duration_lt (int | Unset): A session duration in seconds.
        duration_lte (int | Unset): A session duration in seconds.
        subaccount (str | Unset): A sub-account's Auth ID (`SA` followed by 18 upper-case letters
            or digits). Example: SAZTQXZDYWNZBMMJAZZJ.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListSessionsResponse | SuccessResponse]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        first_party=first_party,
        second_party=second_party,
        virtual_number=virtual_number,
        status=status,
        created_time=created_time,
        created_time_gt=created_time_gt,
        created_time_gte=created_time_gte,
        created_time_lt=created_time_lt,
        created_time_lte=created_time_lte,
        expiry_time=expiry_time,
        expiry_time_gt=expiry_time_gt,
        expiry_time_gte=expiry_time_gte,
        expiry_time_lt=expiry_time_lt,
        expiry_time_lte=expiry_time_lte,
        duration=duration,
        duration_gt=duration_gt,
        duration_gte=duration_gte,
        duration_lt=duration_lt,
        duration_lte=duration_lte,
        subaccount=subaccount,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: SessionStatusFilter | Unset = UNSET,
    created_time: str | Unset = UNSET,
    created_time_gt: str | Unset = UNSET,
    created_time_gte: str | Unset = UNSET,
    created_time_lt: str | Unset = UNSET,
    created_time_lte: str | Unset = UNSET,
    expiry_time: str | Unset = UNSET,
    expiry_time_gt: str | Unset = UNSET,
    expiry_time_gte: str | Unset = UNSET,
    expiry_time_lt: str | Unset = UNSET,
    expiry_time_lte: str | Unset = UNSET,
    duration: int | Unset = UNSET,
    duration_gt: int | Unset = UNSET,
    duration_gte: int | Unset = UNSET,
    duration_lt: int | Unset = UNSET,
    duration_lte: int | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> ErrorResponse | ListSessionsResponse | SuccessResponse | None:
    """List number masking sessions

     Lists the account's sessions, newest first (by `created_time`), `limit` at a time from
    `offset`. Every filter is optional; filters combine with AND. Time filters take
    `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]` in UTC (a different format from the timestamps in
    responses), a real calendar date and time (the pattern says so). Without time bounds the
    real API covers the last 7 days; windows are at most 30 days (docs).

    The operationId is the official SDKs' method name, `list_masking_session` (singular).
    Each item of `objects` is a session plus its `resource_uri`.

    Query parameters this operation does not declare are ignored (the Java SDK sends
    `created_time_lt` for `created_time__lt`).

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        first_party (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        second_party (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        virtual_number (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        status (SessionStatusFilter | Unset): The `status` filter of list.
        created_time (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_gt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_gte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_lt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_lte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_gt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_gte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_lt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_lte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        duration (int | Unset): A session duration in seconds.
        duration_gt (int | Unset): A session duration in seconds.
        duration_gte (int | Unset): A session duration in seconds.
        duration_lt (int | Unset): A session duration in seconds.
        duration_lte (int | Unset): A session duration in seconds.
        subaccount (str | Unset): A sub-account's Auth ID (`SA` followed by 18 upper-case letters
            or digits). Example: SAZTQXZDYWNZBMMJAZZJ.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListSessionsResponse | SuccessResponse
    """

    return sync_detailed(
        auth_id=auth_id,
        client=client,
        first_party=first_party,
        second_party=second_party,
        virtual_number=virtual_number,
        status=status,
        created_time=created_time,
        created_time_gt=created_time_gt,
        created_time_gte=created_time_gte,
        created_time_lt=created_time_lt,
        created_time_lte=created_time_lte,
        expiry_time=expiry_time,
        expiry_time_gt=expiry_time_gt,
        expiry_time_gte=expiry_time_gte,
        expiry_time_lt=expiry_time_lt,
        expiry_time_lte=expiry_time_lte,
        duration=duration,
        duration_gt=duration_gt,
        duration_gte=duration_gte,
        duration_lt=duration_lt,
        duration_lte=duration_lte,
        subaccount=subaccount,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: SessionStatusFilter | Unset = UNSET,
    created_time: str | Unset = UNSET,
    created_time_gt: str | Unset = UNSET,
    created_time_gte: str | Unset = UNSET,
    created_time_lt: str | Unset = UNSET,
    created_time_lte: str | Unset = UNSET,
    expiry_time: str | Unset = UNSET,
    expiry_time_gt: str | Unset = UNSET,
    expiry_time_gte: str | Unset = UNSET,
    expiry_time_lt: str | Unset = UNSET,
    expiry_time_lte: str | Unset = UNSET,
    duration: int | Unset = UNSET,
    duration_gt: int | Unset = UNSET,
    duration_gte: int | Unset = UNSET,
    duration_lt: int | Unset = UNSET,
    duration_lte: int | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | ListSessionsResponse | SuccessResponse]:
    """List number masking sessions

     Lists the account's sessions, newest first (by `created_time`), `limit` at a time from
    `offset`. Every filter is optional; filters combine with AND. Time filters take
    `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]` in UTC (a different format from the timestamps in
    responses), a real calendar date and time (the pattern says so). Without time bounds the
    real API covers the last 7 days; windows are at most 30 days (docs).

    The operationId is the official SDKs' method name, `list_masking_session` (singular).
    Each item of `objects` is a session plus its `resource_uri`.

    Query parameters this operation does not declare are ignored (the Java SDK sends
    `created_time_lt` for `created_time__lt`).

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        first_party (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        second_party (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        virtual_number (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        status (SessionStatusFilter | Unset): The `status` filter of list.
        created_time (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_gt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_gte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_lt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_lte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_gt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_gte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_lt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_lte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        duration (int | Unset): A session duration in seconds.
        duration_gt (int | Unset): A session duration in seconds.
        duration_gte (int | Unset): A session duration in seconds.
        duration_lt (int | Unset): A session duration in seconds.
        duration_lte (int | Unset): A session duration in seconds.
        subaccount (str | Unset): A sub-account's Auth ID (`SA` followed by 18 upper-case letters
            or digits). Example: SAZTQXZDYWNZBMMJAZZJ.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListSessionsResponse | SuccessResponse]
    """

    kwargs = _get_kwargs(
        auth_id=auth_id,
        first_party=first_party,
        second_party=second_party,
        virtual_number=virtual_number,
        status=status,
        created_time=created_time,
        created_time_gt=created_time_gt,
        created_time_gte=created_time_gte,
        created_time_lt=created_time_lt,
        created_time_lte=created_time_lte,
        expiry_time=expiry_time,
        expiry_time_gt=expiry_time_gt,
        expiry_time_gte=expiry_time_gte,
        expiry_time_lt=expiry_time_lt,
        expiry_time_lte=expiry_time_lte,
        duration=duration,
        duration_gt=duration_gt,
        duration_gte=duration_gte,
        duration_lt=duration_lt,
        duration_lte=duration_lte,
        subaccount=subaccount,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    auth_id: str,
    *,
    client: AuthenticatedClient | Client,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: SessionStatusFilter | Unset = UNSET,
    created_time: str | Unset = UNSET,
    created_time_gt: str | Unset = UNSET,
    created_time_gte: str | Unset = UNSET,
    created_time_lt: str | Unset = UNSET,
    created_time_lte: str | Unset = UNSET,
    expiry_time: str | Unset = UNSET,
    expiry_time_gt: str | Unset = UNSET,
    expiry_time_gte: str | Unset = UNSET,
    expiry_time_lt: str | Unset = UNSET,
    expiry_time_lte: str | Unset = UNSET,
    duration: int | Unset = UNSET,
    duration_gt: int | Unset = UNSET,
    duration_gte: int | Unset = UNSET,
    duration_lt: int | Unset = UNSET,
    duration_lte: int | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> ErrorResponse | ListSessionsResponse | SuccessResponse | None:
    """List number masking sessions

     Lists the account's sessions, newest first (by `created_time`), `limit` at a time from
    `offset`. Every filter is optional; filters combine with AND. Time filters take
    `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]` in UTC (a different format from the timestamps in
    responses), a real calendar date and time (the pattern says so). Without time bounds the
    real API covers the last 7 days; windows are at most 30 days (docs).

    The operationId is the official SDKs' method name, `list_masking_session` (singular).
    Each item of `objects` is a session plus its `resource_uri`.

    Query parameters this operation does not declare are ignored (the Java SDK sends
    `created_time_lt` for `created_time__lt`).

    Args:
        auth_id (str):  Example: MAZTQXZDYWNZBMMJAZZJ.
        first_party (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        second_party (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        virtual_number (str | Unset): A phone number in E.164 format, with or without the leading
            `+`. Example: +12025550000.
        status (SessionStatusFilter | Unset): The `status` filter of list.
        created_time (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_gt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_gte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_lt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        created_time_lte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_gt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_gte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_lt (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        expiry_time_lte (str | Unset): A UTC time in the list filters' format `YYYY-MM-DD
            HH:MM[:ss[.uuuuuu]]`, on a real
            calendar: month 01-12, a day the month has (February 29 in leap years only), hour 00-23,
            minute and second 00-59, year 0001 or later.
             Example: 2024-02-01 06:28.
        duration (int | Unset): A session duration in seconds.
        duration_gt (int | Unset): A session duration in seconds.
        duration_gte (int | Unset): A session duration in seconds.
        duration_lt (int | Unset): A session duration in seconds.
        duration_lte (int | Unset): A session duration in seconds.
        subaccount (str | Unset): A sub-account's Auth ID (`SA` followed by 18 upper-case letters
            or digits). Example: SAZTQXZDYWNZBMMJAZZJ.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListSessionsResponse | SuccessResponse
    """

    return (
        await asyncio_detailed(
            auth_id=auth_id,
            client=client,
            first_party=first_party,
            second_party=second_party,
            virtual_number=virtual_number,
            status=status,
            created_time=created_time,
            created_time_gt=created_time_gt,
            created_time_gte=created_time_gte,
            created_time_lt=created_time_lt,
            created_time_lte=created_time_lte,
            expiry_time=expiry_time,
            expiry_time_gt=expiry_time_gt,
            expiry_time_gte=expiry_time_gte,
            expiry_time_lt=expiry_time_lt,
            expiry_time_lte=expiry_time_lte,
            duration=duration,
            duration_gt=duration_gt,
            duration_gte=duration_gte,
            duration_lt=duration_lt,
            duration_lte=duration_lte,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
        )
    ).parsed
