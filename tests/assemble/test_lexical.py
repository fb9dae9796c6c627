"""Shared vocabulary between headlines and texts: character grams weighted
by how few of the page's text units use them."""

from __future__ import annotations

import pytest

from jianbao.assemble.lexical import Vocabulary, grams

# Three invented text units of one page; each names 江州 and 发展.
BRIDGE = "江州大桥今天建成通车，发展提速。"
HARVEST = "江州秋粮喜获丰收，发展农业。"
SCHOOL = "江州新建三所学校，发展教育。"


@pytest.fixture()
def vocab() -> Vocabulary:
    return Vocabulary(grams(t) for t in (BRIDGE, HARVEST, SCHOOL))


# --- grams ------------------------------------------------------------------------------


def test_grams_are_the_characters_and_bigrams_of_a_text() -> None:
    assert grams("大桥通车") == {"大", "桥", "通", "车", "大桥", "桥通", "通车"}


def test_no_bigram_spans_punctuation_or_a_space() -> None:
    found = grams("江州，大桥 通车")
    assert "州大" not in found and "桥通" not in found
    assert {"江州", "大桥", "通车"} <= found


def test_punctuation_is_no_gram() -> None:
    assert grams("，。“”") == set()


# --- weights ----------------------------------------------------------------------------


def test_a_gram_every_unit_uses_weighs_less_than_one_only_one_uses(vocab: Vocabulary) -> None:
    assert vocab.weight("发展") < vocab.weight("大桥")


def test_a_bigram_weighs_four_times_a_character_as_common(vocab: Vocabulary) -> None:
    # 大桥 and 桥 are both found in one unit only.
    assert vocab.weight("大桥") == pytest.approx(4 * vocab.weight("桥"))


def test_a_gram_only_in_a_headline_is_weighed_without_being_added(vocab: Vocabulary) -> None:
    assert vocab.weight("隧道") > vocab.weight("发展")
    assert "隧道" not in vocab.weights and "隧道" not in vocab.df


def test_a_gram_only_in_a_headline_outweighs_a_gram_found_in_one_unit(vocab: Vocabulary) -> None:
    assert vocab.weight("隧道") > vocab.weight("大桥")


def test_an_empty_page_still_has_a_vocabulary() -> None:
    empty = Vocabulary([])
    assert empty.n == 1 and empty.weight("大桥") > 0


# --- similarity -------------------------------------------------------------------------


def test_a_headline_is_most_similar_to_its_own_text(vocab: Vocabulary) -> None:
    headline = grams("江州大桥通车")
    own = vocab.similarity(headline, grams(BRIDGE))
    other = vocab.similarity(headline, grams(HARVEST))
    assert own > 0.5 > other


def test_a_headline_found_whole_in_a_text_has_similarity_one(vocab: Vocabulary) -> None:
    assert vocab.similarity(grams("建成通车"), grams(BRIDGE)) == pytest.approx(1.0)


def test_an_empty_headline_is_similar_to_nothing(vocab: Vocabulary) -> None:
    assert vocab.similarity(set(), grams(BRIDGE)) == 0.0


def test_similarity_is_a_share_of_the_headline_not_of_the_text(vocab: Vocabulary) -> None:
    """A long text that contains the headline is as similar as a short one."""
    headline = grams("建成通车")
    assert vocab.similarity(headline, grams(BRIDGE + HARVEST + SCHOOL)) == pytest.approx(1.0)


# --- overlap ----------------------------------------------------------------------------


def test_overlap_is_relative_to_the_smaller_text(vocab: Vocabulary) -> None:
    assert vocab.overlap(grams("建成通车"), grams(BRIDGE)) == pytest.approx(1.0)
    assert vocab.overlap(grams(BRIDGE), grams("建成通车")) == pytest.approx(1.0)


def test_texts_about_different_things_overlap_little(vocab: Vocabulary) -> None:
    assert vocab.overlap(grams(BRIDGE), grams(HARVEST)) < 0.2


def test_overlap_with_an_empty_text_is_zero(vocab: Vocabulary) -> None:
    assert vocab.overlap(set(), grams(BRIDGE)) == 0.0


def test_overlap_uses_totals_given_by_the_caller(vocab: Vocabulary) -> None:
    a, b = grams("建成通车"), grams(BRIDGE)
    assert vocab.overlap(a, b, total_a=2 * vocab.total(a)) == pytest.approx(vocab.overlap(a, b) / 2)


def test_total_adds_the_weights_of_grams(vocab: Vocabulary) -> None:
    assert vocab.total({"大桥", "发展"}) == pytest.approx(vocab.weight("大桥") + vocab.weight("发展"))


# --- bit sets -----------------------------------------------------------------------------


def test_a_bit_set_weighs_exactly_what_its_grams_weigh(vocab: Vocabulary) -> None:
    for text in (BRIDGE, HARVEST + SCHOOL, "江州", BRIDGE + HARVEST + SCHOOL):
        assert vocab.bits_total(vocab.bits(grams(text))) == vocab.total(grams(text))


def test_bit_sets_combine_like_gram_sets(vocab: Vocabulary) -> None:
    a, b = grams(BRIDGE), grams(HARVEST)
    assert vocab.bits(a) | vocab.bits(b) == vocab.bits(a | b)
    assert vocab.bits(a) & vocab.bits(b) == vocab.bits(a & b)
    assert vocab.bits_overlap(vocab.bits(a), vocab.bits(b)) == vocab.overlap(a, b)
    assert vocab.bits_overlap(0, vocab.bits(b)) == 0.0


def test_grams_never_seen_on_the_page_have_no_bit(vocab: Vocabulary) -> None:
    assert vocab.bits(grams("湖城地铁")) == 0
    assert vocab.bits(grams("湖城大桥")) == vocab.bits({"大", "桥", "大桥"})


def test_similarity_with_a_bit_set_is_similarity_with_its_grams(vocab: Vocabulary) -> None:
    headline = grams("江州大桥建成")
    assert vocab.bits_similarity(headline, vocab.bits(grams(BRIDGE))) == vocab.similarity(headline, grams(BRIDGE))
    assert vocab.bits_similarity(set(), vocab.bits(grams(BRIDGE))) == 0.0
