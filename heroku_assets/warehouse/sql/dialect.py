"""Statements, names and the few things that differ between T-SQL (Synapse) and DuckDB.

Every builder in this package returns ``Statement`` objects and touches no database, so the exact
statements are kept as golden files and parsed offline, and the same plans run on DuckDB in tests and in
the local warehouse. Identifiers pass through ``validate_identifier`` and are quoted; values are bound as
``?`` parameters. The exceptions are literals a statement cannot take as parameters (COPY INTO's sources
and credential, a query label): those are validated against strict character sets first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from heroku_assets.warehouse.base import validate_identifier

SECRET_MARK = "<secret>"
# What a label may hold: it is written into the statement text (OPTION (LABEL = '...') takes a literal).
_LABEL = re.compile(r"^[a-z0-9_:.=-]{1,200}$")
LABEL_PREFIX = "heroku-assets"

StatementKind = Literal["ddl", "dml", "copy", "query", "transaction"]


@dataclass(frozen=True)
class Statement:
    """One statement: its text, its bound parameters, and what kind of statement it is.

    ``sql`` never holds a secret: where COPY INTO needs one, ``sql`` holds ``'<secret>'`` and the secret
    sits in ``secret`` (kept out of repr and comparisons) until ``executable_sql()`` is sent to the server.
    """

    sql: str
    params: tuple[object, ...] = ()
    kind: StatementKind = "dml"
    secret: str | None = field(default=None, repr=False, compare=False)

    def executable_sql(self) -> str:
        if self.secret is None:
            return self.sql
        if self.sql.count(f"'{SECRET_MARK}'") != 1:
            raise ValueError("a statement with a secret must mark its place exactly once")
        # The credential's character set has no quote; doubling them anyway keeps the literal closed.
        return self.sql.replace(f"'{SECRET_MARK}'", "'" + self.secret.replace("'", "''") + "'")

    def __str__(self) -> str:
        return self.sql if not self.params else f"{self.sql}  -- params: {list(self.params)!r}"


@dataclass(frozen=True)
class Query:
    """A statement returning rows, with the names of its columns in order."""

    statement: Statement
    columns: tuple[str, ...]


def label(*parts: object) -> str:
    """A query label naming what a statement loads (``heroku-assets:router_events:my-app:2026-11-20``),
    so ``sys.dm_pdw_exec_requests`` finds it. Built from validated names and dates; checked again here
    because it is written into the text."""
    text = ":".join([LABEL_PREFIX, *(p.isoformat() if isinstance(p, dt.date) else str(p) for p in parts)])
    text = text.lower()
    if not _LABEL.match(text):
        raise ValueError(f"not a valid query label: {text!r}")
    return text


@dataclass(frozen=True)
class Dialect:
    """What differs between T-SQL and DuckDB in the load statements; nothing else does."""

    name: str
    count: str
    begin: str
    commit: str
    rollback: str

    def quote(self, name: str) -> str:
        name = validate_identifier(name)
        return f"[{name}]" if self.name == "tsql" else f'"{name}"'

    def too_wide(self, expr: str, width: int) -> str:
        # nvarchar widths count UTF-16 code units, which DATALENGTH measures exactly (LEN ignores
        # trailing spaces); DuckDB strings have no width, so the declared one is counted in characters.
        if self.name == "tsql":
            return f"DATALENGTH({expr}) > {2 * width}"
        return f"length({expr}) > {width}"

    def fit(self, expr: str, width: int) -> str:
        # CAST to nvarchar(n) always fits the column, even where LEFT would count a surrogate pair as one.
        if self.name == "tsql":
            return f"CAST({expr} AS nvarchar({width}))"
        return f"left({expr}, {width})"

    def from_epoch_us(self, expr: str) -> str:
        """A staged timestamp (UTC microseconds since 1970 in a 64-bit integer) as a timestamp.

        T-SQL: DATEADD takes an int, so the value is split into whole days, seconds of the day and
        microseconds, each well inside int for years 1 to 9999; T-SQL's integer division truncates
        toward zero and % keeps the dividend's sign, so the three parts add up to the value for times
        before 1970 too. DuckDB: make_timestamp reads microseconds; timezone('UTC', ...) makes it the
        same instant in a TIMESTAMPTZ whatever the session's time zone."""
        if self.name == "tsql":
            epoch = "CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))"
            days = f"DATEADD(DAY, CAST({expr} / 86400000000 AS int), {epoch})"
            seconds = f"DATEADD(SECOND, CAST(({expr} / 1000000) % 86400 AS int), {days})"
            return f"DATEADD(MICROSECOND, CAST({expr} % 1000000 AS int), {seconds})"
        return f"timezone('UTC', make_timestamp({expr}))"

    def labelled(self, text: str, label_text: str | None) -> str:
        """Synapse's query label on a SELECT, INSERT or DELETE (DuckDB has none)."""
        if self.name != "tsql" or label_text is None:
            return text
        if not _LABEL.match(label_text):
            raise ValueError(f"not a valid query label: {label_text!r}")
        return f"{text}\nOPTION (LABEL = '{label_text}')"


TSQL = Dialect(
    name="tsql",
    count="COUNT_BIG(*)",
    begin="BEGIN TRANSACTION",
    commit="COMMIT TRANSACTION",
    # After a failed statement Synapse keeps the transaction doomed (XACT_STATE() = -2) until rolled back.
    rollback="IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION",
)
DUCKDB = Dialect(
    name="duckdb", count="count(*)", begin="BEGIN TRANSACTION", commit="COMMIT", rollback="ROLLBACK"
)


@dataclass(frozen=True)
class TableName:
    schema: str
    name: str

    def __post_init__(self) -> None:
        validate_identifier(self.schema)
        validate_identifier(self.name)

    def sql(self, dialect: Dialect = TSQL) -> str:
        return f"{dialect.quote(self.schema)}.{dialect.quote(self.name)}"

    def literal(self) -> str:
        """The name as an N'...' literal for OBJECT_ID (validated identifiers hold no quote)."""
        return f"N'{self.sql(TSQL)}'"
