"""Column order for extractors that print neighbouring columns row by row.

Some extractors (poppler's ``pdftotext`` without ``-layout`` is the common
one) do not print a multi-column page column by column.  Inside one of their
text blocks they print the lines of all side-by-side columns sorted by
height: a line of column 1, the line of column 2 at the same height, …, and
when two columns' lines share a baseline and almost touch (the left one runs
to the edge of its measure) they print both on one line joined by a space.

This stage undoes that before assembly:

0. **A quick look.**  Most extractors print columns in order.  A block
   (blank lines separate them) whose line breaks fall inside words between
   each line and the very next one, clearly more often than between a line
   and the lines after it, passes unchanged; only the rest is examined.
1. **Pieces.**  A line is split at a space when the text before it ends at
   a column edge (it fills a column measure of the page, or is an indented
   opening line): justified body lines all have the width of their
   column, so a full line followed by more text on the same printed line is
   two columns merged.  So is a paragraph's last line followed by more
   text, a headline wider than any column followed by more text, and, in
   a line of three runs or more, a run followed by a full column line.
   A run without a space that is wider than any column is cut after a
   punctuation mark where the first part fills a measure (squeezed
   punctuation lets two columns touch), unless it opens with a dash (a
   subtitle: no column line starts so), the rest is Han letters wider
   than any column (only punctuation hangs past the measure: a headline)
   or a column tag alone in brackets (the tag closing a headline).
2. **Streams.**  Inside each examined block every piece is given a
   successor: the next line of the same column.  The next line of a column
   comes a steady number of pieces later (the number of columns running
   side by side), and it continues the text (a word runs across the
   break, weighed by how much likelier the words read joined than apart,
   see :mod:`jianbao.assemble.continuity`; the widths agree; a sentence
   broken off does not go on with a paragraph opening).  The successors
   are chosen together by dynamic programming over the block: they never
   cross (rows are printed top to bottom) and neighbouring pieces'
   successors tend to lie the same distance ahead (the same columns run
   side by side row after row); a headline on a line of its own between
   two lines speaks against linking them (the columns under it belong to
   another article; a line of running text as wide as several columns,
   a caption beside them, does not), and a byline is no column's line at
   all, nor is a line above the rows (alone, or beside the top of a
   column on the block's first line) that running text could not print
   (one stopping short of the column edge on a letter, closed by a column
   tag, or set in two phrases: a headline), nor does a sentence broken
   off go on with a headline line.  Where most lines of a page hold pieces of
   several columns, the extractor printed every row across the page as
   one line (pdfplumber does), and a column's next line is on the next
   printed line; there a line of its own that ends in a letter, not a
   mark, is a headline or intertitle, no column's line, and a headline
   line goes on with another of its lines or the opening of its text,
   never with a line from inside a paragraph.
   The block is reordered only when the text reads clearly better that way.
3. **Order.**  The chains of successors are the columns; they are printed
   one after another in reading order: a column printed left of another
   on a line they share comes first, whichever of the two starts higher (a
   column under a box or picture starts lower than the one beside it);
   the rest in the order they start.
4. **Sentences carried on.**  A column stretch or text block whose last
   line is a full column line stopping mid-sentence is followed by the
   stretch that carries the sentence on, when the text says so clearly (a
   word or number across the break, a bracket closed, the same measure, a
   paragraph's opening line going on with a full line)
   and better than the stretch printed next; a sentence of running text
   never goes on with a dateline, a byline or a headline set over a
   column, so where one was printed next less evidence will do.  Some
   extractors print the text boxes of one article out of order; this puts
   them back.
5. **Columns equally tall.**  An article's text fills a rectangle, so its
   columns have as many lines as each other.  An extractor printing text
   boxes by their height on the page (pdfminer.six) may print a column
   after another article, or print two columns in bands (the top of one,
   the top of the other beside it, then the rest of the first): a column
   carried on from another comes back whole when its boxes add up to that
   column's height, and the rest of a column goes back under its own top
   when the top printed before it is exactly as tall as that top.

Text that is already in column order (PyMuPDF, OCR) passes through
unchanged, in a fraction of a millisecond.  Nothing but the joining spaces
of merged lines is removed.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

import numpy as np

from jianbao.assemble.continuity import head_codes, join_gains, tail_codes, word_runs_across
from jianbao.assignment import best_pairs
from jianbao.classify import breaks_off_dateline
from jianbao.lexicon import short_words
from jianbao.model import Line
from jianbao.normalize import is_han
from jianbao.normalize import width as printed_width
from jianbao.rules.patterns import (
    BYLINE,
    CLAUSE_MARKS,
    CLOSERS,
    COLUMN_TAG,
    DATELINE,
    DOCUMENT_DATE,
    JUMP_FROM_TOKEN,
    NO_LINE_START,
    OPENERS,
    PARALLEL_HALVES,
    SENTENCE_END,
    SUBTITLE_START,
    TEXT_MARKS,
    ends_on_sentence_mark,
    is_tag_alone,
)

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
# Paragraph indent in ems, and how exactly an indented opening line must
# end at the column edge to count as a column line.
INDENT = 2.0
INDENT_TOLERANCE = 0.5
# Curly quotes print half or full width depending on the font.
QUOTES = 1.0
# Marks after which an extractor may glue two columns' lines without a
# space, and how much wider than its measure a line with squeezed
# punctuation may read.
GLUE_MARKS = set("，。、；：！？…”》）")
GLUED_SQUEEZE = 2.0
# How far ahead a column's next line can be: more columns than this never
# run side by side on a newspaper page.
MAX_GAP = 12
# A page is printed row by row when at least this share of its lines hold
# pieces of several columns (pdftotext merges a few rows, pdfplumber all).
ROWS_SHARE = 0.8
# Successor evidence (log-odds like scores).
# Weight of a nat of continuity gain (words running across the break, see
# :mod:`jianbao.assemble.continuity`) and the most it counts for.
CONTINUITY_WEIGHT = 0.5
CONTINUITY_CAP = 10.0
BIGRAM_WEIGHT = 0.6  # page bigram association of the two characters at the break
WIDER_NEXT = -3.0  # a full line followed by a wider one: different measure
MID_SENTENCE_OPENING = -3.0  # a sentence broken off goes on with a paragraph opening
MID_SENTENCE_HEADING = -3.0  # ... or with a headline line
HEADING_INTO_PARAGRAPH = -3.0  # a headline line goes on with a line inside a paragraph (rows)
HEADING_MIN_CHARS = 2  # a headline line runs longer than this (characters)
HEADLINE_BETWEEN = -1.0  # a headline alone on its line lies between the two lines
SPANNING = 2.0  # a line of text this many times the widest column line spans columns
# Text evidence the chosen successors must gain over the printed order
# before a block is reordered (about two words running across breaks).
REORDER_GAIN = 4.0
LINK_THRESHOLD = 0.4  # below this a piece ends its chain instead
PARALLEL_LINK = 2.0  # a link the same distance ahead as the one before it
# Linking column stretches across the page (:func:`link_units`).
NUMBER_ACROSS = 2.0  # a number runs across the break
BRACKET_ACROSS = 1.5  # a bracket or quote opened before the break closes after it
SAME_MEASURE = 0.5  # both lines fill the same column measure
NEW_PARAGRAPH = -2.5  # the unit starts with an indented opening line
OPENING_GOES_ON = 1.0  # a paragraph's opening line goes on with a full line
PRINTED_NEXT = 3.0  # the extractor printed it next
UNIT_CONTINUITY = 0.4  # a nat of continuity gain across the break
UNIT_LINK_MIN = 3.5  # evidence needed for a link
BARRED_LINK_MIN = 1.5  # ... when the unit printed next cannot go on with it
# Fewest lines of a column matched by height (:func:`column_taken_along`,
# :func:`column_under_level_columns`): shorter runs of equal height prove
# nothing.
COLUMN_MIN_LINES = 6
# A number running across the break between the lines of a block
# printed row by row.
NUMBER_IN_BLOCK = NUMBER_ACROSS
# A block is printed in column order when at least this share of the
# successors chosen are the very next piece.
SEQUENTIAL_SHARE = 0.75
# The quick look (:func:`reads_in_order`): lines examined per stretch, how
# far ahead a column's next line is looked for, words needed and how much
# likelier the next line must be than any later one.
PROBE_LINES = 60
PROBE_GAPS = 4
PROBE_HITS = 6
PROBE_RATIO = 2

_SPACES = re.compile(r" +")
_TEXT_END = set("，、；：")
# Marks a paragraph's last line ends on.
PARAGRAPH_END = set(SENTENCE_END) | set("”）")


@dataclass(slots=True)
class Piece:
    """One column's share of a printed line."""

    text: str
    line: Line
    part: int  # position among the pieces of its line
    width: float = 0.0


@dataclass(frozen=True, slots=True)
class ColumnOrder:
    """Lines in reading order, and whether the extractor had printed the
    lines of side-by-side columns interleaved, row by row, in some block
    (then every headline was printed at its height, over the text it
    heads)."""

    lines: list[Line]
    interleaved: bool = False
    # Source indices of headline lines printed inside a sentence that runs
    # on past them (:func:`headlines_skipped`).
    inside_sentences: frozenset[int] = frozenset()


def restore_column_order(lines: list[Line]) -> list[Line]:
    """The lines in reading order: each column top to bottom, side-by-side
    columns left to right, and a column that breaks off mid-sentence
    followed by the one that carries the sentence on.  Lines already in
    that order come back as they are (the same objects)."""
    return column_order(lines).lines


def column_order(lines: list[Line]) -> ColumnOrder:
    """:func:`restore_column_order`, telling also whether columns printed
    interleaved were taken apart."""
    if len(lines) < 4:
        return ColumnOrder(lines)
    blocks = split_blocks(lines)
    suspect = [not reads_in_order(block) for block in blocks]
    if not any(suspect) and not any(runs_on_text(block[-1].text) for block in blocks[:-1]):
        return ColumnOrder(lines)
    measures = page_measures(lines)
    by_rows = printed_by_rows(lines, measures)
    units: list[list[Piece]] = []
    interleaved = False
    for block, check in zip(blocks, suspect):
        chains = block_chains(block, measures, by_rows) if check else [whole_lines(block)]
        interleaved = interleaved or not in_printed_order(chains)
        units.extend(chains)
    units, inside = link_units(units, measures)
    return ColumnOrder(rebuild_lines([p for unit in units for p in unit], lines), interleaved, inside)


def in_printed_order(units: list[list[Piece]]) -> bool:
    """Whether the pieces of these units, one unit after another, come in
    the order the extractor printed them."""
    ranks = [(p.line.index, p.part) for unit in units for p in unit]
    return ranks == sorted(ranks)


def printed_by_rows(lines: list[Line], measures: list[float]) -> bool:
    """Whether the extractor printed the page row by row across all its
    columns (pdfplumber does): most lines hold pieces of several columns.
    Then a column's next line is always on the next printed line."""
    texts = [line.text for line in lines if line.text.strip()]
    merged = sum(len(merged_parts(text, measures)) > 1 for text in texts)
    return merged >= ROWS_SHARE * max(1, len(texts))


def block_chains(block: list[Line], measures: list[float], by_rows: bool = False) -> list[list[Piece]]:
    """The column stretches of a block printed row by row.  Headline lines
    that open the block stay in front of it as one unit: they span the
    columns below them, so they are no column's line."""
    head = headline_lines(block, measures, by_rows)
    pieces = split_pieces(block[head:], measures)
    chains = [[pieces[i] for i in chain] for chain in stream_chains(pieces, measures, by_rows)]
    return ([whole_lines(block[:head])] if head else []) + chains


def headline_lines(block: list[Line], measures: list[float], by_rows: bool = False) -> int:
    """How many lines open the block above its columns: lines wider than
    any column's line can print (:func:`wider_than_columns`) that cannot be
    read as two column lines, and under them the wrapped end of one
    (:func:`wraps_headline`) or a subtitle line opening with a dash.  Extractors print
    a headline above the columns it spans first, before the rows of its
    columns.  A subtitle opening with a dash or a document's date in
    brackets ends its stack, a dateline opens the text under its
    headline, and a part continued from another page reprints its title
    over "（上接第N版）", so the lines printed alone above any of them at
    the head of the block are a headline, however narrow or wide ("江州新
    区开园" / "——写在……之际"); so are lines that stop on a letter above a
    first row opening with an indented line.  On a page printed row by row
    every row of columns holds several pieces, so any line of one piece
    before the first such row is a headline, however short."""
    widest = widest_column_line(measures)
    count = 0
    above = ""
    for line in block[:-1]:
        text = line.text.strip()
        if not measures or not (
            by_rows or wider_than_columns(text, measures, widest) or (count and (text.startswith("——") or wraps_headline(above, text)))
        ):
            break
        if len(merged_parts(text, measures)) > 1:
            break  # two column lines printed as one, not a headline
        count += 1
        above = text
    return max(count, marked_stack(block, measures, by_rows))


# How far past the widest measure a line of Han characters alone may
# measure and still be a column's line (rounding in the extracted widths).
HAN_SLACK = 0.5


def wider_than_columns(text: str, measures: list[float], widest: float) -> bool:
    """Wider than any column's line can print: past the widest measure with
    hanging punctuation and wide quotes, or, for a line of Han characters
    alone (which have neither), past the widest measure itself."""
    if text and all(map(is_han, text)):
        return width(text) > max(measures) + HAN_SLACK
    return width(text) > widest


def wraps_headline(above: str, text: str) -> bool:
    """A line with no punctuation that a word of the headline line above
    runs into ("江州市与海滨市正式结为友" / "好城市签约仪式举行"): the
    headline's wrapped end, however narrow."""
    return bool(above and text) and TEXT_MARKS.isdisjoint(text) and word_runs_across(above, text)


# The most lines a headline stack prints above its dash-led subtitle or
# bracketed date, a dateline or a continued part's marker.
MARKED_STACK_MAX = 3


def marked_stack(block: list[Line], measures: list[float], by_rows: bool = False) -> int:
    """Lines up to a dash-led subtitle or a bracketed date ("（2024年3月5日）"
    under a speech's title), or up to a line that opens a text
    with a dateline or a continuation marker ("新华社北京10月1日电……",
    "（上接第1版）……" under the part's reprinted title), among the first
    lines of the block, each printed alone (no two column lines merged) and
    none stopping on a mark inside a sentence (a column's line may, a
    headline does not); or the lines up to a first row of merged column
    lines that opens a paragraph (:func:`opens_the_rows`); 0 when there is
    none, or when the block opens with text.  Over a continuation marker a
    title of two phrases may read like two column lines side by side: it
    still counts, except on a page printed row by row."""
    head = block[: MARKED_STACK_MAX + 1]
    marker = next((k for k, line in enumerate(head) if JUMP_FROM_TOKEN.match(line.text.strip())), None)
    if marker and not by_rows and all(line.text.strip()[-1:] not in _TEXT_END for line in head[:marker]):
        # A continued part's reprinted title, even one of two phrases that
        # reads like two column lines side by side (on a page printed row
        # by row, rows of columns may stand there instead).
        return marker
    for k, line in enumerate(head):
        text = line.text.strip()
        if JUMP_FROM_TOKEN.match(text) or DATELINE.match(text) or breaks_off_dateline(text):
            return k
        parts = merged_parts(text, measures)
        if len(parts) > 1:
            return k if k and opens_the_rows(parts[0], block[:k], measures) else 0
        if text[-1:] in _TEXT_END:
            return 0
        if k and (SUBTITLE_START.match(text) or DOCUMENT_DATE.match(text)) and k + 1 < len(block):
            return k + 1
    return 0


def opens_the_rows(first: str, above: list[Line], measures: list[float]) -> bool:
    """The first row of merged column lines opens with a paragraph's
    indented first line, and every line printed alone above it stops on a
    letter or digit: none can be the end of a paragraph, so they are the
    headline over the text."""
    w, full = width(first), full_measures(measures)
    indented = not fills_measure(w, full) and any(abs(w + INDENT - m) <= INDENT_TOLERANCE for m in full)
    return indented and all(line.text.strip()[-1:].isalnum() and not is_column_top(line.text.strip(), measures) for line in above)


def is_column_top(text: str, measures: list[float]) -> bool:
    """A column's line printed alone above the rows (its column starts a
    row higher than the others), not a headline: it reaches the column edge,
    as a full or indented opening line, and breaks a clause inside
    ("老街的早市上，一" / "早就坐满了人……")."""
    return ends_at_column_edge(width(text), measures) and not CLAUSE_MARKS.isdisjoint(text)


def whole_lines(block: list[Line]) -> list[Piece]:
    """A block that passed the quick look, as one unit.  Only its first and
    last lines' widths are ever read (where units join)."""
    pieces = [Piece(text=line.text, line=line, part=0) for line in block]
    for p in (pieces[0], pieces[-1]):
        p.width = width(p.text)
    return pieces


# --- the quick look --------------------------------------------------------------


def reads_in_order(block: list[Line]) -> bool:
    """Whether a block is plainly printed column by column, judged from a
    few stretches of it (its start, middle and end).

    In column order a line break falls inside a word about a third of the
    time, and almost always between a line and the very next one; in text
    printed row by row across k columns the words run on k lines later
    instead.  A stretch reads in order once it has found
    :data:`PROBE_HITS` words running into the next line and clearly more
    than into any of the lines after it.  A block too short for that reads
    in order when no later line takes more words than the next one and no
    line holds two runs of text side by side (merged columns)."""
    texts = probe_texts(block)
    n = len(texts)
    if n <= PROBE_LINES:
        hits = probe_hits(texts, 0, n)
        return hits is None or (plain_lines(texts) and hits[1] >= PROBE_RATIO * max(hits[2:]))
    starts = sorted({0, n // 2 - PROBE_LINES // 2, n - PROBE_LINES})
    return all(probe_hits(texts, start, start + PROBE_LINES) is None for start in starts)


def probe_texts(block: list[Line]) -> list[str]:
    """Stripped line texts, a line printed twice in a row (faux bold) once."""
    texts: list[str] = []
    for line in block:
        text = line.text.strip()
        if not texts or text != texts[-1]:
            texts.append(text)
    return texts


def probe_hits(texts: list[str], start: int, stop: int) -> list[int] | None:
    """Words running from each line of ``texts[start:stop]`` into the line
    1, 2, … :data:`PROBE_GAPS` after it (``hits[gap]``); None as soon as the
    stretch plainly reads in order."""
    words = short_words()
    hits = [0] * (PROBE_GAPS + 1)
    stop = min(len(texts), stop)
    heads = [(t[:1], t[:2], t[:3]) for t in texts[start:stop]]
    for i in range(start, stop - 1):
        a = texts[i]
        if not a or not a[-1].isalnum():
            continue  # words end in letters: a line ending in a mark takes none
        t1, t2, t3 = a[-1:], a[-2:], a[-3:]
        for g in range(1, min(PROBE_GAPS, stop - 1 - i) + 1):
            h1, h2, h3 = heads[i + g - start]
            # The same candidates as word_across, most frequent first.
            if t1 + h1 in words or t1 + h2 in words or t2 + h1 in words or t2 + h2 in words or t1 + h3 in words or t3 + h1 in words:
                hits[g] += 1
        if hits[1] >= PROBE_HITS and hits[1] >= PROBE_RATIO * max(hits[2:]) + PROBE_HITS // 2:
            return None
    return hits


def plain_lines(texts: list[str]) -> bool:
    """No line holds two runs of text long enough to be column lines,
    side by side after a space (two columns printed on one line)."""
    for text in texts:
        head, space, rest = text.partition(" ")
        if space and len(head) >= MIN_MEASURE and len(rest.lstrip()) >= MIN_MEASURE:
            return False
    return True


# --- pieces ----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def width(text: str) -> float:
    """Printed width in ems; a line's width is wanted for the page's
    measures and again for its pieces."""
    return printed_width(text)


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


def widest_column_line(measures: list[float]) -> float:
    """The widest a column's line can print: the widest measure, with
    punctuation hanging into the margin and curly quotes set wide."""
    return max(measures, default=0.0) + HANGING + QUOTES


def fills_measure(w: float, measures: list[float]) -> bool:
    return any(-FULL_TOLERANCE <= w - m <= HANGING for m in measures)


def ends_at_column_edge(w: float, measures: list[float]) -> bool:
    """A full line, or the indented opening line of a paragraph (which ends
    at the column edge too, :data:`INDENT` ems short of the measure).  A
    width that is itself a measure less the indent (the page's opening
    lines pile up there too) has no indented lines of its own: a line two
    ems shorter still is a paragraph's short last line."""
    return fills_measure(w, measures) or any(abs(w + INDENT - m) <= INDENT_TOLERANCE for m in full_measures(measures))


def full_measures(measures: list[float]) -> list[float]:
    """The measures that are not another measure less the indent.

    >>> full_measures([9.5, 10.0, 11.5, 12.0])
    [11.5, 12.0]
    """
    return [m for m in measures if not any(abs(m + INDENT - other) <= INDENT_TOLERANCE for other in measures)]


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

    >>> merged_parts("得2019年江州稻谷丰收的 里乡亲、齐心协力", [12.0])
    ['得2019年江州稻谷丰收的', '里乡亲、齐心协力']
    >>> merged_parts("本报记者 李明 摄", [12.0])
    ['本报记者 李明 摄']
    """
    stripped = text.strip()
    if not measures:
        return [text]
    if " " not in stripped:
        return glued_parts(text, measures)
    tokens = _SPACES.split(stripped)
    parts: list[str] = []
    current = tokens[0]
    for token in tokens[1:]:
        if _starts_text(token) and (ends_a_piece(current, measures) or (len(tokens) > 2 and opens_a_column_line(current, token, measures))):
            parts.append(current)
            current = token
        else:
            current = f"{current} {token}"
    parts.append(current)
    if len(parts) == 1:
        return glued_parts(text, measures)
    return [piece for part in parts for piece in glued_parts(part, measures)]


def opens_a_column_line(before: str, token: str, measures: list[float]) -> bool:
    """Whether ``token`` is a column line of its own that another column's
    line ``before`` was printed against: it fills a column measure, and the
    two together are wider than any column.  Only asked of lines with three
    runs or more: two runs side by side may be a headline's two halves
    ("稻花飘香 江村丰收")."""
    return fills_measure(width(token), measures) and width(before) + 0.5 + width(token) > widest_column_line(measures)


def ends_a_piece(text: str, measures: list[float]) -> bool:
    """Whether a space after ``text`` separates two columns' lines: the text
    before it ends at a column edge, is wider than any column (a headline
    over the columns beside it), or is a paragraph's last line (it stops
    short of the edge): it ends a sentence, or closes a bracket or quote
    after a few characters (a short "（江声）" may be a tag in a line)."""
    w = width(text)
    if ends_at_column_edge(w, measures) or w > widest_column_line(measures):
        return True
    return text[-1] in SENTENCE_END or (w >= MIN_MEASURE and text[-1] in PARAGRAPH_END)


def glued_parts(text: str, measures: list[float]) -> list[str]:
    """A line without a space that is wider than any column cut in two
    column lines.  A column line that ends in punctuation set squeezed can
    come so close to the next column that the extractor glues the two
    without a space; the cut goes after the mark where the first part
    fills a measure best, if the rest is a line of a column: it fits one
    (only punctuation hangs past the measure, so Han letters alone never
    run wider than it: such a rest is a headline's), opens with no closing
    mark (no line does, 避头尾) and is a whole line (:func:`is_column_line`),
    not a column tag alone (no line of text is only a name in brackets: a
    rest "（江州观察①）" is the tag closing a headline).

    >>> glued_parts("江州早市里人来人往，卖菜的摊主们都笑了。", [10.0])
    ['江州早市里人来人往，', '卖菜的摊主们都笑了。']
    >>> glued_parts("市民唱起《江州之歌》，歌声飘过老街。", [10.0])
    ['市民唱起《江州之歌》，', '歌声飘过老街。']
    """
    widest = max(measures)
    if width(text) <= widest + HANGING + QUOTES or SUBTITLE_START.match(text):
        # A line opening with a dash is a subtitle: no column line starts so.
        return [text]
    best: tuple[float, int] | None = None
    for k, ch in enumerate(text[:-1]):
        rest = text[k + 1 :]
        if ch not in GLUE_MARKS or not _starts_text(rest):
            continue
        if rest[0] in NO_LINE_START:
            continue  # no line starts with a closing mark (避头尾)
        if not is_column_line(rest, measures) or wider_than_columns(rest, measures, widest + HANGING) or is_tag_alone(rest):
            continue
        head = width(text[: k + 1])
        miss = min((head - m for m in measures if -FULL_TOLERANCE <= head - m <= GLUED_SQUEEZE), default=None)
        if miss is not None and (best is None or abs(miss) < best[0]):
            best = (abs(miss), k + 1)
    if best is None:
        return [text]
    return [text[: best[1]], text[best[1] :]]


def is_column_line(text: str, measures: list[float]) -> bool:
    """A line that can be a whole line of a column: full, a paragraph's
    opening line (full but for its indent) or its last line (ending the
    paragraph).  Not the broken-off piece of a headline's line."""
    w = width(text)
    return fills_measure(w, measures) or fills_measure(w + INDENT, measures) or text[-1:] in PARAGRAPH_END


def _starts_text(token: str) -> bool:
    return bool(token) and not (token[0].isascii() and token[0].isalpha())


# --- streams ---------------------------------------------------------------------


def stream_chains(pieces: list[Piece], measures: list[float], by_rows: bool = False) -> list[list[int]]:
    """Chains of piece positions, one per column stretch, in printing order."""
    n = len(pieces)
    if n < 3:
        return [list(range(n))]
    text = successor_scores(pieces, measures, by_rows)
    nxt = periodic_successors(text)
    if sequential_share(nxt) >= SEQUENTIAL_SHARE:
        return [list(range(n))]
    if text_gain(text, nxt) < REORDER_GAIN:
        return [list(range(n))]
    return left_to_right(chains_from_successors(nxt, n), pieces)


def left_to_right(chains: list[list[int]], pieces: list[Piece]) -> list[list[int]]:
    """Chains in reading order: a column printed left of another on some
    line they share is read first, whichever of the two starts higher (a
    column under a box starts lower than the one beside it); the rest in
    the order they start."""
    if len(chains) < 2:
        return chains
    chain_of = {i: c for c, chain in enumerate(chains) for i in chain}
    left: set[tuple[int, int]] = set()
    for _line, group in groupby(range(len(pieces)), key=lambda i: id(pieces[i].line)):
        on_line = [chain_of[i] for i in group]
        left.update((a, b) for x, a in enumerate(on_line) for b in on_line[x + 1 :] if a != b)
    left = {(a, b) for a, b in left if (b, a) not in left}
    after: dict[int, list[int]] = {}
    waiting = [0] * len(chains)
    for a, b in left:
        after.setdefault(a, []).append(b)
        waiting[b] += 1
    ready = [c for c in range(len(chains)) if not waiting[c]]
    heapq.heapify(ready)
    order: list[int] = []
    placed = [False] * len(chains)
    while len(order) < len(chains):
        if not ready:
            # Left of each other in a ring (chains gone wrong): the first
            # to start is read first.
            ready = [min(c for c in range(len(chains)) if not placed[c])]
        c = heapq.heappop(ready)
        if placed[c]:
            continue
        placed[c] = True
        order.append(c)
        for b in after.get(c, []):
            waiting[b] -= 1
            if not waiting[b] and not placed[b]:
                heapq.heappush(ready, b)
    return [chains[c] for c in order]


def periodic_successors(text: np.ndarray) -> dict[int, int]:
    """The successors that read best together, chosen by dynamic
    programming over the whole block.

    Two rules of row-by-row printing shape the choice.  Rows come top to
    bottom and the lines of one row left to right, so when every column
    keeps the same line spacing the successors never cross: a piece
    printed later has its successor printed later (the choice is an
    increasing matching of pieces to later pieces).  And the same columns
    run side by side for many rows, so neighbouring pieces have their
    successors the same distance ahead: a link parallel to the one before
    it earns :data:`PARALLEL_LINK`.  A link costs :data:`LINK_THRESHOLD`,
    so a piece without evidence ends its chain unless the rhythm of the
    rows carries it on.

    ``F[i, j]`` is the best score with the first ``i`` pieces as sources
    and the first ``j`` as successors; ``M[i, j]`` the same with piece
    ``i - 1`` linked to piece ``j - 1``."""
    n, gaps = text.shape
    gain = np.full((n, n), -np.inf)
    for g in range(min(gaps, n - 1)):
        rows = np.arange(n - g - 1)
        gain[rows, rows + g + 1] = text[rows, g] - LINK_THRESHOLD
    best = np.zeros((n + 1, n + 1))
    linked = np.full((n + 1, n + 1), -np.inf)
    parallel = np.zeros((n + 1, n + 1), dtype=bool)
    for i in range(1, n + 1):
        carried = linked[i - 1, :-1] + PARALLEL_LINK
        parallel[i, 1:] = carried > best[i - 1, :-1]
        linked[i, 1:] = gain[i - 1] + np.maximum(carried, best[i - 1, :-1])
        best[i] = np.maximum.accumulate(np.maximum(best[i - 1], linked[i]))
    return trace_successors(best, parallel)


def trace_successors(best: np.ndarray, parallel: np.ndarray) -> dict[int, int]:
    """The links behind :func:`periodic_successors`' best score."""
    i = j = len(best) - 1
    on_link = False
    nxt: dict[int, int] = {}
    while i > 0 and j > 0:
        if on_link:
            nxt[i - 1] = j - 1
            on_link = bool(parallel[i, j])
            i -= 1
            j -= 1
        elif best[i, j] == best[i, j - 1]:
            j -= 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            on_link = True
    return nxt


def text_gain(text: np.ndarray, nxt: dict[int, int]) -> float:
    """How much better the chosen successors read than the printed order,
    on text evidence alone (the spacing evidence follows from the choice
    itself, so it cannot vouch for it)."""
    chosen = sum(float(text[i, j - i - 1]) for i, j in nxt.items())
    printed = text[:, 0]
    return chosen - float(np.clip(printed[np.isfinite(printed)], 0, None).sum())


def successor_scores(pieces: list[Piece], measures: list[float], by_rows: bool = False) -> np.ndarray:
    """Text evidence that piece ``i + g`` is the next line after piece ``i``
    of the same column, as an array ``[i, g - 1]`` for gaps up to
    :data:`MAX_GAP`; ``-inf`` where it cannot be.  On a page printed row
    by row (``by_rows``) it can only be on the next printed line."""
    n = len(pieces)
    texts = [p.text.strip() for p in pieces]
    tails = tail_codes(texts)
    heads = head_codes(texts)
    j = np.arange(n)[:, None] + np.arange(1, MAX_GAP + 1)[None, :]
    valid = j < n
    j = np.minimum(j, n - 1)
    empty = np.array([not t for t in texts])
    same_line = np.array([id(p.line) for p in pieces], dtype=np.int64)
    # A line wider than any column (a headline over the columns beside it,
    # printed among their rows) is no column's line.
    widest = widest_column_line(measures)
    foreign = empty | np.array([p.width > widest for p in pieces]) if measures else empty
    alone = np.array([alone_on_line(pieces, k) for k in range(n)])
    if by_rows:
        # On a page printed row by row a column's line shares its row with
        # the other columns' lines; a line of its own that ends in a letter
        # or digit, not a mark, is a headline or an intertitle between the
        # rows, no column's line.
        foreign = foreign | (alone & np.array([t[-1:].isalnum() for t in texts]))
    valid &= ~foreign[:, None] & ~foreign[j] & (same_line[:, None] != same_line[j])
    # A byline is set apart from the columns: no column's line leads into
    # it or on from it (one printed above the rows would otherwise head
    # whichever column reads on from it, and its chain would come first).
    byline = np.array([bool(BYLINE.match(t)) for t in texts])
    valid &= ~byline[:, None] & ~byline[j]
    # Nor does a line above the rows of columns lead into a column when
    # running text cannot print it: it is a headline (see heads_the_rows).
    valid &= ~heads_the_rows(pieces, texts, alone, measures, by_rows)[:, None]
    # A headline printed on a line of its own usually cuts the columns: the
    # lines under it belong to another article, unless the text runs on.
    # A line of running text as wide as several columns (a caption under
    # a picture beside the columns, its lines printed among their rows)
    # cuts nothing.
    spanning = np.array([p.width > SPANNING * widest and not TEXT_MARKS.isdisjoint(t) for p, t in zip(pieces, texts)])
    barrier = np.cumsum(foreign & ~empty & alone & ~spanning)
    across = barrier[j - 1] != barrier[:, None]
    if by_rows:
        row = np.cumsum([k == 0 or pieces[k - 1].line is not p.line for k, p in enumerate(pieces)])
        valid &= row[j] - row[:, None] == 1
    scores = BIGRAM_WEIGHT * block_association(texts, tails[:, -1][:, None], heads[:, 0][j])
    scores += continuity_scores(tails, heads, j, CONTINUITY_WEIGHT)
    scores += NUMBER_IN_BLOCK * (np.array([number_ends(t) for t in texts])[:, None] & np.array([number_starts(t) for t in texts])[j])
    widths = np.array([p.width for p in pieces])
    full = np.array([fills_measure(w, measures) for w in widths])
    scores += np.where(full[:, None] & (widths[j] > widths[:, None] + INDENT + HANGING + QUOTES), WIDER_NEXT, 0.0)
    scores += paragraph_shape_scores(pieces, texts, full, j, measures, by_rows)
    scores += np.where(across, HEADLINE_BETWEEN, 0.0)
    return np.where(valid, scores, -np.inf)


def heads_the_rows(pieces: list[Piece], texts: list[str], alone: np.ndarray, measures: list[float], by_rows: bool = False) -> np.ndarray:
    """Pieces above the columns' rows that are headings (:func:`is_heading`):
    those printed alone above the block's first row of merged column lines
    (none where no row was merged), and those on the block's first printed
    line, where a headline's side shares the line with the top of a column
    (except on a page printed row by row, whose every line is such a row)."""
    merged = np.flatnonzero(~alone)
    first_row = int(merged[0]) if len(merged) else 0
    first_line = pieces[0].line if pieces and not by_rows else None
    return np.array(
        [(k < first_row or p.line is first_line) and is_heading(p, t, measures) for k, (p, t) in enumerate(zip(pieces, texts))],
        dtype=bool,
    )


def is_heading(piece: Piece, text: str, measures: list[float]) -> bool:
    """A line that running text cannot print: one that stops short of the
    column edge on a letter or digit (running text fills its measure or
    ends its paragraph on a mark), one closed by a column tag ("……（民生
    观察）"), or two phrases set apart by a space ("山河壮丽 岁月峥嵘")."""
    if DATELINE.match(text) or JUMP_FROM_TOKEN.match(text):
        return False  # the opening of a text ("本报讯（记者王小明）")
    if text[-1:].isalnum() and not ends_at_column_edge(piece.width, measures):
        return True
    return bool(COLUMN_TAG.search(text) or PARALLEL_HALVES.match(text))


def alone_on_line(pieces: list[Piece], k: int) -> bool:
    """Whether piece ``k`` is the whole of its printed line."""
    line = pieces[k].line
    return pieces[k].part == 0 and (k + 1 == len(pieces) or pieces[k + 1].line is not line)


def continuity_scores(tails: np.ndarray, heads: np.ndarray, j: np.ndarray, weight: float) -> np.ndarray:
    """Evidence that the text runs on from piece ``i`` (its last characters,
    ``tails[i]``) into piece ``j[i, k]`` (``heads``): the gain in
    log-probability from reading the words around the break joined
    (:func:`continuity.join_gains`), ``weight`` a nat, capped so that one
    rare word does not outweigh the rhythm of the rows."""
    return weight * np.minimum(join_gains(tails, heads, j), CONTINUITY_CAP)


def paragraph_shape_scores(
    pieces: list[Piece], texts: list[str], full: np.ndarray, j: np.ndarray, measures: list[float], by_rows: bool = False
) -> np.ndarray:
    """Evidence from the shape of paragraphs in a column: a full line that
    stops mid-sentence goes on with the rest of its sentence, never with
    the opening line of a paragraph (indented, or a dateline) nor with a
    byline (set apart, it may print among the rows of the columns beside
    it), nor with a headline line (:func:`is_heading`: an intertitle
    follows a paragraph's end).  On a page printed row by row a headline
    line's next line is another of its lines or the opening of the text
    under it, never a line from inside a paragraph."""
    runs_on = full & np.array([runs_on_text(t) for t in texts])
    opening = np.array([opens_paragraph(p, measures) or bool(DATELINE.match(t) or BYLINE.match(t)) for p, t in zip(pieces, texts)])
    # The end of a sentence cut short ("……指导秋冬" at a jump) is no headline
    # line: those run longer than a couple of characters.
    heading = np.array([len(t) > HEADING_MIN_CHARS and is_heading(p, t, measures) for p, t in zip(pieces, texts)])
    scores = np.where(runs_on[:, None] & opening[j], MID_SENTENCE_OPENING, 0.0)
    scores += np.where(runs_on[:, None] & heading[j], MID_SENTENCE_HEADING, 0.0)
    if by_rows:
        scores += np.where(heading[:, None] & ~heading[j] & ~opening[j], HEADING_INTO_PARAGRAPH, 0.0)
    return scores


def number_ends(text: str) -> bool:
    """A line that may stop inside a number: it ends in a digit, or in a
    decimal point after one ("下降0.")."""
    return bool(text) and (text[-1].isdigit() or (text[-1] in ".．" and text[-2:-1].isdigit()))


def number_starts(text: str) -> bool:
    """A line that may go on with the rest of a number: it starts with a
    digit, or with the decimal point or per cent sign of one (".8%")."""
    return bool(text) and (text[0].isdigit() or (text[0] in ".．%" and text[1:2].isdigit()))


def block_association(texts: list[str], last: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Association of the characters ``last`` and ``first`` (code points,
    element by element): pointwise mutual information of the pair from the
    block's own lines, smoothed and clipped (common pairs score up,
    impossible ones down)."""
    joined = "\0".join(t.replace(" ", "") for t in texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    chars = codes[codes != 0]
    total = max(1, len(chars))
    pairs = (codes[:-1] << 21) | codes[1:]
    pairs = pairs[(codes[:-1] != 0) & (codes[1:] != 0)]
    pair_keys, pair_counts = np.unique(pairs, return_counts=True)
    char_keys, char_counts = np.unique(chars, return_counts=True)
    x = last.astype(np.int64)
    y = first.astype(np.int64)
    pair = lookup_counts(pair_keys, pair_counts, (x << 21) | y)
    expected = (lookup_counts(char_keys, char_counts, x) + 1) * (lookup_counts(char_keys, char_counts, y) + 1) / total
    return np.clip(np.log((pair + 0.5) / (expected + 0.5)), -1.5, 3.0)


def lookup_counts(keys: np.ndarray, counts: np.ndarray, queries: np.ndarray) -> np.ndarray:
    if not len(keys):
        return np.zeros(queries.shape)
    pos = np.minimum(np.searchsorted(keys, queries), len(keys) - 1)
    return np.where(keys[pos] == queries, counts[pos], 0).astype(float)


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


# --- columns that carry a sentence on ------------------------------------------


def runs_on_text(text: str) -> bool:
    """Whether a printed line stops mid-sentence: it ends in a letter, a
    digit or a mark inside a sentence, not in a sentence end or a closing
    bracket (a jump marker, a credit)."""
    t = text.rstrip()
    if not t:
        return False
    last = t[-1]
    if ends_on_sentence_mark(t) or last in ")）》〉】":
        return False
    if last in CLOSERS:
        return len(t) > 1 and t[-2] not in SENTENCE_END
    return True


def link_units(units: list[list[Piece]], measures: list[float]) -> tuple[list[list[Piece]], frozenset[int]]:
    """Units (column stretches, blocks) reordered so that a unit whose last
    line is a full column line stopping mid-sentence is followed by the unit
    that carries its sentence on, where the text says so clearly (see
    :func:`unit_links`); the rest keep their order.  Also the source lines
    of the headlines such a sentence runs on past (:func:`headlines_skipped`)."""
    if len(units) < 2:
        return units, frozenset()
    nxt = unit_links(units, measures)
    order = column_under_level_columns(units, nxt, measures)
    if order:
        units = [units[k] for k in order]
        nxt = unit_links(units, measures)
    if all(j == i + 1 for i, j in nxt.items()):
        return units, frozenset()
    return relink(units, nxt, measures), headlines_skipped(units, nxt)


# A block of headline lines that a sentence runs on past has at most this
# many lines.
SKIPPED_HEADLINE_LINES = 3


def headlines_skipped(units: list[list[Piece]], nxt: dict[int, int]) -> frozenset[int]:
    """Source lines of the headlines printed between a sentence broken off
    and the unit that carries it on: short units with no clause or
    sentence mark.  A sentence never runs on over a headline, so the
    extractor printed the headline where its box fell among the lines of
    another text (poppler orders blocks by position), and it is no
    intertitle of that text.

    >>> line = lambda text, k: Piece(text, Line(text, k), 0, 12.0)
    >>> units = [[line("老街改造今天完工，圆了多", 1)], [line("江州大桥合龙", 2)], [line("年街坊的心愿。", 3)]]
    >>> sorted(headlines_skipped(units, {0: 2}))
    [2]
    """
    skipped: set[int] = set()
    for i, j in nxt.items():
        for k in range(i + 1, j):
            if len(units[k]) <= SKIPPED_HEADLINE_LINES and not is_running_text(units[k]):
                skipped.update(p.line.index for p in units[k])
    return frozenset(skipped)


def unit_links(units: list[list[Piece]], measures: list[float]) -> dict[int, int]:
    """Which unit carries on the sentence each unit breaks off, where the
    text says so clearly (:func:`unit_link_scores`): ``{unit: next}``."""
    n = len(units)
    open_ends = [k for k, u in enumerate(units) if ends_at_column_edge(u[-1].width, measures) and runs_on_text(u[-1].text)]
    if not open_ends:
        return {}
    # A sentence of running text (a stretch with clause marks, not a
    # headline) broken off never goes on with a dateline, a byline or a
    # headline: where the extractor printed one next, the text's own
    # evidence need only be clear enough to pick where the sentence does go
    # on.
    barred = np.array([k + 1 < n and is_running_text(units[k]) and opens_another_text(units[k + 1], measures) for k in open_ends])
    gain = unit_link_scores(units, open_ends, measures) - np.where(barred, BARRED_LINK_MIN, UNIT_LINK_MIN)[:, None]
    rows = np.flatnonzero(barred)
    gain[rows, np.array(open_ends)[rows] + 1] = -np.inf
    gain = np.where(np.isfinite(gain) & (gain > 0), gain, 0.0)
    return {open_ends[r]: c for r, c in best_pairs(gain) if gain[r, c] > 0}


def column_under_level_columns(units: list[list[Piece]], nxt: dict[int, int], measures: list[float]) -> list[int] | None:
    """The units in reading order where an extractor printing text boxes by
    their height printed two columns in two bands: the top of column A,
    the top of column B beside it, as tall, then the rest of A, whose foot
    breaks off the sentence B's top carries on ("A1 B1 A2" for "A1 A2
    B1").  The rest of A comes back under A's top when B's top is exactly
    as many lines as A's (:func:`column_heights`): side-by-side boxes of
    one band end level.  None when no column was printed so.

    >>> line = lambda text: Piece(text, None, 0, 12.0)
    >>> top_a, top_b = [line("江州老街改造今天完工。")] * 6, [line("年街坊的心愿。")] * 6
    >>> rest_a = [line("老街改造今天完工，圆了多")] * 3
    >>> column_under_level_columns([[Piece("老街新貌", None, 0, 4.0)], top_a, top_b, rest_a], {3: 2}, [12.0])
    [0, 1, 3, 2]
    """
    heads = carried_heads(nxt)
    for foot, head in sorted(nxt.items()):
        if head >= foot or head == 0 or not is_running_text(units[head - 1]):
            continue
        if any((k != head and k in heads) or not is_column_text(units[k], measures) for k in range(head, foot + 1)):
            continue
        for height in sorted(column_heights(units, head - 1, heads - {head}, measures)):
            rest = lines_down_to(units, head, height)
            if height >= COLUMN_MIN_LINES and rest is not None and rest <= foot:
                return [*range(head), *range(rest, foot + 1), *range(head, rest), *range(foot + 1, len(units))]
    return None


def carried_heads(nxt: dict[int, int]) -> set[int]:
    """Units a sentence is carried on into away from where they were
    printed (not the unit printed next)."""
    return {j for i, j in nxt.items() if j != i + 1}


def is_column_text(unit: list[Piece], measures: list[float]) -> bool:
    """Running text that opens no other text: a stretch of some column."""
    return is_running_text(unit) and not opens_another_text(unit, measures)


def lines_down_to(units: list[list[Piece]], start: int, height: int) -> int | None:
    """The unit right under the run of units from ``start`` that is exactly
    ``height`` lines tall (None when no run is)."""
    lines = 0
    for k in range(start, len(units)):
        if lines == height:
            return k
        lines += len(units[k])
        if lines > height:
            return None
    return len(units) if lines == height else None


def relink(units: list[list[Piece]], nxt: dict[int, int], measures: list[float]) -> list[list[Piece]]:
    """Units in reading order after linking.  A unit moved to carry on a
    sentence takes along only the paragraph it carries on (up to its first
    line short of the measure); what follows that paragraph in the unit
    stays where it was printed."""
    nxt, whole = take_columns_along(units, nxt, measures)
    moved = carried_heads(nxt)
    parts: list[list[Piece]] = []
    head: dict[int, int] = {}
    tail: dict[int, int] = {}
    for k, unit in enumerate(units):
        cut = paragraph_length(unit, measures) if k in moved - whole else len(unit)
        head[k] = len(parts)
        parts.append(unit[:cut])
        if cut < len(unit):
            parts.append(unit[cut:])
        tail[k] = len(parts) - 1
    links = {tail[i]: head[j] for i, j in nxt.items()}
    placed = moved_ahead(units, nxt) | printed_after_sequel(units, nxt, measures)
    place = {head[i]: head[j] - 0.5 for i, j in nxt.items() if i in placed}
    return [parts[k] for k in follow_links(links, len(parts), place)]


def take_columns_along(units: list[list[Piece]], nxt: dict[int, int], measures: list[float]) -> tuple[dict[int, int], set[int]]:
    """The links extended so that a unit moved ahead to carry on a sentence
    takes along the rest of the column it opens
    (:func:`column_taken_along`), and the units taken along: those move
    whole, not by their first paragraph."""
    heads = carried_heads(nxt)
    links = dict(nxt)
    whole: set[int] = set()
    for foot, head in sorted(nxt.items()):
        if head <= foot + 1:
            continue
        column = column_taken_along(units, heads, foot, head, measures)
        # A unit of the run whose sentence the text carries on elsewhere
        # ends the column there: the run is no column.
        if any(nxt.get(k, k + 1) != k + 1 for k in column[:-1]):
            continue
        whole.update(column)
        links.update(zip(column, column[1:]))
    return links, whole


def column_taken_along(units: list[list[Piece]], heads: set[int], foot: int, head: int, measures: list[float]) -> list[int]:
    """The units of the column that unit ``head`` opens, printed away from
    the column whose foot, unit ``foot``, breaks off the sentence it
    carries on: ``head`` and the units printed after it, when they add up
    to exactly as many lines as that column may have
    (:func:`column_heights`).  An article's text fills a rectangle, so its
    columns are equally tall: a run of that height is the rest of the
    column (an extractor that prints text boxes by their height on the
    page left it after another article).  [] when no run has that height,
    or it is shorter than :data:`COLUMN_MIN_LINES`.

    >>> line = lambda text: Piece(text, None, 0, 12.0)
    >>> column = [line("老街改造今天完工，圆了多")] * 6
    >>> rest = [[line("年街坊的心愿。")] * 2, [line("街坊们说，")] * 4]
    >>> column_taken_along([column, [Piece("江州新闻", None, 0, 4.0)], *rest], {2}, 0, 2, [12.0])
    [2, 3]
    """
    heights = column_heights(units, foot, heads, measures)
    lines = 0
    for k in range(head, len(units)):
        if k != head and (k in heads or not is_column_text(units[k], measures)):
            return []
        lines += len(units[k])
        if lines in heights and lines >= COLUMN_MIN_LINES:
            return list(range(head, k + 1)) if k > head else []
        if lines > max(heights):
            return []
    return []


def column_heights(units: list[list[Piece]], foot: int, heads: set[int], measures: list[float]) -> set[int]:
    """How many lines the column ending with unit ``foot`` may have: the
    lines from each unit above it that can open a column down to the foot.
    A column opens under a headline, after another column's foot (a full
    line breaking off a sentence), or where a sentence was carried on into
    (``heads``); what opens another text opens one too."""
    found: set[int] = set()
    lines = 0
    for k in range(foot, -1, -1):
        lines += len(units[k])
        top = k == 0 or k in heads or not is_running_text(units[k - 1]) or opens_another_text(units[k], measures)
        if top or breaks_off_at_foot(units[k - 1], measures):
            found.add(lines)
        if top:
            break
    return found


def breaks_off_at_foot(unit: list[Piece], measures: list[float]) -> bool:
    """A unit ending on a full line that breaks off a sentence: a column's
    foot."""
    return fills_measure(unit[-1].width, measures) and runs_on_text(unit[-1].text)


def moved_ahead(units: list[list[Piece]], nxt: dict[int, int]) -> set[int]:
    """Units that are one line printed ahead of their place: a paragraph's
    opening line that the extractor boxed on its own and sorted by its
    height on the page, so that it lands among the lines of the column
    beside it.  Such a line is linked past the units printed after it; it
    is read where the text it goes on with was printed, not where it was
    printed itself."""
    has_pred = set(nxt.values())
    return {k for k, t in nxt.items() if t > k + 1 and len(units[k]) == 1 and k not in has_pred}


# Most lines a column's foot printed after the next column's head may have.
FOOT_LINES = 3


def printed_after_sequel(units: list[list[Piece]], nxt: dict[int, int], measures: list[float]) -> set[int]:
    """Units that can be a column's foot (:func:`is_column_foot`) linked to
    a unit printed before them that opens on a full line of running text:
    the foot of a column, which an extractor printing text boxes by rows
    across the page (pdfminer's boxes) printed after the head of the next
    column, where its sentence goes on.  Such a foot is read right before
    the text it goes on into, not where it was printed.

    >>> foot, head = Piece("老街改造今天完工，圆了多", None, 0, 12.0), Piece("年街坊的心愿。街坊们说，", None, 0, 12.0)
    >>> units = [[Piece("江州老街焕然一新。", None, 0, 9.0)], [head], [foot]]
    >>> printed_after_sequel(units, {2: 1}, [12.0])
    {2}
    """
    return {
        k
        for k, t in nxt.items()
        if t < k and is_column_foot(units, k) and fills_measure(units[t][0].width, measures) and is_running_text(units[t])
    }


def is_column_foot(units: list[list[Piece]], k: int) -> bool:
    """Unit ``k`` can be the foot of a column: a few lines
    (:data:`FOOT_LINES`), or as many lines as the unit printed after it,
    the foot of the column beside it (an extractor printing boxes by rows
    prints the feet of side-by-side columns, level with each other, one
    after the other)."""
    n = len(units[k])
    return n <= FOOT_LINES or (k + 1 < len(units) and len(units[k + 1]) == n)


def paragraph_length(unit: list[Piece], measures: list[float]) -> int:
    """Pieces up to and including the first line that stops short of the
    column measure: the end of the paragraph a unit opens with."""
    for k, p in enumerate(unit):
        if not fills_measure(width(p.text), measures):
            return k + 1
    return len(unit)


def unit_link_scores(units: list[list[Piece]], open_ends: list[int], measures: list[float]) -> np.ndarray:
    """Evidence that unit ``j`` carries on the sentence unit ``open_ends[r]``
    breaks off, ``[r, j]``: a word or a number running across the break,
    a bracket opened before it and closed after it (within the paragraph
    the unit opens with), the two lines' usual association on the page,
    the same column measure on both sides, and a paragraph's indented
    opening line going on with a full line.
    The unit printed next gets :data:`PRINTED_NEXT` on top: the extractor's
    order stands unless the text says otherwise."""
    n = len(units)
    ends = [units[k][-1] for k in open_ends]
    starts = [u[0] for u in units]
    end_texts = [p.text.strip() for p in ends]
    start_texts = [p.text.strip() for p in starts]
    tails = tail_codes(end_texts)
    heads = head_codes(start_texts)
    j = np.broadcast_to(np.arange(n), (len(ends), n))
    scores = continuity_scores(tails, heads, j, UNIT_CONTINUITY)
    page_texts = [p.text.strip() for u in units for p in u]
    scores += BIGRAM_WEIGHT * block_association(page_texts, tails[:, -1][:, None], heads[:, 0][None, :])
    digits_end = np.array([t[-1:].isdigit() for t in end_texts])
    digits_start = np.array([t[:1].isdigit() for t in start_texts])
    scores += NUMBER_ACROSS * (digits_end[:, None] & digits_start[None, :])
    opened = np.array([open_bracket(t) for t in end_texts])
    # The bracket may close anywhere in the paragraph the unit opens with.
    closed = np.array([closing_bracket("".join(p.text.strip() for p in u[: paragraph_length(u, measures)])) for u in units])
    scores += BRACKET_ACROSS * ((opened[:, None] == closed[None, :]) & (opened[:, None] != ""))
    end_widths = np.array([p.width for p in ends])
    start_widths = np.array([p.width for p in starts])
    start_full = np.array([fills_measure(w, measures) for w in start_widths])
    same = np.abs(end_widths[:, None] - start_widths[None, :]) <= FULL_TOLERANCE
    scores += np.where(start_full[None, :] & same, SAME_MEASURE, 0.0)
    opening = np.array([opens_paragraph(p, measures) for p in starts])
    scores += np.where(opening[None, :], NEW_PARAGRAPH, 0.0)
    # A paragraph's opening line goes on with a full line of its column.
    end_opening = np.array([opens_paragraph(p, measures) for p in ends])
    scores += np.where(end_opening[:, None] & start_full[None, :], OPENING_GOES_ON, 0.0)
    scores += np.where(start_widths[None, :] > end_widths[:, None] + HANGING + QUOTES, WIDER_NEXT, 0.0)
    rows = np.arange(len(open_ends))
    ends_at = np.array(open_ends)
    scores[rows, ends_at] = -np.inf
    after = ends_at + 1 < n
    scores[rows[after], ends_at[after] + 1] += PRINTED_NEXT
    return scores


def is_running_text(unit: list[Piece]) -> bool:
    """A stretch of text with clause marks in it, not a headline's lines."""
    return any(not TEXT_MARKS.isdisjoint(p.text) for p in unit)


def opens_another_text(unit: list[Piece], measures: list[float]) -> bool:
    """A unit opening with a dateline, a byline or a headline: what no
    sentence broken off goes on with."""
    return opens_a_report(unit[0].text) or opens_with_heading(unit, measures)


def opens_with_heading(unit: list[Piece], measures: list[float]) -> bool:
    """A unit of several lines whose first is set like a headline over the
    lines under it: without a clause or sentence mark, and wider than any
    column line (a title spanning columns, "……推进工作座" / "谈会")
    or shorter than the full column line under it by more than a
    paragraph's indent."""
    if len(unit) < 2 or not TEXT_MARKS.isdisjoint(unit[0].text):
        return False
    first = unit[0].width
    if first > widest_column_line(measures):
        return True
    # A unit read as a whole block keeps only its ends' widths.
    second = width(unit[1].text)
    return fills_measure(second, measures) and first < second - INDENT - INDENT_TOLERANCE


def opens_a_report(text: str) -> bool:
    """A dateline or a byline: what opens a text, never what goes on with
    a sentence."""
    t = text.strip()
    return bool(DATELINE.match(t) or BYLINE.match(t) or breaks_off_dateline(t))


def opens_paragraph(piece: Piece, measures: list[float]) -> bool:
    """An indented opening line: it runs on to the column edge but is
    :data:`INDENT` short of a full line.  A sentence broken off elsewhere
    does not go on with a new paragraph."""
    return not fills_measure(piece.width, measures) and ends_at_column_edge(piece.width, measures) and runs_on_text(piece.text)


def open_bracket(text: str) -> str:
    """The closing mark a line still owes: the last opening bracket or
    quote in it that is not closed after it ("" when none)."""
    for ch in reversed(text):
        if ch in CLOSERS:
            return ""
        if ch in OPENERS:
            return CLOSERS[OPENERS.index(ch)]
    return ""


def closing_bracket(text: str) -> str:
    """The first closing bracket or quote of a line that was not opened in
    it ("" when none)."""
    for ch in text:
        if ch in OPENERS:
            return ""
        if ch in CLOSERS:
            return ch
    return ""


def follow_links(nxt: dict[int, int], n: int, place: dict[int, float] | None = None) -> list[int]:
    """Positions in reading order: the printed order, except that a linked
    unit comes right after the unit it continues; ``place`` gives some
    units another position to be read at than their printed one."""
    has_pred = set(nxt.values())
    order: list[int] = []
    done = [False] * n
    place = place or {}
    starts = sorted((k for k in range(n) if k not in has_pred), key=lambda k: place.get(k, k))
    for start in starts + list(range(n)):
        k = start
        while not done[k]:
            done[k] = True
            order.append(k)
            if k not in nxt:
                break
            k = nxt[k]
    return order


# --- lines -----------------------------------------------------------------------


def rebuild_lines(ordered: list[Piece], lines: list[Line]) -> list[Line]:
    """Lines from ordered pieces: pieces of one printed line that stay
    neighbours are joined again; a split piece becomes a line of its own
    with its source line's index.  A line that opened a block keeps the
    blank line before it."""
    groups: list[list[Piece]] = []
    for p in ordered:
        if groups and groups[-1][-1].line is p.line and groups[-1][-1].part == p.part - 1:
            groups[-1].append(p)
        else:
            groups.append([p])
    if len(groups) == len(lines) and all(g[0].line is line for g, line in zip(groups, lines)):
        return lines
    parts = Counter(id(p.line) for p in ordered)
    out: list[Line] = []
    for group in groups:
        source = group[0].line
        blank_before = source.blank_before and group[0].part == 0
        if len(group) == parts[id(source)]:
            out.append(source if blank_before == source.blank_before else _line_like(source, source.text, blank_before))
        else:
            out.append(_line_like(source, " ".join(p.text for p in group), blank_before))
    return out


def _line_like(source: Line, text: str, blank_before: bool) -> Line:
    return dataclasses.replace(source, text=text, blank_before=blank_before)
