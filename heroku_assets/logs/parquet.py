"""Stream classified batches into one Parquet file per event table."""

from __future__ import annotations

import pathlib
from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.parquet as pq

from heroku_assets import tables

ROW_GROUP_ROWS = 65536  # small batches are gathered to about this many rows before a row group is written


@dataclass(frozen=True)
class TableFile:
    """A written Parquet file and how many rows it holds."""

    path: pathlib.Path
    rows: int


def write_parquet(
    batches: Iterable[tuple[str, pa.RecordBatch]],
    out_dir: pathlib.Path,
    file_name: str = "part-00000.parquet",
) -> dict[str, TableFile]:
    """Write ``(table, batch)`` pairs to ``out_dir/<table>/<file_name>``, streaming: at most about
    ROW_GROUP_ROWS rows per table are held at once. Every event table gets a file, with zero rows when
    no batch came for it, so a partition's folders always describe the whole partition."""
    out_dir = pathlib.Path(out_dir)
    schemas = {t.name: t.arrow_schema for t in tables.EVENT_TABLES}
    writers: dict[str, pq.ParquetWriter] = {}
    pending: dict[str, list[pa.RecordBatch]] = {name: [] for name in schemas}
    pending_rows = dict.fromkeys(schemas, 0)
    rows = dict.fromkeys(schemas, 0)

    def writer(name: str) -> pq.ParquetWriter:
        if name not in writers:
            path = out_dir / name / file_name
            path.parent.mkdir(parents=True, exist_ok=True)
            writers[name] = pq.ParquetWriter(path, schemas[name])
        return writers[name]

    def flush(name: str) -> None:
        if pending[name]:
            writer(name).write_table(pa.Table.from_batches(pending[name], schemas[name]))
            pending[name] = []
            pending_rows[name] = 0

    try:
        for name, batch in batches:
            if name not in schemas:
                raise ValueError(f"not an event table: {name!r}")
            if not batch.schema.equals(schemas[name]):
                raise ValueError(f"batch for {name} does not have the declared schema")
            pending[name].append(batch)
            pending_rows[name] += batch.num_rows
            rows[name] += batch.num_rows
            if pending_rows[name] >= ROW_GROUP_ROWS:
                flush(name)
        for name in schemas:
            flush(name)
            writer(name)
    finally:
        for w in writers.values():
            w.close()
    return {name: TableFile(out_dir / name / file_name, rows[name]) for name in schemas}
