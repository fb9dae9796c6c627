"""Reading scanned pages: page images (and image-only PDF pages) → lines.

A scan becomes the same kind of :class:`Page` a PDF gives: one
:class:`Line` per printed line, with its box in PDF points, an estimated
font size, and the OCR confidence, so the geometric layout analysis of PDF
mode runs on it unchanged.

Steps per page: load greyscale pixels → estimate and undo a small skew →
one OCR call → turn detected boxes into printed lines (split boxes that run
across a column gutter, join pieces of one line) → repair punctuation the
recogniser reads as ASCII or pairs wrongly → type sizes → dashes the
recogniser missed, read from the pixels → lines in reading order with
warnings for low-confidence characters.  No recognised line is ever
dropped.

The layout analysis tells headlines from body and intertitles from
headlines by relative type size, so sizes must be as exact as a PDF's:
they are measured from the spacing of the recognised Han characters
(CJK type advances one em per character), not from the detector's boxes,
whose padding varies from line to line.
"""

from __future__ import annotations

import math
import statistics
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

import numpy as np

from jianbao.errors import InputError
from jianbao.model import Line, Page
from jianbao.readers.ocr import OcrBox, OcrChar, OcrResult, recognise

if TYPE_CHECKING:  # pragma: no cover
    import pymupdf
    from PIL import Image as PILImage

# Scanners write their resolution into the file; screen defaults (72, 96)
# and missing values say nothing about the paper, so outside this range the
# usual archive scanning resolution is assumed.
DEFAULT_DPI = 200
PLAUSIBLE_DPI = (100, 1200)

# Deskew: scans are fed by hand or photographed, rarely more than a few
# degrees off; anything smaller than the search step is left alone.
MAX_SKEW_DEG = 3.0
MIN_SKEW_DEG = 0.1
SKEW_SAMPLE_WIDTH = 1000

# Detection boxes are dilated around the ink (PP-OCR "unclip"); on CJK text
# the em is about 0.79 of the box height (measured on typeset pages).
EM_PER_BOX_HEIGHT = 0.79

# Characters the recogniser is unsure of are reported in the page warnings.
LOW_CHAR_CONF = 0.6

# Pieces of one printed line this close are joined unless a gutter runs
# between them; a wider space inside one line (a byline's, between 记者 and
# the names) is at most about two ems, and needs the lines around it to
# run across it.
MAX_JOIN_GAP_PER_HEIGHT = 0.5
MAX_SPACED_JOIN_PER_EM = 2.0


# --- loading -------------------------------------------------------------------


def read_image(path: str) -> list[Page]:
    """OCR a page image file: PNG, JPEG, TIFF (each frame a page), BMP, WebP."""
    pages = []
    for position, (gray, dpi) in enumerate(load_frames(path), start=1):
        page = page_from_pixels(gray, dpi, number=0 if position == 1 else position, source=path)
        page.image = path
        pages.append(page)
    if not pages:
        raise InputError(path, "image has no pages")
    return pages


def load_frames(path: str) -> Iterator[tuple[np.ndarray, float]]:
    """Greyscale pixels and resolution of each frame; corrupt files raise
    :class:`InputError`."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(path)
    except UnidentifiedImageError:
        raise InputError(path, "not a readable image (unknown or corrupt format)") from None
    except OSError as err:
        raise InputError(path, f"cannot open image: {err.strerror or err}") from None
    with image:
        for frame in ImageSequence.Iterator(image):
            try:
                gray = to_gray(frame)
            except (OSError, ValueError, SyntaxError) as err:
                raise InputError(path, f"corrupt image data: {err}") from None
            yield gray, image_dpi(frame)


def to_gray(frame: "PILImage.Image") -> np.ndarray:
    """8-bit greyscale, transparent areas on white, 16-bit scans rescaled."""
    from PIL import Image

    frame.load()
    if frame.mode in ("I;16", "I;16B", "I;16L", "I"):
        data = np.asarray(frame, dtype=np.float64)
        top = data.max() or 1.0
        return (data * (255.0 / top)).astype(np.uint8)
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(white, rgba)
    return np.asarray(frame.convert("L"), dtype=np.uint8)


def image_dpi(frame: "PILImage.Image") -> float:
    dpi = frame.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    lo, hi = PLAUSIBLE_DPI
    return value if lo <= value <= hi else DEFAULT_DPI


def ocr_pdf_page(pdf_page: "pymupdf.Page", page_number: int, dpi: int = DEFAULT_DPI) -> Page:
    """OCR one PDF page (no text layer, or OCR forced) rendered at ``dpi``."""
    import pymupdf

    pix = pdf_page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    gray = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
    source = pdf_page.parent.name if pdf_page.parent is not None else ""
    page = page_from_pixels(gray, dpi, number=page_number, source=source)
    rect = pdf_page.rect
    page.width, page.height = float(rect.width), float(rect.height)
    return page


def page_from_pixels(gray: np.ndarray, dpi: float, number: int, source: str) -> Page:
    """Deskew, OCR and turn the result into a page of lines."""
    angle = estimate_skew(gray)
    if abs(angle) >= MIN_SKEW_DEG:
        gray = rotate(gray, angle)
    result = recognise(gray)
    page = page_from_result(result, dpi, number=number, source=source, gray=gray)
    page.pictures = picture_boxes(gray, result, 72.0 / dpi)
    if abs(angle) >= MIN_SKEW_DEG:
        page.warnings.insert(0, f"deskewed by {angle:.2f} degrees")
    return page


def page_from_result(
    result: OcrResult, dpi: float, number: int, source: str = "", gray: np.ndarray | None = None
) -> Page:
    """Lines, page size in points and warnings from one OCR result (and the
    pixels it was read from, when at hand)."""
    scale = 72.0 / dpi
    lines, warnings = lines_from_result(result, scale, page_number=number, gray=gray)
    page = Page(
        number=number,
        source=source,
        lines=lines,
        width=result.width * scale,
        height=result.height * scale,
        warnings=warnings,
    )
    if not lines:
        page.warnings.append("no text recognised on the page")
    return page


# --- pictures ------------------------------------------------------------------

# Photos and tinted picture boxes are large areas of tone that are not text;
# captions are found by their position under them.
PICTURE_MIN_SIDE = 0.05  # of the page's shorter side, as in PDF mode
PICTURE_MIN_FILL = 0.5
PICTURE_SAMPLE_WIDTH = 600
PAPER_WHITE = 235


def picture_boxes(gray: np.ndarray, result: OcrResult, scale: float) -> list[tuple[float, float, float, float]]:
    """Boxes (points) of photos: big, mostly-toned regions once the
    recognised text is blanked out.  Rules and frames are thin, so their
    boxes are mostly white and fail the fill test."""
    import cv2

    h, w = gray.shape
    factor = min(1.0, PICTURE_SAMPLE_WIDTH / max(w, 1))
    small = cv2.resize(gray, (max(1, int(w * factor)), max(1, int(h * factor))), interpolation=cv2.INTER_AREA)
    small = cv2.medianBlur(small, 3)
    tone = (small < PAPER_WHITE).astype(np.uint8)
    for box in result.boxes:
        x0, y0, x1, y1 = (int(round(v * factor)) for v in box.bbox)
        tone[max(0, y0) : y1 + 1, max(0, x0) : x1 + 1] = 0
    tone = cv2.morphologyEx(tone, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(tone, connectivity=8)
    min_side = PICTURE_MIN_SIDE * min(small.shape)
    boxes = []
    for x, y, bw, bh, area in stats[1:count]:
        if bw >= min_side and bh >= min_side and area >= PICTURE_MIN_FILL * bw * bh:
            k = scale / factor
            boxes.append((x * k, y * k, (x + bw) * k, (y + bh) * k))
    return boxes


# --- deskew --------------------------------------------------------------------


def estimate_skew(gray: np.ndarray) -> float:
    """Skew in degrees (positive: text lines fall to the right), from the
    projection profile of ink.

    Printed lines are horizontal rows of ink separated by white leading, so
    when the page is sheared back by the right angle each row's ink lands in
    few pixel rows and the squared row sums peak.  Profiles are taken per
    vertical strip, because neighbouring columns need not share baselines.
    """
    ys, xs, width = ink_points(gray)
    if len(ys) < 200:
        return 0.0
    strips = np.minimum((xs * 8 // max(width, 1)).astype(np.int64), 7)
    coarse = np.arange(-MAX_SKEW_DEG, MAX_SKEW_DEG + 1e-9, 0.25)
    best = max(coarse, key=lambda a: profile_sharpness(ys, xs, strips, a))
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05)
    best = max(fine, key=lambda a: profile_sharpness(ys, xs, strips, a))
    return float(round(best, 2))


def ink_points(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Coordinates of dark pixels on a downsampled copy of the page."""
    import cv2

    h, w = gray.shape
    factor = min(1.0, SKEW_SAMPLE_WIDTH / max(w, 1))
    small = cv2.resize(gray, (max(1, int(w * factor)), max(1, int(h * factor))), interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # Pictures and rules are solid ink; they blur the profile, so thin out
    # to pixels that have white above or below (text strokes do).
    edge = ink & ~np.roll(ink, 1, axis=0) | ink & ~np.roll(ink, -1, axis=0)
    ys, xs = np.nonzero(edge)
    return ys.astype(np.float64), xs.astype(np.float64), small.shape[1]


def profile_sharpness(ys: np.ndarray, xs: np.ndarray, strips: np.ndarray, angle: float) -> float:
    rows = np.round(ys - xs * math.tan(math.radians(angle))).astype(np.int64)
    rows -= rows.min()
    height = int(rows.max()) + 1
    counts = np.bincount(strips * height + rows, minlength=8 * height)
    return float(np.dot(counts, counts))


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """Rotate by ``angle`` degrees about the centre, new corners white."""
    import cv2

    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


# --- boxes → printed lines -----------------------------------------------------


@dataclass(slots=True)
class Piece:
    """A run of recognised characters on one printed line (pixel units)."""

    x0: float
    y0: float
    x1: float
    y1: float
    chars: list[OcrChar] = field(default_factory=list)
    text: str = ""
    conf: float = 1.0
    # The piece ends at a column edge where a box was cut: nothing joins it
    # on the right.
    sealed: bool = False

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def lines_from_result(
    result: OcrResult, scale: float, page_number: int = 1, gray: np.ndarray | None = None
) -> tuple[list[Line], list[str]]:
    """Printed lines (in points) and low-confidence warnings from OCR boxes;
    with the page's pixels given, dashes the recogniser left out are read
    from the image."""
    pieces = [piece_from_box(box) for box in result.boxes if box.text.strip()]
    pieces = split_at_gutters(pieces)
    pieces = join_line_pieces(pieces)
    for piece in pieces:
        set_text(piece, pair_quotes(piece.text))
    pieces.sort(key=lambda p: (round(p.y0), p.x0))
    sizes = line_sizes(pieces)
    if gray is not None:
        ink = gray < INK_LEVEL
        for piece, em in zip(pieces, sizes):
            restore_dashes(piece, ink, em)
    lines: list[Line] = []
    warnings: list[str] = []
    for index, (piece, em) in enumerate(zip(pieces, sizes)):
        line = line_from_piece(piece, em, scale, index, page_number)
        lines.append(line)
        warning = low_confidence_warning(piece, index)
        if warning:
            warnings.append(warning)
    return lines, warnings


def piece_from_box(box: OcrBox) -> Piece:
    """A piece with the recogniser's punctuation repaired, in its text and
    in its characters, so widths and joins see what is printed."""
    x0, y0, x1, y1 = box.bbox
    text = repair_punctuation(box.text)
    chars = [OcrChar(c.text, c.x0, c.x1, c.conf) for c in box.chars] or [OcrChar(text, x0, x1, box.conf)]
    printed = text.replace(" ", "")
    if len(printed) == len(chars):
        for char, repaired in zip(chars, printed):
            char.text = repaired
    return Piece(x0, y0, x1, y1, chars=chars, text=text, conf=box.conf)


def sub_piece(piece: Piece, chars: list[OcrChar]) -> Piece:
    return Piece(
        x0=min(piece.x1, chars[0].x0),
        y0=piece.y0,
        x1=max(chars[-1].x1, chars[0].x0),
        y1=piece.y1,
        chars=chars,
        text="".join(c.text for c in chars),
        conf=float(np.mean([c.conf for c in chars])),
    )


def split_at_gutters(pieces: list[Piece]) -> list[Piece]:
    """Cut boxes that the detector stretched across a column gutter.

    Where a line of one column ends close to the next column's line (a
    short last line of a paragraph, a narrow gutter), the detector may see
    one box.  Two signs show the gutter: a blank between two characters of
    the box where the lines around it are blank too, and a right edge that
    several lines of the same type size around the box share (justified
    columns) while few of them run across it.  The blanks are cut first,
    so that lines freed from their neighbours show their column's edge to
    the second test."""
    if not pieces:
        return pieces
    geometry = piece_geometry(pieces)
    cut = [cut_piece(piece, blank_gutters(piece, geometry, pieces)) for piece in pieces]
    pieces = [part for parts in cut for part in parts]
    geometry = piece_geometry(pieces)
    cut = [cut_piece(piece, edge_gutters(piece, geometry)) for piece in pieces]
    return [part for parts in cut for part in parts]


def blank_gutters(piece: Piece, geometry: np.ndarray, pieces: list[Piece]) -> dict[int, float]:
    """Cuts (index of the first character after, column edge) at blanks
    inside the piece that the lines around it share."""
    return {k: left for k, (left, right) in wide_gaps(piece) if is_gutter((left + right) / 2, piece, geometry, pieces)}


def edge_gutters(piece: Piece, geometry: np.ndarray) -> dict[int, float]:
    """Cuts at column edges that lines around the piece end at."""
    cuts: dict[int, float] = {}
    for edge, next_start in gutters_inside(piece, geometry):
        k = cut_index(piece, edge, next_start)
        if k is not None:
            cuts.setdefault(k, edge)
    return cuts


# Closing marks keep their ink in the left half of their em, so a line
# that ends with one is followed by white even when the recogniser gives
# the mark its full width.
INK_LEFT = set("，。、；：？！”’）》」』】〕")


def blank_before(piece: Piece, k: int) -> bool:
    """Whether there is white between characters ``k - 1`` and ``k``, as
    at a gutter; a line that crosses a gutter of the columns under it (a
    byline over two columns) is set solid there."""
    before, after = piece.chars[k - 1], piece.chars[k]
    return before.text in INK_LEFT or after.x0 - before.x1 >= 0.3 * estimate_em(piece)


def cut_piece(piece: Piece, cuts: dict[int, float]) -> list[Piece]:
    """The piece cut before each character index in ``cuts``; each part
    left of a cut ends at that column edge and joins nothing on its right."""
    if not cuts:
        return [piece]
    bounds = sorted(cuts)
    parts = []
    for start, stop in zip([0] + bounds, bounds + [len(piece.chars)]):
        part = sub_piece(piece, piece.chars[start:stop])
        if stop in cuts:
            # Recognised positions of hanging punctuation can run into
            # the gutter; the line ends at its column's edge.
            part.x1 = min(part.x1, cuts[stop] + 0.3 * piece.height)
            part.sealed = True
        parts.append(part)
    return parts


def piece_geometry(pieces: list[Piece], by_text: bool = False) -> np.ndarray:
    """x0, x1, vertical centre and estimated em of each piece, for the
    neighbourhood tests.

    The x extent is the detector's box, whose padding evens out where
    lines end; or, with ``by_text``, that of the recognised characters:
    where the gutter is narrow (or the scan coarse) the padded boxes of
    neighbouring columns overlap across it."""
    extent = text_extent if by_text else (lambda p: (p.x0, p.x1))
    return np.array([(*extent(p), p.cy, estimate_em(p)) for p in pieces]).reshape(-1, 4)


def text_extent(piece: Piece) -> tuple[float, float]:
    """Left and right end of the piece's recognised characters."""
    if not piece.chars:
        return piece.x0, piece.x1
    return min(piece.chars[0].x0, piece.x1), max(piece.chars[-1].x1, piece.x0)


def same_size(ems: np.ndarray, em: float) -> np.ndarray:
    return np.abs(ems - em) <= 0.15 * em


def gutters_inside(piece: Piece, geometry: np.ndarray) -> list[tuple[float, float | None]]:
    """Right edges of columns (x in pixels) that fall inside ``piece``, each
    with where the next column's lines start (None when none are near).

    The edge must be shared by lines just above or below the piece: a line
    over the top of a column block (a page header) does not count."""
    h = piece.height
    if piece.x1 - piece.x0 < 3 * h:
        return []
    x0, x1, cy, ems = geometry.T
    near = (np.abs(cy - piece.cy) <= 10 * h) & same_size(ems, estimate_em(piece))
    near &= ~((x0 == piece.x0) & (x1 == piece.x1) & (cy == piece.cy))
    ends = np.sort(x1[near & (x1 > piece.x0 + 1.5 * h) & (x1 < piece.x1 - h)])
    edges: list[tuple[float, float | None]] = []
    for edge in ends:
        if edges and edge - edges[-1][0] <= 0.4 * h:
            continue
        ending = near & (np.abs(x1 - edge) <= 0.4 * h)
        crossing = near & (x0 < edge - h) & (x1 > edge + h)
        adjacent = ending & (np.abs(cy - piece.cy) <= 2.5 * h)
        if ending.sum() >= 3 and adjacent.any() and crossing.sum() <= 0.25 * (ending.sum() + crossing.sum()):
            starting = near & (x0 > edge) & (x0 < edge + 3 * h)
            next_start = float(np.median(x0[starting])) if starting.any() else None
            edges.append((float(np.median(x1[ending])), next_start))
    return edges


# Body type is set solid: neighbouring characters touch.  A blank of this
# much of an em between two recognised characters is a word space or a
# column gutter the detector ran across.
MIN_GAP_PER_EM = 0.6


def wide_gaps(piece: Piece) -> list[tuple[int, tuple[float, float]]]:
    """Blank stretches between consecutive recognised characters of a
    piece: (index of the character after it, (left, right) in pixels)."""
    if len(piece.chars) < 2:
        return []
    least = MIN_GAP_PER_EM * estimate_em(piece)
    return [
        (k, (a.x1, b.x0))
        for k, (a, b) in enumerate(zip(piece.chars, piece.chars[1:]), start=1)
        if b.x0 - a.x1 >= least
    ]


def blank_at(piece: Piece, x: float) -> bool:
    """Whether ``x`` falls in a blank between two of the piece's characters."""
    return any(left <= x <= right for _, (left, right) in wide_gaps(piece))


def cut_index(piece: Piece, edge: float, next_start: float | None = None) -> int | None:
    """Index of the first character of the next column after a column
    edge, or None when the piece runs on across it.

    The next column starts at most about two and a half ems past the edge;
    closing punctuation, and a tight line's last characters, may hang into
    the gutter and stay with the line they end.  There must be white
    before the character (see :func:`blank_before`), and it must stand
    where the next column's lines start, or two characters in (the indent
    of a paragraph's first line): a word space of a byline that crosses
    the gutter falls elsewhere."""
    em = estimate_em(piece)
    for k in range(1, len(piece.chars)):
        x0 = piece.chars[k].x0
        if x0 > edge + 2.5 * em:
            break
        if x0 >= edge - 0.3 * em and piece.chars[k].text not in NO_LINE_START and blank_before(piece, k):
            if piece.chars[k].text in INK_SHORT_START:
                x0 -= 0.5 * em  # an opening mark's ink is in the right half of its em
            starts_column = next_start is None or min(abs(x0 - next_start), abs(x0 - next_start - 2 * em)) <= 0.8 * em
            return k if starts_column else None
    return None


# Chinese typesetting never starts a line with closing punctuation (the
# line-start prohibitions of 避头尾), so no line is cut before one.
NO_LINE_START = set("，。、；：？！”’）》」』】〕…—·,.;:?!)")


def is_self(piece: Piece, x0: np.ndarray, x1: np.ndarray, cy: np.ndarray) -> np.ndarray:
    """Which rows of a geometry array (by box or by text) are the piece."""
    tx0, tx1 = text_extent(piece)
    same_box = (x0 == piece.x0) & (x1 == piece.x1)
    same_text = (x0 == tx0) & (x1 == tx1)
    return (cy == piece.cy) & (same_box | same_text)


def is_gutter(x: float, piece: Piece, geometry: np.ndarray, pieces: list[Piece] | None = None) -> bool:
    """Whether the lines near ``piece`` (± ten line heights) end or start at
    ``x`` rather than run across it.

    Only lines of about the same type size count: columns of body type have
    gutters, while a headline runs across them and its word spaces may fall
    anywhere.  With ``pieces`` (the rows of ``geometry``) given, a line
    with a blank at ``x`` between its characters does not run across it:
    where the gutter is narrow the detector may join every line of two
    columns, and the blank they share is the gutter."""
    h = piece.height
    if len(geometry) == 0:
        return False
    x0, x1, cy, ems = geometry.T
    near = (np.abs(cy - piece.cy) <= 10 * h) & (x1 > x - 4 * h) & (x0 < x + 4 * h)
    near &= same_size(ems, estimate_em(piece))
    near &= ~is_self(piece, x0, x1, cy)
    if near.sum() < 3:
        return False
    crossing = near & (x0 < x - 0.2 * h) & (x1 > x + 0.2 * h)
    if pieces is not None:
        for j in np.nonzero(crossing)[0]:
            crossing[j] = not blank_at(pieces[j], x)
    return crossing.sum() <= 0.25 * near.sum()


def join_line_pieces(pieces: list[Piece]) -> list[Piece]:
    """Join boxes that are pieces of one printed line: same row, similar
    height, at most about an em apart, and no column gutter between them."""
    if len(pieces) < 2:
        return pieces
    geometry = piece_geometry(pieces, by_text=True)
    order = sorted(range(len(pieces)), key=lambda i: (pieces[i].x0, pieces[i].y0))
    joined: list[Piece] = []
    open_rows: list[Piece] = []
    for i in order:
        piece = pieces[i]
        target = next((row for row in open_rows if continues_line(row, piece, geometry, pieces)), None)
        if target is None:
            joined.append(piece)
            open_rows.append(piece)
        else:
            absorb(target, piece)
    return joined


def continues_line(left: Piece, right: Piece, geometry: np.ndarray, pieces: list[Piece]) -> bool:
    if left.sealed:
        return False
    h = min(left.height, right.height)
    overlap = min(left.y1, right.y1) - max(left.y0, right.y0)
    if overlap < 0.6 * h or max(left.height, right.height) > 1.3 * h:
        return False
    gap = right.x0 - left.x1
    if not -0.7 * h <= gap <= MAX_SPACED_JOIN_PER_EM * h:
        return False
    # Headlines of neighbouring modules can nearly touch on one row.  A
    # line may trail off in smaller type (a tag such as （国际时评）), but
    # never continues in larger type: that is the next module's headline.
    (em_left, sure_left), (em_right, sure_right) = measure_em(left), measure_em(right)
    if sure_left and sure_right and em_right > 1.1 * em_left:
        return False
    x = (text_extent(left)[1] + text_extent(right)[0]) / 2
    if gap <= MAX_JOIN_GAP_PER_HEIGHT * h:
        # The gutter test compares type sizes; the piece with more Han
        # characters has the surer size (digits and Latin letters set
        # narrower or wider than half an em).
        surer = left if pitch_em(left)[1] >= pitch_em(right)[1] else right
        return not is_gutter(x, surer, geometry)
    # A wide space inside a line (between 本报记者 and the names of a
    # byline) is as wide as a narrow gutter, so it is joined only where the
    # lines above and below run across it: then it cannot be a gutter.
    same = sure_left and sure_right and abs(em_left - em_right) <= SIZE_TOLERANCE * 2 * em_left
    return same and gap <= MAX_SPACED_JOIN_PER_EM * em_left and lines_run_across(x, left, geometry, pieces)


def lines_run_across(x: float, piece: Piece, geometry: np.ndarray, pieces: list[Piece]) -> bool:
    """Whether nearly all lines of about the piece's size just above and
    below it (four line heights) run across ``x`` without a blank there."""
    h = piece.height
    x0, x1, cy, ems = geometry.T
    near = (np.abs(cy - piece.cy) <= 4 * h) & (np.abs(cy - piece.cy) > 0.5 * h) & (x1 > x - h) & (x0 < x + h)
    near &= same_size(ems, estimate_em(piece))
    crossing = near & (x0 < x - h) & (x1 > x + h)
    for j in np.nonzero(crossing)[0]:
        crossing[j] = not blank_at(pieces[j], x)
    return bool(crossing.sum() >= 2 and crossing.sum() >= 0.75 * near.sum())


def absorb(left: Piece, right: Piece) -> None:
    """Append ``right`` to ``left``.  Overlapping boxes can both have read
    the character where they overlap; it is kept once."""
    if left.chars and right.chars:
        last, first = left.chars[-1], right.chars[0]
        overlap = last.x1 - first.x0
        if overlap > 0.3 * (first.x1 - first.x0) and FULL_WIDTH.get(first.text, first.text) == FULL_WIDTH.get(
            last.text, last.text
        ):
            left.chars.pop()
            left.text = left.text.rstrip()[:-1]
    wide_gap = right.x0 - left.x1 >= 0.5 * min(left.height, right.height)
    left.text = left.text + (" " if wide_gap else "") + right.text
    n_left, n_right = len(left.chars), len(right.chars)
    left.conf = (left.conf * n_left + right.conf * n_right) / max(1, n_left + n_right)
    left.chars.extend(right.chars)
    left.sealed = right.sealed
    left.x0, left.y0 = min(left.x0, right.x0), min(left.y0, right.y0)
    left.x1, left.y1 = max(left.x1, right.x1), max(left.y1, right.y1)


# Full-width punctuation sits in one side of its em square, so a box that
# ends (or starts) with it stops short of the em by about half.
INK_SHORT_END = set("，。、；：？！")
INK_SHORT_START = set("“‘（《「『")
WORD_SPACE_PER_EM = 0.6
# Marks that Unicode calls ambiguous in width but that Chinese type sets on
# a full em: quotes, ellipsis, dash, middle dot.
FULL_EM_MARKS = set("“”‘’…—·")
# A line's em is measured from its Han characters' spacing when at least
# this many neighbouring pairs measure it (a pair alone is good to about
# 20 %, a few pairs to a few per cent).
MIN_PITCH_PAIRS = 2
# A pair of Han characters further apart than this many ems has a word
# space, a gap or an unread character between them.
MAX_PAIR_STRETCH = 1.4


def advance(ch: str) -> float:
    """Ems a character advances: Han characters and full-width marks one,
    Latin letters and digits about half."""
    return 1.0 if is_wide(ch) or ch in FULL_EM_MARKS else 0.5


def is_han(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo" and is_wide(ch) and ch not in FULL_EM_MARKS


def pitch_em(piece: Piece) -> tuple[float, int]:
    """Type size (em, pixels) from the spacing of Han characters, and how
    many neighbouring pairs measured it (0: none could).

    A Han character is drawn centred in its em square and advances one em,
    so the distance between two recognised characters' centres, over the
    ems set between them, is the em.  Unlike the box's width or height this
    does not depend on how far the detector padded the box, on marks it
    did not read (a dash, an ellipsis) or on the glyphs' shapes."""
    pairs = [
        (1.0, (b.x0 + b.x1 - a.x0 - a.x1) / 2)
        for a, b in zip(piece.chars, piece.chars[1:])
        if is_han(a.text) and is_han(b.text) and b.x1 > a.x1
    ]
    if not pairs:
        return 0.0, 0
    typical = statistics.median([dx / ems for ems, dx in pairs])
    kept = [(ems, dx) for ems, dx in pairs if dx <= MAX_PAIR_STRETCH * typical * ems]
    return sum(dx for _, dx in kept) / sum(ems for ems, _ in kept), len(kept)


def measure_em(piece: Piece, per_height: float = EM_PER_BOX_HEIGHT) -> tuple[float, bool]:
    """Type size (em) of a line in pixels, and whether it is measured
    surely, from the spacing of its Han characters (:func:`pitch_em`).

    Lines with too few Han characters get a rough size: the least of the
    box height (times ``per_height``, the page's ratio of em to box height
    when known), the spacing of a lone pair, and the width over the count
    of ems.  The detector pads boxes, digits and Latin letters are set
    narrower or wider than half an em, and a lone pair may be letter-spaced,
    so each of these errs on the large side as often as not."""
    em, pairs = pitch_em(piece)
    if pairs >= MIN_PITCH_PAIRS:
        return em, True
    bounds = [piece.height * per_height]
    if pairs:
        bounds.append(em)
    by_width = width_em(piece)
    if by_width is not None:
        bounds.append(by_width)
    return min(bounds), False


def width_em(piece: Piece) -> float | None:
    """The line's width less its word spaces over its count of ems (CJK
    type is set on a square grid: Han characters and full-width marks one
    em, Latin letters and digits about half); None for lines too short."""
    printed = piece.text.replace(" ", "")
    ems = sum(advance(c) for c in printed)
    if printed[-1:] and printed[-1] in INK_SHORT_END:
        ems -= 0.5
    if printed[:1] and printed[0] in INK_SHORT_START:
        ems -= 0.5
    if ems < 2.5:
        return None
    # Recognised glyph positions are coarse; only a gap of most of an em
    # is a word space.
    naive = (piece.x1 - piece.x0) / ems
    gaps = [b.x0 - a.x1 for a, b in zip(piece.chars, piece.chars[1:])]
    spaces = sum(g for g in gaps if g >= WORD_SPACE_PER_EM * naive)
    return (piece.x1 - piece.x0 - spaces) / ems


def column_neighbours(pieces: list[Piece], i: int, reliable: list[bool]) -> list[int]:
    """The nearest reliably measured lines just above and just below piece
    ``i`` that share some of its width (above first)."""
    piece = pieces[i]
    found = []
    for direction in (1, -1):
        best, best_dy = None, 2.2 * piece.height
        for j, other in enumerate(pieces):
            dy = direction * (piece.cy - other.cy)
            shared = min(piece.x1, other.x1) - max(piece.x0, other.x0)
            if j != i and reliable[j] and 0 < dy < best_dy and shared > 0:
                best, best_dy = j, dy
        if best is not None:
            found.append(best)
    return found


def ends_paragraph(above: Piece, piece: Piece, size: float) -> bool:
    """Whether a short line sits where the next line of the text above it
    would: flush with its left edge, one line's spacing below.  Such a
    line is the end of that paragraph, in its type, whatever its box's
    height says (the detector draws short boxes tall)."""
    return abs(piece.x0 - above.x0) <= size and 0 < piece.cy - above.cy <= 1.7 * size


def estimate_em(piece: Piece) -> float:
    return measure_em(piece)[0]


# Lines of one type size measure within a few per cent of each other; two
# sizes a newspaper uses side by side differ by more.
SIZE_TOLERANCE = 0.05
# A rough size (from the box) is taken to be a printed size measured
# elsewhere on the page only when this close to it: a subtitle or byline
# may be set in a size no other line shares.
HEIGHT_TOLERANCE = 0.1
# A short line takes the size of the line above or below it in its column
# (the last line of a paragraph, the wrap of a headline) when its own rough
# measure is within this much of it.
NEIGHBOUR_TOLERANCE = 0.3
# Under a headline line, the wrap of the headline is as large and a
# subtitle markedly smaller.
WRAP_NEIGHBOUR_TOLERANCE = 0.2
# Lines this long calibrate box height against type size on the page.
CALIBRATION_PAIRS = 5


def line_sizes(pieces: list[Piece]) -> list[float]:
    """One size per line: lines measured by spacing or width are grouped
    into printed sizes; the others take the size of a neighbouring line in
    their column, or the nearest printed size, when their rough measure
    allows it."""
    measured = [measure_em(p) for p in pieces]
    reliable = [ok for _, ok in measured]
    sure = [i for i, ok in enumerate(reliable) if ok]
    snapped = snap_sizes([measured[i][0] for i in sure], [len(pieces[i].chars) for i in sure])
    sizes = [em for em, _ in measured]
    for i, value in zip(sure, snapped):
        sizes[i] = value
    known = sorted(set(snapped))
    per_height = em_per_box_height(pieces, measured)
    body = body_em([pieces[i] for i in sure], [sizes[i] for i in sure])
    for i, (_, ok) in enumerate(measured):
        if ok:
            continue
        rough = measure_em(pieces[i], per_height)[0]
        sizes[i] = rough
        neighbours = column_neighbours(pieces, i, reliable)
        # Under a headline line the next line may be the headline's wrap
        # or a smaller subtitle, so only a close size is taken over.
        near = [
            j
            for j in neighbours
            if abs(sizes[j] - rough) <= (WRAP_NEIGHBOUR_TOLERANCE if sizes[j] >= HEADLINE_RATIO * body else NEIGHBOUR_TOLERANCE) * sizes[j]
        ]
        above = neighbours[0] if neighbours and pieces[neighbours[0]].cy < pieces[i].cy else None
        if above is not None and sizes[above] < HEADLINE_RATIO * body and ends_paragraph(pieces[above], pieces[i], sizes[above]):
            sizes[i] = sizes[above]
        elif near:
            sizes[i] = sizes[near[0]]
        elif known:
            nearest = min(known, key=lambda k: abs(k - rough))
            if abs(nearest - rough) <= HEIGHT_TOLERANCE * nearest:
                sizes[i] = nearest
    unify_headline_wraps(pieces, sizes)
    return sizes


# Headline type is this much larger than body type (as in the layout
# analysis); kicker, title and subtitle differ in size by more than
# WRAP_TOLERANCE, while a short line's measure can err by nearly as much.
HEADLINE_RATIO = 1.25
WRAP_TOLERANCE = 0.12


def unify_headline_wraps(pieces: list[Piece], sizes: list[float]) -> None:
    """Give the lines of a headline broken over lines one size.

    Of two headline lines stacked one line apart whose sizes differ by less
    than any two parts of a headline stack do, at least one of them
    short, the short one was measured from few characters: it takes the
    size of the line measured from more."""
    body = body_em(pieces, sizes)
    counts = [pitch_em(p)[1] for p in pieces]
    large = sorted((i for i in range(len(pieces)) if sizes[i] >= HEADLINE_RATIO * body), key=lambda i: pieces[i].cy)
    for a in large:
        b = line_under(pieces, sizes, a, large)
        if b is None:
            continue
        size = max(sizes[a], sizes[b])
        close = abs(sizes[a] - sizes[b]) <= WRAP_TOLERANCE * size
        if close and min(counts[a], counts[b]) < CALIBRATION_PAIRS:
            if counts[a] >= counts[b]:
                sizes[b] = sizes[a]
            else:
                sizes[a] = sizes[b]


def line_under(pieces: list[Piece], sizes: list[float], a: int, candidates: list[int]) -> int | None:
    """The nearest of ``candidates`` set right under line ``a`` (within a
    line's spacing) and sharing some of its width."""
    upper = pieces[a]
    best, best_dy = None, 0.0
    for b in candidates:
        lower = pieces[b]
        dy = lower.cy - upper.cy
        size = max(sizes[a], sizes[b])
        shared = min(upper.x1, lower.x1) - max(upper.x0, lower.x0) > 0
        if shared and 0.5 * size < dy < 1.8 * size and (best is None or dy < best_dy):
            best, best_dy = b, dy
    return best


def body_em(pieces: list[Piece], sizes: list[float]) -> float:
    """The size that prints the most characters."""
    weight: dict[float, int] = {}
    for piece, size in zip(pieces, sizes):
        weight[round(size, 1)] = weight.get(round(size, 1), 0) + len(piece.chars)
    return max(weight, key=weight.__getitem__) if weight else 0.0


def em_per_box_height(pieces: list[Piece], measured: list[tuple[float, bool]]) -> float:
    """How the detector's box height relates to the type size on this page
    (it depends on the scan's sharpness and resolution), from lines whose
    em is well measured."""
    ratios = [
        em / piece.height
        for piece, (em, ok) in zip(pieces, measured)
        if ok and piece.height > 0 and pitch_em(piece)[1] >= CALIBRATION_PAIRS
    ]
    return float(np.median(ratios)) if len(ratios) >= 5 else EM_PER_BOX_HEIGHT


def snap_sizes(ems: list[float], weights: list[int]) -> list[float]:
    """Give lines of one printed size one value, so that later stages can
    compare sizes for equality.

    The densest size (most characters within the tolerance) is taken first
    and claims every line near it; then the densest of the rest, and so on.
    Body type, which prints most characters, thus gathers its outliers
    before a rarer size can."""
    values = np.asarray(ems, dtype=np.float64)
    mass = np.maximum(np.asarray(weights, dtype=np.float64), 1.0)
    snapped = values.copy()
    free = np.ones(len(values), dtype=bool)
    while free.any():
        idx = np.nonzero(free)[0]
        near = np.abs(values[idx][:, None] - values[idx][None, :]) <= SIZE_TOLERANCE * values[idx][:, None]
        density = near @ mass[idx]
        centre = idx[int(np.argmax(density))]
        members = idx[np.abs(values[idx] - values[centre]) <= 1.5 * SIZE_TOLERANCE * values[centre]]
        snapped[members] = weighted_median(values[members], mass[members])
        free[members] = False
    return [float(v) for v in snapped]


def weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = np.argsort(values)
    cumulative = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def line_from_piece(piece: Piece, em: float, scale: float, index: int, page_number: int) -> Line:
    """A :class:`Line` in points whose box is the em box of the text, as a
    PDF text layer would give it, and whose size is the em."""
    cy = piece.cy
    bbox = (piece.x0 * scale, (cy - em / 2) * scale, piece.x1 * scale, (cy + em / 2) * scale)
    return Line(
        text=piece.text,
        index=index,
        page=page_number,
        bbox=bbox,
        size=round(em * scale, 1),
        conf=round(piece.conf, 4),
    )


def low_confidence_warning(piece: Piece, index: int) -> str | None:
    unsure = [c for c in piece.chars if c.conf < LOW_CHAR_CONF]
    if not unsure:
        return None
    worst = min(c.conf for c in unsure)
    shown = "".join(c.text for c in unsure[:10])
    return f"line {index}: low confidence {worst:.2f} on {shown!r}"


# --- dashes --------------------------------------------------------------------

# The Chinese dash (破折号) is a rule two ems long at mid-height.  The
# detector often leaves it out of the line's box and the recogniser rarely
# reads it, yet it opens subtitles ("——记…") and ends kickers and
# intertitles ("…表白——"), so it is read from the pixels: a thin level
# stroke of about two ems touching the first or last character, or filling
# a blank inside the line.
INK_LEVEL = 160
DASH_MIN_EMS, DASH_MAX_EMS = 1.5, 2.6
# The stroke is thinner than this share of the em, and the band above and
# below it is blank.
DASH_MAX_THICKNESS = 0.16
DASH = "—"


def restore_dashes(piece: Piece, ink: np.ndarray, em: float) -> None:
    """Add the dashes the recogniser missed at either end of a line or in a
    blank between its characters, and lengthen a single recognised dash
    that is printed two ems long."""
    if not piece.chars or em <= 0 or len(piece.text.replace(" ", "")) != len(piece.chars):
        return
    first, last = piece.chars[0], piece.chars[-1]
    if last.text != DASH:
        run = dash_stroke(ink, piece.cy, em, last.x1 - 0.5 * em, last.x1 + (DASH_MAX_EMS + 0.3) * em)
        if run and run[0] <= last.x1 + 0.4 * em:
            insert_dash(piece, len(piece.chars), max(run[0], last.x1), run[1])
    if first.text != DASH:
        run = dash_stroke(ink, piece.cy, em, first.x0 - (DASH_MAX_EMS + 0.3) * em, first.x0 + 0.5 * em)
        if run and run[1] >= first.x0 - 0.4 * em:
            insert_dash(piece, 0, run[0], min(run[1], first.x0))
    for k in range(len(piece.chars) - 1, 0, -1):
        a, b = piece.chars[k - 1], piece.chars[k]
        if DASH in (a.text, b.text) or b.x0 - a.x1 < DASH_MIN_EMS * em * 0.8:
            continue
        run = dash_stroke(ink, piece.cy, em, a.x1 - 0.5 * em, b.x0 + 0.5 * em)
        if run and run[1] - run[0] >= 0.7 * (b.x0 - a.x1):
            insert_dash(piece, k, a.x1, b.x0)
    lengthen_single_dashes(piece, ink, em)


def lengthen_single_dashes(piece: Piece, ink: np.ndarray, em: float) -> None:
    """A lone "—" between characters is either the one-em connecting dash
    (中国—东盟) or a two-em dash read short; the stroke's length decides."""
    for k in range(len(piece.chars) - 1, -1, -1):
        char = piece.chars[k]
        lone = char.text == DASH and all(
            not (0 <= j < len(piece.chars)) or piece.chars[j].text != DASH for j in (k - 1, k + 1)
        )
        if not lone:
            continue
        run = dash_stroke(ink, piece.cy, em, char.x0 - 1.2 * em, char.x1 + 1.2 * em)
        if run:
            middle = (run[0] + run[1]) / 2
            char.x0, char.x1 = run[0], middle
            piece.chars.insert(k + 1, OcrChar(DASH, middle, run[1], char.conf))
            pos = text_position(piece.text, k) + 1
            piece.text = piece.text[:pos] + DASH + piece.text[pos:]


def dash_stroke(ink: np.ndarray, cy: float, em: float, lo: float, hi: float) -> tuple[float, float] | None:
    """The extent (pixels) of a dash-like stroke between ``lo`` and ``hi``
    near the line's middle: a run of ink DASH_MIN_EMS to DASH_MAX_EMS ems
    long that ends inside the window (a rule runs on), no thicker than a
    stroke, with blank rows above and below it."""
    height, width = ink.shape
    x0, x1 = max(0, int(lo)), min(width, int(hi) + 1)
    y0, y1 = max(0, int(cy - 0.6 * em)), min(height, int(cy + 0.6 * em) + 1)
    if x1 - x0 < DASH_MIN_EMS * em or y1 <= y0:
        return None
    window = ink[y0:y1, x0:x1]
    middle = np.arange(y0, y1)
    rows = np.nonzero(np.abs(middle - cy) <= 0.3 * em)[0]
    if window[rows].any(axis=0).sum() < DASH_MIN_EMS * em:
        return None
    best: tuple[int, int, int] | None = None
    for r in rows:
        for start, stop in ink_runs(window[r], max_break=max(1, int(0.08 * em))):
            if best is None or stop - start > best[2] - best[1]:
                best = (int(r), start, stop)
    if best is None:
        return None
    r, start, stop = best
    length = stop - start
    if not DASH_MIN_EMS * em <= length <= DASH_MAX_EMS * em or stop >= x1 - x0 or start <= 0:
        return None
    # Away from the neighbouring glyphs, nothing but the stroke is inked.
    inner = window[:, start + int(0.4 * em) : stop - int(0.4 * em)]
    if inner.shape[1] == 0:
        return None
    band = np.abs(np.arange(window.shape[0]) - r) <= max(1.0, DASH_MAX_THICKNESS * em)
    if inner[~band].mean() > 0.02 or inner[band].any(axis=0).mean() < 0.9:
        return None
    return float(x0 + start), float(x0 + stop)


def ink_runs(row: np.ndarray, max_break: int) -> list[tuple[int, int]]:
    """Runs (start, stop) of ink along a row of pixels, bridging breaks of
    up to ``max_break`` blank pixels (two dashes printed as one rule)."""
    cols = np.nonzero(row)[0]
    if len(cols) == 0:
        return []
    splits = np.nonzero(np.diff(cols) > max_break + 1)[0]
    starts = np.concatenate(([cols[0]], cols[splits + 1]))
    stops = np.concatenate((cols[splits], [cols[-1]])) + 1
    return list(zip(starts.tolist(), stops.tolist()))


def insert_dash(piece: Piece, k: int, x0: float, x1: float) -> None:
    """Put a two-em dash before character ``k`` over ``x0``–``x1``; a word
    space the recogniser put where the dash is goes."""
    middle = (x0 + x1) / 2
    conf = piece.chars[min(k, len(piece.chars) - 1)].conf
    pos = text_position(piece.text, k)
    piece.text = piece.text[:pos].rstrip(" ") + DASH * 2 + piece.text[pos:].lstrip(" ")
    piece.chars[k:k] = [OcrChar(DASH, x0, middle, conf), OcrChar(DASH, middle, x1, conf)]
    piece.x0, piece.x1 = min(piece.x0, x0), max(piece.x1, x1)


def text_position(text: str, k: int) -> int:
    """Where the ``k``-th printed (non-space) character sits in ``text``
    (the end of the text when ``k`` counts them all)."""
    seen = 0
    for pos, ch in enumerate(text):
        if ch != " ":
            if seen == k:
                return pos
            seen += 1
    return len(text)


# --- punctuation ---------------------------------------------------------------

# Chinese quotes nest double outside, single inside: “…‘…’…”.  The
# recogniser tells the single from the double marks less surely than the
# opening from the closing ones.
OPEN_QUOTES = {"“": "”", "‘": "’"}


def pair_quotes(text: str) -> str:
    """Correct single/double quote marks that break the nesting within a
    line: a closing ” inside an open ‘…, with another ” still to come for
    the outer “, is the ’; an opening “ inside an open “…, with two closing
    marks still to come, is the ‘."""
    chars = list(text)
    stack: list[str] = []
    for i, ch in enumerate(chars):
        rest = chars[i + 1 :]
        if ch in OPEN_QUOTES:
            if ch == "“" and stack and stack[-1] == "“" and sum(c in "”’" for c in rest) >= 2:
                chars[i] = ch = "‘"
            stack.append(ch)
        elif ch in "”’" and stack:
            if ch == "”" and stack[-1] == "‘" and "“" in stack and "”" in rest:
                chars[i] = ch = "’"
            if OPEN_QUOTES[stack[-1]] == ch:
                stack.pop()
    return "".join(chars)


def set_text(piece: Piece, text: str) -> None:
    """Replace a piece's text by a same-length correction, characters too."""
    if text == piece.text:
        return
    for char, new in zip(piece.chars, text.replace(" ", "")):
        char.text = new
    piece.text = text

# The recogniser often returns ASCII forms of CJK punctuation; in Chinese
# running text they are printed full width.
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def is_wide(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


def repair_punctuation(text: str) -> str:
    """ASCII punctuation in Chinese text becomes full width, except between
    two Latin letters or digits (9:30, 1,000).  Brackets go in pairs: one
    opened full width closes full width.  Text without any Han character or
    full-width mark is left alone."""
    chars = list(text)
    if not any(is_wide(c) for c in chars):
        return text
    open_wide = 0
    for i, ch in enumerate(chars):
        if ch not in FULL_WIDTH:
            if ch == "（":
                open_wide += 1
            elif ch == "）":
                open_wide = max(0, open_wide - 1)
            continue
        before = next((c for c in reversed(chars[:i]) if not c.isspace()), "")
        after = next((c for c in chars[i + 1 :] if not c.isspace()), "")
        if ch == "(":
            wide = is_wide(before) or is_wide(after) or not before
            open_wide += wide
        elif ch == ")":
            wide = open_wide > 0 or is_wide(before) or is_wide(after)
            open_wide = max(0, open_wide - 1) if wide else open_wide
        else:
            wide = not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())
        if wide:
            chars[i] = FULL_WIDTH[ch]
    return "".join(chars)
