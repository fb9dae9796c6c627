"""Cutting a page's sequence of text units and headline lines into articles.

Extractors print an article's headline either before its body or after it
(e-paper PDFs often draw headlines last), so a run of headline lines between
two bodies may head the body after it, close the body before it, be split
between the two, or be an intertitle inside one article.  Each way of
cutting the sequence into articles is scored and the best is found by
dynamic programming over all cuts:

* a headline belongs with the body it shares vocabulary with
  (:mod:`jianbao.assemble.lexical`);
* an article has one headline stack, printed before or after its body, not
  both (before it where the extractor printed the columns interleaved row
  by row: there every headline comes at its height, over its text);
  headline lines inside an article are intertitles, which cost;
* a dateline ("本报讯", "新华社…电"), the label a printed letter opens
  with ("贺 信") or a continuation marker ("（上接第1版）") starts a new
  article, even after a text that breaks off mid-sentence (the rest of
  that text is in another column or page); key points in a bullet list
  above a dateline ("■ ……") are the text's own, and a one-paragraph brief
  under a dateline right over another is less often a text of its own (a
  report follows the brief announcing it under one headline);
* a jump marker ("（下转第4版）") ends the body it follows;
* an article without any headline costs; so does a headline with no body
  (it may still be a photo's headline, matched to a caption later);
* a headline printed right after a photo credit belongs to the photo;
* text on both sides of a cut that is about the same thing (shares
  vocabulary beyond what unrelated articles share) is one article, and so
  is a paragraph ending on a colon ("……全文如下：") with the text it
  announces, and a series of parallel paragraphs ("突出……" / "突出……" /
  "突出……") with the paragraph that introduces them;
* plain headline lines the width of the column are mostly intertitles, so
  a headline made only of them is weak; a bold or column-spanning line is a
  real headline and costs dearly as an intertitle, and so does a line
  right over a dateline set in the column (sections go on without one) or
  a line naming a document ("……联合声明": no intertitle names one);
* a stack cannot end on a kicker, have a headline line above its kicker,
  go on past a document's title ("关于……的通知") but for a subtitle, date
  or signer,
  open with a subtitle (a dash-led one least of all, not even a photo's
  headline) or an enumerated point ("二、……"), have a line above
  its column head, or run across a caption; a headline printed against a
  caption it matches is that photo's;
* a short note in brackets ("（相关报道见第五版）") closes the text before it,
  and after a source note ("（本报记者 王芳）") another text begins;
* every article has a headline: a text without one that opens mid-page
  (no dateline, no continuation marker) costs more, and so does a report
  under a dateline with intertitles but no headline (intertitles divide a
  headed article: there they are more likely the headlines of texts cut
  apart);
* a headline line that only finishes the one above it ("……（人民论" /
  "坛）") is never cut from it;
* a short part continued from another page reprints its headline set
  plain in the column, printed after it too: there a plain headline that
  shares words with the part is not weak for looking like an intertitle.

After the cut, two or more texts in a row headed by the same kind of plain
label ("李明——") are joined to the feature before them
(:func:`join_section_series`), a part continued from another page keeps
the plainly headed sections after it (:func:`join_continued_sections`), a
report signed section by section keeps its signed sections
(:func:`join_signed_sections`), a feature not yet closed keeps its plainly
headed sections (:func:`join_feature_sections`), two datelined reports
whose headlines were printed together each take their own
(:func:`split_paired_reports`), and headline lines of side-by-side articles
that an extractor printed interleaved are given back to the article they
match (:func:`untangle_heads`), and a kicker printed apart from its title
heads the article it names (:func:`give_kickers_to_titles`).
"""

from __future__ import annotations

import math
import re
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce

from jianbao.assemble.lexical import Vocabulary, grams
from jianbao.assemble.paragraphs import FIRST, SINGLE, WIDER_THAN_COLUMN, is_closing_credit, is_source_note
from jianbao.assemble.rows import Row
from jianbao.normalize import is_han, visible_len
from jianbao.rules import COLUMN_TAG, DOCUMENT_TITLE, KICKER_END, PARALLEL_HALVES, ROLE, SECTION_LABEL

UNIT, HEAD, BYLINE, COLUMN, CAPTION = "unit", "head", "byline", "column", "caption"
# Where a caption stood in print: captions are matched apart, but a headline
# stack never runs across one.
GAP = "gap"

W_LEX = 3.0
C_NO_HEAD = 1.0
# Every article has a headline; only the text a page opens with (continued
# from another page without a marker) or one opening with a dateline or a
# continuation marker may stand without one.
C_HEADLESS_INSIDE = 2.0
# A text without headline that is also tiny is a stray piece of another.
C_TINY_HEADLESS = 1.5
# A report under a dateline with intertitles but no headline (see the
# module docstring).
C_HEADLESS_INTERTITLES = 1.5
TINY_CHARS = 40
B_CLOSING_NOTE = 4.0
MAX_NOTE = 80
C_FLOAT = 0.6
C_FLOAT_LINE = 0.15
# Intertitles are set within the column in the body's weight; a line that
# is faux bold or wider than the column is a real headline, and costs much
# more as an intertitle.  A headline made only of such plain lines is weak.
C_INTERTITLE = 0.3
C_INTERTITLE_STRONG = 3.0
C_WEAK_HEADLINE = 2.2
W_WEAK_WITHOUT_BOLD = 0.75
W_INTERTITLE_LEX = 0.8
C_INNER_BYLINE = 2.5
C_HARD_START = 4.0
# ... and between a brief and the report printed after it under one
# headline (SegmentGrower._joins_brief).
C_HARD_START_BY_BRIEF = 1.5
C_PHOTO_HEAD = 0.4
# Text printed row by row across the columns (and put back in column order),
# or in text boxes sorted by their position, has every headline at its
# height: over the text it heads, not after it.
C_HEAD_AFTER_ROWS = 2.0
B_CONTINUED_HEAD = 1.0
# A continued part this short (in characters) reprints its headline rather
# than runs on past an intertitle (SegmentGrower._reprints_head).
SHORT_CONTINUED_PART = 300
B_COLUMN_LEADS = 0.1
# A kicker stands above its title and a subtitle below it: a stack cannot
# end on a kicker nor open with a subtitle.
C_STACK_SHAPE = 1.2
# A line led by a dash ("——记……") is a subtitle, the lowest line of a
# stack, whatever else it shares words with: a stack opening with one
# costs more.
C_DASH_OPENING = 3.0
# Cohesion of neighbouring text units: on a page of news, two stretches of
# one article share more weighted vocabulary than two articles do (about
# 0.12 against 0.04 of the smaller text's weight); the cost of joining is
# zero at COH_BASE.
W_COHESION = 20.0
COH_BASE = 0.07
EDGE_CHARS = 400
MAX_SEGMENT = 160
IMPOSSIBLE = -1e9


@dataclass(slots=True)
class Item:
    kind: str
    rows: list[Row]
    hard_start: bool = False
    from_jump: bool = False
    ends_jump: bool = False
    after_caption: bool = False
    strong: bool = False  # a headline line set bold or wider than the column
    kicker_like: bool = False
    enumerated: bool = False  # "二、……": a section head inside a text
    bulleted: bool = False  # "■ ……": a key point of the text under it
    wraps_previous: bool = False  # a headline line that finishes the line above
    subtitle_like: bool = False
    dash_led: bool = False  # "——记……": surely a subtitle
    cohesion_next: float = 0.0  # units: cohesion with the next unit
    chars: int = 0
    local_sim: float = 0.0  # headline lines: vocabulary shared with the text around
    caption_sim: float = 0.0  # headline lines next to a caption: vocabulary shared with it
    grams: set[str] = field(default_factory=set)
    # Units: the grams of the text from here on and up to here (~EDGE_CHARS
    # each), as bits of the page's vocabulary (Vocabulary.bits).
    head_bits: int = 0
    tail_bits: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.rows)


@dataclass(slots=True)
class Segment:
    items: list[Item]
    lead: list[Item]
    trail: list[Item]
    score: float = 0.0

    @property
    def units(self) -> list[Item]:
        return [it for it in self.items if it.kind == UNIT]

    @property
    def floating(self) -> bool:
        return not self.units


def segment_items(items: list[Item], vocab: Vocabulary, shows_bold: bool = True, heads_lead: bool = False) -> list[Segment]:
    """Best cut of ``items`` (captions replaced by gaps) into articles.
    ``heads_lead``: the extractor printed every headline before its text
    (row by row, or in boxes sorted by position; :data:`C_HEAD_AFTER_ROWS`).

    Dynamic programming over cut points; each candidate article ending at
    ``j`` is grown leftwards one item at a time with its score kept up to
    date, so a page costs O(items × MAX_SEGMENT)."""
    index_intertitle_similarity(items, vocab)
    index_cohesion(items, vocab)
    n = len(items)
    best = [0.0] + [IMPOSSIBLE] * n
    choice: list[int] = [0] * (n + 1)
    chosen_score = [0.0] * (n + 1)
    # Where the extractor keeps no trace of bold type, a plain headline line
    # is less telling of an intertitle.
    weak_cost = C_WEAK_HEADLINE if shows_bold else C_WEAK_HEADLINE * W_WEAK_WITHOUT_BOLD
    page = PageFeatures(items, vocab, weak_cost, heads_lead)
    # No article starts on the second half of a wrapped headline line.
    no_start = [k > 0 and it.kind == HEAD and it.wraps_previous and items[k - 1].kind == HEAD for k, it in enumerate(items)]
    for j in range(1, n + 1):
        page.see_unit(j - 1)
        if j < n and no_start[j]:
            continue
        grower = SegmentGrower(page, j)
        for i in range(j - 1, max(0, j - MAX_SEGMENT) - 1, -1):
            if not grower.prepend(i):
                break
            if best[i] <= IMPOSSIBLE:
                continue
            s = grower.score()
            if s <= IMPOSSIBLE:
                continue
            if i > 0 and grower.headless():
                s -= C_HEADLESS_INSIDE
            if best[i] + s > best[j]:
                best[j] = best[i] + s
                choice[j] = i
                chosen_score[j] = s
    cuts: list[tuple[int, int]] = []
    j = n
    while j > 0:
        i = choice[j]
        cuts.append((i, j))
        j = i
    cuts.reverse()
    return [make_segment(items[i:j], chosen_score[j]) for i, j in cuts]


def index_cohesion(items: list[Item], vocab: Vocabulary) -> None:
    """Cohesion of each unit with the next unit in print order.  A short
    note in brackets ("（相关报道见第五版）", "（新华社江州3月5日电）") or a
    closing credit ("本版统筹：……") closes the text before it, and after a
    source note another text begins."""
    units = [it for it in items if it.kind == UNIT]
    for a, b in zip(units, units[1:]):
        if is_closing_note(b.text) or is_closing_credit(b.text):
            a.cohesion_next = B_CLOSING_NOTE
        elif announces_more(a.text) and not b.hard_start:
            # "……全文如下：" / "他说：": the colon announces what follows.
            a.cohesion_next = B_CLOSING_NOTE
        elif is_source_note(a.text) and not b.hard_start:
            # A note naming the source ended its text: what follows begins
            # another (a dateline after it is weighed as a hard start already).
            a.cohesion_next = -B_CLOSING_NOTE
        else:
            a.cohesion_next = W_COHESION * (vocab.bits_overlap(a.tail_bits, b.head_bits) - COH_BASE)
    for a, b in parallel_paragraph_pairs(units):
        a.cohesion_next += B_PARALLEL_OPENINGS


# Paragraphs in a series that open with the same words ("突出……" / "突出……" /
# "突出……") are one text's parallel points (see parallel_paragraph_pairs).
B_PARALLEL_OPENINGS = 2.0
PARALLEL_RUN = 3


def parallel_paragraph_pairs(units: list[Item]) -> list[tuple[Item, Item]]:
    """Neighbouring units in a run of at least :data:`PARALLEL_RUN` that
    open with the same two Han characters and go on with a third letter
    ("保护好老街，……" / "保护好老店，……" / "保护好……"), and the
    unit before the run with its first: a text lays out its points in
    parallel paragraphs after a paragraph that introduces them.  Openings
    followed by a mark ("近日，") are left out: briefs of a column open
    that way too.

    >>> units = [Item(kind=UNIT, rows=[Row(text=t, lines=[0])]) for t in ("今年要做好三件事。", "保护老街。", "保护老店。", "保护老井。", "近日，……")]
    >>> [(a.text[:4], b.text[:4]) for a, b in parallel_paragraph_pairs(units)]
    [('今年要做', '保护老街'), ('保护老街', '保护老店'), ('保护老店', '保护老井')]
    """
    openings = [_parallel_opening(u.text) for u in units]
    pairs: list[tuple[Item, Item]] = []
    start = 0
    while start < len(units):
        end = start + 1
        while end < len(units) and openings[start] and openings[end] == openings[start]:
            end += 1
        if openings[start] and end - start >= PARALLEL_RUN:
            # The paragraph before the series introduces it.
            first = max(0, start - 1)
            pairs.extend(zip(units[first : end - 1], units[first + 1 : end]))
        start = end
    return pairs


def _parallel_opening(text: str) -> str:
    t = text.lstrip()
    return t[:2] if len(t) >= 3 and all(is_han(ch) for ch in t[:3]) else ""


def announces_more(text: str) -> bool:
    """A paragraph ending on a colon introduces the text after it."""
    return text.rstrip().endswith(("：", ":"))


def is_closing_note(text: str) -> bool:
    s = "".join(text.split())
    return len(s) <= MAX_NOTE and s[:1] in "（(" and s[-1:] in "）)"


def index_intertitle_similarity(items: list[Item], vocab: Vocabulary) -> None:
    """How much each headline line shares with the text right around it,
    the evidence that it is an intertitle of that text."""
    next_unit: list[Item | None] = [None] * len(items)
    following: Item | None = None
    for k in range(len(items) - 1, -1, -1):
        next_unit[k] = following
        if items[k].kind == UNIT:
            following = items[k]
    previous: Item | None = None
    for k, it in enumerate(items):
        if it.kind == UNIT:
            previous = it
        if it.kind != HEAD:
            continue
        around = 0
        if previous is not None:
            around |= previous.tail_bits
        if next_unit[k] is not None:
            around |= next_unit[k].head_bits
        it.local_sim = vocab.bits_similarity(it.grams, around) if tells_vocabulary(it) else 0.0


def tells_vocabulary(item: Item) -> bool:
    """Whether a headline line's words say which text it belongs to: a
    line of one character (the stray end of a wrapped line, "当") is found
    in any text, so it is no evidence either way."""
    return any(len(g) > 1 for g in item.grams)


@dataclass(slots=True)
class Stack:
    """What a run of headline lines, bylines and column heads on one side of
    an article's text says, computed once per run (the rules are in the
    module docstring)."""

    heads: list[Item]  # headline lines and bylines
    head_lines: list[Item]
    has_head: bool
    crosses_gap: bool
    has_column: bool
    column_under_head: bool
    misplaced_byline: bool
    weak_cost: float | None  # None: a bold or spanning line makes it strong
    shape_cost: float  # a stack ending on a kicker or opening with a subtitle
    photo_cost: float


def line_over_kicker(head_lines: list[Item]) -> bool:
    """A kicker ("……时强调") tops its stack: a headline line above it that
    is neither a kicker nor wrapped onto by it ("“有电就有好日子”" /
    "市长会见……时强调") closes another article."""
    return any(
        cur.kicker_like and not cur.wraps_previous and not prev.kicker_like
        for prev, cur in zip(head_lines, head_lines[1:])
    )


# A line this short under a document's title names who issued or spoke it.
SIGNER_MAX = 4


def runs_past_document_title(head_lines: list[Item]) -> bool:
    """A title naming a document ("关于……的通知", "……的决定") ends its
    stack: under it come only a subtitle, the date in brackets or the
    signer's name.  A headline line of its own after it ("让老街留住乡愁")
    heads the next article.

    >>> lines = [Item(kind=HEAD, rows=[Row(text=t, lines=[0])]) for t in ("关于做好老城保护工作的通知", "让老街留住乡愁")]
    >>> runs_past_document_title(lines)
    True
    """
    text = ""
    for prev, cur in zip(head_lines, head_lines[1:]):
        text = text + prev.text.strip() if prev.wraps_previous else prev.text.strip()
        if cur.wraps_previous or not DOCUMENT_TITLE.search(text):
            continue
        line = cur.text.strip()
        if not (cur.subtitle_like or cur.dash_led or len(line) <= SIGNER_MAX):
            return True
    return False


def stack_of(run: list[Item], weak_cost: float) -> Stack:
    heads = [it for it in run if it.kind in (HEAD, BYLINE)]
    head_lines = [it for it in heads if it.kind == HEAD]
    misplaced = bool(head_lines) and any(it.kind == BYLINE for it in heads) and not _byline_follows_head(heads)
    weak: float | None = None
    if head_lines and not any(it.strong for it in head_lines):
        # Plain lines the width of the column are mostly intertitles; a
        # stack of several lines, or one with a byline, is a headline.
        logical = max(1, sum(1 for it in head_lines[1:] if not it.wraps_previous) + 1)
        weak = weak_cost / (1 + 0.5 * (logical - 1) + 2 * (len(heads) > len(head_lines)))
    bad_shape = bool(head_lines) and (
        head_lines[-1].kicker_like or head_lines[0].subtitle_like or head_lines[0].enumerated
    )
    shape_cost = (C_STACK_SHAPE if bad_shape else 0.0) + (C_DASH_OPENING if head_lines and head_lines[0].dash_led else 0.0)
    if line_over_kicker(head_lines):
        shape_cost += C_STACK_SHAPE
    if runs_past_document_title(head_lines):
        shape_cost += C_STACK_SHAPE
    # A line printed against a caption it matches would rather head that photo.
    photo = sum(W_LEX * it.caption_sim + (C_PHOTO_HEAD if it.after_caption else 0.0) for it in head_lines)
    return Stack(
        heads=heads,
        head_lines=head_lines,
        has_head=bool(head_lines),
        crosses_gap=_crosses_gap(run),
        has_column=any(it.kind == COLUMN for it in run),
        # A column head tops its article's stack: a headline line above it
        # belongs to something else.
        column_under_head=_comes_after(run, HEAD, COLUMN),
        misplaced_byline=misplaced,
        weak_cost=weak,
        shape_cost=shape_cost,
        photo_cost=photo,
    )


class PageFeatures:
    """What every candidate article of a page reads, computed once: each
    item's cost inside an article, headline lines' gram totals, the stacks
    of runs of headline lines, and where each gram was last printed in a
    text unit so far (so that a headline's vocabulary shared with a body
    is found without building the body's gram set)."""

    def __init__(self, items: list[Item], vocab: Vocabulary, weak_cost: float, heads_lead: bool = False) -> None:
        self.items = items
        self.heads_lead = heads_lead
        self.vocab = vocab
        self.weights = vocab.weights
        self.weak_cost = weak_cost
        self.is_unit = [it.kind == UNIT for it in items]
        self.inner_cost = [_inner_item_score(it, nxt) for it, nxt in zip(items, [*items[1:], None])]
        self.head_total = [vocab.total(it.grams) if it.kind == HEAD and tells_vocabulary(it) else 0.0 for it in items]
        self.last_unit_with: dict[str, int] = {}
        self.stacks: dict[tuple[int, int], Stack] = {}
        self.empty = stack_of([], weak_cost)

    def see_unit(self, k: int) -> None:
        """Record the grams of item ``k`` when it is a text unit; candidates
        ending after ``k`` then find them."""
        if self.is_unit[k]:
            self.last_unit_with.update(dict.fromkeys(self.items[k].grams, k))

    def stack(self, start: int, end: int) -> Stack:
        if start == end:
            return self.empty
        key = (start, end)
        found = self.stacks.get(key)
        if found is None:
            found = self.stacks[key] = stack_of(self.items[start:end], self.weak_cost)
        return found

    def shared_with_body(self, k: int, first_unit: int) -> float:
        """:meth:`Vocabulary.similarity` of headline line ``k`` with the text
        units from ``first_unit`` up to the last one recorded."""
        item = self.items[k]
        total = self.head_total[k]
        if not item.grams or not total:
            return 0.0
        last = self.last_unit_with.get
        return self.vocab.total([g for g in item.grams if last(g, -1) >= first_unit]) / total


class SegmentGrower:
    """The score of one candidate article ``items[i:end]``, kept up to date
    while ``i`` moves left one item at a time (the rules are in the module
    docstring)."""

    __slots__ = (
        "page", "end", "first_unit", "lead_start", "trail_start", "lead", "trail",
        "inner", "chars", "lead_sims", "lead_lex", "trail_found", "trail_parts", "trail_total", "trail_lex",
        "inner_heads",
    )

    def __init__(self, page: PageFeatures, end: int) -> None:
        self.page = page
        self.end = end
        self.first_unit = -1  # index of the leftmost text unit, -1 before any
        self.lead_start = end
        self.trail_start = end
        self.lead = page.empty  # the stack before the first unit
        self.trail = page.empty
        self.inner = 0.0  # cohesion, hard starts and intertitles between units
        self.inner_heads = 0  # headline lines between units
        self.chars = 0  # printed characters of the units
        self.lead_sims: list[float] = []
        self.lead_lex = 0.0
        # Trail headline lines: weights of their grams found in the body so
        # far, the rest by the unit that holds them, and their totals.
        self.trail_found: list[list[float]] = []
        self.trail_parts: list[dict[int, list[float]]] = []
        self.trail_total: list[float] = []
        self.trail_lex = 0.0

    def prepend(self, i: int) -> bool:
        """Add item ``i`` at the left; False when no longer segment can exist."""
        page = self.page
        item = page.items[i]
        if not page.is_unit[i]:
            self.lead_start = i
            if self.first_unit >= 0:
                self.lead = page.stack(i, self.first_unit)
                if item.kind == HEAD:
                    self.lead_sims.insert(0, page.shared_with_body(i, self.first_unit))
                    self.lead_lex = W_LEX * sum(self.lead_sims)
            return True
        if self.first_unit >= 0:
            nxt = page.items[self.first_unit]
            # A jump marker ends a body and a continuation marker starts one:
            # no article reaches across either.
            if item.ends_jump or nxt.from_jump:
                return False
            self.inner += item.cohesion_next
            if nxt.hard_start and not item.bulleted:
                self.inner -= C_HARD_START_BY_BRIEF if self._joins_brief(i) else C_HARD_START
            inner_cost = page.inner_cost
            for k in range(i + 1, self.first_unit):
                self.inner += inner_cost[k]
                self.inner_heads += page.items[k].kind == HEAD
            self.lead = page.empty
            self.lead_sims = []
            self.lead_lex = 0.0
        else:
            self._freeze_trail(i + 1)
        self.first_unit = self.lead_start = i
        self.chars += item.chars
        if self.trail_parts:
            self._find_trail_grams(i)
        return True

    def _joins_brief(self, i: int) -> bool:
        """Unit ``i`` is a one-paragraph report under a dateline right over
        another dateline: the brief that a report often follows under one
        headline ("新华社……电 外交部宣布……" / "本报……电 ……")."""
        return self.page.items[i].hard_start and i + 1 == self.first_unit

    def _reprints_head(self, trail: Stack) -> bool:
        """A short part continued from another page with its headline printed
        right after it: the headline the part reprints, set plain in the
        column (so not weak for looking like an intertitle).  A reprinted
        headline shares words with the part; one that shares none heads
        the text after it."""
        return (
            trail.has_head
            and self.page.items[self.first_unit].from_jump
            and self.chars <= SHORT_CONTINUED_PART
            and self.trail_lex > 0
        )

    def headless(self) -> bool:
        """A text with no headline line that opens mid-page without a
        dateline or continuation marker."""
        if self.first_unit < 0 or self.page.items[self.first_unit].hard_start:
            return False
        return not self.lead.has_head and not self.trail.has_head

    def _freeze_trail(self, start: int) -> None:
        """The run after the last unit is the trail stack: index its
        headline lines' grams by the unit that last printed them."""
        page = self.page
        self.trail_start = start
        self.trail = page.stack(start, self.end)
        last = page.last_unit_with
        weights = page.weights
        for it in self.trail.head_lines:
            parts: dict[int, list[float]] = {}
            for g in it.grams:
                k = last.get(g)
                if k is not None:
                    parts.setdefault(k, []).append(weights[g])
            self.trail_parts.append(parts)
            self.trail_found.append([])
            self.trail_total.append(page.vocab.total(it.grams) if tells_vocabulary(it) else 0.0)

    def _find_trail_grams(self, unit: int) -> None:
        changed = False
        for found, parts in zip(self.trail_found, self.trail_parts):
            more = parts.get(unit)
            if more:
                found.extend(more)
                changed = True
        if changed:
            # Each headline line earns its own place: a subtitle that shares
            # little with the body must still share more with it than with
            # the neighbour's.
            self.trail_lex = sum(
                W_LEX * (f / t if t else 0.0) for f, t in zip(map(math.fsum, self.trail_found), self.trail_total)
            )

    def score(self) -> float:
        page = self.page
        if self.first_unit < 0:
            return _floating_score(page.items[self.lead_start : self.end])
        lead = self.lead
        trail = self.trail
        if lead.has_head and trail.has_head:
            return IMPOSSIBLE
        if lead.crosses_gap or trail.crosses_gap:
            return IMPOSSIBLE
        score = self.inner
        if lead.has_column:
            score += B_COLUMN_LEADS
        # A byline over the text with its headline printed after it (an
        # extractor that prints headlines after their texts) signs the text;
        # a text is signed once.
        if _signed(lead) and _signed(trail):
            return IMPOSSIBLE
        stack = lead if lead.has_head or (lead.heads and not trail.has_head) else trail
        if stack is trail and trail.has_head and page.heads_lead:
            score -= C_HEAD_AFTER_ROWS
        if not stack.has_head:
            score -= C_NO_HEAD
            if self.inner_heads and page.items[self.first_unit].hard_start and not page.items[self.first_unit].from_jump:
                score -= C_HEADLESS_INTERTITLES
            if self.chars < TINY_CHARS:
                score -= C_TINY_HEADLESS
            if stack.heads:  # a byline alone
                score -= 0.2
            return score
        if stack.misplaced_byline:
            return IMPOSSIBLE
        score += self.lead_lex if lead.has_head else self.trail_lex
        if stack.weak_cost is not None and not self._reprints_head(trail):
            score -= stack.weak_cost
        score -= stack.shape_cost
        if lead.column_under_head or trail.column_under_head:
            score -= C_STACK_SHAPE
        if lead.heads and page.items[self.first_unit].from_jump:
            score += B_CONTINUED_HEAD
        score -= stack.photo_cost
        return score


def _signed(stack: Stack) -> bool:
    """Whether a byline stands among the stack's lines."""
    return any(it.kind == BYLINE for it in stack.heads)


def _comes_after(run: list[Item], first: str, then: str) -> bool:
    """Whether an item of kind ``then`` follows one of kind ``first``."""
    seen = False
    for it in run:
        if it.kind == then and seen:
            return True
        if it.kind == first:
            seen = True
    return False


def heads_a_title(item: Item, nxt: Item | None) -> bool:
    """A kicker over its title ("江州老城——" / "老街换新颜"): a line ending on
    a dash over a headline line without clause marks.  It heads an
    article; an intertitle that opens with a dash runs on in a phrase
    ("吃得放心——" / "饭菜可口，……")."""
    return (
        item.text.rstrip().endswith("—")
        and nxt is not None
        and nxt.kind == HEAD
        and _CLAUSE_MARKS.isdisjoint(nxt.text)
    )


_CLAUSE_MARKS = frozenset("，、；：,;:")


def heads_a_report(nxt: Item | None) -> bool:
    """The item after a headline line opens a text of its own in the
    column (a dateline, a letter's label, an editor's note), not a part
    continued from another page: sections of one text go on without a
    dateline.  Text set wider than the column under a narrow headline is a
    photo's story, which :func:`_floating_score` weighs apart."""
    return (
        nxt is not None
        and nxt.kind == UNIT
        and nxt.hard_start
        and not nxt.from_jump
        and all(row.width <= row.measure + WIDER_THAN_COLUMN for row in nxt.rows[:2])
    )


def _inner_item_score(item: Item, nxt: Item | None) -> float:
    """What a headline line, byline or column head costs inside an article
    (``nxt``: the item printed after it)."""
    if item.kind == HEAD:
        # A headline printed right after a photo credit heads the photo, a
        # kicker heads a title, a line right over a dateline heads the
        # report it opens, and a line naming a document ("……联合声明")
        # heads the document printed under it: none is an intertitle.
        strong = (
            item.strong
            or item.after_caption
            or heads_a_title(item, nxt)
            or heads_a_report(nxt)
            or bool(DOCUMENT_TITLE.search(item.text))
        )
        return -(C_INTERTITLE_STRONG if strong else C_INTERTITLE) + W_LEX * W_INTERTITLE_LEX * item.local_sim
    if item.kind in (BYLINE, COLUMN):
        return -C_INNER_BYLINE
    return 0.0


# A headline line moves to a neighbouring article when it shares this much
# more of its vocabulary with that article's text than with its own.
UNTANGLE_MARGIN = 0.25
UNTANGLE_MIN = 0.5
UNTANGLE_REACH = 2
UNTANGLE_OWN_MAX = 0.3


def untangle_heads(segments: list[Segment], vocab: Vocabulary, order: dict[int, int]) -> None:
    """Give back headline lines of side-by-side articles that an extractor
    printed interleaved, line by line across the columns ("就江州建市70周年"
    / "全市秋粮收购工作全面展开……" / "市长同来访代表团……"): within a run of
    several headline lines, a line goes to the nearby article whose text it
    matches clearly better than its own.  A line wrapped onto the one above
    stays with it, and so does the wrapped end of a subtitle
    (:func:`ends_subtitle`)."""
    bodies = [set().union(*(u.grams for u in seg.units)) if seg.units else set() for seg in segments]
    for k, seg in enumerate(segments):
        for run in (seg.lead, seg.trail):
            heads = [it for it in run if it.kind == HEAD]
            if len(heads) < 2:
                continue
            for n, it in enumerate(heads):
                wrapped = it.wraps_previous or (n + 1 < len(heads) and heads[n + 1].wraps_previous)
                if wrapped:
                    continue  # one printed line of a longer one stays with it
                if n + 1 < len(heads) and heads[n + 1].subtitle_like and not it.subtitle_like:
                    continue  # the line over a subtitle ends that subtitle's title
                if n + 1 < len(heads) and opens_a_tag(heads[n + 1].text) and not opens_a_tag(it.text):
                    continue  # the line over a column tag's line starts the title it closes
                if n > 0 and ends_subtitle(heads[n - 1], it):
                    continue
                own = vocab.similarity(it.grams, bodies[k])
                best_k, best = k, own
                for j in range(max(0, k - UNTANGLE_REACH), min(len(segments), k + UNTANGLE_REACH + 1)):
                    if j != k and bodies[j]:
                        sim = vocab.similarity(it.grams, bodies[j])
                        if sim > best:
                            best_k, best = j, sim
                if (
                    best_k != k
                    and best >= UNTANGLE_MIN
                    and best - own >= UNTANGLE_MARGIN
                    and own < UNTANGLE_OWN_MAX
                    and not _lands_over_kicker(it, segments[best_k], order)
                ):
                    _move_head(it, seg, segments[best_k], order)


def ends_subtitle(above: Item, line: Item) -> bool:
    """``line`` is the wrapped end of the dash-led subtitle over it: shorter
    than the subtitle's first line and not led by a dash itself ("——各区
    抓紧落实……坚决" / "守住老街的烟火气")."""
    return above.dash_led and not line.dash_led and visible_len(line.text) < visible_len(above.text)


# How much better the first line of a stack must match the headless text
# before it than its own text to go to that text.
HEADLESS_MARGIN = 0.15


def give_heads_to_headless(segments: list[Segment], vocab: Vocabulary, order: dict[int, int]) -> None:
    """A text printed with no headline before a stack of several headlines
    lost its headline to that stack: the extractor printed its headline
    after its body, right above the next article's.  The stack's first
    line goes to it when it matches that text better than its own
    ("市长会见友好城市代表团" after a report of the meeting, above "……出席
    欢迎晚宴").  A part continued from another page lost it alike: such a
    part reprints its headline."""
    for before, seg in zip(segments, segments[1:]):
        if not before.units or _has_headline(before):
            continue
        heads = [it for it in seg.lead if it.kind == HEAD]
        if len(heads) < 2 or any(it.kind != HEAD for it in seg.lead[: seg.lead.index(heads[1])]):
            continue
        first = [heads[0], *_wrapped_onto(heads[1:])]
        if len(first) == len(heads):
            continue  # one printed headline: nothing to give
        grams = set().union(*(it.grams for it in first))
        mine = vocab.similarity(grams, set().union(*(u.grams for u in seg.units)))
        theirs = vocab.similarity(grams, set().union(*(u.grams for u in before.units)))
        if theirs >= mine + HEADLESS_MARGIN:
            for it in first:
                _move_head(it, seg, before, order)


# A kicker printed apart from its title goes to an article whose text it
# shares at least this much of its vocabulary with.
KICKER_MIN_SIMILARITY = 0.3


def give_kickers_to_titles(floating: list[Segment], articles: list[Segment], vocab: Vocabulary, order: dict[int, int]) -> list[Segment]:
    """Kickers left without their title go to it: a stack of kicker lines
    only ("……时强调", "……——"), which no article may end on, heads the first
    article printed after it whose stack has a title but no kicker and
    whose text it names.  Extractors that print text boxes by position put
    a kicker's box where it lies on the page, which may be above another
    article's text.  Returns the floating stacks left."""
    left: list[Segment] = []
    ranked = sorted(articles, key=lambda seg: order[id(seg.items[0])])
    for seg in floating:
        heads = [it for it in seg.items if it.kind == HEAD]
        if not heads or len(heads) != len(seg.items) or not KICKER_END.search(heads[-1].text.strip()):
            left.append(seg)
            continue
        grams = set().union(*(it.grams for it in heads))
        start = order[id(heads[0])]
        target = next(
            (
                a
                for a in ranked
                if order[id(a.items[0])] > start
                and _has_headline(a)
                and not any(it.kicker_like for it in a.lead + a.trail if it.kind == HEAD)
                and vocab.similarity(grams, set().union(*(u.grams for u in a.units))) >= KICKER_MIN_SIMILARITY
            ),
            None,
        )
        if target is None:
            left.append(seg)
            continue
        for it in heads:
            _move_head(it, seg, target, order)
    return left


# A printed headline goes with one of two datelined parts when it shares
# this much more of its vocabulary with that part than with the other.
PAIRED_MARGIN = 0.15


def split_paired_reports(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """Two texts set side by side whose headlines an extractor printed
    together above (or below) both, the second opening with a dateline or
    a byline, are two articles, each under its own headlines, not one text
    with a dateline inside nor a text with both stacks beside one with
    none: where every printed headline of the stack shares clearly more
    vocabulary with one of the two parts, or the stack divides into two
    stacks each reading clearly more like one part, each part takes the
    headlines it matches ("江州港吞吐量创新高" / "湿地公园开园"
    over "本报江州11月2日电 江州港……" and "本报江州11月2日电 湿地……").  One
    report of two events under one headline ("……分别会见……") keeps its
    second dateline: its headline matches both parts.  So does a stack
    whose plain kicker names one report and whose bold title names the
    other (:func:`_kicker_over_title`): a datelined report cut from the
    text under such a stack joins it again."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if prev is not None and _cut_at_dateline(prev, seg):
            joined = make_segment(prev.items + seg.items, prev.score)
            division = _divided_headlines(joined, vocab)
            if division is not None and _opens(seg, division[0]) and _kicker_over_title(*division[2:]):
                # One stack over both reports: they are one article.
                out[-1] = joined
                continue
            split = _cut_paired(joined, division)
            if split:
                out[-1:] = split
                continue
        out.extend(_cut_paired(seg, _divided_headlines(seg, vocab)) or [seg])
    return out


def split_two_stacks(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """Two headline stacks printed one after the other over one text are
    two articles' headlines: a subtitle ("——……") is the lowest line of its
    stack, so a title printed after it heads another text (an extractor that
    prints a page row by row prints the stacks of two articles set side by
    side together, above both texts).  The text is cut where it stops
    speaking of the first stack and starts speaking of the second
    (:func:`change_point`), at a paragraph's start; where no such place
    stands out the segment stays whole."""
    out: list[Segment] = []
    for seg in segments:
        out.extend(_split_two_stacks(seg, vocab) or [seg])
    return out


# Each stack shares at least this much more of its vocabulary with its own
# part of the text than with the other part.
STACKS_MARGIN = 0.15
# A part cut off a text to stand as an article of its own runs at least this
# long (characters), and so does the part left.
PART_MIN_CHARS = 200


def _split_two_stacks(seg: Segment, vocab: Vocabulary) -> list[Segment] | None:
    heads = [it for it in seg.lead if it.kind == HEAD]
    printed = _printed_headlines(heads)
    sub = next((k for k, lines in enumerate(printed) if lines[0].dash_led), None)
    if sub is None or sub == 0 or sub + 1 >= len(printed) or any(lines[0].dash_led for lines in printed[sub + 1 :]):
        return None
    first = set().union(*(it.grams for lines in printed[: sub + 1] for it in lines))
    second = set().union(*(it.grams for lines in printed[sub + 1 :] for it in lines))
    units = seg.units
    starts = [k for k in range(1, len(units)) if units[k].rows[0].part in (FIRST, SINGLE) or units[k].hard_start]
    cut = change_point(units, second, first, vocab, starts)
    parts = None if cut is None else text_parts(units, cut)
    if parts is None:
        return None
    before, after = parts
    if vocab.similarity(second, after) < vocab.similarity(second, before) + STACKS_MARGIN:
        return None
    if vocab.similarity(first, before) < vocab.similarity(first, after) + STACKS_MARGIN:
        return None
    moving = {id(it) for lines in printed[sub + 1 :] for it in lines}
    return _cut_at(seg, units[cut], moving, lead=True)


def text_parts(units: list[Item], cut: int) -> tuple[set[str], set[str]] | None:
    """The vocabulary of the units before ``cut`` and of those from it on,
    when each part is long enough to stand as a text of its own
    (:data:`PART_MIN_CHARS`); None when one is not."""
    if min(sum(u.chars for u in units[:cut]), sum(u.chars for u in units[cut:])) < PART_MIN_CHARS:
        return None
    return set().union(*(u.grams for u in units[:cut])), set().union(*(u.grams for u in units[cut:]))


def change_point(units: list[Item], theirs: set[str], ours: set[str], vocab: Vocabulary, starts: list[int]) -> int | None:
    """The unit, among ``starts``, before which the text stops sharing the
    vocabulary of ``ours`` and starts sharing that of ``theirs``: the cut
    that best splits the units into those nearer the one and those nearer
    the other (each unit leans by how much more of ``theirs`` it holds).

    >>> from jianbao.assemble.lexical import grams
    >>> units = [Item(kind=UNIT, rows=[], grams=grams(t)) for t in ("老街食堂开张", "食堂饭菜便宜", "茶园春茶开采", "春茶供不应求")]
    >>> change_point(units, grams("春茶开采"), grams("老街食堂"), Vocabulary(u.grams for u in units), [1, 2, 3])
    2
    """
    if not starts:
        return None
    lean = [vocab.similarity(theirs, u.grams) - vocab.similarity(ours, u.grams) for u in units]
    return max(starts, key=lambda k: sum(lean[k:]) - sum(lean[:k]))


def _opens(seg: Segment, item: Item) -> bool:
    """``item`` is where ``seg`` opens: its first item or its first unit."""
    return item is seg.items[0] or item is seg.units[0]


def _cut_at_dateline(first: Segment, second: Segment) -> bool:
    """Two texts cut at a dateline, one with a headline and the other with
    none: two datelined texts, or a text under headlines followed by a
    datelined one without."""
    return bool(
        first.units
        and second.units
        and second.units[0].hard_start
        and _has_headline(first) != _has_headline(second)
        and (first.units[0].hard_start or _has_headline(first))
    )


def _cut_paired(seg: Segment, division: tuple[Item, bool, list[list[Item]], list[int]] | None) -> list[Segment] | None:
    """``seg`` cut in two at a dateline where its headlines divide between
    the two parts (:func:`_divided_headlines`; see
    :func:`split_paired_reports`), or None, also where the headlines are one
    stack over both texts (:func:`_kicker_over_title`)."""
    if division is None:
        return None
    start, lead, printed, sides = division
    if _kicker_over_title(printed, sides):
        return None
    # The lines that move: a stack over the texts gives the second part its
    # lines, one under them the first part.
    moving = {id(it) for lines, side in zip(printed, sides) if side == (1 if lead else 0) for it in lines}
    return _cut_at(seg, start, moving, lead)


def _divided_headlines(seg: Segment, vocab: Vocabulary) -> tuple[Item, bool, list[list[Item]], list[int]] | None:
    """Where ``seg``'s headlines divide between the text before a dateline
    and the text after it: the unit (or byline) the second text opens
    with, whether the headlines lead, the printed headlines and the part
    each goes with."""
    lead = any(it.kind == HEAD for it in seg.lead)
    printed = _printed_headlines([it for it in (seg.lead if lead else seg.trail) if it.kind == HEAD])
    units = seg.units
    if len(printed) < 2 or len(units) < 2:
        return None
    for k in range(1, len(units)):
        start = _second_start(seg, units[k])
        if start is None:
            continue
        parts = (set().union(*(u.grams for u in units[:k])), set().union(*(u.grams for u in units[k:])))
        sides = _sides_by_line(printed, parts, vocab) or _sides_by_stack(printed, parts, vocab)
        if sides:
            return start, lead, printed, sides
    return None


# Fewer characters than this make no title ("宴会" is a fragment).
TITLE_MIN_CHARS = 4


def _kicker_over_title(printed: list[list[Item]], sides: list[int]) -> bool:
    """The headlines that go with one text are plain lines printed right
    over the bold ones that go with the other: a kicker over its title,
    one stack over both texts ("离开江州……" over "……抵达海滨市", a
    departure and an arrival reported under one headline), not two
    headlines."""
    weights = [{r.bold for it in lines for r in it.rows} for lines in printed]
    if any(len(w) != 1 for w in weights):
        return False
    bold = [True in w for w in weights]
    first_bold = bold.index(True) if True in bold else 0
    return (
        first_bold > 0
        and all(bold[first_bold:])
        and visible_len("".join(it.text for lines in printed[first_bold:] for it in lines)) >= TITLE_MIN_CHARS
        and len(set(sides[:first_bold])) == 1
        and len(set(sides[first_bold:])) == 1
        and sides[0] != sides[first_bold]
    )


def _second_start(seg: Segment, unit: Item) -> Item | None:
    """Where a second text may open inside ``seg`` at ``unit``: a dateline
    opens one, and so does a byline printed over the unit (a signed report
    printed after another's text); the cut goes before the byline."""
    if unit.from_jump or unit.bulleted:
        return None
    if unit.hard_start:
        return unit
    at = seg.items.index(unit)
    return seg.items[at - 1] if at and seg.items[at - 1].kind == BYLINE else None


def _sides_by_line(printed: list[list[Item]], parts: tuple[set[str], set[str]], vocab: Vocabulary) -> list[int] | None:
    """The part each printed headline goes with, when every one shares
    clearly more vocabulary with one part and each part has one."""
    sides: list[int] = []
    for lines in printed:
        grams = set().union(*(it.grams for it in lines))
        first, second = (vocab.similarity(grams, part) for part in parts)
        if abs(first - second) < PAIRED_MARGIN:
            return None
        sides.append(0 if first > second else 1)
    return sides if 0 in sides and 1 in sides else None


def _sides_by_stack(printed: list[list[Item]], parts: tuple[set[str], set[str]], vocab: Vocabulary) -> list[int] | None:
    """The part each printed headline goes with when the headlines form two
    stacks printed one after the other, one sharing clearly more vocabulary
    with one part and the other at least somewhat more with the other part
    (a commentary's title may share few words with its text): a line too
    short to tell ("北京") goes with the stack it is printed in.  A
    subtitle or a bracketed tag ends a stack, never opens one."""
    best: tuple[float, int, int] | None = None
    for cut in range(1, len(printed)):
        if printed[cut][0].subtitle_like:
            continue
        leans = []
        for group in (printed[:cut], printed[cut:]):
            grams = set().union(*(it.grams for lines in group for it in lines))
            first, second = (vocab.similarity(grams, part) for part in parts)
            leans.append(first - second)
        margin = min(abs(x) for x in leans)
        if leans[0] * leans[1] >= 0 or max(abs(x) for x in leans) < PAIRED_MARGIN or margin < PAIRED_MARGIN / 3:
            continue
        if best is None or margin > best[0]:
            best = (margin, cut, 0 if leans[0] > 0 else 1)
    if best is None:
        return None
    _margin, cut, side = best
    return [side] * cut + [1 - side] * (len(printed) - cut)


def _printed_headlines(heads: list[Item]) -> list[list[Item]]:
    """Headline lines grouped into printed headlines: a line that only
    finishes the one above it goes with it."""
    groups: list[list[Item]] = []
    for it in heads:
        if groups and it.wraps_previous:
            groups[-1].append(it)
        else:
            groups.append([it])
    return groups


def _cut_at(seg: Segment, start: Item, moving: set[int], lead: bool) -> list[Segment]:
    """``seg`` cut before unit ``start``, the stack's ``moving`` lines going
    to the part that does not print them: down to the second part from a
    stack over the texts (``lead``), up to the first from one under them."""
    at = seg.items.index(start)
    before, after = seg.items[:at], seg.items[at:]
    if lead:
        first = [it for it in before if id(it) not in moving]
        second = [it for it in before if id(it) in moving] + after
    else:
        first = before + [it for it in after if id(it) in moving]
        second = [it for it in after if id(it) not in moving]
    return [make_segment(first, seg.score), make_segment(second, seg.score)]


def join_headlines_to_headless(segments: list[Segment]) -> list[Segment]:
    """A headline printed on its own right after a text that has none is
    that text's headline, printed after its body: a run of headline lines
    with no text, following a text with no headline line on either side,
    joins it as its trailing headline.  One printed against a caption (a
    gap in the flow) heads that photo instead, and with it the short text
    without a headline printed right before the caption: a photo story
    prints its few lines of text, then "图为……" and the credit, then its
    headline."""
    out: list[Segment] = []
    for k, seg in enumerate(segments):
        prev = out[-1] if out else None
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        if (
            prev is not None
            and seg.floating
            and seg.items
            and all(it.kind == HEAD for it in seg.items)
            and not prev.floating
            and not _has_headline(prev)
            and (prev.items[-1].kind != GAP or _is_photo_story_text(prev))
            and (nxt is None or not nxt.items or nxt.items[0].kind != GAP)
        ):
            out[-1] = make_segment(prev.items + seg.items, prev.score)
            continue
        out.append(seg)
    return out


# How far into a text its dateline's credit runs ("本报讯（记者 王芳 通讯员 李明）").
OPENER_CHARS = 40


def give_bylines_to_their_reports(segments: list[Segment]) -> list[Segment]:
    """A byline printed after a text's trailing headline, right over the
    next text, signs the text above when its reporters are the ones that
    text's dateline credits and not the next one's: an extractor printed
    the headline and byline after the body ("本报讯（记者 王芳）……" /
    "……开通" / "本报记者 王芳", then "本报讯（记者 李明）……")."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        first = seg.items[0] if seg.items else None
        if (
            prev is not None
            and first is not None
            and first.kind == BYLINE
            and prev.units
            and seg.units
            and not any(it.kind == BYLINE for it in prev.items)
        ):
            names = _byline_names(first.text)
            mine, theirs = _opener(seg.units[0]), _opener(prev.units[0])
            if names and all(n in theirs for n in names) and not any(n in mine for n in names):
                out[-1] = make_segment(prev.items + [first], prev.score)
                seg = make_segment(seg.items[1:], seg.score)
        out.append(seg)
    return out


def _byline_names(text: str) -> list[str]:
    """The names a byline prints, roles taken out: "本报记者 王芳 通讯员 李明"
    → ["王芳", "李明"]."""
    rest = re.sub(ROLE, " ", text)
    return [n for n in re.split(r"[\s、，,]+", rest) if len(n) >= 2]


def _opener(unit: Item) -> str:
    """The start of a text where its dateline credits the reporters, spaces
    taken out."""
    return "".join(unit.text.split())[:OPENER_CHARS] if unit.hard_start else ""


def give_titles_to_continued_parts(segments: list[Segment], order: dict[int, int]) -> None:
    """A part continued from another page reprints its title right over
    "（上接第N版）".  Where the text before took the whole stack over the
    marker as its own trailing headline, the stack's last printed headline
    (with its wrapped end) goes to the continued part without one: the text
    before keeps the lines above it ("……的讲话" / "……（人民论坛）" /
    "（上接第3版）……")."""
    for before, seg in zip(segments, segments[1:]):
        units = seg.units
        if not units or not units[0].from_jump or any(it.kind == HEAD for it in seg.lead):
            continue
        heads = [it for it in before.trail if it.kind == HEAD]
        if len(heads) < 2 or before.trail[-1] is not heads[-1]:
            continue
        last = len(heads) - 1
        while last > 0 and heads[last].wraps_previous:
            last -= 1
        if last == 0:
            continue  # one printed headline: the text before keeps it
        for it in heads[last:]:
            _move_head(it, before, seg, order)


# The most text (in characters) a photo story prints over its caption.
PHOTO_STORY_MAX = 300


def _is_photo_story_text(seg: Segment) -> bool:
    """A short text that ends at a caption: a photo story's few lines."""
    return sum(len(it.text) for it in seg.units) <= PHOTO_STORY_MAX


def _has_headline(seg: Segment) -> bool:
    return any(it.kind == HEAD for it in seg.lead) or any(it.kind == HEAD for it in seg.trail)


def _wrapped_onto(heads: list[Item]) -> list[Item]:
    """The leading lines of ``heads`` that only finish the line above them."""
    out = []
    for it in heads:
        if not it.wraps_previous:
            break
        out.append(it)
    return out


def opens_a_tag(text: str) -> bool:
    """The line opens a bracket after a headline's words ("……高高飘扬（来自
    一线的" or "……（江州论坛）"): a column tag closing the title."""
    return bool(_TAG_OPENED.search(text) or COLUMN_TAG.search(text))


# A bracket opened after a headline's words and not closed on the line.
_TAG_OPENED = re.compile(r"[^（(\s][（(][^（）()]*$")


def _lands_over_kicker(item: Item, target: Segment, order: dict[int, int]) -> bool:
    """Moving ``item`` into ``target`` would put it above the kicker of
    that article's stack, where no line of the stack stands
    (:func:`line_over_kicker`)."""
    run = _run_for(item, target, order)
    heads = sorted([it for it in run if it.kind == HEAD] + [item], key=lambda it: order[id(it)])
    return line_over_kicker(heads)


def _run_for(item: Item, target: Segment, order: dict[int, int]) -> list[Item]:
    """The stack of ``target`` that ``item`` joins: the one before its text
    when printed before it, else the one after."""
    first_unit = min(order[id(u)] for u in target.units)
    return target.lead if order[id(item)] < first_unit else target.trail


def _move_head(item: Item, source: Segment, target: Segment, order: dict[int, int]) -> None:
    for run in (source.lead, source.trail, source.items):
        if item in run:
            run.remove(item)
    run = _run_for(item, target, order)
    for seq in (run, target.items):
        seq.append(item)
        seq.sort(key=lambda it: order[id(it)])


def join_intertitle_series(segments: list[Segment]) -> list[Segment]:
    """Intertitles of one feature share a shape: quotations ("“……”") or
    two parallel halves ("礼赞家乡  致敬时代").  A text headed only by a
    plain line of such a shape, right after an article, is that article's
    next section when either text has a plain intertitle of the same shape
    inside it."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        shape = _heading_shape(seg)
        if (
            prev is not None
            and not prev.floating
            and shape
            and (shape in _intertitle_shapes(prev) or shape in _intertitle_shapes(seg))
        ):
            out[-1] = make_segment(prev.items + seg.items, prev.score)
            continue
        out.append(seg)
    return out


QUOTED, PAIRED = "quoted", "paired"


def _line_shape(text: str) -> str:
    text = text.strip()
    if text[:1] == "“" and text[-1:] == "”":
        return QUOTED
    if PARALLEL_HALVES.match(text):
        return PAIRED
    return ""


def _heading_shape(seg: Segment) -> str:
    """The shape of the plain headline a text is headed by (one line, or
    one wrapped over two), and nothing else above or below it; "" if none."""
    if seg.floating or seg.trail or not seg.lead or any(it.kind != HEAD or it.strong for it in seg.lead):
        return ""
    if any(not it.wraps_previous for it in seg.lead[1:]):
        return ""
    return _line_shape("".join(r.text for it in seg.lead for r in it.rows))


def _intertitle_shapes(seg: Segment) -> set[str]:
    ends = {id(it) for it in seg.lead} | {id(it) for it in seg.trail}
    return {_line_shape(it.text) for it in seg.items if it.kind == HEAD and not it.strong and id(it) not in ends} - {""}


def join_section_series(segments: list[Segment]) -> list[Segment]:
    """Sections of one feature that profiles several people or places each
    open with the same plain label ("李明——" / "……"): two or more texts in a
    row headed so, with no bold or spanning line, are sections of the text
    before them, not articles of their own."""
    out: list[Segment] = []
    k = 0
    while k < len(segments):
        run = k
        while run < len(segments) and _is_section(segments[run]):
            run += 1
        if run - k >= 2 and out and not out[-1].floating:
            out[-1] = make_segment(out[-1].items + [it for seg in segments[k:run] for it in seg.items], out[-1].score)
            k = run
            continue
        out.append(segments[k])
        k += 1
    return out


def _join_sections(segments: list[Segment], continues: Callable[[Segment, Segment], bool]) -> list[Segment]:
    """Each segment for which ``continues(text so far, segment)`` holds is
    joined to the text before it."""
    out: list[Segment] = []
    for seg in segments:
        if out and continues(out[-1], seg):
            out[-1] = make_segment(out[-1].items + seg.items, out[-1].score)
            continue
        out.append(seg)
    return out


def join_continued_sections(segments: list[Segment]) -> list[Segment]:
    """A part continued from another page ("（上接第1版）") runs on until
    something starts another article: a dateline or continuation marker, a
    bold or spanning headline, a byline, or a source note closing it.  A
    text after it headed only by plain lines is one of its sections (a
    continued feature keeps its intertitles), unless they name a document
    (:func:`_is_plain_section`)."""
    return _join_sections(segments, lambda prev, seg: _is_continued_part(prev) and _is_plain_section(seg) and not _ends_with_note(prev))


def join_feature_sections(segments: list[Segment]) -> list[Segment]:
    """A feature that opens without a dateline and has not closed runs on
    through its intertitles: a text headed only by plain lines (no bold or
    spanning line, no byline, no dateline) after such a text is its next
    section.  News reports open with a dateline and features sign at the
    end ("（本报记者 王芳）"), so a plain headline after an opening that
    had neither, before anything closed it, is an intertitle.

    Example: "早高峰车流平稳" after a feature that opened "江州大桥今天通车。…"
    and has no source note yet is the feature's next section."""
    return _join_sections(segments, lambda prev, seg: _is_open_feature(prev) and _is_plain_section(seg))


def join_signed_sections(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """A report gathered from several reporters prints each section under a
    plain intertitle with its reporters' byline ("重返岗位" / "本报记者 王芳
    李明"): a text headed only by one plain line (not bold, not wider than
    the column, no column tag) and a byline, right after a signed text that
    has not closed and is not about something else (:func:`_not_unrelated`),
    is its next section.  A city paper's page of short news, each under a
    plain headline and a byline, is no report."""
    return _join_sections(
        segments, lambda prev, seg: _is_open_signed(prev) and _is_signed_section(seg) and _not_unrelated(prev, seg, vocab)
    )


# Two articles on a page share about this much of their vocabulary (see
# COH_BASE); sections of one report, about one event in several places,
# share at least as much.
UNRELATED_OVERLAP = 0.04


def _not_unrelated(prev: Segment, seg: Segment, vocab: Vocabulary) -> bool:
    """The end of the text so far (its last window) shares with the text
    of ``seg`` at least what two articles share.  ``seg``'s own text is
    taken, not a window, which would run on into the articles after it."""
    own = vocab.bits(set().union(*(it.grams for it in seg.units)))
    return vocab.bits_overlap(prev.units[-1].tail_bits, own) >= UNRELATED_OVERLAP


def _is_signed_section(seg: Segment) -> bool:
    units = seg.units
    kinds = [it.kind for it in seg.lead]
    return (
        bool(units)
        and not seg.trail
        and not units[0].hard_start
        and kinds == [HEAD, BYLINE]
        and not seg.lead[0].strong
    )


def _is_open_signed(seg: Segment) -> bool:
    units = seg.units
    return not seg.floating and bool(units) and any(it.kind == BYLINE for it in seg.lead) and not _ends_with_note(seg)


def _is_open_feature(seg: Segment) -> bool:
    units = seg.units
    return not seg.floating and bool(units) and not units[0].hard_start and not _ends_with_note(seg)


def _is_continued_part(seg: Segment) -> bool:
    units = seg.units
    return bool(units) and units[0].from_jump


def _is_plain_section(seg: Segment) -> bool:
    """A text headed only by plain headline lines (no bold or spanning line,
    no byline), none of them naming a document ("……联合声明"): no
    intertitle names one."""
    units = seg.units
    heads = [it for it in seg.lead if it.kind == HEAD]
    return (
        bool(units)
        and bool(heads)
        and not seg.trail
        and not units[0].hard_start
        and all(it.kind == HEAD and not it.strong for it in seg.lead)
        and not DOCUMENT_TITLE.search("".join(it.text.strip() for it in heads))
    )


def _ends_with_note(seg: Segment) -> bool:
    """The text has closed on this page: a source note signs it, or a jump
    marker ("（下转第3版）") sends the rest to another page, so nothing
    printed after it here is one of its sections."""
    units = seg.units
    return bool(units) and (units[-1].ends_jump or is_source_note(units[-1].text) or is_closing_note(units[-1].text))


def _is_section(seg: Segment) -> bool:
    heads = [it for it in seg.lead if it.kind == HEAD]
    return bool(heads) and not seg.trail and not any(it.strong for it in heads) and bool(SECTION_LABEL.match(heads[0].text.strip()))


def split_ends(items: list[Item]) -> tuple[list[Item], list[Item], list[Item]]:
    """(lead, middle, trail): non-unit items before the first unit, from the
    first to the last unit, after the last unit."""
    unit_pos = [k for k, it in enumerate(items) if it.kind == UNIT]
    if not unit_pos:
        return items, [], []
    return items[: unit_pos[0]], items[unit_pos[0] : unit_pos[-1] + 1], items[unit_pos[-1] + 1 :]


def make_segment(items: list[Item], score: float) -> Segment:
    lead, _middle, trail = split_ends(items)
    return Segment(items=items, lead=lead if any(it.kind == UNIT for it in items) else [], trail=trail, score=score)


def _byline_follows_head(heads: list[Item]) -> bool:
    """A byline is printed under its headline, not above it, and closes the
    stack: no headline line follows it."""
    first_byline = next(k for k, it in enumerate(heads) if it.kind == BYLINE)
    return any(it.kind == HEAD for it in heads[:first_byline]) and not _comes_after(heads, BYLINE, HEAD)


def _crosses_gap(run: list[Item]) -> bool:
    """Headline lines on both sides of a caption: two stacks, not one."""
    first_head = next((k for k, it in enumerate(run) if it.kind == HEAD), None)
    return first_head is not None and _comes_after(run[first_head:], GAP, HEAD)


def _floating_score(items: list[Item]) -> float:
    """A headline (or byline, column head) run with no body of its own.

    A byline closes its headline stack, so no headline line follows one
    within a run."""
    if _crosses_gap(items) or _comes_after(items, BYLINE, HEAD):
        return IMPOSSIBLE
    heads = [it for it in items if it.kind == HEAD]
    # A run next to a caption it matches is that photo's headline.
    photo = sum(W_LEX * it.caption_sim for it in heads)
    # A photo's headline is a stack too, and no stack opens with a subtitle.
    shape = C_DASH_OPENING if heads and heads[0].dash_led else 0.0
    return photo - shape - (C_FLOAT + C_FLOAT_LINE * max(0, len(heads) - 1)) - 0.3 * sum(1 for it in items if it.kind == BYLINE)


def index_grams(item: Item) -> None:
    text = item.text
    item.grams = grams(text)
    item.chars = len(text)


def index_flow_windows(units: list[Item], vocab: Vocabulary) -> None:
    """The text just before and just after each unit boundary, for cohesion:
    windows run across neighbouring units (whole units, about EDGE_CHARS
    characters), so a short paragraph is judged with the text around it."""
    lengths = [len(u.text) for u in units]
    unit_bits = [vocab.bits(u.grams) for u in units]
    n = len(units)
    for k, unit in enumerate(units):
        size, j = 0, k
        while j < n and size < EDGE_CHARS:
            size += lengths[j]
            j += 1
        unit.head_bits = reduce(operator.or_, unit_bits[k:j], 0)
        size, j = 0, k
        while j >= 0 and size < EDGE_CHARS:
            size += lengths[j]
            j -= 1
        unit.tail_bits = reduce(operator.or_, unit_bits[j + 1 : k + 1], 0)
