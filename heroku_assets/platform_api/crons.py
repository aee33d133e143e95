"""When each resource is listed: the crons the endpoints use, spread so each hour asks for about the same
number of lists, and the time between two ticks of one (what automation and freshness are measured in)."""

from __future__ import annotations

import datetime as dt
import re

EVERY_30_MINUTES = "*/30 * * * *"
HOURLY = "15 * * * *"
# Per-app lists that rarely change (domains, drains, collaborators, ...): every 3 hours, in three groups an
# hour apart, so each hour asks for about the same number of lists.
EVERY_3_HOURS = "25 */3 * * *"
EVERY_3_HOURS_AT_1 = "25 1-23/3 * * *"
EVERY_3_HOURS_AT_2 = "25 2-23/3 * * *"
DAILY = "45 3 * * *"


def cron_interval(cron: str) -> dt.timedelta:
    """The time between two ticks of a cron that repeats every day at a fixed step: every ``*/M`` minutes,
    or at minute ``M`` of every hour (``*``), of every ``H`` hours (``*/H``, ``A-23/H`` with ``A < H``) or of
    one hour a day. Other shapes raise rather than guess: each table's automation and freshness are
    measured in it."""
    every_minutes = re.fullmatch(r"\*/(\d+) \* \* \* \*", cron)
    if every_minutes:
        return dt.timedelta(minutes=int(every_minutes[1]))
    at_minute = re.fullmatch(r"\d+ (\*|\d+|\*/(\d+)|(\d+)-23/(\d+)) \* \* \*", cron)
    if at_minute and not (at_minute[3] and int(at_minute[3]) >= int(at_minute[4])):
        hour, step = at_minute[1], at_minute[2] or at_minute[4]
        return dt.timedelta(hours=1 if hour == "*" else int(step) if step else 24)
    raise ValueError(f"cron {cron!r}: only a daily repeat at a fixed step is supported")
