"""The one place that reads the environment and picks where data lives.

``HEROKU_ASSETS_ENV`` chooses the environment:

- ``local`` (the default): raw and staging stores in folders under ``HEROKU_ASSETS_DATA_DIR``, DuckDB
  as the warehouse. Nothing to set up.
- ``mixed``: Azure Blob Storage (e.g. Azurite) for both stores, DuckDB as the warehouse: try the Blob path
  on a laptop.
- ``azure``: Azure Blob Storage and a Synapse dedicated SQL pool.

Values are read when a function here is called, never at import. Secrets are not read here: the Dagster
resources take them as ``EnvVar`` references so the UI shows the variable's name, never its value.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Environment = Literal["local", "mixed", "azure"]

ENV = "HEROKU_ASSETS_ENV"
DATA_DIR = "HEROKU_ASSETS_DATA_DIR"
START_DATE = "HEROKU_ASSETS_START_DATE"
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
HEROKU_APPS = "HEROKU_ASSETS_APPS"
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

DEFAULT_START_DATE = dt.date(2026, 1, 1)


@dataclass(frozen=True)
class Settings:
    """Everything that is not a secret, as read from the environment."""

    environment: Environment
    data_dir: Path
    start_date: dt.date
    late_days: int
    sensor_interval: int
    duckdb_path: Path
    raw_container: str
    staging_container: str
    azure_account_url: str | None
    azure_credential: Literal["key", "sas", "default"]
    heroku_api_url: str
    apps: tuple[str, ...]

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def staging_dir(self) -> Path:
        return self.data_dir / "staging"

    @property
    def uses_blob(self) -> bool:
        return self.environment in ("mixed", "azure")

    @property
    def uses_synapse(self) -> bool:
        return self.environment == "azure"


def load(environ: Mapping[str, str] | None = None) -> Settings:
    """Read the settings; raise ValueError naming the variable when one is wrong."""
    env = os.environ if environ is None else environ
    environment = env.get(ENV, "local").strip().lower() or "local"
    if environment not in ("local", "mixed", "azure"):
        raise ValueError(f"{ENV} must be local, mixed or azure, not {environment!r}")
    data_dir = Path(env.get(DATA_DIR, "data")).expanduser().absolute()
    try:
        start_date = dt.date.fromisoformat(env.get(START_DATE, DEFAULT_START_DATE.isoformat()))
    except ValueError as exc:
        raise ValueError(f"{START_DATE} must be a date like 2026-01-01") from exc
    try:
        late_days = int(env.get(LATE_DAYS, "1"))
    except ValueError as exc:
        raise ValueError(f"{LATE_DAYS} must be a whole number of days") from exc
    if not 0 <= late_days <= 7:
        raise ValueError(f"{LATE_DAYS} must be between 0 and 7")
    try:
        sensor_interval = int(env.get(SENSOR_INTERVAL, "300"))
    except ValueError as exc:
        raise ValueError(f"{SENSOR_INTERVAL} must be a whole number of seconds") from exc
    if sensor_interval < 30:
        raise ValueError(f"{SENSOR_INTERVAL} must be at least 30 seconds")
    account_url = env.get(AZURE_ACCOUNT_URL) or None
    if environment != "local" and not account_url:
        raise ValueError(f"{ENV}={environment} needs {AZURE_ACCOUNT_URL}")
    # Which secret is set picks the credential; its value is read later, through dg.EnvVar.
    if env.get(AZURE_ACCOUNT_KEY):
        azure_credential = "key"
    elif env.get(AZURE_SAS_TOKEN):
        azure_credential = "sas"
    else:
        azure_credential = "default"
    apps = tuple(a.strip() for a in env.get(HEROKU_APPS, "").split(",") if a.strip())
    return Settings(
        environment=environment,  # type: ignore[arg-type]
        data_dir=data_dir,
        start_date=start_date,
        late_days=late_days,
        sensor_interval=sensor_interval,
        duckdb_path=Path(env.get(DUCKDB_PATH) or data_dir / "warehouse.duckdb"),
        raw_container=env.get(RAW_CONTAINER, "heroku-raw"),
        staging_container=env.get(STAGING_CONTAINER, "heroku-staging"),
        azure_account_url=account_url,
        azure_credential=azure_credential,  # type: ignore[arg-type]
        heroku_api_url=env.get(HEROKU_API_URL, "https://api.heroku.com"),
        apps=apps,
    )


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
