"""The Dask engine: the same jobs on Dask distributed workers.

With ``scheduler`` (``tcp://HOST:PORT``) the work goes to an existing
cluster — started by hand with ``dask scheduler`` / ``dask worker``, or on
an HPC batch system with dask-jobqueue; otherwise a ``LocalCluster`` of one
single-threaded worker process per requested worker runs on this machine.
Workers run :func:`jianbao.batch.work.run_job`, the function the local
engine runs, so the outputs are the same files.

Only a bounded window of jobs is submitted ahead of the finished ones, so a
run over millions of issues does not hold millions of futures.

A hung page cannot be killed inside a Dask task (tasks are threads), so a
task watches its parse from the side: when no page finishes within the
timeout it reports the issue as timed out and the coordinator restarts that
worker, which ends the stuck thread.  A worker that crashes is restarted by
its nanny and Dask retries the task; when it keeps crashing the task is
reported failed.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
import time
from typing import Any, Callable, Iterable, Iterator

from jianbao.batch.work import PRELOAD_MODULES, Job, Result, preload_modules, run_job
from jianbao.errors import InputError


def require_dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise InputError("--engine dask", "Dask is not installed (pip install 'jianbao[cluster]')") from None
    return distributed


def run_job_watched(
    job: Job, timeout: float | None, task: Callable[..., Result] = run_job
) -> tuple[Result, str | None]:
    """Run ``job`` in a thread of this worker; give up on it when no page
    finishes within ``timeout`` seconds.  Returns the result and, on a
    timeout, this worker's address so the coordinator can restart it."""
    if not timeout:
        return task(job), None
    progress = threading.Event()
    box: list[Result] = []

    def target() -> None:
        box.append(task(job, on_page=lambda _n: progress.set()))
        progress.set()

    thread = threading.Thread(target=target, daemon=True, name=f"jianbao-{job.key}")
    thread.start()
    while True:
        progress.clear()
        if box:
            return box[0], None
        if not progress.wait(timeout) and not box:
            return Result(job.key, ok=False, error=f"timed out: no page finished within {timeout:g} s"), _worker_address()


@contextlib.contextmanager
def _fork_started_workers() -> Iterator[None]:
    """Start LocalCluster workers from a fork server that has Dask and the
    parser imported, as the local engine does, instead of spawning fresh
    interpreters that import everything again (seconds on a small machine)."""
    import dask

    try:
        ctx = multiprocessing.get_context("forkserver")
    except ValueError:  # no fork server on this platform: Dask's default
        yield
        return
    ctx.set_forkserver_preload(["distributed", *PRELOAD_MODULES])
    settings = {
        "distributed.worker.multiprocessing-method": "forkserver",
        # The statistical profiler samples the parsing thread every 10 ms for
        # a dashboard this cluster does not serve.
        "distributed.worker.profile.enabled": False,
    }
    with dask.config.set(settings):
        yield


def _preload_plugin(distributed: Any) -> Any:
    class PreloadParser(distributed.diagnostics.plugin.WorkerPlugin):
        name = "jianbao-preload"

        def setup(self, worker: Any) -> None:
            preload_modules()

    return PreloadParser()


def _worker_address() -> str | None:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return None


class DaskEngine:
    def __init__(self, workers: int, scheduler: str | None = None, timeout: float | None = None) -> None:
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.timeout = timeout
        self.client: Any = None
        self.cluster: Any = None

    def start(self) -> None:
        """Connect to the scheduler or start the LocalCluster."""
        if self.client is not None:
            return
        distributed = require_dask()
        try:
            if self.scheduler:
                self.client = distributed.Client(self.scheduler, timeout="30s")
            else:
                with _fork_started_workers():
                    self.cluster = distributed.LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=40,
                    )
                self.client = distributed.Client(self.cluster)
        except OSError as err:
            self.close()
            raise InputError(self.scheduler or "LocalCluster", f"cannot reach the Dask scheduler: {err}") from None
        # Every worker, and every one the nanny restarts, imports the parser
        # before its first task, as the local engine's fork server does.
        self.client.register_plugin(_preload_plugin(distributed))

    def run(
        self,
        jobs: Iterable[Job],
        on_result: Callable[[Result], None],
        on_page: Callable[[str, int], None] | None = None,
    ) -> None:
        """Run every job; each ends in exactly one ``on_result`` call."""
        self.start()
        try:
            self._run(self.client, require_dask(), jobs, on_result)
        finally:
            self.close()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def _run(self, client: Any, distributed: Any, jobs: Iterable[Job], on_result: Callable[[Result], None]) -> None:
        window = max(2 * self.workers, 2 * len(client.scheduler_info().get("workers", {})))
        pending = iter(jobs)
        futures = distributed.as_completed()
        by_future: dict[Any, Job] = {}

        submitted = 0

        def submit_next() -> bool:
            nonlocal submitted
            job = next(pending, None)
            if job is None:
                return False
            submitted += 1
            future = client.submit(run_job_watched, job, self.timeout, key=f"jianbao-{submitted}-{job.key}", pure=False)
            by_future[future] = job
            futures.add(future)
            return True

        for _ in range(window):
            if not submit_next():
                break
        for future in futures:
            job = by_future.pop(future)
            on_result(self._outcome(client, future, job))
            future.release()
            submit_next()

    def _outcome(self, client: Any, future: Any, job: Job) -> Result:
        started = time.perf_counter()
        try:
            result, hung_worker = future.result()
        except Exception as err:  # KilledWorker and friends: the worker crashed on this job
            return Result(job.key, ok=False, error=f"worker died ({type(err).__name__})", seconds=time.perf_counter() - started)
        if hung_worker:
            try:
                client.restart_workers([hung_worker])
            except Exception:
                pass  # a worker that will not restart is the cluster's business
        return result
