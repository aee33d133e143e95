"""``heroku-assets import FILE --app NAME``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="put a saved `heroku logs` dump or a drain body into the raw store",
        description="Store a file verbatim in the raw store, named by its content: importing it twice "
        "changes nothing. The sensor then runs the partitions its lines belong to.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--app", required=True, help="the Heroku app the lines belong to")
    parser.add_argument("--format", choices=["auto", "text", "logplex"], default="auto")
    parser.set_defaults(handler=_run_import)


def _run_import(args: argparse.Namespace) -> int:
    from heroku_assets import settings
    from heroku_assets.capture.imports import import_file
    from heroku_assets.storage.factory import open_stores

    config = settings.load()
    status = 0
    with open_stores(config) as stores:
        for path in args.files:
            if not path.is_file():
                print(f"heroku-assets import: no such file: {path}", file=sys.stderr)
                status = 1
                continue
            result = import_file(stores.raw, path, args.app, fmt=args.format)
            days = ", ".join(sorted(d.isoformat() for d in result.days)) or "none"
            state = "imported" if result.created else "already imported"
            print(f"{path}: {state} as {result.key} ({result.lines} lines; days {days})")
    return status
