"""Photos of a text-mode page: a caption heads a photo with the headline
lines printed against it that match it (or, both left over, with a whole
title printed near a credited caption: :func:`pair_leftovers`), or joins
the article it shares most vocabulary with (the one printed next to it,
when it shares none).
"""

from __future__ import annotations

from jianbao import classify
from jianbao.assemble.articles import fill_caption
from jianbao.assemble.headline import is_whole_title
from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.segment import CAPTION, Item, Segment, tells_vocabulary
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.assignment import best_pairs
from jianbao.model import Article


# A caption joins the article it shares most vocabulary with; one printed
# right next to an article's text gets this much extra weight.
CAPTION_ADJACENT = 0.3
# A headline run with no body becomes a photo's headline when it shares at
# least this much vocabulary with the caption, or sits next to it.
PHOTO_MIN_SIMILARITY = 0.12


def index_caption_similarity(items: list[Item], vocab: Vocabulary) -> None:
    """How much each headline line printed against a caption shares with it
    (nothing for a line whose words tell no text apart, :func:`tells_vocabulary`)."""
    for k, item in enumerate(items):
        if item.kind != CAPTION:
            continue
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(items) and items[j].kind == HEAD_ITEM:
                if tells_vocabulary(items[j]):
                    items[j].caption_sim = max(items[j].caption_sim, vocab.similarity(items[j].grams, item.grams))
                j += step


def pair_photos(
    floating: list[Segment], captions: list[Item], items: list[Item], vocab: Vocabulary
) -> tuple[list[tuple[Segment, Item]], list[Segment], list[Item]]:
    """Match headline runs with no body to captions (photo news), as one
    assignment over the page."""
    heads = [seg for seg in floating if any(it.kind == HEAD_ITEM for it in seg.items)]
    others = [seg for seg in floating if seg not in heads]
    if not heads or not captions:
        return [], floating, captions
    pos = {id(it): k for k, it in enumerate(items)}
    score = [[0.0] * len(captions) for _ in heads]
    for a, seg in enumerate(heads):
        head_grams: set[str] = set()
        for it in seg.items:
            if it.kind == HEAD_ITEM:
                head_grams |= it.grams
        start = min(pos[id(it)] for it in seg.items)
        end = max(pos[id(it)] for it in seg.items)
        for b, cap in enumerate(captions):
            sim = vocab.similarity(head_grams, cap.grams)
            # Next to the run, or printed between its lines (a column head
            # over the picture, the photo's headline under the caption).
            adjacent = start - 1 <= pos[id(cap)] <= end + 1
            score[a][b] = sim + (0.5 if adjacent else 0.0)
    matched = [(a, b) for a, b in best_pairs(score) if score[a][b] >= PHOTO_MIN_SIMILARITY]
    matched += pair_leftovers(heads, captions, {a for a, _ in matched}, {b for _, b in matched}, pos)
    used_heads = {a for a, _ in matched}
    used_caps = {b for _, b in matched}
    pairs = [(heads[a], captions[b]) for a, b in matched]
    leftover = others + [seg for a, seg in enumerate(heads) if a not in used_heads]
    loose = [cap for b, cap in enumerate(captions) if b not in used_caps]
    return pairs, leftover, loose


# How far apart (in items) a photo's headline and its caption may be
# printed when nothing but their being left over pairs them.
PHOTO_REACH = 12


def pair_leftovers(
    heads: list[Segment], captions: list[Item], used_heads: set[int], used_caps: set[int], pos: dict[int, int]
) -> list[tuple[int, int]]:
    """Headlines and credited captions that share no words yet are both
    left over, printed near each other (:data:`PHOTO_REACH`): a photo's
    headline is often a poetic line ("秋色正浓") that shares nothing with
    its caption, and a headline heads something.  A line that cannot head
    a photo (:func:`could_head_a_photo`) stays unpaired."""
    rest_heads = [a for a in range(len(heads)) if a not in used_heads and could_head_a_photo(heads[a])]
    rest_caps = [b for b in range(len(captions)) if b not in used_caps and is_credited(captions[b])]
    if not rest_heads or not rest_caps:
        return []
    gaps = [[abs(pos[id(captions[b])] - pos[id(heads[a].items[0])]) for b in rest_caps] for a in rest_heads]
    closeness = [[PHOTO_REACH + 1 - gap for gap in row] for row in gaps]
    return [(rest_heads[x], rest_caps[y]) for x, y in best_pairs(closeness) if gaps[x][y] <= PHOTO_REACH]


def is_credited(caption: Item) -> bool:
    return any(r.label == classify.CREDIT for r in caption.rows)


def could_head_a_photo(seg: Segment) -> bool:
    """A floating run whose headline lines make a whole title."""
    return is_whole_title([it.text for it in seg.items if it.kind == HEAD_ITEM])


def attach_captions(
    captions: list[Item], built: list[tuple[Article, list[Item]]], items: list[Item], vocab: Vocabulary
) -> None:
    """Each remaining caption joins the article it shares most vocabulary
    with, preferring one printed next to it; with no article it stands as a
    photo of its own."""
    pos = {id(it): k for k, it in enumerate(items)}
    for cap in captions:
        best, best_score = None, -1.0
        for article, its in built:
            text_grams: set[str] = set()
            for it in its:
                text_grams |= it.grams
            score = vocab.similarity(cap.grams, text_grams)
            spots = [pos[id(it)] for it in its if id(it) in pos]
            if spots and (pos[id(cap)] - 1 in spots or pos[id(cap)] + 1 in spots):
                score += CAPTION_ADJACENT
            if score > best_score:
                best, best_score = (article, its), score
        if best is None:
            article = Article(id="", kind="photo")
            fill_caption(article, cap)
            built.append((article, [cap]))
            continue
        fill_caption(best[0], cap)
        best[1].append(cap)
