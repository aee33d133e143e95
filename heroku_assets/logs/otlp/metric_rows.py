"""Metric data points to runtime_metrics rows: a gauge or sum one row, a histogram or summary one per
statistic."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from typing import Any

from google.protobuf.message import Message

from heroku_assets.logs.otlp import mapping
from heroku_assets.logs.otlp.record import Attributes, Resource, Row, items
from heroku_assets.logs.otlp.values import attributes, iso, timestamp

_UNIT_WIDTH = 16


def points(metric: Message) -> Any:
    kind = metric.WhichOneof("data")
    return getattr(metric, kind).data_points if kind else []


def metric_records(request: Message) -> Iterator[tuple[int, Any]]:
    for resource, scope, metric in items("metrics", request):
        for point in points(metric):
            yield point.time_unix_nano, functools.partial(_metric_rows, metric, point, resource, scope)


def _metric_rows(
    metric: Message, point: Message, resource: Resource, scope: dict[str, Any] | None
) -> list[Row]:
    """One data point: a gauge or sum gives one row; a histogram ``.count`` and ``.sum`` (and ``.min``,
    ``.max``) rows with the buckets in the extra of ``.count``; a summary ``.count``, ``.sum`` and one
    ``.p<quantile>`` row per quantile."""
    kind = metric.WhichOneof("data")
    data = getattr(metric, kind)
    ts = timestamp(point.time_unix_nano)
    attrs = Attributes(attributes(point.attributes), resource)
    dyno = attrs.dyno()
    dyno_id = attrs.dyno_id()
    addon = attrs.addon()
    unit = metric.unit or None
    base: dict[str, Any] = {
        "type": kind,
        "description": metric.description or None,
        "start_ts": iso(timestamp(point.start_time_unix_nano)),
        "flags": point.flags or None,
        "exemplars": len(getattr(point, "exemplars", ())) or None,  # summaries have none
        "scope": scope,
    }
    if hasattr(data, "aggregation_temporality"):
        base["temporality"] = mapping.TEMPORALITIES.get(data.aggregation_temporality)
    if kind == "sum":
        base["is_monotonic"] = data.is_monotonic
    if unit is not None and len(unit) > _UNIT_WIDTH:
        base["unit"], unit = unit, None
    values: list[tuple[str, float | None, dict[str, Any]]] = []
    name = metric.name
    if kind in ("gauge", "sum"):
        which = point.WhichOneof("value")
        values.append((name, float(getattr(point, which)) if which else None, {}))
    elif kind in ("histogram", "exponential_histogram"):
        buckets: dict[str, Any]
        if kind == "histogram":
            buckets = {
                "explicit_bounds": list(point.explicit_bounds),
                "bucket_counts": list(point.bucket_counts),
            }
        else:
            buckets = {
                "scale": point.scale,
                "zero_count": point.zero_count,
                "zero_threshold": point.zero_threshold,
                "positive": _exp_buckets(point.positive),
                "negative": _exp_buckets(point.negative),
            }
        values.append((f"{name}.count", float(point.count), buckets))
        if point.HasField("sum"):
            values.append((f"{name}.sum", point.sum, {}))
        for bound in ("min", "max"):
            if point.HasField(bound):
                values.append((f"{name}.{bound}", getattr(point, bound), {}))
    else:  # summary
        values.append((f"{name}.count", float(point.count), {}))
        values.append((f"{name}.sum", point.sum, {}))
        for q in point.quantile_values:
            values.append((f"{name}.p{_quantile(q.quantile)}", q.value, {"quantile": q.quantile}))
    rows: list[Row] = []
    for metric_name, value, more in values:
        extra = attrs.extra(**base, **more)
        if value is not None and not math.isfinite(value):
            extra["value"], value = str(value), None
        rows.append(
            (
                "runtime_metrics",
                {
                    "event_ts": ts,
                    "dyno": dyno,
                    "dyno_id": dyno_id,
                    "source_name": None,
                    "addon": addon,
                    "metric": metric_name,
                    "value": value,
                    "unit": None if metric_name.endswith(".count") and kind != "sum" else unit,
                    "extra": extra,
                },
            )
        )
    return rows


def _exp_buckets(buckets: Message) -> dict[str, Any]:
    return {"offset": buckets.offset, "bucket_counts": list(buckets.bucket_counts)}


def _quantile(q: float) -> str:
    """0.5 -> 50, 0.99 -> 99, 0.999 -> 99.9."""
    text = f"{q * 100:.6f}".rstrip("0").rstrip(".")
    return text or "0"
