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
  both; headline lines inside an article are intertitles, which cost;
* a dateline ("本报讯", "新华社…电") or a continuation marker ("（上接第1
  版）") starts a new article, except that a lead printed above a dateline
  without closing punctuation (a summary, "■ ……") belongs to it;
* a jump marker ("（下转第4版）") ends the body it follows;
* an article without any headline costs; so does a headline with no body
  (it may still be a photo's headline, matched to a caption later);
* a headline printed right after a photo credit belongs to the photo;
* text on both sides of a cut that is about the same thing (shares
  vocabulary beyond what unrelated articles share) is one article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jianbao.assemble.lexical import Vocabulary, grams
from jianbao.assemble.rows import Row

UNIT, HEAD, BYLINE, COLUMN, CAPTION = "unit", "head", "byline", "column", "caption"

W_LEX = 3.0
C_NO_HEAD = 1.0
C_FLOAT = 0.6
C_FLOAT_LINE = 0.15
# Intertitles are set within the column in the body's weight; a line that
# is faux bold or wider than the column is a real headline, and costs much
# more as an intertitle.  A headline made only of such plain lines is weak.
C_INTERTITLE = 0.3
C_INTERTITLE_STRONG = 3.0
C_WEAK_HEADLINE = 2.2
W_INTERTITLE_LEX = 0.5
C_INNER_BYLINE = 2.5
C_HARD_START = 4.0
C_LEAD_START = 0.3
C_PHOTO_HEAD = 1.2
B_CONTINUED_HEAD = 1.0
B_COLUMN_LEADS = 0.1
# Cohesion of neighbouring text units: on a page of news, two stretches of
# one article share more weighted vocabulary than two articles do (about
# 0.12 against 0.04 of the smaller text's weight); the cost of joining is
# zero at COH_BASE.
W_COHESION = 20.0
COH_BASE = 0.07
EDGE_CHARS = 400
MAX_SEGMENT = 80
IMPOSSIBLE = -1e9


@dataclass(slots=True)
class Item:
    kind: str
    rows: list[Row]
    hard_start: bool = False
    from_jump: bool = False
    ends_jump: bool = False
    open_end: bool = False  # last body row does not finish a sentence
    after_caption: bool = False
    strong: bool = False  # a headline line set bold or wider than the column
    grams: set[str] = field(default_factory=set)
    head_grams: set[str] = field(default_factory=set)  # of its first EDGE_CHARS
    tail_grams: set[str] = field(default_factory=set)  # of its last EDGE_CHARS

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


def segment_items(items: list[Item], vocab: Vocabulary) -> list[Segment]:
    """Best cut of ``items`` (captions excluded) into articles."""
    scorer = Scorer(vocab)
    n = len(items)
    best = [0.0] + [IMPOSSIBLE] * n
    choice: list[int] = [0] * (n + 1)
    for j in range(1, n + 1):
        seen_unit = later_from_jump = False
        for i in range(j - 1, max(0, j - MAX_SEGMENT) - 1, -1):
            item = items[i]
            if item.kind == UNIT:
                # A jump marker ends a body and a continuation marker starts
                # one: no article reaches across either.
                if seen_unit and item.ends_jump:
                    break
                if seen_unit and later_from_jump:
                    break
                later_from_jump = item.from_jump
                seen_unit = True
            if best[i] <= IMPOSSIBLE:
                continue
            s = scorer.score(items, i, j)
            if s <= IMPOSSIBLE:
                continue
            if best[i] + s > best[j]:
                best[j] = best[i] + s
                choice[j] = i
    cuts: list[tuple[int, int]] = []
    j = n
    while j > 0:
        i = choice[j]
        cuts.append((i, j))
        j = i
    cuts.reverse()
    return [make_segment(items[i:j], scorer.score(items, i, j)) for i, j in cuts]


class Scorer:
    """Scores segments, caching what neighbouring segments share: the
    cohesion of adjacent units and headline-to-body similarities."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._cohesion: dict[tuple[int, int], float] = {}
        self._bodies: dict[tuple[int, int], set[str]] = {}
        self._sims: dict[tuple[int, int, int], float] = {}

    def cohesion(self, a: Item, b: Item) -> float:
        key = (id(a), id(b))
        v = self._cohesion.get(key)
        if v is None:
            v = W_COHESION * (self.vocab.overlap(a.tail_grams, b.head_grams) - COH_BASE)
            self._cohesion[key] = v
        return v

    def similarity(self, head: Item, units: list[Item]) -> float:
        key = (id(head), id(units[0]), id(units[-1]))
        v = self._sims.get(key)
        if v is None:
            body_key = (id(units[0]), id(units[-1]))
            body = self._bodies.get(body_key)
            if body is None:
                body = set().union(*(u.grams for u in units))
                self._bodies[body_key] = body
            v = self.vocab.similarity(head.grams, body)
            self._sims[key] = v
        return v

    def score(self, items: list[Item], i: int, j: int) -> float:
        return score_segment(items[i:j], self)


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


def score_segment(items: list[Item], scorer: "Scorer") -> float:
    lead, middle, trail = split_ends(items)
    if not middle:
        return _floating_score(items)
    units = [it for it in middle if it.kind == UNIT]
    score = 0.0
    for k, unit in enumerate(units):
        if unit.ends_jump and k < len(units) - 1:
            return IMPOSSIBLE
        if k and unit.from_jump:
            return IMPOSSIBLE
        if k and unit.hard_start:
            score -= C_LEAD_START if units[k - 1].open_end else C_HARD_START
        if k:
            score += scorer.cohesion(units[k - 1], unit)
    for it in middle:
        if it.kind == HEAD:
            score -= C_INTERTITLE_STRONG if it.strong else C_INTERTITLE
            score += W_LEX * W_INTERTITLE_LEX * scorer.similarity(it, units)
        elif it.kind in (BYLINE, COLUMN):
            score -= C_INNER_BYLINE
    lead_heads = [it for it in lead if it.kind in (HEAD, BYLINE)]
    trail_heads = [it for it in trail if it.kind in (HEAD, BYLINE)]
    if any(it.kind == HEAD for it in lead_heads) and any(it.kind == HEAD for it in trail_heads):
        return IMPOSSIBLE
    if any(it.kind == COLUMN for it in trail):
        score -= C_INNER_BYLINE
    if any(it.kind == COLUMN for it in lead):
        score += B_COLUMN_LEADS
    heads = lead_heads or trail_heads
    head_lines = [it for it in heads if it.kind == HEAD]
    if not head_lines:
        score -= C_NO_HEAD
        if heads:  # a byline alone
            score -= 0.2
        return score
    if any(it.kind == BYLINE for it in heads) and not _byline_follows_head(heads):
        return IMPOSSIBLE
    # Each headline line earns its own place: a subtitle that shares little
    # with the body must still share more with it than with the neighbour's.
    score += sum(W_LEX * scorer.similarity(it, units) for it in head_lines)
    if not any(it.strong for it in head_lines):
        score -= C_WEAK_HEADLINE
    if lead_heads and units[0].from_jump:
        score += B_CONTINUED_HEAD
    if any(it.after_caption for it in head_lines):
        score -= C_PHOTO_HEAD
    return score


def _byline_follows_head(heads: list[Item]) -> bool:
    """A byline is printed under its headline, not above it, and closes the
    stack: no headline line follows it."""
    seen_head = seen_byline = False
    for it in heads:
        if it.kind == HEAD:
            if seen_byline:
                return False
            seen_head = True
        elif it.kind == BYLINE:
            if not seen_head:
                return False
            seen_byline = True
    return True


def _floating_score(items: list[Item]) -> float:
    """A headline (or byline, column head) run with no body of its own.

    A byline closes its headline stack, so no headline line follows one
    within a run."""
    heads = [it for it in items if it.kind == HEAD]
    seen_byline = False
    for it in items:
        if it.kind == BYLINE:
            seen_byline = True
        elif it.kind == HEAD and seen_byline:
            return IMPOSSIBLE
    return -(C_FLOAT + C_FLOAT_LINE * max(0, len(heads) - 1)) - 0.3 * sum(1 for it in items if it.kind == BYLINE)


def index_grams(item: Item) -> None:
    text = item.text
    item.grams = grams(text)
    item.head_grams = grams(text[:EDGE_CHARS])
    item.tail_grams = grams(text[-EDGE_CHARS:])
