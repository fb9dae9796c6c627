"""Shared vocabulary between a headline and a text, as evidence they belong
together.

A headline summarises its article, so most of its character bigrams recur in
the body (especially names and places), while bigrams that every article on
the page uses ("发展", "中国") say little: they are down-weighted by inverse
document frequency over the page's text units.
"""

from __future__ import annotations

import bisect
import math
import operator
import re
from collections import Counter
from typing import Iterable

import numpy as np

_NOT_TEXT = re.compile(r"[\s\W_]+", re.UNICODE)


def grams(text: str) -> set[str]:
    """Character unigrams and bigrams of the letters in ``text`` (punctuation
    and spaces removed, so a bigram never spans a comma)."""
    out: set[str] = set()
    for chunk in _NOT_TEXT.split(text):
        out.update(chunk)
        out.update(map(operator.add, chunk, chunk[1:]))
    return out


class _Weights(dict):
    """Gram weights; a gram never seen on the page (only in a headline)
    weighs as if found in half a unit — more than any gram of the text, as
    a name the text never repeats is the rarest word there is — without
    being added."""

    def __init__(self, seen: dict[str, float], unseen_bigram: float, unseen_char: float) -> None:
        super().__init__(seen)
        self.unseen_bigram = unseen_bigram
        self.unseen_char = unseen_char

    def __missing__(self, gram: str) -> float:
        return self.unseen_bigram if len(gram) > 1 else self.unseen_char


class Vocabulary:
    """IDF weights of grams over the text units of one page."""

    def __init__(self, documents: Iterable[set[str]]) -> None:
        docs = list(documents)
        self.n = max(1, len(docs))
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc)
        self.df = df
        log_n = math.log(self.n + 1)
        # Weights of every gram seen on the page, computed once; grams never
        # seen (only in a headline) get the weight of a unique gram.
        # Most grams occur in one or two units: the weight depends only on
        # the count and the gram's length, so each pair is computed once.
        counts = set(df.values())
        as_char = {k: self._weight("x", log_n - math.log(k + 0.5)) for k in counts}
        as_bigram = {k: self._weight("xx", log_n - math.log(k + 0.5)) for k in counts}
        seen = {g: (as_bigram if len(g) > 1 else as_char)[k] for g, k in df.items()}
        self._unseen_bigram = self._weight("xx", log_n - math.log(0.5))
        self._unseen_char = self._weight("x", log_n - math.log(0.5))
        self.weights = _Weights(seen, self._unseen_bigram, self._unseen_char)
        self._bit_of: dict[str, int] | None = None
        self._classes: list[tuple[int, int]] = []

    @staticmethod
    def _weight(gram: str, idf: float) -> float:
        # Bigrams carry most of the evidence; single characters are weak.
        return max(idf, 0.05) * (1.0 if len(gram) > 1 else 0.25)

    def weight(self, gram: str) -> float:
        return self.weights[gram]

    def total(self, grams_: Iterable[str]) -> float:
        # Correctly rounded (fsum), so a total does not depend on the order
        # a set iterates in (which varies with string hashing between runs)
        # nor on how the set was built: equal gram sets weigh the same
        # wherever they are computed.
        return math.fsum(map(self.weights.__getitem__, grams_))

    def similarity(self, headline: set[str], text: set[str]) -> float:
        """Weighted share of the headline's grams found in the text, 0..1."""
        if not headline:
            return 0.0
        total = self.total(headline)
        found = self.total(headline & text)
        return found / total if total else 0.0

    # --- gram sets as bit sets ------------------------------------------------------
    #
    # Text windows are unions of whole units and are compared many times over,
    # so they are kept as bits of one integer, a bit per gram seen on the
    # page.  Grams of equal weight take consecutive bits, so a total counts
    # the bits of each weight: exact integer arithmetic that rounds once, to
    # the same float as :meth:`total` (math.fsum also rounds the exact sum
    # once).

    def bits(self, grams_: Iterable[str]) -> int:
        """The grams seen on the page among ``grams_``, as a bit set."""
        bit_of = self._bit_of if self._bit_of is not None else self._number_grams()
        grams_ = grams_ if isinstance(grams_, (set, frozenset, list)) else list(grams_)
        try:  # a text unit's grams are all on the page
            found = np.fromiter(map(bit_of.__getitem__, grams_), dtype=np.intp, count=len(grams_))
        except KeyError:
            found = np.array([bit_of[g] for g in grams_ if g in bit_of], dtype=np.intp)
        if not len(found):
            return 0
        flags = np.zeros(len(bit_of), dtype=np.uint8)
        flags[found] = 1
        return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")

    def bits_total(self, bits: int) -> float:
        """:meth:`total` of the grams in a bit set (the same float)."""
        if self._bit_of is None:
            self._number_grams()
        exact = 0
        for mask, scaled in self._classes:
            exact += (bits & mask).bit_count() * scaled
        return math.ldexp(float(exact), -_SCALE)

    def bits_similarity(self, headline: set[str], text: int) -> float:
        """:meth:`similarity` of a headline with a text given as bits."""
        if not headline:
            return 0.0
        total = self.total(headline)
        found = self.bits_total(self.bits(headline) & text)
        return found / total if total else 0.0

    def bits_overlap(self, a: int, b: int) -> float:
        """:meth:`overlap` of two bit sets."""
        if not a or not b:
            return 0.0
        smaller = min(self.bits_total(a), self.bits_total(b))
        common = self.bits_total(a & b)
        return common / smaller if smaller else 0.0

    def _number_grams(self) -> dict[str, int]:
        """Bits for the page's grams, those of one weight next to each other."""
        weights = self.weights
        order = sorted(weights, key=weights.__getitem__)
        values = list(map(weights.__getitem__, order))
        classes: list[tuple[int, int]] = []
        start = 0
        while start < len(values):
            end = bisect.bisect_right(values, values[start], start)
            classes.append((((1 << (end - start)) - 1) << start, _scaled(values[start])))
            start = end
        self._bit_of = dict(zip(order, range(len(order))))
        self._classes = classes
        return self._bit_of

    def overlap(self, a: set[str], b: set[str], total_a: float | None = None, total_b: float | None = None) -> float:
        """Weighted share of grams two texts have in common, relative to the
        smaller one: how much two stretches of text are about one thing."""
        if not a or not b:
            return 0.0
        ta = self.total(a) if total_a is None else total_a
        tb = self.total(b) if total_b is None else total_b
        smaller = min(ta, tb)
        common = self.total(a & b)
        return common / smaller if smaller else 0.0


# Weights are at least 0.05 / 4 > 2**-7, so a weight times 2**59 is a whole
# number: its 53 significant bits all lie above 2**-59.
_SCALE = 59


def _scaled(weight: float) -> int:
    scaled = math.ldexp(weight, _SCALE)
    if scaled != int(scaled):  # pragma: no cover - see _SCALE
        raise ValueError(f"gram weight {weight!r} is not a multiple of 2**-{_SCALE}")
    return int(scaled)
