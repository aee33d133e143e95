"""Real receiver processes (``heroku-assets drain serve``) for the spool tests, and a client that posts
with Logplex's retry rules."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests

from heroku_assets.received.records import Record
from heroku_assets.received.segments import read_segment
from heroku_assets.storage.base import ObjectStore
from heroku_assets_tests.capture.conftest import APP, DRAIN_TOKEN, PASSWORD, PATH_TOKEN, USER
from heroku_assets_tests.ports import free_port


def receiver_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEROKU_DRAIN_", "HEROKU_ASSETS_"))}
    env.update(
        HEROKU_ASSETS_ENV="local",
        HEROKU_ASSETS_DATA_DIR=str(data_dir),
        HEROKU_DRAIN_USER=USER,
        HEROKU_DRAIN_PASSWORD=PASSWORD,
        HEROKU_DRAIN_PATH_TOKEN=PATH_TOKEN,
        HEROKU_DRAIN_APPS=f"{DRAIN_TOKEN}={APP}",
    )
    env.update(extra)
    return env


@dataclass
class Receiver:
    """One ``drain serve`` process on a free loopback port; ``restart`` reuses its port and spool."""

    env: dict[str, str]
    port: int = field(default_factory=free_port)
    workers: int = 1
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> Receiver:
        command = [sys.executable, "-m", "heroku_assets.cli", "drain", "serve", "--port", str(self.port)]
        command += ["--workers", str(self.workers), "--log-level", "info"]
        self.process = subprocess.Popen(
            command, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                if requests.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                raise RuntimeError("the receiver exited: " + self.output())
            if time.monotonic() > deadline:
                raise RuntimeError("the receiver did not come up")
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no shutdown of any kind (workers too)."""
        assert self.process is not None
        if self.workers > 1:
            _kill_children(self.process.pid)
        self.process.kill()
        self.process.wait(10)

    def stop(self, timeout: float = 60.0) -> str:
        """SIGTERM, as a platform stops a process: seal and ship, then exit."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        return self.output()

    def output(self) -> str:
        assert self.process is not None
        if self.process.stdout is None:
            return ""
        if self.process.poll() is None:
            return ""
        text = self.process.stdout.read().decode(errors="replace")
        self.process.stdout.close()
        self.process.stdout = None
        return text

    def health(self) -> dict:
        return requests.get(self.url + "/health", timeout=5).json()


def _kill_children(pid: int) -> None:
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == str(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(stat.parent.name), signal.SIGKILL)


def post(url: str, body: bytes, frame_id: str | None, msg_count: int, timeout: float = 5.0) -> int:
    headers = {"Logplex-Drain-Token": DRAIN_TOKEN, "Logplex-Msg-Count": str(msg_count)}
    headers["Content-Type"] = "application/logplex-1"
    if frame_id is not None:
        headers["Logplex-Frame-Id"] = frame_id
    response = requests.post(
        f"{url}/logs/{PATH_TOKEN}", data=body, headers=headers, auth=(USER, PASSWORD), timeout=timeout
    )
    return response.status_code


def post_like_logplex(
    urls: list[str],
    body: bytes,
    frame_id: str | None,
    msg_count: int,
    retries: int = 2,
    pause: float = 0.05,
) -> tuple[bool, int]:
    """Logplex's rules: the same frame (same id) again on a 5xx or a timeout or a refused connection,
    at most ``retries`` more times, then it is dropped; any 2xx is success. ``urls`` are tried in turn
    (a load balancer sending each attempt to another receiver). Returns (acknowledged, attempts)."""
    for attempt in range(retries + 1):
        url = urls[attempt % len(urls)]
        try:
            status = post(url, body, frame_id, msg_count)
        except requests.RequestException:
            status = None
        if status is not None and 200 <= status < 300:
            return True, attempt + 1
        if status is not None and 400 <= status < 500 and status != 429:
            return False, attempt + 1  # Logplex drops the frame for good
        time.sleep(pause)
    return False, retries + 1


def stored_records(raw: ObjectStore) -> Iterator[tuple[str, Record]]:
    for info in raw.list("segment/"):
        for record in read_segment(raw, info.key):
            yield info.key, record
