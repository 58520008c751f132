from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.http_callback_method import HttpCallbackMethod, check_http_callback_method
from ..models.record_file_format import RecordFileFormat, check_record_file_format
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSessionRequest")


# The keys of the properties of CreateSessionRequest: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "first_party",
        "second_party",
        "session_expiry",
        "call_time_limit",
        "ring_timeout",
        "initiate_call_to_first_party",
        "callback_url",
        "callback_method",
        "record",
        "record_file_format",
        "recording_callback_url",
        "recording_callback_method",
        "first_party_play_url",
        "second_party_play_url",
        "geomatch",
        "subaccount",
        "is_pin_authentication_required",
        "generate_pin",
        "generate_pin_length",
        "first_party_pin",
        "second_party_pin",
        "pin_prompt_play",
        "pin_retry",
        "pin_retry_wait",
        "incorrect_pin_play",
        "unknown_caller_play",
        "force_pin_authentication",
        "create_session_with_single_party",
        "virtual_number_cooloff_period",
    }
)


@_attrs_define
class CreateSessionRequest:
    """Parameters of a new session. `first_party` and `second_party` are required unless
    `create_session_with_single_party` is true (then exactly one of them), and PIN
    authentication needs `pin_prompt_play` and either `generate_pin: true` or both PINs: the
    two `anyOf` below state it. Where the docs and the recorded responses disagree on a default
    (`session_expiry`, `call_time_limit`, `ring_timeout`), no `default` is declared; the
    description gives both values.

    """

    first_party: str | Unset = UNSET
    """ A phone number in E.164 format, with or without the leading `+`. """
    second_party: str | Unset = UNSET
    """ A phone number in E.164 format, with or without the leading `+`. """
    session_expiry: int | Unset = UNSET
    """ Lifetime of the session in seconds, 60 to 86400 (private-beta docs; outside it, 400
    `Invalid parameter. session_expiry is outside the allowed range.`). Default: 3600 in
    the current docs, 1800 in the private-beta docs and in every recorded response. `0`
    is taken to mean "the default": the Go and Java SDKs send 0 when the caller set
    nothing (an inference; no source shows the answer).
     """
    call_time_limit: int | Unset = UNSET
    """ Maximum duration of each call leg in seconds, 60 to 86400; applies to all call legs.
    Default: 3600 in the current docs, 14400 in the private-beta docs and in recorded
    responses. The private-beta docs contradict themselves: they say an invalid value
    defaults to 14400, a value below the minimum is set to the minimum and one above the
    maximum to the maximum, and they also list 400 `call_time_limit is outside the allowed
    range`. This spec chooses: 1 to 59 are raised to 60, above 86400 is a 400. `0` is taken
    to mean "the default" (sent by the Java SDK; an inference).
     """
    ring_timeout: int | Unset = UNSET
    """ Seconds a leg may ring before it is dropped; applies to both legs. Default: 120 in the
    docs, 45 in recorded responses of sessions created with only the parties. `0` means
    "the default" (sent by the Java SDK; an inference). No maximum is documented.
     """
    initiate_call_to_first_party: bool | Unset = False
    """ If true, Plivo calls the first party at once and bridges to the second party. """
    callback_url: str | Unset = UNSET
    """ An absolute http(s) URL, under 1000 characters, or `""`: responses carry `""` for a URL
    that is not set, and an update with `""` clears it.
     """
    callback_method: HttpCallbackMethod | Unset = "POST"
    """ The HTTP method Plivo uses to call a callback URL. """
    record: bool | Unset = False
    """ If true, a call is recorded once both parties have answered; each call of the session
    makes its own recording.
     """
    record_file_format: RecordFileFormat | Unset = "mp3"
    """ Audio format of call recordings. """
    recording_callback_url: str | Unset = UNSET
    """ An absolute http(s) URL, under 1000 characters, or `""`: responses carry `""` for a URL
    that is not set, and an update with `""` clears it.
     """
    recording_callback_method: HttpCallbackMethod | Unset = "POST"
    """ The HTTP method Plivo uses to call a callback URL. """
    first_party_play_url: str | Unset = UNSET
    """ An `AudioUrl`, or `""`: responses carry `""` for a play URL that is not set, and an update
    with `""` clears it.
     """
    second_party_play_url: str | Unset = UNSET
    """ An `AudioUrl`, or `""`: responses carry `""` for a play URL that is not set, and an update
    with `""` clears it.
     """
    geomatch: bool | Unset = True
    """ Whether the virtual number's country must match the first party's. """
    subaccount: str | Unset = UNSET
    """ A sub-account's Auth ID (`SA` followed by 18 upper-case letters or digits). """
    is_pin_authentication_required: bool | Unset = False
    """ Require a PIN from callers who dial from numbers not registered in the session. Then
    `pin_prompt_play` and either both PINs or `generate_pin` are required.
     """
    generate_pin: bool | Unset = False
    """ Let Plivo generate both PINs (only with PIN authentication). """
    generate_pin_length: int | Unset = 4
    """ Length of generated PINs. """
    first_party_pin: str | Unset = UNSET
    """ A PIN of 4 to 15 digits. Sent as a string: the support FAQ's cURL sends a JSON number,
    which loses leading zeros; the docs and every SDK type it as a string.
     """
    second_party_pin: str | Unset = UNSET
    """ A PIN of 4 to 15 digits. Sent as a string: the support FAQ's cURL sends a JSON number,
    which loses leading zeros; the docs and every SDK type it as a string.
     """
    pin_prompt_play: str | Unset = UNSET
    """ An absolute http(s) URL that returns an .mp3 or .wav file (or XML that plays one). """
    pin_retry: int | Unset = 1
    """ How many more attempts a caller gets after a wrong PIN. """
    pin_retry_wait: int | Unset = 5
    """ Seconds between PIN attempts (the docs' examples print it as a string). """
    incorrect_pin_play: str | Unset = UNSET
    """ An absolute http(s) URL that returns an .mp3 or .wav file (or XML that plays one). """
    unknown_caller_play: str | Unset = UNSET
    """ An `AudioUrl`, or `""`: responses carry `""` for a play URL that is not set, and an update
    with `""` clears it.
     """
    force_pin_authentication: bool | Unset = False
    """ Require the PIN from the registered numbers too (only with PIN authentication). """
    create_session_with_single_party: bool | Unset = False
    """ Create the session with one party only; the other can be set by an update. """
    virtual_number_cooloff_period: int | Unset = 0
    """ Seconds the virtual number stays out of the pool after this session ends, 0 to 3600.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_party = self.first_party

        second_party = self.second_party

        session_expiry = self.session_expiry

        call_time_limit = self.call_time_limit

        ring_timeout = self.ring_timeout

        initiate_call_to_first_party = self.initiate_call_to_first_party

        callback_url = self.callback_url

        callback_method: str | Unset = UNSET
        if not isinstance(self.callback_method, Unset):
            callback_method = self.callback_method

        record = self.record

        record_file_format: str | Unset = UNSET
        if not isinstance(self.record_file_format, Unset):
            record_file_format = self.record_file_format

        recording_callback_url = self.recording_callback_url

        recording_callback_method: str | Unset = UNSET
        if not isinstance(self.recording_callback_method, Unset):
            recording_callback_method = self.recording_callback_method

        first_party_play_url = self.first_party_play_url

        second_party_play_url = self.second_party_play_url

        geomatch = self.geomatch

        subaccount = self.subaccount

        is_pin_authentication_required = self.is_pin_authentication_required

        generate_pin = self.generate_pin

        generate_pin_length = self.generate_pin_length

        first_party_pin = self.first_party_pin

        second_party_pin = self.second_party_pin

        pin_prompt_play = self.pin_prompt_play

        pin_retry = self.pin_retry

        pin_retry_wait = self.pin_retry_wait

        incorrect_pin_play = self.incorrect_pin_play

        unknown_caller_play = self.unknown_caller_play

        force_pin_authentication = self.force_pin_authentication

        create_session_with_single_party = self.create_session_with_single_party

        virtual_number_cooloff_period = self.virtual_number_cooloff_period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_party is not UNSET:
            field_dict["first_party"] = first_party
        if second_party is not UNSET:
            field_dict["second_party"] = second_party
        if session_expiry is not UNSET:
            field_dict["session_expiry"] = session_expiry
        if call_time_limit is not UNSET:
            field_dict["call_time_limit"] = call_time_limit
        if ring_timeout is not UNSET:
            field_dict["ring_timeout"] = ring_timeout
        if initiate_call_to_first_party is not UNSET:
            field_dict["initiate_call_to_first_party"] = initiate_call_to_first_party
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if callback_method is not UNSET:
            field_dict["callback_method"] = callback_method
        if record is not UNSET:
            field_dict["record"] = record
        if record_file_format is not UNSET:
            field_dict["record_file_format"] = record_file_format
        if recording_callback_url is not UNSET:
            field_dict["recording_callback_url"] = recording_callback_url
        if recording_callback_method is not UNSET:
            field_dict["recording_callback_method"] = recording_callback_method
        if first_party_play_url is not UNSET:
            field_dict["first_party_play_url"] = first_party_play_url
        if second_party_play_url is not UNSET:
            field_dict["second_party_play_url"] = second_party_play_url
        if geomatch is not UNSET:
            field_dict["geomatch"] = geomatch
        if subaccount is not UNSET:
            field_dict["subaccount"] = subaccount
        if is_pin_authentication_required is not UNSET:
            field_dict["is_pin_authentication_required"] = is_pin_authentication_required
        if generate_pin is not UNSET:
            field_dict["generate_pin"] = generate_pin
        if generate_pin_length is not UNSET:
            field_dict["generate_pin_length"] = generate_pin_length
        if first_party_pin is not UNSET:
            field_dict["first_party_pin"] = first_party_pin
        if second_party_pin is not UNSET:
            field_dict["second_party_pin"] = second_party_pin
        if pin_prompt_play is not UNSET:
            field_dict["pin_prompt_play"] = pin_prompt_play
        if pin_retry is not UNSET:
            field_dict["pin_retry"] = pin_retry
        if pin_retry_wait is not UNSET:
            field_dict["pin_retry_wait"] = pin_retry_wait
        if incorrect_pin_play is not UNSET:
            field_dict["incorrect_pin_play"] = incorrect_pin_play
        if unknown_caller_play is not UNSET:
            field_dict["unknown_caller_play"] = unknown_caller_play
        if force_pin_authentication is not UNSET:
            field_dict["force_pin_authentication"] = force_pin_authentication
        if create_session_with_single_party is not UNSET:
            field_dict["create_session_with_single_party"] = create_session_with_single_party
        if virtual_number_cooloff_period is not UNSET:
            field_dict["virtual_number_cooloff_period"] = virtual_number_cooloff_period

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        first_party = src_dict.get("first_party", UNSET)

        second_party = src_dict.get("second_party", UNSET)

        session_expiry = src_dict.get("session_expiry", UNSET)

        call_time_limit = src_dict.get("call_time_limit", UNSET)

        ring_timeout = src_dict.get("ring_timeout", UNSET)

        initiate_call_to_first_party = src_dict.get("initiate_call_to_first_party", UNSET)

        callback_url = src_dict.get("callback_url", UNSET)

        _callback_method = src_dict.get("callback_method", UNSET)
        callback_method: HttpCallbackMethod | Unset
        if isinstance(_callback_method, Unset):
            callback_method = UNSET
        else:
            callback_method = check_http_callback_method(_callback_method)

        record = src_dict.get("record", UNSET)

        _record_file_format = src_dict.get("record_file_format", UNSET)
        record_file_format: RecordFileFormat | Unset
        if isinstance(_record_file_format, Unset):
            record_file_format = UNSET
        else:
            record_file_format = check_record_file_format(_record_file_format)

        recording_callback_url = src_dict.get("recording_callback_url", UNSET)

        _recording_callback_method = src_dict.get("recording_callback_method", UNSET)
        recording_callback_method: HttpCallbackMethod | Unset
        if isinstance(_recording_callback_method, Unset):
            recording_callback_method = UNSET
        else:
            recording_callback_method = check_http_callback_method(_recording_callback_method)

        first_party_play_url = src_dict.get("first_party_play_url", UNSET)

        second_party_play_url = src_dict.get("second_party_play_url", UNSET)

        geomatch = src_dict.get("geomatch", UNSET)

        subaccount = src_dict.get("subaccount", UNSET)

        is_pin_authentication_required = src_dict.get("is_pin_authentication_required", UNSET)

        generate_pin = src_dict.get("generate_pin", UNSET)

        generate_pin_length = src_dict.get("generate_pin_length", UNSET)

        first_party_pin = src_dict.get("first_party_pin", UNSET)

        second_party_pin = src_dict.get("second_party_pin", UNSET)

        pin_prompt_play = src_dict.get("pin_prompt_play", UNSET)

        pin_retry = src_dict.get("pin_retry", UNSET)

        pin_retry_wait = src_dict.get("pin_retry_wait", UNSET)

        incorrect_pin_play = src_dict.get("incorrect_pin_play", UNSET)

        unknown_caller_play = src_dict.get("unknown_caller_play", UNSET)

        force_pin_authentication = src_dict.get("force_pin_authentication", UNSET)

        create_session_with_single_party = src_dict.get("create_session_with_single_party", UNSET)

        virtual_number_cooloff_period = src_dict.get("virtual_number_cooloff_period", UNSET)

        create_session_request = cls(
            first_party,
            second_party,
            session_expiry,
            call_time_limit,
            ring_timeout,
            initiate_call_to_first_party,
            callback_url,
            callback_method,
            record,
            record_file_format,
            recording_callback_url,
            recording_callback_method,
            first_party_play_url,
            second_party_play_url,
            geomatch,
            subaccount,
            is_pin_authentication_required,
            generate_pin,
            generate_pin_length,
            first_party_pin,
            second_party_pin,
            pin_prompt_play,
            pin_retry,
            pin_retry_wait,
            incorrect_pin_play,
            unknown_caller_play,
            force_pin_authentication,
            create_session_with_single_party,
            virtual_number_cooloff_period,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 29 - (
            first_party,
            second_party,
            session_expiry,
            call_time_limit,
            ring_timeout,
            initiate_call_to_first_party,
            callback_url,
            callback_method,
            record,
            record_file_format,
            recording_callback_url,
            recording_callback_method,
            first_party_play_url,
            second_party_play_url,
            geomatch,
            subaccount,
            is_pin_authentication_required,
            generate_pin,
            generate_pin_length,
            first_party_pin,
            second_party_pin,
            pin_prompt_play,
            pin_retry,
            pin_retry_wait,
            incorrect_pin_play,
            unknown_caller_play,
            force_pin_authentication,
            create_session_with_single_party,
            virtual_number_cooloff_period,
        ).count(UNSET):
            create_session_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return create_session_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
