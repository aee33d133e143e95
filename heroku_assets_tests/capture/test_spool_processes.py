"""The spooled receiver as real processes: killed with SIGKILL while a client posts with Logplex's retry
rules, two receivers sharing a store, a full spool disk, several workers. Whatever happens, every
acknowledged frame is in the raw store and each frame's lines are in the raw partition exactly once."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import gzip
import random
import subprocess
import threading
import time
from pathlib import Path

import pytest

from heroku_assets.logs.raw_partition import build_partition
from heroku_assets.storage import layout
from heroku_assets.storage.local import LocalObjectStore
from heroku_assets_tests.capture.conftest import APP
from heroku_assets_tests.capture.helpers import frame
from heroku_assets_tests.capture.receivers import (
    Receiver,
    post,
    post_like_logplex,
    receiver_env,
    stored_records,
)

LINES_PER_FRAME = 3


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _frame_lines(n: int) -> list[str]:
    return [f"frame {n} line {j}" for j in range(LINES_PER_FRAME)]


def _body(n: int, extra: list[str] = ()) -> bytes:
    stamp = f"{_today().isoformat()}T10:{n // 60 % 60:02d}:{n % 60:02d}.{n:06d}+00:00"
    return b"".join(frame(stamp, "app", "web.1", message) for message in [*_frame_lines(n), *extra])


def _partition_messages(raw: LocalObjectStore) -> collections.Counter[str]:
    build_partition(raw, APP, _today())
    text = gzip.decompress(raw.get(layout.raw_partition_object(APP, _today()))).decode()
    return collections.Counter(line.split("]: ", 1)[1] for line in text.splitlines())


def test_kill_9_while_logplex_posts_and_retries_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    env = receiver_env(tmp_path, HEROKU_DRAIN_SEGMENT_SECONDS="0.3", HEROKU_DRAIN_RECEIVER_ID="kill")
    receiver = Receiver(env).start()
    acked: set[int] = set()
    attempts: collections.Counter[int] = collections.Counter()
    done = threading.Event()

    def client(first: int) -> None:
        n = first
        while not done.is_set():
            n += 1
            ok, tries = post_like_logplex([receiver.url], _body(n), f"K{n:06d}", LINES_PER_FRAME, pause=0.7)
            attempts[tries] += 1
            if ok:
                acked.add(n)

    clients = [threading.Thread(target=client, args=(i * 100_000,)) for i in range(4)]
    for thread in clients:
        thread.start()
    rng = random.Random(9)
    for _ in range(4):
        time.sleep(rng.uniform(0.3, 1.0))
        receiver.kill()
        receiver.start()
    time.sleep(0.5)
    done.set()
    for thread in clients:
        thread.join(60)
    receiver.stop()

    raw = LocalObjectStore(tmp_path / "raw")
    stored = collections.Counter(int(r.frame_id[1:]) for _, r in stored_records(raw))
    assert attempts[2] + attempts[3] > 0  # the kills made the client retry
    assert len(acked) > 100
    assert not acked - set(stored), "acknowledged frames missing from the store"
    messages = _partition_messages(raw)
    for n in acked:
        for message in _frame_lines(n):
            assert messages[message] == 1, message
    assert max(messages.values()) == 1
    assert not list((tmp_path / "spool").rglob("*.sealed")) and not list((tmp_path / "spool").rglob("*.open"))


def test_two_receivers_share_a_store_and_retries_across_them_count_once(tmp_path: Path) -> None:
    a = Receiver(
        receiver_env(tmp_path, HEROKU_DRAIN_SPOOL_DIR=str(tmp_path / "spool-a"), HEROKU_DRAIN_RECEIVER_ID="a")
    )
    b = Receiver(
        receiver_env(tmp_path, HEROKU_DRAIN_SPOOL_DIR=str(tmp_path / "spool-b"), HEROKU_DRAIN_RECEIVER_ID="b")
    )
    a.start()
    b.start()
    for n in range(60):
        assert post(a.url, _body(n), f"T{n:04d}", LINES_PER_FRAME) == 204
        if n % 3 == 0:  # the answer was lost: Logplex sends the frame again, here to the other receiver
            assert post(b.url, _body(n), f"T{n:04d}", LINES_PER_FRAME) == 204
        if n % 5 == 0:  # the retry was rebuilt with a report of lines dropped meanwhile
            l10 = [f"Error L10 (output buffer overflow): {n} messages dropped since earlier"]
            assert post(b.url, _body(n, l10), f"T{n:04d}", LINES_PER_FRAME + 1) == 204
    # a Private Space drain sends no frame id: the same body twice is the same frame
    private = _body(999)
    assert post(a.url, private, None, LINES_PER_FRAME) == 204
    assert post(b.url, private, None, LINES_PER_FRAME) == 204
    a.stop()
    b.stop()

    raw = LocalObjectStore(tmp_path / "raw")
    receivers = {key.split("/")[2] for key, _ in stored_records(raw)}
    assert receivers == {"a-w0", "b-w0"}
    messages = _partition_messages(raw)
    for n in [*range(60), 999]:
        for message in _frame_lines(n):
            assert messages[message] == 1, message
    # the last copy of a frame is the one kept: a rebuilt retry's report counts, once
    reports = sorted(m for m in messages if m.startswith("Error L10"))
    assert reports == sorted(
        f"Error L10 (output buffer overflow): {n} messages dropped since earlier" for n in range(0, 60, 5)
    )
    assert sum(messages.values()) == 61 * LINES_PER_FRAME + len(reports)


@contextlib.contextmanager
def _tiny_disk(path: Path, size: str = "1m"):
    path.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({result.stderr.decode().strip()})")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_full_spool_disk_answers_503_and_nothing_acknowledged_is_lost(tmp_path: Path) -> None:
    with _tiny_disk(tmp_path / "spool") as spool:
        env = receiver_env(
            tmp_path,
            HEROKU_DRAIN_SPOOL_DIR=str(spool),
            HEROKU_DRAIN_SEGMENT_SECONDS="3600",
            HEROKU_DRAIN_RECEIVER_ID="full",
        )
        receiver = Receiver(env).start()
        big = [f"padding {'x' * 6000}"]
        acked, refused = [], []
        for n in range(400):
            status = post(receiver.url, _body(n, big), f"D{n:04d}", LINES_PER_FRAME + 1)
            (acked if status == 204 else refused).append((n, status))
            if len(refused) >= 3:
                break
        assert {status for _, status in refused} == {503}
        assert 100 < len(acked) < 400  # about a MiB of bodies fitted
        # killed while full: what was acknowledged is on the disk and shipped by the next start
        receiver.kill()
        receiver.start()
        deadline = time.monotonic() + 30
        while list(spool.rglob("*.sealed")):
            assert time.monotonic() < deadline, "the recovered segment was not shipped"
            time.sleep(0.1)
        assert post(receiver.url, _body(1000), "D1000", LINES_PER_FRAME) == 204  # room again
        receiver.stop()
    raw = LocalObjectStore(tmp_path / "raw")
    stored = {r.frame_id for _, r in stored_records(raw)}
    assert {f"D{n:04d}" for n, _ in acked} | {"D1000"} <= stored
    messages = _partition_messages(raw)
    for n, _ in acked:
        assert messages[_frame_lines(n)[0]] == 1


def test_the_retry_after_header_comes_with_a_503(tmp_path: Path) -> None:
    import requests

    from heroku_assets_tests.capture.conftest import DRAIN_TOKEN, PASSWORD, PATH_TOKEN, USER

    size = len(_body(0)) + 400  # one body and its record header, not two
    env = receiver_env(tmp_path, HEROKU_DRAIN_SPOOL_MAX_BYTES=str(size), HEROKU_DRAIN_SEGMENT_SECONDS="3600")
    receiver = Receiver(env).start()
    try:
        assert post(receiver.url, _body(0), "R0", LINES_PER_FRAME) == 204
        response = requests.post(
            f"{receiver.url}/logs/{PATH_TOKEN}",
            data=_body(1),
            headers={"Logplex-Frame-Id": "R1", "Logplex-Drain-Token": DRAIN_TOKEN},
            auth=(USER, PASSWORD),
            timeout=10,
        )
        assert response.status_code == 503 and response.headers["Retry-After"] == "1"
    finally:
        receiver.stop()


def test_several_workers_each_spool_under_their_own_receiver_id(tmp_path: Path) -> None:
    receiver = Receiver(receiver_env(tmp_path, HEROKU_DRAIN_RECEIVER_ID="pool"), workers=2).start()
    acked: list[int] = []
    lock = threading.Lock()

    def client(first: int) -> None:
        for n in range(first, first + 40):
            if post(receiver.url, _body(n), f"W{n:05d}", LINES_PER_FRAME) == 204:
                with lock:
                    acked.append(n)

    threads = [threading.Thread(target=client, args=(i * 1000,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    receiver.stop()
    assert len(acked) == 240
    assert sorted(p.name for p in (tmp_path / "spool").iterdir()) == ["w0", "w1"]
    raw = LocalObjectStore(tmp_path / "raw")
    records = list(stored_records(raw))
    assert {key.split("/")[2] for key, _ in records} <= {"pool-w0", "pool-w1"}
    assert sorted(int(r.frame_id[1:]) for _, r in records) == sorted(acked)
