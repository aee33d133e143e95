"""What a load needs of the pool and of its storage, said before a load fails on it: the pool's isolation
setting, an ADLS Gen2 account for an identity's COPY, and the URLs COPY INTO reads the staged objects
from."""

from __future__ import annotations

from collections.abc import Sequence

from heroku_assets.storage.base import ObjectStore
from heroku_assets.warehouse import sql
from heroku_assets.warehouse.synapse_connection import SynapseError


class SynapseSetupError(SynapseError):
    """The pool or the storage is not set up as the load needs; the message says what to run."""


def isolation_query() -> sql.Query:
    return sql.Query(
        sql.Statement(
            "SELECT CAST(is_read_committed_snapshot_on AS int) AS [is_read_committed_snapshot_on]\n"
            "FROM sys.databases\nWHERE name = DB_NAME()",
            kind="query",
        ),
        ("is_read_committed_snapshot_on",),
    )


def isolation_fix() -> str:
    return (
        "READ_COMMITTED_SNAPSHOT is OFF on this pool, so readers see a partition half replaced (the "
        "default isolation is READ UNCOMMITTED). Connected to the master database, run: "
        "ALTER DATABASE [<pool>] SET READ_COMMITTED_SNAPSHOT ON"
    )


def data_lake_fix(kind: str) -> str:
    return (
        f"COPY INTO reads Parquet with a {kind.replace('_', ' ')} credential only from an ADLS Gen2 account "
        "(hierarchical namespace on), and this staging account has none: set SYNAPSE_COPY_CREDENTIAL=sas "
        "with a read+list AZURE_STORAGE_SAS_TOKEN (or key), or stage in an ADLS Gen2 account"
    )


def copy_sources(store: ObjectStore, keys: Sequence[str]) -> list[str]:
    """The URLs COPY INTO reads: per folder, its ``*.parquet`` when the keys are exactly the Parquet
    objects of that folder (COPY's wildcard also descends into subfolders and skips names starting with _
    or .), otherwise each object's URL. Several folders (the apps of one day) make one list."""
    by_folder: dict[str, list[str]] = {}
    for key in keys:
        by_folder.setdefault(key.rpartition("/")[0], []).append(key)
    urls = []
    for folder, folder_keys in sorted(by_folder.items()):
        listed = {
            info.key
            for info in store.list(folder + "/")
            if info.key.endswith(".parquet") and not info.key.rpartition("/")[2].startswith(("_", "."))
        }
        if all(k.endswith(".parquet") for k in folder_keys) and listed == set(folder_keys):
            urls.append(store.url(sorted(folder_keys)[0]).rpartition("/")[0] + "/*.parquet")
        else:
            urls += [store.url(k) for k in sorted(folder_keys)]
    return urls
