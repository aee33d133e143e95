"""Ticks through ``heroku-assets run`` in real processes: a tick killed with SIGKILL in the middle of its
load and run again; a day that ticks filled, rebuilt (what a parser change asks for), then appended to
again. Every line exactly once each time, and every day's seal passing."""

from __future__ import annotations

import collections
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from heroku_assets.logs.seal import seal_problem
from heroku_assets.sample import drain_bodies, expected_rows, generate_day
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.warehouse.duckdb import DuckDBWarehouse
from heroku_assets_tests.ticks.segments import logplex, write_segment

TABLES = ("router_events", "app_events", "platform_events", "runtime_metrics", "spans", "rejected_lines")


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_ASSETS_", "AZURE_", "SYNAPSE_"))}
    env.update(HEROKU_ASSETS_DATA_DIR=str(root / "data"), DAGSTER_HOME=str(root / "dagster_home"))
    (root / "dagster_home").mkdir(parents=True, exist_ok=True)
    return env


def _heroku_assets(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "heroku_assets.cli", *args]


def _segments(root: Path, app: str, day: dt.date, lines: int, seed: int, parts: int) -> collections.Counter:
    """``lines`` sample lines of (app, day) as drain bodies received now, in ``parts`` segments."""
    raw = LocalObjectStore(root / "data" / "raw")
    sample = list(generate_day(app, day, lines, seed=seed))
    now = dt.datetime.now(dt.UTC)
    records = [
        logplex(app, body, now, h.get("Logplex-Frame-Id")) for h, body in drain_bodies(sample, seed=seed)
    ]
    size = -(-len(records) // parts)
    for i in range(0, len(records), size):
        write_segment(raw, root, records[i : i + size], f"r{seed}")
    return expected_rows(sample)


def _counts(root: Path) -> collections.Counter:
    with duckdb.connect(str(root / "data" / "warehouse.duckdb"), read_only=True) as conn:
        return collections.Counter(
            {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
        )


def _seal(root: Path, app: str, day: dt.date) -> str | None:
    with duckdb.connect(str(root / "data" / "warehouse.duckdb")) as conn:
        return seal_problem(DuckDBWarehouse(conn).seal_figures(app, day))


def test_a_tick_killed_in_its_load_loads_nothing_and_the_next_run_loads_every_line_once(
    tmp_path: Path,
) -> None:
    day = dt.datetime.now(dt.UTC).date()
    expected = _segments(tmp_path, "killed-app", day, 20_000, seed=3, parts=4)
    env = _env(tmp_path)
    ticks = tmp_path / "data" / "staging" / "ticks"
    process = subprocess.Popen(
        _heroku_assets(tmp_path, "run", "--no-summary"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # the tick's files are staged just before its load starts: kill it then, as a node failure would
    deadline = time.monotonic() + 240
    while process.poll() is None and time.monotonic() < deadline:
        if ticks.exists() and any(ticks.rglob("loaded_copies/*.parquet")):
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    process.wait(timeout=60)
    run = subprocess.run(
        _heroku_assets(tmp_path, "run", "--no-summary"), env=env, capture_output=True, text=True, timeout=240
    )
    assert run.returncode == 0, run.stderr
    if process.returncode == -signal.SIGKILL:  # the killed run held the warehouse pool's slot: released
        assert "left unfinished by a process" in run.stderr
    assert _counts(tmp_path) == expected
    assert _seal(tmp_path, "killed-app", day) is None


def test_a_day_ticks_filled_is_rebuilt_whole_and_later_ticks_append_after_it(tmp_path: Path) -> None:
    day = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    env = _env(tmp_path)
    expected = _segments(tmp_path, "rebuilt-app", day, 3000, seed=4, parts=2)

    def run(*args: str) -> None:
        done = subprocess.run(
            _heroku_assets(tmp_path, "run", "--no-summary", *args), env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr

    run()
    assert _counts(tmp_path) == expected
    run("--app", "rebuilt-app", "--date", day.isoformat())  # the rebuild path: the day replaced whole
    assert _counts(tmp_path) == expected
    assert _seal(tmp_path, "rebuilt-app", day) is None
    expected += _segments(tmp_path, "rebuilt-app", day, 500, seed=5, parts=1)  # late lines after it
    run()
    assert _counts(tmp_path) == expected
    assert _seal(tmp_path, "rebuilt-app", day) is None
    with duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True) as conn:
        kinds = conn.execute("SELECT kind, count(*) FROM log_ledger GROUP BY kind ORDER BY kind").fetchall()
    assert [k for k, _ in kinds] == ["rebuild", "tick"]
