"""Posting sample drain bodies to a receiver as Logplex does: ``heroku-assets sample --post URL``.

Each app has its own drain, so each app's bodies go to the URL with ``?app=<app>`` (docs/capture.md's
``heroku drains:add`` URLs), with the headers Logplex sends (frame id, message count, drain token), in the
order they were cut, one at a time. Credentials in the URL (``https://user:password@host/...``) are sent
as Basic auth. A 503 is retried after its ``Retry-After``, as Logplex retries, and a refused connection a
few seconds later (a receiver still starting), ten times at most; any other answer but 2xx stops the
posting with an error naming the status.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

RETRIES = 10
CONNECT_WAIT_SECONDS = 3.0  # a receiver just started may take a few seconds to listen


class PostError(RuntimeError):
    """The receiver did not take a body."""


@dataclass
class Posted:
    bodies: int = 0
    lines: int = 0
    retries: int = 0


def app_url(url: str, app: str) -> str:
    """``url`` with ``app=<app>`` in its query, as the app's own drain is added."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "app"] + [("app", app)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def post_bodies(url: str, app: str, bodies: Iterable[tuple[dict[str, str], bytes]], posted: Posted) -> None:
    import requests

    target = app_url(url, app)
    with requests.Session() as session:
        for headers, body in bodies:
            for attempt in range(RETRIES + 1):
                try:
                    answer = session.post(target, data=body, headers=headers, timeout=30)
                except requests.ConnectionError as exc:
                    if attempt == RETRIES:
                        raise PostError(
                            f"no receiver at {receiver_address(url)}: {type(exc).__name__}"
                        ) from None
                    wait = CONNECT_WAIT_SECONDS
                else:
                    if answer.ok:
                        break
                    if answer.status_code != 503 or attempt == RETRIES:
                        raise PostError(
                            f"{receiver_address(url)} answered {answer.status_code} to a body of {app}"
                        )
                    wait = float(answer.headers.get("Retry-After", "1"))
                posted.retries += 1
                time.sleep(wait)  # Logplex's pace of retries: what the receiver asked for
            posted.bodies += 1
            posted.lines += int(headers.get("Logplex-Msg-Count", "0"))


def receiver_address(url: str) -> str:
    """The URL without its credentials or path (the path may hold the drain's secret token)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
