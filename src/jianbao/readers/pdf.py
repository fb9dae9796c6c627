"""Reading born-digital PDF pages: PyMuPDF spans → :class:`Line` objects.

One :class:`Page` per PDF page; every line the PDF draws becomes a Line with
its bounding box in PDF points, font size, font name and a bold flag, in the
order PyMuPDF's text extraction yields them (``index``).  Reading order
across columns is the assembler's job (:mod:`jianbao.assemble.geometry`).

Faux bold — the same glyphs drawn twice at a small offset, common in CJK
e-papers whose fonts have no bold face — is handled by one rule:
``page.lines`` keeps every line the PDF draws, duplicates included, so it
matches the text layer other tools see; the second copy gets
``label = "collapsed"`` and the first ``bold = True``.  The assembler moves
the collapsed copies into ``page.collapsed``, which keeps character
conservation exact.

Page numbers are left at 0: :func:`jianbao.pipeline.parse_paths` numbers
pages by position among the inputs, and the assembler replaces that with the
printed "第N版" when the page header gives one.
"""

from __future__ import annotations

import os
import re

from jianbao.errors import InputError
from jianbao.model import Line, Page
from jianbao.readers.radicals import fold_radicals

COLLAPSED = "collapsed"

# PyMuPDF span flag for a bold font (bit 4).
FLAG_BOLD = 16
# Font names of bold faces, Latin and CJK foundry conventions (粗/Cu = bold,
# as in FZCuHei; 黑/Hei alone is a sans-serif design, not a weight).
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|ultra|[-_,]b$|[-_]w[7-9]$|粗|cu(?=hei|song|kai|yuan|ya)", re.I)
# A second copy drawn within this share of the font size of the first is a
# faux-bold stroke, not a second line.
FAUX_BOLD_OFFSET = 0.15
# Pieces of one printed line cut at a wide space ("本报记者　钟磊") sit at
# most this many font sizes apart; farther apart on one baseline are two
# items side by side (two headlines of neighbouring modules).
MAX_JOIN_GAP = 3.0
# The tail of a complete PDF: its last bytes hold the end-of-file marker.
EOF_WINDOW = 2048


def read_pdf(path: str, ocr: bool = False) -> list[Page]:
    """Read every page of a PDF into lines.

    Pages without a text layer (scans saved as PDF) are OCRed when the OCR
    engine is installed; ``ocr`` forces OCR on every page and fails when
    the engine is missing.  Without the engine a page without text gets a
    warning, and the whole file is refused when no page has text.
    Encrypted, damaged and truncated files raise :class:`InputError`.
    """
    import pymupdf

    doc = open_document(path, pymupdf)
    try:
        pages = []
        for pdf_page in doc:
            pages.append(read_page(pdf_page, path, ocr))
    except InputError:
        raise
    except Exception as err:  # PyMuPDF raises plain RuntimeErrors on broken streams
        raise InputError(path, f"damaged PDF: {one_line(err)}") from None
    finally:
        doc.close()
    refuse_textless(path, pages)
    return pages


def open_document(path: str, pymupdf):  # noqa: ANN001, ANN201 - PyMuPDF types
    """Open a PDF, refusing what cannot be read as a whole."""
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as err:
        raise InputError(path, f"not a readable PDF ({one_line(err)})") from None
    if doc.needs_pass:
        doc.close()
        raise InputError(path, "encrypted PDF: needs a password")
    if doc.page_count == 0:
        doc.close()
        raise InputError(path, "PDF has no pages")
    if doc.is_repaired and not has_eof_marker(path):
        doc.close()
        raise InputError(path, "truncated PDF (the file ends before its end-of-file marker)")
    return doc


def has_eof_marker(path: str) -> bool:
    """Whether the file ends with a PDF end-of-file marker, as a complete PDF
    does (incremental updates append another)."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        fh.seek(max(0, size - EOF_WINDOW))
        return b"%%EOF" in fh.read()


NO_OCR = "OCR is not installed (pip install 'jianbao[ocr]')"


def read_page(pdf_page, path: str, ocr: bool) -> Page:  # noqa: ANN001 - PyMuPDF page
    """Lines of one PDF page, or its OCR when it has no text layer (or OCR
    is forced)."""
    number = pdf_page.number + 1
    lines = [] if ocr else extract_lines(pdf_page, number)
    rect = pdf_page.rect
    if not lines and (ocr or can_ocr()):
        return ocr_page(pdf_page, path, number)
    page = Page(number=0, source=path, lines=lines, width=rect.width, height=rect.height)
    page.pictures = picture_boxes(pdf_page)
    if not lines:
        page.warnings.append(f"page {number} has no text layer and {NO_OCR}")
    return page


def can_ocr() -> bool:
    """Whether the optional OCR engine is installed (imported only when a
    page needs it)."""
    from jianbao.readers.ocr import ocr_available

    return ocr_available()


def ocr_page(pdf_page, path: str, number: int) -> Page:  # noqa: ANN001 - PyMuPDF page
    """The page rendered and read by OCR, like a scanned image."""
    from jianbao.readers.image import ocr_pdf_page
    from jianbao.readers.ocr import OcrUnavailable

    try:
        page = ocr_pdf_page(pdf_page, number)
    except OcrUnavailable as err:
        raise InputError(path, f"page {number}: {err}") from None
    page.number = 0
    page.source = page.source or path
    return page


def refuse_textless(path: str, pages: list[Page]) -> None:
    """No page with text: refuse instead of returning empty pages."""
    if any(page.lines for page in pages):
        return
    which = "page 1 has" if len(pages) == 1 else f"pages 1–{len(pages)} have"
    if any(page.warnings and NO_OCR in page.warnings[-1] for page in pages):
        raise InputError(path, f"{which} no text layer and {NO_OCR}")
    raise InputError(path, f"{which} no text layer and OCR found no text")


def extract_lines(pdf_page, number: int) -> list[Line]:  # noqa: ANN001
    """One Line per printed line: PyMuPDF lines split where the font size
    changes, faux-bold copies marked, and pieces of one line that PyMuPDF
    cut at a wide space ("本报记者　钟磊") joined again."""
    import pymupdf

    # Text set past the page's edge (the caption of a photo box that runs
    # off the bottom) is still printed on this page, so the media box does
    # not clip it.
    flags = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_IMAGES & ~pymupdf.TEXT_MEDIABOX_CLIP
    data = pdf_page.get_text("dict", flags=flags, clip=pymupdf.INFINITE_RECT())
    pieces: list[tuple[int, Line]] = []
    for block_no, block in enumerate(data["blocks"]):
        for raw in block.get("lines", ()):
            for run in size_runs(raw["spans"]):
                line = line_from_spans(run, number, 0)
                if line is not None:
                    pieces.append((block_no, line))
    mark_faux_bold([line for _, line in pieces])
    lines = join_split_lines(pieces)
    for index, line in enumerate(lines):
        line.index = index
    return lines


def join_split_lines(pieces: list[tuple[int, Line]]) -> list[Line]:
    """Join a piece to the previous piece of its block when it continues the
    same printed line to the right (same baseline, same size)."""
    lines: list[Line] = []
    last: dict[int, Line] = {}
    for block_no, line in pieces:
        if line.label == COLLAPSED:
            lines.append(line)
            continue
        prev = last.get(block_no)
        if prev is not None and continues_line(prev, line):
            join_into(prev, line)
            continue
        lines.append(line)
        last[block_no] = line
    return lines


def continues_line(prev: Line, line: Line) -> bool:
    a, b = prev.bbox, line.bbox
    assert a is not None and b is not None
    size = prev.size or 10.0
    return (
        abs((prev.size or 0) - (line.size or 0)) < 0.5
        and abs(a[3] - b[3]) < 0.25 * size
        and a[2] - 0.1 * size <= b[0] <= a[2] + MAX_JOIN_GAP * size
    )


def join_into(prev: Line, line: Line) -> None:
    a, b = prev.bbox, line.bbox
    assert a is not None and b is not None
    space = " " if b[0] - a[2] > 0.25 * (prev.size or 10.0) and not prev.text.endswith(" ") else ""
    prev.text = prev.text + space + line.text
    prev.bbox = (a[0], min(a[1], b[1]), b[2], max(a[3], b[3]))
    prev.bold = prev.bold or line.bold


def size_runs(spans: list[dict]) -> list[list[dict]]:
    """Split a PyMuPDF line where the font size changes: a headline and the
    subtitle beside it are different lines to a reader."""
    runs: list[list[dict]] = []
    for span in spans:
        if runs and abs(runs[-1][-1]["size"] - span["size"]) < 0.5:
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def line_from_spans(spans: list[dict], number: int, index: int) -> Line | None:
    text = fold_radicals("".join(span["text"] for span in spans))
    if not text.strip():
        return None
    main = max(spans, key=lambda s: len(s["text"].strip()))
    x0 = min(s["bbox"][0] for s in spans)
    y0 = min(s["bbox"][1] for s in spans)
    x1 = max(s["bbox"][2] for s in spans)
    y1 = max(s["bbox"][3] for s in spans)
    return Line(
        text=text,
        index=index,
        page=number,
        bbox=(x0, y0, x1, y1),
        size=main["size"],
        bold=is_bold_font(main["font"], main["flags"]),
        font=main["font"],
    )


def is_bold_font(font: str, flags: int) -> bool:
    """Bold by the font flags or by the font's name (CJK fonts often report
    no bold flag for a bold face, or a bold flag for a regular one, so the
    name decides when it says something)."""
    name = font.split("+", 1)[-1]
    return bool(flags & FLAG_BOLD) or bool(BOLD_NAME.search(name))


def mark_faux_bold(lines: list[Line]) -> None:
    """Mark the second copy of a line drawn twice at a small offset.

    Faux bold strokes the same glyphs again shifted by a fraction of a point;
    the copy is labelled ``collapsed`` and the original becomes bold.
    """
    seen: dict[tuple[str, int], list[Line]] = {}
    for line in lines:
        key = (line.text, round(line.size or 0))
        for first in seen.get(key, ()):
            if is_offset_copy(first, line):
                line.label = COLLAPSED
                first.bold = True
                break
        else:
            seen.setdefault(key, []).append(line)


def is_offset_copy(first: Line, second: Line) -> bool:
    limit = FAUX_BOLD_OFFSET * (first.size or 10.0)
    a, b = first.bbox, second.bbox
    assert a is not None and b is not None
    return all(abs(u - v) <= limit for u, v in zip(a, b))


def picture_boxes(pdf_page) -> list[tuple[float, float, float, float]]:  # noqa: ANN001
    """Where pictures sit: placed images, and filled rectangles the size of a
    photo (e-papers often draw a tinted placeholder or frame).

    ``get_images`` only reads the resource list, so image placement is looked
    up only on pages that have images; ``get_cdrawings`` is PyMuPDF's fast
    path-listing call."""
    boxes: list[tuple[float, float, float, float]] = []
    for xref, *_ in pdf_page.get_images():
        boxes.extend((r.x0, r.y0, r.x1, r.y1) for r in pdf_page.get_image_rects(xref))
    min_side = 0.05 * min(pdf_page.rect.width, pdf_page.rect.height)
    for drawing in pdf_page.get_cdrawings():
        x0, y0, x1, y1 = drawing["rect"]
        if drawing.get("fill") is not None and x1 - x0 >= min_side and y1 - y0 >= min_side:
            boxes.append((x0, y0, x1, y1))
    return boxes


def one_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text or type(err).__name__
