"""`plivo-masking-mock`: run the mock server.

plivo-masking-mock serve --port 8080 --db sessions.db
plivo-masking-mock serve --chaos error_rate=0.3,statuses=429+503,seed=7 --rate-limit 300/5s
plivo-masking-mock seed --db sessions.db --sessions 100000
plivo-masking-mock faults
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import replace

import uvicorn

from plivo_masking_mock.admin_access import admin_token_for
from plivo_masking_mock.app import MockApp, create_app
from plivo_masking_mock.callbacks.policy import DeliveryPolicyError, parse_callbacks_flag
from plivo_masking_mock.chaos import ChaosError, parse_chaos_flag
from plivo_masking_mock.config import (
    DEMO_AUTH_ID,
    IMMUTABLE_FIELDS_MODES,
    PROFILES,
    STRING_BOOLEANS_MODES,
    ConfigError,
    MockConfig,
    load_config,
    parse_account_flag,
)
from plivo_masking_mock.errors import ApiError
from plivo_masking_mock.faults import FAULTS, UnknownFault
from plivo_masking_mock.ratelimit import RateLimitError, parse_rate_limit
from plivo_masking_mock.seeding import DEFAULT_SESSION_EXPIRY, MAX_SESSIONS, seed
from plivo_masking_mock.server import bind
from plivo_masking_mock.spec import SpecError
from plivo_masking_spec import OperationId


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plivo-masking-mock",
        description="A stateful mock of Plivo's Number Masking session API, "
        "validated by openapi.yaml.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the mock server")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port (8080; 0 picks a free one)")
    serve.add_argument("--db", metavar="PATH", help="SQLite file for sessions (default: memory)")
    serve.add_argument("--config", metavar="FILE", help="TOML or JSON config: accounts, defaults")
    serve.add_argument(
        "--account",
        action="append",
        default=[],
        metavar="AUTH_ID:AUTH_TOKEN[:NUMBER,...]",
        help="an account (repeatable); replaces the config's accounts and the demo account",
    )
    serve.add_argument(
        "--defaults",
        choices=PROFILES,
        help="create defaults: observed (1800/14400/45, what the real API sends; default) "
        "or documented (3600/3600/120, the docs)",
    )
    serve.add_argument(
        "--immutable-fields",
        choices=IMMUTABLE_FIELDS_MODES,
        help="update's x-immutable-fields (a chosen rule): accept-if-equal (400 for a changed "
        "value; default), reject (400 whenever sent) or ignore",
    )
    serve.add_argument(
        "--string-booleans",
        choices=STRING_BOOLEANS_MODES,
        help='"true"/"false" strings for boolean parameters (a chosen rule): reject (400; '
        "default) or accept",
    )
    serve.add_argument("--spec", metavar="PATH", help="openapi.yaml to load (default: bundled)")
    serve.add_argument("--fault", choices=sorted(FAULTS), help="start with a planted fault")
    serve.add_argument(
        "--admin-token",
        metavar="TOKEN",
        help="token the admin prefix /__mock__/ (console included) requires; generated and "
        "printed when --host is not a loopback address (docs/console.md)",
    )
    serve.add_argument(
        "--chaos",
        metavar="NAME=VALUE,...",
        help="chaos from the start, e.g. error_rate=0.3,statuses=429+503,latency_ms=0+200,seed=7",
    )
    serve.add_argument(
        "--rate-limit", metavar="N/WINDOW", help="per-account limit, sliding window, e.g. 300/5s"
    )
    serve.add_argument(
        "--callbacks",
        metavar="NAME=VALUE,...",
        help="callback delivery: timeout (s per attempt, 5), attempts (in all, 3; 1: no retry), "
        "backoff (s before the second attempt, doubling, 1), e.g. attempts=1,timeout=2",
    )
    serve.add_argument("--log-level", default="info", help="uvicorn log level (info)")
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="log every request (off by default: a line per request adds 15-35%% to the "
        "server's CPU per request and floods CI logs; errors are logged either way)",
    )
    serve.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="N",
        help="store N active sessions of the first account before serving (docs/seeding.md)",
    )
    seeder = commands.add_parser(
        "seed", help="store N active sessions in a SQLite file, for load tests (docs/seeding.md)"
    )
    seeder.add_argument("--db", metavar="PATH", required=True, help="SQLite file (created)")
    seeder.add_argument("--sessions", type=int, required=True, metavar="N", help="how many")
    seeder.add_argument("--config", metavar="FILE", help="TOML or JSON config: accounts, defaults")
    seeder.add_argument(
        "--account",
        action="append",
        default=[],
        metavar="AUTH_ID:AUTH_TOKEN[:NUMBER,...]",
        help="the account to seed (the first one given; default: the config's first, or demo)",
    )
    seeder.add_argument(
        "--session-expiry",
        type=int,
        default=DEFAULT_SESSION_EXPIRY,
        metavar="S",
        help=f"seconds each session stays active ({DEFAULT_SESSION_EXPIRY})",
    )
    commands.add_parser("faults", help="list the planted faults")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "faults":
        for name, description in FAULTS.items():
            print(f"{name:28} {description}")
        return 0
    if args.command == "seed":
        return _seed(args)
    try:
        app = _app(args)
        if args.seed:
            _seed_app(app, args.seed, DEFAULT_SESSION_EXPIRY)
    except (ChaosError, RateLimitError, DeliveryPolicyError) as error:
        flag = {ChaosError: "--chaos", RateLimitError: "--rate-limit"}.get(
            type(error), "--callbacks"
        )
        print(f"plivo-masking-mock: {flag}: {error}", file=sys.stderr)
        return 2
    except (ConfigError, SpecError, UnknownFault, OSError, sqlite3.Error, ValueError) as error:
        # ValueError: a bad --seed count (the seed command's own errors are worded the same).
        print(f"plivo-masking-mock: {error}", file=sys.stderr)
        return 2
    try:
        sock = bind(args.host, args.port)
    except OSError as error:
        print(
            f"plivo-masking-mock: cannot listen on {args.host}:{args.port}: {error}",
            file=sys.stderr,
        )
        return 2
    port = sock.getsockname()[1]
    print(banner(app, args.host, port, args.db), flush=True)
    config = uvicorn.Config(
        app, log_level=args.log_level, lifespan="off", access_log=args.access_log
    )
    app.calls.start_ticker()  # calls and SessionTimeouts go on between requests
    _freeze_startup_objects()
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def _freeze_startup_objects() -> None:
    """Moves every object built so far (modules, the spec and its validators, the app) out of
    the garbage collector's sight: they live as long as the process. A full collection would
    otherwise walk those ~59,000 objects each time (10-30 ms on the project's machine, a stall
    of every request in flight: under load, the p99 of expire read ~13 ms before this and ~9 ms
    after); it now walks only what requests created. Done here, in the process `serve` owns,
    and nowhere a user's process runs the mock (`MockServer`, the pytest plugin)."""
    gc.collect()
    gc.freeze()


def _app(args: argparse.Namespace) -> MockApp:
    config = load_config(args.config) if args.config else MockConfig()
    if args.account:
        accounts = [parse_account_flag(flag) for flag in args.account]
        config = replace(config.with_accounts(accounts), source="--account")
    if getattr(args, "defaults", None):
        config = replace(config, defaults_profile=args.defaults)
    option = vars(args).get  # the seed command has only some of serve's options
    if option("immutable_fields"):
        config = replace(config, immutable_fields=args.immutable_fields)
    if option("string_booleans"):
        config = replace(config, string_booleans=args.string_booleans)
    if option("chaos"):
        config = replace(config, chaos=parse_chaos_flag(args.chaos))
    if option("rate_limit"):
        config = replace(config, rate_limit=parse_rate_limit(args.rate_limit))
    if option("callbacks"):
        config = replace(config, callbacks=parse_callbacks_flag(args.callbacks))
    token, _ = admin_token_for(option("host") or "127.0.0.1", option("admin_token"))
    return create_app(
        config,
        spec_path=option("spec"),
        db_path=args.db,
        fault=option("fault"),
        admin_token=token,
    )


def _seed(args: argparse.Namespace) -> int:
    try:
        app = _app(args)
        total = _seed_app(app, args.sessions, args.session_expiry)
    except (ConfigError, SpecError, OSError, sqlite3.Error, ValueError) as error:
        print(f"plivo-masking-mock: {error}", file=sys.stderr)
        return 2
    account = app.config.accounts[0]
    print(f"{args.db}: {args.sessions:,} sessions of {account.auth_id} added, {total:,} in all")
    return 0


def _seed_app(app: MockApp, count: int, session_expiry: int) -> int:
    """Seeds the first account with `count` sessions (ValueError: out of bounds or invalid)."""
    if not 1 <= count <= MAX_SESSIONS:
        raise ValueError(f"the number of sessions to seed is from 1 to {MAX_SESSIONS:,}")
    try:
        app.validator.validate_body(
            app.spec.operation(OperationId.CREATE), {"session_expiry": session_expiry}
        )
    except ApiError as error:
        raise ValueError(error.message) from None
    return seed(app.spec, app.service, app.config.accounts[0], count, session_expiry)


def banner(app: MockApp, host: str, port: int, db: str | None) -> str:
    shown_host = f"[{host}]" if ":" in host else host
    base = f"http://{shown_host}:{port}"
    defaults = app.service.defaults
    lines = [
        f"plivo-masking-mock listening on {base}",
        f"  spec:      {app.spec.path}",
        f"  sessions:  {db or 'in memory (use --db PATH to keep them)'}",
        f"  defaults:  {app.config.defaults_profile} (session_expiry {defaults['session_expiry']}, "
        f"call_time_limit {defaults['call_time_limit']}, ring_timeout {defaults['ring_timeout']})",
    ]
    for account in app.config.accounts:
        label = "demo account" if app.config.uses_demo_account else "account"
        lines += [
            f"  {label}:  auth_id {account.auth_id}  auth_token {account.auth_token}",
            f"    sessions URL: {base}/v1/Account/{account.auth_id}/Masking/Session/",
            f"    numbers:      {', '.join(account.numbers)}",
        ]
    if app.faults.active:
        lines.append(f"  FAULT:     {app.faults.active} (the mock breaks the contract on purpose)")
    if app.chaos.settings:
        lines.append(f"  chaos:     {app.chaos.settings.as_json()}")
    if app.rate_limiter.limit:
        lines.append(f"  rate limit: {app.rate_limiter.limit} per account (sliding window)")
    lines.append(f"  callbacks: {app.dispatcher.policy.as_text()} (--callbacks)")
    lines.append(
        f"  admin:     {base}/__mock__/ (health, clock, clock/advance, reset, faults, chaos)"
    )
    token = app.access.token
    if token is None:
        lines.append(f"  console:   {base}/__mock__/console")
    else:
        lines += [
            f"  console:   {base}/__mock__/console?token={token}",
            f"  admin token required on /__mock__/: {token} (header X-Mock-Admin-Token)",
        ]
    if app.config.uses_demo_account:
        lines.append(
            f"  try: curl -u {DEMO_AUTH_ID}:{app.config.accounts[0].auth_token} "
            f"{base}/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
