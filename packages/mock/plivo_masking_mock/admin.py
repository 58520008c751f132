"""Admin endpoints under `/__mock__/`: clock, reset, faults, health, and the routes of simulated
calls and their callbacks (`plivo_masking_mock.calls.routes`).

Not part of openapi.yaml, not Plivo's, and not authenticated: the mock is meant for loopback.
Bodies are JSON; errors are `{"error": "..."}` with 400 or 404.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from plivo_masking_mock.admin_access import PREFIX
from plivo_masking_mock.admin_body import json_object_body
from plivo_masking_mock.calls.routes import call_routes
from plivo_masking_mock.faults import FAULTS, UnknownFault
from plivo_masking_mock.formats import go_timestamp, parse_filter_time

if TYPE_CHECKING:
    from plivo_masking_mock.app import MockApp


class AdminError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def admin_routes(app: MockApp) -> list[BaseRoute]:
    def clock_state() -> dict[str, Any]:
        now = app.clock.now()
        return {"now": now, "time": go_timestamp(int(now))}

    async def health(_: Request) -> Response:
        with app.store.transaction() as tx:
            count = tx.count()
        return JSONResponse(
            {
                "status": "ok",
                "sessions": count,
                "fault": app.faults.active,
                "defaults_profile": app.config.defaults_profile,
                "spec": str(app.spec.path),
            }
        )

    async def get_clock(_: Request) -> Response:
        return JSONResponse(clock_state())

    async def set_clock(request: Request) -> Response:
        body = await json_object_body(request, AdminError)
        now = body.get("now")
        if isinstance(now, bool) or not isinstance(now, (int, float, str)):
            raise AdminError('give "now": epoch seconds or "YYYY-MM-DD HH:MM[:SS]" (UTC)')
        if isinstance(now, str):
            try:
                now = parse_filter_time(now)
            except ValueError:
                raise AdminError(f"not a time: {now!r}") from None
        app.clock.set(float(now))
        app.calls.settle()
        return JSONResponse(clock_state())

    async def advance_clock(request: Request) -> Response:
        body = await json_object_body(request, AdminError)
        seconds = body.get("seconds")
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise AdminError('give "seconds": a number')
        app.clock.advance(float(seconds))
        app.calls.settle()
        return JSONResponse(clock_state())

    async def reset(_: Request) -> Response:
        app.reset()
        return JSONResponse({"reset": True, **clock_state()})

    def fault_state() -> dict[str, Any]:
        return {"fault": app.faults.active, "available": FAULTS}

    async def get_faults(_: Request) -> Response:
        return JSONResponse(fault_state())

    async def set_fault(request: Request) -> Response:
        body = await json_object_body(request, AdminError)
        if "fault" in body and body["fault"] is None:  # switching off by POST, for the console
            app.faults.clear()
            return JSONResponse(fault_state())
        try:
            app.faults.set(str(body.get("fault")))
        except UnknownFault as error:
            raise AdminError(str(error)) from None
        return JSONResponse(fault_state())

    async def clear_faults(_: Request) -> Response:
        app.faults.clear()
        return JSONResponse(fault_state())

    return [
        Route("/health", _guarded(health), methods=["GET"]),
        Route("/clock", _guarded(get_clock), methods=["GET"]),
        Route("/clock", _guarded(set_clock), methods=["POST"]),
        Route("/clock/advance", _guarded(advance_clock), methods=["POST"]),
        Route("/reset", _guarded(reset), methods=["POST"]),
        Route("/faults", _guarded(get_faults), methods=["GET"]),
        Route("/faults", _guarded(set_fault), methods=["POST"]),
        Route("/faults", _guarded(clear_faults), methods=["DELETE"]),
        *call_routes(app),
    ]


def index_route(routes: Sequence[BaseRoute]) -> Route:
    """`GET /__mock__/` (and `/__mock__`, redirected there): what the prefix offers, for someone
    who opens it: the console and every admin endpoint of `routes`, as `METHOD /path`."""
    endpoints = sorted(
        {
            f"{method} {PREFIX}{route.path}"
            for route in routes
            if isinstance(route, Route)
            for method in route.methods or ()
            if method != "HEAD"
        }
        | {f"GET {PREFIX}/"}
    )

    async def index(_: Request) -> Response:
        return JSONResponse(
            {
                "mock": "plivo-masking-mock",
                "console": f"{PREFIX}/console",
                "endpoints": endpoints,
            }
        )

    return Route("/", index, methods=["GET"])


def _guarded(endpoint: Any) -> Any:
    async def guarded(request: Request) -> Response:
        try:
            response: Response = await endpoint(request)
        except AdminError as error:
            return JSONResponse({"error": str(error)}, error.status)
        return response

    return guarded
