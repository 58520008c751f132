"""Plays calls on the mock's clock and sends the events they make, with `SessionTimeout`s.

A call's events happen when the mock's clock reaches them: with the real-time clock (moved by
`/__mock__/clock` or not) as time passes, with a stopped clock (`ManualClock`) when it is moved.
`settle()` sends whatever is due and finishes calls that are over; the app calls it before each
API request and after each clock move, and a background ticker (only for clocks that move by
themselves) every TICK seconds. A call with `wait` is placed so that it ends now: it is over at
once, and the clock does not move (moving it would expire other sessions as a side effect).
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass
from typing import Any

from plivo_masking_mock import errors
from plivo_masking_mock.callbacks import Delivery, DeliveryLog, Dispatcher, build_delivery
from plivo_masking_mock.calls.interaction import add_interaction, recording_resource_url
from plivo_masking_mock.calls.plan import RECORDING, STATUS, CallPlan, PlannedEvent, plan_call
from plivo_masking_mock.calls.request import CallInputError, CallRequest
from plivo_masking_mock.clock import Clock, ManualClock
from plivo_masking_mock.config import MockConfig
from plivo_masking_mock.formats import go_timestamp
from plivo_masking_mock.session import CALL_UNTIL, SessionRecord
from plivo_masking_mock.store import SessionStore

log = logging.getLogger("plivo_masking_mock.calls")
TICK = 0.2
RECORDINGS_PATH = "/__mock__/recordings"
TIMEOUT_EVENT = "SessionTimeout"


@dataclass
class ScheduledCall:
    call_uuid: str
    second_leg_uuid: str
    session_uuid: str
    start: int
    plan: CallPlan
    base_url: str
    recording_format: str
    emitted: int = 0

    def time_of(self, event: PlannedEvent) -> int:
        return self.start + event.at


class CallPlayer:
    def __init__(
        self, store: SessionStore, clock: Clock, config: MockConfig, dispatcher: Dispatcher
    ) -> None:
        self.store = store
        self.clock = clock
        self.config = config
        self.dispatcher = dispatcher
        self.log: DeliveryLog = dispatcher.log
        self.recordings: dict[str, str] = {}  # recording UUID -> file format
        self._lock = threading.RLock()
        self._calls: dict[str, ScheduledCall] = {}
        # The earliest end of the sessions not yet taken, as of the last look (with the version
        # of other connections' writes then): until the clock gets there, `settle` reads nothing.
        self._next_end: int | None = None
        self._others_version: int | None = None
        self._settling = False  # a settle is running (see `_idle`)
        self._skip_ended()
        self._ticker: threading.Thread | None = None
        self._stop = threading.Event()

    # -- playing --------------------------------------------------------------------------

    def play(self, session_uuid: str, request: CallRequest, base_url: str) -> dict[str, Any]:
        """Starts (or, with `wait`, plays out) a call; the answer lists its events."""
        with self._lock:
            self.settle()
            now = int(self.clock.now())
            with self.store.transaction() as tx:
                record = tx.get(session_uuid.lower())
                if record is None or (request.auth_id and record.account != request.auth_id):
                    raise CallInputError(f"session_uuid: no session {session_uuid}", 404)
                if record.is_expired(now):
                    raise CallInputError(errors.SESSION_ALREADY_EXPIRED)
                if record.status(now) == "in-progress":
                    raise CallInputError("session_uuid: a call is already up on this session")
                recording_format = str(record.attributes.get("record_file_format") or "mp3")
                plan = plan_call(
                    record.attributes,
                    record.virtual_number,
                    request,
                    str(uuid.uuid4()),
                    recording_format,
                )
                start = now - plan.length if request.wait else now
                if not request.wait and plan.length > 0:
                    record.attributes[CALL_UNTIL] = start + plan.length
                    tx.save(record)
            call = ScheduledCall(
                call_uuid=str(uuid.uuid4()),
                second_leg_uuid=str(uuid.uuid4()),
                session_uuid=record.session_uuid,
                start=start,
                plan=plan,
                base_url=base_url.rstrip("/"),
                recording_format=recording_format,
            )
            if plan.recording_uuid:
                self.recordings[plan.recording_uuid] = recording_format
            self._calls[call.call_uuid] = call
            self.settle()
            self.start_ticker()
        return {
            "call_uuid": call.call_uuid,
            "session_uuid": call.session_uuid,
            "status": "completed" if call.call_uuid not in self._calls else "in-progress",
            "start_time": go_timestamp(start),
            "end_time": go_timestamp(start + plan.length),
            "bridged": plan.bridged_at is not None,
            "events": [
                {"event": event.name, "time": go_timestamp(call.time_of(event)), "to": event.target}
                for event in plan.events
            ],
        }

    def deliveries_of(self, call_uuid: str) -> list[Delivery]:
        return self.log.find(call_uuid=call_uuid)

    # -- settling -------------------------------------------------------------------------

    def settle(self) -> None:
        """Sends the events that are due, in time order, and finishes the calls that are over."""
        if self._idle():
            return
        with self._lock:
            self._settling = True
            try:
                self._settle()
            finally:
                self._settling = False

    def _idle(self) -> bool:
        """Nothing can be due, seen without the lock (the usual case: this runs before every
        request): no call in flight, no explicit end waiting, no end written before the next
        end known, the clock before that end, and no settle running elsewhere. The state is read
        first and `_settling` last: a settle (the ticker's) that took something before this
        look is still marked running until it has sent it, so this one then waits for it."""
        store = self.store
        if self._calls or store.has_ended_here() or self._others_version is None:
            return False
        if not store.in_memory:  # another mock may write the file: see `_nothing_ends_by`
            return False
        next_end = self._next_end
        written = store.peek_ends_written()
        if written is not None and (next_end is None or written < next_end):
            return False
        if next_end is not None and int(self.clock.now()) >= next_end:
            return False
        return not self._settling

    def _settle(self) -> None:
        """`settle`, under the lock."""
        now = int(self.clock.now())
        # Sessions expired explicitly by this process are known without a look (see
        # `Transaction.save`); the others' ends are looked up when one may be due.
        ended = self.store.take_ended_here(now)
        look = bool(self._calls) or not self._nothing_ends_by(now)
        if not look and not ended:
            return
        due: list[tuple[int, int, ScheduledCall | None, Any]] = []
        order = 0
        for call in self._calls.values():
            for event in call.plan.events[call.emitted :]:
                if call.time_of(event) > now:
                    break
                due.append((call.time_of(event), order, call, event))
                order += 1
        if look:
            with self.store.transaction() as tx:
                ended += tx.take_ended(now)
                self._next_end = tx.next_end()
                self.store.ends_written()  # already counted in `next_end`
                self._others_version = self.store.others_version()
        for record in ended:
            if record.attributes.get("callback_url"):
                due.append((record.ended_at, order, None, record))
                order += 1
        if not due and not self._calls:
            return
        due.sort(key=lambda item: (item[0], item[1]))
        for at, _, owner, item in due:
            if owner is None:
                self._send_timeout(item, at)
            else:
                self._send_call_event(owner, item, at)
                owner.emitted += 1
        for call in list(self._calls.values()):
            if call.emitted == len(call.plan.events) and call.start + call.plan.length <= now:
                self._finish(call)

    def _nothing_ends_by(self, now: int) -> bool:
        """No session can have ended by `now` unseen: the earliest end pending at the last look
        and the earliest end of the sessions written since are both later."""
        if self._others_version is None or self.store.others_version() != self._others_version:
            return False
        written = self.store.ends_written()
        if written is not None and (self._next_end is None or written < self._next_end):
            self._next_end = written
        return self._next_end is None or now < self._next_end

    def _skip_ended(self) -> None:
        """Sessions that ended before now get no SessionTimeout (they ended before the mock
        started, or before a reset)."""
        with self.store.transaction() as tx:
            tx.skip_ended(int(self.clock.now()))
        self._others_version = None

    def _finish(self, call: ScheduledCall) -> None:
        with self.store.transaction() as tx:
            record = tx.get(call.session_uuid)
            if record is not None:
                add_interaction(record, call.call_uuid, call.second_leg_uuid, call.plan, call.start)
                tx.save(record)
        del self._calls[call.call_uuid]

    def _send_timeout(self, record: SessionRecord, at: int) -> None:
        params = {"From": record.first_party, "To": record.second_party}
        self._send(record, None, TIMEOUT_EVENT, STATUS, params, at)

    def _send_call_event(self, call: ScheduledCall, event: PlannedEvent, at: int) -> None:
        with self.store.transaction() as tx:
            record = tx.get(call.session_uuid)
        if record is None:
            return
        params = dict(event.attributes)
        if event.target == RECORDING:
            bridged = call.start + (call.plan.bridged_at or 0)
            params["RecordingStartTime"] = go_timestamp(bridged)
            params["RecordingFormat"] = f".{call.recording_format}"
            if event.name == "SessionRecordingCompleted":
                name = f"{params['RecordingUUID']}.{call.recording_format}"
                params["RecordingURL"] = f"{call.base_url}{RECORDINGS_PATH}/{name}"
                params["RecordingResourceURL"] = recording_resource_url(
                    record.account, params["RecordingUUID"]
                )
                params["RecordingEndTime"] = go_timestamp(at)
        self._send(record, call.call_uuid, event.name, event.target, params, at)

    def _send(  # noqa: PLR0917 - the parts of one event
        self,
        record: SessionRecord,
        call_uuid: str | None,
        name: str,
        target: str,
        attributes: dict[str, str],
        at: int,
    ) -> None:
        prefix = "" if target == STATUS else "recording_"
        url = str(record.attributes.get(f"{prefix}callback_url") or "")
        if not url or (target == RECORDING and not record.attributes.get("record")):
            return
        method = str(record.attributes.get(f"{prefix}callback_method") or "POST")
        with self.store.transaction() as tx:
            sequence = tx.next_sequence(record.session_uuid)
        params = {
            "EventName": name,
            "EventTimestamp": go_timestamp(at),
            "SessionUUID": record.session_uuid,
            "VirtualNumber": record.virtual_number,
            **attributes,
            "SequenceNumber": str(sequence),
        }
        account = self.config.account(record.account)
        self.dispatcher.submit(
            build_delivery(
                delivery_id=self.log.next_id(),
                session_uuid=record.session_uuid,
                call_uuid=call_uuid,
                event=name,
                sequence_number=sequence,
                callback_url=url,
                method=method,
                params=params,
                auth_token=account.auth_token if account is not None else "",
            )
        )

    # -- lifecycle ------------------------------------------------------------------------

    def reset(self) -> None:
        """Forgets calls in flight and the delivery log (the sequence numbers are the store's:
        `Transaction.clear` forgets them with the sessions)."""
        with self._lock:
            self._calls.clear()
            self.recordings.clear()
            self.log.clear()
            self._skip_ended()

    def start_ticker(self) -> None:
        """Keeps events flowing between requests, for clocks that move by themselves."""
        if self._ticker is not None or isinstance(self.clock, ManualClock):
            return
        self._stop.clear()
        self._ticker = threading.Thread(target=self._tick, name="plivo-mock-calls", daemon=True)
        self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(TICK):
            try:
                self.settle()
            except Exception:  # the ticker must outlive one bad settle
                log.exception("settling calls and timeouts failed")
        self._ticker = None

    def close(self) -> None:
        self._stop.set()
