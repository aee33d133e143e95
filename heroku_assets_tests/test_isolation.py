"""The tests leave the user's data folder and Dagster instance alone (heroku_assets_tests/isolation.py):
a pytest session run as `make test` runs it, on a tiny test file, with both pointing at a sentinel folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from heroku_assets_tests.isolation import ROOT

TESTS = """
import os
from pathlib import Path

from heroku_assets import cli


def test_a_command_that_writes_to_the_data_folder(tmp_path):
    dump = tmp_path / "dump.log"
    dump.write_text("2026-11-20T10:00:00+00:00 app[web.1]: one\\n")
    assert cli.main(["import", str(dump), "--app", "shop"]) == 0
    assert Path(os.environ["HEROKU_ASSETS_DATA_DIR"], "raw").is_dir()


def test_the_dagster_instance(tmp_path):
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        instance.add_dynamic_partitions("heroku_apps", ["my-app"])
"""


def _pytest(tmp_path: Path, tests: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    sentinel = tmp_path / "user"
    (sentinel / "data" / "dagster_home").mkdir(parents=True)
    (sentinel / "data" / "warehouse.duckdb").write_text("the user's warehouse")
    run = tmp_path / "run"
    run.mkdir()
    (run / "pytest.ini").write_text("[pytest]\n")
    (run / "test_inner.py").write_text(tests)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_", "DAGSTER_", "PYTEST_"))}
    env.update(
        HEROKU_ASSETS_DATA_DIR=str(sentinel / "data"),
        DAGSTER_HOME=str(sentinel / "data" / "dagster_home"),
        HEROKU_ASSETS_START_DATE="2026-01-01",
        SENTINEL=str(sentinel / "data"),
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "heroku_assets_tests.isolation"],
        cwd=run,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    return done, sentinel


def test_tests_that_write_data_and_runs_leave_the_users_folders_as_they_were(tmp_path: Path) -> None:
    done, sentinel = _pytest(tmp_path, TESTS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout
    assert sorted(p.name for p in sentinel.rglob("*")) == ["dagster_home", "data", "warehouse.duckdb"]


def test_a_test_that_writes_into_the_users_data_folder_fails_the_session(tmp_path: Path) -> None:
    writes = TESTS + (
        "\n\ndef test_a_careless_one():\n"
        "    Path(os.environ['SENTINEL'], 'warehouse.duckdb').write_text('overwritten')\n"
        "    Path(os.environ['SENTINEL'], 'dagster_home', 'runs.db').write_text('a run')\n"
    )
    done, sentinel = _pytest(tmp_path, writes)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "3 passed" in done.stdout
    assert "the tests changed the user's data folder or Dagster instance" in done.stdout
    assert f"{sentinel / 'data' / 'warehouse.duckdb'}: changed" in done.stdout
    assert f"{sentinel / 'data' / 'dagster_home' / 'runs.db'}: added" in done.stdout
