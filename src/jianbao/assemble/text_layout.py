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

import dataclasses
from collections import Counter

from jianbao.assemble.layout import Item, reading_order
from jianbao.model import Line
from jianbao.readers.layout_text import CELL, Piece, grid_unit, is_layout_text, page_pieces

# Chinese paragraphs open indented by two characters; on a character grid
# an indented line starts this many ems right of its column's left edge.
INDENT_MIN = 1.5
INDENT_MAX = 4.5
# A piece printed this close to the piece on its left (in ems) may have been
# pushed right by it, so where it starts says nothing about an indent.
PUSHED_GAP = 1.0


def layout_reading_order(lines: list[Line]) -> list[Line] | None:
    """The page's lines cut into column pieces in reading order, or None
    when the text is not layout text (then it is left as it is)."""
    if not is_layout_text(lines):
        return None
    em = 1.0 if grid_unit(lines) == CELL else 2.0
    pieces = page_pieces(lines)
    if not pieces:
        return None
    pushed = pushed_pieces(pieces, em)
    items = [Item(bbox=piece_box(p, em), line=piece_line(p, em)) for p in pieces]
    by_line = {id(item.line): piece for item, piece in zip(items, pieces)}
    ordered: list[Line] = []
    for leaf in reading_order(items, body=em, line_gap=0.0):
        placed = [(it.line, by_line[id(it.line)]) for it in leaf if it.line is not None]
        left = column_left([piece for _, piece in placed])
        for k, (line, piece) in enumerate(placed):
            indented = len(placed) > 1 and id(piece) not in pushed and is_indented(piece, left, em)
            ordered.append(
                dataclasses.replace(
                    line,
                    text=(" " if indented else "") + piece.text,
                    blank_before=k == 0 and bool(ordered),
                )
            )
    return ordered


def piece_box(piece: Piece, em: float) -> tuple[float, float, float, float]:
    """A piece's box: cells across, one em-high row per text line down."""
    return (float(piece.x0), piece.row * em, float(piece.x1), (piece.row + 1) * em)


def piece_line(piece: Piece, em: float) -> Line:
    return dataclasses.replace(piece.line, text=piece.text, bbox=piece_box(piece, em), size=em)


def pushed_pieces(pieces: list[Piece], em: float) -> set[int]:
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


def is_indented(piece: Piece, left: int, em: float) -> bool:
    """A piece that starts about two characters right of its column's
    left edge opens a paragraph."""
    return INDENT_MIN * em <= piece.x0 - left <= INDENT_MAX * em
