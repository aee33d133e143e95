import datetime as dt
import gzip

from heroku_assets.logs.raw_partition import build_partition
from heroku_assets.storage import layout
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.capture.helpers import frame, put_drain, put_pull, text_line

DAY = dt.date(2026, 11, 20)


def _lines(store: LocalObjectStore, app: str, day: dt.date) -> list[str]:
    data = gzip.decompress(store.get(layout.raw_partition_object(app, day))).decode()
    return data.splitlines()


def test_overlap_between_sources_collapses_but_repeats_inside_one_source_stay(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    ts1, ts2 = "2026-11-20T10:00:00.000001+00:00", "2026-11-20T10:00:01.5+00:00"
    # The drain got the same line twice in one body (a real repeat) and one more line.
    put_drain(
        raw,
        "shop",
        DAY,
        "a" * 32,
        [
            frame(ts1, "app", "web.1", "tick"),
            frame(ts1, "app", "web.1", "tick"),
            frame(ts2, "app", "web.2", "x"),
        ],
    )
    # A pull overlapping the drain holds one copy of the repeated line and the other line.
    put_pull(
        raw,
        "shop",
        dt.datetime(2026, 11, 20, 10, 5, tzinfo=dt.UTC),
        [
            text_line(ts1, "app", "web.1", "tick"),
            text_line("2026-11-20T10:00:01.500000Z", "app", "web.2", "x"),
        ],
    )
    result = build_partition(raw, "shop", DAY)
    lines = _lines(raw, "shop", DAY)
    assert lines == [
        "2026-11-20T10:00:00.000001+00:00 app[web.1]: tick",
        "2026-11-20T10:00:00.000001+00:00 app[web.1]: tick",
        "2026-11-20T10:00:01.500000+00:00 app[web.2]: x",
    ]
    assert result.lines == 3
    assert result.duplicates_removed == 2
    assert len(result.source_objects) == 2


def test_lines_are_ordered_by_time_and_split_by_utc_day(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    put_pull(
        raw,
        "shop",
        dt.datetime(2026, 11, 21, 0, 10, tzinfo=dt.UTC),
        [
            text_line("2026-11-20T23:59:59.9-00:00", "heroku", "router", "at=info status=200"),
            text_line("2026-11-20T16:00:00-08:00", "app", "web.1", "evening in California"),  # 00:00 UTC 21st
            text_line("2026-11-20T23:00:00+00:00", "app", "web.1", "earlier"),
        ],
    )
    build_partition(raw, "shop", DAY)
    assert _lines(raw, "shop", DAY) == [
        "2026-11-20T23:00:00.000000+00:00 app[web.1]: earlier",
        "2026-11-20T23:59:59.900000+00:00 heroku[router]: at=info status=200",
    ]
    build_partition(raw, "shop", DAY + dt.timedelta(days=1))
    assert _lines(raw, "shop", DAY + dt.timedelta(days=1)) == [
        "2026-11-21T00:00:00.000000+00:00 app[web.1]: evening in California"
    ]


def test_late_lines_received_after_midnight_and_loss_markers_are_counted(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    put_drain(raw, "shop", DAY, "b" * 32, [frame("2026-11-20T12:00:00+00:00", "app", "web.1", "noon")])
    late = "Error L10 (output buffer overflow): 7 messages dropped since 2026-11-20T23:00:00+00:00."
    late_ts = "2026-11-20T23:59:30+00:00"
    put_drain(
        raw,
        "shop",
        DAY + dt.timedelta(days=1),
        "c" * 32,
        [frame("2026-11-20T23:59:00+00:00", "heroku", "logplex", late)],
    )
    result = build_partition(raw, "shop", DAY)
    assert result.lines == 2
    assert result.loss_markers == {"L10": 1}
    # The day after is always read; what arrives later only within the late window.
    assert build_partition(raw, "shop", DAY, late_days=0).lines == 2
    put_drain(raw, "shop", DAY + dt.timedelta(days=2), "e" * 32, [frame(late_ts, "app", "web.1", "later")])
    assert build_partition(raw, "shop", DAY, late_days=1).lines == 2
    assert build_partition(raw, "shop", DAY, late_days=2).lines == 3


def test_unreadable_lines_belong_to_the_day_they_were_received(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    put_drain(raw, "shop", DAY, "d" * 32, [b"this is not a frame at all"])
    result = build_partition(raw, "shop", DAY)
    assert result.lines == 1
    assert _lines(raw, "shop", DAY) == ["this is not a frame at all"]


def test_rebuilding_a_partition_gives_the_same_object(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    put_drain(raw, "shop", DAY, "e" * 32, [frame("2026-11-20T12:00:00+00:00", "app", "web.1", "noon")])
    first = build_partition(raw, "shop", DAY)
    second = build_partition(raw, "shop", DAY)
    assert first.key == second.key
    assert first.version == second.version
    assert _lines(raw, "shop", DAY) == ["2026-11-20T12:00:00.000000+00:00 app[web.1]: noon"]


def test_repeats_across_drain_bodies_stay_and_garbage_is_never_merged(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    ts = "2026-11-20T10:00:00.000001+00:00"
    # Logplex delivers each frame once: the same line in two bodies is two lines (a burst split in two).
    put_drain(raw, "shop", DAY, "a" * 32, [frame(ts, "app", "web.1", "tick")])
    put_drain(raw, "shop", DAY, "b" * 32, [frame(ts, "app", "web.1", "tick")])
    # The same unreadable text in a dump and in a pull is not evidence of one line.
    (tmp_path / "dump.log").write_text(f"{ts} app[web.1]: tick\n<html>\n")
    from heroku_assets.capture.imports import import_file

    import_file(raw, tmp_path / "dump.log", "shop", today=DAY)
    put_pull(
        raw, "shop", dt.datetime(2026, 11, 20, 10, 5, tzinfo=dt.UTC), [f"{ts} app[web.1]: tick", "<html>"]
    )
    result = build_partition(raw, "shop", DAY)
    lines = _lines(raw, "shop", DAY)
    assert lines.count("2026-11-20T10:00:00.000001+00:00 app[web.1]: tick") == 2
    assert lines.count("<html>") == 2
    assert result.lines == 4


def _put_received(raw, at: dt.datetime, name: str, body: bytes) -> None:
    from heroku_assets.capture.received import store_received
    from heroku_assets.received.days import undated_day

    key = layout.drain_object("shop", at.date(), name)
    store_received(raw, key, body, "logplex", undated_day(at), {"received_at": at.isoformat()})


def test_a_frame_retried_across_midnight_is_read_once_and_as_last_sent(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    line = frame("2026-11-20T23:59:57+00:00", "app", "web.1", "x")
    loss = "Error L10 (output buffer overflow): {} messages dropped since 2026-11-20T23:00:00+00:00."
    before = dt.datetime(2026, 11, 20, 23, 59, 58, tzinfo=dt.UTC)
    after = dt.datetime(2026, 11, 21, 0, 0, 4, tzinfo=dt.UTC)
    # Logplex rebuilds its loss report on a retry: the copies differ, the later one counts.
    _put_received(
        raw, before, "f" * 32, line + frame("2026-11-20T23:59:58+00:00", "heroku", "logplex", loss.format(3))
    )
    _put_received(
        raw, after, "f" * 32, line + frame("2026-11-20T23:59:58+00:00", "heroku", "logplex", loss.format(5))
    )
    result = build_partition(raw, "shop", DAY)
    assert result.source_objects == [layout.drain_object("shop", after.date(), "f" * 32)]
    assert [x.split(": ", 1)[1] for x in _lines(raw, "shop", DAY)] == ["x", loss.format(5)]


def test_the_same_body_a_day_apart_is_no_retry(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    body = b"ping\n"  # no frame id and nothing dated: both are named by the same content hash
    _put_received(raw, dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC), "sha256-ping", body)
    _put_received(raw, dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC), "sha256-ping", body)
    assert build_partition(raw, "shop", DAY).lines == 1
    assert build_partition(raw, "shop", DAY + dt.timedelta(days=1)).lines == 1
