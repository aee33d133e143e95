"""COPY INTO: how the pool reads the staged Parquet, and which Parquet types it can read.

COPY INTO takes only literals (no variables or parameter markers) for its source URLs and credential, so
those are validated against strict character sets before they are written into the text, and the
credential's secret is kept out of the statement text (see ``Statement.secret``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from heroku_assets.tables import Table
from heroku_assets.warehouse.sql.dialect import TSQL, Dialect, TableName
from heroku_assets.warehouse.sql.statement import Statement

# The Parquet types a dedicated pool's COPY INTO reads, and the SQL type each loads into: the rows of
# "Use the following SQL data type mapping when loading Parquet files" in Microsoft's "Data loading
# strategies for dedicated SQL pool" (design-elt-data-loading) that the staged files may use. Keys are
# (physical type, logical type) as pyarrow.parquet reports them (ColumnSchema.physical_type and
# str(ColumnSchema.logical_type)). The same page: "SQL dedicated pools do not currently support Parquet
# data types with MICROS and NANOS precision", so no TIMESTAMP(MICROS) here: timestamps are staged as
# plain INT64 microseconds and converted in the INSERT ... SELECT (``Dialect.from_epoch_us``).
COPY_PARQUET_TYPES: dict[tuple[str, str], str] = {
    ("BOOLEAN", "None"): "bit",
    ("DOUBLE", "None"): "float",
    ("INT32", "None"): "int",
    ("INT32", "Int(bitWidth=32, isSigned=true)"): "int",
    ("INT64", "None"): "bigint",
    ("INT64", "Int(bitWidth=64, isSigned=true)"): "bigint",
    ("INT32", "Date"): "date",
    ("BYTE_ARRAY", "String"): "nvarchar",
}
# The SQL type of the staging column each declared type is loaded into; a staged file's column must map
# to exactly this (COPY fails with HdfsBridge ... ClassCastException where Parquet and SQL types differ).
STAGING_SQL_TYPES = {
    "string": "nvarchar",
    "json": "nvarchar",
    "int32": "int",
    "int64": "bigint",
    "float64": "float",
    "bool": "bit",
    "timestamp": "bigint",
    "date": "date",
}

# COPY INTO reads https URLs of one account and container; these are the only characters let through.
# Loopback http (Azurite) is let through too, so the mixed mode can show where COPY INTO would read.
_COPY_URL = re.compile(
    r"^(https://[A-Za-z0-9.-]+|http://(127\.0\.0\.1|localhost))(:[0-9]{1,5})?/[A-Za-z0-9_.=@%+/*~-]+$"
)
_SAS_TOKEN = re.compile(r"^[A-Za-z0-9%&=:._+/-]+$")
_ACCOUNT_KEY = re.compile(r"^[A-Za-z0-9+/]{20,}={0,2}$")

CredentialKind = Literal["sas", "account_key", "managed_identity", "caller"]


@dataclass(frozen=True)
class CopyCredential:
    """How the pool reads the staging container: a SAS token (read + list), the account key, the
    workspace's managed identity, or the caller's own Entra identity (no CREDENTIAL clause)."""

    kind: CredentialKind
    secret: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.kind == "sas":
            token = (self.secret or "").lstrip("?")
            if not _SAS_TOKEN.match(token) or "sig=" not in token:
                raise ValueError(
                    "the COPY INTO SAS token is not a SAS query string (expected sv=...&sig=...; only "
                    "letters, digits and % & = : . _ + / - are accepted)"
                )
            object.__setattr__(self, "secret", token)
        elif self.kind == "account_key":
            if not _ACCOUNT_KEY.match(self.secret or ""):
                raise ValueError("the COPY INTO storage account key is not a base64 account key")
        elif self.kind in ("managed_identity", "caller"):
            if self.secret is not None:
                raise ValueError(f"a {self.kind} COPY INTO credential takes no secret")
        else:
            raise ValueError(f"unknown COPY INTO credential kind: {self.kind!r}")

    @classmethod
    def sas(cls, token: str) -> CopyCredential:
        return cls("sas", token)

    @classmethod
    def account_key(cls, key: str) -> CopyCredential:
        return cls("account_key", key)

    @classmethod
    def managed_identity(cls) -> CopyCredential:
        return cls("managed_identity")

    @classmethod
    def caller(cls) -> CopyCredential:
        return cls("caller")

    def clause(self, dialect: Dialect = TSQL) -> str:
        """The CREDENTIAL option as written in the statement text, with the secret marked, not written."""
        return dialect.copy_credential(self.kind)

    def source_url(self, url: str, dialect: Dialect = TSQL) -> str:
        return dialect.copy_url(self.kind, url)


def validate_copy_url(url: str) -> str:
    if not _COPY_URL.match(url):
        raise ValueError(
            f"COPY INTO can only read https URLs of Azure storage made of plain characters, not {url!r} "
            "(is the staging store on Azure Blob Storage?)"
        )
    return url


def copy_into(
    table: Table,
    staged: TableName,
    urls: Sequence[str],
    credential: CopyCredential,
    dialect: Dialect = TSQL,
) -> Statement:
    """COPY INTO the staging table from Parquet objects or folder wildcards (several folders of one
    account and container in one statement). Columns are listed in declaration order, the order the
    Parquet files are written in (Synapse maps Parquet columns by position, Fabric by name: both hold).
    COPY INTO takes no OPTION clause, so it carries no label."""
    if not urls:
        raise ValueError("COPY INTO needs at least one source URL")
    sources = ",\n     ".join(f"'{validate_copy_url(credential.source_url(u, dialect))}'" for u in urls)
    cols = ", ".join(dialect.quote(c.name) for c in table.columns)
    options = ",\n    ".join(o for o in ("FILE_TYPE = 'PARQUET'", credential.clause(dialect)) if o)
    return Statement(
        f"COPY INTO {staged.sql(dialect)} ({cols})\nFROM {sources}\nWITH (\n    {options}\n)",
        kind="copy",
        secret=credential.secret,
    )
