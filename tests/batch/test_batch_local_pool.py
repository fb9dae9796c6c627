"""The supervised pool: crashes, hangs, worker recycling, and the job each
worker holds queued behind the one it runs."""

import os
import signal
import threading
import time
from collections import Counter
from pathlib import Path

from batch_tasks import counting_task, misbehaving_task
from batch_inputs import write_issue_folder
from jianbao.batch.local import LocalPool
from jianbao.batch.work import Job, Result


def jobs_for(root: Path, names: list[str]) -> list[Job]:
    jobs = []
    for name in names:
        folder = write_issue_folder(root, name, pages=1)
        jobs.append(Job(key=name, inputs=[str(folder / "p1.txt")], output=str(root / "out" / f"{name}.jsonl"), fmt="jsonl", checksum="c"))
    return jobs


def plain_jobs(root: Path, names: list[str]) -> list[Job]:
    """Jobs for :func:`logging_task`, which reads no input."""
    (root / "out").mkdir(parents=True, exist_ok=True)
    return [Job(key=name, inputs=[], output=str(root / "out" / f"{name}.jsonl"), fmt="jsonl", checksum="c") for name in names]


def logging_task(job, on_page=None):
    """Note each start (key, process, time) in ``runs.log`` next to the
    job's output, then crash on ``*crash``, hang on ``*hang``, sleep a
    second on ``*slow``; otherwise succeed, reporting the process id.

    Module-level, since a worker imports its task by name."""
    with open(Path(job.output).parent / "runs.log", "a", encoding="utf-8") as log:
        log.write(f"{job.key} {os.getpid()} {time.time()}\n")
    if job.key.endswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if job.key.endswith("hang"):
        threading.Event().wait()
    if job.key.endswith("slow"):
        time.sleep(1.0)
    return Result(job.key, ok=True, pages=1, articles=os.getpid())


class Unreadable:
    """A value a worker cannot unpickle: it dies before it starts the job."""

    def __reduce__(self):
        return (_refuse, ())


def _refuse():
    raise RuntimeError("this job cannot be read")


def runs(root: Path) -> list[tuple[str, int, float]]:
    """Every job start the workers logged, in order."""
    lines = (root / "out" / "runs.log").read_text(encoding="utf-8").splitlines()
    return [(key, int(pid), float(at)) for key, pid, at in (line.split() for line in lines)]


def run_pool(pool: LocalPool, jobs: list[Job]) -> dict[str, Result]:
    """Run ``jobs``, asserting that each ends in exactly one result."""
    reported = []
    pool.run(jobs, reported.append)
    counts = Counter(r.key for r in reported)
    assert counts == Counter(job.key for job in jobs), counts
    return {r.key: r for r in reported}


def test_a_crashing_and_a_hanging_issue_are_reported_and_the_rest_finish(tmp_path):
    jobs = jobs_for(tmp_path, ["a", "crash", "b", "hang", "c", "d"])
    results = {}
    LocalPool(2, timeout=2.0, task=misbehaving_task).run(jobs, lambda r: results.setdefault(r.key, r))
    assert set(results) == {"a", "crash", "b", "hang", "c", "d"}
    assert "SIGSEGV" in results["crash"].error
    assert "timed out" in results["hang"].error
    assert all(results[k].ok for k in "abcd")
    assert (tmp_path / "out" / "d.jsonl").exists()


def test_workers_are_retired_after_max_tasks(tmp_path):
    jobs = jobs_for(tmp_path, [f"i{n}" for n in range(6)])
    results = []
    LocalPool(1, max_tasks_per_child=2, task=counting_task).run(jobs, results.append)
    pids = [r.articles for r in results]
    assert len(results) == 6
    assert len(set(pids)) == 3


def test_a_worker_starts_its_queued_job_while_the_coordinator_is_busy(tmp_path):
    jobs = plain_jobs(tmp_path, ["first", "second", "third"])
    busy_until = {}

    def slow_to_record(result: Result) -> None:
        time.sleep(0.5)
        busy_until.setdefault(result.key, time.time())

    LocalPool(1, task=logging_task).run(jobs, slow_to_record)
    started = {key: at for key, _pid, at in runs(tmp_path)}
    assert started["second"] < busy_until["first"]


def test_a_crash_fails_only_the_running_job_and_its_queued_job_runs_once(tmp_path):
    jobs = plain_jobs(tmp_path, ["a", "crash", "b", "c"])
    results = run_pool(LocalPool(1, task=logging_task), jobs)
    assert "SIGSEGV" in results["crash"].error
    assert all(results[k].ok for k in "abc")
    assert Counter(key for key, _pid, _at in runs(tmp_path)) == Counter("a crash b c".split())
    pids = {key: pid for key, pid, _at in runs(tmp_path)}
    assert pids["b"] != pids["crash"]  # the queued job went to a fresh worker


def test_a_hang_fails_only_the_running_job_and_its_queued_job_runs_once(tmp_path):
    jobs = plain_jobs(tmp_path, ["hang", "b", "c"])
    results = run_pool(LocalPool(1, timeout=1.0, task=logging_task), jobs)
    assert "timed out" in results["hang"].error
    assert results["b"].ok and results["c"].ok
    assert Counter(key for key, _pid, _at in runs(tmp_path)) == Counter("hang b c".split())


def test_the_timeout_counts_from_the_start_of_the_job_not_from_when_it_was_queued(tmp_path):
    # Each job takes 1 s; the third is queued ~2 s before it finishes.
    jobs = plain_jobs(tmp_path, ["one-slow", "two-slow", "three-slow"])
    results = run_pool(LocalPool(1, timeout=1.6, task=logging_task), jobs)
    assert all(r.ok for r in results.values()), results


def test_workers_are_retired_after_max_tasks_with_jobs_queued(tmp_path):
    jobs = plain_jobs(tmp_path, [f"i{n:02d}" for n in range(11)])
    results = run_pool(LocalPool(2, max_tasks_per_child=3, task=logging_task), jobs)
    jobs_per_process = Counter(r.articles for r in results.values())
    assert max(jobs_per_process.values()) <= 3
    assert len(jobs_per_process) >= 4
    assert len(runs(tmp_path)) == 11  # none ran twice


def test_every_job_is_reported_once_whatever_fails(tmp_path):
    names = ["a", "b-crash", "c", "d-hang", "e", "f-crash", "g-crash", "h", "i", "j-hang", "k", "l"]
    jobs = plain_jobs(tmp_path, names)
    results = run_pool(LocalPool(2, timeout=1.0, max_tasks_per_child=2, task=logging_task), jobs)
    failed = {k for k, r in results.items() if not r.ok}
    assert failed == {"b-crash", "d-hang", "f-crash", "g-crash", "j-hang"}
    assert Counter(key for key, _pid, _at in runs(tmp_path)) == Counter(names)


def test_a_job_that_kills_every_worker_before_it_starts_fails_once(tmp_path):
    jobs = plain_jobs(tmp_path, ["a", "unreadable", "b", "c"])
    jobs[1].parts = {"articles": Unreadable()}
    results = run_pool(LocalPool(1, timeout=5.0, task=logging_task), jobs)
    assert "worker died" in results["unreadable"].error
    assert all(results[k].ok for k in "abc")
    assert Counter(key for key, _pid, _at in runs(tmp_path)) == Counter("a b c".split())


def test_workers_started_ahead_run_the_jobs(tmp_path):
    pool = LocalPool(2, task=logging_task)
    pool.start()  # returns while the workers boot
    results = run_pool(pool, plain_jobs(tmp_path, [f"i{n}" for n in range(6)]))
    assert len({r.articles for r in results.values()}) <= 2


def test_close_after_start_stops_the_workers_started_ahead():
    pool = LocalPool(2, task=logging_task)
    pool.start()
    pool._join_boot()
    processes = [slot.process for slot in pool.slots]
    pool.close()
    assert len(processes) == 2 and not any(p.is_alive() for p in processes)
    pool.close()  # a second close (the caller's, after run's own) starts nothing
    assert pool.slots == []
