"""Heroku's Platform API JSON hyper-schema, vendored (``platform-api.json``).

Source: the schema Heroku publishes at ``GET /schema`` and in the ``heroku/platform-api`` repository, as
of 2026-06. Kept inside the package so the API tables and the tests' fake API derive from one copy that a
clone always has; ``heroku-assets api schema-diff`` compares it with the live one.
"""

from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("platform-api.json")
