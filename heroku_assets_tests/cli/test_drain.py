"""``heroku-assets drain serve`` as an operator runs it: a process reading its secrets from the
environment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.capture.conftest import APP, DRAIN_TOKEN, PASSWORD, PATH_TOKEN, USER
from heroku_assets_tests.capture.receivers import stored_records
from heroku_assets_tests.ports import free_port


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_DRAIN_", "HEROKU_ASSETS_"))}
    env.update({"HEROKU_ASSETS_ENV": "local", "HEROKU_ASSETS_DATA_DIR": str(tmp_path)}, **extra)
    return env


def test_drain_serve_stores_posts_and_keeps_secrets_out_of_its_output(tmp_path: Path) -> None:
    port = free_port()
    env = _env(
        tmp_path,
        HEROKU_DRAIN_USER=USER,
        HEROKU_DRAIN_PASSWORD=PASSWORD,
        HEROKU_DRAIN_PATH_TOKEN=PATH_TOKEN,
        HEROKU_DRAIN_APPS=f"{DRAIN_TOKEN}={APP}",
    )
    command = [sys.executable, "-m", "heroku_assets.cli", "drain", "serve", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(base + "/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert process.poll() is None, "the receiver exited"
            assert time.monotonic() < deadline, "the receiver did not come up"
            time.sleep(0.1)
        headers = {"Logplex-Frame-Id": "0123456789ABCDEF0123456789ABCDEF", "Logplex-Drain-Token": DRAIN_TOKEN}
        body = b"70 <190>1 2026-11-20T10:00:00+00:00 host app web.1 - hello from the drain\n"
        response = requests.post(
            f"{base}/logs/{PATH_TOKEN}", data=body, headers=headers, auth=(USER, PASSWORD)
        )
        assert response.status_code == 204
        assert requests.post(f"{base}/logs/{PATH_TOKEN}", data=body, auth=(USER, "nope")).status_code == 401
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=20)
    # the spool was sealed and shipped on shutdown: one segment holding the one acknowledged body
    records = list(stored_records(LocalObjectStore(tmp_path / "raw")))
    assert [(r.frame_id, r.app, r.body) for _, r in records] == [
        ("0123456789ABCDEF0123456789ABCDEF", APP, body)
    ]
    assert not list((tmp_path / "spool").rglob("*.sealed"))
    text = output.decode()
    assert "drain receiver on 127.0.0.1" in text
    for secret in (PASSWORD, PATH_TOKEN, DRAIN_TOKEN):
        assert secret not in text


def test_drain_serve_refuses_to_start_without_credentials(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "heroku_assets.cli", "drain", "serve", "--port", "1"],
        env=_env(tmp_path),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert b"HEROKU_DRAIN_USER" in result.stderr
