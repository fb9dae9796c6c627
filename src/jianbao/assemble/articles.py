"""Articles built from the segments of a text-mode page: the headline
stack read into kicker, title and subtitle, bylines and credits, body
paragraphs (intertitles kept), jump markers and captions, each field with
the lines it came from.
"""

from __future__ import annotations

from jianbao import classify, rules
from jianbao.assemble.headline import TITLE_MIN_CHARS, StackLine, split_stack
from jianbao.assemble.paragraphs import FIRST, LAST, SINGLE
from jianbao.assemble.rows import Row
from jianbao.assemble.segment import BYLINE, COLUMN, UNIT, Item, Segment
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.model import Article, Caption, JumpRef
from jianbao.normalize import clean_spaces, join_lines


def fill_caption(article: Article, cap: Item) -> None:
    text_rows = [r for r in cap.rows if r.label != classify.CREDIT]
    credit_rows = [r for r in cap.rows if r.label == classify.CREDIT]
    article.captions.append(
        Caption(
            text=join_lines([r.text for r in text_rows]),
            credit=" ".join(clean_spaces(r.text) for r in credit_rows),
        )
    )
    article.add_provenance("captions", [i for r in cap.rows for i in r.lines])


def build_article(seg: Segment) -> tuple[Article, list[Item]]:
    article = Article(id="")
    heads = [it for it in (seg.lead + seg.trail) if it.kind in (HEAD_ITEM, BYLINE, COLUMN)]
    fill_headline(article, heads)
    ends = {id(it) for it in seg.lead} | {id(it) for it in seg.trail}
    middle = [it for it in seg.items if id(it) not in ends]
    paragraphs: list[list[Row]] = []
    previous: Item | None = None
    for it in middle:
        if it.kind == UNIT:
            add_unit(article, it, paragraphs)
        elif it.kind == BYLINE and not article.byline:
            take_inner_byline(article, it)
        elif it.kind == HEAD_ITEM and it.wraps_previous and previous is not None and previous.kind == HEAD_ITEM and paragraphs:
            # The wrapped end of an intertitle ("……让日子更" / "红火").
            paragraphs[-1].extend(it.rows)
        else:
            # An intertitle or inner byline: a paragraph of its own.
            paragraphs.append(list(it.rows))
        previous = it
    article.body = [p for p in (join_lines([r.text for r in rows]) for rows in paragraphs) if p]
    article.add_provenance("body", [i for rows in paragraphs for r in rows for i in r.lines])
    return article, list(seg.items)


def take_inner_byline(article: Article, item: Item) -> None:
    """A byline printed inside the text of an article that has none above
    it is that article's byline, not a paragraph.

    Extractors that print a page's text boxes by position may drop the
    byline box ("本报记者 王平", set under the headline) between two boxes
    of the column text beside it; the byline still signs the article."""
    row = item.rows[0]
    article.byline = " ".join(row.text.split())
    article.add_provenance("byline", row.lines)


def add_unit(article: Article, unit: Item, paragraphs: list[list[Row]]) -> None:
    """Append a unit's rows to the paragraph list, taking out jump markers."""
    current: list[Row] | None = paragraphs[-1] if paragraphs and not unit.hard_start else None
    for row in unit.rows:
        if row.label in (classify.JUMP_TO, classify.JUMP_FROM):
            add_jump(article, row)
            continue
        if current is None or row.part in (FIRST, SINGLE) or row.label == classify.DATELINE:
            current = []
            paragraphs.append(current)
        current.append(row)
        if row.part in (LAST, SINGLE):
            current = None


def add_jump(article: Article, row: Row) -> None:
    marker = clean_spaces(row.text)
    article.jump_markers.append(marker)
    article.add_provenance("jump_markers", row.lines)
    target = classify.jump_page(marker)
    if target is None:
        return
    if row.label == classify.JUMP_TO:
        article.continues_to = JumpRef(page=target)
    else:
        article.continued_from = JumpRef(page=target)


def fill_headline(article: Article, heads: list[Item]) -> None:
    lines: list[StackLine] = []
    measure = None
    printed_line: list[int] | None = None
    for it in heads:
        row = it.rows[0]
        if it.kind == BYLINE:
            article.byline = (article.byline + " " + " ".join(row.text.split())).strip()
            article.add_provenance("byline", row.lines)
        elif it.kind == COLUMN:
            article.column = (article.column + " " + " ".join(row.text.split())).strip()
            article.add_provenance("column", row.lines)
        elif lines and row.lines == printed_line and not rules.SUBTITLE_START.match(row.text):
            # Both sides of one printed line, taken apart as headlines side
            # by side, head the same article: they are one line of parallel
            # phrases ("……守正创新  为……贡献力量").  A side that opens with
            # a subtitle's dash is the subtitle printed on the title's
            # baseline.
            text = row.text.strip()
            article.headline_lines[-1] += " " + text
            lines[-1] = StackLine(text=lines[-1].text + " " + text, bold=lines[-1].bold)
        else:
            text = row.text.strip()
            article.headline_lines.append(text)
            lines.append(StackLine(text=text, bold=row.bold))
            article.add_provenance("headline_lines", row.lines)
            measure = row.measure or measure
        printed_line = row.lines if it.kind == HEAD_ITEM else None
    stack = split_stack(lines, measure)
    article.kicker, article.title, article.subtitle = (one_copy(part) for part in (stack.kicker, stack.title, stack.subtitle))


def one_copy(text: str) -> str:
    """A headline element printed twice whole ("江州大桥 今日通车江州大桥
    今日通车"), faux bold that an extractor printed as one run and the line
    stages could not take apart, as printed once.  The printed lines keep
    both copies (``headline_lines``); the element is a parsed copy.

    >>> one_copy("江州大桥 今日通车江州大桥 今日通车"), one_copy("谢谢谢谢")
    ('江州大桥 今日通车', '谢谢谢谢')
    """
    compact = "".join(text.split())
    if len(compact) < 2 * TITLE_MIN_CHARS or rules.undouble_token(compact) != compact[: len(compact) // 2]:
        return text
    kept, count = [], 0
    for ch in text:
        if count == len(compact) // 2:
            break
        kept.append(ch)
        count += not ch.isspace()
    return "".join(kept).strip()


def build_photo(seg: Segment, cap: Item) -> Article:
    article = Article(id="", kind="photo")
    fill_headline(article, [it for it in seg.items if it.kind in (HEAD_ITEM, BYLINE, COLUMN)])
    fill_caption(article, cap)
    return article
