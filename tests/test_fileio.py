"""Output files: whole or absent, and readable as any file the user writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from jianbao.fileio import atomic_output, files_under, new_file_mode, write_atomic


def test_an_output_is_written_whole_with_the_mode_a_plain_file_gets(tmp_path: Path) -> None:
    """The temporary file is private (0600); the output it becomes is not."""
    target = tmp_path / "out" / "issue.json"
    write_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode) == new_file_mode()


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "issue.json"
    with pytest.raises(RuntimeError):
        with atomic_output(target) as fh:
            fh.write("half")
            raise RuntimeError("interrupted")
    assert os.listdir(tmp_path) == []


def test_files_in_linked_folders_are_found_once_and_a_link_loop_ends(tmp_path: Path) -> None:
    """An archive spread over disks is joined by links: files behind a
    linked folder are found; a link back up the tree is not walked twice."""
    disk = tmp_path / "disk2" / "2020"
    disk.mkdir(parents=True)
    (disk / "p1.txt").write_text("x", encoding="utf-8")
    root = tmp_path / "archive"
    (root / "2019").mkdir(parents=True)
    (root / "2019" / "p1.txt").write_text("x", encoding="utf-8")
    (root / "2020").symlink_to(disk, target_is_directory=True)
    (root / "2019" / "up").symlink_to(root, target_is_directory=True)
    found = sorted(p.relative_to(root).as_posix() for p in files_under(root))
    assert found == ["2019/p1.txt", "2020/p1.txt"]


def test_the_cache_folder_follows_xdg_cache_home(tmp_path, monkeypatch) -> None:
    from jianbao.fileio import cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "jianbao"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir().parts[-2:] == (".cache", "jianbao")
