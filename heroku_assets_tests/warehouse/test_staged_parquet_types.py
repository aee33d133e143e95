"""What `make run` stages is readable by a dedicated pool's COPY INTO, and loads DuckDB exactly.

The sample commands (`sample`, `import`, `run`) run in-process on a temporary data folder, as `make run`
does; then every staged Parquet file's column types (pyarrow.parquet's physical and logical types) must
be in COPY_PARQUET_TYPES, the one list of what Microsoft documents COPY INTO reading, and map to the
staging column's SQL type. The warehouse then holds, to the microsecond, what the staged files say.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from heroku_assets import cli, tables
from heroku_assets.logs.parquet import decode_staged, encode_staged, write_staged_table
from heroku_assets.warehouse.sql import COPY_PARQUET_TYPES, STAGING_SQL_TYPES

START = dt.date.today() - dt.timedelta(days=2)


@pytest.fixture(scope="module")
def staged_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("run")
    patch = pytest.MonkeyPatch()
    patch.setenv("HEROKU_ASSETS_DATA_DIR", str(data / "data"))
    patch.delenv("DAGSTER_HOME", raising=False)
    patch.delenv("HEROKU_ASSETS_ENV", raising=False)
    try:
        sample = data / "sample"
        args = ["sample", "--out", str(sample), "--apps", "1", "--days", "1", "--start", START.isoformat()]
        assert cli.main([*args, "--format", "text"]) == 0
        for folder in (p for p in sample.iterdir() if p.is_dir()):
            logs = [str(p) for p in folder.glob("*.log")]
            assert cli.main(["import", *logs, "--app", folder.name]) == 0
        assert cli.main(["run", "--no-summary"]) == 0
    finally:
        patch.undo()
    return data / "data"


def _column_types(path: Path) -> dict[str, tuple[str, str]]:
    schema = pq.ParquetFile(path).schema
    return {
        schema.column(i).name: (schema.column(i).physical_type, str(schema.column(i).logical_type))
        for i in range(len(schema))
    }


def _assert_copy_reads(table: tables.Table, path: Path) -> None:
    types = _column_types(path)
    assert list(types) == list(table.column_names), path
    for col in table.columns:
        found = types[col.name]
        assert found in COPY_PARQUET_TYPES, f"{path.name}: {col.name} is {found}, which COPY INTO cannot read"
        assert COPY_PARQUET_TYPES[found] == STAGING_SQL_TYPES[col.type], (table.name, col.name, found)


def test_every_staged_column_is_a_type_copy_into_reads(staged_run: Path) -> None:
    files = sorted((staged_run / "staging").rglob("*.parquet"))
    seen = {f.relative_to(staged_run / "staging").parts[0] for f in files}
    assert {t.name for t in tables.EVENT_TABLES} | {tables.HEROKU_ERROR_CODES.name} <= seen
    timestamps = 0
    for path in files:
        table = tables.ALL_TABLES[path.relative_to(staged_run / "staging").parts[0]]
        _assert_copy_reads(table, path)
        timestamps += sum(c.type == "timestamp" for c in table.columns)
    assert timestamps  # the type that needed an encoding was among them


def test_the_warehouse_holds_exactly_what_was_staged(staged_run: Path) -> None:
    with duckdb.connect(str(staged_run / "warehouse.duckdb"), read_only=True) as conn:
        conn.execute("SET TimeZone = 'UTC'")
        for table in tables.EVENT_TABLES:
            staged = [
                decode_staged(pq.read_table(p))
                for p in sorted((staged_run / "staging" / table.name).rglob("*.parquet"))
            ]
            expected = pa.concat_tables(staged).sort_by([("app", "ascending"), ("line_number", "ascending")])
            cols = ", ".join(f'"{c}"' for c in table.column_names)
            query = f"SELECT {cols} FROM {table.name} ORDER BY app, line_number"  # noqa: S608
            got = conn.sql(query).to_arrow_table().cast(table.arrow_schema).to_pylist()
            want = [_fitted(table, row) for row in expected.cast(table.arrow_schema).to_pylist()]
            # text samples hold no rejected lines necessarily, and spans come only from Fir telemetry
            assert len(got) == len(want) > 0 or table.name in ("rejected_lines", "spans"), table.name
            assert got == want, table.name
        micros = conn.execute(
            "SELECT count(*) FROM router_events WHERE microsecond(event_ts) % 1000 <> 0"
        ).fetchone()[0]
        assert micros > 0  # sub-millisecond parts survived the round trip


def _fitted(table: tables.Table, row: dict) -> dict:
    """A staged row as the warehouse keeps it: strings at most their declared width (counted as
    truncated in the load's report, the same on both engines)."""
    out = dict(row)
    for col in table.columns:
        width = col.string_width
        if width is not None and out[col.name] is not None:
            out[col.name] = out[col.name][:width]
    return out


def test_every_declared_table_is_staged_in_types_copy_into_reads(tmp_path: Path) -> None:
    """The API entities and reference tables go through write_staged_table: one row of each."""
    for table in tables.ALL_TABLES.values():
        row = {c.name: _value(c) for c in table.columns}
        path = tmp_path / f"{table.name}.parquet"
        write_staged_table(table, pa.Table.from_pylist([row], schema=table.arrow_schema), path)
        _assert_copy_reads(table, path)
        assert decode_staged(pq.read_table(path)).to_pylist() == [row]


def _value(col: tables.Column) -> object:
    return {
        "string": "x",
        "json": "{}",
        "int32": 1,
        "int64": 2**40,
        "float64": 0.5,
        "bool": True,
        "timestamp": dt.datetime(2026, 11, 20, 1, 2, 3, 456789, tzinfo=dt.UTC),
        "date": dt.date(2026, 11, 20),
    }[col.type]


def test_a_microsecond_timestamp_is_never_staged_as_such() -> None:
    table = pa.table({"t": pa.array([dt.datetime(2026, 1, 1, tzinfo=dt.UTC)], pa.timestamp("us", tz="UTC"))})
    assert encode_staged(table).schema.field("t").type == pa.int64()
    assert encode_staged(table).column("t").to_pylist() == [1767225600000000]
