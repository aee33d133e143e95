"""`heroku-assets warehouse check`: its steps run for real on DuckDB (the T-SQL-only ones marked not
applicable), its report fails when a blocking step fails, the command fails fast on a closed port for
both targets, and its T-SQL is kept as golden files parsed by sqlglot (see test_synapse_sql.py). Only a
live pool or warehouse runs the T-SQL itself."""

from __future__ import annotations

import datetime as dt
import socket
import time
from pathlib import Path

import duckdb
import pytest

from heroku_assets import cli
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import ALL_TABLES
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.check_engines import duckdb_engine
from heroku_assets.warehouse.check_probe import PROBE, CheckNames, expected_rows, extreme_rows, probe_rows
from heroku_assets.warehouse.check_statements import permissions_query
from heroku_assets.warehouse.synapse_check import CheckReport, run_check


@pytest.fixture
def duck(tmp_path: Path):
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    conn.execute("SET TimeZone = 'Asia/Kolkata'")  # the round trip must not depend on it
    yield conn
    conn.close()


def _schemas(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT schema_name FROM duckdb_schemas()").fetchall()}


def test_every_step_passes_on_duckdb_and_leaves_nothing_behind(duck, tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path / "staging")
    before = _schemas(duck)
    report = run_check(duckdb_engine(duck, store.root), store, run_id="0123456789ab")
    results = {r.name: r for r in report.results}
    assert report.ok, report.table()
    ran = [r.name for r in report.results if r.passed]
    assert ran == [
        "scratch schema and probe table",
        "stage the probe Parquet",
        "COPY INTO and partition replace (read_parquet)",
        "round trip of every staged type",
        "replace again (idempotent)",
        "rollback of a failed replace",
        "view: create if missing, then ALTER VIEW",
        "every real table, with its options",
        "day load of router_events: two folders, one COPY, one replace",
        "entity upsert of heroku_error_codes, twice",
        "the real analytics views",
        "extreme dates 0001-01-01 and 9999-12-31 (real data never holds them)",
        "scratch schema and probe removed",
    ]
    assert results["every real table, with its options"].detail == f"{len(ALL_TABLES)} tables"
    day = results["day load of router_events: two folders, one COPY, one replace"].detail
    assert day.startswith("{'synapse-check-a': 2, 'synapse-check-b': 2} from 2 folders")
    assert results["the real analytics views"].detail == (
        "2 app-days in daily_request_stats, 2 H12 rows explained in errors_by_code"
    )
    assert results["round trip of every staged type"].detail == f"5 rows x {len(PROBE.columns)} columns equal"
    load = results["COPY INTO and partition replace (read_parquet)"].detail
    assert "3 truncated ({'word': 1, 'long': 2})" in load  # the near-1 MB value loads, cut and counted
    assert "{'long': 2}" in results["stage the probe Parquet"].detail  # cut to width + 1 when staged
    assert results["isolation (READ_COMMITTED_SNAPSHOT)"].passed is None  # Synapse only
    assert results["dynamic data masking, applied twice"].passed is None
    assert _schemas(duck) == before and list(store.list()) == []
    table = report.table()
    assert table.splitlines()[0].startswith("check") and "FAIL" not in table


def test_a_value_that_does_not_survive_fails_the_check(duck, tmp_path: Path, monkeypatch) -> None:
    """A pool that lost the microseconds (as TIMESTAMP(MILLIS) would) must fail the round trip."""
    import heroku_assets.warehouse.check_steps as check

    def millis() -> list[dict]:
        rows = expected_rows()
        rows[0]["event_ts"] = rows[0]["event_ts"].replace(microsecond=678000)
        return rows

    monkeypatch.setattr(check, "expected_rows", millis)
    store = LocalObjectStore(tmp_path / "staging")
    report = run_check(duckdb_engine(duck, store.root), store)
    failed = [r for r in report.results if r.passed is False]
    assert [r.name for r in failed] == ["round trip of every staged type"]
    assert "row 1 event_ts" in failed[0].detail and not report.ok
    assert list(store.list()) == []  # cleaned up all the same


def test_a_failing_load_still_cleans_up(duck, tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path / "staging")
    engine = duckdb_engine(duck, store.root)
    engine.plan = lambda names, store, key, app="synapse-check": sql.duckdb_partition_load(  # not there
        PROBE, dt.date(2026, 1, 2), ["synapse-check"], [str(tmp_path / "missing.parquet")],
        schema=names.schema, staging_schema=names.schema, run_id=names.run_id,
    )  # fmt: skip
    before = _schemas(duck)
    report = run_check(engine, store)
    assert not report.ok
    assert report.results[-1].name == "scratch schema and probe removed" and report.results[-1].passed
    assert _schemas(duck) == before


def test_the_extreme_dates_are_a_warning_not_a_failure(duck, tmp_path: Path, monkeypatch) -> None:
    """A pool whose Parquet reader shifted year-1 dates: the step warns, every other step still runs and
    the check passes."""
    import heroku_assets.warehouse.check_steps as check

    def shifted() -> list[dict]:
        rows = extreme_rows()
        rows[0]["day"] = dt.date(1, 1, 3)  # what a Julian/Gregorian shift would show
        return rows

    real = check.fitted
    monkeypatch.setattr(
        check, "fitted", lambda rows: real(shifted() if rows[0]["app"] != "synapse-check" else rows)
    )
    store = LocalObjectStore(tmp_path / "staging")
    report = run_check(duckdb_engine(duck, store.root), store)
    (warned,) = [r for r in report.results if r.passed is False]
    assert warned.name.startswith("extreme dates") and warned.mark == "warn" and "row 1 day" in warned.detail
    assert report.ok and "warn" in report.table() and "FAIL" not in report.table()
    assert report.results[-1].passed and list(store.list()) == []


def test_the_probe_holds_every_staged_type_at_its_limits() -> None:
    types = {c.type for c in PROBE.columns}
    assert types == {"string", "json", "int32", "int64", "float64", "bool", "timestamp", "date"}
    rows = probe_rows()
    assert any(r.get("word") == "" for r in rows) and any(r.get("word") is None for r in rows)
    assert any(4000 < len(r.get("long") or "") < 10_000 for r in rows)  # over nvarchar's 4000
    assert any(len((r.get("long") or "").encode()) > 1_000_000 for r in rows)  # over COPY's 1 MB row
    extremes = extreme_rows()
    assert {r["day"] for r in extremes} == {dt.date(1, 1, 1), dt.date(9999, 12, 31)}
    assert not any(r.get("day") in (dt.date(1, 1, 1), dt.date(9999, 12, 31)) for r in rows)
    assert any(r.get("event_ts") and r["event_ts"].year < 1970 for r in rows)
    assert any(r.get("event_ts") and r["event_ts"].microsecond % 1000 for r in rows)
    assert any(r.get("astral") and len(r["astral"].encode("utf-16-le")) == 16 for r in rows)  # at width 8
    assert {r.get("big") for r in rows} >= {2**63 - 1, -(2**63)}
    assert any(len(r.get("word") or "") > 16 for r in rows)  # one value wider than its column
    assert any(c.masking for c in PROBE.columns)


def test_permissions_are_bound_not_written() -> None:
    query = permissions_query(["dbo", "stg"], masked=True)
    assert query.statement.sql.count("?") == len(query.statement.params)
    assert "alter_any_mask" in query.columns and "insert_on_stg" in query.columns
    assert query.statement.params[-3:] == ("stg", "SCHEMA", "DELETE")
    with pytest.raises(ValueError):
        permissions_query(["dbo]; DROP TABLE x; --"], masked=False)


def test_names_come_from_a_validated_run_id() -> None:
    assert CheckNames("0123456789ab").schema == "heroku_assets_check_0123456789ab"
    with pytest.raises(ValueError):
        CheckNames("x]; DROP").target  # noqa: B018


def test_the_report_fails_on_any_failure() -> None:
    report = CheckReport()
    report.add("a", True)
    report.add("b", None, "n/a")
    assert report.ok
    report.add("c", False, "broken")
    assert not report.ok and "FAIL" in report.table()


def test_the_command_needs_the_azure_settings(monkeypatch, capsys) -> None:
    monkeypatch.setenv("HEROKU_ASSETS_ENV", "local")
    assert cli.main(["synapse", "check"]) == 2
    assert "HEROKU_ASSETS_ENV=azure" in capsys.readouterr().err


def test_the_command_refuses_a_credential_the_pool_would_refuse(monkeypatch, capsys) -> None:
    monkeypatch.setenv("HEROKU_ASSETS_ENV", "azure")
    monkeypatch.setenv("AZURE_STORAGE_ACCOUNT_URL", "https://example.blob.core.windows.net")
    monkeypatch.setenv("SYNAPSE_SERVER", "127.0.0.1,1")
    monkeypatch.setenv("SYNAPSE_DATABASE", "pool")
    monkeypatch.setenv("SYNAPSE_USER", "loader")
    monkeypatch.setenv("SYNAPSE_COPY_CREDENTIAL", "caller")
    assert cli.main(["synapse", "check"]) == 2  # caller with a SQL login is refused before connecting
    assert "SYNAPSE_AUTH=service_principal or token" in capsys.readouterr().err


def test_fabric_refuses_a_sql_login(monkeypatch, capsys) -> None:
    _azure(monkeypatch, 1, "fabric")
    monkeypatch.setenv("SYNAPSE_AUTH", "sql")
    assert cli.main(["warehouse", "check"]) == 2
    assert "accepts only Microsoft Entra ID" in capsys.readouterr().err


def _azure(monkeypatch, port: int, target: str) -> None:
    monkeypatch.setenv("HEROKU_ASSETS_ENV", "azure")
    monkeypatch.setenv("HEROKU_ASSETS_WAREHOUSE", target)
    monkeypatch.setenv("AZURE_STORAGE_ACCOUNT_URL", "https://example.blob.core.windows.net")
    monkeypatch.setenv("AZURE_STORAGE_SAS_TOKEN", "sv=2024-11-04&sp=rl&sig=c2lnbmF0dXJl%3D")
    monkeypatch.setenv("SYNAPSE_SERVER", f"127.0.0.1,{port}")
    monkeypatch.setenv("SYNAPSE_DATABASE", "pool")
    monkeypatch.setenv("SYNAPSE_AUTH", "service_principal")
    monkeypatch.setenv("SYNAPSE_USER", "00000000-0000-0000-0000-000000000000")
    monkeypatch.setenv("SYNAPSE_PASSWORD", "not-a-real-secret")


@pytest.mark.parametrize("target", ["synapse", "fabric"])
def test_the_command_fails_fast_and_clearly_on_a_closed_port(monkeypatch, capsys, target: str) -> None:
    """With the default 30 s login timeout: nothing listens, so the check says so at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _azure(monkeypatch, port, target)
    started = time.monotonic()
    assert cli.main(["warehouse", "check"]) == 1
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert f"checking {target} at 127.0.0.1,{port}/pool as service principal" in err
    assert f"nothing accepts connections at 127.0.0.1:{port} (connection refused)" in err
    assert "not-a-real-secret" not in err and "sig=" not in err
    assert elapsed < 5, f"the check took {elapsed:.1f}s to report a closed port"


class _Answer:
    """A cursor that answers the permissions query with one fixed row (what HAS_PERMS_BY_NAME returned)."""

    def __init__(self, row: dict) -> None:
        self.row = row

    def execute(self, text: str, params=None) -> None:
        assert text.startswith("SELECT\n    HAS_PERMS_BY_NAME")

    def fetchall(self) -> list[tuple]:
        return [tuple(self.row.values())]


@pytest.mark.parametrize(
    ("database_level", "schema_level", "passed", "says"),
    [
        (1, 1, True, "all held"),
        (0, 1, False, "missing: create_table"),
        (None, 1, None, "unknown (HAS_PERMS_BY_NAME returned NULL): create_table"),
        (1, None, True, "schema not created yet (ensure_tables creates it): alter_on_stg"),
    ],
)
def test_permission_results_are_read_strictly(database_level, schema_level, passed, says) -> None:
    from heroku_assets.warehouse.check_engines import CheckEngine
    from heroku_assets.warehouse.check_steps import permissions

    columns = permissions_query(["dbo", "stg"], masked=False).columns
    row = {c: 1 for c in columns} | {"create_table": database_level, "alter_on_stg": schema_level}
    engine = CheckEngine(sql.SYNAPSE, None, None, "sas", loader_schemas=("dbo", "stg"))
    got, detail = permissions(_Answer(row), engine)
    assert got is passed and says in detail
