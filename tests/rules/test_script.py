"""Rules read in traditional characters as well as simplified ones."""

from __future__ import annotations

import re

import pytest

from jianbao import rules
from jianbao.lexicon import breaks_word
from jianbao.rules.script import compile_rule, either_script, simplified, traditional_forms


@pytest.mark.parametrize(
    ("pattern", "rewritten"),
    [
        ("本报讯", "本报讯|本報訊"),
        ("x本报", "x(?:本报|本報)"),
        ("(?:本报|新华社)记者", "(?:本报|本報|新华社|新華社)(?:记者|記者)"),
        ("[记通]者", "[记記通]者"),
        ("摄影?", "[摄攝]影?"),
        ("[一-九]", "[一-九]"),
        (r"\d日?$", r"\d日?$"),
        ("(?<!的)讲话", "(?<!的)(?:讲话|講話)"),
        ("江州", "江州"),
    ],
)
def test_each_run_of_han_characters_also_reads_in_traditional_characters(pattern: str, rewritten: str) -> None:
    """A run becomes an alternation of its forms (a whole branch joins the
    alternation it is in), a class takes the forms of its characters, and
    ranges, escapes, quantifiers and characters with one form stay."""
    assert either_script(pattern) == rewritten
    re.compile(rewritten)


@pytest.mark.parametrize(
    ("rule", "printed"),
    [
        ("DATELINE", "本報訊（記者 江小舟）"),
        ("DATELINE", "新華社北京10月1日電 江州大橋今天通車"),
        ("BYLINE", "本報記者 江小舟"),
        ("JUMP_TO_TOKEN", "（下轉第4版）"),
        ("JUMP_FROM_TOKEN", "（上接第1版）"),
        ("PHOTO_CREDIT", "本報記者 江小舟 攝"),
    ],
)
def test_newspaper_conventions_printed_in_traditional_characters(rule: str, printed: str) -> None:
    assert getattr(rules, rule).search(printed)


def test_a_role_printed_in_traditional_characters_names_the_same_role() -> None:
    assert rules.role_name("本報記者") == "记者"
    assert rules.role_name("本報特約通訊員") == "特约通讯员"


def test_traditional_forms_and_back() -> None:
    assert traditional_forms(["党建", "江州"]) == [("黨建",), ()]
    assert simplified("本報記者") == "本报记者"
    assert compile_rule("发布").search("正式發佈")


def test_a_word_runs_across_a_break_in_traditional_characters() -> None:
    """The dictionary holds each word's traditional forms too."""
    assert breaks_word("江州老街社區抓好黨", "建促進鄰里和睦")
    assert breaks_word("江州老街社区抓好党", "建促进邻里和睦")


def test_the_examples_in_the_module_hold() -> None:
    import doctest

    import jianbao.rules.script

    assert doctest.testmod(jianbao.rules.script).failed == 0


def test_short_conversions_are_kept_on_disk_for_the_next_run(tmp_path, monkeypatch) -> None:
    """Setting OpenCC up costs more than a page: a short text converted
    once is read back from the cache, not converted again."""
    from jianbao.rules import script

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    script._stored_conversions.cache_clear()
    try:
        assert script._convert("江州报社记者", "s2t") == "江州報社記者"
        script._store_conversions()
        script._stored_conversions.cache_clear()
        monkeypatch.setattr(script, "_converter", lambda config: pytest.fail("converted again"))
        assert script._convert("江州报社记者", "s2t") == "江州報社記者"
    finally:
        script._stored_conversions.cache_clear()


def test_an_unreadable_conversion_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    from jianbao.rules import script

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    script._stored_conversions.cache_clear()
    try:
        path = script._conversions_path()
        path.parent.mkdir(parents=True)
        path.write_bytes(b"not json \xff")
        assert script._convert("江州报社", "s2t") == "江州報社"
    finally:
        script._stored_conversions.cache_clear()
