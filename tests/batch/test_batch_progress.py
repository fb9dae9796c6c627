"""The progress display and the archive hook, on a small run."""

import io

import pytest
from rich.console import Console

from jianbao.batch import BatchConfig, run_batch
from jianbao.batch.progress import ProgressHooks, print_summary


def test_progress_bar_counts_pages_and_shows_speed(small_tree, tmp_path):
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=True, width=120)
    hooks = ProgressHooks(console)
    summary = run_batch(BatchConfig(input_dir=small_tree, out_dir=tmp_path / "out", workers=2), hooks)
    shown = sink.getvalue()
    assert "pages/s" in shown and "ETA" in shown
    assert "issues 4/4" in shown
    print_summary(console, summary, "report.json")
    assert "issues: 4 (4 parsed, 0 already done, 0 failed)" in sink.getvalue()


def test_issues_are_indexed_into_the_archive(small_tree, tmp_path):
    archive = pytest.importorskip("jianbao.archive")
    if not hasattr(archive, "index_issue"):
        pytest.skip("archive without index_issue")
    db = tmp_path / "archive.db"
    summary = run_batch(BatchConfig(input_dir=small_tree, out_dir=tmp_path / "out", workers=1, db=db))
    assert summary.exit_code == 0, summary.failures
    assert db.exists() and db.stat().st_size > 0
