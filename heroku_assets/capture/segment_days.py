"""The UTC days a spooled record's lines fall on, and a segment's summary (apps and days), found without
reading the lines: what a shipped segment's metadata says, so the sensor and the partition builder pick
it without reading it."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from pathlib import Path

from heroku_assets.capture.spool import summary_path
from heroku_assets.logs.otlp.stored import record_days as otlp_days
from heroku_assets.received.records import Record, SegmentSummary, read_records

log = logging.getLogger(__name__)


# Dating a body by scanning it for timestamps costs a regex pass, where reading it costs some twenty
# times more (and the receiver has one core for HTTP and this). The scan takes the timestamp of every
# syslog header and of every line start, as the reader would, offsets included.
_STAMP = rb"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):\d\d(?:[.,]\d{1,9})?([Zz]|[+-]\d\d(?::?\d\d)?)"


_SYSLOG_STAMP = re.compile(rb"<\d{1,3}>\d{1,2} " + _STAMP)


_LINE_STAMP = re.compile(rb"(?:^|\n)[ \t]*(?:\d{1,9} )?" + _STAMP)


_UTC = (b"Z", b"z", b"+00:00", b"-00:00", b"+00", b"-00", b"+0000", b"-0000")


def _utc_days(stamps: list[tuple[bytes, ...]]) -> set[dt.date]:
    days = set()
    for year, month, day, hour, minute, offset in set(stamps):
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            continue  # not a day: the reader leaves the line undated too
        if offset not in _UTC:
            sign = 1 if offset[:1] == b"+" else -1
            digits = offset[1:].replace(b":", b"")
            shift = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or b"0"))
            local = dt.datetime.combine(date, dt.time(min(int(hour), 23), min(int(minute), 59)))
            date = (local - sign * shift).date()
        days.add(date)
    return days


def logplex_days(record: Record) -> set[dt.date]:
    """The UTC days the lines of a Logplex body belong to, by a scan of its timestamps.

    When the body has one syslog timestamp per frame the sender counted, every line is dated and the
    answer is exact. Otherwise it is a superset of what ``logs.dating.days_of`` finds: the days of every
    timestamp at a header or a line start, plus the day the body was received (where undated lines go
    when nothing around them is dated)."""
    received = record.received_at.astimezone(dt.UTC).date()
    stamps = _SYSLOG_STAMP.findall(record.body)
    count = record.headers.get("msg_count", "")
    if stamps and count.isdigit() and int(count) == len(stamps):
        days = _utc_days(stamps)
        if days:
            return days
    return _utc_days(stamps) | _utc_days(_LINE_STAMP.findall(record.body)) | {received}


# How each record kind is dated, off the request path; a kind with no entry is taken for the day it was
# received. A Logplex body is scanned as it is appended (after its answer); an OTLP request is decoded
# for the times of its records, which could hold the writer thread (and so every answer waiting on the
# next fsync) for as long as a big request takes to decode: the shipper dates those at seal time.
DAYS_BY_KIND: dict[str, Callable[[Record], set[dt.date]]] = {"logplex": logplex_days, "otlp": otlp_days}


DATED_AT_SEAL = frozenset({"otlp"})


def record_days(record: Record) -> set[dt.date]:
    dating = DAYS_BY_KIND.get(record.kind)
    if dating is None:
        return {record.received_at.astimezone(dt.UTC).date()}
    return dating(record)


def appended_days(record: Record) -> set[dt.date] | None:
    """The spool writer's dating: the days of a cheap kind now, None for one dated at seal time."""
    return None if record.kind in DATED_AT_SEAL else record_days(record)


def summarize(path: Path) -> SegmentSummary:
    """A sealed segment's summary: the one kept while it was written (its records left undated dated now,
    reading the segment for them), else found by reading it."""
    kept = summary_path(path)
    if kept.exists():
        try:
            summary = SegmentSummary.loads(kept.read_text())
        except (ValueError, KeyError):
            log.warning("%s: unreadable summary; reading the segment", kept)
        else:
            if summary.undated:
                with open(path, "rb") as stream:
                    for _, record in read_records(stream):
                        if record.kind in DATED_AT_SEAL:
                            summary.days.update(record_days(record))
                summary.undated = 0
            return summary
    summary = SegmentSummary()
    with open(path, "rb") as stream:
        for _, record in read_records(stream):
            summary.add(record, record_days(record))
    return summary
