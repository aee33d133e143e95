"""``heroku-assets sample``: the files it writes hold exactly what the generator produces."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from heroku_assets import cli
from heroku_assets.sample import drain_batches, expected_rows, generate_day

START = dt.date(2026, 11, 20)


def _frames(body: bytes) -> int:
    """Frame count of a body in any of the three framings: a newline after a frame's counted bytes is a
    separator the count left out."""
    n, pos = 0, 0
    while pos < len(body):
        space = body.index(b" ", pos)
        pos = space + 1 + int(body[pos:space])
        if pos < len(body) and body[pos : pos + 1] == b"\n":
            pos += 1
        n += 1
    return n


def test_writes_text_dumps_drain_bodies_and_expected_rows(tmp_path, capsys):
    out = tmp_path / "sample"
    argv = [
        "sample",
        "--out",
        str(out),
        "--apps",
        "2",
        "--days",
        "2",
        "--lines-per-day",
        "1500",
        "--seed",
        "9",
    ]
    assert cli.main(argv) == 0
    summary = capsys.readouterr().err
    assert "2 app(s) x 2 day(s), 6000 lines" in summary and "drain bodies" in summary

    expected = json.loads((out / "expected.json").read_text())
    assert len(expected["partitions"]) == 4
    for part in expected["partitions"]:
        app, day = part["app"], dt.date.fromisoformat(part["day"])
        truth = list(generate_day(app, day, 1500, seed=9))
        dump = (out / app / f"{day}.log").read_bytes()
        assert dump == "".join(x.text + "\n" for x in truth).encode()
        assert part["lines"] == 1500 and part["rows"] == dict(expected_rows(truth))

        bodies = sorted((out / app / day.isoformat()).glob("*.logplex"))
        want = {b.name: b for b in drain_batches(truth, seed=9)}
        assert {p.stem for p in bodies} == set(want)
        total = 0
        for path in bodies:
            headers = json.loads(path.with_suffix(".json").read_text())
            assert headers == want[path.stem].headers
            assert path.read_bytes() == want[path.stem].body
            assert _frames(path.read_bytes()) == int(headers["Logplex-Msg-Count"])
            total += int(headers["Logplex-Msg-Count"])
        assert total == 1500


def test_rerun_replaces_the_bodies_of_a_day(tmp_path, capsys):
    base = ["sample", "--out", str(tmp_path), "--apps", "1", "--days", "1", "--lines-per-day", "800"]
    base += ["--start", START.isoformat()]
    assert cli.main([*base, "--seed", "1"]) == 0
    first = {p.name for p in (tmp_path / "shop-web" / "2026-11-20").iterdir()}
    assert cli.main([*base, "--seed", "2", "--format", "logplex"]) == 0
    second = {p.name for p in (tmp_path / "shop-web" / "2026-11-20").iterdir()}
    assert first and second and not first & second  # no stale body of the first run is left
    want = {b.name for b in drain_batches(generate_day("shop-web", START, 800, seed=2), seed=2)}
    assert second == {f"{n}.logplex" for n in want} | {f"{n}.json" for n in want}


def test_text_only_and_named_apps(tmp_path, capsys):
    argv = [
        "sample",
        "--out",
        str(tmp_path),
        "--app",
        "acme-api",
        "--app",
        "acme-web",
        "--days",
        "1",
        "--lines-per-day",
        "300",
        "--start",
        "2025-02-28",
        "--format",
        "text",
    ]
    assert cli.main(argv) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme-api", "acme-web", "expected.json"]
    assert [p.name for p in (tmp_path / "acme-web").iterdir()] == ["2025-02-28.log"]
    assert (tmp_path / "acme-web" / "2025-02-28.log").read_bytes().count(b"\n") == 300


@pytest.mark.parametrize(
    "extra",
    [["--app", "Bad_Name"], ["--lines-per-day", "0"], ["--start", "2026-02-30"], ["--format", "xml"]],
)
def test_bad_arguments_exit_with_usage_error(tmp_path, capsys, extra):
    with pytest.raises(SystemExit) as exc:
        cli.main(["sample", "--out", str(tmp_path), *extra])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


def test_start_defaults_to_the_days_before_today(tmp_path, capsys):
    import datetime as dt

    today = dt.datetime.now(dt.UTC).date()
    argv = ["sample", "--out", str(tmp_path), "--apps", "1", "--days", "3", "--lines-per-day", "20"]
    assert cli.main([*argv, "--format", "text"]) == 0
    days = sorted(p.stem for p in (tmp_path / "shop-web").iterdir())
    assert days == [(today - dt.timedelta(days=n)).isoformat() for n in (3, 2, 1)]


def test_unwritable_folder_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli.main(["sample", "--out", str(blocker / "sub"), "--lines-per-day", "10"]) == 1
    assert capsys.readouterr().err.startswith("heroku-assets sample: error: cannot write")


def test_stdout_prints_one_app_for_piping():
    proc = subprocess.run(
        [sys.executable, "-m", "heroku_assets.cli", "sample", "--stdout", "--days", "2"]
        + ["--lines-per-day", "400", "--seed", "3", "--start", START.isoformat()],
        capture_output=True,
        check=True,
        timeout=60,
    )
    want = [
        x.text for d in range(2) for x in generate_day("shop-web", START + dt.timedelta(days=d), 400, seed=3)
    ]
    assert proc.stdout.decode().split("\n") == [*want, ""]
    assert "800 lines" in proc.stderr.decode()


def test_the_sample_make_run_loads_fits_the_declared_widths(tmp_path) -> None:
    """No value of the sample is cut by the warehouse (`make run` would warn "rows had values wider")."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from heroku_assets import tables

    exe = Path(sys.executable).with_name("heroku-assets")
    subprocess.run([str(exe), "sample", "--out", str(tmp_path), "--format", "text"], check=True, timeout=120)
    dumps = b"".join(p.read_bytes() for p in sorted(tmp_path.glob("*/*.log")))
    parsed = subprocess.run(
        [str(exe), "parse", "-"], input=dumps, capture_output=True, check=True, timeout=120
    )
    widths = {t.name: {c.name: c.width for c in t.columns if c.width} for t in tables.EVENT_TABLES}
    wider = {}
    for line in parsed.stdout.decode().splitlines():
        row = json.loads(line)
        for column, width in widths.get(row["table"], {}).items():
            value = row.get(column)
            text = value if isinstance(value, str) or value is None else json.dumps(value)
            if text is not None and len(text) > width:
                wider[(row["table"], column)] = wider.get((row["table"], column), 0) + 1
    assert not wider
    assert any(len(json.loads(x).get("path") or "") > 3000 for x in parsed.stdout.decode().splitlines())
