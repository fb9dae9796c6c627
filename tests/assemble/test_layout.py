"""Page layout from line geometry: body and headline type, header
furniture, whitespace gutters and the leading of body text.  Reading order
over whole modules is tested in test_geometry.py."""

from __future__ import annotations

from jianbao.assemble.layout import (
    Item,
    body_size,
    furniture_kind,
    is_headline_line,
    read_header,
    reading_order,
    split_at_gaps,
    split_at_widest_gap,
    typical_line_gap,
    union,
    x_overlap,
)
from jianbao.model import Line

PAGE_HEIGHT = 1000.0
BODY_TEXT = "江州大桥今天上午正式建成"


def line(text: str, x0: float, y0: float, size: float = 10.0, index: int = 0, x1: float | None = None) -> Line:
    right = x0 + size * len(text) if x1 is None else x1
    return Line(text=text, index=index, bbox=(x0, y0, right, y0 + size), size=size)


def box(x0: float, y0: float, x1: float, y1: float) -> Item:
    return Item(bbox=(x0, y0, x1, y1))


# --- type sizes ----------------------------------------------------------------------------


def test_body_size_is_the_size_that_prints_most_characters_not_most_lines() -> None:
    lines = [
        line("江州大桥建成通车", 0, 0, size=24),
        line("两岸往来更便捷", 0, 30, size=24),
        line("江州大桥今天上午正式建成通车全长三公里", 0, 60, size=10),
    ]
    assert body_size(lines) == 10.0


def test_body_size_is_read_to_the_half_point() -> None:
    assert body_size([line(BODY_TEXT, 0, 0, size=10.2)]) == 10.0


def test_body_size_without_sizes_defaults_to_ten_points() -> None:
    assert body_size([Line(text=BODY_TEXT)]) == 10.0


def test_markedly_larger_type_is_headline_type() -> None:
    assert is_headline_line(line("江州大桥", 0, 0, size=13), body=10.0)
    assert not is_headline_line(line("江州大桥", 0, 0, size=12), body=10.0)


def test_a_byline_set_a_little_larger_than_body_stays_a_byline() -> None:
    assert not is_headline_line(line("本报记者 王小明", 0, 0, size=13), body=10.0)
    assert is_headline_line(line("本报记者 王小明", 0, 0, size=15), body=10.0)


def test_a_line_without_a_size_is_body_type() -> None:
    assert not is_headline_line(Line(text="江州大桥"), body=10.0)


# --- furniture -----------------------------------------------------------------------------


def test_furniture_kinds_in_the_header_zone() -> None:
    kinds = {
        text: furniture_kind(line(text, 0, 10), PAGE_HEIGHT)
        for text in ("江州日报", "第3版 经济", "2023年10月9日 星期一", "江州大桥建成通车")
    }
    assert kinds == {"江州日报": "masthead", "第3版 经济": "page_header", "2023年10月9日 星期一": "date", "江州大桥建成通车": ""}


def test_a_full_header_line_with_a_page_number_is_a_page_header() -> None:
    assert furniture_kind(line("江州日报 2023年10月9日 星期一 第3版 经济", 0, 10), PAGE_HEIGHT) == "page_header"


def test_the_same_words_below_the_header_zone_are_not_furniture() -> None:
    assert furniture_kind(line("江州日报", 0, 500), PAGE_HEIGHT) == ""


def test_the_papers_imprint_is_furniture_anywhere_on_the_page() -> None:
    assert furniture_kind(line("今日8版  定价：1.00元", 0, PAGE_HEIGHT - 20), PAGE_HEIGHT) == "imprint"
    assert furniture_kind(line("国内统一连续出版物号 CN99-0001", 0, 10), PAGE_HEIGHT) == "imprint"


def test_without_geometry_nothing_is_furniture() -> None:
    assert furniture_kind(Line(text="江州日报"), PAGE_HEIGHT) == ""
    assert furniture_kind(line("江州日报", 0, 10), None) == ""


def test_read_header_takes_number_section_date_and_paper() -> None:
    info = read_header([Line(text="江州日报"), Line(text="第3版 经济 2023年10月9日 星期一")])
    assert (info.number, info.section, info.date, info.paper) == (3, "经济", "2023-10-09", "江州日报")


def test_read_header_reads_chinese_page_numerals() -> None:
    assert read_header([Line(text="第十二版 要闻")]).number == 12


def test_a_date_after_the_page_number_is_no_section() -> None:
    info = read_header([Line(text="第3版 2023年10月9日")])
    assert (info.number, info.section, info.date) == (3, "", "2023-10-09")


# --- gutters -------------------------------------------------------------------------------


def test_split_at_gaps_cuts_where_the_projection_has_a_wide_gap() -> None:
    parts = split_at_gaps([box(100, 0, 150, 10), box(0, 0, 50, 10), box(55, 0, 90, 10)], axis=0, min_gap=8)
    assert [[it.bbox[0] for it in part] for part in parts] == [[0, 55], [100]]


def test_split_at_gaps_projects_the_span_it_is_given() -> None:
    items = [box(0, 0, 50, 10), box(55, 0, 90, 10)]
    assert len(split_at_gaps(items, axis=0, min_gap=8)) == 1
    assert len(split_at_gaps(items, axis=0, min_gap=8, span=lambda it: (it.bbox[0], it.bbox[2] - 20))) == 2


def test_split_at_widest_gap_makes_one_cut_at_the_widest_gutter() -> None:
    """Space between modules is wider than space inside one (kicker → title
    → body): a band is cut once, at the widest gutter."""
    items = [box(0, 0, 50, 10), box(0, 20, 50, 30), box(0, 60, 50, 70), box(0, 80, 50, 90)]
    bands = split_at_widest_gap(items, min_gap=5)
    assert [[it.bbox[1] for it in band] for band in bands] == [[0, 20], [60, 80]]


def test_a_body_line_running_into_the_gutter_does_not_join_two_columns() -> None:
    """Punctuation hangs past the column edge and a tight line may run long:
    the left edge places a body line, so two columns stay apart and are
    read one after the other."""
    left = [line("甲" * 10, 40, 100 + 13 * i, index=i) for i in range(3)]
    left[1] = line("甲" * 10 + "，", 40, 113, index=1, x1=158)
    right = [line("乙" * 10, 150, 100 + 13 * i, index=3 + i) for i in range(3)]
    items = [Item(bbox=ln.bbox, line=ln) for ln in left + right if ln.bbox is not None]
    order = [it.line.index for leaf in reading_order(items, body=10.0, line_gap=3.0) for it in leaf if it.line]
    assert order == [0, 1, 2, 3, 4, 5]


# --- leading ---------------------------------------------------------------------------------


def test_typical_line_gap_is_the_median_leading_within_columns() -> None:
    left = [line(BODY_TEXT, 40, 100 + 14 * i, index=i) for i in range(4)]  # gaps of 4
    # The next column starts just below where this one ends: no leading.
    right = [line(BODY_TEXT, 200, 155 + 12 * i, index=4 + i) for i in range(3)]  # gaps of 2
    assert typical_line_gap(left + right, body=10.0) == 4.0


def test_typical_line_gap_ignores_headlines_and_paragraph_breaks() -> None:
    title = line("江州大桥建成通车", 40, 60, size=24)  # 16 above the text
    column = [line(BODY_TEXT, 40, 100 + 14 * i, index=i) for i in range(2)]  # a gap of 4
    after_break = line(BODY_TEXT, 40, 124 + 25, index=2)  # a blank line's worth below
    assert typical_line_gap([title, *column, after_break], body=10.0) == 4.0


def test_typical_line_gap_without_body_lines_is_a_third_of_the_body_size() -> None:
    assert typical_line_gap([], body=10.0) == 3.0


# --- boxes -------------------------------------------------------------------------------------


def test_x_overlap_is_a_share_of_the_narrower_box() -> None:
    assert x_overlap((0, 0, 10, 10), (5, 0, 30, 10)) == 0.5
    assert x_overlap((0, 0, 10, 10), (0, 50, 30, 60)) == 1.0


def test_boxes_side_by_side_do_not_overlap() -> None:
    assert x_overlap((0, 0, 10, 10), (20, 0, 30, 10)) <= 0


def test_union_spans_all_boxes() -> None:
    assert union([(0, 5, 10, 10), (5, 0, 30, 8)]) == (0, 0, 30, 10)
