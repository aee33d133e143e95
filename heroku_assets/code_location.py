"""Runs of the project's jobs made the way the UI, a sensor or a schedule makes them, executed in this
process: what ``heroku-assets run`` uses.

The Dagster UI's Overview timeline lists a run under its code location and job, and leaves out a run
without the origin of the code location that holds its job (GraphQL ``Run.repositoryOrigin``, the run's
``remote_job_origin``). ``JobDefinition.execute_in_process`` creates runs without one: they would show in
the Runs list but never on the timeline. So the code location is loaded here in this process, under the
name the UI gives it (``heroku_assets``: workspace.yaml and ``[tool.dg.project] code_location_name``),
each run is created with the job's remote and Python origins, as ``dagster job launch`` and the sensor
daemon create theirs, and executed here with ``execute_run``: the same steps, logs and results as before.

Why Dagster's internal modules: no public API creates a run with a code location's origin and executes it
in this process. They are used here only, Dagster is pinned in requirements.lock, and
``heroku_assets_tests/test_code_location.py`` runs the UI's own timeline query against these runs, so an
upgrade that breaks this fails there.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import dagster as dg

LOCATION_NAME = "heroku_assets"
DEFINITIONS_MODULE = "heroku_assets.definitions"
# The host and process a run executes in: a run left "started" by a process that died (killed, out of
# memory) is told from one still going, and released (``release_runs_of_dead_processes``).
PROCESS_TAG = "heroku_assets/process"


def _this_process() -> str:
    import os
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def release_runs_of_dead_processes(instance: dg.DagsterInstance) -> list[str]:
    """Runs this host executed in a process that is gone, still marked in progress: marked failed, and the
    pool slots they held (the "warehouse" pool's one slot, say) given back, so the next run does not wait
    for them forever. There is no daemon to do it for a run executed in the command's own process."""
    import socket

    import dagster as dg

    host = socket.gethostname()
    in_progress = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.NOT_STARTED]
    released = []
    for record in instance.get_run_records(dg.RunsFilter(statuses=in_progress), limit=500):
        run = record.dagster_run
        where = run.tags.get(PROCESS_TAG, "")
        name, _, pid = where.rpartition(":")
        if name != host or not pid.isdigit() or _alive(int(pid)):
            continue
        instance.report_run_failed(run, "the process that ran it is gone (killed or out of memory)")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        released.append(run.run_id)
    return released


class CodeLocationJobs:
    """The jobs of the code location loaded in this process, run as launched runs are."""

    def __init__(self, location, instance: dg.DagsterInstance) -> None:
        self._location = location
        self._instance = instance
        (self._repository,) = location.get_repositories().values()

    def execute(
        self,
        job_name: str,
        *,
        partition_key: str | None = None,
        run_config: Mapping[str, object] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> dg.JobExecutionResult:
        """Create a run of ``job_name`` (of one partition, if given) and execute it here; failures are in
        the result (``success``), as with ``execute_in_process(raise_on_error=False)``."""
        from dagster._core.definitions.executor_definition import multi_or_in_process_executor
        from dagster._core.execution.api import create_execution_plan, execute_run
        from dagster._core.execution.execute_in_process import merge_run_tags

        remote_job = self._repository.get_full_job(job_name)
        job = self._location.get_reconstructable_job(self._repository.name, job_name)
        job_def = job.get_definition()
        run_config = dict(run_config or {})
        if job_def.executor_def.name == multi_or_in_process_executor.name:
            # Dagster's default executor would start a process per step; here, as with
            # execute_in_process, every step runs in this process
            run_config.setdefault("execution", {"config": {"in_process": {}}})
        # the job's tags and the partition's (validated against the instance's dynamic partitions)
        run_tags = merge_run_tags(
            job_def,
            partition_key=partition_key,
            tags={**(tags or {}), PROCESS_TAG: _this_process()},
            asset_selection=None,
            instance=self._instance,
            run_config=run_config,
        )
        plan = create_execution_plan(
            job,
            run_config=run_config,
            instance_ref=self._instance.get_ref() if self._instance.is_persistent else None,
            tags=run_tags,
        )
        run = self._instance.create_run_for_job(
            job_def=job_def,
            execution_plan=plan,
            run_config=run_config,
            tags=run_tags,
            remote_job_origin=remote_job.get_remote_origin(),
            job_code_origin=remote_job.get_python_origin(),
        )
        return execute_run(job, run, self._instance)


@contextlib.contextmanager
def open_code_location(instance: dg.DagsterInstance) -> Iterator[CodeLocationJobs]:
    """The project's code location, loaded in this process from the module the UI loads."""
    from dagster._core.remote_origin import InProcessCodeLocationOrigin
    from dagster._core.types.loadable_target_origin import LoadableTargetOrigin

    origin = InProcessCodeLocationOrigin(
        loadable_target_origin=LoadableTargetOrigin(
            executable_path=sys.executable, module_name=DEFINITIONS_MODULE
        ),
        location_name=LOCATION_NAME,
    )
    with origin.create_location(instance) as location:
        yield CodeLocationJobs(location, instance)
