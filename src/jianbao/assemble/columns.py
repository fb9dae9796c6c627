"""Column order for extractors that print neighbouring columns row by row.

Some extractors (poppler's ``pdftotext`` without ``-layout`` is the common
one) do not print a multi-column page column by column.  Inside one of their
text blocks they print the lines of all side-by-side columns sorted by
height: a line of column 1, the line of column 2 at the same height, …, and
when two columns' lines share a baseline and almost touch (the left one runs
to the edge of its measure) they print both on one line joined by a space.

This stage undoes that before assembly:

1. **Pieces.**  A line is split at a space when the text before it fills a
   column measure of the page: justified body lines all have the width of
   their column, so a full line followed by more text on the same printed
   line is two columns merged.
2. **Streams.**  Inside each block (blank lines separate them) every piece
   is given a successor: the next line of the same column.  The next line of
   a column comes a steady number of pieces later (the number of columns
   running side by side), and it continues the text (a word or a phrase runs
   across the break, the widths agree).  The successors are chosen together
   as one assignment (each piece has at most one successor and at most one
   predecessor), first on text evidence alone, then again with the spacing
   each stretch of the block showed.
3. **Order.**  The chains of successors are the columns; they are printed
   one after another in the order they start (columns that start level with
   each other left to right, as the extractor printed them).

Text that is already in column order (PyMuPDF, OCR) has its successor right
after it; such pages pass through unchanged.  Nothing but the joining
spaces of merged lines is removed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from jianbao.lexicon import breaks_word
from jianbao.model import Line
from jianbao.normalize import width

# Lines shorter than this (in ems) are never treated as a column measure.
MIN_MEASURE = 5.0
# A measure is a width that at least this share of the page's unsplit lines
# have (body text is most of a page).
MEASURE_SHARE = 0.08
# A piece "fills" a measure when its width is this close to it (digits and
# Latin letters are half width, hanging punctuation adds half an em).
FULL_TOLERANCE = 1.0
# How far ahead a column's next line can be: more columns than this never
# run side by side on a newspaper page.
MAX_GAP = 12
# Successor evidence (log-odds like scores).
WORD_ACROSS = 2.0  # a dictionary word runs across the break
BIGRAM_WEIGHT = 0.6  # page bigram association of the two characters at the break
WIDER_NEXT = -3.0  # a full line followed by a wider one: different measure
GAP_SAME = 2.5  # spacing equal to the stretch's usual spacing
GAP_NEAR = 0.5  # one piece off (a column skipped or added a line in a row)
GAP_FIRST_PASS = 0.25  # first pass: cost per piece of distance
LINK_THRESHOLD = 0.4  # below this a piece ends its chain instead
# A block is printed interleaved when fewer than this share of its pieces
# continue right on the next piece.
SEQUENTIAL_SHARE = 0.6
# Half-width of the window (in pieces) over which a stretch's spacing is read.
SPACING_WINDOW = 12

_SPACES = re.compile(r" +")
_TEXT_END = set("，、；：")


@dataclass(slots=True)
class Piece:
    """One column's share of a printed line."""

    text: str
    line: Line
    part: int  # position among the pieces of its line
    width: float = 0.0


def restore_column_order(lines: list[Line]) -> list[Line]:
    """The lines in reading order: each column top to bottom, side-by-side
    columns left to right.  Lines already in that order come back as they
    are (the same objects)."""
    if len(lines) < 4:
        return lines
    measures = page_measures(lines)
    out: list[Line] = []
    changed = False
    for block in split_blocks(lines):
        pieces = split_pieces(block, measures)
        chains = stream_chains(pieces, measures)
        ordered = [pieces[i] for chain in chains for i in chain]
        rebuilt = rebuild_lines(ordered, block)
        changed = changed or rebuilt is not block
        out.extend(rebuilt)
    return out if changed else lines


# --- pieces ----------------------------------------------------------------------


def split_blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines between blank lines; extractors never interleave
    columns across the blocks they found."""
    blocks: list[list[Line]] = []
    for line in lines:
        if line.blank_before or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def page_measures(lines: list[Line]) -> list[float]:
    """Column measures of the page: widths (in half ems) that many lines
    without inner spaces share.  Justified body text fills its measure, so
    full lines pile up on a few widths."""
    widths = Counter(round(width(line.text) * 2) / 2 for line in lines if " " not in line.text.strip())
    total = sum(widths.values())
    if not total:
        return []
    return sorted(w for w, n in widths.items() if w >= MIN_MEASURE and n >= max(3, MEASURE_SHARE * total))


def fills_measure(w: float, measures: list[float]) -> bool:
    return any(abs(w - m) <= FULL_TOLERANCE for m in measures)


def split_pieces(block: list[Line], measures: list[float]) -> list[Piece]:
    """Each line cut where a full column line is followed by more text."""
    pieces: list[Piece] = []
    for line in block:
        parts = merged_parts(line.text, measures)
        for k, text in enumerate(parts):
            pieces.append(Piece(text=text, line=line, part=k, width=width(text)))
    return pieces


def merged_parts(text: str, measures: list[float]) -> list[str]:
    """The column pieces of one printed line.

    >>> merged_parts("得2019年女排冠军的代表 结协作、顽强拼搏", [12.0])
    ['得2019年女排冠军的代表', '结协作、顽强拼搏']
    >>> merged_parts("本报记者 李明 摄", [12.0])
    ['本报记者 李明 摄']
    """
    stripped = text.strip()
    if " " not in stripped or not measures:
        return [text]
    tokens = _SPACES.split(stripped)
    parts: list[str] = []
    current = tokens[0]
    for token in tokens[1:]:
        if fills_measure(width(current), measures) and _starts_text(token):
            parts.append(current)
            current = token
        else:
            current = f"{current} {token}"
    parts.append(current)
    if len(parts) == 1:
        return [text]
    return parts


def _starts_text(token: str) -> bool:
    return bool(token) and not (token[0].isascii() and token[0].isalpha())


# --- streams ---------------------------------------------------------------------


def stream_chains(pieces: list[Piece], measures: list[float]) -> list[list[int]]:
    """Chains of piece positions, one per column stretch, in printing order."""
    n = len(pieces)
    if n < 3:
        return [list(range(n))]
    text_scores = successor_scores(pieces, measures)
    nxt = assign_successors(text_scores, None)
    if sequential_share(nxt, n) >= SEQUENTIAL_SHARE:
        return [list(range(n))]
    spacing = stretch_spacing(nxt, n)
    nxt = assign_successors(text_scores, spacing)
    return chains_from_successors(nxt, n)


def successor_scores(pieces: list[Piece], measures: list[float]) -> dict[tuple[int, int], float]:
    """Text evidence that piece ``j`` is the next line after piece ``i`` of
    the same column, for every ``j`` up to :data:`MAX_GAP` pieces on."""
    bigrams, unigrams, total = page_bigrams(pieces)
    scores: dict[tuple[int, int], float] = {}
    for i, a in enumerate(pieces):
        a_text = a.text.rstrip()
        if not a_text:
            continue
        a_full = fills_measure(a.width, measures)
        for j in range(i + 1, min(len(pieces), i + 1 + MAX_GAP)):
            b = pieces[j]
            if b.line is a.line:
                continue  # two pieces of one printed line are two columns
            b_text = b.text.lstrip()
            if not b_text:
                continue
            s = 0.0
            if breaks_word(a_text, b_text):
                s += WORD_ACROSS
            s += BIGRAM_WEIGHT * association(a_text[-1], b_text[0], bigrams, unigrams, total)
            if a_full and b.width > a.width + 1.5:
                s += WIDER_NEXT
            scores[(i, j)] = s
    return scores


def page_bigrams(pieces: list[Piece]) -> tuple[Counter[str], Counter[str], int]:
    """Character pairs printed inside lines: what may follow what."""
    bigrams: Counter[str] = Counter()
    unigrams: Counter[str] = Counter()
    for p in pieces:
        t = p.text.replace(" ", "")
        unigrams.update(t)
        bigrams.update(t[k : k + 2] for k in range(len(t) - 1))
    return bigrams, unigrams, max(1, sum(unigrams.values()))


def association(x: str, y: str, bigrams: Counter[str], unigrams: Counter[str], total: int) -> float:
    """Pointwise mutual information of ``xy`` from the page's own lines,
    smoothed and clipped: common pairs score up, impossible ones down."""
    pair = bigrams.get(x + y, 0)
    expected = (unigrams.get(x, 0) + 1) * (unigrams.get(y, 0) + 1) / total
    return max(-1.5, min(3.0, math.log((pair + 0.5) / (expected + 0.5))))


def assign_successors(scores: dict[tuple[int, int], float], spacing: list[int] | None) -> dict[int, int]:
    """Best one-to-one choice of successors; a piece whose best evidence is
    below :data:`LINK_THRESHOLD` ends its chain."""
    if not scores:
        return {}
    sources = sorted({i for i, _ in scores})
    targets = sorted({j for _, j in scores})
    row = {i: k for k, i in enumerate(sources)}
    col = {j: k for k, j in enumerate(targets)}
    gain = np.zeros((len(sources), len(targets)))
    for (i, j), s in scores.items():
        g = s + gap_score(j - i, spacing[i] if spacing else None) - LINK_THRESHOLD
        if g > 0:
            gain[row[i], col[j]] = g
    r, c = linear_sum_assignment(gain, maximize=True)
    return {sources[a]: targets[b] for a, b in zip(r, c) if gain[a, b] > 0}


def gap_score(gap: int, usual: int | None) -> float:
    if usual is None:
        return -GAP_FIRST_PASS * (gap - 1)
    if gap == usual:
        return GAP_SAME
    if abs(gap - usual) == 1:
        return GAP_NEAR
    return -GAP_FIRST_PASS * abs(gap - usual)


def sequential_share(nxt: dict[int, int], n: int) -> float:
    return sum(1 for i, j in nxt.items() if j == i + 1) / max(1, n - 1)


def stretch_spacing(nxt: dict[int, int], n: int) -> list[int]:
    """For each piece, the most common successor spacing around it."""
    gaps = [0] * n
    for i, j in nxt.items():
        gaps[i] = j - i
    spacing: list[int] = []
    for i in range(n):
        window = Counter(g for g in gaps[max(0, i - SPACING_WINDOW) : i + SPACING_WINDOW + 1] if g)
        spacing.append(window.most_common(1)[0][0] if window else 1)
    return spacing


def chains_from_successors(nxt: dict[int, int], n: int) -> list[list[int]]:
    """Follow successors from every piece that has no predecessor; chains
    come in the order their first pieces were printed."""
    has_pred = set(nxt.values())
    chains: list[list[int]] = []
    for start in range(n):
        if start in has_pred:
            continue
        chain = [start]
        while chain[-1] in nxt:
            chain.append(nxt[chain[-1]])
        chains.append(chain)
    return chains


# --- lines -----------------------------------------------------------------------


def rebuild_lines(ordered: list[Piece], block: list[Line]) -> list[Line]:
    """Lines from ordered pieces: pieces of one printed line that stay
    neighbours are joined again; a split piece becomes a line of its own
    with its source line's index.  The block's first line keeps the blank
    line before it."""
    groups: list[list[Piece]] = []
    for p in ordered:
        if groups and groups[-1][-1].line is p.line and groups[-1][-1].part == p.part - 1:
            groups[-1].append(p)
        else:
            groups.append([p])
    if len(groups) == len(block) and all(g[0].line is line for g, line in zip(groups, block)):
        return block
    parts = Counter(id(p.line) for p in ordered)
    out: list[Line] = []
    for k, group in enumerate(groups):
        source = group[0].line
        text = source.text if len(group) == parts[id(source)] else " ".join(p.text for p in group)
        out.append(_line_like(source, text, blank_before=block[0].blank_before if k == 0 else False))
    return out


def _line_like(source: Line, text: str, blank_before: bool) -> Line:
    return Line(
        text=text,
        index=source.index,
        page=source.page,
        bbox=source.bbox,
        size=source.size,
        bold=source.bold,
        font=source.font,
        conf=source.conf,
        blank_before=blank_before,
        label=source.label,
    )
