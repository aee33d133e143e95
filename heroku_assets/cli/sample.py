"""``heroku-assets sample``: write realistic sample logs as ``heroku logs`` dumps and/or drain bodies."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from heroku_assets.cli.common import add_command, utc_day
from heroku_assets.settings import DEFAULT_HISTORY_DAYS, utc_today


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {n}")
    return n


def _app(value: str) -> str:
    from heroku_assets.storage.layout import UNMAPPED_APP, validate_app

    try:
        if value == UNMAPPED_APP:
            raise ValueError(f"invalid Heroku app name: {value!r}")
        return validate_app(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "sample",
        "generate realistic sample Heroku logs (text dumps and drain bodies)",
        (
            "Generate deterministic, realistic Heroku logs for several apps and UTC days: router, app, "
            "platform and metrics lines with odd but real variants and a little garbage. Writes "
            "DIR/<app>/<day>.log (heroku logs text) and/or DIR/<app>/<day>/<frame-id>.logplex drain bodies "
            "with a .json headers file each, plus DIR/expected.json with the rows a parser must produce."
        ),
        run,
    )
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="DIR", help="folder to write into")
    where.add_argument("--stdout", action="store_true", help="print the text lines of one app (the first)")
    p.add_argument("--apps", type=_count, default=3, help="number of apps (default 3)")
    p.add_argument(
        "--app", action="append", type=_app, metavar="NAME", help="app name (repeat; overrides --apps)"
    )
    p.add_argument(
        "--days",
        type=_count,
        default=DEFAULT_HISTORY_DAYS,
        help=f"number of UTC days (default {DEFAULT_HISTORY_DAYS}: the days the UI's partitions start with)",
    )
    p.add_argument("--lines-per-day", type=_count, default=2000, help="lines per app and day (default 2000)")
    p.add_argument(
        "--start", type=utc_day, default=None, help="first UTC day (default: DAYS days before today, UTC)"
    )
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--format", choices=("text", "logplex", "both"), default="both", help="what to write")
    p.add_argument(
        "--post",
        metavar="URL",
        help="also POST the drain bodies to a receiver as Logplex does, to URL?app=<app> for each app "
        "(e.g. http://127.0.0.1:8080/logs; user:password@ in the URL for Basic auth)",
    )


def run(args: argparse.Namespace) -> int:
    import time

    from heroku_assets.cli.common import CommandError
    from heroku_assets.sample.generator import default_apps

    apps = args.app or default_apps(args.apps)
    # relative by default: the last day is yesterday, so the days fall inside the UI's partitions (with
    # the default --days, they are the days the partitions start with when HEROKU_ASSETS_START_DATE is unset)
    start = args.start or utc_today() - dt.timedelta(days=args.days)
    days = [start + dt.timedelta(days=i) for i in range(args.days)]
    if args.post and (args.stdout or args.format == "text"):
        raise CommandError("--post sends drain bodies: use it with --out and --format logplex or both")
    began = time.perf_counter()
    if args.stdout:
        written = _to_stdout(apps[0], days, args)
        where = "stdout"
    else:
        from pathlib import Path

        from heroku_assets.sample.post import PostError

        try:
            written = _to_folder(Path(args.out), apps, days, args)
        except OSError as exc:
            raise CommandError(f"cannot write to {args.out}: {exc}", status=1) from None
        except PostError as exc:
            raise CommandError(f"{exc}; the bodies are in {args.out}", status=1) from None
        where = args.out
    elapsed = time.perf_counter() - began
    lines = sum(written["tables"].values())
    tables = ", ".join(f"{t.split('_')[0]} {n}" for t, n in written["tables"].items())
    bodies = f", {written['bodies']} drain bodies" if written["bodies"] else ""
    print(
        f"sample: {len(apps) if not args.stdout else 1} app(s) x {len(days)} day(s), {lines} lines ({tables})"
        f"{bodies} -> {where} in {elapsed:.2f} s ({lines / max(elapsed, 1e-9):,.0f} lines/s)",
        file=sys.stderr,
    )
    if args.post:
        from heroku_assets.sample.post import receiver_address

        posted, to = written["posted"], receiver_address(args.post)
        print(
            f"sample: posted {posted.bodies} drain bodies ({posted.lines} lines) to {to}, "
            f"{posted.retries} retried after a 503; the receiver ships them to the raw store when it seals "
            "its segment (HEROKU_DRAIN_SEGMENT_SECONDS, 60 s by default, or when it stops)",
            file=sys.stderr,
        )
    return 0


def _within_widths():
    """The generator's mix without its over-long messages: Logplex's 10,000-byte chunks are wider than
    app_events.message (4,000 characters), and the sample `make run` loads should hold nothing the
    warehouse cuts (the generator's tests keep them)."""
    import dataclasses

    from heroku_assets.sample.generator import DEFAULT_CONFIG

    return dataclasses.replace(DEFAULT_CONFIG, long_line_share=0.0)


class _Tally:
    """Lines and rows per table of what was written: the ground truth a parser run must reproduce."""

    def __init__(self) -> None:
        from heroku_assets.sample.generator import TABLES

        self.lines = dict.fromkeys(TABLES, 0)
        self.samples = 0

    def rows(self) -> dict[str, int]:
        return {**self.lines, "runtime_metrics": self.samples}

    def add(self, other: _Tally) -> None:
        for table, n in other.lines.items():
            self.lines[table] += n
        self.samples += other.samples


def _pass(stream, dump, tally: _Tally):
    """One pass over the lines: count them into ``tally``, write their text to ``dump`` (when given) in
    large blocks, and hand them on (to the drain body writer)."""
    lines = tally.lines
    buf: list[bytes] = []
    for line in stream:
        lines[line.table] += 1
        tally.samples += line.samples
        if dump is not None:
            # encoding line by line beats encoding one joined block: a single non-ASCII line would widen
            # the whole block to 4 bytes a character
            buf.append(line.text.encode())
            if len(buf) >= 8192:
                buf.append(b"")
                dump.write(b"\n".join(buf))
                buf.clear()
        yield line
    if buf:
        buf.append(b"")
        dump.write(b"\n".join(buf))


def _to_stdout(app: str, days: list[dt.date], args: argparse.Namespace) -> dict:
    from collections import deque

    from heroku_assets.sample.generator import generate_day

    tally = _Tally()
    out = sys.stdout.buffer
    for day in days:
        deque(
            _pass(
                generate_day(app, day, args.lines_per_day, seed=args.seed, config=_within_widths()),
                out,
                tally,
            ),
            maxlen=0,
        )
    out.flush()
    return {"tables": tally.lines, "bodies": 0}


def _to_folder(out, apps: list[str], days: list[dt.date], args: argparse.Namespace) -> dict:
    """Write every (app, day): the text dump and/or its drain bodies, from one pass over the lines.
    A day's old drain bodies are removed first, so a rerun with other options leaves no stale body."""
    import json
    from collections import deque

    from heroku_assets.sample.drain import drain_batches
    from heroku_assets.sample.generator import generate_day
    from heroku_assets.sample.post import Posted, post_bodies

    text = args.format in ("text", "both")
    logplex = args.format in ("logplex", "both")
    total = _Tally()
    bodies = 0
    posted = Posted()
    partitions = []
    for app in apps:
        app_dir = out / app
        app_dir.mkdir(parents=True, exist_ok=True)
        for day in days:
            tally = _Tally()
            dump = open(app_dir / f"{day.isoformat()}.log", "wb") if text else None  # noqa: SIM115
            try:
                stream = _pass(
                    generate_day(app, day, args.lines_per_day, seed=args.seed, config=_within_widths()),
                    dump,
                    tally,
                )
                if logplex:
                    body_dir = app_dir / day.isoformat()
                    body_dir.mkdir(exist_ok=True)
                    for old in [*body_dir.glob("*.logplex"), *body_dir.glob("*.json")]:
                        old.unlink()
                    day_bodies = []
                    for b in drain_batches(stream, seed=args.seed):
                        (body_dir / f"{b.name}.logplex").write_bytes(b.body)
                        (body_dir / f"{b.name}.json").write_text(json.dumps(b.headers, indent=1) + "\n")
                        day_bodies.append((b.headers, b.body))
                        bodies += 1
                    if args.post:
                        post_bodies(args.post, app, day_bodies, posted)
                else:
                    deque(stream, maxlen=0)
            finally:
                if dump is not None:
                    dump.close()
            total.add(tally)
            partitions.append(
                {"app": app, "day": day.isoformat(), "lines": sum(tally.lines.values()), "rows": tally.rows()}
            )
    expected = {"seed": args.seed, "lines_per_day": args.lines_per_day, "partitions": partitions}
    (out / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    return {"tables": total.lines, "bodies": bodies, "posted": posted}
