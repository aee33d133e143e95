"""Dagster definitions only, kept thin: each asset, check, sensor and schedule calls library code."""
