"""How much better two lines read joined than apart.

A line break inside a running text falls inside a word about a third of
the time.  Whether a word runs across a break is graded, not yes or no:
common words formed across a wrong break ("……言" / "中……") are weak
evidence, because the characters are common on their own, while a word
whose characters are rare apart ("永不言" / "败……") is strong evidence.

The measure is the gain in log-probability of the best segmentation of
the text around the break (the last :data:`WINDOW` characters of one line
and the first of the other) under a unigram word model with the word
frequencies of jieba's dictionary, over the best segmentations of the two
sides apart.  At most one word spans the break, so the gain is the best,
over words ``w`` spanning it, of ``log P(w)`` plus the best segmentations
of what is left on either side, less the two sides segmented apart; zero
when no word spans the break.  Everything is computed for many line pairs
at once on arrays of character codes.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from jianbao.lexicon import breaks_word, word_log_probabilities

WINDOW = 4  # characters taken on each side of the break
_SHIFT = np.uint64(16)


def char_codes(texts: list[str], size: int) -> np.ndarray:
    """Code points of strings of exactly ``size`` characters, one row each
    (characters beyond the Basic Multilingual Plane, never in the
    dictionary, as U+FFFF)."""
    if not texts:
        return np.zeros((0, size), dtype=np.uint64)
    raw = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).reshape(len(texts), size)
    return np.minimum(raw, 0xFFFF).astype(np.uint64)


def tail_codes(texts: list[str]) -> np.ndarray:
    """The last :data:`WINDOW` characters of each text, 0 on the left where
    a text is shorter."""
    return char_codes([t[-WINDOW:].rjust(WINDOW, "\0") for t in texts], WINDOW)


def head_codes(texts: list[str]) -> np.ndarray:
    """The first :data:`WINDOW` characters of each text, 0 on the right."""
    return char_codes([t[:WINDOW].ljust(WINDOW, "\0") for t in texts], WINDOW)


def word_scores(keys: np.ndarray) -> np.ndarray:
    """Log-probability of the words with these keys; ``-inf`` for strings
    that are no word (single characters the dictionary lacks get the
    probability of a count of one)."""
    known, logp, unknown = word_log_probabilities()
    if not len(known):
        return np.full(keys.shape, -np.inf)
    pos = np.minimum(np.searchsorted(known, keys), len(known) - 1)
    found = known[pos] == keys
    single = (keys > 0) & (keys < (np.uint64(1) << _SHIFT))
    return np.where(found, logp[pos], np.where(single, unknown, -np.inf))


def substring_scores(codes: np.ndarray) -> np.ndarray:
    """``[n, start, stop]``: the word score of ``codes[:, start:stop]``;
    0 for a stretch of padding only, ``-inf`` for one mixing padding and
    characters.  All substrings are looked up at once."""
    n, size = codes.shape
    spans = [(start, stop) for start in range(size) for stop in range(start + 1, size + 1)]
    keys = np.empty((n, len(spans)), dtype=np.uint64)
    for k, (start, stop) in enumerate(spans):
        keys[:, k] = codes[:, stop - 1] if stop == start + 1 else (keys[:, k - 1] << _SHIFT) | codes[:, stop - 1]
    padding = np.concatenate([np.zeros((n, 1), dtype=int), np.cumsum(codes == 0, axis=1)], axis=1)
    first, last = np.array(spans).T
    pads = padding[:, last] - padding[:, first]
    scores = np.where(pads == last - first, 0.0, np.where(pads > 0, -np.inf, word_scores(keys)))
    out = np.full((n, size + 1, size + 1), -np.inf)
    out[:, first, last] = scores
    return out


def best_prefixes(codes: np.ndarray) -> np.ndarray:
    """``[n, m]``: log-probability of the best segmentation of the first
    ``m`` characters of each row."""
    n, size = codes.shape
    sub = substring_scores(codes)
    best = np.full((n, size + 1), -np.inf)
    best[:, 0] = 0.0
    for stop in range(1, size + 1):
        best[:, stop] = np.max(best[:, :stop] + sub[:, np.arange(stop), stop], axis=1)
    return best


def best_suffixes(codes: np.ndarray) -> np.ndarray:
    """``[n, m]``: log-probability of the best segmentation of each row
    from character ``m`` on."""
    n, size = codes.shape
    sub = substring_scores(codes)
    best = np.full((n, size + 1), -np.inf)
    best[:, size] = 0.0
    for start in range(size - 1, -1, -1):
        best[:, start] = np.max(sub[:, start, start + 1 :] + best[:, start + 1 :], axis=1)
    return best


def join_gains(tails: np.ndarray, heads: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Gain in log-probability (natural log, ≥ 0) from reading line ``i``
    (its :func:`tail_codes`, ``tails[i]``) straight on into line
    ``j[i, k]`` (``heads``), for each ``i`` and ``k``.  Only pairs whose
    two characters at the break can stand side by side inside a word
    (:func:`inner_pairs`) are looked at further; the rest gain nothing."""
    gain = np.zeros(j.shape)
    rows, cols = np.nonzero(may_join(tails[:, -1][:, None], heads[:, 0][j]))
    if not len(rows):
        return gain
    size = tails.shape[1]
    # Segment only the lines that take part, each once.
    left_lines, left_at = np.unique(rows, return_inverse=True)
    right_lines, right_at = np.unique(j[rows, cols], return_inverse=True)
    before = best_prefixes(tails[left_lines])[left_at]  # the tail up to each position
    after = best_suffixes(heads[right_lines])[right_at]  # the head from each position
    t = tails[rows]
    h = heads[j[rows, cols]]
    keys = []
    rest = []
    for left in range(1, size):
        for right in range(1, size + 1 - left):
            key = np.zeros(len(rows), dtype=np.uint64)
            for code in [t[:, c] for c in range(size - left, size)] + [h[:, c] for c in range(right)]:
                key = (key << _SHIFT) | code
            keys.append(key)
            rest.append(before[:, size - left] + after[:, right])
    joined = (word_scores(np.stack(keys)) + np.stack(rest)).max(axis=0)
    found = joined - before[:, size] - after[:, 0]
    gain[rows, cols] = np.where(np.isfinite(found) & (found > 0), found, 0.0)
    return gain


@lru_cache(maxsize=4096)
def gain_across(tail: str, head: str) -> float:
    """:func:`join_gains` of one break, between a line ending ``tail`` and
    one opening ``head`` (a dictionary word across the break counts only
    where it reads better than the words on either side: "……会议" /
    "决定……" gains nothing from 议决).  The same sums as the array code,
    one break at a time: for a single break, setting up the arrays costs
    more than the sums.

    >>> gain_across("艺术节开", "幕") > 0, gain_across("员长会议", "决定将")
    (True, 0.0)
    """
    t = _codes(tail[-WINDOW:].rjust(WINDOW, "\0"))
    h = _codes(head[:WINDOW].ljust(WINDOW, "\0"))
    if not (t[-1] and h[0] and inner_pairs()[_pair_slot(t[-1], h[0])]):
        return 0.0
    keys = [_key(t[a:b]) for a, b in _SPANS] + [_key(h[a:b]) for a, b in _SPANS]
    keys += [_key(t[WINDOW - left :] + h[:right]) for left, right in _JOINS]
    scores = word_scores(np.array(keys, dtype=np.uint64)).tolist()
    n = len(_SPANS)
    before = _best_prefixes(_window_scores(t, scores[:n]))
    after = _best_suffixes(_window_scores(h, scores[n : 2 * n]))
    joined = max(score + (before[WINDOW - left] + after[right]) for score, (left, right) in zip(scores[2 * n :], _JOINS))
    found = joined - before[WINDOW] - after[0]
    return found if math.isfinite(found) and found > 0 else 0.0


# The substrings of a window (start, stop), as substring_scores orders them,
# and the words across a break (characters before it, characters after it).
_SPANS = [(start, stop) for start in range(WINDOW) for stop in range(start + 1, WINDOW + 1)]
_JOINS = [(left, right) for left in range(1, WINDOW) for right in range(1, WINDOW + 1 - left)]


def _codes(text: str) -> list[int]:
    """:func:`char_codes` of one string."""
    return [min(ord(ch), 0xFFFF) for ch in text]


def _key(codes: list[int]) -> int:
    key = 0
    for code in codes:
        key = (key << 16) | code
    return key


def _window_scores(codes: list[int], looked_up: list[float]) -> dict[tuple[int, int], float]:
    """:func:`substring_scores` of one window, from its substrings' word
    scores in :data:`_SPANS` order."""
    out = {}
    for (start, stop), score in zip(_SPANS, looked_up):
        pads = codes[start:stop].count(0)
        out[(start, stop)] = 0.0 if pads == stop - start else (-math.inf if pads else score)
    return out


def _best_prefixes(sub: dict[tuple[int, int], float]) -> list[float]:
    """:func:`best_prefixes` of one window."""
    best = [0.0] + [-math.inf] * WINDOW
    for stop in range(1, WINDOW + 1):
        best[stop] = max(best[start] + sub[(start, stop)] for start in range(stop))
    return best


def _best_suffixes(sub: dict[tuple[int, int], float]) -> list[float]:
    """:func:`best_suffixes` of one window."""
    best = [-math.inf] * WINDOW + [0.0]
    for start in range(WINDOW - 1, -1, -1):
        best[start] = max(sub[(start, stop)] + best[stop] for stop in range(start + 1, WINDOW + 1))
    return best


def _pair_slot(first: int, second: int) -> int:
    """:func:`pair_slots` of one pair (the product never passes 64 bits)."""
    return (first * 0x9E3779B1 + second) & ((1 << PAIR_TABLE_BITS) - 1)


def word_runs_across(prev: str, nxt: str) -> bool:
    """A dictionary word runs across the break and reads better than the
    words on either side of it ("……科" / "学决策" does; "……的决定" /
    "为期……" does not, though 定为 is a word too).

    >>> word_runs_across("江州碳素科", "学园区正式开园"), word_runs_across("关于奖励的决定", "为期十天")
    (True, False)
    """
    a = prev.rstrip()
    b = nxt.lstrip()
    return breaks_word(a, b) and gain_across(a[-WINDOW:], b[:WINDOW]) > 0


# Size of the table of character pairs found inside words (a power of two;
# pairs are hashed into it, so a few pairs that never meet in a word pass
# too and are weeded out by the full look-up).
PAIR_TABLE_BITS = 22


@lru_cache(maxsize=1)
def inner_pairs() -> np.ndarray:
    """Which hashed pairs of characters stand side by side inside some
    dictionary word (:func:`pair_slots`)."""
    keys, _, _ = word_log_probabilities()
    table = np.zeros(1 << PAIR_TABLE_BITS, dtype=bool)
    mask = np.uint64(0xFFFF)
    for shift in range(3):
        first = (keys >> (_SHIFT * np.uint64(shift + 1))) & mask
        second = (keys >> (_SHIFT * np.uint64(shift))) & mask
        inside = first > 0
        table[pair_slots(first[inside], second[inside])] = True
    return table


def pair_slots(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    return ((first * np.uint64(0x9E3779B1) + second) & np.uint64((1 << PAIR_TABLE_BITS) - 1)).astype(np.int64)


def may_join(last: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Whether a word could run across a break between the characters
    ``last`` and ``first`` (element by element)."""
    return inner_pairs()[pair_slots(last, first)] & (last > 0) & (first > 0)
