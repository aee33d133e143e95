"""Fixtures every test folder may use: real local services started for the session, and the fake Heroku
API (checked against the vendored Platform API schema)."""

import os
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

# The tests build partitions of fixed days (November 2026) and of the last few days; the first day with
# partitions is read once per process (heroku_assets/defs/partitions.py), so it is set and read before
# any test runs, whatever their order and whichever clears the variable for a while. Tests of the unset
# default start their own processes without it.
TEST_START_DATE = "2026-01-01"


def pytest_configure(config: pytest.Config) -> None:
    from heroku_assets.defs.partitions import first_day

    os.environ["HEROKU_ASSETS_START_DATE"] = TEST_START_DATE
    first_day()


@pytest.fixture(scope="session")
def heroku_schema_path() -> Path:
    """The vendored schema: every entity the fake API serves is validated against it."""
    return SCHEMA_PATH


@pytest.fixture(scope="session")
def heroku_schema(heroku_schema_path: Path) -> HerokuSchema:
    return HerokuSchema(heroku_schema_path)
