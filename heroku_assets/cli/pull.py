"""``heroku-assets pull``: capture logs of apps without a drain through log sessions, every few minutes."""

from __future__ import annotations

import argparse
import logging

from heroku_assets.cli.common import CommandError, add_command, add_data_dir

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "pull",
        "pull recent log lines of apps through log sessions into the raw store",
        (
            "Pull the last lines of each app (like `heroku logs -n 1500`) every INTERVAL seconds and store "
            "the lines not taken before in the raw store; a gap marker is written when lines may have been "
            "missed. The API token is read from HEROKU_API_KEY, the API URL from HEROKU_API_URL, where data "
            "lives from the HEROKU_ASSETS_* settings."
        ),
        run,
    )
    parser.add_argument("--app", action="append", required=True, metavar="NAME", help="app name (repeatable)")
    parser.add_argument("--interval", type=float, default=300.0, help="seconds between pulls (default 300)")
    parser.add_argument("--once", action="store_true", help="pull once and exit")
    parser.add_argument("--lines", type=int, default=1500, help="lines per pull, at most 1500 (default 1500)")
    parser.add_argument("--source", choices=("app", "heroku"), help="only this source, like `--source`")
    parser.add_argument("--ps", dest="dyno_name", metavar="DYNO", help="only this dyno or process type")
    add_data_dir(parser)


def run(args: argparse.Namespace) -> int:
    import threading
    from urllib.parse import urlsplit

    from heroku_assets import settings as settings_module
    from heroku_assets.capture.pull import PullFilter, pull_once, run_pulls
    from heroku_assets.platform_api.client import HerokuClient
    from heroku_assets.platform_api.errors import HerokuAuthError, HerokuError, HerokuForbiddenError
    from heroku_assets.resolve import resolution_error
    from heroku_assets.storage import layout
    from heroku_assets.storage.factory import open_stores

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # the client says what failed and what it retries; urllib3's own lines would say it again, unshaped
    logging.getLogger("urllib3").setLevel(logging.ERROR)
    try:
        config = settings_module.load()
        if not config.heroku_api_key:
            raise CommandError(f"set {settings_module.HEROKU_API_KEY} to a Heroku API token")
        token = config.heroku_api_key.get_secret_value()
        apps = [layout.validate_app(a) for a in args.app]
        pull_filter = PullFilter(source=args.source, dyno_name=args.dyno_name)
        if not 1 <= args.lines <= 1500:
            raise ValueError("--lines must be between 1 and 1500")
        api = urlsplit(config.heroku_api_url)
        unresolved = resolution_error(api.hostname or "", api.port or 443)
        if unresolved:  # said at once, not after the client's retries
            raise CommandError(f"cannot reach the Platform API: {unresolved}; check HEROKU_API_URL and DNS")
    except ValueError as exc:
        raise CommandError(str(exc)) from None

    def keep_going(app: str, exc: Exception) -> bool:
        # A refused token or app will not fix itself; anything else (rate limits, outages) is retried.
        if isinstance(exc, HerokuAuthError | HerokuForbiddenError):
            return False
        log.error("%s: pull failed, retrying next round: %s", app, exc)
        return True

    with HerokuClient(token, base_url=config.heroku_api_url) as client, open_stores(config) as stores:
        try:
            if args.once:
                for app in apps:
                    result = pull_once(client, stores.raw, app, pull_filter=pull_filter, lines=args.lines)
                    print(
                        f"{app}: {result.fetched} lines fetched, {result.new_lines} new"
                        + (f", stored {result.key}" if result.key else "")
                        + (f", GAP recorded at {result.gap_key}" if result.gap_key else "")
                    )
                return 0
            run_pulls(
                client,
                stores.raw,
                apps,
                interval=args.interval,
                pull_filter=pull_filter,
                lines=args.lines,
                stop=threading.Event(),
                on_error=keep_going,
            )
        except HerokuError as exc:
            raise CommandError(str(exc), status=1) from None
    return 0
