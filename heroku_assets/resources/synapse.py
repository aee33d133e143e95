"""The Synapse dedicated SQL pool or Fabric Warehouse as a Dagster resource (the azure environment's
warehouse; ``HEROKU_ASSETS_WAREHOUSE`` picks which).

Everything but the secrets comes from ``heroku_assets.settings.load_synapse``; the secrets (the login's
password or client secret, the storage SAS token or account key that COPY INTO reads the staging container
with) are ``dg.EnvVar`` references, so the UI shows the variable's name and never its value, and they are
marked secret and kept out of the resource's repr once resolved at run time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import dagster as dg
from pydantic import Field

from heroku_assets import settings as settings_module
from heroku_assets.resources import SECRET_FIELD, WarehouseResource
from heroku_assets.warehouse.base import Warehouse

_COPY_SECRET_VARIABLES = settings_module.AZURE_SECRET_VARIABLES


class SynapseWarehouseResource(WarehouseResource):
    """A Synapse dedicated SQL pool reached through pyodbc and ODBC Driver 18; loads COPY INTO a staging
    table from the staged Parquet, then replace the partition in one transaction."""

    target: str = Field(default="synapse", description="synapse | fabric")
    server: str = Field(
        description="<workspace>.sql.azuresynapse.net or <id>.datawarehouse.fabric.microsoft.com (,port)"
    )
    database: str = Field(description="the dedicated SQL pool, or the Fabric warehouse")
    auth: str = Field(default="sql", description="sql | service_principal | token")
    user: str | None = Field(default=None, description="SQL login, or the service principal's client id")
    password: str | None = Field(
        default=None,
        repr=False,
        json_schema_extra=SECRET_FIELD,
        description="SQL login password or client secret (an environment variable)",
    )
    target_schema: str = Field(default="dbo", description="schema of the tables and views")
    staging_schema: str = Field(default="stg", description="schema of the per-load staging tables")
    copy_credential: str = Field(
        default="managed_identity",
        description="how COPY INTO reads storage: sas | key | managed_identity | caller",
    )
    copy_secret: str | None = Field(
        default=None,
        repr=False,
        json_schema_extra=SECRET_FIELD,
        description="the SAS token or account key COPY INTO uses (an environment variable)",
    )
    masked: bool = Field(default=False, description="dynamic data masking on personal-data columns")
    driver: str = settings_module.DEFAULT_DRIVER
    login_timeout: int = Field(default=30, description="seconds to wait for a login")
    query_timeout: int = Field(default=3600, description="seconds a statement may run (0: no limit)")

    def _copy_credential(self):
        from heroku_assets.warehouse.sql import CopyCredential

        kind = self.copy_credential
        if kind in _COPY_SECRET_VARIABLES and not self.copy_secret:
            raise ValueError(f"COPY INTO with {kind} needs {_COPY_SECRET_VARIABLES[kind]}")
        if kind == "sas":
            return CopyCredential.sas(self.copy_secret or "")
        if kind == "key":
            return CopyCredential.account_key(self.copy_secret or "")
        if kind == "managed_identity":
            return CopyCredential.managed_identity()
        if kind == "caller":
            return CopyCredential.caller()
        raise ValueError(f"unknown COPY INTO credential {kind!r}: sas, key, managed_identity or caller")

    @contextlib.contextmanager
    def open(self) -> Iterator[Warehouse]:
        """A SynapseWarehouse; it connects per operation, so nothing is opened here."""
        from heroku_assets.warehouse.synapse_connection import SynapseConfig
        from heroku_assets.warehouse.synapse_loader import warehouse_class

        config = SynapseConfig(
            server=self.server,
            database=self.database,
            auth=self.auth,  # type: ignore[arg-type]  # checked by SynapseConfig
            user=self.user,
            password=self.password,
            driver=self.driver,
            login_timeout=self.login_timeout,
            query_timeout=self.query_timeout,
        )
        yield warehouse_class(self.target)(
            config,
            self._copy_credential(),
            schema=self.target_schema,
            staging_schema=self.staging_schema,
            masked=self.masked,
        )


def synapse_warehouse_resource(
    synapse: settings_module.SynapseSettings | None = None,
) -> SynapseWarehouseResource:
    """The resource from the environment's settings, secrets as EnvVar references."""
    synapse = synapse or settings_module.load_synapse()
    secret_variable = _COPY_SECRET_VARIABLES.get(synapse.copy_credential)
    return SynapseWarehouseResource(
        target=synapse.target,
        server=synapse.server,
        database=synapse.database,
        auth=synapse.auth,
        user=synapse.user,
        password=None if synapse.auth == "token" else dg.EnvVar(settings_module.SYNAPSE_PASSWORD),
        target_schema=synapse.target_schema,
        staging_schema=synapse.staging_schema,
        copy_credential=synapse.copy_credential,
        copy_secret=dg.EnvVar(secret_variable) if secret_variable else None,
        masked=synapse.masking,
        driver=synapse.driver,
        login_timeout=synapse.login_timeout,
        query_timeout=synapse.query_timeout,
    )
