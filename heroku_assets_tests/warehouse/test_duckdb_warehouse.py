import datetime as dt

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import APP_EVENTS, HEROKU_RELEASES
from heroku_assets.warehouse.duckdb import DuckDBWarehouse, create_table_sql

DAY = dt.date(2026, 11, 20)


def _app_rows(app: str, day: dt.date, messages: list[str]) -> pa.Table:
    n = len(messages)
    ts = dt.datetime.combine(day, dt.time(12), dt.UTC)
    return pa.table(
        {
            "app": [app] * n,
            "event_date": [day] * n,
            "line_number": list(range(1, n + 1)),
            "event_ts": [ts] * n,
            "source": ["app"] * n,
            "dyno": ["web.1"] * n,
            "process_type": ["web"] * n,
            "message": messages,
            "extra": [None] * n,
        },
        schema=APP_EVENTS.arrow_schema,
    )


def _stage(store: LocalObjectStore, key: str, table: pa.Table) -> str:
    path = store.root / key
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return key


@pytest.fixture
def warehouse(tmp_path):
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    wh = DuckDBWarehouse(conn)
    wh.ensure_tables([APP_EVENTS, HEROKU_RELEASES])
    yield wh
    conn.close()


def test_ddl_follows_the_declaration():
    sql = create_table_sql(APP_EVENTS)
    assert '"app" VARCHAR NOT NULL' in sql and '"event_ts" TIMESTAMPTZ' in sql
    assert sql.count(",\n") == len(APP_EVENTS.columns) - 1


def test_replacing_a_partition_twice_leaves_the_same_rows_and_touches_no_other(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")
    other = _stage(store, "other.parquet", _app_rows("shop", DAY - dt.timedelta(days=1), ["keep me"]))
    warehouse.replace_partition(APP_EVENTS, "shop", DAY - dt.timedelta(days=1), store, [other])
    key = _stage(store, "a.parquet", _app_rows("shop", DAY, ["one", "two", "three"]))
    assert warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key]) == 3
    assert warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key]) == 3
    smaller = _stage(store, "b.parquet", _app_rows("shop", DAY, ["only"]))
    assert warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [smaller]) == 1
    rows = warehouse.conn.execute("SELECT event_date, message FROM app_events ORDER BY event_date").fetchall()
    assert rows == [(DAY - dt.timedelta(days=1), "keep me"), (DAY, "only")]


def test_rows_of_another_partition_in_a_staged_file_are_never_loaded(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")
    mixed = pa.concat_tables([_app_rows("shop", DAY, ["mine"]), _app_rows("other", DAY, ["not mine"])])
    key = _stage(store, "mixed.parquet", mixed)
    assert warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key]) == 1
    assert warehouse.partition_rows(APP_EVENTS, "other", DAY) == 0


def test_a_failed_load_keeps_the_previous_rows(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")
    key = _stage(store, "a.parquet", _app_rows("shop", DAY, ["one", "two"]))
    warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key])
    (store.root / "broken.parquet").write_bytes(b"not parquet")
    with pytest.raises(duckdb.Error):
        warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, ["broken.parquet"])
    assert warehouse.partition_rows(APP_EVENTS, "shop", DAY) == 2


def test_upsert_by_id_updates_and_inserts(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")

    def releases(rows):
        cols = {c.name: [r.get(c.name) for r in rows] for c in HEROKU_RELEASES.columns}
        return pa.table(cols, schema=HEROKU_RELEASES.arrow_schema)

    first = _stage(
        store, "r1.parquet", releases([{"id": "r1", "app": "shop", "version": 1, "status": "pending"}])
    )
    assert warehouse.upsert(HEROKU_RELEASES, store, [first]) == 1
    second = _stage(
        store,
        "r2.parquet",
        releases(
            [
                {"id": "r1", "app": "shop", "version": 1, "status": "succeeded"},
                {"id": "r2", "app": "shop", "version": 2, "status": "pending"},
            ]
        ),
    )
    assert warehouse.upsert(HEROKU_RELEASES, store, [second]) == 2
    rows = warehouse.conn.execute("SELECT id, status FROM heroku_releases ORDER BY id").fetchall()
    assert rows == [("r1", "succeeded"), ("r2", "pending")]
