"""`MaskingClient`, `AsyncMaskingClient` and their resources, generated from openapi.yaml: each
operation's `x-client-method: <resource>.<method>` names its method; keyword arguments are the
operation's query parameters and request-body properties, typed from their schemas.

Do not edit: rendered by generator/resources.py from generator/templates/extra/_resources.py.jinja.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Generic, Literal, Never, Self, TypeVar, cast, overload
from urllib.parse import quote

import httpx

from ._base_client import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    Operation,
    RetryHook,
    SyncAPIClient,
)
from .models import (
    CreateSessionResponse,
    ErrorResponse,
    ExpireSessionResponse,
    GetSessionResponse,
    HttpCallbackMethod,
    ListSessionsResponse,
    RecordFileFormat,
    SessionListItem,
    SessionStatusFilter,
    UpdateSessionResponse,
)
from .types import UNSET, Unset

# The error value of a client: `Never` when errors raise (the default), `ErrorResponse` with
# `raise_on_error=False`.
_E = TypeVar("_E")


def _q(value: str) -> str:
    return quote(value, safe="")


_CREATE_MASKING_SESSION = Operation(
    name="sessions.create",
    method="POST",
    success={
        201: CreateSessionResponse.from_dict,
    },
    idempotent=False,
)
_LIST_MASKING_SESSION = Operation(
    name="sessions.list",
    method="GET",
    success={
        200: ListSessionsResponse.from_dict,
    },
    idempotent=True,
)
_GET_MASKING_SESSION = Operation(
    name="sessions.get",
    method="GET",
    success={
        200: GetSessionResponse.from_dict,
    },
    idempotent=True,
)
_UPDATE_MASKING_SESSION = Operation(
    name="sessions.update",
    method="POST",
    success={
        200: UpdateSessionResponse.from_dict,
    },
    idempotent=True,
)
_DELETE_MASKING_SESSION = Operation(
    name="sessions.expire",
    method="DELETE",
    success={
        200: ExpireSessionResponse.from_dict,
    },
    idempotent=True,
)


class SessionsResource(Generic[_E]):
    """`client.sessions`: create, list, get, update, expire, iter."""

    def __init__(self, client: MaskingClient[_E]) -> None:
        self._client = client
        self._auth_id_q = _q(client.auth_id)

    def create(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        initiate_call_to_first_party: bool | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpCallbackMethod | Unset = UNSET,
        record: bool | Unset = UNSET,
        record_file_format: RecordFileFormat | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        recording_callback_method: HttpCallbackMethod | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        geomatch: bool | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        is_pin_authentication_required: bool | Unset = UNSET,
        generate_pin: bool | Unset = UNSET,
        generate_pin_length: int | Unset = UNSET,
        first_party_pin: str | Unset = UNSET,
        second_party_pin: str | Unset = UNSET,
        pin_prompt_play: str | Unset = UNSET,
        pin_retry: int | Unset = UNSET,
        pin_retry_wait: int | Unset = UNSET,
        incorrect_pin_play: str | Unset = UNSET,
        unknown_caller_play: str | Unset = UNSET,
        force_pin_authentication: bool | Unset = UNSET,
        create_session_with_single_party: bool | Unset = UNSET,
        virtual_number_cooloff_period: int | Unset = UNSET,
    ) -> CreateSessionResponse | _E:
        """Create a number masking session (`POST`, operation `create_masking_session`).

        Not idempotent (Plivo has no idempotency key): a repeated request could make a second
        session. It is therefore retried only when the connection could not be made, so that the
        request provably never reached the server; never after a timeout, a 429 or a 5xx, whose
        request may have been carried out. Such errors are raised for the caller to decide.

        Args:
            first_party: The first party's real number. Required unless single-party (see above).
            second_party: The second party's real number. Required unless single-party (see above).
            session_expiry: Lifetime of the session in seconds, 60 to 86400 (private-beta docs; outside it, 400 `Invalid parameter. session_expiry is outside the allowed range.`). Default: 3600 in the current docs, 1800 in the private-beta docs and in every recorded response. `0` is taken to mean "the default": the Go and Java SDKs send 0 when the caller set nothing (an inference; no source shows the answer).
            call_time_limit: Maximum duration of each call leg in seconds, 60 to 86400; applies to all call legs. Default: 3600 in the current docs, 14400 in the private-beta docs and in recorded responses. The private-beta docs contradict themselves: they say an invalid value defaults to 14400, a value below the minimum is set to the minimum and one above the maximum to the maximum, and they also list 400 `call_time_limit is outside the allowed range`. This spec chooses: 1 to 59 are raised to 60, above 86400 is a 400. `0` is taken to mean "the default" (sent by the Java SDK; an inference).
            ring_timeout: Seconds a leg may ring before it is dropped; applies to both legs. Default: 120 in the docs, 45 in recorded responses of sessions created with only the parties. `0` means "the default" (sent by the Java SDK; an inference). No maximum is documented.
            initiate_call_to_first_party: If true, Plivo calls the first party at once and bridges to the second party.
            callback_url: URL that receives session events (see the callbacks).
            callback_method: The HTTP method Plivo uses to call a callback URL.
            record: If true, a call is recorded once both parties have answered; each call of the session makes its own recording.
            record_file_format: Audio format of call recordings.
            recording_callback_url: URL that receives recording events.
            recording_callback_method: The HTTP method Plivo uses to call a callback URL.
            first_party_play_url: Audio played to the first party before connecting to the second party.
            second_party_play_url: Audio played to the second party before connecting to the first party.
            geomatch: Whether the virtual number's country must match the first party's.
            subaccount: Create the session for this sub-account, with a number from its pool.
            is_pin_authentication_required: Require a PIN from callers who dial from numbers not registered in the session. Then `pin_prompt_play` and either both PINs or `generate_pin` are required.
            generate_pin: Let Plivo generate both PINs (only with PIN authentication).
            generate_pin_length: Length of generated PINs.
            first_party_pin: PIN that connects a caller to the second party. 4 to 15 digits, different from `second_party_pin`.
            second_party_pin: PIN that connects a caller to the first party. 4 to 15 digits.
            pin_prompt_play: Audio asking for the PIN. Required with PIN authentication.
            pin_retry: How many more attempts a caller gets after a wrong PIN.
            pin_retry_wait: Seconds between PIN attempts (the docs' examples print it as a string).
            incorrect_pin_play: Audio played after a wrong PIN.
            unknown_caller_play: Audio played to unregistered callers when PIN authentication is off.
            force_pin_authentication: Require the PIN from the registered numbers too (only with PIN authentication).
            create_session_with_single_party: Create the session with one party only; the other can be set by an update.
            virtual_number_cooloff_period: Seconds the virtual number stays out of the pool after this session ends, 0 to 3600.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params = None
        _body: dict[str, Any] = {}
        if not isinstance(first_party, Unset):
            _body["first_party"] = first_party
        if not isinstance(second_party, Unset):
            _body["second_party"] = second_party
        if not isinstance(session_expiry, Unset):
            _body["session_expiry"] = session_expiry
        if not isinstance(call_time_limit, Unset):
            _body["call_time_limit"] = call_time_limit
        if not isinstance(ring_timeout, Unset):
            _body["ring_timeout"] = ring_timeout
        if not isinstance(initiate_call_to_first_party, Unset):
            _body["initiate_call_to_first_party"] = initiate_call_to_first_party
        if not isinstance(callback_url, Unset):
            _body["callback_url"] = callback_url
        if not isinstance(callback_method, Unset):
            _body["callback_method"] = callback_method
        if not isinstance(record, Unset):
            _body["record"] = record
        if not isinstance(record_file_format, Unset):
            _body["record_file_format"] = record_file_format
        if not isinstance(recording_callback_url, Unset):
            _body["recording_callback_url"] = recording_callback_url
        if not isinstance(recording_callback_method, Unset):
            _body["recording_callback_method"] = recording_callback_method
        if not isinstance(first_party_play_url, Unset):
            _body["first_party_play_url"] = first_party_play_url
        if not isinstance(second_party_play_url, Unset):
            _body["second_party_play_url"] = second_party_play_url
        if not isinstance(geomatch, Unset):
            _body["geomatch"] = geomatch
        if not isinstance(subaccount, Unset):
            _body["subaccount"] = subaccount
        if not isinstance(is_pin_authentication_required, Unset):
            _body["is_pin_authentication_required"] = is_pin_authentication_required
        if not isinstance(generate_pin, Unset):
            _body["generate_pin"] = generate_pin
        if not isinstance(generate_pin_length, Unset):
            _body["generate_pin_length"] = generate_pin_length
        if not isinstance(first_party_pin, Unset):
            _body["first_party_pin"] = first_party_pin
        if not isinstance(second_party_pin, Unset):
            _body["second_party_pin"] = second_party_pin
        if not isinstance(pin_prompt_play, Unset):
            _body["pin_prompt_play"] = pin_prompt_play
        if not isinstance(pin_retry, Unset):
            _body["pin_retry"] = pin_retry
        if not isinstance(pin_retry_wait, Unset):
            _body["pin_retry_wait"] = pin_retry_wait
        if not isinstance(incorrect_pin_play, Unset):
            _body["incorrect_pin_play"] = incorrect_pin_play
        if not isinstance(unknown_caller_play, Unset):
            _body["unknown_caller_play"] = unknown_caller_play
        if not isinstance(force_pin_authentication, Unset):
            _body["force_pin_authentication"] = force_pin_authentication
        if not isinstance(create_session_with_single_party, Unset):
            _body["create_session_with_single_party"] = create_session_with_single_party
        if not isinstance(virtual_number_cooloff_period, Unset):
            _body["virtual_number_cooloff_period"] = virtual_number_cooloff_period

        return cast(
            "CreateSessionResponse | _E",
            self._client._request(
                _CREATE_MASKING_SESSION, f"/v1/Account/{self._auth_id_q}/Masking/Session", _params, _body
            ),
        )

    def list(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: SessionStatusFilter | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time__gt: str | Unset = UNSET,
        created_time__gte: str | Unset = UNSET,
        created_time__lt: str | Unset = UNSET,
        created_time__lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time__gt: str | Unset = UNSET,
        expiry_time__gte: str | Unset = UNSET,
        expiry_time__lt: str | Unset = UNSET,
        expiry_time__lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration__gt: int | Unset = UNSET,
        duration__gte: int | Unset = UNSET,
        duration__lt: int | Unset = UNSET,
        duration__lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
    ) -> ListSessionsResponse | _E:
        """List number masking sessions (`GET`, operation `list_masking_session`).

        Safe to repeat: retried on a 429, a 5xx, a connection error or a timeout, up to
        `max_retries` times.

        Args:
            first_party: Only sessions whose first party is this number (with or without `+`).
            second_party: Only sessions whose second party is this number (with or without `+`).
            virtual_number: Only sessions on this virtual number (with or without `+`).
            status: Only sessions in this state. `all` (the default) lists every state. Sessions that are `in-progress` (a call is up) are `active` for this filter.
            created_time: Only sessions created at exactly this time (UTC).
            created_time__gt: Only sessions created after this time (UTC).
            created_time__gte: Only sessions created at or after this time (UTC).
            created_time__lt: Only sessions created before this time (UTC).
            created_time__lte: Only sessions created at or before this time (UTC).
            expiry_time: Only sessions expiring at exactly this time (UTC).
            expiry_time__gt: Only sessions expiring after this time (UTC).
            expiry_time__gte: Only sessions expiring at or after this time (UTC).
            expiry_time__lt: Only sessions expiring before this time (UTC).
            expiry_time__lte: Only sessions expiring at or before this time (UTC).
            duration: Only sessions whose `duration` is exactly this many seconds. The docs type duration filters as strings; every SDK sends integers, and so does this spec.
            duration__gt: Only sessions whose `duration` is more than this many seconds.
            duration__gte: Only sessions whose `duration` is at least this many seconds.
            duration__lt: Only sessions whose `duration` is less than this many seconds.
            duration__lte: Only sessions whose `duration` is at most this many seconds.
            subaccount: Only sessions of this sub-account. Sent by the official SDKs; not in the current docs.
            limit: Page size, 1 to 20.
            offset: How many sessions to skip, counted from the newest.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params: dict[str, Any] = {}
        if not isinstance(first_party, Unset):
            _params["first_party"] = first_party
        if not isinstance(second_party, Unset):
            _params["second_party"] = second_party
        if not isinstance(virtual_number, Unset):
            _params["virtual_number"] = virtual_number
        if not isinstance(status, Unset):
            _params["status"] = status
        if not isinstance(created_time, Unset):
            _params["created_time"] = created_time
        if not isinstance(created_time__gt, Unset):
            _params["created_time__gt"] = created_time__gt
        if not isinstance(created_time__gte, Unset):
            _params["created_time__gte"] = created_time__gte
        if not isinstance(created_time__lt, Unset):
            _params["created_time__lt"] = created_time__lt
        if not isinstance(created_time__lte, Unset):
            _params["created_time__lte"] = created_time__lte
        if not isinstance(expiry_time, Unset):
            _params["expiry_time"] = expiry_time
        if not isinstance(expiry_time__gt, Unset):
            _params["expiry_time__gt"] = expiry_time__gt
        if not isinstance(expiry_time__gte, Unset):
            _params["expiry_time__gte"] = expiry_time__gte
        if not isinstance(expiry_time__lt, Unset):
            _params["expiry_time__lt"] = expiry_time__lt
        if not isinstance(expiry_time__lte, Unset):
            _params["expiry_time__lte"] = expiry_time__lte
        if not isinstance(duration, Unset):
            _params["duration"] = duration
        if not isinstance(duration__gt, Unset):
            _params["duration__gt"] = duration__gt
        if not isinstance(duration__gte, Unset):
            _params["duration__gte"] = duration__gte
        if not isinstance(duration__lt, Unset):
            _params["duration__lt"] = duration__lt
        if not isinstance(duration__lte, Unset):
            _params["duration__lte"] = duration__lte
        if not isinstance(subaccount, Unset):
            _params["subaccount"] = subaccount
        if not isinstance(limit, Unset):
            _params["limit"] = limit
        if not isinstance(offset, Unset):
            _params["offset"] = offset
        _body = None

        return cast(
            "ListSessionsResponse | _E",
            self._client._request(
                _LIST_MASKING_SESSION, f"/v1/Account/{self._auth_id_q}/Masking/Session", _params, _body
            ),
        )

    def iter(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: SessionStatusFilter | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time__gt: str | Unset = UNSET,
        created_time__gte: str | Unset = UNSET,
        created_time__lt: str | Unset = UNSET,
        created_time__lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time__gt: str | Unset = UNSET,
        expiry_time__gte: str | Unset = UNSET,
        expiry_time__lt: str | Unset = UNSET,
        expiry_time__lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration__gt: int | Unset = UNSET,
        duration__gte: int | Unset = UNSET,
        duration__lt: int | Unset = UNSET,
        duration__lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int = 20,
    ) -> Iterator[SessionListItem]:
        """Every SessionListItem that `list` finds with these filters, newest first.

        Pages of `limit` (at most 20) are fetched lazily, as the iteration reaches them, until
        `meta.total_count` items have come. Errors always raise here, whatever
        `raise_on_error` says. Sessions created while iterating shift the pages (the list is
        newest first), so an item can come twice.
        """
        _params: dict[str, Any] = {}
        if not isinstance(first_party, Unset):
            _params["first_party"] = first_party
        if not isinstance(second_party, Unset):
            _params["second_party"] = second_party
        if not isinstance(virtual_number, Unset):
            _params["virtual_number"] = virtual_number
        if not isinstance(status, Unset):
            _params["status"] = status
        if not isinstance(created_time, Unset):
            _params["created_time"] = created_time
        if not isinstance(created_time__gt, Unset):
            _params["created_time__gt"] = created_time__gt
        if not isinstance(created_time__gte, Unset):
            _params["created_time__gte"] = created_time__gte
        if not isinstance(created_time__lt, Unset):
            _params["created_time__lt"] = created_time__lt
        if not isinstance(created_time__lte, Unset):
            _params["created_time__lte"] = created_time__lte
        if not isinstance(expiry_time, Unset):
            _params["expiry_time"] = expiry_time
        if not isinstance(expiry_time__gt, Unset):
            _params["expiry_time__gt"] = expiry_time__gt
        if not isinstance(expiry_time__gte, Unset):
            _params["expiry_time__gte"] = expiry_time__gte
        if not isinstance(expiry_time__lt, Unset):
            _params["expiry_time__lt"] = expiry_time__lt
        if not isinstance(expiry_time__lte, Unset):
            _params["expiry_time__lte"] = expiry_time__lte
        if not isinstance(duration, Unset):
            _params["duration"] = duration
        if not isinstance(duration__gt, Unset):
            _params["duration__gt"] = duration__gt
        if not isinstance(duration__gte, Unset):
            _params["duration__gte"] = duration__gte
        if not isinstance(duration__lt, Unset):
            _params["duration__lt"] = duration__lt
        if not isinstance(duration__lte, Unset):
            _params["duration__lte"] = duration__lte
        if not isinstance(subaccount, Unset):
            _params["subaccount"] = subaccount
        _body = None

        _params["limit"] = limit
        _offset = 0
        while True:
            _params["offset"] = _offset
            _page = cast(
                ListSessionsResponse,
                self._client._request(
                    _LIST_MASKING_SESSION,
                    f"/v1/Account/{self._auth_id_q}/Masking/Session",
                    dict(_params),
                    _body,
                    raise_on_error=True,
                ),
            )
            _objects = _page.response.objects
            yield from _objects
            _offset += len(_objects)
            if not _objects or _offset >= _page.response.meta.total_count:
                return

    def get(
        self,
        session_uuid: str,
    ) -> GetSessionResponse | _E:
        """Retrieve a number masking session (`GET`, operation `get_masking_session`).

        Safe to repeat: retried on a 429, a 5xx, a connection error or a timeout, up to
        `max_retries` times.

        Args:
            session_uuid: path parameter `session_uuid`.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params = None
        _body = None

        return cast(
            "GetSessionResponse | _E",
            self._client._request(
                _GET_MASKING_SESSION,
                f"/v1/Account/{self._auth_id_q}/Masking/Session/{_q(session_uuid)}",
                _params,
                _body,
            ),
        )

    def update(
        self,
        session_uuid: str,
        *,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        record: bool | Unset = UNSET,
        record_file_format: RecordFileFormat | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        recording_callback_method: HttpCallbackMethod | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpCallbackMethod | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        geomatch: bool | Unset = UNSET,
        create_session_with_single_party: bool | Unset = UNSET,
    ) -> UpdateSessionResponse | _E:
        """Update a number masking session (`POST`, operation `update_masking_session`).

        Safe to repeat: retried on a 429, a 5xx, a connection error or a timeout, up to
        `max_retries` times.

        Args:
            session_uuid: path parameter `session_uuid`.
            session_expiry: New lifetime in seconds, counted from the moment of the update (`expiry_time = now + session_expiry`), 60 to 86400 (`0`: unchanged, inferred). Create's default: 3600 (docs) / 1800 (observed).
            call_time_limit: Maximum duration of each call leg in seconds, 60 to 86400 (`0`: unchanged, inferred; 1 to 59 are raised to 60 and above 86400 is a 400, as on create: a chosen reading of contradicting docs). Create's default: 3600 (docs) / 14400 (observed).
            ring_timeout: Seconds a leg may ring before it is dropped; applies to both legs (`0`: unchanged). Create's default: 120 (docs) / 45 (observed).
            record: Recording of calls. Defaults to false. If true, recording starts only when both parties have answered, and each call of the session makes its own recording file. A JSON boolean. The seed page's own cURL sends the string `"true"`, and the Ruby SDK's type checks accept strings, so the real API may well accept it; no source shows its answer. This spec types it boolean (a string answers 400 `record allowed values are true or false`, the private-beta docs' message); the mock can accept `"true"` and `"false"` instead (`string_booleans`).
            record_file_format: Audio format of recordings. Defaults to mp3.
            recording_callback_url: URL to which the call recording is sent.
            recording_callback_method: HTTP verb to invoke `recording_callback_url`. Defaults to POST.
            callback_url: URL that receives session events and status updates.
            callback_method: HTTP verb to invoke `callback_url`. Defaults to POST.
            first_party_play_url: Audio played to the first party before connecting to the second party.
            second_party_play_url: Audio played to the second party before connecting to the first party.
            first_party: Only for sessions created with `create_session_with_single_party: true`: sets the first party. On other sessions it cannot be updated (400).
            second_party: Only for sessions created with `create_session_with_single_party: true`: sets the second party. On other sessions it cannot be updated (400).
            subaccount: Sent by the Python, Go, Java, Ruby and .NET SDKs; the docs say it cannot be updated. Accepted only with the value the session already has (a chosen rule, see update).
            geomatch: Sent by the Python, Go, Java, Ruby and .NET SDKs; the docs say it cannot be updated. Accepted only with the value the session already has (a chosen rule, see update).
            create_session_with_single_party: Sent by the Python, Go, .NET and Java SDKs (Java always sends `false`); has no effect on an existing session.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params = None
        _body: dict[str, Any] = {}
        if not isinstance(session_expiry, Unset):
            _body["session_expiry"] = session_expiry
        if not isinstance(call_time_limit, Unset):
            _body["call_time_limit"] = call_time_limit
        if not isinstance(ring_timeout, Unset):
            _body["ring_timeout"] = ring_timeout
        if not isinstance(record, Unset):
            _body["record"] = record
        if not isinstance(record_file_format, Unset):
            _body["record_file_format"] = record_file_format
        if not isinstance(recording_callback_url, Unset):
            _body["recording_callback_url"] = recording_callback_url
        if not isinstance(recording_callback_method, Unset):
            _body["recording_callback_method"] = recording_callback_method
        if not isinstance(callback_url, Unset):
            _body["callback_url"] = callback_url
        if not isinstance(callback_method, Unset):
            _body["callback_method"] = callback_method
        if not isinstance(first_party_play_url, Unset):
            _body["first_party_play_url"] = first_party_play_url
        if not isinstance(second_party_play_url, Unset):
            _body["second_party_play_url"] = second_party_play_url
        if not isinstance(first_party, Unset):
            _body["first_party"] = first_party
        if not isinstance(second_party, Unset):
            _body["second_party"] = second_party
        if not isinstance(subaccount, Unset):
            _body["subaccount"] = subaccount
        if not isinstance(geomatch, Unset):
            _body["geomatch"] = geomatch
        if not isinstance(create_session_with_single_party, Unset):
            _body["create_session_with_single_party"] = create_session_with_single_party

        return cast(
            "UpdateSessionResponse | _E",
            self._client._request(
                _UPDATE_MASKING_SESSION,
                f"/v1/Account/{self._auth_id_q}/Masking/Session/{_q(session_uuid)}",
                _params,
                _body,
            ),
        )

    def expire(
        self,
        session_uuid: str,
    ) -> ExpireSessionResponse | _E:
        """Expire a number masking session (`DELETE`, operation `delete_masking_session`).

        Safe to repeat: retried on a 429, a 5xx, a connection error or a timeout, up to
        `max_retries` times.

        Args:
            session_uuid: path parameter `session_uuid`.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params = None
        _body = None

        return cast(
            "ExpireSessionResponse | _E",
            self._client._request(
                _DELETE_MASKING_SESSION,
                f"/v1/Account/{self._auth_id_q}/Masking/Session/{_q(session_uuid)}",
                _params,
                _body,
            ),
        )


class AsyncSessionsResource(Generic[_E]):
    """`client.sessions`: create, list, get, update, expire, iter."""

    def __init__(self, client: AsyncMaskingClient[_E]) -> None:
        self._client = client
        self._auth_id_q = _q(client.auth_id)

    async def create(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        initiate_call_to_first_party: bool | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpCallbackMethod | Unset = UNSET,
        record: bool | Unset = UNSET,
        record_file_format: RecordFileFormat | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        recording_callback_method: HttpCallbackMethod | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        geomatch: bool | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        is_pin_authentication_required: bool | Unset = UNSET,
        generate_pin: bool | Unset = UNSET,
        generate_pin_length: int | Unset = UNSET,
        first_party_pin: str | Unset = UNSET,
        second_party_pin: str | Unset = UNSET,
        pin_prompt_play: str | Unset = UNSET,
        pin_retry: int | Unset = UNSET,
        pin_retry_wait: int | Unset = UNSET,
        incorrect_pin_play: str | Unset = UNSET,
        unknown_caller_play: str | Unset = UNSET,
        force_pin_authentication: bool | Unset = UNSET,
        create_session_with_single_party: bool | Unset = UNSET,
        virtual_number_cooloff_period: int | Unset = UNSET,
    ) -> CreateSessionResponse | _E:
        """Create a number masking session (`POST`, operation `create_masking_session`).

        Not idempotent (Plivo has no idempotency key): a repeated request could make a second
        session. It is therefore retried only when the connection could not be made, so that the
        request provably never reached the server; never after a timeout, a 429 or a 5xx, whose
        request may have been carried out. Such errors are raised for the caller to decide.

        Args:
            first_party: The first party's real number. Required unless single-party (see above).
            second_party: The second party's real number. Required unless single-party (see above).
            session_expiry: Lifetime of the session in seconds, 60 to 86400 (private-beta docs; outside it, 400 `Invalid parameter. session_expiry is outside the allowed range.`). Default: 3600 in the current docs, 1800 in the private-beta docs and in every recorded response. `0` is taken to mean "the default": the Go and Java SDKs send 0 when the caller set nothing (an inference; no source shows the answer).
            call_time_limit: Maximum duration of each call leg in seconds, 60 to 86400; applies to all call legs. Default: 3600 in the current docs, 14400 in the private-beta docs and in recorded responses. The private-beta docs contradict themselves: they say an invalid value defaults to 14400, a value below the minimum is set to the minimum and one above the maximum to the maximum, and they also list 400 `call_time_limit is outside the allowed range`. This spec chooses: 1 to 59 are raised to 60, above 86400 is a 400. `0` is taken to mean "the default" (sent by the Java SDK; an inference).
            ring_timeout: Seconds a leg may ring before it is dropped; applies to both legs. Default: 120 in the docs, 45 in recorded responses of sessions created with only the parties. `0` means "the default" (sent by the Java SDK; an inference). No maximum is documented.
            initiate_call_to_first_party: If true, Plivo calls the first party at once and bridges to the second party.
            callback_url: URL that receives session events (see the callbacks).
            callback_method: The HTTP method Plivo uses to call a callback URL.
            record: If true, a call is recorded once both parties have answered; each call of the session makes its own recording.
            record_file_format: Audio format of call recordings.
            recording_callback_url: URL that receives recording events.
            recording_callback_method: The HTTP method Plivo uses to call a callback URL.
            first_party_play_url: Audio played to the first party before connecting to the second party.
            second_party_play_url: Audio played to the second party before connecting to the first party.
            geomatch: Whether the virtual number's country must match the first party's.
            subaccount: Create the session for this sub-account, with a number from its pool.
            is_pin_authentication_required: Require a PIN from callers who dial from numbers not registered in the session. Then `pin_prompt_play` and either both PINs or `generate_pin` are required.
            generate_pin: Let Plivo generate both PINs (only with PIN authentication).
            generate_pin_length: Length of generated PINs.
            first_party_pin: PIN that connects a caller to the second party. 4 to 15 digits, different from `second_party_pin`.
            second_party_pin: PIN that connects a caller to the first party. 4 to 15 digits.
            pin_prompt_play: Audio asking for the PIN. Required with PIN authentication.
            pin_retry: How many more attempts a caller gets after a wrong PIN.
            pin_retry_wait: Seconds between PIN attempts (the docs' examples print it as a string).
            incorrect_pin_play: Audio played after a wrong PIN.
            unknown_caller_play: Audio played to unregistered callers when PIN authentication is off.
            force_pin_authentication: Require the PIN from the registered numbers too (only with PIN authentication).
            create_session_with_single_party: Create the session with one party only; the other can be set by an update.
            virtual_number_cooloff_period: Seconds the virtual number stays out of the pool after this session ends, 0 to 3600.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params = None
        _body: dict[str, Any] = {}
        if not isinstance(first_party, Unset):
            _body["first_party"] = first_party
        if not isinstance(second_party, Unset):
            _body["second_party"] = second_party
        if not isinstance(session_expiry, Unset):
            _body["session_expiry"] = session_expiry
        if not isinstance(call_time_limit, Unset):
            _body["call_time_limit"] = call_time_limit
        if not isinstance(ring_timeout, Unset):
            _body["ring_timeout"] = ring_timeout
        if not isinstance(initiate_call_to_first_party, Unset):
            _body["initiate_call_to_first_party"] = initiate_call_to_first_party
        if not isinstance(callback_url, Unset):
            _body["callback_url"] = callback_url
        if not isinstance(callback_method, Unset):
            _body["callback_method"] = callback_method
        if not isinstance(record, Unset):
            _body["record"] = record
        if not isinstance(record_file_format, Unset):
            _body["record_file_format"] = record_file_format
        if not isinstance(recording_callback_url, Unset):
            _body["recording_callback_url"] = recording_callback_url
        if not isinstance(recording_callback_method, Unset):
            _body["recording_callback_method"] = recording_callback_method
        if not isinstance(first_party_play_url, Unset):
            _body["first_party_play_url"] = first_party_play_url
        if not isinstance(second_party_play_url, Unset):
            _body["second_party_play_url"] = second_party_play_url
        if not isinstance(geomatch, Unset):
            _body["geomatch"] = geomatch
        if not isinstance(subaccount, Unset):
            _body["subaccount"] = subaccount
        if not isinstance(is_pin_authentication_required, Unset):
            _body["is_pin_authentication_required"] = is_pin_authentication_required
        if not isinstance(generate_pin, Unset):
            _body["generate_pin"] = generate_pin
        if not isinstance(generate_pin_length, Unset):
            _body["generate_pin_length"] = generate_pin_length
        if not isinstance(first_party_pin, Unset):
            _body["first_party_pin"] = first_party_pin
        if not isinstance(second_party_pin, Unset):
            _body["second_party_pin"] = second_party_pin
        if not isinstance(pin_prompt_play, Unset):
            _body["pin_prompt_play"] = pin_prompt_play
        if not isinstance(pin_retry, Unset):
            _body["pin_retry"] = pin_retry
        if not isinstance(pin_retry_wait, Unset):
            _body["pin_retry_wait"] = pin_retry_wait
        if not isinstance(incorrect_pin_play, Unset):
            _body["incorrect_pin_play"] = incorrect_pin_play
        if not isinstance(unknown_caller_play, Unset):
            _body["unknown_caller_play"] = unknown_caller_play
        if not isinstance(force_pin_authentication, Unset):
            _body["force_pin_authentication"] = force_pin_authentication
        if not isinstance(create_session_with_single_party, Unset):
            _body["create_session_with_single_party"] = create_session_with_single_party
        if not isinstance(virtual_number_cooloff_period, Unset):
            _body["virtual_number_cooloff_period"] = virtual_number_cooloff_period

        return cast(
            "CreateSessionResponse | _E",
            await self._client._request(
                _CREATE_MASKING_SESSION, f"/v1/Account/{self._auth_id_q}/Masking/Session", _params, _body
            ),
        )

    async def list(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: SessionStatusFilter | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time__gt: str | Unset = UNSET,
        created_time__gte: str | Unset = UNSET,
        created_time__lt: str | Unset = UNSET,
        created_time__lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time__gt: str | Unset = UNSET,
        expiry_time__gte: str | Unset = UNSET,
        expiry_time__lt: str | Unset = UNSET,
        expiry_time__lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration__gt: int | Unset = UNSET,
        duration__gte: int | Unset = UNSET,
        duration__lt: int | Unset = UNSET,
        duration__lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
    ) -> ListSessionsResponse | _E:
        """List number masking sessions (`GET`, operation `list_masking_session`).

        Safe to repeat: retried on a 429, a 5xx, a connection error or a timeout, up to
        `max_retries` times.

        Args:
            first_party: Only sessions whose first party is this number (with or without `+`).
            second_party: Only sessions whose second party is this number (with or without `+`).
            virtual_number: Only sessions on this virtual number (with or without `+`).
            status: Only sessions in this state. `all` (the default) lists every state. Sessions that are `in-progress` (a call is up) are `active` for this filter.
            created_time: Only sessions created at exactly this time (UTC).
            created_time__gt: Only sessions created after this time (UTC).
            created_time__gte: Only sessions created at or after this time (UTC).
            created_time__lt: Only sessions created before this time (UTC).
            created_time__lte: Only sessions created at or before this time (UTC).
            expiry_time: Only sessions expiring at exactly this time (UTC).
            expiry_time__gt: Only sessions expiring after this time (UTC).
            expiry_time__gte: Only sessions expiring at or after this time (UTC).
            expiry_time__lt: Only sessions expiring before this time (UTC).
            expiry_time__lte: Only sessions expiring at or before this time (UTC).
            duration: Only sessions whose `duration` is exactly this many seconds. The docs type duration filters as strings; every SDK sends integers, and so does this spec.
            duration__gt: Only sessions whose `duration` is more than this many seconds.
            duration__gte: Only sessions whose `duration` is at least this many seconds.
            duration__lt: Only sessions whose `duration` is less than this many seconds.
            duration__lte: Only sessions whose `duration` is at most this many seconds.
            subaccount: Only sessions of this sub-account. Sent by the official SDKs; not in the current docs.
            limit: Page size, 1 to 20.
            offset: How many sessions to skip, counted from the newest.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params: dict[str, Any] = {}
        if not isinstance(first_party, Unset):
            _params["first_party"] = first_party
        if not isinstance(second_party, Unset):
            _params["second_party"] = second_party
        if not isinstance(virtual_number, Unset):
            _params["virtual_number"] = virtual_number
        if not isinstance(status, Unset):
            _params["status"] = status
        if not isinstance(created_time, Unset):
            _params["created_time"] = created_time
        if not isinstance(created_time__gt, Unset):
            _params["created_time__gt"] = created_time__gt
        if not isinstance(created_time__gte, Unset):
            _params["created_time__gte"] = created_time__gte
        if not isinstance(created_time__lt, Unset):
            _params["created_time__lt"] = created_time__lt
        if not isinstance(created_time__lte, Unset):
            _params["created_time__lte"] = created_time__lte
        if not isinstance(expiry_time, Unset):
            _params["expiry_time"] = expiry_time
        if not isinstance(expiry_time__gt, Unset):
            _params["expiry_time__gt"] = expiry_time__gt
        if not isinstance(expiry_time__gte, Unset):
            _params["expiry_time__gte"] = expiry_time__gte
        if not isinstance(expiry_time__lt, Unset):
            _params["expiry_time__lt"] = expiry_time__lt
        if not isinstance(expiry_time__lte, Unset):
            _params["expiry_time__lte"] = expiry_time__lte
        if not isinstance(duration, Unset):
            _params["duration"] = duration
        if not isinstance(duration__gt, Unset):
            _params["duration__gt"] = duration__gt
        if not isinstance(duration__gte, Unset):
            _params["duration__gte"] = duration__gte
        if not isinstance(duration__lt, Unset):
            _params["duration__lt"] = duration__lt
        if not isinstance(duration__lte, Unset):
            _params["duration__lte"] = duration__lte
        if not isinstance(subaccount, Unset):
            _params["subaccount"] = subaccount
        if not isinstance(limit, Unset):
            _params["limit"] = limit
        if not isinstance(offset, Unset):
            _params["offset"] = offset
        _body = None

        return cast(
            "ListSessionsResponse | _E",
            await self._client._request(
                _LIST_MASKING_SESSION, f"/v1/Account/{self._auth_id_q}/Masking/Session", _params, _body
            ),
        )

    async def iter(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: SessionStatusFilter | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time__gt: str | Unset = UNSET,
        created_time__gte: str | Unset = UNSET,
        created_time__lt: str | Unset = UNSET,
        created_time__lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time__gt: str | Unset = UNSET,
        expiry_time__gte: str | Unset = UNSET,
        expiry_time__lt: str | Unset = UNSET,
        expiry_time__lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration__gt: int | Unset = UNSET,
        duration__gte: int | Unset = UNSET,
        duration__lt: int | Unset = UNSET,
        duration__lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int = 20,
    ) -> AsyncIterator[SessionListItem]:
        """Every SessionListItem that `list` finds with these filters, newest first.

        Pages of `limit` (at most 20) are fetched lazily, as the iteration reaches them, until
        `meta.total_count` items have come. Errors always raise here, whatever
        `raise_on_error` says. Sessions created while iterating shift the pages (the list is
        newest first), so an item can come twice.
        """
        _params: dict[str, Any] = {}
        if not isinstance(first_party, Unset):
            _params["first_party"] = first_party
        if not isinstance(second_party, Unset):
            _params["second_party"] = second_party
        if not isinstance(virtual_number, Unset):
            _params["virtual_number"] = virtual_number
        if not isinstance(status, Unset):
            _params["status"] = status
        if not isinstance(created_time, Unset):
            _params["created_time"] = created_time
        if not isinstance(created_time__gt, Unset):
            _params["created_time__gt"] = created_time__gt
        if not isinstance(created_time__gte, Unset):
            _params["created_time__gte"] = created_time__gte
        if not isinstance(created_time__lt, Unset):
            _params["created_time__lt"] = created_time__lt
        if not isinstance(created_time__lte, Unset):
            _params["created_time__lte"] = created_time__lte
        if not isinstance(expiry_time, Unset):
            _params["expiry_time"] = expiry_time
        if not isinstance(expiry_time__gt, Unset):
            _params["expiry_time__gt"] = expiry_time__gt
        if not isinstance(expiry_time__gte, Unset):
            _params["expiry_time__gte"] = expiry_time__gte
        if not isinstance(expiry_time__lt, Unset):
            _params["expiry_time__lt"] = expiry_time__lt
        if not isinstance(expiry_time__lte, Unset):
            _params["expiry_time__lte"] = expiry_time__lte
        if not isinstance(duration, Unset):
            _params["duration"] = duration
        if not isinstance(duration__gt, Unset):
            _params["duration__gt"] = duration__gt
        if not isinstance(duration__gte, Unset):
            _params["duration__gte"] = duration__gte
        if not isinstance(duration__lt, Unset):
            _params["duration__lt"] = duration__lt
        if not isinstance(duration__lte, Unset):
            _params["duration__lte"] = duration__lte
        if not isinstance(subaccount, Unset):
            _params["subaccount"] = subaccount
        _body = None

        _params["limit"] = limit
        _offset = 0
        while True:
            _params["offset"] = _offset
            _page = cast(
                ListSessionsResponse,
                await self._client._request(
                    _LIST_MASKING_SESSION,
                    f"/v1/Account/{self._auth_id_q}/Masking/Session",
                    dict(_params),
                    _body,
                    raise_on_error=True,
                ),
            )
            _objects = _page.response.objects
            for _item in _objects:
                yield _item
            _offset += len(_objects)
            if not _objects or _offset >= _page.response.meta.total_count:
                return

    async def get(
        self,
        session_uuid: str,
    ) -> GetSessionResponse | _E:
        """Retrieve a number masking session (`GET`, operation `get_masking_session`).

        Safe to repeat: retried on a 429, a 5xx, a connection error or a timeout, up to
        `max_retries` times.

        Args:
            session_uuid: path parameter `session_uuid`.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params = None
        _body = None

        return cast(
            "GetSessionResponse | _E",
            await self._client._request(
                _GET_MASKING_SESSION,
                f"/v1/Account/{self._auth_id_q}/Masking/Session/{_q(session_uuid)}",
                _params,
                _body,
            ),
        )

    async def update(
        self,
        session_uuid: str,
        *,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        record: bool | Unset = UNSET,
        record_file_format: RecordFileFormat | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        recording_callback_method: HttpCallbackMethod | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpCallbackMethod | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        geomatch: bool | Unset = UNSET,
        create_session_with_single_party: bool | Unset = UNSET,
    ) -> UpdateSessionResponse | _E:
        """Update a number masking session (`POST`, operation `update_masking_session`).

        Safe to repeat: retried on a 429, a 5xx, a connection error or a timeout, up to
        `max_retries` times.

        Args:
            session_uuid: path parameter `session_uuid`.
            session_expiry: New lifetime in seconds, counted from the moment of the update (`expiry_time = now + session_expiry`), 60 to 86400 (`0`: unchanged, inferred). Create's default: 3600 (docs) / 1800 (observed).
            call_time_limit: Maximum duration of each call leg in seconds, 60 to 86400 (`0`: unchanged, inferred; 1 to 59 are raised to 60 and above 86400 is a 400, as on create: a chosen reading of contradicting docs). Create's default: 3600 (docs) / 14400 (observed).
            ring_timeout: Seconds a leg may ring before it is dropped; applies to both legs (`0`: unchanged). Create's default: 120 (docs) / 45 (observed).
            record: Recording of calls. Defaults to false. If true, recording starts only when both parties have answered, and each call of the session makes its own recording file. A JSON boolean. The seed page's own cURL sends the string `"true"`, and the Ruby SDK's type checks accept strings, so the real API may well accept it; no source shows its answer. This spec types it boolean (a string answers 400 `record allowed values are true or false`, the private-beta docs' message); the mock can accept `"true"` and `"false"` instead (`string_booleans`).
            record_file_format: Audio format of recordings. Defaults to mp3.
            recording_callback_url: URL to which the call recording is sent.
            recording_callback_method: HTTP verb to invoke `recording_callback_url`. Defaults to POST.
            callback_url: URL that receives session events and status updates.
            callback_method: HTTP verb to invoke `callback_url`. Defaults to POST.
            first_party_play_url: Audio played to the first party before connecting to the second party.
            second_party_play_url: Audio played to the second party before connecting to the first party.
            first_party: Only for sessions created with `create_session_with_single_party: true`: sets the first party. On other sessions it cannot be updated (400).
            second_party: Only for sessions created with `create_session_with_single_party: true`: sets the second party. On other sessions it cannot be updated (400).
            subaccount: Sent by the Python, Go, Java, Ruby and .NET SDKs; the docs say it cannot be updated. Accepted only with the value the session already has (a chosen rule, see update).
            geomatch: Sent by the Python, Go, Java, Ruby and .NET SDKs; the docs say it cannot be updated. Accepted only with the value the session already has (a chosen rule, see update).
            create_session_with_single_party: Sent by the Python, Go, .NET and Java SDKs (Java always sends `false`); has no effect on an existing session.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params = None
        _body: dict[str, Any] = {}
        if not isinstance(session_expiry, Unset):
            _body["session_expiry"] = session_expiry
        if not isinstance(call_time_limit, Unset):
            _body["call_time_limit"] = call_time_limit
        if not isinstance(ring_timeout, Unset):
            _body["ring_timeout"] = ring_timeout
        if not isinstance(record, Unset):
            _body["record"] = record
        if not isinstance(record_file_format, Unset):
            _body["record_file_format"] = record_file_format
        if not isinstance(recording_callback_url, Unset):
            _body["recording_callback_url"] = recording_callback_url
        if not isinstance(recording_callback_method, Unset):
            _body["recording_callback_method"] = recording_callback_method
        if not isinstance(callback_url, Unset):
            _body["callback_url"] = callback_url
        if not isinstance(callback_method, Unset):
            _body["callback_method"] = callback_method
        if not isinstance(first_party_play_url, Unset):
            _body["first_party_play_url"] = first_party_play_url
        if not isinstance(second_party_play_url, Unset):
            _body["second_party_play_url"] = second_party_play_url
        if not isinstance(first_party, Unset):
            _body["first_party"] = first_party
        if not isinstance(second_party, Unset):
            _body["second_party"] = second_party
        if not isinstance(subaccount, Unset):
            _body["subaccount"] = subaccount
        if not isinstance(geomatch, Unset):
            _body["geomatch"] = geomatch
        if not isinstance(create_session_with_single_party, Unset):
            _body["create_session_with_single_party"] = create_session_with_single_party

        return cast(
            "UpdateSessionResponse | _E",
            await self._client._request(
                _UPDATE_MASKING_SESSION,
                f"/v1/Account/{self._auth_id_q}/Masking/Session/{_q(session_uuid)}",
                _params,
                _body,
            ),
        )

    async def expire(
        self,
        session_uuid: str,
    ) -> ExpireSessionResponse | _E:
        """Expire a number masking session (`DELETE`, operation `delete_masking_session`).

        Safe to repeat: retried on a 429, a 5xx, a connection error or a timeout, up to
        `max_retries` times.

        Args:
            session_uuid: path parameter `session_uuid`.

        Only the keyword arguments passed are sent; the others keep their server-side value.
        Raises `errors.APIStatusError` (a subclass per status) on an error answer unless the client
        was made with `raise_on_error=False`, and `errors.APIConnectionError` /
        `errors.APITimeoutError` when no answer came.
        """

        _params = None
        _body = None

        return cast(
            "ExpireSessionResponse | _E",
            await self._client._request(
                _DELETE_MASKING_SESSION,
                f"/v1/Account/{self._auth_id_q}/Masking/Session/{_q(session_uuid)}",
                _params,
                _body,
            ),
        )


class MaskingClient(SyncAPIClient, Generic[_E]):
    """A client of Plivo's Number Masking session API.

    `auth_id` and `auth_token` default to the environment variables PLIVO_AUTH_ID and
    PLIVO_AUTH_TOKEN; a missing one is a `ValueError` here. Requests use HTTP Basic auth and the
    Auth ID of the client in every path. One `httpx.Client` is reused for every request: pass
    your own as `http_client` (it is then yours to close), or use the client as a
    context manager, or call `close()`.

    Errors raise `errors.APIStatusError` and its subclasses; `raise_on_error=False` returns the
    `ErrorResponse` model instead, as the functions of `api/` do. 429s, 5xx, connection errors
    and timeouts are retried up to `max_retries` times, with exponential backoff and full jitter
    or the wait that Retry-After asks (up to 60 s), within 120 s in all; creating a session is
    retried only when the request provably never left the client. Each retry is logged on the
    `plivo_masking_client` logger (INFO) and passed to `on_retry`, if given.
    """

    sessions: SessionsResource[_E]

    @overload
    def __init__(
        self: MaskingClient[Never],
        auth_id: str | None = None,
        auth_token: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        raise_on_error: Literal[True] = True,
        on_retry: RetryHook | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self: MaskingClient[ErrorResponse],
        auth_id: str | None = None,
        auth_token: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        raise_on_error: Literal[False],
        on_retry: RetryHook | None = None,
    ) -> None: ...

    def __init__(
        self,
        auth_id: str | None = None,
        auth_token: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        raise_on_error: bool = True,
        on_retry: RetryHook | None = None,
    ) -> None:
        self._setup(auth_id, auth_token, base_url, timeout, max_retries, raise_on_error, on_retry)
        self._use_http(http_client)
        self.sessions = SessionsResource(self)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncMaskingClient(AsyncAPIClient, Generic[_E]):
    """An async client of Plivo's Number Masking session API.

    `auth_id` and `auth_token` default to the environment variables PLIVO_AUTH_ID and
    PLIVO_AUTH_TOKEN; a missing one is a `ValueError` here. Requests use HTTP Basic auth and the
    Auth ID of the client in every path. One `httpx.AsyncClient` is reused for every request: pass
    your own as `http_client` (it is then yours to close), or use the client as an async
    context manager, or call `close()`.

    Errors raise `errors.APIStatusError` and its subclasses; `raise_on_error=False` returns the
    `ErrorResponse` model instead, as the functions of `api/` do. 429s, 5xx, connection errors
    and timeouts are retried up to `max_retries` times, with exponential backoff and full jitter
    or the wait that Retry-After asks (up to 60 s), within 120 s in all; creating a session is
    retried only when the request provably never left the client. Each retry is logged on the
    `plivo_masking_client` logger (INFO) and passed to `on_retry`, if given.
    """

    sessions: AsyncSessionsResource[_E]

    @overload
    def __init__(
        self: AsyncMaskingClient[Never],
        auth_id: str | None = None,
        auth_token: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        raise_on_error: Literal[True] = True,
        on_retry: RetryHook | None = None,
    ) -> None: ...

    @overload
    def __init__(
        self: AsyncMaskingClient[ErrorResponse],
        auth_id: str | None = None,
        auth_token: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        raise_on_error: Literal[False],
        on_retry: RetryHook | None = None,
    ) -> None: ...

    def __init__(
        self,
        auth_id: str | None = None,
        auth_token: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        raise_on_error: bool = True,
        on_retry: RetryHook | None = None,
    ) -> None:
        self._setup(auth_id, auth_token, base_url, timeout, max_retries, raise_on_error, on_retry)
        self._use_http(http_client)
        self.sessions = AsyncSessionsResource(self)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
