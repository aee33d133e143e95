"""Name resolution checked once before connecting: a name that does not resolve is answered at once,
instead of after every connection attempt's timeout and retry (the ODBC driver's 30 s login timeout
times four, the API client's backoff)."""

from __future__ import annotations

import socket


def resolution_error(host: str, port: int) -> str | None:
    """Why ``host`` does not resolve (the resolver's words), or None when it does."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"the name {host} does not resolve ({exc.strerror or exc})"
    except UnicodeError:
        return f"the name {host!r} is not a host name"
    return None
