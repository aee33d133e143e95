"""OTLP/HTTP for Fir telemetry drains, in the same receiver as the Logplex drain.

A telemetry drain is an OpenTelemetry exporter: it POSTs protobuf (or OTLP/JSON), usually gzip (or zstd,
deflate), to ``<endpoint>/v1/logs``, ``/v1/metrics`` and ``/v1/traces``. Under OTLP only 429, 502, 503
and 504 are retried and every other status drops the data for good, so the receiver stores the request
as received before answering and then always answers 200 (an empty Export*ServiceResponse in the
request's encoding), even for a body it cannot decode: that body is kept and its records become a
rejected row when the day is staged. It answers 503 with Retry-After when the request is not durable,
413 above the size limit (the OTLP specification requires it) and 401 for bad credentials.

With a spool (``drain serve`` always has one) a request is appended to it as a record of kind ``otlp``
and answered once the fsync covering it returned, as Logplex bodies are; it reaches the raw store inside
a segment. Decoding on the request path is only what names the app (``service.name``); the days of its
records are read after the answer, for the segment's ``days``. Without a spool each request is stored as
an object of its own (``otlp_requests.store_otlp_request``). Either way a request is known by its body's hash
(``heroku_assets.logs.otlp.stored``), so an exporter's retry counts once.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from heroku_assets.capture.drain_config import DrainConfig
from heroku_assets.capture.http import Counters, check_credentials, header_value, retry_later
from heroku_assets.capture.otlp_requests import ReceivedRequest, otlp_record, store_otlp_request
from heroku_assets.capture.spool import SpoolError
from heroku_assets.logs.otlp import decode, mapping
from heroku_assets.logs.otlp.rows import records_by_day
from heroku_assets.received.days import undated_day
from heroku_assets.received.records import NOT_FOUND_KIND, Record
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

if TYPE_CHECKING:
    from heroku_assets.capture.segments import SpoolRunner

log = logging.getLogger(__name__)

# Path parts a 404's log line and record show as they are; any other part (a path token, or anything a
# misconfigured drain put in its URL) is masked.
_PLAIN_PATH_PARTS = frozenset({"otlp", "v1", "v1development", "profiles", *decode.SIGNALS})
_CONTENT_TYPES = {"pb": "application/x-protobuf", "json": "application/json"}


@dataclass
class OtlpCounters(Counters):
    """The receiver's counters, and what only OTLP has: bodies that do not decode (stored all the same),
    404s, and requests stored under ``_unmapped``."""

    undecodable: int = 0
    not_found: int = 0
    unmapped: int = 0


class OtlpReceiver:
    """``POST /otlp/[<path token>/]v1/<signal>``; the credentials are the Logplex drain's. With ``spool``,
    requests go to the spool; else ``store_request`` writes each to the store."""

    def __init__(
        self,
        store: ObjectStore,
        config: DrainConfig,
        clock: Callable[[], dt.datetime],
        store_request: Callable[[ObjectStore, ReceivedRequest], ObjectInfo] = store_otlp_request,
        spool: SpoolRunner | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.clock = clock
        self.store_request = store_request
        self.spool = spool
        self.counters = OtlpCounters()

    def authorized(self, request: Request, path_token: str | None) -> bool:
        """Basic credentials when configured; the path token when configured, in the path or as a
        Bearer token (``check_credentials``)."""
        return check_credentials(self.config, request.headers, path_token, allow_bearer=True)

    async def receive(self, request: Request) -> Response:
        parts = request.path_params["rest"].strip("/").split("/")
        if len(parts) < 2 or parts[-2] != "v1" or parts[-1] not in decode.SIGNALS or len(parts) > 3:
            return await self._not_found(request, parts)
        signal: decode.Signal = parts[-1]  # type: ignore[assignment]
        path_token = parts[0] if len(parts) == 3 else None
        if not self.authorized(request, path_token):
            self.counters.refused += 1
            log.warning("OTLP post refused: bad or missing credentials")
            return PlainTextResponse("unauthorized\n", status_code=401)
        try:
            body = await request.body()
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is listening; the exporter retries
        content_type = request.headers.get("content-type")
        content_encoding = request.headers.get("content-encoding", "")
        encoding = decode.encoding_of(content_type)
        spooled = self.spool is not None
        try:
            received = await run_in_threadpool(
                self._prepare, signal, encoding, body, content_encoding, request, content_type, not spooled
            )
        except decode.TooLarge:
            return PlainTextResponse("request too large once inflated\n", status_code=413)
        try:
            if spooled:
                await self._append(otlp_record(received))
            else:
                info = await run_in_threadpool(self.store_request, self.store, received)
                log.debug("stored %s (%d bytes)", info.key, len(body))
        except Exception as exc:  # noqa: BLE001 - whatever failed, the request is not safe: say so, retryably
            self.counters.failed += 1
            log.error(
                "OTLP %s request of %s not %s (%s): answering 503",
                signal,
                received.app,
                "spooled" if spooled else "stored",
                exc if isinstance(exc, SpoolError) else type(exc).__name__,
            )
            return retry_later()
        self.counters.stored += 1
        if received.app == layout.UNMAPPED_APP:
            self.counters.unmapped += 1
            if _worth_logging(self.counters.unmapped):
                log.warning(
                    "OTLP %s request of no known app stored under %s (%d so far): give the drain a %s "
                    "header (heroku-assets telemetry prints it) or move the requests by hand",
                    signal,
                    layout.UNMAPPED_APP,
                    self.counters.unmapped,
                    mapping.APP_HEADER,
                )
        return Response(
            decode.empty_response(signal, encoding), status_code=200, media_type=_CONTENT_TYPES[encoding]
        )

    async def _not_found(self, request: Request, parts: list[str]) -> Response:
        """A path that names no signal. The exporter drops what a 404 answers, for good, so it is counted,
        logged (the path masked: it may hold a token) and, when the request carries the drain's
        credentials, spooled as a bodiless record of kind ``not_found``: the raw store then says what
        was lost, and the sensor reports it. Requests without credentials are only counted."""
        self.counters.not_found += 1
        path = "/".join(["", "otlp", *(p if p in _PLAIN_PATH_PARTS else "*" for p in parts)])
        path = header_value(path, 200)
        if _worth_logging(self.counters.not_found):
            log.warning(
                "OTLP post to %s answered 404 (%d so far): the sender drops this data; a drain's endpoint "
                "is https://<host>/otlp[/<path token>], to which the exporter appends /v1/<signal>",
                path,
                self.counters.not_found,
            )
        token = self.config.path_token
        in_path = token is not None and any(hmac.compare_digest(p.encode(), token.encode()) for p in parts)
        if self.spool is not None and self.authorized(request, token if in_path else None):
            record = Record(
                kind=NOT_FOUND_KIND,
                app=layout.UNMAPPED_APP,
                received_at=self.clock().astimezone(dt.UTC),
                body=b"",
                headers={
                    "path": path,
                    "user_agent": header_value(request.headers.get("user-agent")),
                    "content_length": header_value(request.headers.get("content-length"), 20),
                },
            )
            try:
                await self._append(record)
            except SpoolError as exc:
                log.error("a 404 record was not spooled (%s)", exc)
        return PlainTextResponse("not an OTLP path: use /otlp/v1/logs|metrics|traces\n", status_code=404)

    async def _append(self, record: Record) -> None:
        """Append a record to the spool; returns once the fsync covering it returned (SpoolError else)."""
        assert self.spool is not None
        spool = self.spool.spool
        if spool is None:
            raise SpoolError("the spool is not open")
        await spool.append(record)

    def _prepare(
        self,
        signal: decode.Signal,
        encoding: decode.Encoding,
        body: bytes,
        content_encoding: str,
        request: Request,
        content_type: str | None,
        dating: bool = True,
    ) -> ReceivedRequest:
        """Decode enough to name the app and, when ``dating``, the days (blocking: runs in a worker
        thread; a spooled request is dated after its answer). A body that does not decode is still
        stored, under the configured app and the day it arrived."""
        received_at = self.clock().astimezone(dt.UTC)
        limit = self.config.otlp_max_body_bytes
        service_names: list[str] = []
        days: set[dt.date] = set()
        records = 0
        problem = ""
        try:
            data = decode.decompress(body, content_encoding, limit)
            decoded = decode.decode_request(signal, data, encoding)
            service_names = _service_names(signal, decoded)
            if dating:
                counts = records_by_day(signal, decoded, undated_day(received_at))
                days, records = set(counts), sum(counts.values())
        except decode.TooLarge:
            raise
        except Exception as exc:  # noqa: BLE001 - a body this cannot read is stored all the same
            self.counters.undecodable += 1
            problem = str(exc) if isinstance(exc, decode.OtlpDecodeError) else f"{type(exc).__name__}: {exc}"
            log.warning("OTLP %s request not decodable (%s): stored as received", signal, problem)
        app, app_source = mapping.request_app(
            service_names,
            request.headers.get(mapping.APP_HEADER),
            request.query_params.get(mapping.APP_QUERY),
        )
        metadata = {
            "app": app,
            "app_source": app_source,
            "signal": signal,
            "encoding": encoding,
            "content_type": header_value(content_type, 100),
            "content_encoding": header_value(content_encoding, 32),
            "user_agent": header_value(request.headers.get("user-agent")),
            "received_at": received_at.isoformat(),
            "records": str(records),
        }
        if problem:
            metadata["decode_error"] = header_value(problem, 200)
        return ReceivedRequest(
            signal=signal,
            encoding=encoding,
            body=body,
            content_encoding=content_encoding,
            received_at=received_at,
            app=app,
            days=days or {undated_day(received_at)},
            metadata=metadata,
        )


def _worth_logging(count: int) -> bool:
    """Log the 1st, 10th, 100th, ... time: a misconfigured drain posts every few seconds."""
    return str(count).strip("0") == "1"


def _service_names(signal: decode.Signal, request: object) -> list[str]:
    resources = {
        "logs": lambda r: r.resource_logs,
        "metrics": lambda r: r.resource_metrics,
        "traces": lambda r: r.resource_spans,
    }[signal](request)
    names = []
    for item in resources:
        for kv in item.resource.attributes:
            if kv.key == mapping.SERVICE_NAME and kv.value.HasField("string_value"):
                names.append(kv.value.string_value)
    return names


def otlp_routes(
    store: ObjectStore,
    config: DrainConfig,
    clock: Callable[[], dt.datetime],
    spool: SpoolRunner | None = None,
) -> tuple[OtlpReceiver, list[Route]]:
    """The receiver and its route (any path under /otlp ending in /v1/<signal>)."""
    receiver = OtlpReceiver(store, config, clock, spool=spool)
    route = Route(
        "/otlp/{rest:path}", receiver.receive, methods=["POST"], max_body_size=config.otlp_max_body_bytes
    )
    return receiver, [route]
