"""Body lines, headline lines and paragraph ends from line widths."""

from __future__ import annotations

import pytest

from jianbao import classify
from jianbao.assemble.paragraphs import (
    open_tail,
    key_point_lines,
    C_BROKEN_OPEN,
    C_BROKEN_RUN,
    C_BROKEN_WORD,
    C_WIDER_BOX,
    FIRST,
    HEAD,
    LAST,
    MID,
    SINGLE,
    STATES,
    break_cost,
    closes_note,
    column_measures,
    emission,
    ends_paragraph,
    has_headline_form,
    TOL,
    headlines_inside_sentences,
    headlines_wrapped_from_text,
    label_rows,
    rows_inside_sentences,
    leaves_open,
    lines_closed_by_tag,
    printed_whole,
    prints_whole_paragraphs,
    pushes_bracket,
    quotation_pairs,
    runs_on,
    sets_off_headline,
    word_runs_across,
    weighed_words_across,
)
from jianbao.assemble.rows import Row
from jianbao.model import HINT_BODY, HINT_HEAD
from jianbao.normalize import width, widths_under_model


def rows_of(*texts: str, bold: tuple[int, ...] = ()) -> list[Row]:
    rows = [Row(text=t, lines=[k], bold=k in bold) for k, t in enumerate(texts)]
    for row in rows:
        row.width = width(row.text)
    return rows


def rows_under_model(*texts: str) -> list[Row]:
    """Rows measured as a page's are: under its punctuation model."""
    rows = [Row(text=t, lines=[k]) for k, t in enumerate(texts)]
    for row, w in zip(rows, widths_under_model(list(texts))[1]):
        row.width = w
    return rows


# A paragraph of running text in a 12-em column: an indented opening line,
# full lines, a short last line.
CANTEEN = (
    "清晨六点，老街的早餐",
    "铺已经坐满了人。社区把闲",
    "置的门面改成了便民食堂，",
    "老人们吃上了热乎饭，年轻",
    "人也常来这里歇歇脚。食堂",
    "的菜价比外面低一些，味道",
    "却一点不差。",
)


def test_a_line_stopping_on_a_comma_runs_on() -> None:
    assert runs_on("河水清了，", "鱼也回来了。")
    assert not runs_on("鱼也回来了。", "第二天一早")


def test_a_line_stopping_on_a_function_word_runs_on() -> None:
    """"……，由" / "十二个方队组成": a preposition closes no sentence."""
    assert runs_on("第二部分“老城新貌”，由", "十二个方队组成。")
    assert runs_on("今年的", "老街更热闹了。")


def test_an_open_bracket_leaves_the_line_open() -> None:
    assert leaves_open("走好脚下的路（人民论")
    assert not leaves_open("走好脚下的路（人民论坛）")


def test_breaking_inside_brackets_costs_more_than_after_a_comma() -> None:
    assert break_cost("鱼也回来了。", "第二天一早") == 0.0
    assert break_cost("河水清了，", "鱼也回来了。") == C_BROKEN_RUN
    assert break_cost("走好脚下的路（人民论", "坛）") == C_BROKEN_OPEN
    # A sentence may end inside an open quotation that the next paragraph
    # continues ("“……。" / "“……"): that is no reason to keep the lines together.
    assert break_cost("“春天来了。", "“花也开了") < C_BROKEN_OPEN


def test_a_headline_wrapped_inside_its_brackets_stays_a_headline() -> None:
    rows = rows_of(
        "办好群众身边的小事情（民",
        "生观察）",
        *CANTEEN,
        bold=(0,),
    )
    label_rows(rows)
    assert [r.part for r in rows] == [HEAD, HEAD, FIRST, MID, MID, MID, MID, MID, LAST]


def test_a_line_leaving_a_quotation_open_is_not_cut_from_the_next() -> None:
    rows = rows_of(
        "市民们在周末走进了博物",
        "馆，参观的队伍排到了门外。",
        "正在市博物馆展出的",
        "“山水之间·百年变迁——",
        "江州老照片展”吸引了不",
        "少市民。展厅里摆着老式收",
        "音机、粮票和搪瓷缸，墙上",
        "挂满了街巷的旧貌新颜。",
        "不少观众带着孩子一起前来，",
        "在一张张老照片前驻足良久。",
    )
    label_rows(rows)
    assert rows[3].part == MID


def test_a_column_tag_does_not_end_a_paragraph_but_a_source_note_does() -> None:
    assert not ends_paragraph("文明之花处处开（钟声）")
    assert ends_paragraph("河道水质明显改善。（记者 王芳）")
    assert ends_paragraph("（完）")
    assert ends_paragraph("老街换上了新装。王明摄（江州影像）")
    assert ends_paragraph("（新华社北京5月3日电）")


def test_a_full_stop_typed_as_a_latin_period_ends_a_paragraph() -> None:
    """OCR and some fonts print Chinese text with Latin punctuation: a
    period right after a Han character is a full stop, one after a digit
    is not."""
    assert ends_paragraph("是连接两岸的重要通道.") and ends_paragraph("家住城东的李女士说.")
    assert not ends_paragraph("全市粮食亩产提高了3.")
    rows = rows_of(
        "江州大桥今天上午正式通车,大",
        "桥全长三公里,是连接两岸的",
        "重要通道.",
        "  市民纷纷点赞,不少人一早",
        "就来到桥上散步.",
    )
    label_rows(rows)
    assert [r.part for r in rows] == [FIRST, MID, LAST, FIRST, LAST]


def test_a_headline_in_parallel_halves_printed_after_its_body_is_a_headline() -> None:
    rows = rows_of(
        *CANTEEN,
        "小食堂 大民生（今日谈）",
    )
    label_rows(rows)
    assert rows[-1].part == HEAD


def test_a_headline_in_parallel_halves_after_a_sentence_broken_off_is_a_headline() -> None:
    """Text cut off at the foot of the page (the extractor lost the rest)
    does not run on into the headline printed after it: running text never
    sets two phrases apart with a space."""
    rows = rows_of(
        *CANTEEN[:-1],
        "却一点不差。居民们说，“有",
        "小食堂 大民生",
    )
    label_rows(rows)
    assert rows[-1].part == HEAD


# A paragraph justified by letter-spacing: full lines hold 14 to 16 ems of
# characters (widths given as the page measures them).
LETTER_SPACED = [
    ("江州老街修缮协调会昨天在", 13.5),
    ("城南举行，商议老街修缮事宜，区", 15.5),
    ("里分管城建的副区长、修缮组组长", 15.0),
    ("赵文远到场听取汇报，并提出", 14.0),
    ("每段街巷都要定出专人、排出工期，", 16.0),
    ("让老街坊早日搬回修好的老屋，", 15.0),
    ("修缮时还要留住青石板和老门楼，", 15.5),
    ("守住老街的模样与人情味，", 14.5),
    ("修缮组成员、几个街道办主任，", 16.0),
    ("也都到会。会议由办公室安排，", 15.0),
    ("街道代表介绍了摸底情况，", 15.5),
    ("大家逐段讨论，对修缮计划逐", 15.0),
    ("项提出补充建议。", 11.5),
]


def rows_measured(spec: list[tuple[str, float]]) -> list[Row]:
    rows = [Row(text=t, lines=[k]) for k, (t, _) in enumerate(spec)]
    for row, (_, w) in zip(rows, spec):
        row.width = w
    return rows


def test_a_line_stopping_on_a_letter_runs_on_into_a_line_short_by_less_than_an_indent() -> None:
    """"……修缮组组长" / "赵文远到场……": no paragraph closes on a
    letter, and where letter-spacing makes full lines vary by an em or two,
    a line an em and a half short is as likely full as indented."""
    rows = rows_measured(LETTER_SPACED)
    label_rows(rows)
    assert [r.part for r in rows].count(FIRST) == 1
    # Short by a whole indent, it opens a paragraph whatever came before
    # (a column's foot cut off mid-sentence, then another text).
    spec = list(LETTER_SPACED)
    spec[3] = ("赵文远到场听取汇报，并提出", 13.0)
    rows = rows_measured(spec)
    label_rows(rows)
    assert rows[3].part == FIRST


def test_a_kicker_naming_who_approved_is_a_headline_after_a_sentence_broken_off() -> None:
    """A column that broke off on a comma (its sentence goes on in another
    column) does not run on into "经市政府批准" printed after it: text goes
    on after 批准 with a comma, which no line opens with."""
    rows = rows_of(
        *CANTEEN[:-1],
        "却一点不差。居民们都说，",
        "经市政府批准",
        "江州老街食堂明年再开三家",
    )
    label_rows(rows)
    assert rows[-2].part == HEAD
    # A full line of text that happens to end on 批准 runs on as ever.
    rows = rows_of(*CANTEEN[:-1], "经市政府有关部门审核批准", "，三家新食堂明年开张。")
    label_rows(rows)
    assert rows[-2].part != HEAD


def test_a_line_opening_with_a_dash_is_never_the_middle_of_a_paragraph() -> None:
    rows = rows_of(
        "清晨六点，老街的早餐",
        "铺已经坐满了人。社区把闲",
        "置的门面改成了便民食堂，",
        "老人们吃上了热乎饭。",
        "小食堂里的大民生",
        "——记老街社区便民食堂",
    )
    label_rows(rows)
    assert rows[-1].part not in (MID, LAST)


def test_breaking_inside_a_word_costs_more_than_after_a_comma() -> None:
    assert break_cost("江州市人民政府关于支持中医", "药产业加快发展的意见") == C_BROKEN_WORD
    assert C_BROKEN_RUN < C_BROKEN_WORD < C_BROKEN_OPEN
    # A comma or function word at the end already says the line runs on.
    assert break_cost("关于促进花卉产业发展，", "药材质量不断提高") == C_BROKEN_RUN



def test_a_word_runs_across_a_break_only_where_it_reads_better_joined() -> None:
    assert word_runs_across("江州碳素科", "学园区正式开园")
    # 定为 is a word, but 决定 and 为期 read better apart.
    assert not word_runs_across("关于表彰优秀社区的决定", "为期十天的灯会")
    texts = ["江州碳素科", "学园区正式开园", "关于表彰优秀社区的决定", "为期十天的灯会"]
    assert weighed_words_across(texts, [True] * 4) == {0: True, 2: False}
    assert weighed_words_across(texts, [False] * 4) == {}


def test_a_chance_word_under_a_headline_set_wider_than_the_column_does_not_join_them() -> None:
    """A title wider than the column ends on a word ("……的决定"); the next
    article's opening line starts with another ("为期……").  That 定为 is
    also a word does not make the opening line the title's last line."""
    rows = rows_of(*CANTEEN, "江州市人民政府关于表彰二〇二五年度优秀社区的决定", "为期十天的灯会，昨晚", "在江州老城开幕。")
    label_rows(rows)
    assert [r.part for r in rows[-3:]] == [HEAD, FIRST, LAST]

NEWS = (
    "  城西湿地公园经过两年",
    "修复，近日重新向游客开放，",
    "园内新栽水生植物四十多种。",
)


def test_a_line_the_layout_sets_apart_is_a_headline_even_as_wide_as_the_column() -> None:
    rows = rows_of(*NEWS, "江南市社区图书馆全部开放", "  本周起市民凭身份证即可", "免费借阅图书和报刊。")
    label_rows(rows)
    assert rows[3].part != HEAD
    rows = rows_of(*NEWS, "江南市社区图书馆全部开放", "  本周起市民凭身份证即可", "免费借阅图书和报刊。")
    rows[3].hint = HINT_HEAD
    label_rows(rows)
    assert rows[3].part == HEAD


def test_a_line_inside_a_stack_of_column_lines_is_body_text() -> None:
    rows = rows_of("  城西湿地公园经过两年", "修复后重新开放", "园内新栽水生植物四十多种", "还修建了观鸟长廊。")
    label_rows(rows)
    assert rows[1].part == HEAD
    rows = rows_of("  城西湿地公园经过两年", "修复后重新开放", "园内新栽水生植物四十多种", "还修建了观鸟长廊。")
    rows[1].hint = HINT_BODY
    label_rows(rows)
    assert rows[1].part != HEAD


def test_the_label_of_a_letter_is_a_paragraph_of_its_own_not_a_headline() -> None:
    rows = rows_of(
        "贺 信",
        "值此江州大桥建成通车",
        "之际，我谨向全体建设者表",
        "示热烈的祝贺，向关心支持",
        "大桥建设的各界人士表示衷",
        "心的感谢！",
    )
    label_rows(rows)
    assert rows[0].part == SINGLE


def test_the_date_under_a_documents_title_is_part_of_its_headline() -> None:
    rows = rows_of(
        "江州市人民政府关于表彰",
        "优秀志愿者的决定",
        "（2024年3月5日）",
        *CANTEEN,
        bold=(0, 1),
    )
    label_rows(rows)
    assert [r.part for r in rows[:4]] == [HEAD, HEAD, HEAD, FIRST]


def test_the_page_ends_with_a_headline_printed_after_its_body_not_with_half_a_paragraph() -> None:
    """The subtitle under a headline printed after its body fills the
    column like a line of text; at the page's end it is still no paragraph
    that breaks off after one line."""
    rows = rows_of(*CANTEEN, "江州老街社区食堂开业迎来首批老人", "社区食堂每天为老人做饭菜")
    label_rows(rows)
    assert [r.part for r in rows[-2:]] == [HEAD, HEAD]


# A decree's numbered articles in a 12-em column: most paragraphs are two
# lines, so indented opening lines (10 ems) outnumber full ones.
DECREE = (
    "一、本办法适用于全市",
    "各类社区食堂的日常管理和",
    "监督检查。",
    "二、社区食堂应当公示",
    "菜价和食材来源。",
    "三、街道办事处负责日",
    "常检查，每月都向社会通报",
    "检查结果。",
    "四、市民可以通过热线",
    "反映问题，有关部门要及时",
    "答复。",
    "五、本办法自公布之日",
    "起施行。",
)


def test_a_line_short_by_the_quote_moved_down_to_the_next_does_not_end_its_paragraph() -> None:
    """No line may end on an opening quote (避头尾): the typesetter moves it
    down and leaves the line above one short.  The line under it opens
    with the quote and fills the column; a new paragraph's would be
    indented."""
    quoted = ("社区食堂开了半年，来", "吃饭的街坊一天比一天多，", "街坊们吃得舒心又实惠。", "“饭菜热乎，价钱公道，天天", "来吃。”老人们说。")
    rows = rows_under_model(*CANTEEN, *quoted)
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) :]] == [FIRST, MID, MID, MID, LAST]
    assert pushes_bracket(rows[-2], rows[-2].measure)
    indented = rows_under_model(*CANTEEN, *quoted[:3], "“饭菜热乎，价钱公道，", "天天来吃。”老人们说。")
    label_rows(indented)
    assert [r.part for r in indented[len(CANTEEN) :]] == [FIRST, MID, LAST, FIRST, LAST]


def test_a_line_wider_than_the_column_by_its_squeezed_marks_does_not_end_its_paragraph() -> None:
    """"……公道。”" set to the column by squeezing its marks reads wider
    than the column in a text; the paragraph goes on under it unless the
    line under it is indented."""
    quoted = ("社区食堂开了半年，来", "吃饭的街坊一天比一天多。", "“饭菜热乎乎，价钱也很公道。”")
    rows = rows_under_model(*CANTEEN, *quoted, "说起这家食堂，街坊们都夸", "它办得好。")
    label_rows(rows)
    assert rows[-3].width > rows[-3].measure + 1.5
    assert [r.part for r in rows[len(CANTEEN) :]] == [FIRST, MID, MID, MID, LAST]
    rows = rows_under_model(*CANTEEN, *quoted, "说起这家食堂，街坊", "们都夸它办得好。")
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) :]] == [FIRST, MID, LAST, FIRST, LAST]


def test_justified_quotes_make_a_line_of_running_text_no_short_line() -> None:
    """Curly quotes are reckoned at half an em; justification stretches a
    line holding them to the column, as it does digits.  A headline's
    quotes do not: a headline line short of the column is short."""
    middle = STATES.index(MID)
    running = Row(text="他说，“饭菜香”，大家都", lines=[0], width=11.0)
    headline = Row(text="江州“老街食堂”今天开张", lines=[0], width=11.0)
    assert emission(running, 12.0, runs_on_next=True)[middle] == 0.0
    assert emission(headline, 12.0, runs_on_next=True)[middle] < 0.0


def test_a_source_note_on_a_line_of_its_own_is_a_paragraph_of_its_own() -> None:
    """"（新华社江州1月5日电）" under a full line ending the text's last
    sentence: run on, it would start on that sentence's line."""
    lines = ("社区食堂开了半年，来", "吃饭的街坊一天比一天多，", "食堂准备年底再开两家分店。", "（新华社江州1月5日电）")
    rows = rows_under_model(*CANTEEN, *lines)
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) :]] == [FIRST, MID, LAST, SINGLE]


def test_where_most_paragraphs_are_short_the_measure_is_the_full_line_not_the_indented_one() -> None:
    rows = rows_of(*DECREE)
    assert set(column_measures(rows)) == {12.0}
    label_rows(rows)
    assert [r.part for r in rows[:5]] == [FIRST, MID, LAST, FIRST, LAST]


def test_a_subtitle_as_wide_as_an_indented_line_at_the_pages_end_is_no_paragraph() -> None:
    rows = rows_of(*CANTEEN, "江州老街社区食堂开业迎来首批老人", "社区食堂天天供应三餐")
    label_rows(rows)
    assert rows[-1].width == rows[-1].measure - 2
    assert [r.part for r in rows[-2:]] == [HEAD, HEAD]


def test_a_bold_headline_line_does_not_run_on_into_the_plain_text_under_it() -> None:
    """"……的决定" / "为期……": the words across the break read as one ("定为"),
    but a bold line ends where plain text begins."""
    rows = rows_of(
        *CANTEEN,
        "江州市关于表彰优秀志愿者的决定",
        "为期三天的志愿服务周，5日",
        "拉开帷幕。",
        bold=(len(CANTEEN),),
    )
    label_rows(rows)
    assert [r.part for r in rows[-3:]] == [HEAD, FIRST, LAST]


def test_a_leading_space_does_not_make_a_line_wider_than_the_column_an_indented_one() -> None:
    """Some extractors mark indents with a space; a subtitle set under its
    headline may carry one too, but it overruns the column as no indented
    opening line does."""
    rows = rows_of(*CANTEEN, "江州老街社区食堂开业迎来首批老人", " ——记社区食堂里的志愿者们")
    rows[-1].indent = True
    label_rows(rows)
    assert [r.part for r in rows[-2:]] == [HEAD, HEAD]


def test_a_section_label_set_off_by_a_space_is_no_indented_paragraph() -> None:
    """An extractor that marks every line start of a block with a space
    marks the label "李明——" too; it still heads a section."""
    lines = [" 江州大桥今天正式建", "成通车，市民出行时间大", "大缩短。", " 李明——", "守护山林，", "三十年如一日", " 我要守好这片山林让", "子孙后代都能看到青山绿", "水。"]
    rows = rows_of(*(line.strip() for line in lines))
    for row, line in zip(rows, lines):
        row.indent = line.startswith(" ")
    label_rows(rows)
    assert [r.part for r in rows[3:7]] == [HEAD, HEAD, HEAD, FIRST]


def test_a_source_note_over_several_lines_ends_its_paragraph_on_its_last_line() -> None:
    """"（本报记者 王芳、李明、" / … / "赵雪、孙立平）": the closing line ends
    the note however it ends, so it may be the paragraph's last line."""
    texts = ["（本报记者 王芳、李明、张", "华、刘小红、陈大明、周强、", "赵雪、孙立平）"]
    assert closes_note(texts, 2)
    (row,) = rows_of(texts[2])
    last = STATES.index(LAST)
    assert emission(row, 12.0, closes_note=True)[last] > emission(row, 12.0)[last]


def test_a_bracket_closed_under_a_note_does_not_close_the_note() -> None:
    texts = ["（作者为江州大学教授）", "江州大学举办开放日（校", "园新闻）"]
    assert not closes_note(texts, 2)
    assert closes_note(["（本报记者 王芳、李明、", "赵雪、孙立平）"], 1)


def test_a_leading_space_does_not_make_a_short_headline_wrap_an_opening_line() -> None:
    """Some extractors print a space before every line that starts a new
    run of text, not only before indents: the short last line of a wrapped
    headline carries one too, but it is far shorter than an indented line."""
    body = ("清晨六点，老街的早", "餐铺已经坐满了人。社", "区把闲置的门面改成了", "便民食堂，老人们吃上", "了热乎饭，年轻人也常", "来这里歇歇脚。")
    n = len(body)
    rows = rows_of(*body, "江州老街社区食堂开业迎来", " 首批老人", *body)
    rows[n + 1].indent = True
    label_rows(rows)
    assert [r.part for r in rows[n : n + 3]] == [HEAD, HEAD, FIRST]


def test_a_leading_space_still_marks_an_opening_line_that_digits_make_look_short() -> None:
    rows = rows_of(*CANTEEN[:-1], "却一点不差。", "2019年10月1日起，", "铺已经坐满了人。社区把闲", "却一点不差。")
    rows[len(CANTEEN)].indent = True
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) - 1 : len(CANTEEN) + 3]] == [LAST, FIRST, MID, LAST]


def test_a_new_text_box_wider_than_the_column_does_not_carry_on_the_paragraph_above() -> None:
    # An extractor that prints text boxes leaves a blank line between them;
    # a box set wider than the column is another text's, not a paragraph's
    # next line.  The same line without the box boundary is unaffected.
    (inside,) = rows_of("江州《老街便民食堂的故")
    (boxed,) = rows_of("江州《老街便民食堂的故")
    boxed.blank_before = True
    plain, new_box = emission(inside, 10.0), emission(boxed, 10.0)
    for state in (MID, LAST):
        k = STATES.index(state)
        assert new_box[k] == plain[k] - C_WIDER_BOX
    for state in (FIRST, SINGLE, HEAD):
        k = STATES.index(state)
        assert new_box[k] == plain[k]
    (narrow,) = rows_of("江州老街的便民食堂")
    narrow.blank_before = True
    assert emission(narrow, 10.0) == emission(rows_of("江州老街的便民食堂")[0], 10.0)


@pytest.mark.parametrize("line", ["游客在老街拍照留念。江小舟摄（视觉江州）", "遊客在老街拍照留念。江小舟攝（視覺江州）"])
def test_a_photo_credit_naming_its_agency_ends_a_paragraph(line: str) -> None:
    assert ends_paragraph(line)


def test_closing_credits_are_paragraphs_of_their_own_not_headlines() -> None:
    """Each closing credit opens a paragraph; the names it runs on with and
    the rest of a wrapped picture note carry it on.  A headline printed
    after them is none of theirs."""
    rows = rows_of(*CANTEEN, "本版统筹：林 风", "许小薇 马大春", "版式设计：王小芳", "本版图片除署名外", "均为资料照片", "社区食堂开门迎客")
    label_rows(rows)
    assert [r.part for r in rows[-6:]] == [FIRST, LAST, SINGLE, FIRST, LAST, HEAD]


def test_an_editorial_credit_after_the_text_is_no_headline() -> None:
    rows = rows_of(*CANTEEN, "版式设计：王小明")
    label_rows(rows)
    assert rows[-1].part == SINGLE


def test_a_line_ending_on_where_someone_said_it_is_a_kicker_even_under_broken_off_text() -> None:
    """The text above stops mid-sentence (its rest is on another page); the
    line under it ends on "……时强调", where text would go on with a comma."""
    rows = rows_of(*CANTEEN[:-1], "市长调研时强调", "办好群众身边的小事情", bold=(len(CANTEEN),))
    label_rows(rows)
    assert [r.part for r in rows[-3:]] == [MID, HEAD, HEAD]


def test_the_date_under_a_signature_closes_the_text_and_heads_nothing() -> None:
    rows = rows_of(*CANTEEN, "江州市人民政府", "2024年3月5日", "江州老街社区食堂开业", *CANTEEN)
    label_rows(rows)
    assert rows[len(CANTEEN) + 1].part == SINGLE


def test_a_line_naming_who_attended_is_a_subtitle_not_a_paragraphs_last_line() -> None:
    rows = rows_of(*CANTEEN, "全市老城改造会议召开", "市长出席并讲话", "江州老街社区食堂开业迎来首批老人", *CANTEEN, bold=(len(CANTEEN) + 2,))
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) : len(CANTEEN) + 3]] == [HEAD, HEAD, HEAD]


def test_every_line_over_a_dateline_since_the_last_sentence_is_its_headline() -> None:
    """"……向20" / "24……致" / "贺词" run on like text, but no sentence ends
    before the dateline: they are the headline printed over it."""
    rows = rows_of(*CANTEEN, "市长和来访代表团团长向20", "24江州国际友好城市论坛致", "贺词", "本报江州3月5日电 江州国际友", "好城市论坛今天开幕。")
    rows[len(CANTEEN) + 3].label = classify.DATELINE
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) :]] == [HEAD, HEAD, HEAD, FIRST, LAST]


def test_the_line_over_a_continuation_marker_is_the_continued_parts_headline() -> None:
    """A part continued from another page reprints its headline over
    "（上接第N版）", even as wide as the column and right under text broken
    off mid-sentence."""
    title = "老街食堂，如何办成民心店"
    rows = rows_of(*CANTEEN[:-1], "却一点不差，菜价只要外面", title, "（上接第1版）的一半。")
    assert width(title) == width(CANTEEN[1])
    rows[-1].label = classify.JUMP_FROM
    label_rows(rows)
    assert rows[-2].part == HEAD


def test_the_rest_of_a_continuation_markers_line_is_text_not_a_headline() -> None:
    """"（上接第1版）" opens the first line of a continued part; the short
    rest of that line carries on a sentence from another page, whatever
    its width: a continued part reprints its headline over the marker."""
    rows = rows_of("老街食堂，如何办成民心店", "（上接第1版）", "堂的饭菜", "比外面便宜一些，味道却一点", "不差。")
    rows[1].label = classify.JUMP_FROM
    label_rows(rows)
    assert rows[2].part != HEAD


def test_the_last_line_before_a_jump_marker_goes_on_with_the_line_above() -> None:
    """"……食堂" / "的菜价比外面便宜一些" / "（下转第4版）": the page ran
    out there, so the cut line's width (here that of an indented opening
    line) says nothing; the line above runs on into it."""
    rows = rows_of(*CANTEEN[:5], "的菜价比外面便宜一些", "（下转第4版）")
    assert width(rows[5].text) == width(CANTEEN[0])
    rows[-1].label = classify.JUMP_TO
    label_rows(rows)
    assert [r.part for r in rows[4:6]] == [MID, MID]


def test_a_paragraph_opened_right_before_a_jump_marker_stays_opened() -> None:
    # The line above ends its paragraph: the cut line opens the next one.
    rows = rows_of(*CANTEEN, "市农业部门负责人表示", "（下转第4版）")
    rows[-1].label = classify.JUMP_TO
    label_rows(rows)
    assert [r.part for r in rows[6:8]] == [LAST, FIRST]


def test_a_headline_printed_inside_a_sentence_is_a_headline_and_the_sentence_runs_on() -> None:
    """Poppler prints a headline where its box falls among the lines of the
    column beside it: "……社区把闲" / "稻花飘香 江村丰收" / "置的门面……".
    The word running across it ("闲置") shows the sentence goes on past it."""
    rows = rows_of(CANTEEN[0], CANTEEN[1], "稻花飘香 江村丰收", *CANTEEN[2:])
    label_rows(rows)
    assert [r.part for r in rows[:4]] == [FIRST, MID, HEAD, MID]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("稻花飘香 江村丰收", True),
        ("勤劳·节俭·守信", True),
        ("老街故事多（民生观察）", True),
        ("亚洲开发银行（ADB）", False),
        ("新华社江州3月5日电 记者", False),
        ("本报记者 王芳 李明", False),
        ("江州大桥今天通车", False),
    ],
)
def test_headline_form(text: str, form: bool) -> None:
    assert has_headline_form(text) == form


def test_a_short_line_with_a_comma_inside_a_sentence_is_not_set_apart() -> None:
    rows = rows_of(CANTEEN[0], CANTEEN[1], "街坊们说，好", *CANTEEN[2:])
    label_rows(rows)
    assert rows[2].part != HEAD


def test_a_headline_its_column_tag_closes_is_a_headline_at_the_end_of_the_text() -> None:
    """Printed after its body with the tag wrapped apart, the headline runs
    on like text; the lines since the last sentence closing on a tag are
    the headline all the same."""
    rows = rows_of(*CANTEEN[:-1], "一堂生动的江州乡土历史教", "课（江州论坛·老街故事系列", "报道）")
    label_rows(rows)
    assert [r.part for r in rows[-3:]] == [HEAD, HEAD, HEAD]


def test_a_column_tag_alone_over_a_dateline_closes_the_headline_above_it() -> None:
    rows = rows_of(*CANTEEN, "办好家门口的便民食堂和助餐点", "（江州快讯）", "本报江州3月5日电 江州国际友", "好城市论坛今天开幕。")
    rows[len(CANTEEN) + 2].label = classify.DATELINE
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) : len(CANTEEN) + 2]] == [HEAD, HEAD]


def test_a_tagged_headline_over_a_headline_set_wider_than_the_column_is_a_headline() -> None:
    """Two headlines printed after their bodies, one under the other: text
    does not run on into a line wider than the column, so the first one
    stops on its tag."""
    wide = "江州老城改造全面启动，首批十二条老街年内完工——"
    rows = rows_of(*CANTEEN[:-1], "办好家门口的便民食堂助", "餐点（江州民生观察·老街", "故事）", wide, "老街换新颜（江州快讯）", "  江州老城改造今天全面启", "动。")
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) - 1 : len(CANTEEN) + 2]] == [HEAD, HEAD, HEAD]


def test_a_credit_or_note_closing_a_bracket_is_no_tagged_headline() -> None:
    credit = rows_of("制图：王芳 李明（新", "华社发）")
    note = rows_of("（本报记者王芳、李明、张", "强、赵丽和新华社记者报", "道）", "老街换新颜（江州快讯）")
    assert lines_closed_by_tag(credit, [0, 1]) == [False, False]
    assert lines_closed_by_tag(note, [0, 1, 2, 3]) == [False, False, False, True]


def test_only_text_that_stops_on_a_tag_is_a_tagged_headline() -> None:
    """A bracket closing a sentence, or text running on below it, is no tag
    closing a headline."""
    ended = rows_of("社区还开了老年食堂（助餐点）。")
    running = rows_of("社区还开了老年食堂（助餐点）", "方便老人就近吃饭。")
    for row in running:
        row.measure = 14.0
    tagged = rows_of("社区还开了老年食堂（助餐点）")
    assert lines_closed_by_tag(ended, [0]) == [False]
    assert lines_closed_by_tag(running, [0, 1]) == [False, False]
    assert lines_closed_by_tag(tagged, [0]) == [True]


def test_the_unpunctuated_lines_under_a_kicker_are_its_title_even_as_wide_as_the_column() -> None:
    """A kicker ("……时强调", its last character wrapped) is followed by
    its title, here set over full column lines like text."""
    rows = rows_of(
        *CANTEEN,
        "市长在全市老城保护和改造工作推进会上作讲话时强",
        "调",
        "把老城保护好建设好让老街",
        "居民过上更加舒心美好的日",
        "子",
        "  会议今天召开。会议要求",
        "各区抓好落实。",
    )
    label_rows(rows)
    n = len(CANTEEN)
    assert [r.part for r in rows[n : n + 5]] == [HEAD] * 5
    assert rows[n + 5].part == FIRST


def test_a_figure_set_alone_under_a_headline_opens_the_text() -> None:
    rows = rows_of("老街改造 焕发新颜", "3000万元", "今年全市投入改造资金3000", "万元，改造老街十二条。")
    label_rows(rows)
    assert [r.part for r in rows] == [HEAD, SINGLE, FIRST, LAST]


def test_every_unpunctuated_line_over_a_byline_since_the_last_sentence_is_headline() -> None:
    rows = rows_of(*CANTEEN, "全市召开会议部署老城", "改造工作", "市长出席会议并讲话", "本报记者 王芳", "  会议要求，老城改造要", "让居民满意。")
    rows[len(CANTEEN) + 3].label = classify.BYLINE
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) : len(CANTEEN) + 3]] == [HEAD, HEAD, HEAD]


def test_text_with_clause_marks_over_a_byline_stays_text() -> None:
    """Extractors that print boxes out of order may put a byline under a
    stretch of text that breaks off; that text is no headline."""
    rows = rows_of(*CANTEEN[:-1], "却一点不差，食堂还将扩", "本报记者 王芳", "江州老街社区食堂开业")
    rows[len(CANTEEN)].label = classify.BYLINE
    label_rows(rows)
    assert rows[len(CANTEEN) - 1].part != HEAD


def test_a_question_closed_by_a_column_tag_is_a_headline() -> None:
    """"……怎么看？（民生数据看变化①）": the question mark is the headline's
    last mark and the bracket names a column, neither a sentence of text
    nor a note ending one."""
    assert not ends_paragraph("老街菜价为何稳中有降？（民生数据看变化①）")
    rows = rows_of(*CANTEEN, "老街菜价为何稳中有降？（民生数据看变化①）", *CANTEEN)
    label_rows(rows)
    assert rows[len(CANTEEN)].part == HEAD


def test_unpunctuated_lines_over_a_bold_headline_line_since_the_last_sentence_are_headline() -> None:
    """"全市老城改造投入3亿元" / "十二条老街今年换新颜" look like a short
    paragraph, but no sentence ends before the bold line under them."""
    rows = rows_of(*CANTEEN, "全市老城改造投入3亿元", "十二条老街今年换新颜", "江州老街社区食堂开业", *CANTEEN, bold=(len(CANTEEN) + 2,))
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) : len(CANTEEN) + 3]] == [HEAD, HEAD, HEAD]


def test_the_signature_over_a_closing_date_ends_the_text() -> None:
    """"江州市市长 王小" / "川" / "2024年3月5日": the signature, wrapped,
    closes the decree; it is no headline over the next article."""
    from jianbao.assemble.paragraphs import SIGNATURE_END, SIGNATURE_LINE, signature_lines

    texts = ["任命李明为江州市民政局局长。", "江州市市长 王小", "川", "2024年3月5日"]
    assert signature_lines(texts) == [0, SIGNATURE_LINE, SIGNATURE_END, 0]
    rows = rows_of(*CANTEEN, *texts[1:], "江州老街社区食堂开业", *CANTEEN)
    label_rows(rows)
    n = len(CANTEEN)
    assert [r.part for r in rows[n : n + 3]] == [FIRST, LAST, SINGLE]


def test_text_cut_off_inside_a_phrase_over_a_wide_headline_is_no_headline_line() -> None:
    """A full column line stopping on 和 right over the next article's
    headline, set wider than the column, is the end of a text cut off at
    the foot of its box: a headline set wider than the column has all its
    lines at that measure."""
    rows = rows_of(*CANTEEN, "街坊们盼着食堂早晚供应和", "江州新建百家社区食堂让老人吃上热乎饭", *CANTEEN)
    label_rows(rows)
    cut = len(CANTEEN)
    assert rows[cut].part != HEAD
    assert rows[cut + 1].part == HEAD


def test_a_headline_line_is_set_off_from_the_line_above_by_width_or_weight() -> None:
    """Every line of a headline is set to its measure and in its weight:
    a bold line under a plain one, or one set wider than the column, is
    set off from it; a wrapped headline's bold lines are not."""
    plain, bold, wide, wrap = rows_of("食堂还将为老人们送餐与", "社区食堂香飘老街", "江州新建百家社区食堂让老人吃上热乎饭", "老街", bold=(1, 3))
    for row in (plain, bold, wide, wrap):
        row.measure = 12.0
    assert sets_off_headline(plain, bold)
    assert sets_off_headline(plain, wide)
    (edge,) = rows_of("江州新建百家社区食堂开门迎客")
    edge.measure = 12.0
    assert sets_off_headline(plain, edge)  # two ems wider: no text line reaches that far
    assert not sets_off_headline(bold, wrap)
    assert not sets_off_headline(plain, plain)


def test_a_headline_closed_by_its_tag_over_the_first_line_of_its_text_is_tagged() -> None:
    """Extractors that print a headline before its text may wrap its tag
    apart too; over an indented opening line with a full line under it
    the tag still closes a headline, for no paragraph ends on a tag."""
    rows = rows_of("老街食堂开张了。", "办好家门口的社区食堂（民", "生观察）", *CANTEEN)
    for row in rows:
        row.measure = 12.0
    assert lines_closed_by_tag(rows, list(range(len(rows))))[:3] == [False, True, True]
    # A headline line as short as an indented one, with no full line under
    # it, opens no paragraph.
    short = rows_of("老街食堂开张了。", "办好家门口的社区食堂（民", "生观察）", "江州老街社区食堂开张", "迎来首批老人")
    for row in short:
        row.measure = 12.0
    assert not any(lines_closed_by_tag(short, list(range(len(short))))[:3])


def test_two_lines_without_a_single_mark_are_headline_lines_not_a_paragraph() -> None:
    """Set in the column without bold, two headline lines as wide as an
    indented line look like a short paragraph; but running text is
    punctuated, and a paragraph does not end on a second line without a
    mark."""
    rows = rows_of(*CANTEEN, "社区食堂今天开门迎客", "老街居民吃上放心饭菜", *CANTEEN)
    label_rows(rows)
    cut = len(CANTEEN)
    assert [r.part for r in rows[cut : cut + 2]] == [HEAD, HEAD]


def test_text_reflowed_one_paragraph_a_line_keeps_each_line_a_paragraph() -> None:
    """Text pasted from a web page, or reflowed by an extractor, prints each
    paragraph whole on one line, far wider than any column."""
    rows = rows_of(
        "江州大桥建成通车",
        "本报讯 江州大桥今天上午正式建成通车。大桥全长一千六百米，双向六车道，是连接城东新区和老城的重要通道。",
        "施工单位介绍，为了不影响河道通航，建设者采用了整体顶推的新工艺，比原计划提前四十天完工。",
        "大桥建成后，两岸居民过河的时间将由半小时缩短到十五分钟，早晚高峰的拥堵也将明显缓解。",
    )
    rows[1].label = classify.DATELINE
    label_rows(rows)
    assert [r.part for r in rows] == [HEAD, SINGLE, SINGLE, SINGLE]


def test_columns_joined_with_spaces_are_no_paragraph_printed_whole() -> None:
    assert printed_whole("本报讯 大桥今天通车。两岸市民出行更方便了。")
    assert not printed_whole("大桥今天通车，两岸市民出行更方便。 社区食堂开业，老人吃上了热乎饭。")


def test_the_line_over_a_dash_led_subtitle_is_its_title_even_under_text_broken_off() -> None:
    """"——记……" set wider than the column hangs right under its title; the
    title here is about as wide as the column and follows text that breaks
    off mid-phrase (an extractor printed the rest of that column elsewhere)."""
    title = "江州老街上的守艺人和老字号"
    assert width(title) == width(CANTEEN[1]) + 1
    rows = rows_of(*CANTEEN[:-1], "却一点不差，还有不少回头", title, "——记江州老城保护工作十年的点滴故事")
    label_rows(rows)
    assert [r.part for r in rows[-2:]] == [HEAD, HEAD]


def test_a_column_line_of_text_over_a_subtitle_is_not_taken_for_its_title() -> None:
    """Extractors that keep the page's layout may print a line of another
    column's text right over a subtitle; it fills the column exactly, as
    no title set in its own type does by more than chance."""
    line = "人们天天都来这里吃饭聊天"
    assert width(line) == width(CANTEEN[1])
    rows = rows_of(*CANTEEN[:-1], "却一点不差，还有不少的老", line, "——记江州老城保护工作十年的点滴故事")
    label_rows(rows)
    assert rows[-2].part != HEAD


def test_a_title_the_width_of_the_column_in_a_box_of_its_own_heads_its_subtitle() -> None:
    """A title may hold as many letters as a column line; where the
    extractor set it apart with a blank line (a text box of its own) right
    over its dash-led subtitle, it is that subtitle's title, not a column
    line broken off."""
    line = "人们天天都来这里吃饭聊天"
    rows = rows_of(*CANTEEN[:-1], "却一点不差，还有不少的老", line, "——记江州老城保护工作十年的点滴故事")
    rows[-2].blank_before = True
    label_rows(rows)
    assert [r.part for r in rows[-2:]] == [HEAD, HEAD]


def test_a_dash_led_line_of_running_text_makes_no_title_of_the_line_over_it() -> None:
    """A dash opening a paragraph ("——这是……。") in the column's measure,
    or a subtitle-like line that ends a sentence, is text: the line over
    it stays text."""
    inside = rows_of(*CANTEEN[:-1], "却一点不差，还有不少回头", "客天天来。", "——这是老街的新变化。")
    label_rows(inside)
    assert inside[-3].part != HEAD
    from jianbao.assemble.paragraphs import is_set_off_subtitle

    wide_sentence = Row(text="——这是老街居民这些年来最真切的感受。", lines=[0], width=18.0, measure=12.0)
    assert not is_set_off_subtitle(wide_sentence)


def test_a_note_closing_its_bracket_over_a_subtitle_is_no_title() -> None:
    """"制图：王芳（新" / "华社发）" closes the text above; only the
    unpunctuated title line under it heads the subtitle."""
    rows = rows_of(*CANTEEN, "制图：王芳 李明（新", "华社发）", "江州老街社区食堂开业", "——记江州老城保护工作十年的点滴故事")
    label_rows(rows)
    n = len(CANTEEN)
    assert rows[n + 1].part != HEAD
    assert [r.part for r in rows[n + 2 :]] == [HEAD, HEAD]


def test_two_unmarked_lines_short_of_the_column_are_no_paragraph_running_on() -> None:
    """"集装箱装卸提速了三成" / "老街食堂办到心坎里了": each is two
    characters short of the column, like an indented opening line, but
    running text is punctuated and fills its column; lines without a mark
    that do not are headline lines."""
    lines = ["江州港去年吞吐量再创新高", "集装箱装卸提速了三成", "老街食堂办到心坎里了"]
    assert all(width(t) == width(CANTEEN[1]) - 2 for t in lines[1:])
    rows = rows_of(*CANTEEN, *lines, *CANTEEN)
    label_rows(rows)
    n = len(CANTEEN)
    assert [r.part for r in rows[n : n + 3]] == [HEAD, HEAD, HEAD]


def test_a_headline_over_a_dateline_reaches_up_to_the_title_mark_it_closes() -> None:
    """"《江州老城保护工作三十" / … / "巷老手艺》" / "出版": four lines over
    the dateline, one more than text is taken for a headline there, but a
    headline does not begin inside its own title marks."""
    head_lines = ["《江州老城保护工作三十", "年回顾与展望：老街老", "巷老手艺》", "出版"]
    rows = rows_of(*CANTEEN, *head_lines, "江州讯 《江州老城保护工作三十年回", "顾与展望》一书近日出版。")
    rows[len(CANTEEN) + 4].label = classify.DATELINE
    label_rows(rows)
    n = len(CANTEEN)
    assert [r.part for r in rows[n : n + 4]] == [HEAD] * 4


def test_a_caption_set_wider_than_the_column_is_text_line_by_line() -> None:
    """A datelined caption set across the picture, wider than the column:
    its lines without a mark ("《老街的早晨》《老城的记忆》……") are lines
    of that text, not headlines set wide."""
    wide = [
        "江州讯 《江州老街》一书近日由江州出版社出版。全书收录了",
        "《老街的早晨》《老城的记忆》《老手艺人》《老店新生》",
        "《老井边的故事》等二十篇文章。",
    ]
    rows = rows_of(*CANTEEN, *wide, "本报记者 王芳 摄", *CANTEEN)
    n = len(CANTEEN)
    rows[n].label = classify.DATELINE
    rows[n + 3].label = classify.CREDIT
    label_rows(rows)
    assert HEAD not in [r.part for r in rows[n : n + 3]]


def test_a_subtitle_without_a_full_stop_ending_the_page_under_its_title_is_headline() -> None:
    """Printed after its body and set in the column's measure, a long
    subtitle ("市长王小川……等" / "到老街看望……，" / "并送上慰问品") looks
    like a paragraph, but no sentence ends in it and it ends the page on no
    mark."""
    deck = ["市长王小川副市长李明等来", "到老街看望独居的老人们，", "并送上慰问品"]
    rows = rows_of(*CANTEEN, "江州市领导看望老街独居老人", *deck, bold=(len(CANTEEN),))
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) :]] == [HEAD] * 4


def test_text_broken_off_at_the_foot_of_the_page_is_no_subtitle() -> None:
    """Under an intertitle, text that stops on a function word or fills the
    column at the foot of the page goes on elsewhere: it is text."""
    for tail in (["食堂开张以后，街坊们都说", "饭菜可口、价格实惠的"], ["食堂开张以后，街坊们都说", "饭菜可口价格实惠的老食堂"]):
        rows = rows_of(*CANTEEN, "江州市领导看望老街独居老人", *tail, bold=(len(CANTEEN),))
        label_rows(rows)
        assert HEAD not in [r.part for r in rows[len(CANTEEN) + 1 :]], tail


def test_a_number_broken_over_two_lines_keeps_the_paragraph_going() -> None:
    """"……老街更热闹。10" / "月1日晚，……": the line ends a sentence and may
    look short (digits justified wider than half an em), but no paragraph
    ends inside a number."""
    assert runs_on("新的一年老街更热闹。10", "月1日晚，食堂又添了晚餐")
    assert break_cost("新的一年老街更热闹。10", "月1日晚，食堂又添了晚餐") == C_BROKEN_WORD
    assert break_cost("新的一年老街更热闹。", "10月1日晚，食堂又添了") == 0.0


def test_a_line_with_many_digits_reckoned_short_is_still_a_full_line() -> None:
    """Justification sets digits wider than the half em they are reckoned
    at: "家。助餐点也有2089个，" reckons short of the column, yet it is a
    line of the paragraph, not the indented opening of another."""
    lines = ["  全市的老街食堂越开越多，", "去年新开张的食堂有1356", "家。助餐点也有2089个，", "老人们吃饭方便多了。"]
    rows = rows_of(*CANTEEN, *lines)
    label_rows(rows)
    assert [r.part for r in rows[len(CANTEEN) :]] == [FIRST, MID, MID, LAST]


def test_a_speakers_attribution_after_a_quote_ends_its_paragraph() -> None:
    """"……吃得放心。”" / "社区主任王芳说。": the attribution closes the
    quotation's paragraph; it opens no paragraph of its own."""
    lines = ["  “食堂的饭菜干净卫生，老", "人们吃得放心，我们也放心。”", "社区主任王芳说。", *CANTEEN]
    rows = rows_of(*CANTEEN, *lines)
    label_rows(rows)
    n = len(CANTEEN)
    assert [r.part for r in rows[n : n + 3]] == [FIRST, MID, LAST]


def test_the_end_of_a_dateline_broken_over_two_lines_goes_on_with_it() -> None:
    """"本报江州3月5日" / "电 记者从市交通局获悉：……": the second line
    finishes the dateline's line; it is neither a headline nor a new
    paragraph."""
    rows = rows_of(*CANTEEN, "本报江州3月5日", "电 记者从市交通局", "获悉：今年春运客流平稳。", *CANTEEN)
    n = len(CANTEEN)
    rows[n].label = classify.DATELINE
    label_rows(rows)
    assert [r.part for r in rows[n : n + 3]] == [FIRST, MID, LAST]


def test_a_bold_line_asking_a_question_after_its_text_is_a_headline() -> None:
    """Headlines ask ("……怎么干？") but never state with a full stop: a bold
    question after the text is its headline, a plain one a paragraph."""
    rows = rows_of(*CANTEEN, "老街食堂为何受欢迎？", bold=(len(CANTEEN),))
    label_rows(rows)
    assert rows[-1].part == HEAD
    rows = rows_of(*CANTEEN, "老街食堂为何受欢迎。", bold=(len(CANTEEN),))
    label_rows(rows)
    assert rows[-1].part != HEAD
    rows = rows_of(*CANTEEN, "老街食堂为何受欢迎？")
    label_rows(rows)
    assert rows[-1].part != HEAD


def test_key_points_between_a_byline_and_a_dateline_are_text() -> None:
    rows = rows_of("本报记者 王芳", "■ 一季度签约项目六十个", "■ 新增科技型企业四十家", "本报讯 今年以来，高新区")
    rows[0].label, rows[-1].label = classify.BYLINE, classify.DATELINE
    assert key_point_lines(rows, [1, 2]) == [True, True]
    label_rows(rows)
    assert [r.part for r in rows[1:3]] != [HEAD, HEAD] and HEAD not in [r.part for r in rows[1:3]]
    # One bulleted line over a dateline is a brief's headline.
    rows = rows_of(*CANTEEN, "■ 市图书馆周末延时开放", "本报讯 自本月起，市图书馆周末延时开放。")
    rows[-1].label = classify.DATELINE
    assert not any(key_point_lines(rows, list(range(len(rows) - 1))))
    # A bulleted line among other lines is left to the evidence.
    rows = rows_of(*CANTEEN, "● 江州一中举办科技节", *CANTEEN)
    assert not any(key_point_lines(rows, list(range(len(rows)))))


def test_the_tail_of_a_line_opening_a_note() -> None:
    assert open_tail("同比增长一成。（来源：") == "（来源："
    assert open_tail("（新华社江州3") == "（新华社江州3"
    assert open_tail("（见第2版）后来") == "（见第2版）后来"


def test_the_end_of_a_source_note_wrapped_under_a_text_is_no_headline() -> None:
    """"……同比增长一成。（来源：" / "江州新闻网）": the note closes the text;
    its wrapped end heads nothing."""
    rows = rows_of(*CANTEEN[:-1], "却一点不差。（来源：", "江州新闻网）", "老街食堂受欢迎老街食堂受欢迎", bold=(len(CANTEEN) + 1,))
    label_rows(rows)
    assert rows[-2].part != HEAD and rows[-1].part == HEAD


# A page pasted from a web page: each paragraph whole on one line, set in by
# full-width spaces, short and long alike.
WEB_PAGE = (
    "江州大桥今天通车",
    "  本报讯（记者王小明）江州大桥今天上午正式通车，大桥全长三公里，是连接两岸的重要通道。",
    "  市民纷纷点赞。",
    "  “过江再也不用绕路了，上班能省半个小时。”家住城东的李女士说。",
    "  据介绍，大桥设计时速六十公里，双向六车道，两侧设有人行道和自行车道。",
)


def test_a_page_printed_one_paragraph_per_line_is_read_so() -> None:
    """Where most lines of text end a paragraph, the page prints each
    paragraph whole on one line: every line closed by a full stop is a
    paragraph, however short or long, and the headline stays one."""
    rows = rows_of(*WEB_PAGE)
    rows[1].label = classify.DATELINE
    assert prints_whole_paragraphs(rows)
    label_rows(rows)
    assert [r.part for r in rows] == [HEAD, SINGLE, SINGLE, SINGLE, SINGLE]


def test_a_column_of_running_text_is_no_page_of_whole_paragraphs() -> None:
    assert not prints_whole_paragraphs(rows_of(*CANTEEN, *CANTEEN))


def test_lines_between_whole_paragraphs_are_read_on_their_own() -> None:
    """A title's dash-led subtitle and a closing note on a page of whole
    paragraphs: no paragraph runs on across a whole one, so the subtitle
    heads and the note closes, each apart."""
    rows = rows_of(
        *WEB_PAGE,
        "老街改造完工 街坊回来了",
        "——江州老城更新见闻",
        "  老街改造今天完工，沿街一百多间老屋修缮一新，街巷路面和地下管网一并更新。",
        "  街坊们说，老街又热闹起来了，晚上来散步的人越来越多。",
        "  （本报记者 赵雪）",
    )
    label_rows(rows)
    assert [r.part for r in rows[len(WEB_PAGE) :]] == [HEAD, HEAD, SINGLE, SINGLE, SINGLE]


# A lead-in paragraph: its last line finishes the word the line above broke
# off ("成" / "效显著——") and closes on a dash leading into the next one.
LEAD_IN = ("食堂开业一年来，服务", "越来越贴心，老人们的评价", "也都越来越好。一年来的成", "效显著——")
BREAKFAST = ("早上六点，食堂准时开", "门，热腾腾的包子和豆浆已", "经摆上了桌。")


def test_a_short_line_finishing_a_broken_word_on_a_dash_ends_its_paragraph() -> None:
    rows = rows_of(*LEAD_IN, *BREAKFAST)
    label_rows(rows)
    assert [r.part for r in rows] == [FIRST, MID, MID, LAST, FIRST, MID, LAST]


def test_a_line_of_its_own_words_ending_on_a_dash_after_a_column_foot_is_a_kicker() -> None:
    """"江州老街食堂——" under a column's foot ("……一年来我们") opens with
    words of its own: it leads into a title, it finishes no paragraph."""
    rows = rows_of(*LEAD_IN[:2], "也都越来越好。一年来我们", "江州老街食堂——", *BREAKFAST)
    label_rows(rows)
    assert rows[3].part == HEAD


def test_a_single_letter_before_a_dash_is_no_kicker() -> None:
    """A kicker names something before its dash; "善——" alone is the end
    of a word ("完善") broken over a line."""
    head = STATES.index(HEAD)
    (broken,) = rows_of("善——")
    (place,) = rows_of("江州——")
    assert emission(broken, 12.0)[head] < 0 < emission(place, 12.0)[head]


# "把闲" / "置的" run one word across a title and its column tag, printed
# over two full lines and a short one where their box fell in the column.
TITLE_INSIDE = ("北山万亩茶园迎来采摘季节", "游客争相体验采茶乐趣（江", "州观察）")


def test_a_headline_of_several_lines_printed_inside_a_sentence_is_a_headline() -> None:
    rows = rows_of("清晨六点，老街的早餐", "铺已经坐满了人。社区把闲", *TITLE_INSIDE, "置的门面改成了便民食堂，", "老人们吃上了热乎饭。")
    label_rows(rows)
    assert [r.part for r in rows] == [FIRST, MID, HEAD, HEAD, HEAD, MID, LAST]


def test_lines_between_two_that_no_word_runs_across_are_no_headline_inside_a_sentence() -> None:
    rows = rows_of("清晨六点，老街的早餐", "铺已经坐满了人。社区很好", *TITLE_INSIDE, "置的门面改成了便民食堂，", "老人们吃上了热乎饭。")
    for row in rows:
        row.measure = 12.0
    assert headlines_inside_sentences(rows, list(range(len(rows))), TOL, set()) == []


def test_a_quotation_set_alone_short_of_the_column_reads_as_a_headline() -> None:
    """"“老街的早点铺又开张了”" alone on a line short of the column quotes
    what someone said as a headline; closed by a full stop inside its
    quotes it is the last line of a paragraph."""
    head = STATES.index(HEAD)
    (quoted,) = rows_of("“老街的早点铺又开张了”")
    (plain,) = rows_of("老街的早点铺又开张了")
    (closed,) = rows_of("“老街的早点铺又开张了。”")
    assert emission(quoted, 16.0)[head] > emission(plain, 16.0)[head]
    assert emission(closed, 16.0)[head] < 0 < emission(quoted, 16.0)[head]


def test_a_quotation_set_alone_between_two_lines_of_a_sentence_is_a_headline_inside_it() -> None:
    rows = rows_of("清晨六点，老街的早餐铺已经", "坐满了人。社区把闲置的老门面", "“老街的早饭最香”", "改成了便民食堂，老人们吃上热", "乎饭，年轻人也常来歇歇脚。")
    for row in rows:
        row.measure = 14.0
    assert rows_inside_sentences(rows, list(range(len(rows))), TOL) == [2]


def test_a_quotation_set_whole_over_two_lines_is_a_wrapped_quoted_headline() -> None:
    texts = ["他们表示，老街越来越热闹，", "“江州正从老工业城市", "走向创新之城”", "“老街的早点铺", "又开张了。”"]
    # The second pair closes a sentence inside its quotes: text.
    assert quotation_pairs(texts) == [False, True, True, False, False]
    head = STATES.index(HEAD)
    (line,) = rows_of("走向创新之城”")
    assert emission(line, 14.0, quoted_pair=True)[head] > emission(line, 14.0)[head]


def test_a_full_line_over_a_headlines_wrapped_end_is_the_headlines_first_line() -> None:
    """"词" alone is no headline: the full line over it, which nothing in
    the text above runs into, is the title it ends."""
    rows = rows_of(*CANTEEN[:5], "江州市长王小川发表新年贺", "词")
    for row in rows:
        row.measure = 12.0
    for row, part in zip(rows, [FIRST, MID, MID, MID, MID, MID, HEAD]):
        row.part = part
    assert headlines_wrapped_from_text(rows) == [5]
    rows[4].text = "人也常来这里歇歇脚。食堂的"  # the text runs on into the line
    assert headlines_wrapped_from_text(rows) == []
