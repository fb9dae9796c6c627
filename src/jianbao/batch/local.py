"""The local engine: a supervised pool of worker processes.

Why not a bare ``ProcessPoolExecutor``: it cannot kill one hung task, and a
worker that crashes (a segfault in a PDF library) breaks the whole pool and
every task in flight.  Here each worker runs one issue at a time and reports
each finished page, so the coordinator knows which issue a worker holds and
how long since its last page:

- a worker that dies is replaced, and only its issue is reported failed;
- a worker with no finished page for ``timeout`` seconds is killed, its
  issue reported as timed out, and a fresh worker takes the next issue;
- a worker is retired after ``max_tasks_per_child`` issues, so whatever a
  parser leaks cannot grow over a long run (memory stays flat).

Workers start from a fork server that has the parser imported, so starting
or replacing one costs milliseconds, and they never inherit the
coordinator's threads (the progress display) or open files.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable, Iterator

from jianbao.batch.work import Job, Result, run_job

# Seconds a new worker may take to start on its first job (a loaded machine
# can be slow to fork); the per-page timeout counts from its "start".
STARTUP_GRACE = 60.0

# Imported once in the fork server so that no worker pays for them.
PRELOAD = [
    "jianbao.batch.work",
    "jianbao.pipeline",
    "jianbao.readers.text",
    "jianbao.readers.pdf",
    "jianbao.assemble.text",
    "jianbao.assemble.geometry",
    "jianbao.enrich",
    "jianbao.link",
    "jianbao.export.json",
    "jianbao.export.parquet",
]


def worker_main(conn: Connection, task: Callable[..., Result] = run_job) -> None:
    """Run jobs sent by the coordinator until it sends ``None`` or goes away.

    ``task`` is :func:`run_job` except where a caller substitutes its own
    (a module-level function, since it crosses into the worker by name)."""
    # Ctrl-C reaches the whole process group; the coordinator handles it and
    # stops the workers, so a worker must not die mid-write on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(("start", job.key, 0))
            result = task(job, on_page=lambda n, key=job.key: conn.send(("page", key, n)))
            conn.send(("done", result))
        except (BrokenPipeError, OSError):
            return


@dataclass(slots=True)
class Slot:
    """One worker process and the job it holds."""

    process: mp.process.BaseProcess
    conn: Connection
    job: Job | None = None
    deadline: float | None = None
    tasks: int = 0


class LocalPool:
    def __init__(
        self,
        workers: int,
        timeout: float | None = None,
        max_tasks_per_child: int = 50,
        task: Callable[..., Result] = run_job,
    ) -> None:
        self.workers = max(1, workers)
        self.task = task
        self.timeout = timeout
        self.max_tasks = max(1, max_tasks_per_child)
        self.ctx = _context()
        self.slots: list[Slot] = []

    def start(self) -> None:
        """Start the workers now, so they boot while the caller plans."""
        while len(self.slots) < self.workers:
            self.slots.append(self._start())

    def run(
        self,
        jobs: Iterable[Job],
        on_result: Callable[[Result], None],
        on_page: Callable[[str, int], None] | None = None,
    ) -> None:
        """Run every job; each ends in exactly one ``on_result`` call."""
        pending = iter(jobs)
        try:
            while True:
                self._fill(pending)
                busy = [s for s in self.slots if s.job is not None]
                if not busy:
                    break
                self._step(busy, on_result, on_page)
        finally:
            self.close()

    def _fill(self, pending: Iterator[Job]) -> None:
        self.start()
        for slot in self.slots:
            if slot.job is None:
                job = next(pending, None)
                if job is None:
                    return
                if not slot.process.is_alive():
                    self._retire(slot)
                slot.job = job
                slot.deadline = self._deadline(STARTUP_GRACE)
                try:
                    slot.conn.send(job)
                except OSError:
                    pass  # the worker died just now: the next wait sees it

    def _step(self, busy: list[Slot], on_result: Callable[[Result], None], on_page: Callable[[str, int], None] | None) -> None:
        waits = [s.deadline for s in busy if s.deadline is not None]
        timeout = max(0.0, min(waits) - time.monotonic()) if waits else None
        ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout))
        for slot in busy:
            if slot.conn in ready or slot.process.sentinel in ready:
                self._drain(slot, on_result, on_page)
        now = time.monotonic()
        for slot in busy:
            if slot.job is not None and slot.deadline is not None and now >= slot.deadline:
                self._drain(slot, on_result, on_page)
                if slot.job is not None and slot.deadline is not None and now >= slot.deadline:
                    self._replace(slot, on_result, f"timed out: no page finished within {self.timeout:g} s")

    def _drain(self, slot: Slot, on_result: Callable[[Result], None], on_page: Callable[[str, int], None] | None) -> None:
        """Read what a worker has sent; a worker that died holding a job
        fails that job and is replaced."""
        while slot.job is not None and slot.conn.poll():
            try:
                message = slot.conn.recv()
            except (EOFError, OSError):
                break
            if message[0] == "start":
                slot.deadline = self._deadline()
            elif message[0] == "page":
                slot.deadline = self._deadline()
                if on_page:
                    on_page(message[1], message[2])
            else:
                slot.job = None
                slot.deadline = None
                slot.tasks += 1
                on_result(message[1])
                if slot.tasks >= self.max_tasks:
                    self._retire(slot)
                return
        if slot.job is not None and not slot.process.is_alive():
            self._replace(slot, on_result, f"worker died ({_exit_reason(slot.process.exitcode)})")

    def _replace(self, slot: Slot, on_result: Callable[[Result], None], reason: str) -> None:
        job = slot.job
        self._stop(slot, kill=True)
        fresh = self._start()
        slot.process, slot.conn, slot.job, slot.deadline, slot.tasks = fresh.process, fresh.conn, None, None, 0
        if job is not None:
            on_result(Result(job.key, ok=False, error=reason))

    def _retire(self, slot: Slot) -> None:
        self._stop(slot, kill=False)
        fresh = self._start()
        slot.process, slot.conn, slot.tasks = fresh.process, fresh.conn, 0

    def _start(self) -> Slot:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=worker_main, args=(child, self.task), daemon=True, name="jianbao-batch-worker")
        process.start()
        child.close()
        return Slot(process=process, conn=parent)

    def _stop(self, slot: Slot, kill: bool) -> None:
        try:
            if kill:
                slot.process.kill()
            else:
                slot.conn.send(None)
        except (OSError, ValueError):
            pass
        slot.process.join(timeout=5)
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join()
        slot.conn.close()

    def _deadline(self, at_least: float = 0.0) -> float | None:
        return time.monotonic() + max(self.timeout, at_least) if self.timeout else None

    def close(self) -> None:
        for slot in self.slots:
            self._stop(slot, kill=slot.job is not None)
        self.slots = []


def _context() -> mp.context.BaseContext:
    try:
        ctx = mp.get_context("forkserver")
    except ValueError:  # no fork server on this platform
        return mp.get_context("spawn")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "no exit code"
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"
