"""The Azure Blob Storage stores (mixed and azure environments): two containers of one storage account.

They open through ``heroku_assets.storage.factory.open_blob_stores``, as the command line's do; the secret
(the account key or SAS token) is a ``dg.EnvVar`` reference, so the UI shows the variable's name and never
its value, resolved when a run opens the resource.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from pydantic import Field

from heroku_assets.resources import SECRET_FIELD, StoresResource
from heroku_assets.storage.factory import Stores, open_blob_stores


class BlobStoresResource(StoresResource):
    """Two containers of one Azure Storage account (or Azurite)."""

    account_url: str = Field(description="https://<account>.blob.core.windows.net, or Azurite's")
    credential: str = Field(default="default", description="key | sas | default (DefaultAzureCredential)")
    secret: str | None = Field(
        default=None,
        repr=False,
        json_schema_extra=SECRET_FIELD,
        description="the account key or SAS token (an environment variable)",
    )
    raw_container: str = "heroku-raw"
    staging_container: str = "heroku-staging"

    @contextlib.contextmanager
    def open(self) -> Iterator[Stores]:
        with open_blob_stores(
            self.account_url, self.credential, self.secret, self.raw_container, self.staging_container
        ) as stores:
            yield stores
