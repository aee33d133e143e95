"""What the ledger says, and what a rebuild adds to it: the objects ticks consumed and the days they
appended lines of, the copies already loaded, the lines of a day so far, a seal's figures, and the row a
rebuild writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from heroku_assets.storage.layout import validate_app
from heroku_assets.tables import EVENT_TABLES, LOADED_COPIES, LOG_LEDGER
from heroku_assets.warehouse.sql.dialect import TSQL, Dialect, TableName
from heroku_assets.warehouse.sql.statement import Query, Statement, label


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
