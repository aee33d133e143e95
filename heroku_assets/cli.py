"""The ``heroku-assets`` command. Each subcommand lives beside the code it drives, in a ``command``
module exposing ``register(subparsers)``; handlers import heavy libraries only when they run.

Every command reports the same way: ``heroku-assets <command>: error: ...`` (or ``warning:``) on stderr,
as argparse does for bad arguments; exit status 2 for bad input or settings, 1 for work that failed.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path

from heroku_assets.storage.base import StoreError

# subcommand module, in the order `--help` lists them
_COMMAND_MODULES = (
    "heroku_assets.logs.parse_command",  # parse
    "heroku_assets.sample.command",  # sample
    "heroku_assets.capture.import_command",  # import
    "heroku_assets.runner",  # run, summary
    "heroku_assets.capture.drain_command",  # drain serve
    "heroku_assets.capture.telemetry_command",  # telemetry
    "heroku_assets.capture.pull_command",  # pull
    "heroku_assets.platform_api.command",  # api resources, schema-diff, webhooks
    "heroku_assets.warehouse.check_command",  # warehouse check (and synapse check)
)


class CommandError(Exception):
    """A failure the user can act on: printed as one ``error:`` line, no traceback."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def report(args: argparse.Namespace, kind: str, message: str) -> None:
    """One ``heroku-assets <command>: <kind>: message`` line on stderr."""
    print(f"{getattr(args, 'prog', 'heroku-assets')}: {kind}: {message}", file=sys.stderr)


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """``--data-dir``, on every command that touches the stores or the warehouse."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder: raw and staging stores, DuckDB warehouse (overrides HEROKU_ASSETS_DATA_DIR)",
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
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a part not installed in this build
        module.register(subparsers)
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


if __name__ == "__main__":
    # `python -m heroku_assets.cli`: run the imported module, whose CommandError the commands raise
    from heroku_assets import cli

    sys.exit(cli.main())
