"""Small newspaper trees composed for the batch tests (invented text)."""

from __future__ import annotations

from pathlib import Path

import pytest

TOWNS = ["青山镇", "河口村", "东湖区", "南岭县", "西江市", "北塘乡"]


def page_text(issue: int, page: int) -> str:
    """A short invented page: header, headline, byline, two paragraphs."""
    town = TOWNS[(issue + page) % len(TOWNS)]
    return (
        f"晨光日报\n第{page}版 要闻\n\n"
        f"{town}新建图书馆开放\n本报记者 李明\n\n"
        f"本报{town}讯 第{issue}期第{page}版：{town}图书馆今天开门迎客，藏书三万册。\n"
        f"馆长说，周末将举办读书会，欢迎居民参加。\n"
    )


def write_issue_folder(root: Path, name: str, pages: int, issue: int = 0) -> Path:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    for page in range(1, pages + 1):
        (folder / f"p{page}.txt").write_text(page_text(issue, page), encoding="utf-8")
    return folder


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A born-digital PDF with one page per text, drawn with a CJK font."""
    import pymupdf

    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page(width=400, height=600)
        page.insert_textbox(pymupdf.Rect(30, 30, 370, 570), text, fontname="china-s", fontsize=11)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    doc.close()
    return path


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
