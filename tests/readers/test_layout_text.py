"""Recognising layout-preserving text and cutting its rows into pieces."""

from __future__ import annotations

import pytest

from jianbao.model import Line
from jianbao.readers.layout_text import CELL, DISPLAY, grid_unit, is_layout_text, page_grid, page_pieces

# Two columns of twelve characters on a character grid, the second starting
# at cell 15; in the fifth row the first column runs a character long and
# only one space is left between the columns.
LEFT = ["春耕时节，江北平原上处处", "可见农民忙碌的身影，新修", "的水渠把清水引到了田间地", "头。今年全县计划种植水稻", "三十万亩，比去年增加两万亩", "农技人员分组下乡指导。"]
RIGHT = ["县农业部门介绍，今年推广", "的优质稻种产量高、口感好", "，深受种粮大户欢迎。不少", "合作社还购置了插秧机和无", "人机，机械化水平明显提高", "预计全年粮食继续丰收。"]


def grid_lines(left: list[str], right: list[str], at: int = 15) -> list[Line]:
    lines = []
    for k, (a, b) in enumerate(zip(left, right), start=1):
        pad = max(at - len(a), 1)
        lines.append(Line(text=a + " " * pad + b, index=k))
    return lines


def test_side_by_side_columns_are_layout_text() -> None:
    assert is_layout_text(grid_lines(LEFT, RIGHT))


def test_plain_lines_are_not_layout_text() -> None:
    lines = [Line(text=t, index=k) for k, t in enumerate(LEFT + RIGHT, start=1)]
    assert not is_layout_text(lines)
    # A few inner double spaces (a byline padded by hand) do not make a page
    # layout text either.
    lines.append(Line(text="本报记者  王小明", index=20))
    assert not is_layout_text(lines)


def test_character_grid_unit() -> None:
    lines = grid_lines(LEFT, RIGHT)
    assert grid_unit(lines) == CELL
    # Padding by display width (a Han character two columns) lines up
    # under the display unit instead.
    wide = [Line(text=a + " " * (32 - 2 * len(a)) + b, index=k) for k, (a, b) in enumerate(zip(LEFT, RIGHT), start=1)]
    assert grid_unit(wide) == DISPLAY


def test_pieces_keep_every_character_and_split_a_single_space_at_the_column_edge() -> None:
    lines = grid_lines(LEFT, RIGHT)
    pieces = page_pieces(lines)
    assert [p.text for p in pieces] == [t for pair in zip(LEFT, RIGHT) for t in pair]
    assert {p.x0 for p in pieces if p.text in RIGHT} <= {15, 16}
    assert page_grid(lines).measures


def test_a_headline_with_a_space_inside_stays_one_piece() -> None:
    lines = grid_lines(LEFT, RIGHT)
    lines.insert(0, Line(text="      坚持科技兴农 保障粮食安全", index=0))
    pieces = page_pieces(lines)
    assert pieces[0].text == "坚持科技兴农 保障粮食安全"


def test_the_space_after_a_dateline_stays_inside_the_line() -> None:
    # An indented dateline fills most of the column; the space after it is
    # the one set before the lead, not a gutter.
    lines = grid_lines(LEFT, RIGHT)
    lines.insert(0, Line(text="  新华社南京3月12日电 今年" + " " * 2 + RIGHT[0], index=0))
    pieces = page_pieces(lines)
    assert pieces[0].text == "新华社南京3月12日电 今年"
    assert pieces[1].text == RIGHT[0]


def test_a_byline_printed_twice_stays_one_piece() -> None:
    """Faux bold printed twice ("本报记者王芳本报记者王芳 李明李明") is as wide
    as a column line, but running text never repeats itself: the space
    after it is the byline's own, not a gutter."""
    lines = grid_lines(LEFT, RIGHT)
    lines.insert(0, Line(text="  本报记者王芳本报记者王芳 李明李明", index=0))
    pieces = page_pieces(lines)
    assert pieces[0].text == "本报记者王芳本报记者王芳 李明李明"


@pytest.mark.parametrize("byline", ["本报记者本报记者      王芳王芳", "本报记者  王芳本报记者  王芳"])
def test_a_byline_whose_faux_bold_copies_are_spaced_out_is_one_piece(byline: str) -> None:
    lines = grid_lines(LEFT, RIGHT)
    lines.insert(0, Line(text="  " + byline, index=0))
    pieces = page_pieces(lines)
    assert pieces[0].text == byline
