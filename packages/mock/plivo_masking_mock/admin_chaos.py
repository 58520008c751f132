"""Admin endpoints of chaos and the rate limit: `/__mock__/chaos` and `/__mock__/rate-limit`.

    POST   /__mock__/chaos       settings (see `plivo_masking_mock.chaos`): put them in force
    GET    /__mock__/chaos       the settings and counters (requests seen, errors by status, drops)
    DELETE /__mock__/chaos       no chaos
    GET    /__mock__/rate-limit  the limit and how many requests it answered 429

A bad setting: 400 `{"error": "..."}` naming it; the settings in force stay as they were.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from plivo_masking_mock.admin_body import json_object_body
from plivo_masking_mock.chaos import Chaos, ChaosError, chaos_settings
from plivo_masking_mock.ratelimit import RateLimiter


def chaos_routes(chaos: Chaos, rate_limiter: RateLimiter) -> list[BaseRoute]:
    async def get_chaos(_: Request) -> Response:
        return JSONResponse(chaos.state())

    async def set_chaos(request: Request) -> Response:
        try:
            body = await json_object_body(request, ValueError)
        except ValueError:
            return _bad("the body must be a JSON object of chaos settings")
        try:
            chaos.set(chaos_settings(body))
        except ChaosError as error:
            return _bad(str(error))
        return JSONResponse(chaos.state())

    async def clear_chaos(_: Request) -> Response:
        chaos.clear()
        return JSONResponse(chaos.state())

    async def get_rate_limit(_: Request) -> Response:
        limit = rate_limiter.limit
        return JSONResponse(
            {
                "limit": str(limit) if limit else None,
                "window": "sliding",
                "limited": rate_limiter.limited,
            }
        )

    return [
        Route("/chaos", get_chaos, methods=["GET"]),
        Route("/chaos", set_chaos, methods=["POST"]),
        Route("/chaos", clear_chaos, methods=["DELETE"]),
        Route("/rate-limit", get_rate_limit, methods=["GET"]),
    ]


def _bad(message: str) -> Response:
    return JSONResponse({"error": message}, 400)
