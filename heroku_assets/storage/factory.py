"""Opening the raw and staging stores of the chosen environment outside Dagster (the command line)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from heroku_assets import settings as settings_module
from heroku_assets.storage.base import ObjectStore
from heroku_assets.storage.local import LocalObjectStore


@dataclass(frozen=True)
class Stores:
    raw: ObjectStore
    staging: ObjectStore


@contextlib.contextmanager
def open_stores(config: settings_module.Settings) -> Iterator[Stores]:
    """The raw and staging stores of ``config``; on Azure the secret comes from the settings here, since
    the command line has no Dagster resources."""
    if not config.uses_blob:
        yield Stores(raw=LocalObjectStore(config.raw_dir), staging=LocalObjectStore(config.staging_dir))
        return
    from azure.storage.blob import BlobServiceClient

    from heroku_assets.storage.azure_blob import AzureBlobObjectStore
    from heroku_assets.storage.blob_client import client_options

    if config.azure_account_key:
        credential: object = config.azure_account_key.get_secret_value()
    elif config.azure_sas_token:
        credential = config.azure_sas_token.get_secret_value()
    else:
        from azure.identity import DefaultAzureCredential

        credential = DefaultAzureCredential()
    with BlobServiceClient(config.azure_account_url, credential=credential, **client_options()) as client:
        yield Stores(
            raw=AzureBlobObjectStore(client.get_container_client(config.raw_container)),
            staging=AzureBlobObjectStore(client.get_container_client(config.staging_container)),
        )
