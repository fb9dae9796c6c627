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
from jianbao.normalize import clean_spaces

_PHOTO_SUFFIX = re.compile(r"\s*(?:摄影?|供图|绘|制图)\s*$")
_PLAIN_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


def valid_date(value: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    return bool(m) and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31


def enrich_issue(issue: Issue) -> Issue:
    for page in issue.pages:
        for article in page.articles:
            enrich_article(article)
    if issue.issue_date is None:
        dates = Counter(p.date for p in issue.pages if p.date)
        if dates:
            issue.issue_date = dates.most_common(1)[0][0]
    if issue.paper is None:
        papers = Counter(p.paper for p in issue.pages if p.paper)
        if papers:
            issue.paper = papers.most_common(1)[0][0]
    return issue


def enrich_article(article: Article) -> None:
    if article.body and not article.dateline:
        dateline, credits = parse_opener(article.body[0])
        article.dateline = dateline
        if credits and not article.credits:
            article.credits = credits
    if article.byline and not article.credits:
        article.credits = parse_credits(article.byline)
        if not article.credits:
            name = "".join(article.byline.split())
            if _PLAIN_NAME.match(name):
                article.credits = [Credit(role="作者", name=name)]
    for caption in article.captions:
        if caption.credit and not caption.credits:
            caption.credits = parse_credits(caption.credit)


def parse_opener(paragraph: str) -> tuple[str, list[Credit]]:
    """("本报讯", [记者 刘吟]) from "本报讯（记者刘吟）3月29日……".

    >>> parse_opener("本报北京10月1日电 金秋送爽")
    ('本报北京10月1日电', [])
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
    c = _BRACKET.match(rest[start:])
    credits = parse_credits(c.group(1)) if c else []
    return dateline, credits


_BRACKET = re.compile(r"\s*[（(]([^（）()]{1,60})[)）]")


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
    """Roles and names from a byline or credit line.

    >>> parse_credits("本报记者 王小川 通讯员 赵晓晴")
    [Credit(role='记者', name='王小川'), Credit(role='通讯员', name='赵晓晴')]
    """
    s = _PHOTO_SUFFIX.sub("", text.strip())
    credits: list[Credit] = []
    pattern = re.compile(rf"(?P<role>{rules.ROLE})\s*(?P<names>.*?)(?=\s*{rules.ROLE}|$)")
    for m in pattern.finditer(s):
        role = rules.ROLE_NAMES.get(m.group("role"), m.group("role"))
        for name in re.split(r"[、，,\s]+", m.group("names").strip()):
            name = name.strip("（）() ")
            if name:
                credits.append(Credit(role=role, name=name))
    if not credits:
        names = [n for n in re.split(r"[、，,\s]+", s) if n]
        if names and all(_PLAIN_NAME.match(n) for n in names) and len(s) <= 20:
            credits = [Credit(role="摄" if _PHOTO_SUFFIX.search(text) else "作者", name=n) for n in names]
    return credits
