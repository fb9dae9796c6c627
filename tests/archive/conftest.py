from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from archive_fixtures import sample_issues  # noqa: E402

from jianbao.archive.store import Archive  # noqa: E402


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    arc = Archive(tmp_path / "archive.db")
    for issue in sample_issues():
        arc.index_issue(issue)
    yield arc
    arc.close()
