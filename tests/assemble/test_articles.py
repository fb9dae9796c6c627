"""Articles built from segments: headline fields and body paragraphs."""

from __future__ import annotations

import sys
from pathlib import Path
from jianbao.assemble.articles import build_article
from jianbao.assemble.items import build_items
from jianbao.assemble.paragraphs import SINGLE
from jianbao.assemble.segment import make_segment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from item_rows import flags, head, row  # noqa: E402


def test_a_headline_printed_twice_as_one_run_is_titled_once() -> None:
    """Layout text may print a faux-bold title of two phrases as one run
    holding both copies; the title is the phrase once, while the printed
    line keeps both copies (every printed character stays placed), and
    the title keeps the space set between its phrases."""
    doubled = "江州大桥 今日通车江州大桥 今日通车"
    items = build_items([head(doubled, bold=True), row("本报讯 江州大桥今天正式通车，市民可以从桥上步行过江。", SINGLE)])
    article, _ = build_article(make_segment(items, 0.0))
    assert article.title == "江州大桥 今日通车"
    assert article.headline_lines == [doubled]


def test_an_intertitle_wrapped_over_two_lines_is_one_paragraph() -> None:
    """"守住老街的烟火气，让日子更" / "红火": the wrapped end of an
    intertitle inside an article joins it in one paragraph of the body."""
    items = build_items(
        [
            head("江州老街社区食堂开业", bold=True),
            row("清晨六点，老街的早餐铺已经坐满了人。", SINGLE),
            head("守住老街的烟火气，让日子更"),
            head("红火"),
            row("食堂的菜价比外面低一些，味道却一点不差。", SINGLE),
        ]
    )
    assert "wraps_previous" in flags(items[3])
    article, _ = build_article(make_segment(items, 0.0))
    assert [p.replace(" ", "") for p in article.body] == [
        "清晨六点，老街的早餐铺已经坐满了人。",
        "守住老街的烟火气，让日子更红火",
        "食堂的菜价比外面低一些，味道却一点不差。",
    ]
