"""The PDF reader: lines with geometry, faux bold, and refusing bad files."""

from __future__ import annotations

import sys
from pathlib import Path

import pymupdf
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

import make_pdf  # noqa: E402

from jianbao.cli import app  # noqa: E402
from jianbao.errors import InputError  # noqa: E402
from jianbao.readers.pdf import COLLAPSED, is_bold_font, read_pdf  # noqa: E402


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf.sample_issue(tmp_path_factory.mktemp("pdf") / "sample.pdf")


def test_one_page_per_pdf_page_with_geometry(sample: Path) -> None:
    pages = read_pdf(str(sample))
    assert len(pages) == 2
    page = pages[0]
    assert page.width == make_pdf.WIDTH and page.height == make_pdf.HEIGHT
    assert [line.index for line in page.lines] == list(range(len(page.lines)))
    masthead = next(line for line in page.lines if line.text == "晨光日报")
    assert masthead.size == pytest.approx(44, abs=0.5)
    x0, y0, x1, y1 = masthead.bbox
    assert x0 == pytest.approx(make_pdf.MARGIN, abs=1) and y1 > y0 and x1 > x0


def test_faux_bold_copy_is_kept_and_marked(sample: Path) -> None:
    lines = read_pdf(str(sample))[0].lines
    titles = [line for line in lines if line.text == "江州护堤工程完工"]
    assert len(titles) == 2
    original, copy = titles
    assert original.bold and not original.label
    assert copy.label == COLLAPSED


def test_a_line_drawn_once_is_not_bold(sample: Path) -> None:
    lines = read_pdf(str(sample))[0].lines
    assert not next(line for line in lines if line.text == "青石大桥正式通车").bold


def test_bold_from_font_name_or_flags() -> None:
    assert is_bold_font("ABCDEF+SourceHanSans-Bold", 0)
    assert is_bold_font("FZCuHeiSongS-B-GB", 0)
    assert is_bold_font("SimSun", 16)
    assert is_bold_font("方正粗宋", 0)
    assert not is_bold_font("WenQuanYiZenHei", 4)


def test_pieces_of_one_printed_line_are_joined(sample: Path) -> None:
    lines = read_pdf(str(sample))[0].lines
    assert any(line.text.replace(" ", "") == "本报记者宋佳音" for line in lines)


def test_picture_boxes_are_found(sample: Path) -> None:
    page = read_pdf(str(sample))[0]
    assert len(page.pictures) == 1
    x0, y0, x1, y1 = page.pictures[0]
    assert y1 - y0 == pytest.approx(140, abs=1)


@pytest.mark.parametrize(
    "maker, problem",
    [
        (make_pdf.encrypted_pdf, "encrypted"),
        (make_pdf.truncated_pdf, "truncated"),
        (make_pdf.random_bytes_pdf, "not a readable PDF"),
        (make_pdf.image_only_pdf, "page 1 has no text layer and OCR is not installed"),
    ],
)
def test_bad_pdfs_raise_one_line_input_errors(tmp_path: Path, maker, problem: str, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("jianbao.readers.pdf.can_ocr", lambda: False)
    path = maker(tmp_path / "bad.pdf")
    with pytest.raises(InputError) as err:
        read_pdf(str(path))
    assert problem in err.value.problem
    assert "\n" not in str(err.value)


def test_image_only_page_among_text_pages_gets_a_warning(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("jianbao.readers.pdf.can_ocr", lambda: False)
    pages = read_pdf(str(make_pdf.mixed_pdf(tmp_path / "mixed.pdf")))
    assert len(pages) == 2
    assert pages[0].lines and not pages[1].lines
    assert pages[1].warnings == ["page 2 has no text layer and OCR is not installed (pip install 'jianbao[ocr]')"]


def test_cli_refuses_bad_pdf_with_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = make_pdf.encrypted_pdf(tmp_path / "locked.pdf")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["parse", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "encrypted PDF" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_cli_parses_pdf_and_conserves_characters(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "issue.json"
    result = CliRunner().invoke(app, ["parse", str(sample), "-o", str(out), "--check"])
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_far_apart_pieces_on_one_baseline_stay_two_lines() -> None:
    """A byline cut at a wide space is one line; two headlines of
    neighbouring modules on one baseline are two."""
    from jianbao.model import Line
    from jianbao.readers.pdf import continues_line

    role = Line(text="本报记者", bbox=(100, 50, 140, 60), size=10)
    assert continues_line(role, Line(text="钟磊", bbox=(150, 50, 170, 60), size=10))
    left = Line(text="左边的标题", bbox=(34, 700, 114, 716), size=16)
    assert not continues_line(left, Line(text="右边的标题", bbox=(300, 700, 380, 716), size=16))


def test_text_set_past_the_page_edge_is_read(tmp_path: Path) -> None:
    """A caption under a photo box that runs off the foot of the page is
    still printed matter of that page."""
    doc = pymupdf.open()
    page = doc.new_page(width=make_pdf.WIDTH, height=make_pdf.HEIGHT)
    page.insert_text((40, 100), "版面里的一行字", fontname=make_pdf.FONT, fontsize=10)
    page.insert_text((40, make_pdf.HEIGHT + 20), "版面下缘外的图片说明", fontname=make_pdf.FONT, fontsize=10)
    path = tmp_path / "edge.pdf"
    doc.save(path)
    doc.close()
    texts = [line.text for line in read_pdf(str(path))[0].lines]
    assert "版面下缘外的图片说明" in texts


def test_radical_code_points_in_a_pdfs_spans_read_as_the_characters_they_print() -> None:
    """A font whose ToUnicode map points 日 and 小 at the Kangxi radicals."""
    from jianbao.readers.pdf import line_from_spans

    span = {"text": "江州⽇报记者 王⼩明", "bbox": (40, 90, 140, 100), "size": 10.0, "font": "FZSSK", "flags": 0}
    line = line_from_spans([span], number=1, index=0)
    assert line is not None and line.text == "江州日报记者 王小明"
