"""Normalisation: faux-bold undoubling, spacing, joining, widths."""

from __future__ import annotations

import pytest

import dataclasses

from jianbao.model import Line
from jianbao.normalize import (
    FULL_PUNCT,
    SQUEEZED_PUNCT,
    char_width,
    clean_spaces,
    close_letter_spacing,
    collapse_faux_bold,
    join_lines,
    merge_offset_copies,
    printed_spacing,
    punctuation_model,
    split_joined_copies,
    undouble_line,
    undouble_with_copy_above,
    undouble_token,
    visible_len,
    width,
    widths_under_model,
)


def lines(*texts: str) -> list[Line]:
    return [Line(text=t, index=k) for k, t in enumerate(texts, start=1)]


# --- faux bold --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "single"),
    [
        ("冯静宁冯静宁", "冯静宁"),
        ("本报记者本报记者", "本报记者"),
        ("本本报报记记者者", "本报记者"),  # each glyph printed twice
        ("王王小小明明", "王小明"),
    ],
)
def test_doubled_tokens_are_undoubled(token: str, single: str) -> None:
    assert undouble_token(token) == single


@pytest.mark.parametrize(
    "token",
    [
        "谢谢",
        "一件件",
        "看看看看",
        "谢谢谢谢",
        "哈哈哈",
        "江州日报",
        "明明白白",  # AABB reduplication, not glyphs printed twice
    ],
)
def test_genuine_repeats_are_left_alone(token: str) -> None:
    assert undouble_token(token) is None


def test_a_doubled_byline_line_is_undoubled_with_its_space() -> None:
    assert undouble_line("本报记者本报记者 冯静宁冯静宁") == ("本报记者 冯静宁", "本报记者冯静宁")


def test_a_token_doubled_glyph_by_glyph_is_undoubled_among_plain_ones() -> None:
    assert undouble_line("本报记者 周周海海、、林林小小雨雨") == ("本报记者 周海、林小雨", "周海、林小雨")
    kept, bold, removed = collapse_faux_bold(lines("本报记者 周周海海、、林林小小雨雨", "稻浪翻滚。"))
    assert [line.text for line in kept] == ["本报记者 周海、林小雨", "稻浪翻滚。"]
    assert kept[0].bold and removed == ["周海、林小雨"]


def test_a_line_printed_twice_with_the_copy_run_on_is_undoubled() -> None:
    assert undouble_line("本报记者 王小明本报记者 王小明") == ("本报记者 王小明", "本报记者王小明")
    assert undouble_line("新华社记者 江小舟 摄 新华社记者 江小舟 摄") == ("新华社记者 江小舟 摄", "新华社记者江小舟摄")
    kept, bold, removed = collapse_faux_bold(lines("本报记者  王小明本报记者  王小明", "稻浪翻滚。"))
    assert [line.text for line in kept] == ["本报记者 王小明", "稻浪翻滚。"]
    assert kept[0].bold and removed == ["本报记者王小明"]


@pytest.mark.parametrize("text", ["一件件产品", "看看看看再说", "谢谢 大家", "大家要研究研究 这件事", "高高兴兴 明明白白", "加油 加油", ""])
def test_lines_with_some_plain_tokens_are_not_undoubled(text: str) -> None:
    assert undouble_line(text) is None


def test_a_phrase_printed_twice_beside_plain_text_is_undoubled() -> None:
    """A bold headline printed twice on the baseline of the text beside it:
    text repeats a short word ("研究研究"), never a phrase."""
    assert undouble_line("江州大桥通车江州大桥通车 本报讯 今天") == ("江州大桥通车 本报讯 今天", "江州大桥通车")
    assert undouble_line("本报记者本报记者 冯静宁") == ("本报记者 冯静宁", "本报记者")


def test_a_headline_of_several_words_printed_twice_beside_text_is_undoubled() -> None:
    """The copy run on to the original, then the text on its baseline."""
    assert undouble_line("江州 大桥通车江州 大桥通车 本报讯 今天") == ("江州 大桥通车 本报讯 今天", "江州大桥通车")


def test_a_headline_doubled_glyph_by_glyph_beside_a_plain_one_is_a_box_of_its_own() -> None:
    """A row printed across the page: a bold headline, each glyph printed
    twice, beside the plain headline of the next article.  The bold one
    comes apart from the plain one, as its own line; names doubled after a
    plain role word stay one byline."""
    kept, bold, removed = collapse_faux_bold(lines("江江州州大大桥桥通通车车 稻花飘香 江村丰收", "稻浪翻滚。"))
    assert [(line.text, line.bold) for line in kept] == [("江州大桥通车", True), ("稻花飘香 江村丰收", False), ("稻浪翻滚。", False)]
    assert removed == ["江州大桥通车"]
    kept, _bold, _removed = collapse_faux_bold(lines("本报记者 周周海海林林小小雨雨", "稻浪翻滚。"))
    assert [line.text for line in kept] == ["本报记者 周海林小雨", "稻浪翻滚。"]


def test_the_doubled_end_of_a_bold_tag_beside_text_is_cut_from_the_text() -> None:
    """A bold headline wrapped inside its column tag, the wrap printed twice
    on the baseline of the text beside it (pdf.js joins them)."""
    kept, bold, removed = collapse_faux_bold(lines("老街的新生（江州论老街的新生（江州论", "坛）坛） 1月12日，是", "江州的大集日子。"))
    assert [(line.text, line.bold) for line in kept] == [
        ("老街的新生（江州论", True),
        ("坛）", True),
        ("1月12日，是", False),
        ("江州的大集日子。", False),
    ]
    assert removed == ["老街的新生（江州论", "坛）"]


def test_the_doubled_end_of_a_bold_line_beside_the_next_bold_headline_is_undoubled() -> None:
    """"信信" before a headline printed twice is the wrapped last character of
    the bold line above; beside plain text it is a word ("谢谢 大家")."""
    assert undouble_line("信信 江州大桥通车江州大桥通车") == ("信 江州大桥通车", "信江州大桥通车")
    assert undouble_line("谢谢 大家") is None


def test_the_wrapped_end_of_a_headline_printed_twice_on_one_line_is_undoubled() -> None:
    """The headline's line printed twice over, then its last character,
    wrapped onto a line of its own, printed twice too."""
    kept, _bold, removed = collapse_faux_bold(lines("江州市长同省长通电江州市长同省长通电", "话话", "谢谢大家。"))
    assert [line.text for line in kept] == ["江州市长同省长通电", "话", "谢谢大家。"]
    assert removed == ["江州市长同省长通电", "话"]


def test_collapse_removes_doubled_tokens_and_records_the_copy() -> None:
    kept, bold, removed = collapse_faux_bold(lines("本报记者本报记者 冯静宁冯静宁", "正文一件件产品。"))
    assert [line.text for line in kept] == ["本报记者 冯静宁", "正文一件件产品。"]
    assert [line.text for line in bold] == ["本报记者 冯静宁"]
    assert removed == ["本报记者冯静宁"]
    assert kept[0].bold and not kept[1].bold
    assert [line.index for line in kept] == [1, 2]


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        ("江州大桥 江州大桥今日通车", "江州大桥今日通车", "江州大桥"),  # the copy restarts the line
        ("江州大桥今日通车 今日通车", "江州大桥今日通车", "今日通车"),  # the copy catches up with its end
        ("江州大桥今日 州大桥今日通车", "江州大桥今日通车", "州大桥今日"),  # the copy picks up a few characters in
        ("江州市人民代表大会 州市人民代表大会常务委员会", "江州市人民代表大会常务委员会", "州市人民代表大会"),
    ],
)
def test_an_offset_faux_bold_copy_merged_into_its_line_is_removed(text: str, kept: str, removed: str) -> None:
    assert merge_offset_copies(text) == (kept, removed)


@pytest.mark.parametrize(
    "text",
    [
        "我为家乡自豪 我为家乡祝福",  # parallel phrases share a start, not an overlap
        "本报记者 王小明",
        "江州大桥今日通车",
        "农业农村 村民",  # a short coincidence is not a copy
        "人民日报 2019年10月1日 星期二",
    ],
)
def test_text_that_does_not_repeat_itself_across_a_gap_is_left_alone(text: str) -> None:
    assert merge_offset_copies(text) is None


def test_collapse_merges_an_offset_copy_and_marks_the_line_bold() -> None:
    kept, bold, removed = collapse_faux_bold(lines("江州大桥今日 州大桥今日通车", "大桥全长三千米。"))
    assert [line.text for line in kept] == ["江州大桥今日通车", "大桥全长三千米。"]
    assert [line.text for line in bold] == ["江州大桥今日通车"]
    assert removed == ["州大桥今日"]


def test_a_byline_whose_names_copy_is_printed_above_it_is_one_byline() -> None:
    kept, bold, removed = collapse_faux_bold(lines("江州晚报讯", "王小明、李明", "本报记者本报记者 王小明、李明", "大桥全长三千米。"))
    assert [line.text for line in kept] == ["江州晚报讯", "本报记者 王小明、李明", "大桥全长三千米。"]
    assert [line.index for line in kept] == [1, 3, 4]
    assert [line.text for line in bold] == ["本报记者 王小明、李明"]
    assert removed == ["本报记者王小明、李明"]


@pytest.mark.parametrize(
    ("above", "text"),
    [
        ("王小明", "本报记者本报记者 王小明、李明"),  # the line above is not the rest of the line
        ("王小明、李明", "本报记者 王小明、李明"),  # nothing on the line is doubled
        ("王小明", "本报记者本报记者 王小明王小明"),  # everything is doubled: an ordinary doubled line
    ],
)
def test_a_line_above_that_is_not_the_missing_copy_is_kept(above: str, text: str) -> None:
    assert undouble_with_copy_above(above, text) is None


def test_the_wrapped_last_character_of_a_bold_headline_printed_twice_is_undoubled() -> None:
    kept, bold, removed = collapse_faux_bold(lines("江州大桥今日建成通", "江州大桥今日建成通", "车车", "大桥全长三千米。"))
    assert [line.text for line in kept] == ["江州大桥今日建成通", "车", "大桥全长三千米。"]
    assert [line.text for line in bold] == ["江州大桥今日建成通", "车"]
    assert sorted(removed) == sorted(["江州大桥今日建成通", "车"])


def test_a_reduplicated_word_on_a_plain_line_stays() -> None:
    kept, _bold, removed = collapse_faux_bold(lines("他向大家说了声", "谢谢", "……"))
    assert [line.text for line in kept] == ["他向大家说了声", "谢谢", "……"]
    assert removed == []


def test_a_bold_copy_printed_joined_to_the_dateline_beside_it_is_cut_off_and_collapsed() -> None:
    kept, bold, removed = collapse_faux_bold(lines("江州大桥今日通车", "江州大桥今日通车 本报江州5月2日电 （记者", "王平）今天上午，大桥通车。"))
    assert [line.text for line in kept] == ["江州大桥今日通车", "本报江州5月2日电 （记者", "王平）今天上午，大桥通车。"]
    assert [line.text for line in bold] == ["江州大桥今日通车"]
    assert removed == ["江州大桥今日通车"]
    assert [line.index for line in kept] == [1, 2, 3]


def test_a_byline_printed_with_its_two_copies_staggered_is_one_bold_byline() -> None:
    kept, bold, removed = collapse_faux_bold(lines("记者", "记者 周海、林小雨", "周海、林小雨", "稻浪翻滚。"))
    assert [line.text for line in kept] == ["记者", "周海、林小雨", "稻浪翻滚。"]
    assert [line.text for line in bold] == ["记者", "周海、林小雨"]
    assert "".join(removed) == "记者周海、林小雨"


def test_a_bold_copy_printed_joined_to_the_headline_on_its_left_is_cut_off_and_collapsed() -> None:
    kept, bold, removed = collapse_faux_bold(lines("江州大桥今日通车 稻谷丰收", "稻谷丰收", "今年秋粮喜获丰收。"))
    assert [line.text for line in kept] == ["江州大桥今日通车", "稻谷丰收", "今年秋粮喜获丰收。"]
    assert [line.text for line in bold] == ["稻谷丰收"]
    assert removed == ["稻谷丰收"]


def test_a_line_that_merely_starts_like_the_one_above_is_not_cut() -> None:
    source = lines("江州", "江州大桥今日通车", "好", "好 大家都来了", "来了 好", "好")
    assert split_joined_copies(source) == source


def test_collapse_removes_consecutive_doubled_lines() -> None:
    kept, bold, removed = collapse_faux_bold(
        lines("江州稻田开镰收割", "江州稻田开镰收割", "王小明", "王小明", "正文。")
    )
    assert [line.text for line in kept] == ["江州稻田开镰收割", "王小明", "正文。"]
    assert [line.index for line in kept] == [1, 3, 5]
    assert removed == ["江州稻田开镰收割", "王小明"]
    assert len(bold) == 2


def test_collapse_removes_a_two_line_headline_printed_twice() -> None:
    kept, _bold, removed = collapse_faux_bold(lines("江州稻田开镰收割", "秋收进度加快三成", "江州稻田开镰收割", "秋收进度加快三成"))
    assert [line.text for line in kept] == ["江州稻田开镰收割", "秋收进度加快三成"]
    assert removed == ["江州稻田开镰收割", "秋收进度加快三成"]


def test_short_genuine_repeated_lines_are_kept() -> None:
    kept, bold, removed = collapse_faux_bold(lines("好！", "好！"))
    assert [line.text for line in kept] == ["好！", "好！"]
    assert bold == [] and removed == []


def test_collapse_leaves_the_reader_lines_untouched() -> None:
    source = lines("本报记者本报记者 冯静宁冯静宁")
    kept, _bold, _removed = collapse_faux_bold(source)
    assert source[0].text == "本报记者本报记者 冯静宁冯静宁" and not source[0].bold
    assert kept[0] is not source[0]


def test_collapse_copies_every_other_field_of_a_line() -> None:
    source = Line(
        text="长江大桥合龙长江大桥合龙", index=7, page=3, bbox=(1, 2, 3, 4), size=9.5, font="宋体", conf=0.9, blank_before=True, label="x", hint="head"
    )
    kept, _bold, _removed = collapse_faux_bold([source])
    for f in dataclasses.fields(Line):
        if f.name not in ("text", "bold"):
            assert getattr(kept[0], f.name) == getattr(source, f.name), f.name
    assert kept[0].text == "长江大桥合龙" and kept[0].bold


def test_collapse_twice_changes_nothing_more() -> None:
    source = lines("本报记者本报记者 冯静宁冯静宁", "标题一行标题", "标题一行标题", "正文一件件产品，谢谢。")
    once, _b, _r = collapse_faux_bold(source)
    twice, _b2, removed = collapse_faux_bold(once)
    assert [line.text for line in twice] == [line.text for line in once]
    assert removed == []


def test_collapse_conserves_characters() -> None:
    source = lines("本报记者本报记者 冯静宁冯静宁", "江州稻田开镰收割", "江州稻田开镰收割", "正文。")
    kept, _bold, removed = collapse_faux_bold(source)
    printed = sorted("".join("".join(line.text.split()) for line in source))
    placed = sorted("".join("".join(t.split()) for t in [*(line.text for line in kept), *removed]))
    assert placed == printed


# --- spaces and joining -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("20 世纪 50 年代", "20世纪50年代"),
        ("本报讯 （记者 刘吟）", "本报讯（记者刘吟）"),
        ("DI YI SHI XIAN", "DI YI SHI XIAN"),
        ("  DI   YI  ", "DI YI"),
        ("江 州", "江州"),
        ("Belt and Road 倡议", "Belt and Road倡议"),
        ("5G 网络", "5G网络"),
        ("", ""),
    ],
)
def test_clean_spaces(raw: str, clean: str) -> None:
    assert clean_spaces(raw) == clean


@pytest.mark.parametrize("raw", ["20 世纪 50 年代", "DI  YI SHI XIAN", " 本报讯 （记者 刘吟） ", "a b 中 c"])
def test_clean_spaces_is_idempotent(raw: str) -> None:
    once = clean_spaces(raw)
    assert clean_spaces(once) == once


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("江城迎新春 灯火映古街", "江城迎新春 灯火映古街"),  # a headline's two phrases
        ("本报江州10月8日电 （记者 王芳）", "本报江州10月8日电 （记者 王芳）"),  # after the dateline, before the name
        ("■ 要抓好秋粮收购", "■ 要抓好秋粮收购"),  # a bullet
        ("■ 70年来，江州", "■ 70年来，江州"),
        ("新华社江州10月8日电 10月8日，江州", "新华社江州10月8日电 10月8日，江州"),  # after a dateline
        ("统筹：黄 超", "统筹：黄 超"),  # a two-character name set the width of three
        ("20 世纪 50 年代", "20世纪50年代"),  # extraction spaces around digits
        ("（ 记者 王芳 ）， 江州", "（记者 王芳），江州"),  # inside brackets, before a mark
        ("江 州 大 桥  建 成 通 车", "江州大桥 建成通车"),  # letter-spaced
        ("Belt and Road 倡议", "Belt and Road倡议"),
        ("老街焕新颜  古巷留乡愁", "老街焕新颜 古巷留乡愁"),
    ],
)
def test_printed_spacing_keeps_the_papers_own_spaces(raw: str, printed: str) -> None:
    assert printed_spacing(raw) == printed
    assert printed_spacing(printed) == printed


def test_join_lines_runs_cjk_together_and_spaces_latin_words() -> None:
    assert join_lines(["市农业农村局负责人表", "示，下一步将加快建设"]) == "市农业农村局负责人表示，下一步将加快建设"
    assert join_lines(["Belt and", "Road"]) == "Belt and Road"
    assert join_lines(["well-", "known"]) == "well-known"
    assert join_lines(["甲 乙", "", "  ", "丙"]) == "甲 乙丙"
    assert join_lines(["20 世纪 50 年代， 江州", "老街"]) == "20世纪50年代，江州老街"
    assert join_lines(["新华社江州10月8日电", "（记者王芳）江州大桥"]) == "新华社江州10月8日电 （记者王芳）江州大桥"
    assert join_lines([]) == ""


# --- widths ---------------------------------------------------------------------------


def test_char_widths() -> None:
    assert char_width("江") == 1.0
    assert char_width("a") == 0.5 and char_width("5") == 0.5
    assert char_width("“") == 0.5 and char_width("”") == 0.5
    assert char_width("，") == 1.0
    assert char_width("，", 0.5) == 0.5
    assert char_width("Ａ") == 1.0  # full-width Latin


def test_width_models() -> None:
    assert width("江州日报") == 4.0
    assert width("江 州 日 报") == 4.0  # spaces are extraction artefacts
    assert width("2024年") == 3.0
    # Full-width punctuation: a mark ending the line hangs into the margin.
    assert width("江州，", FULL_PUNCT) == 2.5
    assert width("江，州", FULL_PUNCT) == 3.0
    assert width("江州，", SQUEEZED_PUNCT) == 2.5
    assert width("江，州", SQUEEZED_PUNCT) == 2.5
    assert width("") == 0.0


def test_punctuation_model_is_the_one_that_makes_full_lines_alike() -> None:
    # Ten ems each when every mark is a full em ...
    full = ["甲乙丙丁，戊己庚辛壬", "子丑寅卯辰巳午未申酉", "甲乙，丙丁，戊己庚辛"]
    assert punctuation_model(full) == FULL_PUNCT
    # ... and when every mark is half an em.
    squeezed = ["甲乙，丙丁，戊己庚辛壬", "子丑寅卯辰巳午未申酉", "甲，乙，丙，丁，戊己庚辛"]
    assert punctuation_model(squeezed) == SQUEEZED_PUNCT


def test_widths_under_model_are_the_widths_under_the_chosen_model() -> None:
    squeezed = ["甲乙，丙丁，戊己庚辛壬", "子丑寅卯辰巳午未申酉", "甲，乙，丙，丁，戊己庚辛"]
    model, widths = widths_under_model(squeezed)
    assert model == SQUEEZED_PUNCT
    assert widths == [width(t, SQUEEZED_PUNCT) for t in squeezed]
    assert widths_under_model([]) == (FULL_PUNCT, [])


def test_visible_len_ignores_whitespace() -> None:
    assert visible_len(" 本报 记者\t") == 4


def test_a_headline_printed_twice_beside_plain_text_is_a_line_of_its_own() -> None:
    """The bold headline of one article printed twice, then the plain kicker
    of the next on the same baseline: two boxes, one bold and one plain."""
    kept, bold, removed = collapse_faux_bold(
        lines("江州老城 焕发新颜江州老城 焕发新颜 市长率领工作组", "在老城检查防汛工作在老城检查防汛工作")
    )
    assert [(line.text, line.bold) for line in kept] == [
        ("江州老城 焕发新颜", True),
        ("市长率领工作组", False),
        ("在老城检查防汛工作", True),
    ]
    assert removed == ["江州老城焕发新颜", "在老城检查防汛工作"]


# --- letter-spacing ------------------------------------------------------------------


def test_a_letter_spaced_page_is_closed_up_and_a_wider_gap_stays_one_space() -> None:
    page = lines("江 州 大 桥 今 天 通 车", "本 报 讯  （ 记 者 王 小 明 ） 江 州 大 桥 今", "天 上 午 正 式 通 车 。", "  市 民 纷 纷 点 赞 。")
    closed = close_letter_spacing(page)
    assert [line.text for line in closed] == ["江州大桥今天通车", "本报讯 （记者王小明）江州大桥今", "天上午正式通车。", " 市民纷纷点赞。"]
    assert [line.index for line in closed] == [line.index for line in page]
    assert [line.text for line in close_letter_spacing(closed)] == [line.text for line in closed]


def test_a_page_of_ordinary_lines_is_left_as_it_is() -> None:
    """Two columns merged with a space, or a name set with a space inside
    it, are no letter-spacing: the lines come back as the same objects."""
    page = lines("江州大桥今天通车", "本报记者 王 芳", "大桥全长三公里，是连接两岸 市民纷纷点赞，不少人", "的重要通道。")
    assert all(a is b for a, b in zip(close_letter_spacing(page), page))
