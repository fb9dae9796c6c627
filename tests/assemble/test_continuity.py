"""Graded evidence that a text runs on across a line break."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jianbao.assemble.continuity import (
    best_prefixes,
    best_suffixes,
    gain_across,
    head_codes,
    join_gains,
    may_join,
    tail_codes,
)
from jianbao.lexicon import word_key, word_log_probabilities


def gains(lefts: list[str], rights: list[str]) -> np.ndarray:
    """Gain of every left line read on into every right line."""
    j = np.broadcast_to(np.arange(len(rights)), (len(lefts), len(rights)))
    return join_gains(tail_codes(lefts), head_codes(rights), j)


def logp(word: str) -> float:
    keys, values, _ = word_log_probabilities()
    pos = int(np.searchsorted(keys, np.uint64(word_key(word))))
    assert keys[pos] == word_key(word)
    return float(values[pos])


def test_a_word_of_rare_characters_across_the_break_counts_more_than_a_common_pair() -> None:
    g = gains(["江州女排的姑娘们永不言"], ["败的拼劲赢得喝彩", "中了对手的软肋"])
    assert g[0, 0] > 5.0
    assert g[0, 0] > 4 * g[0, 1]


def test_nothing_runs_on_after_a_sentence_end_or_into_a_mark() -> None:
    g = gains(["大桥今天合龙。", "乡亲们都说"], ["“今天真高兴", "，大家都来了"])
    assert g[0, 0] == 0.0
    assert g[1, 1] == 0.0


def test_a_word_split_over_the_break_gains_what_it_is_likelier_joined() -> None:
    # "收割" runs across: the gain is log P(收割) less the two characters apart.
    g = gains(["十多台收"], ["割机来回穿梭"])
    assert g[0, 0] > 0.0
    assert g[0, 0] >= logp("收割") - logp("收") - logp("割") - 1e-9


def test_gains_are_never_negative_and_follow_the_pairs_asked_for() -> None:
    lefts = ["江州市农业农", "好", "他说"]
    rights = ["村局负责人", "话", "。", "人"]
    j = np.array([[0, 1], [2, 3], [1, 0]])
    g = join_gains(tail_codes(lefts), head_codes(rights), j)
    assert g.shape == j.shape
    assert (g >= 0).all()
    assert g[0, 0] > 0.0  # 农村
    assert g[1, 0] == 0.0  # nothing runs into a mark


def test_short_lines_are_padded_and_padding_costs_nothing() -> None:
    tails = tail_codes(["农村"])
    assert tails[0, :2].tolist() == [0, 0]
    best = best_prefixes(tails)
    assert best[0, 2] == 0.0  # padding only
    assert best[0, 4] == pytest.approx(logp("农村"))
    heads = head_codes(["农村"])
    assert best_suffixes(heads)[0, 0] == pytest.approx(logp("农村"))


def test_pairs_that_never_meet_inside_a_word_are_ruled_out_quickly() -> None:
    def codes(text: str) -> np.ndarray:
        return np.array([ord(c) for c in text], dtype=np.uint64)

    assert may_join(codes("农"), codes("村")).all()
    assert not may_join(codes("。"), codes("今")).any()
    assert not may_join(np.zeros(1, dtype=np.uint64), codes("村")).any()


def test_a_word_across_one_break_gains_only_where_it_reads_better_than_the_words_beside_it() -> None:
    assert gain_across("宣布艺术节开", "幕式") > 0
    assert gain_across("主任会议", "决定将") == 0.0


# Characters of common words, a rare one, one beyond the Basic Multilingual
# Plane, a Latin letter and marks: breaks inside words and between them.
_LETTERS = "宣布艺术节开幕式主任会议决定将江州碳素科学园区正式永不言败的了，。“”𠀀a1"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=6), st.text(alphabet=_LETTERS, max_size=6))
def test_one_break_gains_exactly_what_the_array_code_gives(tail: str, head: str) -> None:
    """gain_across works one break out in plain Python; it must give the
    array code's figure to the last bit, or paragraphs would move."""
    expected = float(gains([tail], [head])[0, 0])
    assert gain_across.__wrapped__(tail, head) == expected
