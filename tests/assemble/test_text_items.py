"""Items of a text-mode page: rows (already labelled by line and by
paragraph position) grouped into text units, headline lines, bylines,
column heads and captions; captions paired with photo headlines or joined
to articles."""

from __future__ import annotations

from itertools import count

import pytest

from jianbao import classify
from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.paragraphs import FIRST, HEAD, LAST, MID, SINGLE
from jianbao.assemble.rows import Row
from jianbao.assemble.segment import BYLINE, CAPTION, COLUMN, UNIT, Item, Segment, index_grams
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.assemble.segment import make_segment
from jianbao.assemble.text import (
    attach_captions,
    build_article,
    build_items,
    head_item,
    headlines_lead,
    interrupting_heads,
    is_pen_name,
    mark_wrapped_heads,
    pair_photos,
    place_interrupting_heads,
    split_side_by_side,
)
from jianbao.assemble.rows import REORDERED
from jianbao.model import HINT_HEAD, Article, Line, Page
from jianbao.normalize import width

_line_numbers = count()

FLAGS = (
    "hard_start",
    "from_jump",
    "ends_jump",
    "after_caption",
    "strong",
    "kicker_like",
    "enumerated",
    "wraps_previous",
    "subtitle_like",
)


def row(
    text: str, part: str = "", label: str = classify.TEXT, bold: bool = False, width: float | None = None, hint: str = ""
) -> Row:
    """A row as paragraphs.label_rows leaves it, in a 14-em column."""
    return Row(
        text=text,
        lines=[next(_line_numbers)],
        label=label,
        part=part,
        bold=bold,
        width=float(len(text)) if width is None else width,
        measure=14.0,
        hint=hint,
    )


def head(text: str, bold: bool = False, width: float | None = None, hint: str = "") -> Row:
    return row(text, HEAD, bold=bold, width=width, hint=hint)


def kinds(items: list[Item]) -> list[tuple[str, list[str]]]:
    return [(it.kind, [r.text.strip() for r in it.rows]) for it in items]


def flags(item: Item) -> set[str]:
    return {f for f in FLAGS if getattr(item, f)}


# --- units, headlines, bylines -----------------------------------------------------------------


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


# --- datelines and jumps -------------------------------------------------------------------------


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


# --- captions ---------------------------------------------------------------------------------------


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


# --- wrapped headline lines --------------------------------------------------------------------------


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


# --- photos and captions ------------------------------------------------------------------------------


def item(kind: str, *texts: str, label: str = classify.TEXT) -> Item:
    it = Item(kind=kind, rows=[row(t, label=label) for t in texts])
    index_grams(it)
    return it


def vocabulary(items: list[Item]) -> Vocabulary:
    return Vocabulary(it.grams for it in items if it.kind in (UNIT, CAPTION))


def floating(head_item: Item) -> Segment:
    return Segment(items=[head_item], lead=[head_item], trail=[])


def test_a_headline_with_no_text_pairs_with_the_caption_beside_it() -> None:
    photo_head = item(HEAD_ITEM, "大桥上的新风景")
    bridge_caption = item(CAPTION, "图为市民在江州大桥上观赏江景。")
    text = item(UNIT, "今年全市秋粮喜获丰收，总产量再创新高。")
    field_caption = item(CAPTION, "图为农民在田间晾晒新收的稻谷。")
    items = [photo_head, bridge_caption, text, field_caption]
    seg = floating(photo_head)
    pairs, leftover, loose = pair_photos([seg], [bridge_caption, field_caption], items, vocabulary(items))
    assert pairs == [(seg, bridge_caption)]
    assert leftover == [] and loose == [field_caption]


def test_a_headline_far_from_a_caption_it_shares_nothing_with_stays_unpaired() -> None:
    photo_head = item(HEAD_ITEM, "大桥上的新风景")
    text = item(UNIT, "今年全市秋粮喜获丰收，总产量再创新高。")
    field_caption = item(CAPTION, "图为农民在田间晾晒新收的稻谷。")
    items = [photo_head, text, field_caption]
    seg = floating(photo_head)
    pairs, leftover, loose = pair_photos([seg], [field_caption], items, vocabulary(items))
    assert pairs == [] and leftover == [seg] and loose == [field_caption]


@pytest.mark.parametrize(("headline", "paired"), [("秋色正浓", True), ("田间地头，", False)])
def test_a_headline_and_a_credited_caption_both_left_over_near_each_other_make_a_photo(headline: str, paired: bool) -> None:
    """A photo's headline may share no word with its caption ("秋色正浓"
    over a caption about a park); where both are left over and printed
    near each other, the headline heads the photo.  A fragment of text
    ("田间地头，") heads none."""
    photo_head = item(HEAD_ITEM, headline)
    text = item(UNIT, "今年全市秋粮喜获丰收，总产量再创新高。")
    caption = item(CAPTION, "10月7日，市民在江州湿地公园观赏银杏。")
    caption.rows.append(row("本报记者 王平摄", label=classify.CREDIT))
    items = [photo_head, text, caption]
    seg = floating(photo_head)
    pairs, leftover, loose = pair_photos([seg], [caption], items, vocabulary(items))
    if paired:
        assert pairs == [(seg, caption)] and leftover == [] and loose == []
    else:
        assert pairs == [] and leftover == [seg] and loose == [caption]


def test_a_caption_joins_the_article_it_shares_most_vocabulary_with() -> None:
    bridge = item(UNIT, "江州大桥今天上午正式建成通车，市民纷纷上桥观赏江景。")
    caption = item(CAPTION, "图为农民在田间晾晒新收的稻谷。")
    caption.rows.append(row("本报记者 王平摄", label=classify.CREDIT))
    index_grams(caption)
    harvest = item(UNIT, "今年全市秋粮喜获丰收，农民在田间晾晒稻谷。")
    items = [bridge, caption, harvest]
    a, b = Article(id="a"), Article(id="b")
    built = [(a, [bridge]), (b, [harvest])]
    attach_captions([caption], built, items, vocabulary(items))
    assert a.captions == []
    assert [(c.text, c.credit) for c in b.captions] == [("图为农民在田间晾晒新收的稻谷。", "本报记者王平摄")]
    assert built[1][1][-1] is caption


def test_a_caption_sharing_nothing_joins_the_article_printed_next_to_it() -> None:
    bridge = item(UNIT, "江州大桥今天上午正式建成通车。")
    harvest = item(UNIT, "今年全市秋粮喜获丰收。")
    caption = item(CAPTION, "图为夜色中的古城墙。")
    items = [bridge, harvest, caption]
    a, b = Article(id="a"), Article(id="b")
    attach_captions([caption], [(a, [bridge]), (b, [harvest])], items, vocabulary(items))
    assert a.captions == [] and [c.text for c in b.captions] == ["图为夜色中的古城墙。"]


def test_a_caption_with_no_article_is_a_photo_of_its_own() -> None:
    caption = item(CAPTION, "图为夜色中的古城墙。")
    built: list[tuple[Article, list[Item]]] = []
    attach_captions([caption], built, [caption], vocabulary([caption]))
    ((article, parts),) = built
    assert article.kind == "photo" and [c.text for c in article.captions] == ["图为夜色中的古城墙。"]
    assert parts == [caption]


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


# --- headlines printed inside a sentence -------------------------------------------


def _interrupted(*middle: Row) -> list[Item]:
    """A paragraph broken off on a full line, the rows given, and the same
    paragraph carried on with a full line."""
    return build_items(
        [
            row("江州老城改造今年启动，", FIRST, width=12.0),
            row("街巷路面和地下管网一并更", MID, width=14.0),
            *middle,
            row("新，居民出行将更加便捷安", MID, width=14.0),
            row("全。", LAST, width=2.0),
        ]
    )


def test_a_headline_printed_inside_a_sentence_is_set_apart() -> None:
    items = _interrupted(head("北山茶园迎来采摘季"))
    runs = interrupting_heads(items)
    assert [[it.text for it in run] for run in runs] == [["北山茶园迎来采摘季"]]


def test_a_headline_after_a_clause_broken_off_at_a_comma_is_set_apart() -> None:
    items = build_items(
        [
            row("江州老城改造今年启动，街巷", FIRST, width=14.0),
            row("路面和地下管网一并更新，", MID, width=14.0),
            head("北山茶园迎来采摘季"),
            row("居民出行将更加便捷安全，老", MID, width=14.0),
            row("街风貌也将得到保护。", LAST, width=10.0),
        ]
    )
    assert [[it.text for it in run] for run in interrupting_heads(items)] == [["北山茶园迎来采摘季"]]


def test_a_headline_after_a_finished_paragraph_is_not_set_apart() -> None:
    items = build_items(
        [
            row("街巷路面和地下管网一并更", MID, width=14.0),
            row("新。", LAST, width=2.0),
            head("北山茶园迎来采摘季"),
            row("本报讯 北山茶园今天开始", FIRST, label=classify.DATELINE, width=14.0),
        ]
    )
    assert interrupting_heads(items) == []


def test_a_line_taken_for_a_headline_that_reads_on_with_the_sentence_stays() -> None:
    # The line stops inside a clause: running text the labels mistook.
    items = _interrupted(head("组成十五个方队、三十二个"))
    assert interrupting_heads(items) == []


def test_a_headline_set_apart_heads_the_text_without_headline_it_names() -> None:
    items = _interrupted(head("老城街巷改造启动"))
    for it in items:
        index_grams(it)
    runs = interrupting_heads(items)
    units = [it for it in items if it.kind == UNIT]
    article = Segment(items=units, lead=[], trail=[])
    vocab = Vocabulary(it.grams for it in units)
    order = {id(it): k for k, it in enumerate(items)}
    assert place_interrupting_heads(runs, [article], vocab, order) == []
    assert [it.text for it in article.trail] == ["老城街巷改造启动"]


def test_a_headline_set_apart_heads_a_text_printed_after_it_from_above() -> None:
    items = _interrupted(head("北山茶园迎来采摘季"))
    later = build_items([row("北山茶园今年春茶开采，茶农", FIRST, width=14.0), row("忙着采摘新茶。", LAST, width=7.0)])
    items += later
    for it in items:
        index_grams(it)
    runs = interrupting_heads(items)
    interrupted = Segment(items=[it for it in items[:-1] if it.kind == UNIT], lead=[], trail=[])
    tea = Segment(items=list(later), lead=[], trail=[])
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    order = {id(it): k for k, it in enumerate(items)}
    assert place_interrupting_heads(runs, [interrupted, tea], vocab, order) == []
    assert [it.text for it in tea.lead] == ["北山茶园迎来采摘季"] and not interrupted.lead + interrupted.trail


def test_a_headline_set_apart_that_names_no_text_floats() -> None:
    items = _interrupted(head("北山茶园迎来采摘季"))
    for it in items:
        index_grams(it)
    units = [it for it in items if it.kind == UNIT]
    article = Segment(items=units, lead=[], trail=[])
    vocab = Vocabulary(it.grams for it in units)
    order = {id(it): k for k, it in enumerate(items)}
    floating = place_interrupting_heads(interrupting_heads(items), [article], vocab, order)
    assert [[it.text for it in seg.items] for seg in floating] == [["北山茶园迎来采摘季"]]


OLD_TOWN = [
    "江州老城街巷改造工程今天启动，首批改造的十二条街巷将在年底前完工，街巷路面、地下管网和沿街立面一并更新，老城居民盼了多年的改造终于开工。",
    "老城街巷改造坚持修旧如旧，青石板路面将按原样铺回，沿街的老字号招牌也将统一修缮，老城原有的风貌和街巷的格局都将保留下来。",
    "改造期间，老城各条街巷分段施工，居民出行不受影响。改造完成后，老城将新增停车位三百个，街巷照明全部更换，老城的夜晚将更加明亮。",
    "老城街巷改造的方案征求了居民的意见，居民提出的一百多条建议大多被采纳，改造后的老城将增设口袋公园和休息座椅。",
]
TEA_GARDEN = [
    "北山茶园今年春茶开采比往年提前了一周。清晨，茶农们背着竹篓走进茶园，采下带着露水的嫩芽，漫山遍野的茶园里一片忙碌的景象。",
    "北山的茶农告诉记者，今年雨水充足，春茶长势喜人，茶园的亩产有望比去年增加一成，新采的春茶品质也比往年更好，茶农们个个喜上眉梢。",
    "北山茶园旁的茶叶加工厂已经开足马力，新采的春茶经过杀青、揉捻和烘干，当天就能装箱，发往全国各地的茶叶市场，北山春茶供不应求。",
    "北山茶园近年来发展茶旅融合，采茶、制茶和品茶吸引了不少城里的游客，茶农的收入一年比一年高。",
]


def _merged_reports(tail: list[str]) -> tuple[list[Item], list[Item], Segment]:
    """An article on the old town whose text runs on into ``tail``, with the
    headline "北山茶园春茶开采" printed among the tail's paragraphs."""
    own = Item(kind=HEAD_ITEM, rows=[head("江州老城街巷改造启动", bold=True)])
    units = [Item(kind=UNIT, rows=[row(text, SINGLE)]) for text in OLD_TOWN + tail]
    run = [Item(kind=HEAD_ITEM, rows=[head("北山茶园春茶开采")])]
    items = [own, *units[:5], *run, *units[5:]]
    for it in items:
        index_grams(it)
    return items, run, make_segment([own, *units], 0.0)


def test_a_headline_inside_a_text_read_on_from_another_article_takes_its_text() -> None:
    """An article printed right under another's foot reads on from its
    text; its headline, printed among its own lines, takes the paragraphs
    that speak of what it names, cut off the article before."""
    items, run, merged = _merged_reports(TEA_GARDEN)
    articles = [merged]
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    order = {id(it): k for k, it in enumerate(items)}
    assert place_interrupting_heads([run], articles, vocab, order) == []
    assert [[u.text[:4] for u in seg.units] for seg in articles] == [
        ["江州老城", "老城街巷", "改造期间", "老城街巷"],
        ["北山茶园", "北山的茶", "北山茶园", "北山茶园"],
    ]
    assert [it.text for it in articles[0].lead] == ["江州老城街巷改造启动"]
    assert [it.text for it in articles[1].lead + articles[1].trail] == ["北山茶园春茶开采"]


def test_a_text_that_keeps_naming_its_own_headline_is_not_cut() -> None:
    # The paragraphs after the headline's place still speak of what the
    # article's own headline names.
    tail = ["江州老城街巷改造启动以来，" + t for t in TEA_GARDEN]
    items, run, merged = _merged_reports(tail)
    articles = [merged]
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    order = {id(it): k for k, it in enumerate(items)}
    floating = place_interrupting_heads([run], articles, vocab, order)
    assert [[it.text for it in seg.items] for seg in floating] == [["北山茶园春茶开采"]]
    assert articles == [merged]


def test_a_headline_printed_twice_as_one_run_is_titled_once() -> None:
    """Layout text may print a faux-bold title of two phrases as one run
    holding both copies; the title is the phrase once, while the printed
    line keeps both copies (every printed character stays placed)."""
    doubled = "江州大桥 今日通车江州大桥 今日通车"
    items = build_items([head(doubled, bold=True), row("本报讯 江州大桥今天正式通车，市民可以从桥上步行过江。", SINGLE)])
    article, _ = build_article(make_segment(items, 0.0))
    assert article.title == "江州大桥今日通车"
    assert article.headline_lines == [doubled]


def test_an_intertitle_wrapped_over_two_lines_is_one_paragraph() -> None:
    """"守住老街的烟火气，让日子更" / "红火": the wrapped end of an
    intertitle inside an article joins it in one paragraph of the body."""
    items = build_items(
        [
            head("江州老街社区食堂开业", bold=True),
            row("清晨六点，老街的早餐铺已经坐满了人。", SINGLE),
            head("守住老街的烟火气，让日子更"),
            head("红火"),
            row("食堂的菜价比外面低一些，味道却一点不差。", SINGLE),
        ]
    )
    assert "wraps_previous" in flags(items[3])
    article, _ = build_article(make_segment(items, 0.0))
    assert [p.replace(" ", "") for p in article.body] == [
        "清晨六点，老街的早餐铺已经坐满了人。",
        "守住老街的烟火气，让日子更红火",
        "食堂的菜价比外面低一些，味道却一点不差。",
    ]


# --- where the page prints its headlines ---------------------------------------------------------


def page_of(blocks: list[list[str]]) -> Page:
    """A page whose lines come in blocks set apart by blank lines."""
    lines = []
    for block in blocks:
        for k, text in enumerate(block):
            lines.append(Line(text=text, index=len(lines), blank_before=k == 0 and bool(lines)))
    return Page(number=1, lines=lines)


HEADLINE = Item(kind=HEAD_ITEM, rows=[head("江州湿地保护条例施行")])
TEXT = Item(kind=UNIT, rows=[row("本报讯　全市十八处湿地纳入保护名录。", SINGLE)])
BOXES = [["江州湿地保护条例施行"], ["本报讯　全市十八处湿地", "纳入保护名录。"], ["条例明确分级管理。"]] * 4


def test_a_page_printed_in_boxes_from_a_headline_down_to_text_has_its_headlines_lead() -> None:
    # pdfminer sorts its text boxes by position: a headline's box lies
    # above its text, so the page opens with a headline and closes on text.
    assert headlines_lead(page_of(BOXES), [HEADLINE, TEXT, HEADLINE, TEXT])


def test_a_page_printed_in_boxes_that_closes_on_a_headline_prints_headlines_after_their_texts() -> None:
    # An e-paper that draws each headline after its text.
    assert not headlines_lead(page_of(BOXES), [TEXT, HEADLINE, TEXT, HEADLINE])
    assert not headlines_lead(page_of(BOXES), [HEADLINE, TEXT, TEXT, HEADLINE])


def test_a_page_printed_as_one_stream_says_nothing_of_where_its_headlines_stand() -> None:
    stream = [[line for block in BOXES for line in block]]
    assert not headlines_lead(page_of(stream), [HEADLINE, TEXT, HEADLINE, TEXT])


def test_a_page_printed_row_by_row_has_its_headlines_lead() -> None:
    page = page_of([[line for block in BOXES for line in block]])
    page.warnings.append(REORDERED)
    assert headlines_lead(page, [TEXT, HEADLINE])
