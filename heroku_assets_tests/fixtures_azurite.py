"""Pytest fixtures that run the real Azurite blob emulator on a free loopback port.

Import them from a conftest (``from heroku_assets_tests.fixtures_azurite import azurite, blob_container``).
Azurite is installed by ``.ci/install-azurite`` (``make test`` runs it); when it is missing the fixture
fails and says so, rather than skipping: CI always has it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from heroku_assets_tests.ports import free_port

REPO = Path(__file__).resolve().parents[1]
AZURITE_BLOB = REPO / ".tools" / "azurite" / "node_modules" / ".bin" / "azurite-blob"
# Azurite's fixed development account (public, documented by Microsoft; not a secret).
DEV_ACCOUNT = "devstoreaccount1"
DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


@dataclass(frozen=True)
class Azurite:
    """A running Azurite blob service."""

    host: str
    port: int
    account_name: str = DEV_ACCOUNT
    account_key: str = field(default=DEV_KEY, repr=False)

    @property
    def account_url(self) -> str:
        return f"http://{self.host}:{self.port}/{self.account_name}"

    @property
    def connection_string(self) -> str:
        return (
            f"DefaultEndpointsProtocol=http;AccountName={self.account_name};"
            f"AccountKey={self.account_key};BlobEndpoint={self.account_url};"
        )


def _wait_listening(proc: subprocess.Popen, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"azurite-blob exited with status {proc.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"azurite-blob did not listen on 127.0.0.1:{port} within {timeout:.0f}s")


class AzuriteMissing(RuntimeError):
    """Azurite is not installed where .ci/install-azurite puts it."""


@contextlib.contextmanager
def run_azurite(workdir: Path, timeout: float = 30, debug_log: Path | None = None) -> Iterator[Azurite]:
    """Run ``azurite-blob`` in memory on a free loopback port until the block exits (tests and benchmarks).
    ``debug_log``: where Azurite writes a line for every request it serves (benchmarks count them)."""
    if not os.access(AZURITE_BLOB, os.X_OK):
        raise AzuriteMissing(
            f"Azurite is not installed ({AZURITE_BLOB} is missing): run `make test`, or "
            "`.ci/install-azurite` once, to install azurite@3.35.0 with npm"
        )
    port = free_port()
    log_path = workdir / "azurite.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [
                str(AZURITE_BLOB),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                str(port),
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
                "--loose",
                "--disableTelemetry",
                *(["--debug", str(debug_log)] if debug_log is not None else []),
            ],
            cwd=workdir,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            try:
                _wait_listening(proc, port, timeout)
            except RuntimeError as exc:
                log.flush()
                output = log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{exc}\n{output}") from None
            yield Azurite(host="127.0.0.1", port=port)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="session")
def azurite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Azurite]:
    """Azurite's blob service for the test session. Fails (never skips) when Azurite is not installed."""
    stack = contextlib.ExitStack()
    try:
        service = stack.enter_context(run_azurite(tmp_path_factory.mktemp("azurite")))
    except RuntimeError as exc:  # AzuriteMissing too
        pytest.fail(str(exc), pytrace=False)
    with stack:
        yield service


@pytest.fixture
def blob_container(azurite: Azurite):
    """A fresh, not yet created container on Azurite (its name is unique per test); deleted afterwards."""
    from azure.core.exceptions import ResourceNotFoundError
    from azure.storage.blob import ContainerClient

    client = ContainerClient.from_connection_string(azurite.connection_string, f"t{uuid.uuid4().hex[:20]}")
    yield client
    with contextlib.suppress(ResourceNotFoundError):  # never created by the test
        client.delete_container()
    client.close()


# what picks and configures the mixed and azure environments
MODE_VARIABLES = (
    "HEROKU_ASSETS_ENV",
    "HEROKU_ASSETS_DUCKDB_PATH",
    "AZURE_STORAGE_ACCOUNT_URL",
    "AZURE_STORAGE_ACCOUNT_KEY",
    "AZURE_STORAGE_SAS_TOKEN",
    "HEROKU_ASSETS_RAW_CONTAINER",
    "HEROKU_ASSETS_STAGING_CONTAINER",
    "SYNAPSE_SERVER",
    "SYNAPSE_DATABASE",
    "SYNAPSE_AUTH",
    "SYNAPSE_USER",
    "SYNAPSE_PASSWORD",
    "SYNAPSE_SCHEMA",
    "SYNAPSE_STAGING_SCHEMA",
    "SYNAPSE_COPY_CREDENTIAL",
    "SYNAPSE_MASKING",
    "SYNAPSE_LOGIN_TIMEOUT",
    "SYNAPSE_QUERY_TIMEOUT",
    "SYNAPSE_DRIVER",
)


@pytest.fixture
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No environment's variable set (the local default), under a data directory of this test."""
    for name in MODE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HEROKU_ASSETS_DATA_DIR", str(tmp_path / "data"))
    return monkeypatch


@pytest.fixture
def mixed_env(clean_env: pytest.MonkeyPatch, azurite: Azurite) -> Iterator[dict[str, str]]:
    """HEROKU_ASSETS_ENV=mixed on the session's Azurite, with containers of this test only."""
    suffix = uuid.uuid4().hex[:12]
    containers = {"raw": f"raw-{suffix}", "staging": f"staging-{suffix}"}
    clean_env.setenv("HEROKU_ASSETS_ENV", "mixed")
    clean_env.setenv("AZURE_STORAGE_ACCOUNT_URL", azurite.account_url)
    clean_env.setenv("AZURE_STORAGE_ACCOUNT_KEY", azurite.account_key)
    clean_env.setenv("HEROKU_ASSETS_RAW_CONTAINER", containers["raw"])
    clean_env.setenv("HEROKU_ASSETS_STAGING_CONTAINER", containers["staging"])
    yield containers
    from azure.storage.blob import ContainerClient

    for name in containers.values():
        client = ContainerClient.from_connection_string(azurite.connection_string, name)
        if client.exists():
            client.delete_container()
        client.close()
