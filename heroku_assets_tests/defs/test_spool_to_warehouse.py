"""End to end with the spool: sample drain bodies posted to a real ``drain serve`` process with Logplex's
retry rules, the receiver killed with SIGKILL and restarted midway, then the sensor and the partition
runs: every line in the warehouse exactly once."""

import dagster as dg
import duckdb

from heroku_assets.defs.logs.ticks import TICK_JOB
from heroku_assets.sample import drain_bodies, expected_rows, generate_day
from heroku_assets_tests.capture.conftest import APP
from heroku_assets_tests.capture.receivers import Receiver, post_like_logplex, receiver_env
from heroku_assets_tests.defs.conftest import days_ago

TABLES = ("router_events", "app_events", "platform_events", "runtime_metrics", "rejected_lines")


def test_lines_posted_through_a_killed_spooled_receiver_land_once(
    definitions, instance, resources, project_env
):
    day = days_ago(1)
    lines = list(generate_day(APP, day, 3000, seed=11))
    bodies = list(drain_bodies(lines))
    receiver = Receiver(receiver_env(project_env, HEROKU_DRAIN_SEGMENT_SECONDS="0.5")).start()

    def send(headers: dict, body: bytes) -> bool:
        ok, _ = post_like_logplex(
            [receiver.url], body, headers.get("Logplex-Frame-Id"), int(headers["Logplex-Msg-Count"]), 8, 0.5
        )
        return ok

    half = len(bodies) // 2
    sent = [send(h, b) for h, b in bodies[:half]]
    receiver.kill()  # segments open, sealed and shipped are all left behind as they are
    receiver.start()
    sent += [send(h, b) for h, b in bodies[half:]]
    sent += [send(h, b) for h, b in bodies[:5]]  # retries of frames already stored
    receiver.stop()
    assert all(sent)

    sensor = definitions.resolve_sensor_def("raw_objects_sensor")
    with dg.build_sensor_context(
        instance=instance, resources={"stores": resources["stores"]}, definitions=definitions
    ) as context:
        tick = sensor(context)
    # segments are appended by one tick, whatever apps and days they hold
    assert [r.job_name for r in tick.run_requests] == [TICK_JOB]
    assert definitions.resolve_job_def(TICK_JOB).execute_in_process(instance=instance).success

    with duckdb.connect(str(project_env / "warehouse.duckdb"), read_only=True) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
    assert counts == dict(expected_rows(lines))
