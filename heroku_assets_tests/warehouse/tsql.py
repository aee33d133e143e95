"""Parsing the T-SQL the loader and the check send, offline, with sqlglot's tsql dialect (Synapse) or
its fabric dialect (Fabric Warehouse).

sqlglot parses every statement whole except a few clauses it has no grammar for. Each of those is matched
against an exact pattern taken from Microsoft's syntax (and nothing else is allowed in its place), then
replaced by what sqlglot can parse, and the rest is parsed with no unparsed part:
- ``WITH (DISTRIBUTION = ..., CLUSTERED COLUMNSTORE INDEX | HEAP | CLUSTERED INDEX (...))`` on CREATE TABLE
  (Synapse only: a Fabric statement with table options fails);
- ``ADD MASKED WITH (FUNCTION = '...')`` on ALTER TABLE ... ALTER COLUMN (dynamic data masking);
- ``CREATE STATISTICS [name] ON [schema].[table] ([column])`` and ``UPDATE STATISTICS [schema].[table]
  ([name], ...)``;
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
_STATISTICS = re.compile(
    rf"^(UPDATE STATISTICS {_TABLE}( \({_NAME}(, {_NAME})*\))?"
    rf"|CREATE STATISTICS {_NAME} ON {_TABLE} \({_NAME}\))$"
)
_EXEC = re.compile(r"EXEC\('((?:[^']|'')*)'\)")


def parse_one(text: str, read: str = "tsql") -> exp.Expression:
    """sqlglot's tree of one statement, with no unparsed (Command) part."""
    parsed = sqlglot.parse(text, read=read)
    assert len(parsed) == 1, text
    tree = parsed[0]
    unparsed = [node for node in tree.walk() if isinstance(node, exp.Command)]
    assert not unparsed, f"sqlglot could not parse: {text}"
    return tree


def parse_statement(text: str, read: str = "tsql") -> list[exp.Expression]:
    """Every tree the statement's text (and the EXEC bodies in it) parses into; fails on any part that
    is neither parsed by sqlglot nor one of the exact patterns above."""
    trees = []
    for body in _EXEC.findall(text):
        trees += parse_statement(body.replace("''", "'"), read)
    text = _EXEC.sub("SELECT 1", text)
    label = LABEL.search(text)
    if label:
        text = text[: label.start()]
    if _STATISTICS.match(text):
        return trees
    if text.startswith("IF ") and "\n" in text:  # a guard line, then the guarded statement
        condition, _, rest = text.partition("\n")
        trees.append(parse_one(f"SELECT 1 WHERE {condition[3:]}", read))
        return trees + parse_statement(rest.strip(), read)
    mask = _MASK.match(text)
    if mask:
        trees.append(parse_one(f"ALTER TABLE {mask[1]} ALTER COLUMN {mask[2]} INT", read))
        return trees
    if text.startswith("CREATE TABLE") and read == "tsql":
        options = _TABLE_OPTIONS.search(text)
        assert options, f"unknown table options: {text}"
        text = text[: options.start()]
    trees.append(parse_one(text, read))
    return trees
