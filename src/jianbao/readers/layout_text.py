"""Layout-preserving text: rows of a page with columns side by side.

Tools such as poppler's ``pdftotext -layout`` print each printed row of a
page as one line of text in which every column keeps its horizontal place,
padded with runs of spaces.  Such a line is not one printed line: it holds a
piece of every column that has a line at that height.

This module recognises such text and cuts each of its lines into *pieces*
with positions: the row number is y, the start and end cell are x0 and x1.
A cell is one character of the text grid: tools that lay out on a character
grid give every character one cell (poppler does), others count display
columns (a Han character two, a Latin letter one); which of the two a page
uses is read from where its pieces line up.

Ordinary extracted text (one printed line per line) never has many lines
with inner runs of spaces whose ends line up from line to line, so it is
left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from jianbao import rules
from jianbao.model import Line

# A run of this many spaces inside a line separates two columns' pieces.
GAP_SPACES = 2
# Layout text: at least this share of the lines with some text have an inner
# run of spaces, and at least this many lines do.
MIN_GAPPED_SHARE = 0.25
MIN_GAPPED_LINES = 4
# Lines with fewer visible characters do not count towards the share.
MIN_VISIBLE = 4
# At least this share of the pieces that follow a run of spaces must start
# where other pieces start too (within one cell): columns line up.
MIN_ALIGNED_SHARE = 0.5
# A column's left edge is where at least this many pieces start (within
# EDGE_RADIUS cells), and more than any position nearby.
MIN_EDGE_PIECES = 3
EDGE_RADIUS = 2
# Extractors on a character grid push a piece right when the piece to its
# left runs long (half-width digits take a cell each); a piece starting this
# many cells left or right of a column edge still starts at that edge.
EDGE_BEFORE = 1
EDGE_AFTER = 3
# In rows packed tight a grid extractor may print a column's line up to this
# many ems left of its column's edge.
SHIFT_LEFT = 4
# A column measure is a width of at least this many ems that at least this
# many pieces without spaces have.
MIN_MEASURE_EMS = 6
MIN_MEASURE_PIECES = 8
# Text fills a measure when it is at most this many ems shorter (an indented
# opening line) or longer (half-width digits take a whole cell) than it.
MEASURE_SHORT = 3
MEASURE_LONG = 2
# Paragraph indent: a left piece that runs into the next column by at most
# this many cells is still one column's line.
INDENT_CELLS = 4

CELL = "cell"  # one character, one cell
DISPLAY = "display"  # East Asian wide characters two cells

_INNER_GAP = re.compile(r"(?<=\S) {%d,}(?=\S)" % GAP_SPACES)


@dataclass(slots=True)
class Piece:
    """A run of text on one row with its start and end cell."""

    text: str
    row: int
    x0: int
    x1: int
    line: Line


def char_cells(ch: str, unit: str) -> int:
    if unit == DISPLAY and unicodedata.east_asian_width(ch) in "WF":
        return 2
    return 1


def cell_offsets(text: str, unit: str) -> list[int]:
    """The start cell of every character of ``text`` (and its end as the
    last entry)."""
    if unit == CELL:
        return list(range(len(text) + 1))
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + char_cells(ch, unit))
    return offsets


def word_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the text between runs of two or more
    spaces (single spaces stay inside a run)."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\S+(?: {1,%d}\S+)*" % (GAP_SPACES - 1), text):
        spans.append((m.start(), m.end()))
    return spans


# Runs of a row that one byline's faux-bold copies may be spread over.
BYLINE_RUNS = 4


def bold_runs_joined(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of a row that together print a byline twice are one bold line.
    An extractor may space out a byline's faux-bold copies
    ("本报记者本报记者      王芳王芳") or print each copy with its own gap
    ("本报记者  王芳本报记者  王芳"); the runs would otherwise be read as
    the lines of other columns."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        for n in range(min(BYLINE_RUNS, len(runs) - k), 1, -1):
            if prints_byline_twice([text[a:b] for a, b in runs[k : k + n]]):
                out.append((runs[k][0], runs[k + n - 1][1]))
                k += n
                break
        else:
            out.append(runs[k])
            k += 1
    return out


def prints_byline_twice(parts: list[str]) -> bool:
    """The parts, read together, are a byline printed twice: as a whole
    ("本报记者  王芳本报记者  王芳") or part by part ("本报记者本报记者", "王芳王芳")."""
    whole = rules.undouble_token("".join(p.replace(" ", "") for p in parts))
    if whole is not None and rules.BYLINE.match(whole):
        return True
    singles = [rules.undouble_token(p.replace(" ", "")) for p in parts]
    return all(singles) and bool(rules.BYLINE.match(" ".join(s for s in singles if s)))


def expand_text(text: str) -> str:
    """Tabs to spaces (tab stops every eight cells) and full-width or
    no-break spaces to ordinary spaces, so that cells can be counted."""
    return text.expandtabs(8).replace("\u3000", "  ").replace("\u00a0", " ")


# --- detection --------------------------------------------------------------------


def gapped_pieces_starts(lines: list[Line], unit: str) -> list[int]:
    """Start cells of the pieces that follow an inner run of spaces."""
    starts: list[int] = []
    for line in lines:
        text = expand_text(line.text)
        if not _INNER_GAP.search(text):
            continue
        offsets = cell_offsets(text, unit)
        starts.extend(offsets[m.end()] for m in _INNER_GAP.finditer(text))
    return starts


def aligned_share(starts: list[int], slack: int = 1) -> float:
    """Share of start cells that another start shares within ``slack``
    cells."""
    if not starts:
        return 0.0
    counts = Counter(starts)
    aligned = sum(1 for s in starts if sum(counts[s + d] for d in range(-slack, slack + 1)) >= 2)
    return aligned / len(starts)


def grid_unit(lines: list[Line]) -> str:
    """The unit under which the pieces line up exactly most often (a
    character grid on a tie, the common case)."""
    cell = aligned_share(gapped_pieces_starts(lines, CELL), slack=0)
    display = aligned_share(gapped_pieces_starts(lines, DISPLAY), slack=0)
    return DISPLAY if display > cell else CELL


def is_layout_text(lines: list[Line]) -> bool:
    """Many lines with inner runs of spaces, whose pieces start at the same
    cells from line to line (columns standing side by side)."""
    # Characters other than spaces, counted without a loop in Python.
    texty = [ln for ln in lines if len("".join(ln.text.split())) >= MIN_VISIBLE]
    gapped = [ln for ln in texty if _has_inner_gap(expand_text(ln.text))]
    if len(gapped) < MIN_GAPPED_LINES or len(gapped) < MIN_GAPPED_SHARE * len(texty):
        return False
    unit = grid_unit(lines)
    return aligned_share(gapped_pieces_starts(lines, unit)) >= MIN_ALIGNED_SHARE


def _has_inner_gap(text: str) -> bool:
    # Most lines have no two spaces in a row: the substring test is cheaper
    # than the search.
    return " " * GAP_SPACES in text and _INNER_GAP.search(text) is not None


# --- pieces -----------------------------------------------------------------------


def column_edges(starts: list[int]) -> list[int]:
    """Cells where columns start: positions where many pieces start, each
    the most common start within EDGE_RADIUS cells."""
    counts = Counter(starts)
    edges = []
    for pos, n in counts.items():
        if n < MIN_EDGE_PIECES:
            continue
        near = [counts[p] for p in range(pos - EDGE_RADIUS, pos + EDGE_RADIUS + 1) if p != pos]
        # Ties go to the leftmost position: pushed pieces only move right.
        if all(n > m for m in near[:EDGE_RADIUS]) and all(n >= m for m in near[EDGE_RADIUS:]):
            edges.append(pos)
    return sorted(edges)


def near_edge(pos: int, edges: list[int], before: int = EDGE_BEFORE, after: int = EDGE_AFTER) -> int | None:
    """The column edge a piece starting at ``pos`` belongs to, if any."""
    for edge in edges:
        if edge - before <= pos <= edge + after:
            return edge
    return None


def common_widths(widths: list[int], em: int) -> list[int]:
    """Column measures: widths (in cells) that many pieces have.  Justified
    body lines all fill their column, so the measure is the commonest width."""
    counts = Counter(w for w in widths if w >= MIN_MEASURE_EMS * em)
    return sorted(w for w, n in counts.items() if n >= MIN_MEASURE_PIECES)


@dataclass(slots=True)
class Grid:
    """What a page's pieces say about its columns: the cell unit, the
    cells where columns start and the widths of full column lines."""

    unit: str
    edges: list[int]
    measures: list[int]

    @property
    def em(self) -> int:
        return 2 if self.unit == DISPLAY else 1

    def is_wide(self, width: int) -> bool:
        """Wider than any column measure: a line set across columns."""
        return bool(self.measures) and width > max(self.measures) + MEASURE_LONG * self.em

    def fills_measure(self, width: int) -> bool:
        return any(m - MEASURE_SHORT * self.em <= width <= m + MEASURE_LONG * self.em for m in self.measures)


def split_at_single_spaces(text: str, start: int, end: int, offsets: list[int], grid: Grid) -> list[tuple[int, int]]:
    """Cut a run of text at single spaces that stand between two columns.

    When a column's line runs to its right edge, a grid extractor keeps only
    one space before the next column's line (and may print that line a cell
    or two off its column).  Chinese body text has no spaces, so a single
    space after text that fills a column measure ends a column line (each
    article block has its own column grid, so where that text starts says
    little); so does one after text that starts at a column edge and before
    text at the next column's edge.  A headline with a space inside does not
    start at a column edge.  The space newspapers set after a dateline
    ("新华社北京10月1日电 第三届……") is inside the line, and so is one after
    text printed twice (faux bold, "本报记者王芳本报记者王芳 李明李明"):
    running text never repeats itself, bylines and headlines are bold.
    """
    cuts: list[tuple[int, int]] = []
    left = start
    for k in range(start + 1, end - 1):
        if text[k] != " " or text[k - 1] == " " or text[k + 1] == " ":
            continue
        following = text.find(" ", k + 1, end)
        following = end if following < 0 else following
        if grid.is_wide(offsets[following] - offsets[k + 1]):
            continue  # a headline goes on after the space, not a column line
        if ends_dateline(text[left:k]):
            continue
        if rules.undouble_token(text[left:k].strip()) is not None:
            continue
        if grid.fills_measure(offsets[k] - offsets[left]):
            cuts.append((left, k))
            left = k + 1
            continue
        there = near_edge(offsets[left], grid.edges, before=SHIFT_LEFT * grid.em, after=INDENT_CELLS * grid.em)
        if there is None or offsets[k] - offsets[left] < MIN_MEASURE_EMS * grid.em:
            continue
        here = near_edge(offsets[k + 1], grid.edges)
        if here is not None and here > there:
            cuts.append((left, k))
            left = k + 1
    cuts.append((left, end))
    return cuts


def ends_dateline(text: str) -> bool:
    """The text is a dateline and nothing after it: its lead follows."""
    m = rules.DATELINE.match(text)
    return m is not None and not text[m.end() :].strip()


def line_pieces(line: Line, row: int, grid: Grid) -> list[Piece]:
    """Cut one layout line into positioned pieces (every visible character
    in exactly one piece)."""
    text = expand_text(line.text)
    offsets = cell_offsets(text, grid.unit)
    pieces = []
    for start, end in bold_runs_joined(text, word_runs(text)):
        for a, b in split_at_single_spaces(text, start, end, offsets, grid):
            piece = text[a:b].strip()
            if piece:
                x0 = offsets[a] + len(text[a:b]) - len(text[a:b].lstrip())
                pieces.append(Piece(text=piece, row=row, x0=x0, x1=offsets[b], line=line))
    return pieces


def page_pieces(lines: list[Line], grid: Grid | None = None) -> list[Piece]:
    """All pieces of a layout page, row by row.  Rows are numbered by the
    source line number, so blank lines keep their height."""
    grid = grid or page_grid(lines)
    pieces: list[Piece] = []
    for line in lines:
        pieces.extend(line_pieces(line, line.index, grid))
    return pieces


def page_grid(lines: list[Line]) -> Grid:
    """Unit, column edges and measures from the runs of text between runs
    of spaces."""
    unit = grid_unit(lines)
    starts: list[int] = []
    widths: list[int] = []
    for line in lines:
        text = expand_text(line.text)
        offsets = cell_offsets(text, unit)
        for a, b in word_runs(text):
            starts.append(offsets[a])
            if " " not in text[a:b]:
                widths.append(offsets[b] - offsets[a])
    grid = Grid(unit=unit, edges=column_edges(starts), measures=[])
    grid.measures = common_widths(widths, grid.em)
    return grid
