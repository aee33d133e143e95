"""Listing one resource: its parents, the path and window of each list, the items of one list (whole, or
from the bookmark where the API sorts) and the bookmark it leaves."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from heroku_assets.platform_api import records
from heroku_assets.platform_api.client import HerokuClient
from heroku_assets.platform_api.endpoints import Endpoint
from heroku_assets.platform_api.state import live_rows, utc_iso
from heroku_assets.storage.base import ObjectStore


def row_key(resource: Endpoint, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row.get(k) for k in resource.key)


def start_query(resource: Endpoint, now: dt.datetime) -> str:
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


def artifact_id(parent: dict[str, Any], kind: str) -> str | None:
    """The id of the parent's (a release's) artifact of ``kind`` (``oci-image``), from its JSON column."""
    try:
        artifacts = json.loads(parent.get("artifacts") or "[]")
    except ValueError:
        return None
    ids = [a.get("id") for a in artifacts if isinstance(a, dict) and a.get("type") == kind]
    return str(ids[0]) if ids and ids[0] else None


def parents_of(staging: ObjectStore, resource: Endpoint) -> list[dict[str, Any] | None]:
    if resource.parent is None:
        return [None]
    rows: list[dict[str, Any] | None] = list(live_rows(staging, resource.parent))
    if resource.mode == "by_id":  # newest first: a backlog never starves the latest release's slug
        rows.sort(key=lambda r: str((r or {}).get("created_at") or ""), reverse=True)
    return rows


def list_items(
    client: HerokuClient,
    resource: Endpoint,
    path: str,
    parent_id: str,
    bookmarks: dict[str, dict[str, Any]],
    now: dt.datetime,
    windows: dict[str, Any],
) -> tuple[list[Any], bool]:
    """The items of one list and whether they are the whole list (deletions can be read from it).
    Updates the parent's bookmark in ``bookmarks`` (saved by the caller once the rows are stored) and
    its window in ``windows`` (the sync's result)."""
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
    hint = utc_iso(start) if isinstance(start, dt.datetime) else start
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
        "value": utc_iso(highest) if isinstance(highest, dt.datetime) else highest,
        "full_at": utc_iso(now) if whole else full_at,
    }
    windows[parent_id or "*"] = "all" if hint is None else hint
    return items, whole
