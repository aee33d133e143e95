"""The Azure Blob Storage stores (mixed and azure environments): two containers of one storage account.

The account and its credential are configured as Dagster users know them, with dagster-azure's
``AzureBlobStorageResource`` (the secret a ``dg.EnvVar`` reference, so the UI shows the variable's name and
never its value). The stores open through ``heroku_assets.storage.factory.open_blob_stores``, as the
command line's do: one way to turn a credential into stores, whoever asks.
"""

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
from heroku_assets.storage.factory import Stores, open_blob_stores


class BlobStoresResource(StoresResource):
    """Two containers of one Azure Storage account (or Azurite)."""

    blob: AzureBlobStorageResource
    raw_container: str = "heroku-raw"
    staging_container: str = "heroku-staging"

    def __repr_args__(self) -> Iterator[tuple[str, object]]:
        # dagster-azure's credential shows its key or token in a repr once resolved: name the kind only
        yield "account_url", self.blob.account_url
        yield "credential", self.blob.credential.credential_type
        yield "raw_container", self.raw_container
        yield "staging_container", self.staging_container

    @contextlib.contextmanager
    def open(self) -> Iterator[Stores]:
        credential = self.blob.credential
        if isinstance(credential, AzureBlobStorageKeyCredential):
            kind, secret = "key", credential.key
        elif isinstance(credential, AzureBlobStorageSASTokenCredential):
            kind, secret = "sas", credential.token
        elif isinstance(credential, AzureBlobStorageDefaultCredential):
            kind, secret = "default", None
        else:  # anonymous: the containers are private, a run could not list them
            raise ValueError(
                f"unsupported Blob credential {credential.credential_type!r}: use key, sas, default"
            )
        with open_blob_stores(
            self.blob.account_url, kind, secret, self.raw_container, self.staging_container
        ) as stores:
            yield stores


def blob_stores_resource(settings: settings_module.Settings) -> BlobStoresResource:
    """The stores the settings chose (``Settings.azure_credential``: key, else SAS, else
    DefaultAzureCredential), the secret as a reference to its variable."""
    assert settings.azure_account_url  # the settings refuse a Blob environment without one
    kind = settings.azure_credential
    if kind == "key":
        credential = AzureBlobStorageKeyCredential(key=dg.EnvVar(settings_module.AZURE_ACCOUNT_KEY))
    elif kind == "sas":
        credential = AzureBlobStorageSASTokenCredential(token=dg.EnvVar(settings_module.AZURE_SAS_TOKEN))
    else:
        credential = AzureBlobStorageDefaultCredential()
    return BlobStoresResource(
        blob=AzureBlobStorageResource(account_url=settings.azure_account_url, credential=credential),
        raw_container=settings.raw_container,
        staging_container=settings.staging_container,
    )
