"""The raw partition keeps its lines as the builder read them (Parquet beside the gzip text), and staging
classifies those instead of reading the text again: the same tables, from one reading of each line."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from heroku_assets.capture.received import store_received
from heroku_assets.logs import parse_lines, read_lines
from heroku_assets.logs.logplex.columns import LINE_SCHEMA
from heroku_assets.logs.logplex.lines import REASON_BAD_SYSLOG
from heroku_assets.logs.parquet import decode_staged
from heroku_assets.logs.raw_partition import build_partition
from heroku_assets.logs.staging import stage_partition
from heroku_assets.sample.drain import drain_batches
from heroku_assets.sample.generator import generate_lines
from heroku_assets.storage import layout
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import EVENT_TABLES
from heroku_assets_tests.capture.helpers import put_pull

APP = "shop"
DAY = dt.date(2026, 11, 20)


def _counted(payload: bytes) -> bytes:
    return b"%d %s" % (len(payload), payload)


def _staged(staging: LocalObjectStore, tmp: Path) -> dict[str, pa.Table]:
    tables = {}
    for table in EVENT_TABLES:
        path = tmp / f"{table.name}.parquet"
        staging.download(layout.staged_object(table.name, APP, DAY), path)
        stored = pq.read_table(path)
        tables[table.name] = (
            pa.Table.from_batches([decode_staged(b) for b in stored.to_batches()])
            if stored.num_rows
            else stored
        )
    return tables


def _sample_store(tmp: Path) -> LocalObjectStore:
    """A day of sample lines of every kind as drain bodies, plus a pull that repeats some of them."""
    raw = LocalObjectStore(tmp / "raw")
    lines = list(generate_lines([APP], days=1, lines_per_day=3000, start=DAY, seed=7))
    for n, body in enumerate(drain_batches(lines, seed=7)):
        store_received(
            raw, layout.drain_object(APP, DAY, body.name), body.body, "logplex", DAY, {"n": str(n)}
        )
    at = dt.datetime.combine(DAY, dt.time(12), dt.UTC)
    put_pull(raw, APP, at, [line.text for line in lines[1000:1200]])
    return raw


def test_staging_from_the_lines_as_read_gives_what_reading_the_text_again_gives(tmp_path):
    """For lines without CR/LF the text is an exact second reading, so the two ways must agree row for
    row, across every table (metrics, router, platform, app, rejected)."""
    raw = _sample_store(tmp_path)
    built = build_partition(raw, APP, DAY, workdir=tmp_path)
    as_read = pq.read_table(raw.root / layout.raw_lines_object(APP, DAY))
    assert as_read.schema.equals(LINE_SCHEMA) and as_read.num_rows == built.lines > 3000
    staging = LocalObjectStore(tmp_path / "staging")
    once = stage_partition(raw, staging, APP, DAY, workdir=tmp_path)
    from_parquet = _staged(staging, tmp_path)
    raw.delete(layout.raw_lines_object(APP, DAY))  # as a partition built before the Parquet existed
    again = stage_partition(raw, staging, APP, DAY, workdir=tmp_path)
    from_text = _staged(staging, tmp_path)
    assert once.accounting_error is None and again.accounting_error is None
    assert {n: t.num_rows for n, t in from_parquet.items()} == {n: t.num_rows for n, t in from_text.items()}
    assert all(from_parquet[t.name].num_rows for t in EVENT_TABLES if t.name != "spans")
    for name, table in from_parquet.items():
        if name == "rejected_lines":  # the reasons are the first reading's (see the test below)
            table, from_text[name] = (t.drop_columns(["reason"]) for t in (table, from_text[name]))
        assert table.equals(from_text[name]), name


def test_the_warehouse_gets_the_first_reading_of_a_frame_holding_cr_lf(tmp_path):
    """A frame may hold CR and LF, which one text line cannot: the text writes them as \\r and \\n, and
    the message staged is the one received, with its real line breaks."""
    raw = LocalObjectStore(tmp_path / "raw")
    ts = f"{DAY}T10:00:00.000000+00:00"
    body = _counted(f"<190>1 {ts} host app web.1 - first\r\nsecond".encode())
    body += _counted(b"<190>1 not a syslog header\nat all")
    store_received(raw, layout.drain_object(APP, DAY, "f1"), body, "logplex", DAY)
    build_partition(raw, APP, DAY, workdir=tmp_path)
    text = gzip.decompress(raw.get(layout.raw_partition_object(APP, DAY))).decode()
    assert text.splitlines()[0] == f"{ts} app[web.1]: first\\r\\nsecond"
    staging = LocalObjectStore(tmp_path / "staging")
    assert stage_partition(raw, staging, APP, DAY, workdir=tmp_path).accounting_error is None
    tables = _staged(staging, tmp_path)
    assert tables["app_events"].column("message").to_pylist() == ["first\r\nsecond"]
    rejected = tables["rejected_lines"]
    assert rejected.column("raw_line").to_pylist() == ["<190>1 not a syslog header\nat all"]
    # The reason is the one `heroku-assets parse` gives for the body, not the text's second reading.
    (first,) = [b for name, b in parse_lines(read_lines([body]), app=APP) if name == "rejected_lines"]
    assert rejected.column("reason").to_pylist() == first.column("reason").to_pylist() == [REASON_BAD_SYSLOG]
    # Each row still leads back to its line of the text.
    assert rejected.column("line_number").to_pylist() == [2]


def test_staging_reads_the_parquet_and_not_the_text_when_they_match(tmp_path):
    raw = _sample_store(tmp_path)
    build_partition(raw, APP, DAY, workdir=tmp_path)
    staging = LocalObjectStore(tmp_path / "staging")
    stage_partition(raw, staging, APP, DAY, workdir=tmp_path)
    before = _staged(staging, tmp_path)
    # The text's bytes replaced, its metadata kept: staging that read the text would stage nonsense.
    key = layout.raw_partition_object(APP, DAY)
    raw.put(key, gzip.compress(b"nonsense\n"), raw.head(key).metadata)
    assert stage_partition(raw, staging, APP, DAY, workdir=tmp_path).accounting_error is None
    after = _staged(staging, tmp_path)
    assert all(after[name].equals(table) for name, table in before.items())


@pytest.mark.parametrize("stale", ["text rebuilt alone", "no checksum"])
def test_a_parquet_that_does_not_match_the_text_is_not_used(tmp_path, stale):
    """A build stopped between its two writes (the Parquet of one build beside the text of another), or
    a partition from before the checksum: staging reads the text, which is what the checks count."""
    raw = LocalObjectStore(tmp_path / "raw")
    ts = f"{DAY}T10:00:00.000000+00:00"
    store_received(
        raw,
        layout.drain_object(APP, DAY, "f1"),
        _counted(f"<190>1 {ts} h app web.1 - a".encode()),
        "logplex",
        DAY,
    )
    build_partition(raw, APP, DAY, workdir=tmp_path)
    key = layout.raw_partition_object(APP, DAY)
    meta = dict(raw.head(key).metadata)
    lines = [f"{ts} app[web.1]: b", f"{ts} app[web.2]: c"]
    meta.update(lines="2", received_lines="2", duplicates_removed="0")
    if stale == "no checksum":
        del meta["sha256"]
    else:
        meta["sha256"] = "0" * 64
    raw.put(key, gzip.compress("".join(f"{x}\n" for x in lines).encode()), meta)
    staging = LocalObjectStore(tmp_path / "staging")
    assert stage_partition(raw, staging, APP, DAY, workdir=tmp_path).accounting_error is None
    assert _staged(staging, tmp_path)["app_events"].column("message").to_pylist() == ["b", "c"]
