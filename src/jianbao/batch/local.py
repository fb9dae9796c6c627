"""The local engine: a supervised pool of worker processes.

Why not a bare ``ProcessPoolExecutor``: it cannot kill one hung task, and a
worker that crashes (a segfault in a PDF library) breaks the whole pool and
every task in flight.  Here each worker runs one issue at a time and reports
when it starts an issue and each page it finishes, so the coordinator knows
which issue a worker is running and how long since its last page.

Each worker holds its running issue and one queued issue, sent ahead
through its pipe, so it starts the next issue the moment it finishes one
instead of waiting for the coordinator (which shares the cores with the
workers) to wake up, record the result and send more work.  An issue counts
as running from the worker's "start" message for it:

- a worker that dies is replaced and only the issue it was running is
  reported failed; its queued issue goes back to the front of the pending
  issues and runs on a fresh worker (never reported failed, never lost,
  never run twice).  A worker that dies before starting its first issue
  fails that issue, so an issue that kills every worker cannot circulate;
- a worker with no finished page for ``timeout`` seconds, counted from the
  start of the issue it is running, is killed, that issue reported as timed
  out, and its queued issue goes back as above;
- a worker is sent at most ``max_tasks_per_child`` issues and is retired
  once it has finished them all (it then holds no queued issue), so
  whatever a parser leaks cannot grow over a long run (memory stays flat);
- every issue ends in exactly one ``on_result`` call; Ctrl-C or an error in
  the caller stops the workers, and issues not finished by then get none.

Near the end of a run, when fewer issues are pending than there are
workers, none is queued behind a running one: the last issues go to
whichever worker is free first, so no worker idles at the end while another
still has an issue waiting behind a long one.

Workers start from a fork server that has the parser and the PDF library
imported, so starting or replacing one costs milliseconds, and they never
inherit the coordinator's threads (the progress display) or open files.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable

from jianbao.batch.work import PRELOAD_MODULES, Job, Result, run_job

# Seconds a new worker may take to start on its first job (a loaded machine
# can be slow to fork); the per-page timeout counts from its "start".
STARTUP_GRACE = 60.0

# Jobs a worker holds at once: the one it runs and the one queued behind it.
JOBS_PER_WORKER = 2



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
    """One worker process and the jobs sent to it.

    ``held[0]`` is the job the worker runs (once ``started``) or starts
    next; any job behind it is queued in the pipe, not yet touched."""

    process: mp.process.BaseProcess
    conn: Connection
    held: deque[Job] = field(default_factory=deque)
    started: bool = False
    deadline: float | None = None
    sent: int = 0  # jobs sent to this worker process over its life

    def finished_any(self) -> bool:
        return self.sent > len(self.held)


class PendingJobs:
    """Jobs not yet sent to a worker: the caller's jobs, in order, behind
    any job handed back by a worker that died before starting it."""

    def __init__(self, jobs: Iterable[Job]) -> None:
        self._jobs = iter(jobs)
        self._front: deque[Job] = deque()

    def take(self) -> Job | None:
        if self._front:
            return self._front.popleft()
        return next(self._jobs, None)

    def hand_back(self, jobs: list[Job]) -> None:
        """Put ``jobs`` (in their order) ahead of every other pending job."""
        self._front.extendleft(reversed(jobs))

    def at_least(self, count: int) -> bool:
        """Whether ``count`` or more jobs are still pending (reads ahead of
        the caller's iterator by at most ``count`` jobs)."""
        while len(self._front) < count:
            job = next(self._jobs, None)
            if job is None:
                return False
            self._front.append(job)
        return True


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
        self.pending = PendingJobs(())
        self._booting: threading.Thread | None = None
        self._booted: list[Slot] = []
        self._boot_error: BaseException | None = None

    def start(self) -> None:
        """Start the workers in the background and return at once, so they
        boot while the caller plans: the first worker waits for the fork
        server to import the parser, a second or more of work that would
        otherwise come before planning, not beside it."""
        if self._booting is None and len(self.slots) < self.workers:
            self._booting = threading.Thread(target=self._boot, name="jianbao-batch-boot", daemon=True)
            self._booting.start()

    def _boot(self) -> None:
        try:
            while len(self._booted) < self.workers - len(self.slots):
                self._booted.append(self._start())
        except BaseException as err:  # re-raised by the caller's thread
            self._boot_error = err

    def _started(self) -> None:
        """Make sure there are ``workers`` workers, waiting for those
        :meth:`start` is booting."""
        self._join_boot()
        while len(self.slots) < self.workers:
            self.slots.append(self._start())

    def _join_boot(self) -> None:
        """Wait for the boot thread and take over the workers it started."""
        if self._booting is None:
            return
        self._booting.join()
        self._booting = None
        self.slots.extend(self._booted)
        self._booted = []
        if self._boot_error is not None:
            err, self._boot_error = self._boot_error, None
            raise err

    def run(
        self,
        jobs: Iterable[Job],
        on_result: Callable[[Result], None],
        on_page: Callable[[str, int], None] | None = None,
    ) -> None:
        """Run every job; each ends in exactly one ``on_result`` call."""
        self.pending = PendingJobs(jobs)
        try:
            while True:
                self._fill()
                busy = [s for s in self.slots if s.held]
                if not busy:
                    break
                self._step(busy, on_result, on_page)
        finally:
            self.close()

    def _fill(self) -> None:
        """Give every idle worker a job first, then queue one more behind
        each running job while enough jobs remain to keep all workers busy."""
        self._started()
        for slot in self.slots:
            if not slot.held and not self._send_next(slot):
                return
        for slot in self.slots:
            while len(slot.held) < JOBS_PER_WORKER and self.pending.at_least(self.workers):
                if not self._send_next(slot):
                    break

    def _send_next(self, slot: Slot) -> bool:
        """Send ``slot`` the next pending job; False when none is pending or
        the worker has been sent all it may run before it is retired."""
        if slot.held and slot.sent >= self.max_tasks:
            return False
        job = self.pending.take()
        if job is None:
            return False
        if not slot.held:
            if slot.sent >= self.max_tasks or not slot.process.is_alive():
                self._renew(slot, kill=False)  # retire it: it holds no job now
            slot.started = False
            slot.deadline = self._deadline(STARTUP_GRACE if slot.sent == 0 else 0.0)
        slot.held.append(job)
        slot.sent += 1
        try:
            slot.conn.send(job)
        except OSError:
            pass  # the worker died just now: the next wait sees it
        return True

    def _step(self, busy: list[Slot], on_result: Callable[[Result], None], on_page: Callable[[str, int], None] | None) -> None:
        waits = [s.deadline for s in busy if s.deadline is not None]
        timeout = max(0.0, min(waits) - time.monotonic()) if waits else None
        ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout))
        for slot in busy:
            if slot.conn in ready or slot.process.sentinel in ready:
                self._drain(slot, on_result, on_page)
        now = time.monotonic()
        for slot in busy:
            if slot.held and slot.deadline is not None and now >= slot.deadline:
                self._drain(slot, on_result, on_page)
                if slot.held and slot.deadline is not None and now >= slot.deadline:
                    self._replace(slot, on_result, on_page, f"timed out: no page finished within {self.timeout:g} s")

    def _drain(self, slot: Slot, on_result: Callable[[Result], None], on_page: Callable[[str, int], None] | None) -> None:
        """Read what a worker has sent; a worker that died holding a job
        is replaced."""
        self._read_messages(slot, on_result, on_page)
        if slot.held and not slot.process.is_alive():
            self._replace(slot, on_result, on_page, f"worker died ({_exit_reason(slot.process.exitcode)})")

    def _read_messages(self, slot: Slot, on_result: Callable[[Result], None], on_page: Callable[[str, int], None] | None) -> None:
        while slot.held and slot.conn.poll():
            try:
                message = slot.conn.recv()
            except (EOFError, OSError):
                return
            if message[0] == "start":
                slot.started = True
                slot.deadline = self._deadline()
            elif message[0] == "page":
                slot.deadline = self._deadline()
                if on_page:
                    on_page(message[1], message[2])
            else:
                slot.held.popleft()
                slot.started = False
                # The worker goes straight on to its queued job, if any.
                slot.deadline = self._deadline() if slot.held else None
                on_result(message[1])

    def _replace(
        self,
        slot: Slot,
        on_result: Callable[[Result], None],
        on_page: Callable[[str, int], None] | None,
        reason: str,
    ) -> None:
        """Kill ``slot``'s worker and start a fresh one.  The job it was
        running fails with ``reason``; jobs it had not started go back to
        the front of the pending jobs."""
        _kill(slot.process)
        # What the worker sent before it stopped still counts: a result it
        # finished is reported, a "start" marks the job it was running.
        self._read_messages(slot, on_result, on_page)
        failed = self._job_to_fail(slot)
        unstarted = [job for job in slot.held if job is not failed]
        self._renew(slot, kill=True)
        self.pending.hand_back(unstarted)
        if failed is not None:
            on_result(Result(failed.key, ok=False, error=reason))

    def _job_to_fail(self, slot: Slot) -> Job | None:
        """The job a dead or hung worker is blamed for: the one it started,
        or, for a worker that never finished a job, the first one it was
        sent (so a worker that cannot even start fails that job instead of
        passing it on forever)."""
        if not slot.held:
            return None
        if slot.started or not slot.finished_any():
            return slot.held[0]
        return None

    def _renew(self, slot: Slot, kill: bool) -> None:
        """Stop ``slot``'s worker and put a fresh one, holding nothing, in
        its place."""
        self._stop(slot, kill=kill)
        fresh = self._start()
        slot.process, slot.conn = fresh.process, fresh.conn
        slot.held, slot.started, slot.deadline, slot.sent = deque(), False, None, 0

    def _start(self) -> Slot:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=worker_main, args=(child, self.task), daemon=True, name="jianbao-batch-worker")
        process.start()
        child.close()
        return Slot(process=process, conn=parent)

    def _stop(self, slot: Slot, kill: bool) -> None:
        if kill:
            _kill(slot.process)
        else:
            try:
                slot.conn.send(None)
            except (OSError, ValueError):
                pass
        slot.process.join(timeout=5)
        if slot.process.is_alive():
            _kill(slot.process)
        slot.conn.close()

    def _deadline(self, at_least: float = 0.0) -> float | None:
        return time.monotonic() + max(self.timeout, at_least) if self.timeout else None

    def close(self) -> None:
        try:
            self._join_boot()
        except Exception:
            pass  # closing: workers that failed to start need no stopping
        for slot in self.slots:
            self._stop(slot, kill=bool(slot.held))
        self.slots = []


def _kill(process: mp.process.BaseProcess) -> None:
    """Kill ``process`` and wait until it is gone (its pipe then holds all
    it will ever send)."""
    try:
        process.kill()
    except (OSError, ValueError):
        pass
    process.join()


def _context() -> mp.context.BaseContext:
    try:
        ctx = mp.get_context("forkserver")
    except ValueError:  # no fork server on this platform
        return mp.get_context("spawn")
    ctx.set_forkserver_preload(PRELOAD_MODULES)
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
