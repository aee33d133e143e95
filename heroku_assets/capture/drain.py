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

import asyncio
import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from heroku_assets.capture.drain_config import DrainConfig, SpoolConfig
from heroku_assets.capture.received import store_received, undated_day
from heroku_assets.capture.segments import SpoolRunner
from heroku_assets.capture.spool import Record, SpoolError
from heroku_assets.capture.webhooks import webhook_routes
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

if TYPE_CHECKING:
    from heroku_assets.capture.otlp import OtlpReceiver

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

    def counters(self) -> dict[str, object]:
        """This process's counters."""
        from heroku_assets.capture.otlp import counters

        status: dict[str, object] = {"stored": self.stored, "failed": self.failed, "refused": self.refused}
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
        return status

    def publish_counters(self) -> None:
        """Write this process's counters into its spool slot, for the other workers' ``/health``."""
        runner = self.spool
        if runner is not None and runner.slot is not None:
            path = runner.slot.directory / COUNTERS_FILE
            path.with_suffix(".tmp").write_text(json.dumps(self.counters()))
            os.replace(path.with_suffix(".tmp"), path)

    async def health(self, request: Request) -> Response:
        """The counters of every worker process of ``drain serve --workers N`` summed (each publishes its
        own every second in its spool slot; this one's are live), and the receivers they are."""
        workers = [self.counters()]
        runner = self.spool
        if runner is not None and runner.slot is not None:
            workers += _published_counters(runner.spool_dir, runner.slot.directory)
        total: dict[str, object] = {"status": "ok", "workers": len(workers)}
        for counters in workers:
            for key, value in counters.items():
                if isinstance(value, int):
                    total[key] = int(total.get(key, 0)) + value  # type: ignore[call-overload]
        receivers = sorted(str(c["receiver"]) for c in workers if "receiver" in c)
        if receivers:
            total["receivers"] = receivers
        return JSONResponse(total)


COUNTERS_FILE = "counters.json"
COUNTERS_FRESH_SECONDS = 5.0  # older: the worker is gone (a live one writes every second)


def _published_counters(spool_dir: Path, own: Path) -> list[dict[str, object]]:
    found = []
    for path in Path(spool_dir).glob(f"w*/{COUNTERS_FILE}"):
        with contextlib.suppress(OSError, ValueError):
            if path.parent != own and time.time() - path.stat().st_mtime < COUNTERS_FRESH_SECONDS:
                found.append(json.loads(path.read_text()))
    return found


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

    async def publish_counters() -> None:
        while True:
            await asyncio.sleep(1)
            await run_in_threadpool(receiver.publish_counters)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        publishing = None
        if spool is not None:
            await run_in_threadpool(spool.start)
            publishing = asyncio.create_task(publish_counters())
        try:
            yield
        finally:
            if publishing is not None:
                publishing.cancel()
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
LOG_LEVEL_ENV = "HEROKU_DRAIN_LOG_LEVEL"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_process_resources = contextlib.ExitStack()


def app_from_environment() -> Starlette:
    """The receiver of one uvicorn worker process (``drain serve --workers N``): each worker opens its
    own stores from the environment; they live as long as the process."""
    from heroku_assets import settings as settings_module
    from heroku_assets.storage.factory import open_stores

    # a worker process logs as `drain serve` does (a line per shipped segment among them)
    logging.basicConfig(level=os.environ.get(LOG_LEVEL_ENV, "INFO").upper(), format=LOG_FORMAT)
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
