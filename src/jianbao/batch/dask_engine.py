"""The Dask engine: the same jobs on Dask distributed workers.

With ``scheduler`` (``tcp://HOST:PORT``) the work goes to an existing
cluster — started by hand with ``dask scheduler`` / ``dask worker``, or on
an HPC batch system with dask-jobqueue; otherwise a ``LocalCluster`` of one
single-threaded worker process per requested worker runs on this machine.
Workers run :func:`jianbao.batch.work.run_job`, the function the local
engine runs, so the outputs are the same files.

Each Dask task carries a few issues (about :data:`TASK_PAGES` pages): a task
costs the scheduler, the client and the worker's event loop milliseconds of
CPU, as much as parsing a small issue, and on a machine with few cores that
time is taken from the workers.  Only a bounded window of tasks is
submitted ahead of the finished ones, so a run over millions of issues does
not hold millions of futures.

A hung page cannot be killed inside a Dask task (tasks are threads), so a
task watches its parse from the side: when no page finishes within the
timeout it reports the issue as timed out, the coordinator restarts that
worker, which ends the stuck thread, and sends the task's issues not yet
begun again.  A worker that crashes is restarted by its nanny and Dask
retries the task; when it keeps crashing, each of its issues is sent again
alone, so that only the issue that crashes it is reported failed.  An
issue alone in a task that died may have been innocent — Dask fails every
task on a worker that dies, not only the one that killed it, and a hung
worker's restart fails the tasks queued on it — so the issues sent again
go one at a time, and one is reported only after dying
:data:`DEATHS_TO_BLAME` times while it was the only one retried and no
hung worker was restarted.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections import Counter, deque
from typing import Any, Callable, Iterable, Iterator

from jianbao.batch.work import PRELOAD_MODULES, Job, Result, preload_modules, run_job
from jianbao.errors import InputError


def require_dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise InputError("--engine dask", "Dask is not installed (pip install 'jianbao[cluster]')") from None
    return distributed


# Pages of work per Dask task, and the most issues one task carries.
TASK_PAGES = 12
TASK_JOBS = 8
# Times an issue sent alone must die with its worker before it is blamed.
DEATHS_TO_BLAME = 3


def chunk_jobs(jobs: Iterable[Job], pages: int = TASK_PAGES, most: int = TASK_JOBS) -> Iterator[list[Job]]:
    """Consecutive jobs grouped into tasks of about ``pages`` pages.

    >>> [len(c) for c in chunk_jobs([Job(str(n), [], "", "json", estimated_pages=5) for n in range(5)], pages=10)]
    [2, 2, 1]
    """
    chunk: list[Job] = []
    size = 0
    for job in jobs:
        chunk.append(job)
        size += max(1, job.estimated_pages)
        if size >= pages or len(chunk) >= most:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_jobs_watched(
    jobs: list[Job], timeout: float | None, task: Callable[..., Result] = run_job
) -> tuple[list[Result], str | None]:
    """Run ``jobs`` one after the other as :func:`run_job_watched` does;
    stop at one that times out.  Returns the results of the jobs run (the
    rest were not begun) and, on a timeout, this worker's address."""
    results = []
    for job in jobs:
        result, hung_worker = run_job_watched(job, timeout, task)
        results.append(result)
        if hung_worker:
            return results, hung_worker
    return results, None


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
    settings = {
        "distributed.worker.multiprocessing-method": "forkserver",
        # The statistical profiler samples the parsing thread every 10 ms for
        # a dashboard this cluster does not serve.
        "distributed.worker.profile.enabled": False,
    }
    with dask.config.set(settings):
        # Dask sets the fork server's imports on its first use of the context
        # (itself and its optional packages); the workers need the parser.
        from distributed.utils import get_mp_context

        get_mp_context()
        ctx.set_forkserver_preload(["distributed", *PRELOAD_MODULES])
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
    def __init__(
        self,
        workers: int,
        scheduler: str | None = None,
        timeout: float | None = None,
        task: Callable[..., Result] = run_job,
    ) -> None:
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.timeout = timeout
        self.task = task
        self.client: Any = None
        self.cluster: Any = None
        self._booting: threading.Thread | None = None
        self._boot_error: BaseException | None = None

    def start(self) -> None:
        """Connect to the scheduler or start the LocalCluster in the
        background and return at once, so that the workers boot (a second
        or more: the fork server imports Dask and the parser) while the
        caller plans, as the local engine's do."""
        require_dask()
        if self.client is None and self._booting is None:
            self._booting = threading.Thread(target=self._boot, name="jianbao-dask-boot", daemon=True)
            self._booting.start()

    def _boot(self) -> None:
        try:
            self._connect()
        except BaseException as err:  # re-raised by the caller's thread
            self._boot_error = err

    def _join_boot(self) -> None:
        """Wait for :meth:`start`'s thread; raise what it raised."""
        if self._booting is None:
            return
        self._booting.join()
        self._booting = None
        if self._boot_error is not None:
            err, self._boot_error = self._boot_error, None
            raise err

    def _connect(self) -> None:
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
            self._close_connection()
            raise InputError(self.scheduler or "LocalCluster", f"cannot reach the Dask scheduler: {err}") from None
        # Every worker, and every one the nanny restarts, imports the parser
        # before its first task (workers from a remote cluster, or a nanny's
        # replacement, did not come from our fork server).
        self.client.register_plugin(_preload_plugin(distributed))

    def run(
        self,
        jobs: Iterable[Job],
        on_result: Callable[[Result], None],
        on_page: Callable[[str, int], None] | None = None,
    ) -> None:
        """Run every job; each ends in exactly one ``on_result`` call."""
        try:
            self.start()
            self._join_boot()
            self._run(self.client, require_dask(), jobs, on_result)
        finally:
            self.close()

    def close(self) -> None:
        try:
            self._join_boot()
        except Exception:
            pass  # closing: a cluster that failed to start needs no stopping
        self._close_connection()

    def _close_connection(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def _run(self, client: Any, distributed: Any, jobs: Iterable[Job], on_result: Callable[[Result], None]) -> None:
        window = max(2 * self.workers, 2 * len(client.scheduler_info().get("workers", {})))
        pending = chunk_jobs(jobs)
        futures = distributed.as_completed()
        by_future: dict[Any, list[Job]] = {}
        deaths: Counter[str] = Counter()
        submitted = 0
        # Issues that were on a worker when it died, sent again one at a
        # time: only the one suspect in flight can be blamed for a death.
        suspects: deque[list[Job]] = deque()
        lone: list[Any] = []  # the suspect's future, and the restarts before it
        restarts = 0  # hung workers restarted so far

        def submit(chunk: list[Job]) -> Any:
            nonlocal submitted
            submitted += 1
            key = f"jianbao-{submitted}-{chunk[0].key}"
            future = client.submit(run_jobs_watched, chunk, self.timeout, self.task, key=key, pure=False)
            by_future[future] = chunk
            futures.add(future)
            return future

        def next_suspect() -> None:
            if not lone and suspects:
                lone[:] = [submit(suspects.popleft()), restarts]

        def top_up() -> None:
            while len(by_future) < window:
                chunk = next(pending, None)
                if chunk is None:
                    return
                submit(chunk)

        top_up()
        for future in futures:
            chunk = by_future.pop(future)
            alone = bool(lone) and lone[0] is future
            # A death counts against the suspect only when nothing else was
            # being retried and no hung worker was restarted meanwhile.
            blameable = alone and lone[1] == restarts
            if alone:
                lone.clear()
            try:
                results, hung_worker = future.result()
            except Exception as err:  # KilledWorker and friends: a job of the task crashed the worker
                results, hung_worker = [], None
                if blameable:
                    deaths[chunk[0].key] += 1
                if deaths[chunk[0].key] >= DEATHS_TO_BLAME:
                    results = [Result(chunk[0].key, ok=False, error=f"worker died ({type(err).__name__})")]
                elif alone:
                    suspects.appendleft(chunk)  # perhaps killed with a worker another issue crashed
                else:
                    suspects.extend([job] for job in chunk)  # alone, so that only the culprit fails
            future.release()
            for result in results:
                on_result(result)
            if hung_worker:
                restarts += 1
                try:
                    client.restart_workers([hung_worker])
                except Exception:
                    pass  # a worker that will not restart is the cluster's business
            if results and len(results) < len(chunk):
                submit(chunk[len(results) :])  # not begun: the worker stopped at a hung job
            next_suspect()
            top_up()
