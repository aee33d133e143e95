"""What a pyodbc error from a pool or warehouse means: its native numbers and SQLSTATE, whether another
attempt may succeed (the errors Azure SQL and Synapse document as transient, a dropped link), and the
waits between attempts, longer while a pool warms up."""

from __future__ import annotations

import re
from typing import Any

import tenacity

from heroku_assets.warehouse.base import driver_message

# Errors Azure SQL and Synapse document as transient: the pool is busy, failing over, throttling,
# resuming or warming up (42109: "This error is transitive and should succeed with next connection"), the
# session was chosen as a deadlock victim (1205), or the network dropped the session. Worth retrying, since
# every load here is idempotent.
WARMING_UP = 42109
TRANSIENT_ERROR_NUMBERS = frozenset(
    {
        233,
        1205,
        4060,
        4221,
        10053,
        10054,
        10060,
        10928,
        10929,
        40143,
        40197,
        40501,
        40540,
        40613,
        49918,
        49919,
        49920,
        WARMING_UP,
    }
)


# SQLSTATEs of a link that failed mid-session and of a deadlock victim: always worth another attempt.
_TRANSIENT_STATES = frozenset({"08S01", "40001"})
# "Client unable to establish connection" / "server rejected the connection": the driver raises these for a
# dropped TCP connection, and also for an invalid connection-string value, a bad certificate or an unknown
# host, which no retry mends. Retried only with a transient number or a TCP-level cause.
_CONNECT_STATES = frozenset({"08001", "08004"})
_TCP_CAUSE = re.compile(r"TCP Provider|Communication link failure|connection was forcibly closed", re.I)
POOL_PAUSED = 42108


def error_numbers(exc: BaseException) -> set[int]:
    """The native error numbers in a pyodbc error message, e.g. "... (40613) (SQLDriverConnect)"."""
    message = driver_message(exc)
    return {int(n) for n in re.findall(r"\((\d+)\)", message)}


def sqlstate(exc: BaseException) -> str:
    return str(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else ""


def is_transient(exc: BaseException, *, connecting: bool = False) -> bool:
    """Whether a pyodbc error is worth another attempt. A login timeout (HYT00) is, while connecting: a
    pool resuming or failing over answers late; a query timeout is not."""
    state = sqlstate(exc)
    if error_numbers(exc) & TRANSIENT_ERROR_NUMBERS or state in _TRANSIENT_STATES:
        return True
    if state in _CONNECT_STATES:
        return bool(_TCP_CAUSE.search(driver_message(exc)))
    return connecting and state in ("HYT00", "HYT01")


def is_warming_up(exc: BaseException | None) -> bool:
    return exc is not None and WARMING_UP in error_numbers(exc)


def retry_policy(
    attempts: int, wait: float, warmup_attempts: int, warmup_wait: float, max_wait: float = 30
) -> dict[str, Any]:
    """tenacity's stop and wait for Synapse: exponential waits from ``wait`` for ``attempts`` attempts,
    but ``warmup_wait`` between up to ``warmup_attempts`` attempts while the pool says it is warming up."""
    exponential = tenacity.wait_exponential(multiplier=wait, max=max_wait)

    def _last(state: tenacity.RetryCallState) -> BaseException | None:
        exc = state.outcome.exception() if state.outcome else None
        return getattr(exc, "original", exc)

    def stop(state: tenacity.RetryCallState) -> bool:
        limit = warmup_attempts if is_warming_up(_last(state)) else attempts
        return state.attempt_number >= limit

    def wait_for(state: tenacity.RetryCallState) -> float:
        return warmup_wait if is_warming_up(_last(state)) else exponential(state)

    return {"stop": stop, "wait": wait_for}
