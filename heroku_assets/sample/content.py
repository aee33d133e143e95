"""What the sample logs say: per-app pools of router requests, app messages, platform episodes and
metrics lines, built once from a seeded ``random.Random`` so the per-line loop only picks and fills.

Every message here is written the way Heroku (or a typical app on it) writes it; see
``/work/shared/reference/heroku.md`` for the formats. Nothing here contains ``sample#`` unless it is meant
to be a metrics line, nor a line break of any kind (``str.splitlines`` separators included), so that one
generated line is exactly one log line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

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

# --- app messages ---------------------------------------------------------------------------------

UNICODE_MESSAGES = (
    "Bestellung #{n} für Jürgen Müller bestätigt ✅",
    "注文 {n} を発送しました",
    "Пользователь {n} вошёл в систему",
    "Commande {n} : paiement reçu — merci ! 🎉",
    "Pedido {n} enviado a São Paulo ✈",
    "用户 {n} 更新了个人资料",
    "Ελήφθη πληρωμή για την παραγγελία {n}",
    "café crème for order {n}, naïve façade ☕",
)

FIRST_NAMES = (
    "ana",
    "bruno",
    "chen",
    "dara",
    "emeka",
    "farah",
    "goran",
    "hana",
    "ivan",
    "jules",
    "kofi",
    "lea",
)
ADJECTIVES = ("curved", "spherical", "cubic", "shallow", "rigid", "closed", "flat", "angular", "tetrahedral")
PG_COLORS = ("VIOLET", "AMBER", "COBALT", "ONYX", "PUCE", "TEAL")
DYNO_SIZES = ("Basic", "Standard-1X", "Standard-2X", "Performance-M", "Performance-L")

COMMANDS = {
    "rails": {
        "web": "bundle exec puma -C config/puma.rb",
        "worker": "bundle exec sidekiq -C config/sidekiq.yml",
        "release": "bin/rails db:migrate",
        "run": ("bin/rails console", "bin/rails db:migrate:status", "bundle exec rake orders:reindex"),
        "scheduler": ("bundle exec rake sessions:cleanup", "bundle exec rake reports:daily"),
    },
    "python": {
        "web": "gunicorn billing.wsgi --workers 4 --log-file -",
        "worker": "celery -A billing worker --loglevel=info",
        "release": "python manage.py migrate --noinput",
        "run": ("python manage.py shell", "python manage.py showmigrations", "bash"),
        "scheduler": ("python manage.py clearsessions", "python manage.py send_invoices"),
    },
    "node": {
        "web": "node --enable-source-maps dist/server.js",
        "worker": "node dist/worker.js",
        "release": "npm run migrate",
        "run": ("node", "npm run db:seed", "bash"),
        "scheduler": ("node dist/jobs/sweep.js", "npm run report:nightly"),
    },
}

NO_BREAKS = str.maketrans({c: " " for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def uuid_from(rng: random.Random) -> str:
    """A version-4 UUID drawn from the seeded generator (uuid.uuid4 would read os.urandom)."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def weighted(rng: random.Random, items: tuple, weight_index: int = -1):
    return rng.choices(items, weights=[i[weight_index] for i in items])[0]


def ipv4(rng: random.Random, private: bool = False) -> str:
    if private:
        return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    first = rng.choice((23, 31, 46, 62, 77, 81, 94, 104, 138, 151, 176, 185, 188, 203, 212, 217))
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    prefix = rng.choice(("2a02:8070", "2001:db8", "2600:1700", "2a01:cb00", "2409:8a28"))
    tail = [f"{rng.getrandbits(16):x}" for _ in range(rng.choice((2, 4, 6)))]
    if len(tail) < 6:
        return f"{prefix}::{':'.join(tail)}"
    return f"{prefix}:{':'.join(tail)}"


def fwd_value(rng: random.Random) -> str:
    """An X-Forwarded-For as the router logs it: one or several v4/v6 addresses, with or without a space
    after the comma; quoted when it holds a space, otherwise quoted or bare (both are seen)."""
    n = rng.choices((1, 2, 3), weights=(80, 16, 4))[0]
    ips = [ipv6(rng) if rng.random() < 0.15 else ipv4(rng) for _ in range(n)]
    if n > 1 and rng.random() < 0.6:
        ips[-1] = ipv4(rng, private=True)  # an internal proxy appended its peer
    sep = ", " if n > 1 and rng.random() < 0.5 else ","
    value = sep.join(ips)
    if " " in value or rng.random() < 0.7:
        return f'"{value}"'
    return value


@dataclass
class AppProfile:
    """Stable facts of one app, the same on every day: hosts, dynos, add-ons, people, release numbers."""

    name: str
    flavor: str
    app_id: int
    hosts: list[str]
    web: int
    workers: int
    web_size: str
    worker_size: str
    emails: list[str]
    addon_pg: str
    addon_redis: str | None
    pg_source: str
    base_release: int
    router2_share: float
    peak_hour: float
    dyno_uuids: dict[str, str] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)


def build_profile(name: str, rng: random.Random) -> AppProfile:
    flavor = rng.choice(("rails", "python", "node"))
    brand = name.split("-")[0]
    hosts = [f"{name}.herokuapp.com", f"{name}-{rng.getrandbits(48):012x}.herokuapp.com"]
    hosts += [f"www.{brand}-example.com", f"api.{brand}-example.com"][: rng.randrange(1, 3)]
    web = rng.randrange(1, 5)
    workers = rng.randrange(0, 3)
    emails = [f"{rng.choice(FIRST_NAMES)}@{brand}-example.com" for _ in range(3)]
    emails.append(f"deploy-bot+{brand}@example.org")
    prof = AppProfile(
        name=name,
        flavor=flavor,
        app_id=rng.randrange(1_000_000, 9_999_999),
        hosts=hosts,
        web=web,
        workers=workers,
        web_size=rng.choice(DYNO_SIZES[1:]),
        worker_size=rng.choice(DYNO_SIZES[:3]),
        emails=emails,
        addon_pg=f"postgresql-{rng.choice(ADJECTIVES)}-{rng.randrange(10000, 99999)}",
        addon_redis=(
            f"redis-{rng.choice(ADJECTIVES)}-{rng.randrange(10000, 99999)}" if rng.random() < 0.7 else None
        ),
        pg_source=rng.choice(("DATABASE", f"HEROKU_POSTGRESQL_{rng.choice(PG_COLORS)}")),
        base_release=rng.randrange(20, 400),
        router2_share=rng.choice((0.2, 0.5, 0.8)),
        peak_hour=rng.uniform(12.0, 20.0),
    )
    for i in range(1, web + 1):
        prof.dyno_uuids[f"web.{i}"] = uuid_from(rng)
    for i in range(1, workers + 1):
        prof.dyno_uuids[f"worker.{i}"] = uuid_from(rng)
    prof.paths = [_path(rng, flavor) for _ in range(400)]
    return prof


# --- paths ----------------------------------------------------------------------------------------

_WORDS = ("red", "shoes", "winter", "jacket", "gift", "café", "über", "sale", "kids", "lamp", "oak", "desk")


def _pct(s: str) -> str:
    """Percent-encode the way a browser does in a query string (spaces as +)."""
    out = []
    for ch in s:
        if ch.isascii() and (ch.isalnum() or ch in "-_.~"):
            out.append(ch)
        elif ch == " ":
            out.append("+")
        else:
            out.extend(f"%{b:02X}" for b in ch.encode())
    return "".join(out)


def _path(rng: random.Random, flavor: str) -> str:
    r = rng.random()
    n = rng.randrange(1, 99999)
    if r < 0.10:
        return "/"
    if r < 0.30:
        return rng.choice(("/products/", "/api/v1/orders/", "/invoices/", "/users/", "/api/v2/items/")) + str(
            n
        )
    if r < 0.45:
        q = " ".join(rng.sample(_WORDS, rng.randrange(1, 4)))
        return f"/search?q={_pct(q)}&page={rng.randrange(1, 20)}&sort={rng.choice(('price_asc', 'newest'))}"
    if r < 0.55:
        ext = rng.choice(("css", "js", "png", "woff2"))
        return f"/assets/application-{rng.getrandbits(256):064x}.{ext}"
    if r < 0.65:
        return rng.choice(
            ("/health", "/favicon.ico", "/robots.txt", "/cart", "/checkout", "/login", "/webhooks/stripe")
        )
    if r < 0.75:
        source = rng.choice(("newsletter", "google", "facebook"))
        utm = f"utm_source={source}&utm_medium=email&utm_campaign=bf-26"
        return f"/products/{n}?{utm}&gclid={rng.getrandbits(120):030x}"
    if r < 0.85:
        return (
            f"/api/v1/orders?status=open&created_after=2026-01-0{rng.randrange(1, 9)}T00%3A00%3A00Z&limit=50"
        )
    if r < 0.93:
        return f"/users/{n}/edit?return_to=%2Faccount%2Fsettings%3Ftab%3Dbilling"
    if r < 0.985:
        return f"/oauth/callback?code={rng.getrandbits(320):080x}&state={rng.getrandbits(256):064x}"
    # a very long path: an SPA route carrying serialized state, a few kB
    size = rng.choice((600, 1500, 3000, 6000))
    chunks = []
    while sum(len(c) for c in chunks) < size:
        chunks.append(f"f%5B{rng.choice(_WORDS[:5])}%5D%5B%5D={rng.getrandbits(40):x}")
    return "/reports/export?" + "&".join(chunks)


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


# --- app messages ---------------------------------------------------------------------------------


def _rails_request(rng: random.Random, prof: AppProfile) -> list[str]:
    rid = uuid_from(rng)
    path = rng.choice(prof.paths)
    method = weighted(rng, METHODS)[0]
    ctrl = rng.choice(("ProductsController#index", "OrdersController#show", "CartsController#update"))
    status = rng.choices(
        ((200, "OK"), (302, "Found"), (404, "Not Found"), (500, "Internal Server Error")),
        weights=(85, 8, 5, 2),
    )[0]
    ms = rng.randrange(2, 900)
    lines = [
        f'[{rid}] Started {method} "{path[:300]}" for {ipv4(rng)} at {{time}}',
        f"[{rid}] Processing by {ctrl} as {rng.choice(('HTML', 'JSON', 'TURBO_STREAM'))}",
    ]
    if rng.random() < 0.5:
        lines.append(f'[{rid}]   Parameters: {{"id"=>"{rng.randrange(1, 99999)}", "locale"=>"de"}}')
    if rng.random() < 0.4:
        lines.append(
            f'[{rid}]   Product Load ({rng.uniform(0.2, 9):.1f}ms)  SELECT "products".* FROM '
            f'"products" WHERE "products"."id" = $1 LIMIT $2  [["id", {rng.randrange(99999)}]]'
        )
    lines.append(
        f"[{rid}] Completed {status[0]} {status[1]} in {ms}ms (Views: {ms * 0.4:.1f}ms | "
        f"ActiveRecord: {ms * 0.2:.1f}ms | Allocations: {rng.randrange(900, 90000)})"
    )
    if status[0] == 500:
        lines += [
            f"[{rid}]   ",
            f"[{rid}] NoMethodError (undefined method `price' for nil:NilClass):",
            f"[{rid}]   ",
            f"[{rid}] app/models/cart.rb:{rng.randrange(10, 200)}:in `total'",
            f"[{rid}] app/controllers/carts_controller.rb:{rng.randrange(10, 90)}:in `update'",
        ]
    return lines


def _python_request(rng: random.Random, prof: AppProfile) -> list[str]:
    path = rng.choice(prof.paths)
    status = rng.choices((200, 201, 400, 404, 500), weights=(85, 5, 4, 4, 2))[0]
    ip = ipv4(rng)
    lines = [
        f'{ip} - - [{{clf}}] "{weighted(rng, METHODS)[0]} {path[:300]} HTTP/1.1" {status} '
        f'{rng.randrange(0, 90000)} "-" "{rng.choice(USER_AGENTS)}"'
    ]
    if status == 500:
        lines = [
            "Traceback (most recent call last):",
            '  File "/app/.heroku/python/lib/python3.12/site-packages/django/core/handlers/exception.py", '
            "line 55, in inner",
            "    response = get_response(request)",
            f'  File "/app/billing/views.py", line {rng.randrange(20, 400)}, in charge',
            '    raise PaymentError(f"card declined: {code}")',
            "billing.errors.PaymentError: card declined: "
            + rng.choice(("insufficient_funds", "expired_card")),
            *lines,
        ]
    return lines


def _json_message(rng: random.Random, prof: AppProfile) -> str:
    event = rng.choice(("charge.created", "invoice.sent", "cache.miss", "user.login", "job.done"))
    level = rng.choices(("info", "debug", "warn", "error"), weights=(70, 15, 10, 5))[0]
    return (
        f'{{"level":"{level}","ts":"{{time}}","event":"{event}","customer_id":"cus_{rng.getrandbits(56):014x}",'
        f'"amount_cents":{rng.randrange(100, 99999)},"currency":"eur",'
        f'"duration_ms":{rng.uniform(0.3, 900):.1f},'
        f'"request_id":"{uuid_from(rng)}"}}'
    )


def _node_request(rng: random.Random, prof: AppProfile) -> list[str]:
    if rng.random() < 0.03:
        return [
            f"Error: connect ECONNREFUSED 10.0.{rng.randrange(256)}.{rng.randrange(256)}:6379",
            "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
            "    at Socket.emit (node:events:518:28)",
        ]
    path = rng.choice(prof.paths)
    return [
        f"{weighted(rng, METHODS)[0]} {path[:300]} {rng.choice((200, 200, 200, 304, 404))} "
        f"{rng.uniform(0.5, 400):.3f} ms - {rng.randrange(0, 50000)}"
    ]


def web_messages(rng: random.Random, prof: AppProfile) -> list[str]:
    """One group of lines a web dyno writes together (a request's log lines, a stack trace, ...)."""
    r = rng.random()
    if r < 0.10:
        return [_json_message(rng, prof)]
    if r < 0.14:
        return [rng.choice(UNICODE_MESSAGES).format(n=rng.randrange(1000, 99999))]
    if prof.flavor == "rails":
        return _rails_request(rng, prof)
    if prof.flavor == "python":
        return _python_request(rng, prof)
    return _node_request(rng, prof)


def worker_messages(rng: random.Random, prof: AppProfile) -> list[str]:
    job = rng.choice(("SendInvoiceJob", "SyncInventoryJob", "ThumbnailJob", "WebhookDeliveryJob"))
    jid = f"{rng.getrandbits(96):024x}"
    r = rng.random()
    if r < 0.15:
        return [_json_message(rng, prof)]
    if r < 0.20:
        return [rng.choice(UNICODE_MESSAGES).format(n=rng.randrange(1000, 99999))]
    if prof.flavor == "python":
        tid = uuid_from(rng)
        return [
            f"[{{time}}: INFO/MainProcess] Task billing.tasks.{job.lower()}[{tid}] received",
            f"[{{time}}: INFO/ForkPoolWorker-{rng.randrange(1, 5)}] Task billing.tasks.{job.lower()}[{tid}] "
            f"succeeded in {rng.uniform(0.01, 20):.3f}s: None",
        ]
    lines = [f"pid={rng.randrange(2, 99)} tid={rng.getrandbits(24):x} class={job} jid={jid} INFO: start"]
    if rng.random() < 0.05:
        lines += [
            f"pid=4 tid={rng.getrandbits(24):x} class={job} jid={jid} WARN: Net::ReadTimeout: "
            "Net::ReadTimeout",
            "/app/vendor/bundle/ruby/3.3.0/gems/net-protocol-0.2.2/lib/net/protocol.rb:229:in `rbuf_fill'",
            f"/app/app/jobs/{job.lower()}.rb:{rng.randrange(5, 60)}:in `perform'",
        ]
    else:
        lines.append(
            f"pid=4 tid={rng.getrandbits(24):x} class={job} jid={jid} elapsed={rng.uniform(0.01, 30):.3f} "
            "INFO: done"
        )
    return lines


def oneoff_messages(rng: random.Random, prof: AppProfile, kind: str) -> list[str]:
    if kind == "scheduler":
        return [
            f"Running {rng.choice(COMMANDS[prof.flavor]['scheduler'])}",
            f"Removed {rng.randrange(0, 5000)} expired sessions in {rng.uniform(0.1, 40):.2f}s",
        ]
    return rng.choice(
        (
            [
                "Loading production environment (Rails 7.1.3)",
                "irb(main):001:0> Order.count",
                f"=> {rng.randrange(9999)}",
            ],
            [
                "== 20261119120000 AddIndexToOrders: migrating ==",
                "-- add_index(:orders, :status)",
                f"   -> {rng.uniform(0.001, 3):.4f}s",
                "== 20261119120000 AddIndexToOrders: migrated ==",
            ],
            [
                "Python 3.12.7 (main, Oct  1 2026, 10:00:00) [GCC 11.4.0] on linux",
                ">>> from billing.models import *",
            ],
        )
    )


def postgres_messages(rng: random.Random, prof: AppProfile) -> list[str]:
    """Heroku Postgres server logs arrive as app[postgres.N] lines: plain app_events, not metrics."""
    pid = rng.randrange(1000, 99999)
    color = prof.pg_source
    return rng.choice(
        (
            [
                f'[{color}] [{rng.randrange(1, 40)}-1]  sql_error_code = 00000 time_ms = "{{time}}" '
                f'pid="{pid}" proc_start_time="2026-11-01 00:00:01 UTC" session_id="6543a1.2b" vtid="" '
                'tid="0" log_line="3" '
                'database="" connection_source="" user="" application_name="" LOG:  checkpoint starting: time'
            ],
            [
                f"[{color}] [{rng.randrange(1, 40)}-1]  sql_error_code = 00000 LOG:  duration: "
                f"{rng.uniform(500, 9000):.3f} ms  statement: "
                'SELECT "orders".* FROM "orders" WHERE "status" = \'open\''
            ],
            [
                f"[{color}] [{rng.randrange(1, 40)}-1]  sql_error_code = 57014 ERROR:  "
                "canceling statement due to statement timeout"
            ],
        )
    )


# --- metrics --------------------------------------------------------------------------------------


def _subset(rng: random.Random, samples: list[str]) -> list[str]:
    """Heroku sends any subset of the samples; keep the order, never none."""
    if rng.random() < 0.85:
        return samples
    kept = [s for s in samples if rng.random() < 0.6]
    return kept or samples[:1]


def runtime_metrics_message(rng: random.Random, prof: AppProfile, dyno: str) -> list[str]:
    """log-runtime-metrics: a load line or a memory line for one dyno (from heroku[<dyno>])."""
    head = f"source={dyno} dyno=heroku.{prof.app_id}.{prof.dyno_uuids[dyno]}"
    if rng.random() < 0.45:
        la = rng.uniform(0, 3)
        samples = [
            f"sample#load_avg_1m={la:.2f}",
            f"sample#load_avg_5m={la * 0.8:.2f}",
            f"sample#load_avg_15m={la * 0.7:.2f}",
        ]
    else:
        total = rng.uniform(80, 1100)
        samples = [
            f"sample#memory_total={total:.2f}MB",
            f"sample#memory_rss={total * 0.93:.2f}MB",
            f"sample#memory_cache={total * 0.07:.2f}MB",
            f"sample#memory_swap={rng.choice((0, 0, 0, 3.1)):.2f}MB",
            f"sample#memory_pgpgin={rng.randrange(10000, 9000000)}pages",
            f"sample#memory_pgpgout={rng.randrange(10000, 9000000)}pages",
        ]
        if rng.random() < 0.7:
            samples.append(f"sample#memory_quota={rng.choice((512, 1024, 2560)):.2f}MB")
    return [head, *_subset(rng, samples)]


def postgres_metrics_message(rng: random.Random, prof: AppProfile) -> list[str]:
    mem_total = 15405636.0
    samples = [
        f"sample#current_transaction={rng.randrange(1000, 9_000_000)}",
        f"sample#db_size={rng.randrange(10**8, 10**11)}bytes",
        f"sample#tables={rng.randrange(5, 300)}",
        f"sample#active-connections={rng.randrange(1, 120)}",
        f"sample#waiting-connections={rng.choice((0, 0, 0, 1, 4))}",
        f"sample#index-cache-hit-rate={rng.uniform(0.9, 1):.5f}",
        f"sample#table-cache-hit-rate={rng.uniform(0.9, 1):.5f}",
        f"sample#load-avg-1m={rng.uniform(0, 2):.3f}",
        f"sample#load-avg-5m={rng.uniform(0, 2):.3f}",
        f"sample#load-avg-15m={rng.uniform(0, 2):.3f}",
        f"sample#read-iops={rng.choice((0, 0, 1.5, 12.2))}",
        f"sample#write-iops={rng.uniform(0, 200):.3f}",
        f"sample#tmp-disk-used={rng.randrange(10**7, 10**9)}",
        "sample#tmp-disk-available=72944943104",
        f"sample#memory-total={mem_total}kB",
        f"sample#memory-free={rng.randrange(100000, 3000000)}kB",
        f"sample#memory-cached={rng.randrange(1000000, 14000000)}kB",
        f"sample#memory-postgres={rng.randrange(100000, 900000)}kB",
        f"sample#wal-percentage-used={rng.uniform(0, 0.2):.4f}",
    ]
    return [f"source={prof.pg_source} addon={prof.addon_pg}", *_subset(rng, samples)]


def redis_metrics_message(rng: random.Random, prof: AppProfile) -> list[str]:
    samples = [
        f"sample#active-connections={rng.randrange(1, 40)}",
        f"sample#load-avg-1m={rng.uniform(0, 1):.3f}",
        f"sample#load-avg-5m={rng.uniform(0, 1):.3f}",
        f"sample#load-avg-15m={rng.uniform(0, 1):.3f}",
        f"sample#read-iops={rng.uniform(0, 5):.3f}",
        f"sample#write-iops={rng.uniform(0, 5):.3f}",
        "sample#memory-total=15664876kB",
        f"sample#memory-free={rng.randrange(1000000, 14000000)}kB",
        f"sample#memory-cached={rng.randrange(100000, 3000000)}kB",
        f"sample#memory-redis={rng.randrange(10**6, 10**9)}bytes",
        f"sample#hit-rate={rng.uniform(0.3, 1):.5g}",
        f"sample#evicted-keys={rng.choice((0, 0, 0, 12))}",
    ]
    return [f"source=REDIS addon={prof.addon_redis}", *_subset(rng, samples)]


# --- platform episodes ----------------------------------------------------------------------------

# An episode is what the platform writes around one happening (a deploy, a crash, a restart), as
# (source, dyno, message, event_type, code) in order. ``{since}`` is filled with an earlier timestamp.
Platform = tuple[str, str, str, str, str | None]


def _sha(rng: random.Random, n: int = 7) -> str:
    return f"{rng.getrandbits(4 * n):0{n}x}"


def _restart(dyno: str, command: str, reason: str | None) -> list[Platform]:
    out: list[Platform] = []
    if reason:
        out.append(("heroku", dyno, reason, "other", None))
    out += [
        ("heroku", dyno, "State changed from up to starting", "state_change", None),
        ("heroku", dyno, "Stopping all processes with SIGTERM", "stopping", None),
        ("heroku", dyno, f"Starting process with command `{command}`", "process_start", None),
        ("heroku", dyno, "Process exited with status 143", "process_exit", None),
        ("heroku", dyno, "State changed from starting to up", "state_change", None),
    ]
    return out


def platform_episode(rng: random.Random, prof: AppProfile, release: int) -> list[Platform]:
    cmds = COMMANDS[prof.flavor]
    web = f"web.{rng.randrange(1, prof.web + 1)}"
    dyno = web if not prof.workers or rng.random() < 0.6 else f"worker.{rng.randrange(1, prof.workers + 1)}"
    cmd = cmds["web"] if dyno.startswith("web") else cmds["worker"]
    who = rng.choice(prof.emails)
    new_api = rng.random() < 0.75  # app[api] wording; heroku[api] is the older era
    r = rng.random()
    if r < 0.16:  # daily cycling
        return _restart(dyno, cmd, "Cycling")
    if r < 0.30:  # deploy: build, release phase, release, restart every web dyno
        sha = _sha(rng, 8 if new_api else 7)
        if new_api:
            ep = [
                ("app", "api", f"Build started by user {who}", "build", None),
                (
                    "app",
                    "api",
                    rng.choices(
                        (
                            "Build succeeded",
                            "Build failed -- check your build output: "
                            f"https://dashboard.heroku.com/apps/{prof.name}/activity/builds/"
                            f"{uuid_from(rng)}",
                        ),
                        weights=(9, 1),
                    )[0],
                    "build",
                    None,
                ),
            ]
            if ep[-1][2] != "Build succeeded":
                return ep
            rel = f"release.{rng.randrange(1000, 9999)}"
            ep += [
                ("heroku", rel, f"Starting process with command `{cmds['release']}`", "process_start", None),
                ("heroku", rel, "State changed from starting to up", "state_change", None),
                ("heroku", rel, "Process exited with status 0", "process_exit", None),
                ("heroku", rel, "State changed from up to complete", "state_change", None),
                ("app", "api", f"Deploy {sha} by user {who}", "deploy", None),
                ("app", "api", f"Release v{release} created by user {who}", "release", None),
            ]
        else:
            ep = [
                ("heroku", "api", f"Deploy {sha} by {who}", "deploy", None),
                ("heroku", "api", f"Release v{release} created by {who}", "release", None),
            ]
        for i in range(1, prof.web + 1):
            ep += _restart(f"web.{i}", cmds["web"], "Restarting")
        return ep
    if r < 0.36:  # scaling
        n = rng.randrange(1, 6)
        if new_api:
            msg = f"Scaled to web@{n}:{prof.web_size}"
            if prof.workers:
                msg += f" worker@{prof.workers}:{prof.worker_size}"
            msg += f" by user {who}"
            ep = [("app", "api", msg, "scale", None)]
        else:
            msg = f"Scale to web={n}" + (f", worker={prof.workers}" if prof.workers else "") + f" by {who}"
            ep = [("heroku", "api", msg, "scale", None)]
        new = f"web.{n}"
        return ep + [
            ("heroku", new, f"Starting process with command `{cmds['web']}`", "process_start", None),
            ("heroku", new, "State changed from starting to up", "state_change", None),
        ]
    if r < 0.44:  # config change: a release without a deploy
        var = rng.choice(("SENTRY_DSN", "FEATURE_FLAGS", "WEB_CONCURRENCY", "RAILS_MAX_THREADS"))
        if new_api:
            return [
                ("app", "api", f"Set {var} config vars by user {who}", "other", None),
                ("app", "api", f"Release v{release} created by user {who}", "release", None),
            ]
        return [
            ("heroku", "api", f"Set {var} config vars by {who}", "other", None),
            ("heroku", "api", f"Release v{release} created by {who}", "release", None),
        ]
    if r < 0.56:  # crash and restart
        status = rng.choice((1, 1, 1, 2, 137))
        return [
            ("heroku", dyno, f"Process exited with status {status}", "process_exit", None),
            ("heroku", dyno, "State changed from up to crashed", "state_change", None),
            ("heroku", dyno, "State changed from crashed to starting", "state_change", None),
            ("heroku", dyno, f"Starting process with command `{cmd}`", "process_start", None),
            ("heroku", dyno, "State changed from starting to up", "state_change", None),
        ]
    if r < 0.70:  # memory quota exceeded, repeated
        pct = rng.uniform(100.1, 140)
        mb = int(pct * 5.12)
        unit = "M" if rng.random() < 0.7 else "MB"
        ep = []
        for _ in range(rng.randrange(1, 4)):
            ep += [
                ("heroku", dyno, f"Process running mem={mb}{unit}({pct:.1f}%)", "other", None),
                ("heroku", dyno, "Error R14 (Memory quota exceeded)", "error", "R14"),
            ]
        return ep
    if r < 0.74:  # memory quota vastly exceeded: the dyno is killed
        pct = rng.uniform(200, 260)
        return [
            ("heroku", dyno, f"Process running mem={int(pct * 5.12)}M({pct:.1f}%)", "other", None),
            ("heroku", dyno, "Error R15 (Memory quota vastly exceeded)", "error", "R15"),
            ("heroku", dyno, "Stopping process with SIGKILL", "stopping", None),
            ("heroku", dyno, "Process exited with status 137", "process_exit", None),
            ("heroku", dyno, "State changed from up to crashed", "state_change", None),
        ]
    if r < 0.77:  # boot timeout
        return [
            (
                "heroku",
                web,
                "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch",
                "error",
                "R10",
            ),
            ("heroku", web, "Stopping process with SIGKILL", "stopping", None),
            ("heroku", web, "Process exited with status 137", "process_exit", None),
            ("heroku", web, "State changed from starting to crashed", "state_change", None),
        ]
    if r < 0.79:  # exit timeout
        return [
            ("heroku", dyno, "Stopping all processes with SIGTERM", "stopping", None),
            (
                "heroku",
                dyno,
                "Error R12 (Exit timeout) -> At least one process failed to exit within 30 seconds "
                "of SIGTERM",
                "error",
                "R12",
            ),
            ("heroku", dyno, "Stopping remaining processes with SIGKILL", "stopping", None),
            ("heroku", dyno, "Process exited with status 137", "process_exit", None),
        ]
    if r < 0.83:  # idling (eco dynos)
        return [
            ("heroku", web, "Idling", "idling", None),
            ("heroku", web, "State changed from up to down", "state_change", None),
            ("heroku", web, "Stopping all processes with SIGTERM", "stopping", None),
            ("heroku", web, "Process exited with status 143", "process_exit", None),
        ]
    if r < 0.90:  # log delivery trouble
        n = rng.randrange(1, 5000)
        return rng.choice(
            (
                [
                    (
                        "heroku",
                        "logplex",
                        f"Error L10 (output buffer overflow): {n} messages dropped since {{since}}.",
                        "error",
                        "L10",
                    )
                ],
                [
                    (
                        "heroku",
                        "logplex",
                        f"Error L10 (output buffer overflow): {n} messages dropped since {{since}}",
                        "error",
                        "L10",
                    )
                ],
                [("app", "log-shuttle", f"Error L12: {n} messages dropped since {{since}}", "error", "L12")],
                [("app", "log-shuttle", f"Error L13: {n} messages lost since {{since}}", "error", "L13")],
            )
        )
    if r < 0.96:  # a one-off dyno (heroku run)
        run = f"run.{rng.randrange(1000, 9999)}"
        return [
            (
                "heroku",
                run,
                f"Starting process with command `{rng.choice(cmds['run'])}` by user {who}",
                "process_start",
                None,
            ),
            ("heroku", run, "State changed from starting to up", "state_change", None),
            ("heroku", run, "Process exited with status 0", "process_exit", None),
            ("heroku", run, "State changed from up to complete", "state_change", None),
        ]
    sched = f"scheduler.{rng.randrange(1000, 9999)}"  # Heroku Scheduler
    return [
        (
            "heroku",
            sched,
            f"Starting process with command `{rng.choice(cmds['scheduler'])}`",
            "process_start",
            None,
        ),
        ("heroku", sched, "State changed from starting to up", "state_change", None),
        ("heroku", sched, "State changed from up to complete", "state_change", None),
        ("heroku", sched, "Process exited with status 0", "process_exit", None),
    ]


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
