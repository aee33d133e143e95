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
from heroku_assets_tests.fixtures_azurite import azurite, blob_container  # noqa: F401 - pytest fixtures


@pytest.fixture(scope="session")
def heroku_schema_path() -> Path:
    """The vendored schema: every entity the fake API serves is validated against it."""
    return SCHEMA_PATH


@pytest.fixture(scope="session")
def heroku_schema(heroku_schema_path: Path) -> HerokuSchema:
    return HerokuSchema(heroku_schema_path)
