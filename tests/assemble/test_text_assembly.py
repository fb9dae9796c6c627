"""Text-mode assembly of a page: which way its headlines stand, and
headline lines printed inside a sentence set apart and given to the text
they name."""

from __future__ import annotations

import sys
from pathlib import Path
from jianbao import classify
from jianbao.assemble.items import build_items
from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.paragraphs import FIRST, LAST, MID, SINGLE
from jianbao.assemble.rows import REORDERED, Row
from jianbao.assemble.segment import UNIT, Item, Segment, index_grams, make_segment
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.assemble.text import headlines_lead, interrupting_heads, place_interrupting_heads
from jianbao.model import Line, Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from item_rows import floating, head, row  # noqa: E402


def _interrupted(*middle: Row) -> list[Item]:
    """A paragraph broken off on a full line, the rows given, and the same
    paragraph carried on with a full line."""
    return build_items(
        [
            row("江州老城改造今年启动，", FIRST, width=12.0),
            row("街巷路面和地下管网一并更", MID, width=14.0),
            *middle,
            row("新，居民出行将更加便捷安", MID, width=14.0),
            row("全。", LAST, width=2.0),
        ]
    )


def test_a_headline_printed_inside_a_sentence_is_set_apart() -> None:
    items = _interrupted(head("北山茶园迎来采摘季"))
    runs = interrupting_heads(items)
    assert [[it.text for it in run] for run in runs] == [["北山茶园迎来采摘季"]]


def test_a_headline_after_a_clause_broken_off_at_a_comma_is_set_apart() -> None:
    items = build_items(
        [
            row("江州老城改造今年启动，街巷", FIRST, width=14.0),
            row("路面和地下管网一并更新，", MID, width=14.0),
            head("北山茶园迎来采摘季"),
            row("居民出行将更加便捷安全，老", MID, width=14.0),
            row("街风貌也将得到保护。", LAST, width=10.0),
        ]
    )
    assert [[it.text for it in run] for run in interrupting_heads(items)] == [["北山茶园迎来采摘季"]]


def test_a_headline_after_a_finished_paragraph_is_not_set_apart() -> None:
    items = build_items(
        [
            row("街巷路面和地下管网一并更", MID, width=14.0),
            row("新。", LAST, width=2.0),
            head("北山茶园迎来采摘季"),
            row("本报讯 北山茶园今天开始", FIRST, label=classify.DATELINE, width=14.0),
        ]
    )
    assert interrupting_heads(items) == []


def test_a_headline_the_column_order_found_printed_inside_a_sentence_is_set_apart() -> None:
    """Where the column stage carried a sentence on past a headline, the
    headline lands between paragraphs, where an intertitle would stand; it
    is still set apart."""
    title = head("北山茶园迎来采摘季")
    title.inside_sentence = True
    items = build_items(
        [
            row("街巷路面和地下管网一并更", MID, width=14.0),
            row("新。", LAST, width=2.0),
            title,
            row("老街风貌也将得到保护，居民", FIRST, width=12.0),
            row("出行更加便捷。", LAST, width=7.0),
        ]
    )
    assert [[it.text for it in run] for run in interrupting_heads(items)] == [["北山茶园迎来采摘季"]]
    title.inside_sentence = False
    assert interrupting_heads(build_items([row("新。", LAST, width=2.0), title, row("出行更加便捷。", SINGLE, width=7.0)])) == []


def test_a_line_taken_for_a_headline_that_reads_on_with_the_sentence_stays() -> None:
    # The line stops inside a clause: running text the labels mistook.
    items = _interrupted(head("组成十五个方队、三十二个"))
    assert interrupting_heads(items) == []


def test_a_headline_set_apart_heads_the_text_without_headline_it_names() -> None:
    items = _interrupted(head("老城街巷改造启动"))
    for it in items:
        index_grams(it)
    runs = interrupting_heads(items)
    units = [it for it in items if it.kind == UNIT]
    article = Segment(items=units, lead=[], trail=[])
    vocab = Vocabulary(it.grams for it in units)
    order = {id(it): k for k, it in enumerate(items)}
    assert place_interrupting_heads(runs, [article], vocab, order) == []
    assert [it.text for it in article.trail] == ["老城街巷改造启动"]


def test_a_headline_set_apart_heads_a_text_printed_after_it_from_above() -> None:
    items = _interrupted(head("北山茶园迎来采摘季"))
    later = build_items([row("北山茶园今年春茶开采，茶农", FIRST, width=14.0), row("忙着采摘新茶。", LAST, width=7.0)])
    items += later
    for it in items:
        index_grams(it)
    runs = interrupting_heads(items)
    interrupted = Segment(items=[it for it in items[:-1] if it.kind == UNIT], lead=[], trail=[])
    tea = Segment(items=list(later), lead=[], trail=[])
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    order = {id(it): k for k, it in enumerate(items)}
    assert place_interrupting_heads(runs, [interrupted, tea], vocab, order) == []
    assert [it.text for it in tea.lead] == ["北山茶园迎来采摘季"] and not interrupted.lead + interrupted.trail


def test_a_headline_set_apart_that_names_no_text_floats() -> None:
    items = _interrupted(head("北山茶园迎来采摘季"))
    for it in items:
        index_grams(it)
    units = [it for it in items if it.kind == UNIT]
    article = Segment(items=units, lead=[], trail=[])
    vocab = Vocabulary(it.grams for it in units)
    order = {id(it): k for k, it in enumerate(items)}
    floating = place_interrupting_heads(interrupting_heads(items), [article], vocab, order)
    assert [[it.text for it in seg.items] for seg in floating] == [["北山茶园迎来采摘季"]]


OLD_TOWN = [
    "江州老城街巷改造工程今天启动，首批改造的十二条街巷将在年底前完工，街巷路面、地下管网和沿街立面一并更新，老城居民盼了多年的改造终于开工。",
    "老城街巷改造坚持修旧如旧，青石板路面将按原样铺回，沿街的老字号招牌也将统一修缮，老城原有的风貌和街巷的格局都将保留下来。",
    "改造期间，老城各条街巷分段施工，居民出行不受影响。改造完成后，老城将新增停车位三百个，街巷照明全部更换，老城的夜晚将更加明亮。",
    "老城街巷改造的方案征求了居民的意见，居民提出的一百多条建议大多被采纳，改造后的老城将增设口袋公园和休息座椅。",
]
TEA_GARDEN = [
    "北山茶园今年春茶开采比往年提前了一周。清晨，茶农们背着竹篓走进茶园，采下带着露水的嫩芽，漫山遍野的茶园里一片忙碌的景象。",
    "北山的茶农告诉记者，今年雨水充足，春茶长势喜人，茶园的亩产有望比去年增加一成，新采的春茶品质也比往年更好，茶农们个个喜上眉梢。",
    "北山茶园旁的茶叶加工厂已经开足马力，新采的春茶经过杀青、揉捻和烘干，当天就能装箱，发往全国各地的茶叶市场，北山春茶供不应求。",
    "北山茶园近年来发展茶旅融合，采茶、制茶和品茶吸引了不少城里的游客，茶农的收入一年比一年高。",
]


def _merged_reports(tail: list[str], at: int = 5, break_second: bool = False) -> tuple[list[Item], list[Item], Segment]:
    """An article on the old town whose text runs on into ``tail``, with the
    headline "北山茶园春茶开采" printed after its first ``at`` paragraphs
    (by default among the tail's).  ``break_second`` breaks the second
    paragraph in two lines' places, at its first comma, so that a headline
    printed there (``at=2``) stands inside a sentence."""
    own = Item(kind=HEAD_ITEM, rows=[head("江州老城街巷改造启动", bold=True)])
    units = [Item(kind=UNIT, rows=[row(text, SINGLE)]) for text in OLD_TOWN + tail]
    if break_second:
        half = OLD_TOWN[1].index("，") + 1
        units[1:2] = [Item(kind=UNIT, rows=[row(OLD_TOWN[1][:half], FIRST)]), Item(kind=UNIT, rows=[row(OLD_TOWN[1][half:], LAST)])]
    run = [Item(kind=HEAD_ITEM, rows=[head("北山茶园春茶开采")])]
    items = [own, *units[:at], *run, *units[at:]]
    for it in items:
        index_grams(it)
    return items, run, make_segment([own, *units], 0.0)


def _placed(items: list[Item], run: list[Item], merged: Segment) -> tuple[list[Segment], list[Segment]]:
    """The articles once the headline ``run`` is placed, and what floats."""
    articles = [merged]
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    order = {id(it): k for k, it in enumerate(items)}
    floating = place_interrupting_heads([run], articles, vocab, order)
    return articles, floating


def test_a_headline_inside_a_text_read_on_from_another_article_takes_its_text() -> None:
    """An article printed right under another's foot reads on from its
    text; its headline, printed among its own lines, takes the paragraphs
    that speak of what it names, cut off the article before."""
    articles, floating = _placed(*_merged_reports(TEA_GARDEN))
    assert floating == []
    assert [[u.text[:4] for u in seg.units] for seg in articles] == [
        ["江州老城", "老城街巷", "改造期间", "老城街巷"],
        ["北山茶园", "北山的茶", "北山茶园", "北山茶园"],
    ]
    assert [it.text for it in articles[0].lead] == ["江州老城街巷改造启动"]
    assert [it.text for it in articles[1].lead + articles[1].trail] == ["北山茶园春茶开采"]


def test_a_text_that_keeps_naming_its_own_headline_is_not_cut() -> None:
    # The paragraphs after the headline's place still speak of what the
    # article's own headline names.
    items, run, merged = _merged_reports(["江州老城街巷改造启动以来，" + t for t in TEA_GARDEN])
    articles, floating = _placed(items, run, merged)
    assert [[it.text for it in seg.items] for seg in floating] == [["北山茶园春茶开采"]]
    assert articles == [merged]


def test_a_headline_inside_the_text_before_its_own_takes_the_text_after() -> None:
    """A headline printed inside a sentence of the text before its own (its
    box fell among the lines of the column beside it): the sentence stays
    whole with its article, and the text the headline names starts after."""
    articles, floating = _placed(*_merged_reports(TEA_GARDEN, at=2, break_second=True))
    assert floating == []
    assert [[u.text[:4] for u in seg.units] for seg in articles] == [
        ["江州老城", "老城街巷", "青石板路", "改造期间", "老城街巷"],
        ["北山茶园", "北山的茶", "北山茶园", "北山茶园"],
    ]
    assert [it.text for it in articles[1].lead] == ["北山茶园春茶开采"]


def test_a_paragraph_going_on_reporting_what_was_said_opens_no_text() -> None:
    # "他说，……" reports more of someone named before it: the text is not
    # cut there, and no other paragraph turns to the headline's subject.
    items, run, merged = _merged_reports(["他说，" + TEA_GARDEN[0], *TEA_GARDEN[1:]], at=2, break_second=True)
    articles, _floating = _placed(items, run, merged)
    assert articles == [merged]


def page_of(blocks: list[list[str]]) -> Page:
    """A page whose lines come in blocks set apart by blank lines."""
    lines = []
    for block in blocks:
        for k, text in enumerate(block):
            lines.append(Line(text=text, index=len(lines), blank_before=k == 0 and bool(lines)))
    return Page(number=1, lines=lines)


HEADLINE = Item(kind=HEAD_ITEM, rows=[head("江州湿地保护条例施行")])
TEXT = Item(kind=UNIT, rows=[row("本报讯　全市十八处湿地纳入保护名录。", SINGLE)])
BOXES = [["江州湿地保护条例施行"], ["本报讯　全市十八处湿地", "纳入保护名录。"], ["条例明确分级管理。"]] * 4


def test_a_page_printed_in_boxes_from_a_headline_down_to_text_has_its_headlines_lead() -> None:
    # pdfminer sorts its text boxes by position: a headline's box lies
    # above its text, so the page opens with a headline and closes on text.
    assert headlines_lead(page_of(BOXES), [HEADLINE, TEXT, HEADLINE, TEXT])


def test_a_page_printed_in_boxes_that_closes_on_a_headline_prints_headlines_after_their_texts() -> None:
    # An e-paper that draws each headline after its text.
    assert not headlines_lead(page_of(BOXES), [TEXT, HEADLINE, TEXT, HEADLINE])
    assert not headlines_lead(page_of(BOXES), [HEADLINE, TEXT, TEXT, HEADLINE])


def test_a_page_printed_as_one_stream_says_nothing_of_where_its_headlines_stand() -> None:
    stream = [[line for block in BOXES for line in block]]
    assert not headlines_lead(page_of(stream), [HEADLINE, TEXT, HEADLINE, TEXT])


def test_a_page_printed_row_by_row_has_its_headlines_lead() -> None:
    page = page_of([[line for block in BOXES for line in block]])
    page.warnings.append(REORDERED)
    assert headlines_lead(page, [TEXT, HEADLINE])
