import datetime as dt
import subprocess
import sys

from heroku_assets.capture.imports import import_file
from heroku_assets.storage.local import LocalObjectStore

DUMP = (
    "2026-11-20T10:00:00.000001+00:00 app[web.1]: one\n"
    "not a log line\n"
    "2026-11-21T00:00:00-07:00 heroku[router]: at=info status=200\n"
)


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    dump = tmp_path / "dump.log"
    dump.write_text(DUMP)
    first = import_file(raw, dump, "shop", today=dt.date(2026, 11, 22))
    assert first.created and first.lines == 3
    assert first.days == {dt.date(2026, 11, 20), dt.date(2026, 11, 21)}
    listing = [(i.key, i.version, dict(i.metadata)) for i in raw.list("")]
    again = import_file(raw, dump, "shop", today=dt.date(2026, 11, 23))
    assert not again.created and again.key == first.key
    assert [(i.key, i.version, dict(i.metadata)) for i in raw.list("")] == listing
    assert raw.get(first.key) == dump.read_bytes()


def test_the_import_command_reports_and_refuses_bad_input(tmp_path):
    dump = tmp_path / "dump.log"
    dump.write_text(DUMP)
    env = {"HEROKU_ASSETS_DATA_DIR": str(tmp_path / "data"), "PATH": ""}
    run = [sys.executable, "-m", "heroku_assets.cli", "import"]
    ok = subprocess.run([*run, str(dump), "--app", "shop"], env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "imported as import/shop/" in ok.stdout and "3 lines" in ok.stdout
    twice = subprocess.run([*run, str(dump), "--app", "shop"], env=env, capture_output=True, text=True)
    assert "already imported" in twice.stdout
    missing = subprocess.run(
        [*run, str(tmp_path / "nope.log"), "--app", "shop"], env=env, capture_output=True, text=True
    )
    assert missing.returncode == 1 and "no such file" in missing.stderr
    bad_app = subprocess.run([*run, str(dump), "--app", "Bad_App"], env=env, capture_output=True, text=True)
    assert bad_app.returncode != 0 and "invalid Heroku app name" in bad_app.stderr
    assert "Traceback" not in bad_app.stderr


def test_import_reads_standard_input_as_parse_does(tmp_path):
    """`heroku logs -n 1500 | heroku-assets import - --app shop`: the same object as the saved file."""
    dump = tmp_path / "dump.log"
    dump.write_text(DUMP)
    env = {"HEROKU_ASSETS_DATA_DIR": str(tmp_path / "data"), "PATH": ""}
    run = [sys.executable, "-m", "heroku_assets.cli", "import"]
    piped = subprocess.run([*run, "-", "--app", "shop"], env=env, input=DUMP, capture_output=True, text=True)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith("stdin: imported as import/shop/") and "3 lines" in piped.stdout
    saved = subprocess.run([*run, str(dump), "--app", "shop"], env=env, capture_output=True, text=True)
    assert "already imported" in saved.stdout
    empty = subprocess.run([*run, "-", "--app", "shop"], env=env, input="", capture_output=True, text=True)
    assert empty.stderr == "heroku-assets import: warning: stdin is empty: nothing imported\n"


def test_unreadable_lines_are_counted_and_kept_in_the_metadata(tmp_path):
    raw = LocalObjectStore(tmp_path / "raw")
    dump = tmp_path / "dump.log"
    dump.write_text(DUMP)
    result = import_file(raw, dump, "shop", today=dt.date(2026, 11, 22))
    assert (result.lines, result.unreadable) == (3, 1)
    assert import_file(raw, dump, "shop").unreadable == 1  # already imported: from the metadata


def test_importing_a_binary_or_empty_file_warns(tmp_path):
    env = {"HEROKU_ASSETS_DATA_DIR": str(tmp_path / "data"), "PATH": ""}
    run = [sys.executable, "-m", "heroku_assets.cli", "import"]
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.log"
    blank.write_bytes(b"\n \n\r\n")
    good = tmp_path / "dump.log"
    good.write_text(DUMP)  # one line in three is unreadable: no warning
    result = subprocess.run(
        [*run, str(binary), str(empty), str(blank), str(good), "--app", "shop"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert all(w.startswith("heroku-assets import: warning: ") for w in warnings), warnings
    assert len(warnings) == 3
    assert "photo.jpg: " in warnings[0] and "(100%) are not log lines" in warnings[0]
    assert "empty.log is empty: nothing imported" in warnings[1]
    assert "blank.log holds no log lines" in warnings[2]
    assert "empty.log" not in result.stdout and f"{good}: imported" in result.stdout
