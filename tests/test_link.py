"""Jump links between pages and stitched whole articles."""

from __future__ import annotations

from jianbao.link import link_issue, match_score, stitch_issue
from jianbao.model import Article, Caption, Issue, JumpRef, Page


def part(id_: str, title: str, body: list[str], to: int | None = None, frm: int | None = None) -> Article:
    return Article(
        id=id_,
        title=title,
        body=body,
        continues_to=JumpRef(page=to) if to else None,
        continued_from=JumpRef(page=frm) if frm else None,
    )


def two_pages() -> Issue:
    front = Page(
        number=1,
        articles=[
            part("p1a1", "江州万亩稻田开镰收割", ["金秋时节，稻田一片金黄。", "市里将组织农技人员下乡指导秋冬"], to=4),
            part("p1a2", "青石河大桥合龙", ["今天上午，大桥主桥顺利合龙。", "大桥建成后，两岸居民过河"], to=4),
            part("p1a3", "银杏大道迎客来", ["市民赏景。"]),
        ],
    )
    back = Page(
        number=4,
        articles=[
            # Continuations under short headlines, printed in the other order.
            part("p4a1", "青石河大桥", ["时间将缩短到五分钟。"], frm=1),
            part("p4a2", "稻田开镰", ["种工作。", "丰收在望。"], frm=1),
            part("p4a3", "其他新闻", ["别的内容。"]),
        ],
    )
    return Issue(pages=[front, back])


def test_parts_are_linked_by_their_headlines() -> None:
    issue = link_issue(two_pages())
    front, back = issue.pages
    assert front.articles[0].continues_to == JumpRef(page=4, id="p4a2")
    assert front.articles[1].continues_to == JumpRef(page=4, id="p4a1")
    assert back.articles[1].continued_from == JumpRef(page=1, id="p1a1")
    assert back.articles[0].continued_from == JumpRef(page=1, id="p1a2")
    assert back.articles[2].continued_from is None
    assert front.articles[2].continues_to is None


def test_a_jump_to_a_page_not_given_keeps_its_page_only() -> None:
    issue = Issue(pages=[Page(number=1, articles=[part("a", "稻田", ["正文"], to=4)])])
    link_issue(issue)
    assert issue.pages[0].articles[0].continues_to == JumpRef(page=4)


def test_a_single_pair_links_even_without_headlines() -> None:
    issue = Issue(
        pages=[
            Page(number=1, articles=[part("a", "", ["正文"], to=2)]),
            Page(number=2, articles=[part("b", "", ["续文"], frm=1)]),
        ]
    )
    link_issue(issue)
    assert issue.pages[0].articles[0].continues_to == JumpRef(page=2, id="b")
    assert issue.pages[1].articles[0].continued_from == JumpRef(page=1, id="a")


def test_a_continuation_from_another_page_is_not_taken() -> None:
    issue = Issue(
        pages=[
            Page(number=1, articles=[part("a", "稻田", ["正文"], to=2)]),
            Page(number=2, articles=[part("b", "稻田", ["续文"], frm=3)]),
        ]
    )
    link_issue(issue)
    assert issue.pages[0].articles[0].continues_to == JumpRef(page=2)
    assert issue.pages[1].articles[0].continued_from == JumpRef(page=3)


def test_match_score_prefers_the_shortened_headline() -> None:
    original = part("a", "江州万亩稻田开镰收割", [])
    assert match_score(original, part("b", "稻田开镰", [])) > match_score(original, part("c", "青石河大桥", []))
    assert match_score(original, part("d", "", [])) == 0.1


def test_stitch_joins_a_part_cut_mid_sentence() -> None:
    issue = link_issue(two_pages())
    issue.pages[0].articles[0].captions.append(Caption(text="图为：收割现场。", credit="本报记者 王小明摄"))
    records = {r["id"]: r for r in stitch_issue(issue)}
    assert set(records) == {"1:p1a1+4:p4a2", "1:p1a2+4:p4a1"}
    rice = records["1:p1a1+4:p4a2"]
    assert rice["body"] == ["金秋时节，稻田一片金黄。", "市里将组织农技人员下乡指导秋冬种工作。", "丰收在望。"]
    assert rice["parts"] == [{"page": 1, "id": "p1a1"}, {"page": 4, "id": "p4a2"}]
    assert rice["title"] == "江州万亩稻田开镰收割"
    assert rice["captions"][0]["text"] == "图为：收割现场。"
    assert rice["continues_to"] is None and rice["continued_from"] is None


def test_stitch_keeps_a_paragraph_break_after_a_finished_sentence() -> None:
    issue = Issue(
        pages=[
            Page(number=1, articles=[part("a", "稻田", ["第一段。"], to=2)]),
            Page(number=2, articles=[part("b", "稻田", ["第二段。"], frm=1)]),
        ]
    )
    (record,) = stitch_issue(link_issue(issue))
    assert record["body"] == ["第一段。", "第二段。"]


def test_stitch_follows_chains_over_three_pages_and_ignores_unlinked_parts() -> None:
    issue = Issue(
        pages=[
            Page(number=1, articles=[part("a", "稻田", ["甲"], to=2), part("z", "其他", ["无关。"])]),
            Page(number=2, articles=[part("b", "稻田", ["乙"], to=3, frm=1)]),
            Page(number=3, articles=[part("c", "稻田", ["丙。"], frm=2)]),
        ]
    )
    (record,) = stitch_issue(link_issue(issue))
    assert record["id"] == "1:a+2:b+3:c"
    assert record["body"] == ["甲乙丙。"]
