"""Items of a text-mode page: rows, labelled by line and by paragraph
position, grouped into text units (runs of body paragraphs between
headlines and markers), single headline lines, bylines, column heads and
captions (the paragraph a photo credit follows, or one opening with "图为").

Headline lines carry what their wording and setting say (bold or wider
than the column, a column tag, a dash-led subtitle, the wrapped end of the
line above), and two headlines an extractor printed on one line are cut
apart (:func:`split_side_by_side`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from jianbao import classify, rules
from jianbao.assemble.headline import StackLine, breaks_mid_phrase, wraps_onto
from jianbao.assemble.paragraphs import FIRST, HEAD, SINGLE, WIDER_THAN_COLUMN, WRAP_TAIL_MAX, is_closing_credit
from jianbao.assemble.rows import Row
from jianbao.assemble.segment import BYLINE, CAPTION, COLUMN, UNIT, Item
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.model import HINT_HEAD
from jianbao.normalize import visible_len, width


def build_items(rows: list[Row]) -> list[Item]:
    """Group rows into text units (runs of body paragraphs between headlines
    and markers), single headline lines, bylines, column heads and captions
    (the paragraph a photo credit follows, or one opening with "图为")."""
    items: list[Item] = []
    unit: Item | None = None
    caption: Item | None = None

    def close_unit() -> None:
        nonlocal unit
        if unit is not None and unit.rows:
            items.append(unit)
        unit = None

    def close_caption() -> None:
        nonlocal caption
        if caption is not None:
            items.append(caption)
        caption = None

    for row in rows:
        label = row.label
        if caption is not None and label not in (classify.CREDIT,) and (row.part in (FIRST, SINGLE, HEAD) or label != classify.TEXT):
            close_caption()
        if label == classify.CREDIT:
            if caption is None:
                caption = take_last_paragraph(unit)
                if unit is not None and not unit.rows:
                    unit = None
            if caption is None:
                caption = Item(kind=CAPTION, rows=[])
            caption.rows.append(row)
            close_caption()
            continue
        if caption is not None:
            caption.rows.append(row)
            continue
        if label == classify.CAPTION:
            close_unit()
            caption = Item(kind=CAPTION, rows=[row])
            continue
        if label == classify.BYLINE:
            close_unit()
            items.append(Item(kind=BYLINE, rows=[row]))
            continue
        if label == classify.COLUMN:
            close_unit()
            items.append(Item(kind=COLUMN, rows=[row]))
            continue
        if label == classify.FURNITURE:
            close_unit()
            items.append(Item(kind=HEAD_ITEM, rows=[row]))
            continue
        if label == classify.JUMP_TO:
            target = unit if unit is not None else last_unit(items)
            if target is None:
                unit = Item(kind=UNIT, rows=[])
                target = unit
            target.rows.append(row)
            target.ends_jump = True
            if target is unit:
                close_unit()
            continue
        if label == classify.JUMP_FROM:
            close_unit()
            unit = Item(kind=UNIT, rows=[row], hard_start=True, from_jump=True)
            continue
        if row.part == HEAD and is_pen_name(row.text) and not has_text(unit) and items and items[-1].kind == HEAD_ITEM:
            # A padded two-character name right under a headline signs the
            # text; between paragraphs ("情 浓") it is an intertitle.
            close_unit()
            items.append(Item(kind=BYLINE, rows=[row]))
            continue
        if row.part == HEAD:
            close_unit()
            items.extend(head_item(piece) for part in split_after_column_tag(row) for piece in split_side_by_side(part))
            continue
        if label == classify.DATELINE and has_text(unit):
            close_unit()
            unit = Item(kind=UNIT, rows=[row], hard_start=True)
            continue
        if row.part in (FIRST, SINGLE) and has_text(unit):
            # Each paragraph is a unit of its own, so that an article may
            # end at any paragraph (articles printed one after the other).
            close_unit()
        if unit is None:
            unit = Item(kind=UNIT, rows=[], hard_start=opens_text(row), bulleted=bool(rules.BULLET_POINT.match(row.text)))
        unit.rows.append(row)
    close_caption()
    close_unit()
    items = closing_credits_over_photos(items)
    mark_heads_after_captions(items)
    mark_wrapped_heads(items)
    mark_tags_across_wraps(items)
    mark_heads_over_subtitles(items)
    return items


def closing_credits_over_photos(items: list[Item]) -> list[Item]:
    """A text's closing credits ("责任编辑：王芳  美编：李明", "本版图片除署名外
    均为资料照片") printed after a photo that stands below the text, or
    after the text's headline printed after it, at the foot of the page, go
    with the text above: no text follows a photo's caption under its
    headline, and none a headline printed after its text."""
    out: list[Item] = []
    for n, item in enumerate(items):
        if _closing_credit_unit(item):
            k = len(out)
            while k and out[k - 1].kind in (HEAD_ITEM, CAPTION):
                k -= 1
            after_photo = any(it.kind == CAPTION for it in out[k:])
            closes_page = all(it.kind != UNIT or _closing_credit_unit(it) for it in items[n + 1 :])
            if k < len(out) and (after_photo or closes_page) and k and out[k - 1].kind == UNIT:
                out.insert(k, item)
                continue
        out.append(item)
    return out


def _closing_credit_unit(item: Item) -> bool:
    return item.kind == UNIT and bool(item.rows) and all(is_closing_credit(r.text) for r in item.rows)


def opens_text(row: Row) -> bool:
    """A dateline ("本报讯……"), the label a printed letter opens with
    ("贺 信") or an editor's label or note ("开栏的话", "编者按：……") begins
    a text: nothing of another runs on into it."""
    return row.label == classify.DATELINE or bool(rules.DOCUMENT_LABEL.match(row.text) or rules.EDITOR_NOTE.match(row.text))


def mark_tags_across_wraps(items: list[Item]) -> None:
    """A column tag closes a headline even where the headline wraps inside
    it ("老街改造进行时（民生" / "新观察）"): both lines are strong, as one
    line closed by the tag is (:func:`is_strong_head`)."""
    for prev, item in zip(items, items[1:]):
        if prev.kind == HEAD_ITEM and item.kind == HEAD_ITEM and item.wraps_previous and not (prev.strong and item.strong):
            if rules.COLUMN_TAG.search(prev.text.strip() + item.text.strip()):
                prev.strong = item.strong = True


def mark_heads_over_subtitles(items: list[Item]) -> None:
    """A headline line with a dash-led subtitle under it ("……" / "——记……")
    heads an article: intertitles have no subtitles."""
    for prev, item in zip(items, items[1:]):
        if prev.kind == HEAD_ITEM and item.kind == HEAD_ITEM and rules.SUBTITLE_START.match(item.text) and not prev.subtitle_like:
            prev.strong = True


def head_item(row: Row) -> Item:
    return Item(
        kind=HEAD_ITEM,
        rows=[row],
        strong=is_strong_head(row),
        kicker_like=rules.is_kicker_line(row.text),
        subtitle_like=rules.is_subtitle_line(row.text),
        dash_led=bool(rules.SUBTITLE_START.match(row.text)),
        enumerated=bool(rules.ENUMERATED.match(row.text)),
    )


# Share of the column measure each half of a line must fill to be a
# headline of its own printed beside another.
SIDE_BY_SIDE_MIN = 0.75


def split_side_by_side(row: Row) -> list[Row]:
    """Two headlines set side by side over neighbouring columns, which an
    extractor printed as one line joined by a space ("……开幕 市长对……"):
    a headline line with one space, where each side alone nearly fills the
    column, is two headlines.  A headline of parallel phrases ("坚持…原则
    解决…关切 实现…共赢") sets its phrases apart by several spaces alike.
    A side too short for any headline (:data:`WRAP_TAIL_MAX` characters,
    "……致贺" / "信 市长在……") is the wrapped end of the headline above,
    printed on the baseline of the one beside it.  A short photo headline
    beside a title set wider than the column ("……建成通车 春到江州") is one
    too: the halves of one headline are of a length, and a title that
    spans columns is whole without more words; so is a couplet
    (:func:`after_a_couplet`), whole by its form however short its halves."""
    text = row.text.strip()
    gaps = list(_SPACE_RUN.finditer(text))
    couplet = len(gaps) == 2 and after_a_couplet(text, gaps)
    if couplet:
        gaps = gaps[1:]
    if len(gaps) != 1:
        return [row]
    left, right = text[: gaps[0].start()], text[gaps[0].end() :]
    wl, wr = width(left), width(right)
    wrapped_end = len(left) <= WRAP_TAIL_MAX and wr >= SIDE_BY_SIDE_MIN * row.measure
    short_beside = wl >= row.measure + WIDER_THAN_COLUMN and SHORT_HEADLINE_MIN <= wr <= wl / 2 and rules.TEXT_MARKS.isdisjoint(text)
    narrowest = wr if couplet else min(wl, wr)
    if narrowest < SIDE_BY_SIDE_MIN * row.measure and not (wrapped_end or short_beside):
        return [row]
    return [replace(row, text=left, width=wl), replace(row, text=right, width=wr)]


_SPACE_RUN = re.compile(r"[ \u3000]+")
# The shortest headline (in ems) a photo is given ("春到江州").
SHORT_HEADLINE_MIN = 4.0


def after_a_couplet(text: str, gaps: list[re.Match[str]]) -> bool:
    """The line's second space follows a headline of two parallel halves
    of one length ("山河壮丽 岁月峥嵘 市长……"): the halves are one
    headline and what follows another; a third phrase of the same length
    would be the couplet's own."""
    first, second, third = text[: gaps[0].start()], text[gaps[0].end() : gaps[1].start()], text[gaps[1].end() :]
    return visible_len(first) == visible_len(second) != visible_len(third)


# Characters a headline needs on each side of a column tag for the line to
# be two headlines run together.
TAG_SPLIT_BEFORE = 4
TAG_SPLIT_AFTER = 6


def split_after_column_tag(row: Row) -> list[Row]:
    """Two headlines that an extractor ran together with no space, the
    first closed by its column tag ("……再扬帆（长三角纪行·江州篇（下））市长在
    ……强调"): a column tag ends its headline, so a headline line wider than
    the column that goes on after a closed tag is two headlines."""
    text = row.text.strip()
    if not row.measure or width(text) <= row.measure + 2:
        return [row]
    depth = 0
    for k, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            rest = text[k + 1 :]
            if depth == 0 and k >= TAG_SPLIT_BEFORE and visible_len(rest) >= TAG_SPLIT_AFTER and rest[:1] not in "（(":
                left, right = text[: k + 1], rest.strip()
                return [replace(row, text=left, width=width(left)), *split_after_column_tag(replace(row, text=right, width=width(right)))]
    return [row]


def mark_wrapped_heads(items: list[Item]) -> None:
    """A headline line that only finishes the one above it: the break falls
    inside a word, after a function word or inside brackets, or the line is
    too short to be a headline of its own."""
    for prev, item in zip(items, items[1:]):
        if prev.kind == HEAD_ITEM and item.kind == HEAD_ITEM:
            above, below = prev.rows[-1], item.rows[0]
            item.wraps_previous = breaks_mid_phrase(above.text, below.text) or (
                visible_len(below.text) <= WRAP_TAIL_MAX
                and wraps_onto(StackLine(above.text, above.bold), StackLine(below.text, below.bold), above.measure or None)
            )


# Ems by which a line must exceed the column measure to span columns.
SPANNING = 1.5
# Bullets mark intertitles and lead points, never an article's headline.
BULLETS = "■□●○◆◇▲△★☆▶►"


def is_strong_head(row: Row) -> bool:
    """A headline line set bold, wider than the column it sits in, set
    apart on the page like a headline (a layout hint), carrying a column
    tag ("……（钟声）"), or a slogan of parallel words set apart by dots
    ("勤劳·节俭·守信"): no intertitle takes that form."""
    if row.text.lstrip()[:1] in BULLETS:
        return False
    return (
        row.bold
        or row.hint == HINT_HEAD
        or row.width > row.measure + SPANNING
        or bool(rules.COLUMN_TAG.search(row.text))
        or fills_with_parallel_halves(row)
        or bool(rules.PARALLEL_SERIES.match(row.text.strip()))
    )


def fills_with_parallel_halves(row: Row) -> bool:
    """A headline of two parallel halves that fills the column ("我为家乡
    骄傲  我为家乡祝福"): intertitles of that shape are set short and
    centred in the column."""
    return bool(row.measure) and row.width >= row.measure - 0.5 and bool(rules.PARALLEL_HALVES.match(row.text.strip()))


def has_text(unit: Item | None) -> bool:
    return unit is not None and any(r.label not in (classify.JUMP_TO, classify.JUMP_FROM) for r in unit.rows)


def last_unit(items: list[Item]) -> Item | None:
    for it in reversed(items):
        if it.kind == UNIT:
            return it
        if it.kind != CAPTION:
            return None
    return None


def take_last_paragraph(unit: Item | None) -> Item | None:
    """Detach the last paragraph of a unit: the caption a credit closes."""
    if unit is None or not unit.rows:
        return None
    start = len(unit.rows) - 1
    while start > 0 and unit.rows[start].part not in (FIRST, SINGLE) and unit.rows[start].label == classify.TEXT:
        start -= 1
    if unit.rows[start].label in (classify.JUMP_TO, classify.JUMP_FROM):
        return None
    rows = unit.rows[start:]
    del unit.rows[start:]
    return Item(kind=CAPTION, rows=rows)


def mark_heads_after_captions(items: list[Item]) -> None:
    """Headline lines printed right after a photo credit, or right before a
    caption, head the photo, unless a byline follows them (photos carry
    credits, not bylines)."""
    for k, item in enumerate(items):
        if item.kind != CAPTION:
            continue
        j = k + 1
        while j < len(items) and items[j].kind == HEAD_ITEM:
            j += 1
        if not (j < len(items) and items[j].kind == BYLINE):
            for it in items[k + 1 : j]:
                it.after_caption = True
        i = k
        while i > 0 and items[i - 1].kind == HEAD_ITEM:
            i -= 1
        for it in items[i:k]:
            it.after_caption = True


def is_pen_name(text: str) -> bool:
    """A two-character name printed with a space between ("仲 音"):
    newspapers pad two-character names to the width of three."""
    parts = text.split()
    return len(parts) == 2 and all(len(p) == 1 and "\u4e00" <= p <= "\u9fff" for p in parts)
