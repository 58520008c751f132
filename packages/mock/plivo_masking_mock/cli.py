"""`plivo-masking-mock`: run the mock server.

plivo-masking-mock serve --port 8080 --db sessions.db
plivo-masking-mock faults
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import replace

import uvicorn

from plivo_masking_mock.app import MockApp, create_app
from plivo_masking_mock.config import (
    DEMO_AUTH_ID,
    PROFILES,
    ConfigError,
    MockConfig,
    load_config,
    parse_account_flag,
)
from plivo_masking_mock.faults import FAULTS, UnknownFault
from plivo_masking_mock.server import bind
from plivo_masking_mock.spec import SpecError


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
    serve.add_argument("--spec", metavar="PATH", help="openapi.yaml to load (default: bundled)")
    serve.add_argument("--fault", choices=sorted(FAULTS), help="start with a planted fault")
    serve.add_argument("--log-level", default="info", help="uvicorn log level (info)")
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="log every request (off by default: a line per request costs about a tenth of "
        "the server's CPU and floods CI logs; errors are logged either way)",
    )
    commands.add_parser("faults", help="list the planted faults")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "faults":
        for name, description in FAULTS.items():
            print(f"{name:28} {description}")
        return 0
    try:
        app = _app(args)
    except (ConfigError, SpecError, UnknownFault, OSError, sqlite3.Error) as error:
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
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def _app(args: argparse.Namespace) -> MockApp:
    config = load_config(args.config) if args.config else MockConfig()
    if args.account:
        accounts = [parse_account_flag(flag) for flag in args.account]
        config = replace(config.with_accounts(accounts), source="--account")
    if args.defaults:
        config = replace(config, defaults_profile=args.defaults)
    return create_app(config, spec_path=args.spec, db_path=args.db, fault=args.fault)


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
    lines.append(f"  admin:     {base}/__mock__/ (health, clock, clock/advance, reset, faults)")
    if app.config.uses_demo_account:
        lines.append(
            f"  try: curl -u {DEMO_AUTH_ID}:{app.config.accounts[0].auth_token} "
            f"{base}/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
