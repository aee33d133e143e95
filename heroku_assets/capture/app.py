"""The receiver's ASGI app: the Logplex drain (``drain``), OTLP (``otlp``) and webhook routes behind one
front, with ``GET /health`` and the spool's lifespan. ``drain serve`` runs it (one process, or
``app_from_environment`` in each uvicorn worker); the receivers only decode what they are sent."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from heroku_assets.capture.drain import DrainReceiver
from heroku_assets.capture.drain_config import DrainConfig, SpoolConfig
from heroku_assets.capture.otlp import otlp_routes
from heroku_assets.capture.segments import SpoolRunner
from heroku_assets.capture.webhooks import webhook_routes
from heroku_assets.storage.base import ObjectStore

COUNTERS_FILE = "counters.json"
COUNTERS_FRESH_SECONDS = 5.0  # older: the worker is gone (a live one writes every second)


def process_counters(state: Any) -> dict[str, object]:
    """This process's counters: both receivers' (the OTLP ones prefixed ``otlp_``) and its spool's."""
    status: dict[str, object] = {**state.receiver.counters.as_dict()}
    runner = state.spool
    if runner is not None and runner.spool is not None and runner.shipper is not None:
        status.update(
            receiver=runner.shipper.receiver_id,
            spooled_bytes=runner.spool.spooled_bytes,
            fsyncs=runner.spool.fsyncs,
            segments_shipped=runner.shipper.shipped,
            ship_failures=runner.shipper.failures,
        )
    status.update(state.otlp.counters.as_dict("otlp_"))
    return status


def publish_counters(state: Any) -> None:
    """Write this process's counters into its spool slot, for the other workers' ``/health``."""
    runner = state.spool
    if runner is not None and runner.slot is not None:
        path = runner.slot.directory / COUNTERS_FILE
        path.with_suffix(".tmp").write_text(json.dumps(process_counters(state)))
        os.replace(path.with_suffix(".tmp"), path)


def _published_counters(spool_dir: Path, own: Path) -> list[dict[str, object]]:
    found = []
    for path in Path(spool_dir).glob(f"w*/{COUNTERS_FILE}"):
        with contextlib.suppress(OSError, ValueError):
            if path.parent != own and time.time() - path.stat().st_mtime < COUNTERS_FRESH_SECONDS:
                found.append(json.loads(path.read_text()))
    return found


async def health(request: Request) -> Response:
    """The counters of every worker process of ``drain serve --workers N`` summed (each publishes its
    own every second in its spool slot; this one's are live), and the receivers they are."""
    state = request.app.state
    workers = [process_counters(state)]
    runner = state.spool
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

    clock = clock or (lambda: dt.datetime.now(dt.UTC))
    receiver = DrainReceiver(store, config, clock, spool)
    otlp, otlp_route = otlp_routes(store, config, clock, spool)

    async def publishing(state: Any) -> None:
        while True:
            await asyncio.sleep(1)
            await run_in_threadpool(publish_counters, state)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = None
        if spool is not None:
            await run_in_threadpool(spool.start)
            task = asyncio.create_task(publishing(app.state))
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
            if spool is not None:
                await run_in_threadpool(spool.stop)

    limit = config.max_body_bytes
    app = Starlette(
        routes=[
            Route("/logs", receiver.receive, methods=["POST"], max_body_size=limit),
            Route("/logs/{path_token}", receiver.receive, methods=["POST"], max_body_size=limit),
            *otlp_route,
            Route("/health", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.router.routes.extend(webhook_routes(store, config.webhook_secret))  # POST /webhooks/heroku, signed
    app.state.receiver = receiver
    app.state.otlp = otlp
    app.state.spool = spool
    return app


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_process_resources = contextlib.ExitStack()


def app_from_environment() -> Starlette:
    """The receiver of one uvicorn worker process (``drain serve --workers N``): each worker reads the
    settings (the command's options among them: ``HEROKU_DRAIN_ALLOW_ANONYMOUS``,
    ``HEROKU_DRAIN_LOG_LEVEL``) and opens its own stores; they live as long as the process."""
    from heroku_assets import settings as settings_module
    from heroku_assets.storage.factory import open_stores

    drain = settings_module.load_drain()
    # a worker process logs as `drain serve` does (a line per shipped segment among them)
    logging.basicConfig(level=drain.log_level.upper(), format=LOG_FORMAT)
    config = DrainConfig.from_settings(drain)
    settings = settings_module.load()
    stores = _process_resources.enter_context(open_stores(settings))
    runner = spool_runner(stores.raw, SpoolConfig.from_settings(drain, settings.data_dir))
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
