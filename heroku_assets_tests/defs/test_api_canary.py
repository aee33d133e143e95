"""No secret reaches a table, a metadata entry or a log line: the fake Platform API serves a canary secret
in every URL (password, path, query), every secret-named property (nested objects and array items
included) and unknown fields of every captured resource; ``platform_api_job`` syncs it all into DuckDB,
and the canary is found nowhere."""

import logging
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from dagster._serdes import serialize_value

from heroku_assets.platform_api.endpoints import ENDPOINTS
from heroku_assets.resources import HerokuApiResource

CANARY = "cnry7Q2xV9kLp4Zt8Wm3"


def _warehouse_hits(data_dir: Path) -> list[str]:
    hits = []
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as conn:
        for (table,) in conn.execute("SELECT table_name FROM information_schema.tables").fetchall():
            columns = [r[0] for r in conn.execute(f'DESCRIBE "{table}"').fetchall()]
            text = " || '|' || ".join(f"coalesce(CAST(\"{c}\" AS VARCHAR), '')" for c in columns)
            found = conn.execute(f'SELECT count(*) FROM "{table}" WHERE ({text}) LIKE ?', [f"%{CANARY}%"])
            if found.fetchone()[0]:
                hits.append(table)
    return hits


def test_a_canary_secret_served_everywhere_is_stored_nowhere(
    definitions, instance, resources, project_env, fake_heroku, caplog
) -> None:
    fake_heroku.add_one_of_each(ENDPOINTS)
    fake_heroku.plant_secret(CANARY)
    items = [item for items in fake_heroku.items.values() for item in items]
    assert all(CANARY in repr(item) for item in items)  # every item carries it
    served = {resource for resource, _ in fake_heroku.items}
    assert served >= {r.schema_name for r in ENDPOINTS}

    caplog.set_level(logging.DEBUG)
    job = definitions.resolve_job_def("platform_api_job")
    api = HerokuApiResource(token=fake_heroku.token, base_url=fake_heroku.url)
    result = job.execute_in_process(instance=instance, resources={**resources, "heroku_api": api})
    assert result.success

    # Every captured resource was served the canary and wrote rows.
    listed = {r.path.split("?")[0] for r in fake_heroku.requests if r.status in (200, 206)}
    assert len(listed) >= len(served)
    with duckdb.connect(str(project_env / "warehouse.duckdb"), read_only=True) as conn:
        for resource in ENDPOINTS:
            assert conn.execute(f"SELECT count(*) FROM {resource.table}").fetchone()[0] >= 1, resource.name
        # the redaction left something useful: the drain's host
        (url,) = conn.execute("SELECT url FROM heroku_log_drains").fetchone()
        assert url.startswith("https://[redacted]@") and url.endswith("/[redacted]?[redacted]")

    assert _warehouse_hits(project_env) == []
    for parquet in project_env.rglob("*.parquet"):  # staged loads and the kept listings
        assert CANARY not in str(pq.read_table(parquet).to_pylist()), parquet
    events = [serialize_value(e) for e in result.all_events]
    assert events and not [e for e in events if CANARY in e]
    # the run's whole event log: materializations, check results and every context.log line
    entries = [serialize_value(e) for e in instance.all_logs(result.run_id)]
    assert len(entries) > len(ENDPOINTS) and not [e for e in entries if CANARY in e]
    assert caplog.records and not [r for r in caplog.records if CANARY in r.getMessage()]
    assert CANARY not in caplog.text
