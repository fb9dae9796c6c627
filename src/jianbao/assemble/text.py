"""Text-mode assembly (placeholder until the text stages land)."""

from __future__ import annotations

from jianbao.model import Article, Page, Unassigned


def assemble_text(page: Page) -> Page:
    page.unassigned = [Unassigned(text=line.text, lines=[line.index], reason="not assembled") for line in page.lines]
    return page
