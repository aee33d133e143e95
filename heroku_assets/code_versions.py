"""Versions of the code that shapes data. Bump one when what it writes changes for the same input: Dagster
then marks the assets it built as changed code, and declarative automation rebuilds what asks for it."""

RAW_PARTITION = "1"  # logs/raw_partition.py: which lines a partition holds, their order and text
PARSER = "1"  # logs/logplex + logs/classify: how a line becomes rows
WAREHOUSE_LOAD = "1"  # warehouse/: how staged files become table rows
VIEWS = "1"  # warehouse/views.py: the analytics views
ERROR_CODES = "1"  # warehouse/error_codes.py: the reference table
