"""Pull mode: log sessions from the fake API into the raw store, overlapping pulls, gap markers."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heroku_assets import cli
from heroku_assets.capture.pull import PullFilter, find_new_lines, pull_once, run_pulls
from heroku_assets.platform_api.client import HerokuClient
from heroku_assets.platform_api.errors import HerokuAuthError, HerokuServerError
from heroku_assets.storage import layout
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.fakes.heroku_api import FakeHeroku, Fault

BASE = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


def line(i: int, source: str = "app", dyno: str = "web.1") -> str:
    ts = (BASE + dt.timedelta(milliseconds=i)).isoformat(timespec="microseconds")
    return f"{ts} {source}[{dyno}]: message {i}"


def lines(start: int, stop: int) -> list[str]:
    return [line(i) for i in range(start, stop)]


def pulled(store: LocalObjectStore, app: str = "my-app") -> list[list[str]]:
    """The lines of each pull object, in the order they were stored."""
    infos = [i for i in store.list("pull/") if layout.app_of_received_key(i.key) == app]
    return [store.get(i.key).decode().splitlines() for i in infos]


@pytest.fixture
def client(fake_heroku: FakeHeroku) -> HerokuClient:
    fake_heroku.add_app("my-app")
    return HerokuClient(fake_heroku.token, base_url=fake_heroku.url, retries=2, backoff_factor=0.01)


@pytest.fixture
def store(tmp_path: Path) -> LocalObjectStore:
    return LocalObjectStore(tmp_path / "raw")


def test_pulls_take_each_line_once(
    fake_heroku: FakeHeroku, client: HerokuClient, store: LocalObjectStore
) -> None:
    fake_heroku.set_lines("my-app", lines(0, 40))
    first = pull_once(client, store, "my-app")
    assert (first.fetched, first.new_lines, first.gap_key) == (40, 40, None)
    assert first.key is not None and first.key.startswith("pull/") and "/my-app/" in first.key
    info = store.head(first.key)
    assert info is not None
    assert info.metadata["format"] == "text"
    assert info.metadata["days"] == "2026-03-01"
    assert info.metadata["lines"] == "40"
    assert store.get(first.key) == ("\n".join(lines(0, 40)) + "\n").encode()

    again = pull_once(client, store, "my-app")  # nothing new
    assert (again.fetched, again.new_lines, again.key) == (40, 0, None)

    fake_heroku.append_lines("my-app", lines(40, 50))
    third = pull_once(client, store, "my-app")
    assert third.new_lines == 10
    assert pulled(store) == [lines(0, 40), lines(40, 50)]
    assert list(store.list("gaps/")) == []


def test_a_batch_starting_inside_the_previous_tail_proves_continuity(
    fake_heroku: FakeHeroku, client: HerokuClient, store: LocalObjectStore
) -> None:
    fake_heroku.set_lines("my-app", lines(0, 1500))
    pull_once(client, store, "my-app")  # keeps lines 1400..1499 as its tail
    fake_heroku.append_lines("my-app", lines(1500, 2950))  # the buffer now starts at line 1450
    result = pull_once(client, store, "my-app")
    assert (result.fetched, result.new_lines, result.gap_key) == (1500, 1450, None)
    assert pulled(store)[-1] == lines(1500, 2950)


def test_more_lines_than_the_buffer_holds_records_a_gap(
    fake_heroku: FakeHeroku, client: HerokuClient, store: LocalObjectStore
) -> None:
    fake_heroku.set_lines("my-app", lines(0, 100))
    first = pull_once(client, store, "my-app", now=lambda: BASE)
    fake_heroku.append_lines("my-app", lines(100, 2100))  # 2000 new lines, 1500 kept
    now = BASE + dt.timedelta(minutes=5)
    result = pull_once(client, store, "my-app", now=lambda: now)
    assert (result.fetched, result.new_lines) == (1500, 1500)
    assert result.gap_key == layout.gap_object("my-app", now)
    marker = json.loads(store.get(result.gap_key))
    assert marker["app"] == "my-app"
    assert marker["previous_pull_at"] == first.state.pulled_at
    assert marker["missing_after"] == line(99).split(" ")[0]  # the last line taken before
    assert marker["missing_before"] == line(600).split(" ")[0]  # the first line still available
    assert (marker["fetched"], marker["requested"], marker["days"]) == (1500, 1500, ["2026-03-01"])
    assert marker["pull_key"] == result.key
    gap_info = store.head(result.gap_key)
    assert gap_info is not None and gap_info.metadata["days"] == "2026-03-01"
    assert store.head(result.key).metadata["gap"] == "true"  # type: ignore[union-attr]
    assert pulled(store) == [lines(0, 100), lines(600, 2100)]


def test_a_short_batch_without_the_tail_is_not_a_gap(
    fake_heroku: FakeHeroku, client: HerokuClient, store: LocalObjectStore
) -> None:
    """Fewer lines than asked for means the buffer held everything it still had: lines were trimmed by
    age, not overrun by new ones."""
    fake_heroku.set_lines("my-app", lines(0, 30))
    pull_once(client, store, "my-app", lines=100)
    fake_heroku.set_lines("my-app", lines(500, 520))
    result = pull_once(client, store, "my-app", lines=100)
    assert (result.new_lines, result.gap_key) == (20, None)


def test_a_small_pull_size_overrun_between_pulls_is_a_gap(
    fake_heroku: FakeHeroku, client: HerokuClient, store: LocalObjectStore
) -> None:
    fake_heroku.set_lines("my-app", lines(0, 50))
    pull_once(client, store, "my-app", lines=100)
    fake_heroku.append_lines("my-app", lines(50, 180))
    result = pull_once(client, store, "my-app", lines=100)
    assert result.gap_key is not None
    assert pulled(store) == [lines(0, 50), lines(80, 180)]


def test_filtered_pulls_keep_their_own_state(
    fake_heroku: FakeHeroku, client: HerokuClient, store: LocalObjectStore
) -> None:
    mixed = [line(0), line(1, dyno="worker.1"), line(2, "heroku", "router"), line(3, dyno="worker.2")]
    fake_heroku.set_lines("my-app", mixed)
    workers = PullFilter(source="app", dyno_name="worker")
    result = pull_once(client, store, "my-app", pull_filter=workers)
    assert result.new_lines == 2
    assert store.get(result.key).decode().splitlines() == [mixed[1], mixed[3]]  # type: ignore[arg-type]
    assert store.head("state/pull/my-app/source=app+ps=worker.json") is not None
    everything = pull_once(client, store, "my-app")  # another filter: its own first pull
    assert everything.new_lines == 4
    posted = [r for r in fake_heroku.requests_to("/apps/my-app/log-sessions")]
    assert json.loads(posted[0].body) == {
        "lines": 1500,
        "tail": False,
        "source": "app",
        "dyno_name": "worker",
    }


def test_invalid_filters_and_apps_are_refused(client: HerokuClient, store: LocalObjectStore) -> None:
    with pytest.raises(ValueError):
        PullFilter(dyno_name="web/1")
    with pytest.raises(ValueError):
        pull_once(client, store, "../etc")


@settings(max_examples=200, deadline=None)
@given(appends=st.lists(st.integers(min_value=0, max_value=130), min_size=1, max_size=12))
def test_overlap_takes_every_line_once_or_reports_a_gap(appends: list[int]) -> None:
    """A simulated 50-line buffer pulled 50 lines at a time with a 10-line tail: without a gap, the lines
    taken are exactly the stream from the first line the first pull saw; a gap is reported exactly when
    more lines came than the buffer holds."""
    buffer_size, tail_size = 50, 10
    stream: list[bytes] = []
    taken: list[bytes] = []
    tail: list[bytes] = []
    gaps = 0
    for count in appends:
        stream += [b"line %d" % (len(stream) + i) for i in range(count)]
        batch = stream[-buffer_size:]
        start = find_new_lines(tail, batch)
        if start is None:
            assert len(batch) == buffer_size and count >= buffer_size
            gaps += 1
            start = 0
        else:
            assert not (tail and count >= buffer_size)
        taken += batch[start:]
        tail = batch[-tail_size:] or tail
    assert len(set(taken)) == len(taken)  # nothing twice
    assert taken == sorted(taken, key=lambda b: int(b.split()[1]))
    if gaps == 0 and taken:
        first_seen = stream.index(taken[0])
        assert taken == stream[first_seen:]


def test_the_pull_command_stores_lines(
    fake_heroku: FakeHeroku, client: HerokuClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    fake_heroku.set_lines("my-app", lines(0, 5))
    monkeypatch.setenv("HEROKU_API_KEY", fake_heroku.token)
    monkeypatch.setenv("HEROKU_API_URL", fake_heroku.url)
    monkeypatch.delenv("HEROKU_ASSETS_ENV", raising=False)
    assert cli.main(["pull", "--app", "my-app", "--once", "--data-dir", str(tmp_path)]) == 0
    assert "5 lines fetched, 5 new" in capsys.readouterr().out
    assert pulled(LocalObjectStore(tmp_path / "raw")) == [lines(0, 5)]

    monkeypatch.setenv("HEROKU_API_KEY", "revoked-token-value")
    assert cli.main(["pull", "--app", "my-app", "--once", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "401" in err and "revoked-token-value" not in err

    monkeypatch.delenv("HEROKU_API_KEY")
    assert cli.main(["pull", "--app", "my-app", "--once", "--data-dir", str(tmp_path)]) == 2


def test_a_pull_from_an_api_host_that_does_not_resolve_fails_before_any_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("HEROKU_API_KEY", "a-token-value")
    monkeypatch.setenv("HEROKU_API_URL", "https://api.no-such-host.invalid")
    monkeypatch.delenv("HEROKU_ASSETS_ENV", raising=False)
    assert cli.main(["pull", "--app", "my-app", "--once", "--data-dir", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    # the resolver's own words in the brackets differ between systems
    assert captured.err.startswith(
        "heroku-assets pull: error: cannot reach the Platform API: the name api.no-such-host.invalid does "
        "not resolve ("
    )
    assert captured.err.endswith("); check HEROKU_API_URL and DNS\n") and captured.err.count("\n") == 1


def test_the_pull_loop_retries_a_failed_round_and_stops_on_a_refused_token(
    fake_heroku: FakeHeroku, client: HerokuClient, store: LocalObjectStore
) -> None:
    fake_heroku.set_lines("my-app", lines(0, 3))
    # three 503s exhaust the client's two retries once: that round fails, the next one succeeds
    fake_heroku.script_faults(Fault.server_error(times=3, path="/apps/my-app/log-sessions"))
    errors: list[Exception] = []
    stop = threading.Event()

    def on_error(app: str, exc: Exception) -> bool:
        errors.append(exc)
        return not isinstance(exc, HerokuAuthError)

    loop = threading.Thread(
        target=run_pulls,
        args=(client, store, ["my-app"]),
        kwargs={"interval": 0.05, "stop": stop, "on_error": on_error},
    )
    loop.start()
    deadline = time.monotonic() + 10
    while not pulled(store) and time.monotonic() < deadline:
        time.sleep(0.02)
    stop.set()
    loop.join(timeout=10)
    assert pulled(store) == [lines(0, 3)]
    assert [type(e) for e in errors] == [HerokuServerError]

    refused = HerokuClient("revoked-token-value", base_url=fake_heroku.url, retries=0)
    with pytest.raises(HerokuAuthError):
        run_pulls(refused, store, ["my-app"], interval=0.05, on_error=on_error)
