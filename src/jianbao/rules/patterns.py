"""Newspaper conventions as data: what a byline, a dateline, a jump marker, a
photo credit or a page header looks like in a Chinese newspaper.

Every pattern here has an example in ``tests/rules/test_patterns.py``.  Stages
never spell these conventions out themselves; they ask this module.
"""

from __future__ import annotations

from jianbao.rules.script import chars_in_either_script, compile_rule, simplified

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NUM = r"[0-9０-９一二三四五六七八九十百〇零两]+"

# A person's name as printed in credits: 2–4 Han characters, or a
# transliterated name joined by the middle dot (阿依努尔·吐尔逊).
NAME = rf"[{CJK}]{{1,6}}(?:[·・][{CJK}]{{1,8}})*"
NAME_LIST = rf"{NAME}(?:\s*[、，,\s]\s*{NAME})*"

# Roles a newspaper prints in front of names: who the reporter works for
# (本报, 新华社, a paper's own name such as 江州晚报), where or how (驻京,
# 特约, 融媒体), and the role itself: "本报记者", "本报驻京记者",
# "江州晚报融媒体记者", "特约通讯员", "实习生", "作者".
OUTLET = r"(?:本报|本台|本刊|本网|新华社|中新社|人民网|央视)"
POSTING = rf"(?:驻[{CJK}]{{1,4}}|特约|特派|首席|实习|见习|融媒体|全媒体|摄影|视觉)"
# The look-ahead on the first character lets a search skip at once the many
# places where no role starts.
ROLE = rf"(?=[本新中人央驻特首实见融全摄视记通评作])(?:{OUTLET}?{POSTING}{{0,2}}(?:记者|通讯员|评论员)|{OUTLET}?实习生|作者|摄影)"
# A paper's own name ("江州晚报", "新京报"): it opens a dateline ("江州晚报讯")
# and a byline ("江州晚报记者 孙丽"), where it is looked for at the start only.
PAPER = rf"[{CJK}]{{0,6}}?(?:日|晚|晨|早|商|快|京|时|都市)报"
PAPER_ROLE = rf"(?:(?=[{CJK}]{{1,7}}报){PAPER}(?={POSTING}{{0,2}}(?:记者|通讯员|评论员|实习生)))?"


def role_name(printed: str) -> str:
    """The role a printed role word names (the gold's 'role' field): the
    outlet and posting are dropped, except that a special correspondent
    stays one.

    >>> role_name("本报驻京记者"), role_name("江州晚报融媒体记者"), role_name("本报特约通讯员")
    ('记者', '记者', '特约通讯员')
    """
    printed = simplified(printed)  # "本報記者" names a 记者 too
    for core in ("记者", "通讯员", "评论员", "实习生"):
        if printed.endswith(core):
            return "特约" + core if "特约" + core in printed else core
    return printed


# --- jump markers: where an article is cut and continued --------------------
# （下转第4版） / （转第4版） / 下转第四版 ; （上接第1版） / （接第1版）.  City
# papers number their pages within lettered sections: （下转A3版）, 第A03版.
# The page's number is the number after the letter.
SECTION_LETTER = r"[A-Za-zＡ-Ｚ]"
# A page named without brackets: "第4版", "第A3版", "A3版".
PAGE_REF = rf"(?:第\s*{SECTION_LETTER}?|{SECTION_LETTER})\s*{NUM}\s*版"
JUMP_TO = compile_rule(rf"[（(]?\s*(?:下转|转至|转)\s*第?\s*{SECTION_LETTER}?\s*({NUM})\s*(?:版|(?=\s*[)）]))\s*[)）]?")
JUMP_FROM = compile_rule(rf"[（(]?\s*(?:上接|紧接|接)\s*第?\s*{SECTION_LETTER}?\s*({NUM})\s*(?:版|(?=\s*[)）]))\s*[)）]?")
# The marker as a whole printed token, parentheses included.  City papers
# may leave out 版 after a lettered page ("（下转A2）"), or point the way
# with an arrow instead of brackets ("▶下转第3版", "下转A3版►").
JUMP_ARROW = "▶►▸→▷"
JUMP_TO_TOKEN = compile_rule(
    rf"(?:[{JUMP_ARROW}]\s*)?"
    rf"(?:[（(]\s*(?:下转|转至|转)\s*第?\s*{SECTION_LETTER}?\s*{NUM}\s*版\s*[)）]"
    rf"|[（(]\s*(?:下转|转至|转)\s*{SECTION_LETTER}\s*{NUM}\s*[)）]"
    rf"|(?:下转|转至){PAGE_REF})"
    rf"(?:\s*[{JUMP_ARROW}])?"
)
# A line that is only "转第4版": a marker too, though the same words at the
# end of a line of text are not cut off as one ("……转第4版" may run on).
BARE_JUMP_TO = compile_rule(rf"^\s*转\s*{PAGE_REF}\s*$")
JUMP_FROM_TOKEN = compile_rule(
    rf"[（(]\s*(?:上接|紧接|接)\s*第?\s*{SECTION_LETTER}?\s*{NUM}\s*版\s*[)）]"
    rf"|[（(]\s*(?:上接|紧接|接)\s*{SECTION_LETTER}\s*{NUM}\s*[)）]"
    rf"|(?:上接|紧接){PAGE_REF}"
)

# --- datelines: the opener of a news body ----------------------------------
# 本报讯 / 江州晚报讯 / 本报北京10月1日电 / 新华社北京10月1日电 / 据新华社电 /
# 本报北京10月1日讯 / 据新华社北京10月1日电 / 据《江州日报》报道 / 中新网…电 / 本报综合消息 /
# 综合新华社电 / 人民网消息 / a county correspondent's "东湖讯（通讯员 李明）"
DATELINE = compile_rule(
    rf"^\s*(?P<dateline>"
    rf"(?:本报|本台|本网|(?=[{CJK}]{{1,8}}报讯){PAPER})讯"
    rf"|[{CJK}]{{2,4}}(?<![通资])讯(?=\s*[（(]\s*(?:本报)?(?:记者|通讯员|特约|见习|实习))"
    rf"|本报综合(?:消息|报道|新华社电)"
    rf"|综合(?:新华社|中新社)电"
    rf"|(?:新华网|人民网|央视网|中新网|央广网|光明网)消息"
    rf"|本报[{CJK}]{{0,12}}?{NUM}月{NUM}日(?:专)?[电讯]"
    rf"|(?:新华社|中新社|人民网|央视网|中新网|新华网)[{CJK}·]{{0,14}}?{NUM}月{NUM}日(?:专)?电"
    rf"|(?:新华社|中新社)(?:[{CJK}]{{1,12}})?电"
    rf"|据(?:[{CJK}]{{2,12}}|《[^》]{{2,12}}》)(?:[{CJK}]{{0,8}}?{NUM}月{NUM}日)?(?:报道|消息|电)"
    rf")"
)
# The credit that follows a dateline in parentheses: 本报讯（记者刘吟）
OPENER_CREDIT = compile_rule(rf"^\s*[（(]\s*(?P<credits>(?:{ROLE}\s*)?{NAME}(?:\s*[、，,\s]\s*(?:{ROLE}\s*)?{NAME})*)\s*[)）]")

# --- bylines printed under a headline --------------------------------------
# 本报记者 冯静宁 / 记者 卢晨、王芳 / 本报记者 王芳 本报通讯员 李明.  City
# papers set a mark before the byline ("■本报记者 王芳", "□记者 李明"),
# label who wrote and who took the pictures ("文/图 本报记者 王芳",
# "文/王芳 图/李明", "本报记者 王芳 文/图") and may close it with "报道".
BYLINE_MARK = r"[■□●○◎◆◇▲△★☆]"
CREDIT_LABEL = r"(?:文\s*[/／]\s*图|图\s*[/／]\s*文|(?:文|图|文字|图片|摄影|摄)\s*[/／]|摄\s*[：:])"
# Running text opens with a reporter doing something ("记者走访发现，多家……",
# "记者从市教育局获悉", "本报评论员认为"): a role followed by such a verb is
# no byline.
REPORTER_AT_WORK = r"(?!\s*(?:采访|了解|获悉|发现|看到|注意到|走访|调查|从|在|对|近日|日前|随机|来到|跟随|随同|认为|表示|指出))"
# A commentary the paper or agency signs as its own carries no name: "本报评论员",
# "人民日报评论员", "新华社特约评论员".
BYLINE = compile_rule(
    rf"^\s*(?:{BYLINE_MARK}\s*)?{PAPER_ROLE}"
    rf"(?:{CREDIT_LABEL}\s*(?=[{CJK}]{{2}})(?:{ROLE}{REPORTER_AT_WORK}\s*)?{NAME_LIST}\s*|{ROLE}{REPORTER_AT_WORK}\s*{NAME_LIST}\s*)+"
    rf"(?:(?<=\s)(?:文\s*[/／]\s*图|图\s*[/／]\s*文)\s*)?$"
    rf"|^\s*(?:{BYLINE_MARK}\s*)?(?:{OUTLET}|{PAPER})(?:特约)?评论员\s*$"
    # An author's name alone behind a bullet, under a commentary's title
    # ("□ 林风"): a signature, never a line of text.
    rf"|^\s*{BYLINE_MARK}\s*[{CJK}](?:\s?[{CJK}]){{1,2}}\s*$"
    # The author labelled with a colon ("作者：王芳").
    rf"|^\s*(?:{BYLINE_MARK}\s*)?作者\s*[：:]\s*{NAME_LIST}\s*$"
)
# A reader signing a letter at its end: who they are, a space, the name
# ("城南花园小区居民 张大爷", "江州市读者 王芳").
READER_SIGNATURE = compile_rule(
    rf"^\s*[{CJK}]{{0,12}}(?:读者|居民|市民|网友|村民|群众|职工|家长|学生|退休教师)\s+(?P<name>[{CJK}]{{2,4}})\s*$"
)
# A byline broken over two lines: the role alone, then the names alone.
ROLE_ONLY = compile_rule(rf"^\s*(?:{BYLINE_MARK}\s*)?{PAPER_ROLE}{ROLE}\s*$")
NAMES_ONLY = compile_rule(rf"^\s*{NAME}(?:\s*[、，,]\s*{NAME})*\s*$")
# One role with its names inside a byline or credit.
ROLE_GROUP = compile_rule(rf"(?P<role>{ROLE})\s*(?P<names>{NAME_LIST}?)(?=\s*(?:{ROLE}|摄|$|[)）]))")

# --- photo credits: 本报通讯员 梁生仁 摄 / 新华社记者 李学仁摄 ----------------
# The agency or kind of picture may follow in brackets: "李明摄（视觉江州）".
# A news agency's picture names the agency first: "新华社发 王涛摄",
# "新华社发（王涛 摄）", or only the agency: "（新华社发）"; the whole
# credit may stand in brackets: "（新华社记者 王涛 摄）"; a label may stand
# for the verb: "图/视觉江州"; whoever provided it, a body or an agency
# ("江州市文旅局供图", "CFP供图"), or an archive picture ("（资料图片）").  A
# photo report is signed "……摄影报道" at the end of its text, which is no
# single picture's credit.
AGENCY_PICTURE = r"(?:新华社|中新社)发"
PHOTO_CREDIT = compile_rule(
    rf"^\s*[（(]?\s*(?:{AGENCY_PICTURE}\s*[（(]?\s*)?(?:{ROLE}\s*)?{NAME_LIST}\s*(?:{ROLE}\s*{NAME_LIST}\s*)*"
    rf"[/／]?\s*(?:摄影?|供图|绘|制图)\s*[)）]?\s*(?:[（(][^（）()]{{2,10}}[)）])?\s*$"
    rf"|^\s*图\s*[/／]\s*{NAME_LIST}\s*$"
    rf"|^\s*摄影?\s*[：:/／]\s*{NAME_LIST}\s*$"
    rf"|^\s*[（(]?\s*{AGENCY_PICTURE}\s*[)）]?\s*$"
    rf"|^\s*[（(]?\s*[{CJK}A-Za-z0-9·]{{2,16}}供图\s*[)）]?\s*$"
    rf"|^\s*[（(]?\s*资料(?:图片|照片)\s*[)）]?\s*$"
)
# A credit printed at the end of a caption line: "……时光。 本报记者 王平摄",
# "……时光。（新华社记者 王涛 摄）", or a name alone set apart by a space,
# the picture agency after it: "……时光。 江小舟摄（视觉江州）".
TRAILING_CREDIT = compile_rule(
    rf"(?P<credit>(?:[（(]\s*)?(?:(?:{AGENCY_PICTURE}\s*[（(]?\s*(?:{ROLE}\s*)?|{ROLE}\s*){NAME_LIST}|(?<=\s)[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}})*)"
    rf"\s*[/／]?\s*(?:摄影?|供图)\s*[)）]?\s*(?:[（(][^（）()]{{2,10}}[)）])?)\s*$"
)
# The verb closing a photo credit ("……摄", "……供图"): a quick look before the
# credit patterns above, and the end of the text before an agency in brackets
# ("……江小舟摄（视觉江州）").
_PHOTO_VERBS = r"摄|供图"
PHOTO_VERB = compile_rule(_PHOTO_VERBS)
PHOTO_VERB_AT_END = compile_rule(rf"(?:{_PHOTO_VERBS})$")

# --- closing credits -------------------------------------------------------------
# Who edited or laid out the page or feature, or where a chart's figures
# come from, printed after the last text: "本版统筹：李明", "版式设计：王芳",
# "责任编辑：张强", "数据来源：江州市统计局".  Running text of that text,
# never a headline.
CLOSING_CREDIT = compile_rule(
    r"^\s*(?:本版)?(?:统\s*筹|策\s*划|责\s*编|责任编辑|编\s*辑|版式设计|美\s*编|制\s*图|图表制作|数据来源|资料来源)\s*[：:]"
)
# Where a page's or text's pictures come from, printed after the text
# ("本版图片除署名外均为资料照片", wrapped or not, "图片由江州市文旅局提供"):
# a closing note, never a headline.
PICTURE_SOURCE = compile_rule(r"^\s*本版(?:照片|图片)|资料(?:图片|照片)\s*$|^\s*[（(]?(?:图片|照片)由.{2,20}提供\s*[)）]?\s*$")

# --- captions -----------------------------------------------------------------
CAPTION_START = compile_rule(r"^\s*(?:图为|上图|下图|左图|右图|中图|图[①②③④⑤⑥⑦⑧⑨⑩一二三四五六七八九0-9]|[①②③④⑤⑥⑦⑧⑨⑩]\s*[：:]?)")
# The prompt printed beside a QR code ("扫码看视频", "扫描二维码了解更多"):
# the code's caption.  A scan word, a verb of reading or watching, and a
# few characters more, without a clause mark (a sentence about paying by
# scanning, "扫码支付，……", is running text).
QR_PROMPT = compile_rule(
    r"^\s*(?:手机|微信)?(?:扫码|扫一扫|扫描(?:[上下左右]方|[左右]侧)?(?:二维码|此码)|长按(?:识别)?二维码)\s*"
    r"(?:即可|可)?(?:观看|看|了解|查看|阅读|收看|收听|获取|关注|下载|参与|进入|浏览|听)[^，。；：,;:！？]{0,14}$"
)

# --- headline stacks ---------------------------------------------------------
# A subtitle (副题) opens with a dash ("——记……") or stands in brackets
# ("（2019年10月1日）"); a last line naming who presided or attended
# ("刘星主持", "李克强出席") is one too, but not the title of a speech,
# which names it after 的 ("在……团拜会上的讲话").
SUBTITLE_START = compile_rule(r"^\s*(?:——|—|－－|--)")
BRACKETED = compile_rule(r"^\s*[（(][^（）()]*[)）]\s*$")
LEADER_LINE = compile_rule(r"(?<!的)(?:主持|出席|讲话|致辞|参加|会见|批示|宣读|颁奖|出席并讲话|主持会议|参加审议)(?:会议|仪式)?\s*$")
# A kicker (引题) ends with a dash or colon ("……表白——"), or with a
# reporting verb ("……时强调"), or names the act the title reports: an
# article published, an order signed, an approval ("《江州日报》发表……文章",
# "……签署市政府令", "经……批准"), or a document issued or released, whose
# name is the title under it ("江州市委印发", "……印发通知", "……标准公布");
# or it opens with 就 ("就江州建市70周年").
KICKER_END = compile_rule(
    r"(?:——|—|：|:|强调|表示|指出|提出|要求|发表.{0,16}文章|签署.{0,16}令|^经.{1,16}批准|印发(?:通知)?|发布|公布)\s*$"
)
# A kicker reporting what someone said where ("……在江州调研时强调", "……在
# 座谈会上指出"): running text puts a comma or colon after such a verb, and
# no line of text opens with one, so a line that ends on it is a kicker.
REPORTING_KICKER = compile_rule(r"[时上中](?:强调|指出|表示)\s*$")
# A kicker naming who approved what the title reports ("经市委批准",
# "经江州市人民政府批准"): running text goes on after 批准 with a comma,
# which no line opens with, so a line that is only "经……批准" is a kicker.
APPROVAL_KICKER = compile_rule(r"^\s*经[^，。、；：,;:“”（）()]{1,16}批准\s*$")
# A subtitle naming who attended ("……出席并讲话", "……主持会议"): running
# text would go on with a full stop, which no line opens with.
ATTENDANCE_SUBTITLE = compile_rule(r"(?:出席并讲话|出席并致辞|并发表讲话|主持会议|出席会议)\s*$")
KICKER_START = compile_rule(r"^\s*就")
# The dash a kicker ends on, leading into the title under it ("……表白——"):
# a subtitle opens on its dash, a title never ends on one.
KICKER_DASH = compile_rule(r"(?:——|—|－－|--)\s*$")
# Frames a headline opens on one line and closes on the next, so that the
# two printed lines are one title: "关于……的决定" (a document's name),
# "向……致贺信" (a message to someone), "出席……仪式" (an occasion attended),
# "同……共度" (a feast kept together with someone), "在……中" / "在……上"
# (where it happened).
# Each is (what opens the frame, what closes it on the next line).
HEADLINE_FRAMES = (
    (compile_rule(r"关于"), compile_rule(r"的(?:决定|通知|意见|规定|办法|决议|批复|公告|报告)$")),
    (compile_rule(r"向(?!.*致)"), compile_rule(r"^\s*致|致(?:贺信|贺电|贺词|信|电|辞|函)$")),
    (compile_rule(r"出席(?!.*(?:仪式|典礼|大会|开幕式|闭幕式|会议|活动|晚会)$)"), compile_rule(r"(?:仪式|典礼|开幕式|闭幕式)$")),
    (compile_rule(r"同(?![^，。]*(?:电话|会谈|会见|贺电|贺信|欢度|共度|共庆|共迎))[^，。]*$"), compile_rule(r"^\s*(?:欢度|共度|共庆|共迎)")),
    (compile_rule(r"^\s*在(?![^，。]*(?:中|上|之际|期间))"), compile_rule(r"^\s*[^，。中上]{2,12}(?:中|上)")),
)


def opens_frame(text: str) -> bool:
    """A headline line opens a frame of :data:`HEADLINE_FRAMES` it does not close."""
    line = text.strip()
    return any(opens.search(line) and not closes.search(line) for opens, closes in HEADLINE_FRAMES)


def closes_frame(prev: str, nxt: str) -> bool:
    """``prev`` opens a frame that only ``nxt`` closes: one title set over
    two lines ("江州市人大常委会关于授权市政府在老城" / "开展街区更新试点的决定").

    >>> closes_frame("市长向江州国际茶叶", "博览会致贺信")
    True
    """
    a, b = prev.strip(), nxt.strip()
    return any(opens.search(a) and not closes.search(a) and closes.search(b) for opens, closes in HEADLINE_FRAMES)


# A headline line opening on where something happened ("在北山开展防汛检查"):
# it carries on the statement of the line over it, which names who acted.
SETTING_OPENING = compile_rule(r"^\s*在")
# A speech's own name ("在江州老城保护恳谈会上的讲话"): the title, though it
# ends on a word that closes subtitles naming who spoke ("市长讲话"); like a
# subtitle it is the last line of its stack, but for a dated one.
SPEECH_TITLE = compile_rule(r"的(?:讲话|致辞|演讲|主旨演讲)\s*$")
# A kicker naming who spoke where ("市长在江州调研时强调", "……在座谈会上
# 指出"), with the gist of what was said run on after it when an extractor
# joined the kicker's two printed lines ("市长在江州调研强调守住耕地红线").
# Titles report the act itself; the speaker-at-occasion-stressed formula
# belongs to the line over them.
REPORTED_SPEECH = compile_rule(r"^\s*[^\s，。；：、,;:]{2,16}?在[^，。；：,;:]{2,30}?(?:强调|指出)")
# A paragraph reporting more of what someone or something named before it
# said ("他指出，……", "文章强调，……", "会议还要求，……"): it goes on with a
# text, never opens one, as a report names its speaker before it quotes.
GOES_ON_REPORTING = compile_rule(
    r"^\s*(?:他|她|他们|她们|文章|会议|讲话|贺信|贺电|信中|报告|声明|通知|意见|决定)"
    r"(?:还|也|同时|最后|进一步|特别)?(?:指出|强调|表示|要求|希望|认为|说)"
)


# A line that is one quotation whole ("“老街的早点铺又开张了”"): a headline
# quoting what someone said.  Running text fills its lines, so a quotation
# set alone on a line short of the column is no line of a paragraph.
QUOTED_LINE = compile_rule(r"^\s*“[^“”]{2,40}”\s*$")

# A headline in two parallel halves set apart by a space ("山河壮丽  岁月峥嵘",
# "城市有温度 生活更美好（江声）").  Running text never puts a space between
# Han characters, so such a line is a headline or an intertitle.
PARALLEL_HALVES = compile_rule(rf"^[^，。、；：,;]*[{CJK}]{{2,}}[ \u3000]+[“《{CJK}]{{2,}}[^，。、；：,;]*$")

# A headline of three or more words of one length set apart by middle dots
# ("勤劳·节俭·守信", "老街·老店·老井"): the parallel words of a slogan.  A
# foreign name runs its parts together the same way, but not three or more
# of one length alone on a line.
_DOT = "·•・‧"
PARALLEL_SERIES = compile_rule(
    "|".join(rf"^\s*[{CJK}]{{{n}}}(?:[{_DOT}][{CJK}]{{{n}}}){{2,}}\s*$" for n in (2, 3, 4))
)


# A column tag in brackets closing a headline: "……（权威发布）", "……（钟声）",
# "……（人民论坛）", up to a campaign's series name of some 40 characters.
# Intertitles never carry one, so a line with a tag is an article's headline.
COLUMN_TAG = compile_rule(r"[^（(\s][（(][^（）()]{2,40}[)）]\s*$")


# A column tag alone on a line ("（江声）", "（江州论坛·老街故事）"), where
# the extractor wrapped it apart from its headline: a name in brackets, no
# date (a bracketed date under a title is a subtitle, "（2024年3月5日）").
TAG_LINE = compile_rule(r"^\s*[（(](?![^（）()]*[0-9０-９〇零一二三四五六七八九十]\s*[年月日])[^（）()]{2,40}[)）]\s*$")


def is_source_note(text: str) -> bool:
    """A bracketed note naming the source or reporters, printed at the end
    of a text: "（新华社江州3月5日电）", "（本报记者 王芳）", "（来源：江州新闻网）".

    >>> is_source_note("（本报记者 王芳）"), is_source_note("（江州观察）")
    (True, False)
    """
    s = "".join(text.split())
    if not (s[:1] in "（(" and s[-1:] in "）)"):
        return False
    inner = s[1:-1]
    return bool(DATELINE.match(inner) or _CREDIT_WORDS.search(inner) or _SOURCE_LABEL.match(inner))


# A role, or 综合 (put together from several reports), inside a source note.
_CREDIT_WORDS = compile_rule(rf"{ROLE}|综合")
# "来源：……", "稿源：……", "摘自……": where a reprinted text comes from.
_SOURCE_LABEL = compile_rule(r"^(?:来源|稿源|信息来源)[：:]|^(?:摘自|转自|选自)")


def is_tag_alone(text: str) -> bool:
    """A headline's column tag on its own ("（江州观察）"), not a source
    note closing a text: no line of running text is only a name in
    brackets.

    >>> is_tag_alone("（江州观察①）"), is_tag_alone("（新华社江州3月5日电）")
    (True, False)
    """
    return bool(TAG_LINE.match(text)) and not is_source_note(text)


# A section label inside a feature that profiles several people or places:
# a short name closed by a dash ("李明——", "意大利罗马——").
SECTION_LABEL = compile_rule(r"^[^，。、；：！？]{1,10}(?:——|—)\s*$")


# The label a printed letter or telegram opens with, set on a line of its
# own above the text ("贺信", "贺 信", "回信", "唁电", "慰问信"), or an
# editor's word opening a column ("开栏的话", "编者按"): the start of the
# body, not a headline, and no pen name.
DOCUMENT_LABEL = compile_rule(
    r"^\s*(?:[贺回复唁]\s*[信电]|(?:慰\s*问|感\s*谢|公\s*开)\s*信|(?:开栏|编者|编后)的话|编者按|编后语)\s*$"
)
# An editor's note run into its first paragraph ("编者按：……"): it opens a
# feature or series, never the middle of a text.
EDITOR_NOTE = compile_rule(r"^\s*(?:(?:开栏|编者)的话|编者按)\s*[：:]")


# --- what kind of text an article is -------------------------------------------
# An opinion piece: its headline carries an opinion column's tag ("……（社论）",
# "……（人民论坛）", "……（江州时评）"), or its subtitle names the thesis of
# an editorial series ("——论……"), or it is signed by a commentator.
# The tag names the column in a few characters, before any series name
# after a dot ("（江州论坛·新春谈）"); a tag naming an event
# ("（聚焦江州科技周论坛）") is a news column.
OPINION_TAG = compile_rule(
    r"[（(][^（）()·]{0,4}(?:社论|评论|论坛|今日谈|钟声|时评|短评|快评|锐评|随笔|杂谈|漫谈|札记|言论)(?:·[^（）()]*)?[)）]\s*$"
)
THESIS_SUBTITLE = compile_rule(r"^\s*——\s*论")
# An editor's note to readers: it opens on its label ("编者按：", "开栏的话")
# or announces what the paper will print ("从即日起，本报记者将……", "本版开设……栏目").
EDITORS_ANNOUNCEMENT = compile_rule(r"(?:从即日起|自即日起|本期起|今日起|本报(?:今起|特)?(?:开设|推出)|本版(?:开设|推出)|敬请关注|本报记者将)")


# A headline naming a document printed in full under it: a statement, a
# decision, a notice, a law, a speech ("……联合声明", "……的决定", "……条例").
# Such a title opens a text of its own; no intertitle names a document.
DOCUMENTS_DATED_UNDER_TITLE = "声明|决定|决议|意见|通知|通告|公告|公报|条例|办法|规定|纲要|命令|讲话|致辞"
DOCUMENT_TITLE = compile_rule(rf"(?:{DOCUMENTS_DATED_UNDER_TITLE}|贺信|贺电)\s*$")

# A title naming a document printed with its date in brackets under it: a
# decision, an opinion, a law, a speech ("……的意见" / "（2024年3月5日）").  A
# letter or telegram (贺信, 贺电) is dated under its signature instead.
DATED_DOCUMENT_TITLE = compile_rule(rf"(?:{DOCUMENTS_DATED_UNDER_TITLE})\s*$")

# The date an official document, speech or decision was adopted, printed in
# brackets on a line of its own under its title ("（2024年3月5日）",
# "（二〇二四年三月五日）"): part of the headline stack, not of the body.
DOCUMENT_DATE = compile_rule(r"^\s*[（(]\s*[0-9０-９〇零一二三四五六七八九十]{2,4}\s*年[0-9０-９〇一二三四五六七八九十]{1,3}\s*月(?:[0-9０-９〇一二三四五六七八九十]{1,3}\s*日)?\s*[)）]\s*$")

# A date alone on a line, closing a letter, decree or speech under its
# signature ("2024年3月5日", "二〇二四年三月五日"): the text's last paragraph.
CLOSING_DATE = compile_rule(r"^\s*[0-9０-９〇零一二三四五六七八九十]{4}\s*年[0-9０-９〇一二三四五六七八九十]{1,3}\s*月[0-9０-９〇一二三四五六七八九十]{1,3}\s*日\s*$")

# A figure set alone as a highlight in a text ("7亿多", "1.7%", "3000万元"):
# a paragraph of that text, never a headline line.
FIGURE_ONLY = compile_rule(r"^\s*[0-9０-９][0-9０-９.．]*\s*[万亿千百]*[多余]?\s*(?:%|％|[元人个次家户项吨亩倍])?\s*$")

def is_subtitle_line(text: str) -> bool:
    return bool(SUBTITLE_START.match(text) or BRACKETED.match(text) or LEADER_LINE.search(text))


# A kicker naming only where the news comes from ("东城区" / "老旧小区加装电梯
# 一百部", "青山镇、白沙镇"): a place is no title.
PLACE_KICKER = compile_rule(rf"^\s*[{CJK}]{{2,6}}(?:省|市|县|区|镇|乡|村|街道|社区|州)(?:\s*[、·]\s*[{CJK}]{{2,6}}(?:省|市|县|区|镇|乡|村|街道|社区|州))*\s*$")


def is_kicker_line(text: str) -> bool:
    return bool(KICKER_END.search(text) or KICKER_START.match(text) or REPORTED_SPEECH.match(text) or PLACE_KICKER.match(text))


# A key point set in a bullet list above a news text ("■ 七十年来……"), a
# summary of the text under it.
BULLET_POINT = compile_rule(r"^\s*[■●◆▲★]")

# An enumerated point or clause: "一、……", "（二）……", "3. ……".  Such lines
# head sections inside a text (intertitles), never an article.
ENUMERATED = compile_rule(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[、.．]\s*\D)")


# --- column heads ----------------------------------------------------------------
# Pinyin printed as a column ornament: "DI YI SHI XIAN".
PINYIN_COLUMN = compile_rule(r"^\s*[A-Z]{1,6}(?:\s+[A-Z]{1,6}){1,7}\s*$")
# A column's name in lenticular or tortoise-shell brackets on a line of its
# own over the article ("【民生关注】", "〖江州观察〗", "〔江州时评〕");
# running text never sets a line that way.
BRACKETED_COLUMN = compile_rule(r"^\s*[【〖〔]\s*[^【】〖〗〔〕，。；！？]{2,12}\s*[】〗〕]\s*$")
# The name of a column of briefs, on a line of its own over the first of
# them ("城事快递", "教育简讯", "财经速递"), of what a paper sets beside
# a report ("■相关新闻", "新闻链接", "链接", "记者手记"), or of an opinion
# column over its headline ("短评", "时评", "评论员文章"), a bullet before it
# or not: what the item is, not its headline.  (An editor's "编后语" opens a
# body: DOCUMENT_LABEL.)
COLUMN_NAME = compile_rule(
    rf"^\s*[■□●◆▲★◎▶]?\s*(?:[{CJK}]{{0,6}}(?:快讯|简讯|快递|速递|短波|直通车|扫描|传真|集锦)"
    r"|相关新闻|相关链接|新闻链接|背景链接|知识链接|链接|延伸阅读|新闻背景|记者手记|读者来信|来信照登|百姓心声|网友留言"
    r"|短评|快评|时评|锐评|微评|评论员文章|编辑部文章)\s*$"
)

# --- page furniture -------------------------------------------------------------
PAGE_HEADER = compile_rule(rf"(?:第\s*{SECTION_LETTER}?|(?<![A-Za-z0-9]){SECTION_LETTER})\s*({NUM})\s*版")
# "2020年3月5日", and as e-paper sites print it, "2020-03-05" or "2020.03.05".
DATE = compile_rule(
    r"(?P<y>(?:19|20)\d\d)\s*(?:(?P<nian>年)|(?P<sep>[-./／]))\s*(?P<m>\d{1,2})\s*(?(nian)月|(?P=sep))\s*(?P<d>\d{1,2})(?(nian)\s*日|(?!\d))"
)
# The same, inside a longer pattern (no named groups).
_DATE_TEXT = r"(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2}|\.\d{1,2}\.\d{1,2}|[/／]\d{1,2}[/／]\d{1,2})(?!\d)"
WEEKDAY = compile_rule(r"星期[一二三四五六日天]")
# A header line: masthead name, date, weekday, page number and section only.
# E-paper sites set the section after a colon or a dot ("第05版：要闻",
# "第A05版·国内新闻") and the fields apart by slashes or bars ("江州日报 /
# 2020年3月5日 / 星期四 / 第5版"); some add the lunar date ("农历二月十二").
_HEADER_SEP = r"[\s/／|｜]*"
# What sets a page's section apart from its number ("第05版：要闻").
SECTION_SEPARATORS = "：:·・"
_LUNAR_DATE = rf"农历(?:[{CJK}]{{2}}年)?闰?[正一二三四五六七八九十冬腊]{{1,2}}月[初十廿卅二三][一二三四五六七八九十]?"
# The day, as a header line prints it: date, weekday, lunar date.
_HEADER_DAY = rf"(?:{_DATE_TEXT}{_HEADER_SEP})?(?:星期[一二三四五六日天]{_HEADER_SEP})?(?:{_LUNAR_DATE}{_HEADER_SEP})?"
HEADER_LINE = compile_rule(
    rf"^{_HEADER_SEP}(?:[{CJK}]{{2,8}}报(?:[{CJK}]{{1,3}}版)?{_HEADER_SEP})?{_HEADER_DAY}"
    rf"(?:第\s*{SECTION_LETTER}?\s*{NUM}\s*版\s*(?:[{SECTION_SEPARATORS}]\s*)?(?:[{CJK}]{{1,8}})?{_HEADER_SEP})?"
    rf"{_HEADER_DAY}$"
)
# The page's number alone at the foot or head of the page (a folio), bare
# or set between dashes: "5", "— 5 —", "-5-", "第5页".
FOLIO = compile_rule(r"^[\s\-—–－~～]*(?:第\s*)?\d{1,3}\s*页?[\s\-—–－~～]*$")
# City papers print more on the header line: the page's lettered number
# without 版 ("A3 城事") and who edited it ("责编：王芳 美编：李明 校对：张强").
# Each such line is made only of these tokens (see classify.is_page_header).
BARE_PAGE = compile_rule(r"^[A-Z]\d{1,2}$")
EDITORS = compile_rule(rf"^(?:本版)?(?:责编|责任编辑|编辑|美编|校对|版式|视觉|审读)[：:]?(?:[{CJK}]{{2,4}})?$")
# How to reach the page's editors, beside their names ("邮箱：jzwb@example.com").
EDITORS_CONTACT = compile_rule(r"^(?:电子)?(?:邮箱|信箱|[Ee]-?[Mm]ail|电话|传真|热线)[：:]\S+$")
# The paper's imprint, printed beside the masthead or at the foot of the
# front page: registration numbers, postal code, price, address, how many
# pages today ("国内统一连续出版物号 CN99-0001", "邮发代号 99-1", "定价：1.00元",
# "今日8版").  Page furniture, set in fields apart by spaces, never in
# sentences.
IMPRINT_FIELD = compile_rule(
    r"国内统一连续出版物号|国际标准连续出版物号|邮发代号|(?<![A-Za-z])CN\s*\d{2}\s*[-－]\s*\d{4}|ISSN\s*\d{4}|广告(?:经营)?许可证"
    r"|(?:定价|零售价)\s*[：:]?\s*\d|社\s*址\s*[：:]|邮\s*编\s*[：:]?\s*\d{6}|今日\s*\d{1,3}\s*版|出版\s*日期"
)
# A front page's digest: its head ("今日导读", "要闻导读", "本期看点") and the
# reference closing each teaser to the page that prints the story ("详见第2版",
# "▶详见A3版", "（详见第3版）"), on a line of its own or at a teaser's end.
DIGEST_HEAD = compile_rule(rf"^\s*[{CJK}]{{0,4}}(?:导读|看点)\s*$")
REFERENCE = compile_rule(
    rf"[（(]?\s*[▶►>→]?\s*(?:详见|详情见|全文见|见)\s*{PAGE_REF}\s*[)）]?\s*$"
)
# The weather box: its head ("今日天气", "天气预报") and forecast lines with a
# temperature range and no sentence in them ("晴转多云 8℃～18℃ 东南风2级").
WEATHER_HEAD = compile_rule(rf"^\s*[{CJK}]{{0,4}}(?:天气|天气预报)\s*$")
WEATHER_LINE = compile_rule(r"^[^，。；！？]*-?\d{1,2}\s*(?:℃|°C)?\s*[～~至\-—－/]\s*-?\d{1,2}\s*(?:℃|°C)[^，。；！？]*$")
# A masthead: a paper's name alone on a line (人民日报, 晋中日报, 北京晚报).
MASTHEAD = compile_rule(rf"^\s*[{CJK}]{{2,8}}(?:日报|晚报|晨报|时报|商报|报)(?:[{CJK}]{{1,3}}版)?\s*$")

# --- punctuation ------------------------------------------------------------------
SENTENCE_END = "。！？!?…"
# A full stop typed as a Latin period, as OCR and some fonts print it: right
# after a Han character ("……重要通道."), never a decimal point ("3.5") or
# an abbreviation's.
HAN_FULL_STOP = compile_rule(rf"[{CJK}]\.$")


def ends_on_full_stop(text: str) -> bool:
    """Whether ``text`` ends on a full stop: "。", or a period right after
    a Han character (:data:`HAN_FULL_STOP`)."""
    return text[-1:] == "。" or HAN_FULL_STOP.search(text) is not None


def ends_on_sentence_mark(text: str) -> bool:
    """Whether ``text`` ends on a mark that ends a sentence
    (:data:`SENTENCE_END`, or a full stop typed as a period)."""
    return (bool(text) and text[-1] in SENTENCE_END) or ends_on_full_stop(text)
CLOSERS = "”’」』）)》〉】"
OPENERS = "“‘「『（(《〈【"
# The marks that part clauses inside a sentence.
CLAUSE_MARKS = frozenset("，、；：,;:")
# The marks that punctuate running text inside and at the end of its
# sentences; headline lines mostly go without them.
TEXT_MARKS = CLAUSE_MARKS | frozenset(SENTENCE_END)
# Characters that never start a printed line (行首禁则): a line starting with
# one continues the previous line.
NO_LINE_START = "，。、；：！？）》」』”’…—%"

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def iso_date(text: str) -> str | None:
    """The first date printed in ``text`` (:data:`DATE`) as ISO 8601:
    "2019年10月2日 星期三" → "2019-10-02"; None when there is none."""
    d = DATE.search(text)
    return f"{int(d['y']):04d}-{int(d['m']):02d}-{int(d['d']):02d}" if d else None


def to_int(numeral: str) -> int | None:
    """Read an Arabic or Chinese numeral: "12" → 12, "十二" → 12, "二十" → 20."""
    s = numeral.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if not s:
        return None
    total, current = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


# Function words that close neither a sentence nor a headline: a line that
# stops on one continues on the next ("……在今年的" / "全国两会……", "……，由"
# / "十二个方队组成").
DANGLING = chars_in_either_script("的和与及在对把被从向为以将并而或由")

# Units that follow a number: "……论坛2020" / "年年会".
NUMBER_UNITS = chars_in_either_script("年月日号时分秒%％个万亿元岁届次期")


def number_runs_across(prev: str, nxt: str) -> bool:
    """An Arabic number broken over two lines: "……2025" / "年……", "……10" /
    "月1日……"; no headline or paragraph ends inside a number."""
    a, b = prev.rstrip(), nxt.lstrip()
    return a[-1:].isdigit() and b[:1] != "" and (b[:1].isdigit() or b[:1] in NUMBER_UNITS)


def bracket_depth_change(text: str) -> int:
    """Opening minus closing round brackets on a line."""
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def undouble_token(token: str) -> str | None:
    """The single copy of a token a faux-bold extraction printed twice.

    Faux bold draws the same glyphs twice at a small offset; extractors print
    the run twice ("本报记者本报记者") or each glyph twice ("本本报报").
    A genuine repeat ("谢谢", "看看看看") has one distinct character per
    half, so it is left alone; the half must also be at least 2 characters.

    >>> undouble_token("冯静宁冯静宁")
    '冯静宁'
    >>> undouble_token("谢谢谢谢") is None
    True
    """
    n = len(token)
    if n < 4 or n % 2:
        return None
    half = n // 2
    if token[:half] == token[half:] and len(set(token[:half])) >= 2:
        return token[:half]
    return undouble_glyphs(token)


def undouble_glyphs(token: str) -> str | None:
    """The single copy of a token printed glyph by glyph twice
    ("本本报报记记者者"), or None.  At least three distinct pairs, since
    reduplicated words ("明明白白", "高高兴兴") are two: text never reads
    like that, so such a token is faux bold even among plain ones.

    >>> undouble_glyphs("王王小小明明")
    '王小明'
    >>> undouble_glyphs("高高兴兴") is None
    True
    """
    n = len(token)
    pairs = token[0::2]
    if n >= 6 and not n % 2 and pairs == token[1::2] and len(set(pairs)) >= 2 and all(token[i] != token[i + 2] for i in range(0, n - 2, 2)):
        return pairs
    return None
