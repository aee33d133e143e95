"""Heroku's error codes and what they mean (Dev Center's error-code page), the reference table that error
counts are read by."""

from __future__ import annotations

import pyarrow as pa

from heroku_assets.tables import HEROKU_ERROR_CODES

ROUTER = {
    "H10": "App crashed",
    "H11": "Backlog too deep",
    "H12": "Request timeout (30 s)",
    "H13": "Connection closed without response",
    "H14": "No web dynos running",
    "H15": "Idle connection",
    "H16": "Redirect to herokuapp.com (retired)",
    "H17": "Poorly formatted HTTP response",
    "H18": "Server request interrupted",
    "H19": "Backend connection timeout",
    "H20": "App boot timeout",
    "H21": "Backend connection refused",
    "H22": "Connection limit reached",
    "H23": "Endpoint misconfigured",
    "H24": "Forced close",
    "H25": "HTTP restriction",
    "H26": "Request error",
    "H27": "Client request interrupted (499)",
    "H28": "Client connection idle (499)",
    "H31": "Misdirected request (421)",
    "H32": "TLS certificate mismatch",
    "H80": "Maintenance mode",
    "H81": "Blank app",
    "H82": "Dyno hours used up",
    "H83": "Planned service degradation",
    "H99": "Platform error",
}
RUNTIME = {
    "R10": "Boot timeout",
    "R12": "Exit timeout",
    "R13": "Attach error",
    "R14": "Memory quota exceeded",
    "R15": "Memory quota vastly exceeded",
    "R16": "Detached",
    "R17": "Checksum error",
    "R99": "Platform error",
}
LOGGING = {
    "L10": "Drain buffer overflow",
    "L11": "Tail buffer overflow",
    "L12": "Local buffer overflow",
    "L13": "Local delivery error",
    "L14": "Certificate validation error",
    "L15": "Tail buffer temporarily unavailable",
}


def error_codes_table() -> pa.Table:
    rows = [
        (code, family, meaning)
        for family, codes in (("router", ROUTER), ("runtime", RUNTIME), ("logging", LOGGING))
        for code, meaning in codes.items()
    ]
    code, family, meaning = (list(col) for col in zip(*rows, strict=True))
    return pa.table(
        {"code": code, "family": family, "meaning": meaning}, schema=HEROKU_ERROR_CODES.arrow_schema
    )
