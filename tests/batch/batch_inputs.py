"""Small newspaper inputs composed for the batch tests (invented text)."""

from __future__ import annotations

from pathlib import Path

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
