"""Other PDF text extractors, for measuring text mode on what users feed it.

Each extractor turns one page of an issue PDF into the raw text a user would
get from that tool.  Results are cached under the system temp folder (never
in the repository), one file per page, and regenerated when the PDF is newer
than the cached text.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

CACHE = Path(tempfile.gettempdir()) / "jianbao-extract-cache"


def pdfminer_page(pdf: Path, index: int) -> str:
    """pdfminer.six ``extract_text`` of one page (0-based index)."""
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf), page_numbers=[index])


def pypdfium2_page(pdf: Path, index: int) -> str:
    """pypdfium2 ``PdfPage.get_textpage().get_text_range()``."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[index]
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
            page.close()
    finally:
        doc.close()


def pypdf_page(pdf: Path, index: int) -> str:
    """pypdf ``PdfReader.pages[i].extract_text()``."""
    from pypdf import PdfReader

    return PdfReader(str(pdf)).pages[index].extract_text()


def pypdf_layout_page(pdf: Path, index: int) -> str:
    """pypdf ``extract_text(extraction_mode="layout")``: rows laid out with
    spaces at the columns' positions, like ``pdftotext -layout``."""
    from pypdf import PdfReader

    return PdfReader(str(pdf)).pages[index].extract_text(extraction_mode="layout")


def pdfplumber_page(pdf: Path, index: int) -> str:
    """pdfplumber ``page.extract_text()``: characters grouped into lines by
    height across the whole page, so side-by-side columns whose lines share
    a baseline come out as one line joined by a space."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return doc.pages[index].extract_text() or ""


def pdfplumber_layout_page(pdf: Path, index: int) -> str:
    """pdfplumber ``page.extract_text(layout=True)``: characters placed on a
    grid of the page's width, columns side by side, padded with spaces."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return doc.pages[index].extract_text(layout=True) or ""


def pdftotext_page(pdf: Path, index: int, *flags: str) -> str:
    """poppler's ``pdftotext`` with ``flags`` on one page (0-based index)."""
    n = str(index + 1)
    return run_pdftotext([*flags, "-f", n, "-l", n], pdf)


def pdftotext_document(pdf: Path) -> str:
    """poppler's ``pdftotext`` on the whole PDF, as users most often run it:
    one text with a form feed after every page."""
    return run_pdftotext([], pdf)


def run_pdftotext(flags: list[str], pdf: Path) -> str:
    result = subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdftotext_layout_page(pdf: Path, index: int) -> str:
    """poppler's ``pdftotext -layout`` (columns kept side by side)."""
    return pdftotext_page(pdf, index, "-layout")


def pdftotext_narrow_page(pdf: Path, index: int) -> str:
    """poppler's ``pdftotext`` with ``-colspacing 0.3``, the default of its
    older releases: a narrower gap already parts two columns, so fewer
    neighbouring columns are printed joined on one line."""
    return pdftotext_page(pdf, index, "-colspacing", "0.3")


def pdftotext_raw_page(pdf: Path, index: int) -> str:
    """poppler's ``pdftotext -raw``: text in content-stream order, so a
    headline drawn after its body comes after it."""
    return pdftotext_page(pdf, index, "-raw")


def pymupdf_sorted_page(pdf: Path, index: int) -> str:
    """PyMuPDF ``page.get_text(sort=True)``: lines sorted top to bottom,
    then left to right, across columns (what users try for "reading
    order")."""
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:
        return doc[index].get_text("text", sort=True)


PDFJS_SCRIPT = Path(__file__).resolve().parent / "pdfjs_text.mjs"
PDFJS_PACKAGE = Path(__file__).resolve().parent / "node_modules" / "pdfjs-dist"


def pdfjs_page(pdf: Path, index: int) -> str:
    """pdf.js ``getTextContent`` joined as web tools do: each item's string,
    a newline where pdf.js marks a line's end (``benchmarks/pdfjs_text.mjs``)."""
    result = subprocess.run(["node", str(PDFJS_SCRIPT), str(pdf), str(index)], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


# Apache PDFBox (the text engine of Apache Tika), from Debian's
# libpdfbox2-java: its jars and the ones it needs.
PDFBOX_JARS = [Path("/usr/share/java") / name for name in ("pdfbox2-tools.jar", "pdfbox2.jar", "fontbox2.jar", "commons-logging.jar")]


def pdfbox_page(pdf: Path, index: int, sort: bool = False) -> str:
    """PDFBox ``ExtractText`` on one page: text in the order the PDF draws
    it, or with ``-sort`` lines sorted top to bottom across the columns."""
    n = str(index + 1)
    flags = ["-sort"] if sort else []
    classpath = ":".join(str(jar) for jar in PDFBOX_JARS)
    command = ["java", "-cp", classpath, "org.apache.pdfbox.tools.ExtractText", *flags, "-encoding", "UTF-8"]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "page.txt"
        subprocess.run([*command, "-startPage", n, "-endPage", n, str(pdf), str(out)], capture_output=True, check=True)
        return out.read_text(encoding="utf-8")


def pdfbox_sorted_page(pdf: Path, index: int) -> str:
    return pdfbox_page(pdf, index, sort=True)


EXTRACTORS: dict[str, Callable[[Path, int], str]] = {
    "pdfminer": pdfminer_page,
    "pypdfium2": pypdfium2_page,
    "pypdf": pypdf_page,
    "pypdf-layout": pypdf_layout_page,
    "pdftotext-layout": pdftotext_layout_page,
    "pdftotext-raw": pdftotext_raw_page,
    "pymupdf-sorted": pymupdf_sorted_page,
    "pdfplumber": pdfplumber_page,
    "pdfplumber-layout": pdfplumber_layout_page,
    "pdftotext-narrow": pdftotext_narrow_page,
    "pdfjs": pdfjs_page,
    "pdfbox": pdfbox_page,
    "pdfbox-sorted": pdfbox_sorted_page,
}


# What each extractor needs: a Python module (and its pip package) or a program.
NEEDS_MODULE = {
    "pdfminer": ("pdfminer.high_level", "pdfminer.six"),
    "pypdfium2": ("pypdfium2", "pypdfium2"),
    "pypdf": ("pypdf", "pypdf"),
    "pypdf-layout": ("pypdf", "pypdf"),
    "pdfplumber": ("pdfplumber", "pdfplumber"),
    "pdfplumber-layout": ("pdfplumber", "pdfplumber"),
}
# Extractors of a whole issue into one text file (pages end in form feeds).
DOCUMENT_EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext-issue": pdftotext_document,
}
NEEDS_PDFTOTEXT = ("pdftotext-layout", "pdftotext-raw", "pdftotext-narrow", "pdftotext-issue")


def unavailable(mode: str) -> str | None:
    """Why an extractor cannot run here, or None when it can."""
    if mode in NEEDS_MODULE:
        module, package = NEEDS_MODULE[mode]
        try:
            importlib.import_module(module)
        except ImportError:
            return f"needs {package} (pip install {package})"
    elif mode in NEEDS_PDFTOTEXT and shutil.which("pdftotext") is None:
        return "needs poppler's pdftotext (apt-get install poppler-utils)"
    elif mode.startswith("pdfbox") and (shutil.which("java") is None or not all(jar.exists() for jar in PDFBOX_JARS)):
        return "needs java and PDFBox (apt-get install default-jre-headless libpdfbox2-java)"
    elif mode == "pdfjs" and (shutil.which("node") is None or not PDFJS_PACKAGE.is_dir()):
        return "needs node and pdf.js (npm install --prefix benchmarks)"
    return None


def page_count(pdf: Path) -> int:
    import pymupdf

    with pymupdf.open(str(pdf)) as doc:
        return doc.page_count


def extracted_pages(mode: str, pdf: Path, issue: str, cache: Path = CACHE) -> list[Path]:
    """Text files of ``pdf`` from extractor ``mode``: one per page in page
    order, or one for the whole issue for a document extractor."""
    folder = cache / mode / issue
    folder.mkdir(parents=True, exist_ok=True)
    if mode in DOCUMENT_EXTRACTORS:
        return [cached(folder / "issue.txt", pdf, lambda: DOCUMENT_EXTRACTORS[mode](pdf))]
    extract = EXTRACTORS[mode]
    return [cached(folder / f"p{index + 1}.txt", pdf, lambda index=index: extract(pdf, index)) for index in range(page_count(pdf))]


def traditional_pages(pages: list[Path], issue: str, cache: Path = CACHE) -> list[Path]:
    """The PyMuPDF pages of an issue in traditional characters (OpenCC's
    Hong Kong standard, phrase by phrase), as a paper printed in them
    would be extracted."""
    import opencc

    folder = cache / "pymupdf-hk" / issue
    folder.mkdir(parents=True, exist_ok=True)
    convert = opencc.OpenCC("s2hk.json").convert
    return [cached(folder / page.name, page, lambda page=page: convert(page.read_text(encoding="utf-8"))) for page in pages]


def from_hong_kong_forms(text: str) -> str:
    """The inverse of :func:`traditional_pages`' ``s2hk``, for scoring a
    parse of those pages against the simplified gold (``hk2s``: a generic
    ``t2s`` leaves Hong Kong variants such as 衞 as they are, which would
    count as errors of the parse)."""
    import opencc

    return opencc.OpenCC("hk2s.json").convert(text)


def cached(path: Path, pdf: Path, extract: Callable[[], str]) -> Path:
    """``path``, written from ``extract()`` unless it is newer than ``pdf``."""
    if not path.exists() or path.stat().st_mtime < pdf.stat().st_mtime:
        tmp = path.with_suffix(".part")
        tmp.write_text(extract(), encoding="utf-8")
        tmp.replace(path)
    return path
