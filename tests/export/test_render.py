"""JSON, JSON Lines and Markdown renderings of a parsed issue."""

from __future__ import annotations

import json

import pytest

from jianbao.export import render
from jianbao.model import Article, Caption, Credit, Issue, JumpRef, Line, Page


def issue() -> Issue:
    lead = Article(
        id="p1a1",
        kicker="科技助农",
        title="江州稻田开镰",
        subtitle="秋收进度加快",
        headline_lines=["科技助农", "江州稻田开镰", "秋收进度加快"],
        byline="本报记者 王小明",
        credits=[Credit("记者", "王小明")],
        dateline="本报讯",
        column="MEI RI SHI PING",
        body=["本报讯（记者王小明）稻谷飘香。", "农机穿梭，颗粒归"],
        captions=[Caption(text="图为：收割现场。", credit="本报通讯员梁生仁摄")],
        jump_markers=["（下转第4版）"],
        continues_to=JumpRef(page=4, id="p4a1"),
    )
    rest = Article(id="p4a1", title="稻田开镰", body=["仓。", "丰收在望。"], continued_from=JumpRef(page=1, id="p1a1"))
    front = Page(number=1, section="要闻", articles=[lead], lines=[Line("江州日报", 1)])
    back = Page(number=4, articles=[rest])
    return Issue(pages=[front, back], paper="江州日报", issue_date="2024-10-09", sources=["p1.txt", "p4.txt"])


def test_json_round_trips_through_issue_from_dict() -> None:
    original = issue()
    d = json.loads(render(original, "json"))
    assert Issue.from_dict(d).to_dict() == original.to_dict()
    assert d["pages"][0]["articles"][0]["title"] == "江州稻田开镰"
    assert "lines" not in d["pages"][0]
    assert "stitched" not in d


def test_json_keeps_chinese_readable() -> None:
    text = render(issue(), "json")
    assert "江州稻田开镰" in text and "\\u" not in text
    assert text.endswith("\n")


def test_json_with_lines_and_stitched_articles() -> None:
    d = json.loads(render(issue(), "json", stitch=True, with_lines=True))
    assert d["pages"][0]["lines"] == [{"text": "江州日报", "index": 1}]
    (whole,) = d["stitched"]
    assert whole["body"] == ["本报讯（记者王小明）稻谷飘香。", "农机穿梭，颗粒归仓。", "丰收在望。"]


def test_jsonl_has_one_article_per_line_with_issue_and_page() -> None:
    rows = [json.loads(line) for line in render(issue(), "jsonl").splitlines()]
    assert [(r["page"], r["id"]) for r in rows] == [(1, "p1a1"), (4, "p4a1")]
    assert all(r["paper"] == "江州日报" and r["issue_date"] == "2024-10-09" for r in rows)
    stitched = [json.loads(line) for line in render(issue(), "jsonl", stitch=True).splitlines()]
    assert len(stitched) == 3 and stitched[-1]["stitched"] is True


def test_markdown_reads_like_the_page() -> None:
    md = render(issue(), "md")
    assert md.startswith("# 江州日报 2024-10-09\n")
    expected_in_order = [
        "## 第1版 要闻",
        "*MEI RI SHI PING*",
        "**科技助农**",
        "### 江州稻田开镰",
        "**秋收进度加快**",
        "_本报记者 王小明_",
        "本报讯（记者王小明）稻谷飘香。",
        "> 图为：收割现场。 本报通讯员梁生仁摄",
        "（下转第4版）",
        "## 第4版",
        "（上接第1版）",
        "丰收在望。",
    ]
    positions = [md.index(piece) for piece in expected_in_order]
    assert positions == sorted(positions)


def test_markdown_marks_an_article_without_title() -> None:
    md = render(Issue(pages=[Page(number=2, articles=[Article(id="x", body=["短讯。"])])]), "md")
    assert "### （无标题）" in md
    assert not md.startswith("# ")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        render(issue(), "xml")
