"""How the sample writes times: RFC 3339 as Heroku does, with other fraction digits and offsets now and
then, and the times apps put in their own messages."""

from __future__ import annotations

import datetime as dt
import random

_ODD_OFFSETS = ((-7 * 60, "-07:00"), (-5 * 60, "-05:00"), (60, "+01:00"), (330, "+05:30"), (0, "Z"))


def odd_timestamp(rng: random.Random, us: int) -> tuple[str, int]:
    """The timestamp written with fewer fraction digits and/or another offset, and the instant it denotes."""
    digits = rng.choice((0, 1, 2, 3, 4, 5, 6))
    if digits < 6:
        us -= us % 10 ** (6 - digits)
    minutes, suffix = rng.choice(_ODD_OFFSETS) if rng.random() < 0.6 else (0, "+00:00")
    local = dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=us, minutes=minutes)
    text = local.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        text += "." + f"{local.microsecond:06d}"[:digits]
    return text + suffix, us


def iso(us: int) -> str:
    t = dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=us)
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00"


def app_time(us: int) -> str:
    t = dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=us)
    return t.strftime("%Y-%m-%d %H:%M:%S +0000")


def clf_time(us: int) -> str:
    t = dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=us)
    return t.strftime("%d/%b/%Y:%H:%M:%S +0000")
