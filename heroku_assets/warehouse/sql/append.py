"""The tick's load: append what a tick staged, for every app and day at once, with its ledger rows in the
same transaction; and the ledger queries a tick, a seal and a rebuild ask.

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

from heroku_assets.storage.layout import validate_app
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


# -- what the ledger says ----------------------------------------------------------------------------------


def consumed_objects(schema: str, since: dt.date, dialect: Dialect = TSQL) -> Query:
    """The received objects the ledger holds, of objects received from ``since`` on (their keys start
    with the received day, which is also the earliest ``event_date`` a tick records for an empty one)."""
    q = dialect.quote
    ledger = TableName(schema, LOG_LEDGER.name).sql(dialect)
    return dialect.query(
        f"SELECT DISTINCT {q('object_key')}\nFROM {ledger}\nWHERE {q('kind')} = ? AND {q('loaded_at')} >= ?",
        label("ledger", "consumed"),
        ("object_key",),
        ("tick", dt.datetime.combine(since, dt.time())),
    )


def ticked_objects(schema: str, app: str, day: dt.date, dialect: Dialect = TSQL) -> Query:
    """The objects ticks appended lines of (app, day) from: what a rebuild of the day reads."""
    validate_app(app)
    q = dialect.quote
    ledger = TableName(schema, LOG_LEDGER.name).sql(dialect)
    return dialect.query(
        f"SELECT DISTINCT {q('object_key')}\nFROM {ledger}\n"
        f"WHERE {q('app')} = ? AND {q('event_date')} = ? AND {q('kind')} = ?",
        label("ledger", "ticked", app, day),
        ("object_key",),
        (app, day, "tick"),
    )


def known_copies(schema: str, since: dt.datetime, dialect: Dialect = TSQL) -> Query:
    """Frames and requests loaded from copies received since ``since``: a retry arrives within the retry
    window of its first copy, so older ones need not be asked for."""
    q = dialect.quote
    copies = TableName(schema, LOADED_COPIES.name).sql(dialect)
    return dialect.query(
        f"SELECT {q('copy_name')}, {q('app')}\nFROM {copies}\nWHERE {q('received_at')} >= ?",
        label("ledger", "copies"),
        ("copy_name", "app"),
        (since.astimezone(dt.UTC).replace(tzinfo=None),),
    )


def _since_rebuild(dialect: Dialect, ledger: str, alias: str) -> tuple[str, tuple]:
    """Rows of a day since its latest rebuild (all of them when it was never rebuilt), and its values."""
    q = dialect.quote
    text = (
        f"{q(alias)}.{q('loaded_at')} >= COALESCE((\n"
        f"        SELECT MAX({q('r')}.{q('loaded_at')}) FROM {ledger} AS {q('r')}\n"
        f"        WHERE {q('r')}.{q('app')} = {q(alias)}.{q('app')}\n"
        f"          AND {q('r')}.{q('event_date')} = {q(alias)}.{q('event_date')}\n"
        f"          AND {q('r')}.{q('kind')} = ?\n"
        f"    ), ?)"
    )
    return text, ("rebuild", dt.datetime(1970, 1, 1))


def day_lines(schema: str, days: Sequence[dt.date], dialect: Dialect = TSQL) -> Query:
    """Per (app, day) of ``days``: the lines numbered since the day's latest rebuild (the next tick numbers
    from one more)."""
    if not days:
        raise ValueError("no days to ask for")
    q = dialect.quote
    ledger = TableName(schema, LOG_LEDGER.name).sql(dialect)
    marks = ", ".join("?" for _ in days)
    since, since_params = _since_rebuild(dialect, ledger, "l")
    app, event_date = f"{q('l')}.{q('app')}", f"{q('l')}.{q('event_date')}"
    return dialect.query(
        f"SELECT {app}, {event_date}, SUM({q('l')}.{q('lines')}) AS {q('lines')}\n"
        f"FROM {ledger} AS {q('l')}\n"
        f"WHERE {event_date} IN ({marks}) AND {app} <> ?\n"
        f"  AND {since}\n"
        f"GROUP BY {app}, {event_date}",
        label("ledger", "lines"),
        ("app", "event_date", "lines"),
        (*days, "", *since_params),
    )


def seal_figures(schema: str, app: str, day: dt.date, dialect: Dialect = TSQL) -> Query:
    """What the warehouse holds of (app, day) against what the ledger says was appended since its latest
    rebuild: ledger lines, distinct line numbers across the event tables, their sum per table (a line in
    two tables counts twice), and the smallest and largest number."""
    validate_app(app)
    q = dialect.quote
    ledger = TableName(schema, LOG_LEDGER.name).sql(dialect)
    per_table = "\n    UNION ALL\n    ".join(
        f"SELECT DISTINCT {q('line_number')} FROM {TableName(schema, t.name).sql(dialect)} "
        f"WHERE {q('app')} = ? AND {q('event_date')} = ?"
        for t in EVENT_TABLES
    )
    since, since_params = _since_rebuild(dialect, ledger, "l")
    text = (
        f"SELECT\n"
        f"    (SELECT COALESCE(SUM({q('l')}.{q('lines')}), 0) FROM {ledger} AS {q('l')}\n"
        f"     WHERE {q('l')}.{q('app')} = ? AND {q('l')}.{q('event_date')} = ?\n"
        f"       AND {since}) AS {q('ledger_lines')},\n"
        f"    {dialect.count} AS {q('table_lines')},\n"
        f"    COUNT(DISTINCT {q('n')}.{q('line_number')}) AS {q('distinct_lines')},\n"
        f"    COALESCE(MIN({q('n')}.{q('line_number')}), 0) AS {q('first_line')},\n"
        f"    COALESCE(MAX({q('n')}.{q('line_number')}), 0) AS {q('last_line')}\n"
        f"FROM (\n    {per_table}\n) AS {q('n')}"
    )
    params = (app, day, *since_params) + (app, day) * len(EVENT_TABLES)
    return dialect.query(
        text,
        label("seal", app, day),
        ("ledger_lines", "table_lines", "distinct_lines", "first_line", "last_line"),
        params,
    )


def rebuild_ledger(
    schema: str, app: str, day: dt.date, rebuild_id: str, lines: int, at: dt.datetime, dialect: Dialect = TSQL
) -> Statement:
    """The ledger row of a rebuilt day: its lines are numbered 1..``lines`` again, and later ticks number
    after them (rows appended before it no longer count for the day)."""
    validate_app(app)
    q = dialect.quote
    ledger = TableName(schema, LOG_LEDGER.name)
    cols = ", ".join(q(c) for c in LOG_LEDGER.column_names)
    values = (
        rebuild_id,
        f"rebuild:{rebuild_id}",
        app,
        day,
        lines,
        0,
        "rebuild",
        at.astimezone(dt.UTC).replace(tzinfo=None),
    )
    return Statement(
        dialect.labelled(
            f"INSERT INTO {ledger.sql(dialect)} ({cols})\nVALUES ({', '.join('?' for _ in values)})",
            label("rebuild", app, day),
        ),
        values,
    )


__all__ = [
    "APPEND_TABLES",
    "DUCKDB",
    "TickLoad",
    "consumed_objects",
    "day_lines",
    "known_copies",
    "rebuild_ledger",
    "seal_figures",
    "seed_ticks_row",
    "tick_load",
    "tick_staging_names",
]
