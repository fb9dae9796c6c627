"""Fixtures for the batch tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from batch_inputs import make_pdf, page_text, write_issue_folder


@pytest.fixture
def small_tree(tmp_path: Path) -> Path:
    """Four good issues in the three naming styles, one of them a PDF."""
    root = tmp_path / "in"
    write_issue_folder(root, "2020/daily-0101", pages=2, issue=1)
    write_issue_folder(root, "2020/daily-0102", pages=3, issue=2)
    for page in (1, 2):
        (root / "2020" / f"daily-2020-01-03-p0{page}.txt").write_text(page_text(3, page), encoding="utf-8")
    make_pdf(root / "2020" / "daily-0104" / "issue.pdf", [page_text(4, 1), page_text(4, 2)])
    return root
