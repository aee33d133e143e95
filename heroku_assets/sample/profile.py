"""Who each sample app is: its name, stack, dynos, add-ons and people, drawn once from the seed, and
the small random helpers every kind of line uses."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

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
    # a very long path: an SPA route carrying serialized state, a few kB (within router_events.path's
    # 4,000 characters: a sample that `make run` loads has nothing the warehouse cuts)
    size = rng.choice((600, 1500, 3000, 3800))
    chunks = []
    while sum(len(c) for c in chunks) < size:
        chunks.append(f"f%5B{rng.choice(_WORDS[:5])}%5D%5B%5D={rng.getrandbits(40):x}")
    return "/reports/export?" + "&".join(chunks)
