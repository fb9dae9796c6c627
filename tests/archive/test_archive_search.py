import random

import pytest
from archive_fixtures import random_issue

from jianbao.archive import search as search_mod
from jianbao.archive.grams import QueryError, search_text
from jianbao.archive.search import SearchQuery, matching_ids, search
from jianbao.archive.store import Archive, row_to_article
from jianbao.rules.script import folded


def titles(result):
    return [h.title for h in result.hits]


def test_compound_inside_longer_word_is_found(archive):
    result = search(archive, SearchQuery("人民银行"))
    assert titles(result) == ["中国人民银行江城分行加大涉农信贷投放"]


def test_one_and_two_character_queries(archive):
    assert search(archive, SearchQuery("渔")).total == 1
    assert search(archive, SearchQuery("夜市")).total == 1
    assert search(archive, SearchQuery("银行")).total == 1


def test_all_terms_must_occur(archive):
    assert search(archive, SearchQuery("新质生产力")).total == 4
    assert titles(search(archive, SearchQuery("新质生产力 渔"))) == ["渔港迎来冬季休渔后首航"]
    assert search(archive, SearchQuery("新质生产力 不存在的词")).total == 0


def test_headline_hits_rank_first(archive):
    result = search(archive, SearchQuery("新质生产力"))
    assert result.hits[0].title == "新质生产力成为园区关键词"


def test_title_only_filter(archive):
    assert titles(search(archive, SearchQuery("新质生产力", title_only=True))) == ["新质生产力成为园区关键词"]
    assert search(archive, SearchQuery("园", title_only=True)).total == 1


def test_paper_date_page_and_credit_filters(archive):
    assert titles(search(archive, SearchQuery("新质生产力", paper="海滨晚报"))) == ["渔港迎来冬季休渔后首航"]
    assert search(archive, SearchQuery("新质生产力", date_from="2023-06", date_to="2023")).total == 1
    assert search(archive, SearchQuery("新质生产力", date_from="2024")).total == 1
    assert titles(search(archive, SearchQuery("新质生产力", page=2))) == ["信贷投放"]
    assert search(archive, SearchQuery("", credit="林晓雨")).total == 2
    assert titles(search(archive, SearchQuery("", credit="陈朗"))) == [""]


def test_kind_filter(archive):
    assert titles(search(archive, SearchQuery("", credit="陈朗", kind="photo"))) == [""]
    assert search(archive, SearchQuery("", credit="陈朗", kind="commentary")).total == 0
    with pytest.raises(QueryError, match="kinds are"):
        search(archive, SearchQuery("新质生产力", kind="editorial"))


def test_snippet_marks_matches_and_escapes_markup(archive):
    hit = search(archive, SearchQuery("script")).hits[0]
    html = str(hit.snippet_html)
    assert "<script>" not in html
    assert "&lt;<mark>script</mark>&gt;" in html
    assert hit.snippet_text.count("【script】") == 2


def test_fts_syntax_in_queries_is_just_text(archive):
    for q in ['"', '""', "AND", "OR NOT", "NEAR(", "*", "^中", "{title_text}:", "a:b", "(", "中\"国"]:
        search(archive, SearchQuery(q))  # never raises


def test_bad_filters_become_messages(archive):
    with pytest.raises(QueryError, match="YYYY"):
        search(archive, SearchQuery("中国", date_from="2023/01"))
    with pytest.raises(QueryError):
        search(archive, SearchQuery("中国", limit=1000))
    with pytest.raises(QueryError):
        search(archive, SearchQuery("中国", offset=10**6))


def test_common_queries_are_ordered_headline_first_beyond_the_rank_limit(archive, monkeypatch):
    monkeypatch.setattr(search_mod, "RANK_LIMIT", 2)
    result = search(archive, SearchQuery("新质生产力", limit=10))
    assert result.exact_total is False and result.total == 3
    assert result.hits[0].title == "新质生产力成为园区关键词"
    assert len(result.hits) == 4


def test_slow_query_is_stopped_with_a_message(archive, monkeypatch):
    monkeypatch.setattr(search_mod, "PROGRESS_STEPS", 1)
    with pytest.raises(QueryError, match="too much"):
        search(archive, SearchQuery("新质生产力"), budget_s=-1)


def brute_force(texts, q):
    return {i for i, t in texts.items() if folded(q) in folded(t)}


def test_recall_is_complete_against_brute_force_for_200_random_substrings(tmp_path):
    arc = Archive(tmp_path / "r.db")
    for seed in range(4):
        arc.index_issue(random_issue(seed, 30, f"2022-0{seed + 1}-01"))
    texts = {r["id"]: search_text(row_to_article(r)).whole for r in arc.iter_rows()}
    rng = random.Random(7)
    pool = list(texts.values())
    checked = 0
    while checked < 200:
        text = rng.choice(pool)
        n = rng.randint(2, 6)
        start = rng.randrange(len(text) - n)
        q = text[start:start + n]
        if any(ch.isspace() for ch in q):
            continue
        expected = brute_force(texts, q)
        got = set(matching_ids(arc, q))
        assert expected <= got, q
        assert all(folded(q).lower() in folded(texts[i]).lower() for i in got), q
        # The ranked search reports the same number.
        assert search(arc, SearchQuery(q, limit=1)).total == len(got)
        checked += 1
    arc.close()


def traditional_issue():
    from archive_fixtures import make_article

    from jianbao.model import Issue, Page

    article = make_article("p1a1", "江州發佈新質生產力行動計劃", ["本報訊 江州市今天發佈行動計劃，發展新質生產力。"])
    return Issue(pages=[Page(number=1, articles=[article])], paper="江州時報", issue_date="2024-05-06")


def test_a_term_finds_pages_printed_in_either_script(archive):
    """Search compares simplified characters: "新质生产力" finds the page
    printed "新質生產力", "發佈" finds "发布" pages, and the snippet shows
    the page's own characters."""
    archive.index_issue(traditional_issue())
    assert search(archive, SearchQuery("新质生产力")).total == 5
    assert search(archive, SearchQuery("新質生產力")).total == 5
    hit = next(h for h in search(archive, SearchQuery("发布 行动计划")).hits)
    assert hit.title == "江州發佈新質生產力行動計劃"
    assert [text for text, match in hit.snippet if match] == ["發佈", "行動計劃"]
