"""One sync of one Platform API resource, whatever it is: list it (per parent, from a bookmark where the
API sorts), turn items into rows (``records``), mark rows that stopped being listed, stage the rows as
Parquet and upsert them, then keep the listing and move the bookmarks.

The order is what makes a failed run harmless: bookmarks and the kept listing (``state/<table>/
live.parquet``, what deletions are noticed against) move only after the warehouse has the rows, so a run
that fails fetches the same window again. What it had fetched is not asked for again, though: the rows
of each parent listed so far are kept as a checkpoint (``state/<table>/checkpoint.*``), which a retry
within ``CHECKPOINT_MAX_AGE`` takes instead of the lists.

Per parent, a refusal other than 401 (a 403, a 422 for a Fir app) leaves that parent's rows as they were;
Cedar- or Fir-only lists do not ask apps of the other generation; by-id reads skip expired releases and
ids that answered 404 before (``state/<table>/not_found.json``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import logging
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from heroku_assets import tables
from heroku_assets.logs.parquet import write_staged_table
from heroku_assets.platform_api import records
from heroku_assets.platform_api.client import (
    HerokuClient,
    HerokuForbiddenError,
    HerokuNotFoundError,
    HerokuResponseError,
    quote_segment,
)
from heroku_assets.platform_api.endpoints import BY_NAME, WEBHOOK_ANNOUNCED, Endpoint
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore
from heroku_assets.warehouse.base import Warehouse

log = logging.getLogger(__name__)


@dataclasses.dataclass
class SyncResult:
    """What a sync did, for asset metadata and checks."""

    resource: str
    table: str
    rows: int = 0  # rows upserted (fetched and tombstones)
    fetched: int = 0  # items the API returned
    deleted: int = 0  # rows marked _deleted_at this run
    parents: int = 0
    forbidden: list[str] = dataclasses.field(default_factory=list)
    staged: list[str] = dataclasses.field(default_factory=list)
    windows: dict[str, Any] = dataclasses.field(default_factory=dict)
    drift: records.Drift = dataclasses.field(default_factory=records.Drift)
    reused: int = 0  # parents taken from a failed run's checkpoint instead of listed again
    # parent id -> why its list does not apply to it (a 4xx other than 401: "422 a Fir app", ...)
    not_applicable: dict[str, str] = dataclasses.field(default_factory=dict)
    other_generation: int = 0  # parents skipped: apps of a generation this list does not exist for
    not_found: int = 0  # ids read by id that answered 404 (remembered: never read again)
    skipped: str | None = None  # why nothing was listed (kept fresh by webhooks)
    load: Any = None  # the warehouse's LoadResult (truncations)
    requests: int = 0  # API calls this sync made
    budget_wait_seconds: float = 0.0  # time it waited for its share of the rate limit


# -- kept state --------------------------------------------------------------------------------------


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


# -- listing ------------------------------------------------------------------------------------------


def _key(resource: Endpoint, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row.get(k) for k in resource.key)


def _start_query(resource: Endpoint, now: dt.datetime) -> str:
    if resource.start_param == "day":
        return "?start=" + (now.date() - dt.timedelta(days=resource.window)).isoformat()
    if resource.start_param == "month":
        month = now.year * 12 + now.month - 1 - resource.window
        return f"?start={month // 12:04d}-{month % 12 + 1:02d}"
    return ""


def _sort_value(resource: Endpoint, item: Any) -> Any:
    value = item.get(resource.sort_field) if isinstance(item, dict) else None
    if isinstance(value, bool):
        return None
    if isinstance(resource.lookback, int):
        return value if isinstance(value, int) else None
    if isinstance(value, str):
        try:
            return records.parse_timestamp(value)
        except records.RetypedValue:
            return None
    return None


def _incremental_start(resource: Endpoint, bookmark: dict[str, Any] | None) -> Any:
    if not bookmark or bookmark.get("value") is None:
        return None
    if isinstance(resource.lookback, int):
        return max(1, int(bookmark["value"]) - resource.lookback)
    value = records.parse_timestamp(str(bookmark["value"]))
    return value - (resource.lookback or dt.timedelta(0))


def _artifact_id(parent: dict[str, Any], kind: str) -> str | None:
    """The id of the parent's (a release's) artifact of ``kind`` (``oci-image``), from its JSON column."""
    try:
        artifacts = json.loads(parent.get("artifacts") or "[]")
    except ValueError:
        return None
    ids = [a.get("id") for a in artifacts if isinstance(a, dict) and a.get("type") == kind]
    return str(ids[0]) if ids and ids[0] else None


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parents(staging: ObjectStore, resource: Endpoint) -> list[dict[str, Any] | None]:
    if resource.parent is None:
        return [None]
    rows: list[dict[str, Any] | None] = list(live_rows(staging, resource.parent))
    if resource.mode == "by_id":  # newest first: a backlog never starves the latest release's slug
        rows.sort(key=lambda r: str((r or {}).get("created_at") or ""), reverse=True)
    return rows


# A run that failed part-way leaves what it fetched here; a retry within this time takes it instead of
# asking Heroku for the same lists again (Dagster retries a failed asset within minutes).
CHECKPOINT_MAX_AGE = dt.timedelta(minutes=30)
CHECKPOINT_EVERY = 50  # parents between checkpoints (and one when a run fails)
# With app webhooks on, what they announce is listed whole only this often, to reconcile missed deliveries.
WEBHOOK_RECONCILE_EVERY = dt.timedelta(hours=6)


@dataclasses.dataclass
class _Checkpoint:
    """What a run fetched so far: per parent, whether its list was whole, how many items, its bookmark."""

    started_at: dt.datetime
    parents: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    rows: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    drift: dict[str, dict[str, int]] = dataclasses.field(default_factory=dict)


def _checkpoint_keys(table: str) -> tuple[str, str]:
    json_key = layout.state_object(table, variant="checkpoint")
    return json_key, json_key.removesuffix(".json") + ".parquet"


def _load_checkpoint(staging: ObjectStore, table: tables.Table, now: dt.datetime) -> _Checkpoint | None:
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
    return _Checkpoint(started, dict(state.get("parents") or {}), rows, dict(state.get("drift") or {}))


def _save_checkpoint(
    staging: ObjectStore, builder: records.RowBuilder, checkpoint: _Checkpoint, rows: list[dict[str, Any]]
) -> None:
    json_key, rows_key = _checkpoint_keys(builder.table.name)
    buffer = io.BytesIO()
    pq.write_table(builder.table_of(rows), buffer)
    staging.put(rows_key, buffer.getvalue(), {"rows": str(len(rows))})
    state = {
        "started_at": _iso(checkpoint.started_at),
        "parents": checkpoint.parents,
        "drift": builder.drift.as_dict(),
    }
    staging.put(json_key, json.dumps(state, sort_keys=True, default=str).encode())


def _clear_checkpoint(staging: ObjectStore, table: str) -> None:
    for key in _checkpoint_keys(table):
        if staging.head(key) is not None:
            staging.delete(key)


def _polled_key(table: str) -> str:
    return layout.state_object(table, variant="polled")


def _reconciled_recently(staging: ObjectStore, table: str, now: dt.datetime) -> dt.datetime | None:
    """When the last whole listing was, if within ``WEBHOOK_RECONCILE_EVERY``."""
    key = _polled_key(table)
    if staging.head(key) is None:
        return None
    try:
        at = records.parse_timestamp(str(json.loads(staging.get(key))["at"]))
    except (ValueError, KeyError, TypeError, records.RetypedValue):
        return None
    return at if dt.timedelta(0) <= now - at < WEBHOOK_RECONCILE_EVERY else None


def sync_resource(
    client: HerokuClient,
    staging: ObjectStore,
    warehouse: Warehouse,
    resource: Endpoint,
    *,
    now: dt.datetime | None = None,
    webhooks: bool = False,
) -> SyncResult:
    """List ``resource`` for every live parent, upsert what came back and mark what disappeared.

    ``webhooks``: the apps' webhooks announce this resource's changes, so it is listed only every
    ``WEBHOOK_RECONCILE_EVERY``. The client's rate budget (if any) starts from the level the last run left.
    """
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    table = tables.api_tables()[resource.table]
    result = SyncResult(resource=resource.name, table=table.name)
    if webhooks and resource.name in WEBHOOK_ANNOUNCED:
        last = _reconciled_recently(staging, table.name, now)
        if last is not None:
            result.skipped = f"kept fresh by webhooks; listed at {_iso(last)}"
            return result
    if client.budget is not None:
        client.budget.load(staging)
    requests, waited = client.stats.requests, client.stats.budget_seconds
    try:
        _sync(client, staging, warehouse, resource, table, now, result)
    finally:
        result.requests = client.stats.requests - requests
        result.budget_wait_seconds = round(client.stats.budget_seconds - waited, 3)
        if client.budget is not None:
            client.budget.save(staging)
    if resource.mode != "by_id":
        staging.put(_polled_key(table.name), json.dumps({"at": _iso(now)}).encode())
    return result


def _sync(
    client: HerokuClient,
    staging: ObjectStore,
    warehouse: Warehouse,
    resource: Endpoint,
    table: tables.Table,
    now: dt.datetime,
    result: SyncResult,
) -> None:
    builder = records.RowBuilder(resource, table)
    result.drift = builder.drift
    live = load_live(staging, table).to_pylist()
    live_keys = {_key(resource, r) for r in live}
    bookmarks = load_bookmarks(staging, table.name)
    fresh: dict[tuple[Any, ...], dict[str, Any]] = {}
    listed_whole: set[str] = set()  # parents whose full listing we now have
    parents = _parents(staging, resource)
    known_parents = {"" if p is None else str(p["id"]) for p in parents}
    checkpoint = _load_checkpoint(staging, table, now) or _Checkpoint(now)
    for row in checkpoint.rows:
        fresh[_key(resource, row)] = row
    builder.drift.update_from(checkpoint.drift)
    missing = _load_missing(staging, table.name) if resource.mode == "by_id" else set()
    for parent_id, done in checkpoint.parents.items():
        result.reused += 1
        result.fetched += int(done.get("fetched", 0))
        if done.get("whole"):
            listed_whole.add(parent_id)
        if done.get("bookmark") is not None:
            bookmarks[parent_id] = done["bookmark"]
    by_id_reads = 0
    since_checkpoint = 0
    try:
        for parent in parents:
            parent_id = "" if parent is None else str(parent["id"])
            values = {} if parent is None else {p: parent.get(p) for p in resource.placeholders}
            if resource.artifact and parent is not None:
                values[resource.placeholders[-1]] = _artifact_id(parent, resource.artifact)
            if any(v is None for v in values.values()) or parent_id in checkpoint.parents:
                continue
            if resource.generation and (parent or {}).get("generation_name") not in (
                None,
                resource.generation,
            ):
                result.other_generation += 1  # Heroku refuses it (buildpacks of a Fir app): not asked
                continue
            wanted = str(values[resource.placeholders[-1]]) if resource.mode == "by_id" else ""
            if resource.mode == "by_id":
                if (wanted,) in live_keys or wanted in missing or (parent or {}).get("status") == "expired":
                    continue  # read already, known gone, or an expired release's (destroyed) artifact
                if by_id_reads >= resource.max_per_run:
                    continue
                by_id_reads += 1
            path = resource.path.format(**{k: quote_segment(str(v)) for k, v in values.items()})
            path += _start_query(resource, now)
            result.parents += 1
            try:
                items, whole = _list(client, resource, path, parent_id, bookmarks, now, result)
            except HerokuForbiddenError:
                result.forbidden.append(parent_id or path)
                log.warning("%s: no access to %s, its rows are kept as they were", resource.name, path)
                continue
            except HerokuNotFoundError:
                items, whole = [], resource.mode != "by_id"  # the parent went away: nothing of it is live
                if resource.mode == "by_id":
                    missing.add(wanted)
                    result.not_found += 1
            except HerokuResponseError as exc:
                if parent is None or exc.status is None or not 400 <= exc.status < 500 or exc.status == 416:
                    raise
                # Heroku refuses this list for this parent (422 for a Fir app's buildpacks): recorded, and
                # its rows are kept as they were
                result.not_applicable[parent_id] = f"{exc.status} {exc.error_id or ''}".strip()
                log.info("%s: not applicable to %s (%s)", resource.name, path, exc.status)
                continue
            if resource.nested:
                items = [element for item in items for element in records.unnest(resource, item)]
            for item in items:
                row = builder.row(item, parent_id, now)
                if row is not None:
                    fresh[_key(resource, row)] = row
            result.fetched += len(items)
            if whole:
                listed_whole.add(parent_id)
            checkpoint.parents[parent_id] = {
                "whole": whole,
                "fetched": len(items),
                "bookmark": bookmarks.get(parent_id) if resource.mode == "incremental" else None,
            }
            since_checkpoint += 1
            if since_checkpoint >= CHECKPOINT_EVERY:
                _save_checkpoint(staging, builder, checkpoint, list(fresh.values()))
                since_checkpoint = 0
    except Exception:
        if since_checkpoint:  # what this run fetched is kept for its retry
            _save_checkpoint(staging, builder, checkpoint, list(fresh.values()))
        raise

    tombstones = []
    # With no live parent at all (the parent table never synced, or emptied), nothing is concluded about
    # rows of parents that went away.
    parent_gone_known = resource.parent is None or bool(parents)
    if resource.marks_deleted and resource.mode != "by_id":
        for row in live:
            if row.get("_deleted_at") is not None or _key(resource, row) in fresh:
                continue
            gone = parent_gone_known and row["_parent"] not in known_parents
            if row["_parent"] in listed_whole or gone:
                tombstones.append({**row, "_deleted_at": now})
    result.deleted = len(tombstones)
    changed = [*fresh.values(), *tombstones]
    if changed:
        data = builder.table_of(changed)
        key = stage_table(staging, table, data, now)
        warehouse.ensure_tables([table])
        result.load = warehouse.upsert(table, staging, [key])
        result.staged.append(key)
    result.rows = len(changed)
    gone = {_key(resource, r) for r in tombstones}
    kept = [r for r in live if _key(resource, r) not in fresh and _key(resource, r) not in gone]
    if changed or not live:
        save_live(staging, table, builder.table_of([*kept, *fresh.values()]))
    if resource.mode == "incremental":
        save_bookmarks(staging, table.name, bookmarks)
    if result.not_found:
        _save_missing(staging, table.name, missing)
    _clear_checkpoint(staging, table.name)


def _missing_key(table: str) -> str:
    return layout.state_object(table, variant="not_found")


def _load_missing(staging: ObjectStore, table: str) -> set[str]:
    """Ids read by id that answered 404: Heroku destroyed the artifact (a slug of an old release)."""
    key = _missing_key(table)
    if staging.head(key) is None:
        return set()
    try:
        return {str(i) for i in json.loads(staging.get(key)).get("ids", [])}
    except (ValueError, AttributeError):
        return set()


def _save_missing(staging: ObjectStore, table: str, ids: set[str]) -> None:
    staging.put(_missing_key(table), json.dumps({"ids": sorted(ids)}).encode())


def _list(
    client: HerokuClient,
    resource: Endpoint,
    path: str,
    parent_id: str,
    bookmarks: dict[str, dict[str, Any]],
    now: dt.datetime,
    result: SyncResult,
) -> tuple[list[Any], bool]:
    """The items of one list and whether they are the whole list (deletions can be read from it).
    Updates the parent's bookmark in ``bookmarks`` (saved by the caller once the rows are stored)."""
    if resource.mode == "by_id":
        return [client.get_json(path)], False
    if resource.single:
        item = client.get_json(path)
        return ([] if item is None else [item]), True
    if resource.mode == "snapshot":
        return list(client.paginate(path, sort_key=resource.range_key)), True
    bookmark = bookmarks.get(parent_id)
    full_at = bookmark.get("full_at") if bookmark else None
    whole = full_at is None or now - records.parse_timestamp(str(full_at)) >= resource.full_after
    start = None if whole else _incremental_start(resource, bookmark)
    hint = _iso(start) if isinstance(start, dt.datetime) else start
    items = list(client.paginate(path, sort_key=resource.bookmark, start=hint))
    if start is not None:
        # the server may ignore a range's start; an item without a readable sort value is kept (and
        # reaches the row builder, which reports it)
        items = [i for i in items if (v := _sort_value(resource, i)) is None or v >= start]
    seen = [v for i in items if (v := _sort_value(resource, i)) is not None]
    previous = bookmark.get("value") if bookmark else None
    if previous is not None:
        seen.append(
            int(previous) if isinstance(resource.lookback, int) else records.parse_timestamp(str(previous))
        )
    highest = max(seen) if seen else None
    bookmarks[parent_id] = {
        "value": _iso(highest) if isinstance(highest, dt.datetime) else highest,
        "full_at": _iso(now) if whole else full_at,
    }
    result.windows[parent_id or "*"] = "all" if hint is None else hint
    return items, whole


def upsert_rows(
    staging: ObjectStore,
    warehouse: Warehouse,
    resource: Endpoint,
    rows: Iterable[dict[str, Any]],
    now: dt.datetime,
) -> int:
    """Upsert rows built elsewhere (webhook deliveries) and keep the live listing in step with them."""
    table = tables.api_tables()[resource.table]
    builder = records.RowBuilder(resource, table)
    by_key = {_key(resource, r): r for r in rows}
    if not by_key:
        return 0
    data = builder.table_of(by_key.values())
    key = stage_table(staging, table, data, now)
    warehouse.ensure_tables([table])
    warehouse.upsert(table, staging, [key])
    live = [r for r in load_live(staging, table).to_pylist() if _key(resource, r) not in by_key]
    save_live(
        staging, table, builder.table_of([*live, *(r for r in by_key.values() if r["_deleted_at"] is None)])
    )
    return len(by_key)
