"""The `heroku-assets` command as a new user meets it: help, version, errors, --data-dir, `run`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from heroku_assets.cli import build_parser

EXE = Path(sys.executable).with_name("heroku-assets")
DUMP = (
    "2026-11-20T10:00:00.000001+00:00 app[web.1]: one\n"
    "2026-11-20T10:00:01+00:00 heroku[router]: at=info method=GET path=/ status=200 service=12ms\n"
    "2026-11-21T09:00:00+00:00 heroku[web.1]: State changed from starting to up\n"
)
ERROR_LINE = re.compile(r"^heroku-assets [a-z ]+: (error|warning): \S")


def _commands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.append(sub)
                found.extend(_commands(sub))
    return found


def test_every_command_has_a_description_and_every_option_help() -> None:
    commands = _commands(build_parser())
    assert {c.prog for c in commands} >= {
        f"heroku-assets {n}" for n in ("parse", "sample", "import", "run", "summary", "drain serve", "pull")
    }
    for command in commands:
        assert command.description, command.prog
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            assert action.help, f"{command.prog} {action.option_strings or action.dest}: no help"


@pytest.mark.parametrize("name", ["import", "run", "summary", "drain serve", "pull"])
def test_every_command_that_touches_the_stores_takes_data_dir(name: str) -> None:
    command = next(c for c in _commands(build_parser()) if c.prog == f"heroku-assets {name}")
    assert any("--data-dir" in a.option_strings for a in command._actions)


def test_version() -> None:
    result = subprocess.run([str(EXE), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert re.fullmatch(r"heroku-assets \d+\.\d+\.\d+\S*\n", result.stdout)


# the dump's days are in November 2026: partitions start before them
START = "2026-11-01"


def _env(tmp_path: Path, start: str | None = START, home: bool = True) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_", "AZURE_", "DAGSTER_"))}
    start_date = {"HEROKU_ASSETS_START_DATE": start} if start is not None else {}
    dagster_home = {"DAGSTER_HOME": str(tmp_path / "dagster_home")} if home else {}
    return {**keep, **dagster_home, **start_date}


def _cli(
    tmp_path: Path, *argv: str, start: str | None = START, home: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXE), *argv],
        env=_env(tmp_path, start, home),
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    dump = tmp_path / "dump.log"
    dump.write_text(DUMP)
    data = tmp_path / "data"
    result = _cli(tmp_path, "import", str(dump), "--app", "shop", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    return data


def test_run_says_what_the_raw_store_holds_when_nothing_matches(tmp_path: Path, data_dir: Path) -> None:
    unknown = _cli(tmp_path, "run", "--app", "nope", "--data-dir", str(data_dir))
    assert unknown.returncode == 1
    assert unknown.stderr == (
        "heroku-assets run: error: nothing to run: no lines of nope in the raw store (it holds shop)\n"
    )
    no_day = _cli(tmp_path, "run", "--date", "2026-11-01", "--data-dir", str(data_dir))
    assert no_day.returncode == 1
    assert no_day.stderr == (
        "heroku-assets run: error: nothing to run: no lines on 2026-11-01 in the raw store "
        "(it holds 2026-11-20 to 2026-11-21)\n"
    )
    empty = _cli(tmp_path, "run", "--data-dir", str(tmp_path / "empty"))
    assert empty.returncode == 1
    assert "the raw store holds no lines" in empty.stderr


def test_run_leaves_out_days_before_the_first_partition_and_names_the_setting(
    tmp_path: Path, data_dir: Path
) -> None:
    # unset, the partitions start a few days before today: the November dump is older
    result = _cli(tmp_path, "run", "--data-dir", str(data_dir), start=None)
    assert result.returncode == 1
    first = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=3)
    assert f"skipped shop 2026-11-20: outside the partitions ({first} to " in result.stderr
    assert "HEROKU_ASSETS_START_DATE sets the first day" in result.stderr
    later = _cli(tmp_path, "run", "--data-dir", str(data_dir), "--no-summary", start="2026-11-21")
    assert later.returncode == 0, later.stderr
    assert "skipped shop 2026-11-20: outside the partitions (2026-11-21 to " in later.stderr
    assert "shop 2026-11-21: ok" in later.stderr


@pytest.mark.parametrize("bad", ["20261101", "2026-11-31", "next monday", "2999-01-01"])
def test_a_bad_start_date_is_one_line_naming_the_variable(tmp_path: Path, data_dir: Path, bad: str) -> None:
    result = _cli(tmp_path, "run", "--data-dir", str(data_dir), start=bad)
    assert result.returncode == 2
    assert re.fullmatch(r"heroku-assets run: error: HEROKU_ASSETS_START_DATE: [^\n]+\n", result.stderr)
    assert bad not in result.stderr


def test_run_reports_progress_and_summary_reads_the_same_data_dir(tmp_path: Path, data_dir: Path) -> None:
    before = _cli(tmp_path, "summary", "--data-dir", str(data_dir))
    assert before.returncode == 1 and ERROR_LINE.match(before.stderr), before.stderr
    run = ["run", "--date", "2026-11-20", "--data-dir", str(data_dir), "--no-summary"]
    result = _cli(tmp_path, *run, home=False)
    assert result.returncode == 0, result.stderr
    # without DAGSTER_HOME, the runs are kept in the data folder's instance, the one `make dev` opens
    import dagster as dg

    from heroku_assets.defs.partitions import log_partition_key

    home = data_dir / "dagster_home"
    with dg.DagsterInstance.from_config(str(home)) as instance:
        partitions = {r.tags.get("dagster/partition") for r in instance.get_runs()}
    assert str(log_partition_key("shop", dt.date(2026, 11, 20))) in partitions
    make_dev_home = subprocess.run(
        ["make", "-s", "--eval=home: ; @echo $(DAGSTER_HOME)", "home", f"HEROKU_ASSETS_DATA_DIR={data_dir}"],
        cwd=Path(__file__).resolve().parents[2],
        env=_env(tmp_path, home=False),
        capture_output=True,
        text=True,
        check=True,
    )
    assert make_dev_home.stdout.strip() == str(home)
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert re.fullmatch(r"\[1/2\] shop 2026-11-20: ok \(run [0-9a-f]{8}, \d+\.\d s\)", progress[0]), progress
    assert progress[1].startswith("[2/2] reference table and views: ok")
    assert (data_dir / "warehouse.duckdb").exists()
    summary = _cli(tmp_path, "summary", "--data-dir", str(data_dir))
    assert summary.returncode == 0, summary.stderr
    assert "shop" in summary.stdout


def test_every_line_run_prints_has_the_commands_shape(tmp_path: Path) -> None:
    """The runs' warnings (a loss marker, a value wider than its column) come as the command's own
    lines, never as Dagster's log format or a bare log message."""
    dump = tmp_path / "odd.log"
    wide = "/export?" + "x" * 4100
    dump.write_text(
        "2026-11-20T10:00:00+00:00 heroku[logplex]: Error L10 (output buffer overflow): 3 messages dropped "
        "since 2026-11-20T09:59:00+00:00\n"
        f"2026-11-20T10:00:01+00:00 heroku[router]: at=info method=GET path={wide} status=200 service=1ms\n"
    )
    data = tmp_path / "data"
    assert _cli(tmp_path, "import", str(dump), "--app", "shop", "--data-dir", str(data)).returncode == 0
    result = _cli(tmp_path, "run", "--data-dir", str(data), "--no-summary")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert all(re.match(r"\[\d+/\d+\] |heroku-assets run: (warning|error|info): \S", x) for x in lines), lines
    assert "heroku-assets run: warning: shop 2026-11-20: Heroku reported lost lines (L10 x1)" in lines
    assert any("1 rows had values wider than their column" in x and "'path': 1" in x for x in lines), lines


def test_errors_and_warnings_of_every_command_share_one_prefix(tmp_path: Path) -> None:
    env_free = tmp_path / "nothing"
    (tmp_path / "DUMP").write_text("a file where a folder should be")
    results = [
        _cli(tmp_path, "parse", str(tmp_path / "missing.log")),
        _cli(tmp_path, "import", str(tmp_path / "missing.log"), "--app", "shop", "--data-dir", str(env_free)),
        _cli(tmp_path, "summary", "--data-dir", str(env_free)),
        _cli(tmp_path, "pull", "--app", "shop", "--once", "--data-dir", str(env_free)),
        _cli(tmp_path, "drain", "serve", "--port", "1", "--data-dir", str(env_free)),
        _cli(tmp_path, "sample", "--out", str(tmp_path / "DUMP" / "x"), "--lines-per-day", "5"),
    ]
    for result in results:
        assert result.returncode != 0, result.args
        lines = result.stderr.splitlines()
        assert lines and all(ERROR_LINE.match(line) for line in lines), (result.args, result.stderr)
        assert "Traceback" not in result.stderr


def test_azure_with_only_the_account_url_fails_in_one_line(tmp_path: Path) -> None:
    """The documented DefaultAzureCredential path, with no credential to find: one line, no traceback."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **_env(tmp_path),
        "PATH": "/nonexistent",  # no az, azd or pwsh to ask
        "HEROKU_ASSETS_ENV": "azure",
        "AZURE_STORAGE_ACCOUNT_URL": f"https://127.0.0.1:{port}/account",
        "IDENTITY_ENDPOINT": f"http://127.0.0.1:{port}/token",  # no managed identity here
        "IMDS_ENDPOINT": f"http://127.0.0.1:{port}",
    }
    result = subprocess.run(
        [str(EXE), "run", "--no-summary"], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2
    assert result.stderr.startswith("heroku-assets run: error: could not authenticate to blob container")
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_make_install_says_what_it_does() -> None:
    """`make install` takes a while the first time: each step is announced (dry run of the recipe)."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        ["make", "-n", "-B", "install"], cwd=root, capture_output=True, text=True, timeout=60, check=True
    )
    said = [line for line in result.stdout.splitlines() if line.startswith("echo ")]
    assert len(said) >= 3 and all("make install:" in line for line in said), result.stdout


def test_run_shows_a_progress_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from heroku_assets import runner

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with runner._Progress(2) as progress:
        progress.done("shop 2026-11-20", True, "0123456789abcdef", 1.25)
        progress.done("reference table and views", False, "fedcba9876543210", 0.5)
    text = screen.getvalue()
    assert "[1/2] shop 2026-11-20: ok (run 01234567, 1.2 s)" in text
    assert "[2/2] reference table and views: FAILED (run fedcba98, 0.5 s)" in text
    assert "2/2" in text.rsplit("\r", 1)[-1] and "100%" in text  # the bar, redrawn in place


def test_a_long_run_is_not_silent_in_a_log(capsys: pytest.CaptureFixture[str]) -> None:
    import threading
    import types

    from heroku_assets import runner

    done = threading.Event()

    def slow_run() -> types.SimpleNamespace:
        done.wait(0.35)  # a run of a busy day, shortened
        return types.SimpleNamespace(success=True, run_id="0123456789abcdef")

    with runner._Progress(1, heartbeat=0.1) as progress:
        assert progress.run("shop 2026-11-20", slow_run).success
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) >= 3
    assert all(re.fullmatch(r"\[1/1\] shop 2026-11-20: running \(\d+ s\)", x) for x in lines[:-1]), lines
    assert lines[-1].startswith("[1/1] shop 2026-11-20: ok (run 01234567, 0.")
