"""Stream classified batches into one Parquet file per event table, in the staged encoding.

The staged encoding is what a Synapse dedicated pool's COPY INTO can read (see
``heroku_assets.warehouse.sql.copy.COPY_PARQUET_TYPES``): its Parquet reader takes no TIMESTAMP(MICROS), and
TIMESTAMP(MILLIS) would lose the microseconds Heroku's router lines carry, so timestamps are staged as
plain INT64 microseconds since 1970-01-01 UTC and converted back in the warehouse's INSERT ... SELECT.
Every other declared type is written as declared. Each such field says so in its Parquet field metadata,
and ``decode_staged`` turns a staged table back into the declared schema for anything that reads it.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.parquet as pq

from heroku_assets import tables

ROW_GROUP_ROWS = 65536  # small batches are gathered to about this many rows before a row group is written
ENCODING_KEY = b"heroku_assets.encoding"
EPOCH_MICROS = b"timestamp:epoch-microseconds:UTC"


def staged_schema(schema: pa.Schema) -> pa.Schema:
    """The declared Arrow schema as staged: timestamp fields become int64 marked with their encoding."""
    fields = []
    for f in schema:
        if pa.types.is_timestamp(f.type):
            f = pa.field(f.name, pa.int64(), nullable=f.nullable, metadata={ENCODING_KEY: EPOCH_MICROS})
        fields.append(f)
    return pa.schema(fields, metadata=schema.metadata)


def encode_staged(data: pa.Table | pa.RecordBatch) -> pa.Table | pa.RecordBatch:
    """Declared values in the staged encoding (timestamps to microseconds since the epoch, exactly)."""
    target = staged_schema(data.schema)
    columns = []
    for col, f in zip(data.columns, data.schema, strict=True):
        if pa.types.is_timestamp(f.type):
            col = col.cast(pa.timestamp("us", tz="UTC")).cast(pa.int64())
        columns.append(col)
    if isinstance(data, pa.RecordBatch):
        return pa.RecordBatch.from_arrays(columns, schema=target)
    return pa.Table.from_arrays(columns, schema=target)


def decode_staged(data: pa.Table | pa.RecordBatch) -> pa.Table | pa.RecordBatch:
    """A staged table or batch in the declared types again (fields marked as epoch microseconds become
    UTC microsecond timestamps)."""
    fields, columns = [], []
    for col, f in zip(data.columns, data.schema, strict=True):
        if (f.metadata or {}).get(ENCODING_KEY) == EPOCH_MICROS:
            col = col.cast(pa.timestamp("us", tz="UTC"))
            f = pa.field(f.name, col.type, nullable=f.nullable)
        fields.append(f)
        columns.append(col)
    schema = pa.schema(fields)
    if isinstance(data, pa.RecordBatch):
        return pa.RecordBatch.from_arrays(columns, schema=schema)
    return pa.Table.from_arrays(columns, schema=schema)


def write_staged_table(table: tables.Table, data: pa.Table, path: pathlib.Path) -> None:
    """Write one whole table (an API fetch, the error codes) in the staged encoding."""
    pq.write_table(encode_staged(data.cast(table.arrow_schema)), path)


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
            writers[name] = pq.ParquetWriter(path, staged_schema(schemas[name]))
        return writers[name]

    def flush(name: str) -> None:
        if pending[name]:
            writer(name).write_table(encode_staged(pa.Table.from_batches(pending[name], schemas[name])))
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
