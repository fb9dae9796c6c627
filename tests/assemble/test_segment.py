"""Cutting a page's flow of text units and headline lines into articles."""

from __future__ import annotations

import sys
from pathlib import Path

from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.rows import Row
from jianbao.assemble.segment import (
    C_WEAK_HEADLINE,
    GAP,
    UNIT,
    Item,
    PageFeatures,
    heads_a_report,
    index_flow_windows,
    index_grams,
    index_intertitle_similarity,
    line_over_kicker,
    tells_vocabulary,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from segment_items import head, segment, unit  # noqa: E402


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


def test_key_points_in_a_bullet_list_above_a_dateline_belong_to_its_text() -> None:
    points = Item(kind=UNIT, rows=[Row(text="■ 两万名跑者沿江奔跑，赛道沿途设有十个补给站。", lines=[0])], bulleted=True)
    report = Item(
        kind=UNIT,
        rows=[Row(text="本报江州3月2日电 昨天，江州马拉松鸣枪开跑，两万名跑者沿江奔跑，终点设在江州体育中心。", lines=[0])],
        hard_start=True,
    )
    items = [points, report, head("江州马拉松鸣枪开跑")]
    assert segment(items) == [[it.text for it in items]]


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
