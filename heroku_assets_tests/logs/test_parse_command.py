"""`heroku-assets parse` run as a user runs it."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from heroku_assets import tables

EXE = pathlib.Path(sys.executable).with_name("heroku-assets")

EXAMPLES = "\n".join(
    [
        '2012-02-07T09:43:06.123456+00:00 heroku[router]: at=info method=GET path="/articles/bundler" '
        'host=x.herokuapp.com request_id=r fwd="1.2.3.4, 5.6.7.8" dyno=web.1 connect=1ms service=18ms '
        "status=200 bytes=975 protocol=https",
        '2024-04-26T16:58:32.943253+00:00 heroku[router]: at=info method=GET path="/" '
        "host=my-app.example.com request_id=6903a168 fwd=138.68.186.89 dyno=web.1 connect=0ms service=0ms "
        "status=200 bytes=0 protocol=http2.0 tls=true tls_version=tls1.3",
        "2012-02-07T09:43:06-07:00 heroku[web.1]: State changed from starting to up",
        "2012-02-07T09:43:06Z heroku[web.1]: Error R14 (Memory quota exceeded)",
        "2012-02-07T09:43:06Z app[api]: Release v3 created by user a@b.c",
        "2012-02-07T09:43:06Z heroku[web.1]: source=web.1 dyno=heroku.1.abc sample#memory_total=34.41MB "
        "sample#load_avg_1m=0.01",
        "2012-02-07T09:43:06Z app[web.1]: hello",
    ]
)


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(EXE), "parse", *args], input=stdin, capture_output=True, timeout=60, check=False
    )


def rows(out: bytes) -> list[dict]:
    return [json.loads(x) for x in out.decode().splitlines()]


def test_reference_examples_from_a_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "logs.txt"
    path.write_text(EXAMPLES + "\n")
    result = run(str(path), "--app", "my-app")
    assert result.returncode == 0, result.stderr
    out = rows(result.stdout)
    assert [(r["table"], r["line_number"]) for r in out] == [
        ("router_events", 1),
        ("router_events", 2),
        ("platform_events", 3),
        ("platform_events", 4),
        ("platform_events", 5),
        ("runtime_metrics", 6),
        ("runtime_metrics", 6),
        ("app_events", 7),
    ]
    for row in out:
        assert list(row) == ["table", *tables.ALL_TABLES[row["table"]].column_names]
        assert row["app"] == "my-app"
    first = out[0]
    assert first["event_ts"] == "2012-02-07T09:43:06.123456+00:00"
    assert first["event_date"] == "2012-02-07"
    assert (first["path"], first["fwd"], first["connect_ms"], first["service_ms"]) == (
        "/articles/bundler",
        "1.2.3.4, 5.6.7.8",
        1,
        18,
    )
    assert (first["status"], first["bytes"], first["tls"], first["extra"]) == (200, 975, None, None)
    assert (out[1]["tls"], out[1]["tls_version"], out[1]["protocol"]) == (True, "tls1.3", "http2.0")
    assert out[2]["event_ts"] == "2012-02-07T16:43:06.000000+00:00"
    assert (out[2]["event_type"], out[2]["from_state"], out[2]["to_state"]) == (
        "state_change",
        "starting",
        "up",
    )
    assert (out[3]["event_type"], out[3]["code"]) == ("error", "R14")
    assert (out[4]["release_version"], out[4]["actor"], out[4]["source"]) == (3, "a@b.c", "app")
    assert [(r["metric"], r["value"], r["unit"]) for r in out[5:7]] == [
        ("memory_total", 34.41, "MB"),
        ("load_avg_1m", 0.01, None),
    ]
    assert (out[7]["message"], out[7]["process_type"]) == ("hello", "web")


def test_drain_body_on_stdin_with_garbage() -> None:
    frame = b"<40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up"
    body = b"83 " + frame + b"\n" + b"\x00\xffbinary junk\n" + b"5 " + frame + b"\n"
    result = run("-", stdin=body)
    assert result.returncode == 0, result.stderr
    out = rows(result.stdout)
    # the reference frame names the app as APP-NAME ("app web.3"): an app line (README, "Tables")
    assert [r["table"] for r in out] == ["app_events", "rejected_lines", "app_events"]
    assert out[0]["app"] is None and out[0]["dyno"] == "web.3" and out[0]["process_type"] == "web"
    assert out[0]["message"] == out[2]["message"] == "State changed from starting to up"
    assert out[0]["event_ts"] == "2012-11-30T06:45:29.000000+00:00"
    assert out[1]["raw_line"] == "\x00\\xffbinary junk"
    assert out[1]["reason"] == "not an octet-counted frame"


def test_garbage_only_gives_rejected_rows_and_exit_zero() -> None:
    result = run("--format", "text", stdin=b"<html>\n</html>\n\xff\xfe\xbe\xef\n")
    assert result.returncode == 0
    out = rows(result.stdout)
    assert [(r["table"], r["raw_line"]) for r in out] == [
        ("rejected_lines", "<html>"),
        ("rejected_lines", "</html>"),
        ("rejected_lines", "\\xff\\xfe\\xbe\\xef"),
    ]
    assert all(r["event_date"] is None and r["event_ts"] is None for r in out)  # no day to take


@pytest.mark.parametrize("target", ["missing.log", "."])
def test_unreadable_input_fails_clearly(tmp_path: pathlib.Path, target: str) -> None:
    result = run(str(tmp_path / target))
    assert result.returncode != 0
    assert result.stdout == b""
    assert b"heroku-assets parse: error: cannot read" in result.stderr


def test_format_is_checked() -> None:
    result = run("--format", "json")
    assert result.returncode == 2
    assert b"invalid choice" in result.stderr


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: pathlib.Path) -> None:
    """`heroku-assets parse FILE | head -1`: exit 0 and nothing on stderr, however much is left."""
    big = tmp_path / "big.log"
    big.write_bytes(b"2012-02-07T09:43:06Z app[web.1]: hello\n" * 200_000)
    with subprocess.Popen(
        [str(EXE), "parse", str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # as head does after its line
        stderr = proc.stderr.read()
        assert proc.wait(timeout=120) == 0, stderr
    assert json.loads(first)["message"] == "hello"
    assert stderr == b""


def test_blank_lines_keep_their_line_numbers() -> None:
    data = b"2012-02-07T09:43:06Z app[web.1]: one\n\n  \r\n2012-02-07T09:43:06Z app[web.1]: four\n\njunk\n"
    out = rows(run("-", "--format", "text", stdin=data).stdout)
    assert [(r["table"], r["line_number"]) for r in out] == [
        ("app_events", 1),
        ("app_events", 4),
        ("rejected_lines", 6),
    ]


def test_errors_have_the_command_prefix(tmp_path: pathlib.Path) -> None:
    result = run(str(tmp_path / "missing.log"))
    assert result.stderr.decode().startswith("heroku-assets parse: error: cannot read ")


def test_lines_with_no_date_to_take_have_no_event_date() -> None:
    """Undated lines take the day of a dated line near them; with none at all, they have no day (not
    1970-01-01)."""
    alone = run("-", stdin=b"just text\nmore text\n")
    assert [json.loads(line)["event_date"] for line in alone.stdout.decode().splitlines()] == [None, None]
    beside = run("-", stdin=b"just text\n2026-11-20T10:00:00+00:00 app[web.1]: one\nafter\n")
    assert {json.loads(line)["event_date"] for line in beside.stdout.decode().splitlines()} == {"2026-11-20"}
