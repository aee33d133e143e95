"""Fixtures every test folder may use: real local services started for the session."""

from heroku_assets_tests.fixtures_azurite import azurite, blob_container  # noqa: F401 - pytest fixtures
