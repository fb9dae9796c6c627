"""Reading raw page text: encodings, line ends, spaces, stdin and bad files."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from jianbao.errors import InputError
from jianbao.readers.text import decode, page_from_text, pages_from_text, read_text_pages

PAGE = "江州日报\n第1版 要闻\n\n青石河大桥合龙\n本报讯（记者赵雪）今天上午，大桥主桥顺利合龙。\n"
LINES = ["江州日报", "第1版 要闻", "青石河大桥合龙", "本报讯（记者赵雪）今天上午，大桥主桥顺利合龙。"]


def read_text(path: str):
    pages = read_text_pages(path)
    assert len(pages) == 1
    return pages[0]


def texts(path: Path) -> list[str]:
    return [line.text for line in read_text(str(path)).lines]


ENCODINGS = {
    "utf-8": PAGE.encode("utf-8"),
    "utf-8 with BOM": b"\xef\xbb\xbf" + PAGE.encode("utf-8"),
    "gb18030": PAGE.encode("gb18030"),
    "gbk": PAGE.encode("gbk"),
    "utf-16 le with BOM": b"\xff\xfe" + PAGE.encode("utf-16-le"),
    "utf-16 be with BOM": b"\xfe\xff" + PAGE.encode("utf-16-be"),
    "utf-16 le without BOM": PAGE.encode("utf-16-le"),
    "utf-16 be without BOM": PAGE.encode("utf-16-be"),
    "utf-8 with CRLF": PAGE.replace("\n", "\r\n").encode("utf-8"),
    "gb18030 with CRLF": PAGE.replace("\n", "\r\n").encode("gb18030"),
}


@pytest.mark.parametrize("data", list(ENCODINGS.values()), ids=list(ENCODINGS))
def test_encodings_read_to_the_same_lines(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    assert texts(path) == LINES


def test_utf16_without_bom_mostly_latin_is_detected(tmp_path: Path) -> None:
    text = "DI YI SHI XIAN\n2024 nian 10 yue\n"
    for codec in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        assert texts(path) == ["DI YI SHI XIAN", "2024 nian 10 yue"]


def test_line_index_is_the_line_number_and_blank_lines_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    page = read_text(str(path))
    assert [line.index for line in page.lines] == [1, 2, 4, 5]
    assert [line.blank_before for line in page.lines] == [False, False, True, False]
    assert page.source == str(path)


def test_full_width_and_no_break_spaces_become_spaces() -> None:
    page = page_from_text("本报记者\u3000王小明\n甲\u00a0乙\u3000\u3000\n\u3000\u3000\n丙")
    assert [line.text for line in page.lines] == ["本报记者 王小明", "甲 乙", "丙"]
    assert page.lines[2].blank_before  # a line of full-width spaces is blank


def test_radical_code_points_read_as_the_characters_they_print() -> None:
    """A PDF font that maps 人 and 日 to the Kangxi radicals' code points
    leaves text no rule or search would match."""
    page = page_from_text("⼈⺠⽇报\n本报记者 王⼩明")
    assert [line.text for line in page.lines] == ["人民日报", "本报记者 王小明"]


def test_form_feeds_separate_pages_and_line_numbers_run_on(tmp_path: Path) -> None:
    # pdftotext and pdfminer.six end every page of a document with a form
    # feed: a whole issue in one file reads as its pages.
    path = tmp_path / "issue.txt"
    path.write_text("江州日报\n第1版 要闻\n\f第2版 综合\n\n本报讯 桥通了。\n\f", encoding="utf-8")
    pages = read_text_pages(str(path))
    assert [[line.text for line in page.lines] for page in pages] == [["江州日报", "第1版 要闻"], ["第2版 综合", "本报讯 桥通了。"]]
    assert [[line.index for line in page.lines] for page in pages] == [[1, 2], [4, 6]]
    assert not pages[1].lines[0].blank_before and pages[1].lines[1].blank_before
    assert all(page.source == str(path) for page in pages)


def test_pages_pasted_into_one_file_split_at_the_next_pages_header() -> None:
    """The masthead and date over the second page's header go with it;
    line numbers stay those of the file."""
    text = "第1版 要闻\n江州大桥今天通车。\n\n江州日报\n2026年3月5日 星期四\n第2版 要闻\n老街改造完工。\n"
    pages = pages_from_text(text)
    assert [[line.text for line in p.lines] for p in pages] == [
        ["第1版 要闻", "江州大桥今天通车。"],
        ["江州日报", "2026年3月5日 星期四", "第2版 要闻", "老街改造完工。"],
    ]
    assert [line.index for line in pages[1].lines] == [4, 5, 6, 7]


@pytest.mark.parametrize(
    "text",
    [
        # A text-box extractor printed the page's one header among its text.
        "江州大桥今天通车。\n第3版 文化\n老街改造完工。\n",
        # The header repeated at the page's foot.
        "第3版 文化\n江州大桥今天通车。\n第3版\n",
    ],
)
def test_a_page_with_one_header_anywhere_stays_one_page(text: str) -> None:
    assert len(pages_from_text(text)) == 1


def test_pages_without_text_between_form_feeds_are_skipped() -> None:
    assert [[line.text for line in p.lines] for p in pages_from_text("\f\n \f甲\f\f乙\r\n\f")] == [["甲"], ["乙"]]


def test_old_mac_line_ends_and_form_feeds_split_lines() -> None:
    page = page_from_text("甲\r乙\f丙")
    assert [line.text for line in page.lines] == ["甲", "乙", "丙"]


def test_page_from_text_keeps_position_and_source() -> None:
    page = page_from_text("甲\n乙", source="<page 3>", position=3)
    assert page.number == 3 and page.source == "<page 3>"
    assert all(line.page == 3 for line in page.lines)


def test_stdin_dash_reads_bytes_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(PAGE.encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", fake)
    page = read_text("-")
    assert page.source == "<stdin>"
    assert [line.text for line in page.lines] == LINES


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\r\n\t \n", "empty file"),
        (b"\x00\x01\x02\x03\x89PNG\x00\x00binary\xff\xfe\x00", "binary data"),
        (bytes(range(256)) * 4, "binary data"),
    ],
    ids=["empty", "whitespace only", "nul bytes", "all byte values"],
)
def test_bad_content_is_one_input_error(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_text(str(path))
    assert info.value.source == str(path)
    assert problem in info.value.problem
    assert "\n" not in str(info.value)


def test_control_characters_in_text_are_binary_data() -> None:
    data = ("正文" * 10 + "\x01\x02\x03\x04\x05" * 4).encode("utf-8")
    with pytest.raises(InputError, match="binary data"):
        decode(data, "x.txt")


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(str(tmp_path / "missing.txt"))
    assert info.value.problem == "no such file"
    with pytest.raises(InputError) as info:
        read_text(str(tmp_path))
    assert "directory" in info.value.problem
    assert str(info.value) == f"{tmp_path}: {info.value.problem}"


def test_invalid_utf8_after_bom_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "正文".encode("utf-8") + b"\xff\xfe\xfd")
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        read_text(str(path))
