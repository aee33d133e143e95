"""``heroku-assets import FILE --app NAME``."""

from __future__ import annotations

import argparse
from pathlib import Path

from heroku_assets.cli.common import add_command, add_data_dir, report

# above this share of unreadable lines an import is most likely not a log file at all
MOSTLY_UNREADABLE = 0.5


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "import",
        "put a saved `heroku logs` dump or a drain body into the raw store",
        "Store a file verbatim in the raw store, named by its content: importing it twice "
        "changes nothing. The sensor then runs the partitions its lines belong to.",
        _run_import,
    )
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="`heroku logs` dumps or drain bodies; - for standard input",
    )
    parser.add_argument("--app", required=True, help="the Heroku app the lines belong to")
    parser.add_argument(
        "--format",
        choices=["auto", "text", "logplex"],
        default="auto",
        help="text: `heroku logs` lines; logplex: drain bodies; auto (default): told by the first bytes",
    )
    add_data_dir(parser)


def _run_import(args: argparse.Namespace) -> int:
    from heroku_assets import settings
    from heroku_assets.storage.factory import open_stores

    config = settings.load()
    status = 0
    with open_stores(config) as stores:
        for path in args.files:
            if str(path) == "-":
                status |= _import_stdin(args, stores.raw)
            elif not path.is_file():
                report(args, "error", f"no such file: {path}")
                status = 1
            else:
                _import_one(args, stores.raw, path, str(path))
    return status


def _import_stdin(args: argparse.Namespace, raw) -> int:
    """``-``: standard input (``heroku logs -n 1500 | heroku-assets import - --app A``), kept in a
    temporary file first: an import reads its file twice (its name comes from its content)."""
    import shutil
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="heroku-assets-import-") as folder:
        copy = Path(folder) / "stdin"
        with copy.open("wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)
        _import_one(args, raw, copy, "stdin")
    return 0


def _import_one(args: argparse.Namespace, raw, path: Path, shown: str) -> None:
    from heroku_assets.capture.imports import import_file

    if path.stat().st_size == 0:
        report(args, "warning", f"{shown} is empty: nothing imported")
        return
    result = import_file(raw, path, args.app, fmt=args.format)
    days = ", ".join(sorted(d.isoformat() for d in result.days)) or "none"
    state = "imported" if result.created else "already imported"
    print(f"{shown}: {state} as {result.key} ({result.lines} lines; days {days})")
    for warning in import_warnings(Path(shown), result.lines, result.unreadable):
        report(args, "warning", warning)


def import_warnings(path: Path, lines: int, unreadable: int) -> list[str]:
    """What to tell the user about a file that is mostly not log lines (a binary file, a wrong file)."""
    if lines == 0:
        return [f"{path} holds no log lines (only blank lines)"]
    if unreadable > lines * MOSTLY_UNREADABLE:
        return [
            f"{path}: {unreadable} of {lines} lines ({unreadable / lines:.0%}) are not log lines (a binary "
            "file, or not a `heroku logs` dump or drain body?); they are kept as rejected_lines rows"
        ]
    return []
