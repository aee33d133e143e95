"""One sync of Platform API entities: fetch (incrementally where the API sorts), stage as Parquet, upsert
into the warehouse, then move the bookmark. Bookmarks move only after the rows are safe, so a failed run
fetches the same window again."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from heroku_assets import tables
from heroku_assets.logs.parquet import write_staged_table
from heroku_assets.platform_api import entities
from heroku_assets.platform_api.client import HerokuClient
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectStore
from heroku_assets.warehouse.base import Warehouse

APPS_STATE = "known_apps"


@dataclass
class SyncResult:
    table: str
    rows: int = 0
    apps: list[str] = field(default_factory=list)
    staged: list[str] = field(default_factory=list)
    windows: dict[str, str | int | None] = field(default_factory=dict)


def stage_table(staging: ObjectStore, table: tables.Table, data: pa.Table, taken_at: dt.datetime) -> str:
    """Write one fetch as ``<table>/snapshot=<time>/part-00000.parquet``."""
    key = layout.snapshot_prefix(table.name, taken_at) + "part-00000.parquet"
    with tempfile.TemporaryDirectory(prefix="heroku-assets-api-") as tmp:
        path = Path(tmp) / "part.parquet"
        write_staged_table(table, data, path)  # timestamps as COPY INTO reads them
        staging.put_file(key, path, {"rows": str(data.num_rows)})
    return key


def known_apps(staging: ObjectStore) -> list[str]:
    """Every app name a sync of heroku_apps has seen (an incremental fetch returns only changed apps)."""
    info = staging.head(layout.state_object(APPS_STATE))
    if info is None:
        return []
    return json.loads(staging.get(info.key))["apps"]


def _remember_apps(staging: ObjectStore, apps: Sequence[str], log_apps: Sequence[str]) -> None:
    previous = staging.head(layout.state_object(APPS_STATE))
    state = json.loads(staging.get(previous.key)) if previous else {"apps": [], "log_apps": []}
    state["apps"] = sorted(set(state["apps"]) | set(apps))
    state["log_apps"] = sorted(set(state.get("log_apps", [])) | set(log_apps))
    staging.put(layout.state_object(APPS_STATE), json.dumps(state, sort_keys=True).encode())


def _load(
    staging: ObjectStore, warehouse: Warehouse, table: tables.Table, data: pa.Table, now: dt.datetime
) -> str | None:
    if not data.num_rows:
        return None
    key = stage_table(staging, table, data, now)
    warehouse.ensure_tables([table])
    warehouse.upsert(table, staging, [key])
    return key


def sync_apps(client: HerokuClient, staging: ObjectStore, warehouse: Warehouse) -> SyncResult:
    """Apps changed since the bookmark; returns, in ``apps``, the ones whose logs Logplex can deliver."""
    now = dt.datetime.now(dt.UTC)
    bookmark = entities.load_bookmark(staging, tables.HEROKU_APPS)
    fetch = entities.fetch_apps(client, bookmark)
    key = _load(staging, warehouse, tables.HEROKU_APPS, fetch.table, now)
    log_apps = entities.log_app_names(fetch.table)
    _remember_apps(staging, fetch.table.column("name").to_pylist(), log_apps)
    entities.save_bookmark(staging, fetch.bookmark)
    return SyncResult(
        table=tables.HEROKU_APPS.name,
        rows=fetch.table.num_rows,
        apps=log_apps,
        staged=[key] if key else [],
        windows={"*": fetch.start},
    )


def sync_per_app(
    client: HerokuClient,
    staging: ObjectStore,
    warehouse: Warehouse,
    table: tables.Table,
    apps: Sequence[str],
) -> SyncResult:
    """Releases or builds (incremental by bookmark), dynos or formation (snapshots), for each app."""
    now = dt.datetime.now(dt.UTC)
    incremental: dict[str, Callable[..., entities.EntityFetch]] = {
        tables.HEROKU_RELEASES.name: entities.fetch_releases,
        tables.HEROKU_BUILDS.name: entities.fetch_builds,
    }
    snapshots: dict[str, Callable[..., pa.Table]] = {
        tables.HEROKU_DYNOS.name: entities.fetch_dynos,
        tables.HEROKU_FORMATION.name: entities.fetch_formation,
    }
    parts: list[pa.Table] = []
    bookmarks: list[entities.Bookmark] = []
    result = SyncResult(table=table.name, apps=list(apps))
    for app in apps:
        if table.name in incremental:
            fetch = incremental[table.name](client, app, entities.load_bookmark(staging, table, app))
            parts.append(fetch.table)
            bookmarks.append(fetch.bookmark)
            result.windows[app] = fetch.start
        else:
            parts.append(snapshots[table.name](client, app, now))
    data = pa.concat_tables(parts) if parts else table.arrow_schema.empty_table()
    key = _load(staging, warehouse, table, data, now)
    for bookmark in bookmarks:
        entities.save_bookmark(staging, bookmark)
    result.rows = data.num_rows
    result.staged = [key] if key else []
    return result
