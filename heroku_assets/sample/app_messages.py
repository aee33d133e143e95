"""What the apps' own processes write: Rails, Python and Node request logs, workers, one-off dynos and
Postgres."""

from __future__ import annotations

import random

from heroku_assets.sample.profile import COMMANDS, UNICODE_MESSAGES, AppProfile, ipv4, uuid_from, weighted
from heroku_assets.sample.router import METHODS, USER_AGENTS

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
