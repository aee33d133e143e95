"""``heroku-assets synapse check``: run the Synapse check against the configured pool and storage."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    synapse = subparsers.add_parser(
        "synapse",
        help="Synapse dedicated SQL pool tools",
        description="Tools for the azure environment's Synapse dedicated SQL pool.",
    )
    commands = synapse.add_subparsers(dest="synapse_command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="prove the load on your pool and storage (in a scratch schema it removes afterwards)",
        description=(
            "With the azure settings (SYNAPSE_*, AZURE_STORAGE_*): read the pool's isolation setting and "
            "the permissions the loader needs, then in a scratch schema COPY INTO a staged file of every "
            "type with the configured credential, compare every value, replace a partition twice and roll "
            "one back, create and alter a view, apply a mask and update statistics; remove everything; "
            "print a pass/fail table. Exits 1 when any check fails."
        ),
    )
    check.set_defaults(handler=run)


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
    from heroku_assets.cli import CommandError
    from heroku_assets.storage.factory import open_stores
    from heroku_assets.warehouse.synapse_check import run_check, synapse_engine
    from heroku_assets.warehouse.synapse_connection import SynapseConfig, SynapseError
    from heroku_assets.warehouse.synapse_loader import SynapseWarehouse

    config = settings.load()
    if not config.uses_blob:
        raise CommandError(f"synapse check needs the azure settings: set {settings.ENV}=azure")
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
    )
    warehouse = SynapseWarehouse(
        connection,
        _copy_credential(synapse),
        schema=synapse.target_schema,
        staging_schema=synapse.staging_schema,
        masked=synapse.masking,
    )
    print(f"checking {connection.describe()} with COPY credential {synapse.copy_credential}", file=sys.stderr)
    try:
        with open_stores(config) as stores:
            report = run_check(synapse_engine(warehouse, stores.staging), stores.staging)
    except SynapseError as exc:  # no connection, or no driver: nothing could be checked
        raise CommandError(str(exc), status=1) from None
    print(report.table())
    return 0 if report.ok else 1
