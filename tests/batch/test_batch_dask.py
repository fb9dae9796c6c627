"""The Dask engine (LocalCluster) writes what the local engine writes."""

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from jianbao.batch import BatchConfig, run_batch
from jianbao.batch.manifest import Manifest
from jianbao.batch.runner import manifest_path

pytest.importorskip("distributed")


def issue_files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and not p.relative_to(out).parts[0].startswith("_")
    }


def manifest_rows(out: Path) -> list[tuple]:
    m = Manifest(manifest_path(out))
    try:
        return [(e.key, e.checksum, e.status, e.inputs, e.pages, e.articles, e.output, e.error) for e in m.entries()]
    finally:
        m.close()


def test_local_and_dask_engines_give_identical_outputs_and_manifest(small_tree, tmp_path):
    (small_tree / "empty.txt").write_bytes(b"")
    local, dask = tmp_path / "local", tmp_path / "dask"
    a = run_batch(BatchConfig(input_dir=small_tree, out_dir=local, workers=2, tables=True))
    b = run_batch(BatchConfig(input_dir=small_tree, out_dir=dask, workers=2, tables=True, engine="dask"))
    assert (a.parsed, a.failed) == (b.parsed, b.failed) == (4, 1)
    assert issue_files(local) == issue_files(dask)
    assert manifest_rows(local) == manifest_rows(dask)
    for table in ("articles", "pages"):
        assert pq.read_table(local / "_tables" / f"{table}.parquet").equals(pq.read_table(dask / "_tables" / f"{table}.parquet"))


def test_an_existing_scheduler_is_used_when_given(small_tree, tmp_path):
    import distributed

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        summary = run_batch(
            BatchConfig(
                input_dir=small_tree, out_dir=tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address
            )
        )
    assert (summary.parsed, summary.failed) == (4, 0)
    assert len(issue_files(tmp_path / "out")) == 4


def test_a_hung_issue_is_given_up_after_the_timeout(tmp_path):
    from batch_tasks import misbehaving_task
    from batch_inputs import write_issue_folder
    from jianbao.batch.dask_engine import run_job_watched
    from jianbao.batch.work import Job

    folder = write_issue_folder(tmp_path, "hang", pages=1)
    job = Job(key="hang", inputs=[str(folder / "p1.txt")], output=str(tmp_path / "hang.jsonl"), fmt="jsonl", checksum="c")
    result, worker = run_job_watched(job, 0.3, task=misbehaving_task)
    assert not result.ok and "timed out" in result.error
    assert worker is None  # not inside a Dask worker: nothing to restart
    ok_job = Job(key="ok", inputs=[str(folder / "p1.txt")], output=str(tmp_path / "ok.jsonl"), fmt="jsonl", checksum="c")
    result, worker = run_job_watched(ok_job, 30, task=misbehaving_task)
    assert result.ok and worker is None


def test_tasks_carry_several_issues_of_about_so_many_pages():
    from jianbao.batch.dask_engine import chunk_jobs
    from jianbao.batch.work import Job

    jobs = [Job(str(n), [], "", "json", estimated_pages=pages) for n, pages in enumerate([4, 4, 4, 30, 1, 1])]
    assert [[j.key for j in chunk] for chunk in chunk_jobs(jobs, pages=10, most=8)] == [["0", "1", "2"], ["3"], ["4", "5"]]
    assert [len(chunk) for chunk in chunk_jobs(jobs * 2, pages=1000, most=5)] == [5, 5, 2]


def test_only_the_issue_that_crashes_or_hangs_a_worker_fails_each_reported_once(tmp_path):
    """Tasks carry two issues each here: [hang, a] [b, crash] [c, d].  The
    crashing task is split so that b is parsed; a, not begun when its
    worker hung, is sent again."""
    import dask

    from batch_inputs import write_issue_folder
    from batch_tasks import misbehaving_task
    from jianbao.batch.dask_engine import DaskEngine
    from jianbao.batch.work import Job

    folder = write_issue_folder(tmp_path, "issue", pages=1)
    keys = ["hang", "a", "b", "crash", "c", "d"]
    jobs = [
        Job(key=k, inputs=[str(folder / "p1.txt")], output=str(tmp_path / f"{k}.jsonl"), fmt="jsonl", checksum="c", estimated_pages=6)
        for k in keys
    ]
    results = []
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        DaskEngine(2, timeout=2.0, task=misbehaving_task).run(jobs, results.append)
    assert sorted(r.key for r in results) == sorted(keys)
    by_key = {r.key: r for r in results}
    assert "timed out" in by_key["hang"].error
    assert "worker died" in by_key["crash"].error
    assert all(by_key[k].ok for k in "abcd")


class _Queued:
    """A stand-in Dask future: its task's jobs, and whether the worker it
    was queued on died under it."""

    def __init__(self, chunk):
        self.chunk = chunk
        self.killed = False

    def result(self):
        if self.killed or any(job.key == "crash" for job in self.chunk):
            raise RuntimeError("KilledWorker")
        from jianbao.batch.work import Result

        return [Result(job.key, ok=True, pages=1) for job in self.chunk], None

    def release(self):
        pass


class _OneWorkerCluster:
    """A client and as_completed for one worker that runs its queue in
    order: a task that crashes it fails every task queued behind it, as
    Dask fails every task on a worker that dies."""

    def __init__(self):
        self.queue = []

    def scheduler_info(self):
        return {"workers": {"w": {}}}

    def submit(self, fn, chunk, *args, **kwargs):
        future = _Queued(chunk)
        self.queue.append(future)
        return future

    def restart_workers(self, workers):
        pass

    def as_completed(self):
        return self

    def add(self, future):
        pass

    def __iter__(self):
        while self.queue:
            future = self.queue.pop(0)
            if any(job.key == "crash" for job in future.chunk):
                for queued in self.queue:
                    queued.killed = True
            yield future


def test_an_issue_queued_behind_a_crashing_one_is_not_blamed_for_its_crashes():
    """[crash, b] dies; sent again one at a time, b parses and only crash
    is reported, however often crash takes down the worker."""
    from jianbao.batch.dask_engine import DEATHS_TO_BLAME, DaskEngine
    from jianbao.batch.work import Job

    cluster = _OneWorkerCluster()
    engine = DaskEngine(1)
    results = []
    jobs = [Job(key=k, inputs=[], output="", fmt="json", estimated_pages=1) for k in ("crash", "b")]
    engine._run(cluster, cluster, jobs, results.append)
    by_key = {r.key: r for r in results}
    assert sorted(by_key) == ["b", "crash"] and len(results) == 2
    assert by_key["b"].ok
    assert not by_key["crash"].ok and "worker died" in by_key["crash"].error
    assert DEATHS_TO_BLAME > 1
