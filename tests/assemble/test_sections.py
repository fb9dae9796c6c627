"""Sections joined to the article they belong to after the cut."""

from __future__ import annotations

import sys
from pathlib import Path

from jianbao.assemble.sections import (
    join_continued_sections,
    join_feature_sections,
    join_intertitle_series,
    join_section_series,
    join_signed_sections,
)
from jianbao.assemble.segment import make_segment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from segment_items import byline, continued, head, page_vocabulary, sections, unit  # noqa: E402


def test_texts_headed_by_the_same_kind_of_label_are_sections_of_the_text_before() -> None:
    opening = make_segment([head("他们向祖国表白——"), head("我爱你，家乡"), unit("多年来，一批批普通人默默坚守，把平凡的岗位干成了事业。")], 0.0)
    series = sections(
        (["李明——", "守好一方山林"], "我在林场干了三十年，看着荒山一点点变绿。"),
        (["王芳——", "教好每个孩子"], "山里的孩子也该有好老师，我愿意一直留在这里。"),
        (["张强——", "修好每条线路"], "线路通了，村里的灯就亮了，这是我最高兴的事。"),
    )
    joined = join_section_series([opening, *series])
    assert len(joined) == 1
    assert [it.text for it in joined[0].lead] == ["他们向祖国表白——", "我爱你，家乡"]


def test_one_labelled_text_or_a_bold_label_stands_alone() -> None:
    opening = make_segment([head("江州大桥建成通车"), unit("大桥今天正式建成通车，全长三公里。")], 0.0)
    (single,) = sections((["江州青山——", "春茶开采正当时"], "茶农们趁着晴天上山采茶，茶园里一片忙碌。"))
    assert len(join_section_series([opening, single])) == 2
    bold = sections((["李明——", "守好一方山林"], "我在林场干了三十年。"), (["王芳——", "教好每个孩子"], "我愿意一直留在这里。"))
    for seg in bold:
        seg.lead[0].strong = True
    assert len(join_section_series([opening, *bold])) == 3


def test_a_continued_part_keeps_the_plain_sections_after_it() -> None:
    part = make_segment([head("江州大桥建成通车"), continued("（上接第1版）大桥全长三公里，是连接两岸的重要通道。")], 0.0)
    (section,) = sections((["通车首日车流平稳"], "早高峰时段，大桥上车流平稳，没有出现拥堵。"))
    joined = join_continued_sections([part, section])
    assert len(joined) == 1 and [it.text for it in joined[0].lead] == ["江州大桥建成通车"]


def test_a_continued_part_ends_at_a_bold_headline_a_dateline_or_its_source_note() -> None:
    part = make_segment([head("江州大桥建成通车"), continued("（上接第1版）大桥全长三公里，是连接两岸的重要通道。")], 0.0)
    (bold,) = sections((["老城区改造全面启动"], "老城区改造工程昨天启动。"))
    bold.lead[0].strong = True
    assert len(join_continued_sections([part, bold])) == 2
    (dated,) = sections((["老城区改造全面启动"], "本报讯 老城区改造工程昨天启动。"))
    dated.units[0].hard_start = True
    assert len(join_continued_sections([part, dated])) == 2
    noted = make_segment([*part.items, unit("（本报记者 王芳）")], 0.0)
    (plain,) = sections((["老城区改造全面启动"], "老城区改造工程昨天启动。"))
    assert len(join_continued_sections([noted, plain])) == 2


def test_a_plain_headline_naming_a_document_heads_a_text_of_its_own() -> None:
    """No intertitle names a document: a plain "……的决定" after a
    continued part heads the decision printed under it."""
    part = make_segment([head("江州大桥建成通车"), continued("（上接第1版）大桥全长三公里，是连接两岸的重要通道。")], 0.0)
    (decision,) = sections((["江州市人民政府关于", "老城保护的决定"], "一、老城街区实行整体保护。"))
    assert len(join_continued_sections([part, decision])) == 2


def test_sections_signed_by_their_reporters_are_one_report() -> None:
    """A roundup from several reporters: each section under a plain
    intertitle and its own byline, all about the same thing."""
    report = make_segment(
        [
            head("江州春运首日见闻（新春走基层）"),
            head("车站里的志愿者", strong=False),
            byline("本报记者 王芳"),
            unit("春运首日，江州站的志愿者清晨六点已经到岗，为旅客指路。"),
        ],
        0.0,
    )
    second = make_segment(
        [head("高速路上的服务区", strong=False), byline("本报记者 李明"), unit("春运首日，高速服务区为旅客备好热水，志愿者在路口指路。")],
        0.0,
    )
    third = make_segment([head("机场的暖心服务", strong=False), byline("本报记者 张强"), unit("春运首日，机场的志愿者为旅客送上热饮和春联。")], 0.0)
    joined = join_signed_sections([report, second, third], page_vocabulary([report, second, third]))
    assert len(joined) == 1 and joined[0].items == report.items + second.items + third.items


def test_short_news_each_under_a_plain_headline_and_a_byline_stay_apart() -> None:
    """A city paper's page of short news: each under a plain headline and
    its byline, about different things."""
    first = make_segment(
        [head("老旧小区加装电梯", strong=False), byline("本报记者 周小燕"), unit("全市今年计划为老旧小区加装电梯两百部，审批流程将简化。")],
        0.0,
    )
    second = make_segment([head("植物园樱花盛开", strong=False), byline("本报记者 刘洋"), unit("植物园的樱花进入盛花期，不少市民前来踏青赏花。")], 0.0)
    assert len(join_signed_sections([first, second], page_vocabulary([first, second]))) == 2


def test_a_signed_text_under_a_bold_headline_or_after_a_closed_one_stands_alone() -> None:
    report = make_segment([head("江州春运首日见闻"), byline("本报记者 王芳"), unit("清晨六点，江州站的志愿者已经到岗。")], 0.0)
    bold = make_segment([head("高速路上的服务区"), byline("本报记者 李明"), unit("服务区里热水、充电桩一应俱全。")], 0.0)
    assert len(join_signed_sections([report, bold], page_vocabulary([report, bold]))) == 2
    closed = make_segment([*report.items, unit("（本报记者 王芳）")], 0.0)
    plain = make_segment([head("高速路上的服务区", strong=False), byline("本报记者 李明"), unit("服务区里热水、充电桩一应俱全。")], 0.0)
    assert len(join_signed_sections([closed, plain], page_vocabulary([closed, plain]))) == 2
    unsigned = make_segment([head("江州春运首日见闻"), unit("清晨六点，江州站的志愿者已经到岗。")], 0.0)
    assert len(join_signed_sections([unsigned, plain], page_vocabulary([unsigned, plain]))) == 2


def test_a_feature_not_yet_closed_keeps_the_plain_sections_after_it() -> None:
    feature = make_segment([head("江州大桥建成通车", strong=False), unit("江州大桥今天正式建成通车，两岸市民出行更方便了。")], 0.0)
    first, second = sections(
        (["早高峰车流平稳"], "早高峰时段，大桥上车流平稳，没有出现拥堵。"),
        (["夜景灯光点亮江面"], "入夜，大桥的景观灯光点亮了江面。"),
    )
    joined = join_feature_sections([feature, first, second])
    assert len(joined) == 1 and [it.text for it in joined[0].lead] == ["江州大桥建成通车"]


def test_a_feature_ends_at_its_signature_and_a_report_at_its_next_headline() -> None:
    feature = make_segment([head("江州大桥建成通车", strong=False), unit("江州大桥今天正式建成通车，两岸市民出行更方便了。")], 0.0)
    signed = make_segment([*feature.items, unit("（本报记者 王芳）")], 0.0)
    (plain,) = sections((["老城区改造全面启动"], "老城区改造工程昨天启动。"))
    assert len(join_feature_sections([signed, plain])) == 2
    report = make_segment([head("江州大桥建成通车", strong=False), unit("本报江州5月1日电 江州大桥今天正式建成通车。")], 0.0)
    report.units[0].hard_start = True
    assert len(join_feature_sections([report, plain])) == 2
    (bold,) = sections((["老城区改造全面启动"], "老城区改造工程昨天启动。"))
    bold.lead[0].strong = True
    assert len(join_feature_sections([feature, bold])) == 2


def test_a_feature_with_quoted_intertitles_keeps_its_next_quoted_section() -> None:
    first = [head("江州老街焕新颜"), unit("老街改造完成后，街坊们又回来了。"), head("“老街又热闹起来了”", strong=False), unit("早餐铺重新开张。")]
    second = [head("“我们还想再住五十年”", strong=False), unit("八十岁的王大爷说，他舍不得老街。")]
    joined = join_intertitle_series([make_segment(first, 0.0), make_segment(second, 0.0)])
    assert len(joined) == 1 and [it.text for it in joined[0].items] == [it.text for it in first + second]


def test_a_quoted_headline_after_an_article_without_quoted_intertitles_stands_alone() -> None:
    first = [head("江州老街焕新颜"), unit("老街改造完成后，街坊们又回来了。")]
    second = [head("“我们还想再住五十年”", strong=False), unit("八十岁的王大爷说，他舍不得老街。")]
    assert len(join_intertitle_series([make_segment(first, 0.0), make_segment(second, 0.0)])) == 2


def test_a_text_headed_by_a_paired_line_like_its_own_intertitles_is_a_section_of_the_one_before() -> None:
    first = [head("我为家乡骄傲 我为家乡祝福"), unit("节日期间，全市各地举办庆祝活动。")]
    second = [
        head("礼赞家乡  致敬时代", strong=False),
        unit("浓浓的爱乡之情在全市涌动。"),
        head("感受巨变  情系桑梓", strong=False),
        unit("别开生面的活动在各区上演。"),
    ]
    joined = join_intertitle_series([make_segment(first, 0.0), make_segment(second, 0.0)])
    assert len(joined) == 1
