"""The ``heroku-assets`` command. Each subcommand is a module of this package with ``register(subparsers)``;
its handlers call the library, importing it only when they run, so ``--help`` stays fast.

Every command reports the same way: ``heroku-assets <command>: error: ...`` (or ``warning:``) on stderr,
as argparse does for bad arguments; exit status 2 for bad input or settings, 1 for work that failed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from heroku_assets.cli import api, drain, imports, parse, pull, run, sample, telemetry, warehouse
from heroku_assets.cli.common import CommandError, add_data_dir, report
from heroku_assets.storage.base import StoreError

__all__ = ["CommandError", "add_data_dir", "build_parser", "main", "report"]

# in the order `--help` lists them
_COMMANDS = (
    parse,  # parse
    sample,  # sample
    imports,  # import
    run,  # run, summary
    drain,  # drain serve
    telemetry,  # telemetry
    pull,  # pull
    api,  # api resources, schema-diff, webhooks
    warehouse,  # warehouse check (and synapse check)
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("heroku-assets")
    except PackageNotFoundError:
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="heroku-assets",
        description="Capture, parse and load Heroku logs and Platform API data.",
    )
    parser.add_argument("--version", action="version", version=f"heroku-assets {_version()}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in _COMMANDS:
        command.register(subparsers)
    _name_commands(parser)
    return parser


def _name_commands(parser: argparse.ArgumentParser) -> None:
    """Each (sub)command's parser records its own name (``heroku-assets drain serve``) for report()."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                sub.set_defaults(prog=sub.prog)
                _name_commands(sub)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "data_dir", None):
        from heroku_assets import settings

        # the one setting every part reads (Dagster definitions included), so set it for all of them
        os.environ[settings.DATA_DIR] = str(Path(args.data_dir).expanduser().absolute())
    # DefaultAzureCredential logs every credential it tried, many lines; the store's error says it in one
    logging.getLogger("azure.identity").setLevel(logging.ERROR)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`| head`): not an error; stdout must not be flushed into the closed pipe
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except CommandError as exc:
        report(args, "error", str(exc))
        return exc.status
    except (ValueError, StoreError) as exc:
        # Bad input or settings, or a store that cannot be reached: a message, not a traceback.
        report(args, "error", str(exc))
        return 2
