"""Parsed copies: datelines, credits with roles, pen names, issue paper/date."""

from __future__ import annotations

import pytest

from jianbao.enrich import article_kind, closing_note_credits, enrich_article, enrich_issue, parse_credits, parse_opener, valid_date
from jianbao.model import Article, Caption, Credit, Issue, Page


@pytest.mark.parametrize(
    ("paragraph", "dateline", "credits"),
    [
        ("本报讯（记者刘吟）3月29日上午，会议召开。", "本报讯", [Credit("记者", "刘吟")]),
        ("本报讯 （记者 卢晨、王芳） 今天", "本报讯", [Credit("记者", "卢晨"), Credit("记者", "王芳")]),
        ("本报北京10月1日电 金秋送爽", "本报北京10月1日电", []),
        pytest.param(
            "本报江州10月8日电（记者赵雪 通讯员孙立平）今天",
            "本报江州10月8日电",
            [Credit("记者", "赵雪"), Credit("通讯员", "孙立平")],
            id="two roles",
        ),
        ("新华社北京10月1日电（记者李学仁）", "新华社北京10月1日电", [Credit("记者", "李学仁")]),
        # Compiled reports, a website's news, a county correspondent's.
        ("本报综合消息 近日，江州", "本报综合消息", []),
        ("综合新华社电 近日，江州", "综合新华社电", []),
        ("人民网消息（记者王芳）今天", "人民网消息", [Credit("记者", "王芳")]),
        ("东湖讯（通讯员 李明）近日，东湖镇", "东湖讯", [Credit("通讯员", "李明")]),
        # Unbracketed, closed by 报道 and a colon; a reporter in the text
        # after the dateline is no credit.
        ("本报讯 记者王芳 通讯员李明报道：近日，江州", "本报讯", [Credit("记者", "王芳"), Credit("通讯员", "李明")]),
        ("本报讯 近日，记者王芳报道：", "本报讯", []),
        ("今天上午，大桥合龙。", "", []),
        ("资讯（记者王芳）今天", "", []),
    ],
)
def test_parse_opener(paragraph: str, dateline: str, credits: list[Credit]) -> None:
    assert parse_opener(paragraph) == (dateline, credits)


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("本报记者 冯静宁", [Credit("记者", "冯静宁")]),
        ("记者 卢晨、王芳", [Credit("记者", "卢晨"), Credit("记者", "王芳")]),
        ("本报记者 王小川 通讯员 赵晓晴", [Credit("记者", "王小川"), Credit("通讯员", "赵晓晴")]),
        ("本报通讯员 梁生仁 摄", [Credit("通讯员", "梁生仁")]),
        ("新华社记者 李学仁摄", [Credit("记者", "李学仁")]),
        ("梁生仁摄", [Credit("摄", "梁生仁")]),
        ("梁生仁 王平 摄", [Credit("摄", "梁生仁"), Credit("摄", "王平")]),
        ("作者 李明", [Credit("作者", "李明")]),
        ("本报特约记者 周舟", [Credit("特约记者", "周舟")]),
        # City papers' bylines: a mark, the paper's own reporters, labels.
        ("■本报融媒体记者 周小燕 实习生 陈一鸣", [Credit("记者", "周小燕"), Credit("实习生", "陈一鸣")]),
        ("□江州晚报记者 孙丽", [Credit("记者", "孙丽")]),
        ("文/图 本报记者 刘洋", [Credit("记者", "刘洋")]),
        ("文/王芳 图/李明", [Credit("作者", "王芳"), Credit("摄", "李明")]),
        ("本报记者 刘洋 文/图", [Credit("记者", "刘洋")]),
        ("记者 张三 报道", [Credit("记者", "张三")]),
        ("作者：王芳、李明", [Credit("作者", "王芳"), Credit("作者", "李明")]),
        # A news agency's picture, and the kind of picture after the verb.
        ("新华社发（王涛 摄）", [Credit("摄", "王涛")]),
        ("（新华社发）", []),
        ("（资料图片）", []),
        ("（新华社记者 李学仁 摄）", [Credit("记者", "李学仁")]),
        ("本报记者 王平摄（无人机照片）", [Credit("记者", "王平")]),
        # The verb after a slash, or the photographer's label before the names.
        ("本报记者 江小舟/摄", [Credit("记者", "江小舟")]),
        ("摄：王芳 李明", [Credit("摄", "王芳"), Credit("摄", "李明")]),
        ("摄影/王芳", [Credit("摄", "王芳")]),
        # A two-character name set with a space inside, to the width of three.
        ("本报记者 林 风", [Credit("记者", "林风")]),
        ("记者 林 风 王小明", [Credit("记者", "林风"), Credit("记者", "王小明")]),
        ("", []),
    ],
)
def test_parse_credits(text: str, credits: list[Credit]) -> None:
    assert parse_credits(text) == credits


def test_enrich_article_takes_dateline_and_credits_from_the_opener() -> None:
    article = Article(id="a", body=["本报讯（记者王小明）稻谷飘香。", "第二段。"])
    enrich_article(article)
    assert article.dateline == "本报讯"
    assert article.credits == [Credit("记者", "王小明")]
    assert article.body[0].startswith("本报讯")  # the printed text stays


def test_names_printed_apart_in_the_opener_are_two_reporters() -> None:
    # The body drops the spaces between Chinese characters ("王芳李明"); the
    # page's printed lines still part the two names.
    article = Article(id="a", body=["本报讯（记者王芳李明）稻谷飘香。"], provenance={"body": [4, 5]})
    enrich_article(article, {4: "本报讯（记者 王芳 李明）", 5: "稻谷飘香。"})
    assert article.credits == [Credit("记者", "王芳"), Credit("记者", "李明")]


def test_the_printed_opener_only_parts_names_the_body_reads() -> None:
    # Printed lines that do not read as the body's opener change nothing.
    article = Article(id="a", body=["本报讯（记者王芳）稻谷飘香。"], provenance={"body": [4]})
    enrich_article(article, {4: "本报讯（记者 张 军）稻谷飘香。"})
    assert article.credits == [Credit("记者", "王芳")]


def test_the_dateline_under_an_editors_note_is_the_texts() -> None:
    article = Article(
        id="a",
        title="江州大桥今天通车",
        body=["编者按：一座桥，连起两岸人家。本报今起推出系列报道。", "本报讯（记者周明）今天上午，江州大桥正式通车。"],
    )
    enrich_article(article)
    assert article.dateline == "本报讯"
    assert [(c.role, c.name) for c in article.credits] == [("记者", "周明")]


def test_the_dateline_under_key_points_is_the_texts() -> None:
    article = Article(id="a", title="今年引进项目六十个", body=["■一季度签约项目六十个", "本报讯（记者王芳）今年以来，高新区招商引资成效明显。"])
    enrich_article(article)
    assert article.dateline == "本报讯"


def test_a_reader_signing_a_letter_is_its_author() -> None:
    article = Article(id="a", title="小区门口的路灯坏了", byline="城南花园小区居民 张大爷", body=["小区门口的路灯坏了快一个月。"])
    enrich_article(article)
    assert article.credits == [Credit("作者", "张大爷")]


def test_byline_credits_are_kept_when_the_opener_also_names_reporters() -> None:
    article = Article(id="a", byline="本报记者 王小明 通讯员 李德", body=["本报讯（记者王小明）稻谷飘香。"])
    enrich_article(article)
    assert article.dateline == "本报讯"
    assert article.credits == [Credit("记者", "王小明")]


def test_byline_credits_when_there_is_no_opener() -> None:
    article = Article(id="a", byline="本报记者 冯静宁", body=["今天上午，大桥合龙。"])
    enrich_article(article)
    assert article.dateline == ""
    assert article.credits == [Credit("记者", "冯静宁")]


@pytest.mark.parametrize(("byline", "name"), [("仲 音", "仲音"), ("钟 声", "钟声"), ("李德顺", "李德顺")])
def test_a_bare_pen_name_is_the_author(byline: str, name: str) -> None:
    article = Article(id="a", byline=byline, body=["老街巷是一座城市的记忆。"])
    enrich_article(article)
    assert article.credits == [Credit("作者", name)]


def test_caption_credits_are_parsed() -> None:
    article = Article(id="a", kind="photo", captions=[Caption(text="图为：银杏大道。", credit="本报通讯员梁生仁摄")])
    enrich_article(article)
    assert article.captions[0].credits == [Credit("通讯员", "梁生仁")]


def test_enrichment_does_not_overwrite_what_is_set() -> None:
    article = Article(id="a", dateline="自定", credits=[Credit("作者", "甲乙")], body=["本报讯（记者王小明）"])
    enrich_article(article)
    assert article.dateline == "自定" and article.credits == [Credit("作者", "甲乙")]


def test_issue_paper_and_date_come_from_the_pages_majority() -> None:
    pages = [Page(number=n, date=d, paper=p) for n, d, p in [(1, "2024-10-09", "江州日报"), (2, "2024-10-09", None), (3, "2024-10-08", "江州日报")]]
    issue = enrich_issue(Issue(pages=pages))
    assert issue.issue_date == "2024-10-09"
    assert issue.paper == "江州日报"


def test_issue_date_given_by_the_user_wins() -> None:
    issue = enrich_issue(Issue(pages=[Page(number=1, date="2024-10-09")], issue_date="2024-01-01", paper="晨报"))
    assert issue.issue_date == "2024-01-01" and issue.paper == "晨报"


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2024-10-09", True), ("2024-12-31", True), ("2024-13-01", False), ("2024-00-10", False), ("2024-1-1", False), ("20241009", False), ("yesterday", False)],
)
def test_valid_date(value: str, ok: bool) -> None:
    assert valid_date(value) is ok


NEWS = "本报讯（记者刘一鸣）新建的城东实验小学今天迎来首批学生。"


@pytest.mark.parametrize(
    ("article", "kind"),
    [
        # An editor's note opening a series: no headline, dateline or byline.
        (Article(id="", body=["春回大地。从即日起，本报记者将走进田间地头，记录春耕的新变化。"]), "note"),
        (Article(id="", body=["编者按：本版今起开设“社区故事”栏目。", "欢迎读者来稿。"]), "note"),
        # Opinion: a column's tag, an editorial's thesis, a pen name.
        (Article(id="", title="老街换新颜（江州时评）", body=["老街是城市的记忆。"]), "commentary"),
        (Article(id="", title="守住耕地红线", subtitle="——论做好新时代的乡村工作", body=["耕地是粮食生产的命根子。"]), "commentary"),
        (Article(id="", title="让老街巷留住烟火气", byline="钟 声", credits=[Credit("作者", "钟声")], body=["老街巷是一座城市的记忆。"]), "commentary"),
        # Signed by the paper's commentator, with no name.
        (Article(id="", title="让老街巷留住烟火气", byline="本报评论员", body=["老街巷是一座城市的记忆。"]), "commentary"),
        # A brief: one short paragraph of news opening on its dateline.
        (Article(id="", title="城东新区学校开学", dateline="本报讯", body=[NEWS]), "brief"),
        (Article(id="", title="城东新区学校开学", dateline="本报讯", body=[NEWS, "开学第一天，不少家长早早来到校门口。"]), "article"),
        (Article(id="", title="江州大桥合龙", body=["今天上午，大桥顺利合龙。"]), "article"),
    ],
)
def test_article_kind(article: Article, kind: str) -> None:
    assert article_kind(article) == kind


def test_enrichment_sets_the_kind_but_keeps_a_photo_a_photo() -> None:
    photo = Article(id="", kind="photo", title="春到江州", captions=[Caption(text="图为市民赏花。", credit="李明摄")])
    enrich_article(photo)
    assert photo.kind == "photo"
    brief = Article(id="", title="城东新区学校开学", body=[NEWS])
    enrich_article(brief)
    assert (brief.dateline, brief.kind) == ("本报讯", "brief")


def test_reporters_named_in_the_note_closing_the_text() -> None:
    article = Article(id="a", title="古镇迎来赏花季", body=["本报讯 进入四月，古镇的桃花开了。", "游客可从市区直达古镇。（记者 林晓）"])
    enrich_article(article)
    assert article.credits == [Credit("记者", "林晓")]
    tagged = Article(id="b", title="让老街留住烟火气", body=["老街改造，改的是房子。（江州时评）"])
    enrich_article(tagged)
    assert tagged.credits == []
    assert closing_note_credits("……整理成文。（本报记者 王芳 整理）") == [Credit("记者", "王芳")]
    noted = Article(id="c", title="老街的记忆", body=["老街是城市的根。（作者为江州大学教授）"])
    enrich_article(noted)
    assert noted.credits == []


def test_names_printed_apart_across_a_line_break_in_the_opener_are_two_reporters() -> None:
    # The line break swallows the space between the two names.
    article = Article(id="a", body=["本报讯（记者王芳李明）稻谷飘香。"], provenance={"body": [4, 5]})
    enrich_article(article, {4: "本报讯（记者 王芳", 5: "李明）稻谷飘香。"})
    assert article.credits == [Credit("记者", "王芳"), Credit("记者", "李明")]


def test_a_line_break_inside_a_name_of_the_opener_parts_nothing() -> None:
    article = Article(id="a", body=["本报讯（记者张小明李华）稻谷飘香。"], provenance={"body": [4, 5]})
    enrich_article(article, {4: "本报讯（记者 张", 5: "小明 李华）稻谷飘香。"})
    assert article.credits == [Credit("记者", "张小明"), Credit("记者", "李华")]
