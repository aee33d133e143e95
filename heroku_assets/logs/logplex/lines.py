"""One log line as read from `heroku logs` text or a Logplex syslog frame, and the per-line readers.

These per-line readers are the reference for every shape of line; the batch reader in ``reader`` runs
a vectorised fast path for the common shape and hands every other line to them, so both always agree.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# Reasons a line could not be read as a log line (the `reason` of rejected_lines).
REASON_UNRECOGNISED = "unrecognised line: expected 'TIMESTAMP SOURCE[DYNO]: MESSAGE'"
REASON_BAD_TIMESTAMP = "unreadable timestamp"
REASON_BAD_SYSLOG = "unreadable syslog header: expected '<PRI>VERSION TIMESTAMP HOST APP PROCID MESSAGE'"

_MIN_US = -62135596800 * 1_000_000  # 0001-01-01T00:00:00Z, the first instant datetime can show
_MAX_US = 253402300799 * 1_000_000 + 999_999  # 9999-12-31T23:59:59.999999Z


@dataclass(slots=True)
class LogLine:
    """One input line or frame.

    ``error`` is set (and the other fields may be None) when the line could not be read as a log line;
    such lines are still yielded so that nothing is lost: they become rejected_lines rows.
    """

    ts_us: int | None
    source: str | None
    dyno: str | None
    message: str | None
    raw: str
    error: str | None = None

    def canonical(self) -> str:
        """The line as `heroku logs` prints it, with a UTC microsecond timestamp, on exactly one text line.

        Newlines and carriage returns are written as the two characters ``\\n`` and ``\\r`` (a frame may
        hold them; a text line cannot). A missing timestamp, source or dyno is written ``-``. Reading
        the result again gives the same ts/source/dyno/message whenever the message holds no CR/LF, the
        source no ``[`` and the dyno no ``]:`` (true of all Heroku writes); a message with CR/LF reads
        back escaped, and rendering that again gives the same text. An unreadable line renders as its
        raw text.
        """
        if self.error is not None:
            return _one_line(self.raw)
        ts = format_ts(self.ts_us) if self.ts_us is not None else "-"
        dyno = "-" if self.dyno is None else self.dyno
        return _one_line(f"{ts} {self.source or '-'}[{dyno}]: {self.message or ''}")


def _one_line(text: str) -> str:
    if "\n" in text or "\r" in text:
        return text.replace("\r", "\\r").replace("\n", "\\n")
    return text


# ---------------------------------------------------------------------------------------------- time

_TS = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?:([Zz])|([+-])(\d\d)(?::?(\d\d))?)\Z",
    re.ASCII,
)


@lru_cache(maxsize=4096)
def _day_seconds(year: int, month: int, day: int) -> int | None:
    """Seconds from the epoch to midnight UTC of a calendar day; None for a day that does not exist."""
    try:
        return (dt.date(year, month, day) - dt.date(1970, 1, 1)).days * 86400
    except ValueError:
        return None


def parse_ts(text: str) -> int | None:
    """An RFC 3339 timestamp (0 to 9 fraction digits, ``Z`` or any offset) as UTC microseconds.

    Digits beyond the sixth are truncated. A timestamp without an offset is refused rather than guessed,
    and so is one outside years 1 to 9999 once in UTC: it could not be shown or stored faithfully.
    """
    m = _TS.match(text)
    if m is None:
        return None
    year, month, day, hour, minute, second, frac, zulu, sign, off_h, off_m = m.groups()
    base = _day_seconds(int(year), int(month), int(day))
    h, mi, s = int(hour), int(minute), int(second)
    if base is None or h > 23 or mi > 59 or s > 59:
        return None
    offset = 0
    if not zulu:
        oh, om = int(off_h), int(off_m or 0)
        if oh > 23 or om > 59:
            return None
        offset = (oh * 3600 + om * 60) * (1 if sign == "+" else -1)
    us = (base + h * 3600 + mi * 60 + s - offset) * 1_000_000
    if frac:
        us += int(frac[:6].ljust(6, "0"))
    if us < _MIN_US or us > _MAX_US:
        return None
    return us


@lru_cache(maxsize=65536)
def _format_second(seconds: int) -> str:
    return (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S")


def format_ts(ts_us: int) -> str:
    """UTC microseconds as ``YYYY-MM-DDTHH:MM:SS.ffffff+00:00`` (always six digits, explicit offset)."""
    seconds, frac = divmod(ts_us, 1_000_000)
    text = _format_second(seconds)
    if len(text) != 19:  # years before 1000 print unpadded on some platforms
        text = text.rjust(19, "0")
    return f"{text}.{frac:06d}+00:00"


# ----------------------------------------------------------------------------------------- line shapes

# `heroku logs`: TIMESTAMP SOURCE[DYNO]: MESSAGE. The source never holds '[', the dyno never a space;
# the dyno ends at the first "]:" (non-greedy), and one space after the colon is part of the layout.
_TEXT = re.compile(r"(\S+) ([^\s\[]+)\[(\S*?)\]: ?(.*)\Z", re.DOTALL | re.ASCII)

# A syslog line as Logplex frames it: <PRI>VERSION TIMESTAMP HOST APP-NAME PROCID [MSGID [SD]] MESSAGE.
# VERSION has up to three digits (RFC 5424: NONZERO-DIGIT 0*2DIGIT; a 0 is read too, tolerantly).
# An APP-NAME starting with '[' is not read: the `heroku logs` form (SOURCE[DYNO]) cannot carry it, and
# a line must read the same in the raw partition as on receipt.
_SYSLOG = re.compile(r"<(\d{1,3})>(\d{1,3}) (\S+) (\S+) ([^\s\[]\S*) (\S+)(?: (.*))?\Z", re.DOTALL | re.ASCII)

# A text line that is really a frame (a drain body saved line by line): optional count, then <PRI>.
_SYSLOG_START = re.compile(r"(?:\d{1,9} )?(<\d{1,3}>\d{1,3} .*)\Z", re.DOTALL | re.ASCII)

# The MSGID slot after PROCID: nil, or a number (older Logplex frames carry one); RFC 5424 allows 32 chars.
_MSGID = re.compile(r"(?:-|[0-9]{1,32})(?: |\Z)", re.ASCII)


def parse_text_line(text: str) -> LogLine:
    """Read one `heroku logs` line (no line terminator). Lines written as syslog frames are read too."""
    m = _TEXT.match(text)
    if m is None:
        s = _SYSLOG_START.match(text)
        if s is not None:
            line = parse_syslog(s.group(1))
            line.raw = text
            return line
        return LogLine(None, None, None, None, text, REASON_UNRECOGNISED)
    stamp, source, dyno, message = m.groups()
    if stamp == "-":
        ts = None
    else:
        ts = parse_ts(stamp)
        if ts is None:
            return LogLine(None, None, None, None, text, REASON_BAD_TIMESTAMP)
    return LogLine(ts, None if source == "-" else source, None if dyno == "-" else dyno, message, text)


def parse_syslog(payload: str) -> LogLine:
    """Read one Logplex syslog line (the payload of a frame, trailing newline already removed).

    Logplex lines are not strict RFC 5424: the MSGID is ``-``, a number or missing, structured data is
    ``-`` or missing. A leading ``-`` or number is therefore taken as the MSGID, then a ``-`` as nil SD,
    and both are dropped; anything else is the message. (A message that itself starts with ``- ``, or
    with a number in a frame that has no MSGID slot, loses that word: the layouts cannot be told apart,
    and Logplex always writes the slot.)
    """
    m = _SYSLOG.match(payload)
    if m is None:
        return LogLine(None, None, None, None, payload, REASON_BAD_SYSLOG)
    _pri, _version, stamp, _host, app, procid, rest = m.groups()
    if stamp == "-":
        ts = None
    else:
        ts = parse_ts(stamp)
        if ts is None:
            return LogLine(None, None, None, None, payload, REASON_BAD_TIMESTAMP)
    message = rest or ""
    msgid = _MSGID.match(message)
    if msgid is not None:
        message = message[msgid.end() :]
        if message == "-":
            message = ""
        elif message.startswith("- "):
            message = message[2:]
    return LogLine(ts, None if app == "-" else app, None if procid == "-" else procid, message, payload)
