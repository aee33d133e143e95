"""``heroku-assets telemetry``: the ``heroku telemetry:add`` command that attaches a Fir app (or space) to
this receiver's OTLP routes.

The printed command names the drain credentials through the same environment variables the receiver
reads (``$HEROKU_DRAIN_USER`` ...), so it can be shown, pasted and logged without showing a secret; the
shell that runs it expands them. ``--show-secrets`` writes the values instead.
"""

from __future__ import annotations

import argparse
import base64
import json
import shlex
import sys
from urllib.parse import urlsplit

from heroku_assets.cli.common import add_command
from heroku_assets.settings import DRAIN_PASSWORD, DRAIN_PATH_TOKEN, DRAIN_USER

SIGNALS = ("logs", "metrics", "traces")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "telemetry",
        "print the `heroku telemetry:add` command for a Fir app",
        (
            "Print the `heroku telemetry:add` command that sends a Fir app's (or space's) logs, metrics "
            "and traces to this receiver's /otlp routes, over OTLP/HTTP, with the drain's credentials "
            f"({DRAIN_USER}/{DRAIN_PASSWORD} as Basic auth, {DRAIN_PATH_TOKEN} in the path)."
        ),
        telemetry_command,
    )
    owner = parser.add_mutually_exclusive_group(required=True)
    owner.add_argument("--app", help="the Fir app")
    owner.add_argument("--space", help="a Fir space (its apps' telemetry; name each app with --as-app)")
    parser.add_argument(
        "--url", required=True, help="the receiver's public base URL, e.g. https://drain.example.com"
    )
    parser.add_argument(
        "--signals", default=",".join(SIGNALS), help="comma-separated: logs, metrics, traces (default all)"
    )
    parser.add_argument("--as-app", help="the app name to store records under (default: --app)")
    parser.add_argument("--show-secrets", action="store_true", help="write the credentials, not $VARIABLES")


def build_command(
    url: str,
    owner: tuple[str, str],
    signals: list[str],
    app_header: str | None,
    environ: dict[str, str],
    show_secrets: bool = False,
) -> str:
    """The shell command; credentials as environment references unless ``show_secrets``."""
    from heroku_assets.logs.otlp import mapping  # loads the log parsers: not for every --help

    parts = urlsplit(url)
    unsafe = any(c in url for c in "\"'$`\\ ")
    if unsafe or parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"--url must be an http(s) base URL without a query: {url!r}")
    unknown = sorted(set(signals) - set(SIGNALS))
    if unknown or not signals:
        raise ValueError(f"--signals takes logs, metrics, traces; not {', '.join(unknown) or 'nothing'}")
    user, password, token = (
        environ.get(DRAIN_USER),
        environ.get(DRAIN_PASSWORD),
        environ.get(DRAIN_PATH_TOKEN),
    )
    if not (user and password) and not token:
        raise ValueError(f"no drain credentials: set {DRAIN_USER}/{DRAIN_PASSWORD} and/or {DRAIN_PATH_TOKEN}")
    endpoint = url.rstrip("/") + "/otlp"
    headers: dict[str, str] = {}
    if show_secrets:
        if token:
            endpoint += f"/{token}"
        if user and password:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    if app_header:
        headers[mapping.APP_HEADER] = app_header
    kind, name = owner
    words = ["heroku", "telemetry:add"]
    if show_secrets or not token:
        words.append(shlex.quote(endpoint))
    else:
        words.append(f'"{endpoint}/${DRAIN_PATH_TOKEN}"')
    words += [f"--{kind}", shlex.quote(name), "--signals", ",".join(signals), "--transport", "http"]
    if show_secrets or not (user and password):
        words += ["--headers", shlex.quote(json.dumps(headers, separators=(",", ":")))]
    else:
        # Inside double quotes the shell expands the command substitution; base64 output has no quote.
        basic = f'$(printf %s "${DRAIN_USER}:${DRAIN_PASSWORD}" | base64 | tr -d "\\n")'
        rest = "".join(f',\\"{k}\\":\\"{v}\\"' for k, v in headers.items())
        words += ["--headers", f'"{{\\"Authorization\\":\\"Basic {basic}\\"{rest}}}"']
    return " ".join(words)


def telemetry_command(args: argparse.Namespace) -> int:
    import os

    from heroku_assets.storage import layout

    app = args.as_app or args.app
    if args.space and not args.as_app:
        print(
            "note: with --space and no --as-app, records are stored under the app their service.name "
            f"names, else under {layout.UNMAPPED_APP}",
            file=sys.stderr,
        )
    if app:
        layout.validate_app(app)
    owner = ("app", args.app) if args.app else ("space", args.space)
    signals = [s.strip() for s in args.signals.split(",") if s.strip()]
    print(build_command(args.url, owner, signals, app, dict(os.environ), args.show_secrets))
    return 0
