"""Parsing the T-SQL the loader and ``synapse check`` send, offline, with sqlglot's tsql dialect.

sqlglot parses every statement whole except four Synapse-only clauses it has no grammar for. Each of
those is matched against an exact pattern taken from Microsoft's syntax (and nothing else is allowed in
its place), then replaced by what sqlglot can parse, and the rest is parsed with no unparsed part:
- ``WITH (DISTRIBUTION = ..., CLUSTERED COLUMNSTORE INDEX | HEAP | CLUSTERED INDEX (...))`` on CREATE TABLE;
- ``ADD MASKED WITH (FUNCTION = '...')`` on ALTER TABLE ... ALTER COLUMN (dynamic data masking);
- ``UPDATE STATISTICS [schema].[table]``;
- ``OPTION (LABEL = '...')`` after a DELETE (sqlglot reads it after SELECT and INSERT itself).
``EXEC('...')`` bodies are parsed as the statements they hold.
"""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp

_NAME = r"\[[A-Za-z_][A-Za-z0-9_]*\]"
_TABLE = rf"{_NAME}\.{_NAME}"
LABEL = re.compile(r"\nOPTION \(LABEL = '(heroku-assets:[a-z0-9_:.=-]+)'\)$")
_TABLE_OPTIONS = re.compile(
    rf"\nWITH \((DISTRIBUTION = (ROUND_ROBIN|HASH\({_NAME}\)), "
    rf"(HEAP|CLUSTERED COLUMNSTORE INDEX|CLUSTERED INDEX \({_NAME}(, {_NAME})*\)))\)$"
)
_MASK = re.compile(
    rf"^ALTER TABLE ({_TABLE}) ALTER COLUMN ({_NAME}) "
    r"ADD MASKED WITH \(FUNCTION = '(email\(\)|default\(\)|partial\(\d+,\"[x.]+\",\d+\))'\)$"
)
_STATISTICS = re.compile(rf"^UPDATE STATISTICS {_TABLE}$")
_EXEC = re.compile(r"EXEC\('((?:[^']|'')*)'\)")


def parse_one(text: str) -> exp.Expression:
    """sqlglot's tree of one statement, with no unparsed (Command) part."""
    parsed = sqlglot.parse(text, read="tsql")
    assert len(parsed) == 1, text
    tree = parsed[0]
    unparsed = [node for node in tree.walk() if isinstance(node, exp.Command)]
    assert not unparsed, f"sqlglot could not parse: {text}"
    return tree


def parse_statement(text: str) -> list[exp.Expression]:
    """Every tree the statement's text (and the EXEC bodies in it) parses into; fails on any part that
    is neither parsed by sqlglot nor one of the exact Synapse-only patterns above."""
    trees = []
    for body in _EXEC.findall(text):
        trees += parse_statement(body.replace("''", "'"))
    text = _EXEC.sub("SELECT 1", text)
    label = LABEL.search(text)
    if label:
        text = text[: label.start()]
    if _STATISTICS.match(text):
        return trees
    if text.startswith("IF ") and "\n" in text:  # a guard line, then the guarded statement
        condition, _, rest = text.partition("\n")
        trees.append(parse_one(f"SELECT 1 WHERE {condition[3:]}"))
        return trees + parse_statement(rest.strip())
    mask = _MASK.match(text)
    if mask:
        trees.append(parse_one(f"ALTER TABLE {mask[1]} ALTER COLUMN {mask[2]} NVARCHAR(10)"))
        return trees
    if text.startswith("CREATE TABLE"):
        options = _TABLE_OPTIONS.search(text)
        assert options, f"unknown table options: {text}"
        text = text[: options.start()]
    trees.append(parse_one(text))
    return trees
