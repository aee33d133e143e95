"""What every Blob client this project builds gets: bounded retries, logged, that never retry a refused
credential, a short connection timeout, and errors scrubbed of anything credential-like."""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit, urlunsplit

from azure.core.exceptions import (
    ClientAuthenticationError,
)
from azure.storage.blob import ExponentialRetry

log = logging.getLogger(__name__)


# The SDK's default waits 15 s, 18 s and 24 s between tries and retries a refused credential too: a
# wrong setting took 85 s to surface. Here: three tries in all, about 1 s then 3 s apart, a credential
# that is refused is not retried, and every retry is logged with what failed.
RETRIES = 2
CONNECTION_TIMEOUT = 5  # seconds to open a connection (a read can take longer: big blocks)


# What could carry a credential in an SDK error message: SAS signatures, keys, Authorization headers.
_SECRET_PATTERNS = (
    re.compile(r"(sig=)[^&\s'\"]+", re.IGNORECASE),
    re.compile(r"(AccountKey=)[^;\s'\"]+", re.IGNORECASE),
    re.compile(r"(SharedKey(?:Lite)? [^:\s]+:)\S+", re.IGNORECASE),
    re.compile(r"(Bearer )\S+", re.IGNORECASE),
)


def scrub(text: str) -> str:
    """Remove anything credential-like from a message before it reaches an exception or a log."""
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(r"\1***", text)
    return text


class BoundedRetry(ExponentialRetry):
    """The storage SDK's exponential retry, with short waits, a log line per retry, and no retry of
    an authentication failure (a missing or refused credential does not fix itself in seconds)."""

    def __init__(self, retries: int = RETRIES) -> None:
        super().__init__(initial_backoff=1, increment_base=2, retry_total=retries, random_jitter_range=0)

    def increment(self, settings, request, response=None, error=None) -> bool:  # noqa: ANN001
        if isinstance(error, ClientAuthenticationError):
            return False
        again = super().increment(settings, request, response=response, error=error)
        if again:
            what = error_line(error) if error is not None else f"HTTP {response.status_code}"
            log.warning(
                "blob storage: %s %s failed (%s); retry %d of %d",
                request.method,
                strip_query(request.url),
                scrub(what),
                settings["count"],
                self.total_retries,
            )
        return again


def client_options() -> dict[str, object]:
    """Keyword arguments for any Blob client this project builds: bounded, logged retries."""
    return {"retry_policy": BoundedRetry(), "connection_timeout": CONNECTION_TIMEOUT}


def error_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def strip_query(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
