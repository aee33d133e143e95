"""The Azure Blob Storage resource (mixed and azure environments): dagster-azure's client, two containers."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import dagster as dg
from dagster_azure.blob import (
    AzureBlobStorageDefaultCredential,
    AzureBlobStorageKeyCredential,
    AzureBlobStorageResource,
    AzureBlobStorageSASTokenCredential,
)

from heroku_assets import settings as settings_module
from heroku_assets.resources import StoresResource
from heroku_assets.storage.factory import Stores


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
