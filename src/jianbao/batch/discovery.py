"""Finding the issues in a folder tree of newspaper pages.

Rules, applied in every folder of the tree (see :mod:`jianbao.batch` for
the user-facing summary):

1. A folder holding ``issue.pdf`` is one issue read from that PDF.
2. Otherwise a folder holding page files named ``p<N>.<ext>`` (``p1.txt``,
   ``p02.pdf``, ``page3.png``) is one issue whose pages are those files in
   page-number order.
3. Other page files whose names carry a date and a page number are grouped
   by the name before the page number: ``rmrb-2019-10-01-p03.pdf``,
   ``rmrb_20191001_03.txt``, ``20191001_03.txt`` and ``20191001-p3.png``
   are page 3 of the issue ``rmrb-2019-10-01`` / ``rmrb_20191001`` /
   ``20191001``.  The date becomes the issue date.
4. Any other page file is an issue of its own (a date in its name, as in
   ``rmrb-20191001.pdf``, becomes the issue date).

Page files are ``.txt``, ``.pdf`` and images (``.png``, ``.jpg``,
``.jpeg``, ``.tif``, ``.tiff``, ``.bmp``, ``.webp``); everything else
(gold files, notes, other text variants such as ``p1.pymupdf.txt`` next
to ``issue.pdf``) is ignored, as are hidden files and folders.

An issue's *key* is its folder (rules 1–2), its shared name (rule 3) or
its file name without extension (rule 4), relative to the input folder;
outputs are named after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from jianbao.fileio import walk_folders

PAGE_SUFFIXES = {".txt", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}

ISSUE_PDF = "issue.pdf"

# p1.txt, p02.pdf, page3.png — a page file inside an issue folder.
FOLDER_PAGE = re.compile(r"^(?:p|page)0*(?P<page>\d{1,4})$", re.IGNORECASE)

# A date in a file name: 2019-10-01, 2019_10_01, 2019.10.01 or 20191001,
# with a plausible year, month and day.
_DATE = r"(?P<y>1[89]\d\d|2[01]\d\d)(?P<s>[-_.]?)(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12]\d|3[01])"

# <name with date><separator><optional p/page/第><page number><optional 版>
DATED_PAGE = re.compile(
    rf"^(?P<issue>(?:.*?[^0-9])?{_DATE})[-_. ](?:p|page|第)?0*(?P<page>\d{{1,3}})版?$", re.IGNORECASE
)
DATED_NAME = re.compile(rf"(?:^|[^0-9]){_DATE}(?:$|[^0-9])")


@dataclass(slots=True)
class IssueInput:
    """One issue found on disk: its key, its page files in order, and what
    the file names say about it."""

    key: str
    paths: list[Path]
    issue_date: str | None = None
    page_numbers: list[int] | None = None
    notes: list[str] = field(default_factory=list)


def is_page_file(path: Path) -> bool:
    return path.suffix.lower() in PAGE_SUFFIXES and not path.name.startswith(".")


def date_in_name(name: str) -> str | None:
    match = DATED_NAME.search(name)
    if not match:
        return None
    return f"{match['y']}-{match['m']}-{match['d']}"


def discover(root: Path, exclude: Path | None = None) -> list[IssueInput]:
    """All issues under ``root``, sorted by key.

    ``exclude`` (the output folder, when it lies inside the input folder) is
    not searched.  A file given as ``root`` is one issue.
    """
    root = Path(root)
    if root.is_file():
        return [single_file_issue(root, root.parent)]
    issues: list[IssueInput] = []
    excluded = exclude.resolve() if exclude is not None else None
    for here, dirnames, filenames in walk_folders(root):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (excluded is None or (here / d).resolve() != excluded)
        )
        files = sorted(here / name for name in filenames if is_page_file(here / name))
        issues.extend(issues_in_folder(here, files, root))
    return dedupe_keys(sorted(issues, key=lambda issue: issue.key))


def issues_in_folder(folder: Path, files: list[Path], root: Path) -> Iterator[IssueInput]:
    """Apply the discovery rules to the page files of one folder."""
    folder_key = relative_key(folder, root)
    names = {f.name.lower(): f for f in files}
    if ISSUE_PDF in names:
        yield IssueInput(key=folder_key, paths=[names[ISSUE_PDF]], issue_date=date_in_name(folder.name))
        return
    numbered = [(int(m["page"]), f) for f in files if (m := FOLDER_PAGE.match(f.stem))]
    if numbered:
        numbered.sort(key=lambda item: (item[0], item[1].name))
        yield folder_issue(folder_key, folder, numbered)
        files = [f for f in files if not FOLDER_PAGE.match(f.stem)]
    groups: dict[str, list[tuple[int, Path]]] = {}
    dates: dict[str, str] = {}
    for f in files:
        match = DATED_PAGE.match(f.stem)
        if match:
            groups.setdefault(match["issue"], []).append((int(match["page"]), f))
            dates[match["issue"]] = f"{match['y']}-{match['m']}-{match['d']}"
        else:
            yield single_file_issue(f, root)
    for name, pages in groups.items():
        pages.sort(key=lambda item: (item[0], item[1].name))
        yield numbered_issue(relative_key(folder / name, root), pages, dates[name])


def folder_issue(key: str, folder: Path, numbered: list[tuple[int, Path]]) -> IssueInput:
    return numbered_issue(key, numbered, date_in_name(folder.name))


def numbered_issue(key: str, numbered: list[tuple[int, Path]], issue_date: str | None) -> IssueInput:
    """An issue whose pages are numbered by their file names.

    The numbers become the page numbers only when each file is one page
    (text or image); a PDF may hold several pages, so its own numbering
    stands.
    """
    paths = [path for _, path in numbered]
    numbers = [number for number, _ in numbered]
    one_page_each = all(p.suffix.lower() != ".pdf" for p in paths)
    notes = []
    if len(set(numbers)) != len(numbers):
        notes.append("two files for the same page number")
    return IssueInput(
        key=key,
        paths=paths,
        issue_date=issue_date,
        page_numbers=numbers if one_page_each and not notes else None,
        notes=notes,
    )


def single_file_issue(path: Path, root: Path) -> IssueInput:
    return IssueInput(key=relative_key(path.with_suffix(""), root), paths=[path], issue_date=date_in_name(path.stem))


def relative_key(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes; the input folder
    itself, when it is an issue, is named after itself."""
    rel = path.relative_to(root).as_posix()
    return rel if rel != "." else (root.resolve().name or "issue")


def dedupe_keys(issues: list[IssueInput]) -> list[IssueInput]:
    """Two issues whose outputs would share a name (``a/b.txt`` next to the
    issue folder ``a/b``): the later ones get a numbered key and a note."""
    seen: dict[str, int] = {}
    for issue in issues:
        count = seen.get(issue.key, 0)
        seen[issue.key] = count + 1
        if count:
            issue.notes.append(f"output name {issue.key!r} is taken; written as {issue.key}~{count}")
            issue.key = f"{issue.key}~{count}"
    return issues
