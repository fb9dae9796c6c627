"""The supervised pool: crashes, hangs and worker recycling."""

from pathlib import Path

from batch_tasks import counting_task, misbehaving_task
from batch_inputs import write_issue_folder
from jianbao.batch.local import LocalPool
from jianbao.batch.work import Job


def jobs_for(root: Path, names: list[str]) -> list[Job]:
    jobs = []
    for name in names:
        folder = write_issue_folder(root, name, pages=1)
        jobs.append(Job(key=name, inputs=[str(folder / "p1.txt")], output=str(root / "out" / f"{name}.jsonl"), fmt="jsonl", checksum="c"))
    return jobs


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
