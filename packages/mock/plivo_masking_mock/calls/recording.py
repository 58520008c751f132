"""The audio behind a `RecordingURL`: a short file made here, so a handler can download one.

WAV: one second of a 440 Hz tone, 8 kHz mono 16-bit PCM (the standard library's `wave`).
MP3: one second of silent MPEG-1 Layer III frames (a frame header and all-zero side information
decode as silence); the mock has no MP3 encoder, so an MP3 recording holds no tone.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from functools import cache

MEDIA_TYPES = {"wav": "audio/wav", "mp3": "audio/mpeg"}
_RATE = 8000


@cache
def recording_audio(file_format: str) -> bytes:
    if file_format == "mp3":
        return _silent_mp3()
    return _tone_wav()


def _tone_wav(seconds: float = 1.0, frequency: float = 440.0) -> bytes:
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * frequency * n / _RATE)))
        for n in range(int(_RATE * seconds))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(_RATE)
        out.writeframes(frames)
    return buffer.getvalue()


def _silent_mp3(seconds: float = 1.0) -> bytes:
    # MPEG-1 Layer III, no CRC, 32 kbit/s, 32 kHz, no padding, mono: 144 * 32000 / 32000 bytes.
    header = bytes([0xFF, 0xFB, 0x18, 0xC4])
    frame = header + bytes(144 - len(header))
    frames = math.ceil(seconds * 32000 / 1152)
    return frame * frames
