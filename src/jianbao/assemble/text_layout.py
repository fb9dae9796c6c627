"""Reading order for layout-preserving text (``pdftotext -layout`` and kin).

Such text prints a page row by row with its columns side by side (see
:mod:`jianbao.readers.layout_text`).  Its pieces carry positions — row and
start and end cell — so the page's reading order comes from the same
whitespace cuts as a PDF's text layer (:mod:`jianbao.assemble.layout`):
bands across the page, strips down it, until each leaf is one column
stretch, a headline or a byline.  The text assembly then gets what it
expects of plain extracted text: the lines of one column one after another,
one column after the other, a headline as one line, with the paragraph
indents the layout kept.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
from collections import Counter
from statistics import median

import numpy as np

from jianbao.assemble.layout import Cutter, Item, is_headline_line, split_at_gaps
from jianbao.model import HINT_BODY, HINT_HEAD, Line
from jianbao.readers.layout_text import (
    INDENT_CELLS,
    MIN_MEASURE_EMS,
    SHIFT_LEFT,
    Grid,
    Piece,
    is_layout_text,
    near_edge,
    page_grid,
    page_pieces,
)

# Chinese paragraphs open indented by two characters; on a character grid
# an indented line starts this many ems right of its column's left edge.
INDENT_MIN = 1.5
INDENT_MAX = 4.5
# A piece printed this close to the piece on its left (in ems) may have been
# pushed right by it, so where it starts says nothing about an indent.
PUSHED_GAP = 1.0
# Lines set across columns (headlines) count as this many ems tall, so that
# the whitespace cuts treat them as headline type.
WIDE_SIZE = 1.5
# The share of a body line's width, from its start, that places it in its
# column: a grid extractor prints a line up to a few cells off its column's
# edge, and a long line runs on into the gutter.
CORE_SHARE = 0.5
# Two lines on consecutive rows continue one column stretch when they start
# within this many ems of each other and overlap across this share of the
# narrower one.
LINK_SHIFT = 8
LINK_OVERLAP = 0.5
# ... and at most this many rows apart: a grid extractor may print the lines
# of the column beside, set on other baselines, between two lines of one
# column (five rows down, where a headline pushed the beside column's lines).
LINK_ROWS = 6
# Phrases of one headline row stand at most this many ems apart.
PHRASE_GAP = 4
# A link over rows that other columns hold counts this much less per row.
SKIP_COST = 0.2
# A stretch's column is judged from its last this many lines.
SPAN_LINES = 5
# Strips are cut at gutters at least this many ems wide.
MIN_GUTTER = 0.4
# A gutter may be crossed by body lines printed off their column on at most
# this share of a region's rows ...
DRIFT_SHARE = 0.06
# ... when each side holds at least this many times as many lines wholly.
MIN_SIDE_SHARE = 3


def layout_reading_order(lines: list[Line]) -> list[Line] | None:
    """The page's lines cut into column pieces in reading order, or None
    when the text is not layout text (then it is left as it is)."""
    if not is_layout_text(lines):
        return None
    grid = page_grid(lines)
    pieces = page_pieces(lines, grid)
    if not pieces:
        return None
    pushed = pushed_pieces(pieces, grid.em)
    by_row = pieces_by_row(pieces)
    hints = layout_hints(by_row, grid)
    lines_of = {
        id(p): hinted(piece_line(p, grid, len(by_row[p.row]) == 1, in_stack(p, by_row, grid)), hints[id(p)], grid.em)
        for p in pieces
    }
    heads = {id(p) for p in pieces if is_headline_line(lines_of[id(p)], float(grid.em))}
    stretches = join_headline_phrases(column_stretches(by_row, heads, grid.em), lines_of, grid.em)
    items = [stretch_item(st, lines_of, grid.em) for st in stretches]
    of_item = {id(item.line): st for item, st in zip(items, stretches)}
    cutter = LayoutCutter(min_h_gap=-0.5 * grid.em, min_v_gap=MIN_GUTTER * grid.em, body=float(grid.em))
    ordered: list[Line] = []
    for leaf in cutter.cut(items):
        for item in leaf:
            stretch = of_item[id(item.line)]
            left = column_left(stretch)
            for k, piece in enumerate(stretch):
                indented = len(stretch) > 1 and id(piece) not in pushed and is_indented(piece, left, grid.em)
                ordered.append(
                    dataclasses.replace(
                        lines_of[id(piece)],
                        text=(" " if indented else "") + piece.text,
                        blank_before=k == 0 and bool(ordered),
                    )
                )
    return ordered


def column_stretches(by_row: dict[int, list[Piece]], heads: set[int], em: int) -> list[list[Piece]]:
    """Pieces chained down the page into column stretches.

    A piece continues a stretch whose last line is on a row shortly above
    when each is the other's best match: they overlap across most of the
    narrower one, start within LINK_SHIFT ems of each other (a grid
    extractor prints lines a few cells off their column; an indent moves a
    line two cells), and are both headline lines or both not.  The rows in
    between may hold other columns' lines (columns set on slightly different
    baselines get rows of their own) but not be blank: a blank row parts
    stacked blocks.  Each article block has its own column grid, so columns
    are followed line by line rather than read off one grid for the page.
    """
    stretches: list[list[Piece]] = []
    open_ends: list[list[Piece]] = []
    last_row: int | None = None
    for row in sorted(by_row):
        if last_row is not None and row - last_row > 1:
            open_ends = []  # a blank row closes every stretch
        open_ends = [st for st in open_ends if row - st[-1].row <= LINK_ROWS]
        links = stretch_links(open_ends, by_row[row], heads, em, by_row)
        for piece in sorted(by_row[row], key=lambda p: p.x0):
            stretch = links.get(id(piece))
            if stretch is None:
                stretch = []
                stretches.append(stretch)
                open_ends.append(stretch)
            stretch.append(piece)
        last_row = row
    return stretches


def stretch_links(
    open_ends: list[list[Piece]], below: list[Piece], heads: set[int], em: int, by_row: dict[int, list[Piece]]
) -> dict[int, list[Piece]]:
    """For each piece of ``below`` the open stretch it continues: mutual
    best matches, nearer rows first; a link over rows in between holds
    only when nothing on those rows stands across it."""

    spans = {id(st): stretch_span(st) for st in open_ends}

    def score(st: list[Piece], b: Piece) -> float:
        a = st[-1]
        x0, x1 = spans[id(st)]
        if b.x1 <= x0 or b.x0 >= x1 + INDENT_MAX * em:
            return 0.0
        if (id(a) in heads) != (id(b) in heads) or abs(x0 - b.x0) > LINK_SHIFT * em:
            return 0.0
        if blocked_between(a, b, by_row):
            return 0.0
        # A paragraph's opening line is indented: it may start right of
        # where the short last line of the paragraph before ends.
        b0 = min(b.x0, max(x0, b.x0 - INDENT_MAX * em))
        inter = min(x1, b.x1) - max(x0, b0)
        narrow = min(x1 - x0, b.x1 - b0)
        share = min(1.0, inter / narrow) if narrow > 0 else 0.0
        return share - SKIP_COST * (b.row - a.row - 1) - 0.01 if share >= LINK_OVERLAP else 0.0

    if not open_ends or not below:
        return {}
    scores = [[score(st, b) for b in below] for st in open_ends]
    links: dict[int, list[Piece]] = {}
    for j, b in enumerate(below):
        i = max(range(len(open_ends)), key=lambda i: scores[i][j])
        if scores[i][j] > 0 and max(range(len(below)), key=lambda k: scores[i][k]) == j:
            links[id(b)] = open_ends[i]
    return links


def join_headline_phrases(
    stretches: list[list[Piece]], lines_of: dict[int, Line], em: int
) -> list[list[Piece]]:
    """Join the pieces of a row that stand alone (no column line above or
    below continues them) and are at most PHRASE_GAP ems apart: a headline
    of parallel phrases set apart by a few spaces is one headline line."""
    alone: dict[int, list[list[Piece]]] = {}
    for st in stretches:
        if len(st) == 1:
            alone.setdefault(st[0].row, []).append(st)
    joined: dict[int, list[Piece]] = {}
    for row_stretches in alone.values():
        row_stretches.sort(key=lambda st: st[0].x0)
        run = row_stretches[0]
        for st in row_stretches[1:]:
            a, b = run[0], st[0]
            if b.x0 - a.x1 > PHRASE_GAP * em:
                run = st
                continue
            piece = Piece(text=f"{a.text} {b.text}", row=a.row, x0=a.x0, x1=b.x1, line=a.line)
            lines_of[id(piece)] = dataclasses.replace(
                lines_of[id(a)], text=piece.text, bbox=piece_box(piece, em), size=WIDE_SIZE * em, hint=HINT_HEAD
            )
            joined[id(run)] = joined[id(st)] = run
            run[0] = piece
    return [st for st in stretches if joined.get(id(st), st) is st]


def blocked_between(a: Piece, b: Piece, by_row: dict[int, list[Piece]]) -> bool:
    """Whether a piece on a row between ``a`` and ``b`` overlaps them both
    (a line set across them, such as a subtitle between a title and a
    byline that starts right of it)."""
    return any(
        overlaps(p, a) and overlaps(p, b) for row in range(a.row + 1, b.row) for p in by_row.get(row, ())
    )


def overlaps(p: Piece, q: Piece) -> bool:
    return min(p.x1, q.x1) > max(p.x0, q.x0)


def stretch_span(stretch: list[Piece]) -> tuple[float, float]:
    """The cells a stretch's column covers, from its last few lines: where
    most of them start, to where the longest ends (a paragraph's short last
    line does not narrow the column)."""
    recent = stretch[-SPAN_LINES:]
    return float(median(p.x0 for p in recent)), float(max(p.x1 for p in recent))


def stretch_item(stretch: list[Piece], lines_of: dict[int, Line], em: int) -> Item:
    """A stretch as one box for the cuts: from the rows it spans, across the
    cells where its lines typically start and end (lines printed off the
    column do not widen it).  Its line stands for the stretch's type."""
    x0 = float(median(p.x0 for p in stretch))
    x1 = float(median(p.x1 for p in stretch))
    top, bottom = stretch[0].row, stretch[-1].row
    first = lines_of[id(stretch[0])]
    box = (x0, top * em, max(x1, x0 + 1), (bottom + 1) * em)
    line = dataclasses.replace(first, text="".join(p.text for p in stretch), bbox=box)
    return Item(bbox=box, line=line)


class LayoutCutter(Cutter):
    """Whitespace cuts over layout-text pieces.

    A body line is placed by where it starts, not by its full width (see
    CORE_SHARE).  A region that cannot be cut either way because a headline
    runs across the columns right above their first row (layout text has no
    white space between rows) is cut under the headline rows at its top.
    """

    def _x_core(self, item: Item) -> tuple[float, float]:
        if item.line is None or is_headline_line(item.line, self.body):
            return super()._x_core(item)
        x0, _, x1, _ = item.bbox
        return x0, x0 + CORE_SHARE * (x1 - x0)

    def _cut(self, items: list[Item]) -> None:
        top, rest = self._headline_rows_on_top(items)
        if top and rest:
            self._cut(top)
            self._cut(rest)
            return
        super()._cut(items)

    def _headline_rows_on_top(self, items: list[Item]) -> tuple[list[Item], list[Item]]:
        """The rows at the top of a region that hold only headline lines,
        and the rest, when the region has no gutter to cut at (or only
        gutters beside columns that belong under its headline)."""
        if len(items) < 2 or self._has_gutter(items):
            return [], items
        rows: dict[float, list[Item]] = {}
        for it in items:
            rows.setdefault(it.bbox[1], []).append(it)
        top: list[Item] = []
        for y in sorted(rows):
            if not all(it.line is not None and is_headline_line(it.line, self.body) for it in rows[y]):
                break
            top.extend(rows[y])
        rest = [it for it in items if all(it is not t for t in top)]
        return top, rest

    def _has_gutter(self, items: list[Item]) -> bool:

        if len(split_at_gaps(items, axis=1, min_gap=self.min_h_gap)) > 1:
            return True
        return len(self._merge_orphan_strips(self._strips(items))) > 1

    def _strips(self, items: list[Item]) -> list[list[Item]]:
        """Strips split at gutters that allow a few body lines across.

        A grid extractor prints some lines a few cells off their column, so
        a gutter is not always blank from top to bottom: it is a boundary
        between cells that few body lines cross (at most DRIFT_SHARE of the
        region's rows), with clearly more lines wholly on each side.  No
        headline line may cross it.  A line that crosses goes to the side
        that holds most of it.
        """
        if len(items) < 2:
            return [items]
        spans = [self._gutter_span(it) for it in items]
        cuts = soft_gutters(spans, [self._blocks(it) for it in items], self._allowance(items))
        if not cuts:
            return [items]
        strips: list[list[Item]] = [[] for _ in range(len(cuts) + 1)]
        for it, (a, b) in zip(items, spans):
            strips[bisect.bisect_left(cuts, (a + b) / 2)].append(it)
        return [s for s in strips if s]

    def _gutter_span(self, item: Item) -> tuple[float, float]:
        if item.line is not None and is_headline_line(item.line, self.body):
            return super()._x_core(item)
        return item.bbox[0], item.bbox[2]

    def _blocks(self, item: Item) -> bool:
        """Headline lines never cross a gutter."""
        return item.line is not None and is_headline_line(item.line, self.body)

    def _allowance(self, items: list[Item]) -> int:
        rows = len({it.bbox[1] for it in items})
        return int(DRIFT_SHARE * rows)


def soft_gutters(spans: list[tuple[float, float]], blocking: list[bool], allowance: int) -> list[float]:
    """Cell boundaries to cut a region at, left to right (see
    LayoutCutter._strips): in each run of boundaries that at most
    ``allowance`` non-blocking spans and no blocking span cross, with spans
    wholly on both sides (at least MIN_SIDE_SHARE times as many as cross),
    the boundary fewest spans cross (the middle one of a tie)."""
    lo = math.floor(min(a for a, _ in spans))
    hi = math.ceil(max(b for _, b in spans))
    size = hi - lo + 2
    crossing = np.zeros(size, dtype=np.int64)
    blocked = np.zeros(size, dtype=np.int64)
    ends = np.zeros(size, dtype=np.int64)
    starts = np.zeros(size, dtype=np.int64)
    for (a, b), block in zip(spans, blocking):
        first, last = math.floor(a) + 1 - lo, math.ceil(b) - 1 - lo
        target = blocked if block else crossing
        if first <= last:
            target[first] += 1
            target[last + 1] -= 1
        ends[math.ceil(b) - lo] += 1
        starts[math.floor(a) - lo] += 1
    crossing = np.cumsum(crossing)
    blocked = np.cumsum(blocked)
    left = np.cumsum(ends)  # spans ending at or before each boundary
    right = len(spans) - np.cumsum(starts) + starts  # spans starting at or after it
    ok = (blocked == 0) & (crossing <= allowance) & (left > 0) & (right > 0)
    ok &= (crossing == 0) | ((left >= MIN_SIDE_SHARE * crossing) & (right >= MIN_SIDE_SHARE * crossing))
    cuts: list[float] = []
    x = 0
    while x < size:
        if not ok[x]:
            x += 1
            continue
        end = x
        while end + 1 < size and ok[end + 1]:
            end += 1
        run = crossing[x : end + 1]
        best = np.flatnonzero(run == run.min())
        cuts.append(float(lo + x + best[len(best) // 2]))
        x = end + 1
    return cuts


def piece_box(piece: Piece, em: int) -> tuple[float, float, float, float]:
    """A piece's box: cells across, one em-high row per text line down."""
    return (float(piece.x0), piece.row * em, float(piece.x1), (piece.row + 1) * em)


def piece_line(piece: Piece, grid: Grid, alone: bool = False, stacked: bool = False) -> Line:
    """A piece as a line for the cuts; lines wider than any column measure
    are given headline size, and so are lines alone on their row that do not
    start at a column edge (headlines are centred over their columns) —
    unless the line stands in a column stack (a body line with many
    half-width digits, or two column lines printed as one)."""
    wide = grid.is_wide(piece.x1 - piece.x0)
    centred = alone and near_edge(piece.x0, grid.edges, after=INDENT_CELLS * grid.em) is None
    size = grid.em * (WIDE_SIZE if (wide or centred) and not stacked else 1.0)
    return dataclasses.replace(piece.line, text=piece.text, bbox=piece_box(piece, grid.em), size=size)


def layout_hint(piece: Piece, by_row: dict[int, list[Piece]], grid: Grid) -> str:
    """What the piece's place says of it (see model.HINT_HEAD).

    A line inside a stack of full column lines is body text.  A line with
    nothing printed on the row above it that stands alone on its row or
    runs wider than any column is set apart like a headline: headline type
    is taller than body type, so the rows around it are left blank, and it
    is centred over, or runs across, the columns it heads.
    """
    if in_stack(piece, by_row, grid):
        return HINT_BODY
    clear_above = piece.row - 1 not in by_row
    alone = len(by_row[piece.row]) == 1
    if clear_above and (alone or grid.is_wide(piece.x1 - piece.x0)):
        return HINT_HEAD
    return ""


def hinted(line: Line, hint: str, em: int) -> Line:
    """The line with its layout hint; a line set apart like a headline
    counts as headline type for the cuts too."""
    size = WIDE_SIZE * em if hint == HINT_HEAD else line.size
    return dataclasses.replace(line, hint=hint, size=size)


def layout_hints(by_row: dict[int, list[Piece]], grid: Grid) -> dict[int, str]:
    """Every piece's hint (see layout_hint), with headline stacks followed
    down: a line right under a headline line, across the same cells, that
    stands alone on its row, runs wider than a column or falls short of
    the column measure, is the stack's next line (a body line under a
    headline fills its column, beside the other columns' lines)."""
    hints: dict[int, str] = {}
    for row in sorted(by_row):
        above = [q for q in by_row.get(row - 1, ()) if hints.get(id(q)) == HINT_HEAD]
        for p in by_row[row]:
            hint = layout_hint(p, by_row, grid)
            if not hint and any(min(q.x1, p.x1) > max(q.x0, p.x0) for q in above):
                width = p.x1 - p.x0
                if len(by_row[row]) == 1 or grid.is_wide(width) or not grid.fills_measure(width):
                    hint = HINT_HEAD
            hints[id(p)] = hint
    return hints


def pieces_by_row(pieces: list[Piece]) -> dict[int, list[Piece]]:
    by_row: dict[int, list[Piece]] = {}
    for p in pieces:
        by_row.setdefault(p.row, []).append(p)
    return by_row


def in_stack(piece: Piece, by_row: dict[int, list[Piece]], grid: Grid) -> bool:
    """Whether the rows right above and right below both hold a line that
    starts within a few cells of this one and fills a column measure: the
    piece is a line inside a column of body text, not a headline (headlines
    have white space or other headline lines above or below them)."""
    reach = SHIFT_LEFT * grid.em

    def column_line_near(row: int) -> bool:
        return any(
            abs(p.x0 - piece.x0) <= reach and p.x1 - p.x0 >= MIN_MEASURE_EMS * grid.em and grid.fills_measure(p.x1 - p.x0)
            for p in by_row.get(row, ())
        )

    return column_line_near(piece.row - 1) and column_line_near(piece.row + 1)


def pushed_pieces(pieces: list[Piece], em: int) -> set[int]:
    """Pieces that follow the piece on their left on the same row after at
    most PUSHED_GAP ems: where they start is not where their column does."""
    by_row: dict[int, list[Piece]] = {}
    for p in pieces:
        by_row.setdefault(p.row, []).append(p)
    pushed: set[int] = set()
    for row in by_row.values():
        row.sort(key=lambda p: p.x0)
        for a, b in zip(row, row[1:]):
            if b.x0 - a.x1 <= PUSHED_GAP * em:
                pushed.add(id(b))
    return pushed


def column_left(pieces: list[Piece]) -> int:
    """The left edge of a column stretch: where most of its lines start (a
    grid extractor may print a line a cell or two off the edge)."""
    counts = Counter(p.x0 for p in pieces)
    return max(counts, key=lambda x: (counts[x], -x))


def is_indented(piece: Piece, left: int, em: int) -> bool:
    """A piece that starts about two characters right of its column's
    left edge opens a paragraph."""
    return INDENT_MIN * em <= piece.x0 - left <= INDENT_MAX * em
