"""Jump links: "（下转第4版）" on one page ↔ "（上接第1版）" on another.

A part cut with "下转第N版" continues on page N in a part that opens with
"上接第M版" (M its own page).  When a page holds several continuations,
they are told apart by their headlines: a continued part is printed under a
short headline taken from the original's title, kicker or subtitle.  Pairs
are chosen as one assignment per pair of pages.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from jianbao.assignment import best_pairs
from jianbao.model import Article, Issue, JumpRef, Page

SENTENCE_END = "。！？…”’）》"


def link_issue(issue: Issue) -> Issue:
    pages = {p.number: p for p in issue.pages}
    for page in issue.pages:
        targets: dict[int, list[Article]] = {}
        for article in page.articles:
            if article.continues_to and article.continues_to.page in pages and article.continues_to.page != page.number:
                targets.setdefault(article.continues_to.page, []).append(article)
        for number, sources in targets.items():
            link_pages(page, sources, pages[number])
    return issue


def headline_text(article: Article) -> str:
    return "".join((article.kicker + article.title + article.subtitle).split()) or "".join(
        "".join(article.headline_lines).split()
    )


def link_pages(page: Page, sources: list[Article], target: Page) -> None:
    candidates = [
        a
        for a in target.articles
        if a.continued_from is not None and a.continued_from.page == page.number and a.continued_from.id is None
    ]
    if not candidates:
        return
    score = [[match_score(s, c) for c in candidates] for s in sources]
    for r, c in best_pairs(score):
        src, dst = sources[r], candidates[c]
        src.continues_to = JumpRef(page=target.number, id=dst.id)
        dst.continued_from = JumpRef(page=page.number, id=src.id)


def match_score(source: Article, part: Article) -> float:
    """How well a continued part's short headline fits the original's."""
    a, b = headline_text(source), headline_text(part)
    if not a or not b:
        return 0.1
    return fuzz.partial_ratio(a, b) / 100.0


def stitch_issue(issue: Issue) -> list[dict[str, Any]]:
    """Whole articles: each chain of linked parts joined into one record.

    A part cut mid-sentence by the jump continues its last paragraph in the
    next part's first paragraph."""
    by_key = {(p.number, a.id): a for p in issue.pages for a in p.articles}
    out: list[dict[str, Any]] = []
    for page in issue.pages:
        for article in page.articles:
            if not article.continues_to or not article.continues_to.id:
                continue
            if article.continued_from and article.continued_from.id:
                continue  # not the first part of its chain
            parts = [(page.number, article)]
            seen = {(page.number, article.id)}
            current = article
            while current.continues_to and current.continues_to.id:
                key = (current.continues_to.page, current.continues_to.id)
                nxt = by_key.get(key)
                if nxt is None or key in seen:
                    break
                seen.add(key)
                parts.append((key[0], nxt))
                current = nxt
            out.append(stitched_record(parts))
    return out


def stitched_record(parts: list[tuple[int, Article]]) -> dict[str, Any]:
    first = parts[0][1]
    body: list[str] = []
    for _page, part in parts:
        paragraphs = list(part.body)
        if body and paragraphs and body[-1] and body[-1][-1] not in SENTENCE_END:
            body[-1] += paragraphs.pop(0)
        body.extend(paragraphs)
    record = first.to_dict()
    record.update(
        {
            "id": "+".join(f"{p}:{a.id}" for p, a in parts),
            "parts": [{"page": p, "id": a.id} for p, a in parts],
            "body": body,
            "captions": [c.to_dict() for _p, a in parts for c in a.captions],
            "continues_to": None,
            "continued_from": None,
        }
    )
    return record
