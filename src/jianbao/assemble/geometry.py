"""Article assembly from line geometry (PDF text layers and OCR results).

The page is read the way a newspaper is laid out: furniture at the top
(masthead, date, 第N版 header), then rectangular article modules, each a
headline stack over the body columns it owns.  Whitespace cuts
(:mod:`jianbao.assemble.layout`) give the reading order — down each column,
across the columns of a module, module by module — and every headline stack
opens an article that owns what follows it until the next headline.

Only :class:`Line` fields (text, bbox, size) and ``page.pictures`` are used,
never PDF objects, so OCR pages take the same path.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from jianbao.assemble.layout import (
    Item,
    body_size,
    furniture_kind,
    is_headline_line,
    read_header,
    reading_order,
    typical_line_gap,
    union,
    x_overlap,
)
from jianbao.classify import boxed_furniture
from jianbao.model import Article, BBox, Caption, Furniture, JumpRef, Line, Page, Unassigned
from jianbao.rules import patterns as P

COLLAPSED = "collapsed"
# A caption starts within this many body sizes under its picture.
CAPTION_REACH = 3.0
# A caption runs at most this many lines.
CAPTION_MAX_LINES = 12
# A line starting this many body sizes right of its column's left edge is
# indented: a paragraph starts (Chinese text indents two characters).
INDENT = 0.8
# A line ending this many body sizes short of the column's right edge ends a
# paragraph (used where a text does not indent).
SHORT_LINE = 1.5


def assemble_geometry(page: Page) -> Page:
    """Fill a page's furniture, articles and collapsed copies from its lines."""
    page.articles, page.furniture, page.collapsed, page.unassigned = [], [], [], []
    content = take_furniture_and_copies(page)
    if not content:
        return page
    body = body_size(content)
    captions = caption_lines(content, page.pictures, body)
    items = [Item(bbox=line.bbox, line=line) for line in content if line.bbox is not None]
    items += [Item(bbox=box, picture=i) for i, box in enumerate(page.pictures)]
    leaves = reading_order(items, body, typical_line_gap(content, body))
    builder = ArticleBuilder(page=page, body=body, captions=captions)
    builder.left_edges = sorted(ln.bbox[0] for ln in content if ln.bbox and not is_headline_line(ln, body))
    for leaf_no, leaf in enumerate(leaves):
        builder.add_leaf(leaf_no, leaf)
    builder.finish()
    placed = {i for a in page.articles for ixs in a.provenance.values() for i in ixs}
    for line in content:
        if line.index not in placed:
            page.unassigned.append(Unassigned(text=line.text, lines=[line.index], reason="not placed"))
    return page


def take_furniture_and_copies(page: Page) -> list[Line]:
    """Move furniture lines and faux-bold copies out; return the rest."""
    content, furniture = [], []
    boxes = boxed_furniture([line.text for line in page.lines])
    for pos, line in enumerate(page.lines):
        if line.label == COLLAPSED:
            page.collapsed.append(line.text)
            continue
        kind = boxes.get(pos) or furniture_kind(line, page.height)
        if kind:
            page.furniture.append(Furniture(kind=kind, text=line.text, lines=[line.index]))
            furniture.append(line)
        else:
            content.append(line)
    info = read_header(furniture)
    if info.number:
        page.number = info.number
    page.section = info.section or page.section
    page.date = info.date or page.date
    page.paper = info.paper or page.paper
    return content


# --- captions -----------------------------------------------------------------------


@dataclass(slots=True)
class CaptionLines:
    """Which lines caption which picture: line index → picture number, and
    the lines that are the credit."""

    picture_of: dict[int, int] = field(default_factory=dict)
    credits: set[int] = field(default_factory=set)


def caption_lines(lines: list[Line], pictures: list[BBox], body: float) -> CaptionLines:
    """Captions run under their picture, in body-size type, as wide as the
    picture at most, and end with the credit line ("本报记者 王平摄")."""
    found = CaptionLines()
    for number, pic in enumerate(pictures):
        below = sorted(
            (ln for ln in lines if ln.bbox and ln.bbox[1] >= pic[3] - 1 and x_overlap(ln.bbox, pic) > 0.8),
            key=lambda ln: ln.bbox[1],  # type: ignore[index]
        )
        bottom = pic[3]
        for count, line in enumerate(below):
            assert line.bbox is not None
            if count >= CAPTION_MAX_LINES or line.bbox[1] - bottom > CAPTION_REACH * body:
                break
            if is_headline_line(line, body) or line.index in found.picture_of:
                break
            found.picture_of[line.index] = number
            bottom = line.bbox[3]
            if P.PHOTO_CREDIT.match(line.text):
                found.credits.add(line.index)
                break
    return found


# --- building articles from the reading order ---------------------------------------


@dataclass(slots=True)
class Draft:
    """An article being collected: its lines by role, and its regions."""

    headline: list[Line] = field(default_factory=list)
    byline: list[Line] = field(default_factory=list)
    body: list[tuple[Line, int]] = field(default_factory=list)  # (line, leaf)
    captions: dict[int, list[Line]] = field(default_factory=dict)
    regions: dict[int, list[BBox]] = field(default_factory=dict)

    def add_region(self, leaf: int, box: BBox) -> None:
        self.regions.setdefault(leaf, []).append(box)


@dataclass(slots=True)
class ArticleBuilder:
    page: Page
    body: float
    captions: CaptionLines
    drafts: list[Draft] = field(default_factory=list)
    leaf_columns: dict[int, tuple[float, float]] = field(default_factory=dict)
    left_edges: list[float] = field(default_factory=list)  # sorted x0 of body lines

    @property
    def current(self) -> Draft:
        if not self.drafts:
            self.drafts.append(Draft())
        return self.drafts[-1]

    def add_leaf(self, leaf_no: int, leaf: list[Item]) -> None:
        body_boxes = [it.bbox for it in leaf if it.line is not None and not is_headline_line(it.line, self.body)]
        if body_boxes:
            self.leaf_columns[leaf_no] = (min(b[0] for b in body_boxes), max(b[2] for b in body_boxes))
        for item in leaf:
            if item.line is None:
                self.current.add_region(leaf_no, item.bbox)
            else:
                self.add_line(item.line, leaf_no)

    def add_line(self, line: Line, leaf_no: int) -> None:
        assert line.bbox is not None
        if is_headline_line(line, self.body):
            if not self.continues_headline(line):
                self.drafts.append(Draft())
            self.current.headline.append(line)
        elif line.index in self.captions.picture_of:
            self.current.captions.setdefault(self.captions.picture_of[line.index], []).append(line)
        elif self.is_byline(line):
            self.current.byline.append(line)
        else:
            self.current.body.append((line, leaf_no))
        self.current.add_region(leaf_no, line.bbox)

    def continues_headline(self, line: Line) -> bool:
        """A headline line joins the open stack when nothing else came after
        the stack and it sits right under it (kicker → title → subtitle)."""
        draft = self.current
        if not draft.headline or draft.byline or draft.body or draft.captions:
            return False
        last = draft.headline[-1]
        assert last.bbox is not None and line.bbox is not None
        gap = line.bbox[1] - last.bbox[3]
        size = max(last.size or self.body, line.size or self.body)
        return -0.5 * size < gap < 1.2 * size and x_overlap(last.bbox, line.bbox) > 0

    def is_byline(self, line: Line) -> bool:
        """The byline is the line printed right under the headline stack."""
        draft = self.current
        return bool(draft.headline) and not draft.body and not draft.captions and bool(P.BYLINE.match(line.text))

    def finish(self) -> None:
        drafts = [d for d in self.drafts if d.headline or d.body or d.captions or d.byline]
        for number, draft in enumerate(drafts, start=1):
            self.page.articles.append(self.article_from(draft, f"p{self.page.number}a{number}"))

    def article_from(self, draft: Draft, article_id: str) -> Article:
        article = Article(id=article_id)
        set_headline(article, draft.headline)
        if draft.byline:
            article.byline = " ".join(line.text.strip() for line in draft.byline)
            article.add_provenance("byline", [line.index for line in draft.byline])
        article.body = self.paragraphs(draft.body)
        article.add_provenance("body", [line.index for line, _ in draft.body])
        take_jump_markers(article)
        for lines in draft.captions.values():
            article.captions.append(caption_from(lines, self.captions.credits))
            article.add_provenance("captions", [line.index for line in lines])
        if article.captions and not article.body:
            article.kind = "photo"
        article.regions = [union(boxes) for boxes in draft.regions.values()]
        return article

    def paragraphs(self, lines: list[tuple[Line, int]]) -> list[str]:
        """Paragraphs from first-line indents; from short last lines where the
        text sets no indents."""
        indents = [self.is_indented(line, leaf) for line, leaf in lines]
        use_short_lines = not any(indents[1:])
        paragraphs: list[str] = []
        previous: tuple[Line, int] | None = None
        for (line, leaf), indented in zip(lines, indents):
            starts = previous is None or indented or (use_short_lines and self.is_short(*previous))
            if starts:
                paragraphs.append(line.text)
            else:
                paragraphs[-1] += line.text
            previous = (line, leaf)
        return paragraphs

    def is_indented(self, line: Line, leaf: int) -> bool:
        """Indented against its column: the column piece's own left edge, or
        — for a piece of one or two lines — other lines on the page that
        start up to three characters further left (the column's edge)."""
        assert line.bbox is not None
        size = line.size or self.body
        x0 = line.bbox[0]
        left = self.leaf_columns.get(leaf, (x0, 0.0))[0]
        if x0 - left > INDENT * size:
            return True
        lo = bisect.bisect_left(self.left_edges, x0 - 3 * size)
        hi = bisect.bisect_right(self.left_edges, x0 - INDENT * size)
        return hi - lo >= 2

    def is_short(self, line: Line, leaf: int) -> bool:
        right = self.leaf_columns.get(leaf, (line.bbox[0], line.bbox[2]))[1]  # type: ignore[index]
        return right - line.bbox[2] > SHORT_LINE * (line.size or self.body)  # type: ignore[index]


def set_headline(article: Article, lines: list[Line]) -> None:
    """Headline roles by relative size and order: the largest type is the
    title (主题); smaller lines above it are the kicker (引题), below it the
    subtitle (副题)."""
    if not lines:
        return
    article.headline_lines = [line.text for line in lines]
    article.add_provenance("headline", [line.index for line in lines])
    top = max(line.size or 0 for line in lines)
    title_rows = [i for i, line in enumerate(lines) if (line.size or 0) >= top - 0.5]
    first, last = title_rows[0], title_rows[-1]
    article.kicker = join_headline(lines[:first])
    article.title = join_headline(lines[first : last + 1])
    article.subtitle = join_headline(lines[last + 1 :])


def join_headline(lines: list[Line]) -> str:
    """A headline broken over lines reads as one string."""
    return "".join(line.text.strip() for line in lines)


def caption_from(lines: list[Line], credit_lines: set[int]) -> Caption:
    """Caption text and credit: a credit line of its own, or a credit at the
    end of the caption's last line."""
    text = "".join(line.text for line in lines if line.index not in credit_lines)
    credit = "".join(line.text.strip() for line in lines if line.index in credit_lines)
    if not credit and (m := P.TRAILING_CREDIT.search(text)):
        text, credit = text[: m.start()], m.group("credit")
    return Caption(text=text.strip(), credit=credit)


def take_jump_markers(article: Article) -> None:
    """Move "（下转第N版）" / "（上接第N版）" out of the body into
    ``jump_markers`` and record the pages they point to."""
    kept: list[str] = []
    for paragraph in article.body:
        for token, direction in ((P.JUMP_FROM_TOKEN, "from"), (P.JUMP_TO_TOKEN, "to")):
            for m in list(token.finditer(paragraph)):
                marker = m.group(0)
                article.jump_markers.append(marker)
                page = jump_page(marker)
                if page is not None and direction == "to":
                    article.continues_to = JumpRef(page=page)
                elif page is not None:
                    article.continued_from = JumpRef(page=page)
            paragraph = token.sub("", paragraph)
        if paragraph.strip():
            kept.append(paragraph)
    article.body = kept


def jump_page(marker: str) -> int | None:
    for pattern in (P.JUMP_TO, P.JUMP_FROM):
        if m := pattern.search(marker):
            return P.to_int(m.group(1))
    return None
