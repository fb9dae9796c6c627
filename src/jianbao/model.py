"""The one data model every stage reads and writes: issue → page → article.

Readers fill :class:`Page.lines`; the later stages (normalise, classify,
assemble, link, enrich) turn those lines into :class:`Article` objects and
page furniture.  Every printed character ends up in exactly one *owned*
field (see :meth:`Page.owned_strings`), which is what the character
conservation check counts.

Serialised as versioned JSON whose ``pages[].articles[]`` fields are the
gold schema of the evaluation corpus, so ``jianbao eval`` reads it as is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

SCHEMA = "jianbao/1"

BBox = tuple[float, float, float, float]

# What a line's place on the page says about it, where a reader sees the page
# laid out but not the type (layout-preserving text): set apart like a
# headline (across columns, centred, alone between blank rows), or inside a
# column of body text.  Empty where the reader cannot tell.
HINT_HEAD = "head"
HINT_BODY = "body"


@dataclass(slots=True)
class Line:
    """One printed line with where it came from.

    ``index`` is the line's position in its source (the line number in a text
    file, the reading-order index in a PDF or OCR result); provenance refers to
    it.  Geometry fields stay ``None`` in text mode.
    """

    text: str
    index: int = 0
    page: int = 1
    bbox: BBox | None = None
    size: float | None = None
    bold: bool = False
    font: str = ""
    conf: float | None = None
    blank_before: bool = False
    label: str = ""
    hint: str = ""  # HINT_HEAD / HINT_BODY from the page layout, or ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "index": self.index}
        if self.bbox is not None:
            d["bbox"] = [round(v, 2) for v in self.bbox]
        if self.size is not None:
            d["size"] = round(self.size, 2)
        if self.bold:
            d["bold"] = True
        if self.conf is not None:
            d["conf"] = round(self.conf, 3)
        if self.label:
            d["label"] = self.label
        return d


@dataclass(slots=True)
class Block:
    """Consecutive lines that a stage treats as one unit (a paragraph run, a
    headline stack, a caption)."""

    lines: list[Line]
    label: str = ""

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    @property
    def indices(self) -> list[int]:
        return [line.index for line in self.lines]

    @property
    def bbox(self) -> BBox | None:
        boxes = [line.bbox for line in self.lines if line.bbox is not None]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


@dataclass(slots=True)
class Credit:
    """A person named in a byline or credit line, with their role.

    Roles are the printed words: 记者, 通讯员, 摄 (photographer), 作者, 评论员…
    """

    role: str
    name: str

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role, "name": self.name}


@dataclass(slots=True)
class Caption:
    text: str
    credit: str = ""
    credits: list[Credit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "credit": self.credit,
            "credits": [c.to_dict() for c in self.credits],
        }


@dataclass(slots=True)
class JumpRef:
    """A jump to or from another page; ``id`` is set once the other part is
    found on the pages given."""

    page: int
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"page": self.page}
        if self.id is not None:
            d["id"] = self.id
        return d


# What an article can be (``Article.kind``; see jianbao.enrich.article_kind).
KINDS = ("article", "photo", "brief", "commentary", "note")


@dataclass(slots=True)
class Article:
    """One clipped item: a news article, a photo with caption, a brief…

    Owned fields (they hold printed characters): ``headline_lines``,
    ``byline``, ``column``, ``body``, ``captions`` (text and credit) and
    ``jump_markers``.  Derived copies: ``kicker``/``title``/``subtitle`` (split
    of the headline lines), ``dateline`` and ``credits`` (parsed from the
    byline or the body opener), ``continues_to``/``continued_from``.
    """

    id: str
    kind: str = "article"
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    headline_lines: list[str] = field(default_factory=list)
    byline: str = ""
    credits: list[Credit] = field(default_factory=list)
    dateline: str = ""
    column: str = ""
    body: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    jump_markers: list[str] = field(default_factory=list)
    continues_to: JumpRef | None = None
    continued_from: JumpRef | None = None
    regions: list[BBox] = field(default_factory=list)
    provenance: dict[str, list[int]] = field(default_factory=dict)

    def owned_strings(self) -> Iterator[str]:
        yield from self.headline_lines
        yield self.byline
        yield self.column
        yield from self.body
        for cap in self.captions:
            yield cap.text
            yield cap.credit
        yield from self.jump_markers

    @property
    def headline(self) -> str:
        return self.kicker + self.title + self.subtitle

    @property
    def text(self) -> str:
        """The article's content as the matcher sees it: body then captions."""
        return "".join(self.body) + "".join(c.text for c in self.captions)

    def add_provenance(self, field_name: str, indices: list[int]) -> None:
        self.provenance.setdefault(field_name, []).extend(indices)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "kicker": self.kicker,
            "title": self.title,
            "subtitle": self.subtitle,
            "headline_lines": list(self.headline_lines),
            "byline": self.byline,
            "credits": [c.to_dict() for c in self.credits],
            "dateline": self.dateline,
            "column": self.column,
            "body": list(self.body),
            "captions": [c.to_dict() for c in self.captions],
            "jump_markers": list(self.jump_markers),
            "continues_to": self.continues_to.to_dict() if self.continues_to else None,
            "continued_from": self.continued_from.to_dict() if self.continued_from else None,
            "regions": [[round(v, 2) for v in r] for r in self.regions],
            "provenance": {k: sorted(set(v)) for k, v in self.provenance.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        def ref(x: Any) -> JumpRef | None:
            if not x:
                return None
            return JumpRef(page=int(x["page"]), id=x.get("id"))

        def credits(xs: Any) -> list[Credit]:
            return [Credit(role=c.get("role", ""), name=c.get("name", "")) for c in xs or []]

        return cls(
            id=str(d.get("id", "")),
            kind=d.get("kind", "article"),
            kicker=d.get("kicker", "") or "",
            title=d.get("title", "") or "",
            subtitle=d.get("subtitle", "") or "",
            headline_lines=list(d.get("headline_lines") or []),
            byline=d.get("byline", "") or "",
            credits=credits(d.get("credits") or d.get("reporters")),
            dateline=d.get("dateline", "") or "",
            column=d.get("column", "") or "",
            body=list(d.get("body") or []),
            captions=[
                Caption(
                    text=c.get("text", ""),
                    credit=c.get("credit", "") or "",
                    credits=credits(c.get("credits")),
                )
                for c in d.get("captions") or []
            ],
            jump_markers=list(d.get("jump_markers") or []),
            continues_to=ref(d.get("continues_to")),
            continued_from=ref(d.get("continued_from")),
            regions=[tuple(r) for r in d.get("regions") or []],  # type: ignore[misc]
            provenance={k: list(v) for k, v in (d.get("provenance") or {}).items()},
        )


@dataclass(slots=True)
class Furniture:
    """Printed matter that belongs to the page, not to an article: masthead,
    page header (第N版 要闻), date line, page number, edition notes."""

    kind: str
    text: str
    lines: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "lines": self.lines}


@dataclass(slots=True)
class Unassigned:
    """Printed text no stage could place; reported, never dropped."""

    text: str
    lines: list[int] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "lines": self.lines, "reason": self.reason}


@dataclass(slots=True)
class Page:
    """One newspaper page.  ``number`` is the printed page number when the
    page header gives one, else the position among the inputs."""

    number: int
    source: str = ""
    lines: list[Line] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    collapsed: list[str] = field(default_factory=list)
    unassigned: list[Unassigned] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    image: str | None = None
    section: str = ""
    date: str | None = None
    paper: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Picture boxes (photos, graphics) in page coordinates, for captions.
    pictures: list[BBox] = field(default_factory=list)

    def owned_strings(self) -> Iterator[str]:
        """Every string that holds printed characters, each exactly once."""
        for article in self.articles:
            yield from article.owned_strings()
        for item in self.furniture:
            yield item.text
        yield from self.collapsed
        for item in self.unassigned:
            yield item.text

    def to_dict(self, with_lines: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "page": self.number,
            "source": self.source,
            "section": self.section,
            "articles": [a.to_dict() for a in self.articles],
            "furniture": [f.to_dict() for f in self.furniture],
            "collapsed": list(self.collapsed),
            "unassigned": [u.to_dict() for u in self.unassigned],
        }
        if self.width is not None:
            d["width"] = self.width
            d["height"] = self.height
        if self.image:
            d["image"] = self.image
        if self.warnings:
            d["warnings"] = list(self.warnings)
        if with_lines:
            d["lines"] = [line.to_dict() for line in self.lines]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Page":
        return cls(
            number=int(d.get("page", 0)),
            source=d.get("source", "") or "",
            section=d.get("section", "") or "",
            articles=[Article.from_dict(a) for a in d.get("articles") or []],
            furniture=[
                Furniture(kind=f.get("kind", ""), text=f.get("text", ""), lines=list(f.get("lines") or []))
                for f in d.get("furniture") or []
            ],
            collapsed=list(d.get("collapsed") or []),
            unassigned=[
                Unassigned(text=u.get("text", ""), lines=list(u.get("lines") or []), reason=u.get("reason", ""))
                for u in d.get("unassigned") or []
            ],
            width=d.get("width"),
            height=d.get("height"),
            image=d.get("image"),
            warnings=list(d.get("warnings") or []),
        )


@dataclass(slots=True)
class Issue:
    """One issue of a paper: its pages in order, and what was read."""

    pages: list[Page] = field(default_factory=list)
    paper: str | None = None
    issue_date: str | None = None
    mode: str = "text"
    sources: list[str] = field(default_factory=list)

    def articles(self) -> Iterator[tuple[Page, Article]]:
        for page in self.pages:
            for article in page.articles:
                yield page, article

    def find(self, page_number: int, article_id: str) -> Article | None:
        for page in self.pages:
            if page.number == page_number:
                for article in page.articles:
                    if article.id == article_id:
                        return article
        return None

    def to_dict(self, with_lines: bool = False, stitched: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "paper": self.paper,
            "issue_date": self.issue_date,
            "mode": self.mode,
            "sources": list(self.sources),
            "pages": [p.to_dict(with_lines=with_lines) for p in self.pages],
        }
        if stitched is not None:
            d["stitched"] = stitched
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Issue":
        return cls(
            pages=[Page.from_dict(p) for p in d.get("pages") or []],
            paper=d.get("paper"),
            issue_date=d.get("issue_date"),
            mode=d.get("mode", "text") or "text",
            sources=list(d.get("sources") or []),
        )
