"""Cutting a page's flow of text units and headline lines into articles."""

from __future__ import annotations

import sys
from pathlib import Path

from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.paragraphs import FIRST
from jianbao.assemble.rows import Row
from jianbao.assemble.segment import (
    BYLINE,
    C_WEAK_HEADLINE,
    GAP,
    HEAD,
    UNIT,
    Item,
    PageFeatures,
    Segment,
    give_heads_to_headless,
    give_kickers_to_titles,
    give_titles_to_continued_parts,
    heads_a_report,
    index_flow_windows,
    index_grams,
    index_intertitle_similarity,
    join_continued_sections,
    join_feature_sections,
    join_headlines_to_headless,
    join_intertitle_series,
    join_section_series,
    join_signed_sections,
    line_over_kicker,
    opens_a_tag,
    make_segment,
    segment_items,
    split_two_stacks,
    tells_vocabulary,
    untangle_heads,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from compose_text import HARVEST  # noqa: E402


def unit(text: str) -> Item:
    return Item(kind=UNIT, rows=[Row(text=text, lines=[0])])


def head(text: str, strong: bool = True, wraps_previous: bool = False) -> Item:
    return Item(kind=HEAD, rows=[Row(text=text, lines=[0])], strong=strong, wraps_previous=wraps_previous)


def segment(items: list[Item], heads_lead: bool = False) -> list[list[str]]:
    for it in items:
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    index_flow_windows([it for it in items if it.kind == UNIT], vocab)
    return [[it.text for it in seg.items] for seg in segment_items(items, vocab, heads_lead=heads_lead)]


def test_a_headline_printed_before_its_body_heads_it() -> None:
    items = [
        head("老街早餐铺坐满了人"),
        unit("清晨六点，老街的早餐铺已经坐满了人，社区食堂也开门了。"),
        head("三座污水处理厂开工"),
        unit("今年，全市新建三座污水处理厂，污水处理能力将提高一倍。"),
    ]
    assert segment(items) == [[items[0].text, items[1].text], [items[2].text, items[3].text]]


def test_on_a_page_printed_row_by_row_a_headline_heads_the_text_after_it() -> None:
    """A headline between two texts that shares its words with the one
    before: where the extractor prints headlines after their texts it
    closes that text, but on a page printed row by row every headline was
    printed at its height, over the text it heads."""
    items = [
        unit("清晨六点，老街的早餐铺已经坐满了人，早餐铺的包子和豆浆最受欢迎。"),
        head("老街早餐铺坐满了人"),
        unit("本报讯 今年，全市新建三座污水处理厂，污水处理能力将提高一倍，河道水质明显好转。"),
    ]
    assert segment(items) == [[items[0].text, items[1].text], [items[2].text]]
    assert segment(items, heads_lead=True) == [[items[0].text], [items[1].text, items[2].text]]


def test_the_wrapped_end_of_a_headline_line_stays_with_it() -> None:
    """"……迎春联欢" / "晚宴" is one printed headline: even where the wrapped
    piece shares words with the next article, no cut falls between them."""
    items = [
        unit("市长昨晚出席迎春联欢活动，同各界代表共迎新春。联欢活动在市民中心举行。"),
        head("市长出席迎春联欢"),
        head("晚宴", strong=False, wraps_previous=True),
        head("晚宴菜单来自老字号"),
        unit("晚宴的菜单来自三家老字号，晚宴上的点心由老师傅现场制作，晚宴受到称赞。"),
    ]
    cut = segment(items)
    assert [t for seg in cut for t in seg] == [it.text for it in items]
    assert any(seg[-2:] == ["市长出席迎春联欢", "晚宴"] for seg in cut)


def test_a_plain_kicker_over_its_title_inside_a_feature_heads_an_article() -> None:
    """A feature's plain intertitles do not take in a photo story headed
    "江州老街——" / "灯笼挂满街", even about the same street: a kicker
    heads a title, never a section."""
    feature = [
        head("老街坊的新日子"),
        unit("清晨六点，老街的早餐铺已经坐满了人，社区食堂也开门了。"),
        head("饭菜可口价钱实惠", strong=False),
        unit("社区食堂的饭菜可口，价钱比外面低一些，老人们天天来吃。"),
    ]
    photo = [
        head("江州老街——", strong=False),
        head("灯笼挂满街", strong=False),
        unit("春节将至，老街的居民挂起灯笼，早餐铺也贴上了春联。"),
    ]
    assert segment(feature + photo) == [[it.text for it in feature], [it.text for it in photo]]


def test_an_intertitle_that_opens_with_a_dash_phrase_stays_a_section() -> None:
    items = [
        head("老街坊的新日子"),
        unit("清晨六点，老街的早餐铺已经坐满了人，社区食堂也开门了。"),
        head("吃得放心——", strong=False),
        head("饭菜可口，价钱实惠", strong=False),
        unit("社区食堂的饭菜可口，价钱比外面低一些，老人们天天来吃。"),
    ]
    assert segment(items) == [[it.text for it in items]]


def test_a_paragraph_mid_page_does_not_become_an_article_without_a_headline() -> None:
    """A paragraph that shares no words with the one before it is still part
    of that article: articles have headlines, and this one has none of its own."""
    items = [
        head("老街早餐铺坐满了人"),
        unit("清晨六点，老街的早餐铺已经坐满了人，社区食堂也开门了，老人们吃上了热乎饭。"),
        unit("球队教练表示，队员们赛前训练刻苦，比赛中顽强拼搏，最终以三比零取胜，夺得冠军奖杯。"),
        head("三座污水处理厂开工"),
        unit("今年，全市新建三座污水处理厂，污水处理能力将提高一倍，河道水质将进一步改善。"),
    ]
    assert [len(seg) for seg in segment(items)] == [3, 2]


def test_a_source_note_ends_its_article_even_where_the_next_text_is_alike() -> None:
    """"（本报记者 王芳）" closes a text; a text printed after it whose headline
    comes after its body is another article, however alike the two read."""
    items = [
        head("老街早餐铺坐满了人"),
        unit("清晨六点，老街的早餐铺已经坐满了人，社区食堂也开门了，老人们吃上了热乎饭。"),
        unit("（本报记者 王芳）"),
        unit("新街的早餐铺也坐满了人，社区食堂开门后，老人们同样吃上了热乎饭，街坊们很满意。"),
        head("新街食堂开张"),
    ]
    assert [len(seg) for seg in segment(items)] == [3, 2]


def sections(*stacks: tuple[list[str], str]) -> list[Segment]:
    return [make_segment([head(h, strong=False) for h in heads] + [unit(body)], 0.0) for heads, body in stacks]


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


def continued(body: str) -> Item:
    item = unit(body)
    item.from_jump = item.hard_start = True
    return item


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


def byline(text: str) -> Item:
    return Item(kind=BYLINE, rows=[Row(text=text, lines=[0])])


def page_vocabulary(segments: list[Segment]) -> Vocabulary:
    """The page's vocabulary, with the units' windows indexed as
    segment_items leaves them."""
    items = [it for seg in segments for it in seg.items]
    for it in items:
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    index_flow_windows([it for it in items if it.kind == UNIT], vocab)
    return vocab


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


def heads_given(text: list[Item], heads: list[Item], after: Item) -> list[Segment]:
    """A text with no headline, then a stack over the next text, after
    :func:`give_heads_to_headless`."""
    items = [*text, *heads, after]
    for it in items:
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    segments = [make_segment(text, 0.0), make_segment([*heads, after], 0.0)]
    give_heads_to_headless(segments, vocab, {id(it): k for k, it in enumerate(items)})
    return segments


def test_a_text_without_headline_takes_the_first_line_of_the_next_stack_that_matches_it() -> None:
    """The report of the meeting lost its headline ("市长会见友好城市代表团")
    to the stack above the next article; the line names the meeting, not
    the banquet."""
    meeting = Item(kind=UNIT, rows=[Row(text="本报江州5月6日电 市长今天会见友好城市代表团，双方就友好城市合作交换意见，代表团团长感谢市长会见。", lines=[0])], hard_start=True)
    heads = [head("市长会见友好城市代表团", strong=False), head("市长出席欢迎晚宴")]
    banquet = unit("晚宴在江州宾馆举行，市长在晚宴上致辞，欢迎客人来江州，晚宴上演出了地方戏曲。")
    segments = heads_given([meeting], heads, banquet)
    assert [it.text for it in segments[0].trail] == ["市长会见友好城市代表团"]
    assert [it.text for it in segments[1].lead] == ["市长出席欢迎晚宴"]
    assert [it.text for it in segments[0].items] == [meeting.text, "市长会见友好城市代表团"]


def test_a_continued_part_without_headline_takes_the_first_line_of_the_next_stack() -> None:
    """A part continued from another page reprints its headline; printed
    after the part, it sits on the stack over the next continued part."""
    meeting = continued("（上接第1版）双方就友好城市合作交换意见，代表团团长感谢市长会见友好城市代表团。")
    heads = [head("市长会见友好城市代表团（江州快讯）", strong=False), head("“晚宴上的地方戏真好看”")]
    banquet = continued("（上接第1版）晚宴在江州宾馆举行，市长在晚宴上致辞，晚宴上演出了地方戏曲。")
    segments = heads_given([meeting], heads, banquet)
    assert [it.text for it in segments[0].trail] == [heads[0].text]
    assert [it.text for it in segments[1].lead] == [heads[1].text]


def test_a_headline_alone_after_a_text_without_one_is_its_trailing_headline() -> None:
    text = make_segment([unit("大桥全长三公里，是连接两岸的重要通道，今天正式通车。")], 0.0)
    alone = make_segment([head("江州大桥建成通车")], 0.0)
    after = make_segment([head("老街换新颜"), unit("老街改造今天完工。")], 0.0)
    joined = join_headlines_to_headless([text, alone, after])
    assert len(joined) == 2 and [it.text for it in joined[0].trail] == ["江州大桥建成通车"]


def test_a_headline_alone_next_to_a_caption_or_after_a_headed_text_stays_apart() -> None:
    text = make_segment([unit("大桥全长三公里，是连接两岸的重要通道，今天正式通车。")], 0.0)
    alone = make_segment([head("春到江州")], 0.0)
    caption = make_segment([Item(kind=GAP, rows=[])], 0.0)
    assert len(join_headlines_to_headless([text, alone, caption])) == 3
    headed = make_segment([head("江州大桥建成通车"), unit("大桥全长三公里，今天正式通车。")], 0.0)
    assert len(join_headlines_to_headless([headed, alone])) == 2


def test_a_continued_part_takes_the_last_headline_over_its_marker_from_the_text_before() -> None:
    """Two continued parts, both titles printed between them: the text
    before keeps the first, the part over whose marker the second stands
    takes it."""
    speech = continued("（上接第2版）让我们携手并进，把老城建设得越来越好！")
    first, second = head("在江州各界新年联欢会上的讲话"), head("老城焕新的启示（江州论坛）")
    forum = continued("（上接第3版）老城改造让居民过上了更好的日子。")
    items = [speech, first, second, forum]
    before = make_segment([speech, first, second], 0.0)
    part = make_segment([forum], 0.0)
    give_titles_to_continued_parts([before, part], {id(it): k for k, it in enumerate(items)})
    assert [it.text for it in before.trail] == [first.text]
    assert [it.text for it in part.lead] == [second.text]


def test_a_stack_keeps_its_lines_when_the_text_before_has_a_headline() -> None:
    heads0 = [head("市长会见友好城市代表团")]
    meeting = unit("市长今天会见友好城市代表团，双方就友好城市合作交换意见，代表团团长感谢市长会见。")
    heads = [head("市长会见友好城市代表团", strong=False), head("市长出席欢迎晚宴")]
    banquet = unit("晚宴在江州宾馆举行，市长在晚宴上致辞，欢迎客人来江州，晚宴上演出了地方戏曲。")
    items = [*heads0, meeting, *heads, banquet]
    for it in items:
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    segments = [make_segment([*heads0, meeting], 0.0), make_segment([*heads, banquet], 0.0)]
    give_heads_to_headless(segments, vocab, {id(it): k for k, it in enumerate(items)})
    assert len(segments[1].lead) == 2


def test_key_points_in_a_bullet_list_above_a_dateline_belong_to_its_text() -> None:
    points = Item(kind=UNIT, rows=[Row(text="■ 两万名跑者沿江奔跑，赛道沿途设有十个补给站。", lines=[0])], bulleted=True)
    report = Item(
        kind=UNIT,
        rows=[Row(text="本报江州3月2日电 昨天，江州马拉松鸣枪开跑，两万名跑者沿江奔跑，终点设在江州体育中心。", lines=[0])],
        hard_start=True,
    )
    items = [points, report, head("江州马拉松鸣枪开跑")]
    assert segment(items) == [[it.text for it in items]]


def untangled(segments: list[Segment]) -> list[list[str]]:
    items = [it for seg in segments for it in seg.items]
    for it in items:
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    untangle_heads(segments, vocab, {id(it): k for k, it in enumerate(items)})
    return [[it.text for it in seg.items] for seg in segments]


def test_a_title_line_over_its_subtitle_stays_in_its_stack() -> None:
    """"……共创" / "美好未来" / "——……": the title's last line is the title's
    even where its words fill the text printed before it."""
    subtitle = head("——江州各界热议新一年发展蓝图", strong=False)
    subtitle.subtitle_like = True
    before = make_segment([head("老街食堂开张"), unit("老街食堂开张，居民说美好未来就在眼前，美好未来要靠大家共创，美好未来可期。")], 0.0)
    after = make_segment(
        [head("携手奋进，共创江州", strong=False), head("美好未来", strong=False), subtitle, unit("新年伊始，江州各界纷纷表示，要抓住机遇加快发展。")], 0.0
    )
    assert untangled([before, after])[1][:3] == ["携手奋进，共创江州", "美好未来", subtitle.text]


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
        unit("热烈真挚的爱乡之情在全市涌动。"),
        head("感受巨变  情系桑梓", strong=False),
        unit("别开生面的活动在各区上演。"),
    ]
    joined = join_intertitle_series([make_segment(first, 0.0), make_segment(second, 0.0)])
    assert len(joined) == 1


def test_a_dash_led_subtitle_closes_the_stack_above_it_even_next_to_a_photo() -> None:
    """"——论……" under a commentary's trailing title is that title's
    subtitle, even where it shares words with the caption of the photo
    headed by the next line: no stack, not even a photo's, opens with a
    dash."""
    subtitle = head("——论学习贯彻江州市委全会文件汇编精神", strong=False)
    subtitle.dash_led = True
    subtitle.caption_sim = 0.3
    photo_title = head("《江州市委全会文件汇编》出版", strong=False)
    photo_title.caption_sim = 0.5
    items = [
        unit("读书要读懂原文，学习要学深一层，学以致用，知行合一。"),
        unit("把所学所悟化为推动发展的实际行动，是每一名干部的责任。"),
        head("把所学所悟化为发展实效"),
        subtitle,
        photo_title,
        Item(kind=GAP, rows=[]),
        unit("江州讯 今年全市粮食再获丰收，总产量创历史新高。"),
    ]
    items[-1].hard_start = True
    cut = segment(items)
    assert cut[0][-2:] == [items[2].text, subtitle.text]
    assert cut[1][0] == photo_title.text


def test_a_plain_headline_line_over_a_dateline_heads_a_report_however_alike_the_two() -> None:
    """Two letters of congratulation printed one under the other share
    most of their words, but the plain line over the second one's dateline
    is its headline, not an intertitle of the first: sections of one text
    go on without a new dateline."""
    items = [
        head("市长向江州读书节致贺信", strong=False),
        unit("江州讯 第三届江州读书节今天在市图书馆开幕，市长向读书节致贺信。市长指出，读书让城市更有温度。"),
        unit("市长强调，要把读书节办成市民的节日，让书香飘满老街新区。"),
        head("市长向江州科技周致贺信", strong=False),
        unit("江州讯 第三届江州科技周今天在会展中心开幕，市长向科技周致贺信。市长指出，创新是城市发展的动力。"),
        unit("市长强调，要让更多青少年走近科学，培养创新人才。"),
    ]
    items[1].hard_start = items[4].hard_start = True
    assert segment(items) == [[it.text for it in items[:3]], [it.text for it in items[3:]]]


def test_text_opening_in_the_column_heads_a_report_but_a_wide_photo_story_does_not() -> None:
    def opening(width: float, from_jump: bool = False) -> Item:
        row = Row(text="江州讯 第三届江州读书节今天开幕。", lines=[0], width=width, measure=11.0)
        return Item(kind=UNIT, rows=[row], hard_start=True, from_jump=from_jump)

    assert heads_a_report(opening(11.0))
    assert not heads_a_report(opening(35.0))
    assert not heads_a_report(opening(11.0, from_jump=True))
    assert not heads_a_report(unit("读书让城市更有温度。"))


def test_a_headline_line_above_a_kicker_closes_the_text_before() -> None:
    """A kicker ("……时强调") tops its stack, so the plain line printed over
    it is the trailing headline of the text before."""
    kicker = head("市长会见江州劳动模范代表时强调", strong=False)
    kicker.kicker_like = True
    items = [
        unit("电站建成后，山村家家户户用上了电，孩子们晚上也能在灯下读书。"),
        unit("村民们说，有了电，日子就有了奔头。"),
        head("“有电就有好日子”", strong=False),
        kicker,
        head("弘扬劳模精神 建功江州发展", strong=False),
        unit("江州讯 市长今天会见江州劳动模范代表，向劳模们致以节日问候。市长强调，要弘扬劳模精神。"),
        unit("劳模代表表示，将立足岗位，为江州发展多作贡献。"),
    ]
    items[5].hard_start = True
    assert segment(items) == [[it.text for it in items[:3]], [it.text for it in items[3:]]]


def test_a_kicker_wrapped_or_over_another_kicker_line_is_no_line_over_a_kicker() -> None:
    first = head("就江州建市七十周年", strong=False)
    first.kicker_like = True
    second = head("市长在庆祝大会上强调", strong=False)
    second.kicker_like = True
    title = head("携手共创江州美好未来")
    assert not line_over_kicker([first, second, title])
    assert line_over_kicker([title, second])


def test_a_photo_storys_short_text_before_its_caption_takes_the_headline_after_it() -> None:
    """A photo story prints a few lines of text, "图为……" and the credit,
    then its headline: the headline heads the text too.  A long text
    before a caption keeps apart from the photo's headline."""
    story = make_segment([unit("江州老街的年货集市开市了，街坊们赶来置办年货。"), Item(kind=GAP, rows=[])], 0.0)
    alone = make_segment([head("赶大集 过大年", strong=False)], 0.0)
    joined = join_headlines_to_headless([story, alone])
    assert len(joined) == 1 and [it.text for it in joined[0].trail][-1] == "赶大集 过大年"
    long_text = make_segment([unit("老街改造今天完工。" * 40), Item(kind=GAP, rows=[])], 0.0)
    assert len(join_headlines_to_headless([long_text, alone])) == 2


def test_a_headline_line_never_moves_above_another_articles_kicker() -> None:
    """A stack's kicker tops it: a line of a neighbouring stack that shares
    words with that article's text stays where it was printed rather than
    land above the kicker."""
    kicker = head("市长在江州站察看节日客运时强调", strong=False)
    kicker.kicker_like = True
    first = make_segment([unit("江州站今天发送旅客两万人次，车站增开临客。"), head("加强服务 保障出行", strong=False), head("春运首日江州客流平稳", strong=False)], 0.0)
    second = make_segment([kicker, head("让旅客平安出行温馨回家", strong=False), unit("市长今天到江州站察看节日客运，要求加强服务，保障旅客平安出行，让旅客温馨回家。")], 0.0)
    assert untangled([first, second])[1][:2] == [kicker.text, "让旅客平安出行温馨回家"]


def test_the_line_over_a_column_tags_line_stays_with_the_title_the_tag_closes() -> None:
    """"……第一线" / "高高飘扬（来自……" is one title wrapped over two lines,
    closed by its column tag: its first line does not move to a
    neighbouring article whose text it matches."""
    before = make_segment([head("老街食堂香飘四邻"), unit("社区食堂是老人的第二个家。社区食堂开在老街口，老人们说，社区食堂就是第二个家。")], 0.0)
    after = make_segment(
        [head("社区食堂老人第二个家", strong=False), head("让助餐点遍布全城（民生观察）", strong=False), unit("江州市今年新建五十个助餐点，覆盖全部街道。")], 0.0
    )
    assert untangled([before, after])[1][:2] == ["社区食堂老人第二个家", "让助餐点遍布全城（民生观察）"]


def test_a_line_opening_a_column_tag() -> None:
    assert opens_a_tag("高高飘扬（来自一线的")
    assert opens_a_tag("办好食堂（民生观察）")
    assert not opens_a_tag("（2024年3月5日）")
    assert not opens_a_tag("让老人在家门口")


def test_headline_lines_inside_a_datelined_report_without_headline_head_texts_cut_apart() -> None:
    """A report under a dateline printed without its headline, then three
    plain headline lines and a text about something else: intertitles
    divide a headed article, so the lines are the report's headline printed
    after it and the next text's, not intertitles of one long report."""
    report = unit("本报江州3月5日电 去年江州港装卸货物三亿吨，集装箱装卸时间进一步缩短，船公司办事更加便利。")
    report.hard_start = True
    items = [
        report,
        unit("港口推广网上预约，船舶进港不用排长队，装卸时间比前年缩短一半。"),
        head("江州港吞吐量突破三亿吨", strong=False),
        head("集装箱装卸时间缩短一半", strong=False),
        head("老街食堂办进了居民心坎里", strong=False),
        unit("社区把闲置门面改成便民食堂，老人们吃上热乎饭，去年接待老人三万人次。"),
        unit("食堂开张三个月，每天接待老人两百多人次，年轻人也常来歇歇脚。"),
    ]
    cut = segment(items)
    assert [len(seg) for seg in cut] == [4, 3]


def test_the_wrapped_end_of_a_subtitle_stays_under_it() -> None:
    """"——……坚决" / "打赢老城保护攻坚战": the second line finishes the
    subtitle, even where its words fill the text of another article."""
    subtitle = head("——全市各区抓紧落实老城保护的各项任务坚决", strong=False)
    subtitle.dash_led = subtitle.subtitle_like = True
    before = make_segment([head("市政府印发通知部署老城保护"), unit("通知要求，各区要坚决打赢老城保护攻坚战，打赢老城保护攻坚战要靠全市上下齐心。")], 0.0)
    after = make_segment(
        [head("老街新生 古城焕彩"), subtitle, head("打赢老城保护攻坚战", strong=False), unit("新年伊始，各区纷纷召开会议，街坊们说老街又热闹起来了。")], 0.0
    )
    assert untangled([before, after])[1][:3] == ["老街新生 古城焕彩", subtitle.text, "打赢老城保护攻坚战"]


def test_a_headline_line_after_a_documents_title_heads_the_next_article() -> None:
    """"关于……的通知" ends its stack; "让老街在老城保护中留住乡愁" under it,
    a commentary's title, heads the text after it, even where the notice
    uses its words more."""
    items = [
        unit(
            "江州讯 市政府近日印发《关于做好老城保护工作的通知》，要求各区在老城保护工作中让老街留住乡愁，"
            "把老街保护好。通知要求各区年底前完成老街普查，留住老街的乡愁。"
        ),
        head("市政府印发", strong=False),
        head("关于做好老城保护工作的通知"),
        head("让老街在老城保护中留住乡愁", strong=False),
        unit("老街是城市的记忆。让老街留住乡愁，就要把老房子修好，把老手艺传下去，让老街坊住得舒心。让老街留住乡愁，还要让年轻人愿意回来。"),
    ]
    items[0].hard_start = True
    assert [len(seg) for seg in segment(items)] == [3, 2]


def notice_and_feature(second: str) -> list[Item]:
    notice = unit("江州讯 市政府昨天发布关于老街交通管理的通告。全文如下：")
    notice.hard_start = True
    return [
        head("江州发布老街交通管理通告"),
        notice,
        unit(second),
        unit("清晨的老街，早点铺里飘出阵阵香气，街坊们端着碗坐在门口聊天。"),
        unit("早点铺的老板说，这门手艺传了三代，街坊们吃了几十年。"),
        head("老街的早点铺", strong=False),
    ]


def test_a_paragraph_ending_on_a_colon_goes_on_with_the_next() -> None:
    """"……全文如下：" announces the text after it: the notice's points stay
    with it even where they share words with the next article."""
    items = notice_and_feature("一、老街全天禁止机动车通行。二、街坊们的车辆凭证出入。")
    assert [len(seg) for seg in segment(items)] == [3, 3]


def test_parallel_points_and_their_lead_in_stay_one_text() -> None:
    """"抓好……" / "抓好……" / "抓好……": points laid out in parallel
    paragraphs, and the paragraph introducing them, are one text; the
    feature printed after them, headed by a headline printed after its
    body, begins where they end."""
    report = unit("江州讯 市政府昨天召开全市老城改造工作会议，部署今年的重点工作。")
    report.hard_start = True
    items = [
        head("江州部署老城改造工作"),
        report,
        unit("会议要求，今年全市要把老城改造摆在第一位。"),
        unit("抓好规划编制，年内完成十二条老街的改造方案。"),
        unit("抓好资金保障，市里拿出三亿元用于老街修缮。"),
        unit("抓好队伍建设，每条老街配齐一名街长。"),
        unit("清晨的老街，早点铺里飘出阵阵香气，街坊们端着碗坐在门口聊天。"),
        unit("早点铺的老板说，这门手艺传了三代，街坊们吃了几十年。"),
        head("老街的早点铺", strong=False),
    ]
    assert [len(seg) for seg in segment(items)] == [6, 3]


def test_a_brief_and_the_report_after_it_share_one_headline() -> None:
    """"新华社……电 外事办公室发言人宣布……" in one paragraph, then "本报……电
    ……": a report follows the brief announcing it, under the headline
    printed after both, though the two share few words."""
    brief = unit("新华社江州3月4日电 外事办公室发言人宣布：应市长邀请，多国贵宾近日来访。")
    report = unit("本报江州3月5日电 江州国际友好城市论坛今天开幕，来自二十个国家的市长出席论坛。")
    brief.hard_start = report.hard_start = True
    items = [brief, report, unit("论坛期间，各国市长将参观江州老城，并就城市治理交换意见。"), head("江州国际友好城市论坛开幕")]
    assert [len(seg) for seg in segment(items)] == [4]


def test_a_short_continued_part_reprints_its_headline_after_it() -> None:
    """"（上接第1版）……" in a few lines, then its headline set plain in the
    column: the headline the part reprints, not an intertitle running the
    part on into the next article."""
    part = unit("（上接第1版）老街两旁的店铺也陆续开张，街坊们说，老街又热闹起来了。")
    part.hard_start = part.from_jump = True
    items = [
        part,
        head("江州老街焕新颜", strong=False),
        unit("今年以来，江州港装卸的货物稳步增长，一季度同比增长一成。"),
        unit("港口负责人介绍，新建的两个泊位投入使用后，船舶等候时间明显缩短。"),
        head("江州港装卸货物稳步增长"),
    ]
    assert [len(seg) for seg in segment(items)] == [2, 3]


def test_a_plain_headline_after_a_continued_part_that_shares_nothing_with_it_heads_the_next_text() -> None:
    """The headline a continued part reprints is its own: one that shares
    no word with the part, over a report about what it names, heads that
    report (the extractor printed this page's headlines before their
    texts)."""
    part = unit("（上接第1版）大桥建设历时四年，先后攻克深水基础施工等多项技术难题。市交通部门表示，大桥通车后将开通跨江公交。")
    part.hard_start = part.from_jump = True
    report = unit("本报讯（记者吴佳）本周全市蔬菜、猪肉等主要副食品价格稳中有降，部分叶菜价格略有下降。")
    report.hard_start = True
    items = [part, head("菜篮子价格稳中有降", strong=False), report]
    assert [len(seg) for seg in segment(items)] == [1, 2]


def test_a_plain_line_naming_a_document_heads_the_document_under_it() -> None:
    """"……联合声明" set plain under a report on the same meeting: no
    intertitle names a document, so it heads the statement printed under
    it, not a section of the report."""
    items = [
        head("江州友城论坛开幕"),
        unit("江州讯 江州国际友好城市论坛今天开幕，二十国市长出席。"),
        unit("论坛期间，两市代表参观了老街。"),
        head("江州市和友好城市联合声明", strong=False),
        unit("一、两市同意在老城保护方面开展合作。"),
        unit("二、两市将互派代表团。"),
    ]
    assert [len(seg) for seg in segment(items)] == [3, 3]


def kicker_case(kicker: str) -> tuple[list[Segment], list[Segment]]:
    """A kicker's box printed above another article's text, its title
    further down over the text it heads."""
    floating = [head(kicker, strong=False)]
    other = [head("老街早餐铺坐满了人"), unit("本报讯 清晨六点，老街的早餐铺已经坐满了人，社区食堂也开门了。")]
    titled = [head("三座污水处理厂同日开工"), unit("本报讯 市长王明在江州考察时强调，要加快建设污水处理厂，王明还察看了施工现场。")]
    items = [*floating, *other, *titled]
    for it in items:
        it.kicker_like = it.text.endswith("强调")
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    articles = [make_segment(other, 0.0), make_segment(titled, 0.0)]
    left = give_kickers_to_titles([make_segment(floating, 0.0)], articles, vocab, {id(it): k for k, it in enumerate(items)})
    return left, articles


def test_a_kicker_printed_apart_from_its_title_heads_the_article_it_names() -> None:
    left, (other, titled) = kicker_case("市长王明在江州考察时强调")
    assert left == []
    assert [it.text for it in titled.lead] == ["市长王明在江州考察时强调", "三座污水处理厂同日开工"]
    assert [it.text for it in other.lead] == ["老街早餐铺坐满了人"]


def test_a_kicker_naming_no_article_stays_apart() -> None:
    left, (_other, titled) = kicker_case("省长李华在湖州调研时强调")
    assert len(left) == 1
    assert [it.text for it in titled.lead] == ["三座污水处理厂同日开工"]


# --- two stacks printed together ---------------------------------------------------------

LIBRARY = [
    "江州图书馆新馆今天正式开馆。新馆共有六层，藏书八十万册，设有少儿阅览区、古籍阅览室和二十四小时自习区，读者凭身份证就能借书。",
    "开馆第一天，图书馆迎来了三千多名读者。不少家长带着孩子来到少儿阅览区，挑选绘本和科普读物，自习区的座位一早就坐满了。",
    "图书馆负责人介绍，新馆还将开设古籍修复体验课和读书沙龙，每个周末都有面向市民的公益讲座，让图书馆成为市民身边的书房。",
    "为了方便上班族，新馆工作日开放到晚上九点，还在城东和城西设了两个还书点，读者借的书可以就近归还。",
]


def _stacks_over(paragraphs: list[str]) -> Segment:
    """HARVEST's title and dash-led subtitle, the library's title printed
    after them, over the harvest report and then ``paragraphs``."""
    subtitle = head(HARVEST.subtitle, strong=False)
    subtitle.dash_led = True
    lead = [head(HARVEST.title), subtitle, head("江州图书馆新馆开馆")]
    units = [Item(kind=UNIT, rows=[Row(text=t, lines=[0], part=FIRST)]) for t in HARVEST.paragraphs + paragraphs]
    for it in lead + units:
        index_grams(it)
    return make_segment(lead + units, 0.0)


def test_a_title_printed_after_a_subtitle_heads_the_text_that_speaks_of_it() -> None:
    """A subtitle is the lowest line of its stack: a title printed after it
    is another article's, and the text is cut where it turns to that one."""
    seg = _stacks_over(LIBRARY)
    vocab = Vocabulary(u.grams for u in seg.units)
    first, second = split_two_stacks([seg], vocab)
    assert [it.text for it in first.lead] == [HARVEST.title, HARVEST.subtitle]
    assert [u.text for u in first.units] == HARVEST.paragraphs
    assert [it.text for it in second.lead] == ["江州图书馆新馆开馆"]
    assert [u.text for u in second.units] == LIBRARY


def test_two_stacks_over_a_text_that_never_turns_stay_one_segment() -> None:
    # The text after the harvest report still speaks of the harvest.
    seg = _stacks_over(HARVEST.paragraphs[:2])
    vocab = Vocabulary(u.grams for u in seg.units)
    assert split_two_stacks([seg], vocab) == [seg]


def test_a_headline_line_of_one_character_is_no_evidence_of_its_text() -> None:
    """"当" printed alone (the stray end of a wrapped intertitle, "……大国担"
    / "当") occurs in almost any text: it earns nothing as a headline line
    or an intertitle, while a line with a word in it does."""
    items = [
        unit("社区把闲置的门面改成了便民食堂，当天就有老人来吃午饭。"),
        head("当", strong=False),
        head("便民食堂", strong=False),
        unit("便民食堂的饭菜比外面便宜，老人们当场就办了饭卡。"),
    ]
    for it in items:
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    index_flow_windows([it for it in items if it.kind == UNIT], vocab)
    index_intertitle_similarity(items, vocab)
    stray, word = items[1], items[2]
    assert not tells_vocabulary(stray) and tells_vocabulary(word)
    assert stray.local_sim == 0.0 < word.local_sim
    page = PageFeatures(items, vocab, C_WEAK_HEADLINE)
    for k in range(len(items)):
        page.see_unit(k)
    assert page.shared_with_body(1, 0) == 0.0 < page.shared_with_body(2, 0)
