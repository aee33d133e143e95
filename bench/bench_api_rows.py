"""Platform API items -> typed rows -> Arrow: how many app items a second the schema-driven row builder
reads (every property checked against its column type, unknown fields looked for), and how many a second
when one item in ten drifts (an unknown field and a retyped value, both kept in _extra)."""

from __future__ import annotations

import argparse
import datetime as dt
import time
import uuid

from heroku_assets import tables
from heroku_assets.platform_api.endpoints import BY_NAME
from heroku_assets.platform_api.records import RowBuilder


def _app(i: int, drift: bool) -> dict:
    name = f"app-{i:07d}"
    ts = (dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
    item = {
        "acm": False,
        "archived_at": None,
        "buildpack_provided_description": "Python",
        "build_stack": {"id": str(uuid.UUID(int=1)), "name": "heroku-24"},
        "created_at": ts,
        "generation": {"id": str(uuid.UUID(int=2)), "name": "cedar"},
        "git_url": f"https://git.heroku.com/{name}.git",
        "id": str(uuid.UUID(int=i + 10)),
        "internal_routing": None,
        "maintenance": False,
        "name": name,
        "owner": {"email": "owner@example.com", "id": str(uuid.UUID(int=3))},
        "organization": None,
        "team": {"id": str(uuid.UUID(int=4)), "name": "acme"},
        "region": {"id": str(uuid.UUID(int=5)), "name": "us"},
        "released_at": ts,
        "repo_size": 1024,
        "slug_size": None,
        "space": None,
        "stack": {"id": str(uuid.UUID(int=1)), "name": "heroku-24"},
        "updated_at": ts,
        "web_url": f"https://{name}.herokuapp.com/",
    }
    if drift:
        item["cost_center"] = "ops"
        item["repo_size"] = "1 kB"
    return item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    resource = BY_NAME["app"]
    table = tables.api_tables()["heroku_apps"]
    now = dt.datetime.now(dt.UTC)
    print(f"{args.items:,} app items ({len(table.columns)} columns) -> rows -> Arrow")
    for label, every in (("schema-exact items", 0), ("one item in ten drifting", 10)):
        items = [_app(i, bool(every) and i % every == 0) for i in range(args.items)]
        best = 0.0
        for _ in range(args.repeat):
            builder = RowBuilder(resource, table)
            start = time.perf_counter()
            arrow = builder.table_of(builder.row(item, "", now) for item in items)
            seconds = time.perf_counter() - start
            best = max(best, args.items / seconds)
            assert arrow.num_rows == args.items
        unknown, retyped = sum(builder.drift.unknown.values()), sum(builder.drift.retyped.values())
        print(
            f"  {label:28s} best of {args.repeat}: {best:10,.0f} items/s   "
            f"unknown {unknown:,}, retyped {retyped:,}"
        )


if __name__ == "__main__":
    main()
