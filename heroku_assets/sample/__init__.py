"""Deterministic, realistic Heroku logs (text lines and drain bodies) with their ground truth, for the
demo, tests and benchmarks."""

from heroku_assets.sample.drain import DrainBody, DrainConfig, drain_batches, drain_bodies, syslog_frame
from heroku_assets.sample.generator import (
    TABLES,
    SampleConfig,
    SampleLine,
    default_apps,
    expected_rows,
    generate_day,
    generate_lines,
)

__all__ = [
    "TABLES",
    "DrainBody",
    "DrainConfig",
    "SampleConfig",
    "SampleLine",
    "default_apps",
    "drain_batches",
    "drain_bodies",
    "expected_rows",
    "generate_day",
    "generate_lines",
    "syslog_frame",
]
