"""OpenTelemetry (OTLP) requests from Fir telemetry drains: decoding (``decode``), the mapping of their
records to the event tables (``mapping``, ``rows``) and how they join a partition (``partition``)."""
