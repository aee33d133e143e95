"""End to end: drain POSTs over real HTTP -> raw store -> sensor -> partition runs -> warehouse rows,
each line exactly once whatever retries and failures happened on the way."""

import datetime as dt

import dagster as dg
import duckdb
import requests

from heroku_assets import cli
from heroku_assets.capture.app import create_app
from heroku_assets.defs.logs.jobs import JOB_NAME
from heroku_assets.received.days import undated_day
from heroku_assets.sample import drain_bodies, expected_rows, generate_day
from heroku_assets.settings import load
from heroku_assets_tests.capture.conftest import (
    APP,
    DRAIN_TOKEN,
    PASSWORD,
    PATH_TOKEN,
    USER,
    FlakyStore,
    default_config,
)
from heroku_assets_tests.defs.conftest import days_ago
from heroku_assets_tests.fakes.server import serve

TABLES = ("router_events", "app_events", "platform_events", "runtime_metrics", "rejected_lines")


def _post(url: str, headers: dict, body: bytes) -> int:
    response = requests.post(
        f"{url}/logs/{PATH_TOKEN}", data=body, headers=headers, auth=(USER, PASSWORD), timeout=10
    )
    return response.status_code


def test_every_line_posted_to_the_drain_lands_once(definitions, instance, resources, project_env):
    day = days_ago(1)
    lines = list(generate_day(APP, day, 3000, seed=11))
    bodies = list(drain_bodies(lines))  # seed 1: the drain token the receiver maps to APP
    store = FlakyStore(load().raw_dir)
    received_at = dt.datetime.now(dt.UTC)
    with serve(create_app(store, default_config(), clock=lambda: received_at)) as served:
        statuses = [_post(served.url, headers, body) for headers, body in bodies]
        # Logplex retries a frame it got no 2xx for: the same frame id, stored once.
        retried = [_post(served.url, headers, body) for headers, body in bodies[:3]]
        # A store that fails answers 503 (Logplex retries) and acknowledges nothing...
        store.failing = True
        extra = [f"{day}T23:59:59.000001+00:00 app[web.1]: posted while the disk was full"]
        frame = f"<190>1 {day}T23:59:59.000001+00:00 host app web.1 - posted while the disk was full"
        body = f"{len(frame)} {frame}".encode()
        headers = {
            "Content-Type": "application/logplex-1",
            "Logplex-Msg-Count": "1",
            "Logplex-Frame-Id": "F" * 32,
            "Logplex-Drain-Token": bodies[0][0]["Logplex-Drain-Token"],
        }
        assert _post(served.url, headers, body) == 503
        # ...and the retry after the disk recovers is stored.
        store.failing = False
        assert _post(served.url, headers, body) == 204
        # A body that is not Logplex at all is stored, never refused with a 4xx.
        garbage = dict(headers, **{"Logplex-Frame-Id": "E" * 32})
        assert _post(served.url, garbage, b"\x00\x01 not a frame\nsecond line") == 204
    assert set(statuses) == {204} and set(retried) == {204}

    sensor = definitions.resolve_sensor_def("raw_objects_sensor")
    with dg.build_sensor_context(
        instance=instance, resources={"stores": resources["stores"]}, definitions=definitions
    ) as context:
        tick = sensor(context)
    instance.add_dynamic_partitions("heroku_apps", [APP])
    requested = {r.partition_key.keys_by_dimension["date"] for r in tick.run_requests}
    # The garbage body has no timestamp: its lines belong to the day it was received (the day before,
    # in the first minutes after midnight, when it may be a retry of a frame sent before).
    assert requested == {day.isoformat(), undated_day(received_at).isoformat()}
    job = definitions.resolve_job_def(JOB_NAME)
    for request in tick.run_requests:
        assert job.execute_in_process(partition_key=request.partition_key, instance=instance).success

    expected = expected_rows(lines)
    expected["app_events"] += len(extra)
    expected["rejected_lines"] += 2  # the two lines of the garbage body
    with duckdb.connect(str(project_env / "warehouse.duckdb"), read_only=True) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
        late = conn.execute("SELECT count(*) FROM app_events WHERE message LIKE '%disk was full'").fetchone()
    assert counts == dict(expected)
    assert late == (1,)


def test_lines_of_another_day_outside_frames_reach_the_warehouse(project_env, capsys):
    """One body, as a Logplex-like client can send it: a framed line of today, an unframed syslog line
    and an unframed `heroku logs` line of yesterday 23:59:59, another framed line of today. Answered
    204, then `heroku-assets run`: all four lines in the warehouse, every check passing."""
    today = dt.datetime.now(dt.UTC).date()
    yesterday = today - dt.timedelta(days=1)

    def framed(payload: str) -> bytes:
        return f"{len(payload.encode())} {payload}".encode()

    body = (
        framed(f"<190>1 {today}T00:00:00.000001+00:00 host app web.1 - first framed line of today")
        + f"\n<190>1 {yesterday}T23:59:59+00:00 host app web.1 - unframed syslog line of yesterday\n".encode()
        + f"{yesterday}T23:59:59+00:00 app[web.1]: unframed text line of yesterday\n".encode()
        + framed(f"<190>1 {today}T00:00:00.000002+00:00 host app web.1 - second framed line of today")
    )
    headers = {
        "Content-Type": "application/logplex-1",
        "Logplex-Msg-Count": "4",
        "Logplex-Frame-Id": "5A1D4C0FFEE0000000000000000000F4",
        "Logplex-Drain-Token": DRAIN_TOKEN,
    }
    with serve(create_app(FlakyStore(load().raw_dir), default_config())) as served:
        assert _post(served.url, headers, body) == 204
    assert cli.main(["run", "--no-summary"]) == 0, capsys.readouterr().err
    with duckdb.connect(str(project_env / "warehouse.duckdb"), read_only=True) as conn:
        rows = conn.execute("SELECT event_date, message FROM app_events ORDER BY event_ts").fetchall()
        others = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES[:4])  # noqa: S608
        rejected = conn.execute("SELECT count(*) FROM rejected_lines").fetchone()[0]
    assert rows == [
        (yesterday, "unframed syslog line of yesterday"),
        (yesterday, "unframed text line of yesterday"),
        (today, "first framed line of today"),
        (today, "second framed line of today"),
    ]
    assert (others, rejected) == (4, 0)
