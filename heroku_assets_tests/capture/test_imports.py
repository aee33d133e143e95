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
