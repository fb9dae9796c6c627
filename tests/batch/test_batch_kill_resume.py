"""A run killed with SIGKILL mid-way, then resumed, ends with exactly the
expected outputs, manifest rows and table rows."""

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from batch_inputs import write_issue_folder
from jianbao.batch.manifest import Manifest
from jianbao.batch.runner import manifest_path

ISSUES = 150


def batch_command(root: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "jianbao", "batch", str(root), "--out", str(out), "-j", "2", "--tables", "-q"]


def finished_rows(out: Path) -> int:
    path = manifest_path(out)
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM issues WHERE status = 'ok'").fetchone()[0]
    except sqlite3.Error:
        return 0


def wait_for_first_finished_issue(out: Path, proc: subprocess.Popen, limit: float = 120.0) -> None:
    """Return once an output exists and the manifest records an issue."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if any(out.glob("*.jsonl")) and finished_rows(out):
            return
        time.sleep(0.02)  # polling for the first result, not waiting out a duration
    raise AssertionError("the run finished or stalled before it could be killed")


def test_kill_9_mid_run_then_resume_completes_the_set(tmp_path):
    root, out = tmp_path / "in", tmp_path / "out"
    for n in range(ISSUES):
        write_issue_folder(root, f"issue{n:03d}", pages=2, issue=n)
    expected = {f"issue{n:03d}.jsonl" for n in range(ISSUES)}

    proc = subprocess.Popen(batch_command(root, out), start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        wait_for_first_finished_issue(out, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the coordinator and every worker, like a power cut
        proc.wait()
    done_before = {p.name for p in out.glob("*.jsonl")}
    assert done_before and done_before != expected, "kill came too late to test resume"

    resumed = subprocess.run(batch_command(root, out), capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr

    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.relative_to(out).parts[0].startswith("_")}
    assert files == expected
    assert not list(out.rglob("*.part"))
    manifest = Manifest(manifest_path(out))
    try:
        entries = list(manifest.entries())
    finally:
        manifest.close()
    assert sorted(e.key for e in entries) == sorted(name[:-6] for name in expected)
    assert {e.status for e in entries} == {"ok"}
    pages = pq.read_table(out / "_tables" / "pages.parquet").to_pylist()
    assert len(pages) == 2 * ISSUES
    assert len({(p["issue"], p["page"]) for p in pages}) == 2 * ISSUES
    skipped = re.search(r"(\d+) already done", resumed.stderr)
    assert skipped and 0 < int(skipped[1]) < ISSUES, resumed.stderr
