"""HTTP routes beside Streamlit's own, under ``server.baseUrlPath`` like Streamlit's.

``GET /readyz``: 200 ``ready`` only when this process can query its store (and, on PostgreSQL, has its read copy
loaded and refreshing), 503 with a short reason otherwise, for a
load balancer or nginx to send users only to processes that can serve them (``/_stcore/health`` says only that the
web server runs).
"""

from __future__ import annotations

import os

import anyio
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import Route
from streamlit import config

import queries
import settings
from queries import replica

READY_TIMEOUT = 5.0  # seconds a readiness query may take before the process counts as not ready


def check(cursor_factory=None) -> tuple[int, str]:
    """(HTTP status, text) of the readiness check: the store answers a query and holds the counties."""
    import store  # here, not at import: its caches are declared once Streamlit's runtime exists

    try:
        counties = int(queries.run((cursor_factory or store.cursor)(), "ready").counties[0])
    except Exception as error:  # noqa: BLE001  (whatever fails, the process is not ready; say what)
        return 503, f"未就绪：数据库无法查询（{type(error).__name__}）"
    if counties == 0:
        return 503, "未就绪：数据库中没有区县数据"
    copy = getattr(store.connection(), "replica", None) if cursor_factory is None else None
    if copy is not None and (reason := replica.ready(copy)):
        return 503, f"未就绪：{reason}"
    return 200, "ready"


async def readyz(_request) -> PlainTextResponse:
    status, text = 503, f"未就绪：数据库查询超过 {READY_TIMEOUT:g} 秒"
    with anyio.move_on_after(READY_TIMEOUT):
        status, text = await anyio.to_thread.run_sync(check, abandon_on_cancel=True)
    return PlainTextResponse(
        text,
        status_code=status,  # which process answered, for the launcher and its tests
        headers={"Cache-Control": "no-store", "X-Anhui-Process": str(os.getpid())},
    )


def path(route: str) -> str:
    """``route`` under the configured base path (``/anhui/readyz`` with ``--server.baseUrlPath anhui``)."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}{route}" if base else route  # path("/") is "/anhui/" under a base path


def static_url() -> str:
    """Where the app's static files are served (``settings.STATIC_URL``), under the base path: Leaflet's URL in
    every map (``/anhui/app/static`` behind a proxy's sub-path)."""
    return path(settings.STATIC_URL)


HOME_ALIAS = "/map"  # the home page's own url_path: Streamlit serves the default page at "/" only


async def home(request) -> RedirectResponse:
    """The home page's own address (a bookmark of ``/map?year=…``) sent to ``/`` with its query string, instead of
    Streamlit's English "Page not found" dialog."""
    query = request.url.query
    return RedirectResponse(path("/") + (f"?{query}" if query else ""), status_code=307)


def all_routes() -> list[Route]:
    from server import auth

    return [
        Route(path("/readyz"), readyz, methods=["GET", "HEAD"]),
        Route(path(HOME_ALIAS), home, methods=["GET", "HEAD"]),
        *auth.all_routes(),
    ]
