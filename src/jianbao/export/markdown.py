"""Markdown: an issue as a reader would skim it."""

from __future__ import annotations

from jianbao.model import Issue


def render_md(issue: Issue) -> str:
    out: list[str] = []
    head = " ".join(x for x in (issue.paper, issue.issue_date) if x)
    if head:
        out.append(f"# {head}\n")
    for page in issue.pages:
        out.append(f"## 第{page.number}版 {page.section}".rstrip() + "\n")
        for article in page.articles:
            if article.column:
                out.append(f"*{article.column}*\n")
            if article.kicker:
                out.append(f"**{article.kicker}**\n")
            out.append(f"### {article.title or '（无标题）'}\n")
            if article.subtitle:
                out.append(f"**{article.subtitle}**\n")
            if article.byline:
                out.append(f"_{article.byline}_\n")
            if article.continued_from:
                out.append(f"（上接第{article.continued_from.page}版）\n")
            for para in article.body:
                out.append(para + "\n")
            for cap in article.captions:
                out.append(f"> {cap.text} {cap.credit}".rstrip() + "\n")
            if article.continues_to:
                out.append(f"（下转第{article.continues_to.page}版）\n")
        out.append("")
    return "\n".join(out)
