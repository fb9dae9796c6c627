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

After the cut, sections are joined to the article they belong to
(:mod:`jianbao.assemble.sections`) and headline lines and texts are
regrouped where neighbours tell more than each article alone
(:mod:`jianbao.assemble.regroup`).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce

from jianbao.assemble.lexical import Vocabulary, grams
from jianbao.assemble.paragraphs import WIDER_THAN_COLUMN, is_closing_credit
from jianbao.assemble.rows import Row
from jianbao.normalize import is_han
from jianbao.rules import DOCUMENT_TITLE, is_source_note

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


def split_ends(items: list[Item]) -> tuple[list[Item], list[Item], list[Item]]:
    """(lead, middle, trail): non-unit items before the first unit, from the
    first to the last unit, after the last unit."""
    unit_pos = [k for k, it in enumerate(items) if it.kind == UNIT]
    if not unit_pos:
        return items, [], []
    return items[: unit_pos[0]], items[unit_pos[0] : unit_pos[-1] + 1], items[unit_pos[-1] + 1 :]


def grams_of(items: Iterable[Item]) -> set[str]:
    """The character grams of ``items`` together."""
    return set().union(*(it.grams for it in items))


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
