"""run_batch end to end on small invented trees (local engine)."""

import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from batch_inputs import page_text, write_issue_folder
from jianbao.batch import BatchConfig, run_batch
from jianbao.batch.manifest import Manifest
from jianbao.batch.runner import estimate_pages, manifest_path
from jianbao.errors import InputError


def outputs(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.relative_to(out).parts[0].startswith("_")}


def manifest_rows(out: Path) -> dict:
    m = Manifest(manifest_path(out))
    try:
        return {e.key: e for e in m.entries()}
    finally:
        m.close()


def run(root: Path, out: Path, **kw):
    return run_batch(BatchConfig(input_dir=root, out_dir=out, workers=kw.pop("workers", 2), **kw))


def test_writes_one_output_per_issue_mirroring_the_tree(small_tree, tmp_path):
    out = tmp_path / "out"
    summary = run(small_tree, out)
    assert summary.exit_code == 0
    assert outputs(out) == {
        "2020/daily-0101.jsonl",
        "2020/daily-0102.jsonl",
        "2020/daily-2020-01-03.jsonl",
        "2020/daily-0104.jsonl",
    }
    assert (summary.issues, summary.parsed, summary.failed, summary.pages) == (4, 4, 0, 9)
    rows = manifest_rows(out)
    assert rows["2020/daily-0102"].pages == 3 and rows["2020/daily-0102"].status == "ok"
    report = json.loads((out / "_batch" / "report.json").read_text(encoding="utf-8"))
    assert report["issues"] == 4 and report["failures"] == []


def test_a_whole_issue_in_one_text_file_is_one_issue_of_its_pages(tmp_path):
    # pdftotext issue.pdf writes a form feed after every page.
    root = tmp_path / "in"
    root.mkdir()
    (root / "daily-2020-02-01.txt").write_text("\f".join(page_text(7, n) for n in (1, 2, 3)) + "\f", encoding="utf-8")
    assert estimate_pages([root / "daily-2020-02-01.txt"]) == 3
    summary = run(root, tmp_path / "out", workers=1)
    assert (summary.issues, summary.parsed, summary.pages) == (1, 1, 3)


def test_an_issue_folder_whose_page_file_holds_several_pages_numbers_them_itself(tmp_path):
    # p1.txt holds pages 1 and 2 (a form feed between them), p3.txt page 3.
    folder = tmp_path / "in" / "daily-2020-02-02"
    folder.mkdir(parents=True)
    (folder / "p1.txt").write_text(page_text(8, 1) + "\f" + page_text(8, 2), encoding="utf-8")
    (folder / "p3.txt").write_text(page_text(8, 3), encoding="utf-8")
    summary = run(tmp_path / "in", tmp_path / "out", workers=1, fmt="json")
    assert (summary.parsed, summary.failed, summary.pages) == (1, 0, 3)
    issue = json.loads((tmp_path / "out" / "daily-2020-02-02.json").read_text(encoding="utf-8"))
    assert [p["page"] for p in issue["pages"]] == [1, 2, 3]


def test_json_format_holds_the_whole_issue(small_tree, tmp_path):
    out = tmp_path / "out"
    run(small_tree, out, fmt="json", workers=1)
    issue = json.loads((out / "2020/daily-0102.json").read_text(encoding="utf-8"))
    assert [p["page"] for p in issue["pages"]] == [1, 2, 3]


def test_corrupt_and_empty_files_are_reported_and_the_run_goes_on(small_tree, tmp_path):
    (small_tree / "bad").mkdir()
    (small_tree / "bad" / "empty.txt").write_bytes(b"")
    (small_tree / "bad" / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (small_tree / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    summary = run(small_tree, out)
    assert summary.exit_code == 1
    assert summary.parsed == 4
    assert {f["issue"] for f in summary.failures} == {"bad/empty", "bad/broken", "bad/binary"}
    assert all(f["error"] for f in summary.failures)
    assert not any(name.startswith("bad/") for name in outputs(out))
    report = json.loads((out / "_batch" / "report.json").read_text(encoding="utf-8"))
    assert [f["issue"] for f in report["failures"]] == ["bad/binary", "bad/broken", "bad/empty"]
    assert manifest_rows(out)["bad/empty"].status == "failed"


def test_rerun_skips_finished_issues_and_redoes_changed_ones(small_tree, tmp_path):
    out = tmp_path / "out"
    run(small_tree, out)
    again = run(small_tree, out)
    assert (again.skipped, again.parsed) == (4, 0)
    assert again.total_pages == 9

    changed = small_tree / "2020" / "daily-0102" / "p2.txt"
    changed.write_text(page_text(9, 2) + "补充消息。\n", encoding="utf-8")
    before = manifest_rows(out)["2020/daily-0102"].checksum
    third = run(small_tree, out)
    assert (third.skipped, third.parsed) == (3, 1)
    assert manifest_rows(out)["2020/daily-0102"].checksum != before
    assert "补充消息" in (out / "2020/daily-0102.jsonl").read_text(encoding="utf-8")


def test_a_deleted_output_is_written_again(small_tree, tmp_path):
    out = tmp_path / "out"
    run(small_tree, out)
    (out / "2020/daily-0101.jsonl").unlink()
    assert run(small_tree, out).parsed == 1
    assert (out / "2020/daily-0101.jsonl").exists()


def test_an_issue_that_now_fails_loses_its_old_output(small_tree, tmp_path):
    out = tmp_path / "out"
    run(small_tree, out)
    for page in (small_tree / "2020" / "daily-0101").iterdir():
        page.write_bytes(b"")
    summary = run(small_tree, out)
    assert summary.failed == 1
    assert not (out / "2020/daily-0101.jsonl").exists()


def test_parquet_outputs_and_tables(small_tree, tmp_path):
    out = tmp_path / "out"
    summary = run(small_tree, out, fmt="parquet", tables=True)
    assert summary.exit_code == 0
    per_issue = pq.read_table(out / "2020/daily-0102.parquet")
    assert set(per_issue.column("issue").to_pylist()) <= {"2020/daily-0102"}
    pages = pq.read_table(out / "_tables" / "pages.parquet").to_pylist()
    assert len(pages) == 9
    assert len({(p["issue"], p["page"]) for p in pages}) == 9
    articles = pq.read_table(out / "_tables" / "articles.parquet")
    assert articles.num_rows == summary.articles
    # A re-run adds nothing twice.
    run(small_tree, out, fmt="parquet", tables=True)
    assert pq.read_table(out / "_tables" / "pages.parquet").num_rows == 9


def test_unusable_arguments_raise_input_error(tmp_path):
    with pytest.raises(InputError):
        run(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(InputError):
        run(tmp_path, tmp_path / "out")  # no pages at all
    write_issue_folder(tmp_path / "in", "a", pages=1)
    with pytest.raises(InputError):
        run(tmp_path / "in", tmp_path / "out", fmt="xml")


def test_dask_engine_without_dask_is_a_clear_usage_error(small_tree, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(InputError, match=r"jianbao\[cluster\]"):
        run(small_tree, tmp_path / "out", engine="dask")
    assert not (tmp_path / "out").exists()


def test_rerun_trusts_cached_checksums_of_unchanged_files(small_tree, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(small_tree, out)  # workers hash the new inputs; the coordinator caches them

    def no_reading(path):
        raise AssertionError(f"{path} read again")

    monkeypatch.setattr("jianbao.batch.manifest.sha256_file", no_reading)
    assert run(small_tree, out).skipped == 4
