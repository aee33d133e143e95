"""``heroku-assets parse``: read `heroku logs` text or drain bodies and print the rows as JSON Lines."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from typing import IO, Any

from heroku_assets.cli.common import add_command

READ_BYTES = 1 << 20


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "parse",
        "parse Heroku log lines or drain bodies into table rows (JSON Lines on stdout)",
        (
            "Read `heroku logs` text lines or Logplex drain bodies (octet-counted frames) and write one "
            'JSON object per output row: "table" names its table, the other keys are its columns. '
            "Unreadable lines are rejected_lines rows; line_number counts every line of the input, blank "
            "ones included. The exit status is non-zero only when the input cannot be read (a reader that "
            "stops early, as `| head` does, is not an error)."
        ),
        run,
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="input file, or - for stdin")
    parser.add_argument(
        "--format",
        choices=("auto", "text", "logplex"),
        default="auto",
        dest="fmt",
        help="text: `heroku logs` lines; logplex: drain bodies; auto (default): told by the first bytes",
    )
    parser.add_argument("--app", default=None, help="Heroku app name for the app column (default null)")


def run(args: argparse.Namespace) -> int:
    from heroku_assets.cli.common import CommandError
    from heroku_assets.logs.classify import parse_groups
    from heroku_assets.logs.logplex.reader import read_lines

    try:
        source = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    out = sys.stdout
    try:
        with source:
            for group in parse_groups(read_lines(_chunks(source), args.fmt), args.app):
                _write_group(group, args.app, out)
            out.flush()
    except BrokenPipeError:
        raise  # stdout closed by the reader: main() ends quietly
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    return 0


def _chunks(source: IO[bytes]) -> Iterator[bytes]:
    while chunk := source.read(READ_BYTES):
        yield chunk


def _write_group(group: dict[str, Any], app: str | None, out: IO[str]) -> None:
    """Rows of one block of lines, in line order (a line's metrics rows stay together)."""
    import json

    rows: list[tuple[int, int, str]] = []
    for name, batch in group.items():
        for row in batch.to_pylist():
            if app is None:
                row["app"] = None
            if row.get("event_date") == _NO_DAY:
                row["event_date"] = None  # no dated line to take a day from: no day, not the epoch's
            obj = {"table": name, **{k: _json_value(v) for k, v in row.items()}}
            rows.append((row["line_number"], len(rows), json.dumps(obj, ensure_ascii=False)))
    rows.sort()
    out.write("".join(f"{text}\n" for _, _, text in rows))


_NO_DAY = dt.date(1970, 1, 1)  # what the reader gives lines with no dated line before them


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
