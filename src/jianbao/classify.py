"""Classifying printed lines by what they are, from their text alone.

Labels (:data:`LABELS`) are the vocabulary every mode shares; geometry-based
modes refine them with sizes and positions, text mode with the lines around
(see :mod:`jianbao.assemble.text`).
"""

from __future__ import annotations

import re

from jianbao import rules
from jianbao.normalize import clean_spaces, is_han, visible_len

FURNITURE = "furniture"
JUMP_TO = "jump_to"
JUMP_FROM = "jump_from"
DATELINE = "dateline"
BYLINE = "byline"
CREDIT = "credit"
CAPTION = "caption"
COLUMN = "column"
TEXT = "text"

LABELS = (FURNITURE, JUMP_TO, JUMP_FROM, DATELINE, BYLINE, CREDIT, CAPTION, COLUMN, TEXT)

# A byline is a short line: longer "bylines" are sentences naming reporters.
MAX_BYLINE_CHARS = 30
MAX_CREDIT_CHARS = 30


def classify_line(text: str) -> str:
    """The label a line earns from its own text.

    >>> classify_line("（下转第4版）")
    'jump_to'
    >>> classify_line("本报记者  董超")
    'byline'
    >>> classify_line("本报通讯员 梁生仁 摄")
    'credit'
    """
    s = text.strip()
    compact = clean_spaces(s)
    if not compact:
        return TEXT
    if is_jump_to(compact):
        return JUMP_TO
    if rules.JUMP_FROM_TOKEN.match(compact):
        return JUMP_FROM
    visible = visible_len(s)
    if visible <= MAX_CREDIT_CHARS and rules.PHOTO_CREDIT.match(s):
        return CREDIT
    # Before bylines: "记者手记" names a column, not a reporter.
    if rules.PINYIN_COLUMN.match(s) or rules.BRACKETED_COLUMN.match(s) or rules.COLUMN_NAME.match(s):
        return COLUMN
    if visible <= MAX_BYLINE_CHARS and is_byline(s):
        return BYLINE
    if rules.DATELINE.match(compact):
        return DATELINE
    if rules.CAPTION_START.match(compact) or rules.QR_PROMPT.match(compact):
        return CAPTION
    return TEXT


def pinyin_syllables(text: str) -> int:
    """Syllables of a line in pinyin: each has one run of vowels
    ("JIN RI GUAN ZHU" has four, and so has "JINRI GUANZHU")."""
    return len(_VOWEL_RUN.findall(text.upper()))


_VOWEL_RUN = re.compile(r"[AEIOUVÜ]+")


def names_pinyin_column(pinyin: str, text: str) -> bool:
    """Whether ``text`` is the name in characters of the column whose head
    is printed in pinyin beside it ("JIN RI GUAN ZHU" / "今日关注"): a short
    line of characters only, one for each syllable.

    >>> names_pinyin_column("JIN RI GUAN ZHU", "今日关注")
    True
    """
    name = "".join(text.split())
    if not rules.PINYIN_COLUMN.match(pinyin) or not 2 <= len(name) <= 8:
        return False
    return all(is_han(ch) for ch in name) and len(name) == pinyin_syllables(pinyin)


def is_jump_to(compact: str) -> bool:
    """A line that is only a "continued on page N" marker."""
    return rules.JUMP_TO_TOKEN.fullmatch(compact) is not None or rules.BARE_JUMP_TO.match(compact) is not None


def breaks_off_dateline(text: str) -> bool:
    """Whether ``text`` is the start of a dated dateline broken off at the
    end of its line ("本报江州10月4日", "新华社北京10月4"), the rest on the next.

    >>> breaks_off_dateline("新华社西安10月14"), breaks_off_dateline("本报江州")
    (True, False)
    """
    t = clean_spaces(text)
    if not _BROKEN_DATE.search(t):
        return False  # "据……" with no date would read as any line opening with 据
    return any((m := rules.DATELINE.match(t + end)) is not None and m.end() == len(t) + len(end) for end in ("电", "日电"))


# Where a dated dateline breaks off: inside its date ("……10月1", "……10月14日").
_BROKEN_DATE = re.compile(r"\d日?$")


def is_byline(text: str) -> bool:
    """"本报记者 王芳", "记者 卢晨、王芳", "本报记者 王芳 本报通讯员 李明"."""
    return rules.BYLINE.match(text) is not None or rules.READER_SIGNATURE.match(text) is not None


def is_furniture(text: str) -> bool:
    """Masthead, page header, date line: "人民日报", "第1版 要闻",
    "2019年10月2日 星期三", "人民日报 2019年10月2日 星期三"."""
    compact = text.strip()
    if not compact:
        return False
    if rules.MASTHEAD.match(compact):
        return True
    if rules.HEADER_LINE.match(compact) and (
        rules.PAGE_HEADER.search(compact) or rules.DATE.search(compact) or rules.WEEKDAY.search(compact)
    ):
        return True
    return False


def is_page_header(text: str) -> bool:
    """A line that is nothing but a page header: "第1版 评论", "2019年10月17日
    星期四", "人民日报 2019年10月2日 星期三", or a city paper's
    (:func:`is_lettered_header`)."""
    compact = text.strip()
    if not compact:
        return False
    if not rules.HEADER_LINE.match(compact):
        return is_lettered_header(compact)
    return bool(rules.PAGE_HEADER.search(compact) or (rules.DATE.search(compact) and rules.WEEKDAY.search(compact)))


def is_imprint(text: str) -> bool:
    """A line of the paper's imprint ("国内统一连续出版物号 CN99-0001  邮发代号
    99-1", "今日8版  定价：1.00元"): fields set apart by spaces, not a
    sentence (no comma or full stop), or several fields at once."""
    fields = rules.IMPRINT_FIELD.findall(text)
    if not fields:
        return False
    return len(fields) >= 2 or not any(mark in text for mark in "，。；！？")


def boxed_furniture(texts: list[str]) -> dict[int, str]:
    """Boxes of page furniture among a page's lines (in reading order): the
    front page's digest and the weather box, position → kind."""
    return {**{pos: "digest" for pos in digest_lines(texts)}, **{pos: "weather" for pos in weather_lines(texts)}}


# How many lines a digest's teasers may run between its head and a reference.
DIGEST_SPAN = 6


def digest_lines(texts: list[str]) -> set[int]:
    """Positions of a front page's digest: its head ("今日导读") and the
    teasers under it, each closed by the page that prints the story ("详见
    第2版") or led or closed by its lettered page ("A3 老城区改造启动"), up
    to the last such reference.  A table of contents, not news:
    page furniture.  A dateline or a jump marker ends the search (the news
    has begun).

    >>> sorted(digest_lines(["今日导读", "春耕备耕全面展开", "详见第2版", "本报讯 今天"]))
    [0, 1, 2]
    """
    found: set[int] = set()
    for start, head in enumerate(texts):
        if not rules.DIGEST_HEAD.match(head):
            continue
        last = start
        for pos in range(start + 1, len(texts)):
            text = texts[pos].strip()
            if pos - last > DIGEST_SPAN or rules.DATELINE.match(text) or is_jump_to(text):
                break
            if rules.REFERENCE.search(text) or names_its_page(text):
                last = pos
        if last > start:
            found.update(range(start, last + 1))
    return found


def names_its_page(text: str) -> bool:
    """A teaser led or closed by the lettered page that prints the story, as
    city papers set their digests ("A3 老城区改造启动", "春季招聘会周六举行
    A5")."""
    tokens = text.split()
    return len(tokens) > 1 and bool(rules.BARE_PAGE.match(tokens[0]) or rules.BARE_PAGE.match(tokens[-1]))


def weather_lines(texts: list[str]) -> set[int]:
    """Positions of the weather box: forecast lines ("晴转多云 8℃～18℃
    东南风2级": a temperature range, no sentence) and the head right over
    them ("今日天气").  Page furniture.

    >>> sorted(weather_lines(["今日天气", "晴 8℃～18℃ 东南风2级", "气温回升到18℃，市民出游。"]))
    [0, 1]
    """
    found = {pos for pos, text in enumerate(texts) if rules.WEATHER_LINE.match(text.strip())}
    heads = {pos - 1 for pos in found if pos and rules.WEATHER_HEAD.match(texts[pos - 1])}
    return found | heads


# Characters a page's section name has at most ("城事", "要闻", "文体新闻").
SECTION_MAX = 6


def is_lettered_header(text: str) -> bool:
    """A city paper's header line, made only of the paper's name, the date,
    the weekday, the page ("第A03版", "A03版", or "A3" beside the date), the
    section's name after it and who edited the page.

    >>> is_lettered_header("江州晚报 2025年3月12日 星期三 A3 城事 责编：王芳 美编：李明")
    True
    >>> is_lettered_header("G20 峰会")
    False
    """
    if "版" not in text and "星期" not in text and not rules.DATE.search(text):
        # No page, weekday or date: most lines, at a glance.
        return False
    tokens = text.split()
    page = bare = dated = after_page = False
    for k, token in enumerate(tokens):
        if rules.PAGE_HEADER.fullmatch(token) or rules.BARE_PAGE.match(token):
            page = page or "版" in token
            bare = bare or "版" not in token
            after_page = True
            continue
        dates = bool(rules.DATE.fullmatch(token) or rules.WEEKDAY.fullmatch(token) or (k == 0 and rules.MASTHEAD.match(token)))
        section = after_page and is_section_name(token)
        editor = bool(rules.EDITORS.match(token) or (k and rules.EDITORS.match(tokens[k - 1]) and rules.NAMES_ONLY.match(token)))
        if not (dates or section or editor):
            return False
        dated = dated or dates
        after_page = False
    return page or (bare and dated)


def is_bare_page_number(text: str) -> bool:
    """A city paper's lettered page number on a line of its own ("A3",
    "A02"), or with the section's name after a number padded with a zero
    or in a paper's first sections ("A02 要闻", "B12 体育"): the page header
    when a header is printed over several lines.  Only at the top of the
    page (see ``assemble.rows``), and a headline's "G20 峰会" has neither.

    >>> [is_bare_page_number(t) for t in ("A3", "A02 要闻", "A10 城事", "G20 峰会", "A02 江州市召开会议部署春耕")]
    [True, True, True, False, False]
    """
    tokens = text.split()
    if not tokens or len(tokens) > 2 or not rules.BARE_PAGE.match(tokens[0]):
        return False
    return len(tokens) == 1 or ((tokens[0][1] == "0" or tokens[0][0] in _SECTION_LETTERS) and is_section_name(tokens[1]))


# The letters of a city paper's first sections (A叠, B叠 …): "A10 城事" is a
# page, "G20 峰会" a headline.
_SECTION_LETTERS = "ABCD"


def is_editors_line(text: str) -> bool:
    """Who edited the page, on a line of its own: "责编：王芳 美编：李明",
    "本版编辑：孙丽 邮箱：jzwb@example.com".

    >>> is_editors_line("责编：王芳 美编：李明"), is_editors_line("责编王芳说，版面今天改了")
    (True, False)
    """
    tokens = text.split()
    return bool(tokens) and bool(rules.EDITORS.match(tokens[0])) and all(
        rules.EDITORS.match(t) or rules.EDITORS_CONTACT.match(t) or (rules.EDITORS.match(prev) and rules.NAMES_ONLY.match(t))
        for prev, t in zip(tokens, tokens[1:])
    )


def is_section_name(text: str) -> bool:
    """A page's section name: a few Han characters ("要闻", "文体新闻")."""
    t = text.strip()
    return 0 < len(t) <= SECTION_MAX and all(is_han(ch) for ch in t)


def jump_page(text: str) -> int | None:
    """The page a "下转第N版" / "上接第N版" marker points to."""
    m = rules.JUMP_TO.search(text) or rules.JUMP_FROM.search(text)
    if not m:
        return None
    return rules.to_int(m.group(1))


def split_jump_from(text: str) -> tuple[str, str] | None:
    """("（上接第1版）", rest) when a line opens with a continuation marker."""
    compact = text.lstrip()
    m = rules.JUMP_FROM_TOKEN.match(compact)
    if not m:
        return None
    return compact[: m.end()], compact[m.end() :]


_JUMP_TO_AT_END = re.compile(r"(?:" + rules.JUMP_TO_TOKEN.pattern + r")\s*$")


def split_jump_to(text: str) -> tuple[str, str] | None:
    """(rest, "（下转第4版）") when a line ends with a jump marker."""
    stripped = text.rstrip()
    m = _JUMP_TO_AT_END.search(stripped)
    if not m:
        return None
    return stripped[: m.start()], stripped[m.start() :].strip()
