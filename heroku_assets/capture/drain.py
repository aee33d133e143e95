"""The HTTPS log drain receiver: an ASGI app that makes each Logplex POST body durable before
acknowledging it.

With a spool (``drain serve`` always has one) a body (or an OTLP request, ``otlp``) is appended to the
local spool and acknowledged once fsynced; segments of many bodies are shipped to the raw store later
(``spool``, ``segments``).
Without one (embedded uses, tests of the store path) each body is written to the store as its own object.

Logplex drops a frame for good on any 4xx but 429 and retries 5xx and timeouts, so the receiver answers
204 only once the body is durable (spool fsync, or the store's confirmation), 503 when it is not, and
never a 4xx for a body it cannot parse: the body is stored as received and its unreadable lines end in
rejected_lines later. The only refusals are bad credentials (401) and bodies above the size limit (413).

A body is named by its ``Logplex-Frame-Id`` (the same on every retry of a frame), or by a hash of its
content when there is none (Private Space drains). A frame retried (across midnight UTC, or to another
receiver) is kept more than once; the partition builder counts each frame id once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import logging
import os
from collections.abc import AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from heroku_assets.capture.drain_config import DrainConfig, SpoolConfig
from heroku_assets.capture.http import basic_credentials, header_value
from heroku_assets.capture.received import store_received
from heroku_assets.capture.segments import SpoolRunner
from heroku_assets.capture.spool import SpoolError
from heroku_assets.capture.webhooks import webhook_routes
from heroku_assets.received.days import undated_day
from heroku_assets.received.records import Record
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

if TYPE_CHECKING:
    from heroku_assets.capture.otlp import OtlpReceiver

log = logging.getLogger(__name__)

_UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Basic realm="heroku-assets drain"'}


class _Receiver:
    def __init__(
        self,
        store: ObjectStore,
        config: DrainConfig,
        clock: Callable[[], dt.datetime],
        spool: SpoolRunner | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.clock = clock
        self.spool = spool
        self.stored = 0
        self.failed = 0
        self.refused = 0
        self.otlp: OtlpReceiver | None = None

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
            user, password = basic_credentials(request.headers.get("authorization", ""))
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
                    "requested_app": header_value(asked, 100),
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
        name = layout.frame_name(frame_id, body)
        metadata.update(
            {
                "app": app,
                "msg_count": header_value(headers.get("logplex-msg-count"), 20),
                "frame_id": header_value(frame_id, 128),
                "drain_token": header_value(headers.get("logplex-drain-token"), 100),
                "user_agent": header_value(headers.get("user-agent")),
                "content_type": header_value(headers.get("content-type"), 100),
                "received_at": received_at.isoformat(),
            }
        )
        if self.spool is not None:
            return await self.spool_frame(app, frame_id, name, body, received_at, metadata)
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

    async def spool_frame(
        self,
        app: str,
        frame_id: str | None,
        name: str,
        body: bytes,
        received_at: dt.datetime,
        metadata: Mapping[str, str],
    ) -> Response:
        """Append the body to the spool; 204 once the fsync covering it returned, else 503."""
        assert self.spool is not None
        spool = self.spool.spool
        record = Record(
            kind="logplex",
            app=app,
            received_at=received_at,
            body=body,
            frame_id=name if frame_id else None,
            headers={k: v for k, v in metadata.items() if k not in ("app", "received_at") and v},
        )
        try:
            if spool is None:
                raise SpoolError("the spool is not open")
            await spool.append(record)
        except SpoolError as exc:
            self.failed += 1
            log.error("drain body %s of %s not spooled (%s): answering 503", name, app, exc)
            return PlainTextResponse(
                "not stored, retry later\n", status_code=503, headers={"Retry-After": "1"}
            )
        self.stored += 1
        return Response(status_code=204)

    async def health(self, request: Request) -> Response:
        from heroku_assets.capture.otlp import counters

        status: dict[str, object] = {
            "status": "ok",
            "stored": self.stored,
            "failed": self.failed,
            "refused": self.refused,
        }
        runner = self.spool
        if runner is not None and runner.spool is not None and runner.shipper is not None:
            status.update(
                receiver=runner.shipper.receiver_id,
                spooled_bytes=runner.spool.spooled_bytes,
                fsyncs=runner.spool.fsyncs,
                segments_shipped=runner.shipper.shipped,
                ship_failures=runner.shipper.failures,
            )
        if self.otlp is not None:
            status.update(counters(self.otlp))
        return JSONResponse(status)


def create_app(
    store: ObjectStore,
    config: DrainConfig,
    *,
    clock: Callable[[], dt.datetime] | None = None,
    spool: SpoolRunner | None = None,
) -> Starlette:
    """The receiver: ``POST /logs`` and ``POST /logs/{path_token}`` take drain bodies,
        ``POST /otlp/[{path_token}/]v1/{logs,metrics,traces}`` take telemetry drain requests (see
        ``heroku_assets.capture.otlp``), ``GET /health`` answers with counters. ``clock`` (UTC now by
        default) names the received day. With ``spool``, Logplex bodies and OTLP requests go to the spool
    (records of kinds ``logplex`` and ``otlp``); the app's lifespan
        starts it (recovering and shipping what is left) and stops it on shutdown (SIGTERM), sealing and
        shipping the open segment."""
    import heroku_assets.logs  # noqa: F401 - loaded now rather than by the first POST (about a second)
    from heroku_assets.capture.otlp import otlp_routes

    clock = clock or (lambda: dt.datetime.now(dt.UTC))
    receiver = _Receiver(store, config, clock, spool)
    otlp, otlp_route = otlp_routes(store, config, clock, spool)
    receiver.otlp = otlp

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if spool is not None:
            await run_in_threadpool(spool.start)
        try:
            yield
        finally:
            if spool is not None:
                await run_in_threadpool(spool.stop)

    limit = config.max_body_bytes
    app = Starlette(
        routes=[
            Route("/logs", receiver.receive, methods=["POST"], max_body_size=limit),
            Route("/logs/{path_token}", receiver.receive, methods=["POST"], max_body_size=limit),
            *otlp_route,
            Route("/health", receiver.health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.router.routes.extend(webhook_routes(store))  # POST /webhooks/heroku when a secret is set
    app.state.receiver = receiver
    app.state.otlp = otlp
    return app


_ANONYMOUS_ENV = "HEROKU_DRAIN_ALLOW_ANONYMOUS"
_process_resources = contextlib.ExitStack()


def app_from_environment() -> Starlette:
    """The receiver of one uvicorn worker process (``drain serve --workers N``): each worker opens its
    own stores from the environment; they live as long as the process."""
    from heroku_assets import settings as settings_module
    from heroku_assets.storage.factory import open_stores

    config = DrainConfig.from_env(allow_anonymous=os.environ.get(_ANONYMOUS_ENV) == "1")
    settings = settings_module.load()
    stores = _process_resources.enter_context(open_stores(settings))
    runner = spool_runner(stores.raw, SpoolConfig.from_env(settings.data_dir))
    return create_app(stores.raw, config, spool=runner)


def spool_runner(store: ObjectStore, config: SpoolConfig) -> SpoolRunner:
    return SpoolRunner(
        store,
        config.directory,
        config.receiver_id,
        segment_seconds=config.segment_seconds,
        segment_bytes=config.segment_bytes,
        max_bytes=config.max_bytes,
    )
