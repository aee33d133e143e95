"""Table names, and everything that differs between the warehouses: Synapse and Fabric Warehouse (both
T-SQL) and DuckDB.

Every builder in this package returns ``Statement`` objects (``statement``) and touches no database, so
the exact statements are kept as golden files and parsed offline, and the same plans run on DuckDB in
tests and in the local warehouse. Identifiers pass through ``validate_identifier`` and are quoted;
values are bound as ``?`` parameters. The exceptions are literals a statement cannot take as parameters
(COPY INTO's sources and credential, a query label): those are validated against strict character sets
first.

A plan never asks which warehouse it is built for: whatever differs is a method of its ``Dialect``
(types, table options, truncation, timestamps, labels, COPY's credential, statistics), so a new plan
written against these methods runs on every target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from heroku_assets.warehouse.base import validate_identifier
from heroku_assets.warehouse.sql.statement import LABEL_PATTERN, SECRET_MARK, Query, Statement

if TYPE_CHECKING:
    from heroku_assets.tables import Column, Table


@dataclass(frozen=True)
class TableName:
    schema: str
    name: str

    def __post_init__(self) -> None:
        validate_identifier(self.schema)
        validate_identifier(self.name)

    def sql(self, dialect: Dialect | None = None) -> str:
        dialect = dialect or TSQL
        return f"{dialect.quote(self.schema)}.{dialect.quote(self.name)}"

    def literal(self) -> str:
        """The name as an N'...' literal for OBJECT_ID (validated identifiers hold no quote)."""
        return f"N'{self.sql(TSQL)}'"


class Dialect:
    """What a warehouse's SQL looks like where targets differ. Subclasses fill in the rest."""

    name: str
    count = "COUNT_BIG(*)"
    begin = "BEGIN TRANSACTION"
    commit = "COMMIT TRANSACTION"
    # After a failed statement Synapse keeps the transaction doomed (XACT_STATE() = -2) until rolled back.
    rollback = "IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION"
    # Native error numbers after which a whole load is worth running again (its transaction is rolled
    # back and every load is idempotent), on top of the connection's transient errors.
    retry_errors: frozenset[int] = frozenset()
    # Whether readers may see a partition half replaced unless the database is set up against it.
    checks_isolation = False

    def __repr__(self) -> str:
        return f"<{self.name} dialect>"

    def quote(self, name: str) -> str:
        return f"[{validate_identifier(name)}]"

    # -- values on their way from the staging table to the target ---------------------------------

    def too_wide(self, expr: str, width: int) -> str:
        """A condition true where a staged string does not fit a column of ``width`` characters."""
        raise NotImplementedError

    def fit(self, expr: str, width: int) -> str:
        """A staged string cut to fit a column of ``width`` characters."""
        raise NotImplementedError

    def from_epoch_us(self, expr: str) -> str:
        """A staged timestamp (UTC microseconds since 1970 in a 64-bit integer) as a timestamp."""
        raise NotImplementedError

    def labelled(self, text: str, label_text: str | None) -> str:
        """A query label on a SELECT, INSERT or DELETE, where the warehouse keeps one."""
        return text

    def query(
        self, text: str, label_text: str | None, columns: tuple[str, ...], params: tuple[object, ...] = ()
    ) -> Query:
        """A SELECT (labelled where the warehouse keeps labels) and the names of its columns in order."""
        return Query(Statement(self.labelled(text, label_text), params, kind="query"), columns)

    # -- DDL --------------------------------------------------------------------------------------

    def column_type(self, col: Column, *, staging: bool = False) -> str:
        raise NotImplementedError

    def create_schema(self, schema: str) -> Statement:
        raise NotImplementedError

    def create_table(self, table: Table, name: TableName, *, staging: bool = False) -> Statement:
        raise NotImplementedError

    def drop_table(self, name: TableName) -> Statement:
        raise NotImplementedError

    def empty_table(self, name: TableName) -> Statement:
        """Empties a staging table (a retry reuses its run's)."""
        return Statement(f"TRUNCATE TABLE {name.sql(self)}", kind="ddl")

    def statistics(self, table: Table, target: TableName) -> list[Statement]:
        """What keeps the optimizer's statistics of a loaded table current (nothing where the engine
        keeps them itself)."""
        return []

    # -- COPY INTO --------------------------------------------------------------------------------

    def copy_credential(self, kind: str) -> str:
        """The CREDENTIAL option of a ``CopyCredential`` of this ``kind`` as written in the statement (the
        secret marked, not written)."""
        raise NotImplementedError

    def copy_url(self, kind: str, url: str) -> str:
        """The URL COPY INTO reads an object by, for this credential."""
        return url

    def copy_needs_data_lake(self, kind: str) -> bool:
        """Whether this credential reads Parquet only from an ADLS Gen2 (hierarchical) account."""
        return False


class _TSql(Dialect):
    """What Synapse and Fabric Warehouse share: T-SQL, OBJECT_ID guards, labels."""

    def from_epoch_us(self, expr: str) -> str:
        """DATEADD takes an int, so the value is split into whole days, seconds of the day and
        microseconds, each well inside int for years 1 to 9999; T-SQL's integer division truncates
        toward zero and % keeps the dividend's sign, so the three parts add up to the value for times
        before 1970 too. Every literal is an int (a literal above 2^31 would be typed decimal)."""
        epoch = "CAST(DATEFROMPARTS(1970, 1, 1) AS datetime2(6))"
        days = f"DATEADD(DAY, CAST(({expr} / 1000000) / 86400 AS int), {epoch})"
        seconds = f"DATEADD(SECOND, CAST(({expr} / 1000000) % 86400 AS int), {days})"
        return f"DATEADD(MICROSECOND, CAST({expr} % 1000000 AS int), {seconds})"

    def labelled(self, text: str, label_text: str | None) -> str:
        if label_text is None:
            return text
        if not LABEL_PATTERN.match(label_text):
            raise ValueError(f"not a valid query label: {label_text!r}")
        return f"{text}\nOPTION (LABEL = '{label_text}')"

    _TYPES = {
        "int32": "int",
        "int64": "bigint",
        "float64": "float",
        "bool": "bit",
        "timestamp": "datetime2(6)",
        "date": "date",
    }

    def string_type(self, width: int, *, staging: bool) -> str:
        raise NotImplementedError

    def column_type(self, col: Column, *, staging: bool = False) -> str:
        """In a staging table strings are wider than their column (N1 cuts them to width + 1 when
        staged) so a value wider than its column still loads and is truncated and counted on the way to
        the target, and timestamps are the staged 64-bit integers, converted on the way."""
        if staging and col.type == "timestamp":
            return "bigint"
        width = col.string_width
        if width is not None:
            return self.string_type(width, staging=staging)
        return self._TYPES[col.type]

    def create_schema(self, schema: str) -> Statement:
        """CREATE SCHEMA must be alone in its batch, hence EXEC of a literal built from a validated name."""
        schema = validate_identifier(schema)
        return Statement(
            f"IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'{schema}')\n"
            f"    EXEC('CREATE SCHEMA [{schema}]')",
            kind="ddl",
        )

    def table_options(self, table: Table, *, staging: bool) -> str | None:
        return None

    def create_table(self, table: Table, name: TableName, *, staging: bool = False) -> Statement:
        cols = ",\n".join(
            f"    {self.quote(c.name)} {self.column_type(c, staging=staging)} "
            f"{'NULL' if staging or c.nullable else 'NOT NULL'}"
            for c in table.columns
        )
        options = self.table_options(table, staging=staging)
        return Statement(
            f"IF OBJECT_ID({name.literal()}, N'U') IS NULL\n"
            f"CREATE TABLE {name.sql(self)} (\n{cols}\n)" + (f"\nWITH ({options})" if options else ""),
            kind="ddl",
        )

    def drop_table(self, name: TableName) -> Statement:
        return Statement(
            f"IF OBJECT_ID({name.literal()}, N'U') IS NOT NULL\nDROP TABLE {name.sql(self)}", kind="ddl"
        )

    def copy_credential(self, kind: str) -> str:
        if kind == "sas":
            return f"CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '{SECRET_MARK}')"
        if kind == "account_key":
            return f"CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '{SECRET_MARK}')"
        return ""  # caller: the login's own Entra identity


class SynapseDialect(_TSql):
    """An Azure Synapse dedicated SQL pool."""

    name = "tsql"
    checks_isolation = True
    # Statistics created once on the columns loads and views filter and group by, then refreshed by name.
    STATISTICS_COLUMNS = ("event_date", "app", "code")

    def too_wide(self, expr: str, width: int) -> str:
        # nvarchar widths count UTF-16 code units, which DATALENGTH measures exactly (LEN ignores
        # trailing spaces).
        return f"DATALENGTH({expr}) > {2 * width}"

    def fit(self, expr: str, width: int) -> str:
        # CAST to nvarchar(n) always fits the column, even where LEFT would count a surrogate pair as one.
        return f"CAST({expr} AS nvarchar({width}))"

    def string_type(self, width: int, *, staging: bool) -> str:
        # A heap can hold nvarchar(max); a columnstore table cannot (4000 is MAX_STRING_WIDTH).
        return "nvarchar(max)" if staging else f"nvarchar({width})"

    def table_options(self, table: Table, *, staging: bool) -> str | None:
        """Staging: a round-robin heap, the fastest COPY INTO target. Facts are hash-distributed on
        their declared column in a clustered columnstore; entity tables are small and upserted by key,
        so they hash on the key column and keep a clustered index on the key."""
        if staging:
            return "DISTRIBUTION = ROUND_ROBIN, HEAP"
        dist = self.quote(table.distribution or table.primary_key[0])
        if table.kind == "event":
            return f"DISTRIBUTION = HASH({dist}), CLUSTERED COLUMNSTORE INDEX"
        keys = ", ".join(self.quote(k) for k in table.primary_key)
        return f"DISTRIBUTION = HASH({dist}), CLUSTERED INDEX ({keys})"

    def statistics(self, table: Table, target: TableName) -> list[Statement]:
        """A dedicated pool refreshes no statistics, and ``UPDATE STATISTICS <table>`` refreshes only
        those that exist: each is created once (guarded by sys.stats), then all are refreshed by name."""
        columns = [c for c in self.STATISTICS_COLUMNS if c in table.column_names]
        if not columns:
            return []
        out = [
            Statement(
                f"IF NOT EXISTS (SELECT 1 FROM sys.stats WHERE object_id = OBJECT_ID({target.literal()}) "
                f"AND name = N'{_stat_name(c)}')\n"
                f"CREATE STATISTICS {self.quote(_stat_name(c))} ON {target.sql(self)} ({self.quote(c)})",
                kind="ddl",
            )
            for c in columns
        ]
        names = ", ".join(self.quote(_stat_name(c)) for c in columns)
        out.append(Statement(f"UPDATE STATISTICS {target.sql(self)} ({names})", kind="ddl"))
        return out

    def copy_credential(self, kind: str) -> str:
        if kind == "managed_identity":
            return "CREDENTIAL = (IDENTITY = 'Managed Identity')"
        return super().copy_credential(kind)

    def copy_url(self, kind: str, url: str) -> str:
        """Parquet read with a managed identity needs the Data Lake (.dfs) endpoint of the account; with
        a SAS or a key the .blob endpoint is required. Azure Blob URLs are rewritten accordingly."""
        host_end = url.index("/", len("https://"))
        host, rest = url[:host_end], url[host_end:]
        if kind == "managed_identity":
            host = host.replace(".blob.", ".dfs.", 1)
        elif kind in ("sas", "account_key"):
            host = host.replace(".dfs.", ".blob.", 1)
        return host + rest

    def copy_needs_data_lake(self, kind: str) -> bool:
        """COPY INTO reads Parquet with a managed identity or an Entra identity only from an ADLS Gen2
        account (hierarchical namespace); on plain Blob Storage only SAS and key work."""
        return kind in ("managed_identity", "caller")


def _stat_name(column: str) -> str:
    return f"stat_{column}"


class FabricDialect(_TSql):
    """A Microsoft Fabric Warehouse: the same T-SQL as Synapse but for what Fabric's documentation says
    differs. No table options (no distribution, index or heap); no nvarchar: strings are varchar in the
    warehouse's UTF-8 collation with widths in bytes (up to 4 per character, at most 8000 in a bounded
    column); snapshot isolation always (no setting to check); write conflicts between concurrent
    transactions on one table (errors 24556, 24706) retried as a whole load; statistics kept by the
    engine; COPY reads with a SAS, a key, the Workspace Identity or the caller's Entra identity."""

    name = "fabric"
    retry_errors = frozenset({24556, 24706})
    MAX_VARCHAR = 8000

    def bytes_for(self, width: int) -> int:
        return min(4 * width, self.MAX_VARCHAR)

    def string_type(self, width: int, *, staging: bool) -> str:
        if not staging:
            return f"varchar({self.bytes_for(width)})"
        # Staged values are at most width + 1 characters (N1); where that may exceed 8000 bytes the
        # staging column is varchar(max), which Fabric documents as a preview.
        return "varchar(8000)" if 4 * (width + 1) <= self.MAX_VARCHAR else "varchar(max)"

    def fit(self, expr: str, width: int) -> str:
        # At most ``width`` characters (LEFT counts characters in a UTF-8 collation), then at most the
        # column's bytes.
        return f"CAST(LEFT({expr}, {width}) AS varchar({self.bytes_for(width)}))"

    def too_wide(self, expr: str, width: int) -> str:
        # A value was cut if its fitted form is shorter in bytes (DATALENGTH counts trailing spaces,
        # LEN would not).
        return f"DATALENGTH({expr}) > DATALENGTH({self.fit(expr, width)})"

    def copy_credential(self, kind: str) -> str:
        if kind == "managed_identity":
            return "CREDENTIAL = (IDENTITY = 'Workspace Identity')"
        return super().copy_credential(kind)


class DuckDBDialect(Dialect):
    """The embedded warehouse."""

    name = "duckdb"
    count = "count(*)"
    commit = "COMMIT"
    rollback = "ROLLBACK"
    TEMP = "temp"  # DuckDB's catalog of a connection's temporary tables
    _TYPES = {
        "string": "VARCHAR",
        "json": "VARCHAR",
        "int32": "INTEGER",
        "int64": "BIGINT",
        "float64": "DOUBLE",
        "bool": "BOOLEAN",
        "timestamp": "TIMESTAMPTZ",
        "date": "DATE",
    }

    def quote(self, name: str) -> str:
        return f'"{validate_identifier(name)}"'

    def too_wide(self, expr: str, width: int) -> str:
        # DuckDB strings have no width: the declared one is counted in characters.
        return f"length({expr}) > {width}"

    def fit(self, expr: str, width: int) -> str:
        return f"left({expr}, {width})"

    def from_epoch_us(self, expr: str) -> str:
        # make_timestamp reads microseconds; timezone('UTC', ...) makes it the same instant in a
        # TIMESTAMPTZ whatever the session's time zone.
        return f"timezone('UTC', make_timestamp({expr}))"

    def column_type(self, col: Column, *, staging: bool = False) -> str:
        if staging and col.type == "timestamp":
            return "BIGINT"
        return self._TYPES[col.type]

    def create_schema(self, schema: str) -> Statement:
        return Statement(f"CREATE SCHEMA IF NOT EXISTS {self.quote(schema)}", kind="ddl")

    def create_table(self, table: Table, name: TableName, *, staging: bool = False) -> Statement:
        cols = ",\n".join(
            f"    {self.quote(c.name)} {self.column_type(c, staging=staging)}"
            f"{'' if staging or c.nullable else ' NOT NULL'}"
            for c in table.columns
        )
        # A staging table in DuckDB's "temp" catalog lives in memory and in its connection only.
        temporary = "TEMP " if staging and name.schema == self.TEMP else ""
        return Statement(f"CREATE {temporary}TABLE IF NOT EXISTS {name.sql(self)} (\n{cols}\n)", kind="ddl")

    def drop_table(self, name: TableName) -> Statement:
        return Statement(f"DROP TABLE IF EXISTS {name.sql(self)}", kind="ddl")

    def empty_table(self, name: TableName) -> Statement:
        return Statement(f"DELETE FROM {name.sql(self)}")


TSQL = SynapseDialect()  # Synapse: the name the T-SQL statements have always been built for
SYNAPSE = TSQL
FABRIC = FabricDialect()
DUCKDB = DuckDBDialect()
TSQL_TARGETS: Sequence[Dialect] = (SYNAPSE, FABRIC)
