"""The check's probe table, the rows it stages and what the target must hold of them, and the names of
one check run's scratch objects: what both the probe steps (``check_steps``) and the steps on the real
tables (``check_tables``) name."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from heroku_assets.storage.base import ObjectStore
from heroku_assets.tables import Column, Table
from heroku_assets.warehouse import sql

APP = "synapse-check"
EXTREMES_APP = "synapse-check-extremes"
DAY = dt.date(2026, 1, 2)
UTC = dt.UTC
LONG = 4500  # characters: wider than any bounded column
NEAR_1MB = 999_000  # characters: cut to width + 1 when staged, so the row stays far below COPY's 1 MB
PROBE_PREFIX = "synapse-check"
# Every declared type, strings at their declared widths (one of them outside the BMP, where a character
# is two UTF-16 code units), a string at the widest bounded width, and a masked column.
PROBE = Table(
    name="probe",
    kind="event",
    columns=(
        Column("app", "string", nullable=False, width=100),
        Column("event_date", "date", nullable=False),
        Column("line_number", "int64", nullable=False),
        Column("event_ts", "timestamp"),
        Column("word", "string", width=16),
        Column("astral", "string", width=8),
        Column("doc", "json"),
        Column("flag", "bool"),
        Column("small", "int32"),
        Column("big", "int64"),
        Column("ratio", "float64"),
        Column("day", "date"),
        Column("email", "string", width=320, masking="email"),
        Column("long", "string", width=4000),
    ),
    partition_by=("app", "event_date"),
    distribution="line_number",
)


@dataclass(frozen=True)
class CheckNames:
    """The scratch schema and objects of one check run (names built from a validated run id)."""

    run_id: str

    @property
    def schema(self) -> str:
        return f"heroku_assets_check_{self.run_id}"

    @property
    def target(self) -> sql.TableName:
        return sql.TableName(self.schema, PROBE.name)

    @property
    def view(self) -> sql.TableName:
        return sql.TableName(self.schema, "probe_view")

    @property
    def key(self) -> str:
        return f"{PROBE_PREFIX}/{self.run_id}/part-00000.parquet"

    @property
    def extremes_key(self) -> str:
        return f"{PROBE_PREFIX}/{self.run_id}/extremes/part-00000.parquet"


def probe_rows() -> list[dict[str, object]]:
    """The probe's rows; row 4's word is one character too wide and rows 1 and 2 have a long value
    (loaded truncated, counted); row 5's word is '' where row 3's is NULL."""
    base = {"app": APP, "event_date": DAY}
    return [
        {
            **base,
            "line_number": 1,
            "event_ts": dt.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
            "word": "w" * 16,
            "astral": "\U0001f600\U0001f680é😀",  # 3 astral + 1 BMP = 7 UTF-16 units
            "doc": '{"k": "v", "n": [1, 2]}',
            "flag": True,
            "small": -(2**31),
            "big": 2**63 - 1,
            "ratio": 0.1,
            "day": dt.date(1970, 1, 1),
            "email": "someone@example.com",
            "long": "L" * LONG,
        },
        {
            **base,
            "line_number": 2,
            "event_ts": dt.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            "word": "Ünïcødé",
            "astral": "\U0001f600" * 4,  # exactly 8 UTF-16 units
            "doc": "[]",
            "flag": False,
            "small": 2**31 - 1,
            "big": -(2**63),
            "ratio": -1.7976931348623157e308,
            "day": dt.date(1969, 12, 31),
            "email": None,
            "long": "é" * NEAR_1MB,
        },
        {**base, "line_number": 3, **{c.name: None for c in PROBE.columns if c.nullable}},
        {
            **base,
            "line_number": 4,
            "event_ts": dt.datetime(2100, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            "word": "x" * 17,
            "ratio": 2.2250738585072014e-308,  # the smallest normal double, float's documented limit
        },
        {**base, "line_number": 5, "word": "", "doc": ""},  # '' is not NULL
    ]


def extreme_rows() -> list[dict[str, object]]:
    """The first and last days and instants datetime2 holds, in a partition of their own: real data never
    holds them, and a pool's Parquet reader may shift dates before 1582 (Julian calendar)."""
    base = {"app": EXTREMES_APP, "event_date": DAY}
    return [
        {**base, "line_number": 1, "event_ts": dt.datetime(1, 1, 1, tzinfo=UTC), "day": dt.date(1, 1, 1)},
        {
            **base,
            "line_number": 2,
            "event_ts": dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            "day": dt.date(9999, 12, 31),
        },
    ]


def fitted(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    out = []
    for row in rows:
        row = {c.name: row.get(c.name) for c in PROBE.columns}
        for c in PROBE.columns:
            if c.string_width and isinstance(row[c.name], str):
                row[c.name] = row[c.name][: c.string_width]
        out.append(row)
    return out


def expected_rows() -> list[dict[str, object]]:
    """What the target must hold: the probe's rows with strings cut to their widths."""
    return fitted(probe_rows())


# What the probe load reports as truncated: the word one character too wide, both long values.
EXPECTED_TRUNCATED = {"word": 1, "long": 2}


def stage_table(store: ObjectStore, key: str, table: Table, data: pa.Table) -> dict[str, int]:
    """Stage ``data`` as the loader stages (strings cut to width + 1); returns the values cut."""
    from heroku_assets.logs.parquet import write_staged_table

    with tempfile.TemporaryDirectory(prefix="heroku-assets-check-") as tmp:
        path = Path(tmp) / "part-00000.parquet"
        cut = write_staged_table(table, data, path)
        store.put_file(key, path, {"rows": str(data.num_rows)})
    return cut
