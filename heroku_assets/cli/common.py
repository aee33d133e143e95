"""What every command shares: the error it raises, the way it reports, ``--data-dir``, and the setup of a
(sub)command's parser."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

Handler = Callable[[argparse.Namespace], int]


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


def add_command(
    subparsers: Any, name: str, help_text: str, description: str, handler: Handler | None = None
) -> argparse.ArgumentParser:
    """A (sub)command's parser, with the handler that runs it (none for a group of subcommands)."""
    parser = subparsers.add_parser(name, help=help_text, description=description)
    if handler is not None:
        parser.set_defaults(handler=handler)
    return parser


def add_group(subparsers: Any, name: str, help_text: str, description: str) -> Any:
    """A command made of subcommands (``drain serve``): the subparsers to give ``add_command``."""
    parser = add_command(subparsers, name, help_text, description)
    return parser.add_subparsers(dest=f"{name}_command", required=True, metavar="COMMAND")


def utc_day(value: str) -> dt.date:
    """An argparse type: a UTC day written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
