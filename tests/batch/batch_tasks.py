"""Stand-in worker tasks that misbehave, for the supervised pool's tests.

They live in a module of their own because a worker process imports its
task by name."""

from __future__ import annotations

import os
import signal
import threading

from jianbao.batch.work import Result, run_job


def misbehaving_task(job, on_page=None):
    """Crash on an issue named ``crash``, hang on ``hang``, else parse."""
    if job.key.endswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if job.key.endswith("hang"):
        threading.Event().wait()
    return run_job(job, on_page)


def counting_task(job, on_page=None):
    """Report which process ran the job (to see workers being retired)."""
    return Result(job.key, ok=True, pages=1, articles=os.getpid())
