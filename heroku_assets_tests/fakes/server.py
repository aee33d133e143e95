"""Serving an ASGI app with uvicorn on 127.0.0.1 at a free port, in a background thread, for tests.

The socket is bound before the server starts, so the port is known and cannot be taken by someone else
in between; ``ServedApp.url`` is ready to use when the context manager yields.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import uvicorn


@dataclass(frozen=True)
class ServedApp:
    url: str
    port: int
    server: uvicorn.Server


@contextlib.contextmanager
def serve(app: object, *, http: str = "httptools", startup_timeout: float = 10.0) -> Iterator[ServedApp]:
    """Run ``app`` until the block ends; the server is shut down (connections closed) afterwards."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,  # type: ignore[arg-type]
        http=http,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    try:
        yield ServedApp(url=f"http://127.0.0.1:{port}", port=port, server=server)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
