"""Writers for parsed issues: JSON, JSON Lines, Markdown."""

from __future__ import annotations

from jianbao.model import Issue


def render(issue: Issue, fmt: str, stitch: bool = False, with_lines: bool = False) -> str:
    from jianbao.export.json import render_json, render_jsonl
    from jianbao.export.markdown import render_md

    if fmt == "json":
        return render_json(issue, stitch=stitch, with_lines=with_lines)
    if fmt == "jsonl":
        return render_jsonl(issue, stitch=stitch)
    if fmt == "md":
        return render_md(issue)
    raise ValueError(f"unknown format {fmt!r}")
