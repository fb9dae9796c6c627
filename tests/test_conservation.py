"""Character conservation: every printed character is placed exactly once."""

from __future__ import annotations

from jianbao.conservation import check_issue, check_page, page_balance, visible
from jianbao.model import Article, Caption, Furniture, Issue, Line, Page, Unassigned


def page_with(articles: list[Article], **extra) -> Page:
    lines = [Line("江州日报", 1), Line("青石河 大桥合龙", 2), Line("今天上午，大桥合龙。", 3), Line("本报记者 王平摄", 4)]
    return Page(number=1, source="p1.txt", lines=lines, articles=articles, **extra)


def complete() -> Page:
    article = Article(
        id="a",
        headline_lines=["青石河大桥合龙"],
        body=["今天上午，大桥合龙。"],
        captions=[Caption(text="", credit="本报记者王平摄")],
    )
    return page_with([article], furniture=[Furniture(kind="masthead", text="江州日报")])


def test_visible_ignores_whitespace() -> None:
    assert visible(["甲 乙", "\t甲\n"]) == {"甲": 2, "乙": 1}


def test_a_complete_page_balances() -> None:
    page = complete()
    assert page_balance(page) == ({}, {})
    assert check_page(page) == []
    assert check_issue(Issue(pages=[page])) == []


def test_lost_characters_are_reported() -> None:
    page = complete()
    page.furniture = []
    problems = check_page(page)
    assert len(problems) == 1
    assert "4 characters lost" in problems[0] and "p1.txt" in problems[0]


def test_characters_placed_twice_are_reported() -> None:
    page = complete()
    page.articles[0].title = "不计入"  # derived copies are not owned
    page.unassigned.append(Unassigned(text="合龙"))
    (problem,) = check_page(page)
    assert "2 characters placed twice or invented" in problem


def test_collapsed_faux_bold_copies_count_as_placed() -> None:
    page = complete()
    page.lines.append(Line("王小明王小明", 5))
    page.articles[0].byline = "王小明"
    page.collapsed.append("王小明")
    assert check_page(page) == []


def test_issue_problems_name_each_page() -> None:
    good, bad = complete(), complete()
    bad.number = 2
    bad.articles = []
    problems = check_issue(Issue(pages=[good, bad]))
    assert len(problems) == 1 and problems[0].startswith("page 2")
