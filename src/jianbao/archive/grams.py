"""What the archive searches, and how a query becomes an exact FTS5 match.

Exact substring recall for Chinese
----------------------------------
Chinese has no spaces, so a word index (jieba, unicode61) only finds a term
when the segmenter happened to cut the text at the term's edges: "人民银行"
inside "中国人民银行" is cut as one longer word and is lost.  The archive
therefore indexes *characters*, never words, in two FTS5 tables:

* ``article_fts`` uses SQLite's ``trigram`` tokenizer: every run of three
  characters is a token with its position, and a quoted query of three or
  more characters is matched as consecutive trigrams, i.e. as a substring.
  BM25 works on it as usual.
* Trigrams cannot match a query of one or two characters, so ``article_grams``
  indexes every single character and every pair of adjacent characters as
  tokens (the ``ascii`` tokenizer with all ASCII punctuation as token
  characters, so a token is exactly the gram we wrote, punctuation included).
  A one- or two-character query is then a single token lookup, also ranked
  by BM25.

Every term of a query is an exact substring; whitespace separates terms and
all terms must occur (AND).  Text and terms are compared in simplified
characters (:func:`jianbao.rules.script.folded`, one character for one), so
a term typed either way finds a page printed either way.  Whitespace never belongs to a gram because no
query term can contain it.  Latin letters match without regard to case (the
trigram tokenizer folds case; the gram table sees lower-cased text).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from jianbao.model import Article
from jianbao.normalize import clean_spaces
from jianbao.rules.script import folded

#: Shortest term the trigram table can match.
TRIGRAM = 3
#: The three searchable columns, in the order both FTS tables declare them.
COLUMNS = ("title_text", "body_text", "meta_text")
#: BM25 weights for those columns: a hit in the headline counts most.
COLUMN_WEIGHTS = (8.0, 1.0, 2.0)
MAX_TERMS = 8
MAX_TERM_CHARS = 64


@dataclass(frozen=True, slots=True)
class SearchText:
    """The searchable text of one article, one string per FTS column."""

    title_text: str
    body_text: str
    meta_text: str

    def columns(self) -> tuple[str, str, str]:
        return (self.title_text, self.body_text, self.meta_text)

    @property
    def whole(self) -> str:
        return "\n".join(self.columns())


def headline_text(article: Article) -> str:
    """Kicker, title and subtitle, one per line; the printed headline lines
    when the stack was not split."""
    parts = [p for p in (article.kicker, article.title, article.subtitle) if p]
    if not parts:
        parts = [line for line in article.headline_lines if line]
    return "\n".join(parts)


def body_text(article: Article) -> str:
    """Body paragraphs then caption texts, one per line."""
    return "\n".join([*article.body, *(c.text for c in article.captions)])


def meta_text(article: Article) -> str:
    """Who and where: byline, dateline, column head, caption credits and the
    credited names (so a reporter's name finds the article)."""
    parts = [article.byline, article.dateline, article.column]
    parts += [c.credit for c in article.captions]
    parts += [c.name for c in article.credits]
    return "\n".join(p for p in parts if p)


def search_text(article: Article) -> SearchText:
    """The article's searchable text, spaces between CJK characters dropped
    (:func:`jianbao.normalize.clean_spaces`): a headline's two phrases or a
    name set with a space inside read as the text a query spells."""
    return SearchText(*(_unspaced(t) for t in (headline_text(article), body_text(article), meta_text(article))))


def _unspaced(text: str) -> str:
    return "\n".join(clean_spaces(line) for line in text.split("\n"))


#: Runs of characters a term can hold: no whitespace, no control characters.
_GRAM_RUN = re.compile(r"[^\s\x00-\x1f\x7f]+")


def is_gram_char(ch: str) -> bool:
    """Characters that can be part of a query term: anything printed, not
    whitespace or control characters."""
    return _GRAM_RUN.fullmatch(ch) is not None


def gram_tokens(text: str) -> str:
    """Every character and every pair of adjacent characters of ``text``, as
    space-separated tokens for ``article_grams``."""
    out: list[str] = []
    for run in _GRAM_RUN.findall(text.lower()):
        out.extend(run)
        out.extend(map(operator.add, run, run[1:]))
    return " ".join(out)


def gram_columns(text: SearchText) -> tuple[str, str, str]:
    return tuple(gram_tokens(t) for t in text.columns())  # type: ignore[return-value]


def indexed_text(text: SearchText) -> SearchText:
    """What the index holds of an article: its searchable text in
    simplified characters (:func:`folded`)."""
    return SearchText(*(folded(t) for t in text.columns()))


class QueryError(ValueError):
    """A query the archive refuses, with a message for a person."""


def split_terms(query: str) -> list[str]:
    """The exact terms of a query: whitespace-separated, control characters
    dropped, in simplified characters, duplicates removed, bounded in number
    and length."""
    terms: list[str] = []
    for raw in query.split():
        term = folded("".join(_GRAM_RUN.findall(raw)))
        if term and term not in terms:
            terms.append(term)
    if len(terms) > MAX_TERMS:
        raise QueryError(f"too many search terms (at most {MAX_TERMS})")
    for term in terms:
        if len(term) > MAX_TERM_CHARS:
            raise QueryError(f"search term too long (at most {MAX_TERM_CHARS} characters)")
    return terms


def quote(term: str) -> str:
    """An FTS5 string literal: whatever the user typed is data, never syntax."""
    return '"' + term.replace('"', '""') + '"'


def fts_expression(terms: list[str], column: str | None = None) -> str:
    """AND of quoted phrases, optionally restricted to one column."""
    prefix = "{" + column + "} : " if column else ""
    return " AND ".join(prefix + quote(t) for t in terms)


def long_terms(terms: list[str]) -> list[str]:
    return [t for t in terms if len(t) >= TRIGRAM]


def short_terms(terms: list[str]) -> list[str]:
    """Terms the trigram table cannot match, lower-cased like the gram table."""
    return [t.lower() for t in terms if len(t) < TRIGRAM]
