"""Exact full-text search over the archive, ranked by BM25.

A query is whitespace-separated terms; an article matches when it contains
every term as an exact substring (see :mod:`jianbao.archive.grams` for why the
index is built from characters).  Filters narrow by headline only, paper,
date range, page number and credited name.

Ranking: BM25 (FTS5's ``bm25`` with the headline weighted most) over every
match when a query matches at most ``RANK_LIMIT`` articles.  FTS5's BM25
visits every match to weigh the terms, so for a term found in more articles
than that the order is headline matches first, then newest first, and the
total is reported as "more than RANK_LIMIT"; such a term's BM25 weight is
close to zero anyway.

The cost of a query is bounded: at most ``MAX_LIMIT`` hits per page and
``MAX_OFFSET`` deep, and a time budget enforced by SQLite's progress handler,
after which the query stops with a message asking for a narrower query.
User text only ever reaches SQL as a bound parameter, and reaches FTS5 as a
quoted string literal, so it is never parsed as syntax.
"""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from jianbao.archive.grams import (
    COLUMN_WEIGHTS,
    QueryError,
    SearchText,
    fts_expression,
    long_terms,
    search_text,
    short_terms,
    split_terms,
)
from jianbao.archive.store import Archive, row_to_article
from jianbao.model import KINDS
from jianbao.rules.script import folded

MAX_LIMIT = 100
#: Queries matching up to this many articles are ranked by BM25 over all of
#: them; more common ones are ordered by :func:`headline_then_newest`.
RANK_LIMIT = 3000
MAX_OFFSET = 5000
DEFAULT_BUDGET_S = 3.0
#: SQLite virtual-machine steps between two looks at the clock.
PROGRESS_STEPS = 20000
SNIPPET_CHARS = 110
SNIPPET_LEAD = 30
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

__all__ = ["QueryError", "SearchQuery", "Hit", "SearchResult", "search", "snippet_segments"]


@dataclass(slots=True)
class SearchQuery:
    text: str = ""
    title_only: bool = False
    paper: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    page: int | None = None
    credit: str | None = None
    kind: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(slots=True)
class Hit:
    archive_id: int
    score: float
    paper: str
    issue_date: str | None
    page: int
    kind: str
    kicker: str
    title: str
    subtitle: str
    byline: str
    snippet: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def snippet_html(self) -> Markup:
        """The snippet with matches in ``<mark>``; every piece escaped."""
        return Markup("").join(Markup("<mark>%s</mark>") % s if hit else escape(s) for s, hit in self.snippet)

    @property
    def snippet_text(self) -> str:
        return "".join(f"【{s}】" if hit else s for s, hit in self.snippet)

    def to_dict(self) -> dict[str, Any]:
        return {
            "archive_id": self.archive_id,
            "score": float(f"{self.score:.6g}"),
            "paper": self.paper,
            "issue_date": self.issue_date,
            "page": self.page,
            "kind": self.kind,
            "kicker": self.kicker,
            "title": self.title,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "snippet": "".join(s for s, _ in self.snippet),
            "highlights": [s for s, hit in self.snippet if hit],
        }


@dataclass(slots=True)
class SearchResult:
    query: SearchQuery
    terms: list[str]
    total: int
    hits: list[Hit]
    #: False when ``total`` only says "at least this many" (see RANK_LIMIT).
    exact_total: bool = True


def validate(query: SearchQuery) -> None:
    for name in ("date_from", "date_to"):
        value = getattr(query, name)
        if value and not _DATE.match(value):
            raise QueryError(f"dates are written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    if query.kind and query.kind not in KINDS:
        raise QueryError(f"kinds are {', '.join(KINDS)}, not {query.kind!r}")
    if not 1 <= query.limit <= MAX_LIMIT:
        raise QueryError(f"results per page must be between 1 and {MAX_LIMIT}")
    if not 0 <= query.offset <= MAX_OFFSET:
        raise QueryError(f"results are shown up to number {MAX_OFFSET}; narrow the query to see more")


def matching_ids_sql(terms: list[str], title_only: bool, ranked: bool = True) -> tuple[str, list[Any]]:
    """A subquery giving ``id`` and ``score`` (lower is better; 0 when not
    ``ranked``) of every article containing all terms."""
    column = "title_text" if title_only else None
    weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
    longs, shorts = long_terms(terms), short_terms(terms)
    table = "article_fts" if longs else "article_grams"
    score = f"bm25({table}, {weights})" if ranked else "0.0"
    sql = f"SELECT rowid AS id, {score} AS score FROM {table} WHERE {table} MATCH ?"
    params: list[Any] = [fts_expression(longs or shorts, column)]
    if longs and shorts:
        sql += " AND rowid IN (SELECT rowid FROM article_grams WHERE article_grams MATCH ?)"
        params.append(fts_expression(shorts, column))
    return sql, params


def filter_sql(query: SearchQuery) -> tuple[list[str], list[Any], bool]:
    """WHERE clauses over ``a`` (articles) and ``i`` (issues), their
    parameters, and whether they need those joins at all."""
    where: list[str] = []
    params: list[Any] = []
    if query.paper:
        where.append("i.paper_id = (SELECT id FROM papers WHERE name = ?)")
        params.append(query.paper)
    if query.date_from:
        where.append("substr(i.issue_date, 1, ?) >= ?")
        params += [len(query.date_from), query.date_from]
    if query.date_to:
        where.append("substr(i.issue_date, 1, ?) <= ?")
        params += [len(query.date_to), query.date_to]
    if query.page is not None:
        where.append("a.page_number = ?")
        params.append(query.page)
    if query.credit:
        where.append("a.id IN (SELECT article_id FROM credits WHERE name = ?)")
        params.append(query.credit.strip())
    if query.kind:
        where.append("a.kind = ?")
        params.append(query.kind)
    return where, params, bool(where)


def search(archive: Archive, query: SearchQuery, budget_s: float = DEFAULT_BUDGET_S) -> SearchResult:
    """The articles containing every term, best first; raise
    :class:`QueryError` with a message for a person when the query cannot be
    run."""
    validate(query)
    terms = split_terms(query.text)
    where, fparams, filtered = filter_sql(query)
    if not terms:
        ids, total = newest_first(archive, query, where, fparams, budget_s)
        return SearchResult(query, terms, total, load_hits(archive, [(i, 0.0) for i in ids], terms))
    plain, params = matching_ids_sql(terms, query.title_only, ranked=False)
    joins = JOINS if filtered else ""
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    probe = f"SELECT count(*) FROM (SELECT 1 FROM ({plain}) h{joins}{cond} LIMIT {RANK_LIMIT + 1})"
    count = run_bounded(archive.conn, probe, [*params, *fparams], budget_s)[0][0]
    if count <= RANK_LIMIT:
        base, params = matching_ids_sql(terms, query.title_only)
        sql = f"SELECT h.id, h.score FROM ({base}) h{joins}{cond} ORDER BY h.score, h.id DESC LIMIT ? OFFSET ?"
        rows = run_bounded(archive.conn, sql, [*params, *fparams, query.limit, query.offset], budget_s)
        ranked = [(r[0], r[1]) for r in rows]
        return SearchResult(query, terms, count, load_hits(archive, ranked, terms))
    ids = headline_then_newest(archive, terms, query, joins + cond, fparams, budget_s)
    return SearchResult(query, terms, count, load_hits(archive, [(i, 0.0) for i in ids], terms), exact_total=False)


JOINS = " JOIN articles a ON a.id = h.id JOIN issues i ON i.id = a.issue_id"


def newest_first(archive: Archive, query: SearchQuery, where: list[str], fparams: list[Any],
                 budget_s: float) -> tuple[list[int], int]:
    """No terms: the filtered articles, newest issue first."""
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    base = f"FROM articles a JOIN issues i ON i.id = a.issue_id{cond}"
    rows = run_bounded(archive.conn, f"SELECT a.id {base} ORDER BY i.issue_date DESC, a.id DESC LIMIT ? OFFSET ?",
                       [*fparams, query.limit, query.offset], budget_s)
    total = run_bounded(archive.conn, f"SELECT count(*) {base}", fparams, budget_s)[0][0]
    return [r[0] for r in rows], total


def headline_then_newest(archive: Archive, terms: list[str], query: SearchQuery, tail: str,
                         fparams: list[Any], budget_s: float) -> list[int]:
    """Order for a query too common to rank: articles with the terms in the
    headline first, then the rest, each newest first.

    BM25 has to visit every match to weigh a term; for a term in thousands of
    articles its weight is near zero anyway, so this bounded order loses
    little and keeps every query's cost proportional to the page shown.
    """
    wanted = query.offset + query.limit
    ids: list[int] = []
    passes = [True] if query.title_only else [True, False]
    for title_only in passes:
        plain, params = matching_ids_sql(terms, title_only, ranked=False)
        sql = f"SELECT h.id FROM ({plain}) h{tail} ORDER BY h.id DESC LIMIT ?"
        rows = run_bounded(archive.conn, sql, [*params, *fparams, wanted + len(ids)], budget_s)
        seen = set(ids)
        ids += [r[0] for r in rows if r[0] not in seen]
    return ids[query.offset:wanted]


def matching_ids(archive: Archive, text: str, title_only: bool = False,
                 budget_s: float = 60.0) -> list[int]:
    """Every article containing all terms of ``text`` (unranked, unbounded
    in number; used by trends and by the recall checks)."""
    terms = split_terms(text)
    if not terms:
        return []
    base, params = matching_ids_sql(terms, title_only, ranked=False)
    return [r[0] for r in run_bounded(archive.conn, f"SELECT id FROM ({base}) ORDER BY id", params, budget_s)]


def run_bounded(conn: sqlite3.Connection, sql: str, params: list[Any], budget_s: float) -> list[sqlite3.Row]:
    """Run a read query, stopping it once it has used ``budget_s`` seconds."""
    deadline = time.monotonic() + budget_s
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_STEPS)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as err:
        if "interrupt" in str(err):
            raise QueryError("this query matches too much to rank in time; add characters, terms or filters") from None
        raise QueryError(f"the archive could not run this query ({err})") from None
    finally:
        conn.set_progress_handler(None, 0)


def load_hits(archive: Archive, ranked: list[tuple[int, float]], terms: list[str]) -> list[Hit]:
    if not ranked:
        return []
    marks = ",".join("?" * len(ranked))
    rows = archive.conn.execute(
        "SELECT a.*, i.issue_date, p.name AS paper FROM articles a JOIN issues i ON i.id = a.issue_id"
        f" JOIN papers p ON p.id = i.paper_id WHERE a.id IN ({marks})",
        [rid for rid, _ in ranked],
    ).fetchall()
    by_id = {r["id"]: r for r in rows}
    hits = []
    for rid, score in ranked:
        row = by_id[rid]
        hits.append(Hit(
            archive_id=rid, score=float(score), paper=row["paper"], issue_date=row["issue_date"],
            page=row["page_number"], kind=row["kind"] or "article", kicker=row["kicker"] or "",
            title=row["title"] or "", subtitle=row["subtitle"] or "", byline=row["byline"] or "",
            snippet=snippet_segments(search_text(row_to_article(row)), terms),
        ))
    return hits


def snippet_segments(text: SearchText, terms: list[str], width: int = SNIPPET_CHARS) -> list[tuple[str, bool]]:
    """A window of the article around the first match, as (text, is_match)
    pieces; the body is preferred, then the headline, then the credits."""
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE) if terms else None
    fields = [t.replace("\n", " ") for t in (text.body_text, text.title_text, text.meta_text) if t]
    if not fields:
        return []
    source, first = fields[0], None
    if pattern is not None:
        for candidate in fields:
            first = pattern.search(folded(candidate))
            if first:
                source = candidate
                break
    start = max(0, first.start() - SNIPPET_LEAD) if first else 0
    end = min(len(source), start + width)
    window = source[start:end]
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    pos = 0
    # The terms are found in simplified characters and shown as printed.
    for m in pattern.finditer(folded(window)) if pattern is not None else ():
        if m.start() > pos:
            pieces.append((window[pos:m.start()], False))
        pieces.append((window[m.start():m.end()], True))
        pos = m.end()
    if pos < len(window):
        pieces.append((window[pos:], False))
    if end < len(source):
        pieces.append(("…", False))
    return pieces
