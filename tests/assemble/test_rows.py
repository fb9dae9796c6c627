"""Rows: page furniture taken out, faux-bold copies collapsed, jump markers
and photo credits split off the lines they are printed on."""

from __future__ import annotations

import pytest

from jianbao import classify
from jianbao.assemble.rows import Row, prepare_rows, split_line, split_wrapped_tails, widen_after_markers
from jianbao.model import Line, Page

# Two columns' worth of an invented farm story, one justified paragraph
# after another (first lines indented by two spaces).
BODY = [
    "  江州市今年秋粮喜获丰收，全市粮食总产量",
    "再创历史新高，农民收入稳步增长。",
    "  据介绍，今年全市推广良种面积达到二十万",
    "亩，机械化收割率超过九成。",
    "  今年以来，江州市持续加大农田水利投入，",
    "新建高标准农田三万亩。",
    "  市农业部门负责人表示，下一步将抓好秋",
    "种工作，为明年丰收打下基础。",
    "  眼下，全市各地正抓紧晾晒和收购新粮，",
    "确保颗粒归仓。",
]


def page(texts: list[str]) -> Page:
    return Page(number=9, lines=[Line(text=t, index=i) for i, t in enumerate(texts)])


def rows_of(texts: list[str]) -> tuple[Page, list[Row]]:
    p = page(texts)
    return p, prepare_rows(p)


def labelled(rows: list[Row]) -> list[tuple[str, str]]:
    return [(r.text.strip(), r.label) for r in rows]


# --- furniture ------------------------------------------------------------------------


def test_masthead_date_and_page_header_at_the_top_go_to_the_page() -> None:
    p, rows = rows_of(["江州日报", "2023年10月9日 星期一", "第3版 经济", *BODY])
    assert [(f.kind, f.text, f.lines) for f in p.furniture] == [
        ("masthead", "江州日报", [0]),
        ("date", "2023年10月9日 星期一", [1]),
        ("page_header", "第3版 经济", [2]),
    ]
    assert (p.number, p.section, p.date, p.paper) == (3, "经济", "2023-10-09", "江州日报")
    assert [r.text for r in rows] == BODY


def test_a_city_papers_lettered_page_header_goes_to_the_page() -> None:
    """"A3" beside the date, the section, who edited the page: all furniture."""
    p, rows = rows_of(["江州晚报 2025年3月12日 星期三 A3 城事 责编：王芳 美编：李明", *BODY])
    assert [f.kind for f in p.furniture] == ["page_header"]
    assert (p.number, p.section, p.date, p.paper) == (3, "城事", "2025-03-12", "江州晚报")
    assert [r.text for r in rows] == BODY
    p, rows = rows_of(["第A05版 文体", *BODY])
    assert (p.number, p.section) == (5, "文体")


@pytest.mark.parametrize("folio", ["5", "— 5 —", "-5-", "第5页"])
def test_the_page_number_alone_on_the_pages_last_line_is_furniture(folio: str) -> None:
    p, rows = rows_of(["第5版 要闻", *BODY, folio])
    assert [(f.kind, f.text) for f in p.furniture] == [("page_header", "第5版 要闻"), ("page_header", folio)]
    assert [r.text for r in rows] == BODY


def test_a_number_alone_inside_the_page_is_content() -> None:
    p, rows = rows_of(["第5版 要闻", *BODY[:2], "5", *BODY[2:]])
    assert [f.text for f in p.furniture] == ["第5版 要闻"]
    assert "5" in [r.text for r in rows]


def test_an_e_paper_sites_header_gives_the_page_its_number_section_and_date() -> None:
    p, rows = rows_of(["第05版：要闻", *BODY])
    assert (p.number, p.section) == (5, "要闻")
    p, rows = rows_of(["江州日报 2020-03-05 第5版", *BODY])
    assert (p.number, p.date, p.paper) == (5, "2020-03-05", "江州日报")
    assert [r.text for r in rows] == BODY


def test_a_city_papers_header_printed_over_several_lines_goes_to_the_page() -> None:
    """The lettered page number on a line of its own and the section's name
    under it, at the top of the page, are the page header."""
    p, rows = rows_of(["江州晚报", "2026年3月5日 星期四", "A02", "要闻", *BODY])
    assert [(f.kind, f.text) for f in p.furniture] == [
        ("masthead", "江州晚报"),
        ("date", "2026年3月5日 星期四"),
        ("page_header", "A02"),
        ("page_header", "要闻"),
    ]
    assert (p.number, p.section) == (2, "要闻")
    assert [r.text for r in rows] == BODY
    p, rows = rows_of(["A02 要闻", "责编：王芳 美编：李明", *BODY])
    assert (p.number, p.section) == (2, "要闻")
    assert [(f.kind, f.text) for f in p.furniture][1] == ("page_header", "责编：王芳 美编：李明")
    assert [r.text for r in rows] == BODY


def test_a_front_pages_digest_and_weather_box_are_furniture() -> None:
    """The digest under the header (teasers, each closed by the page that
    prints the story) and the weather box: a table of contents and a
    forecast, not news."""
    digest = ["今日导读", "全市春耕备耕全面展开", "详见第2版", "江州大桥主体结构完工", "（详见A3版）"]
    weather = ["今日天气", "晴转多云 8℃～18℃ 东南风2级"]
    p, rows = rows_of(["第1版 要闻", *digest, *BODY, *weather])
    assert [(f.kind, f.text) for f in p.furniture][1:] == [*[("digest", t) for t in digest], *[("weather", t) for t in weather]]
    assert [r.text for r in rows] == BODY


def test_a_short_line_under_the_text_is_no_section_name() -> None:
    """Once the page's content has begun, a bare page number or a short line
    is content: "G20" and "要闻" may be a headline's words."""
    p, rows = rows_of(["江州晚报", BODY[0], "G20", "要闻", *BODY[1:]])
    assert [f.text for f in p.furniture] == ["江州晚报"]
    assert [r.text for r in rows] == [BODY[0], "G20", "要闻", *BODY[1:]]


def test_a_page_header_is_furniture_wherever_the_extractor_prints_it() -> None:
    p, rows = rows_of([*BODY[:7], "第3版 经济", *BODY[7:]])
    assert [(f.kind, f.lines) for f in p.furniture] == [("page_header", [7])]
    assert (p.number, p.section) == (3, "经济")
    assert [r.text for r in rows] == BODY


def test_a_dated_header_is_furniture_wherever_the_extractor_prints_it() -> None:
    p, rows = rows_of([*BODY[:7], "2023年10月9日 星期一", *BODY[7:]])
    assert [(f.kind, f.lines) for f in p.furniture] == [("date", [7])]
    assert p.date == "2023-10-09"
    assert [r.text for r in rows] == BODY


def test_a_bare_paper_name_is_furniture_only_near_the_edges() -> None:
    p, rows = rows_of([*BODY[:7], "江州日报", *BODY[7:]])
    assert p.furniture == [] and p.paper is None
    assert "江州日报" in [r.text for r in rows]


def test_a_bare_paper_name_alone_between_blank_lines_is_furniture_anywhere() -> None:
    texts = [*BODY[:7], "江州日报", *BODY[7:]]
    p = Page(number=9, lines=[Line(text=t, index=i, blank_before=i in (7, 8)) for i, t in enumerate(texts)])
    rows = prepare_rows(p)
    assert [(f.kind, f.lines) for f in p.furniture] == [("masthead", [7])]
    assert [r.text for r in rows] == BODY


def test_a_bare_paper_name_at_the_foot_is_furniture() -> None:
    p, rows = rows_of([*BODY, "江州日报"])
    assert [(f.kind, f.lines) for f in p.furniture] == [("masthead", [len(BODY)])]
    assert p.paper == "江州日报"
    assert [r.text for r in rows] == BODY


def test_the_page_editors_line_under_the_header_is_furniture() -> None:
    """At the head of a city paper's page; at its foot it closes the last
    text, as the other closing credits do."""
    p, rows = rows_of(["江州晚报 2025年3月12日 星期三 A2 要闻", "本版编辑：孙丽 邮箱：jzwb@example.com", *BODY])
    assert [f.kind for f in p.furniture] == ["page_header", "page_header"]
    assert [r.text for r in rows] == BODY


def test_a_bare_date_other_than_the_pages_is_a_signatures_date_not_furniture() -> None:
    """A notice signed the day before the issue ends on its date, which an
    extractor may print alone between blank lines; the page's own date
    printed so is still furniture."""
    signed = ["江州日报 2023年10月9日 星期一", *BODY[:7], "江州市人民政府", "2023年10月8日", *BODY[7:]]
    p = Page(number=9, lines=[Line(text=t, index=i, blank_before=i in (8, 9, 10)) for i, t in enumerate(signed)])
    rows = prepare_rows(p)
    assert [f.kind for f in p.furniture] == ["date"] and p.date == "2023-10-09"
    assert "2023年10月8日" in [r.text for r in rows]
    own = [*signed[:9], "2023年10月9日", *signed[10:]]
    p = Page(number=9, lines=[Line(text=t, index=i, blank_before=i in (8, 9, 10)) for i, t in enumerate(own)])
    rows = prepare_rows(p)
    assert [(f.kind, f.lines) for f in p.furniture] == [("date", [0]), ("date", [9])]
    assert "2023年10月9日" not in [r.text for r in rows]


# --- faux bold --------------------------------------------------------------------------


def test_a_line_printed_twice_is_one_bold_row_and_the_copy_is_kept_aside() -> None:
    p, rows = rows_of(["江州大桥建成通车", "江州大桥建成通车", *BODY])
    assert (rows[0].text, rows[0].bold, rows[0].lines) == ("江州大桥建成通车", True, [0])
    assert [r.text for r in rows[1:]] == BODY
    assert p.collapsed == ["江州大桥建成通车"]


def test_a_two_line_headline_printed_twice_as_a_block_is_collapsed() -> None:
    p, rows = rows_of(["江州大桥建成", "两岸往来更便捷", "江州大桥建成", "两岸往来更便捷", *BODY])
    assert [(r.text, r.bold) for r in rows[:2]] == [("江州大桥建成", True), ("两岸往来更便捷", True)]
    assert [r.text for r in rows[2:]] == BODY
    assert p.collapsed == ["江州大桥建成", "两岸往来更便捷"]


def test_a_line_with_every_token_doubled_is_undoubled() -> None:
    p, rows = rows_of(["本报记者本报记者 王小明王小明", *BODY])
    assert (rows[0].text, rows[0].label, rows[0].bold) == ("本报记者 王小明", classify.BYLINE, True)
    assert p.collapsed == ["本报记者王小明"]


# --- markers and credits split off a line ------------------------------------------------


def test_a_jump_marker_at_a_line_end_is_split_off() -> None:
    rows = split_line(Line(text="确保颗粒归仓。 （下转第4版）", index=5))
    assert labelled(rows) == [("确保颗粒归仓。", classify.TEXT), ("（下转第4版）", classify.JUMP_TO)]
    assert [r.lines for r in rows] == [[5], [5]]


def test_a_continuation_marker_at_a_line_start_is_split_off() -> None:
    rows = split_line(Line(text="（上接第1版）再创历史新高，农民收入", index=0))
    assert labelled(rows) == [("（上接第1版）", classify.JUMP_FROM), ("再创历史新高，农民收入", classify.TEXT)]


def test_a_line_that_is_only_a_jump_marker_is_one_row() -> None:
    assert labelled(split_line(Line(text="（下转第4版）"))) == [("（下转第4版）", classify.JUMP_TO)]


def test_a_photo_credit_after_a_caption_sentence_is_split_off() -> None:
    rows = split_line(Line(text="  金秋时节，江州乡村处处是丰收景象。 本报记者 王平摄", index=3))
    assert labelled(rows) == [("金秋时节，江州乡村处处是丰收景象。", classify.TEXT), ("本报记者 王平摄", classify.CREDIT)]
    assert rows[0].indent


def test_a_photo_credit_after_a_tu_wei_caption_is_split_off_and_the_caption_stays_one() -> None:
    rows = split_line(Line(text="图为修缮一新的江州老街。 本报记者 李明摄", index=3))
    assert labelled(rows) == [("图为修缮一新的江州老街。", classify.CAPTION), ("本报记者 李明摄", classify.CREDIT)]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("图为修缮一新的江州老街。（新华社记者 江小舟 摄）", "（新华社记者 江小舟 摄）"),
        ("游客在老街拍照留念。 江小舟摄（视觉江州）", "江小舟摄（视觉江州）"),
        ("游客在老街拍照留念。 江小舟 李红摄", "江小舟 李红摄"),
        ("遊客在老街拍照留念。 江小舟攝（視覺江州）", "江小舟攝（視覺江州）"),
    ],
)
def test_a_credit_in_brackets_or_a_name_set_apart_ends_a_caption_line(line: str, credit: str) -> None:
    rows = split_line(Line(text=line, index=3))
    assert [r.text.strip() for r in rows][1:] == [credit] and rows[1].label == classify.CREDIT


@pytest.mark.parametrize("line", ["大家都来看。 电影在江州拍摄", "游客在老街拍照留念。江小舟摄"])
def test_words_ending_in_she_are_no_credit_without_a_role_and_a_space(line: str) -> None:
    assert len(split_line(Line(text=line, index=3))) == 1


def test_leading_spaces_are_an_indent_but_a_centred_line_is_not() -> None:
    assert split_line(Line(text="  江州市今年秋粮喜获丰收"))[0].indent
    assert not split_line(Line(text="        江州大桥建成通车"))[0].indent


def test_rows_carry_the_blank_line_before_them() -> None:
    assert split_line(Line(text="江州大桥建成通车", blank_before=True))[0].blank_before


def test_row_width_counts_printed_ems_not_extraction_spaces() -> None:
    _, rows = rows_of(["本报记者 王小明", *BODY])
    assert rows[0].width == 7.0


# --- lines broken apart ------------------------------------------------------------------


def test_a_role_line_and_a_names_line_are_one_byline() -> None:
    _, rows = rows_of(["本报记者", "王小明、李明", *BODY])
    assert labelled(rows[:2]) == [("本报记者", classify.BYLINE), ("王小明、李明", classify.BYLINE)]


def test_a_name_after_a_complete_byline_is_not_marked() -> None:
    _, rows = rows_of(["本报记者 王小明", "李明", *BODY])
    assert labelled(rows[:2]) == [("本报记者 王小明", classify.BYLINE), ("李明", classify.TEXT)]


def test_a_dateline_broken_over_two_lines_still_opens_the_paragraph() -> None:
    _, rows = rows_of(["  本报江州10月", "8日电 今年全市秋粮喜获丰收，总产量再创新高。", *BODY])
    assert rows[0].label == classify.DATELINE


def test_the_gap_after_a_dateline_counts_an_em_on_the_line_that_holds_it() -> None:
    """"……日电" and its text are set an em apart; the extractor prints one
    space, which widths leave out."""
    _, rows = rows_of(["新华社江州1月1", "1日电 市政府日前印", *BODY])
    assert (rows[0].label, rows[1].width) == (classify.DATELINE, 9.5)  # "1" is half an em
    _, rows = rows_of(["新华社江州1月11日电", " 市政府日前印发通知", *BODY])
    assert (rows[0].label, rows[1].width) == (classify.DATELINE, 10.0)
    _, rows = rows_of(["新华社江州1月11日电 市政", " 府日前印发通知要求", *BODY])
    assert rows[1].width == 9.0  # the gap is on the line above


def test_a_box_ending_on_a_broken_dateline_opens_a_text_wherever_its_rest_was_printed() -> None:
    # A box extractor printed another box between the dateline's two lines.
    texts = ["江州秋粮喜获丰收", "本报江州10月8", "全市粮食总产量再创历史新高。", "日电 今年全市秋粮喜获丰收。", *BODY]
    boxed = Page(number=9, lines=[Line(text=t, index=i, blank_before=i in (2, 3)) for i, t in enumerate(texts)])
    rows = prepare_rows(boxed)
    assert labelled(rows[:2]) == [("江州秋粮喜获丰收", classify.TEXT), ("本报江州10月8", classify.DATELINE)]
    # Inside a box a dateline is marked only where the next line finishes it.
    _, rows = rows_of(texts)
    assert rows[1].label == classify.TEXT


def test_a_byline_and_the_dateline_beside_it_on_one_line_are_two_rows() -> None:
    rows = split_line(Line(text="本报记者 王小明 本报江州3月1日电 春耕时节，", index=4))
    assert [(r.text, r.label) for r in rows] == [
        ("本报记者 王小明", classify.BYLINE),
        ("本报江州3月1日电 春耕时节，", classify.DATELINE),
    ]
    assert all(r.lines == [4] for r in rows)


def test_a_headline_and_a_dateline_broken_at_the_line_end_are_two_rows() -> None:
    """The dateline beside a headline may break before its "电": the rest
    of it opens the next line."""
    rows = split_line(Line(text="江州大桥建成通车 本报江州10月4日", index=2))
    assert [r.text for r in rows] == ["江州大桥建成通车", "本报江州10月4日"]
    assert [r.text for r in split_line(Line(text="他说 本报江州", index=2))] == ["他说 本报江州"]


def test_a_title_and_its_subtitle_on_one_line_are_two_rows() -> None:
    rows = split_line(Line(text="江州大桥建成通车 ——写在大桥开工五周年之际", index=2))
    assert [r.text for r in rows] == ["江州大桥建成通车", "——写在大桥开工五周年之际"]


def test_a_dateline_or_dash_inside_running_text_does_not_split_it() -> None:
    for text in ["新华社江州3月1日电 春耕时节，", "他说——这是大事。", "记者从本报江州站获悉"]:
        assert [r.text for r in split_line(Line(text=text, index=1))] == [text]


def test_the_wrapped_end_of_a_headline_beside_a_text_line_is_cut_from_it() -> None:
    _, rows = rows_of(["市长出席江州大桥通车仪式并发表讲", "话 清晨六点，大桥上已经", *BODY])
    assert [r.text for r in rows[:3]] == ["市长出席江州大桥通车仪式并发表讲", "话", "清晨六点，大桥上已经"]
    assert all(r.lines == [1] for r in rows[1:3])


def test_a_byline_under_a_headline_is_no_wrapped_tail() -> None:
    """A byline opens with a role and a space ("记者 王平、李明") under a
    wider headline line: it stays one byline."""
    _, rows = rows_of(["“江州发展迎来新的天地”", "记者 王平、李明", *BODY])
    assert [(r.text, r.label) for r in rows[:2]] == [("“江州发展迎来新的天地”", classify.TEXT), ("记者 王平、李明", classify.BYLINE)]


def tails(above: str, line: str) -> list[str]:
    return [r.text for r in split_wrapped_tails([Row(text=above, lines=[0]), Row(text=line, lines=[1])])]


def test_only_a_headline_tail_beside_running_text_is_cut() -> None:
    # A dateline broken on its date, a bullet, a line under a closed
    # sentence, a tail beside no sentence, a line above no wider than the
    # text beside.
    for above, line in [
        ("本报江州3月1", "日电 清晨六点，大桥上已经"),
        ("江州大桥今天正式建成通车并投用", "■ 清晨六点，大桥上已经"),
        ("江州大桥今天正式建成通车。", "话 清晨六点，大桥上已经"),
        ("市长出席江州大桥通车仪式并发表讲", "话 江州大桥建成通车"),
        ("市长出席通车仪式讲", "话 清晨六点，大桥上已经"),
    ]:
        assert tails(above, line) == [above, line]


def test_an_empty_page_has_no_rows() -> None:
    assert prepare_rows(page([])) == []


def test_reporters_named_inside_a_source_note_are_no_byline() -> None:
    _page, rows = rows_of(
        [
            "  大桥建成后两岸往来更加便捷。",
            "（本报江州3月5日电",
            "记者王芳、李明、赵雪、孙",
            "立平）",
            "本报记者 王芳",
        ]
    )
    assert [r.label for r in rows[-3:]] == [classify.TEXT, classify.TEXT, classify.BYLINE]


def test_the_papers_imprint_is_furniture_wherever_the_extractor_prints_it() -> None:
    imprint = "国内统一连续出版物号 CN99-0001  邮发代号 99-1"
    for texts in (["江州日报", imprint, *BODY], [*BODY[:7], imprint, *BODY[7:]], [*BODY, "今日8版  定价：1.00元"]):
        p, rows = rows_of(texts)
        assert "imprint" in [f.kind for f in p.furniture]
        assert [r.text for r in rows] == BODY


def test_a_column_head_in_pinyin_and_its_name_in_characters_are_one_column_head() -> None:
    _p, rows = rows_of(["江州日报", "JIN RI GUAN ZHU", "今日关注", "老街迎元宵", "江州南城"])
    assert labelled(rows)[:2] == [("JIN RI GUAN ZHU", classify.COLUMN), ("今日关注", classify.COLUMN)]
    # Four characters under a pinyin line of two syllables are something else.
    _p, rows = rows_of(["江州日报", "JIN RI", "老街迎元宵", "江州南城"])
    assert labelled(rows)[1] == ("老街迎元宵", classify.TEXT)


def test_the_rest_of_a_continuation_markers_line_is_measured_with_the_marker() -> None:
    """"（上接第1版）" and "再创新高" fill one printed line of the column."""
    rows = split_line(Line(text="（上接第1版）再创新高", index=0))
    rows.append(Row(text="村里的收成一年比一年好", lines=[1]))
    rows[0].width, rows[1].width, rows[2].width = 6.5, 4.0, 11.0
    widen_after_markers(rows)
    assert [r.width for r in rows] == [6.5, 10.5, 11.0]
