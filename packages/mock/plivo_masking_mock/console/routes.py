"""The console's routes, under the admin prefix: pages, the fragments they poll, one action.

GET never changes state. The one action of the console's own, expiring a session without the
account's credentials, is a POST; the other actions (play a call, move the clock, reset,
faults) are the admin API's own POST endpoints, called by the page's script.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from plivo_masking_mock.console.render import environment
from plivo_masking_mock.errors import ApiError
from plivo_masking_mock.faults import FAULTS
from plivo_masking_mock.inspection import Inspector
from plivo_masking_mock.listing import PAGING, STATUS
from plivo_masking_mock.spec import schema_keyword
from plivo_masking_spec import OperationId

if TYPE_CHECKING:
    from plivo_masking_mock.app import MockApp

STATIC = Path(__file__).parent / "static"
_NO_STORE = {"Cache-Control": "no-store"}
# The filters shown without opening "more filters".
_MAIN_FILTERS = ("first_party", "second_party", "virtual_number")


@dataclass(frozen=True)
class Filter:
    name: str
    choices: tuple[str, ...]  # the enum of the parameter, if it has one


def console_routes(app: MockApp) -> list[BaseRoute]:
    console = Console(app)
    return [
        Route("/console", console.index, methods=["GET"]),
        Route("/console/fragments/sessions", console.sessions_fragment, methods=["GET"]),
        Route("/console/sessions/{session_uuid}", console.session_page, methods=["GET"]),
        Route(
            "/console/fragments/sessions/{session_uuid}",
            console.session_fragment,
            methods=["GET"],
        ),
        Route("/console/sessions/{session_uuid}/expire", console.expire, methods=["POST"]),
        Mount("/console/static", app=StaticFiles(directory=STATIC), name="console-static"),
    ]


class Console:
    def __init__(self, app: MockApp) -> None:
        self.app = app
        self.inspector = Inspector(app.service)
        self.templates = environment()
        self.list_operation = app.spec.operation(OperationId.LIST)
        self.filters = tuple(
            Filter(p.name, tuple(str(v) for v in schema_keyword(p.schema, "enum") or ()))
            for p in self.list_operation.query_parameters()
        )

    # -- pages ------------------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        return self._page(
            request,
            "index.html",
            title="Sessions",
            filters=self.filters,
            main_filters=(STATUS, *_MAIN_FILTERS),
            paging=PAGING,
            chosen=self._chosen(request),
            faults=FAULTS,
            **self._sessions_context(request),
        )

    async def sessions_fragment(self, request: Request) -> Response:
        return self._render(request, "_sessions.html", **self._sessions_context(request))

    async def session_page(self, request: Request) -> Response:
        context = self._session_context(request)
        if context is None:
            return self._page(request, "missing.html", 404, title="No such session")
        return self._page(request, "session.html", title="Session", **context)

    async def session_fragment(self, request: Request) -> Response:
        context = self._session_context(request)
        if context is None:
            return self._render(request, "missing.html", 404)
        return self._render(request, "_session_detail.html", **context)

    # -- the console's own action ---------------------------------------------------------

    async def expire(self, request: Request) -> Response:
        try:
            answer = self.inspector.expire(request.path_params["session_uuid"])
        except ApiError as error:
            return JSONResponse({"error": error.message}, error.status)
        return JSONResponse(answer)

    # -- context ----------------------------------------------------------------------------

    def _chosen(self, request: Request) -> dict[str, str]:
        """The list filters in the page's query, without empty ones."""
        names = {item.name for item in self.filters}
        return {
            name: value
            for name, value in request.query_params.items()
            if name in names and value.strip()
        }

    def _sessions_context(self, request: Request) -> dict[str, Any]:
        chosen = self._chosen(request)
        accounts = []
        for account in self.inspector.accounts:
            try:
                params = self.app.validator.parse_query(self.list_operation, chosen)
                page = self.inspector.sessions(account, params, chosen)
            except ApiError as error:
                accounts.append({"auth_id": account.auth_id, "error": error.message})
                continue
            accounts.append({"auth_id": account.auth_id, **page})
        return {"accounts": accounts, "query": str(request.url.query)}

    def _session_context(self, request: Request) -> dict[str, Any] | None:
        try:
            detail = self.inspector.detail(request.path_params["session_uuid"])
        except ApiError:
            return None
        return {"detail": detail, "session": detail.session}

    # -- rendering --------------------------------------------------------------------------

    def _page(self, request: Request, template: str, status: int = 200, **context: Any) -> Response:
        return self._render(request, template, status, page=True, **context)

    def _render(
        self, request: Request, template: str, status: int = 200, **context: Any
    ) -> Response:
        admin = str(request.scope.get("root_path", "")).rstrip("/")
        html = self.templates.get_template(template).render(
            admin=admin,
            base=f"{admin}/console",
            csrf=self.app.access.csrf_token,
            now=int(self.app.clock.now()),
            fault=self.app.faults.active,
            **context,
        )
        return HTMLResponse(html, status, headers=_NO_STORE)
