"""The parser against the sample generator's ground truth: every generated line, as `heroku logs` text
and as drain bodies, lands in the table the generator meant, with its instant and its day."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pyarrow as pa

from heroku_assets.logs import parse_lines, read_lines
from heroku_assets.sample import drain_batches, expected_rows, generate_lines

UTC = dt.UTC


def _rows_by_line(batches) -> dict[int, list[tuple[str, dict]]]:
    out: dict[int, list[tuple[str, dict]]] = defaultdict(list)
    for name, batch in batches:
        for row in batch.to_pylist():
            out[row["line_number"]].append((name, row))
    return out


def _check(line, rows: list[tuple[str, dict]]) -> None:
    assert [name for name, _ in rows] == [line.table] * line.rows, (line.kind, line.text[:200], rows[:1])
    for _, row in rows:
        if line.ts_us is not None:
            assert row["event_ts"] == dt.datetime(1970, 1, 1, tzinfo=UTC) + dt.timedelta(
                microseconds=line.ts_us
            )
            assert row["event_date"] == line.day
        if line.table == "platform_events" and line.event_type is not None:
            assert row["event_type"] == line.event_type, line.text
        if line.code is not None and line.table in ("router_events", "platform_events"):
            assert row["code"] == line.code, line.text


def test_text_lines_land_where_the_generator_meant() -> None:
    lines = list(generate_lines(apps=2, days=2, lines_per_day=1500, seed=7))
    assert all(x.text.strip(" \t\n\v\f\r") for x in lines)  # no blank line: numbering is 1:1
    data = "".join(f"{x.text}\n" for x in lines).encode()
    by_line = _rows_by_line(
        parse_lines(read_lines([data[i : i + 65536] for i in range(0, len(data), 65536)]), "a")
    )
    assert sorted(by_line) == list(range(1, len(lines) + 1))
    for number, line in enumerate(lines, 1):
        _check(line, by_line[number])
    counts = Counter(name for rows in by_line.values() for name, _ in rows)
    assert counts == expected_rows(lines)
    kinds = Counter(x.kind for x in lines)
    assert kinds["router_error"] and kinds["runtime_metrics"] and kinds["addon_metrics"] and kinds["platform"]


def test_drain_bodies_land_where_the_generator_meant() -> None:
    lines = generate_lines(apps=1, days=2, lines_per_day=1500, seed=3)
    framings = Counter()
    for body in drain_batches(lines, seed=3):
        framings[body.framing] += 1
        read = list(read_lines([body.body], "logplex"))
        assert len(read) == len(body.lines)
        by_line = _rows_by_line(parse_lines(read, "a"))
        for number, line in enumerate(body.lines, 1):
            _check(line, by_line[number])
    assert set(framings) == {"counted_newline", "uncounted_newline", "no_separator"}


def test_a_days_text_and_its_drain_bodies_give_the_same_rows() -> None:
    lines = list(generate_lines(apps=1, days=1, lines_per_day=800, seed=11))
    text = "".join(f"{x.text}\n" for x in lines).encode()
    from_text = [(n, b) for n, b in parse_lines(read_lines([text], "text"), "a")]
    drained = [
        frame for body in drain_batches(lines, seed=11) for frame in read_lines([body.body], "logplex")
    ]
    from_drain = list(parse_lines(drained, "a"))

    def table(pairs, name: str) -> pa.Table:
        return pa.Table.from_batches([b for n, b in pairs if n == name])

    for name in ("router_events", "app_events", "platform_events", "runtime_metrics"):
        assert table(from_text, name).equals(table(from_drain, name)), name
    assert (
        table(from_text, "rejected_lines")
        .column("line_number")
        .equals(table(from_drain, "rejected_lines").column("line_number"))
    )
