"""Headline stacks: wrapped lines joined, then kicker / title / subtitle
given by emphasis (size, bold) or, without it, by wording."""

from __future__ import annotations

import pytest

from jianbao.assemble.headline import Stack, StackLine, breaks_mid_phrase, join_wrapped, split_stack


def stack(*lines: str | StackLine, measure: float | None = None) -> Stack:
    return split_stack([StackLine(ln) if isinstance(ln, str) else ln for ln in lines], measure)


def texts(lines: list[StackLine]) -> list[str]:
    return [ln.text for ln in lines]


# --- breaks_mid_phrase ------------------------------------------------------------


def test_a_line_stopping_on_a_function_word_runs_on() -> None:
    assert breaks_mid_phrase("全市首届农民运动会在", "江州开幕")


def test_a_line_stopping_inside_a_word_runs_on() -> None:
    # "开" / "幕": the break splits 开幕.
    assert breaks_mid_phrase("江州宣布艺术节开", "幕")


def test_a_line_leaving_a_book_title_mark_open_runs_on() -> None:
    assert breaks_mid_phrase("读《江州", "日报》")


def test_a_line_ending_on_a_whole_phrase_does_not_run_on() -> None:
    assert not breaks_mid_phrase("江州大桥建成通车", "市民踊跃参观")


def test_a_short_line_over_a_longer_one_is_no_wrap() -> None:
    """A wrapped line fills its measure before the rest runs over, so a line
    much shorter than the next is not its wrapped start, even on 在."""
    assert not breaks_mid_phrase("在", "江州大桥今天建成通车")


# --- join_wrapped -----------------------------------------------------------------


def test_a_very_short_line_under_a_long_one_is_its_wrapped_end() -> None:
    joined = join_wrapped([StackLine("江州大桥今天正式建成通车"), StackLine("好消息")])
    assert texts(joined) == ["江州大桥今天正式建成通车好消息"]


def test_a_wrap_after_a_function_word_is_joined_even_when_it_lost_its_bold() -> None:
    joined = join_wrapped([StackLine("全市首届农民运动会在", bold=True), StackLine("江州开幕")])
    assert texts(joined) == ["全市首届农民运动会在江州开幕"]
    assert joined[0].bold


def test_a_short_line_of_another_weight_is_not_a_wrap() -> None:
    joined = join_wrapped([StackLine("江州大桥今天正式建成通车", bold=True), StackLine("好消息")])
    assert texts(joined) == ["江州大桥今天正式建成通车", "好消息"]


def test_a_short_line_of_another_size_is_not_a_wrap() -> None:
    joined = join_wrapped([StackLine("江州大桥今天正式建成通车", size=30), StackLine("好消息", size=18)])
    assert texts(joined) == ["江州大桥今天正式建成通车", "好消息"]


def test_a_short_subtitle_is_not_a_wrap() -> None:
    joined = join_wrapped([StackLine("江州大桥今天正式建成通车"), StackLine("——记")])
    assert texts(joined) == ["江州大桥今天正式建成通车", "——记"]


def test_a_short_bracketed_line_is_not_a_wrap() -> None:
    joined = join_wrapped([StackLine("江州大桥今天建成通车"), StackLine("（上）")])
    assert texts(joined) == ["江州大桥今天建成通车", "（上）"]


def test_a_short_leader_line_is_not_a_wrap() -> None:
    joined = join_wrapped([StackLine("江州大桥今天建成通车"), StackLine("王某主持")])
    assert texts(joined) == ["江州大桥今天建成通车", "王某主持"]


def test_nothing_continues_a_kicker_ending_with_a_dash() -> None:
    joined = join_wrapped([StackLine("老人们的心里话说给你听——"), StackLine("好")])
    assert texts(joined) == ["老人们的心里话说给你听——", "好"]


def test_a_line_short_of_its_measure_did_not_wrap() -> None:
    """Only a line that fills the measure runs over onto the next."""
    lines = [StackLine("江州大桥今天正式建成通车"), StackLine("好消息")]
    assert texts(join_wrapped(lines, measure=20)) == ["江州大桥今天正式建成通车", "好消息"]


# --- split_stack: emphasis --------------------------------------------------------


def test_the_largest_lines_are_the_title_with_kicker_above_and_subtitle_below() -> None:
    found = stack(
        StackLine("守护一湖碧水", size=16), StackLine("江州大桥今天建成通车", size=30), StackLine("全长三公里多", size=18)
    )
    assert found == Stack(kicker="守护一湖碧水", title="江州大桥今天建成通车", subtitle="全长三公里多")


def test_size_outranks_bold() -> None:
    found = stack(StackLine("江州大桥建成通车", bold=True, size=20), StackLine("全长三公里", size=30))
    assert found == Stack(kicker="江州大桥建成通车", title="全长三公里")


def test_without_sizes_the_bold_lines_are_the_title() -> None:
    found = stack(
        StackLine("守护一湖碧水"),
        StackLine("江州大桥今天建成通车", bold=True),
        StackLine("两岸往来从此更便捷", bold=True),
        StackLine("总投资十亿元"),
    )
    assert found == Stack(kicker="守护一湖碧水", title="江州大桥今天建成通车 两岸往来从此更便捷", subtitle="总投资十亿元")


def test_the_bold_title_ends_above_a_dash_led_subtitle_whatever_follows() -> None:
    found = stack(StackLine("老城保护要久久为功", bold=True), "——论江州老街的新生", StackLine("江州老街图志出版", bold=True))
    assert found == Stack(title="老城保护要久久为功", subtitle="——论江州老街的新生 江州老街图志出版")


def test_sizes_within_half_a_point_are_one_size() -> None:
    found = stack(StackLine("江州大桥建成通车", size=30), StackLine("两岸往来更便捷", size=30.3))
    assert found == Stack(title="江州大桥建成通车 两岸往来更便捷")


# --- split_stack: wording ---------------------------------------------------------


def test_a_line_ending_with_a_reporting_verb_is_the_kicker() -> None:
    assert stack("市委书记在调研时强调", "扎实推进乡村振兴") == Stack(kicker="市委书记在调研时强调", title="扎实推进乡村振兴")


def test_a_line_opening_with_jiu_is_the_kicker() -> None:
    assert stack("就江州大桥建成通车", "市长答记者问") == Stack(kicker="就江州大桥建成通车", title="市长答记者问")


def test_a_line_ending_with_a_dash_is_the_kicker() -> None:
    assert stack("老人们的心里话——", "江州大桥建成通车") == Stack(kicker="老人们的心里话——", title="江州大桥建成通车")


def test_a_line_opening_with_a_dash_is_the_subtitle() -> None:
    assert stack("江州大桥建成通车", "——写在大桥通车之际") == Stack(title="江州大桥建成通车", subtitle="——写在大桥通车之际")


def test_a_bracketed_date_is_the_subtitle() -> None:
    assert stack("江州大桥建成通车", "（2023年10月8日）") == Stack(title="江州大桥建成通车", subtitle="（2023年10月8日）")


def test_a_last_line_naming_who_presided_is_the_subtitle() -> None:
    assert stack("全市经济工作会议召开", "王建国主持") == Stack(title="全市经济工作会议召开", subtitle="王建国主持")


def test_a_kicker_printed_under_its_title_goes_back_on_top() -> None:
    # Text boxes printed in their own order: the kicker's box came last.
    found = stack("老街为何留住了人？（城市更新观察①）", "改造三年游客翻番——")
    assert found == Stack(kicker="改造三年游客翻番——", title="老街为何留住了人？（城市更新观察①）")


def test_a_dash_ending_an_earlier_line_leaves_the_order_alone() -> None:
    found = stack("老人们的心里话——", "江州大桥建成通车", "两岸往来——")
    assert found.kicker == "老人们的心里话——"


def test_kicker_and_subtitle_cues_together_leave_the_title_between() -> None:
    found = stack("老人们的心里话——", "江州大桥建成通车", "王建国出席")
    assert found == Stack(kicker="老人们的心里话——", title="江州大桥建成通车", subtitle="王建国出席")


def test_two_unmarked_lines_read_title_then_subtitle() -> None:
    assert stack("江州大桥建成通车", "全长三公里") == Stack(title="江州大桥建成通车", subtitle="全长三公里")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("江州市人大常委会关于授权市政府在老城", "开展街区更新试点的决定"),
        ("市长向江州国际茶叶", "博览会致贺信"),
        ("市长出席江州大桥通车", "暨滨江公园开园仪式"),
        ("市领导同老城居民代表", "共度元宵佳节"),
        ("在新时代推进江州老城保护和", "街区更新中担起责任"),
    ],
)
def test_a_frame_opened_on_one_line_and_closed_on_the_next_is_one_title(first: str, second: str) -> None:
    assert stack(first, second) == Stack(title=first + second)


def test_a_frame_is_closed_by_a_line_joined_from_its_own_wrap() -> None:
    found = stack("市委关于追授老支书", "“全市优秀共产党员”称", "号的决定")
    assert found == Stack(title="市委关于追授老支书“全市优秀共产党员”称号的决定")


def test_a_frame_does_not_join_lines_of_different_sizes() -> None:
    found = stack(StackLine("市委关于追授", size=20.0), StackLine("老支书荣誉称号的决定", size=30.0))
    assert found == Stack(kicker="市委关于追授", title="老支书荣誉称号的决定")


def test_a_closed_frame_does_not_run_on() -> None:
    found = stack("市长向江州国际茶叶博览会致贺信", "推动茶产业高质量发展")
    assert found == Stack(title="市长向江州国际茶叶博览会致贺信", subtitle="推动茶产业高质量发展")


def test_a_line_ending_on_a_comma_runs_on() -> None:
    found = stack("从客流、票房等数据看，", "市文旅局表示——", "假日消费热度不减")
    assert found == Stack(kicker="从客流、票房等数据看，市文旅局表示——", title="假日消费热度不减")


def test_two_clauses_of_different_lengths_over_a_line_are_its_kicker() -> None:
    found = stack("落户企业超百家  总投资超过三十亿元", "江州“飞地园区”添活力")
    assert found == Stack(kicker="落户企业超百家 总投资超过三十亿元", title="江州“飞地园区”添活力")


def test_a_line_naming_a_document_issued_is_the_kicker() -> None:
    assert stack("江州市委印发", "关于推进老街改造的意见") == Stack(kicker="江州市委印发", title="关于推进老街改造的意见")


def test_a_line_opening_on_where_it_happened_carries_on_the_line_over_it() -> None:
    found = stack("市长率领工作组", "在北山开展防汛检查")
    assert found == Stack(kicker="市长率领工作组", title="在北山开展防汛检查")


def test_a_sentence_of_clauses_over_a_short_plain_line_is_its_kicker() -> None:
    found = stack("江州立足山水资源，探索乡村旅游新路", "青山变成金饭碗")
    assert found == Stack(kicker="江州立足山水资源，探索乡村旅游新路", title="青山变成金饭碗")


def test_a_speech_named_under_whose_it_is_is_the_title() -> None:
    found = stack("《江州日报》发表市长署名文章", "在全市经济工作会议上的讲话")
    assert found == Stack(kicker="《江州日报》发表市长署名文章", title="在全市经济工作会议上的讲话")


def test_three_unmarked_lines_read_kicker_title_subtitle() -> None:
    found = stack("守护一湖碧水", "江州大桥建成通车", "全长三公里")
    assert found == Stack(kicker="守护一湖碧水", title="江州大桥建成通车", subtitle="全长三公里")


def test_a_parallel_phrase_begun_at_a_line_end_is_finished_on_the_next_line() -> None:
    found = stack("市长在江州生态建设大会上强调", "守护江州一湖碧水 全力建设", "生态宜居新城")
    assert (found.kicker, found.title.replace(" ", ""), found.subtitle) == ("市长在江州生态建设大会上强调", "守护江州一湖碧水全力建设生态宜居新城", "")


def test_a_parallel_phrase_begun_with_one_character_runs_on_too() -> None:
    found = stack("市长在江州生态建设大会上强调", "守护江州一湖碧水 用", "好每一分治湖资金")
    assert found.title.replace(" ", "") == "守护江州一湖碧水用好每一分治湖资金" and not found.subtitle


def test_one_more_phrase_of_the_same_length_continues_a_title_of_phrases() -> None:
    found = stack("市长在江州生态建设大会上强调", "守护江州一湖碧水 建设生态宜居新城", "共享绿色发展成果")
    assert found.kicker == "市长在江州生态建设大会上强调"
    assert found.title.replace(" ", "") == "守护江州一湖碧水建设生态宜居新城共享绿色发展成果" and not found.subtitle
    tagged = stack("守护江州一湖碧水 建设生态宜居新城", "江州护湖行动启动（江州快讯）")
    assert tagged.title == "江州护湖行动启动（江州快讯）"


def test_one_or_two_characters_before_a_column_tag_end_the_line_above() -> None:
    found = stack("一堂生动的江州乡土历史教育", "课（江州论坛·老街故事）")
    assert found == Stack(title="一堂生动的江州乡土历史教育课（江州论坛·老街故事）")


def test_a_column_tag_wrapped_onto_a_line_of_its_own_closes_the_title() -> None:
    found = stack("办好家门口的便民食堂", "（江州快讯）")
    assert found == Stack(title="办好家门口的便民食堂（江州快讯）")


def test_a_title_whose_column_tag_runs_on_past_its_second_line_is_one_title() -> None:
    """Two lines of one measure, the second opening a column tag it does
    not close: one title wrapped, not a kicker over a title.  A shorter
    line over such a title stays its kicker."""
    found = stack("让老街的烟火气在新城延续", "温暖万家(来自城市更新一线", "的报道)")
    assert found == Stack(title="让老街的烟火气在新城延续温暖万家(来自城市更新一线的报道)")
    kicked = stack("江州老街改造完工", "让烟火气温暖万家(来自城市更新一", "线的报道)")
    assert kicked.kicker == "江州老街改造完工"


def test_a_line_opening_with_a_bracketed_qualifier_goes_on_from_the_line_above() -> None:
    found = stack("纪录片《江州老街》", "（英文版）首映式在伦敦举行")
    assert found == Stack(title="纪录片《江州老街》（英文版）首映式在伦敦举行")


def test_a_line_longer_than_any_title_under_a_title_is_its_subtitle() -> None:
    summary = "审议《江州市老城保护条例（草案）》《关于二〇二四年江州市老城改造和民生实事项目推进情况的报告》和人事任免事项"
    found = stack("江州市人大常委会召开会议", summary, "市长王小川出席会议")
    assert found == Stack(title="江州市人大常委会召开会议", subtitle=f"{summary} 市长王小川出席会议")


def test_a_dictionary_word_across_the_break_that_reads_worse_than_the_words_beside_it_is_no_wrap() -> None:
    """"……会议" / "决定……" forms 议决 across the break, but 会议 and 决定
    read better: the subtitle starts a line of its own."""
    found = stack("江州市人大常委会召开第十次主任会议", "决定将条例草案交付表决 王小川主持")
    assert found == Stack(title="江州市人大常委会召开第十次主任会议", subtitle="决定将条例草案交付表决 王小川主持")


def test_a_year_in_chinese_numerals_broken_over_two_lines_is_one_title() -> None:
    found = stack("市长会见出席二〇二", "四年江州茶博会的", "嘉宾")
    assert found == Stack(title="市长会见出席二〇二四年江州茶博会的嘉宾")


def test_a_bracketed_date_under_a_title_stays_its_subtitle() -> None:
    found = stack("江州市老城保护条例", "（2024年3月5日江州市人民代表大会通过）")
    assert found == Stack(title="江州市老城保护条例", subtitle="（2024年3月5日江州市人民代表大会通过）")


def test_a_two_character_wrap_joins_its_line_even_without_the_bold() -> None:
    found = stack(StackLine("市长出席江州国际茶博会举行的欢迎", bold=True), StackLine("晚会"))
    assert found == Stack(title="市长出席江州国际茶博会举行的欢迎晚会")


def test_a_documents_issuer_runs_on_into_what_it_is_about() -> None:
    assert breaks_mid_phrase("江州市老城街区保护管理委员会关于", "江州老城保护的决定")
    assert breaks_mid_phrase("江州市老城街区保护管理委员会", "关于老城保护的决定")
    assert not breaks_mid_phrase("江州市委市政府印发", "关于老城保护的意见")


def test_a_document_title_runs_on_until_it_names_the_document() -> None:
    """"……关于……" without the document's name yet runs on, however short
    the rest ("……关于授予王小明同志荣誉" / "市民称号的决定"); a book's title
    with 关于 in it does not."""
    assert breaks_mid_phrase("江州市人大常委会关于授予王小明同志荣誉", "市民称号的决定")
    found = stack("江州市人大常委会关于授予王小明同志荣誉", "市民称号的决定", "（2024年3月5日江州市人大常委会第九次会议通过）")
    assert (found.title, found.subtitle) == ("江州市人大常委会关于授予王小明同志荣誉市民称号的决定", "（2024年3月5日江州市人大常委会第九次会议通过）")
    assert not breaks_mid_phrase("江州市人大常委会关于老城保护的决定", "（2024年3月5日）")
    assert not breaks_mid_phrase("《江州关于老城保护文章选编》出版", "收入文章五十篇")


def test_a_line_of_phrases_side_by_side_under_a_plain_line_is_the_title() -> None:
    found = stack("江州茶乡举办新春茶会", "传播茶乡文化 拉近两岸距离")
    assert (found.kicker, found.title.replace(" ", ""), found.subtitle) == ("江州茶乡举办新春茶会", "传播茶乡文化拉近两岸距离", "")


def test_a_line_of_phrases_side_by_side_over_a_plain_line_is_the_kicker() -> None:
    found = stack("加强服务 保障出行", "春运首日江州客流平稳")
    assert (found.kicker.replace(" ", ""), found.title, found.subtitle) == ("加强服务保障出行", "春运首日江州客流平稳", "")
    # Over a dash-led subtitle such phrases are the title.
    found = stack("加强服务 保障出行", "——江州春运首日见闻")
    assert (found.kicker, found.title.replace(" ", ""), found.subtitle) == ("", "加强服务保障出行", "——江州春运首日见闻")


def test_lines_all_set_bold_without_cues_are_one_title() -> None:
    """Kicker and subtitle are set lighter than the title: a stack whose
    lines are all bold is a title printed over several lines."""
    found = stack(StackLine("市长向江州国际茶博会", bold=True), StackLine("开幕发来贺信", bold=True))
    assert found == Stack(title="市长向江州国际茶博会 开幕发来贺信")
    cued = stack(StackLine("江州大桥建成通车", bold=True), StackLine("——写在大桥通车之际", bold=True))
    assert cued == Stack(title="江州大桥建成通车", subtitle="——写在大桥通车之际")


def test_of_two_lines_the_one_with_a_column_tag_is_the_title() -> None:
    found = stack("江州大桥建成通车", "让发展成果惠及群众（权威发布）")
    assert found == Stack(kicker="江州大桥建成通车", title="让发展成果惠及群众（权威发布）")


def test_a_short_line_after_a_column_tag_is_not_the_title_wrapped() -> None:
    assert stack("江州大桥建成通车（权威发布）", "全长三公里") == Stack(title="江州大桥建成通车（权威发布）", subtitle="全长三公里")


def test_a_column_tag_on_the_first_of_three_lines_ends_the_title() -> None:
    found = stack("江州大桥建成通车（权威发布）", "全长三公里多", "总投资十亿元")
    assert found.kicker == "" and found.title == "江州大桥建成通车（权威发布）"


def test_two_short_equal_lines_without_punctuation_are_one_couplet_title() -> None:
    assert stack("春暖花正开", "古城绽新颜") == Stack(title="春暖花正开 古城绽新颜")


def test_a_couplet_keeps_its_kicker() -> None:
    found = stack("就江州大桥建成通车", "春暖花正开", "古城绽新颜")
    assert found == Stack(kicker="就江州大桥建成通车", title="春暖花正开 古城绽新颜")


def test_punctuation_breaks_a_couplet() -> None:
    assert stack("春暖花正开", "古城绽新颜。") == Stack(title="春暖花正开", subtitle="古城绽新颜。")


def test_wrapped_lines_are_joined_before_roles_are_given() -> None:
    found = stack("江州大桥今天正式建成通车并迎来首批", "车辆", "——写在大桥通车之际")
    assert found == Stack(title="江州大桥今天正式建成通车并迎来首批车辆", subtitle="——写在大桥通车之际")


def test_one_line_is_the_title_and_blank_lines_are_dropped() -> None:
    assert stack("  ", "江 州 大 桥 建 成 通 车") == Stack(title="江州大桥建成通车")


def test_no_lines_give_an_empty_stack() -> None:
    assert stack() == Stack()


def test_lines_after_a_dash_led_subtitle_are_subtitle_too() -> None:
    found = stack("稻浪翻滚迎丰收", "——江州市东湖镇万亩稻田里的秋收", "见闻与思考之三")
    assert found == Stack(title="稻浪翻滚迎丰收", subtitle="——江州市东湖镇万亩稻田里的秋收 见闻与思考之三")


def test_a_line_opening_with_a_particle_finishes_the_line_above() -> None:
    assert breaks_mid_phrase("市长会见出席江州“丝路”论坛", "的外方代表")
    assert stack("市长会见出席江州“丝路”论坛", "的外方代表") == Stack(title="市长会见出席江州“丝路”论坛的外方代表")


def test_a_number_broken_before_its_unit_runs_on() -> None:
    assert breaks_mid_phrase("江州将举办国际马拉松赛2025", "年赛事报名启动")
    assert not breaks_mid_phrase("江州将举办国际马拉松赛2025", "报名今天启动")


def test_nothing_wraps_onto_an_empty_line() -> None:
    assert not breaks_mid_phrase("江州将举办国际马拉松赛2025", "")
    assert not breaks_mid_phrase("江州大桥建成通车", "  ")


def test_a_line_opening_on_a_verb_is_the_kicker_over_the_title_naming_who_acts() -> None:
    """"推进老城街区改造一体化" / "江州为老街振兴添动力": without emphasis, a
    line opening on a verb, with no subject, is the kicker; the title names
    who acts.  A title over who attended keeps its subtitle."""
    st = split_stack([StackLine("推进老城街区改造一体化"), StackLine("江州为老街振兴添动力")])
    assert (st.kicker, st.title, st.subtitle) == ("推进老城街区改造一体化", "江州为老街振兴添动力", "")
    st = split_stack([StackLine("江州老城街区改造现场会召开"), StackLine("市长出席并讲话")])
    assert (st.kicker, st.title, st.subtitle) == ("", "江州老城街区改造现场会召开", "市长出席并讲话")


def test_lines_of_one_length_are_one_element_wrapped_at_its_measure() -> None:
    """A long subtitle set in a column comes out as lines of one length and
    a shorter last one: one subtitle, however its words break."""
    got = stack(
        "江州大桥正式通车",
        "市领导出席通车仪式并为大桥剪",
        "彩，两岸群众代表和建设者代表",
        "一同见证大桥通车，沿江各区县",
        "同步举行庆祝活动",
    )
    assert (got.kicker, got.title) == ("", "江州大桥正式通车")
    assert got.subtitle.startswith("市领导出席") and got.subtitle.endswith("庆祝活动")
    # Two lines of one length are no such block: a kicker and a title.
    got = stack("江州大桥今天正式通车", "两岸车程缩短到十分钟")
    assert got.title != "江州大桥今天正式通车两岸车程缩短到十分钟"


def test_a_line_naming_only_a_place_is_the_kicker() -> None:
    got = stack("东城区", "老旧小区加装电梯一百部")
    assert (got.kicker, got.title, got.subtitle) == ("东城区", "老旧小区加装电梯一百部", "")
