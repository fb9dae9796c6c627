"""Each newspaper convention in jianbao.rules.patterns, with an example."""

from __future__ import annotations

import re

import pytest

from jianbao import rules


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("（下转第4版）", "4"),
        ("(下转第 4 版)", "4"),
        ("下转第四版", "四"),
        ("（转第12版）", "12"),
        ("（转至第5版）", "5"),
        # A city paper's lettered section: the number after the letter.
        ("（下转A3版）", "3"),
        ("（下转第A03版）", "03"),
        # An arrow pointing the way instead of brackets.
        ("▶下转第3版", "3"),
        ("下转A3版►", "3"),
    ],
)
def test_jump_to(text: str, page: str) -> None:
    m = rules.JUMP_TO.search(text)
    assert m is not None and m.group(1) == page
    assert rules.JUMP_TO_TOKEN.fullmatch(text)
    assert not rules.JUMP_FROM.search(text)


@pytest.mark.parametrize(("text", "page"), [("（上接第1版）", "1"), ("（接第十二版）", "十二"), ("上接第1版", "1"), ("（上接A1版）", "1")])
def test_jump_from(text: str, page: str) -> None:
    m = rules.JUMP_FROM.search(text)
    assert m is not None and m.group(1) == page
    assert rules.JUMP_FROM_TOKEN.fullmatch(text)


def test_jump_token_needs_brackets_or_the_full_phrase() -> None:
    # "转" inside running text ("转第二版面") is not a marker token; a line
    # that is only "转第4版" is a marker line.
    assert not rules.JUMP_TO_TOKEN.fullmatch("转第4版")
    assert rules.BARE_JUMP_TO.match("转第4版") and not rules.BARE_JUMP_TO.match("转第二版面")
    assert rules.JUMP_TO_TOKEN.search("让丰收的粮食颗粒归仓（下转第4版）")
    assert rules.JUMP_TO_TOKEN.fullmatch("（下转A2）")


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("本报讯（记者刘吟）3月29日上午", "本报讯"),
        ("本报讯 记者近日从市里获悉", "本报讯"),
        ("本报北京10月1日电 （记者王芳）", "本报北京10月1日电"),
        ("本报江州10月8日电（记者赵雪）", "本报江州10月8日电"),
        ("本报江州10月8日讯（记者赵雪）", "本报江州10月8日讯"),
        ("新华社北京10月1日电 记者从", "新华社北京10月1日电"),
        ("新华社北京十月一日电", "新华社北京十月一日电"),
        ("中新网北京10月1日电", "中新网北京10月1日电"),
        ("新华社电 据报道", "新华社电"),
        ("据新华社电 记者获悉", "据新华社电"),
        ("据新华社北京10月1日电 记者从", "据新华社北京10月1日电"),
        ("据《江州日报》报道 近日", "据《江州日报》报道"),
        # City papers open with their own name: "江州晚报讯", "新京报讯".
        ("江州晚报讯 记者近日从市里获悉", "江州晚报讯"),
        ("晚报讯（记者 陈晨）", "晚报讯"),
        ("新京报讯 记者获悉", "新京报讯"),
        # Reports compiled from several sources, a website's news, and a
        # county correspondent's, whose credit follows in brackets.
        ("本报综合消息 近日", "本报综合消息"),
        ("综合新华社电 据报道", "综合新华社电"),
        ("央视网消息（记者王芳）", "央视网消息"),
        ("东湖讯（通讯员 李明）近日", "东湖讯"),
    ],
)
def test_dateline(text: str, dateline: str) -> None:
    m = rules.DATELINE.match(text)
    assert m is not None and m.group("dateline") == dateline


@pytest.mark.parametrize("text", ["今天本报讯", "记者从本报北京获悉", "警报讯号响起", "江州报讯", "据了解，今年", "东湖讯 近日", "综合消息显示", "新闻通讯（记者王芳）"])
def test_not_a_dateline(text: str) -> None:
    assert rules.DATELINE.match(text) is None


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("（记者刘吟）3月29日", "记者刘吟"),
        ("（记者 卢晨、王芳）今天", "记者 卢晨、王芳"),
        ("(本报记者王芳 通讯员李明)", "本报记者王芳 通讯员李明"),
        ("（刘吟）", "刘吟"),
    ],
)
def test_opener_credit(text: str, credits: str) -> None:
    m = rules.OPENER_CREDIT.match(text)
    assert m is not None and m.group("credits") == credits


@pytest.mark.parametrize(
    "text",
    [
        "本报记者 冯静宁",
        "记者 卢晨、王芳",
        "本报记者 王芳 本报通讯员 李明",
        "新华社记者 李学仁",
        "本报记者  阿依努尔·吐尔逊",
        # City papers: a mark before it, the paper's own name, new kinds of
        # reporter, labels for who wrote and who took the pictures.
        "■本报融媒体记者 周小燕 实习生 陈一鸣",
        "□江州晚报记者 孙丽 通讯员 吴刚",
        "本报驻京记者 王芳",
        "文/图 本报记者 刘洋",
        "文/王芳 图/李明",
        "本报记者 刘洋 文/图",
        "记者 张三 报道",
        # A commentary the paper signs as its own.
        "本报评论员",
        "人民日报评论员",
        "新华社特约评论员",
    ],
)
def test_byline(text: str) -> None:
    assert rules.BYLINE.match(text)


@pytest.mark.parametrize(
    "text",
    [
        "本报记者",
        "冯静宁",
        "本报记者冯静宁在现场看到，工人们正在忙碌。",
        "■本报记者",
        "文/图",
        # Running text broken into a short line: a reporter at work.
        "记者走访看到，老街商铺",
        "记者从市交通局",
        "评论员",
        "本报评论员认为，这样做很好",
    ],
)
def test_not_a_byline(text: str) -> None:
    assert not rules.BYLINE.match(text)


def test_byline_broken_over_two_lines() -> None:
    assert rules.ROLE_ONLY.match("本报记者 ")
    assert rules.ROLE_ONLY.match("■本报融媒体记者")
    assert not rules.ROLE_ONLY.match("本报记者 王芳")
    assert rules.NAMES_ONLY.match("卢晨、王芳")


def test_role_groups() -> None:
    groups = [(m.group("role"), m.group("names")) for m in rules.ROLE_GROUP.finditer("本报记者王芳 通讯员李明")]
    assert groups == [("本报记者", "王芳"), ("通讯员", "李明")]


@pytest.mark.parametrize(
    ("printed", "role"),
    [
        ("本报记者", "记者"),
        ("本报通讯员", "通讯员"),
        ("本报驻京记者", "记者"),
        ("江州晚报融媒体记者", "记者"),
        ("本报特约记者", "特约记者"),
        ("新华社特约通讯员", "特约通讯员"),
        ("本报实习生", "实习生"),
        ("作者", "作者"),
    ],
)
def test_role_names(printed: str, role: str) -> None:
    assert re.fullmatch(rules.PAPER_ROLE + rules.ROLE, printed)
    assert rules.role_name(printed) == role


@pytest.mark.parametrize("text", ["本报通讯员 梁生仁 摄", "新华社记者 李学仁摄", "梁生仁摄", "本报记者 王平 摄影", "本报记者 王芳、李明 摄", "李明摄（视觉江州）", "本报记者 王平摄（无人机照片）", "新华社发 王涛 摄", "新华社发（王涛摄）", "图/视觉江州", "本报记者 江小舟/摄", "摄影：江小舟", "摄：王芳 李明"])
def test_photo_credit(text: str) -> None:
    assert rules.PHOTO_CREDIT.match(text)


def test_photo_credit_is_not_a_caption_sentence() -> None:
    assert not rules.PHOTO_CREDIT.match("图为工人正在施工。 本报记者 王平摄")


def test_a_photo_reports_signature_is_no_pictures_credit() -> None:
    assert not rules.PHOTO_CREDIT.match("本报记者 王涛 摄影报道")


def test_trailing_credit() -> None:
    m = rules.TRAILING_CREDIT.search("图为工人正在施工。 本报记者 王平摄")
    assert m is not None and m.group("credit") == "本报记者 王平摄"
    assert rules.TRAILING_CREDIT.search("图为工人正在施工。") is None
    m = rules.TRAILING_CREDIT.search("市民在樱花树下拍照留念。 新华社发 王涛 摄")
    assert m is not None and m.group("credit") == "新华社发 王涛 摄"


@pytest.mark.parametrize("text", ["本版图片除署名外", "均为资料照片", "图片由江州市文旅局提供", "（图片由江州博物馆提供）"])
def test_picture_source(text: str) -> None:
    assert rules.PICTURE_SOURCE.search(text)


def test_picture_source_is_not_a_sentence_about_pictures() -> None:
    assert not rules.PICTURE_SOURCE.search("他翻出一张老照片，讲起当年的故事。")


@pytest.mark.parametrize("text", ["图为：市民在公园赏景", "上图：大桥合龙", "图①", "①游客在拍照", "左图 新建的校舍"])
def test_caption_start(text: str) -> None:
    assert rules.CAPTION_START.match(text)


@pytest.mark.parametrize("text", ["全图", "市民在公园赏景", "地图显示"])
def test_not_a_caption_start(text: str) -> None:
    assert not rules.CAPTION_START.match(text)


@pytest.mark.parametrize("text", ["扫码看视频", "扫码了解借书指南", "扫描二维码观看直播", "手机扫码 查看全文", "扫描上方二维码阅读更多报道", "长按识别二维码关注"])
def test_qr_prompt(text: str) -> None:
    assert rules.QR_PROMPT.match(text)


@pytest.mark.parametrize("text", ["扫码支付方便快捷的同时", "扫码看病，不用排长队", "他拿出手机扫码", "扫一扫，付款就完成了"])
def test_running_text_about_scanning_is_no_qr_prompt(text: str) -> None:
    assert not rules.QR_PROMPT.match(text)


@pytest.mark.parametrize("text", ["DI YI SHI XIAN", "MEI RI SHI PING", " JIN RI GUAN CHA "])
def test_pinyin_column(text: str) -> None:
    assert rules.PINYIN_COLUMN.match(text)


@pytest.mark.parametrize("text", ["GDP", "DI yi", "5G NET", "DI YI 视线"])
def test_not_a_pinyin_column(text: str) -> None:
    assert not rules.PINYIN_COLUMN.match(text)


@pytest.mark.parametrize("text", ["【民生关注】", "〖江州观察〗", " 【 社区故事 】", "〔江州时评〕"])
def test_bracketed_column(text: str) -> None:
    assert rules.BRACKETED_COLUMN.match(text)


@pytest.mark.parametrize("text", ["【民生关注】菜价稳了", "【注】", "【记者手记，二】"])
def test_not_a_bracketed_column(text: str) -> None:
    assert not rules.BRACKETED_COLUMN.match(text)


@pytest.mark.parametrize(("text", "page"), [("第1版 要闻", 1), ("第十二版", 12), ("第 3 版", 3), ("第A03版 城事", 3), ("B2版", 2)])
def test_page_header(text: str, page: int) -> None:
    m = rules.PAGE_HEADER.search(text)
    assert m is not None and rules.to_int(m.group(1)) == page


def test_date_and_weekday() -> None:
    m = rules.DATE.search("江州日报 2019年10月2日 星期三")
    assert m is not None and (m.group("y"), m.group("m"), m.group("d")) == ("2019", "10", "2")
    assert rules.WEEKDAY.search("2019年10月2日 星期三")
    assert rules.DATE.search("10月2日") is None


@pytest.mark.parametrize("text", ["2020-03-05", "2020.3.5", "2020/03/05"])
def test_a_date_as_e_paper_sites_print_it(text: str) -> None:
    m = rules.DATE.search(text)
    assert m is not None and (int(m["y"]), int(m["m"]), int(m["d"])) == (2020, 3, 5)


@pytest.mark.parametrize("text", ["2020-03.05", "2020年3月5", "20200-03-05"])
def test_not_a_date(text: str) -> None:
    assert rules.DATE.search(text) is None


@pytest.mark.parametrize("text", ["人民日报", "江州日报", "北京晚报", " 江州晨报 ", "江州日报农村版"])
def test_masthead(text: str) -> None:
    assert rules.MASTHEAD.match(text)


@pytest.mark.parametrize("text", ["东方早报社", "人民日报社论", "日报"])
def test_not_a_masthead(text: str) -> None:
    assert not rules.MASTHEAD.match(text)


def test_header_line_holds_only_paper_date_weekday_and_page() -> None:
    assert rules.HEADER_LINE.match("人民日报 2019年10月2日 星期三 第1版")
    assert rules.HEADER_LINE.match("2024年10月9日 星期三")
    assert rules.HEADER_LINE.match("第1版 要闻")
    assert not rules.HEADER_LINE.match("人民日报社论指出")


@pytest.mark.parametrize(
    "text", ["江州日报 2020-03-05 第5版", "江州日报 / 2020年3月5日 / 星期四 / 第5版", "2020年3月5日 星期四 农历二月十二", "江州日报农村版 2020年3月5日"]
)
def test_a_header_line_as_e_paper_sites_set_it(text: str) -> None:
    assert rules.HEADER_LINE.match(text)
    assert not rules.HEADER_LINE.match("农历二月十二是个好日子")
    assert not rules.HEADER_LINE.match("农历新年到了")


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十二", 12), ("12", 12), ("１２", 12), ("二十", 20), ("十", 10), ("一百零五", 105), ("两", 2), ("四", 4), ("〇", 0)],
)
def test_to_int(numeral: str, value: int) -> None:
    assert rules.to_int(numeral) == value


@pytest.mark.parametrize("numeral", ["", "甲", "十a"])
def test_to_int_rejects_non_numerals(numeral: str) -> None:
    assert rules.to_int(numeral) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("江州日报 2023年10月9日 星期一", "2023-10-09"),
        ("2020-03-05", "2020-03-05"),
        ("2020.3.5 星期四", "2020-03-05"),
        ("第3版 经济", None),
    ],
)
def test_iso_date(text: str, iso: str | None) -> None:
    assert rules.iso_date(text) == iso


def test_no_line_start_marks() -> None:
    for mark in "，。、；：！？）》”":
        assert mark in rules.NO_LINE_START
    assert "“" not in rules.NO_LINE_START and "（" not in rules.NO_LINE_START


@pytest.mark.parametrize("line", ["二、加快老旧小区改造", "（三）加强科技创新", "3. 完善工作机制"])
def test_enumerated_points(line: str) -> None:
    assert rules.ENUMERATED.match(line)


@pytest.mark.parametrize("line", ["二〇一九年十月", "两岸居民盼了多年", "2024年是江州建市70周年"])
def test_not_enumerated(line: str) -> None:
    assert not rules.ENUMERATED.match(line)


@pytest.mark.parametrize(
    ("line", "kicker", "subtitle"),
    [
        ("“身边好人”向家乡表白——", True, False),
        ("市长在江州调研时强调", True, False),
        ("市长在江州调研强调守住耕地红线", True, False),
        ("江州市民在家门口看上好医生", False, False),
        ("江州在全省率先，强调服务", False, False),
        ("就江州建市70周年", True, False),
        ("《江州日报》发表市长署名文章", True, False),
        ("市长签署第3号政府令", True, False),
        ("经市政府批准", True, False),
        ("江州市委市政府印发", True, False),
        ("市教育局印发通知", True, False),
        ("全市首批地方标准发布", True, False),
        ("江州印发的文件受到欢迎", False, False),
        ("江州大桥获批准建设", False, False),
        ("——写在江州大桥通车之际", False, True),
        ("（2019年10月10日）", False, True),
        ("刘星主持", False, True),
        ("市长出席并讲话", False, True),
        ("在江州市新春团拜会上的讲话", False, False),
        ("江州万亩稻田开镰收割", False, False),
    ],
)
def test_headline_stack_cues(line: str, kicker: bool, subtitle: bool) -> None:
    assert rules.is_kicker_line(line) is kicker
    assert rules.is_subtitle_line(line) is subtitle


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("江州市人大常委会关于授权市政府在老城", "开展街区更新试点的决定"),
        ("市长向江州国际茶叶", "博览会致贺信"),
        ("市长出席江州大桥通车", "暨滨江公园开园仪式"),
        ("市领导同老城居民代表", "共度元宵佳节"),
        ("市长回信勉励老街居民向全市", "致以元宵佳节的问候"),
        ("在新时代推进江州老城保护和", "街区更新中担起责任"),
    ],
)
def test_headline_frames(first: str, second: str) -> None:
    assert rules.closes_frame(first, second)


@pytest.mark.parametrize(
    "line", ["市长向江州国际茶叶博览会致贺信", "市长同来访市长代表团会谈", "市领导同居民共度元宵佳节", "在老城保护座谈会上强调"]
)
def test_a_frame_closed_on_its_own_line_opens_none(line: str) -> None:
    assert not rules.opens_frame(line)


def test_a_line_opening_on_a_place_is_closed_by_no_line_opening_on_a_word_of_place() -> None:
    # "在北山开展防汛检查" / "中心城区……": 中 opens the next line's word.
    assert not rules.closes_frame("在北山开展防汛检查", "中心城区积水排净")


def test_setting_opening() -> None:
    assert rules.SETTING_OPENING.match("在北山开展防汛检查")
    assert not rules.SETTING_OPENING.match("北山在开展防汛检查")


def test_speech_title() -> None:
    assert rules.SPEECH_TITLE.search("在江州老城保护恳谈会上的讲话")
    assert not rules.SPEECH_TITLE.search("市长出席并讲话")


@pytest.mark.parametrize("line", ["山河壮丽  岁月峥嵘", "城市有温度 生活更美好（江声）", "春风化雨\u3000桃李成蹊"])
def test_parallel_halves(line: str) -> None:
    assert rules.PARALLEL_HALVES.search(line)


@pytest.mark.parametrize(
    "line",
    ["山河壮丽岁月峥嵘", "一、 坚持人民至上", "2019年 10月", "第 3 版", "丰收的 里乡亲、齐心协力"],
)
def test_not_parallel_halves(line: str) -> None:
    assert not rules.PARALLEL_HALVES.search(line)


@pytest.mark.parametrize("line", ["勤劳·节俭·守信", "老街·老店·老井", "山水·田园·村落·人家"])
def test_parallel_series(line: str) -> None:
    assert rules.PARALLEL_SERIES.match(line)


@pytest.mark.parametrize("line", ["亚历山大·罗西", "勤劳·节俭", "老街·老店·老手艺", "勤劳·节俭·守信，是老街的家风"])
def test_not_parallel_series(line: str) -> None:
    assert not rules.PARALLEL_SERIES.match(line)


@pytest.mark.parametrize("line", ["文明之花处处开（钟声）", "把好事办好（今日谈）", "稳中有进（民生数据看变化①）", "老街换新颜（走基层 看变化 听民声 解难题·深入开展“老城改造、民生为先”主题采访活动）"])
def test_column_tag(line: str) -> None:
    assert rules.COLUMN_TAG.search(line)


@pytest.mark.parametrize("line", ["（2019年10月1日）", "江水向东流", "（上接第1版）", "把好事办好（今日谈）还有后文"])
def test_not_a_column_tag(line: str) -> None:
    assert not rules.COLUMN_TAG.search(line)


@pytest.mark.parametrize("line", ["李明——", "意大利罗马——", "其美多吉—"])
def test_section_label(line: str) -> None:
    assert rules.SECTION_LABEL.match(line)


@pytest.mark.parametrize("line", ["各区开展邻里互助节系列活动——", "他说：——", "李明——守好一方山林"])
def test_not_a_section_label(line: str) -> None:
    assert not rules.SECTION_LABEL.match(line)


@pytest.mark.parametrize("line", ["贺信", "贺 信", "回信", "唁电", "慰问信", "开栏的话", "编者按"])
def test_document_label(line: str) -> None:
    assert rules.DOCUMENT_LABEL.match(line)


@pytest.mark.parametrize("line", ["贺信全文如下", "王 信", "市长回信勉励青年"])
def test_not_a_document_label(line: str) -> None:
    assert not rules.DOCUMENT_LABEL.match(line)


@pytest.mark.parametrize("line", ["编者按：新年将至，本版推出系列报道。", "开栏的话：老街有故事", "编者的话: 致读者"])
def test_editor_note(line: str) -> None:
    assert rules.EDITOR_NOTE.match(line)


@pytest.mark.parametrize("line", ["编者按", "记者按：采访中我们发现", "据编者按介绍"])
def test_not_an_editor_note(line: str) -> None:
    assert not rules.EDITOR_NOTE.match(line)


@pytest.mark.parametrize("line", ["（2024年3月5日）", "（二〇二四年三月五日）", "(2023年12月)"])
def test_document_date(line: str) -> None:
    assert rules.DOCUMENT_DATE.match(line)


@pytest.mark.parametrize("line", ["（新华社北京3月5日电）", "（2024年3月5日电）", "2024年3月5日", "（本报记者 王芳）"])
def test_not_a_document_date(line: str) -> None:
    assert not rules.DOCUMENT_DATE.match(line)


@pytest.mark.parametrize("line", ["（江州快讯）", "（江州论坛·老街故事）", "（民生数据看变化①）", "(晚报评论)"])
def test_tag_line(line: str) -> None:
    assert rules.TAG_LINE.match(line)


@pytest.mark.parametrize("line", ["（2024年3月5日）", "（二〇二四年三月五日  江州）", "（2024年3月5日江州市人民代表大会通过）", "（上）", "江州快讯"])
def test_not_a_tag_line(line: str) -> None:
    assert not rules.TAG_LINE.match(line)


@pytest.mark.parametrize("line", ["■ 七十年来，全市面貌焕然一新", "●三月底前完成", "◆ 新建学校三所"])
def test_bullet_point(line: str) -> None:
    assert rules.BULLET_POINT.match(line)


def test_not_a_bullet_point() -> None:
    assert not rules.BULLET_POINT.match("七十年来■全市面貌焕然一新")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("本版统筹：李明 王芳", True),
        ("版式设计：张强", True),
        ("责任编辑：赵丽", True),
        ("统筹：李 明", True),
        ("数据来源：江州市统计局", True),
        ("本版编辑：王芳 美编：李明", True),
        ("编辑：王芳", True),
        ("市里统筹安排了资金。", False),
        ("编辑部收到了很多来信。", False),
        ("设计：别具匠心的老街", False),
    ],
)
def test_a_closing_credit_names_who_edited_the_page_or_where_figures_come_from(line: str, credit: bool) -> None:
    assert bool(rules.CLOSING_CREDIT.match(line)) is credit


@pytest.mark.parametrize("line", ["市长在江州调研时强调", "省委书记在座谈会上指出", "代表团团长在会谈中表示"])
def test_reporting_kicker(line: str) -> None:
    assert rules.REPORTING_KICKER.search(line)


@pytest.mark.parametrize(
    ("line", "kicker"),
    [("经市委批准", True), ("经江州市人民政府批准", True), ("经市委批准，", False), ("会议经表决批准了预算", False), ("经批准", False)],
)
def test_approval_kicker(line: str, kicker: bool) -> None:
    assert bool(rules.APPROVAL_KICKER.match(line)) is kicker


@pytest.mark.parametrize("line", ["市长在调研时强调，要", "会议强调", "他表示"])
def test_not_a_reporting_kicker(line: str) -> None:
    assert not rules.REPORTING_KICKER.search(line)


@pytest.mark.parametrize("line", ["“老街的早点铺又开张了”", " “我们爱您！” "])
def test_quoted_line(line: str) -> None:
    assert rules.QUOTED_LINE.match(line)


@pytest.mark.parametrize("line", ["“老街的早点铺”又开张了", "他说：“好。”", "“一带”和“一路”"])
def test_not_a_quoted_line(line: str) -> None:
    assert not rules.QUOTED_LINE.match(line)


@pytest.mark.parametrize("line", ["他指出，江州要护好每一亩良田。", "文章强调，", "会议还要求，各地", "她说，", "贺信表示"])
def test_paragraph_going_on_reporting(line: str) -> None:
    assert rules.GOES_ON_REPORTING.match(line)


@pytest.mark.parametrize("line", ["市长王小川指出，", "他山之石，可以攻玉。", "会议室里坐满了人。", "文章写得好"])
def test_not_a_paragraph_going_on_reporting(line: str) -> None:
    assert not rules.GOES_ON_REPORTING.match(line)


@pytest.mark.parametrize("line", ["2024年3月5日", "二〇二四年三月五日", " 2024年12月31日 "])
def test_closing_date(line: str) -> None:
    assert rules.CLOSING_DATE.match(line)


@pytest.mark.parametrize("line", ["2024年3月5日电", "（2024年3月5日）", "2024年3月5日，市民"])
def test_not_a_closing_date(line: str) -> None:
    assert not rules.CLOSING_DATE.match(line)


@pytest.mark.parametrize("line", ["副市长出席并讲话", "市长主持会议", "书记出席并致辞"])
def test_attendance_subtitle(line: str) -> None:
    assert rules.ATTENDANCE_SUBTITLE.search(line)


@pytest.mark.parametrize("line", ["副市长出席并讲话。", "他在会上讲话", "市长主持会议并"])
def test_not_an_attendance_subtitle(line: str) -> None:
    assert not rules.ATTENDANCE_SUBTITLE.search(line)


def test_bracket_depth_change() -> None:
    assert rules.bracket_depth_change("（本报江州3月5日电") == 1
    assert rules.bracket_depth_change("立平）") == -1
    assert rules.bracket_depth_change("（完）") == 0


@pytest.mark.parametrize("line", ["7亿多", "1.7%", "3000万元", "9.5万人"])
def test_figure_only(line: str) -> None:
    assert rules.FIGURE_ONLY.match(line)


@pytest.mark.parametrize("line", ["70周年", "第1版", "增长7%以上"])
def test_not_a_figure_only(line: str) -> None:
    assert not rules.FIGURE_ONLY.match(line)


@pytest.mark.parametrize("line", ["江州市人民政府关于老城保护的决定", "中江两市联合声明", "江州市老城保护条例", "在全市干部大会上的讲话"])
def test_a_headline_naming_a_document(line: str) -> None:
    assert rules.DOCUMENT_TITLE.search(line)


@pytest.mark.parametrize("line", ["老街食堂开张了", "决定性的一步", "通知到每家每户的好消息"])
def test_a_headline_naming_no_document(line: str) -> None:
    assert not rules.DOCUMENT_TITLE.search(line)


def test_running_text_is_punctuated_and_headline_lines_mostly_are_not() -> None:
    assert not rules.TEXT_MARKS.isdisjoint("清晨六点，大桥上")
    assert not rules.TEXT_MARKS.isdisjoint("大桥通车了。")
    assert rules.TEXT_MARKS.isdisjoint("江州大桥建成通车")


@pytest.mark.parametrize("title", ["老街换新颜（江州时评）", "小食堂大民生（今日谈）", "守住耕地红线（社论）", "让城市更有温度（江州论坛·新春谈）"])
def test_opinion_tag(title: str) -> None:
    assert rules.OPINION_TAG.search(title)


@pytest.mark.parametrize("title", ["科技助农见实效（聚焦江州科技周论坛）", "稻田开镰（乡村振兴一线）", "论坛今天开幕"])
def test_not_an_opinion_tag(title: str) -> None:
    assert not rules.OPINION_TAG.search(title)


def test_an_editorials_thesis_subtitle() -> None:
    assert rules.THESIS_SUBTITLE.match("——论做好新时代的乡村工作")
    assert not rules.THESIS_SUBTITLE.match("——记江州老街社区食堂")


@pytest.mark.parametrize("text", ["从即日起，本报记者将走进田间地头", "本期起，本版开设“社区故事”栏目", "敬请关注。"])
def test_editors_announcement(text: str) -> None:
    assert rules.EDITORS_ANNOUNCEMENT.search(text)


@pytest.mark.parametrize(("prev", "nxt", "runs"), [("老街改造始于20", "19年。", True), ("共祝老街明天更好。10", "月1日晚，", True), ("今年投入30", "亿元", True), ("老街改造始于2019年。", "今年", False), ("第3", "，", False)])
def test_number_runs_across(prev: str, nxt: str, runs: bool) -> None:
    assert rules.number_runs_across(prev, nxt) is runs


@pytest.mark.parametrize(
    ("line", "place"),
    [("东城区", True), ("江州高新区", True), ("青山镇、白沙镇", True), ("江州市", True), ("老旧小区加装电梯", False), ("市区", False), ("东城区老旧小区加装电梯", False), ("五星红旗", False)],
)
def test_a_kicker_naming_only_a_place(line: str, place: bool) -> None:
    assert bool(rules.PLACE_KICKER.match(line)) is place


def test_a_latin_period_after_a_han_character_is_a_full_stop() -> None:
    assert rules.HAN_FULL_STOP.search("是连接两岸的重要通道.")
    for text in ("增长3.5", "No.", "www.jiangzhou.cn", "全市粮食亩产提高了3."):
        assert not rules.HAN_FULL_STOP.search(text)


@pytest.mark.parametrize(("text", "verb", "at_end"), [("本报记者 江小舟摄", True, True), ("江州市文旅局供图", True, True), ("江小舟摄（视觉江州）", True, False), ("江州老街", False, False)])
def test_a_photo_credits_verb(text: str, verb: bool, at_end: bool) -> None:
    assert bool(rules.PHOTO_VERB.search(text)) is verb
    assert bool(rules.PHOTO_VERB_AT_END.search(text)) is at_end


def test_a_note_naming_where_a_text_comes_from_is_a_source_note() -> None:
    assert rules.is_source_note("（来源：江州新闻网）")
    assert rules.is_source_note("（摘自《江州日报》）")
    assert rules.is_source_note("（新华社江州3月5日电）")
    assert not rules.is_source_note("（来自江州的客人）")


def test_a_name_in_brackets_alone_is_a_column_tag_unless_it_names_the_source() -> None:
    assert rules.is_tag_alone("（江州观察①）")
    assert rules.is_tag_alone("（老街故事·江州篇）")
    assert not rules.is_tag_alone("（本报记者 王芳）")
    assert not rules.is_tag_alone("（2024年3月5日）")  # a date under a title
    assert not rules.is_tag_alone("老街故事（江州观察）")


@pytest.mark.parametrize("text", ["老人们的心里话——", "改造三年游客翻番—", "江州大桥建成通车-- "])
def test_kicker_dash(text: str) -> None:
    assert rules.KICKER_DASH.search(text)


@pytest.mark.parametrize("text", ["——记江州老街的守护人", "江州大桥建成通车", "市委书记在调研时强调"])
def test_no_kicker_dash(text: str) -> None:
    assert not rules.KICKER_DASH.search(text)


@pytest.mark.parametrize("text", ["江州市关于推进老街保护利用的意见", "在江州建市七十周年座谈会上的讲话", "江州市人民政府关于表彰先进集体的决定"])
def test_dated_document_title(text: str) -> None:
    assert rules.DATED_DOCUMENT_TITLE.search(text)


@pytest.mark.parametrize("text", ["市长向江州国际茶叶博览会致贺信", "江州老街今天开街", "市长致贺电"])
def test_not_a_dated_document_title(text: str) -> None:
    assert not rules.DATED_DOCUMENT_TITLE.search(text)
