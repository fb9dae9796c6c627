"""Shared vocabulary between a headline and a text, as evidence they belong
together.

A headline summarises its article, so most of its character bigrams recur in
the body (especially names and places), while bigrams that every article on
the page uses ("发展", "中国") say little: they are down-weighted by inverse
document frequency over the page's text units.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from typing import Iterable

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
    gets the weight of a unique gram, without being added."""

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
