"""What only the Azure Blob store does: blob metadata encoding, ETags, block uploads, container creation,
credentials kept out of URLs and errors; all against real Azurite."""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import uuid
from pathlib import Path

import pytest
from azure.storage.blob import ContainerClient, ContainerSasPermissions, generate_container_sas

from heroku_assets.storage.azure_blob import AzureBlobObjectStore
from heroku_assets.storage.base import StoreError
from heroku_assets.storage.blob_client import RETRIES, scrub
from heroku_assets.storage.blob_metadata import decode_metadata, encode_metadata
from heroku_assets_tests.fixtures_azurite import Azurite


def _sas(azurite: Azurite, container: str, permission: ContainerSasPermissions) -> str:
    return generate_container_sas(
        azurite.account_name,
        container,
        account_key=azurite.account_key,
        permission=permission,
        expiry=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1),
    )


def test_metadata_encoding_is_ascii_and_reversible() -> None:
    meta = {"days": "2026-11-20 2026-11-21", "note": "café 100%", "edge": " x ", "empty": ""}
    encoded = encode_metadata(meta)
    assert encoded["days"] == "2026-11-20 2026-11-21"  # plain ASCII stays readable
    assert all(v.isascii() and v == v.strip() and v for v in encoded.values())
    assert decode_metadata(encoded) == meta
    for bad in ("content-type", "1st", "a b", ""):
        with pytest.raises(ValueError, match="metadata name"):
            encode_metadata({bad: "x"})


def test_blob_metadata_on_the_wire(blob_container: ContainerClient) -> None:
    store = AzureBlobObjectStore(blob_container)
    store.put("import/my-app/x.log", b"x", {"days": "2026-11-20", "note": "ü"})
    raw = blob_container.get_blob_client("import/my-app/x.log").get_blob_properties()
    assert raw.metadata == {"days": "2026-11-20", "note": "%C3%BC"}
    assert store.head("import/my-app/x.log").version == raw.etag.strip('"')


def test_container_is_created_on_first_write_by_concurrent_writers(azurite: Azurite) -> None:
    name = f"c{uuid.uuid4().hex[:20]}"
    stores = [
        AzureBlobObjectStore(ContainerClient.from_connection_string(azurite.connection_string, name))
        for _ in range(6)
    ]
    assert list(stores[0].list()) == []  # listing a container that does not exist yet is empty
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(stores))

    def write(i: int) -> None:
        barrier.wait()
        try:
            stores[i].put(f"k/{i}", b"x")
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(stores))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [i.key for i in stores[0].list("k/")] == [f"k/{i}" for i in range(len(stores))]
    ContainerClient.from_connection_string(azurite.connection_string, name).delete_container()


def test_put_file_commits_one_block_per_chunk(blob_container: ContainerClient, tmp_path: Path) -> None:
    store = AzureBlobObjectStore(blob_container, chunk_size=1024, max_concurrency=3)
    src = tmp_path / "f.bin"
    data = os.urandom(10 * 1024 + 1)
    src.write_bytes(data)
    info = store.put_file("big/f.bin", src, {"rows": "1"})
    committed, uncommitted = blob_container.get_blob_client("big/f.bin").get_block_list("all")
    assert [b.size for b in committed] == [1024] * 10 + [1]
    assert uncommitted == []
    assert store.get("big/f.bin") == data
    assert info.version == store.head("big/f.bin").version


def test_reading_an_object_overwritten_midway_fails_clearly(blob_container: ContainerClient) -> None:
    store = AzureBlobObjectStore(blob_container, chunk_size=1024)
    store.put("state/x", os.urandom(4096))
    stream = store.open("state/x")
    assert len(stream.read(1024)) == 1024
    store.put("state/x", os.urandom(4096))
    with pytest.raises(StoreError, match="overwritten while it was being read"):
        stream.read()


def test_url_and_repr_carry_no_sas(azurite: Azurite, blob_container: ContainerClient) -> None:
    AzureBlobObjectStore(blob_container).put("a/b=c/d.parquet", b"x")
    sas = _sas(azurite, blob_container.container_name, ContainerSasPermissions(read=True, list=True))
    client = ContainerClient(azurite.account_url, blob_container.container_name, credential=sas)
    store = AzureBlobObjectStore(client)
    assert store.get("a/b=c/d.parquet") == b"x"  # the SAS works for reading
    expected = f"{azurite.account_url}/{blob_container.container_name}/a/b=c/d.parquet"
    assert store.url("a/b=c/d.parquet") == expected
    assert "sig=" not in repr(store) and store.container_url in repr(store)


def test_refused_write_fails_with_a_clear_message_and_no_secret(
    azurite: Azurite, blob_container: ContainerClient
) -> None:
    blob_container.create_container()
    sas = _sas(azurite, blob_container.container_name, ContainerSasPermissions(read=True, list=True))
    store = AzureBlobObjectStore(ContainerClient(azurite.account_url, blob_container.container_name, sas))
    with pytest.raises(StoreError) as caught:
        store.put("a/b", b"x")
    message = str(caught.value)
    assert "could not write 'a/b'" in message and "HTTP 403" in message
    signature = dict(p.split("=", 1) for p in sas.split("&"))["sig"]
    assert signature not in message and "sig=" not in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_wrong_account_key_fails_without_leaking_it(azurite: Azurite) -> None:
    wrong_key = azurite.account_key[:-8] + "AAAAAAA="
    client = ContainerClient(
        azurite.account_url,
        f"c{uuid.uuid4().hex[:12]}",
        credential={"account_name": azurite.account_name, "account_key": wrong_key},
    )
    with pytest.raises(StoreError, match="HTTP 403") as caught:
        AzureBlobObjectStore(client).put("a/b", b"x")
    assert wrong_key not in str(caught.value)


def test_unreachable_account_is_a_store_error() -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = ContainerClient(
        f"http://127.0.0.1:{port}/devstoreaccount1",
        "unreachable",
        credential={"account_name": "devstoreaccount1", "account_key": "a2V5"},
        retry_total=0,
    )
    with pytest.raises(StoreError, match="ServiceRequestError"):
        AzureBlobObjectStore(client).put("a/b", b"x")
    with pytest.raises(StoreError, match="could not list"):
        list(AzureBlobObjectStore(client).list("a/"))


def _closed_port() -> int:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_account_is_retried_a_bounded_number_of_times_and_said(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Whatever retries the client was built with, the store retries twice, saying what it retries."""
    client = ContainerClient(
        f"http://127.0.0.1:{_closed_port()}/devstoreaccount1",
        "unreachable",
        credential={"account_name": "devstoreaccount1", "account_key": "a2V5"},
        retry_total=10,  # the SDK's default would wait 15 s and more between tries
    )
    refused = r"could not list .*Connection refused.*\(after 3 tries\)"
    with (
        caplog.at_level("WARNING", logger="heroku_assets.storage.blob_client"),
        pytest.raises(StoreError, match=refused),
    ):
        list(AzureBlobObjectStore(client).list("a/"))
    retries = [r.getMessage() for r in caplog.records]
    assert len(retries) == RETRIES == 2
    assert all(
        m.startswith("blob storage: GET http://127.0.0.1:") and "Connection refused" in m for m in retries
    )
    assert retries[-1].endswith("retry 2 of 2")


def test_default_credential_without_any_credential_fails_at_once_with_one_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """HEROKU_ASSETS_ENV=azure with only the account URL: DefaultAzureCredential finds nothing here. The
    refusal is not retried and comes back as a StoreError of one line (it was an AttributeError)."""
    from azure.identity import DefaultAzureCredential

    for name in ("AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_FEDERATED_TOKEN_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")  # no az, azd or pwsh to ask
    monkeypatch.setenv("IDENTITY_ENDPOINT", f"http://127.0.0.1:{_closed_port()}/token")  # no identity
    monkeypatch.setenv("IMDS_ENDPOINT", f"http://127.0.0.1:{_closed_port()}")
    client = ContainerClient(
        f"https://127.0.0.1:{_closed_port()}/devstoreaccount1", "ccc", credential=DefaultAzureCredential()
    )
    with (
        caplog.at_level("WARNING", logger="heroku_assets.storage.blob_client"),
        pytest.raises(StoreError, match="could not authenticate to blob container") as caught,
    ):
        list(AzureBlobObjectStore(client).list())
    assert "\n" not in str(caught.value) and "AZURE_STORAGE_ACCOUNT_KEY" in str(caught.value)
    assert not [r for r in caplog.records if r.name == "heroku_assets.storage.blob_client"]  # not retried


def test_scrub_removes_credential_shapes() -> None:
    text = "GET https://a.blob.core.windows.net/c?sv=1&sig=abc%2Bdef&se=2 AccountKey=xyz==; Bearer eyJ0"
    cleaned = scrub(text)
    assert "abc%2Bdef" not in cleaned and "xyz==" not in cleaned and "eyJ0" not in cleaned
    assert "sig=***" in cleaned and "sv=1" in cleaned


def test_invalid_container_name() -> None:
    client = ContainerClient("http://127.0.0.1:1/devstoreaccount1", "Bad_Name")
    with pytest.raises(ValueError, match="container name"):
        AzureBlobObjectStore(client)
