"""Lines that are not log lines at all, of the kinds found in real dumps and drains."""

from __future__ import annotations

import random

# --- garbage --------------------------------------------------------------------------------------

_HTML = (
    "<!DOCTYPE html>",
    '<html><head><meta charset="utf-8"><title>Application Error</title></head>',
    "<body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>",
    '<iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe>',
)
# control characters and Latin-1 symbols, no line separators and no '<' (which could look like a frame)
_BINARY = "".join(chr(c) for c in [*range(0, 9), *range(14, 28), 127, *range(0xA0, 0x100)] if chr(c) != "<")


def garbage_line(rng: random.Random, sample_header: str) -> tuple[str, str]:
    """A line that is not a log line at all, and what kind of garbage it is. ``sample_header`` is a real
    timestamp to truncate or misuse."""
    r = rng.random()
    if r < 0.25:
        return "".join(rng.choice(_BINARY) for _ in range(rng.randrange(4, 120))), "garbage_binary"
    if r < 0.50:  # cut inside the timestamp or inside the source[dyno] header
        full = f"{sample_header} heroku[router]: at=info method=GET"
        cut = rng.choice((rng.randrange(5, len(sample_header)), len(sample_header) + rng.randrange(2, 11)))
        return full[:cut], "garbage_truncated"
    if r < 0.65:
        return f'{sample_header} [web.1]: Started GET "/"', "garbage_empty_source"
    if r < 0.85:
        return rng.choice(_HTML), "garbage_html"
    if r < 0.95:
        return (
            f"2026-13-{rng.randrange(32, 99)}T25:61:00+00:00 app[web.1]: bad clock",
            "garbage_bad_timestamp",
        )
    return rng.choice(
        ("Killed", "-----> Building on the Heroku-24 stack", "    at <anonymous>")
    ), "garbage_text"
