"""The one place that reads the environment and picks where data lives.

``HEROKU_ASSETS_ENV`` chooses the environment:

- ``local`` (the default): raw and staging stores in folders under ``HEROKU_ASSETS_DATA_DIR``, DuckDB
  as the warehouse. Nothing to set up.
- ``mixed``: Azure Blob Storage (e.g. Azurite) for both stores, DuckDB as the warehouse: try the Blob path
  on a laptop.
- ``azure``: Azure Blob Storage and a Synapse dedicated SQL pool, or a Microsoft Fabric Warehouse when
  ``HEROKU_ASSETS_WAREHOUSE=fabric`` (both reached with the ``SYNAPSE_*`` variables below).

Values are read when ``load()`` is called, never at import, and validated once (pydantic-settings), with
messages that name the variable. The Dagster resources take secrets as ``EnvVar`` references so the UI
shows the variable's name, never its value.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["local", "mixed", "azure"]

ENV = "HEROKU_ASSETS_ENV"
WAREHOUSE = "HEROKU_ASSETS_WAREHOUSE"
DATA_DIR = "HEROKU_ASSETS_DATA_DIR"
LATE_DAYS = "HEROKU_ASSETS_LATE_DAYS"
SENSOR_INTERVAL = "HEROKU_ASSETS_SENSOR_INTERVAL"
START_DATE = "HEROKU_ASSETS_START_DATE"
DUCKDB_PATH = "HEROKU_ASSETS_DUCKDB_PATH"
RAW_CONTAINER = "HEROKU_ASSETS_RAW_CONTAINER"
STAGING_CONTAINER = "HEROKU_ASSETS_STAGING_CONTAINER"
AZURE_ACCOUNT_URL = "AZURE_STORAGE_ACCOUNT_URL"
# secrets: read only through dg.EnvVar by the resources, or by command-line handlers
AZURE_ACCOUNT_KEY = "AZURE_STORAGE_ACCOUNT_KEY"
AZURE_SAS_TOKEN = "AZURE_STORAGE_SAS_TOKEN"
# the variable holding the secret of each kind of storage credential (Blob stores and COPY INTO alike)
AZURE_SECRET_VARIABLES = {"key": AZURE_ACCOUNT_KEY, "sas": AZURE_SAS_TOKEN}
HEROKU_API_KEY = "HEROKU_API_KEY"
HEROKU_API_URL = "HEROKU_API_URL"
HEROKU_API_RATE_SHARE = "HEROKU_API_RATE_SHARE"
HEROKU_API_WEBHOOKS = "HEROKU_API_WEBHOOKS"
WEBHOOK_SECRET = "HEROKU_WEBHOOK_SECRET"
DAGSTER_HOME = "DAGSTER_HOME"
SYNAPSE_SERVER = "SYNAPSE_SERVER"
SYNAPSE_DATABASE = "SYNAPSE_DATABASE"
SYNAPSE_AUTH = "SYNAPSE_AUTH"
SYNAPSE_USER = "SYNAPSE_USER"
SYNAPSE_SCHEMA = "SYNAPSE_SCHEMA"
SYNAPSE_STAGING_SCHEMA = "SYNAPSE_STAGING_SCHEMA"
SYNAPSE_COPY_CREDENTIAL = "SYNAPSE_COPY_CREDENTIAL"
SYNAPSE_MASKING = "SYNAPSE_MASKING"
SYNAPSE_LOGIN_TIMEOUT = "SYNAPSE_LOGIN_TIMEOUT"
SYNAPSE_QUERY_TIMEOUT = "SYNAPSE_QUERY_TIMEOUT"
SYNAPSE_DRIVER = "SYNAPSE_DRIVER"
DEFAULT_DRIVER = "ODBC Driver 18 for SQL Server"  # Microsoft's, as the image and .ci/install-odbc install it
# secret: SQL login password or service principal client secret, read only through dg.EnvVar
SYNAPSE_PASSWORD = "SYNAPSE_PASSWORD"
# the drain receiver (DrainSettings)
DRAIN_USER = "HEROKU_DRAIN_USER"
DRAIN_PASSWORD = "HEROKU_DRAIN_PASSWORD"  # secret
DRAIN_PATH_TOKEN = "HEROKU_DRAIN_PATH_TOKEN"  # secret
DRAIN_APPS = "HEROKU_DRAIN_APPS"
DRAIN_MAX_BODY_BYTES = "HEROKU_DRAIN_MAX_BODY_BYTES"
DRAIN_OTLP_MAX_BODY_BYTES = "HEROKU_DRAIN_OTLP_MAX_BODY_BYTES"
DRAIN_SPOOL_DIR = "HEROKU_DRAIN_SPOOL_DIR"
DRAIN_RECEIVER_ID = "HEROKU_DRAIN_RECEIVER_ID"
DRAIN_SEGMENT_SECONDS = "HEROKU_DRAIN_SEGMENT_SECONDS"
DRAIN_SEGMENT_BYTES = "HEROKU_DRAIN_SEGMENT_BYTES"
DRAIN_SPOOL_MAX_BYTES = "HEROKU_DRAIN_SPOOL_MAX_BYTES"
DRAIN_ALLOW_ANONYMOUS = "HEROKU_DRAIN_ALLOW_ANONYMOUS"
DRAIN_LOG_LEVEL = "HEROKU_DRAIN_LOG_LEVEL"


# Unset, HEROKU_ASSETS_START_DATE is this many days before today (UTC): the days `heroku-assets sample`
# writes by default (the ones before today), which `make run` imports, so a fresh instance opens on what
# exists instead of on months of empty partitions.
DEFAULT_HISTORY_DAYS = 3


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def default_start_date() -> dt.date:
    """The first day with partitions when ``HEROKU_ASSETS_START_DATE`` is unset."""
    return utc_today() - dt.timedelta(days=DEFAULT_HISTORY_DAYS)


class _EnvSettings(BaseSettings):
    """Values are stripped, and an empty variable is as if unset: its default applies."""

    @model_validator(mode="before")
    @classmethod
    def _blank_means_default(cls, values: object) -> object:
        if isinstance(values, dict):
            values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
            return {k: v for k, v in values.items() if v != ""}
        return values


class Settings(_EnvSettings):
    """Everything about where data lives, as read from ``HEROKU_ASSETS_*`` and the Azure storage variables.

    The storage secrets are kept as ``SecretStr`` for the command line, which has no Dagster resources;
    Dagster gets them as ``EnvVar`` references instead (``heroku_assets.defs.resources``).
    """

    model_config = SettingsConfigDict(env_prefix="HEROKU_ASSETS_", frozen=True, extra="ignore")

    environment: Environment = Field("local", validation_alias=ENV)
    data_dir: Path = Path("data")
    late_days: int = Field(1, ge=0, le=7, description="days after a day whose arrivals may hold its lines")
    sensor_interval: int = Field(300, ge=30, description="seconds between raw objects sensor ticks")
    duckdb_path_setting: Path | None = Field(None, validation_alias=DUCKDB_PATH)
    dagster_home_setting: Path | None = Field(None, validation_alias=DAGSTER_HOME)
    start_date_setting: dt.date | None = Field(
        None, validation_alias=START_DATE, description="the first UTC day with log partitions"
    )
    raw_container: str = "heroku-raw"
    staging_container: str = "heroku-staging"
    azure_account_url: str | None = Field(None, validation_alias=AZURE_ACCOUNT_URL)
    azure_account_key: SecretStr | None = Field(None, validation_alias=AZURE_ACCOUNT_KEY, repr=False)
    azure_sas_token: SecretStr | None = Field(None, validation_alias=AZURE_SAS_TOKEN, repr=False)
    heroku_api_url: str = Field("https://api.heroku.com", validation_alias=HEROKU_API_URL)
    heroku_api_key: SecretStr | None = Field(None, validation_alias=HEROKU_API_KEY, repr=False)
    heroku_api_rate_share: float = Field(
        0.6,
        gt=0,
        le=1,
        validation_alias=HEROKU_API_RATE_SHARE,
        description="the share of Heroku's rate limit (4,500 requests, 75 a minute) the sync may spend; the "
        "rest is left for people and CI using the same account",
    )
    heroku_api_webhooks: bool = Field(
        False,
        validation_alias=HEROKU_API_WEBHOOKS,
        description="the apps are subscribed to app webhooks: what they announce is listed only to reconcile",
    )

    @field_validator("environment", mode="before")
    @classmethod
    def _environment(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("start_date_setting", mode="before")
    @classmethod
    def _a_day(cls, value: object) -> object:
        # pydantic would also take a Unix timestamp or a datetime at midnight: only a plain day is meant
        if isinstance(value, str):
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError("must be a UTC day written YYYY-MM-DD (the first day with partitions)")
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError("is not a calendar day (YYYY-MM-DD)") from None
        return value

    @field_validator("start_date_setting", mode="after")
    @classmethod
    def _not_after_today(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and value > utc_today():
            raise ValueError("is after today (UTC): no day would have a partition yet")
        return value

    @field_validator("data_dir", mode="after")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().absolute()

    @model_validator(mode="after")
    def _blob_needs_an_account(self) -> Settings:
        if self.environment != "local" and not self.azure_account_url:
            raise ValueError(f"{ENV}={self.environment} needs {AZURE_ACCOUNT_URL}")
        return self

    @property
    def duckdb_path(self) -> Path:
        return self.duckdb_path_setting or self.data_dir / "warehouse.duckdb"

    @property
    def dagster_home(self) -> Path:
        """The Dagster instance: ``DAGSTER_HOME``, else ``<data dir>/dagster_home``, as the Makefile sets it
        for `make dev`, so the command line and the UI share one instance per data folder."""
        return (self.dagster_home_setting or self.data_dir / "dagster_home").expanduser().absolute()

    @property
    def start_date(self) -> dt.date:
        """The first day with partitions: the setting, else the sample's days (``default_start_date``)."""
        return self.start_date_setting or default_start_date()

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def staging_dir(self) -> Path:
        return self.data_dir / "staging"

    @property
    def azure_credential(self) -> Literal["key", "sas", "default"]:
        """Which storage secret is set picks the credential: key, else SAS, else DefaultAzureCredential."""
        return "key" if self.azure_account_key else "sas" if self.azure_sas_token else "default"

    @property
    def azure_secret(self) -> SecretStr | None:
        """The secret of the chosen credential (none for DefaultAzureCredential)."""
        return {"key": self.azure_account_key, "sas": self.azure_sas_token}.get(self.azure_credential)

    @property
    def uses_blob(self) -> bool:
        return self.environment in ("mixed", "azure")

    @property
    def uses_synapse(self) -> bool:
        return self.environment == "azure"


def load() -> Settings:
    """Read the settings; raise ValueError naming the variable when one is wrong."""
    return _read(Settings)


def _read(model: type[BaseSettings]) -> Any:
    try:
        return model()
    except ValidationError as exc:
        raise ValueError("; ".join(_explain(model, e) for e in exc.errors())) from None


def _explain(model: type[BaseSettings], error: Any) -> str:
    """One validation error as a sentence that names the environment variable, never its value."""
    if not error["loc"]:
        return str(error["msg"]).removeprefix("Value error, ")
    where = str(error["loc"][0])
    field = model.model_fields.get(where)
    if field is None:  # already the variable: fields read through an alias are reported by it
        name = where
    else:
        name = field.validation_alias or model.model_config.get("env_prefix", "") + where
    return f"{str(name).upper()}: {str(error['msg']).removeprefix('Value error, ')}"


SynapseAuth = Literal["sql", "service_principal", "token"]
WarehouseTarget = Literal["synapse", "fabric"]
CopyCredentialKind = Literal["sas", "key", "managed_identity", "caller"]


class SynapseSettings(_EnvSettings):
    """Where the T-SQL warehouse is and how to reach it (the azure environment): a Synapse dedicated SQL
    pool, or with ``HEROKU_ASSETS_WAREHOUSE=fabric`` a Fabric Warehouse (``SYNAPSE_SERVER`` =
    ``<id>.datawarehouse.fabric.microsoft.com``, ``SYNAPSE_DATABASE`` = the warehouse's name; Microsoft Entra
    authentication only, and ``managed_identity`` COPY means the workspace's Workspace Identity).

    ``copy_credential`` is how the pool reads the staging container in COPY INTO: ``sas`` (the
    AZURE_STORAGE_SAS_TOKEN), ``key`` (the AZURE_STORAGE_ACCOUNT_KEY), ``managed_identity`` (the
    workspace's identity) or ``caller`` (the login's own Entra identity); unset, ``key`` or ``sas`` when
    that storage secret is set, else ``managed_identity``. The secrets are ``SecretStr`` for the command
    line; the Dagster resource takes them as ``dg.EnvVar`` references instead.
    """

    model_config = SettingsConfigDict(env_prefix="SYNAPSE_", frozen=True, extra="ignore")

    target: WarehouseTarget = Field("synapse", validation_alias=WAREHOUSE)
    server: str
    database: str
    auth: SynapseAuth = "sql"
    user: str | None = None
    password: SecretStr | None = Field(None, repr=False)
    target_schema: str = Field("dbo", validation_alias=SYNAPSE_SCHEMA)
    staging_schema: str = "stg"
    copy_credential_setting: CopyCredentialKind | None = Field(None, validation_alias=SYNAPSE_COPY_CREDENTIAL)
    masking: bool = False
    login_timeout: int = Field(30, ge=1)
    query_timeout: int = Field(3600, ge=0, description="seconds a statement may run (0: no limit)")
    driver_setting: str | None = Field(None, validation_alias=SYNAPSE_DRIVER)
    storage_key: SecretStr | None = Field(None, validation_alias=AZURE_ACCOUNT_KEY, repr=False)
    storage_sas: SecretStr | None = Field(None, validation_alias=AZURE_SAS_TOKEN, repr=False)

    @field_validator("target", "auth", "copy_credential_setting", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("target_schema", "staging_schema", mode="after")
    @classmethod
    def _identifier(cls, value: str) -> str:
        from heroku_assets.warehouse.base import validate_identifier

        try:
            return validate_identifier(value)
        except ValueError:
            raise ValueError("must be a plain SQL identifier") from None

    @model_validator(mode="after")
    def _combinations(self) -> SynapseSettings:
        if self.target == "fabric" and self.auth == "sql":
            raise ValueError(
                f"{WAREHOUSE}=fabric: a Fabric Warehouse accepts only Microsoft Entra ID, not SQL logins: "
                f"set {SYNAPSE_AUTH}=service_principal ({SYNAPSE_USER} = the client id, {SYNAPSE_PASSWORD} "
                "= its secret) or token"
            )
        if self.auth != "token" and not self.user:
            who = "SQL login" if self.auth == "sql" else "client id"
            raise ValueError(
                f"{SYNAPSE_AUTH}={self.auth} needs {SYNAPSE_USER} (the {who}) and {SYNAPSE_PASSWORD}"
            )
        copy = self.copy_credential
        if copy == "caller" and self.auth == "sql":
            # COPY without a CREDENTIAL passes the login's own Entra identity to storage: a SQL login has none
            raise ValueError(
                f"{SYNAPSE_COPY_CREDENTIAL}=caller lets the pool read storage as the login's Entra identity, "
                f"which a SQL login does not have: set {SYNAPSE_AUTH}=service_principal or token, or "
                f"{SYNAPSE_COPY_CREDENTIAL}=sas (with {AZURE_SAS_TOKEN}) or key"
            )
        needs = {"sas": (AZURE_SAS_TOKEN, self.storage_sas), "key": (AZURE_ACCOUNT_KEY, self.storage_key)}
        if copy in needs and not needs[copy][1]:
            raise ValueError(f"{SYNAPSE_COPY_CREDENTIAL}={copy} needs {needs[copy][0]}")
        return self

    @property
    def copy_credential(self) -> CopyCredentialKind:
        if self.copy_credential_setting:
            return self.copy_credential_setting
        return "key" if self.storage_key else "sas" if self.storage_sas else "managed_identity"

    @property
    def driver(self) -> str:
        return self.driver_setting or DEFAULT_DRIVER


def load_synapse() -> SynapseSettings:
    """Read the Synapse settings; raise ValueError naming the variable that is wrong or missing."""
    return _read(SynapseSettings)


DEFAULT_DRAIN_MAX_BODY_BYTES = 1 << 20
# The OTLP specification recommends accepting 64 MiB, decompressed: telemetry batches are larger.
DEFAULT_DRAIN_OTLP_MAX_BODY_BYTES = 64 << 20
DEFAULT_SEGMENT_SECONDS = 60.0
DEFAULT_SEGMENT_BYTES = 128 << 20
# the receiver's log levels, in any case (`INFO` is `info`)
DrainLogLevel = Annotated[
    Literal["debug", "info", "warning", "error"],
    BeforeValidator(lambda value: value.lower() if isinstance(value, str) else value),
]


class DrainSettings(_EnvSettings):
    """The drain receiver's variables (``HEROKU_DRAIN_*``, and the app webhooks' signing secret).

    Checked further where they are used (``capture/drain_config.py``: credentials, the drain-token map,
    the spool), so a bad value is named there too; the secrets are ``SecretStr`` and never shown.
    ``allow_anonymous`` and ``log_level`` are how ``drain serve --workers N`` hands its
    ``--allow-anonymous`` and ``--log-level`` to its worker processes (the command sets them).
    """

    model_config = SettingsConfigDict(frozen=True, extra="ignore")

    user: str | None = Field(None, validation_alias=DRAIN_USER)
    password: SecretStr | None = Field(None, validation_alias=DRAIN_PASSWORD, repr=False)
    path_token: SecretStr | None = Field(None, validation_alias=DRAIN_PATH_TOKEN, repr=False)
    apps: str = Field(
        "",
        validation_alias=DRAIN_APPS,
        repr=False,
        description="d.<uuid>=app,...: Logplex drain tokens to app names",
    )
    max_body_bytes: int = Field(DEFAULT_DRAIN_MAX_BODY_BYTES, ge=1, validation_alias=DRAIN_MAX_BODY_BYTES)
    otlp_max_body_bytes: int = Field(
        DEFAULT_DRAIN_OTLP_MAX_BODY_BYTES, ge=1, validation_alias=DRAIN_OTLP_MAX_BODY_BYTES
    )
    spool_dir: Path | None = Field(
        None, validation_alias=DRAIN_SPOOL_DIR, description="the spool's folder (<data dir>/spool)"
    )
    receiver_id: str | None = Field(
        None,
        validation_alias=DRAIN_RECEIVER_ID,
        description="this receiver's name in segment keys, unique per raw store (the host name)",
    )
    segment_seconds: float = Field(DEFAULT_SEGMENT_SECONDS, gt=0, validation_alias=DRAIN_SEGMENT_SECONDS)
    segment_bytes: int = Field(DEFAULT_SEGMENT_BYTES, gt=0, validation_alias=DRAIN_SEGMENT_BYTES)
    spool_max_bytes: int | None = Field(
        None,
        gt=0,
        validation_alias=DRAIN_SPOOL_MAX_BYTES,
        description="unshipped segments past this size get POSTs a 503 (unset: the disk's size)",
    )
    webhook_secret: SecretStr | None = Field(None, validation_alias=WEBHOOK_SECRET, repr=False)
    allow_anonymous: bool = Field(
        False,
        validation_alias=DRAIN_ALLOW_ANONYMOUS,
        description="accept posts without credentials (local trials only): `drain serve --allow-anonymous`",
    )
    log_level: DrainLogLevel = Field(
        "info",
        validation_alias=DRAIN_LOG_LEVEL,
        description="least severe messages the receiver logs: `drain serve --log-level`",
    )


def load_drain() -> DrainSettings:
    """Read the receiver's settings; raise ValueError naming the variable that is wrong."""
    return _read(DrainSettings)


def odbc_config_dir() -> str | None:
    """unixODBC's ``ODBCSYSINI`` (the folder of ``odbcinst.ini``): not a setting of this project, read here
    only so an error about a missing driver can say where unixODBC looked."""
    return os.environ.get("ODBCSYSINI")
