"""Platform episodes: what the dyno manager, the API and Logplex write around a deploy, a crash, a
restart or a scale."""

from __future__ import annotations

import random

from heroku_assets.sample.profile import COMMANDS, AppProfile, uuid_from

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
