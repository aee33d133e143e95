"""pyodbc with the real Microsoft ODBC Driver 18 (from mssql-python-odbc, registered by .ci/install-odbc):
it loads, and every way a connection can fail before a pool answers fails quickly and says why."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
import tenacity
from azure.core.credentials import AccessToken

from heroku_assets.settings import DEFAULT_DRIVER
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets.tables import ALL_TABLES
from heroku_assets.warehouse.sql import CopyCredential
from heroku_assets.warehouse.synapse_connection import (
    SQL_COPT_SS_ACCESS_TOKEN,
    SynapseConfig,
    SynapseConnectionError,
    SynapseDriverError,
    access_token_attrs,
    connect,
    import_pyodbc,
)
from heroku_assets.warehouse.synapse_errors import is_transient, retry_policy
from heroku_assets.warehouse.synapse_loader import SynapseWarehouse

REPO = Path(__file__).resolve().parents[2]
ODBC_DIR = REPO / ".tools" / "odbc"
PASSWORD = "pa;ss}w0rd=not-logged"


@pytest.fixture
def pyodbc(monkeypatch: pytest.MonkeyPatch):
    if not (ODBC_DIR / "odbcinst.ini").is_file():
        pytest.fail("the ODBC driver is not registered: run `make test` or `.ci/install-odbc`", pytrace=False)
    monkeypatch.setenv("ODBCSYSINI", str(ODBC_DIR))
    return import_pyodbc()


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _config(port: int, **kwargs: object) -> SynapseConfig:
    values = {
        "user": "loader",
        "password": PASSWORD,
        "login_timeout": 1,
        "connect_attempts": 2,
        "retry_wait": 0.05,
    }
    return SynapseConfig(server="127.0.0.1", port=port, database="pool", **{**values, **kwargs})


def test_the_driver_is_registered(pyodbc) -> None:
    assert DEFAULT_DRIVER in pyodbc.drivers()


def test_closed_port_fails_quickly_and_clearly(
    pyodbc, closed_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    started = time.monotonic()
    with pytest.raises(SynapseConnectionError) as caught:
        connect(_config(closed_port))
    elapsed = time.monotonic() - started
    message = str(caught.value)
    assert f"127.0.0.1,{closed_port}/pool as SQL login loader (2 attempts)" in message
    assert "HYT00" in message and "Login timeout expired" in message and "firewall" in message
    assert elapsed < 10, f"two 1-second login attempts took {elapsed:.1f}s"
    retries = [r for r in caplog.records if "retrying" in r.getMessage()]
    assert len(retries) == 1  # one retry between the two attempts
    assert PASSWORD not in message and PASSWORD not in caplog.text


def test_a_server_name_that_does_not_resolve_is_said_before_any_login_attempt(
    pyodbc, caplog: pytest.LogCaptureFixture
) -> None:
    """With the defaults (four attempts of a 30 s login timeout) an unresolvable name took minutes."""
    caplog.set_level(logging.WARNING)
    config = SynapseConfig(
        server="no-such-workspace.invalid", database="pool", user="loader", password=PASSWORD
    )
    with pytest.raises(SynapseConnectionError) as caught:
        connect(config)
    message = str(caught.value)
    assert "no-such-workspace.invalid,1433/pool" in message
    assert "the name no-such-workspace.invalid does not resolve" in message and "SYNAPSE_SERVER" in message
    assert "attempt" not in message and not caplog.records  # no login was tried, none retried


def test_an_entra_token_goes_to_the_driver(pyodbc, closed_port: int) -> None:
    class FixedToken:
        """A TokenCredential that hands out one token (what azure-identity's credentials return)."""

        def __init__(self) -> None:
            self.scopes: list[tuple[str, ...]] = []

        def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
            self.scopes.append(scopes)
            return AccessToken("eyJ0eXAi.token", int(time.time()) + 3600)

    credential = FixedToken()
    config = _config(closed_port, auth="token", user=None, password=None, token_credential=credential)
    attrs = access_token_attrs(config)
    raw = "eyJ0eXAi.token".encode("utf-16-le")
    assert attrs == {SQL_COPT_SS_ACCESS_TOKEN: struct.pack("<i", len(raw)) + raw}
    assert "UID" not in config.connection_string() and "PWD" not in config.connection_string()
    with pytest.raises(SynapseConnectionError, match="as an Entra token .*HYT00"):
        connect(config)  # the driver takes the token attribute and then times out on the closed port
    assert credential.scopes[-1] == ("https://database.windows.net/.default",)


def test_a_token_that_cannot_be_had_is_a_clear_error(pyodbc, closed_port: int) -> None:
    class NoToken:
        def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
            raise RuntimeError("no identity available here")

    config = _config(closed_port, auth="token", user=None, password=None, token_credential=NoToken())
    with pytest.raises(SynapseConnectionError, match="could not get an Entra access token.*no identity"):
        connect(config)


def test_an_unregistered_driver_is_named(pyodbc, closed_port: int) -> None:
    with pytest.raises(SynapseDriverError) as caught:
        connect(_config(closed_port, driver="ODBC Driver 17 for SQL Server"))
    message = str(caught.value)
    assert "'ODBC Driver 17 for SQL Server' is not registered" in message
    assert f"registered: '{DEFAULT_DRIVER}'" in message and ".ci/install-odbc" in message


def test_the_warehouse_fails_clearly_when_the_pool_is_unreachable(pyodbc, closed_port: int, tmp_path) -> None:
    warehouse = SynapseWarehouse(_config(closed_port, connect_attempts=1), CopyCredential.managed_identity())
    assert PASSWORD not in repr(warehouse)
    store = LocalObjectStore(tmp_path)
    store.put("empty.parquet", b"", {"rows": "0"})  # staged, with no rows: no COPY, the replace still runs
    started = time.monotonic()
    with pytest.raises(SynapseConnectionError, match="HYT00"):
        warehouse.replace_partition(
            ALL_TABLES["app_events"], "my-app", dt.date(2026, 11, 20), store, ["empty.parquet"]
        )
    assert time.monotonic() - started < 10


def test_nothing_staged_is_an_empty_report_without_a_query(pyodbc, closed_port: int, tmp_path) -> None:
    warehouse = SynapseWarehouse(_config(closed_port, connect_attempts=1), CopyCredential.managed_identity())
    result = warehouse.upsert(ALL_TABLES["heroku_apps"], LocalObjectStore(tmp_path), [])
    assert result.metadata() == {"rows": 0, "staged_rows": 0, "truncated_rows": 0}


def test_transient_errors_are_told_apart(pyodbc) -> None:
    def error(cls, state: str, text: str):
        return cls(
            state, f"[{state}] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]{text} (SQLExecDirectW)"
        )

    unavailable = error(
        pyodbc.Error, "42000", "Database 'pool' on server 'ws' is not currently available. (40613)"
    )
    throttled = error(pyodbc.ProgrammingError, "42000", "Resource ID : 1. The request limit is 60. (10928)")
    link_lost = error(pyodbc.OperationalError, "08S01", "Communication link failure (10054)")
    login_timeout = error(pyodbc.OperationalError, "HYT00", "Login timeout expired (0)")
    login_failed = error(pyodbc.InterfaceError, "28000", "Login failed for user 'loader'. (18456)")
    syntax = error(pyodbc.ProgrammingError, "42000", "Incorrect syntax near 'FROM'. (102)")
    no_driver = error(pyodbc.InterfaceError, "IM002", "Data source name not found (0)")
    warming_up = error(
        pyodbc.OperationalError, "42000", "The SQL pool is warming up. Please try again. (42109)"
    )
    deadlock = error(pyodbc.Error, "40001", "Transaction (Process ID 51) was deadlocked (1205)")
    tcp = error(pyodbc.OperationalError, "08001", "TCP Provider: Error code 0x2746 (10054)")
    assert is_transient(unavailable) and is_transient(throttled) and is_transient(link_lost)
    assert is_transient(warming_up) and is_transient(deadlock) and is_transient(tcp)
    assert is_transient(login_timeout, connecting=True)
    assert not is_transient(login_timeout)  # a query timeout is not retried
    assert not is_transient(login_failed) and not is_transient(syntax) and not is_transient(no_driver)


def test_a_bad_connection_string_value_is_not_retried(pyodbc) -> None:
    """The real driver raises 08001 for an invalid attribute value: a mistake no retry mends."""
    with pytest.raises(pyodbc.Error) as caught:
        pyodbc.connect(f"Driver={{{DEFAULT_DRIVER}}};Server=tcp:127.0.0.1,1;Encrypt=bogus;", timeout=1)
    assert caught.value.args[0] == "08001"
    assert not is_transient(caught.value) and not is_transient(caught.value, connecting=True)


def _state(attempt: int, exc: BaseException) -> tenacity.RetryCallState:
    state = tenacity.RetryCallState(retry_object=tenacity.Retrying(), fn=None, args=(), kwargs={})
    state.attempt_number = attempt
    state.set_exception((type(exc), exc, None))
    return state


def test_a_warming_up_pool_is_waited_for_longer(pyodbc) -> None:
    policy = retry_policy(attempts=3, wait=2, warmup_attempts=10, warmup_wait=30)
    warming = pyodbc.OperationalError("42000", "[42000] The SQL pool is warming up. (42109)")
    busy = pyodbc.OperationalError("08S01", "[08S01] Communication link failure (10054)")
    assert policy["wait"](_state(1, warming)) == 30 and policy["wait"](_state(1, busy)) == 2
    assert not policy["stop"](_state(3, warming)) and policy["stop"](_state(10, warming))
    assert policy["stop"](_state(3, busy))


def test_config_is_validated_and_keeps_secrets_out_of_repr() -> None:
    config = SynapseConfig(
        server="tcp:myws.sql.azuresynapse.net,1433", database="pool", user="u", password=PASSWORD
    )
    assert (config.server, config.port) == ("myws.sql.azuresynapse.net", 1433)
    assert PASSWORD not in repr(config) and PASSWORD not in config.describe()
    # A password with ';', '=' or '}' cannot end its attribute early.
    assert "PWD={pa;ss}}w0rd=not-logged};" in config.connection_string()
    client_id = "00000000-0000-0000-0000-000000000000"
    sp = SynapseConfig("myws.sql.azuresynapse.net", "pool", "service_principal", user=client_id, password="s")
    assert "Authentication={ActiveDirectoryServicePrincipal};" in sp.connection_string()
    assert "Encrypt={yes};TrustServerCertificate={no};" in sp.connection_string()
    for bad in [
        {"server": "a;Driver=evil", "database": "pool", "user": "u", "password": "p"},
        {"server": "ws", "database": "po;ol", "user": "u", "password": "p"},
        {"server": "ws", "database": "pool", "user": "u"},
        {"server": "ws", "database": "pool", "auth": "kerberos"},
    ]:
        with pytest.raises(ValueError):
            SynapseConfig(**bad)


def test_importing_the_loader_does_not_load_pyodbc() -> None:
    code = "import sys, heroku_assets.warehouse.synapse_loader; print('pyodbc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "False"


def _libodbc() -> Path | None:
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "libodbc.so.2 " in line and "=>" in line:
            return Path(line.split("=>")[1].strip()).resolve()
    return None


def test_missing_unixodbc_is_a_clear_error(pyodbc) -> None:
    """Run in a private mount namespace where libodbc.so.2 is an empty file, as on a machine without it."""
    lib = _libodbc()
    assert lib is not None, "unixODBC is installed (the fixture imported pyodbc)"
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-m", "true"]).returncode != 0:
        pytest.skip("this machine does not allow a private mount namespace (unshare -m) to hide libodbc")
    code = (
        "from heroku_assets.warehouse.synapse_connection import SynapseConfig, SynapseDriverError, connect\n"
        "try:\n"
        "    connect(SynapseConfig(server='127.0.0.1', database='pool', user='u', password='p'))\n"
        "except SynapseDriverError as exc:\n"
        "    print(exc)\n"
    )
    script = f'mount --bind /dev/null "{lib}" && exec "{sys.executable}" -c "$0"'
    out = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "ODBCSYSINI": str(ODBC_DIR)},
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert (
        "libodbc.so.2" in out.stdout and ".ci/install-odbc" in out.stdout and "apt-get install" in out.stdout
    )


def test_secrets_are_scrubbed_by_their_shape_not_only_by_their_value() -> None:
    """A driver or server may echo a secret the statement never held (another SAS, a connection string)."""
    from heroku_assets.warehouse.base import scrub

    text = (
        "Cannot bulk load because https://a.blob.core.windows.net/c/x.parquet?sv=2024&sp=rl&sig=AbC%2Bd%3D "
        "could not be opened; Driver={x};PWD={p;w};Password=hunter2;AccountKey=Zm9v+/w==;"
        "CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = 'sv=1&sig=zz')"
    )
    out = scrub(text, "exact-secret")
    for leaked in ("AbC%2Bd%3D", "hunter2", "Zm9v+/w==", "sig=zz", "p;w", "w}"):
        assert leaked not in out, leaked
    assert "sig=***" in out and "Password=***" in out and "SECRET = '***'" in out
    assert "sp=rl" in out and "x.parquet" in out  # what is not secret stays readable
    assert scrub("it failed near exact-secret", "exact-secret") == "it failed near ***"


def test_a_failed_statement_names_no_secret(pyodbc) -> None:
    from heroku_assets.warehouse.load_runner import StatementError
    from heroku_assets.warehouse.sql import Statement

    statement = Statement(
        "COPY INTO [stg].[t] FROM 'u' WITH (CREDENTIAL = (SECRET = '<secret>'))", secret="s3"
    )
    error = pyodbc.Error("42000", "[SQL Server]Access to https://a/c?sv=1&sig=OTHER failed for secret s3")
    message = str(StatementError(statement, error))
    assert "OTHER" not in message and "s3" not in message and "sig=***" in message


def test_the_default_azure_credential_is_built_once(monkeypatch, closed_port: int) -> None:
    import azure.identity

    from heroku_assets.warehouse import synapse_connection

    built = []

    class Counting:
        def __init__(self) -> None:
            built.append(self)

        def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
            return AccessToken("eyJ0eXAi.token", int(time.time()) + 3600)

    monkeypatch.setattr(azure.identity, "DefaultAzureCredential", Counting)
    synapse_connection.default_credential.cache_clear()
    try:
        config = _config(closed_port, auth="token", user=None, password=None)
        for _ in range(3):
            access_token_attrs(config)
        assert len(built) == 1
    finally:
        synapse_connection.default_credential.cache_clear()
