"""Items of a text-mode page: rows (already labelled by line and by
paragraph position) grouped into text units, headline lines, bylines,
column heads and captions."""

from __future__ import annotations

import sys
from pathlib import Path
from jianbao import classify
from jianbao.assemble.items import build_items, head_item, is_pen_name, mark_wrapped_heads, split_side_by_side
from jianbao.assemble.paragraphs import FIRST, LAST, MID, SINGLE
from jianbao.assemble.rows import Row
from jianbao.assemble.segment import BYLINE, CAPTION, COLUMN, UNIT, Item
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.model import HINT_HEAD
from jianbao.normalize import width

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from item_rows import flags, head, item, row  # noqa: E402


def kinds(items: list[Item]) -> list[tuple[str, list[str]]]:
    return [(it.kind, [r.text.strip() for r in it.rows]) for it in items]


def test_each_paragraph_is_a_unit_and_headline_and_byline_stand_alone() -> None:
    items = build_items(
        [
            head("江州大桥建成通车", bold=True),
            row("本报记者 王小明", label=classify.BYLINE),
            row("  江州大桥今天上午正式建成通车，", FIRST),
            row("全长三公里。", LAST),
            row("  大桥建成后两岸往来更加便捷。", SINGLE),
        ]
    )
    assert kinds(items) == [
        (HEAD_ITEM, ["江州大桥建成通车"]),
        (BYLINE, ["本报记者 王小明"]),
        (UNIT, ["江州大桥今天上午正式建成通车，", "全长三公里。"]),
        (UNIT, ["大桥建成后两岸往来更加便捷。"]),
    ]


def test_a_bold_headline_line_is_strong() -> None:
    (item,) = build_items([head("江州大桥建成通车", bold=True)])
    assert flags(item) == {"strong"}


def test_a_headline_line_wider_than_its_column_is_strong() -> None:
    (item,) = build_items([head("一座横跨江州两岸的大桥今天正式建成通车", width=20.0)])
    assert "strong" in flags(item)


def test_a_plain_headline_line_as_wide_as_its_column_is_not_strong() -> None:
    (item,) = build_items([head("江州大桥今天正式建成通车", width=14.0)])
    assert "strong" not in flags(item)


def test_a_headline_line_set_apart_on_the_page_is_strong() -> None:
    (item,) = build_items([head("江州大桥今天正式建成通车", width=14.0, hint=HINT_HEAD)])
    assert "strong" in flags(item)


def test_a_bulleted_line_is_never_strong() -> None:
    (item,) = build_items([head("■ 大桥亮点", bold=True)])
    assert "strong" not in flags(item)


def test_a_headline_line_with_a_column_tag_is_strong() -> None:
    (item,) = build_items([head("把好事办好（今日谈）", width=10.0)])
    assert "strong" in flags(item)


def test_a_slogan_of_parallel_words_set_apart_by_dots_is_strong() -> None:
    # A title in the body's weight (the extractor lost the bold) that no
    # intertitle takes: "勤劳·节俭·守信".
    (item,) = build_items([head("勤劳·节俭·守信", width=7.0)])
    assert "strong" in flags(item)
    (plain,) = build_items([head("勤劳节俭守信", width=6.0)])
    assert "strong" not in flags(plain)


def test_a_headline_wrapped_inside_its_column_tag_is_strong_on_both_lines() -> None:
    items = build_items([head("老街改造进行时（民生", width=10.0), head("新观察）", width=4.0)])
    assert items[1].wraps_previous
    assert ["strong" in flags(it) for it in items] == [True, True]
    # Two plain lines without a tag stay plain.
    items = build_items([head("老街改造进行时", width=7.0), head("居民生活更方便", width=7.0)])
    assert ["strong" in flags(it) for it in items] == [False, False]


def test_a_headline_line_over_a_dash_led_subtitle_is_strong() -> None:
    items = build_items([head("小食堂里的大民生"), head("——记老街社区便民食堂")])
    assert [("strong" in flags(it)) for it in items] == [True, False]


def test_two_headlines_joined_on_one_line_become_two_headline_items() -> None:
    items = build_items([head("江州大桥今天正式建成通车 老城区改造工程今天全面启动", width=25.0)])
    assert kinds(items) == [(HEAD_ITEM, ["江州大桥今天正式建成通车"]), (HEAD_ITEM, ["老城区改造工程今天全面启动"])]


def test_the_wrapped_end_of_a_headline_printed_beside_the_next_one_is_taken_apart() -> None:
    """"……致贺" / "信": the wrapped end shares a baseline with the first
    line of the headline beside it, and the extractor joined the two."""
    items = build_items([head("市长向江州国际茶博会开幕致贺", width=14.0), head("信 老城区改造工程今天全面启动", width=15.0)])
    assert kinds(items) == [(HEAD_ITEM, ["市长向江州国际茶博会开幕致贺"]), (HEAD_ITEM, ["信"]), (HEAD_ITEM, ["老城区改造工程今天全面启动"])]
    assert "wraps_previous" in flags(items[1])


def test_a_headline_of_parallel_phrases_stays_one_line() -> None:
    items = build_items([head("稳增长 促改革 调结构 惠民生", width=12.0)])
    assert len(items) == 1


def test_headline_lines_carry_their_wording_cues() -> None:
    lines = ["市长在调研时强调", "——写在大桥通车之际", "二、加快推进交通建设"]
    found = [flags(it) for text in lines for it in build_items([head(text)])]
    assert found == [{"kicker_like"}, {"subtitle_like"}, {"enumerated"}]


def test_a_pen_name_under_a_headline_is_a_byline() -> None:
    items = build_items([head("守护一湖碧水"), head("仲 音"), row("  江河奔流，滋养着一方百姓。", SINGLE)])
    assert kinds(items) == [(HEAD_ITEM, ["守护一湖碧水"]), (BYLINE, ["仲 音"]), (UNIT, ["江河奔流，滋养着一方百姓。"])]


def test_a_spaced_name_with_no_headline_above_is_no_byline() -> None:
    items = build_items([head("仲 音"), row("  江河奔流，滋养着一方百姓。", SINGLE)])
    assert items[0].kind == HEAD_ITEM


def test_is_pen_name() -> None:
    assert is_pen_name("仲 音")
    assert not is_pen_name("仲音")
    assert not is_pen_name("江州 大桥")


def test_column_heads_are_items_of_their_own() -> None:
    items = build_items([row("DI YI XIAN", label=classify.COLUMN), row("  江河奔流，滋养着一方百姓。", SINGLE)])
    assert kinds(items) == [(COLUMN, ["DI YI XIAN"]), (UNIT, ["江河奔流，滋养着一方百姓。"])]


def test_a_dateline_starts_a_unit_that_no_headline_may_join_backwards() -> None:
    items = build_items(
        [
            row("  大桥建成后两岸往来更加便捷，", FIRST),
            row("本报江州10月8日电 大桥今天通车。", SINGLE, label=classify.DATELINE),
        ]
    )
    assert [it.kind for it in items] == [UNIT, UNIT]
    assert flags(items[1]) == {"hard_start"}


def test_the_label_of_a_printed_letter_starts_a_unit_as_a_dateline_does() -> None:
    items = build_items(
        [
            row("  大桥建成后两岸往来更加便捷，", FIRST),
            row("市民出行时间大大缩短。", LAST),
            row("贺 信", SINGLE),
            row("  值此江州大桥建成通车之际，", FIRST),
            row("谨向全体建设者表示祝贺！", LAST),
        ]
    )
    assert [flags(it) for it in items] == [set(), {"hard_start"}, set()]


def test_an_editors_note_run_into_its_paragraph_starts_a_unit_as_a_dateline_does() -> None:
    items = build_items(
        [
            row("  大桥建成后两岸往来更加便捷，", FIRST),
            row("市民出行时间大大缩短。", LAST),
            row("  编者按：新年将至，本版今天", FIRST),
            row("起推出“老街新貌”系列报道。", LAST),
        ]
    )
    assert [flags(it) for it in items] == [set(), {"hard_start"}]


def test_a_jump_marker_closes_the_unit_it_cuts_and_a_continuation_opens_one() -> None:
    items = build_items(
        [
            row("  江州大桥今天上午正式建成通车，", FIRST),
            row("全长三公里", MID),
            row("（下转第4版）", label=classify.JUMP_TO),
            row("（上接第1版）", label=classify.JUMP_FROM),
            row("大桥建成后两岸往来更加便捷。", LAST),
        ]
    )
    assert kinds(items) == [
        (UNIT, ["江州大桥今天上午正式建成通车，", "全长三公里", "（下转第4版）"]),
        (UNIT, ["（上接第1版）", "大桥建成后两岸往来更加便捷。"]),
    ]
    assert flags(items[0]) == {"ends_jump"}
    assert flags(items[1]) == {"hard_start", "from_jump"}


def test_a_jump_marker_after_a_photo_goes_with_the_text_before_it() -> None:
    items = build_items(
        [
            row("  江州大桥今天上午正式建成通车。", SINGLE),
            row("  金秋时节，大桥上车流如织。", SINGLE),
            row("本报记者 王平摄", label=classify.CREDIT),
            row("（下转第4版）", label=classify.JUMP_TO),
        ]
    )
    assert kinds(items) == [
        (UNIT, ["江州大桥今天上午正式建成通车。", "（下转第4版）"]),
        (CAPTION, ["金秋时节，大桥上车流如织。", "本报记者 王平摄"]),
    ]
    assert items[0].ends_jump


def test_closing_credits_printed_after_a_photo_go_with_the_text_above_it() -> None:
    """A page's editors printed at its foot, under the photo set below the
    last text, close that text: they do not make the photo's headline an
    intertitle of a text running on under the caption."""
    items = build_items(
        [
            row("  大桥建成后两岸往来更加便捷。", SINGLE),
            head("大桥上的新风景", bold=True),
            row("  图为江州大桥通车仪式现场。", SINGLE, label=classify.CAPTION),
            row("本报记者 王平摄", label=classify.CREDIT),
            row("责任编辑：刘小华  美编：陈丽", SINGLE),
        ]
    )
    assert kinds(items) == [
        (UNIT, ["大桥建成后两岸往来更加便捷。"]),
        (UNIT, ["责任编辑：刘小华  美编：陈丽"]),
        (HEAD_ITEM, ["大桥上的新风景"]),
        (CAPTION, ["图为江州大桥通车仪式现场。", "本报记者 王平摄"]),
    ]


def test_the_paragraph_a_photo_credit_follows_is_its_caption() -> None:
    items = build_items(
        [
            row("  江州大桥今天上午正式建成通车，", FIRST),
            row("全长三公里。", LAST),
            row("  金秋时节，大桥上车流", FIRST),
            row("如织。", LAST),
            row("本报记者 王平摄", label=classify.CREDIT),
            row("  大桥建成后两岸往来更加便捷。", SINGLE),
        ]
    )
    assert kinds(items) == [
        (UNIT, ["江州大桥今天上午正式建成通车，", "全长三公里。"]),
        (CAPTION, ["金秋时节，大桥上车流", "如织。", "本报记者 王平摄"]),
        (UNIT, ["大桥建成后两岸往来更加便捷。"]),
    ]


def test_a_paragraph_opening_with_tu_wei_is_a_caption_up_to_the_next_paragraph() -> None:
    items = build_items(
        [
            row("  图为江州大桥通车仪式现场，", FIRST, label=classify.CAPTION),
            row("市民挥旗庆祝。", LAST),
            row("  大桥建成后两岸往来更加便捷。", SINGLE),
        ]
    )
    assert kinds(items) == [
        (CAPTION, ["图为江州大桥通车仪式现场，", "市民挥旗庆祝。"]),
        (UNIT, ["大桥建成后两岸往来更加便捷。"]),
    ]


def test_a_tu_wei_caption_keeps_the_credit_that_closes_it() -> None:
    items = build_items(
        [
            row("  图为江州大桥通车仪式现场，", FIRST, label=classify.CAPTION),
            row("市民挥旗庆祝。", LAST),
            row("本报记者 王平摄", label=classify.CREDIT),
        ]
    )
    assert kinds(items) == [(CAPTION, ["图为江州大桥通车仪式现场，", "市民挥旗庆祝。", "本报记者 王平摄"])]


def test_a_credit_with_no_text_before_it_is_a_caption_of_its_own() -> None:
    items = build_items([row("本报记者 王平摄", label=classify.CREDIT), row("  大桥建成后两岸往来更加便捷。", SINGLE)])
    assert kinds(items) == [(CAPTION, ["本报记者 王平摄"]), (UNIT, ["大桥建成后两岸往来更加便捷。"])]


def test_a_headline_after_a_photo_credit_heads_the_photo() -> None:
    items = build_items(
        [
            row("  金秋时节，大桥上车流如织。", SINGLE),
            row("本报记者 王平摄", label=classify.CREDIT),
            head("大桥上的新风景", bold=True),
            row("  大桥建成后两岸往来更加便捷。", SINGLE),
        ]
    )
    assert items[1].kind == HEAD_ITEM and items[1].after_caption


def test_a_headline_before_a_caption_heads_the_photo() -> None:
    items = build_items(
        [
            head("大桥上的新风景", bold=True),
            row("  图为江州大桥通车仪式现场。", SINGLE, label=classify.CAPTION),
            row("本报记者 王平摄", label=classify.CREDIT),
        ]
    )
    assert items[0].kind == HEAD_ITEM and items[0].after_caption


def test_a_headline_after_a_caption_with_a_byline_under_it_heads_an_article() -> None:
    """Photos carry credits, not bylines."""
    items = build_items(
        [
            row("  图为江州大桥通车仪式现场。", SINGLE, label=classify.CAPTION),
            row("本报记者 王平摄", label=classify.CREDIT),
            head("江州大桥建成通车", bold=True),
            row("本报记者 王小明", label=classify.BYLINE),
            row("  大桥建成后两岸往来更加便捷。", SINGLE),
        ]
    )
    assert items[1].kind == HEAD_ITEM and not items[1].after_caption


def test_a_headline_line_after_one_stopping_on_a_function_word_wraps_it() -> None:
    items = build_items([head("全市首届农民运动会在", bold=True), head("江州开幕", bold=True)])
    assert [it.wraps_previous for it in items] == [False, True]


def test_a_two_character_line_under_a_full_headline_line_wraps_it() -> None:
    items = build_items([head("市长出席江州大桥通车仪式暨", bold=True, width=14.0), head("庆典", bold=True)])
    assert [it.wraps_previous for it in items] == [False, True]
    items = build_items([head("市长出席江州大桥通车仪式并", bold=True, width=14.0), head("致辞", bold=True)])
    assert items[1].wraps_previous


def test_mark_wrapped_heads_leaves_complete_lines_alone() -> None:
    items = [Item(kind=HEAD_ITEM, rows=[row("江州大桥建成通车")]), Item(kind=HEAD_ITEM, rows=[row("市民欢庆")])]
    mark_wrapped_heads(items)
    assert not items[1].wraps_previous


def test_mark_wrapped_heads_only_joins_headline_lines() -> None:
    items = [Item(kind=UNIT, rows=[row("全市首届农民运动会在")]), Item(kind=HEAD_ITEM, rows=[row("江州开幕")])]
    mark_wrapped_heads(items)
    assert not items[1].wraps_previous


def test_two_headlines_run_together_part_after_the_first_ones_column_tag() -> None:
    items = build_items([head("老街换新颜（城市更新纪行·江州篇（下））市长在老城改造现场调研时强调")])
    assert kinds(items) == [(HEAD_ITEM, ["老街换新颜（城市更新纪行·江州篇（下））"]), (HEAD_ITEM, ["市长在老城改造现场调研时强调"])]


def test_a_headline_closing_on_its_column_tag_stays_whole() -> None:
    items = build_items([head("老城改造让街坊邻里笑开颜（城市更新纪行）")])
    assert len(items) == 1


def test_a_headline_of_parallel_halves_filling_the_column_is_strong() -> None:
    (full,) = build_items([head("江州处处新气象  家家户户笑开颜", width=14.0)])
    (short,) = build_items([head("山河壮丽  岁月峥嵘", width=8.0)])
    assert full.strong and not short.strong


def test_a_headline_line_led_by_a_dash_is_marked_a_sure_subtitle() -> None:
    assert head_item(Row(text="——记江州大桥的建设者们", lines=[0])).dash_led
    assert not head_item(Row(text="江州大桥的建设者们", lines=[0])).dash_led


def side_by_side(text: str) -> list[str]:
    return [r.text for r in split_side_by_side(Row(text=text, lines=[0], width=width(text), measure=12.0))]


def test_two_headlines_printed_side_by_side_on_one_line_are_cut_apart() -> None:
    assert side_by_side("江州大桥今天正式通车 市长出席通车仪式并讲话") == ["江州大桥今天正式通车", "市长出席通车仪式并讲话"]
    # A couplet ("两岸一桥通 江州万象新") is one headline beside the next one.
    assert side_by_side("两岸一桥通 江州万象新 市长出席通车仪式并讲话") == ["两岸一桥通 江州万象新", "市长出席通车仪式并讲话"]


def test_a_couplet_of_short_halves_is_cut_from_the_headline_beside_it() -> None:
    """In a wide column a couplet's halves are short, yet the couplet is a
    whole headline by its form."""
    text = "两岸一桥通 江州万象新 市长出席江州大桥通车仪式并讲话"
    rows = split_side_by_side(Row(text=text, lines=[0], width=width(text), measure=16.0))
    assert [r.text for r in rows] == ["两岸一桥通 江州万象新", "市长出席江州大桥通车仪式并讲话"]


def test_a_short_photo_headline_beside_a_title_wider_than_the_column_is_cut_from_it() -> None:
    assert side_by_side("江州大桥今天正式建成通车并投入使用 春到江州") == ["江州大桥今天正式建成通车并投入使用", "春到江州"]
    # A phrase beside one that only fills the column may be the start of
    # its wrapped second half.
    assert side_by_side("江州老街居民生活明显改善  千方百计办好") == ["江州老街居民生活明显改善  千方百计办好"]


def test_a_headline_of_parallel_phrases_stays_whole() -> None:
    assert side_by_side("建好一座桥 带富一方人 造福两岸民") == ["建好一座桥 带富一方人 造福两岸民"]
    assert side_by_side("山河壮丽 岁月峥嵘") == ["山河壮丽 岁月峥嵘"]
    assert side_by_side("江州大桥通车") == ["江州大桥通车"]
