"""Enrichment: parsed copies of what the page prints (datelines, credits with
roles, headline roles, page numbers and the issue date)."""

from __future__ import annotations

import re

from jianbao.model import Issue


def valid_date(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def enrich_issue(issue: Issue) -> Issue:
    return issue
