"""The HTTPS log drain receiver: an ASGI app that stores each Logplex POST body before acknowledging it.

Logplex drops a frame for good on any 4xx but 429 and retries 5xx and timeouts, so the receiver answers
204 only once the raw store confirmed the write, 503 when the write failed, and never a 4xx for a body it
cannot parse: the body is stored as received and its unreadable lines end in rejected_lines later. The
only refusals are bad credentials (401) and bodies above the size limit (413).

A body is named by its ``Logplex-Frame-Id`` (the same on every retry of a frame), or by a hash of its
content when there is none (Private Space drains), so a retried frame overwrites itself. A frame retried
across midnight UTC is stored under both received days; the partition builder keeps one copy.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import hmac
import logging
import os
import re
from collections.abc import Callable, Mapping

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from heroku_assets.capture.drain_config import DrainConfig
from heroku_assets.capture.received import store_received, undated_day
from heroku_assets.capture.webhooks import webhook_routes
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

log = logging.getLogger(__name__)

_FRAME_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
_UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Basic realm="heroku-assets drain"'}


def _header_value(value: str | None, limit: int = 256) -> str:
    """A header as a metadata value: printable ASCII only (blob metadata allows nothing else), bounded."""
    if not value:
        return ""
    if value.isascii() and value.isprintable():
        return value[:limit]
    return "".join(c for c in value if " " <= c <= "~")[:limit]


def _basic_credentials(header: str) -> tuple[bytes, bytes]:
    """User and password of an ``Authorization: Basic`` header; empty ones when it is not one."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return b"", b""
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        return b"", b""
    user, _, password = decoded.partition(b":")
    return user, password


def frame_name(frame_id: str | None, body: bytes) -> str:
    """The object name of a body: its frame id, a hash of an unusable frame id (still stable across
    retries), or a hash of the content when Logplex sent no frame id."""
    if frame_id and _FRAME_ID.match(frame_id):
        return frame_id
    if frame_id:
        return "f-" + hashlib.sha256(frame_id.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return "sha256-" + hashlib.sha256(body).hexdigest()[:32]


class _Receiver:
    def __init__(self, store: ObjectStore, config: DrainConfig, clock: Callable[[], dt.datetime]) -> None:
        self.store = store
        self.config = config
        self.clock = clock
        self.stored = 0
        self.failed = 0
        self.refused = 0

    def authorized(self, request: Request) -> bool:
        """Every configured credential must match; each is compared in constant time, and all are
        compared whatever the outcome of the first, so timing says nothing about which one failed."""
        config = self.config
        ok = True
        given_token = request.path_params.get("path_token")
        if config.path_token is not None:
            ok &= hmac.compare_digest((given_token or "").encode(), config.path_token.encode())
        elif given_token is not None:
            ok = False  # a token in the path that no one configured: a misaddressed drain
        if config.uses_basic:
            assert config.username is not None and config.password is not None
            user, password = _basic_credentials(request.headers.get("authorization", ""))
            ok &= hmac.compare_digest(user, config.username.encode())
            ok &= hmac.compare_digest(password, config.password.encode())
        return ok

    def app_for(self, request: Request) -> tuple[str, dict[str, str]]:
        """The app a body belongs to and how it was known: the drain token's mapping first, then the
        ``?app=`` of the drain URL, else ``_unmapped`` (kept, never dropped, for an operator to map)."""
        token = request.headers.get("logplex-drain-token", "")
        if token and token in self.config.apps:
            return self.config.apps[token], {"app_source": "drain_token"}
        asked = request.query_params.get("app")
        if asked:
            try:
                return layout.validate_app(asked), {"app_source": "query"}
            except ValueError:
                return layout.UNMAPPED_APP, {
                    "app_source": "unmapped",
                    "requested_app": _header_value(asked, 100),
                }
        return layout.UNMAPPED_APP, {"app_source": "unmapped"}

    def store_frame(
        self, app: str, name: str, body: bytes, received_at: dt.datetime, metadata: Mapping[str, str]
    ) -> ObjectInfo:
        """Write the body (blocking: runs in a worker thread) under the day it was received.

        Nothing here looks for an earlier copy: an attempt still being written when Logplex retries
        cannot be seen, so a frame retried across midnight is stored once under each day, and the
        partition builder keeps one of them. For that, both copies must be dated alike, which
        ``undated_day`` sees to."""
        key = layout.drain_object(app, received_at.date(), name)
        return store_received(self.store, key, body, "logplex", undated_day(received_at), metadata)

    async def receive(self, request: Request) -> Response:
        if not self.authorized(request):
            self.refused += 1
            log.warning("drain post refused: bad or missing credentials")
            return PlainTextResponse("unauthorized\n", status_code=401, headers=_UNAUTHORIZED_HEADERS)
        try:
            body = await request.body()
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is listening; Logplex retries the frame
        received_at = self.clock().astimezone(dt.UTC)
        app, metadata = self.app_for(request)
        headers = request.headers
        frame_id = headers.get("logplex-frame-id")
        name = frame_name(frame_id, body)
        metadata.update(
            {
                "app": app,
                "msg_count": _header_value(headers.get("logplex-msg-count"), 20),
                "frame_id": _header_value(frame_id, 128),
                "drain_token": _header_value(headers.get("logplex-drain-token"), 100),
                "user_agent": _header_value(headers.get("user-agent")),
                "content_type": _header_value(headers.get("content-type"), 100),
                "received_at": received_at.isoformat(),
            }
        )
        try:
            info = await run_in_threadpool(self.store_frame, app, name, body, received_at, metadata)
        except Exception as exc:  # noqa: BLE001 - whatever failed, the body is not safe: say so, retryably
            self.failed += 1
            log.error("drain body %s of %s not stored (%s): answering 503", name, app, type(exc).__name__)
            return PlainTextResponse(
                "not stored, retry later\n", status_code=503, headers={"Retry-After": "1"}
            )
        self.stored += 1
        log.debug("stored %s (%d bytes)", info.key, len(body))
        return Response(status_code=204)

    async def health(self, request: Request) -> Response:
        return JSONResponse(
            {"status": "ok", "stored": self.stored, "failed": self.failed, "refused": self.refused}
        )


def create_app(
    store: ObjectStore,
    config: DrainConfig,
    *,
    clock: Callable[[], dt.datetime] | None = None,
) -> Starlette:
    """The receiver: ``POST /logs`` and ``POST /logs/{path_token}`` take drain bodies, ``GET /health``
    answers with counters. ``clock`` (UTC now by default) names the received day."""
    import heroku_assets.logs  # noqa: F401 - loaded now rather than by the first POST (about a second)

    receiver = _Receiver(store, config, clock or (lambda: dt.datetime.now(dt.UTC)))
    limit = config.max_body_bytes
    app = Starlette(
        routes=[
            Route("/logs", receiver.receive, methods=["POST"], max_body_size=limit),
            Route("/logs/{path_token}", receiver.receive, methods=["POST"], max_body_size=limit),
            Route("/health", receiver.health, methods=["GET"]),
        ]
    )
    app.router.routes.extend(webhook_routes(store))  # POST /webhooks/heroku when a secret is set
    app.state.receiver = receiver
    return app


_ANONYMOUS_ENV = "HEROKU_DRAIN_ALLOW_ANONYMOUS"
_process_resources = contextlib.ExitStack()


def app_from_environment() -> Starlette:
    """The receiver of one uvicorn worker process (``drain serve --workers N``): each worker opens its
    own stores from the environment; they live as long as the process."""
    from heroku_assets import settings as settings_module
    from heroku_assets.storage.factory import open_stores

    config = DrainConfig.from_env(allow_anonymous=os.environ.get(_ANONYMOUS_ENV) == "1")
    stores = _process_resources.enter_context(open_stores(settings_module.load()))
    return create_app(stores.raw, config)
