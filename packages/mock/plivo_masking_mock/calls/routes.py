"""Admin routes of simulated calls and their callbacks (mounted under `/__mock__/`).

- `POST /sessions/{session_uuid}/calls`: plays a call (`plivo_masking_mock.calls.request`);
- `GET /deliveries?session_uuid=&call_uuid=&event=`: the delivery log, newest first;
  `DELETE /deliveries` clears it;
- `GET /recordings/{recording_uuid}.{wav|mp3}`: the audio a `RecordingURL` points at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from plivo_masking_mock.admin_body import json_object_body
from plivo_masking_mock.calls.recording import MEDIA_TYPES, recording_audio
from plivo_masking_mock.calls.request import CallInputError, parse_call_request

if TYPE_CHECKING:
    from plivo_masking_mock.app import MockApp

PHONE_COMPONENT = "PhoneNumber"


def call_routes(app: MockApp) -> list[BaseRoute]:
    phone_pattern = str(app.spec.schema(PHONE_COMPONENT)["pattern"])

    async def simulate_call(request: Request) -> Response:
        try:
            body = await json_object_body(request, CallInputError)
            call = parse_call_request(body, phone_pattern)
            answer = app.calls.play(
                request.path_params["session_uuid"], call, str(request.base_url)
            )
        except CallInputError as error:
            return JSONResponse({"error": str(error)}, error.status)
        if call.wait:
            deliveries = app.calls.deliveries_of(answer["call_uuid"])
            policy = app.dispatcher.policy
            budget = len(deliveries) * policy.attempts * (policy.timeout + 2 * policy.backoff)
            await app.dispatcher.wait_finished(deliveries, budget + 1)
            answer["deliveries"] = [item.as_json() for item in reversed(deliveries)]
        return JSONResponse(answer)

    async def deliveries(request: Request) -> Response:
        app.calls.settle()
        query = request.query_params
        found = app.calls.log.find(
            session_uuid=query.get("session_uuid"),
            call_uuid=query.get("call_uuid"),
            event=query.get("event"),
        )
        return JSONResponse({"deliveries": [item.as_json() for item in found]})

    async def clear_deliveries(_: Request) -> Response:
        app.calls.log.clear()
        return JSONResponse({"deliveries": []})

    async def recording(request: Request) -> Response:
        name = str(request.path_params["name"])
        recording_uuid, _, file_format = name.rpartition(".")
        if app.calls.recordings.get(recording_uuid) != file_format:
            return JSONResponse({"error": f"no recording {name}"}, 404)
        return Response(recording_audio(file_format), media_type=MEDIA_TYPES[file_format])

    return [
        Route("/sessions/{session_uuid}/calls", simulate_call, methods=["POST"]),
        Route("/deliveries", deliveries, methods=["GET"]),
        Route("/deliveries", clear_deliveries, methods=["DELETE"]),
        Route("/recordings/{name}", recording, methods=["GET"]),
    ]
