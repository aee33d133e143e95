"""Platform API entities as Arrow tables with the declared schemas, fetched incrementally.

Apps, releases and builds are fetched from a bookmark on the list's sort key (apps ``updated_at``,
releases ``version``, builds ``started_at``) minus a look-back, so that a release that turns from pending
to succeeded, the release that stops being current, or a build that finishes late is fetched again; the
result upserts by id. Dynos and formation have no sort key: they are snapshots stamped with their time.

The bookmark is a small JSON object the caller keeps between runs (``save_bookmark`` / ``load_bookmark``
put it at ``layout.state_object(table, app)``); columns and types come from ``heroku_assets.tables``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pyarrow as pa

from heroku_assets import tables
from heroku_assets.platform_api.client import HerokuClient, HerokuDataError, quote_segment
from heroku_assets.storage import layout
from heroku_assets.storage.base import ObjectInfo, ObjectStore

log = logging.getLogger(__name__)

DEFAULT_APPS_LOOKBACK = dt.timedelta(minutes=30)
DEFAULT_BUILDS_LOOKBACK = dt.timedelta(hours=2)
DEFAULT_RELEASES_LOOKBACK = 10  # versions


@dataclasses.dataclass(frozen=True)
class Bookmark:
    """Where the next incremental fetch starts: the highest value of ``field`` seen so far."""

    table: str
    app: str | None
    field: str
    value: int | str | None
    fetched_at: str | None = None

    @property
    def key(self) -> str:
        return layout.state_object(self.table, self.app)

    def to_json(self) -> bytes:
        return json.dumps(dataclasses.asdict(self), sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes | str) -> Bookmark:
        try:
            raw = json.loads(data)
            return cls(
                table=str(raw["table"]),
                app=raw.get("app"),
                field=str(raw["field"]),
                value=raw.get("value"),
                fetched_at=raw.get("fetched_at"),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"not a bookmark: {exc}") from exc


@dataclasses.dataclass(frozen=True)
class EntityFetch:
    """One incremental fetch: the rows to upsert and the bookmark to keep once they are stored."""

    table: pa.Table
    bookmark: Bookmark
    start: int | str | None  # where this fetch started (the bookmark minus the look-back), None for all


def load_bookmark(store: ObjectStore, table: tables.Table, app: str | None = None) -> Bookmark | None:
    """The bookmark kept for ``table`` (and ``app``), or None before the first fetch."""
    key = layout.state_object(table.name, app)
    if store.head(key) is None:
        return None
    return Bookmark.from_json(store.get(key))


def save_bookmark(store: ObjectStore, bookmark: Bookmark) -> ObjectInfo:
    """Keep the bookmark; call it only after the fetched rows are safely stored."""
    return store.put(bookmark.key, bookmark.to_json(), {"table": bookmark.table})


# -- conversion --------------------------------------------------------------------------------------


def _path(*keys: str) -> Callable[[Mapping[str, Any]], Any]:
    """Read a nested field (``user.email``), None when any step is missing or null."""

    def get(obj: Mapping[str, Any]) -> Any:
        value: Any = obj
        for key in keys:
            if not isinstance(value, Mapping):
                return None
            value = value.get(key)
        return value

    return get


def parse_timestamp(value: str) -> dt.datetime:
    """An API timestamp (ISO 8601, ``Z`` or an offset) as an aware UTC datetime."""
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("no UTC offset")
    return parsed.astimezone(dt.UTC)


def _convert(column: tables.Column, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if kind == "timestamp":
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC)
        return parse_timestamp(str(value))
    if kind == "date":
        return dt.date.fromisoformat(str(value)[:10])
    if kind in ("int32", "int64"):
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(f"not a whole number: {value!r}")
        return int(value)
    if kind == "float64":
        return float(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"not a boolean: {value!r}")
        return value
    if kind == "json":
        return json.dumps(value, sort_keys=True)
    return value if isinstance(value, str) else json.dumps(value)


def to_arrow(
    table: tables.Table,
    items: Iterable[Mapping[str, Any]],
    extractors: Mapping[str, Callable[[Mapping[str, Any]], Any]],
) -> pa.Table:
    """Rows typed by the table's declaration. ``extractors`` maps every declared column to a function of
    the API object; a column without one is a programming error, a value that does not fit is a
    ``HerokuDataError`` naming the table, column and entity."""
    missing = [c.name for c in table.columns if c.name not in extractors]
    if missing:
        raise KeyError(f"{table.name}: no extractor for {missing}")
    columns: dict[str, list[Any]] = {c.name: [] for c in table.columns}
    for item in items:
        for column in table.columns:
            raw = extractors[column.name](item)
            try:
                value = _convert(column, raw)
            except (ValueError, TypeError, OverflowError) as exc:
                raise HerokuDataError(
                    f"{table.name}.{column.name} of {item.get('id')!r}: {exc}", resource=table.name
                ) from None
            if value is None and not column.nullable:
                raise HerokuDataError(
                    f"{table.name}.{column.name} of {item.get('id')!r} is missing", resource=table.name
                )
            columns[column.name].append(value)
    return pa.Table.from_pydict(columns, schema=table.arrow_schema)


def _constant(value: Any) -> Callable[[Mapping[str, Any]], Any]:
    return lambda _obj: value


_APP_FIELDS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "id": _path("id"),
    "name": _path("name"),
    "generation": _path("generation", "name"),
    "region": _path("region", "name"),
    "stack": _path("stack", "name"),
    "owner_email": _path("owner", "email"),
    "web_url": _path("web_url"),
    "created_at": _path("created_at"),
    "released_at": _path("released_at"),
    "updated_at": _path("updated_at"),
}


def _release_fields(app: str) -> dict[str, Callable[[Mapping[str, Any]], Any]]:
    return {
        "id": _path("id"),
        "app": _constant(app),
        "version": _path("version"),
        "status": _path("status"),
        "current": _path("current"),
        "description": _path("description"),
        "user_id": _path("user", "id"),
        "user_email": _path("user", "email"),
        "slug_id": _path("slug", "id"),
        "created_at": _path("created_at"),
        "updated_at": _path("updated_at"),
    }


def _build_fields(app: str) -> dict[str, Callable[[Mapping[str, Any]], Any]]:
    return {
        "id": _path("id"),
        "app": _constant(app),
        "status": _path("status"),
        "stack": _path("stack"),
        "source_version": _path("source_blob", "version"),
        "release_id": _path("release", "id"),
        "user_email": _path("user", "email"),
        "created_at": _path("created_at"),
        "updated_at": _path("updated_at"),
    }


def _dyno_fields(app: str, snapshot_at: dt.datetime) -> dict[str, Callable[[Mapping[str, Any]], Any]]:
    return {
        "id": _path("id"),
        "snapshot_at": _constant(snapshot_at),
        "app": _constant(app),
        "name": _path("name"),
        "type": _path("type"),
        "state": _path("state"),
        "size": _path("size"),
        "command": _path("command"),
        "release_id": _path("release", "id"),
        "release_version": _path("release", "version"),
        "created_at": _path("created_at"),
        "updated_at": _path("updated_at"),
    }


def _formation_fields(app: str, snapshot_at: dt.datetime) -> dict[str, Callable[[Mapping[str, Any]], Any]]:
    return {
        "id": _path("id"),
        "snapshot_at": _constant(snapshot_at),
        "app": _constant(app),
        "type": _path("type"),
        "quantity": _path("quantity"),
        "size": _path("size"),
        "command": _path("command"),
        "updated_at": _path("updated_at"),
    }


# -- fetchers ----------------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(ts: dt.datetime) -> str:
    return ts.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _check_bookmark(bookmark: Bookmark | None, table: tables.Table, app: str | None, field: str) -> None:
    if bookmark is not None and (bookmark.table, bookmark.app, bookmark.field) != (table.name, app, field):
        raise ValueError(f"bookmark for {bookmark.table}/{bookmark.app} used for {table.name}/{app}")


def _timestamp_start(bookmark: Bookmark | None, lookback: dt.timedelta) -> dt.datetime | None:
    if bookmark is None or bookmark.value is None:
        return None
    return parse_timestamp(str(bookmark.value)) - lookback


def _since(
    items: Iterable[Mapping[str, Any]], field: str, start: dt.datetime | None
) -> list[Mapping[str, Any]]:
    """Items at or after ``start`` (the server may ignore a range's start value); a missing or unreadable
    sort value is kept, so it reaches ``to_arrow`` and fails there with a clear error."""
    kept = []
    for item in items:
        value = item.get(field)
        if start is not None and isinstance(value, str):
            try:
                if parse_timestamp(value) < start:
                    continue
            except ValueError:
                pass
        kept.append(item)
    return kept


def _max_timestamp(table: pa.Table, column: str, previous: int | str | None) -> str | None:
    values = [v for v in table.column(column).to_pylist() if v is not None]
    if previous is not None:
        values.append(parse_timestamp(str(previous)))
    return _iso(max(values)) if values else None


def fetch_apps(
    client: HerokuClient,
    bookmark: Bookmark | None = None,
    *,
    lookback: dt.timedelta = DEFAULT_APPS_LOOKBACK,
) -> EntityFetch:
    """Apps changed since the bookmark (``updated_at``) minus ``lookback``; all apps on the first run."""
    table = tables.HEROKU_APPS
    _check_bookmark(bookmark, table, None, "updated_at")
    start = _timestamp_start(bookmark, lookback)
    items = client.paginate("/apps", sort_key="updated_at", start=None if start is None else _iso(start))
    result = to_arrow(table, _since(items, "updated_at", start), _APP_FIELDS)
    return EntityFetch(
        table=result,
        bookmark=Bookmark(
            table.name,
            None,
            "updated_at",
            _max_timestamp(result, "updated_at", bookmark.value if bookmark else None),
            _iso(_now()),
        ),
        start=None if start is None else _iso(start),
    )


def fetch_releases(
    client: HerokuClient,
    app: str,
    bookmark: Bookmark | None = None,
    *,
    lookback_versions: int = DEFAULT_RELEASES_LOOKBACK,
) -> EntityFetch:
    """Releases of ``app`` from the bookmarked version minus ``lookback_versions``: the newest releases
    are the ones whose status and ``current`` flag still change."""
    table = tables.HEROKU_RELEASES
    _check_bookmark(bookmark, table, app, "version")
    start: int | None = None
    if bookmark is not None and bookmark.value is not None:
        start = max(1, int(bookmark.value) - lookback_versions)
    items = client.paginate(f"/apps/{quote_segment(app)}/releases", sort_key="version", start=start)
    kept = [
        i for i in items if start is None or not isinstance(i.get("version"), int) or i["version"] >= start
    ]
    result = to_arrow(table, kept, _release_fields(app))
    versions = [v for v in result.column("version").to_pylist() if v is not None]
    if bookmark is not None and bookmark.value is not None:
        versions.append(int(bookmark.value))
    return EntityFetch(
        table=result,
        bookmark=Bookmark(table.name, app, "version", max(versions) if versions else None, _iso(_now())),
        start=start,
    )


def fetch_builds(
    client: HerokuClient,
    app: str,
    bookmark: Bookmark | None = None,
    *,
    lookback: dt.timedelta = DEFAULT_BUILDS_LOOKBACK,
) -> EntityFetch:
    """Builds of ``app`` started since the bookmark minus ``lookback`` (long enough for a build and its
    release phase to finish). The list sorts by ``started_at``, which a build shows as ``created_at``."""
    table = tables.HEROKU_BUILDS
    _check_bookmark(bookmark, table, app, "started_at")
    start = _timestamp_start(bookmark, lookback)
    items = client.paginate(
        f"/apps/{quote_segment(app)}/builds",
        sort_key="started_at",
        start=None if start is None else _iso(start),
    )
    result = to_arrow(table, _since(items, "created_at", start), _build_fields(app))
    return EntityFetch(
        table=result,
        bookmark=Bookmark(
            table.name,
            app,
            "started_at",
            _max_timestamp(result, "created_at", bookmark.value if bookmark else None),
            _iso(_now()),
        ),
        start=None if start is None else _iso(start),
    )


def fetch_dynos(client: HerokuClient, app: str, snapshot_at: dt.datetime | None = None) -> pa.Table:
    """The dynos of ``app`` now, each row stamped ``snapshot_at`` (default: now, UTC)."""
    taken = (snapshot_at or _now()).astimezone(dt.UTC)
    items = client.paginate(f"/apps/{quote_segment(app)}/dynos", sort_key=None)
    return to_arrow(tables.HEROKU_DYNOS, items, _dyno_fields(app, taken))


def fetch_formation(client: HerokuClient, app: str, snapshot_at: dt.datetime | None = None) -> pa.Table:
    """The formation of ``app`` now (process types, quantity, size), stamped ``snapshot_at``."""
    taken = (snapshot_at or _now()).astimezone(dt.UTC)
    items = client.paginate(f"/apps/{quote_segment(app)}/formation", sort_key=None)
    return to_arrow(tables.HEROKU_FORMATION, items, _formation_fields(app, taken))


def log_app_names(apps: pa.Table) -> list[str]:
    """Apps that become log partitions: Cedar apps (Logplex drains, log sessions) and Fir apps
    (OpenTelemetry telemetry drains) alike; heroku_apps.generation says which path feeds each."""
    return sorted(set(apps.column("name").to_pylist()))
