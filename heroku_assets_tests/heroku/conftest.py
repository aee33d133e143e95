"""Fixtures for the Platform API tests: the fake Heroku API and the Platform API JSON schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from heroku_assets_tests.fakes.heroku_api import (  # noqa: F401 (fixtures)
    HerokuSchema,
    fake_heroku,
    fake_heroku_server,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
# The schema is kept beside the repository (../shared/reference), not in it.
HEROKU_SCHEMA_PATH = REPO_ROOT.parent / "shared" / "reference" / "heroku-platform-api.schema.json"


@pytest.fixture(scope="session")
def heroku_schema_path() -> Path | None:
    """The schema's path, or None where it is absent (the fake then serves unchecked)."""
    return HEROKU_SCHEMA_PATH if HEROKU_SCHEMA_PATH.is_file() else None


@pytest.fixture(scope="session")
def heroku_schema(heroku_schema_path: Path | None) -> HerokuSchema:
    if heroku_schema_path is None:
        pytest.skip(f"the Platform API schema is not at {HEROKU_SCHEMA_PATH}")
    return HerokuSchema(heroku_schema_path)
