"""JSON, JSON Lines and Markdown renderings of a parsed issue."""

from __future__ import annotations

import json
from typing import Any

from jianbao.model import Issue


def issue_json(issue: Issue, stitch: bool = False, with_lines: bool = False) -> dict[str, Any]:
    stitched = None
    if stitch:
        from jianbao.link import stitch_issue

        stitched = stitch_issue(issue)
    return issue.to_dict(with_lines=with_lines, stitched=stitched)


def render_json(issue: Issue, stitch: bool = False, with_lines: bool = False) -> str:
    return json.dumps(issue_json(issue, stitch, with_lines), ensure_ascii=False, indent=1) + "\n"


def render_jsonl(issue: Issue, stitch: bool = False) -> str:
    """One JSON object per article, carrying its issue and page."""
    rows = []
    for page, article in issue.articles():
        row = {"paper": issue.paper, "issue_date": issue.issue_date, "page": page.number}
        row.update(article.to_dict())
        rows.append(json.dumps(row, ensure_ascii=False))
    if stitch:
        from jianbao.link import stitch_issue

        for whole in stitch_issue(issue):
            rows.append(json.dumps({"paper": issue.paper, "issue_date": issue.issue_date, "stitched": True, **whole}, ensure_ascii=False))
    return "".join(r + "\n" for r in rows)
