from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.http_callback_method import HttpCallbackMethod, check_http_callback_method
from ..models.record_file_format import RecordFileFormat, check_record_file_format
from ..models.session_status import SessionStatus, check_session_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.interaction import Interaction


T = TypeVar("T", bound="SessionListItem")


# The keys of the properties of SessionListItem: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "session_uuid",
        "first_party",
        "second_party",
        "virtual_number",
        "status",
        "initiate_call_to_first_party",
        "callback_url",
        "callback_method",
        "created_time",
        "modified_time",
        "expiry_time",
        "duration",
        "amount",
        "call_time_limit",
        "ring_timeout",
        "first_party_play_url",
        "second_party_play_url",
        "record",
        "record_file_format",
        "recording_callback_url",
        "recording_callback_method",
        "interaction",
        "total_call_amount",
        "total_call_count",
        "total_call_billed_duration",
        "total_session_amount",
        "last_interaction_time",
        "resource_uri",
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
        "create_session_with_single_party",
        "virtual_number_cooloff_period",
        "force_pin_authentication",
        "subaccount",
    }
)


@_attrs_define
class SessionListItem:
    """A session as list returns it, with its `resource_uri`."""

    session_uuid: str
    """ The session's identifier, a UUID. Typed as a plain string: the PHP SDK's recorded get
    response has a 13-digit last group, which `format: uuid` would reject.
     """
    first_party: str
    """ The first party's real number, digits without `+`. `""` while a single-party session
    has no first party yet.
     """
    second_party: str
    """ The second party's real number, digits without `+` (or `""`, as above). """
    virtual_number: str
    """ The virtual number that masks the parties, digits without `+`. """
    status: SessionStatus
    """ `active`: the session maps calls, none is in progress. `in-progress`: a call is up (never
    seen in a recorded response). `expired`: the session ended (by time or by the expire
    operation) and no longer forwards calls; calls to the virtual number then go to the
    number's own `answer_url` or application (the seed page).
     """
    initiate_call_to_first_party: bool
    """ Whether Plivo called the first party when the session was created. """
    callback_url: str
    """ URL of session events; `""` when unset. """
    callback_method: HttpCallbackMethod
    """ The HTTP method Plivo uses to call a callback URL. """
    created_time: str
    """ A time as the real API prints it: Go's `time.Time.String()` layout, not RFC 3339.
    `2024-02-01 06:28:15 +0000 UTC`, optionally with a fraction of 1 to 9 digits
    (`2023-07-12 15:52:14.772699 +0000 UTC`), and on some write paths with the offset
    repeated instead of the zone name (`2023-07-06 10:53:32.814078 +0000 +0000`). The docs
    call it "(yyyy-mm-dd, hh-mm-ss)"; this pattern matches every recorded sample.
     """
    modified_time: str
    """ A time as the real API prints it: Go's `time.Time.String()` layout, not RFC 3339.
    `2024-02-01 06:28:15 +0000 UTC`, optionally with a fraction of 1 to 9 digits
    (`2023-07-12 15:52:14.772699 +0000 UTC`), and on some write paths with the offset
    repeated instead of the zone name (`2023-07-06 10:53:32.814078 +0000 +0000`). The docs
    call it "(yyyy-mm-dd, hh-mm-ss)"; this pattern matches every recorded sample.
     """
    expiry_time: str
    """ A time as the real API prints it: Go's `time.Time.String()` layout, not RFC 3339.
    `2024-02-01 06:28:15 +0000 UTC`, optionally with a fraction of 1 to 9 digits
    (`2023-07-12 15:52:14.772699 +0000 UTC`), and on some write paths with the offset
    repeated instead of the zone name (`2023-07-06 10:53:32.814078 +0000 +0000`). The docs
    call it "(yyyy-mm-dd, hh-mm-ss)"; this pattern matches every recorded sample.
     """
    duration: int
    """ Lifetime of the session in seconds: `expiry_time - created_time`, truncated. Recomputed
    by updates that set `session_expiry`.
     """
    amount: float
    """ Charge for creating the session. A JSON number (the docs say string). """
    call_time_limit: int
    """ Maximum duration of each call leg, in seconds. """
    ring_timeout: int
    """ Seconds a leg may ring before it is dropped. """
    first_party_play_url: str
    """ Audio played to the first party before connecting; `""` when unset. """
    second_party_play_url: str
    """ Audio played to the second party before connecting; `""` when unset. """
    record: bool
    """ Whether calls are recorded. """
    record_file_format: RecordFileFormat
    """ Audio format of call recordings. """
    recording_callback_url: str
    """ URL of recording events; `""` when unset. """
    recording_callback_method: HttpCallbackMethod
    """ The HTTP method Plivo uses to call a callback URL. """
    interaction: list[Interaction] | None
    """ The session's interactions (calls), or `null` before the first one. The docs type it
    as an object; the wire carries null or an array.
     """
    total_call_amount: float
    """ Charge of all calls so far (a JSON number, e.g. `0.025`; the docs say string). """
    total_call_count: int
    """ Number of call legs so far. """
    total_call_billed_duration: int
    """ Billed seconds of all calls so far. """
    total_session_amount: float
    """ Total charge of the session so far (a JSON number; the docs say string). """
    last_interaction_time: str
    """ A `Timestamp`, or `""` when the event has not happened yet. """
    resource_uri: str
    """ Path of the session, always with a trailing slash:
    `/v1/Account/{auth_id}/Masking/Session/{session_uuid}/`.
     """
    is_pin_authentication_required: bool | Unset = UNSET
    """ Whether callers from unregistered numbers must enter a PIN. """
    generate_pin: bool | None | Unset = UNSET
    """ Whether Plivo generated the PINs; null when PIN authentication is off. """
    generate_pin_length: int | None | Unset = UNSET
    """ Length of generated PINs; null when PIN authentication is off. """
    first_party_pin: None | str | Unset = UNSET
    """ PIN that connects a caller to the second party; null when PIN authentication is off. """
    second_party_pin: None | str | Unset = UNSET
    """ PIN that connects a caller to the first party; null when PIN authentication is off. """
    pin_prompt_play: None | str | Unset = UNSET
    """ Audio asking for the PIN; null when PIN authentication is off. (The legacy docs'
    examples misspell the key as `pin_ prompt_play`.)
     """
    pin_retry: int | None | Unset = UNSET
    """ How many more attempts a caller gets after a wrong PIN. """
    pin_retry_wait: int | None | str | Unset = UNSET
    """ Seconds between PIN attempts. Recorded responses carry an integer (`5`, `7`) or
    `null`; the docs' examples (the seed page among them) print the string `"5"`, so a
    string of digits is accepted too.
     """
    incorrect_pin_play: None | str | Unset = UNSET
    """ Audio played after a wrong PIN; null when PIN authentication is off. """
    unknown_caller_play: str | Unset = UNSET
    """ Audio played to callers from unregistered numbers; `""` when unset. """
    create_session_with_single_party: bool | None | Unset = UNSET
    """ Whether the session was created with a single party. Recorded as `null` for sessions
    created without the parameter.
     """
    virtual_number_cooloff_period: int | None | Unset = UNSET
    """ Seconds the virtual number stays out of the pool after the session ends. """
    force_pin_authentication: bool | None | Unset = UNSET
    """ Whether callers from the registered numbers must enter a PIN too. """
    subaccount: None | str | Unset = UNSET
    """ The sub-account the session belongs to (only in a legacy docs example). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_uuid = self.session_uuid

        first_party = self.first_party

        second_party = self.second_party

        virtual_number = self.virtual_number

        status: str = self.status

        initiate_call_to_first_party = self.initiate_call_to_first_party

        callback_url = self.callback_url

        callback_method: str = self.callback_method

        created_time = self.created_time

        modified_time = self.modified_time

        expiry_time = self.expiry_time

        duration = self.duration

        amount = self.amount

        call_time_limit = self.call_time_limit

        ring_timeout = self.ring_timeout

        first_party_play_url = self.first_party_play_url

        second_party_play_url = self.second_party_play_url

        record = self.record

        record_file_format: str = self.record_file_format

        recording_callback_url = self.recording_callback_url

        recording_callback_method: str = self.recording_callback_method

        interaction: list[dict[str, Any]] | None
        if isinstance(self.interaction, list):
            interaction = []
            for interaction_type_0_item_data in self.interaction:
                interaction_type_0_item = interaction_type_0_item_data.to_dict()
                interaction.append(interaction_type_0_item)

        else:
            interaction = self.interaction

        total_call_amount = self.total_call_amount

        total_call_count = self.total_call_count

        total_call_billed_duration = self.total_call_billed_duration

        total_session_amount = self.total_session_amount

        last_interaction_time = self.last_interaction_time

        resource_uri = self.resource_uri

        is_pin_authentication_required = self.is_pin_authentication_required

        generate_pin: bool | None | Unset
        if isinstance(self.generate_pin, Unset):
            generate_pin = UNSET
        else:
            generate_pin = self.generate_pin

        generate_pin_length: int | None | Unset
        if isinstance(self.generate_pin_length, Unset):
            generate_pin_length = UNSET
        else:
            generate_pin_length = self.generate_pin_length

        first_party_pin: None | str | Unset
        if isinstance(self.first_party_pin, Unset):
            first_party_pin = UNSET
        else:
            first_party_pin = self.first_party_pin

        second_party_pin: None | str | Unset
        if isinstance(self.second_party_pin, Unset):
            second_party_pin = UNSET
        else:
            second_party_pin = self.second_party_pin

        pin_prompt_play: None | str | Unset
        if isinstance(self.pin_prompt_play, Unset):
            pin_prompt_play = UNSET
        else:
            pin_prompt_play = self.pin_prompt_play

        pin_retry: int | None | Unset
        if isinstance(self.pin_retry, Unset):
            pin_retry = UNSET
        else:
            pin_retry = self.pin_retry

        pin_retry_wait: int | None | str | Unset
        if isinstance(self.pin_retry_wait, Unset):
            pin_retry_wait = UNSET
        else:
            pin_retry_wait = self.pin_retry_wait

        incorrect_pin_play: None | str | Unset
        if isinstance(self.incorrect_pin_play, Unset):
            incorrect_pin_play = UNSET
        else:
            incorrect_pin_play = self.incorrect_pin_play

        unknown_caller_play = self.unknown_caller_play

        create_session_with_single_party: bool | None | Unset
        if isinstance(self.create_session_with_single_party, Unset):
            create_session_with_single_party = UNSET
        else:
            create_session_with_single_party = self.create_session_with_single_party

        virtual_number_cooloff_period: int | None | Unset
        if isinstance(self.virtual_number_cooloff_period, Unset):
            virtual_number_cooloff_period = UNSET
        else:
            virtual_number_cooloff_period = self.virtual_number_cooloff_period

        force_pin_authentication: bool | None | Unset
        if isinstance(self.force_pin_authentication, Unset):
            force_pin_authentication = UNSET
        else:
            force_pin_authentication = self.force_pin_authentication

        subaccount: None | str | Unset
        if isinstance(self.subaccount, Unset):
            subaccount = UNSET
        else:
            subaccount = self.subaccount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_uuid": session_uuid,
                "first_party": first_party,
                "second_party": second_party,
                "virtual_number": virtual_number,
                "status": status,
                "initiate_call_to_first_party": initiate_call_to_first_party,
                "callback_url": callback_url,
                "callback_method": callback_method,
                "created_time": created_time,
                "modified_time": modified_time,
                "expiry_time": expiry_time,
                "duration": duration,
                "amount": amount,
                "call_time_limit": call_time_limit,
                "ring_timeout": ring_timeout,
                "first_party_play_url": first_party_play_url,
                "second_party_play_url": second_party_play_url,
                "record": record,
                "record_file_format": record_file_format,
                "recording_callback_url": recording_callback_url,
                "recording_callback_method": recording_callback_method,
                "interaction": interaction,
                "total_call_amount": total_call_amount,
                "total_call_count": total_call_count,
                "total_call_billed_duration": total_call_billed_duration,
                "total_session_amount": total_session_amount,
                "last_interaction_time": last_interaction_time,
                "resource_uri": resource_uri,
            }
        )
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
        if create_session_with_single_party is not UNSET:
            field_dict["create_session_with_single_party"] = create_session_with_single_party
        if virtual_number_cooloff_period is not UNSET:
            field_dict["virtual_number_cooloff_period"] = virtual_number_cooloff_period
        if force_pin_authentication is not UNSET:
            field_dict["force_pin_authentication"] = force_pin_authentication
        if subaccount is not UNSET:
            field_dict["subaccount"] = subaccount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        session_uuid = src_dict["session_uuid"]

        first_party = src_dict["first_party"]

        second_party = src_dict["second_party"]

        virtual_number = src_dict["virtual_number"]

        status = check_session_status(src_dict["status"])

        initiate_call_to_first_party = src_dict["initiate_call_to_first_party"]

        callback_url = src_dict["callback_url"]

        callback_method = check_http_callback_method(src_dict["callback_method"])

        created_time = src_dict["created_time"]

        modified_time = src_dict["modified_time"]

        expiry_time = src_dict["expiry_time"]

        duration = src_dict["duration"]

        amount = src_dict["amount"]

        call_time_limit = src_dict["call_time_limit"]

        ring_timeout = src_dict["ring_timeout"]

        first_party_play_url = src_dict["first_party_play_url"]

        second_party_play_url = src_dict["second_party_play_url"]

        record = src_dict["record"]

        record_file_format = check_record_file_format(src_dict["record_file_format"])

        recording_callback_url = src_dict["recording_callback_url"]

        recording_callback_method = check_http_callback_method(src_dict["recording_callback_method"])

        interaction = _parse_interaction(src_dict["interaction"])

        total_call_amount = src_dict["total_call_amount"]

        total_call_count = src_dict["total_call_count"]

        total_call_billed_duration = src_dict["total_call_billed_duration"]

        total_session_amount = src_dict["total_session_amount"]

        last_interaction_time = src_dict["last_interaction_time"]

        resource_uri = src_dict["resource_uri"]

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

        create_session_with_single_party = src_dict.get("create_session_with_single_party", UNSET)

        virtual_number_cooloff_period = src_dict.get("virtual_number_cooloff_period", UNSET)

        force_pin_authentication = src_dict.get("force_pin_authentication", UNSET)

        subaccount = src_dict.get("subaccount", UNSET)

        session_list_item = cls(
            session_uuid,
            first_party,
            second_party,
            virtual_number,
            status,
            initiate_call_to_first_party,
            callback_url,
            callback_method,
            created_time,
            modified_time,
            expiry_time,
            duration,
            amount,
            call_time_limit,
            ring_timeout,
            first_party_play_url,
            second_party_play_url,
            record,
            record_file_format,
            recording_callback_url,
            recording_callback_method,
            interaction,
            total_call_amount,
            total_call_count,
            total_call_billed_duration,
            total_session_amount,
            last_interaction_time,
            resource_uri,
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
            create_session_with_single_party,
            virtual_number_cooloff_period,
            force_pin_authentication,
            subaccount,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 42 - (
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
            create_session_with_single_party,
            virtual_number_cooloff_period,
            force_pin_authentication,
            subaccount,
        ).count(UNSET):
            session_list_item.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return session_list_item

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


def _parse_interaction(data: object) -> list[Interaction] | None:
    if data is None:
        return data
    from ..models.interaction import Interaction  # noqa: PLC0415

    try:
        if not isinstance(data, list):
            raise TypeError()
        interaction_type_0 = []
        _interaction_type_0 = data
        for interaction_type_0_item_data in _interaction_type_0:
            interaction_type_0_item = Interaction.from_dict(interaction_type_0_item_data)

            interaction_type_0.append(interaction_type_0_item)

        return interaction_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(list[Interaction] | None, data)
