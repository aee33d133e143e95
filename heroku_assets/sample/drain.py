"""Sample lines as the POST bodies a Logplex HTTPS drain sends, with the headers it sends.

A body is a run of octet-counted frames (RFC 6587) ``N <PRI>1 TIMESTAMP HOST SOURCE DYNO - MESSAGE``,
up to ``max_frames`` frames or about ``max_bytes`` bytes. The variants seen in the wild are produced on
purpose, one framing per body: counts that include the trailing newline (what Logplex sends), counts
that leave it out, and frames that follow each other with no separator; some bodies carry the drain
token (``d.<uuid>``) in the HOST slot. Garbage lines are framed as they are, so a frame holds garbage.

Bodies never span two apps or two UTC days, and each (app, day) run of lines gets its own seeded random
stream, so a day's bodies are the same whether it is generated alone or inside a longer run.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from heroku_assets.sample.generator import SampleLine
from heroku_assets.sample.profile import uuid_from

FRAMINGS = ("counted_newline", "uncounted_newline", "no_separator")
CONTENT_TYPE = "application/logplex-1"
# syslog PRI values Logplex uses: facility*8 + severity
_PRI = {"router": b"<158>1 ", "app": b"<190>1 ", "heroku": b"<45>1 "}


@dataclass(frozen=True)
class DrainConfig:
    """How bodies are cut and which real-world variants appear, as shares of bodies."""

    max_frames: int = 100
    max_bytes: int = 100_000
    uncounted_newline_share: float = 0.1
    no_separator_share: float = 0.1
    token_host_share: float = 0.1
    private_space_share: float = 0.0
    """Private Space drains send neither Logplex-Frame-Id nor Logplex-Drain-Token."""
    user_agent: str = "Logplex/v123"

    def __post_init__(self) -> None:
        if self.max_frames < 1 or self.max_bytes < 1:
            raise ValueError("max_frames and max_bytes must be positive")
        shares = (self.uncounted_newline_share, self.no_separator_share)
        if any(not 0 <= s <= 1 for s in (*shares, self.token_host_share, self.private_space_share)):
            raise ValueError("shares must be within [0, 1]")
        if sum(shares) > 1:
            raise ValueError("framing shares add up to more than 1")


DEFAULT_DRAIN = DrainConfig()


@dataclass(frozen=True)
class DrainBody:
    """One POST: its headers and body, the lines it carries (in order, one frame each), and the
    framing used."""

    headers: dict[str, str]
    body: bytes
    lines: tuple[SampleLine, ...]
    framing: str

    @property
    def frame_id(self) -> str | None:
        return self.headers.get("Logplex-Frame-Id")

    @property
    def name(self) -> str:
        """A file name stem: the frame id, or a content hash when the drain sends none."""
        return self.frame_id or hashlib.blake2b(self.body, digest_size=16).hexdigest().upper()


def drain_token(app: str, seed: int = 1) -> str:
    """The drain's token for ``app``: stable for a seed, like a real drain's."""
    return "d." + uuid_from(random.Random(f"heroku-assets-sample-drain:{seed}:{app}"))


def syslog_frame(line: SampleLine, host: str = "host") -> bytes:
    """The frame content (without count or separator) Logplex sends for ``line``: a syslog message for
    a log line, the raw text for garbage."""
    text = line.text
    if line.table == "rejected_lines":
        return text.encode("utf-8")
    # Hand-split: the generator's own lines have exactly this header, and this runs per frame.
    i = text.index(" ")
    j = text.index("[", i)
    k = text.index("]: ", j)
    source, dyno = text[i + 1 : j], text[j + 1 : k]
    pri = _PRI["router" if dyno == "router" else source]
    head = f"{text[:i]} {host} {source} {dyno} - "
    return pri + head.encode() + text[k + 3 :].encode("utf-8")


def frame_id(body: bytes, token: str) -> str:
    """32 upper-case hex digits, a function of the body and drain only, so a retry carries the same id."""
    return hashlib.blake2b(body, digest_size=16, key=token.encode()[:64]).hexdigest().upper()


def _encode(frames: list[bytes], framing: str) -> bytes:
    if framing == "counted_newline":
        return b"".join(b"%d %b\n" % (len(f) + 1, f) for f in frames)
    if framing == "uncounted_newline":
        return b"".join(b"%d %b\n" % (len(f), f) for f in frames)
    return b"".join(b"%d %b" % (len(f), f) for f in frames)


def drain_batches(
    lines: Iterable[SampleLine], *, seed: int = 1, config: DrainConfig = DEFAULT_DRAIN
) -> Iterator[DrainBody]:
    """Cut ``lines`` into drain POSTs in order. Streams: holds one body at a time."""
    key: tuple[str, object] | None = None
    rng = random.Random()
    frames: list[bytes] = []
    batch: list[SampleLine] = []
    size = 0
    target = config.max_frames
    host = "host"
    token = ""

    def flush() -> DrainBody:
        r = rng.random()
        if r < config.uncounted_newline_share:
            framing = FRAMINGS[1]
        elif r < config.uncounted_newline_share + config.no_separator_share:
            framing = FRAMINGS[2]
        else:
            framing = FRAMINGS[0]
        body = _encode(frames, framing)
        headers = {"Content-Type": CONTENT_TYPE, "Logplex-Msg-Count": str(len(frames))}
        if rng.random() >= config.private_space_share:
            headers["Logplex-Frame-Id"] = frame_id(body, token)
            headers["Logplex-Drain-Token"] = token
        headers["User-Agent"] = config.user_agent
        return DrainBody(headers=headers, body=body, lines=tuple(batch), framing=framing)

    def start() -> None:
        nonlocal target, host, size
        frames.clear()
        batch.clear()
        size = 0
        # a busy drain fills its batches; a quiet one sends what it has
        target = config.max_frames if rng.random() < 0.5 else rng.randint(1, config.max_frames)
        host = token if rng.random() < config.token_host_share else "host"

    for line in lines:
        line_key = (line.app, line.day)
        if line_key != key:
            if frames:
                yield flush()
            key = line_key
            rng = random.Random(f"heroku-assets-sample-drain:{seed}:{line.app}:{line.day.isoformat()}")
            token = drain_token(line.app, seed)
            start()
        frame = syslog_frame(line, host)
        if frames and (len(frames) >= target or size + len(frame) + 8 > config.max_bytes):
            yield flush()
            start()
            frame = syslog_frame(line, host)
        frames.append(frame)
        batch.append(line)
        size += len(frame) + 8
    if frames:
        yield flush()


def drain_bodies(
    lines: Iterable[SampleLine], *, seed: int = 1, config: DrainConfig = DEFAULT_DRAIN
) -> Iterator[tuple[dict[str, str], bytes]]:
    """(headers, body) per drain POST; see ``drain_batches`` for the lines each body carries."""
    for b in drain_batches(lines, seed=seed, config=config):
        yield b.headers, b.body
