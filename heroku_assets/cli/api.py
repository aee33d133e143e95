"""``heroku-assets api ...``: what the Platform API capture holds, how Heroku's schema moved, and the
command that subscribes an app's webhooks."""

from __future__ import annotations

import argparse
import json
import shlex
import sys

from heroku_assets.cli.common import add_command, add_group


def register(subparsers: argparse._SubParsersAction) -> None:
    commands = add_group(
        subparsers,
        "api",
        "Platform API resources, schema drift and webhooks",
        "What the Platform API tables capture, how the live API differs from the vendored "
        "schema, and the webhook subscription command.",
    )

    resources = add_command(
        commands,
        "resources",
        "one JSON object a line per captured resource: table, mode, columns",
        "Every Platform API resource captured, with its table, mode and the columns derived "
        "from the vendored schema.",
        run_resources,
    )
    resources.add_argument(
        "--all",
        action="store_true",
        help="also every resource of the schema that is not captured, with the reason",
    )

    diff = add_command(
        commands,
        "schema-diff",
        "compare the live GET /schema with the vendored one",
        "Fetch the live Platform API schema (token in HEROKU_API_KEY, URL in HEROKU_API_URL) "
        "and print one JSON object a line per added, removed or retyped property of the captured "
        "resources. Exit status 1 when anything changed.",
        run_schema_diff,
    )
    diff.add_argument(
        "--all", action="store_true", help="every resource of the schema, not only captured ones"
    )

    hooks = add_command(
        commands,
        "webhooks",
        "print the `heroku webhooks:add` command for each app",
        "Print, for each app, the Heroku CLI command that subscribes the receiver's "
        "POST /webhooks/heroku to the entities the API tables take from webhooks. The secret is left as "
        "$HEROKU_WEBHOOK_SECRET for your shell to fill in: it is never printed.",
        run_webhooks,
    )
    hooks.add_argument("--url", required=True, help="the receiver's public base URL (https://...)")
    hooks.add_argument("--app", action="append", required=True, metavar="NAME", help="app name (repeatable)")


def run_resources(args: argparse.Namespace) -> int:
    from heroku_assets import tables
    from heroku_assets.platform_api.endpoints import ENDPOINTS, NOT_CAPTURED

    for resource in ENDPOINTS:
        table = tables.api_tables()[resource.table]
        print(
            json.dumps(
                {
                    "resource": resource.name,
                    "captured": True,
                    "cron": resource.cron,
                    "table": table.name,
                    "mode": resource.mode,
                    "path": resource.path,
                    "parent": resource.parent,
                    "bookmark": resource.bookmark,
                    "key": list(table.primary_key),
                    "columns": list(table.column_names),
                }
            )
        )
    if args.all:
        for name, reason in sorted(NOT_CAPTURED.items()):
            print(json.dumps({"resource": name, "captured": False, "reason": reason}))
    return 0


def run_schema_diff(args: argparse.Namespace) -> int:
    from heroku_assets import settings as settings_module
    from heroku_assets.platform_api.client import HerokuClient
    from heroku_assets.platform_api.errors import HerokuError
    from heroku_assets.platform_api.schema import PlatformSchema, vendored
    from heroku_assets.platform_api.schema_diff import schema_diff

    config = settings_module.load()
    if not config.heroku_api_key:
        print(f"error: set {settings_module.HEROKU_API_KEY} to a Heroku API token", file=sys.stderr)
        return 2
    try:
        with HerokuClient(config.heroku_api_key.get_secret_value(), base_url=config.heroku_api_url) as client:
            live = client.get_json("/schema")
    except HerokuError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not isinstance(live, dict) or not isinstance(live.get("definitions"), dict):
        print("error: GET /schema did not answer a JSON schema with definitions", file=sys.stderr)
        return 2
    changes = 0
    for change in schema_diff(vendored(), PlatformSchema(live), captured_only=not args.all):
        print(json.dumps(change))
        changes += 1
    print(f"{changes} change(s) between the vendored and the live schema", file=sys.stderr)
    return 1 if changes else 0


def run_webhooks(args: argparse.Namespace) -> int:
    from heroku_assets.platform_api.endpoints import WEBHOOK_ENTITIES
    from heroku_assets.settings import WEBHOOK_SECRET
    from heroku_assets.storage import layout

    base = args.url.rstrip("/")
    if not base.startswith("https://"):
        raise ValueError("--url must be the receiver's https:// address (Heroku signs, TLS protects)")
    include = ",".join(WEBHOOK_ENTITIES)
    for app in args.app:
        layout.validate_app(app)
        command = shlex.join(
            [
                "heroku",
                "webhooks:add",
                "-a",
                app,
                "-i",
                include,
                "-l",
                "sync",
                "-u",
                f"{base}/webhooks/heroku",
            ]
        )
        print(f'{command} -s "${WEBHOOK_SECRET}"')
    return 0
