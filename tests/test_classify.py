"""Line labels from the text alone."""

from __future__ import annotations

import pytest

from jianbao import classify


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("（下转第4版）", classify.JUMP_TO),
        (" （下转第 4 版） ", classify.JUMP_TO),
        ("（上接第1版）", classify.JUMP_FROM),
        ("（下转A3版）", classify.JUMP_TO),
        ("（上接第A01版）", classify.JUMP_FROM),
        ("（紧接第1版）", classify.JUMP_FROM),
        ("（下转A2）", classify.JUMP_TO),
        ("转第4版", classify.JUMP_TO),
        ("本报记者  董超", classify.BYLINE),
        ("本报评论员", classify.BYLINE),
        ("江州日报评论员", classify.BYLINE),
        ("记者 卢晨、王芳", classify.BYLINE),
        ("■本报融媒体记者 周小燕 实习生 陈一鸣", classify.BYLINE),
        ("文/图 本报记者 刘洋", classify.BYLINE),
        ("新华社发 王涛 摄", classify.CREDIT),
        ("江州晚报讯 随着气温回升", classify.DATELINE),
        ("东湖讯（通讯员 李明）近日", classify.DATELINE),
        ("本报综合消息 近日", classify.DATELINE),
        ("本报通讯员 梁生仁 摄", classify.CREDIT),
        ("新华社记者 李学仁摄", classify.CREDIT),
        # A news agency's picture credited to the agency alone, and a
        # whole credit set in brackets under a caption.
        ("（新华社发）", classify.CREDIT),
        ("新华社发", classify.CREDIT),
        ("（新华社记者 李学仁 摄）", classify.CREDIT),
        ("新华社发布消息", classify.TEXT),
        # Whoever provided the picture, or an archive picture.
        ("江州市文旅局供图", classify.CREDIT),
        ("CFP供图", classify.CREDIT),
        ("（资料图片）", classify.CREDIT),
        ("他说这是资料图片，不是新照片。", classify.TEXT),
        ("DI YI SHI XIAN", classify.COLUMN),
        ("【民生关注】", classify.COLUMN),
        ("城事快递", classify.COLUMN),
        ("■相关新闻", classify.COLUMN),
        # An author's name behind a bullet under a commentary's title.
        ("□ 林风", classify.BYLINE),
        ("■张小明", classify.BYLINE),
        ("●江州一中举办科技节", classify.TEXT),
        ("作者：王芳", classify.BYLINE),
        ("作者：这篇文章写于去年。", classify.TEXT),
        ("新闻链接", classify.COLUMN),
        ("读者来信", classify.COLUMN),
        # A reader signing a letter at its end.
        ("城南花园小区居民 张大爷", classify.BYLINE),
        ("江州市读者 王芳", classify.BYLINE),
        ("小区居民张大爷说，路灯坏了。", classify.TEXT),
        ("记者手记", classify.COLUMN),
        ("链接", classify.COLUMN),
        # An opinion column's name over its headline.
        ("短评", classify.COLUMN),
        ("评论员文章", classify.COLUMN),
        ("这篇短评写得好。", classify.TEXT),
        ("相关新闻报道很多。", classify.TEXT),
        ("发布了一条快讯。", classify.TEXT),
        ("本报讯（记者刘吟）3月29日上", classify.DATELINE),
        ("本报江州10月8日电（记者", classify.DATELINE),
        ("图为：市民在公园赏景", classify.CAPTION),
        # The prompt beside a QR code is the code's caption.
        ("扫码看视频", classify.CAPTION),
        ("扫码看病，不用排长队。", classify.TEXT),
        ("让丰收的粮食颗粒归仓。", classify.TEXT),
        ("", classify.TEXT),
    ],
)
def test_classify_line(text: str, label: str) -> None:
    assert classify.classify_line(text) == label
    assert label in classify.LABELS


def test_long_lines_naming_reporters_are_text() -> None:
    line = "本报记者冯静宁在现场看到的情况和听到的声音都很多很多很多很多"
    assert classify.classify_line(line) == classify.TEXT


def test_a_marker_pointed_by_an_arrow_is_cut_from_the_end_of_its_line() -> None:
    assert classify.split_jump_to("让丰收的粮食颗粒归仓▶下转第4版") == ("让丰收的粮食颗粒归仓", "▶下转第4版")


def test_a_marker_inside_text_is_not_a_marker_line() -> None:
    assert classify.classify_line("让丰收的粮食颗粒归仓（下转第4版）") == classify.TEXT
    assert classify.is_jump_to("（下转第4版）")
    assert not classify.is_jump_to("归仓（下转第4版）")


@pytest.mark.parametrize("text", ["人民日报", "江州日报", "第1版 要闻", "2019年10月2日 星期三", "人民日报 2019年10月2日 星期三"])
def test_furniture(text: str) -> None:
    assert classify.is_furniture(text)


@pytest.mark.parametrize("text", ["第05版：要闻", "第A05版·国内新闻", "第五版：国际", "江州日报 2025年3月5日 星期三 第05版：要闻"])
def test_an_e_paper_sites_page_header_sets_its_section_after_a_colon_or_dot(text: str) -> None:
    assert classify.is_furniture(text) and classify.is_page_header(text)


@pytest.mark.parametrize(
    "text", ["第A03版 城事", "2025年3月12日 星期三 A3", "江州晚报 2025年3月12日 星期三 A3 城事 责编：王芳 美编：李明", "A03版 城事 责编 王芳"]
)
def test_a_city_papers_page_header(text: str) -> None:
    assert classify.is_page_header(text)


@pytest.mark.parametrize("text", ["A3 城事", "G20 峰会", "责编：王芳 美编：李明", "江州大桥合龙"])
def test_not_a_city_papers_page_header(text: str) -> None:
    """A bare "A3" counts only beside the date: "G20 峰会" is a headline."""
    assert not classify.is_page_header(text)


@pytest.mark.parametrize(
    "text",
    ["国内统一连续出版物号 CN99-0001  邮发代号 99-1", "今日8版  定价：1.00元", "社址：江州市人民路1号  邮编：999999", "今日16版"],
)
def test_a_line_of_the_papers_imprint(text: str) -> None:
    assert classify.is_imprint(text)


@pytest.mark.parametrize("text", ["这本书定价：30元，很便宜。", "该报今日8版，内容丰富。", "江州日报社出版", "江州大桥合龙"])
def test_not_a_line_of_the_papers_imprint(text: str) -> None:
    """A price or a page count inside a sentence is text."""
    assert not classify.is_imprint(text)


@pytest.mark.parametrize("text", ["江州大桥合龙", "", "2019年10月2日，大桥合龙。", "本报讯"])
def test_not_furniture(text: str) -> None:
    assert not classify.is_furniture(text)


def test_jump_page() -> None:
    assert classify.jump_page("（下转第四版）") == 4
    assert classify.jump_page("（上接第12版）") == 12
    assert classify.jump_page("（下转第十二版）") == 12
    assert classify.jump_page("正文") is None
    # A lettered page may go without 版 in brackets.
    assert classify.jump_page("（下转A2）") == 2
    assert classify.jump_page("（上接A1）") == 1


def test_split_jump_markers_off_text() -> None:
    assert classify.split_jump_from("（上接第1版）今天上午") == ("（上接第1版）", "今天上午")
    assert classify.split_jump_from("今天上午") is None
    assert classify.split_jump_to("让粮食颗粒归仓（下转第4版） ") == ("让粮食颗粒归仓", "（下转第4版）")
    assert classify.split_jump_to("让粮食颗粒归仓") is None
    # Only a marker that ends the line ends the text before it.
    assert classify.split_jump_to("（下转第4版）让粮食颗粒归仓") is None


@pytest.mark.parametrize(("text", "page_number"), [("A3", True), ("A02", True), ("A02 要闻", True), ("G20 峰会", False), ("G20", True), ("A02 江州市召开会议部署春耕", False)])
def test_a_bare_lettered_page_number(text: str, page_number: bool) -> None:
    """Alone on its line, or with the section after a padded number; the
    caller only asks at the top of the page (a bare "G20" there is a page)."""
    assert classify.is_bare_page_number(text) is page_number


@pytest.mark.parametrize(("text", "editors"), [("责编：王芳 美编：李明", True), ("责编：王芳", True), ("责编王芳说，版面今天改了", False)])
def test_a_line_naming_the_pages_editors(text: str, editors: bool) -> None:
    assert classify.is_editors_line(text) is editors


def test_a_digest_runs_from_its_head_to_its_last_reference() -> None:
    """Teasers after the last reference, or after a dateline, are news."""
    texts = ["今日导读", "全市春耕备耕全面展开", "▶详见第2版", "江州大桥主体结构完工 详见A3版", "本报讯 今天上午", "详见第4版"]
    assert classify.digest_lines(texts) == {0, 1, 2, 3}
    assert classify.digest_lines(["全市春耕备耕全面展开", "详见第2版"]) == set()


def test_a_city_papers_digest_names_each_teasers_lettered_page() -> None:
    texts = ["今日导读", "A3 老城区改造启动", "春季招聘会周六举行 A5", "城东新区首批安置房交付", "本报讯 今天上午"]
    assert classify.digest_lines(texts) == {0, 1, 2}


@pytest.mark.parametrize(
    ("text", "editors"),
    [
        ("责编：王芳 美编：李明", True),
        ("本版编辑：孙丽 邮箱：jzwb@example.com", True),
        ("编辑：王芳 电话：12345678", True),
        ("编辑部门今天开会", False),
        ("邮箱：jzwb@example.com", False),
    ],
)
def test_the_page_editors_line(text: str, editors: bool) -> None:
    assert classify.is_editors_line(text) is editors



@pytest.mark.parametrize(
    ("text", "forecast"),
    [("晴转多云 8℃～18℃ 东南风2级", True), ("小雨 -2～5℃", True), ("今天最高气温18℃，最低8℃。", False), ("气温在8℃～18℃之间，适宜出行。", False)],
)
def test_a_weather_forecast_line(text: str, forecast: bool) -> None:
    assert (classify.weather_lines([text]) == {0}) is forecast


@pytest.mark.parametrize(
    ("pinyin", "name", "names"),
    [
        ("JIN RI GUAN ZHU", "今日关注", True),
        ("JINRI GUAN ZHU", "今日关注", True),  # syllables run together
        ("DI YI SHI XIAN", "第一视线", True),
        ("JIN RI GUAN ZHU", "今日", False),  # one character a syllable
        ("JIN RI GUAN ZHU", "关注：今天", False),
        ("今日关注", "今日关注", False),  # no pinyin line
    ],
)
def test_the_name_of_a_column_printed_beside_its_pinyin(pinyin: str, name: str, names: bool) -> None:
    assert classify.names_pinyin_column(pinyin, name) is names


def test_pinyin_syllables_are_runs_of_vowels() -> None:
    assert classify.pinyin_syllables("XIONG MAO") == 2
    assert classify.pinyin_syllables("ZHUANGYUAN") == 2


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("新华社江州10月14", True),
        ("本报江州10月4日", True),
        ("本报江州", False),  # no date: the dateline may end here ("本报江州电")
        ("据天气变化分批播种该", False),  # a line opening with 据 is no dateline
    ],
)
def test_a_dated_dateline_broken_off_at_the_line_end(text: str, broken: bool) -> None:
    assert classify.breaks_off_dateline(text) is broken
