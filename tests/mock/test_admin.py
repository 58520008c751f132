"""Admin endpoints under /__mock__/: clock, reset, faults, simulated calls, health."""

from __future__ import annotations

from starlette.testclient import TestClient

from plivo_masking_mock.app import MockApp

from .conftest import Api


def test_health(client: TestClient, api: Api) -> None:
    api.create_ok()
    health = client.get("/__mock__/health").json()
    assert health["status"] == "ok"
    assert health["sessions"] == 1
    assert health["fault"] is None
    assert health["defaults_profile"] == "observed"


def test_clock_get_advance_set(client: TestClient, api: Api) -> None:
    assert client.get("/__mock__/clock").json()["time"] == "2024-02-01 06:28:15 +0000 UTC"
    uuid = api.create_ok(session_expiry=600)["session_uuid"]
    moved = client.post("/__mock__/clock/advance", json={"seconds": 600}).json()
    assert moved["time"] == "2024-02-01 06:38:15 +0000 UTC"
    assert api.session(uuid)["status"] == "expired"
    set_to = client.post("/__mock__/clock", json={"now": "2024-03-01 00:00"}).json()
    assert set_to["time"] == "2024-03-01 00:00:00 +0000 UTC"
    assert client.post("/__mock__/clock", json={"now": 1706768895}).json()["now"] == 1706768895


def test_clock_errors(client: TestClient) -> None:
    assert client.post("/__mock__/clock/advance", json={"seconds": "x"}).status_code == 400
    assert client.post("/__mock__/clock/advance", content=b"{").status_code == 400
    assert client.post("/__mock__/clock", json={"now": "tomorrow"}).status_code == 400
    assert client.post("/__mock__/clock", json=[1]).status_code == 400


def test_reset(client: TestClient, api: Api, app: MockApp) -> None:
    api.create_ok()
    client.post("/__mock__/clock/advance", json={"seconds": 100})
    client.post("/__mock__/faults", json={"fault": "ignore_auth"})
    answer = client.post("/__mock__/reset").json()
    assert answer["reset"] is True
    assert answer["time"] == "2024-02-01 06:28:15 +0000 UTC"
    assert api.page()["meta"]["total_count"] == 0
    assert app.faults.active is None


def test_faults_endpoints(client: TestClient) -> None:
    state = client.get("/__mock__/faults").json()
    assert state["fault"] is None
    assert set(state["available"]) == {
        "missing_required_field",
        "server_error_on_bad_input",
        "ignore_auth",
        "update_after_expire",
        "undocumented_status",
    }
    assert (
        client.post("/__mock__/faults", json={"fault": "ignore_auth"}).json()["fault"]
        == "ignore_auth"
    )
    unknown = client.post("/__mock__/faults", json={"fault": "nope"})
    assert unknown.status_code == 400
    assert "unknown fault" in unknown.json()["error"]
    assert client.delete("/__mock__/faults").json()["fault"] is None


def test_simulated_call(client: TestClient, api: Api) -> None:
    uuid = api.create_ok(record=True)["session_uuid"]
    response = client.post(
        f"/__mock__/sessions/{uuid}/calls",
        json={"duration": 48, "billed_duration": 60, "amount": 0.025, "wait": True},
    )
    assert response.status_code == 200
    client.post(f"/__mock__/sessions/{uuid}/calls", json={"wait": True})
    session = api.session(uuid)
    assert session["total_call_count"] == 4
    assert session["total_call_billed_duration"] == 120
    assert session["total_call_amount"] == 0.025
    assert session["total_session_amount"] == 0.025
    assert session["last_interaction_time"] == "2024-02-01 06:28:15 +0000 UTC"
    first, second = session["interaction"]
    assert first["type"] == "call"
    assert first["start_time"] == "2024-02-01 06:27:27 +0000 UTC"
    assert first["recording_resource_url"].startswith("/v1/Account/MAMOCKDEMOACCOUNT001/Recording/")
    assert second["duration"] == 60
    assert session["status"] == "active"


def test_simulated_call_errors(client: TestClient, api: Api) -> None:
    missing = client.post("/__mock__/sessions/c28b77d4-21e7-43bd-9447-04bfee92e651/calls")
    assert missing.status_code == 404
    uuid = api.create_ok()["session_uuid"]
    assert client.post(f"/__mock__/sessions/{uuid}/calls", json={"duration": -1}).status_code == 400
    api.expire(uuid)
    expired = client.post(f"/__mock__/sessions/{uuid}/calls")
    assert (expired.status_code, expired.json()["error"]) == (400, "Session already expired")


def test_admin_needs_no_credentials(app: MockApp) -> None:
    with TestClient(app) as anonymous:
        assert anonymous.get("/__mock__/health").status_code == 200


def test_the_prefix_itself_says_what_it_offers(app: MockApp) -> None:
    with TestClient(app) as anonymous:
        index = anonymous.get("/__mock__/")
        assert index.status_code == 200
        offered = index.json()
        assert {"GET /__mock__/health", "POST /__mock__/chaos", "GET /__mock__/"} <= set(
            offered["endpoints"]
        )
        assert anonymous.get(offered["console"]).status_code == 200
        bare = anonymous.get("/__mock__", follow_redirects=False)
        assert bare.status_code == 307
        assert bare.headers["location"].endswith("/__mock__/")
        assert anonymous.get("/__mock__").json() == offered
        # A path that only starts like the prefix is the API's: Plivo's 404 body.
        assert set(anonymous.get("/__mockx").json()) == {"api_id", "error"}
