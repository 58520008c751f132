"""Every answer's `api_id` is a fresh version-4 UUID in its canonical text form."""

from __future__ import annotations

import uuid

from plivo_masking_mock.errors import new_api_id


def test_api_ids_are_canonical_random_uuids() -> None:
    ids = [new_api_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
        assert str(parsed) == text
