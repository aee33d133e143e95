"""A real PostgreSQL server for the session, a fresh database and Dagster instance per test, and the
Dagster daemon as a real process."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest
import yaml

from heroku_assets_tests.instance.postgres_server import PostgresServer, find_bindir, running_postgres

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_CONFIG = ROOT / "config" / "dagster-postgres.yaml"
BIN = Path(sys.executable).parent
WAREHOUSE_POOL = "warehouse"
_databases = itertools.count()

# Only the timings change for the tests, so that a lost slot or a queued run does not take a minute.
FAST = {
    "run_coordinator": {"config": {"dequeue_interval_seconds": 1}},
    "run_monitoring": {"poll_interval_seconds": 2, "free_slots_after_run_end_seconds": 2},
}


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) else value
    return merged


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL server (initdb, pg_ctl) installed: apt-get install postgresql")
    with running_postgres(bindir) as server:
        yield server


@dataclass
class Deployment:
    """One Dagster deployment on its own PostgreSQL database: the environment every process gets."""

    env: dict[str, str]
    home: Path
    data_dir: Path
    logs: Path

    def instance(self) -> dg.DagsterInstance:
        return dg.DagsterInstance.from_config(str(self.home))

    def cli(self, *args: str, workspace: bool = True) -> str:
        done = subprocess.run(
            [str(BIN / "dagster"), *args, *(["-w", str(ROOT / "workspace.yaml")] if workspace else [])],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, f"dagster {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    @contextmanager
    def daemon(self) -> Iterator[subprocess.Popen]:
        """`dagster-daemon run`: sensors, schedules, the run queue, run monitoring and run retries. Its
        code server and run workers are its children, in its own process group."""
        log = open(self.logs / "daemon.log", "ab")  # noqa: SIM115 - closed below
        proc = subprocess.Popen(
            [str(BIN / "dagster-daemon"), "run", "-w", str(ROOT / "workspace.yaml")],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield proc
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            with contextlib.suppress(ProcessLookupError):  # what the daemon left goes with its group
                os.killpg(proc.pid, signal.SIGKILL)
            log.close()

    def daemon_log(self) -> str:
        path = self.logs / "daemon.log"
        return path.read_text(errors="replace")[-6000:] if path.exists() else ""

    def wait_for(
        self, what: str, condition: Callable[[], object], timeout: float = 240, poll: float = 0.2
    ) -> object:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            time.sleep(poll)
        raise AssertionError(f"timed out waiting for {what}; the daemon's log ends:\n{self.daemon_log()}")


@pytest.fixture
def deployment(postgres_server, tmp_path, monkeypatch) -> Deployment:
    """config/dagster-postgres.yaml in a fresh DAGSTER_HOME, on a fresh database, with the embedded
    default stores and DuckDB under a temporary data directory."""
    database = f"dagster_test_{os.getpid()}_{next(_databases)}"
    postgres_server.create_database(database)
    home, data_dir, logs = tmp_path / "dagster_home", tmp_path / "data", tmp_path / "logs"
    for folder in (home, data_dir, logs):
        folder.mkdir()
    config = _merge(yaml.safe_load(POSTGRES_CONFIG.read_text()), FAST)
    (home / "dagster.yaml").write_text(yaml.safe_dump(config))
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("HEROKU_", "AZURE_", "SYNAPSE_", "DAGSTER_"))
    }
    env.update(
        DAGSTER_HOME=str(home),
        DAGSTER_PG_HOST=postgres_server.host,
        DAGSTER_PG_PORT=str(postgres_server.port),
        DAGSTER_PG_DB=database,
        DAGSTER_PG_USERNAME=postgres_server.user,
        DAGSTER_PG_PASSWORD="unused-with-trust-auth",
        HEROKU_ASSETS_DATA_DIR=str(data_dir),
        HEROKU_ASSETS_SENSOR_INTERVAL="30",
    )
    for key in list(os.environ):
        if key.startswith(("HEROKU_", "AZURE_", "SYNAPSE_", "DAGSTER_")):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    deployment = Deployment(env=env, home=home, data_dir=data_dir, logs=logs)
    # As after installing (docs/deployment.md): the warehouse pool's limit set explicitly, so that no
    # run has to create it (on PostgreSQL two runs doing so at once can fail one; see test_postgres_instance)
    deployment.cli("instance", "concurrency", "set", WAREHOUSE_POOL, "1", workspace=False)
    return deployment
