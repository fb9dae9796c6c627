"""Keyword trends: how often exact terms are printed, period by period.

For each term and period (month ``YYYY-MM`` or year ``YYYY`` of the issue
date; ``unknown`` when the date is), the table gives

* ``occurrences`` — exact, non-overlapping occurrences (``str.count``: in
  "哈哈哈" the term "哈哈" counts once, as a reader counts mentions), over
  headline, body, captions and credits, Latin letters without regard to case
  and Han characters without regard to script (報 counts as 报);
* ``articles`` — articles containing the term at least once;
* ``per_10k`` — occurrences per 10,000 printed characters of all articles of
  that period (so a thin month and a fat month compare fairly).

Matching articles come from the exact index (:func:`search.matching_ids`),
so the counts equal a brute-force scan of the archive.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Iterable

from jianbao.archive.grams import QueryError, search_text
from jianbao.archive.search import matching_ids
from jianbao.archive.store import UNKNOWN, Archive, row_to_article
from jianbao.rules.script import folded

BY = {"month": 7, "year": 4}
MAX_TREND_TERMS = 8
CSV_FIELDS = ("period", "term", "occurrences", "articles", "per_10k", "period_articles", "period_chars")


@dataclass(slots=True)
class TrendRow:
    period: str
    term: str
    occurrences: int
    articles: int
    period_articles: int
    period_chars: int

    @property
    def per_10k(self) -> float:
        return self.occurrences * 10_000 / self.period_chars if self.period_chars else 0.0


@dataclass(slots=True)
class Trends:
    terms: list[str]
    by: str
    rows: list[TrendRow]

    def periods(self) -> list[str]:
        return sorted({r.period for r in self.rows}, key=lambda p: (p == UNKNOWN, p))

    def series(self, term: str, per_10k: bool = False) -> list[tuple[str, float]]:
        return [(r.period, r.per_10k if per_10k else r.occurrences) for r in self.rows if r.term == term]


def check_terms(terms: Iterable[str]) -> list[str]:
    out = []
    for term in terms:
        term = term.strip()
        if not term:
            continue
        if any(ch.isspace() for ch in term):
            raise QueryError(f"a trend term is one string without spaces: {term!r}")
        if term not in out:
            out.append(term)
    if not out:
        raise QueryError("give at least one term")
    if len(out) > MAX_TREND_TERMS:
        raise QueryError(f"at most {MAX_TREND_TERMS} terms at once")
    return out


def period_totals(archive: Archive, width: int, paper: str | None) -> dict[str, tuple[int, int]]:
    """Articles and printed characters per period."""
    sql = ("SELECT coalesce(substr(i.issue_date, 1, ?), ?) AS period, count(*), sum(a.chars)"
           " FROM articles a JOIN issues i ON i.id = a.issue_id JOIN papers p ON p.id = i.paper_id")
    params: list = [width, UNKNOWN]
    if paper:
        sql += " WHERE p.name = ?"
        params.append(paper)
    return {r[0]: (r[1], r[2] or 0) for r in archive.conn.execute(sql + " GROUP BY period", params)}


def count_term(archive: Archive, term: str, width: int, paper: str | None,
               max_articles: int | None = None) -> dict[str, tuple[int, int]]:
    """Occurrences and articles of one term per period."""
    ids = matching_ids(archive, term)
    if max_articles is not None and len(ids) > max_articles:
        raise QueryError(f"{term!r} is in {len(ids)} articles, more than can be counted here "
                         f"({max_articles}); the command `jianbao trends` counts any number")
    needle = folded(term).lower()
    out: dict[str, list[int]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = archive.conn.execute(
            "SELECT a.*, i.issue_date, p.name AS paper FROM articles a JOIN issues i ON i.id = a.issue_id"
            f" JOIN papers p ON p.id = i.paper_id WHERE a.id IN ({','.join('?' * len(chunk))})", chunk,
        ).fetchall()
        for row in rows:
            if paper and row["paper"] != paper:
                continue
            n = folded(search_text(row_to_article(row)).whole).lower().count(needle)
            if not n:
                continue
            period = row["issue_date"][:width] if row["issue_date"] else UNKNOWN
            cell = out.setdefault(period, [0, 0])
            cell[0] += n
            cell[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def compute_trends(archive: Archive, terms: Iterable[str], by: str = "month", paper: str | None = None,
                   max_articles: int | None = None) -> Trends:
    """Counts for every term in every period that has articles (zeros kept,
    so a chart shows when a term was absent)."""
    if by not in BY:
        raise QueryError(f"--by is month or year, not {by!r}")
    terms = check_terms(terms)
    width = BY[by]
    totals = period_totals(archive, width, paper)
    rows = []
    for term in terms:
        counts = count_term(archive, term, width, paper, max_articles)
        for period in sorted(totals, key=lambda p: (p == UNKNOWN, p)):
            occ, arts = counts.get(period, (0, 0))
            rows.append(TrendRow(period, term, occ, arts, *totals[period]))
    return Trends(terms, by, rows)


def trends_csv(trends: Trends) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in trends.rows:
        writer.writerow([r.period, r.term, r.occurrences, r.articles, f"{r.per_10k:.3f}", r.period_articles,
                         r.period_chars])
    return buf.getvalue()


CJK_FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Source Han Sans SC",
             "Noto Serif CJK JP", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN",
             "Droid Sans Fallback", "SimHei")


def cjk_font_families() -> list[str]:
    """Installed fonts that have Chinese glyphs, best first."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in CJK_FONTS if name in installed]


def plot_trends(trends: Trends, fmt: str = "png", per_10k: bool = False) -> bytes:
    """A line chart, one line per term, as PNG or SVG bytes (Agg backend,
    no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    families = cjk_font_families()
    rc = {"font.family": families + ["sans-serif"]} if families else {}
    # Newspaper red first, then quiet inks.
    rc["axes.prop_cycle"] = matplotlib.cycler(color=["#9b1c1c", "#2f4b7c", "#6a8d3a", "#c77d1a", "#5b5b5b",
                                                     "#7a3e8e", "#1f7a7a", "#b0577a"])
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(9, 4.2), dpi=110)
        ax = fig.add_subplot()
        periods = [p for p in trends.periods() if p != UNKNOWN]
        for term in trends.terms:
            values = dict(trends.series(term, per_10k))
            ax.plot(periods, [values.get(p, 0) for p in periods], marker="o", linewidth=1.8, label=term)
        if not per_10k:
            from matplotlib.ticker import MaxNLocator

            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(bottom=0)
        ax.set_ylabel("每万字出现次数" if per_10k else "出现次数")
        ax.set_xlabel("年份" if trends.by == "year" else "月份")
        ax.grid(True, alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        if trends.terms:
            ax.legend(frameon=False)
        step = max(1, len(periods) // 12)
        ax.set_xticks(range(0, len(periods), step), [periods[i] for i in range(0, len(periods), step)],
                      rotation=30, ha="right")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt)
    return buf.getvalue()
