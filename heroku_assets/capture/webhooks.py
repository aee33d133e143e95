"""``POST /webhooks/heroku``: Heroku app webhook deliveries, verified and stored before they are
acknowledged.

Heroku signs each delivery with the subscription's secret: ``Heroku-Webhook-Hmac-SHA256`` is the base64
HMAC-SHA256 of the body, checked here in constant time. A delivery is named by its delivery id
(``webhook_metadata.delivery.id``, the same on every retry), so a retried delivery is acknowledged
without being stored twice. What is stored is the body exactly as received (raw store,
``webhooks/<day>/<delivery id>.json``); the Platform API tables take the entities from there
(``heroku_assets.platform_api.webhook_events``).

Answers: 200 once stored (or already stored), 401 for a missing or wrong signature, 400 for a body that
is not a delivery (no retry helps), 413 above the size limit, 503 when the store failed (Heroku retries
``sync`` subscriptions).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import logging
import re
from collections.abc import Callable, Mapping

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from heroku_assets.settings import WEBHOOK_SECRET
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "Heroku-Webhook-Hmac-SHA256"
MAX_BODY_BYTES = 1 << 20
_DELIVERY_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def signature(secret: str, body: bytes) -> str:
    """The header value Heroku sends for ``body``."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """Whether ``header`` is the body's signature; compared in constant time."""
    if not header:
        return False
    try:
        given = base64.b64decode(header.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return hmac.compare_digest(given, expected)


def delivery_id(payload: object, headers: Mapping[str, str]) -> str | None:
    meta = payload.get("webhook_metadata") if isinstance(payload, dict) else None
    delivery = meta.get("delivery") if isinstance(meta, dict) else None
    value = delivery.get("id") if isinstance(delivery, dict) else None
    value = value if isinstance(value, str) else headers.get("heroku-webhook-id")
    return value if value and _DELIVERY_ID.match(value) else None


class WebhookReceiver:
    def __init__(self, store: ObjectStore, secret: str, clock: Callable[[], dt.datetime]) -> None:
        if len(secret) < 16:
            raise ValueError(f"{WEBHOOK_SECRET} must be at least 16 characters")
        self.store = store
        self._secret = secret
        self.clock = clock
        self.stored = self.duplicates = self.refused = 0

    def __repr__(self) -> str:
        return "WebhookReceiver(secret=<hidden>)"

    def _store(self, delivery: str, body: bytes, metadata: dict[str, str]) -> bool:
        """Store the delivery unless a retry already did (today or yesterday); True when stored."""
        now = self.clock().astimezone(dt.UTC)
        for day in (now.date(), now.date() - dt.timedelta(days=1)):
            if self.store.head(layout.webhook_object(day, delivery)) is not None:
                return False
        self.store.put(layout.webhook_object(now.date(), delivery), body, metadata)
        return True

    async def receive(self, request: Request) -> Response:
        try:
            body = await request.body()
        except ClientDisconnect:
            return Response(status_code=400)
        if len(body) > MAX_BODY_BYTES:
            return JSONResponse({"error": "body too large"}, status_code=413)
        if not verify(self._secret, body, request.headers.get(SIGNATURE_HEADER)):
            self.refused += 1
            log.warning("webhook delivery refused: missing or wrong signature")
            return JSONResponse({"error": "bad signature"}, status_code=401)
        try:
            payload = json.loads(body)
        except ValueError:
            return JSONResponse({"error": "not JSON"}, status_code=400)
        delivery = delivery_id(payload, request.headers)
        if delivery is None:
            return JSONResponse({"error": "no delivery id"}, status_code=400)
        meta = payload.get("webhook_metadata") or {}
        event = meta.get("event") if isinstance(meta.get("event"), dict) else {}
        metadata = {
            "entity": str(event.get("include") or payload.get("resource") or "")[:100],
            "action": str(payload.get("action") or "")[:32],
            "received_at": self.clock().astimezone(dt.UTC).isoformat(),
        }
        try:
            stored = await run_in_threadpool(self._store, delivery, body, metadata)
        except Exception as exc:  # noqa: BLE001 - whatever failed, the delivery is not safe: say so
            log.error("webhook delivery %s not stored (%s): answering 503", delivery, type(exc).__name__)
            return JSONResponse({"error": "not stored"}, status_code=503, headers={"Retry-After": "1"})
        if stored:
            self.stored += 1
        else:
            self.duplicates += 1
        return JSONResponse({"stored": stored, "delivery": delivery})


def webhook_routes(
    store: ObjectStore,
    secret: str | None,
    *,
    clock: Callable[[], dt.datetime] | None = None,
) -> list[Route]:
    """The webhook route when a secret is given (``HEROKU_WEBHOOK_SECRET``, through the receiver's
    ``DrainConfig``); none otherwise (unsigned deliveries are never accepted)."""
    if secret is None:
        return []
    receiver = WebhookReceiver(store, secret, clock or (lambda: dt.datetime.now(dt.UTC)))
    return [Route("/webhooks/heroku", receiver.receive, methods=["POST"], name="heroku_webhooks")]
