"""Connecting to an Azure Synapse dedicated SQL pool through pyodbc and Microsoft's ODBC Driver 18.

pyodbc is imported only inside ``connect`` (importing it needs unixODBC's libodbc.so.2, which only the
Synapse path requires), and every way that can fail before a login says what to install. Connections
are autocommit (explicit BEGIN/COMMIT where a transaction is wanted, as Synapse expects) and transient
failures are retried a bounded number of times with tenacity.
"""

from __future__ import annotations

import functools
import logging
import re
import struct
from dataclasses import dataclass, field
from typing import Any, Literal

import tenacity

from heroku_assets import settings
from heroku_assets.resolve import resolution_error
from heroku_assets.warehouse.base import WarehouseError, driver_message, scrub
from heroku_assets.warehouse.synapse_errors import (
    POOL_PAUSED,
    WARMING_UP,
    error_numbers,
    is_transient,
    retry_policy,
    sqlstate,
)

log = logging.getLogger(__name__)

SQL_COPT_SS_ACCESS_TOKEN = 1256  # msodbcsql's pre-connect attribute for an Entra access token
TOKEN_SCOPE = "https://database.windows.net/.default"
_SERVER = re.compile(r"^(?:tcp:)?([A-Za-z0-9.-]+)(?:,([0-9]{1,5}))?$")
_NAME = re.compile(r"^[A-Za-z0-9_.@ -]{1,128}$")

AuthMode = Literal["sql", "service_principal", "token"]


class SynapseError(WarehouseError):
    """A Synapse operation failed; the message says which and why, without any secret."""


class SynapseDriverError(SynapseError):
    """unixODBC or the ODBC driver is missing: an installation problem, not a transient one."""


class SynapseConnectionError(SynapseError):
    """No connection could be made within the attempts allowed."""


@dataclass(frozen=True)
class SynapseConfig:
    """Where and how to connect. Built from explicit values (the Dagster resource reads the environment).

    ``auth``: ``sql`` (SQL login: ``user``/``password``), ``service_principal`` (``user`` = the app's client
    id, ``password`` = its secret; the driver's ActiveDirectoryServicePrincipal), or ``token`` (an Entra
    access token from ``token_credential``, any azure-identity credential; DefaultAzureCredential when
    None). Secrets never appear in repr or in any message.
    """

    server: str
    database: str
    auth: AuthMode = "sql"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token_credential: Any = field(default=None, repr=False)
    driver: str = settings.DEFAULT_DRIVER
    port: int = 1433
    encrypt: bool = True
    trust_server_certificate: bool = False
    login_timeout: int = 30
    query_timeout: int = 3600
    connect_attempts: int = 4
    retry_wait: float = 2.0
    # A paused pool resuming, or one warming up after a scale, answers 42109 for minutes, not seconds.
    warmup_wait: float = 30.0
    warmup_attempts: int = 12

    def __post_init__(self) -> None:
        match = _SERVER.match(self.server or "")
        if not match:
            raise ValueError(
                f"invalid Synapse server name: {self.server!r} (expected <workspace>.sql.azuresynapse.net)"
            )
        object.__setattr__(self, "server", match.group(1))
        if match.group(2):
            object.__setattr__(self, "port", int(match.group(2)))
        if not _NAME.match(self.database or ""):
            raise ValueError(f"invalid Synapse database (pool) name: {self.database!r}")
        if self.auth not in ("sql", "service_principal", "token"):
            raise ValueError(f"unknown Synapse authentication {self.auth!r}: sql, service_principal or token")
        if self.auth in ("sql", "service_principal") and not (self.user and self.password):
            who = "a SQL login and password" if self.auth == "sql" else "a client id and client secret"
            raise ValueError(f"Synapse {self.auth} authentication needs {who}")
        if self.login_timeout < 1 or self.query_timeout < 0 or self.connect_attempts < 1:
            raise ValueError(
                "login_timeout and connect_attempts must be at least 1, query_timeout at least 0"
            )

    def describe(self) -> str:
        """Where and as whom, for messages (no secret)."""
        who = {"sql": f"SQL login {self.user}", "service_principal": f"service principal {self.user}"}
        return f"{self.server},{self.port}/{self.database} as {who.get(self.auth, 'an Entra token')}"

    def connection_string(self) -> str:
        """The ODBC connection string. It holds the password: never log it."""
        parts = {
            "Driver": self.driver,
            "Server": f"tcp:{self.server},{self.port}",
            "Database": self.database,
            "Encrypt": "yes" if self.encrypt else "no",
            "TrustServerCertificate": "yes" if self.trust_server_certificate else "no",
        }  # the login timeout is pyodbc's timeout= (Driver 18.6 ignores a keyword for it)
        if self.auth == "service_principal":
            parts["Authentication"] = "ActiveDirectoryServicePrincipal"
        if self.auth in ("sql", "service_principal"):
            parts["UID"] = self.user or ""
            parts["PWD"] = self.password or ""
        return "".join(f"{k}={_odbc_value(v)};" for k, v in parts.items())


def _odbc_value(value: str) -> str:
    """Brace-quote a value so ';', '=' or '}' in it (a password) cannot end or change the attribute."""
    return "{" + value.replace("}", "}}") + "}"


def import_pyodbc() -> Any:
    """pyodbc, or a SynapseDriverError naming the install step when unixODBC is missing."""
    try:
        import pyodbc
    except ImportError as exc:
        if "libodbc" in str(exc):
            raise SynapseDriverError(
                f"pyodbc cannot load unixODBC's libodbc.so.2 ({exc}): install unixODBC and the ODBC driver "
                "with `.ci/install-odbc` (Debian: `apt-get install -y unixodbc`)"
            ) from None
        raise SynapseDriverError(
            f"pyodbc cannot be imported ({exc}): install the locked requirements"
        ) from None
    return pyodbc


def require_driver(pyodbc: Any, driver: str) -> None:
    """Fail before connecting when the driver is not registered: unixODBC's own message for that is
    a cryptic "Can't open lib" or "Data source name not found"."""
    drivers = pyodbc.drivers()
    if driver not in drivers:
        registered = ", ".join(repr(d) for d in drivers) or "none"
        raise SynapseDriverError(
            f"the ODBC driver {driver!r} is not registered with unixODBC (registered: {registered}; "
            f"ODBCSYSINI={settings.odbc_config_dir() or '<unset>'}): run `.ci/install-odbc` and export "
            "ODBCSYSINI=<project>/.tools/odbc, or install Microsoft's msodbcsql18 package"
        )


def _hint(exc: BaseException, config: SynapseConfig) -> str:
    state, numbers = sqlstate(exc), error_numbers(exc)
    if POOL_PAUSED in numbers:
        return "the dedicated SQL pool is paused: resume it"
    if WARMING_UP in numbers:
        return "the dedicated SQL pool was still warming up after every attempt: try again in a few minutes"
    if state in ("HYT00", "HYT01"):
        return (
            f"no answer within the {config.login_timeout}s login timeout: check the server name, that the "
            "pool is running and that the workspace firewall allows this client"
        )
    if state == "28000" or 18456 in numbers:
        return "login refused: check the user, the secret and that the user exists in the pool"
    if state.startswith("08"):
        return "the server could not be reached"
    return "see the driver's message"


def probe_reachable(config: SynapseConfig, timeout: float = 5.0) -> None:
    """Fail at once, clearly, when nothing accepts TCP connections at the server's address (a wrong name
    or port, a firewall that refuses): the driver would otherwise wait out its login timeout on every
    attempt. A server that accepts the connection is left to the driver's login."""
    import socket

    where = f"{config.server}:{config.port}"
    try:
        with socket.create_connection((config.server, config.port), timeout=timeout):
            return
    except socket.gaierror as exc:
        reason = f"the name {config.server!r} does not resolve ({exc.strerror or exc})"
    except ConnectionRefusedError:
        reason = f"nothing accepts connections at {where} (connection refused)"
    except TimeoutError:
        reason = f"no answer from {where} within {timeout:g}s (a firewall may drop the connection)"
    except OSError as exc:
        reason = f"{where} cannot be reached ({exc.strerror or exc})"
    raise SynapseConnectionError(
        f"could not connect to {config.describe()}: {reason}; check the server name and port, that the "
        "warehouse is running and that its firewall allows this client"
    )


@functools.cache
def default_credential() -> Any:
    """azure-identity's DefaultAzureCredential, built once per process: it caches its tokens, and
    building it tries every source again (environment, managed identity, CLI) on each connect."""
    from azure.identity import DefaultAzureCredential

    return DefaultAzureCredential()


def access_token_attrs(config: SynapseConfig) -> dict[int, bytes]:
    """The Entra access token as msodbcsql wants it before connecting: UTF-16-LE, length-prefixed."""
    credential = config.token_credential or default_credential()
    try:
        token = credential.get_token(TOKEN_SCOPE).token
    except Exception as exc:  # noqa: BLE001 - azure-identity raises several kinds; all mean "no token"
        raise SynapseConnectionError(
            f"could not get an Entra access token for {TOKEN_SCOPE}: {type(exc).__name__}: "
            f"{scrub(str(exc).splitlines()[0]) if str(exc) else ''}"
        ) from None
    raw = token.encode("utf-16-le")
    return {SQL_COPT_SS_ACCESS_TOKEN: struct.pack("<i", len(raw)) + raw}


def connect(config: SynapseConfig) -> Any:
    """An autocommit pyodbc connection, retrying transient failures up to ``config.connect_attempts``
    times with exponential waits. Raises SynapseDriverError or SynapseConnectionError with the reason."""
    pyodbc = import_pyodbc()
    require_driver(pyodbc, config.driver)
    unresolved = resolution_error(config.server, config.port)
    if unresolved:  # no attempt could succeed: said now, not after the attempts' login timeouts
        raise SynapseConnectionError(
            f"could not connect to {config.describe()}: {unresolved}; check SYNAPSE_SERVER "
            "(<workspace>.sql.azuresynapse.net) and this machine's DNS"
        )
    conn_str = config.connection_string()

    def attempt() -> Any:
        attrs = access_token_attrs(config) if config.auth == "token" else None
        return pyodbc.connect(conn_str, autocommit=True, timeout=config.login_timeout, attrs_before=attrs)

    def before_sleep(state: tenacity.RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        log.warning(
            "connecting to %s failed (attempt %d of %d): %s; retrying",
            config.describe(),
            state.attempt_number,
            config.connect_attempts,
            _summary(exc),
        )

    retrying = tenacity.Retrying(
        **retry_policy(
            config.connect_attempts, config.retry_wait, config.warmup_attempts, config.warmup_wait
        ),
        retry=tenacity.retry_if_exception(
            lambda e: isinstance(e, pyodbc.Error) and is_transient(e, connecting=True)
        ),
        before_sleep=before_sleep,
        reraise=True,
    )
    try:
        conn = retrying(attempt)
    except pyodbc.Error as exc:
        attempts = retrying.statistics.get("attempt_number", 1)
        raise SynapseConnectionError(
            f"could not connect to {config.describe()} ({attempts} attempt{'s' if attempts > 1 else ''}): "
            f"{_summary(exc)}; {_hint(exc, config)}"
        ) from None
    conn.timeout = config.query_timeout
    return conn


def _summary(exc: BaseException | None) -> str:
    if exc is None:
        return "unknown error"
    return scrub(driver_message(exc))
