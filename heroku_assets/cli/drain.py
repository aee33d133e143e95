"""``heroku-assets drain serve``: run the log drain receiver with uvicorn."""

from __future__ import annotations

import argparse

from heroku_assets.cli.common import CommandError, add_command, add_data_dir, add_group


def register(subparsers: argparse._SubParsersAction) -> None:
    commands = add_group(subparsers, "drain", "the HTTPS log drain receiver", "The HTTPS log drain receiver.")
    serve = add_command(
        commands,
        "serve",
        "receive Logplex drain POSTs and store them in the raw store",
        (
            "Serve POST /logs and /logs/<path token> for `heroku drains:add https://USER:PASSWORD@HOST/logs"
            "?app=APP`, and POST /otlp/[<path token>/]v1/{logs,metrics,traces} for Fir telemetry drains "
            "(`heroku-assets telemetry` prints the `heroku telemetry:add` command). "
            "Credentials come from HEROKU_DRAIN_USER / HEROKU_DRAIN_PASSWORD and/or "
            "HEROKU_DRAIN_PATH_TOKEN, drain tokens from HEROKU_DRAIN_APPS (d.<uuid>=app,...), the body "
            "limit from HEROKU_DRAIN_MAX_BODY_BYTES, where data lives from the HEROKU_ASSETS_* settings. "
            "Bodies and OTLP requests are acknowledged once appended to the local spool "
            "(HEROKU_DRAIN_SPOOL_DIR, <data dir>/spool by default) and shipped to the raw store as one "
            "segment object every HEROKU_DRAIN_SEGMENT_SECONDS (60). "
            "Put TLS in front of it (a load balancer or the Heroku router)."
        ),
        serve_command,
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    add_data_dir(serve)
    serve.add_argument(
        "--allow-anonymous", action="store_true", help="accept posts without credentials (local trials only)"
    )
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (default 1; one per core for more POSTs/s)"
    )
    serve.add_argument(
        "--log-level",
        default="info",
        choices=("debug", "info", "warning", "error"),
        help="least severe messages logged (default info)",
    )


def serve_command(args: argparse.Namespace) -> int:
    import logging
    import os

    import uvicorn

    from heroku_assets import settings as settings_module
    from heroku_assets.capture.app import LOG_FORMAT, create_app, spool_runner
    from heroku_assets.capture.drain_config import DrainConfig, SpoolConfig
    from heroku_assets.storage.factory import open_stores

    try:
        drain_settings = settings_module.load_drain()
        config = DrainConfig.from_settings(drain_settings, allow_anonymous=args.allow_anonymous)
        settings = settings_module.load()
        spool_config = SpoolConfig.from_settings(drain_settings, settings.data_dir)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    logging.basicConfig(level=args.log_level.upper(), format=LOG_FORMAT)
    logging.getLogger(__name__).info(
        "drain receiver on %s:%d, %r, spool %s", args.host, args.port, config, spool_config.directory
    )
    # No access log: request paths carry the secret path token.
    options = dict(
        host=args.host,
        port=args.port,
        http="httptools",
        access_log=False,
        log_level=args.log_level,
        server_header=False,
        # SIGTERM: stop taking requests, then seal and ship the open segment within this time
        timeout_graceful_shutdown=10,
    )
    if args.workers > 1:
        # Worker processes import the app and read the same settings: the options are passed as theirs.
        os.environ[settings_module.DATA_DIR] = str(settings.data_dir)
        os.environ[settings_module.DRAIN_ALLOW_ANONYMOUS] = "1" if args.allow_anonymous else "0"
        os.environ[settings_module.DRAIN_LOG_LEVEL] = args.log_level
        uvicorn.run(
            "heroku_assets.capture.app:app_from_environment", factory=True, workers=args.workers, **options
        )
        return 0
    with open_stores(settings) as stores:
        uvicorn.run(create_app(stores.raw, config, spool=spool_runner(stores.raw, spool_config)), **options)
    return 0
