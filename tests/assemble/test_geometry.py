"""Geometric article assembly on generated newspaper pages, and on bare
lines (the way OCR output arrives)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

import make_pdf  # noqa: E402

from jianbao.assemble.geometry import assemble_geometry  # noqa: E402
from jianbao.assemble.layout import Item, reading_order  # noqa: E402
from jianbao.conservation import check_page  # noqa: E402
from jianbao.model import Line, Page  # noqa: E402
from jianbao.pipeline import parse_paths  # noqa: E402

LAYOUTS = {
    "6 columns": make_pdf.Layout(),
    "7 columns, small type": make_pdf.Layout(grid=7, body=9.0, title=28.0),
    "5 columns, large type": make_pdf.Layout(grid=5, body=10.5, title=22.0, kicker=14.0, subtitle=15.0, byline=12.0),
}


@pytest.fixture(scope="module", params=list(LAYOUTS))
def issue(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    path = make_pdf.sample_issue(tmp_path_factory.mktemp("geo") / "issue.pdf", LAYOUTS[request.param])
    return parse_paths([str(path)])


def by_title(page: Page) -> dict:
    return {a.title: a for a in page.articles}


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_page_furniture_number_date_paper(issue) -> None:  # noqa: ANN001
    first, second = issue.pages
    assert (first.number, first.section, first.date, first.paper) == (1, "要闻", "2024-03-05", "晨光日报")
    assert (second.number, second.section) == (2, "综合")
    assert {f.kind for f in first.furniture} == {"masthead", "date", "page_header"}


def test_articles_and_headline_roles(issue) -> None:  # noqa: ANN001
    articles = by_title(issue.pages[0])
    assert set(articles) == {"江州护堤工程完工", "青石大桥正式通车", "城东图书馆开门迎客", "春耕时节"}
    bridge = articles["青石大桥正式通车"]
    assert bridge.kicker == "两岸往来从一小时缩短到十分钟"
    assert bridge.subtitle == "三条跨江公交线路同步开通"
    assert articles["城东图书馆开门迎客"].byline.split() == ["本报记者", "宋佳音"]


def test_body_paragraphs_in_reading_order(issue) -> None:  # noqa: ANN001
    articles = by_title(issue.pages[0])
    assert [squeeze(p) for p in articles["江州护堤工程完工"].body] == [squeeze(p) for p in make_pdf.RIVER]
    assert [squeeze(p) for p in articles["青石大桥正式通车"].body] == [squeeze(p) for p in make_pdf.BRIDGE]
    # the opener stays at the start of the first paragraph
    assert articles["青石大桥正式通车"].body[0].startswith("本报讯")


def test_jump_markers_leave_the_body(issue) -> None:  # noqa: ANN001
    cut = by_title(issue.pages[0])["城东图书馆开门迎客"]
    assert cut.jump_markers == ["（下转第2版）"]
    assert cut.continues_to is not None and cut.continues_to.page == 2
    assert not any("下转" in p for p in cut.body)
    rest = by_title(issue.pages[1])["城东图书馆开门迎客"]
    assert rest.jump_markers == ["（上接第1版）"]
    assert rest.continued_from is not None and rest.continued_from.page == 1
    assert rest.body[0].startswith("开馆第一周")


def test_photo_news_caption_and_credit(issue) -> None:  # noqa: ANN001
    photo = by_title(issue.pages[0])["春耕时节"]
    assert photo.kind == "photo" and photo.body == []
    assert len(photo.captions) == 1
    assert photo.captions[0].text.startswith("3月4日")
    assert squeeze(photo.captions[0].credit) == "本报记者马立新摄"


def test_faux_bold_copy_goes_to_collapsed_and_characters_are_conserved(issue) -> None:  # noqa: ANN001
    assert issue.pages[0].collapsed == ["江州护堤工程完工"]
    for page in issue.pages:
        assert check_page(page) == []
        assert page.unassigned == []


def test_every_article_has_regions_inside_the_page(issue) -> None:  # noqa: ANN001
    for page in issue.pages:
        for article in page.articles:
            assert article.regions
            for x0, y0, x1, y1 in article.regions:
                assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height


# --- from bare lines, as OCR delivers them ----------------------------------------------


def line(text: str, x0: float, y0: float, size: float = 10.0, index: int = 0) -> Line:
    return Line(text=text, index=index, bbox=(x0, y0, x0 + size * len(text), y0 + size), size=size)


def column(texts: list[str], x0: float, y0: float, start: int, indent: set[int]) -> list[Line]:
    return [line(t, x0 + (20 if i in indent else 0), y0 + i * 13, index=start + i) for i, t in enumerate(texts)]


def test_two_side_by_side_modules_with_aligned_headlines_are_not_interleaved() -> None:
    """Headlines on one row and bodies on one row: each body goes with the
    headline above it, not with the headline read just before it."""
    left_head = line("左边的标题", 40, 100, size=24, index=0)
    right_head = line("右边的标题", 330, 100, size=24, index=1)
    left = column(["甲甲甲甲甲甲甲甲甲甲", "甲甲甲甲甲甲甲甲甲甲"], 40, 140, 2, {0}) + column(["甲甲甲甲甲甲甲甲甲甲"], 150, 140, 4, set())
    right = column(["乙乙乙乙乙乙乙乙乙乙", "乙乙乙乙乙乙乙乙乙乙"], 330, 140, 5, {0}) + column(["乙乙乙乙乙乙乙乙乙乙"], 440, 140, 7, set())
    page = Page(number=1, lines=[left_head, right_head, *left, *right], width=600, height=800)
    assemble_geometry(page)
    titles = {a.title: "".join(a.body) for a in page.articles}
    assert set(titles["左边的标题"]) == {"甲"} and set(titles["右边的标题"]) == {"乙"}


def test_reading_order_goes_down_a_column_before_the_next() -> None:
    lines = column(["一行", "二行", "三行"], 40, 100, 0, set()) + column(["四行", "五行"], 120, 100, 3, set())
    items = [Item(bbox=ln.bbox, line=ln) for ln in reversed(lines)]
    order = [it.line.text for leaf in reading_order(items, body=10.0, line_gap=3.0) for it in leaf]
    assert order == ["一行", "二行", "三行", "四行", "五行"]


def test_paragraphs_from_indents_across_columns() -> None:
    head = line("标题", 40, 60, size=24, index=0)
    body = column(["第一段开头", "第一段结尾"], 40, 100, 1, {0}) + column(["第一段续完", "第二段开头"], 120, 100, 3, {1})
    page = Page(number=1, lines=[head, *body], width=400, height=600)
    assemble_geometry(page)
    (article,) = page.articles
    assert article.body == ["第一段开头第一段结尾第一段续完", "第二段开头"]


# --- modules that do not line up with one grid of cuts ------------------------------


@pytest.fixture(scope="module", params=list(LAYOUTS))
def stacked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    path = make_pdf.stacked_page(tmp_path_factory.mktemp("stacked") / "stacked.pdf", LAYOUTS[request.param])
    return parse_paths([str(path)])


def bodies(page: Page) -> dict[str, str]:
    return {a.title: squeeze("".join(a.body)) for a in page.articles}


def test_a_full_height_gutter_does_not_split_the_module_below(stacked) -> None:  # noqa: ANN001
    """The outer column of a wide module whose centred headline does not
    reach it stays with that module, not with the article above it."""
    found = bodies(stacked.pages[0])
    assert found["晨练队"] == squeeze("".join(make_pdf.MORNING))
    assert found["新校舍"] == squeeze("".join(make_pdf.SCHOOL))
    assert found["海宁港两座万吨级新泊位今天正式投入使用"] == squeeze("".join(make_pdf.HARBOUR))


def test_a_headline_overrunning_into_the_next_column_keeps_its_own_text(stacked) -> None:  # noqa: ANN001
    page = stacked.pages[1]
    overrun = next(a for a in page.articles if a.title.endswith("（上）"))
    assert squeeze("".join(overrun.body)) == squeeze("".join(make_pdf.ORCHARD))
    clinic = next(a for a in page.articles if a.title == "夜间门诊开诊")
    assert clinic.kicker == "城西社区方便上班族就医"
    assert squeeze("".join(clinic.body)) == squeeze("".join(make_pdf.CLINIC))
    assert len(page.articles) == 2 and page.unassigned == []


def test_aligned_kickers_with_a_wide_gap_to_their_titles_stay_with_them() -> None:
    """Side-by-side modules whose kicker → title gap is the widest white
    space in the band: each kicker joins the title under it."""
    heads = [
        line("左边引题", 40, 60, size=13, index=0),
        line("右边的引题", 330, 60, size=13, index=1),
        line("左边主题", 40, 84, size=24, index=2),
        line("右边主题", 330, 84, size=24, index=3),
    ]
    left = column(["甲甲甲甲甲甲甲甲甲甲", "甲甲甲甲甲甲甲甲甲甲"], 40, 116, 4, {0})
    right = column(["乙乙乙乙乙乙乙乙乙乙", "乙乙乙乙乙乙乙乙乙乙"], 330, 116, 6, {0})
    page = Page(number=1, lines=[*heads, *left, *right], width=600, height=800)
    assemble_geometry(page)
    found = {a.title: (a.kicker, set("".join(a.body))) for a in page.articles}
    assert found == {"左边主题": ("左边引题", {"甲"}), "右边主题": ("右边的引题", {"乙"})}


def test_caption_set_apart_from_its_picture_stays_with_it() -> None:
    """A photo with its caption a little below it, beside an article that
    ends higher up: the caption is not read after the neighbour's text."""
    head = line("图片新闻", 40, 60, size=20, index=0)
    caption = column(["丙丙丙丙丙丙丙丙丙丙", "丙丙丙丙丙丙丙丙丙丙"], 40, 236, 1, set())
    other_head = line("旁边的文章", 330, 60, size=24, index=3)
    other = column(["丁丁丁丁丁丁丁丁丁丁", "丁丁丁丁丁丁丁丁丁丁", "丁丁丁丁丁丁丁丁丁丁"], 330, 96, 4, {0})
    below_head = line("下面的文章", 150, 300, size=24, index=7)
    below = column(["戊戊戊戊戊戊戊戊戊戊", "戊戊戊戊戊戊戊戊戊戊"], 40, 336, 8, {0})
    page = Page(number=1, lines=[head, *caption, other_head, *other, below_head, *below], width=600, height=800)
    page.pictures = [(40.0, 90.0, 240.0, 226.0)]
    assemble_geometry(page)
    found = {a.title: a for a in page.articles}
    photo = found["图片新闻"]
    assert photo.kind == "photo" and set("".join(c.text for c in photo.captions)) == {"丙"}
    assert found["旁边的文章"].captions == [] and set("".join(found["旁边的文章"].body)) == {"丁"}


def test_a_weather_box_on_a_page_from_bare_lines_is_furniture() -> None:
    """The weather box beside an article is page furniture in PDF and OCR
    mode as in text mode."""
    head = line("标题", 40, 60, size=24, index=0)
    body = column(["第一段开头", "第一段结尾。"], 40, 100, 1, {0})
    weather = [line("今日天气", 300, 100, index=3), line("晴 8℃～18℃ 东南风2级", 300, 113, index=4)]
    page = Page(number=1, lines=[head, *body, *weather], width=600, height=600)
    assemble_geometry(page)
    assert [(f.kind, f.text) for f in page.furniture] == [("weather", "今日天气"), ("weather", "晴 8℃～18℃ 东南风2级")]
    (article,) = page.articles
    assert article.body == ["第一段开头第一段结尾。"]
