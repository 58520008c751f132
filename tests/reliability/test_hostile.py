"""Hostile input against every operation, over a real socket: each request gets a 4xx (with
Plivo's error body, unless uvicorn's HTTP parser refuses the bytes before the mock sees them),
the server keeps serving, and the stored state is the same before and after."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from plivo_masking_mock.server import MockServer
from tests.reliability import figures, rawhttp
from tests.reliability.conftest import ACCOUNT_A, ACCOUNT_B, Accounts, snapshot

JSON = (b"Content-Type", b"application/json")
FIRST, SECOND = "+12025559000", "+12025559001"
VALID = json.dumps({"first_party": FIRST, "second_party": SECOND}).encode()
# uvicorn (httptools) answers bytes that are not HTTP with its own plain 400 before the app runs.
PARSER_REFUSAL = b"Invalid HTTP request received."


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    operation: str
    request: bytes


def _bodies() -> Iterator[tuple[str, str, bytes, list[tuple[bytes, bytes]]]]:
    """(kind, name, body, extra headers) of hostile bodies for create and update."""
    yield "malformed", "truncated", VALID[: len(VALID) // 2], [JSON]
    yield "malformed", "unquoted keys", b"{first_party: '+12025559000'}", [JSON]
    yield "malformed", "trailing garbage", VALID + b"}}", [JSON]
    yield "malformed", "byte order mark", b"\xef\xbb\xbf" + VALID, [JSON]
    yield "malformed", "array", b"[]", [JSON]
    yield "malformed", "string", b'"session"', [JSON]
    yield "malformed", "null", b"null", [JSON]
    yield "malformed", "number", b"12", [JSON]
    yield "content type", "text/plain", VALID, [(b"Content-Type", b"text/plain")]
    yield "content type", "missing", VALID, []
    yield (
        "content type",
        "form",
        b"first_party=%2B12025559000",
        [(b"Content-Type", b"application/x-www-form-urlencoded")],
    )
    yield "content type", "xml", b"<session/>", [(b"Content-Type", b"application/xml")]
    yield "content type", "control chars", VALID, [(b"Content-Type", b"application/\x01json")]
    padding = json.dumps({"first_party": FIRST, "second_party": SECOND, "x": "y" * 70_000})
    yield "too large", "declared", padding.encode(), [JSON]
    yield (
        "deep nesting",
        "arrays",
        b'{"first_party": ' + b"[" * 30_000 + b"]" * 30_000 + b"}",
        [JSON],
    )
    yield "deep nesting", "objects", b'{"a":' * 10_000 + b"1" + b"}" * 10_000, [JSON]
    yield "encoding", "invalid utf-8", b'{"first_party": "\xff\xfe", "second_party": "1"}', [JSON]
    yield "encoding", "overlong utf-8", b'{"first_party": "\xc0\xaf"}', [JSON]
    yield "encoding", "lone surrogate", b'{"first_party": "\\ud800", "second_party": "+1"}', [JSON]
    yield "encoding", "utf-16", VALID.decode().encode("utf-16"), [JSON]
    big = b"9" * 5_000
    yield "numbers", "huge integer", b'{"session_expiry": ' + big + b"}", [JSON]
    yield "numbers", "10**30", b'{"session_expiry": 1000000000000000000000000000000}', [JSON]
    yield "numbers", "1e400", b'{"session_expiry": 1e400}', [JSON]
    for constant in (b"NaN", b"Infinity", b"-Infinity"):
        yield "numbers", constant.decode(), b'{"session_expiry": ' + constant + b"}", [JSON]
    yield "control chars", "NUL in a number", b'{"first_party": "+1202\\u0000555900"}', [JSON]
    yield "control chars", "raw control byte", b'{"first_party": "+1202\x01555"}', [JSON]
    yield "control chars", "newline in a party", b'{"second_party": "+1202\\n5559001"}', [JSON]
    yield (
        "duplicate keys",
        "party twice",
        (
            b'{"first_party": "+12025559000", "second_party": "+12025559001", '
            b'"first_party": "+12025559002", "session_expiry": 600, "session_expiry": 900}'
        ),
        [JSON],
    )
    yield "types", "expiry as text", b'{"session_expiry": "soon"}', [JSON]
    yield "types", "record as number", b'{"record": 3}', [JSON]


def cases(accounts: Accounts, session_uuid: str) -> list[Case]:
    auth = (b"Authorization", rawhttp.basic(ACCOUNT_A, accounts.a.auth_token))
    sessions = f"/v1/Account/{ACCOUNT_A}/Masking/Session/"
    one = f"{sessions}{session_uuid}/"
    found: list[Case] = []
    for kind, name, body, headers in _bodies():
        for operation, target in (("create", sessions), ("update", one)):
            found.append(
                Case(
                    kind,
                    name,
                    operation,
                    rawhttp.build("POST", target, headers=[auth, *headers], body=body),
                )
            )
    large = json.dumps({"first_party": FIRST, "second_party": SECOND, "x": "y" * 70_000}).encode()
    for operation, target in (("create", sessions), ("update", one)):
        request = rawhttp.build(
            "POST",
            target,
            headers=[auth, JSON, (b"Transfer-Encoding", b"chunked")],
            body=rawhttp.chunked(large),
            content_length=False,
        )
        found.append(Case("too large", "chunked", operation, request))
    # Paths: traversal, overlong and odd session_uuids, for get, update and delete.
    odd_uuids = {
        "traversal": "../../../../etc/passwd",
        "encoded traversal": "..%2F..%2F..%2Fetc%2Fpasswd",
        "traversal to a session": f"../{session_uuid}",
        "overlong": "a" * 10_000,
        "overlong uuid-like": session_uuid * 100,
        "NUL": f"{session_uuid}%00",
        "CRLF": f"{session_uuid}%0d%0aX-Injected:%201",
        "invalid utf-8": "%FF%FE%FD",
        "unicode": "%C3%A9" * 20,
        "raw control byte": f"{session_uuid}\x01",
        "raw space": f"{session_uuid} x",
    }
    for name, odd in odd_uuids.items():
        path = f"{sessions}{odd}/".encode("latin-1")
        for operation, method, body, headers in (
            ("get", "GET", b"", [auth]),
            ("update", "POST", b'{"record": true}', [auth, JSON]),
            ("delete", "DELETE", b"", [auth]),
        ):
            request = rawhttp.build(method, path, headers=headers, body=body)
            found.append(Case("path", name, operation, request))
    odd_accounts = {
        "traversal": f"../Account/{ACCOUNT_A}",
        "overlong auth_id": "M" * 10_000,
        "NUL in auth_id": f"{ACCOUNT_A}%00",
        "other account": ACCOUNT_B,
        "lower case": ACCOUNT_A.lower(),
    }
    for name, odd in odd_accounts.items():
        target = f"/v1/Account/{odd}/Masking/Session/"
        for operation, method, body, headers in (
            ("list", "GET", b"", [auth]),
            ("create", "POST", VALID, [auth, JSON]),
        ):
            request = rawhttp.build(method, target, headers=headers, body=body)
            found.append(Case("path", name, operation, request))
    queries = {
        "huge limit": "limit=99999999999999999999999999",
        "NaN limit": "limit=NaN",
        "negative offset": "offset=-1",
        "NUL": "limit=%00",
        "invalid utf-8": "status=%FF",
        "overlong": "first_party=" + "1" * 10_000,
        "bad time": "created_time__gt=yesterday",
    }
    for name, query in queries.items():
        request = rawhttp.build("GET", f"{sessions}?{query}", headers=[auth])
        found.append(Case("query", name, "list", request))
    # Credentials that are not credentials, on every operation.
    bad_auth = {
        "not base64": b"Basic !!!",
        "not utf-8": b"Basic " + __import__("base64").b64encode(b"\xff\xfe:\xff"),
        "no colon": b"Basic " + __import__("base64").b64encode(ACCOUNT_A.encode()),
        "control chars": b"Basic \x01\x02",
        "overlong": b"Basic " + b"A" * 6_000,
        "bearer": b"Bearer " + accounts.a.auth_token.encode(),
    }
    for name, value in bad_auth.items():
        for operation, method, target, body, headers in (
            ("create", "POST", sessions, VALID, [JSON]),
            ("list", "GET", sessions, b"", []),
            ("get", "GET", one, b"", []),
            ("update", "POST", one, b'{"record": true}', [JSON]),
            ("delete", "DELETE", one, b"", []),
        ):
            request = rawhttp.build(
                method, target, headers=[(b"Authorization", value), *headers], body=body
            )
            found.append(Case("credentials", name, operation, request))
    return found


def _is_plivo_error(response: rawhttp.RawResponse) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    return (
        isinstance(body, dict)
        and set(body) == {"api_id", "error"}
        and isinstance(body["error"], str)
        and bool(body["error"])
    )


def test_hostile_input_gets_4xx_and_changes_nothing(server: MockServer, accounts: Accounts) -> None:
    created = rawhttp.send(
        server.port,
        rawhttp.build(
            "POST",
            server.sessions_url.removeprefix(server.base_url),
            headers=[(b"Authorization", rawhttp.basic(ACCOUNT_A, accounts.a.auth_token)), JSON],
            body=json.dumps(
                {"first_party": "+12025558000", "second_party": "+12025558001"}
            ).encode(),
        ),
    )
    assert created.status == 201, created.raw[:500]
    session_uuid = created.json()["session_uuid"]
    all_cases = cases(accounts, session_uuid)
    before = snapshot(server)
    problems = []
    by_kind: Counter[str] = Counter()
    by_operation: Counter[str] = Counter()
    parser_refusals = 0
    for case in all_cases:
        response = rawhttp.send(server.port, case.request)
        label = f"{case.kind}/{case.name} on {case.operation}"
        by_kind[case.kind] += 1
        by_operation[case.operation] += 1
        if response.status is None or not 400 <= response.status < 500:
            problems.append(f"{label}: status {response.status}: {response.raw[:300]!r}")
        elif response.body == PARSER_REFUSAL:
            parser_refusals += 1
        elif not _is_plivo_error(response):
            problems.append(f"{label}: not Plivo's error body: {response.body[:300]!r}")
        for token in accounts.tokens:
            if token.encode() in response.raw:
                problems.append(f"{label}: the response carries an auth token")
        health = rawhttp.send(server.port, rawhttp.build("GET", "/__mock__/health"))
        if health.status != 200:
            problems.append(f"{label}: the server stopped serving ({health.status})")
            break
        if snapshot(server) != before:
            problems.append(f"{label}: the stored state changed")
            before = snapshot(server)
    figures.record(
        "hostile_input",
        cases=len(all_cases),
        by_kind=dict(sorted(by_kind.items())),
        by_operation=dict(sorted(by_operation.items())),
        refused_by_http_parser=parser_refusals,
        problems=len(problems),
    )
    assert not problems, "\n".join(problems)
    assert set(by_operation) == {"create", "list", "get", "update", "delete"}


def test_the_duplicate_key_case_is_valid_without_the_guard() -> None:
    """The duplicate-key case would create a session if the guard were not there: the values
    named last are valid (a parser keeping the last one is what the mock had before)."""
    body = next(body for kind, _, body, _ in _bodies() if kind == "duplicate keys")
    assert json.loads(body)["first_party"] == "+12025559002"
