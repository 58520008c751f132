from typing import Literal

RecordingCallbackEventName = Literal["SessionRecordingCompleted", "SessionRecordingFailed", "SessionRecordingInitiated"]

RECORDING_CALLBACK_EVENT_NAME_VALUES: set[RecordingCallbackEventName] = {
    "SessionRecordingCompleted",
    "SessionRecordingFailed",
    "SessionRecordingInitiated",
}


def check_recording_callback_event_name(value: str) -> RecordingCallbackEventName:
    if value in RECORDING_CALLBACK_EVENT_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORDING_CALLBACK_EVENT_NAME_VALUES!r}")
