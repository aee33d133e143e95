"""A pytest plugin (loaded with ``-p``, see pyproject.toml) that keeps the tests off the user's data.

``make`` exports ``HEROKU_ASSETS_DATA_DIR`` and ``DAGSTER_HOME`` (the user's data folder and Dagster
instance) to everything it runs, the tests included. So every test runs with both pointing at folders of
its own (``own_data_and_instance``, autouse), and the session fails if the folders they pointed at when it
began changed in any way (a file or folder added, removed, resized or rewritten): a test that writes there
by another way than the environment is caught too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WATCHED = ("HEROKU_ASSETS_DATA_DIR", "DAGSTER_HOME")
Snapshot = dict[str, tuple[int, int] | None]


def user_folders() -> list[Path]:
    """The folders a user's commands write to: the repo's data/ and whatever the environment names."""
    folders = [ROOT / "data", *(Path(os.environ[name]) for name in WATCHED if os.environ.get(name))]
    return sorted({folder.absolute() for folder in folders})


def snapshot(folders: list[Path]) -> Snapshot:
    """Every path under the folders with its size and modification time (None for a folder's size)."""
    found: Snapshot = {}
    for folder in folders:
        if not folder.exists():
            found[str(folder)] = None
            continue
        for path in [folder, *folder.rglob("*")]:
            stat = path.lstat()
            found[str(path)] = (-1 if path.is_dir() else stat.st_size, stat.st_mtime_ns)
    return found


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    found = []
    for path in sorted(before.keys() | after.keys()):
        was, now = before.get(path), after.get(path)
        if was is None and now is not None:
            found.append(f"{path}: added")
        elif was is not None and now is None:
            found.append(f"{path}: removed")
        elif was != now:
            found.append(f"{path}: changed")
    return found


def _is_controller(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")  # an xdist worker: the controller checks for all of them


_STATE: dict[str, object] = {}


def pytest_configure(config: pytest.Config) -> None:
    if _is_controller(config):
        folders = user_folders()
        _STATE.update(folders=folders, before=snapshot(folders))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _is_controller(session.config) or "before" not in _STATE:
        return
    found = changes(_STATE["before"], snapshot(_STATE["folders"]))  # type: ignore[arg-type]
    if found:
        listed = "\n".join(f"  {line}" for line in found[:20])
        session.config.get_terminal_writer().line(
            f"\nthe tests changed the user's data folder or Dagster instance:\n{listed}", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def own_data_and_instance(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data folder and a Dagster instance folder of the test's own, for it and the processes it starts.

    Fixtures that need them elsewhere (``project_env``, ``deployment``) set the variables again."""
    monkeypatch.setenv("HEROKU_ASSETS_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path_factory.mktemp("dagster_home")))
