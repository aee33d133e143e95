"""The ``heroku-assets`` command. Each subcommand lives beside the code it drives, in a ``command``
module exposing ``register(subparsers)``; handlers import heavy libraries only when they run."""

from __future__ import annotations

import argparse
import importlib
import sys

from heroku_assets.storage.base import StoreError

# subcommand module, in the order `--help` lists them
_COMMAND_MODULES = (
    "heroku_assets.logs.parse_command",  # parse
    "heroku_assets.sample.command",  # sample
    "heroku_assets.capture.import_command",  # import
    "heroku_assets.runner",  # run, summary
    "heroku_assets.capture.drain_command",  # drain serve
    "heroku_assets.capture.pull_command",  # pull
    "heroku_assets.warehouse.check_command",  # synapse check
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="heroku-assets",
        description="Capture, parse and load Heroku logs and Platform API data.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a part not installed in this build
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except (ValueError, StoreError) as exc:
        # Bad input or settings, or a store that cannot be reached: a message, not a traceback.
        print(f"heroku-assets {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
