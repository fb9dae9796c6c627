"""Invented newspaper issues for the archive and web tests.

Every text here is made up for the tests.
"""

from __future__ import annotations

import random
from pathlib import Path

from jianbao.model import Article, Caption, Credit, Issue, JumpRef, Page

PAGE_W, PAGE_H = 595.0, 842.0


def make_article(id: str, title: str, body: list[str], **kw) -> Article:
    return Article(id=id, title=title, body=body, **kw)


def jiangcheng_spring(pdf: str = "") -> Issue:
    """江城日报, 2023-03-05: a front page with a jump to page 2, a photo,
    and a page 2 with the continuation and an article quoting markup."""
    lead = make_article(
        "p1a1",
        "中国人民银行江城分行加大涉农信贷投放",
        [
            "本报江城3月4日电 记者从中国人民银行江城分行获悉，今年以来全市涉农贷款余额稳步增长，春耕备耕资金需求得到较好满足。",
            "分行有关负责人介绍，辖内金融机构围绕种子、农机和冷链物流三个环节推出专项产品，发展新质生产力的企业也获得更多首贷。",
        ],
        kicker="春耕备耕正当时",
        subtitle="一季度新增贷款逾百亿元",
        headline_lines=["春耕备耕正当时", "中国人民银行江城分行加大涉农信贷投放", "一季度新增贷款逾百亿元"],
        byline="本报记者 林晓雨 通讯员 周建",
        credits=[Credit("记者", "林晓雨"), Credit("通讯员", "周建")],
        dateline="本报江城3月4日电",
        jump_markers=["（下转第2版）"],
        continues_to=JumpRef(page=2, id="p2a1"),
        regions=[(30.0, 60.0, 400.0, 380.0)],
    )
    photo = make_article(
        "p1a2",
        "",
        [],
        kind="photo",
        captions=[Caption("新建成的滨江步道迎来首批晨练市民。", "本报记者 陈朗摄", [Credit("摄", "陈朗")])],
        regions=[(410.0, 60.0, 570.0, 300.0)],
    )
    brief = make_article(
        "p1a3",
        "老街夜市重新开张",
        ["沿河老街夜市经过三个月改造重新开张，摊位统一换上了防雨棚。"],
        column="城事速览",
        regions=[(30.0, 400.0, 570.0, 520.0)],
    )
    cont = make_article(
        "p2a1",
        "信贷投放",
        ["（上接第1版）下一步，分行将引导更多资金投向科技型小微企业，让新质生产力在县域落地生根。"],
        jump_markers=["（上接第1版）"],
        continued_from=JumpRef(page=1, id="p1a1"),
        regions=[(30.0, 60.0, 570.0, 300.0)],
    )
    markup = make_article(
        "p2a2",
        "网页课程教孩子认识<script>标签",
        ["课堂上老师写下<script>alert(1)</script>和&amp;等字符，提醒学生注意网页安全。"],
        byline="本报记者 王可",
        credits=[Credit("记者", "王可")],
        regions=[(30.0, 320.0, 570.0, 600.0)],
    )
    pages = [
        Page(number=1, section="要闻", articles=[lead, photo, brief], width=PAGE_W, height=PAGE_H,
             source=pdf),
        Page(number=2, section="经济", articles=[cont, markup], width=PAGE_W, height=PAGE_H, source=pdf),
    ]
    return Issue(pages=pages, paper="江城日报", issue_date="2023-03-05", mode="pdf" if pdf else "text",
                 sources=[pdf] if pdf else [])


def jiangcheng_summer() -> Issue:
    """江城日报, 2023-07-12: a term repeated within one article."""
    a = make_article(
        "p1a1",
        "新质生产力成为园区关键词",
        [
            "在高新园区，新质生产力不再是会议上的口号。新质生产力的落脚点是工厂里的新设备。",
            "园区负责人说，发展新质生产力要靠人才，也要靠耐心资本。",
        ],
        byline="本报记者 林晓雨",
        credits=[Credit("记者", "林晓雨")],
    )
    b = make_article("p1a2", "暑期图书馆延长开放", ["市图书馆暑期每天开放到晚上九点，自习座位需提前预约。"])
    return Issue(pages=[Page(number=1, section="要闻", articles=[a, b])], paper="江城日报",
                 issue_date="2023-07-12")


def haibin_winter() -> Issue:
    """海滨晚报, 2024-01-08: another paper, another year."""
    a = make_article(
        "p3a1",
        "渔港迎来冬季休渔后首航",
        ["海滨渔港今晨鸣笛，百余艘渔船驶出港湾。渔民说，今年更看重新质生产力带来的智能渔具。"],
        byline="晚报记者 沈涛",
        credits=[Credit("记者", "沈涛")],
    )
    return Issue(pages=[Page(number=3, section="城市", articles=[a])], paper="海滨晚报", issue_date="2024-01-08")


def sample_issues(pdf: str = "") -> list[Issue]:
    return [jiangcheng_spring(pdf), jiangcheng_summer(), haibin_winter()]


# Characters for random articles: common Chinese characters, punctuation of
# both widths, digits and Latin letters, so substrings cross every kind.
_POOL = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    "，。、；：？！“”（）《》·—…0123456789ABCDEFGHabcdefgh%"
)


def random_issue(seed: int, articles: int, date: str) -> Issue:
    """An issue of random text (for recall checks against brute force)."""
    rng = random.Random(seed)

    def text(n: int) -> str:
        return "".join(rng.choice(_POOL) for _ in range(n))

    arts = []
    for i in range(articles):
        arts.append(make_article(
            f"r{seed}a{i}",
            text(rng.randint(6, 18)),
            [text(rng.randint(40, 160)) for _ in range(rng.randint(1, 4))],
            byline=f"记者 {text(3)}",
            captions=[Caption(text(rng.randint(10, 30)), f"{text(2)}摄")] if rng.random() < 0.3 else [],
        ))
    return Issue(pages=[Page(number=1, articles=arts)], paper="随机报", issue_date=date)


def make_issue_pdf(path: Path) -> Path:
    """A two-page PDF with each article's headline drawn inside its region,
    so rendered page images show where the regions are."""
    import pymupdf as fitz

    issue = jiangcheng_spring()
    doc = fitz.open()
    for page in issue.pages:
        pdf_page = doc.new_page(width=PAGE_W, height=PAGE_H)
        pdf_page.insert_text((30, 40), f"江城日报  第{page.number}版", fontname="china-s", fontsize=16)
        for art in page.articles:
            x0, y0, x1, y1 = art.regions[0]
            pdf_page.draw_rect(fitz.Rect(x0, y0, x1, y1), color=(0.6, 0.6, 0.6), width=0.6)
            head = art.title or (art.captions[0].text if art.captions else "")
            pdf_page.insert_textbox(fitz.Rect(x0 + 6, y0 + 6, x1 - 6, y1 - 6),
                                    head + "\n" + "".join(art.body)[:120], fontname="china-s", fontsize=10)
    doc.save(str(path))
    doc.close()
    return path
