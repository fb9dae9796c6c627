"""Column order for text printed row by row across columns.

The pages are composed here from invented stories (tests/fixtures/
compose_text.py): paragraphs are set into column lines, the columns are
printed the way ``pdftotext`` prints a multi-column block (one line of each
column in turn, two columns on one line joined by a space where the left
line fills its measure), and the stage must give back each column top to
bottom.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

import compose_text as ct  # noqa: E402

from jianbao.assemble.columns import (  # noqa: E402
    MAX_GAP,
    ends_at_column_edge,
    glued_parts,
    headline_lines,
    number_ends,
    number_starts,
    merged_parts,
    page_measures,
    periodic_successors,
    column_order,
    printed_by_rows,
    split_pieces,
    successor_scores,
    reads_in_order,
    restore_column_order,
    runs_on_text,
)
from jianbao.assemble.rows import BOXES_REORDERED, REORDERED  # noqa: E402
from jianbao.conservation import check_page  # noqa: E402
from jianbao.model import Line  # noqa: E402
from jianbao.pipeline import Options, parse_texts  # noqa: E402
from jianbao.readers.text import page_from_text  # noqa: E402

MEASURE = 12

# Invented text, long enough for three columns of one article.
EXTRA = [
    "清晨六点，江州老城的早市已经热闹起来。卖豆腐的张大姐推着小车来到巷口，熟客们早早排起了队，一边等一边聊着家长里短。",
    "近两年，街道把早市搬进了新建的便民市场，地面干净了，摊位整齐了，老街坊们买菜更方便，摊主的生意也比过去红火。",
    "市场管理员介绍，市场里还设了公平秤和意见箱，每月请居民代表来打分，哪家摊位评价不好就要限期整改，大家都很认可。",
]


def flow_lines(paragraphs: list[str], measure: int = MEASURE) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += ct.wrap_paragraph(paragraph, measure)
    return lines


def columns_of(lines: list[str], count: int) -> list[list[str]]:
    """Cut one flow of lines into ``count`` columns of equal depth (the
    lines that do not fill the last row are dropped)."""
    depth = len(lines) // count
    return [lines[k * depth : (k + 1) * depth] for k in range(count)]


def fills(text: str, measure: int = MEASURE) -> bool:
    return sum(ct.em_width(c) for c in text) >= measure - 0.5


def print_rows(columns: list[list[str]], offsets: list[int] | None = None) -> list[str]:
    """Lines as printed row by row: row r holds line r - offset of each
    column; a piece that fills its measure is joined to the next column's
    piece on the same row by a space (they almost touch on the page)."""
    return [line for row in printed_rows(columns, offsets) for line in row]


def printed_rows(columns: list[list[str]], offsets: list[int] | None = None) -> list[list[str]]:
    offsets = offsets or [0] * len(columns)
    depth = max(len(c) + o for c, o in zip(columns, offsets))
    rows: list[list[str]] = []
    for row in range(depth):
        out: list[str] = []
        rows.append(out)
        pieces = [c[row - o] if 0 <= row - o < len(c) else None for c, o in zip(columns, offsets)]
        current = ""
        for k, piece in enumerate(pieces):
            if piece is None:
                if current:
                    out.append(current)
                current = ""
                continue
            if current and fills(pieces[k - 1] or ""):
                current = f"{current} {piece}"
            else:
                if current:
                    out.append(current)
                current = piece
        if current:
            out.append(current)
    return rows


def as_lines(texts: list[str]) -> list[Line]:
    return page_from_text("\n".join(texts)).lines


def squeeze(texts: list[str]) -> str:
    return "".join("".join(texts).split())


def article_flow() -> list[str]:
    return flow_lines(ct.HARVEST.paragraphs + ct.BRIDGE.paragraphs + EXTRA)


def test_three_interleaved_columns_come_back_in_column_order() -> None:
    flow = article_flow()
    printed = print_rows(columns_of(flow, 3))
    assert squeeze(printed) != squeeze(flow)  # the fixture is really scrambled
    restored = restore_column_order(as_lines(printed))
    assert squeeze([line.text for line in restored]) == squeeze(flow[: 3 * (len(flow) // 3)])


def test_a_column_that_starts_lower_than_the_one_beside_it_is_still_read_first() -> None:
    """The first column starts two lines lower (a box sits above it): the
    second column's first lines are printed before any of the first's, yet
    the first column, printed left of the second on the lines they share,
    is read first."""
    flow = article_flow()
    columns = columns_of(flow, 3)
    printed = print_rows(columns, offsets=[2, 0, 0])
    assert printed[0].startswith(columns[1][0])  # the second column's top is printed first
    restored = [line.text for line in restore_column_order(as_lines(printed))]
    assert squeeze(restored) == squeeze(flow[: 3 * (len(flow) // 3)])


def test_two_articles_side_by_side_each_column_comes_back_whole() -> None:
    left = flow_lines(ct.HARVEST.paragraphs + EXTRA[:1])
    right = flow_lines(ct.BRIDGE.paragraphs + EXTRA[1:])
    depth = 2 * (min(len(left), len(right)) // 2)
    left, right = left[:depth], right[:depth]
    # The right article's baselines sit a little lower: its rows come after
    # the left article's in every printed row, never merged with them.
    printed: list[str] = []
    for row_left, row_right in zip(printed_rows(columns_of(left, 2)), printed_rows(columns_of(right, 2))):
        printed += row_left + row_right
    restored = [line.text for line in restore_column_order(as_lines(printed))]
    text = squeeze(restored)
    for columns in (columns_of(left, 2), columns_of(right, 2)):
        for column in columns:
            assert squeeze(column) in text


def test_split_pieces_keep_their_source_line_index() -> None:
    printed = print_rows(columns_of(article_flow(), 3))
    lines = as_lines(printed)
    merged = {line.index for line in lines if " " in line.text}
    assert merged, "the fixture should merge some rows"
    restored = restore_column_order(lines)
    assert len(restored) > len(lines)
    assert Counter(line.index for line in restored if line.index in merged) == Counter(
        {i: len(next(x for x in lines if x.index == i).text.split(" ")) for i in merged}
    )
    assert {line.index for line in restored} == {line.index for line in lines}


def test_characters_are_kept_exactly() -> None:
    printed = print_rows(columns_of(article_flow(), 4), offsets=[0, 0, 1, 1])
    lines = as_lines(printed)
    restored = restore_column_order(lines)
    before = Counter(c for line in lines for c in line.text if not c.isspace())
    after = Counter(c for line in restored for c in line.text if not c.isspace())
    assert before == after


def test_text_in_column_order_passes_unchanged() -> None:
    texts = ct.SAMPLE_HEADER + ct.story_lines(ct.HARVEST, MEASURE) + ct.story_lines(ct.BRIDGE, MEASURE)
    texts += flow_lines(EXTRA)
    lines = as_lines(texts)
    assert restore_column_order(lines) is lines


def test_short_input_passes_unchanged() -> None:
    lines = as_lines(["江州日报", "第1版 要闻"])
    assert restore_column_order(lines) is lines


def test_blocks_keep_their_blank_line() -> None:
    flow = article_flow()
    printed = print_rows(columns_of(flow, 3))
    texts = ["青石河大桥合龙", "", *printed]
    restored = restore_column_order(as_lines(texts))
    assert restored[0].text == "青石河大桥合龙"
    assert restored[1].blank_before
    assert not any(line.blank_before for line in restored[2:])


@pytest.mark.parametrize(
    "text, parts",
    [
        ("得2019年江州稻谷丰收的 里乡亲、齐心协力", ["得2019年江州稻谷丰收的", "里乡亲、齐心协力"]),
        ("今年雨水匀，稻子长得好， 能多收 一百来斤。", ["今年雨水匀，稻子长得好，", "能多收 一百来斤。"]),
        ("本报记者 王小明 摄", ["本报记者 王小明 摄"]),  # a byline's own spaces
        ("北斗导航收割机二百余台的 GPS", ["北斗导航收割机二百余台的 GPS"]),  # Latin word
        ("2024年10月9日 星期三", ["2024年10月9日 星期三"]),
    ],
)
def test_merged_parts_split_only_after_full_lines(text: str, parts: list[str]) -> None:
    assert merged_parts(text, [12.0]) == parts


@pytest.mark.parametrize(
    "text, parts",
    [
        # A paragraph's last line stops short of the edge; the next column's
        # line was printed against it.
        ("新米上市了。 里乡亲、齐心协力种好田", ["新米上市了。", "里乡亲、齐心协力种好田"]),
        ("好。 里乡亲、齐心协力种好田", ["好。", "里乡亲、齐心协力种好田"]),
        # A headline over some columns, printed on the row of the next one.
        ("江州新区三座文化场馆同日向市民开放 里乡亲、齐心协力", ["江州新区三座文化场馆同日向市民开放", "里乡亲、齐心协力"]),
        # Three runs, one a full column line: the run before it is another
        # column's line (the end of an intertitle).
        ("稻花飘香 乡亲们都说今年的收成好 大家一起", ["稻花飘香", "乡亲们都说今年的收成好", "大家一起"]),
        # Two runs may be a headline's two halves.
        ("稻花飘香 江村丰收在望了", ["稻花飘香 江村丰收在望了"]),
    ],
)
def test_merged_parts_split_where_a_row_holds_several_columns(text: str, parts: list[str]) -> None:
    assert merged_parts(text, [12.0]) == parts


def test_a_run_between_spaces_is_cut_where_two_columns_were_glued() -> None:
    parts = merged_parts("新米上市了。 江州早市里人来人往，卖菜的摊主们都笑了", [10.0])
    assert parts == ["新米上市了。", "江州早市里人来人往，", "卖菜的摊主们都笑了"]


def test_a_headline_alone_on_its_line_ends_the_columns_above_it() -> None:
    """Some extractors print a whole page row by row: the columns of one
    article, its neighbour's headline on a line of its own, then the
    columns of the next article below.  Each article's columns come back
    whole, not run on into the columns under the headline."""
    top = columns_of(flow_lines(ct.HARVEST.paragraphs), 2)
    bottom = columns_of(flow_lines(EXTRA), 2)
    printed = print_rows(top) + ["江州新区三座文化场馆同日向市民开放"] + print_rows(bottom)
    text = squeeze([line.text for line in restore_column_order(as_lines(printed))])
    assert squeeze(top[0] + top[1]) in text
    assert squeeze(bottom[0] + bottom[1]) in text


def test_page_measures_are_the_common_full_widths() -> None:
    lines = as_lines(article_flow())
    assert page_measures(lines) and all(11.0 <= m <= 13.0 or m == 10.0 for m in page_measures(lines))


def test_pipeline_keeps_every_character_on_an_interleaved_page() -> None:
    printed = print_rows(columns_of(article_flow(), 3))
    text = "\n".join([*ct.SAMPLE_HEADER, "", "江州早市换新颜", "", *printed]) + "\n"
    issue = parse_texts([text], Options(mode="text"))
    assert all(not check_page(page) for page in issue.pages)


def test_a_page_whose_columns_were_put_back_in_order_says_so() -> None:
    flow = article_flow()
    interleaved = "\n".join([*ct.SAMPLE_HEADER, "", "江州早市换新颜", "", *print_rows(columns_of(flow, 3))]) + "\n"
    in_order = "\n".join([*ct.SAMPLE_HEADER, "", "江州早市换新颜", "", *[line for column in columns_of(flow, 3) for line in column]]) + "\n"
    (reordered,) = parse_texts([interleaved], Options(mode="text")).pages
    (plain,) = parse_texts([in_order], Options(mode="text")).pages
    assert REORDERED in reordered.warnings and REORDERED not in plain.warnings


# --- the quick look ----------------------------------------------------------------


def test_quick_look_passes_column_order_and_stops_interleaved_blocks() -> None:
    flow = article_flow()
    assert reads_in_order(as_lines(flow))
    assert not reads_in_order(as_lines(print_rows(columns_of(flow, 2))))
    assert not reads_in_order(as_lines(print_rows(columns_of(flow, 3))))


def test_short_block_with_two_columns_on_one_line_is_looked_at() -> None:
    lines = as_lines(["今年雨水匀，稻子长得好， 能多收一百来斤。", "江州早市换新颜"])
    assert not reads_in_order(lines)
    assert reads_in_order(as_lines(["江州早市换新颜", "本报记者 王小明"]))


# --- lines glued without a space ---------------------------------------------------


@pytest.mark.parametrize(
    "text, parts",
    [
        ("江州早市里人来人往，卖菜的摊主们都笑了", ["江州早市里人来人往，", "卖菜的摊主们都笑了"]),
        ("新桥通车那天，老街坊们都来了。桥头挂起了红灯笼。", ["新桥通车那天，老街坊们都来了。", "桥头挂起了红灯笼。"]),
        ("江州早市里人来人往", ["江州早市里人来人往"]),  # not wider than a column
        ("青石河大桥今天上午正式合龙两岸群众欢欣鼓舞", ["青石河大桥今天上午正式合龙两岸群众欢欣鼓舞"]),  # no mark to cut at
    ],
)
def test_glued_lines_are_cut_after_the_mark_that_ends_a_column_line(text: str, parts: list[str]) -> None:
    measures = [10.0] if len(parts[0]) <= 11 else [14.0]
    assert glued_parts(text, measures) == parts


def test_glued_lines_are_never_cut_before_a_closing_mark() -> None:
    """No line starts with a closing mark (避头尾): "……《江州之歌》" / "，歌声……"
    is no cut, the one after the comma is."""
    assert glued_parts("市民唱起《江州之歌》，歌声飘过老街。", [10.0]) == ["市民唱起《江州之歌》，", "歌声飘过老街。"]


def test_a_headline_wider_than_the_columns_is_not_cut_into_a_fragment() -> None:
    """"……征求意见、" / "街坊们": the rest is no whole column line (not full,
    no opening line, no paragraph's end), so the line is a headline's."""
    assert glued_parts("江州老街改造方案征求意见、街坊们", [12.0]) == ["江州老街改造方案征求意见、街坊们"]


def test_han_letters_wider_than_every_column_are_a_headline_not_a_glued_column_line() -> None:
    """Only punctuation hangs past the measure: "……共话两地友谊发展新篇章"
    (11 letters) fits no 10-em column, so the comma after "从老街到新港"
    (which fills the narrow measure) is no column edge.  Ending on a mark,
    the same width is a full line with its mark hanging."""
    measures = [7.5, 10.0]
    assert glued_parts("从老街到新港，共话两地友谊发展新篇章", measures) == ["从老街到新港，共话两地友谊发展新篇章"]
    assert glued_parts("从老街到新港，共话两地友谊发展新篇，", measures) == ["从老街到新港，", "共话两地友谊发展新篇，"]


def test_a_line_opening_with_a_dash_is_a_subtitle_never_two_glued_column_lines() -> None:
    # Its part up to the closing quote would fill the 12-em measure.
    assert glued_parts("——“江州早市里人来人往”老街纪事", [12.0]) == ["——“江州早市里人来人往”老街纪事"]
    assert glued_parts("“江州早市里人来人往。”老街热闹起来了。", [12.0]) == ["“江州早市里人来人往。”", "老街热闹起来了。"]


def test_a_headline_closed_by_its_column_tag_is_not_cut_before_the_tag() -> None:
    """"江州老街为何越逛越有味？" fills the 12-em measure and "（江州观察①）"
    ends in a bracket as a paragraph's last line may, but no line of text
    is only a name in brackets: it is the column tag closing a headline.
    A source note so placed does close a column's text."""
    assert glued_parts("江州老街为何越逛越有味？（江州观察①）", [12.0]) == ["江州老街为何越逛越有味？（江州观察①）"]
    assert glued_parts("江州老街为何越逛越有味？（本报记者王芳）", [12.0]) == ["江州老街为何越逛越有味？", "（本报记者王芳）"]


def test_glued_columns_come_back_in_column_order() -> None:
    flow = flow_lines(EXTRA, measure=10)
    columns = columns_of(flow, 2)
    # Rows printed glued wherever the left line fills its measure and ends
    # in a mark (squeezed, it touches the next column).
    printed = [a + b if a[-1] in "，。、" and fills(a, 10) else f"{a}\n{b}" for a, b in zip(*columns)]
    assert any(a + b in printed for a, b in zip(*columns))
    lines = as_lines("\n".join(printed).split("\n"))
    restored = restore_column_order(lines)
    text = squeeze([line.text for line in restored])
    assert squeeze(columns[0]) in text and squeeze(columns[1]) in text


# --- columns that carry a sentence on ----------------------------------------------


@pytest.mark.parametrize(
    "text, runs_on",
    [
        ("觉得要紧的是选对了稻种和种", True),
        ("比去年多了一成，", True),
        ("提出了“新质生产力”", True),
        ("稻子的产量自然就上去了。", False),
        ("他说：“这就是好日子。”", False),
        ("（下转第4版）", False),
    ],
)
def test_runs_on_text(text: str, runs_on: bool) -> None:
    assert runs_on_text(text) is runs_on


# Three text boxes of one story, measure 13: the first breaks off inside a
# word and a quotation ("“稻种和种|植方式”"), the third carries it on; the
# second opens a new paragraph (two characters short of the measure: the
# indent).
BOX_ONE = [
    "青石村的稻田今年又是丰收年",
    "村里的种粮大户老周告诉记者",
    "今年全村的粮食总产量预计达",
    "到一千二百吨，比去年多了一",
    "成多。说起增收的门道，老周",
    "觉得要紧的是选对了“稻种和种",
]
BOX_NEW_PARAGRAPH = ["江州市农业农村局的同志", "介绍，全市今年种植优质稻十", "万亩，带动农户增收明显。"]
BOX_CONTINUATION = ["植方式”，加上今年的雨水匀", "称，产量自然就上去了。"]
BOX_NEXT_PARAGRAPH = ["村委会主任说，明年还要再", "扩大种植面积。"]


def boxes(*blocks: list[str]) -> list[Line]:
    texts: list[str] = ["江州日报"]
    for block in blocks:
        texts += ["", *block]
    return as_lines(texts)


def test_text_box_carrying_a_broken_sentence_on_follows_it() -> None:
    restored = [line.text for line in restore_column_order(boxes(BOX_ONE, BOX_NEW_PARAGRAPH, BOX_CONTINUATION))]
    assert restored == ["江州日报", *BOX_ONE, *BOX_CONTINUATION, *BOX_NEW_PARAGRAPH]


def test_a_headline_a_sentence_runs_on_past_is_marked_printed_inside_it() -> None:
    """The extractor printed another article's title between a box that
    breaks off a sentence and the box that carries it on."""
    title = "江州青石河大桥今天合龙"
    order = column_order(boxes(BOX_ONE, [title], BOX_CONTINUATION))
    texts = [line.text for line in order.lines]
    assert texts[: 1 + len(BOX_ONE) + len(BOX_CONTINUATION)] == ["江州日报", *BOX_ONE, *BOX_CONTINUATION]
    assert [line.text for line in order.lines if line.index in order.inside_sentences] == [title]
    # Boxes in reading order mark nothing.
    assert column_order(boxes(BOX_ONE, BOX_CONTINUATION, [title])).inside_sentences == frozenset()


def test_text_boxes_in_reading_order_pass_unchanged() -> None:
    lines = boxes(BOX_ONE, BOX_CONTINUATION, BOX_NEW_PARAGRAPH)
    assert restore_column_order(lines) is lines


def test_text_boxes_put_in_order_are_not_interleaved_columns() -> None:
    """Boxes moved whole leave each box's lines in printed order: the
    extractor printed columns one after another, so a headline may still
    follow its text; only columns taken apart row by row say otherwise."""
    order = column_order(boxes(BOX_ONE, BOX_NEW_PARAGRAPH, BOX_CONTINUATION))
    interleaved = column_order(as_lines(print_rows(columns_of(article_flow(), 3))))
    assert not order.interleaved and interleaved.interleaved


def test_a_page_whose_text_boxes_were_put_in_order_says_so() -> None:
    text = "\n".join(line.text if not line.blank_before else "\n" + line.text for line in boxes(BOX_ONE, BOX_NEW_PARAGRAPH, BOX_CONTINUATION))
    (page,) = parse_texts([text + "\n"], Options(mode="text")).pages
    assert BOXES_REORDERED in page.warnings and REORDERED not in page.warnings


def test_moved_text_box_keeps_its_blank_line() -> None:
    restored = restore_column_order(boxes(BOX_ONE, BOX_NEW_PARAGRAPH, BOX_CONTINUATION))
    starts = [line.text for line in restored if line.blank_before]
    assert starts == [BOX_ONE[0], BOX_CONTINUATION[0], BOX_NEW_PARAGRAPH[0]]


def test_moved_text_box_takes_along_only_the_paragraph_it_carries_on() -> None:
    lines = boxes(BOX_ONE, BOX_NEW_PARAGRAPH, BOX_CONTINUATION + BOX_NEXT_PARAGRAPH)
    restored = [line.text for line in restore_column_order(lines)]
    assert restored == ["江州日报", *BOX_ONE, *BOX_CONTINUATION, *BOX_NEW_PARAGRAPH, *BOX_NEXT_PARAGRAPH]


# An article's second column, as an extractor printing text boxes by their
# height prints it: two boxes, the second ending on a full line that breaks
# off a sentence ("……乡村旅"); then another article (its title and text),
# and only then the article's third column, carrying the sentence on: two
# boxes, as many lines as the second column.
COLUMN_TWO = [
    ["江州的乡村集市今年添了新", "模样。镇上把老街腾出来，", "摊位统一编了号。"],
    ["赶集的村民说，现在逛集市", "像逛公园，买东西也放心。", "镇里还想把集市办成乡村旅"],
]
OTHER_TITLE = ["江州新建三座口袋公园"]
OTHER_TEXT = ["江州市今年新建的三座口袋", "公园日前向市民开放。"]
COLUMN_THREE = [
    ["游的一张名片，吸引城里的", "游客周末来赶集。"],
    ["镇长告诉记者，下一步还要", "在集市旁建一个停车场，方", "便远道而来的客人，集市的", "摊位也要再添一百个。"],
]


def test_a_column_printed_after_another_article_comes_back_whole() -> None:
    """The box carrying the broken sentence on takes along the boxes
    printed after it up to the second column's height: the third column
    whole, not only its first paragraph."""
    lines = boxes(*COLUMN_TWO, OTHER_TITLE, OTHER_TEXT, *COLUMN_THREE)
    restored = [line.text for line in restore_column_order(lines)]
    column_two, column_three = (sum(column, []) for column in (COLUMN_TWO, COLUMN_THREE))
    assert restored == ["江州日报", *column_two, *column_three, *OTHER_TITLE, *OTHER_TEXT]


def test_a_box_whose_sentence_goes_on_elsewhere_ends_the_column_taken_along() -> None:
    """The third column's first box breaks off a sentence ("……新的停车")
    that a box printed later carries on ("场明年开工。"): the box printed
    after it is no part of its column, heights or not."""
    first = ["游的一张名片，吸引城里的", "游客周末来赶集。新的停车"]
    later = ["场明年开工。"]
    lines = boxes(*COLUMN_TWO, OTHER_TITLE, OTHER_TEXT, first, COLUMN_THREE[1], later)
    restored = [line.text for line in restore_column_order(lines)]
    assert restored[restored.index(first[-1]) + 1] == later[0]


# Two columns as an extractor printing text boxes by their height prints
# them in two bands: the top of the first column (two boxes, six lines),
# the top of the second beside it (six lines, carrying on a sentence), then
# the rest of the first column (four lines, its foot breaking the sentence
# off: "……市" / "场里……") and the rest of the second.
TOP_ONE = [["江州老城的早市搬进了新建", "的便民市场，地面干净了，", "摊位也整齐了。"], ["老街坊们说，如今买菜方便", "多了，摊主的生意也比过去", "红火了不少。"]]
TOP_TWO = [["场里设了公平秤和意见箱，", "每月请居民代表来打分，哪", "家摊位评价不好就要限期整", "改。"], ["摊主们说，这样的规矩大家", "都认可。"]]
REST_ONE = [["市场开张一年多来，人气一", "直很旺，逢年过节更是挤得", "水泄不通。管理员告诉记者", "说，为让大家买得放心，市"]]
REST_TWO = [["下一步，街道还打算在市场", "旁边建一个停车场。"]]


def test_the_rest_of_a_column_printed_after_the_column_beside_it_goes_back_under_its_top() -> None:
    """The second column's top is as tall as the first's: the two were
    printed as one band, so the first column's rest, whose foot the second
    column carries on, is read before the second column."""
    lines = boxes(*TOP_ONE, *TOP_TWO, *REST_ONE, *REST_TWO)
    restored = [line.text for line in restore_column_order(lines)]
    expected = [text for box in (*TOP_ONE, *REST_ONE, *TOP_TWO, *REST_TWO) for text in box]
    assert restored == ["江州日报", *expected]


def test_a_column_top_of_another_height_is_no_band() -> None:
    """With the second column's top a line shorter than the first's, the
    two did not end level: only the sentence link stands."""
    top_two = [TOP_TWO[0], TOP_TWO[1][:1]]
    lines = boxes(*TOP_ONE, *top_two, *REST_ONE, *REST_TWO)
    restored = [line.text for line in restore_column_order(lines)]
    assert restored.index(REST_ONE[0][0]) > restored.index(TOP_ONE[1][-1]) + 1


# A box ending on a paragraph's indented opening line that opens a quote
# ("“选对了稻种，全村的增产"), and the box carrying it on: a full line of the
# measure ("增收就有了……") whose paragraph closes the quote a line later.
BOX_OPENING_LEFT = [*BOX_ONE[:-1], "“选对了稻种，全村的增产"]
BOX_OPENING_GOES_ON = ["增收就有了一半的保障。种植", "方式也要跟着改。”"]


def test_a_box_carrying_on_a_paragraphs_opening_line_follows_it() -> None:
    """Some extractors print a paragraph's indented opening line in one
    text box and its rest in a later one: a full line of the measure, whose
    paragraph closes the quote the opening line opened, carries it on."""
    restored = [line.text for line in restore_column_order(boxes(BOX_OPENING_LEFT, BOX_NEW_PARAGRAPH, BOX_OPENING_GOES_ON))]
    assert restored == ["江州日报", *BOX_OPENING_LEFT, *BOX_OPENING_GOES_ON, *BOX_NEW_PARAGRAPH]


def test_headline_over_interleaved_columns_stays_in_front() -> None:
    flow = article_flow()
    title = "江州青石河大桥合龙两岸乡亲盼来通途"
    subtitle = "——写在大桥建设三周年之际"
    printed = [title, subtitle] + print_rows(columns_of(flow, 3))
    restored = [line.text for line in restore_column_order(as_lines(printed))]
    assert restored[:2] == [title, subtitle]
    assert squeeze(restored[2:]) == squeeze(flow[: 3 * (len(flow) // 3)])


def test_a_byline_over_interleaved_columns_stays_in_front_of_them() -> None:
    """A byline printed alone above the rows is no column's line: it does
    not head whichever column reads on from it (that column would then come
    first)."""
    flow = article_flow()
    byline = "本报记者 王小明"
    printed = [byline] + print_rows(columns_of(flow, 3))
    restored = [line.text for line in restore_column_order(as_lines(printed))]
    assert restored[0] == byline
    assert squeeze(restored[1:]) == squeeze(flow[: 3 * (len(flow) // 3)])


def test_an_opening_line_is_indented_from_a_full_measure_not_from_an_opening_width() -> None:
    # Full lines of 12 and 11.5 ems, and the indented openings of each.
    measures = [9.5, 10.0, 11.5, 12.0]
    assert ends_at_column_edge(12.0, measures) and ends_at_column_edge(10.0, measures)
    # 7.5 ems is no indented line of a 9.5-em "column": it is a paragraph's
    # short last line ("……为老街坊办的食堂”；").
    assert not ends_at_column_edge(7.5, measures)
    assert ends_at_column_edge(7.5, [9.5])  # a column 9.5 ems wide


@pytest.mark.parametrize("title", ["老街早市换新颜", "早市搬新家（民生观察）", "早市换新颜 老街添活力"])
def test_a_title_printed_alone_over_merged_rows_leads_into_no_column(title: str) -> None:
    """A title no wider than a column, printed alone before the rows: it
    stops short of the column edge on a letter, closes on a column tag or
    sets two phrases apart, which no line of running text does, so it is
    no column's first line (and pulls none ahead)."""
    flow = article_flow()
    printed = [title] + print_rows(columns_of(flow, 3))
    assert any(" " in line for line in printed)  # rows were merged
    restored = [line.text for line in restore_column_order(as_lines(printed))]
    assert restored[0] == title
    assert squeeze(restored[1:]) == squeeze(flow[: 3 * (len(flow) // 3)])


def test_a_title_printed_beside_the_top_of_a_column_leads_into_no_column() -> None:
    """The block's first printed line holds a headline's side and the top
    line of the column beside it; the headline reads on into no column."""
    flow = article_flow()
    title = "早市搬新家（民生观察）"
    rows = print_rows(columns_of(flow, 3))
    printed = [f"{title} {rows[0]}", *rows[1:]]
    restored = [line.text for line in restore_column_order(as_lines(printed))]
    assert squeeze(restored) == squeeze([title, *flow[: 3 * (len(flow) // 3)]])


def test_headline_lines_are_wide_single_lines_only() -> None:
    lines = as_lines(["江州青石河大桥合龙两岸乡亲盼来通途", "——写在大桥建设三周年之际", "今年雨水匀", "稻子长得好"])
    assert headline_lines(lines, [10.0]) == 2
    merged = as_lines(["今年雨水匀稻子长得好 乡亲们都笑了", "能多收", "一百来斤"])
    assert headline_lines(merged, [10.0]) == 0


def test_a_line_of_han_characters_wider_than_any_column_and_its_wrap_are_a_headline() -> None:
    """Han characters alone hang no punctuation into the margin: a dozen of
    them cannot print in a ten-em column, so the line is a headline, and
    the line a word of it runs into ("……结为友" / "好城市……", 友好) is
    its wrapped end, however narrow."""
    lines = as_lines(["江州市与海滨市正式结为友", "好城市签约仪式举行", "一、两市同意 互派干部挂职", "共建园区"])
    assert headline_lines(lines, [10.0]) == 2
    # With a mark inside, the same width may be a column's line.
    marked = as_lines(["今年雨水匀，稻子长得好", "好城市签约仪式举行", "一、两市同意 互派干部挂职", "共建园区"])
    assert headline_lines(marked, [10.0]) == 0


def test_the_lines_alone_over_a_subtitle_a_date_or_a_texts_opening_are_a_headline() -> None:
    lines = as_lines(["老街早市换新颜", "——江州便民市场见闻", "今年雨水匀 乡亲们都笑了", "稻子长得好"])
    assert headline_lines(lines, [10.0]) == 2
    # A continued part reprints its title over its marker.
    continued = as_lines(["老街早市换新颜", "（上接第1版）今年雨水匀 乡亲们都笑了", "稻子长得好"])
    assert headline_lines(continued, [10.0]) == 1
    # Even a title of two phrases that reads like two column lines.
    phrases = as_lines(["老街早市换新颜 便民市场添活力", "（上接第1版）今年雨水匀 乡亲们都笑了", "稻子长得好"])
    assert len(merged_parts(phrases[0].text, [7.0])) == 2
    assert headline_lines(phrases, [7.0]) == 1
    assert headline_lines(phrases, [7.0], by_rows=True) == 0
    # A title as wide as a column over rows whose first opens a paragraph:
    # it stops on a letter, so it ends no paragraph and heads the text.
    opening = as_lines(["江州老街早市换新颜", "今年雨水匀稻子长 乡亲们都笑了说收成好", "稻子长得好"])
    assert headline_lines(opening, [10.0]) == 1
    # A column's top line printed alone a row higher (indented, reaching
    # the column edge, a clause broken off) is no headline.
    column_top = as_lines(["老街的早市上，一", "今年雨水匀稻子长 乡亲们都笑了说收成好", "稻子长得好"])
    assert headline_lines(column_top, [10.0]) == 0
    # A document's date in brackets closes the stack of its title.
    dated_title = as_lines(["在江州建市七十周年大会上的讲话", "（2024年3月5日）", "各位乡亲： 今年雨水匀", "稻子长得好"])
    assert headline_lines(dated_title, [9.0]) == 2
    # A dateline opens the text under its headline, even one as wide as a column.
    dated = as_lines(["江州老街早市换新颜", "本报江州5月1日电 今年 乡亲们都笑了", "稻子长得好"])
    assert headline_lines(dated, [9.0]) == 1
    # So does a dateline broken off inside its date at the line's end.
    broken = as_lines(["江州老街早市换新颜", "市长作出批示", "本报江州5月1", "日电 今年 乡亲们都笑了", "稻子长得好"])
    assert headline_lines(broken, [9.0]) == 2
    # Only at the head of the block, over lines printed alone.
    rows = as_lines(["今年雨水匀稻子长得好 乡亲们都笑了", "——江州便民市场见闻", "稻子长得好"])
    assert headline_lines(rows, [10.0]) == 0


@pytest.mark.parametrize(
    ("end", "start", "across"),
    [("比去年同期下降0.", "59个百分点", True), ("资产负债率为48", ".8%，同比", True), ("江州早市", "2020年", False), ("达到12", "人来人往", False)],
)
def test_a_number_runs_across_the_break(end: str, start: str, across: bool) -> None:
    assert (number_ends(end) and number_starts(start)) is across


def no_evidence(n: int) -> np.ndarray:
    """Successor text scores of a block whose line breaks say nothing."""
    return np.zeros((n, MAX_GAP))


def test_the_rhythm_of_the_rows_carries_links_without_text_evidence() -> None:
    text = no_evidence(12)
    text[0, 2] = text[1, 2] = 2.0  # two words run three pieces ahead
    assert periodic_successors(text) == {i: i + 3 for i in range(9)}


def test_without_any_evidence_the_printed_order_stands() -> None:
    assert periodic_successors(no_evidence(9)) == {i: i + 1 for i in range(8)}


def test_successors_never_cross() -> None:
    text = no_evidence(4) - 3.0  # every other link reads wrong
    text[0, 2] = 3.0  # piece 0 -> piece 3
    text[1, 0] = 2.0  # piece 1 -> piece 2 would cross it
    assert periodic_successors(text) == {0: 3}


def test_a_change_of_rhythm_is_followed_when_the_text_says_so() -> None:
    text = no_evidence(20)
    text[0, 1] = text[1, 1] = 2.0  # two columns side by side ...
    text[8, 3] = text[9, 3] = text[10, 3] = 2.0  # ... then four
    nxt = periodic_successors(text)
    assert all(nxt[i] == i + 2 for i in range(6))
    assert all(nxt[i] == i + 4 for i in range(8, 16))


def test_a_sentence_broken_off_does_not_go_on_with_a_dateline() -> None:
    lines = as_lines(["江州市今年秋粮再获丰收，全", "本报江州10月8日电（记者", "市粮食总产量比去年增长三"])
    pieces = split_pieces(lines, [12.0])
    scores = successor_scores(pieces, [12.0])
    assert scores[0, 0] < 0 <= scores[0, 1]


def test_a_sentence_broken_off_does_not_go_on_with_a_headline_line() -> None:
    """An intertitle follows a paragraph's end: a full line stopping
    mid-sentence goes on with the line of its column, not with a headline
    line that stops short of the column edge."""
    lines = as_lines(["江州市今年秋粮再获丰收，全", "老街食堂受欢迎", "市民粮食总产量比去年增长"])
    pieces = split_pieces(lines, [12.0])
    plain = successor_scores(pieces, [12.0])
    assert plain[0, 0] < plain[0, 1] - 2.0


def test_on_a_page_printed_by_rows_a_headline_line_goes_on_with_an_opening_line() -> None:
    """Printed row by row, a headline line's next line is another of its
    lines or the indented opening of its text, not a line from inside a
    paragraph of the column beside."""

    def headline_to(second_row_piece: str) -> float:
        texts = ["江州市今年秋粮再获丰收，全 老街食堂受欢迎", f"市粮食总产量比去年增长三 {second_row_piece}"]
        pieces = split_pieces(as_lines(texts), [12.0])
        assert pieces[1].text == "老街食堂受欢迎" and pieces[3].text == second_row_piece
        return float(successor_scores(pieces, [12.0], by_rows=True)[1, 1])

    assert headline_to("了许多台收割机帮忙，大家") < headline_to("今年以来，全市新建") - 2.0


def test_a_sentence_broken_off_does_not_go_on_with_a_byline() -> None:
    """A byline set apart beside the columns prints among their rows; the
    column's next line follows it even with no word across the break."""
    lines = as_lines(["江州市今年秋粮再获丰收，全", "本报记者 王芳", "市民粮食总产量比去年增长"])
    pieces = split_pieces(lines, [12.0])
    scores = successor_scores(pieces, [12.0])
    assert scores[0, 0] < scores[0, 1] - 1.0


def test_headline_printed_between_interleaved_rows_keeps_the_columns_whole() -> None:
    flow = article_flow()
    columns = columns_of(flow, 3)
    printed = print_rows(columns)
    middle = 3 * (len(printed) // 6)
    title = "江州新区三座文化场馆同日向市民开放"  # wider than any column
    printed = printed[:middle] + [title] + printed[middle:]
    text = squeeze([line.text for line in restore_column_order(as_lines(printed))])
    for column in columns:
        assert squeeze(column) in text


def test_a_wide_caption_printed_among_the_rows_of_the_columns_beside_it_cuts_no_column() -> None:
    """A caption under a picture beside two columns spans several columns;
    its lines share the rows of the columns beside it, so the extractor
    prints them among those rows.  Text that wide is no headline cutting
    the columns: each column still comes back whole."""
    flow = flow_lines(ct.HARVEST.paragraphs + EXTRA)
    columns = columns_of(flow, 2)
    rows = printed_rows(columns)
    caption = [
        "本报江州5月1日电 江州青石河大桥今天合龙，两岸乡亲盼了多年的通途就要建成，大桥全长三公里，",
        "设计时速八十公里，预计年底通车，通车后两岸往来只需十分钟。图为大桥合龙现场。",
    ]
    at = len(rows) // 2
    printed = [line for row in rows[:at] for line in row]
    for extra, row in zip(caption, rows[at:]):
        printed += [*row, extra]
    printed += [line for row in rows[at + len(caption) :] for line in row]
    text = squeeze([line.text for line in restore_column_order(as_lines(printed))])
    for column in columns:
        assert squeeze(column) in text


def test_a_page_printed_row_by_row_links_a_column_only_to_the_next_printed_line() -> None:
    """Some extractors print each row of the page across all its columns as
    one line: a column's next line is on the very next printed line, never
    two lines further down, whatever the words say."""
    texts = ["江州市今年秋粮再获丰收，全 乡亲们都说今年的收成好", "大家一起动手帮着收割 镇上的农机合作社也来", "市民粮食总产量比去年增长 了许多台收割机帮忙"]
    pieces = split_pieces(as_lines(texts), [12.0])
    assert [p.text for p in pieces][:2] == ["江州市今年秋粮再获丰收，全", "乡亲们都说今年的收成好"]
    gap = 4  # "市民粮食……" is piece 4, two printed lines below piece 0
    assert pieces[gap].text.startswith("市民粮食")
    assert np.isfinite(successor_scores(pieces, [12.0])[0, gap - 1])
    assert successor_scores(pieces, [12.0], by_rows=True)[0, gap - 1] == -np.inf


def test_a_page_is_printed_by_rows_when_most_lines_hold_several_columns() -> None:
    columns = columns_of(article_flow(), 3)
    by_rows = [" ".join(row) for row in printed_rows(columns)]
    assert printed_by_rows(as_lines(by_rows), [12.0])
    assert not printed_by_rows(as_lines(print_rows(columns)[:4] + article_flow()), [12.0])


def test_on_a_page_printed_by_rows_short_lines_over_the_first_row_are_headlines() -> None:
    flow = article_flow()
    rows = [" ".join(row) for row in printed_rows(columns_of(flow[1:], 3))]
    block = as_lines(["江州早市换新颜", "老街坊买菜更方便", *rows])
    assert headline_lines(block, [12.0], by_rows=True) == 2
    assert headline_lines(block, [12.0]) == 0
    # Over a first row that opens with a dateline they are a headline on
    # any page.
    dated = [" ".join(row) for row in printed_rows(columns_of(flow, 3))]
    assert dated[0].startswith("本报讯")
    assert headline_lines(as_lines(["江州早市换新颜", "老街坊买菜更方便", *dated]), [12.0]) == 2


@pytest.mark.parametrize("alone, column_line", [("早市换新颜", False), ("江州新区三座场馆同日开放", False), ("大家都笑了。", True)])
def test_on_a_page_printed_by_rows_a_line_alone_between_rows_is_a_heading(alone: str, column_line: bool) -> None:
    """A line of its own between rows of columns that ends in a letter is a
    headline or intertitle (as wide as a column or not), linked to no
    column line; one that ends a sentence may be a column's last line."""
    texts = ["江州市今年秋粮再获丰收，全 乡亲们都说今年的收成好", alone, "市民粮食总产量比去年增长 了许多台收割机帮忙"]
    pieces = split_pieces(as_lines(texts), [12.0])
    assert pieces[2].text == alone
    assert np.isfinite(successor_scores(pieces, [12.0])[1, 0])
    scores = successor_scores(pieces, [12.0], by_rows=True)
    assert bool(np.isfinite(scores[1, 0])) == column_line


# A dateline whose credit bracket breaks off at the column edge
# ("……电（记者周小" / "燕）……"), a paragraph's opening line of the column
# beside it that the extractor boxed on its own and printed next (it stands
# level with the dateline), the rest of the dateline's paragraph, the next
# paragraph of the first column, and the rest of the boxed paragraph.
BOX_DATELINE = ["本报江州3月2日电（记者周小"]
BOX_LONE_OPENING = ["江州市农业农村局负责同"]
BOX_CREDIT_CLOSED = ["燕）入春以来，江州各地抓住", "晴好天气忙春耕。"]
BOX_FIRST_COLUMN_GOES_ON = ["青石村的稻田今年又是丰收年", "村里的种粮大户老周告诉记者", "今年的收成比去年好。"]
BOX_LONE_OPENING_GOES_ON = ["志介绍，全市今年种植优质稻", "十万亩，带动农户增收。"]


def test_a_lone_opening_line_printed_ahead_is_read_where_its_paragraph_goes_on() -> None:
    """A paragraph's opening line boxed on its own and printed among the
    lines of the column beside it is read with the rest of its paragraph,
    after the column it interrupted."""
    printed = boxes(BOX_DATELINE, BOX_LONE_OPENING, BOX_CREDIT_CLOSED, BOX_FIRST_COLUMN_GOES_ON, BOX_LONE_OPENING_GOES_ON)
    restored = [line.text for line in restore_column_order(printed)]
    assert restored == [
        "江州日报",
        *BOX_DATELINE,
        *BOX_CREDIT_CLOSED,
        *BOX_FIRST_COLUMN_GOES_ON,
        *BOX_LONE_OPENING,
        *BOX_LONE_OPENING_GOES_ON,
    ]


# Text boxes printed by rows across the page: the head of the first column
# (a whole paragraph), the head of the second (its first line carries on a
# sentence), the rest of the second column, then the foot of the first,
# one line that breaks off inside a word ("……农业科" / "技特派员……").
BOX_COLUMN_HEAD = ["江州各地抓住晴好天气，抢", "抓春耕生产，田间地头一派", "繁忙景象。"]
BOX_NEXT_COLUMN_HEAD = ["技特派员深入田间，手把手", "教农民科学育秧。"]
BOX_NEXT_COLUMN_REST = ["村民们说，有了专家指导，", "今年的秧苗长得格外壮实。"]
BOX_COLUMN_FOOT = ["今年春耕，全市选派农业科"]


def test_a_column_foot_printed_after_the_next_column_is_read_before_it() -> None:
    """A column's foot printed after the head of the next column, where its
    sentence goes on, is read right before that head, not after the text
    printed between them."""
    printed = boxes(BOX_COLUMN_HEAD, BOX_NEXT_COLUMN_HEAD, BOX_NEXT_COLUMN_REST, BOX_COLUMN_FOOT)
    restored = [line.text for line in restore_column_order(printed)]
    assert restored == ["江州日报", *BOX_COLUMN_HEAD, *BOX_COLUMN_FOOT, *BOX_NEXT_COLUMN_HEAD, *BOX_NEXT_COLUMN_REST]


# The feet of two side-by-side columns, four lines each, printed one after
# the other below the heads of both columns: the first breaks off inside a
# word that the second column's head carries on.
BOX_LONG_FOOT = ["今年春耕，各地早早做好了", "准备。为了提高秧苗质量，", "江州专门组织了技术培训，", "全市还选派了一大批农业科"]
BOX_FOOT_BESIDE = ["据了解，今年全市早稻种植", "面积比去年增加了一成多，", "预计总产量将再创新高，农", "民增收有了保障。"]


def test_the_feet_of_side_by_side_columns_printed_one_after_the_other_are_read_by_column() -> None:
    """A foot longer than a few lines is a column's foot where the box
    printed after it is as deep: the feet of two columns, level with each
    other."""
    printed = boxes(BOX_COLUMN_HEAD, BOX_NEXT_COLUMN_HEAD, BOX_NEXT_COLUMN_REST, BOX_LONG_FOOT, BOX_FOOT_BESIDE)
    restored = [line.text for line in restore_column_order(printed)]
    assert restored == [
        "江州日报",
        *BOX_COLUMN_HEAD,
        *BOX_LONG_FOOT,
        *BOX_NEXT_COLUMN_HEAD,
        *BOX_NEXT_COLUMN_REST,
        *BOX_FOOT_BESIDE,
    ]


# A stretch of running text breaking off inside a document's title
# ("《关于繁荣江州" / "民间艺术的意见》"), a report printed next (its
# dateline broken before "日电"), and the rest of the title's sentence.
BOX_TITLE_OPEN = ["五年来，全市扶持政策密集出", "台，先后印发《关于繁荣江州"]
BOX_REPORT = ["新华社江州10月14", "日电 江州市今天召开全市春", "耕生产推进会。"]
BOX_TITLE_CLOSED = ["民间艺术的意见》，全市非遗", "传承人增加一倍。"]


def test_a_sentence_broken_off_goes_on_past_a_report_printed_next() -> None:
    """Running text never goes on with a dateline: the box that closes its
    sentence follows it, on less evidence than a box printed further on
    otherwise needs."""
    restored = [line.text for line in restore_column_order(boxes(BOX_TITLE_OPEN, BOX_REPORT, BOX_TITLE_CLOSED))]
    assert restored == ["江州日报", *BOX_TITLE_OPEN, *BOX_TITLE_CLOSED, *BOX_REPORT]


# Another article's box printed next: its title over the column, spanning
# columns or set short of the column's measure, without a mark.
BOX_SPANNING_TITLE = ["江州市委市政府召开全市春耕生产推进工作座", "谈会", "本市今天召开全市春耕生产推", "进会，部署今年春耕工作。"]
BOX_SHORT_TITLE = ["春耕备耕正当时", "本市今天召开全市春耕生产推", "进会，部署今年春耕工作。"]


@pytest.mark.parametrize("headed", [BOX_SPANNING_TITLE, BOX_SHORT_TITLE])
def test_a_sentence_broken_off_goes_on_past_a_headline_printed_next(headed: list[str]) -> None:
    """Running text never goes on with a headline set over a column: the
    box that closes its sentence follows it, as past a dateline."""
    restored = [line.text for line in restore_column_order(boxes(BOX_TITLE_OPEN, headed, BOX_TITLE_CLOSED))]
    assert restored == ["江州日报", *BOX_TITLE_OPEN, *BOX_TITLE_CLOSED, *headed]


def test_a_box_opening_on_a_column_line_without_marks_is_no_headline() -> None:
    """A column line without a mark that is as wide as the line under it
    opens no headline: the printed order stands."""
    plain = ["春耕生产推进会部署今年工作", "本市今天召开全市春耕生产推", "进会，部署今年春耕工作。"]
    restored = [line.text for line in restore_column_order(boxes(BOX_TITLE_OPEN, plain, BOX_TITLE_CLOSED))]
    assert restored == ["江州日报", *BOX_TITLE_OPEN, *plain, *BOX_TITLE_CLOSED]
