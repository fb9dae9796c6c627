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
* a headline printed right after a photo credit belongs to the photo.
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
C_INTERTITLE = 0.9
C_INNER_BYLINE = 2.5
C_HARD_START = 4.0
C_LEAD_START = 0.3
C_PHOTO_HEAD = 1.2
B_CONTINUED_HEAD = 1.0
B_COLUMN_LEADS = 0.1
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
    grams: set[str] = field(default_factory=set)

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
    n = len(items)
    best = [0.0] + [IMPOSSIBLE] * n
    choice: list[int] = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(max(0, j - MAX_SEGMENT), j):
            if best[i] <= IMPOSSIBLE:
                continue
            s = score_segment(items[i:j], vocab)
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
    return [make_segment(items[i:j], vocab) for i, j in cuts]


def split_ends(items: list[Item]) -> tuple[list[Item], list[Item], list[Item]]:
    """(lead, middle, trail): non-unit items before the first unit, from the
    first to the last unit, after the last unit."""
    unit_pos = [k for k, it in enumerate(items) if it.kind == UNIT]
    if not unit_pos:
        return items, [], []
    return items[: unit_pos[0]], items[unit_pos[0] : unit_pos[-1] + 1], items[unit_pos[-1] + 1 :]


def make_segment(items: list[Item], vocab: Vocabulary) -> Segment:
    lead, _middle, trail = split_ends(items)
    seg = Segment(items=items, lead=lead if any(it.kind == UNIT for it in items) else [], trail=trail)
    seg.score = score_segment(items, vocab)
    return seg


def score_segment(items: list[Item], vocab: Vocabulary) -> float:
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
    for it in middle:
        if it.kind == HEAD:
            score -= C_INTERTITLE
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
        score -= C_INNER_BYLINE
    body_grams: set[str] = set()
    for unit in units:
        body_grams |= unit.grams
    head_grams: set[str] = set()
    for it in head_lines:
        head_grams |= it.grams
    score += W_LEX * vocab.similarity(head_grams, body_grams)
    if lead_heads and units[0].from_jump:
        score += B_CONTINUED_HEAD
    if any(it.after_caption for it in head_lines):
        score -= C_PHOTO_HEAD
    return score


def _byline_follows_head(heads: list[Item]) -> bool:
    """A byline is printed under its headline, not above it."""
    seen_head = False
    for it in heads:
        if it.kind == HEAD:
            seen_head = True
        elif it.kind == BYLINE and not seen_head:
            return False
    return True


def _floating_score(items: list[Item]) -> float:
    """A headline (or byline, column head) run with no body of its own."""
    heads = [it for it in items if it.kind == HEAD]
    return -(C_FLOAT + C_FLOAT_LINE * max(0, len(heads) - 1)) - 0.3 * sum(1 for it in items if it.kind == BYLINE)


def item_grams(item: Item) -> set[str]:
    return grams(item.text)
