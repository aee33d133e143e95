"""The SQL the Synapse loader runs, generated from the table declarations by pure functions.

Every function returns ``Statement`` objects (text and bound parameters) and touches no database, so the
exact statements are kept as golden files and parsed offline. Identifiers pass through
``validate_identifier`` and are bracket-quoted (``desc``, ``at``, ``bytes`` ... are reserved words);
values are bound as ``?`` parameters. The one exception is COPY INTO: it takes only literals (no variables
or parameter markers) for its source URLs and credential, so those are validated against strict character
sets before they are written into the text, and the credential's secret is kept out of the statement text
(see ``Statement.secret``).

The partition replace and the entity upsert are also rendered for DuckDB (``DUCKDB``), so the same
statements, not a restatement of them, can be run on a real engine in tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from heroku_assets.storage.layout import validate_app
from heroku_assets.tables import ROUTER_EVENTS, Column, Table
from heroku_assets.warehouse.base import validate_identifier

# Columnstore tables cannot hold (n)varchar(max): 4000 UTF-16 code units is the widest usable string.
MAX_NVARCHAR = 4000
SECRET_MARK = "<secret>"
ROW_NUMBER_COLUMN = "__row_number"

_TSQL_TYPES = {
    "int32": "int",
    "int64": "bigint",
    "float64": "float",
    "bool": "bit",
    "timestamp": "datetime2(6)",
    "date": "date",
}
MASK_FUNCTIONS = {
    "email": "email()",
    # X-Forwarded-For can hold several addresses: nothing of them is shown.
    "ip": 'partial(0,"xxx.xxx.xxx.xxx",0)',
}
# COPY INTO reads https URLs of one account and container; these are the only characters let through.
# Loopback http (Azurite) is let through too, so the mixed mode can show where COPY INTO would read.
_COPY_URL = re.compile(
    r"^(https://[A-Za-z0-9.-]+|http://(127\.0\.0\.1|localhost))(:[0-9]{1,5})?/[A-Za-z0-9_.=@%+/*~-]+$"
)
_SAS_TOKEN = re.compile(r"^[A-Za-z0-9%&=:._+/-]+$")
_ACCOUNT_KEY = re.compile(r"^[A-Za-z0-9+/]{20,}={0,2}$")


# -- statements --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """One statement: its text, its bound parameters, and what kind of statement it is.

    ``sql`` never holds a secret: where COPY INTO needs one, ``sql`` holds ``'<secret>'`` and the secret
    sits in ``secret`` (kept out of repr and comparisons) until ``executable_sql()`` is sent to the server.
    """

    sql: str
    params: tuple[object, ...] = ()
    kind: Literal["ddl", "dml", "copy", "query", "transaction"] = "dml"
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
    """A statement returning one row, with the names of its columns in order."""

    statement: Statement
    columns: tuple[str, ...]


# -- dialects ----------------------------------------------------------------------------------------


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


# -- types and DDL -----------------------------------------------------------------------------------


def string_width(col: Column) -> int | None:
    """The nvarchar width of a string column: its declared width, at most 4000 (json: 4000 when
    undeclared); None for non-string columns."""
    if col.type not in ("string", "json"):
        return None
    return min(col.width or MAX_NVARCHAR, MAX_NVARCHAR)


def column_type(col: Column, *, staging: bool = False) -> str:
    """The T-SQL type of a column. Staging strings are nvarchar(max) (a heap can hold them) so that a value
    wider than its column still loads and is truncated and counted on the way to the target."""
    width = string_width(col)
    if width is not None:
        return "nvarchar(max)" if staging else f"nvarchar({width})"
    return _TSQL_TYPES[col.type]


def create_schema(schema: str) -> Statement:
    """CREATE SCHEMA must be alone in its batch, hence EXEC of a literal built from a validated name."""
    schema = validate_identifier(schema)
    return Statement(
        f"IF NOT EXISTS (SELECT 1 FROM sys.schemas WHERE name = N'{schema}')\n"
        f"    EXEC('CREATE SCHEMA [{schema}]')",
        kind="ddl",
    )


def table_options(table: Table) -> str:
    """Facts are hash-distributed on their declared column in a clustered columnstore; entity tables are
    small and upserted by key, so they hash on the key column and keep a clustered index on the key."""
    dist = TSQL.quote(table.distribution or table.primary_key[0])
    if table.kind == "event":
        return f"DISTRIBUTION = HASH({dist}), CLUSTERED COLUMNSTORE INDEX"
    keys = ", ".join(TSQL.quote(k) for k in table.primary_key)
    return f"DISTRIBUTION = HASH({dist}), CLUSTERED INDEX ({keys})"


def create_table(table: Table, target: TableName) -> Statement:
    return _create(table, target, staging=False, options=table_options(table))


def create_staging_table(table: Table, staged: TableName) -> Statement:
    """A round-robin heap: the fastest COPY INTO target, and every column nullable so a bad file loads
    and is judged by the checks rather than failing in the middle of a COPY."""
    return _create(table, staged, staging=True, options="DISTRIBUTION = ROUND_ROBIN, HEAP")


def _create(table: Table, name: TableName, *, staging: bool, options: str) -> Statement:
    cols = ",\n".join(
        f"    {TSQL.quote(c.name)} {column_type(c, staging=staging)} "
        f"{'NULL' if staging or c.nullable else 'NOT NULL'}"
        for c in table.columns
    )
    return Statement(
        f"IF OBJECT_ID({name.literal()}, N'U') IS NULL\n"
        f"CREATE TABLE {name.sql()} (\n{cols}\n)\nWITH ({options})",
        kind="ddl",
    )


def drop_table(name: TableName) -> Statement:
    return Statement(f"IF OBJECT_ID({name.literal()}, N'U') IS NOT NULL\nDROP TABLE {name.sql()}", kind="ddl")


def truncate_table(name: TableName) -> Statement:
    return Statement(f"TRUNCATE TABLE {name.sql()}", kind="ddl")


def drop_view(name: TableName) -> Statement:
    return Statement(f"IF OBJECT_ID({name.literal()}, N'V') IS NOT NULL\nDROP VIEW {name.sql()}", kind="ddl")


def view_statements(schema: str = "dbo") -> list[Statement]:
    """The analytics views, each dropped when it exists and created again: dedicated pools have no
    CREATE OR ALTER VIEW, and CREATE VIEW must be alone in its batch, which it is, since every Statement is
    sent as a batch of its own (no EXEC of a quoted copy needed). Dropping a view drops the permissions
    granted on it: grant on the schema instead."""
    from heroku_assets.warehouse.views import synapse_views

    out = []
    for name, create in synapse_views(schema).items():
        out += [drop_view(TableName(schema, name)), Statement(create, kind="ddl")]
    return out


def masking(table: Table, target: TableName) -> list[Statement]:
    """Dynamic data masking on the columns declared with ``masking``; adding a mask again only sets the
    same function, so these are idempotent."""
    return [
        Statement(
            f"ALTER TABLE {target.sql()} ALTER COLUMN {TSQL.quote(c.name)} "
            f"ADD MASKED WITH (FUNCTION = '{MASK_FUNCTIONS[c.masking]}')",
            kind="ddl",
        )
        for c in table.columns
        if c.masking
    ]


# -- COPY INTO ---------------------------------------------------------------------------------------

CredentialKind = Literal["sas", "account_key", "managed_identity", "caller"]


@dataclass(frozen=True)
class CopyCredential:
    """How the pool reads the staging container: a SAS token (read + list), the account key, the
    workspace's managed identity, or the caller's own Entra identity (no CREDENTIAL clause)."""

    kind: CredentialKind
    secret: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.kind == "sas":
            token = (self.secret or "").lstrip("?")
            if not _SAS_TOKEN.match(token) or "sig=" not in token:
                raise ValueError(
                    "the COPY INTO SAS token is not a SAS query string (expected sv=...&sig=...; only "
                    "letters, digits and % & = : . _ + / - are accepted)"
                )
            object.__setattr__(self, "secret", token)
        elif self.kind == "account_key":
            if not _ACCOUNT_KEY.match(self.secret or ""):
                raise ValueError("the COPY INTO storage account key is not a base64 account key")
        elif self.kind in ("managed_identity", "caller"):
            if self.secret is not None:
                raise ValueError(f"a {self.kind} COPY INTO credential takes no secret")
        else:
            raise ValueError(f"unknown COPY INTO credential kind: {self.kind!r}")

    @classmethod
    def sas(cls, token: str) -> CopyCredential:
        return cls("sas", token)

    @classmethod
    def account_key(cls, key: str) -> CopyCredential:
        return cls("account_key", key)

    @classmethod
    def managed_identity(cls) -> CopyCredential:
        return cls("managed_identity")

    @classmethod
    def caller(cls) -> CopyCredential:
        return cls("caller")

    def clause(self) -> str:
        """The CREDENTIAL option as written in the statement text, with the secret marked, not written."""
        if self.kind == "sas":
            return f"CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '{SECRET_MARK}')"
        if self.kind == "account_key":
            return f"CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '{SECRET_MARK}')"
        if self.kind == "managed_identity":
            return "CREDENTIAL = (IDENTITY = 'Managed Identity')"
        return ""

    def source_url(self, url: str) -> str:
        """Parquet read with a managed identity needs the Data Lake (.dfs) endpoint of the account; with a
        SAS or a key the .blob endpoint is required. Azure Blob URLs are rewritten accordingly."""
        host_end = url.index("/", len("https://"))
        host, rest = url[:host_end], url[host_end:]
        if self.kind == "managed_identity":
            host = host.replace(".blob.", ".dfs.", 1)
        elif self.kind in ("sas", "account_key"):
            host = host.replace(".dfs.", ".blob.", 1)
        return host + rest


def validate_copy_url(url: str) -> str:
    if not _COPY_URL.match(url):
        raise ValueError(
            f"COPY INTO can only read https URLs of Azure storage made of plain characters, not {url!r} "
            "(is the staging store on Azure Blob Storage?)"
        )
    return url


def copy_into(table: Table, staged: TableName, urls: Sequence[str], credential: CopyCredential) -> Statement:
    """COPY INTO the staging table from Parquet objects or a folder wildcard. Columns are listed in
    declaration order, the order the Parquet files are written in."""
    if not urls:
        raise ValueError("COPY INTO needs at least one source URL")
    sources = ",\n     ".join(f"'{validate_copy_url(credential.source_url(u))}'" for u in urls)
    cols = ", ".join(TSQL.quote(c.name) for c in table.columns)
    options = ",\n    ".join(o for o in ("FILE_TYPE = 'PARQUET'", credential.clause()) if o)
    return Statement(
        f"COPY INTO {staged.sql()} ({cols})\nFROM {sources}\nWITH (\n    {options}\n)",
        kind="copy",
        secret=credential.secret,
    )


# -- staging names -----------------------------------------------------------------------------------


def staging_name(schema: str, table: Table, app: str, day: dt.date) -> TableName:
    """One staging table per partition, so that loads of different partitions of one table can run at
    the same time without one emptying the other's staging rows."""
    base = f"{table.name}__{validate_app(app).replace('-', '_')}__{day:%Y%m%d}"
    if len(base) > 128:
        base = f"{table.name}__{hashlib.sha256(f'{app}/{day}'.encode()).hexdigest()[:16]}"
    return TableName(schema, base)


def staging_name_for_keys(schema: str, table: Table, keys: Sequence[str]) -> TableName:
    """One staging table per set of staged objects (an entity fetch), for the same reason."""
    digest = hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()[:16]
    return TableName(schema, f"{table.name}__{digest}")


# -- checks, partition replace and upsert --------------------------------------------------------------


def _fitted(table: Table, dialect: Dialect, prefix: str = "") -> list[str]:
    out = []
    for c in table.columns:
        expr = prefix + dialect.quote(c.name)
        width = string_width(c)
        out.append(dialect.fit(expr, width) if width is not None else expr)
    return out


def _truncation_terms(table: Table, dialect: Dialect) -> list[tuple[str, str]]:
    """(column, condition) for every string column: the condition is true where a value does not fit."""
    return [
        (c.name, dialect.too_wide(dialect.quote(c.name), string_width(c)))
        for c in table.columns
        if string_width(c) is not None
    ]


def _check_query(
    table: Table, staged: TableName, dialect: Dialect, leading: list[tuple[str, str]], params: tuple
) -> Query:
    terms = _truncation_terms(table, dialect)
    any_wide = " OR ".join(cond for _, cond in terms) or "1 = 0"
    required = [dialect.quote(c.name) + " IS NULL" for c in table.columns if not c.nullable]
    any_missing = " OR ".join(required) or "1 = 0"
    items = [
        *leading,
        ("missing_required_rows", f"COALESCE(SUM(CASE WHEN {any_missing} THEN 1 ELSE 0 END), 0)"),
        ("truncated_rows", f"COALESCE(SUM(CASE WHEN {any_wide} THEN 1 ELSE 0 END), 0)"),
    ]
    items += [
        (f"truncated__{name}", f"COALESCE(SUM(CASE WHEN {cond} THEN 1 ELSE 0 END), 0)")
        for name, cond in terms
    ]
    select = ",\n    ".join(f"{expr} AS {dialect.quote(label)}" for label, expr in items)
    return Query(
        Statement(f"SELECT\n    {select}\nFROM {staged.sql(dialect)}", params, kind="query"),
        tuple(label for label, _ in items),
    )


def _partition_filter(table: Table, dialect: Dialect, app: str, day: dt.date) -> tuple[str, tuple]:
    if table.partition_by != ("app", "event_date"):
        raise ValueError(f"{table.name} is not partitioned by app and event_date")
    return f"{dialect.quote('app')} = ? AND {dialect.quote('event_date')} = ?", (validate_app(app), day)


def partition_check(
    table: Table, staged: TableName, app: str, day: dt.date, dialect: Dialect = TSQL
) -> Query:
    """What the staged rows hold before they replace the partition: how many, how many belong to another
    partition or lack a required value (broken invariants, refused before the target is touched), and how
    many have values wider than their column (truncated and counted)."""
    where, params = _partition_filter(table, dialect, app, day)
    leading = [
        ("staged_rows", dialect.count),
        ("outside_rows", f"COALESCE(SUM(CASE WHEN {where} THEN 0 ELSE 1 END), 0)"),
    ]
    return _check_query(table, staged, dialect, leading, params)


def partition_replace(
    table: Table, target: TableName, staged: TableName, app: str, day: dt.date, dialect: Dialect = TSQL
) -> list[Statement]:
    """One transaction: delete the partition's rows, insert the staged ones (strings fitted to their
    columns). Running it twice leaves what running it once did."""
    where, params = _partition_filter(table, dialect, app, day)
    cols = ", ".join(dialect.quote(c) for c in table.column_names)
    select = ",\n    ".join(_fitted(table, dialect))
    return [
        Statement(dialect.begin, kind="transaction"),
        Statement(f"DELETE FROM {target.sql(dialect)}\nWHERE {where}", params),
        Statement(
            f"INSERT INTO {target.sql(dialect)} ({cols})\nSELECT\n    {select}\n"
            f"FROM {staged.sql(dialect)}\nWHERE {where}",
            params,
        ),
        Statement(dialect.commit, kind="transaction"),
    ]


def partition_count(
    table: Table, target: TableName, app: str, day: dt.date, dialect: Dialect = TSQL
) -> Query:
    where, params = _partition_filter(table, dialect, app, day)
    return Query(
        Statement(
            f"SELECT {dialect.count} AS {dialect.quote('rows')}\nFROM {target.sql(dialect)}\nWHERE {where}",
            params,
            kind="query",
        ),
        ("rows",),
    )


def duplicate_request_ids(target: TableName, app: str, day: dt.date, dialect: Dialect = TSQL) -> Query:
    """How many request_ids occur more than once in (app, day) of router_events: reported, not enforced
    (Heroku does not promise they are unique)."""
    where, params = _partition_filter(ROUTER_EVENTS, dialect, app, day)
    request_id = dialect.quote("request_id")
    return Query(
        Statement(
            f"SELECT {dialect.count} AS {dialect.quote('duplicated_request_ids')}\n"
            f"FROM (\n    SELECT {request_id}\n    FROM {target.sql(dialect)}\n"
            f"    WHERE {where} AND {request_id} IS NOT NULL\n"
            f"    GROUP BY {request_id}\n    HAVING {dialect.count} > 1\n) AS {dialect.quote('d')}",
            params,
            kind="query",
        ),
        ("duplicated_request_ids",),
    )


def _key_exprs(table: Table, dialect: Dialect, prefix: str = "", *, named: bool = False) -> list[str]:
    if not table.primary_key:
        raise ValueError(f"{table.name} has no primary key to upsert by")
    out = []
    for name in table.primary_key:
        col = table.column(name)
        width = string_width(col)
        expr = prefix + dialect.quote(name)
        expr = dialect.fit(expr, width) if width is not None else expr
        out.append(f"{expr} AS {dialect.quote(name)}" if named else expr)
    return out


def upsert_check(table: Table, staged: TableName, dialect: Dialect = TSQL) -> Query:
    """How many rows are staged, how many lack a required value, how many have values wider than their
    column."""
    return _check_query(table, staged, dialect, [("staged_rows", dialect.count)], ())


def distinct_keys(table: Table, staged: TableName, dialect: Dialect = TSQL) -> Query:
    """How many distinct keys are staged: the rows an upsert merges (the rest repeat a key)."""
    keys = ", ".join(_key_exprs(table, dialect, named=True))  # a derived table's columns need names
    return Query(
        Statement(
            f"SELECT {dialect.count} AS {dialect.quote('distinct_keys')}\n"
            f"FROM (SELECT DISTINCT {keys} FROM {staged.sql(dialect)}) AS {dialect.quote('k')}",
            kind="query",
        ),
        ("distinct_keys",),
    )


def upsert(table: Table, target: TableName, staged: TableName, dialect: Dialect = TSQL) -> list[Statement]:
    """One transaction: delete the target rows whose key is staged, insert one staged row per key (the
    latest ``updated_at`` where the table has one). DELETE ... WHERE EXISTS + INSERT works on every
    Synapse build, where MERGE needs a hash-distributed target and more care."""
    if ROW_NUMBER_COLUMN in table.column_names:
        raise ValueError(f"{table.name} declares {ROW_NUMBER_COLUMN}, which the upsert uses")
    source = dialect.quote("s")
    # The target is named by its bare table name in the correlation (as Synapse's documented
    # DELETE ... WHERE EXISTS does); three-part column names are deprecated in T-SQL.
    match = " AND ".join(
        f"{k} = {dialect.quote(target.name)}.{dialect.quote(name)}"
        for k, name in zip(_key_exprs(table, dialect, f"{source}."), table.primary_key, strict=True)
    )
    order = f"{dialect.quote('updated_at')} DESC" if "updated_at" in table.column_names else "(SELECT NULL)"
    cols = ", ".join(dialect.quote(c) for c in table.column_names)
    fitted = ",\n        ".join(
        f"{expr} AS {dialect.quote(name)}"
        for expr, name in zip(_fitted(table, dialect), table.column_names, strict=True)
    )
    row_number = (
        f"ROW_NUMBER() OVER (PARTITION BY {', '.join(_key_exprs(table, dialect))} ORDER BY {order}) "
        f"AS {dialect.quote(ROW_NUMBER_COLUMN)}"
    )
    return [
        Statement(dialect.begin, kind="transaction"),
        Statement(
            f"DELETE FROM {target.sql(dialect)}\nWHERE EXISTS (\n"
            f"    SELECT 1 FROM {staged.sql(dialect)} AS {source}\n    WHERE {match}\n)"
        ),
        Statement(
            f"INSERT INTO {target.sql(dialect)} ({cols})\nSELECT {cols}\nFROM (\n"
            f"    SELECT\n        {fitted},\n        {row_number}\n"
            f"    FROM {staged.sql(dialect)}\n) AS {dialect.quote('d')}\n"
            f"WHERE {dialect.quote(ROW_NUMBER_COLUMN)} = 1"
        ),
        Statement(dialect.commit, kind="transaction"),
    ]


# -- whole loads, in the order they run --------------------------------------------------------------


def ensure_statements(
    tables: Sequence[Table], *, schema: str = "dbo", staging_schema: str = "stg", masked: bool = False
) -> list[Statement]:
    """Schemas, target tables and (when ``masked``) dynamic data masking, all idempotent."""
    out = [create_schema(schema)]
    if staging_schema != schema:
        out.append(create_schema(staging_schema))
    for table in tables:
        target = TableName(schema, table.name)
        out.append(create_table(table, target))
        if masked:
            out.extend(masking(table, target))
    return out


@dataclass(frozen=True)
class PartitionLoad:
    """Every statement of one partition replace, by step: ``prepare`` fills the staging table (outside
    any transaction: Synapse allows no DDL in one), ``check`` judges the staged rows, ``replace`` is the
    one transaction, ``count`` reads the result, ``cleanup`` drops the staging table."""

    table: Table
    app: str
    day: dt.date
    prepare: tuple[Statement, ...]
    check: Query
    replace: tuple[Statement, ...]
    count: Query
    cleanup: tuple[Statement, ...] = ()
    sources: tuple[str, ...] = ()

    def statements(self) -> list[Statement]:
        return [*self.prepare, self.check.statement, *self.replace, self.count.statement, *self.cleanup]


@dataclass(frozen=True)
class EntityLoad:
    """Every statement of one entity upsert, by step (as PartitionLoad)."""

    table: Table
    prepare: tuple[Statement, ...]
    check: Query
    keys: Query
    merge: tuple[Statement, ...]
    cleanup: tuple[Statement, ...] = ()
    sources: tuple[str, ...] = ()

    def statements(self) -> list[Statement]:
        return [*self.prepare, self.check.statement, self.keys.statement, *self.merge, *self.cleanup]


def partition_load(
    table: Table,
    target: TableName,
    staged: TableName,
    app: str,
    day: dt.date,
    *,
    prepare: Sequence[Statement] = (),
    cleanup: Sequence[Statement] = (),
    sources: Sequence[str] = (),
    dialect: Dialect = TSQL,
) -> PartitionLoad:
    return PartitionLoad(
        table=table,
        app=app,
        day=day,
        prepare=tuple(prepare),
        check=partition_check(table, staged, app, day, dialect),
        replace=tuple(partition_replace(table, target, staged, app, day, dialect)),
        count=partition_count(table, target, app, day, dialect),
        cleanup=tuple(cleanup),
        sources=tuple(sources),
    )


def entity_load(
    table: Table,
    target: TableName,
    staged: TableName,
    *,
    prepare: Sequence[Statement] = (),
    cleanup: Sequence[Statement] = (),
    sources: Sequence[str] = (),
    dialect: Dialect = TSQL,
) -> EntityLoad:
    return EntityLoad(
        table=table,
        prepare=tuple(prepare),
        check=upsert_check(table, staged, dialect),
        keys=distinct_keys(table, staged, dialect),
        merge=tuple(upsert(table, target, staged, dialect)),
        cleanup=tuple(cleanup),
        sources=tuple(sources),
    )


def _synapse_prepare(
    table: Table, staged: TableName, urls: Sequence[str], credential: CopyCredential
) -> list[Statement]:
    prepare = [create_staging_table(table, staged), truncate_table(staged)]
    if urls:  # nothing staged: the partition is replaced by nothing
        prepare.append(copy_into(table, staged, urls, credential))
    return prepare


def synapse_partition_load(
    table: Table,
    app: str,
    day: dt.date,
    urls: Sequence[str],
    credential: CopyCredential,
    *,
    schema: str = "dbo",
    staging_schema: str = "stg",
) -> PartitionLoad:
    """The Synapse partition replace: staging table, COPY INTO from ``urls``, check, one transaction."""
    staged = staging_name(staging_schema, table, app, day)
    return partition_load(
        table,
        TableName(schema, table.name),
        staged,
        app,
        day,
        prepare=_synapse_prepare(table, staged, urls, credential),
        cleanup=[drop_table(staged)],
        sources=urls,
    )


def synapse_entity_load(
    table: Table,
    keys: Sequence[str],
    urls: Sequence[str],
    credential: CopyCredential,
    *,
    schema: str = "dbo",
    staging_schema: str = "stg",
) -> EntityLoad:
    """The Synapse upsert: staging table, COPY INTO from ``urls``, check, one transaction."""
    staged = staging_name_for_keys(staging_schema, table, keys)
    return entity_load(
        table,
        TableName(schema, table.name),
        staged,
        prepare=_synapse_prepare(table, staged, urls, credential),
        cleanup=[drop_table(staged)],
        sources=urls,
    )
