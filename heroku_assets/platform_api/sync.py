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
import json
import logging
from collections.abc import Iterable
from typing import Any

from heroku_assets import tables
from heroku_assets.platform_api import records
from heroku_assets.platform_api.client import HerokuClient, quote_segment
from heroku_assets.platform_api.endpoints import WEBHOOK_ANNOUNCED, Endpoint
from heroku_assets.platform_api.errors import HerokuForbiddenError, HerokuNotFoundError, HerokuResponseError
from heroku_assets.platform_api.listing import artifact_id, list_items, parents_of, row_key, start_query
from heroku_assets.platform_api.state import (
    CHECKPOINT_EVERY,
    Checkpoint,
    clear_checkpoint,
    load_bookmarks,
    load_checkpoint,
    load_live,
    load_missing,
    polled_key,
    reconciled_recently,
    save_bookmarks,
    save_checkpoint,
    save_live,
    save_missing,
    stage_table,
    utc_iso,
)
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
        last = reconciled_recently(staging, table.name, now)
        if last is not None:
            result.skipped = f"kept fresh by webhooks; listed at {utc_iso(last)}"
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
        staging.put(polled_key(table.name), json.dumps({"at": utc_iso(now)}).encode())
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
    live_keys = {row_key(resource, r) for r in live}
    bookmarks = load_bookmarks(staging, table.name)
    fresh: dict[tuple[Any, ...], dict[str, Any]] = {}
    listed_whole: set[str] = set()  # parents whose full listing we now have
    parents = parents_of(staging, resource)
    known_parents = {"" if p is None else str(p["id"]) for p in parents}
    checkpoint = load_checkpoint(staging, table, now) or Checkpoint(now)
    for row in checkpoint.rows:
        fresh[row_key(resource, row)] = row
    builder.drift.update_from(checkpoint.drift)
    missing = load_missing(staging, table.name) if resource.mode == "by_id" else set()
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
                values[resource.placeholders[-1]] = artifact_id(parent, resource.artifact)
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
            path += start_query(resource, now)
            result.parents += 1
            try:
                items, whole = list_items(client, resource, path, parent_id, bookmarks, now, result.windows)
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
                    fresh[row_key(resource, row)] = row
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
                save_checkpoint(staging, builder, checkpoint, list(fresh.values()))
                since_checkpoint = 0
    except Exception:
        if since_checkpoint:  # what this run fetched is kept for its retry
            save_checkpoint(staging, builder, checkpoint, list(fresh.values()))
        raise

    tombstones = []
    # With no live parent at all (the parent table never synced, or emptied), nothing is concluded about
    # rows of parents that went away.
    parent_gone_known = resource.parent is None or bool(parents)
    if resource.marks_deleted and resource.mode != "by_id":
        for row in live:
            if row.get("_deleted_at") is not None or row_key(resource, row) in fresh:
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
    gone = {row_key(resource, r) for r in tombstones}
    kept = [r for r in live if row_key(resource, r) not in fresh and row_key(resource, r) not in gone]
    if changed or not live:
        save_live(staging, table, builder.table_of([*kept, *fresh.values()]))
    if resource.mode == "incremental":
        save_bookmarks(staging, table.name, bookmarks)
    if result.not_found:
        save_missing(staging, table.name, missing)
    clear_checkpoint(staging, table.name)


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
    by_key = {row_key(resource, r): r for r in rows}
    if not by_key:
        return 0
    data = builder.table_of(by_key.values())
    key = stage_table(staging, table, data, now)
    warehouse.ensure_tables([table])
    warehouse.upsert(table, staging, [key])
    live = [r for r in load_live(staging, table).to_pylist() if row_key(resource, r) not in by_key]
    save_live(
        staging, table, builder.table_of([*live, *(r for r in by_key.values() if r["_deleted_at"] is None)])
    )
    return len(by_key)
