"""The Azure Blob Storage object store: one blob container, the production raw and staging store.

Object names are the keys as given (so COPY INTO can point at a partition's folder), metadata is blob
metadata, and an object's version is its ETag. Large objects move in bounded chunks in both directions.
"""

from __future__ import annotations

import base64
import contextlib
import io
import logging
import re
import shutil
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO, TypeVar
from urllib.parse import quote

from azure.core import MatchConditions
from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
)
from azure.storage.blob import BlobBlock, BlobProperties, ContainerClient

from heroku_assets.storage.base import ObjectInfo, StoreError, validate_key
from heroku_assets.storage.blob_client import RETRIES, client_options, error_line, scrub, strip_query
from heroku_assets.storage.blob_metadata import decode_metadata, encode_metadata

T = TypeVar("T")
log = logging.getLogger(__name__)


DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024
_CONTAINER_NAME = re.compile(r"^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")


class AzureBlobObjectStore:
    """The ObjectStore protocol on one blob container.

    Built from a ``ContainerClient`` (any credential the Azure SDK takes); the container is created on the
    first write when it does not exist. ``chunk_size`` bounds the memory of a streaming upload or read;
    ``max_concurrency`` block uploads run at once (at most ``chunk_size * max_concurrency`` bytes held).
    """

    def __init__(
        self,
        container: ContainerClient,
        *,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        max_concurrency: int = 4,
    ) -> None:
        if not _CONTAINER_NAME.match(container.container_name) or "--" in container.container_name:
            raise ValueError(f"invalid blob container name: {container.container_name!r}")
        if chunk_size < 1 or max_concurrency < 1:
            raise ValueError("chunk_size and max_concurrency must be positive")
        # Rebuilt on the same URL and credential with bounded retries, whoever made the client (one made
        # from a connection string, say, has the SDK's default retries).
        self._container = ContainerClient.from_container_url(
            container.url, credential=container.credential, **client_options()
        )
        self._chunk_size = chunk_size
        self._max_concurrency = max_concurrency
        self._base_url = strip_query(container.url)

    @classmethod
    def from_connection_string(cls, conn_str: str, container: str, **kwargs: int) -> AzureBlobObjectStore:
        """From a storage connection string (Azurite's, or an account's)."""
        return cls(ContainerClient.from_connection_string(conn_str, container), **kwargs)

    @property
    def container_name(self) -> str:
        return self._container.container_name

    @property
    def container_url(self) -> str:
        """The container's URL, without any SAS token."""
        return self._base_url

    def __repr__(self) -> str:
        return f"AzureBlobObjectStore({self._base_url!r})"

    # -- errors and container creation ---------------------------------------------------------------

    def _error(self, action: str, key: str, exc: BaseException) -> StoreError:
        if isinstance(exc, ClientAuthenticationError):
            # DefaultAzureCredential's error lists every credential it tried, one per line: the first
            # line says what happened, the hint what to set.
            return StoreError(
                f"could not authenticate to blob container {self._base_url}: {scrub(error_line(exc))} "
                "(set AZURE_STORAGE_ACCOUNT_KEY or AZURE_STORAGE_SAS_TOKEN, or make a credential available "
                "to DefaultAzureCredential: a managed identity, AZURE_CLIENT_ID/AZURE_TENANT_ID/"
                "AZURE_CLIENT_SECRET, or `az login`)"
            )
        if isinstance(exc, HttpResponseError):
            first_line = (exc.message or "").strip().splitlines()[0:1]
            reason = first_line[0] if first_line else (exc.reason or "")
            code = getattr(exc, "error_code", None) or ""
            detail = f"HTTP {exc.status_code} {code}: {reason}".replace("  ", " ")
        else:
            detail = error_line(exc)
            if isinstance(exc, AzureError):
                detail += f" (after {RETRIES + 1} tries)"
        return StoreError(f"could not {action} {key!r} in blob container {self._base_url}: {scrub(detail)}")

    def _create_container(self) -> None:
        with contextlib.suppress(ResourceExistsError):  # created meanwhile by another writer
            self._container.create_container()

    def _writing(self, action: str, key: str, write: Callable[[], T]) -> T:
        """Run a write; when the container does not exist yet, create it and write once more."""
        try:
            try:
                return write()
            except ResourceNotFoundError as exc:
                if exc.error_code != "ContainerNotFound":
                    raise
                self._create_container()
                return write()
        except (AzureError, OSError) as exc:
            raise self._error(action, key, exc) from None

    def _reading(self, action: str, key: str, read: Callable[[], T]) -> T:
        """Run a read; a missing blob or container is a KeyError, like a missing file locally."""
        try:
            return read()
        except ResourceNotFoundError:
            raise KeyError(key) from None
        except AzureError as exc:
            raise self._error(action, key, exc) from None

    # -- writes --------------------------------------------------------------------------------------

    def put(self, key: str, data: bytes, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        blob = self._container.get_blob_client(validate_key(key))
        encoded = encode_metadata(metadata)
        result = self._writing(
            "write", key, lambda: blob.upload_blob(data, overwrite=True, metadata=encoded, max_concurrency=1)
        )
        return ObjectInfo(
            key=key,
            size=len(data),
            version=_version(result["etag"]),
            metadata=dict(metadata or {}),
            modified=result["last_modified"].timestamp(),
        )

    def put_file(self, key: str, path: Path, metadata: Mapping[str, str] | None = None) -> ObjectInfo:
        """Upload in ``chunk_size`` blocks, committed together, so a reader sees the old object or the
        new one, never a part, and the file is never held in memory."""
        blob = self._container.get_blob_client(validate_key(key))
        encoded = encode_metadata(metadata)
        size = Path(path).stat().st_size

        def upload() -> dict:
            with open(path, "rb") as src:
                if size <= self._chunk_size:
                    return blob.upload_blob(src.read(), overwrite=True, metadata=encoded, max_concurrency=1)
                blocks = self._stage_blocks(blob, src)
            return blob.commit_block_list(blocks, metadata=encoded)

        result = self._writing("upload", key, upload)
        return ObjectInfo(
            key=key,
            size=size,
            version=_version(result["etag"]),
            metadata=dict(metadata or {}),
            modified=result["last_modified"].timestamp(),
        )

    def _stage_blocks(self, blob, src: BinaryIO) -> list[BlobBlock]:
        blocks: list[BlobBlock] = []
        pending: deque[Future] = deque()
        with ThreadPoolExecutor(max_workers=self._max_concurrency, thread_name_prefix="blob-upload") as pool:
            index = 0
            while chunk := src.read(self._chunk_size):
                # Block ids must all have the same length; the index keeps them unique and ordered.
                block_id = base64.b64encode(f"{index:08d}".encode()).decode()
                if len(pending) >= self._max_concurrency:
                    pending.popleft().result()
                pending.append(pool.submit(blob.stage_block, block_id, chunk, length=len(chunk)))
                blocks.append(BlobBlock(block_id=block_id))
                index += 1
            for future in pending:
                future.result()
        return blocks

    # -- reads ---------------------------------------------------------------------------------------

    def get(self, key: str) -> bytes:
        blob = self._container.get_blob_client(validate_key(key))
        return self._reading("read", key, lambda: blob.download_blob(max_concurrency=1).readall())

    def open(self, key: str) -> BinaryIO:
        """A buffered stream that reads ranges of ``chunk_size`` bytes, pinned to the ETag it opened, so
        an overwrite during the read is an error rather than a mix of two versions."""
        blob = self._container.get_blob_client(validate_key(key))
        props = self._reading("open", key, blob.get_blob_properties)
        raw = _BlobRangeReader(self, key, blob, props.size, props.etag)
        return io.BufferedReader(raw, buffer_size=self._chunk_size)

    def download(self, key: str, path: Path) -> None:
        path = Path(path)
        try:
            with self.open(key) as src, open(path, "wb") as out:
                shutil.copyfileobj(src, out, self._chunk_size)
        except BaseException:
            path.unlink(missing_ok=True)
            raise

    def head(self, key: str) -> ObjectInfo | None:
        blob = self._container.get_blob_client(validate_key(key))
        try:
            props = self._reading("read the properties of", key, blob.get_blob_properties)
        except KeyError:
            return None
        return self._info(props)

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        """Blob listings come back in name order, page by page; nothing is held beyond a page."""
        try:
            for props in self._container.list_blobs(name_starts_with=prefix or None, include=["metadata"]):
                # Folders of a hierarchical-namespace account show up as empty marker blobs.
                if (props.metadata or {}).get("hdi_isfolder") == "true":
                    continue
                yield self._info(props)
        except ResourceNotFoundError:
            return  # no container yet: nothing has been written
        except AzureError as exc:
            raise self._error("list", prefix, exc) from None

    def _info(self, props: BlobProperties) -> ObjectInfo:
        return ObjectInfo(
            key=props.name,
            size=props.size,
            version=_version(props.etag),
            metadata=decode_metadata(props.metadata),
            modified=props.last_modified.timestamp() if props.last_modified else None,
        )

    # -- deletes -------------------------------------------------------------------------------------

    def delete(self, key: str) -> None:
        blob = self._container.get_blob_client(validate_key(key))
        try:
            blob.delete_blob(delete_snapshots="include")
        except ResourceNotFoundError:
            pass
        except AzureError as exc:
            raise self._error("delete", key, exc) from None

    def delete_prefix(self, prefix: str) -> int:
        keys = [info.key for info in self.list(prefix)]
        for key in keys:
            self.delete(key)
        return len(keys)

    def is_data_lake(self) -> bool | None:
        """Whether the account has a hierarchical namespace (ADLS Gen2), which COPY INTO needs to read
        Parquet with a managed or Entra identity; None when the account does not say (an emulator)."""
        info = self._reading("get account information", "", self._container.get_account_information)
        value = info.get("is_hns_enabled")
        return None if value is None else bool(value)

    def url(self, key: str) -> str:
        # '=' stays readable (Hive-style folders in COPY INTO paths); the SAS, if any, is never part of it.
        return f"{self._base_url}/{quote(validate_key(key), safe='/=-._~')}"


class _BlobRangeReader(io.RawIOBase):
    """Reads a blob by ranged GETs of at most ``chunk_size`` bytes, each conditional on the ETag."""

    def __init__(self, store: AzureBlobObjectStore, key: str, blob, size: int, etag: str) -> None:
        self._store = store
        self._key = key
        self._blob = blob
        self._size = size
        self._etag = etag
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        remaining = self._size - self._pos
        if remaining <= 0:
            return 0
        length = min(len(buffer), remaining, self._store._chunk_size)
        if length == 0:
            return 0

        def fetch() -> bytes:
            return self._blob.download_blob(
                offset=self._pos,
                length=length,
                etag=self._etag,
                match_condition=MatchConditions.IfNotModified,
                max_concurrency=1,
            ).readall()

        try:
            data = self._store._reading("read", self._key, fetch)
        except KeyError:
            raise StoreError(f"{self._key!r} was deleted while it was being read") from None
        except StoreError as exc:
            if "ConditionNotMet" in str(exc) or "HTTP 412" in str(exc):
                raise StoreError(f"{self._key!r} was overwritten while it was being read") from None
            raise
        n = len(data)
        buffer[:n] = data
        self._pos += n
        return n


def _version(etag: str) -> str:
    return etag.strip('"')
