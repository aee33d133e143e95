"""Heroku itself on the graph: what arrives from outside Dagster, so lineage starts at Heroku.

Written by the drain receiver, pulls and imports (received logs) and read live from the Platform API;
Dagster does not materialize them, it observes them (the raw objects sensor records what arrived).
"""

import dagster as dg

from heroku_assets.defs.metadata import file_reference

RECEIVED_LOGS = dg.AssetKey(["heroku", "received_logs"])
PLATFORM_API = dg.AssetKey(["heroku", "platform_api"])
# No function defines them, so their code reference is this file (with_source_code_references skips specs)
HERE = file_reference(__file__)

received_logs = dg.AssetSpec(
    RECEIVED_LOGS,
    group_name="heroku",
    kinds={"heroku"},
    description="Log drain bodies, log-session pulls and imported dumps, exactly as received, in the raw "
    "store (written by `heroku-assets drain serve`, `pull` and `import`).",
    metadata=HERE,
)

# in a group of its own: the API tables hang off it, and would crowd the logs' lineage under "heroku"
platform_api = dg.AssetSpec(
    PLATFORM_API,
    group_name="platform_api",
    kinds={"heroku"},
    description="The Heroku Platform API (api.heroku.com): every resource a read-only token can list "
    "(apps, releases, builds, dynos, add-ons, teams, pipelines, ...), and the app webhooks it sends. "
    "Read with HEROKU_API_KEY (a read-only API token).",
    metadata=HERE,
)
