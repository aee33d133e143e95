import datetime as dt
import gzip

import pyarrow as pa

from heroku_assets.logs.staging import _accounting_error, stage_partition
from heroku_assets.storage import layout
from heroku_assets.storage.local import LocalObjectStore


def _numbers(*values):
    return pa.array(values, pa.int64())


def test_every_line_in_exactly_one_table_passes():
    assert _accounting_error(5, [_numbers(1, 3), _numbers(2, 5), _numbers(4), _numbers()]) is None
    assert _accounting_error(0, [_numbers(), _numbers()]) is None


def test_a_lost_line_a_line_in_two_tables_and_a_stray_number_fail():
    assert "4 raw lines but 3" in _accounting_error(4, [_numbers(1, 2), _numbers(3)])
    assert "more than one table" in _accounting_error(3, [_numbers(1, 2), _numbers(2)])
    assert "expected 1 to 3" in _accounting_error(3, [_numbers(1, 2), _numbers(7)])


def _partition(raw, day, lines: list[str], received: int, removed: int) -> None:
    data = gzip.compress("".join(f"{x}\n" for x in lines).encode())
    meta = {"lines": str(len(lines)), "received_lines": str(received), "duplicates_removed": str(removed)}
    raw.put(layout.raw_partition_object("shop", day), data, meta)


def test_the_accounting_counts_only_lines_of_the_day_against_what_was_received(tmp_path):
    raw, staging = LocalObjectStore(tmp_path / "raw"), LocalObjectStore(tmp_path / "staging")
    day = dt.date(2026, 11, 21)
    lines = ["2026-11-21T10:00:00.000000+00:00 app[web.1]: a", "not a log line"]
    _partition(raw, day, lines, received=3, removed=1)
    assert stage_partition(raw, staging, "shop", day, workdir=tmp_path).accounting_error is None
    # A line the load would drop (dated on another day) is not accounted for.
    _partition(raw, day, [*lines, "2026-11-20T23:59:59.000000+00:00 app[web.1]: b"], received=3, removed=0)
    error = stage_partition(raw, staging, "shop", day, workdir=tmp_path).accounting_error
    assert error is not None and error.startswith("1 lines dated on another day than 2026-11-21")
    # The partition's text holds fewer lines than the builder kept from what it received.
    _partition(raw, day, lines, received=4, removed=1)
    error = stage_partition(raw, staging, "shop", day, workdir=tmp_path).accounting_error
    assert error == "3 raw lines but 2 lines across the event tables"
    # A partition that does not say what it received cannot be accounted for.
    raw.put(layout.raw_partition_object("shop", day), gzip.compress(b""), {"lines": "0"})
    error = stage_partition(raw, staging, "shop", day, workdir=tmp_path).accounting_error
    assert error is not None and "does not record what it received" in error


def test_a_value_wider_than_its_column_is_staged_cut_and_counted_in_the_metadata(tmp_path):
    raw, staging = LocalObjectStore(tmp_path / "raw"), LocalObjectStore(tmp_path / "staging")
    day = dt.date(2026, 11, 21)
    lines = ["2026-11-21T10:00:00.000000+00:00 app[web.1]: " + "x" * 900_000, "not a log line"]
    _partition(raw, day, lines, received=2, removed=0)
    result = stage_partition(raw, staging, "shop", day, workdir=tmp_path)
    assert result.accounting_error is None
    assert result.tables["app_events"].cut == {"message": 1}
    assert result.tables["rejected_lines"].cut == {}
    info = staging.head(layout.staged_object("app_events", "shop", day))
    assert info.metadata["cut_message"] == "1" and info.metadata["rows"] == "1"
    assert "cut_message" not in staging.head(layout.staged_object("rejected_lines", "shop", day)).metadata
