"""Jump links: "（下转第4版）" on one page ↔ "（上接第1版）" on another."""

from __future__ import annotations

from typing import Any

from jianbao.model import Issue


def link_issue(issue: Issue) -> Issue:
    return issue


def stitch_issue(issue: Issue) -> list[dict[str, Any]]:
    return []
