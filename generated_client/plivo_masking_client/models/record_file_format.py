from typing import Literal

RecordFileFormat = Literal["mp3", "wav"]

RECORD_FILE_FORMAT_VALUES: set[RecordFileFormat] = {
    "mp3",
    "wav",
}


def check_record_file_format(value: str) -> RecordFileFormat:
    if value in RECORD_FILE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORD_FILE_FORMAT_VALUES!r}")
