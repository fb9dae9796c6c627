"""Layout-preserving text through the whole text pipeline: a page set on a
character grid (tests/fixtures/compose_layout.py) with a headline across two
columns, an article in a column of its own beside it, indented paragraph
starts, and columns separated by runs of spaces — or by one space where a
line runs to its column's edge."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from compose_layout import Block, column_lines, render  # noqa: E402

from jianbao.assemble.text_layout import column_stretches, layout_reading_order, pieces_by_row  # noqa: E402
from jianbao.conservation import check_issue  # noqa: E402
from jianbao.model import HINT_BODY, HINT_HEAD  # noqa: E402
from jianbao.pipeline import parse_texts  # noqa: E402
from jianbao.readers.layout_text import page_grid, page_pieces  # noqa: E402
from jianbao.readers.text import page_from_text  # noqa: E402

LIBRARY = [
    "本报讯（记者林晓东）江南市今年新建的十二座社区图书馆本周全部开放，市民凭身份证即可免费借阅图书和报刊，每座图书馆都设有少儿阅览区。",
    "据介绍，图书馆由街道统一管理，开放时间延长到晚上九点，周末也照常开放，方便上班族和学生前来读书学习。",
    "市文化部门表示，明年还将在偏远乡镇建设流动图书站，让更多群众享受到便利的阅读服务。",
]
LIBRARY_TITLE = "江南市十二座社区图书馆全部开放"
WETLAND = [
    "城西湿地公园经过两年修复，近日重新向游客开放，园内新栽水生植物四十多种，还修建了观鸟长廊。",
    "公园管理处提醒游客文明游览，不要投喂野生鸟类，不要随意采摘花草。",
]
WETLAND_TITLE = "城西湿地公园重新开放"
MEASURE = 12


def library_page() -> str:
    library = column_lines(LIBRARY, MEASURE)
    half = (len(library) + 1) // 2
    return render(
        [
            Block(0, 0, ["江南日报"]),
            Block(0, 60, ["第3版 城市"]),
            Block(2, 4, [LIBRARY_TITLE]),
            Block(4, 0, library[:half]),
            Block(4, 15, library[half:]),
            Block(2, 31, [WETLAND_TITLE]),
            Block(3, 31, ["本报记者 周明"]),
            Block(5, 31, column_lines(WETLAND, MEASURE)),
        ]
    )


def test_layout_page_gives_each_article_whole() -> None:
    issue = parse_texts([library_page()])
    page = issue.pages[0]
    by_title = {a.title: a for a in page.articles}
    assert set(by_title) == {LIBRARY_TITLE, WETLAND_TITLE}
    assert by_title[LIBRARY_TITLE].body == LIBRARY
    assert by_title[WETLAND_TITLE].body == WETLAND
    assert by_title[WETLAND_TITLE].byline == "本报记者 周明"
    assert check_issue(issue) == []


def test_columns_come_one_after_another_with_indents() -> None:
    page = page_from_text(library_page())
    ordered = layout_reading_order(page.lines)
    assert ordered is not None
    texts = [line.text for line in ordered]
    library = column_lines(LIBRARY, MEASURE)
    start = texts.index(LIBRARY_TITLE)
    # The paragraph indents survive as one leading space; the rest of each
    # column line is as printed.
    assert [t.strip() for t in texts[start + 1 : start + 1 + len(library)]] == [ln.strip() for ln in library]
    assert [t.startswith(" ") for t in texts[start + 1 : start + 1 + len(library)]] == [
        ln.startswith("  ") for ln in library
    ]


def test_plain_text_is_left_alone() -> None:
    lines = column_lines(LIBRARY, MEASURE)
    page = page_from_text("\n".join([LIBRARY_TITLE, *lines]))
    assert layout_reading_order(page.lines) is None


def _pieces_in_order(text: str) -> list[str]:
    ordered = layout_reading_order(page_from_text(text).lines)
    assert ordered is not None
    return [line.text.strip() for line in ordered]


def test_column_printed_on_rows_of_its_own_stays_whole() -> None:
    # The right column is set on a slightly lower baseline, so the extractor
    # gives its first lines rows of their own between the left column's.
    left = column_lines(LIBRARY, MEASURE)
    right = column_lines(WETLAND, MEASURE)
    blocks = [Block(0, 0, ["江南日报"]), Block(2, 0, left[:2]), Block(3, 15, right[:2])]
    blocks += [Block(5, 0, left[2:]), Block(5, 15, right[2:])]
    texts = _pieces_in_order(render(blocks))
    assert texts[texts.index(left[0].strip()) : texts.index(left[0].strip()) + len(left)] == [ln.strip() for ln in left]
    assert texts[texts.index(right[0].strip()) : texts.index(right[0].strip()) + len(right)] == [
        ln.strip() for ln in right
    ]


def test_headline_phrases_on_one_row_are_one_line() -> None:
    body = column_lines(LIBRARY, MEASURE)
    half = (len(body) + 1) // 2
    page = render(
        [
            Block(0, 0, ["江南日报"]),
            Block(2, 3, ["书香满城"]),
            Block(2, 11, ["阅读暖心"]),
            Block(4, 0, body[:half]),
            Block(4, 15, body[half:]),
        ]
    )
    texts = _pieces_in_order(page)
    assert "书香满城 阅读暖心" in texts
    assert texts.index("书香满城 阅读暖心") < texts.index(body[0].strip())


def test_single_space_before_a_long_headline_does_not_cut() -> None:
    body = column_lines(LIBRARY, MEASURE)
    subtitle = "十二座社区图书馆 全市居民凭身份证免费借阅图书报刊"
    page = render([Block(0, 0, ["江南日报"]), Block(2, 0, [subtitle]), Block(4, 0, body[:6]), Block(4, 15, body[6:])])
    assert subtitle in _pieces_in_order(page)


def test_a_headline_set_apart_and_the_column_under_it_carry_layout_hints() -> None:
    ordered = layout_reading_order(page_from_text(library_page()).lines)
    assert ordered is not None
    hints = {line.text.strip(): line.hint for line in ordered}
    assert hints[LIBRARY_TITLE] == HINT_HEAD
    library = column_lines(LIBRARY, MEASURE)
    # Lines with full column lines right above and below are body text.
    assert hints[library[2].strip()] == HINT_BODY
    assert HINT_HEAD not in {hints[ln.strip()] for ln in library}


def test_a_headline_stack_is_followed_down_from_its_first_line() -> None:
    # The stack's second line shares its row with another column's line:
    # only the line over it tells that it is a headline line.
    library = column_lines(LIBRARY, MEASURE)
    wetland = column_lines(WETLAND, MEASURE)
    page = render(
        [
            Block(0, 0, ["江南日报"]),
            Block(2, 2, ["江南市社区图书馆", "全部开放"]),
            Block(5, 0, library),
            Block(3, 31, wetland),
        ]
    )
    ordered = layout_reading_order(page_from_text(page).lines)
    assert ordered is not None
    hints = {line.text.strip(): line.hint for line in ordered}
    assert hints["江南市社区图书馆"] == HINT_HEAD
    assert hints["全部开放"] == HINT_HEAD
    assert hints[wetland[1].strip()] != HINT_HEAD



def test_a_column_line_printed_rows_below_the_one_before_it_continues_its_stretch() -> None:
    """A grid extractor may print the lines of the column beside, set on
    other baselines, between two lines of one column: the second column's
    first line is on the row of the first column's first line, its next
    line five rows down.  They are one column stretch."""
    library = column_lines(LIBRARY, MEASURE)
    half = (len(library) + 1) // 2
    text = render(
        [
            Block(0, 0, ["江南日报"]),
            Block(2, 4, [LIBRARY_TITLE]),
            Block(4, 0, library[:half]),
            Block(4, 15, library[half : half + 1]),
            Block(9, 15, library[half + 1 :]),
        ]
    )
    lines = page_from_text(text).lines
    grid = page_grid(lines)
    stretches = column_stretches(pieces_by_row(page_pieces(lines, grid)), set(), grid.em)
    second = [st for st in stretches if st[0].text.strip() == library[half].strip()]
    assert [p.text.strip() for p in second[0]] == [ln.strip() for ln in library[half:]]


def test_a_line_set_across_two_pieces_parts_them() -> None:
    """A centred title of two phrases, the subtitle set wider under it, the
    byline under the subtitle starting right of the title's second phrase:
    the byline does not carry on the title's phrase over the subtitle."""
    library = column_lines(LIBRARY, MEASURE)
    text = render(
        [
            Block(0, 0, ["江南日报"]),
            Block(2, 34, ["书香满社区  阅读进万家"]),
            Block(3, 31, ["——江南市社区图书馆走访见闻录二则"]),
            Block(4, 47, ["记者 林晓"]),
            Block(6, 0, library),
        ]
    )
    lines = page_from_text(text).lines
    grid = page_grid(lines)
    stretches = column_stretches(pieces_by_row(page_pieces(lines, grid)), set(), grid.em)
    assert not any(len(st) > 1 and st[-1].text.strip() == "记者 林晓" for st in stretches)
