"""The one place that reads the environment and picks where data lives.

``HEROKU_ASSETS_ENV`` chooses the environment:

- ``local`` (the default): raw and staging stores in folders under ``HEROKU_ASSETS_DATA_DIR``, DuckDB
  as the warehouse. Nothing to set up.
- ``mixed``: Azure Blob Storage (e.g. Azurite) for both stores, DuckDB as the warehouse: try the Blob path
  on a laptop.
- ``azure``: Azure Blob Storage and a Synapse dedicated SQL pool.

Values are read when ``load()`` is called, never at import, and validated once (pydantic-settings), with
messages that name the variable. The Dagster resources take secrets as ``EnvVar`` references so the UI
shows the variable's name, never its value.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["local", "mixed", "azure"]

ENV = "HEROKU_ASSETS_ENV"
DATA_DIR = "HEROKU_ASSETS_DATA_DIR"
LATE_DAYS = "HEROKU_ASSETS_LATE_DAYS"
SENSOR_INTERVAL = "HEROKU_ASSETS_SENSOR_INTERVAL"
DUCKDB_PATH = "HEROKU_ASSETS_DUCKDB_PATH"
RAW_CONTAINER = "HEROKU_ASSETS_RAW_CONTAINER"
STAGING_CONTAINER = "HEROKU_ASSETS_STAGING_CONTAINER"
AZURE_ACCOUNT_URL = "AZURE_STORAGE_ACCOUNT_URL"
# secrets: read only through dg.EnvVar by the resources, or by command-line handlers
AZURE_ACCOUNT_KEY = "AZURE_STORAGE_ACCOUNT_KEY"
AZURE_SAS_TOKEN = "AZURE_STORAGE_SAS_TOKEN"
HEROKU_API_KEY = "HEROKU_API_KEY"
HEROKU_API_URL = "HEROKU_API_URL"
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
# secret: SQL login password or service principal client secret, read only through dg.EnvVar
SYNAPSE_PASSWORD = "SYNAPSE_PASSWORD"


class Settings(BaseSettings):
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
    raw_container: str = "heroku-raw"
    staging_container: str = "heroku-staging"
    azure_account_url: str | None = Field(None, validation_alias=AZURE_ACCOUNT_URL)
    azure_account_key: SecretStr | None = Field(None, validation_alias=AZURE_ACCOUNT_KEY, repr=False)
    azure_sas_token: SecretStr | None = Field(None, validation_alias=AZURE_SAS_TOKEN, repr=False)
    heroku_api_url: str = Field("https://api.heroku.com", validation_alias=HEROKU_API_URL)
    heroku_api_key: SecretStr | None = Field(None, validation_alias=HEROKU_API_KEY, repr=False)

    @field_validator("environment", mode="before")
    @classmethod
    def _environment(cls, value: object) -> object:
        return (value.strip().lower() or "local") if isinstance(value, str) else value

    @field_validator("data_dir", mode="after")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().absolute()

    @field_validator(
        "azure_account_url", "azure_account_key", "azure_sas_token", "heroku_api_key", mode="before"
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _blob_needs_an_account(self) -> Settings:
        if self.environment != "local" and not self.azure_account_url:
            raise ValueError(f"{ENV}={self.environment} needs {AZURE_ACCOUNT_URL}")
        return self

    @property
    def duckdb_path(self) -> Path:
        return self.duckdb_path_setting or self.data_dir / "warehouse.duckdb"

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
CopyCredentialKind = Literal["sas", "key", "managed_identity", "caller"]
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


@dataclass(frozen=True)
class SynapseSettings:
    """Where the Synapse dedicated SQL pool is and how to reach it, without the secrets.

    ``copy_credential`` is how the pool reads the staging container in COPY INTO: ``sas`` (the
    AZURE_STORAGE_SAS_TOKEN), ``key`` (the AZURE_STORAGE_ACCOUNT_KEY), ``managed_identity`` (the
    workspace's identity) or ``caller`` (the login's own Entra identity).
    """

    server: str
    database: str
    auth: SynapseAuth
    user: str | None
    schema: str
    staging_schema: str
    copy_credential: CopyCredentialKind
    masking: bool
    login_timeout: int
    query_timeout: int
    driver: str


def load_synapse(environ: Mapping[str, str] | None = None) -> SynapseSettings:
    """Read the Synapse settings (azure environment); raise ValueError naming the variable that is wrong
    or missing. Of the secrets, only whether a storage secret is set is looked at: it picks the default
    COPY credential, and a chosen one must have its variable. SYNAPSE_PASSWORD reaches the resource as a
    dg.EnvVar; Dagster names it when it is missing at run time."""
    from heroku_assets.warehouse.base import validate_identifier
    from heroku_assets.warehouse.synapse_connection import DEFAULT_DRIVER

    env = os.environ if environ is None else environ
    missing = [name for name in (SYNAPSE_SERVER, SYNAPSE_DATABASE) if not env.get(name, "").strip()]
    if missing:
        raise ValueError(f"the Synapse warehouse needs {' and '.join(missing)}")
    auth = env.get(SYNAPSE_AUTH, "sql").strip().lower() or "sql"
    if auth not in ("sql", "service_principal", "token"):
        raise ValueError(f"{SYNAPSE_AUTH} must be sql, service_principal or token, not {auth!r}")
    user = env.get(SYNAPSE_USER, "").strip() or None
    if auth != "token" and not user:
        who = "SQL login" if auth == "sql" else "client id"
        raise ValueError(f"{SYNAPSE_AUTH}={auth} needs {SYNAPSE_USER} (the {who}) and {SYNAPSE_PASSWORD}")
    default_copy = "key" if env.get(AZURE_ACCOUNT_KEY) else "sas" if env.get(AZURE_SAS_TOKEN) else ""
    copy = env.get(SYNAPSE_COPY_CREDENTIAL, "").strip().lower() or default_copy or "managed_identity"
    if copy not in ("sas", "key", "managed_identity", "caller"):
        raise ValueError(
            f"{SYNAPSE_COPY_CREDENTIAL} must be sas, key, managed_identity or caller, not {copy!r}"
        )
    if copy == "caller" and auth == "sql":
        # COPY without a CREDENTIAL passes the login's own Entra identity to storage; a SQL login has none.
        raise ValueError(
            f"{SYNAPSE_COPY_CREDENTIAL}=caller lets the pool read storage as the login's Entra identity, "
            f"which a SQL login does not have: set {SYNAPSE_AUTH}=service_principal or token, or "
            f"{SYNAPSE_COPY_CREDENTIAL}=sas (with {AZURE_SAS_TOKEN}) or key"
        )
    secret = {"sas": AZURE_SAS_TOKEN, "key": AZURE_ACCOUNT_KEY}.get(copy)
    if secret and not env.get(secret):
        raise ValueError(f"{SYNAPSE_COPY_CREDENTIAL}={copy} needs {secret}")
    masking = env.get(SYNAPSE_MASKING, "").strip().lower()
    if masking not in _TRUE + _FALSE:
        raise ValueError(f"{SYNAPSE_MASKING} must be on or off, not {masking!r}")
    timeouts = {}
    for name, default, low in ((SYNAPSE_LOGIN_TIMEOUT, 30, 1), (SYNAPSE_QUERY_TIMEOUT, 3600, 0)):
        try:
            timeouts[name] = int(env.get(name, "").strip() or default)
        except ValueError as exc:
            raise ValueError(f"{name} must be a whole number of seconds") from exc
        if timeouts[name] < low:
            raise ValueError(f"{name} must be at least {low}")
    schemas = {}
    for name, default in ((SYNAPSE_SCHEMA, "dbo"), (SYNAPSE_STAGING_SCHEMA, "stg")):
        value = env.get(name, "").strip() or default
        try:
            schemas[name] = validate_identifier(value)
        except ValueError as exc:
            raise ValueError(f"{name} must be a plain SQL identifier, not {value!r}") from exc
    return SynapseSettings(
        server=env[SYNAPSE_SERVER].strip(),
        database=env[SYNAPSE_DATABASE].strip(),
        auth=auth,  # type: ignore[arg-type]
        user=user,
        schema=schemas[SYNAPSE_SCHEMA],
        staging_schema=schemas[SYNAPSE_STAGING_SCHEMA],
        copy_credential=copy,  # type: ignore[arg-type]
        masking=masking in _TRUE,
        login_timeout=timeouts[SYNAPSE_LOGIN_TIMEOUT],
        query_timeout=timeouts[SYNAPSE_QUERY_TIMEOUT],
        driver=env.get(SYNAPSE_DRIVER, "").strip() or DEFAULT_DRIVER,
    )
