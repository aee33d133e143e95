"""Fixtures every test folder may use: real local services started for the session, and the fake Heroku
API (checked against the vendored Platform API schema)."""

from pathlib import Path

import pytest

from heroku_assets.platform_api.schema import SCHEMA_PATH
from heroku_assets_tests.fakes.heroku_api import (  # noqa: F401 - pytest fixtures
    HerokuSchema,
    fake_heroku,
    fake_heroku_server,
)
from heroku_assets_tests.fixtures_azurite import (  # noqa: F401 - pytest fixtures
    azurite,
    blob_container,
    clean_env,
    mixed_env,
)

# The tests build partitions of fixed days (November 2026) and of the last few days: the first day with
# partitions is this one, unless a test sets its own. Tests of the unset default delete the variable.
TEST_START_DATE = "2026-01-01"


@pytest.fixture(autouse=True)
def first_day_with_partitions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEROKU_ASSETS_START_DATE", TEST_START_DATE)


@pytest.fixture(scope="session")
def heroku_schema_path() -> Path:
    """The vendored schema: every entity the fake API serves is validated against it."""
    return SCHEMA_PATH


@pytest.fixture(scope="session")
def heroku_schema(heroku_schema_path: Path) -> HerokuSchema:
    return HerokuSchema(heroku_schema_path)
