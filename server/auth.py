"""``POST /auth/claim``: the page trades its login's one-time code for the login cookie (``records.sessions``).

The cookie holds only a random id; it is HttpOnly (no script reads it), SameSite=Strict (no other site's page
sends it), limited to the app's base path, and Secure when the request came over HTTPS (directly, or through a
proxy that says so in ``X-Forwarded-Proto``). Without Max-Age it lasts until the browser closes; the store's idle
expiry ends it sooner.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import anyio
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from records import sessions
from server.routes import path

MAX_BODY = 1024  # bytes: a form with one code


def same_origin(request: Request) -> bool:
    """Whether the request's Origin (sent by browsers with every POST from a page) is this host: another site's
    page cannot make a browser claim a code (and so log it in as someone else)."""
    origin = request.headers.get("origin")
    host = request.headers.get("x-forwarded-host") or request.headers.get("host")
    return origin is not None and urlparse(origin).netloc == host


async def claim(request: Request) -> Response:
    import store  # here, not at import: its caches are declared once Streamlit's runtime exists

    if not same_origin(request):
        return PlainTextResponse("来源不符", status_code=403)
    body = await request.body()
    if len(body) > MAX_BODY:
        return PlainTextResponse("请求过大", status_code=413)
    code = (parse_qs(body.decode(errors="replace")).get("code") or [""])[0]
    token = await anyio.to_thread.run_sync(lambda: sessions.claim(store.cursor(), code))
    if token is None:
        return PlainTextResponse("登录码无效或已过期", status_code=403)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    secure = request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"
    response.set_cookie(sessions.COOKIE, token, path=path("/"), httponly=True, samesite="strict", secure=secure)
    return response


def all_routes() -> list[Route]:
    return [Route(path("/auth/claim"), claim, methods=["POST"])]
