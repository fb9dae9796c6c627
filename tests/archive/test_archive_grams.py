import pytest

from jianbao.archive.grams import (
    QueryError,
    fts_expression,
    gram_tokens,
    search_text,
    short_terms,
    split_terms,
)
from jianbao.model import Article, Caption, Credit


def test_gram_tokens_are_characters_and_adjacent_pairs_within_runs():
    assert gram_tokens("中国 人民").split() == ["中", "国", "中国", "人", "民", "人民"]


def test_gram_tokens_lower_case_latin_and_keep_punctuation():
    assert set(gram_tokens("5G，").split()).issuperset({"5g", "g，", "，"})


def test_split_terms_drops_control_characters_and_duplicates():
    assert split_terms(" 中国\x00 人民  中国 ") == ["中国", "人民"]


def test_split_terms_bounds_number_and_length():
    with pytest.raises(QueryError):
        split_terms(" ".join(f"词{i}" for i in range(9)))
    with pytest.raises(QueryError):
        split_terms("长" * 65)


def test_fts_expression_quotes_user_text_as_a_literal():
    assert fts_expression(['a"b', "NEAR("]) == '"a""b" AND "NEAR("'
    assert fts_expression(["银行"], "title_text") == '{title_text} : "银行"'


def test_short_terms_are_the_ones_trigrams_cannot_match():
    assert short_terms(["银", "银行", "人民银行", "GDP"]) == ["银", "银行"]


def test_search_text_covers_headline_body_captions_and_credits():
    art = Article(id="a", kicker="引", title="主", subtitle="副", body=["正文"], byline="本报记者 甲",
                  captions=[Caption("说明", "乙摄")], credits=[Credit("记者", "甲")])
    text = search_text(art)
    assert text.title_text == "引\n主\n副"
    assert text.body_text == "正文\n说明"
    assert "乙摄" in text.meta_text and "本报记者甲" in text.meta_text


def test_search_text_reads_across_the_spaces_a_paper_sets_between_words():
    art = Article(id="a", title="江州大桥 今日通车", body=["新华社江州10月8日电 （记者 王芳）大桥通车。"], byline="本报记者 林 风")
    text = search_text(art)
    assert text.title_text == "江州大桥今日通车"
    assert text.body_text == "新华社江州10月8日电（记者王芳）大桥通车。"
    assert text.meta_text == "本报记者林风"
