"""The spool and its segments on a real disk: group commit, torn tails, sealing, a store that fails."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import threading
from pathlib import Path

import pytest

from heroku_assets.capture.segment_days import logplex_days
from heroku_assets.capture.segments import Shipper, ship
from heroku_assets.capture.slots import claim_slot
from heroku_assets.capture.spool import Spool, SpoolError, recover_file
from heroku_assets.received.records import Record, read_records
from heroku_assets.received.segments import read_segment
from heroku_assets_tests.capture.conftest import FlakyStore
from heroku_assets_tests.capture.helpers import frame

AT = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def _record(n: int, app: str = "my-app", size: int = 100) -> Record:
    body = frame(f"2026-11-20T10:00:{n % 60:02d}+00:00", "app", "web.1", f"line {n} " + "x" * size)
    return Record(
        kind="logplex", app=app, received_at=AT, body=body, frame_id=f"F{n}", headers={"msg_count": "1"}
    )


def _records_in(path: Path) -> list[Record]:
    with open(path, "rb") as stream:
        return [r for _, r in read_records(stream)]


def test_concurrent_appends_share_fsyncs_and_read_back_exactly(tmp_path: Path) -> None:
    sealed: list[Path] = []
    spool = Spool(tmp_path, on_sealed=sealed.append)
    spool.open()
    with concurrent.futures.ThreadPoolExecutor(32) as pool:
        futures = [f for f in pool.map(lambda n: spool.submit(_record(n)), range(2000))]
        for future in futures:
            future.result(timeout=30)
    fsyncs = spool.fsyncs
    spool.close()
    assert spool.appended == 2000
    assert fsyncs < 2000  # appends waiting together were written and fsynced together
    [segment] = sealed
    records = _records_in(segment)
    assert sorted(r.frame_id for r in records) == sorted(f"F{n}" for n in range(2000))
    by_id = {r.frame_id: r for r in records}
    assert by_id["F7"] == _record(7)


def test_a_torn_last_record_is_cut_at_its_checksum_and_the_spool_goes_on(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    spool.open()
    for n in range(3):
        spool.submit(_record(n)).result(timeout=10)
    # the process dies here (the open segment is never sealed) halfway through writing a fourth record
    [open_file] = tmp_path.glob("*.open")
    data = _record(3).encode()
    with open(open_file, "ab") as out:
        out.write(data[: len(data) // 2])
    good = open_file.stat().st_size - len(data) // 2

    again = Spool(tmp_path)
    waiting = again.open()
    assert [p.name for p in waiting] == [open_file.with_suffix(".sealed").name]
    assert waiting[0].stat().st_size == good
    assert [r.frame_id for r in _records_in(waiting[0])] == ["F0", "F1", "F2"]
    again.submit(_record(4)).result(timeout=10)
    again.close()
    # the next segment has the next number: a number never names two contents
    assert [p.name for p in again.sealed()] == ["000000000000.sealed", "000000000001.sealed"]


def test_a_flipped_bit_ends_the_readable_records_and_later_bytes_are_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "000000000000.open"
    records = [_record(n, size=40_000) for n in range(5000)]  # past the record size limit in all
    path.write_bytes(b"".join(r.encode() for r in records))
    data = bytearray(path.read_bytes())
    at = len(records[0].encode()) + 30
    data[at] ^= 0x01
    path.write_bytes(bytes(data))
    cut = recover_file(path)
    assert [r.frame_id for r in _records_in(path)] == ["F0"]
    assert cut == len(data) - len(records[0].encode())
    assert path.with_name(path.name + ".damaged").stat().st_size == cut


def test_segments_are_sealed_when_old_enough(tmp_path: Path) -> None:
    sealed = threading.Event()
    spool = Spool(tmp_path, segment_seconds=0.2, on_sealed=lambda path: sealed.set())
    spool.open()
    spool.submit(_record(1)).result(timeout=10)
    assert sealed.wait(5)
    spool.close()
    assert not list(tmp_path.glob("*.open"))


def test_a_full_spool_refuses_appends_and_keeps_what_it_acknowledged(tmp_path: Path) -> None:
    size = len(_record(0).encode())
    spool = Spool(tmp_path, max_bytes=size * 3 + 10)
    spool.open()
    for n in range(3):
        spool.submit(_record(n)).result(timeout=10)
    with pytest.raises(SpoolError, match="full"):
        spool.submit(_record(3)).result(timeout=10)
    spool.close()
    [segment] = spool.sealed()
    assert [r.frame_id for r in _records_in(segment)] == ["F0", "F1", "F2"]


def test_a_record_over_the_size_limit_is_refused_before_it_reaches_the_disk(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    spool.open()
    huge = Record(kind="logplex", app="my-app", received_at=AT, body=b"x" * (65 << 20))
    with pytest.raises(SpoolError):
        spool.submit(huge).result(timeout=10)
    spool.close()
    assert not spool.sealed()


def test_a_segment_leaves_the_spool_only_once_the_store_took_it(tmp_path: Path) -> None:
    store = FlakyStore(tmp_path / "raw")
    slot = claim_slot(tmp_path / "spool", "receiver-a")
    shipper = Shipper(store, slot.receiver_id, retry_seconds=0.05, max_retry_seconds=0.05)
    spool = Spool(slot.directory, on_sealed=shipper.submit)
    shipper.spool = spool
    shipper.start(spool.open())
    store.failing = True
    for n in range(10):
        spool.submit(_record(n, app="my-app" if n % 2 else "other-app")).result(timeout=10)
    spool.seal()
    deadline = dt.datetime.now() + dt.timedelta(seconds=10)
    while shipper.failures < 3:
        assert dt.datetime.now() < deadline
        threading.Event().wait(0.02)
    assert [p.name for p in spool.sealed()] == ["000000000000.sealed"]  # still here, retried
    assert not list(store.list("segment/"))
    store.failing = False
    while spool.sealed():
        assert dt.datetime.now() < deadline
        threading.Event().wait(0.02)
    spool.close()
    shipper.stop()
    [info] = list(store.list("segment/"))
    assert info.key == "segment/2026-11-20/receiver-a-w0/000000000000.seg"
    assert info.metadata["apps"] == "my-app other-app"
    assert info.metadata["days"] == "2026-11-20"
    assert info.metadata["records"] == "10"
    assert sorted(r.frame_id for r in read_segment(store, info.key)) == sorted(f"F{n}" for n in range(10))
    slot.release()


def test_a_segment_shipped_twice_lands_under_the_same_name(tmp_path: Path) -> None:
    store = FlakyStore(tmp_path / "raw")
    spool = Spool(tmp_path / "spool")
    spool.open()
    spool.submit(_record(1)).result(timeout=10)
    spool.close()
    [path] = spool.sealed()
    first = ship(store, path, "r")
    second = ship(store, path, "r")  # a crash between the upload and the removal, then a restart
    assert first is not None and second is not None
    assert (first.key, first.version) == (second.key, second.version)
    assert len(list(store.list("segment/"))) == 1


def test_each_process_claims_its_own_slot(tmp_path: Path) -> None:
    first = claim_slot(tmp_path, "host")
    second = claim_slot(tmp_path, "host")
    assert (first.receiver_id, second.receiver_id) == ("host-w0", "host-w1")
    first.release()
    assert claim_slot(tmp_path, "host").receiver_id == "host-w0"  # a restart takes its slot back


def test_a_body_is_dated_by_a_scan_of_its_timestamps() -> None:
    def body_record(body: bytes, count: int) -> Record:
        return Record("logplex", "my-app", AT, body, "F", {"msg_count": str(count)})

    two_days = frame("2026-11-19T23:59:59.5+00:00", "app", "web.1", "a") + frame(
        "2026-11-20T00:00:01Z", "app", "web.1", "b"
    )
    assert logplex_days(body_record(two_days, 2)) == {dt.date(2026, 11, 19), dt.date(2026, 11, 20)}
    # an offset moves the UTC day
    offset = frame("2026-11-19T20:00:00-05:00", "app", "web.1", "late evening in New York")
    assert logplex_days(body_record(offset, 1)) == {dt.date(2026, 11, 20)}
    # a line the scan cannot date: its day may be the day the body was received
    garbage = b"not a frame at all\n" + frame("2026-11-18T10:00:00+00:00", "app", "web.1", "x")
    assert logplex_days(body_record(garbage, 2)) == {dt.date(2026, 11, 18), AT.date()}
    # a date that is not one dates nothing
    assert logplex_days(body_record(frame("2026-02-30T10:00:00Z", "app", "web.1", "x"), 1)) == {AT.date()}


def test_the_scan_finds_every_day_the_reader_finds() -> None:
    from heroku_assets.logs.dating import days_of
    from heroku_assets.sample import drain_bodies, generate_day

    lines = [*generate_day("my-app", dt.date(2026, 11, 19), 2000, seed=3)]
    lines += [*generate_day("my-app", dt.date(2026, 11, 20), 2000, seed=4)]
    checked = exact = 0
    for headers, body in drain_bodies(lines):
        record = Record("logplex", "my-app", AT, body, "F", {"msg_count": headers["Logplex-Msg-Count"]})
        scanned, read = logplex_days(record), days_of(body, "logplex", AT.date())
        assert read <= scanned, body[:200]
        checked += 1
        exact += scanned == read
    assert checked > 50 and exact > checked // 2
