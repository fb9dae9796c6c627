import pytest

from jianbao.archive.grams import QueryError
from jianbao.archive.trends import compute_trends, plot_trends, trends_csv


def test_monthly_counts_are_exact_occurrences(archive):
    t = compute_trends(archive, ["新质生产力"], by="month")
    by_period = {r.period: (r.occurrences, r.articles, r.period_articles) for r in t.rows}
    assert by_period == {"2023-03": (2, 2, 5), "2023-07": (4, 1, 2), "2024-01": (1, 1, 1)}


def test_yearly_counts_and_per_10k(archive):
    t = compute_trends(archive, ["新质生产力", "渔港"], by="year")
    row = next(r for r in t.rows if r.period == "2024" and r.term == "渔港")
    assert row.occurrences == 2
    assert row.per_10k == pytest.approx(2 * 10_000 / row.period_chars)


def test_occurrences_do_not_overlap(tmp_path):
    from archive_fixtures import make_article

    from jianbao.archive.store import Archive
    from jianbao.model import Issue, Page

    arc = Archive(tmp_path / "a.db")
    arc.index_issue(Issue(pages=[Page(number=1, articles=[make_article("a", "", ["哈哈哈哈哈"])])],
                          paper="P", issue_date="2020-01-01"))
    assert compute_trends(arc, ["哈哈"]).rows[0].occurrences == 2


def test_a_term_is_counted_in_either_script(archive):
    from test_archive_search import traditional_issue

    archive.index_issue(traditional_issue())
    by_period = {r.period: (r.occurrences, r.articles) for r in compute_trends(archive, ["新质生产力"], by="month").rows}
    assert by_period["2024-05"] == (2, 1)
    assert compute_trends(archive, ["新質生產力"], by="month").rows[0].term == "新質生產力"


def test_csv_and_plots(archive):
    t = compute_trends(archive, ["新质生产力"], by="month")
    lines = trends_csv(t).splitlines()
    assert lines[0].startswith("period,term,occurrences,articles,per_10k")
    assert lines[1].startswith("2023-03,新质生产力,2,2,")
    assert plot_trends(t, "png")[:4] == b"\x89PNG"
    assert b"<svg" in plot_trends(t, "svg", per_10k=True)[:400]


def test_bad_terms(archive):
    with pytest.raises(QueryError):
        compute_trends(archive, ["两 个"])
    with pytest.raises(QueryError):
        compute_trends(archive, [])
    with pytest.raises(QueryError):
        compute_trends(archive, ["新"], by="week")
    with pytest.raises(QueryError, match="more than"):
        compute_trends(archive, ["新"], max_articles=1)
