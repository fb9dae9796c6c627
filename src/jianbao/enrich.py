"""Enrichment: parsed copies of what the page prints.

* the dateline opening a body ("本报讯", "本报北京10月1日电", "新华社北京10月1日
  电") and the credit in brackets after it ("（记者刘吟）");
* credits with roles from the byline ("本报记者 冯静宁" → 记者 冯静宁), from
  photo credits ("本报通讯员 梁生仁 摄" → 通讯员 梁生仁), or a bare pen name
  under a commentary ("仲 音" → 作者 仲音);
* the issue's paper and date from the pages' mastheads and headers.

The printed text stays where it was (the body keeps its opener); these are
copies for search and display.
"""

from __future__ import annotations

import re
from collections import Counter

from jianbao import rules
from jianbao.model import Article, Credit, Issue
from jianbao.normalize import clean_spaces, is_han
from jianbao.rules.script import compile_rule

_PLAIN_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


def valid_date(value: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    return bool(m) and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31


def enrich_issue(issue: Issue) -> Issue:
    for page in issue.pages:
        printed = {line.index: line.text for line in page.lines}
        for article in page.articles:
            enrich_article(article, printed)
    if issue.issue_date is None:
        dates = Counter(p.date for p in issue.pages if p.date)
        if dates:
            issue.issue_date = dates.most_common(1)[0][0]
    if issue.paper is None:
        papers = Counter(p.paper for p in issue.pages if p.paper)
        if papers:
            issue.paper = papers.most_common(1)[0][0]
    return issue


def opening_paragraph(body: list[str]) -> str:
    """The paragraph the text opens with: the first, or the one after an
    editor's note or the key points printed over the report ("编者按：……"
    or "■ ……" / "本报讯 ……")."""
    for paragraph in body:
        if not (rules.EDITOR_NOTE.match(paragraph) or rules.BULLET_POINT.match(paragraph)):
            return paragraph
    return body[0]


def closing_note_credits(paragraph: str) -> list[Credit]:
    """The reporters a text names in the note that closes it, where nothing
    over it named them ("……直达古镇。（记者 林晓）")."""
    m = _CLOSING_NOTE.search(paragraph)
    return parse_credits(m.group(1)) if m and rules.BYLINE.match(m.group(1)) else []


_CLOSING_NOTE = re.compile(r"[（(]([^（）()]{2,40})[)）]\s*$")


def enrich_article(article: Article, printed: dict[int, str] | None = None) -> None:
    """Parsed copies of an article's dateline, credits and kind;
    ``printed``: the page's input lines by index, as printed."""
    if article.body and not article.dateline:
        opening = opening_paragraph(article.body)
        dateline, credits = parse_opener(opening)
        if credits and printed and opening is article.body[0]:
            credits = finer_credits(credits, printed_credits(article, printed))
        article.dateline = dateline
        if credits and not article.credits:
            article.credits = credits
    if article.byline and not article.credits:
        article.credits = parse_credits(article.byline)
        if not article.credits:
            name = "".join(article.byline.split())
            if _PLAIN_NAME.match(name):
                article.credits = [Credit(role="作者", name=name)]
    if article.body and not article.credits:
        article.credits = closing_note_credits(article.body[-1])
    for caption in article.captions:
        if caption.credit and not caption.credits:
            caption.credits = parse_credits(caption.credit)
    if article.kind == "article":
        article.kind = article_kind(article)


# Lines of a body read for the credit after its dateline: the bracket closes
# within a few column lines.
OPENING_LINES = 4


def printed_credits(article: Article, printed: dict[int, str]) -> list[Credit]:
    """The credits of the opener as the page printed it.  Names set apart by
    spaces lose the space where a line breaks between them ("（记者 王芳" /
    "李明）"), so the break is read as a space too, where that leaves every
    name two or three characters long (a break inside a name, "张" / "小明
    李华", would leave one of a single character)."""
    plain = parse_opener(printed_opening(article, printed))[1]
    spaced = parse_opener(printed_opening(article, printed, breaks_space=True))[1]
    if len(spaced) > len(plain) and all(2 <= len(c.name) <= 3 for c in spaced):
        return spaced
    return plain


def printed_opening(article: Article, printed: dict[int, str], breaks_space: bool = False) -> str:
    """The first lines of an article's body as the page printed them, with
    the spaces the body drops ("本报讯（记者 王芳 李明）……"); ``breaks_space``:
    a line break between two Chinese characters as a space."""
    lines = [printed.get(i, "").strip() for i in article.provenance.get("body", [])[:OPENING_LINES]]
    text = lines[0] if lines else ""
    for line in lines[1:]:
        apart = breaks_space and bool(text) and bool(line) and is_han(text[-1]) and is_han(line[0])
        text += (" " if apart else "") + line
    return text


def finer_credits(credits: list[Credit], printed: list[Credit]) -> list[Credit]:
    """The credits read from the printed opener where they only split
    names that the body runs together: two names printed apart under one
    role ("（记者 王芳 李明）") are two reporters, though the body, which drops
    the spaces between Chinese characters, reads "王芳李明".

    >>> finer_credits([Credit("记者", "王芳李明")], [Credit("记者", "王芳"), Credit("记者", "李明")])
    [Credit(role='记者', name='王芳'), Credit(role='记者', name='李明')]
    """
    same_names = "".join(c.name for c in printed) == "".join(c.name for c in credits)
    same_roles = [c.role for c in _distinct_roles(printed)] == [c.role for c in _distinct_roles(credits)]
    return printed if printed and same_names and same_roles and len(printed) > len(credits) else credits


def _distinct_roles(credits: list[Credit]) -> list[Credit]:
    """The credits with each run of one role kept once."""
    return [c for k, c in enumerate(credits) if k == 0 or credits[k - 1].role != c.role]


# Longest body (in characters) of a brief: one short paragraph of news.
BRIEF_MAX = 200


def article_kind(article: Article) -> str:
    """What kind of text a clipped article is, from what it prints:

    * ``note``: an editor's note to readers, with no headline, dateline or
      byline, opening on its label or announcing what the paper will print
      ("从即日起，本报记者将深入……");
    * ``commentary``: an opinion piece, under an opinion column's tag
      ("……（江州时评）") or an editorial's "——论……" subtitle, or signed by
      a commentator or only by its author's name ("钟 声");
    * ``brief``: one short paragraph of news opening on a dateline;
    * ``article`` otherwise.
    """
    text = "".join(article.body)
    headed = bool(article.kicker or article.title or article.subtitle)
    if not headed and not article.dateline and not article.byline:
        opening = article.body[0] if article.body else ""
        if rules.EDITOR_NOTE.match(opening) or rules.DOCUMENT_LABEL.match(opening) or rules.EDITORS_ANNOUNCEMENT.search(text):
            return "note"
    roles = {c.role for c in article.credits}
    commentator = bool(_COMMENTATOR.search(article.byline))
    signed_opinion = (commentator or (bool(roles) and roles <= {"作者", "评论员"})) and not article.dateline
    if rules.OPINION_TAG.search(article.title) or rules.THESIS_SUBTITLE.match(article.subtitle) or signed_opinion:
        return "commentary"
    if article.dateline and len(article.body) == 1 and len(text) <= BRIEF_MAX:
        return "brief"
    return "article"


def parse_opener(paragraph: str) -> tuple[str, list[Credit]]:
    """("本报讯", [记者 刘吟]) from "本报讯（记者刘吟）3月29日……".

    >>> parse_opener("本报北京10月1日电 金秋送爽")
    ('本报北京10月1日电', [])
    >>> parse_opener("本报讯 记者王芳 通讯员李明报道：近日")
    ('本报讯', [Credit(role='记者', name='王芳'), Credit(role='通讯员', name='李明')])
    """
    text = clean_spaces(paragraph)
    m = rules.DATELINE.match(text)
    if not m:
        return "", []
    dateline = m.group("dateline")
    # The credit in brackets right after the dateline, read from the printed
    # text (its spaces separate one role's names from the next role).
    rest = paragraph.lstrip()
    start = _after_dateline(rest, len(dateline))
    c = _BRACKET.match(rest[start:]) or _REPORTED_BY.match(rest[start:])
    credits = parse_credits(c.group(1)) if c else []
    return dateline, credits


_BRACKET = re.compile(r"\s*[（(]([^（）()]{1,60})[)）]")
# Or, in many southern papers, unbracketed and closed by 报道 and a colon:
# "本报讯 记者王芳 通讯员李明报道：近日……".
_REPORTED_BY = compile_rule(rf"\s*((?:{rules.ROLE})[^，。；：:]{{1,40}}?)\s*报道\s*[：:]")


def _after_dateline(text: str, visible: int) -> int:
    """Index in ``text`` just past its first ``visible`` non-space characters."""
    seen = 0
    for i, ch in enumerate(text):
        if seen == visible:
            return i
        if not ch.isspace():
            seen += 1
    return len(text)


def parse_credits(text: str) -> list[Credit]:
    """Roles and names from a byline or credit line.  A byline's mark and
    a news agency's name go; a label stands for the role of the names after
    it when no role word does ("文/" the writer's, "图/" the photographer's).

    >>> parse_credits("本报记者 王小川 通讯员 赵晓晴")
    [Credit(role='记者', name='王小川'), Credit(role='通讯员', name='赵晓晴')]
    >>> parse_credits("文/王小川 图/赵晓晴")
    [Credit(role='作者', name='王小川'), Credit(role='摄', name='赵晓晴')]
    """
    if _ARCHIVE.match(text):
        return []  # "（资料图片）" names no one
    photo = bool(_PHOTO_SUFFIX.search(text))
    s = _PHOTO_SUFFIX.sub("", _REPORT_SUFFIX.sub("", _LEAD.sub("", text.strip())))
    credits: list[Credit] = []
    labelled = False
    for label, part in _labelled_parts(s):
        labelled = labelled or bool(label)
        found = _role_credits(part)
        if not found and label:
            role = "摄" if _PHOTO_LABEL.match(label) and not _TEXT_LABEL.search(label) else "作者"
            found = [Credit(role=role, name=n) for n in _names(part)]
        credits.extend(found)
    if not credits and not labelled:
        names = _names(s)
        if names and all(_PLAIN_NAME.match(n) for n in names) and len(s) <= 20:
            credits = [Credit(role="摄" if photo else "作者", name=n) for n in names]
    reader = rules.READER_SIGNATURE.match(s) if not credits else None
    if reader:
        # A reader signing a letter ("城南花园小区居民 张大爷") wrote it.
        credits = [Credit(role="作者", name=reader["name"])]
    return credits


# The verb closing a photo credit, with the agency's closing bracket
# ("新华社发（王涛摄）") or the kind of picture ("王平摄（无人机照片）").
_PHOTO_SUFFIX = compile_rule(r"\s*[/／]?\s*(?:摄影?(?:报道)?|供图|绘|制图)\s*(?:[)）]|[（(][^（）()]{2,10}[)）])?\s*$")
# A byline the paper signs as its own commentator ("本报评论员").
_COMMENTATOR = compile_rule(r"评论员\s*$")
# The reporter's work closing a credit ("……报道", "本报记者 王芳 整理").
_REPORT_SUFFIX = compile_rule(r"\s*(?:报道|整理|采写|执笔|撰文|编译)\s*$")
_ARCHIVE = compile_rule(r"^\s*[（(]?\s*资料(?:图片|照片)")
_LEAD = compile_rule(rf"^\s*[（(]?\s*(?:{rules.BYLINE_MARK}\s*)?(?:{rules.AGENCY_PICTURE}\s*[（(]?\s*)?")
_LABEL = compile_rule(rules.CREDIT_LABEL)
# A label standing for the photographer ("图/", "摄影："), unless it names the writer too ("文图/").
_PHOTO_LABEL = compile_rule(r"图|摄")
_TEXT_LABEL = compile_rule(r"文")
_ROLE_NAMES = compile_rule(rf"(?P<role>{rules.ROLE})\s*[：:]?\s*(?P<names>.*?)(?=\s*{rules.ROLE}|$)")


def _labelled_parts(text: str) -> list[tuple[str, str]]:
    """The text cut before each label: ("", "本报记者 王芳") or
    ("文/", "王芳 "), ("图/", "李明")."""
    cuts = [m.start() for m in _LABEL.finditer(text)]
    if not cuts or cuts[0] > 0:
        cuts.insert(0, 0)
    parts = []
    for a, b in zip(cuts, cuts[1:] + [len(text)]):
        m = _LABEL.match(text, a)
        label = re.sub(r"\s", "", m.group()) if m else ""
        parts.append((label, text[m.end() if m else a : b]))
    return parts


def _role_credits(text: str) -> list[Credit]:
    credits = []
    for m in _ROLE_NAMES.finditer(text):
        role = rules.role_name(m.group("role"))
        credits.extend(Credit(role=role, name=n) for n in _names(m.group("names")))
    return credits


def _names(text: str) -> list[str]:
    """The names in a credit, set apart by enumeration commas or spaces.

    >>> _names("王芳、李明 张 军")
    ['王芳', '李明', '张军']
    """
    names = []
    for part in re.split(r"[、，,]+", text.strip()):
        names.extend(_spaced_names([t.strip("（）() ") for t in part.split()]))
    return [n for n in names if n]


def _spaced_names(tokens: list[str]) -> list[str]:
    """Names printed apart by spaces.  A two-character name is often set
    with a space inside it, to the width of a three-character one ("林 风"):
    no one is named by one character, so single characters pair up."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        if k + 1 < len(tokens) and _one_han(tokens[k]) and _one_han(tokens[k + 1]):
            out.append(tokens[k] + tokens[k + 1])
            k += 2
        else:
            out.append(tokens[k])
            k += 1
    return out


def _one_han(token: str) -> bool:
    return len(token) == 1 and is_han(token)
