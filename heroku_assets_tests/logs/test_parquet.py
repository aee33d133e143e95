"""write_parquet: one file per event table, declared schema, streamed row groups."""

from __future__ import annotations

import pathlib

import pyarrow.parquet as pq
import pytest

from heroku_assets import tables
from heroku_assets.logs import TableFile, parse_lines, read_lines, write_parquet
from heroku_assets.logs import parquet as parquet_module
from heroku_assets.logs.parquet import decode_staged, staged_schema

TS = "2024-04-26T16:58:32.943253+00:00"


def test_every_event_table_gets_a_file_even_without_rows(tmp_path: pathlib.Path) -> None:
    data = f"{TS} app[web.1]: hello\njunk\n".encode()
    files = write_parquet(parse_lines(read_lines([data]), "my-app"), tmp_path, "part-7.parquet")
    assert set(files) == {t.name for t in tables.EVENT_TABLES}
    for table in tables.EVENT_TABLES:
        info = files[table.name]
        assert info == TableFile(tmp_path / table.name / "part-7.parquet", info.rows)
        read = pq.read_table(info.path)
        assert read.schema.equals(staged_schema(table.arrow_schema))  # timestamps as epoch microseconds
        assert decode_staged(read).schema.equals(table.arrow_schema)
        assert read.num_rows == info.rows
    assert (
        files["app_events"].rows == 1
        and files["rejected_lines"].rows == 1
        and files["router_events"].rows == 0
    )
    assert pq.read_table(files["app_events"].path).column("message").to_pylist() == ["hello"]


def test_small_batches_are_gathered_into_row_groups(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet_module, "ROW_GROUP_ROWS", 10)
    data = "".join(f"{TS} app[web.{i}]: line {i}\n" for i in range(35)).encode()
    files = write_parquet(parse_lines(read_lines([data]), "a", batch_rows=3), tmp_path)
    meta = pq.ParquetFile(files["app_events"].path).metadata
    assert files["app_events"].rows == 35
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [12, 12, 11]
    lines = pq.read_table(files["app_events"].path).column("line_number").to_pylist()
    assert lines == list(range(1, 36))


def test_a_foreign_batch_is_refused(tmp_path: pathlib.Path) -> None:
    data = f"{TS} app[web.1]: hello\n".encode()
    ((name, batch),) = list(parse_lines(read_lines([data]), "a"))
    with pytest.raises(ValueError, match="not an event table"):
        write_parquet([("heroku_apps", batch)], tmp_path)
    with pytest.raises(ValueError, match="declared schema"):
        write_parquet([("router_events", batch)], tmp_path)
