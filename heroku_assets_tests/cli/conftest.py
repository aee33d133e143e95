"""The commands' tests run the drain receiver the capture tests run."""

from heroku_assets_tests.capture.conftest import drain, start_drain  # noqa: F401 - pytest fixtures
