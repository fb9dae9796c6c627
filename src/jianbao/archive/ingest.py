"""Getting issues into the archive: jianbao JSON or raw inputs, page images.

Inputs to ``jianbao index`` are jianbao JSON files (``jianbao parse --format
json``), folders holding them, or raw pages (text, PDF, images).  Each JSON
file is one issue; all raw inputs of one call are the pages of one issue, the
same convention as ``jianbao parse``.

Page images: when a page came from a PDF or an image file, it is rendered to
PNG at index time into a fresh folder beside the database, so the reader can
show the page with its article regions; the folder of the issue's previous
copy is removed only after the new copy is committed.
"""

from __future__ import annotations

import json
import re
import shutil
import uuid
from dataclasses import dataclass
from hashlib import sha1
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from jianbao.archive.store import Archive, IndexReport, issue_key
from jianbao.errors import InputError
from jianbao.fileio import STATE_DIR, files_under
from jianbao.model import Article, Issue, Page

if TYPE_CHECKING:
    from jianbao.pipeline import Options

#: Longest side of a rendered page image, in pixels.
PAGE_IMAGE_PX = 1600
_PDF_PAGE = re.compile(r"^(?P<path>.+\.pdf)(?:#|:|\[)(?:page=)?(?P<n>\d+)\]?$", re.IGNORECASE)
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


@dataclass(slots=True)
class RawInputs:
    """Pages of one issue to be parsed on the fly."""

    paths: list[str]


_PARSED_SUFFIXES = (".json", ".jsonl")


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | RawInputs]:
    """JSON and JSON Lines files (folders searched for both, the batch's own
    bookkeeping left out) one by one, then every other input together as
    one raw issue."""
    raw: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(
                f for f in files_under(path) if f.suffix.lower() in _PARSED_SUFFIXES and STATE_DIR not in f.relative_to(path).parts
            )
            if not found:
                raise InputError(item, "folder holds no jianbao JSON files")
            yield from found
        elif path.suffix.lower() in _PARSED_SUFFIXES:
            yield path
        else:
            raw.append(item)
    if raw:
        yield RawInputs(raw)


def load_parsed(path: Path) -> Issue:
    """A parsed issue from ``jianbao parse`` or ``jianbao batch`` output:
    JSON, or JSON Lines of its articles."""
    return load_issue_jsonl(path) if path.suffix.lower() == ".jsonl" else load_issue_json(path)


def load_issue_jsonl(path: Path) -> Issue:
    """An issue from JSON Lines, one article per line carrying its paper,
    date and page (``--format jsonl``).  Stitched wholes repeat their
    parts and are left out; page furniture is not in such a file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not valid JSON Lines (not UTF-8)") from None
    issue = Issue(mode="text")
    pages: dict[int, Page] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(str(path), f"line {number}: not valid JSON") from None
        if not isinstance(row, dict) or ("page" not in row and not row.get("stitched")):
            raise InputError(str(path), f"line {number}: not a jianbao article (no 'page')")
        if row.get("stitched"):
            continue
        issue.paper = issue.paper or row.get("paper")
        issue.issue_date = issue.issue_date or row.get("issue_date")
        try:
            page_number = int(row["page"])
            article = Article.from_dict(row)
        except (TypeError, ValueError, KeyError, AttributeError) as err:
            raise InputError(str(path), f"line {number}: not a jianbao article ({err})") from None
        page = pages.setdefault(page_number, Page(number=page_number))
        page.articles.append(article)
    if not pages:
        raise InputError(str(path), "no articles")
    issue.pages = [pages[n] for n in sorted(pages)]
    return issue


def load_issue_json(path: Path) -> Issue:
    """Read a jianbao (or gold) JSON issue; refuse anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(str(path), f"not valid JSON ({err.__class__.__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("pages"), list):
        raise InputError(str(path), "not a jianbao issue (no 'pages' list)")
    try:
        issue = Issue.from_dict(data)
    except (TypeError, ValueError, KeyError, AttributeError) as err:
        raise InputError(str(path), f"not a jianbao issue ({err})") from None
    base = path.resolve().parent
    issue.sources = [resolve_source(s, base) for s in issue.sources]
    for page in issue.pages:
        page.source = resolve_source(page.source, base)
        if page.image:
            page.image = resolve_source(page.image, base)
    return issue


def resolve_source(source: str, base: Path) -> str:
    """A relative source path in a JSON file is read relative to that file."""
    if not source or source.startswith("<"):
        return source
    m = _PDF_PAGE.match(source)
    path_part = m.group("path") if m else source
    if Path(path_part).is_absolute() or Path(path_part).exists():
        return source
    candidate = base / path_part
    if candidate.exists():
        return str(candidate) + source[len(path_part):]
    return source


def pdf_page_of(page: Page, position_in_source: int) -> tuple[str, int] | None:
    """The PDF file and 0-based page index a page was read from."""
    source = page.source or ""
    m = _PDF_PAGE.match(source)
    if m:
        return m.group("path"), int(m.group("n")) - 1
    if source.lower().endswith(".pdf"):
        return source, position_in_source
    return None


def render_page_images(issue: Issue, folder: Path) -> dict[int, str]:
    """Render each page that has a PDF or image source to ``folder``; returns
    page position → image path relative to ``folder.parent``."""
    seen: dict[str, int] = {}
    images: dict[int, str] = {}
    for position, page in enumerate(issue.pages):
        source = page.source or ""
        ordinal = seen.get(source, 0)
        seen[source] = ordinal + 1
        target = folder / f"p{position + 1}.png"
        if render_one(page, ordinal, target):
            images[position] = f"{folder.name}/{target.name}"
    return images


def render_one(page: Page, ordinal: int, target: Path) -> bool:
    pdf = pdf_page_of(page, ordinal)
    if pdf is not None and Path(pdf[0]).is_file():
        return render_pdf_page(page, pdf[0], pdf[1], target)
    image = page.image or (page.source if Path(page.source or "").suffix.lower() in _IMAGE_SUFFIXES else "")
    if image and Path(image).is_file():
        return copy_image(image, target)
    return False


def render_pdf_page(page: Page, path: str, index: int, target: Path) -> bool:
    import pymupdf as fitz

    try:
        with fitz.open(path) as doc:
            if not 0 <= index < doc.page_count:
                return False
            pdf_page = doc[index]
            rect = pdf_page.rect
            zoom = min(2.0, PAGE_IMAGE_PX / max(rect.width, rect.height))
            pix = pdf_page.get_pixmap(matrix=fitz.Matrix(zoom, zoom), alpha=False)
            target.parent.mkdir(parents=True, exist_ok=True)
            pix.save(str(target))
            if page.width is None:
                # Regions are in PDF points: the reader needs the page size.
                page.width, page.height = rect.width, rect.height
    except (RuntimeError, ValueError):
        return False
    return True


def copy_image(path: str, target: Path) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            img.thumbnail((PAGE_IMAGE_PX, PAGE_IMAGE_PX))
            target.parent.mkdir(parents=True, exist_ok=True)
            img.convert("RGB").save(target, "PNG")
    except (OSError, UnidentifiedImageError):
        return False
    return True


def add_issue(archive: Archive, issue: Issue, render_images: bool = True) -> IndexReport:
    """Index one issue with its page images, replacing an earlier copy."""
    key = issue_key(issue)
    previous = archive.images_folder_of(key)
    folder = None
    images: dict[int, str] = {}
    if render_images:
        name = f"{sha1(key.encode()).hexdigest()[:12]}-{uuid.uuid4().hex[:8]}"
        folder = archive.pages_dir / name
        images = render_page_images(issue, folder)
        if not images:
            folder = None
    try:
        report = archive.index_issue(issue, images, folder.name if folder else None)
    except BaseException:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    if previous and (folder is None or previous != folder.name):
        shutil.rmtree(archive.pages_dir / previous, ignore_errors=True)
    return report


def index_inputs(archive: Archive, inputs: Iterable[str], parse_options: "Options | None" = None,
                 on_issue: Callable[[str, IndexReport], None] | None = None) -> list[IndexReport]:
    """Index every input; raw inputs are parsed with :func:`parse_paths`."""
    reports = []
    for item in expand_inputs(inputs):
        if isinstance(item, RawInputs):
            from jianbao.pipeline import parse_paths

            issue = parse_paths(item.paths, parse_options)
            label = ", ".join(item.paths)
        else:
            issue = load_parsed(item)
            if parse_options is not None:
                apply_defaults(issue, parse_options)
            label = str(item)
        report = add_issue(archive, issue)
        reports.append(report)
        if on_issue:
            on_issue(label, report)
    return reports


def apply_defaults(issue: Issue, options: "Options") -> None:
    """--paper / --issue-date fill in what a JSON file leaves unknown."""
    issue.paper = issue.paper or options.paper
    issue.issue_date = issue.issue_date or options.issue_date
