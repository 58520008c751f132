from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.http_callback_method import HttpCallbackMethod, check_http_callback_method
from ..models.record_file_format import RecordFileFormat, check_record_file_format
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateSessionRequest")


# The keys of the properties of UpdateSessionRequest: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "session_expiry",
        "call_time_limit",
        "ring_timeout",
        "record",
        "record_file_format",
        "recording_callback_url",
        "recording_callback_method",
        "callback_url",
        "callback_method",
        "first_party_play_url",
        "second_party_play_url",
        "first_party",
        "second_party",
        "subaccount",
        "geomatch",
        "create_session_with_single_party",
    }
)


@_attrs_define
class UpdateSessionRequest:
    """The attributes to change; all optional, and an omitted attribute keeps its value. No
    property declares a `default`, because generated clients would then send it and overwrite
    the session's value. The defaults quoted are those of create. For the three integers, `0`
    is taken to mean "leave unchanged" (an inference): the Java SDK sends `0` for every
    integer its caller did not set. (The Go SDK's update params have `omitempty`, so Go sends
    no 0.) The create-only fields of the operation's `x-immutable-fields`
    (`initiate_call_to_first_party`, the PIN settings, `unknown_caller_play`) are deliberately
    not properties here: sent anyway as extra keys, they are checked like the declared ones
    (by default: 400 unless they equal the session's current value; a chosen rule).

    """

    session_expiry: int | Unset = UNSET
    """ New lifetime in seconds, counted from the moment of the update (`expiry_time = now +
    session_expiry`), 60 to 86400 (`0`: unchanged, inferred). Create's default: 3600
    (docs) / 1800 (observed).
     """
    call_time_limit: int | Unset = UNSET
    """ Maximum duration of each call leg in seconds, 60 to 86400 (`0`: unchanged, inferred; 1
    to 59 are raised to 60 and above 86400 is a 400, as on create: a chosen reading of
    contradicting docs). Create's default: 3600 (docs) / 14400 (observed).
     """
    ring_timeout: int | Unset = UNSET
    """ Seconds a leg may ring before it is dropped; applies to both legs (`0`: unchanged).
    Create's default: 120 (docs) / 45 (observed).
     """
    record: bool | Unset = UNSET
    """ Recording of calls. Defaults to false. If true, recording starts only when both
    parties have answered, and each call of the session makes its own recording file. A
    JSON boolean. The seed page's own cURL sends the string `"true"`, and the Ruby SDK's
    type checks accept strings, so the real API may well accept it; no source shows its
    answer. This spec types it boolean (a string answers 400 `record allowed values are
    true or false`, the private-beta docs' message); the mock can accept `"true"` and
    `"false"` instead (`string_booleans`).
     """
    record_file_format: RecordFileFormat | Unset = UNSET
    """ Audio format of call recordings. """
    recording_callback_url: str | Unset = UNSET
    """ An absolute http(s) URL, under 1000 characters, or `""`: responses carry `""` for a URL
    that is not set, and an update with `""` clears it.
     """
    recording_callback_method: HttpCallbackMethod | Unset = UNSET
    """ The HTTP method Plivo uses to call a callback URL. """
    callback_url: str | Unset = UNSET
    """ An absolute http(s) URL, under 1000 characters, or `""`: responses carry `""` for a URL
    that is not set, and an update with `""` clears it.
     """
    callback_method: HttpCallbackMethod | Unset = UNSET
    """ The HTTP method Plivo uses to call a callback URL. """
    first_party_play_url: str | Unset = UNSET
    """ An `AudioUrl`, or `""`: responses carry `""` for a play URL that is not set, and an update
    with `""` clears it.
     """
    second_party_play_url: str | Unset = UNSET
    """ An `AudioUrl`, or `""`: responses carry `""` for a play URL that is not set, and an update
    with `""` clears it.
     """
    first_party: str | Unset = UNSET
    """ A phone number in E.164 format, with or without the leading `+`. """
    second_party: str | Unset = UNSET
    """ A phone number in E.164 format, with or without the leading `+`. """
    subaccount: str | Unset = UNSET
    """ A sub-account's Auth ID (`SA` followed by 18 upper-case letters or digits). """
    geomatch: bool | Unset = UNSET
    """ Sent by the Python, Go, Java, Ruby and .NET SDKs; the docs say it cannot be updated.
    Accepted only with the value the session already has (a chosen rule, see update).
     """
    create_session_with_single_party: bool | Unset = UNSET
    """ Sent by the Python, Go, .NET and Java SDKs (Java always sends `false`); has no effect
    on an existing session.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_expiry = self.session_expiry

        call_time_limit = self.call_time_limit

        ring_timeout = self.ring_timeout

        record = self.record

        record_file_format: str | Unset = UNSET
        if not isinstance(self.record_file_format, Unset):
            record_file_format = self.record_file_format

        recording_callback_url = self.recording_callback_url

        recording_callback_method: str | Unset = UNSET
        if not isinstance(self.recording_callback_method, Unset):
            recording_callback_method = self.recording_callback_method

        callback_url = self.callback_url

        callback_method: str | Unset = UNSET
        if not isinstance(self.callback_method, Unset):
            callback_method = self.callback_method

        first_party_play_url = self.first_party_play_url

        second_party_play_url = self.second_party_play_url

        first_party = self.first_party

        second_party = self.second_party

        subaccount = self.subaccount

        geomatch = self.geomatch

        create_session_with_single_party = self.create_session_with_single_party

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_expiry is not UNSET:
            field_dict["session_expiry"] = session_expiry
        if call_time_limit is not UNSET:
            field_dict["call_time_limit"] = call_time_limit
        if ring_timeout is not UNSET:
            field_dict["ring_timeout"] = ring_timeout
        if record is not UNSET:
            field_dict["record"] = record
        if record_file_format is not UNSET:
            field_dict["record_file_format"] = record_file_format
        if recording_callback_url is not UNSET:
            field_dict["recording_callback_url"] = recording_callback_url
        if recording_callback_method is not UNSET:
            field_dict["recording_callback_method"] = recording_callback_method
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if callback_method is not UNSET:
            field_dict["callback_method"] = callback_method
        if first_party_play_url is not UNSET:
            field_dict["first_party_play_url"] = first_party_play_url
        if second_party_play_url is not UNSET:
            field_dict["second_party_play_url"] = second_party_play_url
        if first_party is not UNSET:
            field_dict["first_party"] = first_party
        if second_party is not UNSET:
            field_dict["second_party"] = second_party
        if subaccount is not UNSET:
            field_dict["subaccount"] = subaccount
        if geomatch is not UNSET:
            field_dict["geomatch"] = geomatch
        if create_session_with_single_party is not UNSET:
            field_dict["create_session_with_single_party"] = create_session_with_single_party

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        session_expiry = src_dict.get("session_expiry", UNSET)

        call_time_limit = src_dict.get("call_time_limit", UNSET)

        ring_timeout = src_dict.get("ring_timeout", UNSET)

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

        callback_url = src_dict.get("callback_url", UNSET)

        _callback_method = src_dict.get("callback_method", UNSET)
        callback_method: HttpCallbackMethod | Unset
        if isinstance(_callback_method, Unset):
            callback_method = UNSET
        else:
            callback_method = check_http_callback_method(_callback_method)

        first_party_play_url = src_dict.get("first_party_play_url", UNSET)

        second_party_play_url = src_dict.get("second_party_play_url", UNSET)

        first_party = src_dict.get("first_party", UNSET)

        second_party = src_dict.get("second_party", UNSET)

        subaccount = src_dict.get("subaccount", UNSET)

        geomatch = src_dict.get("geomatch", UNSET)

        create_session_with_single_party = src_dict.get("create_session_with_single_party", UNSET)

        update_session_request = cls(
            session_expiry,
            call_time_limit,
            ring_timeout,
            record,
            record_file_format,
            recording_callback_url,
            recording_callback_method,
            callback_url,
            callback_method,
            first_party_play_url,
            second_party_play_url,
            first_party,
            second_party,
            subaccount,
            geomatch,
            create_session_with_single_party,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 16 - (
            session_expiry,
            call_time_limit,
            ring_timeout,
            record,
            record_file_format,
            recording_callback_url,
            recording_callback_method,
            callback_url,
            callback_method,
            first_party_play_url,
            second_party_play_url,
            first_party,
            second_party,
            subaccount,
            geomatch,
            create_session_with_single_party,
        ).count(UNSET):
            update_session_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return update_session_request

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
