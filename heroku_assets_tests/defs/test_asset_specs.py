"""What every asset spec carries once ``definitions.py`` has applied its policy: a link to the code that
defines it, and freshness where a cadence is promised (the ticks' ledger, each API table on its cron)."""

import datetime as dt
from pathlib import Path

import dagster as dg

import heroku_assets
from heroku_assets.platform_api.endpoints import ENDPOINTS

PACKAGE = Path(heroku_assets.__file__).parent


def test_every_asset_links_to_the_code_that_defines_it(definitions) -> None:
    specs = list(definitions.resolve_all_asset_specs())
    assert len(specs) > len(ENDPOINTS)
    for spec in specs:
        references = spec.metadata.get("dagster/code_references")
        assert isinstance(references, dg.CodeReferencesMetadataValue), spec.key
        for reference in references.code_references:
            assert Path(reference.file_path).is_relative_to(PACKAGE), spec.key
            assert Path(reference.file_path).is_file(), spec.key


def test_every_api_table_is_fresh_by_its_cron_and_only_the_ledger_besides(definitions) -> None:
    specs = {spec.key: spec for spec in definitions.resolve_all_asset_specs()}
    # warn after twice the cron's interval, fail after four times
    windows = {
        "*/30 * * * *": (dt.timedelta(hours=1), dt.timedelta(hours=2)),
        "15 * * * *": (dt.timedelta(hours=2), dt.timedelta(hours=4)),
        "25 */3 * * *": (dt.timedelta(hours=6), dt.timedelta(hours=12)),
        "25 1-23/3 * * *": (dt.timedelta(hours=6), dt.timedelta(hours=12)),
        "25 2-23/3 * * *": (dt.timedelta(hours=6), dt.timedelta(hours=12)),
        "45 3 * * *": (dt.timedelta(days=2), dt.timedelta(days=4)),
    }
    for resource in ENDPOINTS:
        policy = specs[dg.AssetKey(["warehouse", resource.table])].freshness_policy
        assert policy is not None, resource.name
        warn, fail = policy.warn_window.to_timedelta(), policy.fail_window.to_timedelta()
        assert (warn, fail) == windows[resource.cron], resource.name
    fresh = {key.path[-1] for key, spec in specs.items() if spec.freshness_policy}
    assert fresh == {r.table for r in ENDPOINTS} | {"log_ledger"}
