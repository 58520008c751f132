"""openapi.yaml as the mock reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from plivo_masking_mock.spec import (
    COMPONENT_KEY,
    Spec,
    SpecError,
    component_of,
    load_spec,
)


def test_five_operations(spec: Spec) -> None:
    assert {op.operation_id for op in spec.operations} == {
        "create_masking_session",
        "get_masking_session",
        "list_masking_session",
        "update_masking_session",
        "delete_masking_session",
    }


@pytest.mark.parametrize("suffix", ["", "/"])
def test_paths_match_with_and_without_slash(spec: Spec, suffix: str) -> None:
    collection = spec.match("/v1/Account/MAZTQXZDYWNZBMMJAZZJ/Masking/Session" + suffix)
    assert collection is not None
    assert set(collection.operations) == {"GET", "POST"}
    item = spec.match("/v1/Account/MAZTQXZDYWNZBMMJAZZJ/Masking/Session/abc" + suffix)
    assert item is not None
    assert item.params == {"auth_id": "MAZTQXZDYWNZBMMJAZZJ", "session_uuid": "abc"}
    assert set(item.operations) == {"GET", "POST", "DELETE"}


def test_other_paths_do_not_match(spec: Spec) -> None:
    assert spec.match("/v1/Account/MA/Masking/Session/abc/def") is None
    assert spec.match("/v1/Account/MA/Masking/Sessions") is None
    assert spec.match("/v1/Account/MA/Masking/Session//") is None


def test_matches_are_kept_per_path_read_only_and_bounded() -> None:
    spec = load_spec()  # its own: the kept matches are the point
    base = "/v1/Account/MAZTQXZDYWNZBMMJAZZJ/Masking/Session/"
    first = spec.match(base + "one")
    assert first is not None
    assert spec.match(base + "one") is first  # kept
    second = spec.match(base + "two")
    assert second is not None
    assert second.params["session_uuid"] == "two"  # by path, not by template
    assert first.params["session_uuid"] == "one"
    with pytest.raises(TypeError):
        first.params["session_uuid"] = "changed"  # type: ignore[index]
    assert spec.match(base + "one/two") is None
    assert spec.match(base + "one/two") is None  # a kept miss is still a miss
    for index in range(5_000):
        found = spec.match(f"{base}s{index}")
        assert found is not None
        assert found.params["session_uuid"] == f"s{index}"
    assert len(spec._matched) <= 4_096


def test_refs_are_inlined_and_keep_their_component(spec: Spec) -> None:
    create = spec.operation("create_masking_session")
    assert create.body_schema is not None
    first_party = create.body_schema["properties"]["first_party"]
    assert component_of(first_party) == "PhoneNumber"
    assert "$ref" not in str(create.body_schema)
    assert create.parameter("auth_id").schema["pattern"] == "^(MA|SA)[A-Z0-9]{18}$"
    assert create.responses["201"] is not None
    assert create.responses["201"][COMPONENT_KEY] == "CreateSessionResponse"


def test_default_spec_is_the_packaged_one_or_the_environments(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PLIVO_MASKING_SPEC", raising=False)
    assert load_spec().path == Path(__file__).resolve().parents[2] / "openapi.yaml"
    elsewhere = tmp_path / "openapi.yaml"
    elsewhere.write_bytes(load_spec().path.read_bytes())
    monkeypatch.setenv("PLIVO_MASKING_SPEC", str(elsewhere))
    assert load_spec().path == elsewhere


def test_unreadable_spec(tmp_path: Path) -> None:
    with pytest.raises(SpecError):
        load_spec(tmp_path / "missing.yaml")
    (tmp_path / "bad.yaml").write_text("just: text\n")
    with pytest.raises(SpecError):
        load_spec(tmp_path / "bad.yaml")
