"""Character conservation: every printed character lands in exactly one place.

A page's reader lines are what was printed; its owned strings (article
fields, furniture, collapsed faux-bold copies, unassigned text) are where it
went.  Whitespace is layout, not print, and is not counted.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from jianbao.model import Issue, Page


def visible(strings: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for s in strings:
        counts.update(c for c in s if not c.isspace())
    return counts


def page_balance(page: Page) -> tuple[Counter[str], Counter[str]]:
    """(lost, invented): characters printed but not placed, and placed twice
    or never printed."""
    printed = visible(line.text for line in page.lines)
    placed = visible(page.owned_strings())
    return printed - placed, placed - printed


def check_page(page: Page) -> list[str]:
    lost, invented = page_balance(page)
    problems = []
    if lost:
        problems.append(f"page {page.number} ({page.source}): {sum(lost.values())} characters lost: {_sample(lost)}")
    if invented:
        problems.append(
            f"page {page.number} ({page.source}): {sum(invented.values())} characters placed twice or invented: {_sample(invented)}"
        )
    return problems


def check_issue(issue: Issue, inputs: Sequence[str] = ()) -> list[str]:
    problems: list[str] = []
    for page in issue.pages:
        problems.extend(check_page(page))
    return problems


def _sample(counts: Counter[str], n: int = 20) -> str:
    return "".join(ch * k for ch, k in counts.most_common(n))
