"""The response checker catches what it should (so the self-check means something)."""

from __future__ import annotations

import json

from plivo_masking_mock.conformance import ResponseChecker

SESSIONS = "/v1/Account/MAMOCKDEMOACCOUNT001/Masking/Session/"
JSON = "application/json"


def test_error_body(checker: ResponseChecker) -> None:
    good = json.dumps({"api_id": "x", "error": "Session not found"})
    assert checker.problems("GET", SESSIONS + "abc/", 404, JSON, good) == []
    # The Go SDK handles a 404 body `{}`, the PHP SDK's 401 body has no api_id (issue 16).
    assert checker.problems("GET", SESSIONS + "abc/", 404, JSON, "{}") == []
    assert checker.problems("GET", SESSIONS + "abc/", 404, JSON, '{"error": 1}')


def test_undocumented_status_and_unknown_paths(checker: ResponseChecker) -> None:
    body = json.dumps({"api_id": "x", "error": "e"})
    assert checker.problems("GET", SESSIONS, 418, JSON, body)
    assert checker.problems("GET", "/elsewhere", 200, JSON, body)
    assert checker.problems("GET", "/elsewhere", 404, JSON, body) == []
    assert checker.problems("PUT", SESSIONS, 405, JSON, body) == []
    assert checker.problems("PUT", SESSIONS, 200, JSON, body)


def test_content_type_and_json(checker: ResponseChecker) -> None:
    body = json.dumps({"api_id": "x", "message": "Session expired"})
    assert checker.problems("DELETE", SESSIONS + "abc", 200, JSON, body) == []
    assert checker.problems("DELETE", SESSIONS + "abc", 200, "text/plain", body)
    assert checker.problems("DELETE", SESSIONS + "abc", 200, JSON, "not json")
