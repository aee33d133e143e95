"""Versions of the code that shapes data. Bump one when what it writes changes for the same input: Dagster
then marks the assets it built as changed code, and declarative automation rebuilds what asks for it."""

RAW_PARTITION = "2"  # logs/raw_partition/: which lines a partition holds, their order, text and reading
PARSER = "5"  # logs/logplex, logs/classify, logs/otlp: how a line or record becomes rows; logs/parquet.py
WAREHOUSE_LOAD = "2"  # warehouse/: how staged files become table rows
VIEWS = "3"  # warehouse/views.py: the analytics views
ERROR_CODES = "1"  # warehouse/error_codes.py: the reference table
