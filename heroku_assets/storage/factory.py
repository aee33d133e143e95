"""Opening the raw and staging stores: the one way, for the command line and the Dagster resources alike.

Both call ``local_stores`` or ``open_blob_stores``; they differ only in where a secret's value comes from:
the command line passes the settings' (``open_stores``), a Dagster resource the value of its ``dg.EnvVar``
reference, resolved when a run opens it (``heroku_assets.resources``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from heroku_assets import settings as settings_module
from heroku_assets.storage.base import ObjectStore
from heroku_assets.storage.local import LocalObjectStore


@dataclass(frozen=True)
class Stores:
    raw: ObjectStore
    staging: ObjectStore


def local_stores(data_dir: Path) -> Stores:
    """Folders under the data directory: the embedded default."""
    return Stores(raw=LocalObjectStore(data_dir / "raw"), staging=LocalObjectStore(data_dir / "staging"))


def blob_credential(kind: str, secret: str | None) -> object:
    """What the Azure SDK authenticates with, for the kind ``Settings.azure_credential`` chose: the account
    key or the SAS token itself, else DefaultAzureCredential (a managed identity, a service principal's
    variables, `az login`)."""
    if kind == "default":
        from azure.identity import DefaultAzureCredential

        return DefaultAzureCredential()
    if kind not in settings_module.AZURE_SECRET_VARIABLES:
        raise ValueError(f"unknown storage credential {kind!r}: key, sas or default")
    # a secret mounted from a file often ends with a newline; the settings strip theirs too
    value = (secret or "").strip()
    if not value:
        raise ValueError(f"a {kind} credential needs {settings_module.AZURE_SECRET_VARIABLES[kind]}")
    return value


@contextlib.contextmanager
def open_blob_stores(
    account_url: str, credential: str, secret: str | None, raw_container: str, staging_container: str
) -> Iterator[Stores]:
    """Two containers of one storage account (or Azurite), reached with ``blob_credential(credential,
    secret)``."""
    from azure.storage.blob import BlobServiceClient

    from heroku_assets.storage.azure_blob import AzureBlobObjectStore

    # no retry options here: each store rebuilds its container's client with the project's bounded retries
    sdk_credential = blob_credential(credential, secret)
    with BlobServiceClient(account_url, credential=sdk_credential) as client:
        yield Stores(
            raw=AzureBlobObjectStore(client.get_container_client(raw_container)),
            staging=AzureBlobObjectStore(client.get_container_client(staging_container)),
        )


@contextlib.contextmanager
def open_stores(config: settings_module.Settings) -> Iterator[Stores]:
    """The raw and staging stores of ``config``, outside Dagster (the command line, the drain receiver):
    the secret is the settings' own."""
    if not config.uses_blob:
        yield local_stores(config.data_dir)
        return
    assert config.azure_account_url  # the settings refuse a Blob environment without one
    secret = config.azure_secret
    with open_blob_stores(
        config.azure_account_url,
        config.azure_credential,
        secret.get_secret_value() if secret else None,
        config.raw_container,
        config.staging_container,
    ) as stores:
        yield stores
