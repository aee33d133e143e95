"""Telemetry made by the OpenTelemetry Python SDK and sent by its own OTLP/HTTP exporters (protobuf or
JSON, gzip or not), as a Fir telemetry drain (an OpenTelemetry exporter) sends it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from opentelemetry.exporter.otlp.common.http import Compression as JsonCompression
from opentelemetry.exporter.otlp.json.http import OTLPMetricExporter as JsonMetricExporter
from opentelemetry.exporter.otlp.json.http import OTLPSpanExporter as JsonSpanExporter
from opentelemetry.exporter.otlp.json.http._log_exporter import OTLPLogExporter as JsonLogExporter
from opentelemetry.exporter.otlp.proto.http import Compression
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

FIR_DYNO = "web-848cd4f64d-pvpr2"


@dataclass(frozen=True)
class Target:
    """Where and how to send: the receiver's base OTLP URL (``.../otlp`` or ``.../otlp/<token>``), the
    drain's headers, the encoding and the compression."""

    base: str
    headers: Mapping[str, str]
    json: bool = False
    gzip: bool = True

    def exporter(self, signal: str) -> Any:
        endpoint = f"{self.base}/v1/{signal}"
        headers = dict(self.headers)
        if self.json:
            compression = JsonCompression.GZIP if self.gzip else JsonCompression.NONE
            cls = {"logs": JsonLogExporter, "metrics": JsonMetricExporter, "traces": JsonSpanExporter}[signal]
        else:
            compression = Compression.Gzip if self.gzip else Compression.NoCompression
            cls = {"logs": OTLPLogExporter, "metrics": OTLPMetricExporter, "traces": OTLPSpanExporter}[signal]
        return cls(endpoint=endpoint, headers=headers, compression=compression, timeout=10)


def resource(service: str, **attributes: Any) -> Resource:
    return Resource.create({"service.name": service, "service.instance.id": FIR_DYNO, **attributes})


def log_records(service: str, emit: Callable[[Any], None], **resource_attributes: Any) -> list[Any]:
    """The records an SDK logger makes when ``emit(logger)`` runs."""
    memory = InMemoryLogRecordExporter()
    provider = LoggerProvider(resource=resource(service, **resource_attributes))
    provider.add_log_record_processor(SimpleLogRecordProcessor(memory))
    emit(provider.get_logger("heroku-assets-tests"))
    provider.shutdown()
    return list(memory.get_finished_logs())


def metrics_data(service: str, record: Callable[[Any], None], views: Sequence[Any] = ()) -> Any:
    """The metrics an SDK meter holds after ``record(meter)`` (aggregated as ``views`` say)."""
    reader = InMemoryMetricReader()
    provider = MeterProvider(resource=resource(service), metric_readers=[reader], views=list(views))
    record(provider.get_meter("heroku-assets-tests"))
    data = reader.get_metrics_data()
    provider.shutdown()
    return data


def spans(service: str, trace: Callable[[Any], None]) -> list[Any]:
    """The spans an SDK tracer ends while ``trace(tracer)`` runs."""
    memory = InMemorySpanExporter()
    provider = TracerProvider(resource=resource(service))
    provider.add_span_processor(SimpleSpanProcessor(memory))
    trace(provider.get_tracer("heroku-assets-tests"))
    provider.shutdown()
    return list(memory.get_finished_spans())


def export(target: Target, signal: str, batch: Any) -> bool:
    """Send one batch with the SDK's exporter; True when the exporter reports success."""
    exporter = target.exporter(signal)
    try:
        result = exporter.export(batch)
    finally:
        exporter.shutdown()
    return result.name == "SUCCESS"
