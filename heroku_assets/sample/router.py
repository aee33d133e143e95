"""Router lines of the sample logs: requests and H-code errors, shaped as the Heroku router writes them."""

from __future__ import annotations

import random

from heroku_assets.sample.profile import AppProfile, fwd_value, weighted

# --- router ---------------------------------------------------------------------------------------

METHODS = (("GET", 75), ("POST", 14), ("PUT", 3), ("PATCH", 2), ("DELETE", 2), ("HEAD", 3), ("OPTIONS", 1))

# (code, at, desc, status, weight); the shape of each error line follows the Dev Center examples.
ROUTER_ERRORS = (
    ("H12", "error", "Request timeout", "503", 20),
    ("H27", "error", "Client Request Interrupted", "499", 15),
    ("H10", "error", "App crashed", "503", 10),
    ("H13", "error", "Connection closed without response", "503", 8),
    ("H18", "error", "Server Request Interrupted", "503", 5),
    ("H28", "warning", "Client Connection Idle", "499", 4),
    ("H14", "error", "No web processes running", "503", 3),
    ("H15", "error", "Idle connection", "503", 3),
    ("H11", "error", "Backlog too deep", "503", 2),
    ("H19", "error", "Backend connection timeout", "503", 2),
    ("H21", "error", "Backend connection refused", "503", 2),
    ("H80", "info", "Maintenance mode", "503", 2),
    ("H25", "error", "HTTP restriction: oversized header", "400", 1),
    ("H81", "info", "Blank app", "503", 1),
    ("H99", "error", "Platform error", "503", 1),
)
# Errors raised before any dyno was chosen: no dyno, connect or service, and usually no bytes.
_NO_DYNO_ERRORS = {"H10", "H14", "H80", "H81", "H99", "H11"}

USER_AGENTS = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148",
    "curl/8.5.0",
    "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    "kube-probe/1.29",
    "python-requests/2.32.3",
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
)

# --- router shapes --------------------------------------------------------------------------------

# The per-line values are filled positionally, always in the order request id, connect, service, bytes
# (the router never logs them in another relative order). A value the line does not show is consumed by
# ``%.0s``, which prints nothing; positional %-formatting is several times faster than a mapping.
R = C = S = B = "%s"
SKIP = "%.0s"


def _q(value: str) -> str:
    return f'"{value}"'


def router_shape(rng: random.Random, prof: AppProfile, error_share: float) -> tuple[str, str | None]:
    """One router line without its header, as a %-template taking (request id, connect, service,
    bytes), and its error code (or None).

    Keys follow the router's usual order with the variations seen in the wild: ``sock`` first on some
    errors, ``request_id`` after ``fwd``, ``agent`` and the old ``queue``/``wait`` keys, Router 2.0
    protocol and TLS fields, unitless or empty timings, empty status and bytes.
    """
    method = weighted(rng, METHODS)[0]
    path = rng.choice(prof.paths).replace("%", "%%")
    host = rng.choice(prof.hosts)
    dyno = f"web.{rng.randrange(1, prof.web + 1)}"
    fwd = fwd_value(rng)
    router2 = rng.random() < prof.router2_share
    legacy = not router2 and rng.random() < 0.05  # 2012-2013 lines: queue/wait, no request_id/protocol

    code = None
    at = "info"
    desc = None
    sock = None
    cause = None
    status = rng.choices(
        ("200", "201", "204", "301", "302", "304", "400", "401", "403", "404", "422", "500", "502"),
        weights=(620, 20, 20, 8, 60, 40, 10, 20, 10, 50, 12, 8, 2),
    )[0]
    connect = f"{C}ms"
    service = f"{S}ms"
    nbytes = B
    # fixed or empty values still consume their argument
    if rng.random() < error_share:
        code, at, desc, status, _ = weighted(rng, ROUTER_ERRORS)
        legacy = False
        if code in _NO_DYNO_ERRORS:
            dyno, connect, service, nbytes = "", SKIP, SKIP, SKIP
        elif code == "H12":
            service = SKIP + rng.choice(("30000ms", "30001ms", "30002ms"))
            nbytes = SKIP + "0"
        elif code == "H15":
            service = f"{SKIP}{rng.randrange(55000, 56000)}ms"
        elif code in ("H27", "H28", "H18"):
            sock = "client" if code != "H18" else "backend"
            if rng.random() < 0.3:
                nbytes = SKIP
            if code == "H28" or rng.random() < 0.2:
                status = ""  # the client went away before a status was sent
        elif code in ("H13", "H19", "H21") and rng.random() < 0.5:
            cause = rng.choice(
                ("backend connection reset", "connection refused: dial tcp 10.1.2.3:5000", "EOF")
            )
    elif rng.random() < 0.01:
        connect, service = C, S  # unitless timings
    elif rng.random() < 0.005:
        status, nbytes = "", SKIP

    pairs: list[tuple[str, str]] = [("at", (SKIP if legacy else "") + at)]
    if code:
        pairs += [("code", code), ("desc", _q(desc))]
    if cause:
        pairs.append(("cause", _q(cause)))
    pairs += [("method", method)]
    pairs.append(("path", path if legacy and "=" not in path else _q(path)))
    pairs.append(("host", host))
    if not legacy:
        pairs.append(("request_id", R))
    pairs.append(("fwd", fwd))
    pairs.append(("dyno", dyno))
    if legacy:
        pairs += [("queue", str(rng.choice((0, 0, 0, 1, 3)))), ("wait", f"{rng.choice((0, 0, 2, 15))}ms")]
    pairs += [("connect", connect), ("service", service), ("status", status), ("bytes", nbytes)]
    if router2:
        proto = rng.choice(("http1.1", "http2.0", "http2.0"))
        tls = rng.random() < 0.95
        pairs += [("protocol", proto), ("tls", "true" if tls else "false")]
        pairs.append(("tls_version", rng.choice(("tls1.3", "tls1.3", "tls1.2")) if tls else "unknown"))
    elif not legacy:
        proto = "https" if rng.random() < 0.9 else "http"
        pairs.append(("protocol", proto))
        if rng.random() < 0.2:
            pairs += [("tls", "true" if proto == "https" else "false")]
            pairs.append(("tls_version", rng.choice(("tls1.2", "tls1.3")) if proto == "https" else "unknown"))
    if rng.random() < 0.04:
        pairs.append(("agent", _q(rng.choice(USER_AGENTS).replace("%", "%%"))))

    if sock:
        if rng.random() < 0.6:
            pairs.insert(0, ("sock", sock))
        else:
            pairs.insert(len(pairs) - 1, ("sock", sock))
    r = rng.random()
    if r < 0.05 and not legacy:  # request_id logged after fwd
        keys = [k for k, _ in pairs]
        i, j = keys.index("request_id"), keys.index("fwd")
        pairs[i], pairs[j] = pairs[j], pairs[i]
    elif r < 0.08:  # status before the timings
        keys = [k for k, _ in pairs]
        st = pairs.pop(keys.index("status"))
        pairs.insert(keys.index("connect"), st)
    return " ".join(f"{k}={v}" for k, v in pairs), code
