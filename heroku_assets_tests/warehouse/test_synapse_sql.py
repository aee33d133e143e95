"""Every T-SQL statement the Synapse and Fabric loaders emit, for every declared table, kept as golden
files (Fabric's under ``golden/fabric/``) and checked offline: every statement parsed by sqlglot (the tsql
dialect for Synapse, the fabric dialect for Fabric) with no unparsed command, Synapse's DDL parsed by
sqlfluff's tsql dialect where it can and its key clauses asserted. ``UPDATE_GOLDEN=1`` rewrites them."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from sqlfluff.core import FluffConfig, Linter
from sqlglot import exp

from heroku_assets.storage import layout
from heroku_assets.tables import ALL_TABLES, EVENT_TABLES, Table
from heroku_assets.warehouse import check_probe, check_statements, check_tables, sql
from heroku_assets.warehouse.sql import append, ledger
from heroku_assets.warehouse.synapse_setup import isolation_query
from heroku_assets.warehouse.views import synapse_views
from heroku_assets_tests.warehouse.tsql import LABEL, parse_one, parse_statement

GOLDEN = Path(__file__).parent / "golden"
APP = "my-app"
DAY = dt.date(2026, 11, 20)
RUN = "0123456789ab"  # a run's staging-table suffix, fixed here so the golden files are stable
DAY_APPS = ["a-app", "b-app", "my-app"]
SNAPSHOT = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
ACCOUNT = "https://examplestaging.blob.core.windows.net/heroku-staging"
# Shaped like real secrets, made up: they must never reach a golden file.
SAS = "sv=2024-11-04&ss=b&srt=co&sp=rl&se=2026-12-31T00%3A00%3A00Z&spr=https&sig=Zm9vYmFyYmF6cXV4%2Bqz%3D"
KEY = "ZmFrZWtleWZha2VrZXlmYWtla2V5ZmFrZWtleWZha2VrZXlmYWtla2V5ZmFrZWtleWZha2U+/w=="
CREDENTIALS = {
    "sas": sql.CopyCredential.sas("?" + SAS),
    "account_key": sql.CopyCredential.account_key(KEY),
    "managed_identity": sql.CopyCredential.managed_identity(),
    "caller": sql.CopyCredential.caller(),
}
TSQL_TYPES = {"int32": "int", "int64": "bigint", "float64": "float", "bool": "bit", "date": "date"}


def _folder(table: Table) -> str:
    if table.kind == "event":
        return layout.staged_prefix(table.name, APP, DAY)
    return layout.snapshot_prefix(table.name, SNAPSHOT)


def _keys(table: Table) -> list[str]:
    return [_folder(table) + "part-00000.parquet"]


def _wildcard(table: Table) -> str:
    return f"{ACCOUNT}/{_folder(table)}*.parquet"


def _load(
    table: Table, credential: sql.CopyCredential = CREDENTIALS["sas"], dialect: sql.Dialect = sql.SYNAPSE
):
    if table.kind == "event":
        return sql.synapse_partition_load(
            table, DAY, [APP], [_wildcard(table)], credential, run_id=RUN, dialect=dialect
        )
    return sql.synapse_entity_load(table, [_wildcard(table)], credential, run_id=RUN, dialect=dialect)


def _day_load(
    credential: sql.CopyCredential = CREDENTIALS["sas"], dialect: sql.Dialect = sql.SYNAPSE
) -> sql.PartitionLoad:
    """A day of three apps in one load: one COPY of three folders, one replace."""
    table = ALL_TABLES["router_events"]
    urls = [f"{ACCOUNT}/{layout.staged_prefix(table.name, app, DAY)}*.parquet" for app in DAY_APPS]
    return sql.synapse_partition_load(table, DAY, DAY_APPS, urls, credential, run_id=RUN, dialect=dialect)


def _views() -> list[sql.Statement]:
    return sql.view_statements(synapse_views("dbo"), "dbo")


PREFIX = {sql.SYNAPSE: "", sql.FABRIC: "fabric/"}
READ = {sql.SYNAPSE: "tsql", sql.FABRIC: "fabric"}


def _render(statements: list[sql.Statement]) -> str:
    out = []
    for s in statements:
        params = f"-- params: {[p.isoformat() if hasattr(p, 'isoformat') else p for p in s.params]}\n"
        out.append((params if s.params else "") + s.sql + ";\n")
    return "\n".join(out)


def _golden_files(dialect: sql.Dialect = sql.SYNAPSE) -> dict[str, str]:
    """Every golden file's name and the text the loader produces for it now."""
    d = dialect
    files = {"schemas.sql": _render([sql.create_schema("dbo", d), sql.create_schema("stg", d)])}
    for table in ALL_TABLES.values():
        target = sql.TableName("dbo", table.name)
        files[f"{table.name}/ddl.sql"] = _render([sql.create_table(table, target, d)])
        if masks := sql.masking(table, target):
            files[f"{table.name}/masking.sql"] = _render(masks)
        for kind, credential in CREDENTIALS.items():
            copy = next(s for s in _load(table, credential, d).prepare if s.kind == "copy")
            files[f"{table.name}/copy_{kind}.sql"] = _render([copy])
        files[f"{table.name}/load.sql"] = _render(_load(table, dialect=d).statements())
    # Objects that are not the whole folder are listed one by one.
    table = ALL_TABLES["router_events"]
    urls = [f"{ACCOUNT}/{layout.staged_object(table.name, APP, DAY, part)}" for part in (0, 1)]
    load = sql.synapse_partition_load(table, DAY, [APP], urls, CREDENTIALS["sas"], run_id=RUN, dialect=d)
    files["router_events/copy_files.sql"] = _render([s for s in load.prepare if s.kind == "copy"])
    # Every staged object holds no rows: the partition is emptied, no COPY.
    files["router_events/load_empty.sql"] = _render(
        sql.synapse_partition_load(
            table, DAY, [APP], [], CREDENTIALS["sas"], run_id=RUN, dialect=d
        ).statements()
    )
    files["router_events/load_day.sql"] = _render(_day_load(dialect=d).statements())
    files["router_events/duplicate_request_ids.sql"] = _render([_duplicates(d).statement])
    files["router_events/partition_count.sql"] = _render([_count(d).statement])
    if statistics := sql.update_statistics([table], dialect=d):  # Fabric: none, the engine keeps them
        files["router_events/update_statistics.sql"] = _render(statistics)
    if d.checks_isolation:
        files["setup/isolation.sql"] = _render([isolation_query().statement])
    files["setup/stale_staging_tables.sql"] = _render([sql.stale_staging_query("stg").statement])
    files["check/statements.sql" if d is sql.FABRIC else "synapse_check/statements.sql"] = _render(
        _check_statements(d)
    )
    for name, statements in _tick_statements(d).items():
        files[f"ticks/{name}.sql"] = _render(statements)
    views = _views()
    for create, alter in zip(views[::2], views[1::2], strict=True):
        name = re.search(r"ALTER VIEW \[dbo\]\.\[(\w+)\]", alter.sql)[1]
        files[f"views/{name}.sql"] = _render([create, alter])
    return {PREFIX[d] + name: text for name, text in files.items()}


def _tick_load(dialect: sql.Dialect = sql.SYNAPSE) -> append.TickLoad:
    """A tick of any number of apps and days: one COPY of one file per table, one transaction."""
    names = append.tick_staging_names("stg", RUN)
    fills = {
        t.name: sql.synapse_prepare(
            t,
            names[t.name],
            [f"{ACCOUNT}/{layout.tick_object('tick1', t.name)}"],
            CREDENTIALS["sas"],
            dialect=dialect,
        )
        for t in append.APPEND_TABLES
    }
    return append.tick_load("tick1", RUN, fills, names, schema="dbo", dialect=dialect, ticked_at=SNAPSHOT)


def _tick_statements(d: sql.Dialect = sql.SYNAPSE) -> dict[str, list[sql.Statement]]:
    """Every statement of the tick path: the append, the ledger queries, a seal, a rebuild's row."""
    return {
        "load": _tick_load(d).statements(),
        "seed": [append.seed_ticks_row("dbo", d)],
        "consumed_objects": [ledger.consumed_objects("dbo", DAY, d).statement],
        "ticked_objects": [ledger.ticked_objects("dbo", APP, DAY, d).statement],
        "known_copies": [ledger.known_copies("dbo", SNAPSHOT, d).statement],
        "day_lines": [ledger.day_lines("dbo", [DAY, DAY + dt.timedelta(days=1)], d).statement],
        "seal": [ledger.seal_figures("dbo", APP, DAY, d).statement],
        "rebuild_ledger": [ledger.rebuild_ledger("dbo", APP, DAY, "run1", 42, SNAPSHOT, d)],
    }


def _duplicates(dialect: sql.Dialect = sql.SYNAPSE) -> sql.Query:
    return sql.duplicate_request_ids(sql.TableName("dbo", "router_events"), APP, DAY, dialect)


def _check_statements(dialect: sql.Dialect = sql.SYNAPSE) -> list[sql.Statement]:
    """Every statement the check sends, for a fixed run."""
    names = check_probe.CheckNames(RUN)

    scratch = {"schema": names.schema, "staging_schema": names.schema, "run_id": RUN, "dialect": dialect}
    credential = CREDENTIALS["managed_identity"]

    def folder(key: str) -> str:
        return f"{ACCOUNT}/{key.rpartition('/')[0]}/*.parquet"

    def plan(table: Table, keys: dict[str, str]) -> sql.PartitionLoad:
        urls = [folder(k) for _, k in sorted(keys.items())]
        return sql.synapse_partition_load(table, check_probe.DAY, sorted(keys), urls, credential, **scratch)

    router, codes = ALL_TABLES["router_events"], ALL_TABLES["heroku_error_codes"]
    plans = {
        "probe": plan(check_probe.PROBE, {check_probe.APP: names.key}),
        "extremes": plan(check_probe.PROBE, {check_probe.EXTREMES_APP: names.extremes_key}),
        "day": plan(router, {a: check_tables.staged_key(names, router, a) for a in check_tables.APPS}),
        "upsert": sql.synapse_entity_load(
            codes, [folder(check_tables.staged_key(names, codes))], credential, **scratch
        ),
    }
    return check_statements.all_statements(names, plans, ["dbo", "stg"], dialect)


def _count(dialect: sql.Dialect = sql.SYNAPSE) -> sql.Query:
    table = ALL_TABLES["router_events"]
    return sql.partition_count(table, sql.TableName("dbo", "router_events"), APP, DAY, dialect)


def _all_statements(dialect: sql.Dialect = sql.SYNAPSE) -> list[sql.Statement]:
    """Every statement the loader sends."""
    d = dialect
    statements = [sql.create_schema("dbo", d), sql.create_schema("stg", d)]
    for table in ALL_TABLES.values():
        statements += sql.masking(table, sql.TableName("dbo", table.name))
        statements.append(sql.create_table(table, sql.TableName("dbo", table.name), d))
        for credential in CREDENTIALS.values():
            statements += _load(table, credential, d).statements()
    statements += _day_load(dialect=d).statements()
    statements.append(sql.Statement(d.rollback, kind="transaction"))
    statements += [_duplicates(d).statement, _count(d).statement]
    if d.checks_isolation:
        statements.append(isolation_query().statement)
    statements.append(sql.stale_staging_query("stg").statement)
    statements += sql.stale_staging_drops(
        "stg", ["router_events__20261120__0123456789ab"], [ALL_TABLES["router_events"]], d
    )
    statements += sql.update_statistics(list(ALL_TABLES.values()), dialect=d)
    statements += _views()
    statements += _check_statements(d)
    statements += [s for group in _tick_statements(d).values() for s in group]
    return statements


def test_golden_files() -> None:
    expected = {**_golden_files(sql.SYNAPSE), **_golden_files(sql.FABRIC)}
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for old in GOLDEN.rglob("*.sql"):
            old.unlink()
        for name, text in expected.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text)
    on_disk = {p.relative_to(GOLDEN).as_posix(): p.read_text() for p in GOLDEN.rglob("*.sql")}
    assert sorted(on_disk) == sorted(expected), "golden files missing or stale: run with UPDATE_GOLDEN=1"
    for name, text in expected.items():
        assert on_disk[name] == text, f"{name} differs from what the loader emits (UPDATE_GOLDEN=1 to accept)"


def test_no_secret_in_any_golden_file_or_statement_text() -> None:
    for path in GOLDEN.rglob("*.sql"):
        text = path.read_text()
        assert SAS not in text and "sig=" not in text and KEY not in text, path
    for statement in _all_statements():
        assert SAS not in statement.sql and KEY not in statement.sql
        assert SAS not in repr(statement) and KEY not in repr(statement) and SAS not in str(statement)


def test_the_secret_reaches_only_the_executed_text() -> None:
    table = ALL_TABLES["router_events"]
    copy = next(s for s in _load(table, CREDENTIALS["sas"]).prepare if s.kind == "copy")
    assert copy.sql.count("'<secret>'") == 1
    assert copy.executable_sql().count(f"SECRET = '{SAS}'") == 1  # the leading '?' is dropped
    assert "<secret>" not in copy.executable_sql()
    copy = next(s for s in _load(table, CREDENTIALS["account_key"]).prepare if s.kind == "copy")
    assert f"SECRET = '{KEY}'" in copy.executable_sql()
    copy = next(s for s in _load(table, CREDENTIALS["managed_identity"]).prepare if s.kind == "copy")
    assert copy.secret is None and "SECRET" not in copy.executable_sql()


def _sqlglot_one(text: str) -> exp.Expression:
    return parse_one(text)


def test_every_statement_parses_with_no_unparsed_part() -> None:
    parsed_kinds = set()
    for statement in _all_statements():
        for tree in parse_statement(statement.sql):
            parsed_kinds.add(type(tree).__name__)
    assert {"Copy", "Select", "Delete", "Insert", "Transaction", "Commit", "IfBlock", "Create", "Alter"} <= (
        parsed_kinds | {"IfBlock"}
    )


def test_values_are_bound_and_literals_are_only_labels_and_copy_options() -> None:
    for statement in _all_statements():
        # Every value is a bound parameter: as many markers as parameters.
        assert statement.sql.count("?") == len(statement.params), statement.sql
        if statement.kind in ("ddl", "copy"):
            continue
        label = LABEL.search(statement.sql)
        text = statement.sql[: label.start()] if label else statement.sql
        tree = parse_one(text)
        assert not [lit for lit in tree.find_all(exp.Literal) if lit.is_string], statement.sql


def test_dml_and_queries_carry_the_label_of_what_they_load() -> None:
    load = _load(ALL_TABLES["router_events"])
    for statement in [load.check.statement, *load.replace[1:3], load.count.statement]:
        assert LABEL.search(statement.sql)[1] == "heroku-assets:router_events:my-app:2026-11-20"
    assert LABEL.search(_day_load().replace[1].sql)[1] == "heroku-assets:router_events:3apps:2026-11-20"
    assert (
        LABEL.search(_load(ALL_TABLES["heroku_apps"]).merge[1].sql)[1] == "heroku-assets:heroku_apps:upsert"
    )
    for bad in ["My App'--", "a b", "x" * 300]:
        with pytest.raises(ValueError, match="not a valid query label"):
            sql.label("router_events", bad)
    with pytest.raises(ValueError, match="not a valid query label"):
        sql.TSQL.labelled("SELECT 1", "x'; DROP TABLE t; --")


def test_copy_into_reads_what_was_staged() -> None:
    for table in ALL_TABLES.values():
        for kind, credential in CREDENTIALS.items():
            copy = next(s for s in _load(table, credential).prepare if s.kind == "copy")
            tree = _sqlglot_one(copy.sql)
            assert isinstance(tree, exp.Copy)
            assert tree.this.sql("tsql").startswith("[stg].[" + table.name + "__") and RUN in copy.sql
            files = [f.name for f in tree.args["files"]]
            url = _wildcard(table)
            if kind == "managed_identity":  # Parquet with a managed identity goes through .dfs
                url = url.replace(".blob.", ".dfs.")
            assert files == [url]
            assert [c.name for c in tree.this.expressions] == list(table.column_names)
            assert "FILE_TYPE = 'PARQUET'" in copy.sql
            identity = {
                "sas": "IDENTITY = 'Shared Access Signature', SECRET = '<secret>'",
                "account_key": "IDENTITY = 'Storage Account Key', SECRET = '<secret>'",
                "managed_identity": "CREDENTIAL = (IDENTITY = 'Managed Identity')",
            }.get(kind)
            if identity:
                assert identity in copy.sql
            else:
                assert "CREDENTIAL" not in copy.sql


def _fluff_unparsable(text: str) -> list[str]:
    linter = Linter(config=FluffConfig(overrides={"dialect": "tsql"}))
    parsed = linter.parse_string(text + "\n")
    return [v.desc() for v in parsed.violations]


def test_ddl_parses_with_sqlfluff() -> None:
    checked = 0
    for statement in _all_statements():
        if statement.kind != "ddl" or "ADD MASKED" in statement.sql or "STATISTICS" in statement.sql:
            continue  # sqlfluff knows neither masking nor UPDATE STATISTICS: matched exactly in tsql.py
        assert _fluff_unparsable(statement.sql) == [], statement.sql
        checked += 1
    assert checked > 3 * len(ALL_TABLES)


def _column_defs(create: str) -> list[tuple[str, str, bool]]:
    """(name, type, not null) of each column, parsed by sqlglot once the Synapse-only WITH clause and the
    IF guard (which sqlglot cannot read) are taken off."""
    body = create.split("\n", 1)[1]
    body, options = body.rsplit("\nWITH (", 1)
    tree = _sqlglot_one(body)
    assert isinstance(tree, exp.Create)
    out = []
    for col in tree.this.expressions:
        not_null = any(
            isinstance(c.kind, exp.NotNullColumnConstraint) and not c.kind.args.get("allow_null")
            for c in col.constraints
        )
        out.append((col.name, col.args["kind"].sql("tsql").upper(), not_null))
    return out


def _expected_type(table: Table, name: str, staging: bool) -> str:
    """The type the declaration calls for, as sqlglot writes it once parsed."""
    col = table.column(name)
    if col.type in ("string", "json"):
        text = "nvarchar(max)" if staging else f"nvarchar({min(col.width or 4000, 4000)})"
    elif col.type == "timestamp":
        text = "bigint" if staging else "datetime2(6)"  # staged as epoch microseconds
    else:
        text = TSQL_TYPES[col.type]
    return exp.DataType.build(text, dialect="tsql").sql("tsql").upper()


@pytest.mark.parametrize("table", list(ALL_TABLES.values()), ids=lambda t: t.name)
def test_target_ddl_key_clauses(table: Table) -> None:
    create = sql.create_table(table, sql.TableName("dbo", table.name)).sql
    assert create.startswith(f"IF OBJECT_ID(N'[dbo].[{table.name}]', N'U') IS NULL\nCREATE TABLE [dbo].")
    defs = _column_defs(create)
    assert [d[0] for d in defs] == list(table.column_names)
    for name, type_, not_null in defs:
        assert type_ == _expected_type(table, name, staging=False), (table.name, name)
        assert not_null == (not table.column(name).nullable), (table.name, name)
    options = create.rsplit("\nWITH (", 1)[1]
    if table.kind == "event":
        assert options == f"DISTRIBUTION = HASH([{table.distribution}]), CLUSTERED COLUMNSTORE INDEX)"
        assert not table.column(table.distribution).nullable  # a hash column should never be null
    else:
        keys = ", ".join(f"[{k}]" for k in table.primary_key)
        assert options == f"DISTRIBUTION = HASH([{table.distribution}]), CLUSTERED INDEX ({keys}))"
    assert "max" not in create.lower()  # columnstore tables cannot hold (n)varchar(max)


@pytest.mark.parametrize("table", list(ALL_TABLES.values()), ids=lambda t: t.name)
def test_staging_ddl_is_a_round_robin_heap_of_nullable_wide_columns(table: Table) -> None:
    staged = _load(table).prepare[0]
    assert staged.kind == "ddl" and "CREATE TABLE [stg]." in staged.sql
    assert staged.sql.endswith("WITH (DISTRIBUTION = ROUND_ROBIN, HEAP)")
    for name, type_, not_null in _column_defs(staged.sql):
        assert type_ == _expected_type(table, name, staging=True)
        assert not not_null


def test_specific_types_from_the_declarations() -> None:
    defs = {
        (t.name, name): type_
        for t in ALL_TABLES.values()
        for name, type_, _ in _column_defs(sql.create_table(t, sql.TableName("dbo", t.name)).sql)
    }
    assert defs[("router_events", "event_ts")] == "DATETIME2(6)"
    assert defs[("router_events", "event_date")] == "DATE"
    assert defs[("router_events", "line_number")] == "BIGINT"
    assert defs[("router_events", "status")] == "INTEGER"  # sqlglot writes T-SQL int as INTEGER
    assert defs[("router_events", "tls")] == "BIT"
    assert defs[("router_events", "desc")] == "NVARCHAR(400)"
    assert defs[("router_events", "extra")] == "NVARCHAR(4000)"  # json
    assert defs[("runtime_metrics", "value")] == "FLOAT"
    assert defs[("heroku_apps", "owner_email")] == "NVARCHAR(320)"


def test_masking_statements() -> None:
    masked = {}
    for table in ALL_TABLES.values():
        for statement in sql.masking(table, sql.TableName("dbo", table.name)):
            # No guard on an undocumented catalog view: re-applying a mask is allowed (N4).
            match = re.fullmatch(
                r"ALTER TABLE \[dbo\]\.\[(\w+)\] ALTER COLUMN \[(\w+)\] "
                r"ADD MASKED WITH \(FUNCTION = '([^']+)'\)",
                statement.sql,
            )
            assert match, statement.sql
            masked[(match[1], match[2])] = match[3]
    assert masked[("router_events", "fwd")].startswith("partial(0,")
    for table, column in [
        ("platform_events", "actor"),
        ("heroku_apps", "owner_email"),
        ("heroku_releases", "user_email"),
        ("heroku_builds", "user_email"),
    ]:
        assert masked[(table, column)] == "email()"
    assert set(masked) == {(t.name, c.name) for t in ALL_TABLES.values() for c in t.columns if c.masking}
    # Loads never mask: the reference job does (SynapseWarehouse.apply_masking).
    for dialect in sql.TSQL_TARGETS:
        ensured = sql.ensure_statements(list(ALL_TABLES.values()), dialect=dialect)
        assert not [s for s in ensured if "MASKED" in s.sql or "masked_columns" in s.sql]


def test_a_tick_is_a_constant_number_of_statements_whatever_it_holds() -> None:
    """One tick's load: per appended table a staging table, one COPY of one file, a check, an INSERT and
    a drop; one transaction for all (the lock row first, then the guard); no DELETE anywhere."""
    load = _tick_load()
    statements = load.statements()
    tables = len(append.APPEND_TABLES)
    assert sum(1 for s in statements if s.kind == "copy") == tables
    assert sum(1 for s in statements if s.sql.startswith("INSERT INTO [dbo]")) == tables
    assert not [s for s in statements if "DELETE" in s.sql]
    kinds = [s.sql.split()[0] for s in statements if s.kind == "transaction"]
    assert kinds == ["BEGIN", "COMMIT"]
    begin = statements.index(load.begin)
    assert statements[begin + 1] is load.lock and statements[begin + 2] is load.guard.statement
    assert len(statements) == 6 * tables + 4


def test_partition_transaction_shape() -> None:
    for table in EVENT_TABLES:
        load = _load(table)
        kinds = [s.sql.split()[0] for s in load.replace]
        assert kinds == ["BEGIN", "DELETE", "INSERT", "COMMIT"]
        delete, insert = load.replace[1], load.replace[2]
        assert delete.params == (DAY, APP) and insert.params == (DAY, APP)
        assert "\nWHERE [event_date] = ? AND [app] = ?\nOPTION (LABEL = " in delete.sql
        # Staged epoch microseconds become datetime2(6) on the way in.
        assert "DATEADD(MICROSECOND, CAST([event_ts] % 1000000 AS int)" in insert.sql
        # Strings are fitted to their column on the way in, so a wide value never fails the load.
        for col in table.columns:
            if col.type in ("string", "json"):
                assert f"CAST([{col.name}] AS nvarchar({min(col.width or 4000, 4000)}))" in insert.sql
        # No DDL inside the transaction; staging DDL before it, the drop after it.
        assert all(s.kind != "ddl" for s in load.replace)
        order = load.statements()
        assert order.index(load.replace[0]) > max(order.index(s) for s in load.prepare)
        assert order[-1].sql.startswith("IF OBJECT_ID(N'[stg].") and "DROP TABLE" in order[-1].sql
        assert load.cleanup == (order[-1],)  # what the runner drops even after a failure


def test_entity_upsert_shape() -> None:
    for table in ALL_TABLES.values():
        if table.kind == "event":
            continue
        load = _load(table)
        assert [s.sql.split()[0] for s in load.merge] == ["BEGIN", "DELETE", "INSERT", "COMMIT"]
        (delete,) = parse_statement(load.merge[1].sql)
        assert delete.find(exp.Exists) is not None
        for key in table.primary_key:
            assert f"= [{table.name}].[{key}]" in load.merge[1].sql
        insert = load.merge[2].sql
        assert "ROW_NUMBER() OVER (PARTITION BY" in insert and "WHERE [__row_number] = 1" in insert
        if "updated_at" in table.column_names:
            assert "ORDER BY [updated_at] DESC" in insert


def test_copy_credential_validation_never_echoes_the_secret() -> None:
    for bad in ["sv=1&sig=abc'; DROP TABLE x; --", "no signature here", "sv=1&sig=a b"]:
        with pytest.raises(ValueError) as caught:
            sql.CopyCredential.sas(bad)
        assert bad not in str(caught.value)
    for bad in ["short", "abc'def" * 10, ""]:
        with pytest.raises(ValueError) as caught:
            sql.CopyCredential.account_key(bad)
        assert bad not in str(caught.value) or bad == ""
    with pytest.raises(ValueError):
        sql.CopyCredential("managed_identity", "secret")
    with pytest.raises(ValueError):
        sql.CopyCredential("password", "x")  # type: ignore[arg-type]
    assert SAS not in repr(sql.CopyCredential.sas(SAS))


def test_copy_urls_are_validated() -> None:
    table = ALL_TABLES["app_events"]
    staged = sql.TableName("stg", "x")
    for bad in [
        "file:///tmp/a.parquet",
        "https://a.blob.core.windows.net/c/x'y.parquet",
        "http://example.com/a",
    ]:
        with pytest.raises(ValueError, match="COPY INTO can only read"):
            sql.copy_into(table, staged, [bad], CREDENTIALS["sas"])
    with pytest.raises(ValueError):
        sql.copy_into(table, staged, [], CREDENTIALS["sas"])


def test_identifiers_are_validated() -> None:
    table = ALL_TABLES["app_events"]
    for bad in ["dbo;drop", "a b", "[x]", "1abc", ""]:
        with pytest.raises(ValueError, match="invalid SQL identifier"):
            sql.synapse_partition_load(table, DAY, [APP], [], CREDENTIALS["caller"], schema=bad)
        with pytest.raises(ValueError):
            sql.create_schema(bad)
    with pytest.raises(ValueError, match="invalid Heroku app name"):
        sql.synapse_partition_load(table, DAY, ["My App'--"], [], CREDENTIALS["caller"])
    with pytest.raises(ValueError, match="invalid run id"):
        sql.synapse_partition_load(table, DAY, [APP], [], CREDENTIALS["caller"], run_id="x]; DROP")


def test_staging_tables_are_per_run() -> None:
    table = ALL_TABLES["router_events"]
    a = sql.synapse_partition_load(table, DAY, [APP], [], CREDENTIALS["sas"])
    b = sql.synapse_partition_load(table, DAY, [APP], [], CREDENTIALS["sas"])
    assert a.prepare[0].sql != b.prepare[0].sql  # two runs of one partition never share a staging table
    name = sql.staging_table("stg", table, RUN, DAY)
    assert name.name == "router_events__20261120__0123456789ab" and len(name.name) <= 128
    assert sql.staging_table("stg", ALL_TABLES["heroku_apps"], RUN).name == "heroku_apps__0123456789ab"


def test_a_day_load_copies_every_folder_once_and_replaces_once() -> None:
    load = _day_load()
    (copy,) = [s for s in load.prepare if s.kind == "copy"]
    files = [f.name for f in _sqlglot_one(copy.sql).args["files"]]
    assert files == [f"{ACCOUNT}/router_events/app={a}/date=2026-11-20/*.parquet" for a in DAY_APPS]
    delete, insert = load.replace[1], load.replace[2]
    assert delete.params == (DAY, *DAY_APPS) and "[app] IN (?, ?, ?)" in delete.sql
    assert insert.params == delete.params
    # The check groups by partition, so each is judged on its own.
    assert "GROUP BY CAST([app] AS nvarchar(4000)), [event_date]" in load.check.statement.sql
    with pytest.raises(ValueError, match="at most 1000 apps"):
        sql.synapse_partition_load(
            ALL_TABLES["router_events"], DAY, [f"app-{i}" for i in range(1001)], [], CREDENTIALS["sas"]
        )


def _tsql_value(node: exp.Expression, v: int) -> object:
    """Evaluate the conversion expression as T-SQL does: integer division truncates toward zero, % keeps
    the dividend's sign, DATEADD adds whole units to a datetime2."""
    if isinstance(node, exp.Column):
        return v
    if isinstance(node, exp.Literal):
        return int(node.this)
    if isinstance(node, exp.Paren):
        return _tsql_value(node.this, v)
    if isinstance(node, exp.Cast):
        return _tsql_value(node.this, v)
    if isinstance(node, exp.DateFromParts):
        return dt.datetime(*(int(node.args[k].this) for k in ("year", "month", "day")))
    a, b = _tsql_value(node.this, v), _tsql_value(node.expression, v)
    if isinstance(node, exp.Div):
        q = abs(a) // abs(b)
        return q if (a >= 0) == (b > 0) else -q
    if isinstance(node, exp.Mod):
        r = abs(a) % abs(b)
        return r if a >= 0 else -r
    if isinstance(node, exp.DateAdd):
        assert -(2**31) <= b < 2**31, "DATEADD takes an int"
        unit = {"DAY": "days", "SECOND": "seconds", "MICROSECOND": "microseconds"}[node.unit.name]
        return a + dt.timedelta(**{unit: b})
    raise AssertionError(f"unexpected node {type(node).__name__}")


def test_the_tsql_timestamp_conversion_is_exact_for_every_datetime2() -> None:
    """Modelled as integer division, which it is because every literal is an int: a literal above
    2,147,483,647 would be typed decimal and divide as decimal (N7)."""
    expr = _sqlglot_one("SELECT " + sql.TSQL.from_epoch_us("[v]")).expressions[0]
    assert all(int(lit.this) < 2**31 for lit in expr.find_all(exp.Literal))
    assert sql.FABRIC.from_epoch_us("[v]") == sql.TSQL.from_epoch_us("[v]")
    epoch = dt.datetime(1970, 1, 1)
    for when in [
        dt.datetime(2026, 11, 20, 23, 59, 59, 999999),
        dt.datetime(1970, 1, 1),
        dt.datetime(1969, 12, 31, 23, 59, 59, 999999),
        dt.datetime(1969, 12, 31, 0, 0, 0, 1),
        dt.datetime(1, 1, 1),
        dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
        dt.datetime(2000, 2, 29, 12, 30, 15, 500000),
    ]:
        micros = (when - epoch) // dt.timedelta(microseconds=1)
        assert _tsql_value(expr, micros) == when, when


def test_only_this_loaders_stale_staging_tables_are_dropped() -> None:
    names = [
        "router_events__20261120__0123456789ab",  # a partition load's
        "heroku_apps__fedcba987654",  # an upsert's
        "router_events__my_app__20261120",  # an older naming: not this loader's now
        "customer_table",  # anything else the schema holds
        "unknown_table__20261120__0123456789ab",  # not a declared table
    ]
    drops = sql.stale_staging_drops("stg", names, list(ALL_TABLES.values()))
    assert [d.sql.splitlines()[-1] for d in drops] == [
        "DROP TABLE [stg].[router_events__20261120__0123456789ab]",
        "DROP TABLE [stg].[heroku_apps__fedcba987654]",
    ]
    query = sql.stale_staging_query("stg", hours=24).statement
    assert query.params == ("stg", -24)
    with pytest.raises(ValueError):
        sql.stale_staging_query("stg]; DROP")


# -- Fabric Warehouse ------------------------------------------------------------------------------------

# Types Fabric Warehouse does not allow in a table ("Data types in Microsoft Fabric").
_NOT_IN_FABRIC = {"NVARCHAR", "NCHAR", "NTEXT", "TEXT", "DATETIME", "SMALLDATETIME", "MONEY", "TINYINT"}


def test_every_fabric_statement_parses_in_sqlglots_fabric_dialect_and_needs_no_rewriting() -> None:
    """Parsed whole by sqlglot's fabric dialect (CREATE TABLE with no table options: nothing is cut off
    before parsing), with no type Fabric refuses, and every type written by sqlglot's fabric generator as
    the statement writes it: there is no type in it that sqlglot would translate for Fabric."""
    kinds = set()
    statements = _all_statements(sql.FABRIC)
    for statement in statements:
        assert "WITH (DISTRIBUTION" not in statement.sql and "nvarchar" not in statement.sql.lower()
        for tree in parse_statement(statement.sql, read="fabric"):
            kinds.add(type(tree).__name__)
            # sqlglot reads LEFT(x, n) as LEFT(CAST(x AS TEXT), n), a type the statement does not hold;
            # a mask's tree holds tsql.py's stand-in type.
            written = [
                d
                for d in tree.find_all(exp.DataType)
                if not isinstance(d.parent.parent, exp.Left) and "ADD MASKED" not in statement.sql
            ]
            assert not {d.this.name for d in written} & _NOT_IN_FABRIC, statement.sql
            # Each type as sqlglot's fabric generator writes it is the statement's own: nothing to map.
            for dtype in written:
                assert dtype.sql("fabric").lower() in statement.sql.lower(), (
                    dtype.sql("fabric"),
                    statement.sql,
                )
    assert {"Copy", "Select", "Delete", "Insert", "Transaction", "Commit", "Create", "Alter"} <= kinds
    assert not [s for s in statements if "STATISTICS" in s.sql or "is_read_committed_snapshot_on" in s.sql]


@pytest.mark.parametrize("table", list(ALL_TABLES.values()), ids=lambda t: t.name)
def test_fabric_tables_are_varchar_in_bytes_with_no_options(table: Table) -> None:
    for staging, create in (
        (False, sql.create_table(table, sql.TableName("dbo", table.name), sql.FABRIC)),
        (True, _load(table, dialect=sql.FABRIC).prepare[0]),
    ):
        assert create.sql.endswith("\n)")  # no WITH (...): Fabric has no distribution, index or heap
        tree = parse_one(create.sql.split("\n", 1)[1], read="fabric")
        for col in tree.this.expressions:
            width = table.column(col.name).string_width
            kind = col.args["kind"].sql("fabric").upper()
            if width is None:
                continue
            if staging:  # staged values are at most width + 1 characters of up to 4 bytes
                assert kind == ("VARCHAR(8000)" if 4 * (width + 1) <= 8000 else "VARCHAR(MAX)"), col.name
            else:
                assert kind == f"VARCHAR({min(4 * width, 8000)})", col.name


def test_fabric_fits_values_by_characters_then_bytes_and_counts_every_cut() -> None:
    load = _load(ALL_TABLES["router_events"], dialect=sql.FABRIC)
    insert = load.replace[2].sql
    assert (
        "CAST(LEFT([desc], 400) AS varchar(1600))" in insert
        and "CAST(LEFT([path], 4000) AS varchar(8000))" in insert
    )
    check = load.check.statement.sql
    assert "DATALENGTH([desc]) > DATALENGTH(CAST(LEFT([desc], 400) AS varchar(1600)))" in check
    assert "GROUP BY CAST(LEFT([app], 4000) AS varchar(8000)), [event_date]" in check


def test_fabric_copy_reads_with_the_workspace_identity_or_the_caller() -> None:
    table = ALL_TABLES["router_events"]
    for kind, clause in (
        ("managed_identity", "CREDENTIAL = (IDENTITY = 'Workspace Identity')"),
        ("sas", "CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = '<secret>')"),
        ("account_key", "CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = '<secret>')"),
        ("caller", None),
    ):
        copy = next(s for s in _load(table, CREDENTIALS[kind], sql.FABRIC).prepare if s.kind == "copy")
        assert (clause in copy.sql) if clause else "CREDENTIAL" not in copy.sql
        assert "Managed Identity" not in copy.sql and ".dfs." not in copy.sql  # no endpoint rewrite
        assert not sql.FABRIC.copy_needs_data_lake(CREDENTIALS[kind].kind)


def test_only_the_dialect_differs_between_synapse_and_fabric_plans() -> None:
    """The plans never branch on the target: the same steps, the same parameters, the same labels."""
    for table in (ALL_TABLES["router_events"], ALL_TABLES["heroku_apps"]):
        synapse, fabric = _load(table), _load(table, dialect=sql.FABRIC)
        assert [s.kind for s in synapse.statements()] == [s.kind for s in fabric.statements()]
        assert [s.params for s in synapse.statements()] == [s.params for s in fabric.statements()]
        assert [LABEL.search(s.sql) and LABEL.search(s.sql)[1] for s in synapse.statements()] == [
            LABEL.search(s.sql) and LABEL.search(s.sql)[1] for s in fabric.statements()
        ]
