"""The dedupe and the ordering of a partition's lines, in DuckDB (spilling to disk, so a busy day never has
to fit in memory), written row for row as gzip text and as read (Parquet)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from heroku_assets.logs.raw_partition.candidates import source_of
from heroku_assets.logs.raw_partition.read import TABLE_COLUMNS, Copies, line_batches
from heroku_assets.logs.raw_partition.text import GzipLines
from heroku_assets.logs.raw_text import canonical_text
from heroku_assets.storage.base import ObjectInfo, ObjectStore

_BATCH = 50_000


# k numbers the copies of one line inside one source; a line's k-th copy is kept once whichever source
# holds it, so overlaps collapse and repeats inside one source stay. A line is what its text says: its
# time, source, dyno and message, or the raw text of a refused line (``raw`` is null for the others). A
# line without a timestamp (garbage) is never taken for a copy of another: the same text in two places
# proves nothing.
_DEDUPED_SQL = """
WITH numbered AS (
    SELECT *, row_number() OVER (PARTITION BY src, ts, source, dyno, message, raw, error ORDER BY seq) AS k
    FROM lines
    WHERE dated
)
SELECT ts, true AS dated, source, dyno, message, raw, error, min(src) AS src, min(seq) AS seq
FROM numbered
GROUP BY ts, source, dyno, message, raw, error, k
UNION ALL
SELECT ts, dated, source, dyno, message, raw, error, src, seq FROM lines WHERE NOT dated
"""


_SORTED_SQL = """
SELECT CASE WHEN dated THEN ts END AS read_ts, source, dyno, message, raw, error
FROM ({lines})
ORDER BY ts, src, seq
"""


@dataclass(frozen=True)
class Written:
    received: int  # lines of the day found in the received objects
    lines: int  # lines written, after dedupe
    size: int  # bytes of text, before compression
    markers: dict[str, int]
    sha256: str  # of the gzip text as stored


def write_sorted(
    raw: ObjectStore,
    objects: list[ObjectInfo],
    app: str,
    day: dt.date,
    text_path: Path,
    lines_path: Path,
    tmp: Path,
    memory_limit: str,
) -> Written:
    """Gather the lines of ``day``, dedupe and order them, and write them as gzip text to ``text_path``
    and as read (LINE_SCHEMA) to ``lines_path``, row for row."""
    from heroku_assets.logs.logplex.columns import LINE_SCHEMA

    # In memory, spilling to the temporary folder past the limit: no checkpoints for a scratch table.
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET memory_limit = ?", [memory_limit])
        con.execute("SET temp_directory = ?", [str(tmp / "spill")])
        con.execute("SET threads = 2")
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"CREATE TABLE lines ({TABLE_COLUMNS})")
        received = 0
        copies = Copies()
        for chunk in _gathered(line_batches(raw, objects, app, day, copies), _BATCH):
            received += chunk.num_rows
            con.register("incoming", chunk)
            con.execute("INSERT INTO lines SELECT * FROM incoming")
            con.unregister("incoming")
        if copies.dropped:
            # earlier copies of frames received again: each frame counts once, by its last copy
            con.register("dropped", pa.table({"copy_id": pa.array(copies.dropped, pa.int64())}))
            con.execute("DELETE FROM lines WHERE copy_id IN (SELECT copy_id FROM dropped)")
            con.unregister("dropped")
        # One object cannot overlap itself: with a single source, ordering is all that is left to do.
        sources = {source_of(info, i) for i, info in enumerate(objects)}
        query = _SORTED_SQL.format(lines=_DEDUPED_SQL if len(sources) > 1 else "SELECT * FROM lines")
        reader = con.sql(query).to_arrow_reader(_BATCH)
        # Dictionaries only where values repeat: a message column would try one and fall back, at a cost.
        with (
            GzipLines(text_path) as out,
            pq.ParquetWriter(
                lines_path, LINE_SCHEMA, compression="zstd", use_dictionary=["source", "dyno", "error"]
            ) as pw,
        ):
            for batch in reader:
                lines = _line_schema_batch(batch, LINE_SCHEMA)
                out.write(pc.binary_join_element_wise(canonical_text(lines), "\n", ""))
                pw.write_batch(lines)
    finally:
        con.close()
    return Written(received, out.lines, out.size, out.markers, out.sha256)


def _gathered(batches: Iterator[pa.RecordBatch], rows: int) -> Iterator[pa.Table]:
    """The batches in tables of at least ``rows`` rows (the last may be smaller): DuckDB's cost per
    INSERT of Arrow data is high enough that ten-thousand-line batches took over twice as long."""
    pending: list[pa.RecordBatch] = []
    size = 0
    for batch in batches:
        pending.append(batch)
        size += batch.num_rows
        if size >= rows:
            yield pa.Table.from_batches(pending)
            pending, size = [], 0
    if pending:
        yield pa.Table.from_batches(pending)


def _line_schema_batch(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    ts = pc.cast(batch.column("read_ts"), pa.int64()).cast(schema.field("ts").type)
    columns = [ts, *(batch.column(name).cast(pa.string()) for name in schema.names[1:])]
    return pa.RecordBatch.from_arrays(columns, schema=schema)
