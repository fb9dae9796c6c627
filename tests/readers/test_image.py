"""The image reader: scans → lines with geometry, deskew, errors.

OCR tests run RapidOCR on a handful of small pages composed in
``tests/fixtures/make_scan.py``; the line-building tests feed made-up OCR
results and need no engine.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz.distance import Levenshtein
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

import make_scan  # noqa: E402

from jianbao.cli import app  # noqa: E402
from jianbao.errors import InputError  # noqa: E402
from jianbao.model import Page  # noqa: E402
from jianbao.readers import image as reader  # noqa: E402
from jianbao.readers.ocr import OcrBox, OcrChar, OcrResult  # noqa: E402


def squeeze(text: str) -> str:
    return "".join(text.split())


def best_similarity(text: str, candidates: list[str]) -> float:
    return max(Levenshtein.normalized_similarity(squeeze(text), squeeze(c)) for c in candidates)


# --- OCR on composed scans -------------------------------------------------------


@pytest.fixture(scope="module")
def clean_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Page, make_scan.Composed, Path]:
    """The clean sample page, read with the network switched off and the
    engine loaded afresh: models must come from the installed wheel."""
    pytest.importorskip("rapidocr")
    from jianbao.readers import ocr

    path = tmp_path_factory.mktemp("scan") / "clean.png"
    composed = make_scan.write_png(path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access during OCR")

    ocr.engine.cache_clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket, "create_connection", refuse)
        pages = reader.read_image(str(path))
    assert len(pages) == 1
    return pages[0], composed, path


def test_scan_page_has_size_in_points_and_its_image(clean_scan) -> None:
    page, _, path = clean_scan
    assert page.width == pytest.approx(make_scan.WIDTH, abs=1)
    assert page.height == pytest.approx(make_scan.HEIGHT, abs=1)
    assert page.image == str(path)


def test_scan_lines_read_the_printed_text(clean_scan) -> None:
    page, composed, _ = clean_scan
    printed = [composed.header, composed.title, composed.byline, *composed.body_lines]
    for text in printed:
        assert best_similarity(text, [line.text for line in page.lines]) >= 0.9, text
    assert [line.index for line in page.lines] == list(range(len(page.lines)))
    assert all(line.conf is not None and 0 < line.conf <= 1 for line in page.lines)


def test_scan_keeps_columns_apart(clean_scan) -> None:
    page, composed, _ = clean_scan
    body = [line for line in page.lines if best_similarity(line.text, composed.body_lines) > 0.6]
    assert len(body) == len(composed.body_lines)
    left_edge = make_scan.MARGIN + (make_scan.WIDTH - 2 * make_scan.MARGIN) / 2
    for line in body:
        x0, _, x1, _ = line.bbox
        assert x1 < left_edge + 2 or x0 > left_edge - 2, line.text


def test_scan_sizes_tell_headline_from_body(clean_scan) -> None:
    page, composed, _ = clean_scan
    title = max(page.lines, key=lambda line: best_similarity(line.text, [composed.title]))
    body_sizes = {line.size for line in page.lines if best_similarity(line.text, composed.body_lines) > 0.8}
    assert len(body_sizes) == 1
    (body,) = body_sizes
    assert body == pytest.approx(make_scan.BODY, rel=0.12)
    assert title.size > 1.8 * body


def test_skewed_noisy_jpeg_is_deskewed_and_read(tmp_path: Path) -> None:
    pytest.importorskip("rapidocr")
    path = tmp_path / "skewed.jpg"
    composed = make_scan.write_jpeg(path, angle=1.5, noise=12)
    (page,) = reader.read_image(str(path))
    assert any(w.startswith("deskewed by") for w in page.warnings)
    texts = [line.text for line in page.lines]
    scores = [best_similarity(printed, texts) for printed in composed.body_lines]
    assert min(scores) >= 0.8 and sum(scores) / len(scores) >= 0.95


def test_multi_page_tiff_gives_one_page_per_frame(tmp_path: Path) -> None:
    pytest.importorskip("rapidocr")
    path = tmp_path / "two.tif"
    make_scan.write_tiff_two_pages(path)
    pages = reader.read_image(str(path))
    assert len(pages) == 2
    for page in pages:
        assert best_similarity(make_scan.SECOND_PAGE[0], [line.text for line in page.lines]) >= 0.8


def test_image_only_pdf_page_gives_articles_without_asking(tmp_path: Path) -> None:
    pytest.importorskip("rapidocr")
    from jianbao.pipeline import Options, parse_paths

    path = tmp_path / "scan.pdf"
    composed = make_scan.write_image_only_pdf(path)
    issue = parse_paths([str(path)], Options())
    articles = [a for _, a in issue.articles()]
    assert articles
    assert max(best_similarity(composed.title, [a.title]) for a in articles) >= 0.9
    assert sum(len(a.body) for a in articles) >= 2


def test_image_only_pdf_where_ocr_finds_nothing_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("rapidocr")
    import make_pdf

    from jianbao.readers.pdf import read_pdf

    path = make_pdf.image_only_pdf(tmp_path / "blank.pdf")
    with pytest.raises(InputError, match="page 1 has no text layer and OCR found no text"):
        read_pdf(str(path))


def test_image_only_pdf_without_ocr_engine_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jianbao.readers import ocr
    from jianbao.readers.pdf import read_pdf

    def missing() -> None:
        raise ocr.OcrUnavailable("OCR needs the 'ocr' extra: pip install 'jianbao[ocr]'")

    path = tmp_path / "scan.pdf"
    make_scan.write_image_only_pdf(path)
    monkeypatch.setattr(ocr, "bundled_models", missing)
    with pytest.raises(InputError, match="page 1 has no text layer and OCR is not installed"):
        read_pdf(str(path))
    monkeypatch.setattr(ocr, "engine", missing)
    with pytest.raises(InputError, match="page 1: OCR needs the 'ocr' extra"):
        read_pdf(str(path), ocr=True)


# --- bad input --------------------------------------------------------------------


def test_corrupt_image_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(InputError) as err:
        reader.read_image(str(path))
    assert err.value.source == str(path)
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    message = result.stderr if hasattr(result, "stderr") else result.output
    assert message.strip().startswith(f"jianbao: {path}:") and len(message.strip().splitlines()) == 1


def test_truncated_image_is_an_input_error(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "cut.png"
    Image.fromarray(np.full((200, 300), 255, dtype=np.uint8)).save(path)
    path.write_bytes(path.read_bytes()[:120])
    with pytest.raises(InputError):
        reader.read_image(str(path))


# --- deskew -----------------------------------------------------------------------


@pytest.mark.parametrize("angle", [1.5, -2.0])
def test_skew_is_measured_and_undone(angle: float) -> None:
    gray, _ = make_scan.scan_pixels(angle=angle)
    measured = reader.estimate_skew(gray)
    assert abs(measured) == pytest.approx(abs(angle), abs=0.2)
    assert reader.estimate_skew(reader.rotate(gray, measured)) == pytest.approx(0, abs=0.15)


def test_straight_page_is_left_alone() -> None:
    gray, _ = make_scan.scan_pixels()
    assert abs(reader.estimate_skew(gray)) < reader.MIN_SKEW_DEG


def test_resolution_from_file_or_default() -> None:
    from PIL import Image

    frame = Image.new("L", (10, 10))
    frame.info["dpi"] = (300, 300)
    assert reader.image_dpi(frame) == 300
    frame.info["dpi"] = (72, 72)
    assert reader.image_dpi(frame) == reader.DEFAULT_DPI


# --- boxes → lines (no OCR engine) --------------------------------------------------


def box(text: str, x0: float, y0: float, pitch: float = 30.0, height: float = 38.0, conf: float = 0.99) -> OcrBox:
    """A detected box over ``text`` set at ``pitch`` pixels per character."""
    chars = [OcrChar(ch, x0 + k * pitch, x0 + (k + 1) * pitch, conf) for k, ch in enumerate(text)]
    x1 = x0 + len(text) * pitch
    return OcrBox(quad=[[x0, y0], [x1, y0], [x1, y0 + height], [x0, y0 + height]], text=text, conf=conf, chars=chars)


def two_columns(rows: int = 8) -> list[OcrBox]:
    """Two justified columns of ten characters, 20 px gutter."""
    boxes = []
    for r in range(rows):
        boxes.append(box("甲" * 10, 100, 100 + 45 * r))
        boxes.append(box("乙" * 10, 420, 100 + 45 * r))
    return boxes


def test_box_across_a_gutter_is_cut_at_the_column_edge() -> None:
    boxes = two_columns()
    # A short paragraph end in the left column read as one box with the
    # right column's line beside it.
    boxes.append(box("丙丙丙。" + "丁" * 10, 100, 100 + 45 * 8))
    boxes[-1].chars[4:] = [OcrChar("丁", 420 + k * 30, 450 + k * 30, 0.99) for k in range(10)]
    y0 = 100 + 45 * 8
    boxes[-1].quad = [[100, y0], [720, y0], [720, y0 + 38], [100, y0 + 38]]
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=0.36)
    texts = [line.text for line in lines]
    assert "丙丙丙。" in texts and "丁" * 10 in texts
    assert not any("丙" in t and "丁" in t for t in texts)


def test_word_space_inside_a_column_is_not_a_gutter() -> None:
    boxes = two_columns()
    boxes.append(box("本报电记者林", 100, 100 + 45 * 8))
    boxes[-1].chars[3:] = [OcrChar(ch, 220 + k * 30, 250 + k * 30, 0.99) for k, ch in enumerate("记者林")]
    y0 = 100 + 45 * 8
    boxes[-1].quad = [[100, y0], [310, y0], [310, y0 + 38], [100, y0 + 38]]
    boxes[-1].text = "本报电 记者林"
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=0.36)
    assert "本报电 记者林" in [line.text for line in lines]


def test_pieces_of_a_line_are_joined_but_not_across_columns() -> None:
    boxes = two_columns()
    boxes.append(box("戊戊戊戊戊", 100, 100 + 45 * 8))
    boxes.append(box("戊戊戊戊戊", 250, 100 + 45 * 8))
    boxes.append(box("己己己", 420, 100 + 45 * 8))
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=0.36)
    texts = [line.text for line in lines]
    assert "戊" * 10 in texts and "己己己" in texts


def test_low_confidence_line_is_kept_and_reported() -> None:
    boxes = two_columns(3)
    boxes.append(box("模糊字", 100, 300, conf=0.31))
    lines, warnings = reader.lines_from_result(OcrResult(800, 800, boxes), scale=0.36)
    line = next(line for line in lines if line.text == "模糊字")
    assert line.conf == pytest.approx(0.31)
    assert any(w.startswith(f"line {line.index}: low confidence 0.31") for w in warnings)


def test_overlapping_boxes_keep_a_shared_character_once() -> None:
    boxes = [box("经济运行平稳（", 100, 100, pitch=60, height=70), box("（权威发布）", 480, 100, pitch=60, height=70)]
    lines, _ = reader.lines_from_result(OcrResult(900, 300, boxes), scale=0.36)
    assert [line.text for line in lines] == ["经济运行平稳（权威发布）"]


def test_line_boxes_are_points_and_sizes_snap_to_one_value() -> None:
    boxes = [box("甲" * 10, 100, 100 + 45 * r, height=36 + (r % 3)) for r in range(6)]
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=72 / 200)
    assert len({line.size for line in lines}) == 1
    assert lines[0].size == pytest.approx(30 * 72 / 200, rel=0.05)
    x0, y0, x1, y1 = lines[0].bbox
    assert x0 == pytest.approx(100 * 0.36) and x1 == pytest.approx(400 * 0.36)
    assert y1 - y0 == pytest.approx(lines[0].size)


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("(记者林小雨) 江州", "（记者林小雨） 江州"),
        ("他说:好!", "他说：好！"),
        ("价格(CPI)上涨3.0%,", "价格（CPI）上涨3.0%，"),
        ("9:30开始,共1,000人", "9:30开始，共1,000人"),
        ("f(x) = 1, 2", "f(x) = 1, 2"),
    ],
)
def test_ascii_punctuation_in_chinese_text_becomes_full_width(raw: str, repaired: str) -> None:
    assert reader.repair_punctuation(raw) == repaired


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("“赋予‘江桥”新的意义”", "“赋予‘江桥’新的意义”"),
        ("“他说“好’就走了”", "“他说‘好’就走了”"),
        ("他说：“好”", "他说：“好”"),
        ("“江州的‘桥”", "“江州的‘桥”"),  # the rest may be on the next line
    ],
)
def test_quote_marks_are_paired_within_a_line(raw: str, repaired: str) -> None:
    assert reader.pair_quotes(raw) == repaired


def test_ocr_result_round_trips_through_json() -> None:
    result = OcrResult(800, 600, [box("江州大桥", 10, 20)])
    again = OcrResult.from_dict(result.to_dict())
    assert again == result


# --- type sizes, gutters, joins and dashes (no OCR engine) ---------------------------


def test_size_comes_from_character_spacing_not_box_width() -> None:
    """An intertitle whose dash the recogniser left out still has a box
    over the dash: its size is the body's, not the box width over three."""
    boxes = two_columns()
    boxes.append(box("黄大发", 100, 100 + 45 * 8))
    boxes[-1].quad[1][0] = boxes[-1].quad[2][0] = 100 + 5 * 30
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    sizes = {line.text: line.size for line in lines}
    assert sizes["黄大发"] == sizes["甲" * 10] == pytest.approx(30, abs=0.5)


def test_short_last_line_takes_the_size_of_its_column() -> None:
    boxes = two_columns()
    boxes.append(box("定。", 100, 100 + 45 * 8, height=48))
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    sizes = {line.text: line.size for line in lines}
    assert sizes["定。"] == sizes["甲" * 10]


def test_short_line_in_a_tall_box_ends_the_paragraph_above() -> None:
    """Detectors draw short boxes tall; flush under a body line at one
    line's spacing, it is that paragraph's last line whatever its height."""
    boxes = two_columns()
    boxes.append(box("利。", 100, 100 + 45 * 8 - 8, height=58))
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    sizes = {line.text: line.size for line in lines}
    assert sizes["利。"] == sizes["甲" * 10]


def test_wrapped_headline_lines_share_one_size() -> None:
    boxes = two_columns()
    boxes.append(box("江州新建跨河大桥今天通车", 100, 0, pitch=60, height=80))
    boxes.append(box("两岸", 160, 80, pitch=56, height=80))
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    sizes = {line.text: line.size for line in lines}
    assert sizes["两岸"] == sizes["江州新建跨河大桥今天通车"] == pytest.approx(60, abs=1)


def test_columns_merged_in_every_box_are_cut_at_their_shared_blank() -> None:
    """A narrow gutter: the detector read each row of two columns as one
    box, with a blank at the gutter; one row has a comma hanging into it."""
    boxes = []
    for r in range(8):
        left = "甲" * 9 + ("，" if r == 3 else "甲")
        boxes.append(box(left + "乙" * 10, 100, 100 + 45 * r))
        for k, char in enumerate(boxes[-1].chars[10:]):
            char.x0, char.x1 = 430 + k * 30, 460 + k * 30
        boxes[-1].quad[1][0] = boxes[-1].quad[2][0] = 730
    boxes[3].chars[9].x1 = boxes[3].chars[10].x0 - 2  # the comma read as wide as the gutter
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    texts = sorted(line.text for line in lines)
    assert texts.count("乙" * 10) == 8
    assert not any("甲" in t and "乙" in t for t in texts)


def test_byline_space_is_joined_but_a_gutter_is_not() -> None:
    boxes = [box("甲" * 20, 100, 100 + 45 * r) for r in range(1, 5)]
    boxes.append(box("本报记者", 160, 55))
    boxes.append(box("林小雨", 160 + 4 * 30 + 40, 55))
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    assert "本报记者 林小雨" in [line.text for line in lines]
    boxes = two_columns()
    boxes.append(box("丙丙丙", 100 + 7 * 30, 100 + 45 * 8))
    boxes.append(box("丁丁丁", 420, 100 + 45 * 8))
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    assert {"丙丙丙", "丁丁丁"} <= {line.text for line in lines}


def page_with_strokes(strokes: list[tuple[int, int, int]]) -> np.ndarray:
    """White pixels with level strokes (x0, x1, y), two pixels thick."""
    gray = np.full((400, 800), 255, dtype=np.uint8)
    for x0, x1, y in strokes:
        gray[y : y + 2, x0:x1] = 0
    return gray


def test_unread_dashes_are_read_from_the_pixels() -> None:
    cy = 100 + 19  # middle of the boxes of box(…, y0=100)
    boxes = [box("再出发", 100, 100), box("编者", 400, 100), box("前进中国", 100, 200)]
    gray = page_with_strokes([(190, 250, cy), (338, 398, cy), (160, 220, 200 + 19)])
    boxes[2].chars[2:] = [OcrChar(c, 220 + k * 30, 250 + k * 30, 0.99) for k, c in enumerate("中国")]
    lines, _ = reader.lines_from_result(OcrResult(800, 400, boxes), scale=1.0, gray=gray)
    texts = {line.text for line in lines}
    assert {"再出发——", "——编者", "前进——中国"} <= texts
    assert next(line for line in lines if line.text == "——编者").bbox[0] == pytest.approx(338)


def test_rules_and_glyphs_are_not_dashes() -> None:
    cy = 100 + 19
    boxes = [box("再出发", 100, 100), box("编者", 500, 100)]
    gray = page_with_strokes([(190, 400, cy), (440, 470, cy)])
    gray[cy - 12 : cy + 12, 470:498] = 0  # a glyph's ink runs on from the stroke
    lines, _ = reader.lines_from_result(OcrResult(800, 400, boxes), scale=1.0, gray=gray)
    assert {line.text for line in lines} == {"再出发", "编者"}


def test_single_dash_read_short_is_lengthened_by_its_stroke() -> None:
    cy = 100 + 19
    boxes = [box("中国—东盟", 100, 100), box("她说—我们", 100, 200)]
    boxes[1].chars[3:] = [OcrChar(c, 220 + k * 30, 250 + k * 30, 0.99) for k, c in enumerate("我们")]
    gray = page_with_strokes([(160, 190, cy), (160, 220, 200 + 19)])
    lines, _ = reader.lines_from_result(OcrResult(800, 400, boxes), scale=1.0, gray=gray)
    assert {line.text for line in lines} == {"中国—东盟", "她说——我们"}


def test_padded_boxes_overlapping_across_a_narrow_gutter_stay_apart() -> None:
    """At low resolution the detector's padding makes the boxes of two
    columns overlap; the recognised characters still show the gutter."""
    boxes = two_columns()
    for b in boxes:
        x0, x1 = b.bbox[0] - 20, b.bbox[2] + 20
        b.quad = [[x0, b.quad[0][1]], [x1, b.quad[1][1]], [x1, b.quad[2][1]], [x0, b.quad[3][1]]]
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    assert sorted(line.text for line in lines) == ["乙" * 10] * 8 + ["甲" * 10] * 8


def test_line_of_digits_is_sized_like_its_column() -> None:
    """Digits are set narrower or wider than half an em, so a line with
    no pair of Han characters takes its size from the lines around it."""
    boxes = two_columns()
    boxes.append(box("2019年6月26日，", 160, 100 + 45 * 8, pitch=24))
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    sizes = {line.text: line.size for line in lines}
    assert sizes["2019年6月26日，"] == sizes["甲" * 10]


def test_date_line_under_a_title_keeps_its_own_size() -> None:
    """A subtitle set smaller than the title, with no pair of Han
    characters to measure: it is neither the title's wrap nor body type."""
    boxes = [box(ch * 10, x, 220 + 45 * r) for r in range(8) for ch, x in (("甲", 100), ("乙", 420))]
    boxes.append(box("江州新建跨河大桥今天通车", 100, 0, pitch=60, height=76))
    boxes.append(box("（2019年10月10日）", 200, 80, pitch=28, height=58))
    lines, _ = reader.lines_from_result(OcrResult(900, 800, boxes), scale=1.0)
    sizes = {line.text: line.size for line in lines}
    title, date, body = sizes["江州新建跨河大桥今天通车"], sizes["（2019年10月10日）"], sizes["甲" * 10]
    assert 1.25 * body < date < 0.85 * title


def test_byline_over_a_gutter_is_not_cut_at_its_word_space() -> None:
    """A byline centred over two columns crosses their gutter; its word
    space falls short of where the next column's lines start."""
    boxes = two_columns()
    byline = box("本报记者林小雨", 300, 100 + 45 * 8)
    byline.chars[4:] = [OcrChar(ch, 445 + k * 30, 475 + k * 30, 0.99) for k, ch in enumerate("林小雨")]
    byline.text = "本报记者 林小雨"
    byline.quad[1][0] = byline.quad[2][0] = 535
    boxes.append(byline)
    lines, _ = reader.lines_from_result(OcrResult(800, 800, boxes), scale=1.0)
    assert "本报记者 林小雨" in [line.text for line in lines]
