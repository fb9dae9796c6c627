"""Word-break detection across line ends."""

from __future__ import annotations

import numpy as np
import pytest

from jianbao.lexicon import breaks_word, opens_with_verb, short_verbs, short_words


def test_the_word_list_has_common_words_only_of_two_to_four_characters() -> None:
    words = short_words()
    assert {"科学", "决策", "农村", "收割"} <= words
    assert all(2 <= len(w) <= 4 for w in words)
    assert short_words() is words  # cached


@pytest.mark.parametrize(
    ("left", "right"),
    [("江州碳素科", "学园区正式开园"), ("江州市农业农", "村局负责人"), ("十多台收", "割机来回穿梭")],
)
def test_a_break_inside_a_word(left: str, right: str) -> None:
    assert breaks_word(left, right)


@pytest.mark.parametrize(("left", "right"), [("大桥合龙。", "“今天"), ("", "学决策"), ("科", ""), ("  ", "  ")])
def test_a_break_between_words_or_at_nothing(left: str, right: str) -> None:
    assert not breaks_word(left, right)


def test_surrounding_spaces_do_not_hide_a_broken_word() -> None:
    assert breaks_word("江州炭素科 ", " 学决策")


def test_the_word_list_is_cached_on_disk(tmp_path, monkeypatch) -> None:
    from jianbao import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.short_words.cache_clear()
    try:
        words = lexicon.short_words()
        cached = list((tmp_path / "jianbao").glob("words-*.txt"))
        assert len(cached) == 1
        lexicon.short_words.cache_clear()
        assert lexicon.short_words() == words
    finally:
        lexicon.short_words.cache_clear()


def test_word_probabilities_are_cached_on_disk_and_read_back_the_same(tmp_path, monkeypatch) -> None:
    from jianbao import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.word_log_probabilities.cache_clear()
    try:
        keys, logp, unknown = lexicon.word_log_probabilities()
        assert len(list((tmp_path / "jianbao").glob("logprob-*.npy"))) == 2
        lexicon.word_log_probabilities.cache_clear()
        again = lexicon.word_log_probabilities()
        assert (again[0] == keys).all() and (again[1] == logp).all() and again[2] == unknown
    finally:
        lexicon.word_log_probabilities.cache_clear()


def test_word_probabilities_are_sorted_and_common_words_likelier() -> None:
    from jianbao.lexicon import word_key, word_log_probabilities

    keys, logp, unknown = word_log_probabilities()
    assert (keys[1:] > keys[:-1]).all()
    assert word_log_probabilities()[0] is keys  # cached
    at = {w: float(logp[np.searchsorted(keys, np.uint64(word_key(w)))]) for w in ("农村", "的", "收割")}
    assert at["的"] > at["农村"] > unknown
    assert all(p <= 0 for p in at.values())


def test_a_text_opens_with_a_verb_when_its_longest_first_word_is_one() -> None:
    assert {"推进", "结束"} <= short_verbs() <= short_words()
    assert opens_with_verb("推进老城改造")
    assert not opens_with_verb("老城改造全面推进")
    assert not opens_with_verb("江州市长出席")
