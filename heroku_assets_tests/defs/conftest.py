import datetime as dt
from pathlib import Path

import dagster as dg
import pytest

from heroku_assets.defs.resources import build_resources
from heroku_assets.settings import load


@pytest.fixture
def project_env(tmp_path, monkeypatch) -> Path:
    """The embedded default under a temporary data directory, as `make run` sets it up."""
    for name in ("HEROKU_ASSETS_ENV", "AZURE_STORAGE_ACCOUNT_URL", "HEROKU_ASSETS_DUCKDB_PATH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HEROKU_ASSETS_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def definitions(project_env) -> dg.Definitions:
    from heroku_assets.definitions import defs

    return defs()


@pytest.fixture
def resources(project_env) -> dict:
    return build_resources(load())


@pytest.fixture
def instance():
    with dg.instance_for_test() as instance:
        yield instance


def days_ago(n: int) -> dt.date:
    return dt.datetime.now(dt.UTC).date() - dt.timedelta(days=n)
