"""The HTTPS log drain receiver: it makes each Logplex POST body durable before acknowledging it
(``app`` serves it beside the OTLP routes; ``http`` holds the credentials check and counters both share).

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

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response

from heroku_assets.capture.drain_config import DrainConfig
from heroku_assets.capture.http import Counters, check_credentials, header_value, retry_later
from heroku_assets.capture.received import store_received
from heroku_assets.capture.spool import SpoolError
from heroku_assets.received.days import undated_day
from heroku_assets.received.records import Record
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

if TYPE_CHECKING:
    from heroku_assets.capture.segments import SpoolRunner

log = logging.getLogger(__name__)

_UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Basic realm="heroku-assets drain"'}


class DrainReceiver:
    """``POST /logs[/<path token>]``: a Logplex drain body made durable, then acknowledged."""

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
        self.counters = Counters()

    def authorized(self, request: Request) -> bool:
        """Basic credentials and the path token in the path, as configured (``check_credentials``)."""
        path_token = request.path_params.get("path_token")
        return check_credentials(self.config, request.headers, path_token, allow_bearer=False)

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
            self.counters.refused += 1
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
            self.counters.failed += 1
            log.error("drain body %s of %s not stored (%s): answering 503", name, app, type(exc).__name__)
            return retry_later()
        self.counters.stored += 1
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
            self.counters.failed += 1
            log.error("drain body %s of %s not spooled (%s): answering 503", name, app, exc)
            return retry_later()
        self.counters.stored += 1
        return Response(status_code=204)
