"""Stream classified batches into one Parquet file per event table, in the staged encoding.

The staged encoding is what a Synapse dedicated pool's COPY INTO can read (see
``heroku_assets.warehouse.sql.copy.COPY_PARQUET_TYPES``): its Parquet reader takes no TIMESTAMP(MICROS), and
TIMESTAMP(MILLIS) would lose the microseconds Heroku's router lines carry, so timestamps are staged as
plain INT64 microseconds since 1970-01-01 UTC and converted back in the warehouse's INSERT ... SELECT.
Every other declared type is written as declared. Each such field says so in its Parquet field metadata,
and ``decode_staged`` turns a staged table back into the declared schema for anything that reads it.

Strings are staged cut to their column's width + 1 character (``cut_strings``): a dedicated pool's COPY
fails a whole file on a row over 1 MB, so rows must stay bounded, and the one extra character keeps a
value "wider than its column" for the load's truncation count. How many values were cut is returned per
column, for the staged object's metadata.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
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


def cut_strings(table: tables.Table, data: pa.Table) -> tuple[pa.Table, dict[str, int]]:
    """``data`` with every string longer than its column's width + 1 character cut to that length, and
    how many values were cut per column (only columns with cuts). Characters are code points, which is
    what DuckDB counts; a T-SQL width in UTF-16 units or UTF-8 bytes is never smaller, so a cut value is
    still "too wide" for every warehouse and is truncated and counted by the load."""
    cut: dict[str, int] = {}
    for col in table.columns:
        width = col.string_width
        if width is None:
            continue
        values = data.column(col.name)
        # Bytes bound characters from above, and reading them takes only the offsets: most columns stop here.
        if (pc.max(pc.binary_length(values)).as_py() or 0) <= width + 1:
            continue
        over = pc.sum(pc.greater(pc.utf8_length(values), width + 1)).as_py() or 0
        if over:
            index = data.schema.get_field_index(col.name)
            data = data.set_column(index, data.field(index), pc.utf8_slice_codeunits(values, 0, width + 1))
            cut[col.name] = over
    return data, cut


def add_cuts(total: dict[str, int], cut: dict[str, int]) -> None:
    for name, n in cut.items():
        total[name] = total.get(name, 0) + n


def write_staged_table(table: tables.Table, data: pa.Table, path: pathlib.Path) -> dict[str, int]:
    """Write one whole table (an API fetch, the error codes) in the staged encoding; returns the values
    cut per column (``cut_strings``)."""
    data, cut = cut_strings(table, data.cast(table.arrow_schema))
    pq.write_table(encode_staged(data), path)
    return cut


@dataclass(frozen=True)
class TableFile:
    """A written Parquet file, how many rows it holds and how many values were cut per column."""

    path: pathlib.Path
    rows: int
    cut: dict[str, int] = field(default_factory=dict)


def write_parquet(
    batches: Iterable[tuple[str, pa.RecordBatch]],
    out_dir: pathlib.Path,
    file_name: str = "part-00000.parquet",
) -> dict[str, TableFile]:
    """Write ``(table, batch)`` pairs to ``out_dir/<table>/<file_name>``, streaming: at most about
    ROW_GROUP_ROWS rows per table are held at once. Every event table gets a file, with zero rows when
    no batch came for it, so a partition's folders always describe the whole partition."""
    out_dir = pathlib.Path(out_dir)
    declared = {t.name: t for t in tables.EVENT_TABLES}
    schemas = {t.name: t.arrow_schema for t in tables.EVENT_TABLES}
    writers: dict[str, pq.ParquetWriter] = {}
    pending: dict[str, list[pa.RecordBatch]] = {name: [] for name in schemas}
    pending_rows = dict.fromkeys(schemas, 0)
    rows = dict.fromkeys(schemas, 0)
    cuts: dict[str, dict[str, int]] = {name: {} for name in schemas}

    def writer(name: str) -> pq.ParquetWriter:
        if name not in writers:
            path = out_dir / name / file_name
            path.parent.mkdir(parents=True, exist_ok=True)
            writers[name] = pq.ParquetWriter(path, staged_schema(schemas[name]))
        return writers[name]

    def flush(name: str) -> None:
        if pending[name]:
            data, cut = cut_strings(declared[name], pa.Table.from_batches(pending[name], schemas[name]))
            add_cuts(cuts[name], cut)
            writer(name).write_table(encode_staged(data))
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
    return {name: TableFile(out_dir / name / file_name, rows[name], cuts[name]) for name in schemas}
