"""What makes a day whole: the rule a seal applies to the warehouse's figures
(``warehouse.sql.ledger.seal_figures``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping


def seal_problem(figures: Mapping[str, int]) -> str | None:
    """None when the day's rows hold lines 1..N exactly once across the event tables, N the lines the
    ledger counts since the day's last rebuild; else what is wrong, in words."""
    n = figures["ledger_lines"]
    distinct, total = figures["distinct_lines"], figures["table_lines"]
    if distinct != n:
        return f"the ledger counts {n} lines but the tables hold {distinct}"
    if total != distinct:
        return f"{total - distinct} lines are in more than one table"
    if n and (figures["first_line"], figures["last_line"]) != (1, n):
        return f"line numbers run from {figures['first_line']} to {figures['last_line']}, expected 1 to {n}"
    return None


def sealable(day: dt.date, today: dt.date, late_days: int) -> bool:
    """A day's late window is over when ``late_days`` whole days have passed since it ended."""
    return day + dt.timedelta(days=late_days) < today


def last_sealable_day(today: dt.date, late_days: int) -> dt.date:
    """The latest day ``sealable`` on ``today``."""
    return today - dt.timedelta(days=late_days + 1)
