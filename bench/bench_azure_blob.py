"""Azure Blob store throughput and memory on Azurite (loopback): upload, download and streamed read of one
large object, with the peak of Python allocations during each, to show memory stays bounded by the chunk
size rather than growing with the object.

    .venv/bin/python bench/bench_azure_blob.py [--mib 256] [--chunk-mib 4] [--concurrency 4]

Needs Azurite (``.ci/install-azurite``). Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from azure.storage.blob import ContainerClient  # noqa: E402

from heroku_assets.storage.azure_blob import AzureBlobObjectStore  # noqa: E402
from heroku_assets_tests.fixtures_azurite import run_azurite  # noqa: E402

MIB = 1 << 20


def measure(label: str, size: int, fn) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rate = size / MIB / elapsed
    print(f"{label:<22} {rate:8.1f} MiB/s   {elapsed:6.2f} s   peak Python memory {peak / MIB:6.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=256)
    parser.add_argument("--chunk-mib", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    size = args.mib * MIB

    with tempfile.TemporaryDirectory() as tmp, run_azurite(Path(tmp)) as azurite:
        src = Path(tmp) / "object.bin"
        digest = hashlib.sha256()
        with open(src, "wb") as out:
            for _ in range(args.mib):
                block = os.urandom(MIB)
                digest.update(block)
                out.write(block)
        container = ContainerClient.from_connection_string(azurite.connection_string, "bench")
        store = AzureBlobObjectStore(
            container, chunk_size=args.chunk_mib * MIB, max_concurrency=args.concurrency
        )
        key = "router_events/app=bench/date=2026-11-20/part-00000.parquet"
        print(
            f"object {args.mib} MiB, chunk {args.chunk_mib} MiB, {args.concurrency} concurrent block uploads"
        )

        measure("put_file", size, lambda: store.put_file(key, src, {"rows": "0"}))
        dst = Path(tmp) / "copy.bin"
        measure("download", size, lambda: store.download(key, dst))

        def stream() -> None:
            check = hashlib.sha256()
            with store.open(key) as f:
                while block := f.read(MIB):
                    check.update(block)
            assert check.hexdigest() == digest.hexdigest(), "streamed content differs"

        measure("open + read (1 MiB)", size, stream)
        assert hashlib.sha256(dst.read_bytes()).hexdigest() == digest.hexdigest(), (
            "downloaded content differs"
        )
        print("content verified (sha256) after download and streamed read")


if __name__ == "__main__":
    main()
