"""Shared vocabulary between a headline and a text, as evidence they belong
together.

A headline summarises its article, so most of its character bigrams recur in
the body (especially names and places), while bigrams that every article on
the page uses ("发展", "中国") say little: they are down-weighted by inverse
document frequency over the page's text units.
"""

from __future__ import annotations

import math
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
        out.update(chunk[i : i + 2] for i in range(len(chunk) - 1))
    return out


class Vocabulary:
    """IDF weights of grams over the text units of one page."""

    def __init__(self, documents: Iterable[set[str]]) -> None:
        docs = list(documents)
        self.n = max(1, len(docs))
        self.df: Counter[str] = Counter()
        for doc in docs:
            self.df.update(doc)
        self._weights: dict[str, float] = {}

    def weight(self, gram: str) -> float:
        w = self._weights.get(gram)
        if w is None:
            idf = math.log((self.n + 1) / (self.df.get(gram, 0) + 0.5))
            # Bigrams carry most of the evidence; single characters are weak.
            w = max(idf, 0.05) * (1.0 if len(gram) > 1 else 0.25)
            self._weights[gram] = w
        return w

    def similarity(self, headline: set[str], text: set[str]) -> float:
        """Weighted share of the headline's grams found in the text, 0..1."""
        if not headline:
            return 0.0
        total = 0.0
        found = 0.0
        for gram in headline:
            w = self.weight(gram)
            total += w
            if gram in text:
                found += w
        return found / total if total else 0.0

    def overlap(self, a: set[str], b: set[str]) -> float:
        """Weighted share of grams two texts have in common, relative to the
        smaller one: how much two stretches of text are about one thing."""
        if not a or not b:
            return 0.0
        wa = sum(self.weight(g) for g in a)
        wb = sum(self.weight(g) for g in b)
        common = sum(self.weight(g) for g in (a & b if len(a) < len(b) else b & a))
        return common / min(wa, wb) if min(wa, wb) else 0.0
