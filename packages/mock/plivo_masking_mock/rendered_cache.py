"""Rendered sessions, kept between requests: a page of list, or a retrieved session, costs no
JSON decoding and little rendering when its sessions have not changed. The service keeps two,
one of list items (`SessionView.list_item`) and one of session objects (`SessionView.session`,
as retrieve answers them).

Staleness is ruled out by the key rather than by invalidation: an entry is keyed by the whole
stored row of the session (uuid, account, number, every time, and the attributes as stored
text), so any write to the session (update, expire, a recorded call, a reset and re-create)
gives a different key, and the old entry is simply never found again. The one part of a
rendered session that depends on the clock, `status` (expired, in progress, active), is kept
apart: the rendering is kept as the bytes before and after the status value, and the status is
computed from the session at `now` (whole seconds) once per second it is asked for. So a clock
move, an expiry by time or the end of a call in progress shows at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import orjson

from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.store import record_of_row

# How a session is rendered: the record and the clock's `now` -> the JSON object.
Render = Callable[[SessionRecord, int], dict[str, Any]]

DEFAULT_SIZE = 2_048  # ~100 pages of 20; an entry is ~2.5 KB (the row's text and the item)
# Stands in for the status while an item is rendered; an item in which it appears twice (a
# field holding this very text) is not cached.
_TOKEN = "\x00plivo-masking-mock-status\x00"
_TOKEN_JSON = orjson.dumps(_TOKEN)


class _Entry:
    __slots__ = ("after", "before", "record", "shown")

    def __init__(self, record: SessionRecord, before: bytes, after: bytes) -> None:
        self.record = record
        self.before = before
        self.after = after
        # (now, the whole rendering at that `now`) as last asked for: the status is a function
        # of the record and `now` (whole seconds), so requests in the same second reuse it.
        # One tuple, so that a reader never pairs one second with another's rendering.
        self.shown: tuple[int, bytes] | None = None


class RenderedCache:
    def __init__(self, render: Render, size: int = DEFAULT_SIZE) -> None:
        self.render = render
        self.size = size
        self.enabled = True
        self._entries: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._status_json: dict[str, bytes] = {}

    def items(self, rows: Sequence[tuple[Any, ...]], now: int) -> list[bytes] | None:
        """The sessions of these stored rows at `now`, as JSON, exactly as
        `json_codec.dumps(render(record, now))` renders them; None if one of them
        cannot be rendered that way by orjson alone (then render them without the cache)."""
        keys = [tuple(row) for row in rows]
        with self._lock:  # once for the page: the hits, in page order
            entries = self._entries
            found = [entries.get(key) for key in keys]
            for key, hit in zip(keys, found, strict=True):
                if hit is not None:
                    entries.move_to_end(key)
        rendered = []
        for key, row, hit in zip(keys, rows, found, strict=True):
            entry = hit
            if entry is None:
                entry = self._render(record_of_row(row), now)
                if entry is None:
                    return None
                with self._lock:
                    self._entries[key] = entry
                    while len(self._entries) > self.size:
                        self._entries.popitem(last=False)
            shown = entry.shown
            if shown is None or shown[0] != now:
                status = entry.record.status(now)
                status_json = self._status_json.get(status)
                if status_json is None:
                    status_json = self._status_json[status] = orjson.dumps(status)
                shown = entry.shown = (now, entry.before + status_json + entry.after)
            rendered.append(shown[1])
        return rendered

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def _render(self, record: SessionRecord, now: int) -> _Entry | None:
        item = self.render(record, now)
        if "status" not in item:
            return None
        item["status"] = _TOKEN
        try:
            text = orjson.dumps(item)
        except orjson.JSONEncodeError:  # json_codec renders it with the standard library
            return None
        parts = text.split(_TOKEN_JSON)
        if len(parts) != 2:
            return None
        return _Entry(record, parts[0], parts[1])
