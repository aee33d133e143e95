"""logfmt as Heroku writes it, tolerantly.

Hand-written because the logfmt packages either stop at the first irregular token or drop it, while
router lines need every quirk kept: keys in any order, quoted values holding spaces, commas, colons and
escaped quotes, empty values, bare words, an unterminated quote at the end of a cut line.
"""

from __future__ import annotations

import re

# One token: key=value (value quoted, unterminated-quoted or bare, possibly empty), or a bare word.
_TOKEN = re.compile(
    r'([^ \t\n\r\f\v=]+)=(?:"((?:[^"\\]|\\.)*)"|"(.*)|([^ \t\n\r\f\v]*))|([^ \t\n\r\f\v]+)',
    re.DOTALL | re.ASCII,
)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)

BARE = None  # the value of a bare word: it has no '='


def tokens(text: str) -> list[tuple[str, str | None]]:
    """``(key, value)`` pairs in order. Quoted values are unescaped (``\\"`` -> ``"``); an unterminated
    quote takes the rest of the line; a bare word comes as ``(word, None)``."""
    out: list[tuple[str, str | None]] = []
    for key, quoted, unterminated, bare, word in _TOKEN.findall(text):
        if word:
            out.append((word, BARE))
        elif quoted:
            out.append((key, _ESCAPE.sub(r"\1", quoted) if "\\" in quoted else quoted))
        elif unterminated:
            out.append((key, unterminated))
        else:
            out.append((key, bare))
    return out
