"""What a Platform API sync keeps in the staging store between runs, under ``state/<table>/``: the last
listing (what deletions are noticed against), the bookmarks, the ids that answered 404, when a list was
last listed whole, and a failed run's checkpoint; and the staged Parquet of one fetch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import logging
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from heroku_assets import tables
from heroku_assets.logs.parquet import write_staged_table
from heroku_assets.platform_api import records
from heroku_assets.platform_api.endpoints import BY_NAME
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore

log = logging.getLogger(__name__)


def load_live(store: ObjectStore, table: tables.Table) -> pa.Table:
    """The rows the last listing returned (empty before the first)."""
    key = layout.api_live_object(table.name)
    if store.head(key) is None:
        return table.arrow_schema.empty_table()
    return pq.read_table(io.BytesIO(store.get(key))).cast(table.arrow_schema)


def save_live(store: ObjectStore, table: tables.Table, rows: pa.Table) -> None:
    buffer = io.BytesIO()
    pq.write_table(rows.cast(table.arrow_schema), buffer)
    store.put(layout.api_live_object(table.name), buffer.getvalue(), {"rows": str(rows.num_rows)})


def load_bookmarks(store: ObjectStore, table: str) -> dict[str, dict[str, Any]]:
    """Per parent id: ``{"value": <highest sort value seen>, "full_at": <last full listing>}``."""
    key = layout.state_object(table, variant="bookmarks")
    if store.head(key) is None:
        return {}
    try:
        data = json.loads(store.get(key))
    except ValueError as exc:
        raise ValueError(f"{key} is not a bookmark object: {exc}") from None
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def save_bookmarks(store: ObjectStore, table: str, bookmarks: dict[str, dict[str, Any]]) -> None:
    key = layout.state_object(table, variant="bookmarks")
    store.put(key, json.dumps(bookmarks, sort_keys=True, default=str).encode())


def live_rows(store: ObjectStore, resource_name: str) -> list[dict[str, Any]]:
    """The live rows of a resource's table (a parent's rows, for its children's paths)."""
    table = tables.api_tables()[BY_NAME[resource_name].table]
    return [r for r in load_live(store, table).to_pylist() if r.get("_deleted_at") is None]


def log_app_names(store: ObjectStore) -> list[str]:
    """Apps that become log partitions: every live app, Cedar (Logplex drains, log sessions) and Fir
    (OpenTelemetry telemetry drains) alike; heroku_apps.generation_name says which path feeds each."""
    return sorted({r["name"] for r in live_rows(store, "app") if r.get("name")})


def stage_table(staging: ObjectStore, table: tables.Table, data: pa.Table, taken_at: dt.datetime) -> str:
    """Write one fetch as ``<table>/snapshot=<time>/part-00000.parquet``."""
    key = layout.snapshot_prefix(table.name, taken_at) + "part-00000.parquet"
    with tempfile.TemporaryDirectory(prefix="heroku-assets-api-") as tmp:
        path = Path(tmp) / "part.parquet"
        write_staged_table(table, data, path)  # timestamps as COPY INTO reads them
        staging.put_file(key, path, {"rows": str(data.num_rows)})
    return key


def _missing_key(table: str) -> str:
    return layout.state_object(table, variant="not_found")


def load_missing(staging: ObjectStore, table: str) -> set[str]:
    """Ids read by id that answered 404: Heroku destroyed the artifact (a slug of an old release)."""
    key = _missing_key(table)
    if staging.head(key) is None:
        return set()
    try:
        return {str(i) for i in json.loads(staging.get(key)).get("ids", [])}
    except (ValueError, AttributeError):
        return set()


def save_missing(staging: ObjectStore, table: str, ids: set[str]) -> None:
    staging.put(_missing_key(table), json.dumps({"ids": sorted(ids)}).encode())


# With app webhooks on, what they announce is listed whole only this often, to reconcile missed deliveries.
WEBHOOK_RECONCILE_EVERY = dt.timedelta(hours=6)


def polled_key(table: str) -> str:
    return layout.state_object(table, variant="polled")


def reconciled_recently(staging: ObjectStore, table: str, now: dt.datetime) -> dt.datetime | None:
    """When the last whole listing was, if within ``WEBHOOK_RECONCILE_EVERY``."""
    key = polled_key(table)
    if staging.head(key) is None:
        return None
    try:
        at = records.parse_timestamp(str(json.loads(staging.get(key))["at"]))
    except (ValueError, KeyError, TypeError, records.RetypedValue):
        return None
    return at if dt.timedelta(0) <= now - at < WEBHOOK_RECONCILE_EVERY else None


# A run that failed part-way leaves what it fetched here; a retry within this time takes it instead of
# asking Heroku for the same lists again (Dagster retries a failed asset within minutes).
CHECKPOINT_MAX_AGE = dt.timedelta(minutes=30)


CHECKPOINT_EVERY = 50  # parents between checkpoints (and one when a run fails)


@dataclasses.dataclass
class Checkpoint:
    """What a run fetched so far: per parent, whether its list was whole, how many items, its bookmark."""

    started_at: dt.datetime
    parents: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    rows: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    drift: dict[str, dict[str, int]] = dataclasses.field(default_factory=dict)


def _checkpoint_keys(table: str) -> tuple[str, str]:
    json_key = layout.state_object(table, variant="checkpoint")
    return json_key, json_key.removesuffix(".json") + ".parquet"


def load_checkpoint(staging: ObjectStore, table: tables.Table, now: dt.datetime) -> Checkpoint | None:
    json_key, rows_key = _checkpoint_keys(table.name)
    if staging.head(json_key) is None or staging.head(rows_key) is None:
        return None
    try:
        state = json.loads(staging.get(json_key))
        started = records.parse_timestamp(state["started_at"])
        rows = pq.read_table(io.BytesIO(staging.get(rows_key))).cast(table.arrow_schema).to_pylist()
    except (ValueError, KeyError, TypeError, records.RetypedValue, pa.ArrowException):
        log.warning("%s: unreadable checkpoint, listing again", table.name)
        return None
    if not dt.timedelta(0) <= now - started <= CHECKPOINT_MAX_AGE:
        return None  # an old failure's leftovers: the lists may have changed since
    return Checkpoint(started, dict(state.get("parents") or {}), rows, dict(state.get("drift") or {}))


def save_checkpoint(
    staging: ObjectStore, builder: records.RowBuilder, checkpoint: Checkpoint, rows: list[dict[str, Any]]
) -> None:
    json_key, rows_key = _checkpoint_keys(builder.table.name)
    buffer = io.BytesIO()
    pq.write_table(builder.table_of(rows), buffer)
    staging.put(rows_key, buffer.getvalue(), {"rows": str(len(rows))})
    state = {
        "started_at": utc_iso(checkpoint.started_at),
        "parents": checkpoint.parents,
        "drift": builder.drift.as_dict(),
    }
    staging.put(json_key, json.dumps(state, sort_keys=True, default=str).encode())


def clear_checkpoint(staging: ObjectStore, table: str) -> None:
    for key in _checkpoint_keys(table):
        if staging.head(key) is not None:
            staging.delete(key)


def utc_iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
