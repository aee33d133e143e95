"""The check's probe table and the names of one check run's scratch objects: what both the probe steps
(``synapse_check``) and the steps on the real tables (``check_tables``) name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from heroku_assets.tables import Column, Table
from heroku_assets.warehouse import sql

APP = "synapse-check"
EXTREMES_APP = "synapse-check-extremes"
DAY = dt.date(2026, 1, 2)
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
