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
