"""A small client for the Heroku Platform API (v3) on requests.

Retries (429, 5xx, timeouts, dropped connections) are urllib3's ``Retry`` mounted on the session's adapter,
which honours ``Retry-After`` and backs off exponentially; this module only adds what urllib3 cannot know:
Heroku's Range paging, pacing to this project's share of the rate limit (``rate.RateBudget``) and, when
others drain the account's bucket, by ``RateLimit-Remaining`` before it is empty, and errors that name the
resource that failed. The token is held for the ``Authorization`` header only: it is never logged,
never part of an error or a repr, and never sent to a log session's ``logplex_url`` (another host).

One client per thread: a requests session is not meant to be shared between threads.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import quote

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from heroku_assets.platform_api.errors import (
    HerokuResponseError,
    HerokuUnavailableError,
    decode_json,
    error_for,
)
from heroku_assets.platform_api.rate import RateBudget

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.heroku.com"
ACCEPT = "application/vnd.heroku+json; version=3"
MAX_PAGE_SIZE = 1000
MAX_LOG_LINES = 1500
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclasses.dataclass
class ClientStats:
    """What the client did, for run metadata and tests: calls made, and time spent pacing itself."""

    requests: int = 0
    throttled_seconds: float = 0.0
    throttle_pauses: int = 0
    budget_seconds: float = 0.0  # waited for the project's share of the rate limit


@dataclasses.dataclass(frozen=True)
class LogSession:
    """A created log session. ``logplex_url`` is a short-lived capability: kept out of the repr."""

    id: str
    logplex_url: str = dataclasses.field(repr=False)
    created_at: str | None = None


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("heroku-assets")
    except PackageNotFoundError:
        return "0+unknown"


class HerokuClient:
    """Platform API calls with paging, pacing and retries.

    ``timeout`` is (connect, read) seconds applied to every call; ``retries`` bounds each of the retry
    counters (connection errors, read timeouts, retryable statuses). ``budget``: each call first takes a
    token of the project's own share of the rate limit (waiting for one if needed). ``throttle_below``:
    once ``RateLimit-Remaining`` falls below it (others are spending the account's bucket), each call also
    waits about one refill interval (``seconds_per_token``: Heroku refills roughly 75 tokens a minute)
    so a run slows down instead of hitting 429. ``sleep`` is injectable for simulated time.
    """

    def __init__(
        self,
        token: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | tuple[float, float] = (5.0, 30.0),
        retries: int = 5,
        backoff_factor: float = 0.5,
        backoff_max: float = 60.0,
        retry_after_max: int = 300,
        throttle_below: int = 200,
        seconds_per_token: float = 0.8,
        budget: RateBudget | None = None,
        sleep: Callable[[float], None] = time.sleep,
        user_agent: str | None = None,
    ) -> None:
        if not token:
            raise ValueError("a Heroku API token is required")
        self._token = token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.throttle_below = throttle_below
        self.seconds_per_token = seconds_per_token
        self.budget = budget
        self._sleep = sleep
        self.stats = ClientStats()
        self.rate_limit_remaining: int | None = None
        retry = Retry(
            total=None,
            connect=retries,
            read=retries,
            status=retries,
            other=0,
            redirect=0,
            # GETs, and POST /log-sessions: creating a second session on a retry is harmless.
            allowed_methods=frozenset({"GET", "HEAD", "POST"}),
            status_forcelist=RETRY_STATUSES,
            backoff_factor=backoff_factor,
            backoff_max=backoff_max,
            backoff_jitter=backoff_factor / 2,
            respect_retry_after_header=True,
            retry_after_max=retry_after_max,
            # the last 429/5xx answer comes back to us, so the error can say what the API said
            raise_on_status=False,
        )
        self._session = requests.Session()
        adapter = HTTPAdapter(max_retries=retry)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)
        self._session.headers.update({"User-Agent": user_agent or f"heroku-assets/{_package_version()}"})

    def __repr__(self) -> str:
        return f"HerokuClient(base_url={self.base_url!r}, token=<hidden>)"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HerokuClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------------

    def _pace(self) -> None:
        remaining = self.rate_limit_remaining
        if remaining is None or remaining >= self.throttle_below:
            return
        # One refill interval at the threshold, two when the bucket is empty.
        pause = self.seconds_per_token * (
            1.0 + (self.throttle_below - max(remaining, 0)) / self.throttle_below
        )
        log.info("Heroku rate limit low (%d remaining): pausing %.2fs", remaining, pause)
        self.stats.throttle_pauses += 1
        self.stats.throttled_seconds += pause
        self._sleep(pause)

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        ok: tuple[int, ...] = (200, 201, 202, 204, 206),
    ) -> requests.Response:
        """One API call (retried as configured); raises a ``HerokuError`` subclass unless the status is
        in ``ok``. ``path`` is relative to the base URL, e.g. ``/apps/my-app/releases``."""
        if not path.startswith("/"):
            raise ValueError(f"API paths start with '/': {path!r}")
        resource = f"{method} {path}"
        if self.budget is not None:
            before = self.budget.waited
            self.budget.take()
            self.stats.budget_seconds += self.budget.waited - before
        self._pace()
        all_headers = {"Accept": ACCEPT, "Authorization": f"Bearer {self._token}", **(headers or {})}
        try:
            response = self._session.request(
                method, self.base_url + path, json=json, headers=all_headers, timeout=self.timeout
            )
        except requests.RequestException as exc:
            raise HerokuUnavailableError(
                f"{resource}: no answer from the Heroku API after retrying ({type(exc).__name__})",
                resource=resource,
            ) from None
        finally:
            self.stats.requests += 1
        remaining = response.headers.get("RateLimit-Remaining")
        if remaining is not None and remaining.strip().lstrip("-").isdigit():
            self.rate_limit_remaining = int(remaining)
        if response.status_code not in ok:
            raise error_for(response, resource)
        return response

    def get_json(self, path: str) -> Any:
        """GET one resource and decode it."""
        return decode_json(self.request("GET", path), f"GET {path}")

    def paginate(
        self,
        path: str,
        *,
        sort_key: str | None = "id",
        start: str | int | None = None,
        descending: bool = False,
        page_size: int = MAX_PAGE_SIZE,
    ) -> Iterator[dict[str, Any]]:
        """Every item of a list, following Heroku's ranges: ``Range: <key> <start>..; max=N``, and while
        the answer is 206, the ``Next-Range`` it carries. ``start`` (inclusive) is a hint the server may
        ignore, so callers filter as well. ``sort_key=None`` sends no Range (lists without sort keys,
        such as dynos and formation) and still follows a 206."""
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        params = f"order=desc, max={page_size}" if descending else f"max={page_size}"
        first = "" if start is None else str(start)
        range_header = None if sort_key is None else f"{sort_key} {first}..; {params}"
        resource = f"GET {path}"
        while True:
            try:
                response = self.request(
                    "GET", path, headers={"Range": range_header} if range_header else None
                )
            except HerokuResponseError as exc:
                if exc.status != 416 or not first:
                    raise
                # A start value this list does not accept: read it whole; callers filter anyway.
                log.warning("%s: start %r refused (416), listing from the beginning", resource, first)
                first = ""
                range_header = f"{sort_key} ..; {params}"
                continue
            page = decode_json(response, resource)
            if not isinstance(page, list):
                raise HerokuResponseError(f"{resource}: expected a JSON list", resource=resource)
            yield from page
            next_range = response.headers.get("Next-Range")
            if response.status_code != 206 or not next_range:
                return
            if next_range == range_header or not page:
                raise HerokuResponseError(
                    f"{resource}: paging did not advance (Next-Range {next_range!r})", resource=resource
                )
            range_header = next_range

    # -- log sessions -----------------------------------------------------------------------------

    def create_log_session(
        self,
        app: str,
        *,
        lines: int = MAX_LOG_LINES,
        source: str | None = None,
        dyno_name: str | None = None,
        process_type: str | None = None,
    ) -> LogSession:
        """``POST /apps/{app}/log-sessions`` for the last ``lines`` lines (at most 1500).

        The `heroku logs` filters: ``--ps router`` is ``dyno_name="router"``, ``--source app`` is
        ``source="app"``, ``--source app --ps worker`` is ``source="app", dyno_name="worker"`` (a process
        type matches all its dynos; ``web.1`` names one dyno).
        """
        if not 1 <= lines <= MAX_LOG_LINES:
            raise ValueError(f"lines must be between 1 and {MAX_LOG_LINES}")
        body: dict[str, Any] = {"lines": lines, "tail": False}
        if source:
            body["source"] = source
        if dyno_name:
            body["dyno_name"] = dyno_name
        if process_type:
            body["type"] = process_type
        path = f"/apps/{quote_segment(app)}/log-sessions"
        data = decode_json(self.request("POST", path, json=body), f"POST {path}")
        if not isinstance(data, dict) or not data.get("logplex_url"):
            raise HerokuResponseError(f"POST {path}: no logplex_url in the answer", resource=f"POST {path}")
        return LogSession(
            id=str(data.get("id", "")), logplex_url=data["logplex_url"], created_at=data.get("created_at")
        )

    def read_log_session(self, session: LogSession) -> list[bytes]:
        """The lines a (non-tail) log session serves, each without its line break, bytes as sent.

        No ``Authorization`` header goes to ``logplex_url``: the URL itself is the credential, and it
        points at another host than the API.
        """
        resource = f"GET logplex session {session.id}"
        try:
            response = self._session.get(session.logplex_url, timeout=self.timeout)
        except requests.RequestException as exc:
            raise HerokuUnavailableError(
                f"{resource}: no answer after retrying ({type(exc).__name__})", resource=resource
            ) from None
        if response.status_code != 200:
            raise error_for(response, resource)
        body = response.content
        lines = body.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        return [line[:-1] if line.endswith(b"\r") else line for line in lines]

    def log_lines(
        self,
        app: str,
        *,
        lines: int = MAX_LOG_LINES,
        source: str | None = None,
        dyno_name: str | None = None,
        process_type: str | None = None,
    ) -> list[bytes]:
        """The last ``lines`` log lines of ``app`` (`heroku logs -n`), filtered as ``create_log_session``
        describes."""
        session = self.create_log_session(
            app, lines=lines, source=source, dyno_name=dyno_name, process_type=process_type
        )
        return self.read_log_session(session)


def quote_segment(value: str) -> str:
    """One path segment (an app name or id), escaped so that it can only ever be one segment."""
    if not value:
        raise ValueError("an empty app or resource name")
    return quote(value, safe="")
