"""Headline lines and texts regrouped after the cut."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.paragraphs import FIRST, LAST, MID, SINGLE
from jianbao.assemble.regroup import (
    give_dates_to_documents,
    give_heads_to_headless,
    give_stacks_to_headless_texts,
    give_stacks_to_the_texts_they_name,
    give_kickers_to_titles,
    give_titles_to_continued_parts,
    join_headless_parts,
    join_headlines_to_headless,
    lead_with_the_stacks_before,
    opens_a_tag,
    return_columns_printed_after_the_next,
    return_paragraphs_printed_under_the_next,
    second_stack_opening,
    split_paired_reports,
    split_two_stacks,
    untangle_heads,
)
from jianbao.assemble.rows import Row
from jianbao.assemble.segment import GAP, UNIT, Item, Segment, index_grams, make_segment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from compose_text import HARVEST  # noqa: E402
from segment_items import byline, continued, head, unit  # noqa: E402


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


def indexed_vocabulary(segments: list[Segment]) -> Vocabulary:
    """The vocabulary of the segments' texts, their items' grams indexed."""
    items = [it for seg in segments for it in seg.items]
    for it in items:
        index_grams(it)
    return Vocabulary(it.grams for it in items if it.kind == UNIT)


def regrouped(segments: list[Segment], step: Callable[[list[Segment], Vocabulary, dict[int, int]], None]) -> list[list[str]]:
    """The texts of ``segments`` after the regrouping ``step``."""
    vocab = indexed_vocabulary(segments)
    items = [it for seg in segments for it in seg.items]
    step(segments, vocab, {id(it): k for k, it in enumerate(items)})
    return [[it.text for it in seg.items] for seg in segments]


def rebuilt(segments: list[Segment], step: Callable[[list[Segment], Vocabulary], list[Segment]]) -> list[list[str]]:
    """The texts of the segments a regrouping ``step`` returns."""
    return [[it.text for it in seg.items] for seg in step(segments, indexed_vocabulary(segments))]


def untangled(segments: list[Segment]) -> list[list[str]]:
    return regrouped(segments, untangle_heads)


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


def test_a_line_as_long_as_the_title_printed_over_its_subtitle_goes_to_the_text_it_names() -> None:
    """Two stacks printed on the same rows: the meeting's title landed
    between the bridge's title and its subtitle.  It is no wrapped end of
    the title over it (it is as long), and it names the meeting."""
    subtitle = head("——两岸乡亲盼来通途", strong=False)
    subtitle.subtitle_like = True
    bridge = make_segment(
        [head("江州青石河大桥今天合龙通车"), head("市长会见友好城市代表团", strong=False), subtitle, unit("本报讯 青石河大桥今天合龙，两岸乡亲盼了多年的通途就要建成。")], 0.0
    )
    meeting = make_segment([head("宾主就友好城市合作交换意见", strong=False), unit("市长今天会见友好城市代表团，双方就友好城市合作交换意见，代表团团长感谢市长会见。")], 0.0)
    bridge_items, meeting_items = untangled([bridge, meeting])
    assert bridge_items[:2] == ["江州青石河大桥今天合龙通车", subtitle.text]
    assert meeting_items[:2] == ["市长会见友好城市代表团", "宾主就友好城市合作交换意见"]


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


def test_a_kicker_stays_over_its_title_rather_than_head_a_text_alone() -> None:
    """"……时强调" announces the title printed under it: it does not leave
    for a neighbouring text it names, where it would be the whole stack."""
    kicker = head("市长在江州新区调研时强调", strong=False)
    kicker.kicker_like = True
    stack = make_segment([kicker, head("让新区的路灯早点亮起来", strong=False), unit("老街的集市上，摊主们忙着招呼客人，年货摆满了货架。")], 0.0)
    report = make_segment([unit("本报江州1月2日电 市长在江州新区调研时强调，新区建设要快，民生工程要实。")], 0.0)
    assert untangled([stack, report])[0][:2] == [kicker.text, "让新区的路灯早点亮起来"]


def stacks_given(segments: list[Segment]) -> list[list[str]]:
    return regrouped(segments, give_stacks_to_the_texts_they_name)


def test_a_stack_over_a_text_it_does_not_name_heads_the_headless_text_after_it_that_it_does() -> None:
    """The extractor printed the rest of a feature from the page's top
    between the stack and its report: the whole stack, kicker and title,
    goes to the report it names.  A stack naming its own text stays."""
    kicker = head("市长在江州新区调研时强调", strong=False)
    kicker.kicker_like = True
    title = head("加快新区建设 建好江边步道", strong=False)
    feature = unit("老街的集市上，摊主们忙着招呼客人，年货摆满了货架，街坊们提着大包小包。")
    report = unit("本报江州1月2日电 市长今天到江州新区调研，察看新区建设，要求加快新区建设，建好江边步道。")
    moved = stacks_given([make_segment([kicker, title, feature], 0.0), make_segment([report], 0.0)])
    assert moved == [[feature.text], [kicker.text, title.text, report.text]]
    own = unit("江州新区今年开工建设学校和医院，市长在调研时强调加快新区建设，建好江边步道。")
    kept = stacks_given([make_segment([kicker, title, own], 0.0), make_segment([report], 0.0)])
    assert kept[0][:2] == [kicker.text, title.text]


def stacks_led(segments: list[Segment]) -> list[list[str]]:
    return rebuilt(segments, lead_with_the_stacks_before)


def test_a_stack_left_without_text_heads_the_text_after_it_and_passes_on_the_stack_that_text_ended_on() -> None:
    """Printed headline first, box by box: the visit's headline, its report,
    the editorial's stack and byline, a photo between, then the editorial.
    The cut gave the editorial's stack to the report as a trailing
    headline; each stack heads the text after it."""
    visit = head("市长会见江州龙舟队队员")
    report = unit("本报江州6月2日电 市长今天会见江州龙舟队队员，祝贺龙舟队在龙舟赛上夺得冠军，勉励队员再接再厉。")
    title = head("同舟共济 奋楫争先（社论）")
    signed = byline("本报评论员 林青")
    photo = head("江州新图书馆开馆")
    editorial = unit("一年又一年，江州人在江上奋楫争先，同舟共济的精神写在城市的历史里，也写在今天的奋斗里。")
    segments = [make_segment([visit], 0.0), make_segment([report, title, signed], 0.0), make_segment([photo], 0.0), make_segment([editorial], 0.0)]
    assert stacks_led(segments) == [[visit.text, report.text], [photo.text], [title.text, signed.text, editorial.text]]
    # A stack that names its own text clearly better than the next stays.
    own = head("勉励龙舟队员再接再厉")
    kept = [make_segment([visit], 0.0), make_segment([report, own, signed], 0.0), make_segment([editorial], 0.0)]
    assert stacks_led(kept)[1] == [report.text, own.text, signed.text]


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


def headless_case(*stack_lines: str) -> tuple[list[Segment], list[Segment]]:
    """A page where a text lost its stack: the stack and its byline were
    printed apart, over another article's headline."""
    stack = make_segment([head(stack_lines[0]), *(head(t) for t in stack_lines[1:]), byline("本报记者 王平")], 0.0)
    headless = make_segment([unit("说起江州老街，人们都知道是条老商街。城市更新让老街再出发，老字号回来了，游客也多了。")], 0.0)
    other = make_segment([head("江州青石河大桥合龙"), unit("本报讯 青石河大桥今天合龙，两岸乡亲盼来通途。")], 0.0)
    items = [it for seg in (stack, headless, other) for it in seg.items]
    for it in items:
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    return give_stacks_to_headless_texts([stack], [headless, other], vocab)


def test_a_stack_left_without_text_heads_the_headless_text_it_names() -> None:
    articles, left = headless_case("江州老街再出发（城市更新·江州篇）")
    assert left == []
    assert [it.text for it in articles[0].lead] == ["江州老街再出发（城市更新·江州篇）", "本报记者 王平"]
    assert [it.text for it in articles[1].lead] == ["江州青石河大桥合龙"]


def test_a_stack_naming_no_headless_text_stays_apart() -> None:
    articles, left = headless_case("湖州港口吞吐量创新高")
    assert len(left) == 1
    assert articles[0].lead == []


def test_a_documents_date_printed_apart_goes_under_the_title_of_the_undated_document() -> None:
    """A text-box extractor printed the opinion's date after the greeting
    letter's text: it goes under the opinion's title, not the letter's
    (a letter is dated under its signature)."""
    letter = make_segment([head("市长向江州国际茶叶博览会致贺信"), unit("本报讯 江州国际茶叶博览会今天开幕，市长致贺信。")], 0.0)
    opinion = make_segment([head("江州市关于推进老街保护利用的意见"), unit("老街是城市的记忆。为做好老街保护利用工作，提出如下意见。")], 0.0)
    date = make_segment([head("（二〇二四年三月五日）")], 0.0)
    assert give_dates_to_documents([date], [letter, opinion]) == []
    assert [it.text for it in opinion.lead] == ["江州市关于推进老街保护利用的意见", "（二〇二四年三月五日）"]
    assert [it.text for it in opinion.items][:2] == ["江州市关于推进老街保护利用的意见", "（二〇二四年三月五日）"]


def test_a_documents_date_stays_apart_where_two_documents_could_take_it() -> None:
    first = make_segment([head("江州市关于推进老街保护利用的意见"), unit("老街是城市的记忆。")], 0.0)
    second = make_segment([head("江州市人民政府关于表彰先进集体的决定"), unit("一年来，全市涌现出一批先进集体。")], 0.0)
    date = make_segment([head("（2024年3月5日）")], 0.0)
    assert len(give_dates_to_documents([date], [first, second])) == 1
    assert [it.text for it in first.lead] == ["江州市关于推进老街保护利用的意见"]


def test_a_kicker_printed_inside_its_articles_text_goes_over_its_title() -> None:
    """A layout extractor cut the kicker centred over the columns into the
    text under its title: it goes back over the title, not under it."""
    kicker = head("市长王明在江州考察时强调", strong=False)
    title = head("三座污水处理厂同日开工")
    first = unit("本报讯 市长王明日前在江州考察，察看了三座污水处理厂的施工现场。")
    second = unit("王明强调，要加快建设污水处理厂，让江州的河水更清。")
    items = [title, first, kicker, second]
    for it in items:
        it.kicker_like = it is kicker
        index_grams(it)
    vocab = Vocabulary(it.grams for it in items if it.kind == UNIT)
    article = make_segment([title, first, second], 0.0)
    order = {id(it): k for k, it in enumerate(items)}
    assert give_kickers_to_titles([make_segment([kicker], 0.0)], [article], vocab, order) == []
    assert [it.text for it in article.lead] == [kicker.text, title.text]
    piece = head("加快建设污水处理厂”——", strong=False)
    index_grams(piece)
    order[id(piece)] = order.pop(id(kicker))
    assert len(give_kickers_to_titles([make_segment([piece], 0.0)], [make_segment([title, first, second], 0.0)], vocab, order)) == 1


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


def test_a_title_closed_by_a_column_tag_after_a_kicker_and_its_title_heads_another_text() -> None:
    """"市长签署第3号政府令" / "公布《江州市……办法》" / "……（江州论坛）": a
    column tag closes a title, never a subtitle, so the tagged line is a
    second article's title; without the kicker the lines over it may be
    its own kicker printed in two lines and the stack stays whole."""
    kicker = head("市长签署第3号政府令", strong=False)
    kicker.kicker_like = True
    order_title = head("公布《江州市河道管理办法》", strong=False)
    tagged = head("让图书馆成为市民身边的书房（江州论坛）", strong=False)
    decree = [
        "本报江州1月2日电 市长日前签署第3号政府令，公布《江州市河道管理办法》，办法自3月1日起施行。",
        "办法规定，河道管理由市水利部门负责实施，河道管理办法施行后，原有的河道管理规定同时废止。",
        "办法明确，河道两岸五十米内不得新建住宅，河道沿线的排污口由水利部门统一登记，每年向社会公布河道水质，接受市民监督。",
        "市水利部门负责人介绍，全市河道总长一千二百公里，办法施行后，每条河道都将设立河长，定期巡查河道，有事马上处理。",
    ]
    units = [Item(kind=UNIT, rows=[Row(text=t, lines=[0], part=FIRST)]) for t in decree + LIBRARY]
    items = [kicker, order_title, tagged, *units]
    for it in items:
        index_grams(it)
    vocab = Vocabulary(u.grams for u in units)
    first, second = split_two_stacks([make_segment(items, 0.0)], vocab)
    assert [it.text for it in first.lead] == [kicker.text, order_title.text]
    assert [u.text for u in second.units] == LIBRARY
    kicker.kicker_like = False
    assert len(split_two_stacks([make_segment(items, 0.0)], vocab)) == 1


def parts_joined(segments: list[Segment]) -> list[list[str]]:
    return rebuilt(segments, join_headless_parts)


BRIDGE_HEAD = "江州大桥今天建成通车"
BRIDGE_TEXT = "江州大桥全长三公里，连接江南江北两岸。大桥通车后，两岸往来由一小时缩短到十分钟。"
CANTEEN_HEAD = "老街社区食堂开张"
CANTEEN_TEXT = "老街社区食堂今天开张，老人们在家门口吃上了热乎饭，食堂的菜价比外面低一些。"


def test_a_text_without_headline_joins_the_one_article_it_reads_like() -> None:
    """Text boxes printed out of order: the report's datelined opening,
    printed apart, goes before its text under its headline; a later part
    goes after it."""
    opening = unit("本报江州1月2日电 江州大桥今天建成通车，大桥连接江南江北两岸，全长三公里。")
    opening.hard_start = True
    bridge = [head(BRIDGE_HEAD), unit(BRIDGE_TEXT)]
    canteen = [head(CANTEEN_HEAD), unit(CANTEEN_TEXT)]
    joined = parts_joined([make_segment(bridge, 0.0), make_segment(canteen, 0.0), make_segment([opening], 0.0)])
    assert joined == [[BRIDGE_HEAD, opening.text, BRIDGE_TEXT], [CANTEEN_HEAD, CANTEEN_TEXT]]
    later = unit("大桥通车后，江南江北两岸往来更方便，两岸市民在大桥上观赏江景。")
    joined = parts_joined([make_segment(bridge, 0.0), make_segment([later], 0.0), make_segment(canteen, 0.0)])
    assert joined == [[BRIDGE_HEAD, BRIDGE_TEXT, later.text], [CANTEEN_HEAD, CANTEEN_TEXT]]


def two_line_unit(body: str, first: str, last: str) -> Item:
    """A text unit printed on two lines: its first ten characters, then the rest."""
    item = unit(body)
    item.rows = [Row(text=body[:10], lines=[0], part=first), Row(text=body[10:], lines=[1], part=last)]
    return item


def joined_after(bridge: list[Item], canteen: list[Item], part: Item) -> list[list[str]]:
    """The two articles and a headless ``part`` printed after them, regrouped."""
    return parts_joined([make_segment(bridge, 0.0), make_segment(canteen, 0.0), make_segment([part], 0.0)])


def test_a_text_opening_mid_sentence_finishes_the_one_text_broken_off() -> None:
    """A box printed away from its column: it opens on the end of a
    sentence, and one article's text alone breaks off mid-sentence."""
    bridge = [head(BRIDGE_HEAD), two_line_unit("江州大桥全长三公里，连接江南江北两岸。大桥通车后，两岸往来由", FIRST, MID)]
    canteen = [head(CANTEEN_HEAD), two_line_unit(CANTEEN_TEXT, FIRST, LAST)]
    rest = two_line_unit("一小时缩短到十分钟。", SINGLE, SINGLE)
    joined = joined_after(bridge, canteen, rest)
    assert joined == [[BRIDGE_HEAD, bridge[1].text, rest.text], [CANTEEN_HEAD, CANTEEN_TEXT]]
    rest.rows[0].indent = True  # a paragraph of its own
    assert len(joined_after(bridge, canteen, rest)) == 3
    rest.rows[0].indent = False
    canteen[1].rows[-1].part = MID  # two texts broken off: which one it finishes is not told
    assert len(joined_after(bridge, canteen, rest)) == 3


def test_a_box_opening_on_a_sentences_last_words_finishes_the_one_text_broken_off() -> None:
    """"小时。老街……" read as a paragraph's opening line: no paragraph opens
    on a sentence of a word or two, so the box finishes the text broken
    off on "……缩短到一"; one opening on a sentence of its own stays apart."""
    bridge = [head(BRIDGE_HEAD), two_line_unit("江州大桥全长三公里，连接江南江北两岸。大桥通车后，两岸往来缩短到一", FIRST, MID)]
    canteen = [head(CANTEEN_HEAD), two_line_unit(CANTEEN_TEXT, FIRST, LAST)]
    rest = two_line_unit("小时。老街的居民说，过江再也不用绕远路了。", FIRST, LAST)
    joined = joined_after(bridge, canteen, rest)
    assert joined == [[BRIDGE_HEAD, bridge[1].text, rest.text], [CANTEEN_HEAD, CANTEEN_TEXT]]
    own = two_line_unit("老街的居民说，过江再也不用绕远路了。", FIRST, LAST)
    assert len(joined_after(bridge, canteen, own)) == 3


def test_a_text_without_headline_that_reads_like_no_one_article_stays_apart() -> None:
    bridge = make_segment([head(BRIDGE_HEAD), unit(BRIDGE_TEXT)], 0.0)
    canteen = make_segment([head(CANTEEN_HEAD), unit(CANTEEN_TEXT)], 0.0)
    both = make_segment([unit("江州大桥通车了，老街社区食堂也开张了，老人们说日子越过越方便。")], 0.0)
    assert len(parts_joined([bridge, canteen, both])) == 3
    continued_part = make_segment([continued("（上接第1版）江州大桥全长三公里，连接江南江北两岸。")], 0.0)
    assert len(parts_joined([bridge, canteen, continued_part])) == 3


def _paired_reports(kicker_text: str) -> tuple[Segment, Vocabulary]:
    """The library's stack ("江州图书馆新馆开馆" / a title that borrows the
    decree's words) and the decree's, whose kicker is ``kicker_text``,
    printed together over the library's text and the datelined decree."""
    library_kicker = head("江州图书馆新馆开馆", strong=False)
    library_title = head("河道两岸市民身边多了一间书房（文化观察）", strong=False)
    decree_kicker = head(kicker_text, strong=False)
    decree_kicker.kicker_like = True
    decree_title = head("公布《江州市河道管理办法》", strong=False)
    decree = [
        "本报江州1月2日电 市长日前签署第3号政府令，公布《江州市河道管理办法》，办法自3月1日起施行。",
        "办法明确，河道两岸五十米内不得新建住宅，河道沿线的排污口由水利部门统一登记，每年向社会公布河道水质，接受市民监督。",
    ]
    units = [unit(t) for t in LIBRARY + decree]
    units[len(LIBRARY)].hard_start = True
    items = [library_kicker, library_title, decree_kicker, decree_title, *units]
    for it in items:
        index_grams(it)
    return make_segment(items, 0.0), Vocabulary(u.grams for u in units)


def test_a_kicker_ending_on_a_dash_opens_the_second_of_two_stacks_printed_together() -> None:
    """A kicker ending on a dash leads into the title under it, so it tops
    its stack: the title printed before it, even one borrowing words of the
    other text, stays with the kicker over it and the text they name."""
    seg, vocab = _paired_reports("市长签署第3号政府令——")
    first, second = split_paired_reports([seg], vocab)
    assert [it.text for it in first.lead] == ["江州图书馆新馆开馆", "河道两岸市民身边多了一间书房（文化观察）"]
    assert [u.text for u in first.units] == LIBRARY
    assert [it.text for it in second.lead] == ["市长签署第3号政府令——", "公布《江州市河道管理办法》"]


def test_second_stack_opening() -> None:
    printed = [[head("江州图书馆新馆开馆")], [head("市民身边多了一间书房")], [head("市长签署第3号政府令——")], [head("公布办法")]]
    assert second_stack_opening(printed) == 2
    # A dash-ended kicker on top, or under another kicker, opens nothing new.
    assert second_stack_opening(printed[2:]) is None
    printed[1][0].kicker_like = True
    assert second_stack_opening(printed) is None


HARVEST_REPORT = [
    *HARVEST.paragraphs[:2],
    "眼下，东湖镇的稻田里一派繁忙景象，收割机、运粮车往来不停，预计再有十天，全镇万亩稻田就能全部收割完毕，新米月底前上市。",
]
LIBRARY_MORE = "图书馆还推出了线上借阅服务，市民在手机上就能预约图书，由快递送书上门，目前已有两万多名读者注册使用。"


def _library_then_harvest(library_text: list[str], harvest_text: list[str], step: Callable[[list[Segment], Vocabulary], list[Segment]]) -> list[Segment]:
    """The library's report under its title, then the harvest's under its
    own, one paragraph per unit, after the regrouping ``step``."""
    def paragraphs(texts: list[str]) -> list[Item]:
        return [Item(kind=UNIT, rows=[Row(text=t, lines=[0], part=FIRST)]) for t in texts]

    library = [head("江州图书馆新馆开馆"), *paragraphs(library_text)]
    harvest = [head(HARVEST.title), *paragraphs(harvest_text)]
    for it in library + harvest:
        index_grams(it)
    vocab = Vocabulary(it.grams for it in library + harvest if it.kind == UNIT)
    return step([make_segment(library, 0.0), make_segment(harvest, 0.0)], vocab)


def _after_the_harvest_report(tail: list[str]) -> list[Segment]:
    """The library's opening under its title, then the harvest report under
    its own title with ``tail`` printed after it, after the pass."""
    return _library_then_harvest(LIBRARY[:1], HARVEST_REPORT + tail, return_columns_printed_after_the_next)


def test_an_articles_last_columns_printed_after_the_next_text_go_back_to_it() -> None:
    """A box-order extractor printed the library's last columns after the
    harvest report beside it: they never speak of the harvest."""
    library, harvest = _after_the_harvest_report([*LIBRARY[1:], LIBRARY_MORE])
    assert [u.text for u in library.units] == [*LIBRARY, LIBRARY_MORE]
    assert [u.text for u in harvest.units] == HARVEST_REPORT


def test_a_texts_last_paragraphs_that_speak_of_its_own_headline_stay() -> None:
    tail = [
        "东湖镇万亩稻田今年全部种上了优质稻，镇里请来农技人员指导收割，稻田机收率超过九成，比去年提高了十多个百分点。",
        "种粮大户李德顺说，用上导航收割机以后，万亩稻田的收割时间缩短了一半，明年他还打算再流转五百亩稻田。",
    ]
    library, harvest = _after_the_harvest_report(tail)
    assert [u.text for u in library.units] == LIBRARY[:1]
    assert [u.text for u in harvest.units] == HARVEST_REPORT + tail


def _under_the_harvest_title(opening: list[str]) -> list[Segment]:
    """The library's report under its title, then ``opening`` and the
    harvest report under the harvest's title, after the pass."""
    return _library_then_harvest(LIBRARY, opening + HARVEST_REPORT, return_paragraphs_printed_under_the_next)


def test_an_articles_last_paragraph_printed_under_the_next_headline_goes_back_to_it() -> None:
    """A row-order extractor printed the foot of the library's last column
    after the harvest's title: it never speaks of the harvest."""
    foot = "新馆开馆后，图书馆还推出了线上借阅服务，市民在手机上就能预约图书馆的图书，由快递送书上门。"
    library, harvest = _under_the_harvest_title([foot])
    assert [u.text for u in library.units] == [*LIBRARY, foot]
    assert [u.text for u in harvest.units] == HARVEST_REPORT
    assert [it.text for it in harvest.lead] == [HARVEST.title]


def test_an_opening_that_speaks_of_its_own_headline_stays() -> None:
    opening = ["东湖镇万亩稻田今年全部种上了优质稻，图书馆的农技书籍帮了大忙，镇里请来农技人员指导收割。"]
    library, harvest = _under_the_harvest_title(opening)
    assert [u.text for u in library.units] == LIBRARY
    assert [u.text for u in harvest.units] == opening + HARVEST_REPORT
