"""Heroku semantics of read lines: which table each line belongs to and its typed columns.

Routing (README, "Tables"): ``heroku[router]`` -> router_events; a message holding ``sample#name=``
metrics -> runtime_metrics (one row per sample); ``heroku[<dyno>]``, ``heroku[api]``, ``app[api]``,
``heroku[logplex]``, ``app[log-shuttle]`` -> platform_events; every other readable line -> app_events;
a line that could not be read -> rejected_lines. Every line lands in exactly one table.

``rules`` holds the per-line reference rules; ``columnar`` classifies whole batches, with fast paths
that agree with the rules.
"""

from heroku_assets.logs.classify.columnar import classify_batch, parse_batches, parse_groups, parse_lines
from heroku_assets.logs.classify.rules import metric_rows, platform_row, process_type, router_row

__all__ = [
    "classify_batch",
    "metric_rows",
    "parse_batches",
    "parse_groups",
    "parse_lines",
    "platform_row",
    "process_type",
    "router_row",
]
