"""Stored app webhook deliveries -> the Platform API tables, so releases, builds, dynos, formation, add-ons
and domains are fresh within seconds of a change instead of at the next listing.

A delivery's ``data`` is the entity as the API lists it, so it goes through the same row builder (drift
and all). ``destroy`` marks the row ``_deleted_at``. Which deliveries were applied is kept in
``state/webhooks/applied.json`` (the last ``KEEP_DAYS`` days), so each is applied once; a delivery of an
entity that is not captured is counted, not an error.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import json
import logging
from typing import Any

from heroku_assets import tables
from heroku_assets.platform_api import records, sync
from heroku_assets.platform_api.endpoints import BY_NAME, WEBHOOK_ENTITIES
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore
from heroku_assets.warehouse.base import Warehouse

log = logging.getLogger(__name__)

KEEP_DAYS = 3
APPLIED_STATE = "webhooks"


@dataclasses.dataclass
class WebhookResult:
    applied: int = 0
    rows: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    skipped: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    drift: records.Drift = dataclasses.field(default_factory=records.Drift)


def pending_deliveries(raw: ObjectStore, staging: ObjectStore, today: dt.date) -> list[str]:
    """Keys of stored deliveries of the last ``KEEP_DAYS`` days not applied yet, oldest day first."""
    applied = _applied(staging)
    keys = []
    for back in range(KEEP_DAYS - 1, -1, -1):
        day = today - dt.timedelta(days=back)
        keys += sorted(i.key for i in raw.list(f"{layout.WEBHOOKS_PREFIX}{day.isoformat()}/"))
    return [k for k in keys if k not in applied]


def _applied(staging: ObjectStore) -> set[str]:
    key = layout.state_object(APPLIED_STATE, variant="applied")
    if staging.head(key) is None:
        return set()
    return set(json.loads(staging.get(key)).get("keys", []))


def _parent_id(resource_name: str, data: dict[str, Any]) -> str:
    resource = BY_NAME[resource_name]
    if resource.parent != "app":
        return ""
    app = data.get("app")
    return str(app.get("id")) if isinstance(app, dict) and app.get("id") else ""


def apply_deliveries(
    raw: ObjectStore, staging: ObjectStore, warehouse: Warehouse, *, now: dt.datetime | None = None
) -> WebhookResult:
    """Upsert the entities of every pending delivery into their tables."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    result = WebhookResult()
    keys = pending_deliveries(raw, staging, now.date())
    rows: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    builders: dict[str, records.RowBuilder] = {}
    payloads = []
    for key in keys:
        try:
            payload = json.loads(raw.get(key))
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            result.skipped["not a JSON object"] += 1
            continue
        payloads.append(payload)
    # in the order the events happened: the latest state of a row wins
    payloads.sort(key=lambda p: str(p.get("created_at") or ""))
    for payload in payloads:
        event = ((payload.get("webhook_metadata") or {}).get("event") or {}).get("include")
        name = WEBHOOK_ENTITIES.get(str(event or f"api:{payload.get('resource')}"))
        data = payload.get("data")
        if name is None or not isinstance(data, dict):
            result.skipped[str(event or payload.get("resource"))] += 1
            continue
        resource = BY_NAME[name]
        if name not in builders:
            builders[name] = records.RowBuilder(resource, tables.api_tables()[resource.table])
        row = builders[name].row(data, _parent_id(name, data), now)
        if row is None:
            continue
        if payload.get("action") == "destroy":
            row["_deleted_at"] = now
        rows[name].append(row)
    for name, batch in rows.items():
        result.rows[BY_NAME[name].table] += sync.upsert_rows(staging, warehouse, BY_NAME[name], batch, now)
    for builder in builders.values():
        result.drift.merge(builder.drift)
    result.applied = len(keys)
    if keys:
        cutoff = (now.date() - dt.timedelta(days=KEEP_DAYS)).isoformat()
        kept = {k for k in _applied(staging) | set(keys) if k.split("/")[1] > cutoff}
        state = layout.state_object(APPLIED_STATE, variant="applied")
        staging.put(state, json.dumps({"keys": sorted(kept)}).encode())
    return result
