"""Heroku log parsing: `heroku logs` text and Logplex drain bodies -> typed Arrow batches and Parquet.

A pure library (no Dagster): ``read_lines`` reads bytes into LogLines, ``parse_lines`` classifies them
into the event tables declared in ``heroku_assets.tables``, ``write_parquet`` stages them.
"""

from heroku_assets.logs.classify import parse_lines
from heroku_assets.logs.logplex.lines import LogLine
from heroku_assets.logs.logplex.reader import LineStream, read_lines
from heroku_assets.logs.parquet import TableFile, write_parquet

__all__ = ["LineStream", "LogLine", "TableFile", "parse_lines", "read_lines", "write_parquet"]
