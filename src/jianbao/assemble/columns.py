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

from jianbao.lexicon import short_words
from jianbao.model import Line
from jianbao.normalize import width

# Lines shorter than this (in ems) are never treated as a column measure.
MIN_MEASURE = 5.0
# A measure is a width that at least this share of the page's unsplit lines
# have (body text is most of a page).
MEASURE_SHARE = 0.08
# Below this share of lines without inner spaces, measures are read from runs.
PLAIN_SHARE = 0.3
# A piece "fills" a measure when its width is this close to it (digits and
# Latin letters are half width, hanging punctuation adds half an em).
FULL_TOLERANCE = 1.0
# A line ending in punctuation may hang that much further into the margin.
HANGING = 1.5
# Paragraph indent in ems.
INDENT = 2.0
# Curly quotes print half or full width depending on the font.
QUOTES = 1.0
# How far ahead a column's next line can be: more columns than this never
# run side by side on a newspaper page.
MAX_GAP = 12
# Successor evidence (log-odds like scores).
WORD_ACROSS = 2.0  # a dictionary word runs across the break
BIGRAM_WEIGHT = 0.6  # page bigram association of the two characters at the break
WIDER_NEXT = -3.0  # a full line followed by a wider one: different measure
GAP_SAME = 2.5  # spacing equal to the neighbouring links' spacing
GAP_USUAL = 1.5  # spacing equal to the most common one around
GAP_NEAR = 0.5  # one piece off (a column skipped or added a line in a row)
REFINE_PASSES = 4
GAP_FIRST_PASS = 0.25  # first pass: cost per piece of distance
LINK_THRESHOLD = 0.4  # below this a piece ends its chain instead
# A block is printed in column order when at least this share of the
# successors that text evidence alone finds are the very next piece.
SEQUENTIAL_SHARE = 0.75
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
    """Line widths of the page's columns: widths (in half ems) that many
    lines without inner spaces share.  Justified body text fills its
    measure, so full lines pile up on a few widths (and on the measure less
    the paragraph indent: an opening line also ends at the column edge).
    When most lines were printed merged, their space-separated runs are the
    evidence instead."""
    plain = [line.text for line in lines if " " not in line.text.strip()]
    measures = common_widths(plain) if len(plain) >= PLAIN_SHARE * len(lines) else []
    return measures or common_widths([run for line in lines for run in line.text.split()])


def common_widths(texts: list[str]) -> list[float]:
    widths = Counter(round(width(text) * 2) / 2 for text in texts)
    total = sum(widths.values())
    return sorted(w for w, n in widths.items() if w >= MIN_MEASURE and n >= max(3, MEASURE_SHARE * total))


def fills_measure(w: float, measures: list[float]) -> bool:
    return any(-FULL_TOLERANCE <= w - m <= HANGING for m in measures)


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
    text = successor_scores(pieces, measures)
    nxt = assign_successors(text, first_pass_spacing(n))
    if sequential_share(nxt) >= SEQUENTIAL_SHARE:
        return [list(range(n))]
    for _ in range(REFINE_PASSES):
        nxt = assign_successors(text, spacing_scores(nxt, n))
    return chains_from_successors(nxt, n)


def successor_scores(pieces: list[Piece], measures: list[float]) -> np.ndarray:
    """Text evidence that piece ``i + g`` is the next line after piece ``i``
    of the same column, as an array ``[i, g - 1]`` for gaps up to
    :data:`MAX_GAP`; ``-inf`` where it cannot be."""
    n = len(pieces)
    scores = np.full((n, MAX_GAP), -np.inf)
    bigrams, unigrams, total = page_bigrams(pieces)
    words = short_words()
    texts = [p.text.strip() for p in pieces]
    for i, a in enumerate(pieces):
        a_text = texts[i]
        if not a_text:
            continue
        tails = [a_text[-k:] for k in (1, 2, 3) if len(a_text) >= k]
        wider = a.width + INDENT + HANGING + QUOTES if fills_measure(a.width, measures) else math.inf
        for j in range(i + 1, min(n, i + 1 + MAX_GAP)):
            b = pieces[j]
            b_text = texts[j]
            if b.line is a.line or not b_text:
                continue  # two pieces of one printed line are two columns
            s = BIGRAM_WEIGHT * association(a_text[-1], b_text[0], bigrams, unigrams, total)
            if word_across(tails, b_text, words):
                s += WORD_ACROSS
            if b.width > wider:
                s += WIDER_NEXT
            scores[i, j - i - 1] = s
    return scores


def word_across(tails: list[str], head: str, words: frozenset[str]) -> bool:
    """Whether a two- to four-character word runs from the end of one line
    (its last one to three characters, ``tails``) into ``head``."""
    for tail in tails:
        for k in range(1, 5 - len(tail)):
            if len(head) >= k and tail + head[:k] in words:
                return True
    return False


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


def first_pass_spacing(n: int) -> np.ndarray:
    """Before anything is known, nearer successors are a little likelier."""
    return np.broadcast_to(-GAP_FIRST_PASS * np.arange(MAX_GAP, dtype=float), (n, MAX_GAP))


def spacing_scores(nxt: dict[int, int], n: int) -> np.ndarray:
    """Evidence from the previous guess: a column keeps its line spacing
    while the same columns run side by side, so a link's gap should repeat
    the gap into its first piece or out of its second, or at least the
    most common gap around it (:data:`SPACING_WINDOW`)."""
    into = np.zeros(n + MAX_GAP, dtype=int)
    out = np.zeros(n + MAX_GAP, dtype=int)
    for i, j in nxt.items():
        out[i] = into[j] = j - i
    gaps = np.arange(1, MAX_GAP + 1)[None, :]
    rows = np.arange(n)[:, None]
    before = into[:n, None]
    after = out[rows + gaps]
    usual = usual_spacing(out[:n])[:, None]
    same = ((gaps == before) & (before > 0)) | ((gaps == after) & (after > 0))
    near = ((abs(gaps - before) == 1) & (before > 0)) | ((abs(gaps - after) == 1) & (after > 0))
    far = np.minimum(
        abs(gaps - usual),
        np.minimum(np.where(before > 0, abs(gaps - before), MAX_GAP), np.where(after > 0, abs(gaps - after), MAX_GAP)),
    )
    return np.where(same, GAP_SAME, np.where(gaps == usual, GAP_USUAL, np.where(near, GAP_NEAR, -GAP_FIRST_PASS * far)))


def usual_spacing(gaps: np.ndarray) -> np.ndarray:
    """For each piece, the most common link gap within
    :data:`SPACING_WINDOW` pieces (1 where there are none)."""
    n = len(gaps)
    onehot = np.zeros((n + 1, MAX_GAP + 1), dtype=int)
    onehot[np.arange(1, n + 1), gaps] = 1
    onehot[:, 0] = 0
    cumulative = onehot.cumsum(axis=0)
    lo = np.clip(np.arange(n) - SPACING_WINDOW, 0, n)
    hi = np.clip(np.arange(n) + SPACING_WINDOW + 1, 0, n)
    counts = cumulative[hi] - cumulative[lo]
    best = counts.argmax(axis=1)
    return np.where(counts.max(axis=1) > 0, best, 1)


def assign_successors(text: np.ndarray, spacing: np.ndarray) -> dict[int, int]:
    """Best one-to-one choice of successors; a piece whose best evidence is
    below :data:`LINK_THRESHOLD` ends its chain."""
    n = len(text)
    gain = text + spacing - LINK_THRESHOLD
    rows, cols = np.nonzero(gain > 0)
    if not len(rows):
        return {}
    full = np.zeros((n, n))
    full[rows, rows + cols + 1] = gain[rows, cols]
    r, c = linear_sum_assignment(full, maximize=True)
    keep = full[r, c] > 0
    return dict(zip(r[keep].tolist(), c[keep].tolist()))


def sequential_share(nxt: dict[int, int]) -> float:
    """Share of the links that go to the very next piece (1 when there are
    none: nothing says the text is out of order)."""
    if not nxt:
        return 1.0
    return sum(1 for i, j in nxt.items() if j == i + 1) / len(nxt)


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
