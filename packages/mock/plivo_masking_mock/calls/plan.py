"""What a simulated call does, by the session's rules: its events in order, on a timeline.

Pure: from the session's settings and a `CallRequest` to a `CallPlan` (events at seconds after
the call starts, and what the call adds to the session). The rules, with what is documented and
what is the mock's choice:

- The caller's leg is the "first party" leg of the event names, the leg dialled by Plivo the
  "second party" leg (inferred: the docs name the events, not the legs). With
  `initiate_call_to_first_party` Plivo dials the first party, then bridges to the second.
- A caller that is not a party is unknown. With PIN authentication on
  (`is_pin_authentication_required`) unknown callers, and with `force_pin_authentication`
  every caller, enter a PIN: one matching
  `first_party_pin` reaches the second party, one matching `second_party_pin` the first (docs).
  `1 + pin_retry` tries; after a wrong one `incorrect_pin_play` plays and `pin_retry_wait` passes.
  A registered caller that needs no PIN gets a `SessionPinAuthenticationStatus` of
  `AuthorizedCaller` (inferred from the documented values).
- With PIN authentication off an unknown caller reaches the registered party of a single-party
  session (FAQ), or else hears `unknown_caller_play`, or, with none, is rejected (FAQ); not bridged.
- The called party rings RING_SECONDS (never past `ring_timeout`) and answers, or with
  `answer: false` rings `ring_timeout` seconds and the call ends. The conversation lasts
  `duration`, cut at `call_time_limit` (chosen: counted from the bridge).
- Hangup causes and their codes are the mock's choice, modelled on Plivo's voice hangup causes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from plivo_masking_mock.calls.request import FIRST, SECOND, CallInputError, CallRequest

RING_SECONDS = 5  # ringing before an answer (chosen)
PIN_ENTRY_SECONDS = 5  # prompt and digits of one PIN try (chosen)
PLAY_SECONDS = 3  # unknown_caller_play / incorrect_pin_play (chosen)

STATUS, RECORDING = "status", "recording"
NORMAL = ("Normal Hangup", 4000)
END_OF_PLAY = ("End Of XML Instructions", 4010)
TIME_LIMIT = ("Scheduled Hangup", 4020)
NO_ANSWER = ("No Answer", 3020)
REJECTED = ("Rejected", 3010)
PIN_FAILED = ("PIN Authentication Failed", 3030)


@dataclass(frozen=True)
class PlannedEvent:
    at: int  # seconds after the call started
    target: str  # STATUS (callback_url) or RECORDING (recording_callback_url)
    name: str
    attributes: dict[str, str]


@dataclass
class CallPlan:
    events: list[PlannedEvent] = field(default_factory=list)
    length: int = 0  # seconds from the start to the last event
    bridged_at: int | None = None  # when both parties were up
    conversation: int = 0  # seconds both parties were up
    second_leg: bool = False  # whether the other party was dialled
    recording_uuid: str | None = None
    billed: int = 0
    amount: float = 0.0

    @property
    def legs(self) -> int:
        return 2 if self.second_leg else 1


def plan_call(  # noqa: PLR0915 - the rules read best as one timeline
    settings: Mapping[str, Any],
    virtual_number: str,
    request: CallRequest,
    recording_uuid: str,
    recording_format: str,
) -> CallPlan:
    first = str(settings.get(FIRST) or "")
    second = str(settings.get(SECOND) or "")
    outbound = bool(settings.get("initiate_call_to_first_party"))
    if outbound and request.caller != FIRST:
        raise CallInputError(
            '"from": with initiate_call_to_first_party Plivo calls the first party; '
            'leave "from" out or give "first_party"'
        )
    caller = {FIRST: first, SECOND: second}.get(request.caller, request.caller)
    if not caller:
        raise CallInputError(f'"from": the session has no {request.caller} yet')
    role = FIRST if caller == first else SECOND if caller == second else None
    pin_on = bool(settings.get("is_pin_authentication_required"))
    needs_pin = pin_on and (role is None or bool(settings.get("force_pin_authentication")))
    if request.pins is not None and not needs_pin:
        why = "PIN authentication is off" if not pin_on else "the caller is a registered party"
        raise CallInputError(f'"pin": no PIN is asked on this call ({why})')

    plan = CallPlan()
    t = 0
    if outbound:
        a_from, a_to = virtual_number, first  # Plivo rings the first party, who answers
        t += _ring(settings)
    else:
        a_from, a_to = caller, virtual_number

    def status(name: str, at: int, src: str, dst: str, **extra: str) -> None:
        plan.events.append(PlannedEvent(at, STATUS, name, {"From": src, "To": dst, **extra}))

    callee: str | None
    if needs_pin:
        status("SessionFirstPartyAnswer", t, a_from, a_to)
        callee, t = _pin_phase(
            settings=settings,
            pins=request.pins or (),
            caller=caller,
            t=t,
            plan=plan,
            src=a_from,
            dst=a_to,
        )
        if callee is None:
            cause = PIN_FAILED if request.pins else NORMAL
            return _end_unbridged(plan, t, a_from, a_to, cause, request)
    elif role is None:
        registered = [party for party in (first, second) if party]
        if len(registered) == 1 and settings.get("create_session_with_single_party"):
            status("SessionFirstPartyAnswer", t, a_from, a_to)
            callee = registered[0]
        elif settings.get("unknown_caller_play"):
            status("SessionFirstPartyAnswer", t, a_from, a_to)
            return _end_unbridged(plan, t + PLAY_SECONDS, a_from, a_to, END_OF_PLAY, request)
        else:
            return _end_unbridged(plan, t, a_from, a_to, REJECTED, request)
    else:
        status("SessionFirstPartyAnswer", t, a_from, a_to)
        if pin_on:
            status(
                "SessionPinAuthenticationStatus",
                t,
                a_from,
                a_to,
                PinAuthenticationStatus="AuthorizedCaller",
            )
        callee = second if role == FIRST else first
        if not callee:
            raise CallInputError(f'"from": the session has no party for {request.caller} to reach')

    # The other party's leg.
    plan.second_leg = True
    b_from, b_to = virtual_number, callee
    status("SessionSecondPartyRing", t, b_from, b_to)
    ring_start = t
    ring_timeout = int(settings.get("ring_timeout") or 0)
    if not request.answer:
        t += ring_timeout
        return _end(plan, t, t, (a_from, a_to), (b_from, b_to), ring_start, NO_ANSWER, request)
    t += _ring(settings)
    status("SessionSecondPartyAnswer", t, b_from, b_to)
    plan.bridged_at = t
    record = bool(settings.get("record"))
    if record:
        plan.recording_uuid = recording_uuid
        plan.events.append(
            PlannedEvent(
                t,
                RECORDING,
                "SessionRecordingInitiated",
                {
                    "From": a_from,
                    "To": b_to,
                    "RecordingUUID": recording_uuid,
                    "RecordingFormat": f".{recording_format}",
                },
            )
        )
    limit = int(settings.get("call_time_limit") or 0)
    conversation = min(request.duration, limit) if limit else request.duration
    cause = TIME_LIMIT if limit and request.duration > limit else NORMAL
    plan.conversation = conversation
    end = t + conversation
    return _end(plan, t, end, (a_from, a_to), (b_from, b_to), ring_start, cause, request)


def _ring(settings: Mapping[str, Any]) -> int:
    ring_timeout = int(settings.get("ring_timeout") or 0)
    return min(RING_SECONDS, ring_timeout) if ring_timeout else RING_SECONDS


def _pin_phase(
    *,
    settings: Mapping[str, Any],
    pins: tuple[str, ...],
    caller: str,
    t: int,
    plan: CallPlan,
    src: str,
    dst: str,
) -> tuple[str | None, int]:
    """Plays the PIN tries: (the party reached, or None, and the time after the last try)."""
    first = str(settings.get(FIRST) or "")
    second = str(settings.get(SECOND) or "")
    allowed = 1 + int(settings.get("pin_retry") or 0)
    if len(pins) > allowed:
        raise CallInputError(
            f'"pin": {len(pins)} tries given, the session allows {allowed} (1 + pin_retry)'
        )
    reaches = {
        str(settings.get("first_party_pin") or ""): second,
        str(settings.get("second_party_pin") or ""): first,
    }
    wait = int(settings.get("pin_retry_wait") or 0)
    for index, pin in enumerate(pins):
        t += PIN_ENTRY_SECONDS
        callee = reaches.get(pin) or None
        if callee == caller:
            callee = None
        outcome = "success" if callee else "failed"
        plan.events.append(
            PlannedEvent(
                t,
                STATUS,
                "SessionPinAuthenticationStatus",
                {
                    "From": src,
                    "To": dst,
                    "PinAuthenticationStatus": outcome,
                    "PinRetryCounter": str(index),
                },
            )
        )
        if callee:
            if index + 1 < len(pins):
                raise CallInputError(f'"pin": try {index + 1} is right, so no try may follow it')
            return callee, t
        if index + 1 < len(pins):
            t += (PLAY_SECONDS if settings.get("incorrect_pin_play") else 0) + wait
    return None, t


def _hangup_attributes(cause: tuple[str, int], duration: int, plan: CallPlan) -> dict[str, str]:
    return {
        "Duration": str(duration),
        "BilledDuration": str(plan.billed),
        "Amount": _money(plan.amount),
        "PlivoHangupCause": cause[0],
        "PlivoHangupCauseCode": str(cause[1]),
    }


def _charges(plan: CallPlan, request: CallRequest) -> None:
    plan.billed = plan.conversation if request.billed_duration is None else request.billed_duration
    plan.amount = request.amount


def _end_unbridged(  # noqa: PLR0917 - the parts of one hangup
    plan: CallPlan,
    t: int,
    src: str,
    dst: str,
    cause: tuple[str, int],
    request: CallRequest,
) -> CallPlan:
    _charges(plan, request)
    plan.events.append(
        PlannedEvent(
            t,
            STATUS,
            "SessionFirstPartyHangup",
            {"From": src, "To": dst, **_hangup_attributes(cause, t, plan)},
        )
    )
    plan.length = t
    return plan


def _end(  # noqa: PLR0917 - the parts of one hangup
    plan: CallPlan,
    bridged: int,
    end: int,
    a_leg: tuple[str, str],
    b_leg: tuple[str, str],
    ring_start: int,
    cause: tuple[str, int],
    request: CallRequest,
) -> CallPlan:
    _charges(plan, request)
    a_attributes = _hangup_attributes(cause, end, plan)
    b_attributes = _hangup_attributes(cause, end - ring_start, plan)
    if cause == NO_ANSWER:  # the called party never answered: its leg ends first
        order = [("SessionSecondPartyHangup", b_leg, b_attributes)]
        order.append(("SessionFirstPartyHangup", a_leg, a_attributes))
    else:
        order = [("SessionFirstPartyHangup", a_leg, a_attributes)]
        order.append(("SessionSecondPartyHangup", b_leg, b_attributes))
    for name, (src, dst), attributes in order:
        plan.events.append(PlannedEvent(end, STATUS, name, {"From": src, "To": dst, **attributes}))
    plan.events.append(
        PlannedEvent(
            end,
            STATUS,
            "SessionPartiesHangup",
            {
                "From": a_leg[0],
                "To": b_leg[1],
                **_hangup_attributes(cause, plan.conversation, plan),
            },
        )
    )
    if plan.recording_uuid is not None:
        plan.events.append(
            PlannedEvent(
                end,
                RECORDING,
                "SessionRecordingCompleted",
                {
                    "From": a_leg[0],
                    "To": b_leg[1],
                    "RecordingUUID": plan.recording_uuid,
                    "RecordingDuration": str(end - bridged),
                },
            )
        )
    plan.length = end
    return plan


def _money(amount: float) -> str:
    return f"{amount:.5f}".rstrip("0").rstrip(".") if amount else "0"
