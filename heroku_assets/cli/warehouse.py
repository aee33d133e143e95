"""``heroku-assets warehouse check`` (also ``synapse check``): run the check against the configured
Synapse pool or Fabric Warehouse (``HEROKU_ASSETS_WAREHOUSE``) and staging storage."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from heroku_assets.cli.common import add_command, add_group

_DESCRIPTION = (
    "With the azure settings (HEROKU_ASSETS_WAREHOUSE, SYNAPSE_*, AZURE_STORAGE_*): on Synapse read the "
    "pool's isolation setting and the permissions the loader needs, on Fabric the warehouse's collation; "
    "then in a scratch schema COPY INTO a staged file of every type with the configured credential, compare "
    "every value, replace a partition twice and roll one back, create and alter a view, apply masks (when "
    "SYNAPSE_MASKING is on) and statistics (Synapse), and try the extreme dates (a warning only); remove "
    "everything; print a pass/fail table. Exits 1 when any check fails."
)


def register(subparsers: Any) -> None:
    for name, help_text in (
        ("warehouse", "Synapse or Fabric Warehouse tools"),
        ("synapse", "the same tools as `warehouse` (its former name)"),
    ):
        commands = add_group(subparsers, name, help_text, f"{help_text}, azure environment.")
        add_command(
            commands,
            "check",
            "prove the load on your warehouse and storage (in a scratch schema it removes afterwards)",
            _DESCRIPTION,
            run,
        )


def _copy_credential(synapse: Any) -> Any:
    from heroku_assets.warehouse.sql import CopyCredential

    kind = synapse.copy_credential
    if kind == "sas":
        return CopyCredential.sas(synapse.storage_sas.get_secret_value())
    if kind == "key":
        return CopyCredential.account_key(synapse.storage_key.get_secret_value())
    return CopyCredential(kind)  # managed_identity | caller, checked by the settings


def run(args: argparse.Namespace) -> int:
    from heroku_assets import settings
    from heroku_assets.cli.common import CommandError
    from heroku_assets.storage.factory import open_stores
    from heroku_assets.warehouse.check_engines import warehouse_engine
    from heroku_assets.warehouse.synapse_check import run_check
    from heroku_assets.warehouse.synapse_connection import SynapseConfig, SynapseError, probe_reachable
    from heroku_assets.warehouse.synapse_loader import warehouse_class

    config = settings.load()
    if not config.uses_blob:
        raise CommandError(f"warehouse check needs the azure settings: set {settings.ENV}=azure")
    synapse = settings.load_synapse()
    # Secrets are read here, by the command (the Dagster resource reads them through dg.EnvVar).
    connection = SynapseConfig(
        server=synapse.server,
        database=synapse.database,
        auth=synapse.auth,
        user=synapse.user,
        password=synapse.password.get_secret_value()
        if synapse.password and synapse.auth != "token"
        else None,
        driver=synapse.driver,
        login_timeout=synapse.login_timeout,
        query_timeout=synapse.query_timeout,
        connect_attempts=2,  # a check is run by hand: say what is wrong rather than wait
    )
    warehouse = warehouse_class(synapse.target)(
        connection,
        _copy_credential(synapse),
        schema=synapse.target_schema,
        staging_schema=synapse.staging_schema,
        masked=synapse.masking,
    )
    where = f"{synapse.target} at {connection.describe()}"
    print(f"checking {where} with COPY credential {synapse.copy_credential}", file=sys.stderr)
    try:
        probe_reachable(connection)
        with open_stores(config) as stores:
            report = run_check(warehouse_engine(warehouse, stores.staging), stores.staging)
    except SynapseError as exc:  # no connection, or no driver: nothing could be checked
        raise CommandError(str(exc), status=1) from None
    print(report.table())
    return 0 if report.ok else 1
