"""Radical code points some PDF fonts emit for ordinary characters."""

from __future__ import annotations

import unicodedata

from jianbao.readers.radicals import fold_radicals, radical_table


def test_radicals_read_as_the_characters_they_print() -> None:
    assert fold_radicals("⼈⺠⽇报记者 ⻓江⻔") == "人民日报记者 长江门"


def test_text_without_radicals_is_returned_as_it_is() -> None:
    text = "江州日报记者 王小明"
    assert fold_radicals(text) is text


def test_every_kangxi_radical_folds_as_unicode_decomposes_it() -> None:
    """The Kangxi block's equivalents agree with its compatibility
    decompositions (NFKC), a second source for the same table."""
    table = radical_table()
    assert all(table[cp] == unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6))


def test_the_simplified_radical_forms_fold_to_simplified_characters() -> None:
    assert fold_radicals("⻓⻔⻛⻜⻢⻥⻦⻩⻬⻮⻰⻳") == "长门风飞马鱼鸟黄齐齿龙龟"


def test_radicals_without_an_equivalent_are_kept() -> None:
    """U+2E80 CJK RADICAL REPEAT has no equivalent ideograph."""
    assert fold_radicals("\u2e80") == "\u2e80"
