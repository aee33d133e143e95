"""Octet-counted framing (RFC 6587) of Logplex drain bodies, read tolerantly and incrementally.

Hand-written on purpose: syslog libraries read strict RFC 6587/5424 and stop (or drop the rest) at the
first bad count, while Logplex bodies are not strict. In the wild a count may or may not include the
trailing newline, frames follow each other with no separator, and a count can simply be wrong. Here a
count is trusted only when it ends on a frame boundary; otherwise the frame is resynchronised on the next
boundary (a newline or the next ``<count> <PRI>VERSION `` start), so the rest of the body is never lost.
A correctly counted frame that holds something other than a syslog line (``57 some text``) is still a
frame when its count ends on a boundary; its payload is then rejected by the syslog reader. Bytes that
are not a frame come out as garbage lines, one per line, to be rejected with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_FRAME = 1 << 20  # Logplex frames are ~100 KB at most; a count or a line beyond this is not trusted

REASON_GARBAGE = "not an octet-counted frame"
REASON_NO_BOUNDARY = f"no frame boundary within {MAX_FRAME} bytes: split"

_WS = b" \t\r\n"
_WAIT = -1
_HEADER = re.compile(rb"(\d{1,7}) <")  # at a frame position: COUNT SP '<'
_PARTIAL_HEADER = re.compile(rb"\d{1,7} ?\Z")  # the buffer ends inside what may be a header
# A frame start anywhere (for resynchronising): the count is the whole digit run before " <PRI>V ".
_START = re.compile(rb"(?<![0-9])(\d{1,7}) <\d{1,3}>\d{1,3} ")
_EMBEDDED_START = re.compile(rb"\n[ \t\r\n]*\d{1,7} <\d{1,3}>\d{1,3} ")
_BOUNDARY = re.compile(rb"[ \t\r\n]*\d{1,7} <")
_LOOSE_HEADER = re.compile(rb"(\d{1,7}) ")
_LOOSE_BOUNDARY = re.compile(rb"[ \t\r\n]*(\d{1,7}) ")
_PARTIAL_BOUNDARY = re.compile(rb"[ \t\r\n]*\d{0,7} ?\Z")
_SYSLOG_HEADER = re.compile(rb"<\d{1,3}>\d{1,3} \S+ \S+ \S+ \S+")  # <PRI>VERSION TIMESTAMP HOST APP PROCID

# One framing result: (payload or garbage line bytes, None for a frame or the reason it is garbage)
Piece = tuple[bytes, str | None]


class Framer:
    """Feed body bytes in any pieces; get frame payloads (trailing newline removed) and garbage lines."""

    def __init__(self) -> None:
        self._buf = bytearray()

    def feed(self, data: bytes) -> Iterator[Piece]:
        self._buf += data
        yield from self._drain(final=False)

    def close(self) -> Iterator[Piece]:
        yield from self._drain(final=True)
        self._buf.clear()

    # ------------------------------------------------------------------------------------------------

    def _drain(self, final: bool) -> Iterator[Piece]:
        buf = self._buf
        n = len(buf)
        pos = 0
        try:
            while True:
                while pos < n and buf[pos] in _WS:
                    pos += 1
                if pos >= n:
                    break
                m = _HEADER.match(buf, pos)
                if m is None:
                    if not final and _PARTIAL_HEADER.match(buf, pos):
                        break  # a header cut by the chunk boundary: wait for the rest
                    loose = _LOOSE_HEADER.match(buf, pos)
                    if loose is not None:  # a frame that holds no syslog line, if its count is right
                        end = loose.end() + int(loose.group(1))
                        valid = self._valid(buf, loose.end(), end, n, final, depth=3)
                        if valid is None:
                            break
                        if valid:
                            payload = _payload(buf, loose.end(), end)
                            if payload.strip():  # whitespace is not a log line, as in text
                                yield payload, None
                            pos = end
                            continue
                    stop = self._garbage_end(buf, pos, n, final)
                    if stop is None:
                        break
                    piece, reason = stop
                    line = bytes(buf[pos:piece]).rstrip(b"\r\n")
                    if line.strip():
                        yield line, reason
                    pos = piece
                    continue
                start = m.end() - 1  # the payload begins at '<'
                end = start + int(m.group(1))
                valid = self._valid(buf, start, end, n, final)
                if valid is None:
                    break  # need more bytes to judge the count
                if not valid:
                    stop = self._resync_end(buf, start, end, n, final)
                    if stop is None:
                        break
                    end, reason = stop
                    if reason is not None:
                        yield bytes(buf[pos:end]), reason
                        pos = end
                        continue
                yield _payload(buf, start, end), None
                pos = end
        finally:
            del buf[:pos]

    @classmethod
    def _valid(cls, buf: bytearray, start: int, end: int, n: int, final: bool, depth: int = 4) -> bool | None:
        """Whether a count ends on a frame boundary; None when more bytes are needed to tell.

        A boundary is the end of the body, a newline just before or after, or the next frame's header.
        That header is ``COUNT <``, or ``COUNT `` before a frame that holds no syslog line, whose own
        count must then end on a boundary too (followed at most ``depth`` frames deep)."""
        if end - start > MAX_FRAME:
            return False
        if end > n:
            return False if final else None
        if buf.find(b"\n", start, end - 1) >= 0 and _EMBEDDED_START.search(buf, start, end):
            return False  # the count swallows the next frame
        if end == n:
            return True if final else None
        if buf[end - 1] == 0x0A or buf[end] == 0x0A:
            return True
        if _BOUNDARY.match(buf, end):
            return True
        if not final and _PARTIAL_BOUNDARY.match(buf, end):
            return None
        if depth > 0:
            nxt = _LOOSE_BOUNDARY.match(buf, end)
            if nxt is not None:
                return cls._valid(buf, nxt.end(), nxt.end() + int(nxt.group(1)), n, final, depth - 1)
        return False

    def _resync_end(
        self, buf: bytearray, start: int, end: int, n: int, final: bool
    ) -> tuple[int, str | None] | None:
        """Where a frame whose count ``end`` is not on a boundary ends: its first newline or the next
        frame start. At the end of the body (no frame start follows, and nothing but blanks after the
        newline), the count is trusted after all when it covers a whole syslog header and does not cut a
        UTF-8 character: what follows it is then a junk tail (a garbage line), not part of the last
        message. In the middle of a body a newline is Logplex's own separator and resyncing there gives
        the frame as sent."""
        limit = min(n, start + MAX_FRAME)
        newline = buf.find(b"\n", start, limit)
        nxt = self._next_start(buf, start + 1, newline if newline >= 0 else limit, n, final)
        if nxt == _WAIT:
            return None
        if (
            nxt is None
            and start < end < n
            and _counted_frame(buf, start, end, newline if newline >= 0 else n)
        ):
            # the last frame so far: only blanks may follow the newline for the count to be trusted
            last = newline < 0 or not buf[newline:n].strip()
            if last and limit == n and not final:
                return None  # more bytes may come: they decide
            if last and limit == n:
                return end, None
        if newline >= 0 and (nxt is None or newline < nxt):
            return newline, None
        if nxt is not None:
            return nxt, None
        if limit == n and not final:
            return None
        if limit == n:
            return n, None
        return limit, REASON_NO_BOUNDARY

    def _garbage_end(self, buf: bytearray, pos: int, n: int, final: bool) -> tuple[int, str] | None:
        """Where a garbage line ends: its newline (consumed) or the next frame start."""
        limit = min(n, pos + MAX_FRAME)
        newline = buf.find(b"\n", pos, limit)
        nxt = self._next_start(buf, pos + 1, newline if newline >= 0 else limit, n, final)
        if nxt == _WAIT:
            return None
        if nxt is not None:
            return nxt, REASON_GARBAGE
        if newline >= 0:
            return newline + 1, REASON_GARBAGE
        if limit == n and not final:
            return None
        if limit == n:
            return n, REASON_GARBAGE
        return limit, REASON_NO_BOUNDARY

    def _next_start(self, buf: bytearray, frm: int, to: int, n: int, final: bool) -> int | None:
        # returns _WAIT (-1) when more bytes are needed to tell where the count begins
        """The next frame start in buf[frm:to]. Its digits may be glued to digits of the text before it
        ("status=200" + "83 <40>1 ..."): the longest count that ends on a frame boundary wins, and without
        one the whole digit run is taken as the count."""
        m = _START.search(buf, frm, min(n, to + 16))
        if m is None or m.start() >= to:
            return None
        first, digits_end = m.start(1), m.end(1)
        for i in range(first, digits_end):
            if buf[i] == 0x30 and i + 1 < digits_end:
                continue  # a count has no leading zero
            count = int(buf[i:digits_end])
            valid = self._valid(buf, digits_end + 1, digits_end + 1 + count, n, final)
            if valid is None:
                return _WAIT
            if valid:
                return i
        return first


def _counted_frame(buf: bytearray, start: int, end: int, stop: int) -> bool:
    """Whether buf[start:end] can be a whole frame, the rest up to ``stop`` being junk: it holds a full
    syslog header up to PROCID, its end is not inside a UTF-8 character, and the count is not the
    number of characters (rather than bytes) up to ``stop``, a known miscount of non-ASCII lines."""
    if _SYSLOG_HEADER.match(buf, start, end) is None or 0x80 <= buf[end] <= 0xBF:
        return False
    line = bytes(buf[start:stop])
    if line.isascii():
        return True
    characters = len(line.rstrip(b"\r").decode("utf-8", "replace"))
    return end - start not in (characters, characters + 1)


def _payload(buf: bytearray, start: int, end: int) -> bytes:
    payload = bytes(buf[start:end])
    if payload.endswith(b"\n"):
        payload = payload[:-1]
    if payload.endswith(b"\r"):
        payload = payload[:-1]
    return payload
