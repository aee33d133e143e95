"""What every builder returns: a ``Statement`` (its text, bound parameters and kind, a secret kept out of
its text until it is sent), a ``Query`` (a statement with its columns), and the label naming what a
statement loads. Builders touch no database, so the exact statements are kept as golden files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

SECRET_MARK = "<secret>"


# What a label may hold: it is written into the statement text (OPTION (LABEL = '...') takes a literal).
LABEL_PATTERN = re.compile(r"^[a-z0-9_:.=-]{1,200}$")


LABEL_PREFIX = "heroku-assets"


StatementKind = Literal["ddl", "dml", "copy", "query", "transaction"]


@dataclass(frozen=True)
class Statement:
    """One statement: its text, its bound parameters, and what kind of statement it is.

    ``sql`` never holds a secret: where COPY INTO needs one, ``sql`` holds ``'<secret>'`` and the secret
    sits in ``secret`` (kept out of repr and comparisons) until ``executable_sql()`` is sent to the server.
    """

    sql: str
    params: tuple[object, ...] = ()
    kind: StatementKind = "dml"
    secret: str | None = field(default=None, repr=False, compare=False)

    def executable_sql(self) -> str:
        if self.secret is None:
            return self.sql
        if self.sql.count(f"'{SECRET_MARK}'") != 1:
            raise ValueError("a statement with a secret must mark its place exactly once")
        # The credential's character set has no quote; doubling them anyway keeps the literal closed.
        return self.sql.replace(f"'{SECRET_MARK}'", "'" + self.secret.replace("'", "''") + "'")

    def __str__(self) -> str:
        return self.sql if not self.params else f"{self.sql}  -- params: {list(self.params)!r}"


@dataclass(frozen=True)
class Query:
    """A statement returning rows, with the names of its columns in order."""

    statement: Statement
    columns: tuple[str, ...]


def label(*parts: object) -> str:
    """A query label naming what a statement loads (``heroku-assets:router_events:my-app:2026-11-20``),
    so ``sys.dm_pdw_exec_requests`` (Synapse) or ``queryinsights.exec_requests_history`` (Fabric) finds
    it. Built from validated names and dates; checked again here because it is written into the text."""
    text = ":".join([LABEL_PREFIX, *(p.isoformat() if isinstance(p, dt.date) else str(p) for p in parts)])
    text = text.lower()
    if not LABEL_PATTERN.match(text):
        raise ValueError(f"not a valid query label: {text!r}")
    return text
