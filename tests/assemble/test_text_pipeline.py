"""The whole text pipeline on pages composed from invented stories.

Each scenario sets stories into column lines (tests/fixtures/compose_text.py)
and parses the page with :func:`jianbao.pipeline.parse_texts`; each story
must come back as one article with its headline stack, byline, credits,
dateline, captions, jump and body.  Cases the text-mode heuristics get wrong
today are listed in ``KNOWN_FAILURES`` and marked xfail, so they show up as
XPASS once fixed.
"""

from __future__ import annotations

import dataclasses
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

import compose_text as ct  # noqa: E402
from compose_text import Layout, Story  # noqa: E402

from jianbao.conservation import check_issue  # noqa: E402
from jianbao.link import stitch_issue  # noqa: E402
from jianbao.model import Article, Issue  # noqa: E402
from jianbao.pipeline import Options, parse_texts  # noqa: E402

HEADER = list(ct.SAMPLE_HEADER)

# What enrichment must find for each story, beyond what the story prints.
CREDITS = {
    "brief": [("记者", "刘一鸣")],
    "long kicker": [("记者", "王小明")],
    "harvest": [("记者", "王小明")],
    "bridge": [("记者", "赵雪"), ("记者", "孙立平")],
    "photo": [],
    "commentary": [("作者", "钟声")],
}
DATELINES = {"brief": "本报讯", "long kicker": "本报讯", "harvest": "本报讯", "bridge": "本报江州10月8日电", "photo": "", "commentary": ""}
# A commentary signed by its author's pen name; a one-paragraph brief.
KINDS = {"commentary": "commentary", "brief": "brief"}
STORIES = {"harvest": ct.HARVEST, "bridge": ct.BRIDGE, "photo": ct.PHOTO, "commentary": ct.COMMENTARY}
# A one-paragraph news brief.
BRIEF = Story(
    title="城东新区学校开学",
    paragraphs=["本报讯（记者刘一鸣）新建的城东实验小学今天迎来首批学生，新学校设有二十四个教学班。"],
)
# A kicker of two phrases about as wide as an indented first body line.
LONG_KICKER = dataclasses.replace(ct.HARVEST, kicker="坚持科技兴农 保障粮食安全")
EXTRA_STORIES = {"brief": BRIEF, "long kicker": LONG_KICKER}


def after(story: Story) -> Story:
    return dataclasses.replace(story, headline_after=True)


SCENARIOS: dict[str, tuple[list[str], Layout]] = {
    **{f"{name} alone": ([name], Layout(measure=14)) for name in STORIES},
    "brief alone": (["brief"], Layout(measure=14)),
    "long kicker alone": (["long kicker"], Layout(measure=14)),
    "brief between articles": (["harvest", "brief", "bridge"], Layout(measure=14, header=HEADER)),
    "front page": (list(STORIES), Layout(measure=14, header=HEADER)),
    "front page, 16-em columns with breaks": (list(STORIES), Layout(measure=16, column_lines=18, header=HEADER)),
    "front page, 13-em columns, photo last": (["harvest", "bridge", "commentary", "photo"], Layout(measure=13, header=HEADER)),
    "headlines printed after their bodies": (["harvest", "bridge", "commentary"], Layout(measure=14, header=HEADER)),
    "front page, a space before every run of text": (list(STORIES), Layout(measure=14, header=HEADER, run_spaces=True)),
}
HEADLINE_AFTER = {"headlines printed after their bodies"}

# (scenario, story, field) → why the current heuristics fail it; field "*"
# means every field of that story.
KNOWN_FAILURES: dict[tuple[str, str, str], str] = {}
# Scenario-wide checks: the article count, and nothing left unassigned.
COUNT_FAILURES: dict[str, str] = {}
UNASSIGNED_FAILURES: dict[str, str] = {}


def page_case(scenario: str, failures: dict[str, str]) -> Any:
    reason = failures.get(scenario)
    marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
    return pytest.param(scenario, marks=marks, id=scenario)


def stories_of(scenario: str) -> list[Story]:
    names, _layout = SCENARIOS[scenario]
    stories = [{**STORIES, **EXTRA_STORIES}[n] for n in names]
    return [after(s) for s in stories] if scenario in HEADLINE_AFTER else stories


def story_in(scenario: str, name: str) -> Story:
    names, _layout = SCENARIOS[scenario]
    return stories_of(scenario)[names.index(name)]


@lru_cache(maxsize=None)
def parsed(scenario: str) -> Issue:
    _names, layout = SCENARIOS[scenario]
    return parse_texts([ct.compose_page(stories_of(scenario), layout)])


def squeeze(text: str) -> str:
    return "".join(text.split())


def content(story: Story) -> str:
    return squeeze("".join(story.paragraphs) + story.caption)


def find_article(issue: Issue, story: Story) -> Article | None:
    """The article whose body and captions are most like the story's."""
    best, best_score = None, 50.0
    for _page, article in issue.articles():
        score = fuzz.ratio(content(story), squeeze(article.text))
        if score > best_score:
            best, best_score = article, score
    return best


def expected(name: str, story: Story, field: str) -> Any:
    return {
        "kind": KINDS.get(name, "photo" if not story.paragraphs else "article"),
        # Spaces inside a headline are layout, as for the corpus metrics.
        "kicker": squeeze(story.kicker),
        "title": squeeze(story.title),
        "subtitle": squeeze(story.subtitle),
        "byline": squeeze(story.byline or story.pen_name),
        "credits": CREDITS[name],
        "dateline": DATELINES[name],
        "column": story.column,
        "captions": [(squeeze(story.caption), squeeze(story.caption_credit))] if story.caption else [],
        "continues_to": story.jump_to,
        "jump_markers": [story.jump_marker] if story.jump_to else [],
        "body": squeeze("".join(story.paragraphs)),
        "paragraphs": [squeeze(p) for p in story.paragraphs],
    }[field]


def actual(article: Article, field: str) -> Any:
    return {
        "kind": article.kind,
        "kicker": squeeze(article.kicker),
        "title": squeeze(article.title),
        "subtitle": squeeze(article.subtitle),
        "byline": squeeze(article.byline),
        "credits": [(c.role, c.name) for c in article.credits],
        "dateline": article.dateline,
        "column": article.column,
        "captions": [(squeeze(c.text), squeeze(c.credit)) for c in article.captions],
        "continues_to": article.continues_to.page if article.continues_to else None,
        "jump_markers": list(article.jump_markers),
        "body": squeeze("".join(article.body)),
        "paragraphs": [squeeze(p) for p in article.body],
    }[field]


FIELDS = ["kind", "kicker", "title", "subtitle", "byline", "credits", "dateline", "column", "captions",
          "continues_to", "jump_markers", "body", "paragraphs"]  # fmt: skip


def case(scenario: str, name: str, field: str) -> Any:
    reason = KNOWN_FAILURES.get((scenario, name, field)) or KNOWN_FAILURES.get((scenario, name, "*"))
    marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
    return pytest.param(scenario, name, field, marks=marks, id=f"{scenario}-{name}-{field}")


def story_cases(fields: list[str]) -> list[Any]:
    return [case(s, n, f) for s, (names, _l) in SCENARIOS.items() for n in names for f in fields]


@pytest.mark.parametrize(("scenario", "name", "field"), story_cases(FIELDS))
def test_story_field(scenario: str, name: str, field: str) -> None:
    story = story_in(scenario, name)
    article = find_article(parsed(scenario), story)
    assert article is not None, f"no article holds the text of {story.title!r}"
    assert actual(article, field) == expected(name, story, field)


@pytest.mark.parametrize(("scenario", "name", "field"), story_cases(["found"]))
def test_each_story_is_one_article(scenario: str, name: str, field: str) -> None:
    story = story_in(scenario, name)
    article = find_article(parsed(scenario), story)
    assert article is not None and squeeze(article.text) == content(story)


@pytest.mark.parametrize("scenario", [page_case(s, COUNT_FAILURES) for s in SCENARIOS])
def test_article_count(scenario: str) -> None:
    assert len(parsed(scenario).pages[0].articles) == len(SCENARIOS[scenario][0])


@pytest.mark.parametrize("scenario", [page_case(s, UNASSIGNED_FAILURES) for s in SCENARIOS])
def test_nothing_is_left_unassigned(scenario: str) -> None:
    assert parsed(scenario).pages[0].unassigned == []


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_every_printed_character_is_placed_once(scenario: str) -> None:
    assert check_issue(parsed(scenario)) == []


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if SCENARIOS[s][1].header])
def test_page_header_is_furniture_and_sets_the_issue(scenario: str) -> None:
    issue = parsed(scenario)
    page = issue.pages[0]
    assert [(f.kind, f.text) for f in page.furniture] == [
        ("masthead", "江州日报"),
        ("date", "2024年10月9日 星期三"),
        ("page_header", "第1版 要闻"),
    ]
    assert issue.paper == "江州日报" and issue.issue_date == "2024-10-09"
    assert page.number == 1 and page.section == "要闻"


def clipped(issue: Issue, convert: Any = str) -> list[tuple[Any, ...]]:
    """Every field of every article and the page furniture, through ``convert``."""
    out: list[tuple[Any, ...]] = []
    for page in issue.pages:
        for a in page.articles:
            fields = (a.kicker, a.title, a.subtitle, a.byline, a.dateline or "", a.column or "", *a.body)
            captions = [(c.text, c.credit) for c in a.captions]
            out.append((a.kind, *map(convert, fields), [(c.role, convert(c.name)) for c in a.credits], captions and [tuple(map(convert, c)) for c in captions], a.continues_to))
        out.append(tuple((f.kind, convert(f.text)) for f in page.furniture))
        out.append(tuple(convert(u.text) for u in page.unassigned))
    return out


@pytest.mark.parametrize(("standard", "inverse"), [("s2hk", "hk2s"), ("s2tw", "tw2s")])
def test_a_page_printed_in_traditional_characters_is_clipped_alike(standard: str, inverse: str) -> None:
    """The front page set in traditional characters (本報訊, 本報記者, 下轉第4版,
    新華社……電) comes back as the same articles, fields and credit roles, in
    its own characters."""
    import opencc

    _names, layout = SCENARIOS["front page"]
    page = ct.compose_page(stories_of("front page"), layout)
    traditional = opencc.OpenCC(f"{standard}.json").convert(page)
    back = opencc.OpenCC(f"{inverse}.json").convert
    assert back(traditional) == page
    issue = parse_texts([traditional])
    assert clipped(issue, back) == clipped(parsed("front page"))
    assert issue.pages[0].articles[0].dateline == "本報訊"


def test_the_doubled_byline_copy_is_collapsed() -> None:
    page = parsed("harvest alone").pages[0]
    assert page.collapsed == ["本报记者王小明"]
    assert page.articles[0].byline == "本报记者 王小明"


def test_provenance_points_at_the_source_lines() -> None:
    issue = parsed("bridge alone")
    article = issue.pages[0].articles[0]
    lines = {line.index: line.text for line in issue.pages[0].lines}
    assert [lines[i] for i in article.provenance["headline_lines"]] == ["青石河大桥合龙", "预计明年春节前通车"]
    body_lines = "".join(lines[i] for i in article.provenance["body"])
    assert squeeze(body_lines) == squeeze("".join(article.body))


# --- two pages: a jump and its continuation -------------------------------------

CONTINUATION = Story(
    title="江州稻田开镰",
    jump_from=1,
    paragraphs=["种工作。农技人员将走进田间地头，帮助农户抢抓农时，做到应收尽收、颗粒归仓。", "据统计，全市今年水稻种植面积比去年增加五万亩。"],
)
SCHOOL = Story(
    title="城东新区学校开学",
    paragraphs=[
        "本报讯（记者刘一鸣）新建的城东实验小学今天迎来首批学生，新学校设有二十四个教学班，可容纳一千余名学生就近入学。",
        "开学第一天，不少家长早早来到校门口。家住城东新区的张女士说：“以前孩子上学要坐四十分钟公交车，现在走路十分钟就到了。”",
        "据了解，城东新区今年还将新建两所幼儿园和一所初级中学，进一步缓解新区入学难问题。",
    ],
)


@lru_cache(maxsize=None)
def two_pages() -> Issue:
    front = ct.compose_page([ct.HARVEST, ct.BRIDGE], Layout(header=["江州日报", "第1版 要闻"]))
    back = ct.compose_page([SCHOOL, CONTINUATION], Layout(header=["第4版 综合"]))
    return parse_texts([front, back], Options(page_numbers=[1, 4]))


def test_the_jump_links_the_two_parts() -> None:
    issue = two_pages()
    assert [p.number for p in issue.pages] == [1, 4]
    first = find_article(issue, ct.HARVEST)
    rest = find_article(issue, CONTINUATION)
    assert first is not None and rest is not None
    assert rest.jump_markers == ["（上接第1版）"]
    assert first.continues_to is not None and first.continues_to.page == 4
    assert first.continues_to.id == rest.id
    assert rest.continued_from is not None and (rest.continued_from.page, rest.continued_from.id) == (1, first.id)
    assert rest.title == "江州稻田开镰"


def test_a_city_papers_lettered_pages_and_markers_link_the_two_parts() -> None:
    """"第A01版" / "（下转A4版）" / "（上接A1版）": the page numbers come
    from the headers and the markers link the parts."""
    front = ct.compose_page([ct.HARVEST, ct.BRIDGE], Layout(header=["江州晚报", "第A01版 要闻"]))
    back = ct.compose_page([SCHOOL, CONTINUATION], Layout(header=["第A04版 综合"]))
    assert "（下转第4版）" in front and "（上接第1版）" in back
    front, back = front.replace("（下转第4版）", "（下转A4版）"), back.replace("（上接第1版）", "（上接A1版）")
    issue = parse_texts([front, back])
    assert [p.number for p in issue.pages] == [1, 4]
    first, rest = find_article(issue, ct.HARVEST), find_article(issue, CONTINUATION)
    assert first is not None and rest is not None
    assert first.continues_to is not None and (first.continues_to.page, first.continues_to.id) == (4, rest.id)


def test_the_stitched_article_continues_the_cut_sentence() -> None:
    (whole,) = stitch_issue(two_pages())
    cut = ct.HARVEST.paragraphs[-1] + CONTINUATION.paragraphs[0]
    assert [squeeze(p) for p in whole["body"]] == [
        *(squeeze(p) for p in ct.HARVEST.paragraphs[:-1]),
        squeeze(cut),
        squeeze(CONTINUATION.paragraphs[1]),
    ]
    assert check_issue(two_pages()) == []


def test_two_headlines_printed_on_one_line_head_their_own_articles() -> None:
    """Extractors that read a page by baselines join two headlines set side
    by side into one line; each still heads its own article."""
    page = "\n".join(
        [
            "本报讯（记者王晓）昨天，市气象局",
            "与市政府签署合作协议，双方将在灾",
            "害预警、农业气象服务等方面加强合",
            "作。根据协议，气象部门将为全市提",
            "供更精细的天气预报，及时发布暴雨、",
            "大风等预警信息。",
            "市气象局与市政府签署合作协议 全市新建三座污水处理厂日处理能力翻番",
            "本报讯（记者李明）今年，我市将新",
            "建三座污水处理厂，日处理污水能力",
            "将提高到六十万吨。新厂建成后，城",
            "区污水收集率将达到百分之九十五以",
            "上，河道水质将进一步改善。",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    assert [a.title for a in articles] == ["市气象局与市政府签署合作协议", "全市新建三座污水处理厂日处理能力翻番"]


def test_two_datelined_reports_under_headlines_printed_together_are_two_articles() -> None:
    """Two reports set side by side, their headlines printed together row by
    above both texts (the two titles side by side, then the two subtitles),
    each text opening with a dateline: each headline goes to the report it
    shares words with."""
    page = "\n".join(
        [
            "江州港集装箱吞吐量创新高",
            "城西湿地公园开园迎客",
            "前十个月同比增长百分之十二",
            "游客可免费预约入园",
            "  本报江州11月2日电 江州港前",
            "十个月集装箱吞吐量达到三百万标",
            "箱，同比增长百分之十二。港口新",
            "开通的五条航线带来了更多货源，",
            "集装箱码头昼夜不停作业。",
            "  本报江州11月2日电 城西湿地",
            "公园今天开园，游客通过网上预约",
            "即可免费入园。公园内有十公里步",
            "道和三处观鸟台，湿地里栖息着四",
            "十多种水鸟。",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    assert [squeeze(a.kicker + a.title + a.subtitle) for a in articles] == [
        "江州港集装箱吞吐量创新高前十个月同比增长百分之十二",
        "城西湿地公园开园迎客游客可免费预约入园",
    ]
    assert [a.body[0][:6] for a in articles] == ["本报江州11", "本报江州11"]
    assert "湿地" not in "".join(articles[0].body)


def test_a_signed_text_under_the_first_of_two_stacks_printed_together_gets_that_stack() -> None:
    """Two stacks printed one after the other above both texts, the second
    text opening with its byline: each stack goes to the text it shares
    words with, a line too short to tell ("江州") with its own stack."""
    page = "\n".join(
        [
            "新区去年引进项目一百二十个",
            "江州",
            "新区招商引资步伐加快",
            "市长检查防汛工作时强调",
            "筑牢堤防 确保安全度汛",
            "  本报江州6月3日电 市长今天",
            "到沿江堤防检查防汛工作。他强调，",
            "各区要加固堤防、备足物资，确保",
            "安全度汛。防汛指挥部要实行二十",
            "四小时值班，及时发布汛情信息。",
            "本报记者 李明",
            "  去年以来，江州新区招商引资步",
            "伐加快，引进项目一百二十个，新",
            "区管委会为每个项目配备一名服务",
            "专员，帮助企业办理手续。新区今",
            "年还将引进项目一百五十个。",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    stacks = [squeeze(a.kicker + a.title + a.subtitle) for a in articles]
    assert stacks == ["市长检查防汛工作时强调筑牢堤防确保安全度汛", "新区去年引进项目一百二十个江州新区招商引资步伐加快"]
    assert [a.byline for a in articles] == ["", "本报记者 李明"]
    assert articles[1].body[0].startswith("去年以来")


def test_a_datelined_text_after_a_text_under_two_stacks_takes_the_second_stack() -> None:
    """A commentary and a report printed after both their stacks: the
    report opens with a dateline and takes the stack that reads like it,
    though the commentary's title shares few of its words."""
    page = "\n".join(
        [
            "汛期安全重于泰山",
            "——写在江州防汛工作会议召开之际",
            "市长检查防汛工作时强调",
            "筑牢沿江堤防 确保安全度汛",
            "  汛期将至，防汛工作不能有丝毫",
            "松懈。江州沿江堤防长，防汛任务",
            "重，各区各部门要把防汛工作摆在",
            "突出位置，加固堤防、备足物资，",
            "确保汛期安全，守护群众平安。",
            "  本报江州6月3日电 市长今天",
            "到沿江堤防检查防汛工作。他强调，",
            "各区要加固沿江堤防、备足防汛物",
            "资，确保安全度汛。防汛指挥部要",
            "实行二十四小时值班，及时发布汛",
            "情信息。",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    assert [(a.title, a.kicker) for a in articles] == [
        ("汛期安全重于泰山", ""),
        ("筑牢沿江堤防 确保安全度汛", "市长检查防汛工作时强调"),
    ]
    assert articles[1].body[0].startswith("本报江州6月3日电")


def test_the_name_of_a_column_of_briefs_is_the_first_briefs_column_not_its_title() -> None:
    """A column of briefs prints its name once, over the first brief's
    headline: it is that brief's column, not a kicker or a title."""
    page = "\n".join(
        [
            "城事快递",
            "城东菜市场改造完工",
            "本报讯（记者 周小燕）经过三个",
            "月的改造，城东菜市场昨日重新开",
            "业，摊位由八十个增加到一百二十",
            "个，市民买菜更方便了。",
            "江州公交新增两条夜班线路",
            "本报讯（通讯员 吴刚）记者从市",
            "公交集团获悉，下周一起新增两条",
            "夜班线路，末班车延长到晚上十一",
            "点半。",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    assert [(a.column, a.title, a.subtitle) for a in articles] == [
        ("城事快递", "城东菜市场改造完工", ""),
        ("", "江州公交新增两条夜班线路", ""),
    ]


def test_a_byline_printed_after_a_headline_signs_the_report_its_dateline_credits() -> None:
    """The headline and byline printed (in bold, doubled) after the body,
    then the next report: the byline names the reporter the text above
    credits, not the one the text below credits."""
    page = "\n".join(
        [
            "本报讯（记者 周小燕 通讯员 吴刚）",
            "3月11日，江州市第一条智慧公交线路",
            "正式开通，市民扫码即可乘车。（下转A2版）",
            "智慧公交开进大学城智慧公交开进大学城",
            "首条线路昨日开通首条线路昨日开通",
            "本报记者本报记者 周小燕周小燕",
            "",
            "CHENG SHI GUAN CHA",
            "本报讯（记者 孙丽）连日来，老城区",
            "的背街小巷里，工人们正在铺设透水",
            "砖、更换路灯。",
            "背街小巷换新颜",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    assert [(a.byline, a.title) for a in articles][0] == ("本报记者 周小燕", "智慧公交开进大学城 首条线路昨日开通")
    assert [(a.byline, a.title) for a in articles][1] == ("", "背街小巷换新颜")
    assert articles[1].column == "CHENG SHI GUAN CHA"


def test_a_line_stopping_short_on_a_dash_over_a_title_is_its_kicker() -> None:
    """The stack printed after the body, at the foot of the page: a line
    short of the column that ends on a dash leads into the title under it,
    however the text above breaks off."""
    page = "\n".join(
        [
            "  本报讯（记者李明）市统计局今",
            "天介绍，一季度全市工厂开工率",
            "回到九成，货车通行量连续三个",
            "月回升。今年以来，江州为工厂",
            "减免了部分电费，每家工厂每月",
            "少交两千元，江州港也同步下调",
            "从开工、运输、零售和菜价等几方面看，",
            "市统计局表示——",
            "江州春季各项指标回",
            "暖",
        ]
    )
    (article,) = parse_texts([page]).pages[0].articles
    assert (article.kicker, article.title) == ("从开工、运输、零售和菜价等几方面看，市统计局表示——", "江州春季各项指标回暖")
    assert article.body[-1].endswith("同步下调")


def test_a_dash_inside_open_quotes_at_a_line_end_stays_running_text() -> None:
    """An exhibition's name in quotes broken after its dash, on a line set a
    little wider than the column: the line runs on inside the quotes, it
    leads into no title."""
    page = "\n".join(
        [
            "江州老城展览吸引观众",
            "  本报讯（记者王芳）国庆期",
            "间，市民们走进展厅，看老照",
            "片里的街巷，找自家的老门牌，",
            "不少人看得入神。“每张照片都",
            "是一段回忆。”一位市民说。",
            "正在江州市博物馆展出",
            "的“江州七十年·老城新面貌——",
            "江州市城市建设成就展”每天",
            "接待市民两千多人。展厅里还",
            "设了老物件体验区，孩子们可",
            "以动手摇一摇老式电话。",
        ]
    )
    (article,) = parse_texts([page]).pages[0].articles
    assert article.body[-1].startswith("正在江州市博物馆展出的“江州七十年·老城新面貌——江州市城市建设成就展”")


def test_one_report_of_two_events_under_one_headline_keeps_its_second_dateline() -> None:
    """A headline naming both events ("……分别会见……") matches both datelined
    parts: they stay one article."""
    page = "\n".join(
        [
            "江州市长和副市长分别会见客商",
            "  本报江州11月2日电 江州市长",
            "今天会见了来江州考察的港口客商，",
            "双方就港口航线合作交换了意见。",
            "  本报江州11月2日电 江州副市",
            "长今天会见了来江州考察的湿地客",
            "商，双方就湿地保护合作交换意见。",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    assert len(articles) == 1 and len(articles[0].body) == 2


# A departure reported under the arrival's headline: a kicker naming the
# departure, the title naming the arrival, the arrival's report first.
KICKER = "离开江州赴友好城市访问"
TITLE = "市长抵达海滨市"
ARRIVAL_THEN_DEPARTURE = [
    "  本报海滨市11月2日电 江州市",
    "长今天抵达海滨市，开始对友好城",
    "市的访问。海滨市市长在码头迎候，",
    "两市将签署港口合作协议。",
    "  本报江州11月2日电 江州市长今",
    "天离开江州，前往友好城市访问。",
    "随行的还有市里几位局长们。",
]


@pytest.mark.parametrize("bold", [True, False])
def test_a_kicker_over_its_title_heads_both_reports_they_name(bold: bool) -> None:
    """A plain kicker naming one event ("离开江州……") over a bold title
    naming another ("……抵达……") is one stack over both datelined reports,
    not two headlines: the departure and the arrival are one article.
    Extractors that drop faux bold (pypdfium2, pdfminer.six) leave the
    title plain: there the order tells, the kicker naming the report
    printed second and the title the one printed first; two stacks of
    texts set side by side come in the order of their texts (next test)."""
    title = [TITLE, TITLE] if bold else [TITLE]
    page = "\n".join([KICKER, *title, *ARRIVAL_THEN_DEPARTURE])
    (article,) = parse_texts([page]).pages[0].articles
    assert (article.kicker, article.title) == (KICKER, TITLE)
    assert [p[:6] for p in article.body] == ["本报海滨市1", "本报江州11"]


def test_two_plain_stacks_in_the_order_of_their_texts_head_one_each() -> None:
    page = "\n".join(
        [
            "江州港吞吐量创新高",
            "城西湿地公园开园",
            "  本报江州11月2日电 江州港今",
            "年货物吞吐量创下新高，集装箱航",
            "线增加到四十条，港口吞吐量比去",
            "年增长一成。",
            "  本报江州11月2日电 城西湿地",
            "公园今天开园，园内栽种水生植物",
            "四十多种，湿地公园免费向市民开",
            "放。",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    assert [a.title for a in articles] == ["江州港吞吐量创新高", "城西湿地公园开园"]


def test_a_bold_title_under_a_plain_subtitle_is_the_next_headline() -> None:
    """A dash-led subtitle is the lowest line of its stack: a bold title
    printed under it (a photo's, whose picture holds no text) is not part
    of the stack, and is reported as a headline with no text."""
    page = "\n".join(
        [
            "江州日报",
            "  江州大桥今天正式通车。大桥全",
            "长三公里，两岸居民往来更加方便，",
            "江州的发展也更快了。",
            "江州大桥正式通车",
            "江州大桥正式通车",
            "——写在江州大桥建成之际",
            "老街新貌",
            "老街新貌",
        ]
    )
    page_out = parse_texts([page]).pages[0]
    (article,) = page_out.articles
    assert (article.title, article.subtitle) == ("江州大桥正式通车", "——写在江州大桥建成之际")
    assert [u.text for u in page_out.unassigned] == ["老街新貌"]


def test_a_dateline_opens_an_article_after_a_text_that_breaks_off_mid_word() -> None:
    """The first story runs off the page mid-word with no jump marker (its
    rest was never printed); the dateline under it starts the next story,
    whose headline is printed after its body."""
    page = "\n".join(
        [
            "江州马拉松赛道改造完成",
            "  江州马拉松赛道改造今年完成，",
            "赛道两侧的店铺陆续重新开张，跑",
            "者们说，改造后的赛道平整多了。",
            "  马拉松组委会的工作人员每天",
            "到赛道察看，记录跑者反映的问题，",
            "随后又走访了江州大学和江州师",
            "  本报江州3月2日电 昨天，江",
            "州马拉松鸣枪开跑，两万名跑者沿",
            "改造后的赛道奔跑，跑者们说，赛",
            "道平整多了。马拉松组委会在赛道",
            "沿途设有十个补给站，三千名志愿",
            "者为跑者服务。",
            "江州马拉松鸣枪开跑",
        ]
    )
    articles = parse_texts([page]).pages[0].articles
    assert [a.title for a in articles] == ["江州马拉松赛道改造完成", "江州马拉松鸣枪开跑"]
    assert articles[1].body[0].startswith("本报江州3月2日电")


# Two indented paragraphs in a 12-em column, printed under a one-line stack.
CANTEEN_STORY = [
    "  老街的早餐铺今天重新开",
    "张，社区食堂也同时开门迎",
    "客，老人们吃上了热乎饭。",
    "  社区食堂的菜价比外面低",
    "一些，味道却一点不差，老",
    "人们说，早餐铺和食堂让老",
    "街又热闹起来了。",
]


def test_a_headline_of_two_parallel_phrases_on_one_line_stays_one_title() -> None:
    """Each phrase nearly fills a column, as two headlines side by side
    would; both head the same text, so they are one title."""
    page = "\n".join(["老街早餐铺今天重新开张 社区食堂温暖全街老人", *CANTEEN_STORY])
    (article,) = parse_texts([page]).pages[0].articles
    assert (article.kicker, article.title.replace(" ", ""), article.subtitle) == ("", "老街早餐铺今天重新开张社区食堂温暖全街老人", "")


def test_a_subtitle_printed_on_its_titles_line_stays_the_subtitle() -> None:
    """An extractor that prints one baseline as one line joins a title and
    the subtitle beside it with a space; the dash still opens the subtitle."""
    page = "\n".join(["老街早餐铺今天重新开张 ——写在社区食堂开业之际", "本报记者 王芳", *CANTEEN_STORY])
    (article,) = parse_texts([page]).pages[0].articles
    assert (article.title, article.subtitle) == ("老街早餐铺今天重新开张", "——写在社区食堂开业之际")


def test_a_byline_printed_between_two_boxes_of_its_text_signs_the_article() -> None:
    """Extractors that print text boxes by position may drop the byline box
    between two boxes of the column text; it is still the byline."""
    before = ["  清晨六点，老街的早餐铺已", "经坐满了人。社区把闲置的门", "面改成了便民食堂，老人们吃", "上了热乎饭，年轻人也常来这",
              "里歇歇脚。", "  食堂的菜价比外面低一些，", "味道却一点不差。每天中午，", "社区志愿者都会把饭菜送到行", "动不便的老人家中，一份热饭"]
    after = ["里装着邻里之间的牵挂。", "  社区负责人介绍，食堂开业", "一个月来，已经接待老人两千", "多人次，下一步还将增加早餐",
             "和晚餐供应，让更多居民在家", "门口吃上放心饭。"]
    headline = ["江州老街社区食堂开业", "江州老街社区食堂开业"]
    byline = "本报记者本报记者 王小明王小明"
    page = "\n".join([*HEADER, "", *headline, "", *before, "", byline, "", *after])
    articles = [a for _p, a in parse_texts([page]).articles()]
    assert len(articles) == 1
    assert articles[0].byline == "本报记者 王小明"
    assert "王小明" not in "".join(articles[0].body)


def test_a_spaced_two_character_intertitle_is_no_byline() -> None:
    """"情 浓" between two paragraphs heads a section: features set such
    intertitles like a padded pen name, but a pen name signs under the
    headline, not in the middle of the text."""
    before = ["  清晨六点，老街的早餐铺已", "经坐满了人。社区把闲置的门", "面改成了便民食堂，老人们吃", "上了热乎饭，年轻人也常来这",
              "里歇歇脚。"]
    after = ["  食堂的菜价比外面低一些，", "味道却一点不差。每天中午，", "社区志愿者都会把饭菜送到行", "动不便的老人家中。"]
    headline = ["江州老街社区食堂开业", "江州老街社区食堂开业"]
    page = "\n".join([*HEADER, "", *headline, "", *before, "情 浓", *after])
    articles = [a for _p, a in parse_texts([page]).articles()]
    assert len(articles) == 1
    assert articles[0].byline == ""
    assert "情浓" in [p.replace(" ", "") for p in articles[0].body]


def test_a_continued_part_keeps_its_plain_intertitle_where_the_extractor_shows_no_bold() -> None:
    """A part continued from another page runs on through its plain
    intertitles even where the text keeps no trace of bold type."""
    opening = "种工作。农技人员将走进田间地头，帮助农户抢抓农时，做到应收尽收、颗粒归仓。"
    section = "今年全市水稻种植面积比去年增加五万亩，优质稻占到七成，亩产也比去年高出五十多斤，种粮农户的收入明显增加。"
    lines = [
        "第4版 综合",
        "江州稻田开镰",
        "（上接第1版）" + ct.wrap_paragraph(opening, 14)[0].strip(),
        *ct.wrap_paragraph(opening, 14)[1:],
        "优质稻占到七成",
        *ct.wrap_paragraph(section, 14),
    ]
    issue = parse_texts(["\n".join(lines) + "\n"], Options(page_numbers=[4]))
    (article,) = [a for _page, a in issue.articles()]
    assert article.title == "江州稻田开镰"
    assert squeeze("".join(article.body)).endswith(squeeze(section))


def test_a_city_papers_short_news_each_keep_their_marked_byline_and_own_dateline() -> None:
    """A city paper sets a mark before a byline, labels who wrote and who
    took the pictures, names its own paper in the dateline ("江州晚报讯")
    and credits an agency's picture ("新华社发 王涛 摄").  Short news under
    plain headlines, each with a byline, are separate articles."""
    lift = ct.wrap_paragraph("本报讯 家住城南花园小区的刘阿姨今年七十八岁，以前下楼买菜要歇好几回。去年底，她家所在的单元装上了电梯。", 14)
    blossom = ct.wrap_paragraph("近日，江州植物园的樱花进入盛花期，吸引不少市民前来踏青赏花。园方提醒游客文明赏花，不要攀折花枝。", 14)
    market = ct.wrap_paragraph("江州晚报讯 随着气温回升，老城区的步行街夜市重新开张，小吃摊前排起长队。据介绍，今年夜市新增摊位三十个。", 14)
    lines = [
        *HEADER,
        "老旧小区加装电梯", "■本报融媒体记者 周小燕 实习生 陈一鸣", *lift,
        "春风拂面赏花忙", "文/图 本报记者 刘洋", *blossom,
        "夜市重开人气旺", "□晚报记者 孙丽 通讯员 吴刚", *market,
        "市民在樱花树下拍照留念。", "新华社发 王涛 摄",
    ]
    articles = [a for _p, a in parse_texts(["\n".join(lines) + "\n"]).articles()]
    assert [a.title for a in articles] == ["老旧小区加装电梯", "春风拂面赏花忙", "夜市重开人气旺"]
    assert [[(c.role, c.name) for c in a.credits] for a in articles] == [
        [("记者", "周小燕"), ("实习生", "陈一鸣")],
        [("记者", "刘洋")],
        [("记者", "孙丽"), ("通讯员", "吴刚")],
    ]
    assert [a.dateline for a in articles] == ["本报讯", "", "江州晚报讯"]
    captions = [c for a in articles for c in a.captions]
    assert [(c.role, c.name) for c in captions[0].credits] == [("摄", "王涛")]


def test_a_byline_over_a_text_whose_headline_is_printed_after_it_signs_that_text() -> None:
    """A byline printed over its text, the headline after the text (as an
    extractor prints a headline that sits beside or under the top of its
    text): the byline signs that text, which keeps its headline."""
    festival = ct.wrap_paragraph("昨日上午，江州市第三届社区文化节在滨江公园开幕，三十余支文艺队伍带来了舞蹈和戏曲节目。", 16)
    road = ct.wrap_paragraph("本报讯 近日，江州市交通局发布消息，滨江大道改造工程将于本月中旬全面完工。", 16)
    lines = ["□本报记者 陈晓明 实习生 王丽", *festival, "社区文化节开幕", "", *road, "滨江大道本月中旬完工"]
    page = parse_texts(["\n".join(lines) + "\n"]).pages[0]
    assert page.unassigned == []
    assert [(a.title, [(c.role, c.name) for c in a.credits]) for a in page.articles] == [
        ("社区文化节开幕", [("记者", "陈晓明"), ("实习生", "王丽")]),
        ("滨江大道本月中旬完工", []),
    ]


def test_a_text_is_signed_once() -> None:
    """A byline over a text and another after the text's trailing headline
    (over the next text): the text takes one of them, never both."""
    festival = ct.wrap_paragraph("昨日上午，江州市第三届社区文化节在滨江公园开幕，三十余支文艺队伍带来了舞蹈和戏曲节目。（下转A3版）", 16)
    road = ct.wrap_paragraph("本报讯 近日，江州市交通局发布消息，滨江大道改造工程将于本月中旬全面完工。", 16)
    lines = ["□本报记者 陈晓明 实习生 王丽", *festival, "社区文化节开幕", "■记者 孙涛 通讯员 刘洋", *road, "滨江大道本月中旬完工"]
    articles = parse_texts(["\n".join(lines) + "\n"]).pages[0].articles
    assert not any("陈晓明" in a.byline and "孙涛" in a.byline for a in articles)


def test_a_plain_headline_after_a_feature_cut_by_a_jump_marker_heads_its_own_text() -> None:
    """A feature without a dateline runs on through plain intertitles, but
    not past "（下转第3版）": the rest of it is on page 3, so a plain
    headline printed after the marker heads something else."""
    feature = ct.wrap_paragraph("立春刚过，江州城南的老街上已经热闹起来，街坊们忙着挂灯笼、贴春联，准备迎接元宵节。", 12)
    photo = ct.wrap_paragraph("元宵节前夕，江州老城的居民在街头赏灯猜谜，共度佳节。", 12)
    lines = ["老街迎元宵", *feature[:-1], feature[-1] + "（下转第3版）", "灯火映老城", *photo]
    articles = parse_texts(["\n".join(lines) + "\n"]).pages[0].articles
    assert [a.title for a in articles] == ["老街迎元宵", "灯火映老城"]
    assert articles[0].continues_to is not None and articles[0].continues_to.page == 3


def test_a_column_head_over_a_photo_heads_the_photo() -> None:
    """A column head ("JIN RI GUAN ZHU" / "今日关注") over a picture, its
    caption and credit, then the photo's headline: the column is the
    photo's, not a headline left without text."""
    caption = ct.wrap_paragraph("10月6日，游客在江州古城东门外的花海拍照留念。", 12)
    report = ct.wrap_paragraph("本报讯 （记者陈静）江州至青山的城际公交将于本月15日开通，全程约四十分钟。", 12)
    lines = ["JIN RI GUAN ZHU", "今日关注", "", *caption, "", "本报通讯员 孙立 摄", "山花映古道", "游人满新城", "", *report, "城际公交本月开通"]
    page = parse_texts(["\n".join(lines) + "\n"]).pages[0]
    photo = next(a for a in page.articles if a.captions)
    assert photo.column == "JIN RI GUAN ZHU 今日关注"
    assert photo.title.startswith("山花映古道")
    assert not page.unassigned


def test_closing_credits_at_the_foot_under_a_headline_printed_after_its_text() -> None:
    """"（图片由……提供）" and "本版编辑：……" at the foot of the page, printed
    after the headline that follows its text: they close the text and the
    headline still heads it."""
    report = ct.wrap_paragraph("本报讯（记者郑洁）江州博物馆新馆将于本月18日开馆，首批展出文物三千余件，新馆开馆后实行免费预约参观。", 15)
    lines = [*report, "博物馆新馆18日开馆博物馆新馆18日开馆", "", "（图片由江州博物馆提供）", "", "本版编辑：王芳 美编：李明"]
    (article,) = parse_texts(["\n".join(lines) + "\n"]).pages[0].articles
    assert article.title == "博物馆新馆18日开馆"
    assert article.body[-1].startswith("本版编辑")


def test_key_points_under_a_byline_open_the_text_and_leave_the_headline_whole() -> None:
    report = ct.wrap_paragraph("本报讯 今年以来，江州高新区把招商引资作为头号工程，一季度共签约项目六十个，其中先进制造业项目占七成。", 15)
    lines = ["江州高新区——", "今年引进项目六十个", "本报记者 王芳", "", "■ 一季度签约项目总投资超百亿元", "■ 新增科技型企业四十家", "", *report]
    page = parse_texts(["\n".join(lines) + "\n"]).pages[0]
    (article,) = page.articles
    assert (article.kicker, article.title, article.byline) == ("江州高新区——", "今年引进项目六十个", "本报记者 王芳")
    assert article.body[0].startswith("■") and article.dateline == "本报讯"
    assert not page.unassigned


def test_a_readers_letter_under_its_column_head_is_signed_by_the_reader() -> None:
    letter = ct.wrap_paragraph("我家住在城南花园小区，小区门口的三盏路灯坏了快一个月，晚上出门很不方便，希望有关部门尽快修好。", 13)
    lines = ["读者来信", "小区门口的路灯坏了", *letter, "城南花园小区居民 张大爷"]
    (article,) = parse_texts(["\n".join(lines) + "\n"]).pages[0].articles
    assert (article.column, article.title, article.byline) == ("读者来信", "小区门口的路灯坏了", "城南花园小区居民 张大爷")
    assert [(c.role, c.name) for c in article.credits] == [("作者", "张大爷")]


def test_briefs_under_bulleted_headlines_run_into_their_datelines() -> None:
    """A column of briefs, each under a bulleted headline that runs into its
    dateline on one line ("■市图书馆周末延时开放 本报讯"), below a city
    paper's page header "A10 城事"."""
    lines = [
        "江州晚报",
        "2026年4月8日 星期三",
        "A10 城事",
        "",
        "城事快递",
        "■市图书馆周末延时开放 本报讯",
        "（记者张明）记者从市图书馆获悉，",
        "自本月10日起，市图书馆周末开放",
        "时间延长至晚上九点。",
        "■市一院开设夜间门诊 本报讯（通",
        "讯员李小红）日前，江州市第一人民",
        "医院开设夜间门诊，方便上班族下班",
        "后就医。",
    ]
    page = parse_texts(["\n".join(lines) + "\n"]).pages[0]
    assert (page.number, page.section) == (10, "城事")
    assert [a.title for a in page.articles] == ["■市图书馆周末延时开放", "■市一院开设夜间门诊"]
    assert all(a.dateline == "本报讯" for a in page.articles)


def test_the_prompt_beside_a_qr_code_is_a_caption_of_its_article_not_a_kicker() -> None:
    """A QR code's prompt printed between a text and its headline (printed
    after the body): the code's caption, kept with the text it sits by."""
    page = "\n".join(
        [
            "本报讯（记者 陈静）近日，江州市图",
            "书馆新馆开始试运行，读者可以凭身",
            "份证免费办理借书证。",
            "扫码了解借书指南",
            "市图书馆新馆试运行市图书馆新馆试运行",
        ]
    )
    (article,) = parse_texts([page]).pages[0].articles
    assert (article.kicker, article.title) == ("", "市图书馆新馆试运行")
    assert [c.text for c in article.captions] == ["扫码了解借书指南"]


def test_a_page_pasted_from_a_web_page_keeps_one_paragraph_per_line() -> None:
    """Text copied from an e-paper site prints each paragraph whole on one
    line, set in by two full-width spaces, under the site's page header."""
    paragraphs = [
        "本报讯（记者王小明）江州大桥今天上午正式通车，大桥全长三公里，是连接两岸的重要通道。",
        "市民纷纷点赞。",
        "“过江再也不用绕路了，上班能省半个小时。”家住城东的李女士说。",
        "据介绍，大桥设计时速六十公里，双向六车道，两侧设有人行道和自行车道。",
    ]
    text = "\n".join(["第05版：要闻", "", "江州大桥今天通车", *("\u3000\u3000" + p for p in paragraphs)]) + "\n"
    issue = parse_texts([text])
    (page,) = issue.pages
    assert page.number == 5
    (article,) = page.articles
    assert article.title == "江州大桥今天通车"
    assert [squeeze(p) for p in article.body] == [squeeze(p) for p in paragraphs]


def test_a_letter_spaced_page_is_clipped_as_if_set_solid() -> None:
    """Some extractors print a space after every character; the headline
    still heads its text, and no line is cut at those spaces."""
    solid = ["江州大桥今天通车", "本报讯（记者王小明）江州大桥今", "天上午正式通车，大桥全长三公", "里，是连接两岸的重要通道。"]
    issue = parse_texts(["\n".join(" ".join(line) for line in solid) + "\n"])
    (article,) = issue.pages[0].articles
    assert article.title == "江州大桥今天通车"
    assert [squeeze(p) for p in article.body] == [squeeze("".join(solid[1:]))]
