"""A real PostgreSQL server for the tests: initdb into a temporary folder, started on a free loopback port.

PostgreSQL refuses to run as root, and CI runs as root: then the cluster is created and started as the
``postgres`` system user (which Debian's package creates), through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from heroku_assets_tests.ports import free_port

USER = "dagster"


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<major>/bin."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(os.path.realpath(on_path)).parent
    for bindir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2])):
        if Path(bindir, "pg_ctl").exists() and Path(bindir, "initdb").exists():
            return Path(bindir)
    return None


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str

    def create_database(self, name: str) -> None:
        import psycopg2

        conn = psycopg2.connect(host=self.host, port=self.port, user=self.user, dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f'CREATE DATABASE "{name}"')  # name made by the tests: [a-z0-9_]
        finally:
            conn.close()


@contextmanager
def running_postgres(bindir: Path) -> Iterator[PostgresServer]:
    """Start a throwaway cluster (trust auth on loopback only) and stop it, fast, on exit."""
    as_user: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            raise RuntimeError("running as root needs runuser to start PostgreSQL as the postgres user")
        as_user = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="heroku-assets-pg-"))
    try:
        if as_user:
            shutil.chown(root, user="postgres")
        data, log = root / "data", root / "server.log"
        subprocess.run(
            [*as_user, str(bindir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
        )
        port = free_port()
        options = f"-p {port} -h 127.0.0.1 -k {root} -F -c max_connections=200"
        start = [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w"]
        started = subprocess.run([*start, "start"], capture_output=True, text=True)
        if started.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {started.stdout}{started.stderr}{log.read_text()}")
        try:
            yield PostgresServer("127.0.0.1", port, USER)
        finally:
            subprocess.run(
                [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)
