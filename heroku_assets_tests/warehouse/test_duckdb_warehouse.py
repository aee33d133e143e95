"""The DuckDB warehouse: the same load plans as Synapse on a real DuckDB file, through the Warehouse
protocol the assets use, including two runs of one partition at the same time."""

import datetime as dt
import threading

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from heroku_assets.logs.parquet import encode_staged, write_parquet
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import APP_EVENTS, HEROKU_RELEASES
from heroku_assets.warehouse.base import StagedObjectsMissing
from heroku_assets.warehouse.duckdb import DuckDBWarehouse, create_table_sql
from heroku_assets.warehouse.load_runner import LoadError, StatementError

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
    pq.write_table(encode_staged(table), path)
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
    assert warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key]).rows == 3
    assert warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key]).rows == 3
    smaller = _stage(store, "b.parquet", _app_rows("shop", DAY, ["only"]))
    assert warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [smaller]).rows == 1
    rows = warehouse.conn.execute("SELECT event_date, message FROM app_events ORDER BY event_date").fetchall()
    assert rows == [(DAY - dt.timedelta(days=1), "keep me"), (DAY, "only")]


def test_a_staged_file_with_rows_of_another_partition_is_refused(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")
    mixed = pa.concat_tables([_app_rows("shop", DAY, ["mine"]), _app_rows("other", DAY, ["not mine"])])
    key = _stage(store, "mixed.parquet", mixed)
    with pytest.raises(LoadError, match="belong to another partition"):
        warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key])
    assert warehouse.partition_rows(APP_EVENTS, "shop", DAY) == 0
    assert warehouse.partition_rows(APP_EVENTS, "other", DAY) == 0


def test_a_failed_load_keeps_the_previous_rows(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")
    key = _stage(store, "a.parquet", _app_rows("shop", DAY, ["one", "two"]))
    warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key])
    (store.root / "broken.parquet").write_bytes(b"not parquet")
    with pytest.raises(StatementError, match="read_parquet"):
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
    assert warehouse.upsert(HEROKU_RELEASES, store, [first]).rows == 1
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
    assert warehouse.upsert(HEROKU_RELEASES, store, [second]).rows == 2
    rows = warehouse.conn.execute("SELECT id, status FROM heroku_releases ORDER BY id").fetchall()
    assert rows == [("r1", "succeeded"), ("r2", "pending")]


def _staging_tables(warehouse) -> int:
    """Tables other than the declared ones, in the database or this connection's temporary catalog."""
    query = "SELECT count(*) FROM duckdb_tables() WHERE table_name NOT IN ('app_events', 'heroku_releases')"
    return warehouse.conn.execute(query).fetchone()[0]


def test_an_empty_staged_object_is_not_read_and_still_replaces(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")
    key = _stage(store, "a.parquet", _app_rows("shop", DAY, ["one", "two"]))
    warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key])
    # The object says it holds no rows: it is not read (its bytes are not even Parquet here).
    store.put("empty.parquet", b"not read", {"rows": "0"})
    result = warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, ["empty.parquet"])
    assert (result.rows, result.staged_rows) == (0, 0)
    assert warehouse.partition_rows(APP_EVENTS, "shop", DAY) == 0


def test_a_day_of_many_apps_loads_in_one_replace(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")
    partitions = {
        app: [_stage(store, f"{app}.parquet", _app_rows(app, DAY, [f"{app}-{i}" for i in range(n)]))]
        for app, n in (("a-app", 3), ("b-app", 1), ("c-app", 2))
    }
    results = warehouse.replace_day(APP_EVENTS, DAY, partitions, store)
    assert {app: r.rows for app, r in results.items()} == {"a-app": 3, "b-app": 1, "c-app": 2}
    assert {app: warehouse.partition_rows(APP_EVENTS, app, DAY) for app in partitions} == {
        "a-app": 3,
        "b-app": 1,
        "c-app": 2,
    }


def test_concurrent_loads_of_one_partition(warehouse, tmp_path):
    """A backfill and a sensor run of one partition at the same time, many times over: every load
    succeeds (a conflicting replace is retried), and the partition always holds exactly one run's rows,
    never a mix or a double."""
    store = LocalObjectStore(tmp_path / "staging")
    files = {
        "left": _stage(store, "left.parquet", _app_rows("shop", DAY, [f"left-{i}" for i in range(50)])),
        "right": _stage(store, "right.parquet", _app_rows("shop", DAY, [f"right-{i}" for i in range(30)])),
    }
    rounds = 8
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    results: dict[str, list[int]] = {"left": [], "right": []}

    def run(side: str) -> None:
        try:
            for _ in range(rounds):
                barrier.wait()
                results[side].append(
                    warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [files[side]]).staged_rows
                )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=run, args=(side,)) for side in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert results == {"left": [50] * rounds, "right": [30] * rounds}  # each saw only its own staged rows
    rows = warehouse.conn.execute(
        "SELECT split_part(message, '-', 1), count(*) FROM app_events GROUP BY 1"
    ).fetchall()
    assert rows in ([("left", 50)], [("right", 30)])
    assert _staging_tables(warehouse) == 0


def test_a_near_1mb_value_is_staged_cut_and_loaded_truncated_and_counted(warehouse, tmp_path):
    """A value near the pool's 1 MB row limit leaves staging at width + 1 characters (counted in the
    staged metadata), and the load still counts it as truncated."""
    huge = "é" * 999_000  # about 2 MB of UTF-8, 1 MB of characters
    data = _app_rows("shop", DAY, [huge, "short"])
    files = write_parquet([("app_events", b) for b in data.to_batches()], tmp_path / "out")
    written = files["app_events"]
    assert written.cut == {"message": 1}
    staged = pq.read_table(written.path).column("message").to_pylist()
    assert [len(v) for v in staged] == [4001, 5]  # the column's 4000 characters + 1
    assert written.path.stat().st_size < 100_000
    store = LocalObjectStore(tmp_path / "staging")
    store.put_file("a.parquet", written.path, {"rows": "2", "cut_message": "1"})
    result = warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, ["a.parquet"])
    assert (result.rows, result.truncated_rows, dict(result.truncated_columns)) == (2, 1, {"message": 1})
    loaded = warehouse.conn.execute("SELECT length(message) FROM app_events ORDER BY line_number").fetchall()
    assert loaded == [(4000,), (5,)]


def test_missing_staged_objects_fail_the_load_and_keep_the_previous_rows(warehouse, tmp_path):
    store = LocalObjectStore(tmp_path / "staging")
    key = _stage(
        store, "app_events/app=shop/date=2026-11-20/part-00000.parquet", _app_rows("shop", DAY, ["a"])
    )
    warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key])
    # The folder was emptied (a lifecycle rule, a cleanup, another container): the listing finds nothing.
    with pytest.raises(
        StagedObjectsMissing,
        match=r"nothing is staged for app_events under "
        r"app_events/app=shop/date=2026-11-20/: nothing was loaded",
    ):
        warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [])
    # An object listed, then gone before the load reads it.
    with pytest.raises(StagedObjectsMissing, match=r"1 staged object\(s\) missing: gone\.parquet"):
        warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, [key, "gone.parquet"])
    with pytest.raises(StagedObjectsMissing, match="under app_events/app=zed/date=2026-11-20/"):
        warehouse.replace_day(APP_EVENTS, DAY, {"shop": [key], "zed": []}, store)
    assert warehouse.partition_rows(APP_EVENTS, "shop", DAY) == 1
    # Only a partition staging recorded as empty (an object of zero rows) loads as empty.
    store.put("empty.parquet", b"", {"rows": "0"})
    assert warehouse.replace_partition(APP_EVENTS, "shop", DAY, store, ["empty.parquet"]).rows == 0
