"""Environment -> resources. The environment is picked once, in ``heroku_assets.settings``; secrets are
passed as ``dg.EnvVar`` so the UI shows which variable holds them, never the value."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
from dagster_azure.blob import (
    AzureBlobStorageDefaultCredential,
    AzureBlobStorageKeyCredential,
    AzureBlobStorageResource,
    AzureBlobStorageSASTokenCredential,
)
from dagster_duckdb import DuckDBResource

from heroku_assets import settings as settings_module
from heroku_assets.storage.factory import Stores
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.warehouse.base import Warehouse

if TYPE_CHECKING:
    from heroku_assets.platform_api.client import HerokuClient


class StoresResource(dg.ConfigurableResource):
    """The raw and staging object stores, wherever they live."""

    late_days: int = 1

    @contextlib.contextmanager
    def open(self) -> Iterator[Stores]:
        raise NotImplementedError
        yield  # pragma: no cover


class LocalStoresResource(StoresResource):
    """Folders under the data directory: the embedded default."""

    data_dir: str

    @contextlib.contextmanager
    def open(self) -> Iterator[Stores]:
        root = Path(self.data_dir)
        yield Stores(raw=LocalObjectStore(root / "raw"), staging=LocalObjectStore(root / "staging"))


class BlobStoresResource(StoresResource):
    """Two containers of one Azure Storage account (or Azurite)."""

    blob: AzureBlobStorageResource
    raw_container: str = "heroku-raw"
    staging_container: str = "heroku-staging"

    @contextlib.contextmanager
    def open(self) -> Iterator[Stores]:
        from heroku_assets.storage.azure_blob import AzureBlobObjectStore

        with self.blob.get_client() as client:
            yield Stores(
                raw=AzureBlobObjectStore(client.get_container_client(self.raw_container)),
                staging=AzureBlobObjectStore(client.get_container_client(self.staging_container)),
            )


class WarehouseResource(dg.ConfigurableResource):
    """Where the tables live; ``open`` yields a library ``Warehouse``."""

    @contextlib.contextmanager
    def open(self) -> Iterator[Warehouse]:
        raise NotImplementedError
        yield  # pragma: no cover


class DuckDBWarehouseResource(WarehouseResource):
    """DuckDB through dagster-duckdb's resource."""

    duckdb: DuckDBResource

    @contextlib.contextmanager
    def open(self) -> Iterator[Warehouse]:
        from heroku_assets.warehouse.duckdb import DuckDBWarehouse

        Path(self.duckdb.database).parent.mkdir(parents=True, exist_ok=True)
        with self.duckdb.get_connection() as conn:
            yield DuckDBWarehouse(conn)


class HerokuApiResource(dg.ConfigurableResource):
    """The Platform API; the token is an EnvVar reference, never shown."""

    token: str
    base_url: str = "https://api.heroku.com"

    @contextlib.contextmanager
    def client(self) -> Iterator[HerokuClient]:
        from heroku_assets.platform_api.client import (
            HerokuAuthError,
            HerokuClient,
            HerokuForbiddenError,
            HerokuNotFoundError,
        )

        try:
            with HerokuClient(self.token, base_url=self.base_url) as client:
                yield client
        except (HerokuAuthError, HerokuForbiddenError, HerokuNotFoundError) as exc:
            # Retrying cannot fix a bad token, a missing permission or a deleted app.
            raise dg.Failure(description=str(exc), allow_retries=False) from exc


def blob_resource(settings: settings_module.Settings) -> AzureBlobStorageResource:
    """Key, SAS token or DefaultAzureCredential, as the settings chose."""
    assert settings.azure_account_url
    if settings.azure_credential == "key":
        credential = AzureBlobStorageKeyCredential(key=dg.EnvVar(settings_module.AZURE_ACCOUNT_KEY))
    elif settings.azure_credential == "sas":
        credential = AzureBlobStorageSASTokenCredential(token=dg.EnvVar(settings_module.AZURE_SAS_TOKEN))
    else:
        credential = AzureBlobStorageDefaultCredential()
    return AzureBlobStorageResource(account_url=settings.azure_account_url, credential=credential)


def build_resources(settings: settings_module.Settings) -> dict[str, dg.ConfigurableResource]:
    """The resources of the chosen environment."""
    if settings.uses_blob:
        stores: StoresResource = BlobStoresResource(
            blob=blob_resource(settings),
            raw_container=settings.raw_container,
            staging_container=settings.staging_container,
            late_days=settings.late_days,
        )
    else:
        stores = LocalStoresResource(data_dir=str(settings.data_dir), late_days=settings.late_days)
    if settings.uses_synapse:
        from heroku_assets.defs.synapse_resource import synapse_warehouse_resource

        warehouse: WarehouseResource = synapse_warehouse_resource()
    else:
        warehouse = DuckDBWarehouseResource(duckdb=DuckDBResource(database=str(settings.duckdb_path)))
    heroku_api = HerokuApiResource(
        token=dg.EnvVar(settings_module.HEROKU_API_KEY), base_url=settings.heroku_api_url
    )
    return {"stores": stores, "warehouse": warehouse, "heroku_api": heroku_api}


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources=build_resources(settings_module.load()))
