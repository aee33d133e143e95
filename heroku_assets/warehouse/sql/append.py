"""The tick's load: append what a tick staged, for every app and day at once, with its ledger rows in the
same transaction (the ledger queries a tick, a seal and a rebuild ask: ``ledger``).

A tick appends: nothing is deleted, so the statements do not grow with the apps or days a tick holds.
Per table: this run's staging table, one fill (COPY INTO of the tick's one file, or read_parquet), the
checks; then one transaction for all of them: the ``log_ticks`` row updated first (two ticks never commit
at once: Synapse makes the second wait, DuckDB fails it with a conflict), a guard that none of the tick's
objects is in the ledger already (a tick that lost that race loads nothing), one INSERT ... SELECT per
table; then the drops. About six statements per table, whatever the number of apps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from heroku_assets.tables import EVENT_TABLES, LOADED_COPIES, LOG_LEDGER, LOG_TICKS, Table
from heroku_assets.warehouse.sql.ddl import drop_table
from heroku_assets.warehouse.sql.dialect import DUCKDB, TSQL, Dialect, TableName
from heroku_assets.warehouse.sql.entity import upsert_check
from heroku_assets.warehouse.sql.staging import staged_value, staging_table
from heroku_assets.warehouse.sql.statement import Query, Statement, label

TICK_ROW = "ticks"
# The tables a tick appends to, in the order its transaction inserts them.
APPEND_TABLES: tuple[Table, ...] = (*EVENT_TABLES, LOG_LEDGER, LOADED_COPIES)


@dataclass(frozen=True)
class TableAppend:
    """One table's part of a tick's load: fill its staging table, check it, the INSERT, the drop."""

    table: Table
    prepare: tuple[Statement, ...]
    check: Query
    insert: Statement
    cleanup: tuple[Statement, ...]


@dataclass(frozen=True)
class TickLoad:
    """Every statement of one tick's load, by step (as ``PartitionLoad``): ``parts`` per table, then the
    one transaction (``begin``, the lock update, the ``guard`` query, every part's insert, ``commit``)."""

    tick_id: str
    parts: tuple[TableAppend, ...]
    begin: Statement
    lock: Statement
    guard: Query
    commit: Statement

    def statements(self) -> list[Statement]:
        out: list[Statement] = []
        for part in self.parts:
            out += [*part.prepare, part.check.statement]
        out += [self.begin, self.lock, self.guard.statement, *(p.insert for p in self.parts), self.commit]
        for part in self.parts:
            out += part.cleanup
        return out


def _insert(table: Table, target: TableName, staged: TableName, dialect: Dialect, tag: str) -> Statement:
    cols = ", ".join(dialect.quote(c) for c in table.column_names)
    select = ",\n    ".join(staged_value(c, dialect) for c in table.columns)
    return Statement(
        dialect.labelled(
            f"INSERT INTO {target.sql(dialect)} ({cols})\nSELECT\n    {select}\nFROM {staged.sql(dialect)}",
            tag,
        )
    )


def tick_load(
    tick_id: str,
    run_id: str,
    fills: Mapping[str, Sequence[Statement]],
    staged_names: Mapping[str, TableName],
    *,
    schema: str,
    dialect: Dialect = TSQL,
    ticked_at: dt.datetime,
) -> TickLoad:
    """The load of one tick: ``fills`` holds, per appended table, the statements that fill its staging
    table ``staged_names[table]`` (create, empty, COPY or read_parquet)."""
    tag = label("tick", run_id)
    parts = []
    for table in APPEND_TABLES:
        staged = staged_names[table.name]
        parts.append(
            TableAppend(
                table=table,
                prepare=tuple(fills[table.name]),
                check=upsert_check(table, staged, dialect, tag),
                insert=_insert(table, TableName(schema, table.name), staged, dialect, tag),
                cleanup=(drop_table(staged, dialect),),
            )
        )
    ledger = TableName(schema, LOG_LEDGER.name)
    staged_ledger = staged_names[LOG_LEDGER.name]
    q = dialect.quote
    guard = dialect.query(
        f"SELECT {dialect.count} AS {q('already_loaded')}\nFROM {ledger.sql(dialect)} AS {q('l')}\n"
        f"WHERE {q('l')}.{q('object_key')} IN (\n"
        f"    SELECT {q('object_key')} FROM {staged_ledger.sql(dialect)}\n)",
        tag,
        ("already_loaded",),
    )
    ticks = TableName(schema, LOG_TICKS.name)
    lock = Statement(
        dialect.labelled(
            f"UPDATE {ticks.sql(dialect)}\n"
            f"SET {q('tick_id')} = ?, {q('ticked_at')} = ?\nWHERE {q('name')} = ?",
            tag,
        ),
        (tick_id, ticked_at.astimezone(dt.UTC).replace(tzinfo=None), TICK_ROW),
    )
    return TickLoad(
        tick_id=tick_id,
        parts=tuple(parts),
        begin=Statement(dialect.begin, kind="transaction"),
        lock=lock,
        guard=guard,
        commit=Statement(dialect.commit, kind="transaction"),
    )


def tick_staging_names(staging_schema: str, run_id: str) -> dict[str, TableName]:
    return {t.name: staging_table(staging_schema, t, run_id) for t in APPEND_TABLES}


def seed_ticks_row(schema: str, dialect: Dialect = TSQL) -> Statement:
    """The one row of ``log_ticks``, inserted when missing (idempotent)."""
    ticks = TableName(schema, LOG_TICKS.name).sql(dialect)
    q = dialect.quote
    return Statement(
        f"INSERT INTO {ticks} ({q('name')}, {q('tick_id')}, {q('ticked_at')})\n"
        f"SELECT ?, NULL, NULL\nWHERE NOT EXISTS (SELECT 1 FROM {ticks} WHERE {q('name')} = ?)",
        (TICK_ROW, TICK_ROW),
    )


__all__ = [
    "APPEND_TABLES",
    "DUCKDB",
    "TickLoad",
    "seed_ticks_row",
    "tick_load",
    "tick_staging_names",
]
