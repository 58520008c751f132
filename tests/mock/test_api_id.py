"""Every answer's `api_id` is a fresh version-4 UUID in its canonical text form."""

from __future__ import annotations

import os
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


def test_a_forked_child_draws_its_own_ids() -> None:
    new_api_id()  # the pool holds bytes the child would otherwise share
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        os.write(writer, new_api_id().encode())
        os._exit(0)
    os.close(writer)
    os.waitpid(child, 0)
    childs = os.read(reader, 64).decode()
    os.close(reader)
    assert uuid.UUID(childs).version == 4
    assert childs != new_api_id()
