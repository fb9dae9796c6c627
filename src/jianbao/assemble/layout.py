"""Page layout from line geometry: type sizes, page furniture, and the
reading order of a newspaper page by recursive whitespace cuts.

Works from :class:`Line` fields only (text, bbox, size), so PDF text layers
and OCR results share it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Callable

from jianbao.classify import is_imprint
from jianbao.model import BBox, Line
from jianbao.rules import patterns as P

# A line this much larger than the body type is headline type.  Bylines and
# credits are set one or two points above body, headlines far above.
HEADLINE_RATIO = 1.25
# A byline-looking line is still a headline when it is this much larger.
BYLINE_MAX_RATIO = 1.5
# How far (in body sizes) a body line may run past its column's right edge.
RIGHT_OVERHANG = 2.5
# Page furniture (masthead, header rule text) sits in this top share of the
# page.
HEADER_ZONE = 0.12
# Full-width punctuation keeps its ink in one half of its em box: closing
# marks (）。，”) in the left half, opening marks (（“《) in the right half.
INK_LEFT_HALF = frozenset(c for c in P.CLOSERS + "，。、；：！？" if ord(c) > 0x7F)
INK_RIGHT_HALF = frozenset(c for c in P.OPENERS if ord(c) > 0x7F)


def body_size(lines: list[Line]) -> float:
    """The body type size: the size that prints the most characters."""
    counts: Counter[float] = Counter()
    for line in lines:
        if line.size:
            counts[round(line.size * 2) / 2] += len(line.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def is_headline_line(line: Line, body: float) -> bool:
    """Headline type is markedly larger than body type; a byline set a little
    larger than body stays a byline."""
    size = line.size or body
    if size < HEADLINE_RATIO * body:
        return False
    if size < BYLINE_MAX_RATIO * body and P.BYLINE.match(line.text):
        return False
    return True


# --- furniture -----------------------------------------------------------------


@dataclass(slots=True)
class HeaderInfo:
    """What the page header prints about the page."""

    number: int | None = None
    section: str = ""
    date: str | None = None
    paper: str | None = None


def furniture_kind(line: Line, page_height: float | None) -> str:
    """'masthead', 'date', 'page_header' or '' for a line in the header zone;
    'imprint' for a line of the paper's imprint anywhere (beside the
    masthead or at the foot of the page).

    Only lines near the top of the page count as headers: the same words
    inside an article are text, not furniture.
    """
    text = line.text.strip()
    if text and is_imprint(text):
        return "imprint"
    if line.bbox is None or page_height is None or line.bbox[3] > HEADER_ZONE * page_height:
        return ""
    if not text:
        return ""
    if P.MASTHEAD.match(text):
        return "masthead"
    if P.HEADER_LINE.match(text):
        if P.PAGE_HEADER.search(text):
            return "page_header"
        if P.DATE.search(text) or P.WEEKDAY.search(text):
            return "date"
        return "page_header"
    return ""


def read_header(lines: list[Line]) -> HeaderInfo:
    """Page number, section, date and paper name from furniture lines."""
    info = HeaderInfo()
    for line in lines:
        text = line.text.strip()
        if info.number is None and (m := P.PAGE_HEADER.search(text)):
            info.number = P.to_int(m.group(1))
            rest = text[m.end():].strip(" " + P.SECTION_SEPARATORS).split()
            if rest and not P.DATE.search(rest[0]):
                info.section = rest[0]
        if info.date is None:
            info.date = P.iso_date(text)
        if info.paper is None:
            name = text.split()[0] if text.split() else ""
            if P.MASTHEAD.match(name):
                info.paper = name
    return info


# --- reading order by whitespace cuts ---------------------------------------------


@dataclass(slots=True)
class Item:
    """Something printed on the page: a line, or a picture box (line None)."""

    bbox: BBox
    line: Line | None = None
    picture: int = -1


@dataclass(slots=True)
class Cutter:
    """Recursive XY cut: split at whitespace gutters wider than the gaps
    inside a column, horizontal bands first (a newspaper is read band by
    band), vertical strips inside a band.

    When a region can be cut both ways, the horizontal cut wins if it runs
    between modules (no headline or picture of the band on top has the rest
    of its module below the cut): a full-height gutter
    often runs through modules stacked on one side, and cutting it first
    would take the outer columns of a wide module below away from the
    headline centred over it.  When instead the horizontal cut would leave a
    headline above it with its stack or text below it — side-by-side
    articles whose headlines happen to align — or a picture above it with
    its caption below it, and the vertical cut puts a
    headline at the top of every strip, the vertical cut wins.
    """

    min_h_gap: float
    min_v_gap: float
    body: float
    leaves: list[list[Item]] = field(default_factory=list)

    def cut(self, items: list[Item]) -> list[list[Item]]:
        self.leaves = []
        self._cut(items)
        return self.leaves

    def _cut(self, items: list[Item]) -> None:
        if len(items) <= 1:
            if items:
                self.leaves.append(items)
            return
        bands = split_at_widest_gap(items, min_gap=self.min_h_gap)
        strips = self._merge_orphan_strips(self._strips(items))
        if len(strips) > 1 and (len(bands) == 1 or self._vertical_first(bands, strips)):
            parts = strips
        elif len(bands) > 1:
            parts = bands
        else:
            self.leaves.append(sorted(items, key=lambda it: (it.bbox[1], it.bbox[0])))
            return
        for part in parts:
            self._cut(part)

    def _strips(self, items: list[Item]) -> list[list[Item]]:
        """The region's vertical strips, left to right, split at gutters."""
        return split_at_gaps(items, axis=0, min_gap=self.min_v_gap, span=self._x_core)

    def _merge_orphan_strips(self, strips: list[list[Item]]) -> list[list[Item]]:
        """Give a headless strip to the neighbour whose headline it sits under.

        A headline centred over a module may not reach its outer columns;
        such a column starts level with the first body line under the
        headline next to it, which is how it shows it belongs there.
        """
        merged = [list(s) for s in strips]
        while len(merged) > 1:
            join = self._best_orphan_join(merged)
            if join is None:
                break
            lo, hi = join
            merged[lo : hi + 1] = [merged[lo] + merged[hi]]
        return merged

    def _best_orphan_join(self, strips: list[list[Item]]) -> tuple[int, int] | None:
        """The (left, right) pair of strips to join: a headless strip and
        the neighbour with a headline whose body starts most nearly level
        with it (the left one on a tie)."""
        best: tuple[float, int, int] | None = None
        for i, strip in enumerate(strips):
            top = self._body_top(strip)
            if top is None or self._starts_with_headline(strip):
                continue
            for j in (i - 1, i + 1):
                if not (0 <= j < len(strips)) or not self._starts_with_headline(strips[j]):
                    continue
                other = self._body_top(strips[j])
                if other is None:
                    continue
                diff = abs(top - other)
                if diff < 1.5 * self.body and (best is None or diff < best[0]):
                    best = (diff, min(i, j), max(i, j))
        return None if best is None else (best[1], best[2])

    def _body_top(self, items: list[Item]) -> float | None:
        tops = [it.bbox[1] for it in items if it.line is not None and not is_headline_line(it.line, self.body)]
        return min(tops) if tops else None

    def _x_core(self, item: Item) -> tuple[float, float]:
        """The x extent that must not straddle a column gutter.

        Typesetters let punctuation hang past the column's right edge, and
        a tight line may run a character or two long, so the right end of a
        body line may run into (or across) the gutter; its left edge, where
        the column starts, is what places it.  Headline glyphs carry wide
        side bearings, so half a character at each end does not count.
        """
        x0, _, x1, _ = item.bbox
        if item.line is None:
            return x0, x1
        size = item.line.size or self.body
        if is_headline_line(item.line, self.body):
            text = item.line.text.strip()
            left = 0.5 * size + (0.5 * size if text[:1] in INK_RIGHT_HALF else 0.0)
            right = 0.5 * size + (0.5 * size if text[-1:] in INK_LEFT_HALF else 0.0)
            return x0 + min(left, 0.25 * (x1 - x0)), x1 - min(right, 0.25 * (x1 - x0))
        return x0, x1 - min(RIGHT_OVERHANG * self.body, 0.5 * (x1 - x0))

    def _vertical_first(self, bands: list[list[Item]], strips: list[list[Item]]) -> bool:
        """Whether to cut into strips before bands (see the class docstring)."""
        if not all(self._starts_with_headline(s) for s in strips):
            return False
        return any(self._cut_inside_module(upper, lower) for upper, lower in zip(bands, bands[1:]))

    def _cut_inside_module(self, upper: list[Item], lower: list[Item]) -> bool:
        """Whether a cut between two bands runs through a module rather than
        between modules: a headline of the upper band has nothing under it
        there but the rest of its stack or its text below the cut, or a
        picture has its caption (text, not the next headline) right below
        the cut."""
        for top in upper:
            is_picture = top.line is None
            if not is_picture and not is_headline_line(top.line, self.body):
                continue
            core = self._x_core(top)
            if any(self._is_under(it, top, core) for it in upper if it is not top):
                continue
            under = [it for it in lower if self._is_under(it, top, core)]
            if not under:
                continue
            if not is_picture:
                return True
            first = min(under, key=lambda it: it.bbox[1])
            if first.line is not None and not is_headline_line(first.line, self.body):
                return True
        return False

    def _is_under(self, item: Item, head: Item, core: tuple[float, float]) -> bool:
        x0, x1 = self._x_core(item)
        return item.bbox[1] >= head.bbox[3] - 1 and min(x1, core[1]) > max(x0, core[0])

    def _starts_with_headline(self, items: list[Item]) -> bool:
        top = min(items, key=lambda it: it.bbox[1])
        return top.line is not None and is_headline_line(top.line, self.body)


def split_at_widest_gap(items: list[Item], min_gap: float) -> list[list[Item]]:
    """Split items in two (top, bottom) at the widest horizontal gutter.

    One cut at a time, widest first: the space between modules is wider
    than the space inside one (kicker → title → body), so two side-by-side
    modules whose headline rows align stay one band, to be cut vertically.
    """
    bands = split_at_gaps(items, axis=1, min_gap=min_gap)
    if len(bands) <= 2:
        return bands
    gaps = [
        min(it.bbox[1] for it in lower) - max(it.bbox[3] for it in upper) for upper, lower in zip(bands, bands[1:])
    ]
    at = gaps.index(max(gaps)) + 1
    return [[it for band in bands[:at] for it in band], [it for band in bands[at:] for it in band]]


def split_at_gaps(
    items: list[Item],
    axis: int,
    min_gap: float,
    span: Callable[[Item], tuple[float, float]] | None = None,
) -> list[list[Item]]:
    """Split items where their projection on the axis (0 = x, 1 = y) has a
    gap wider than ``min_gap``; parts come in order along the axis.
    ``span`` gives the extent to project (default: the bbox's)."""
    extent = span or (lambda it: (it.bbox[axis], it.bbox[axis + 2]))
    ordered = sorted(((extent(it), it) for it in items), key=lambda pair: pair[0][0])
    parts: list[list[Item]] = [[ordered[0][1]]]
    reach = ordered[0][0][1]
    for (start, end), item in ordered[1:]:
        if start - reach > min_gap:
            parts.append([item])
        else:
            parts[-1].append(item)
        reach = max(reach, end)
    return parts


def typical_line_gap(lines: list[Line], body: float) -> float:
    """The usual white space between consecutive lines of one column of body
    type (the leading), which a cut must never split at."""
    gaps = []
    body_lines = sorted(
        (ln for ln in lines if ln.bbox and ln.size and abs(ln.size - body) < 0.5),
        key=lambda ln: (round(ln.bbox[0]), ln.bbox[1]),  # type: ignore[index]
    )
    for prev, cur in zip(body_lines, body_lines[1:]):
        a, b = prev.bbox, cur.bbox
        assert a is not None and b is not None
        gap = b[1] - a[3]
        if abs(a[0] - b[0]) < 2 * body and 0 <= gap < 2 * body:
            gaps.append(gap)
    return median(gaps) if gaps else 0.3 * body


def reading_order(items: list[Item], body: float, line_gap: float) -> list[list[Item]]:
    """Leaves of the XY cut in reading order; each leaf is one column piece
    (or one headline, picture…) with its items top to bottom."""
    min_h_gap = max(line_gap * 1.3, line_gap + 0.15 * body)
    min_v_gap = 0.4 * body
    return Cutter(min_h_gap=min_h_gap, min_v_gap=min_v_gap, body=body).cut(items)


def union(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def x_overlap(a: BBox, b: BBox) -> float:
    """Overlap of two boxes along x as a share of the narrower one."""
    inter = min(a[2], b[2]) - max(a[0], b[0])
    narrow = min(a[2] - a[0], b[2] - b[0])
    return inter / narrow if narrow > 0 else 0.0
