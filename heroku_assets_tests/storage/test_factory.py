"""The stores open one way from the command line (``open_stores``, the settings' secret) and from a Dagster
run (the resource ``build_resources`` makes, its secret an EnvVar reference): the same containers or
folders, with a key or a SAS token, on a real Azurite."""

from __future__ import annotations

import datetime as dt

import dagster as dg
import pytest
from azure.identity import DefaultAzureCredential
from azure.storage.blob import AccountSasPermissions, ResourceTypes, generate_account_sas

from heroku_assets import settings as settings_module
from heroku_assets.defs.resources import build_resources
from heroku_assets.resources import LocalStoresResource
from heroku_assets.resources.azure import BlobStoresResource
from heroku_assets.storage.azure_blob import AzureBlobObjectStore
from heroku_assets.storage.factory import blob_credential, open_stores
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.fixtures_azurite import Azurite


def _account_sas(azurite: Azurite) -> str:
    return generate_account_sas(
        azurite.account_name,
        azurite.account_key,
        ResourceTypes(container=True, object=True),
        AccountSasPermissions(read=True, write=True, list=True, delete=True, create=True),
        expiry=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1),
    )


@pytest.mark.parametrize("kind", ["key", "sas"])
def test_the_command_line_and_a_run_open_the_same_containers(
    azurite: Azurite, mixed_env: dict[str, str], clean_env: pytest.MonkeyPatch, kind: str
) -> None:
    containers = mixed_env
    variable = settings_module.AZURE_SECRET_VARIABLES[kind]
    secret = azurite.account_key if kind == "key" else _account_sas(azurite)
    clean_env.delenv("AZURE_STORAGE_ACCOUNT_KEY")
    # as a mounted secret often is: the settings strip it, and so must the run
    clean_env.setenv(variable, secret + "\n")
    settings = settings_module.load()
    assert settings.azure_credential == kind

    with open_stores(settings) as stores:
        assert isinstance(stores.raw, AzureBlobObjectStore)
        written = stores.raw.put("import/shop/a.log", b"from the command line", {"lines": "1"})
        command_line_urls = (stores.raw.container_url, stores.staging.container_url)

    resource = build_resources(settings)["stores"]
    assert isinstance(resource, BlobStoresResource)
    assert resource.blob.account_url == azurite.account_url
    field = "key" if kind == "key" else "token"
    assert getattr(resource.blob.credential, field) == dg.EnvVar(variable)  # the UI shows the variable's name
    with dg.build_resources({"stores": resource}) as built, built.stores.open() as stores:
        assert (stores.raw.container_url, stores.staging.container_url) == command_line_urls
        assert command_line_urls == (
            f"{azurite.account_url}/{containers['raw']}",
            f"{azurite.account_url}/{containers['staging']}",
        )
        assert stores.raw.get(written.key) == b"from the command line"
        staged = stores.staging.put("router_events/part-00000.parquet", b"from a run", {})
        shown = repr(built.stores) + str(built.stores) + repr(stores.raw) + stores.raw.url(written.key)
        assert secret not in shown and "sig=" not in shown

    with open_stores(settings_module.load()) as stores:
        assert stores.staging.get(staged.key) == b"from a run"
        assert [i.key for i in stores.raw.list()] == [written.key]


def test_a_credential_without_its_secret_is_named_and_default_needs_none() -> None:
    for kind, variable in settings_module.AZURE_SECRET_VARIABLES.items():
        for missing in (None, "", " \n"):
            with pytest.raises(ValueError, match=f"^a {kind} credential needs {variable}$"):
                blob_credential(kind, missing)
        assert blob_credential(kind, " s3cret\n") == "s3cret"
    assert isinstance(blob_credential("default", None), DefaultAzureCredential)
    with pytest.raises(ValueError, match="unknown storage credential 'token'"):
        blob_credential("token", "x")


def test_the_local_stores_are_the_data_folder_s_both_ways(tmp_path, clean_env: pytest.MonkeyPatch) -> None:
    settings = settings_module.load()
    resource = build_resources(settings)["stores"]
    assert isinstance(resource, LocalStoresResource)
    with open_stores(settings) as stores:
        assert isinstance(stores.raw, LocalObjectStore)
        written = stores.raw.put("import/shop/a.log", b"x", {})
    with dg.build_resources({"stores": resource}) as built, built.stores.open() as stores:
        assert stores.raw.get(written.key) == b"x"
        staged = stores.staging.put("router_events/part-00000.parquet", b"y", {})
    assert (tmp_path / "data" / "raw" / written.key).read_bytes() == b"x"
    assert (tmp_path / "data" / "staging" / staged.key).read_bytes() == b"y"
