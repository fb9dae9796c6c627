from pathlib import Path

from jianbao.batch.discovery import DATED_PAGE, date_in_name, discover


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def keys(root: Path, **kw) -> dict[str, list[str]]:
    return {i.key: [p.relative_to(root).as_posix() for p in i.paths] for i in discover(root, **kw)}


def test_issue_folder_with_numbered_pages_in_page_order(tmp_path):
    touch(tmp_path, "a/p10.txt", "a/p2.txt", "a/p1.txt", "a/notes.json")
    assert keys(tmp_path) == {"a": ["a/p1.txt", "a/p2.txt", "a/p10.txt"]}
    (issue,) = discover(tmp_path)
    assert issue.page_numbers == [1, 2, 10]


def test_issue_folders_behind_a_link_are_found(tmp_path):
    touch(tmp_path, "disk2/b/p1.txt", "archive/a/p1.txt")
    (tmp_path / "archive" / "b").symlink_to(tmp_path / "disk2" / "b", target_is_directory=True)
    assert keys(tmp_path / "archive") == {"a": ["a/p1.txt"], "b": ["b/p1.txt"]}


def test_issue_pdf_makes_the_folder_one_issue_and_other_variants_are_ignored(tmp_path):
    touch(tmp_path, "x/issue.pdf", "x/p1.pymupdf.txt", "x/p1.pdftotext.txt", "x/gold.json")
    assert keys(tmp_path) == {"x": ["x/issue.pdf"]}


def test_file_names_with_date_and_page_are_grouped_by_issue(tmp_path):
    touch(
        tmp_path,
        "rmrb-2019-10-01-p03.pdf",
        "rmrb-2019-10-01-p01.pdf",
        "20191001_02.txt",
        "20191001_01.txt",
        "wb_20200105_第4版.txt",
    )
    found = {i.key: i for i in discover(tmp_path)}
    assert [p.name for p in found["rmrb-2019-10-01"].paths] == ["rmrb-2019-10-01-p01.pdf", "rmrb-2019-10-01-p03.pdf"]
    assert found["rmrb-2019-10-01"].issue_date == "2019-10-01"
    assert found["rmrb-2019-10-01"].page_numbers is None  # a PDF numbers its own pages
    assert found["20191001"].page_numbers == [1, 2]
    assert found["wb_20200105"].issue_date == "2020-01-05"


def test_other_page_files_are_issues_of_their_own(tmp_path):
    touch(tmp_path, "sub/rmrb-20191002.pdf", "sub/scan.png", "readme.md", ".hidden.txt")
    found = {i.key: i for i in discover(tmp_path)}
    assert set(found) == {"sub/rmrb-20191002", "sub/scan"}
    assert found["sub/rmrb-20191002"].issue_date == "2019-10-02"


def test_output_folder_inside_input_is_not_searched(tmp_path):
    touch(tmp_path, "a/p1.txt", "out/a.txt")
    assert set(keys(tmp_path, exclude=tmp_path / "out")) == {"a"}


def test_clashing_keys_get_distinct_names(tmp_path):
    touch(tmp_path, "a/p1.txt", "a.txt")
    found = discover(tmp_path)
    assert sorted(i.key for i in found) == ["a", "a~1"]
    assert any(i.notes for i in found)


def test_date_patterns():
    assert date_in_name("rmrb-2019-10-01") == "2019-10-01"
    assert date_in_name("x20200131") == "2020-01-31"
    assert date_in_name("page12") is None
    assert date_in_name("2019-13-01") is None
    assert DATED_PAGE.match("20191001_03")["page"] == "3"
    assert DATED_PAGE.match("20191001") is None
