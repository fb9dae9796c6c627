"""The one entry point that reads inputs and runs the stages.

``parse_paths`` picks the reader by what each input is (PDF, image, text),
runs normalise → classify → assemble per page, then link → enrich over the
issue.  The CLI, batch processing and the archive all call it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from jianbao.errors import InputError
from jianbao.model import Issue, Page

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


@dataclass(slots=True)
class Options:
    mode: str = "auto"  # auto | text | pdf | image
    ocr: bool = False  # force OCR on PDFs
    issue_date: str | None = None
    paper: str | None = None
    page_numbers: Sequence[int] | None = None


def detect_mode(path: str) -> str:
    """Which reader an input needs: by its first bytes, then its suffix."""
    if path == "-":
        return "text"
    suffix = Path(path).suffix.lower()
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        head = b""
    if head.startswith(b"%PDF") or suffix in PDF_SUFFIXES:
        return "pdf"
    if (
        head.startswith(b"\x89PNG")
        or head.startswith(b"\xff\xd8\xff")
        or head[:4] in (b"II*\x00", b"MM\x00*")
        or suffix in IMAGE_SUFFIXES
    ):
        return "image"
    return "text"


def check_readable(path: str) -> None:
    if path == "-":
        return
    if not os.path.exists(path):
        raise InputError(path, "no such file")
    if os.path.isdir(path):
        raise InputError(path, "is a directory, not a page")
    if not os.access(path, os.R_OK):
        raise InputError(path, "permission denied")


def read_pages(path: str, options: Options) -> list[Page]:
    """Read one input into pages of lines (no articles yet)."""
    check_readable(path)
    mode = options.mode if options.mode != "auto" else detect_mode(path)
    if mode == "pdf":
        from jianbao.readers.pdf import read_pdf

        return read_pdf(path, ocr=options.ocr)
    if mode == "image":
        from jianbao.readers.image import read_image

        return read_image(path)
    from jianbao.readers.text import read_text_pages

    return read_text_pages(path)


def process_page(page: Page) -> Page:
    """Run the per-page stages on a page the reader filled with lines."""
    if page.lines and page.lines[0].bbox is not None:
        from jianbao.assemble.geometry import assemble_geometry

        assemble_geometry(page)
    else:
        from jianbao.assemble.text import assemble_text

        assemble_text(page)
    return page


def finish_issue(issue: Issue) -> Issue:
    """Issue-level stages: page numbers, date, jump links, parsed credits."""
    from jianbao.enrich import enrich_issue
    from jianbao.link import link_issue

    enrich_issue(issue)
    link_issue(issue)
    return issue


def parse_paths(
    paths: Sequence[str | os.PathLike[str]],
    options: Options | None = None,
    on_page: Callable[[Page], None] | None = None,
    failed: list[InputError] | None = None,
) -> Issue:
    """Parse consecutive pages of one issue.  Raises :class:`InputError`.

    With ``failed`` given, an input that cannot be read is recorded there
    and left out, and the other inputs are still parsed (a multi-file run
    reports its bad files at the end); without it the first bad input
    raises.
    """
    options = options or Options()
    pages: list[Page] = []
    modes: set[str] = set()
    sources: list[str] = []
    for given in paths:
        path = os.fspath(given)
        mode = options.mode if options.mode != "auto" else detect_mode(path)
        try:
            read = read_pages(path, options)
        except InputError as err:
            if failed is None:
                raise
            failed.append(err)
            continue
        modes.add(mode)
        sources.append(path)
        for page in read:
            if not page.number:
                page.number = len(pages) + 1
            process_page(page)
            pages.append(page)
            if on_page:
                on_page(page)
    return build_issue(pages, options, sources=sources, mode="+".join(sorted(modes)) or "text")


def parse_texts(texts: Sequence[str], options: Options | None = None) -> Issue:
    """Parse pages given as strings (consecutive pages of one issue)."""
    from jianbao.readers.text import page_from_text

    options = options or Options()
    pages = [process_page(page_from_text(text, source=f"<page {i + 1}>", position=i + 1)) for i, text in enumerate(texts)]
    return build_issue(pages, options, sources=[p.source for p in pages], mode="text")


def name_articles(page: Page) -> None:
    """Article ids once page numbers are final: "p3a2" is the second article
    of page 3 in reading order."""
    for k, article in enumerate(page.articles, start=1):
        article.id = f"p{page.number}a{k}"


def build_issue(pages: list[Page], options: Options, sources: list[str], mode: str) -> Issue:
    if options.page_numbers:
        if len(options.page_numbers) != len(pages):
            raise InputError(
                ",".join(sources),
                f"--pages numbers the pages read, one number each: got {len(options.page_numbers)} for {len(pages)} pages",
            )
        for page, number in zip(pages, options.page_numbers):
            page.number = int(number)
    for page in pages:
        name_articles(page)
    issue = Issue(pages=pages, paper=options.paper, issue_date=options.issue_date, mode=mode, sources=sources)
    return finish_issue(issue)
