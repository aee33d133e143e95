"""The local drain trial in docs/capture.md: sample bodies posted as Logplex posts them (`sample --post`) to
real `drain serve` processes, `/health` counting every worker, and `run` finding what the spool holds."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from heroku_assets_tests.capture.conftest import APP, PASSWORD, USER
from heroku_assets_tests.capture.receivers import Receiver, receiver_env

EXE = Path(sys.executable).with_name("heroku-assets")


def _cli(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *argv], env=env, capture_output=True, text=True, timeout=300)


def _post_sample(receiver: Receiver, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    url = f"http://{USER}:{PASSWORD}@127.0.0.1:{receiver.port}/logs/{receiver.env['HEROKU_DRAIN_PATH_TOKEN']}"
    sample = [
        "sample",
        "--out",
        str(tmp_path / "samples"),
        "--app",
        APP,
        "--days",
        "1",
        "--format",
        "logplex",
    ]
    return _cli(receiver.env, *sample, "--lines-per-day", "300", "--post", url)


def _until(what: str, condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def receivers(tmp_path: Path):
    started: list[Receiver] = []

    def start(**extra: str) -> Receiver:
        started.append(Receiver(receiver_env(tmp_path / "data", **extra)).start())
        return started[-1]

    yield start
    for receiver in started:
        if receiver.process is not None and receiver.process.poll() is None:
            receiver.stop()


def test_health_sums_the_counters_of_every_receiver_process_of_the_spool(receivers, tmp_path: Path) -> None:
    first, second = receivers(), receivers()
    posted = _post_sample(first, tmp_path)
    assert posted.returncode == 0, posted.stderr
    assert f"posted 3 drain bodies (300 lines) to http://127.0.0.1:{first.port}" in posted.stderr
    assert PASSWORD not in posted.stderr
    assert first.health()["stored"] == 3
    # the other process took none of them, and answers for both
    both = _until(
        "the second process to count the first's bodies",
        lambda: (health := second.health())["stored"] == 3 and health,
    )
    assert both["workers"] == 2 and len(both["receivers"]) == 2
    assert both["fsyncs"] >= 3 and both["spooled_bytes"] > 0


def test_run_waits_for_what_a_running_receiver_holds(receivers, tmp_path: Path) -> None:
    receiver = receivers(HEROKU_DRAIN_SEGMENT_SECONDS="600")  # it ships only when it stops, below
    assert _post_sample(receiver, tmp_path).returncode == 0
    # a run asked for an app the store does not hold: it still waits for the spool first, and says so
    run = subprocess.Popen(
        [str(EXE), "run", "--app", "nope"], env=receiver.env, stderr=subprocess.PIPE, text=True
    )
    try:
        assert run.stderr is not None
        first = run.stderr.readline()
        assert first.startswith("heroku-assets run: info: 1 segment(s) of drain bodies are in the spool of")
        assert "(HEROKU_DRAIN_SEGMENT_SECONDS, 600 s); waiting for that (at most 615 s)" in first
        assert "shipped 000000000000.sealed as segment/" in receiver.stop()  # SIGTERM: sealed and shipped
        rest = run.stderr.read()
        assert run.wait(60) == 1
    finally:
        run.kill()
    assert rest == (
        f"heroku-assets run: error: nothing to run: no lines of nope in the raw store (it holds {APP})\n"
    )


def test_run_ships_what_a_killed_receiver_left_in_the_spool(receivers, tmp_path: Path) -> None:
    receiver = receivers()
    assert _post_sample(receiver, tmp_path).returncode == 0
    receiver.kill()
    done = _cli(receiver.env, "run", "--app", "nope")
    assert done.returncode == 1
    spool = tmp_path / "data" / "spool"
    assert done.stderr.splitlines() == [
        f"heroku-assets run: info: shipped 1 segment(s) a stopped drain receiver left in {spool}",
        f"heroku-assets run: error: nothing to run: no lines of nope in the raw store (it holds {APP})",
    ]
