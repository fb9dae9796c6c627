"""The data model: serialisation round trips, owned strings, lookups."""

from __future__ import annotations

import json

from jianbao.model import SCHEMA, Article, Block, Caption, Credit, Furniture, Issue, JumpRef, Line, Page, Unassigned


def sample_article() -> Article:
    article = Article(
        id="p1a1",
        kicker="科技助农",
        title="江州稻田开镰",
        subtitle="秋收进度加快",
        headline_lines=["科技助农", "江州稻田开镰", "秋收进度加快"],
        byline="本报记者 王小明",
        credits=[Credit(role="记者", name="王小明")],
        dateline="本报讯",
        column="MEI RI SHI PING",
        body=["本报讯（记者王小明）稻谷飘香。", "农机穿梭。"],
        captions=[Caption(text="图为田间收割。", credit="本报通讯员 梁生仁 摄", credits=[Credit("通讯员", "梁生仁")])],
        jump_markers=["（下转第4版）"],
        continues_to=JumpRef(page=4, id="p4a2"),
        regions=[(1.0, 2.0, 3.0, 4.0)],
    )
    article.add_provenance("body", [5, 6])
    article.add_provenance("body", [6, 7])
    return article


def sample_issue() -> Issue:
    page = Page(
        number=1,
        source="p1.txt",
        section="要闻",
        lines=[Line(text="江州日报", index=1)],
        articles=[sample_article()],
        furniture=[Furniture(kind="masthead", text="江州日报", lines=[1])],
        collapsed=["本报记者王小明"],
        unassigned=[Unassigned(text="孤行", lines=[9], reason="headline with no text")],
        warnings=["one warning"],
    )
    second = Page(number=4, articles=[Article(id="p4a2", continued_from=JumpRef(page=1, id="p1a1"))])
    return Issue(pages=[page, second], paper="江州日报", issue_date="2024-10-09", sources=["p1.txt", "p4.txt"])


def test_issue_json_round_trip_keeps_every_field() -> None:
    issue = sample_issue()
    d = json.loads(json.dumps(issue.to_dict(), ensure_ascii=False))
    assert d["schema"] == SCHEMA
    again = Issue.from_dict(d)
    assert again.to_dict() == issue.to_dict()
    article = again.pages[0].articles[0]
    assert article.continues_to == JumpRef(page=4, id="p4a2")
    assert article.captions[0].credits == [Credit("通讯员", "梁生仁")]
    assert again.pages[1].articles[0].continued_from == JumpRef(page=1, id="p1a1")


def test_article_dict_has_the_gold_schema_fields() -> None:
    d = sample_article().to_dict()
    for key in ("id", "kind", "kicker", "title", "subtitle", "byline", "body", "captions", "continues_to", "continued_from"):
        assert key in d
    assert d["captions"][0] == {
        "text": "图为田间收割。",
        "credit": "本报通讯员 梁生仁 摄",
        "credits": [{"role": "通讯员", "name": "梁生仁"}],
    }
    assert d["provenance"] == {"body": [5, 6, 7]}  # sorted, without duplicates
    assert d["continues_to"] == {"page": 4, "id": "p4a2"}


def test_jump_ref_without_id_serialises_page_only() -> None:
    assert JumpRef(page=4).to_dict() == {"page": 4}


def test_from_dict_accepts_gold_with_reporters_and_nulls() -> None:
    gold = {
        "id": "x",
        "title": "标题",
        "kicker": None,
        "reporters": [{"role": "记者", "name": "刘一"}],
        "continues_to": {"page": 3},
        "continued_from": None,
    }
    article = Article.from_dict(gold)
    assert article.kicker == ""
    assert article.credits == [Credit("记者", "刘一")]
    assert article.continues_to == JumpRef(page=3)
    assert article.continued_from is None
    assert article.kind == "article"


def test_owned_strings_cover_every_printed_field_once() -> None:
    article = sample_article()
    owned = list(article.owned_strings())
    assert owned == [
        "科技助农",
        "江州稻田开镰",
        "秋收进度加快",
        "本报记者 王小明",
        "MEI RI SHI PING",
        "本报讯（记者王小明）稻谷飘香。",
        "农机穿梭。",
        "图为田间收割。",
        "本报通讯员 梁生仁 摄",
        "（下转第4版）",
    ]
    # Derived copies (title, dateline, credits) are not owned.
    assert "本报讯" not in owned


def test_page_owned_strings_include_furniture_collapsed_and_unassigned() -> None:
    page = sample_issue().pages[0]
    owned = list(page.owned_strings())
    assert "江州日报" in owned and "本报记者王小明" in owned and "孤行" in owned


def test_article_headline_and_text() -> None:
    article = sample_article()
    assert article.headline == "科技助农江州稻田开镰秋收进度加快"
    assert article.text == "本报讯（记者王小明）稻谷飘香。农机穿梭。图为田间收割。"


def test_issue_find_and_articles() -> None:
    issue = sample_issue()
    assert issue.find(4, "p4a2") is issue.pages[1].articles[0]
    assert issue.find(4, "p1a1") is None
    assert issue.find(2, "p4a2") is None
    assert [(p.number, a.id) for p, a in issue.articles()] == [(1, "p1a1"), (4, "p4a2")]


def test_lines_serialise_only_with_lines_and_only_set_fields() -> None:
    issue = sample_issue()
    assert "lines" not in issue.to_dict()["pages"][0]
    lines = issue.to_dict(with_lines=True)["pages"][0]["lines"]
    assert lines == [{"text": "江州日报", "index": 1}]
    line = Line(text="甲", index=3, bbox=(1.234, 2, 3, 4), size=10.456, bold=True, conf=0.98765, label="text")
    assert line.to_dict() == {
        "text": "甲",
        "index": 3,
        "bbox": [1.23, 2, 3, 4],
        "size": 10.46,
        "bold": True,
        "conf": 0.988,
        "label": "text",
    }


def test_block_text_indices_and_bbox() -> None:
    block = Block(lines=[Line("甲乙", 1, bbox=(10, 20, 30, 40)), Line("丙", 2, bbox=(5, 45, 25, 60)), Line("丁", 3)])
    assert block.text == "甲乙丙丁"
    assert block.indices == [1, 2, 3]
    assert block.bbox == (5, 20, 30, 60)
    assert Block(lines=[Line("甲")]).bbox is None


def test_stitched_records_are_added_when_given() -> None:
    d = sample_issue().to_dict(stitched=[{"id": "1:p1a1+4:p4a2"}])
    assert d["stitched"] == [{"id": "1:p1a1+4:p4a2"}]
    assert "stitched" not in sample_issue().to_dict()
