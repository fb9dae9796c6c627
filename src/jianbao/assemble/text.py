"""Text-mode assembly: a page of raw extracted text → articles.

Stages: rows (furniture, faux bold, markers) → paragraphs (body or headline,
by line widths) → items (text units, headline lines, bylines, captions) →
segments (which headline goes with which body; sections joined, headline
lines regrouped) → articles, with captions
joined to their photo headline or their article.  Headline lines printed
inside a sentence are set apart before the segments are cut and given to
the article they name afterwards (:func:`interrupting_heads`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from jianbao import classify, rules
from jianbao.assemble.columns import runs_on_text
from jianbao.assemble.headline import StackLine, breaks_mid_phrase, split_stack, words_run_into, wraps_onto
from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.paragraphs import FIRST, HEAD, LAST, SINGLE, WIDER_THAN_COLUMN, WRAP_TAIL_MAX, is_closing_credit, label_rows, leaves_open
from jianbao.assemble.rows import REORDERED, Row, prepare_rows
from jianbao.assemble.regroup import (
    TITLE_MIN_CHARS,
    change_point,
    give_bylines_to_their_reports,
    give_heads_to_headless,
    give_kickers_to_titles,
    give_titles_to_continued_parts,
    join_headlines_to_headless,
    split_paired_reports,
    split_two_stacks,
    text_parts,
    untangle_heads,
)
from jianbao.assemble.sections import (
    join_continued_sections,
    join_feature_sections,
    join_intertitle_series,
    join_section_series,
    join_signed_sections,
)
from jianbao.assemble.segment import (
    BYLINE,
    CAPTION,
    COLUMN,
    GAP,
    UNIT,
    Item,
    Segment,
    index_flow_windows,
    index_grams,
    make_segment,
    segment_items,
)
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.assignment import best_pairs
from jianbao.model import HINT_HEAD, Article, Caption, JumpRef, Page, Unassigned
from jianbao.normalize import clean_spaces, join_lines, visible_len, width

# A caption joins the article it shares most vocabulary with; one printed
# right next to an article's text gets this much extra weight.
CAPTION_ADJACENT = 0.3
# A headline run with no body becomes a photo's headline when it shares at
# least this much vocabulary with the caption, or sits next to it.
PHOTO_MIN_SIMILARITY = 0.12


def assemble_text(page: Page) -> Page:
    rows = prepare_rows(page)
    if not rows:
        return page
    label_rows(rows)
    items = build_items(rows)
    for item in items:
        index_grams(item)
    vocab = Vocabulary(it.grams for it in items if it.kind in (UNIT, CAPTION))
    index_flow_windows([it for it in items if it.kind == UNIT], vocab)
    index_caption_similarity(items, vocab)
    interrupting = interrupting_heads(items)
    set_apart = {id(it) for run in interrupting for it in run}
    flow = [it if it.kind != CAPTION and id(it) not in set_apart else Item(kind=GAP, rows=[]) for it in items]
    captions = [it for it in items if it.kind == CAPTION]
    shows_bold = any(r.bold for r in rows)
    segments = join_intertitle_series(join_section_series(segment_items(flow, vocab, shows_bold, headlines_lead(page, flow))))
    segments = join_continued_sections(segments)
    segments = join_signed_sections(segments, vocab)
    segments = join_feature_sections(segments)
    segments = [drop_gaps(seg) for seg in join_headlines_to_headless(segments)]
    segments = give_bylines_to_their_reports(split_two_stacks(split_paired_reports(segments, vocab), vocab))
    articles = [s for s in segments if not s.floating]
    # Where each item was printed.  The gaps are dropped, so segments hold
    # the page's own items, set-apart headlines too once placed.
    order = {id(it): k for k, it in enumerate(items)}
    untangle_heads(articles, vocab, order)
    give_heads_to_headless(articles, vocab, order)
    give_titles_to_continued_parts(articles, order)
    floating = [s for s in segments if s.floating]
    floating.extend(cut_heads_past_subtitles(articles))
    floating.extend(place_interrupting_heads(interrupting, articles, vocab, order))
    floating = give_kickers_to_titles(floating, articles, vocab, order)
    built = [build_article(seg) for seg in articles]
    photos, leftover_heads, loose_captions = pair_photos(floating, captions, items, vocab)
    for head_seg, caption in photos:
        built.append((build_photo(head_seg, caption), [*head_seg.items, caption]))
    attach_captions(loose_captions, built, items, vocab)
    for seg in leftover_heads:
        text = "".join(r.text for it in seg.items for r in it.rows)
        page.unassigned.append(
            Unassigned(
                text=text,
                lines=[i for it in seg.items for r in it.rows for i in r.lines],
                reason="headline with no text",
            )
        )
    built.sort(key=lambda pair: reading_position(pair[1], order))
    page.articles = [article for article, _ in built]
    for k, article in enumerate(page.articles, start=1):
        article.id = f"p{page.number}a{k}"
    return page


# A page printed in text boxes has a blank line between boxes at least this
# often (one per this many lines); extractors that print the page as one
# stream leave a blank line at a column break at most.
BOX_LINES = 15


def headlines_lead(page: Page, flow: list[Item]) -> bool:
    """Whether every headline of the page was printed before the text it
    heads, never after it.  So it is where the extractor printed the
    columns interleaved row by row (each line at its height), and where it
    printed the page in text boxes sorted by their position (pdfminer's
    boxes: a headline's box lies above its text) and the page opens with a
    headline and closes with text.  A page printed in boxes with its
    headlines after their texts (an e-paper that draws headlines last)
    opens with text or closes on a headline."""
    if REORDERED in page.warnings:
        return True
    blanks = sum(line.blank_before for line in page.lines)
    if blanks * BOX_LINES < len(page.lines):
        return False
    kinds = [it.kind for it in flow if it.kind in (UNIT, HEAD_ITEM)]
    return bool(kinds) and kinds[0] == HEAD_ITEM and kinds[-1] == UNIT


# A headline set apart from the text it interrupted joins the article
# without a headline that shares at least this much vocabulary with it.
INTERRUPTING_MIN_SIMILARITY = 0.12
# How much narrower than its column (in ems) a full line may measure:
# half-width digits and squeezed punctuation.
FULL_LINE_SLACK = 1.0


def interrupting_heads(items: list[Item]) -> list[list[Item]]:
    """Runs of headline lines printed in the middle of a sentence: the text
    before them stops mid-sentence on a line that is no paragraph's end, and
    the text after them carries on the same paragraph (its first line is no
    opening line).  A sentence never runs on over a headline or an
    intertitle, so the extractor printed the headline where its box fell
    among the lines of a column (poppler sorts a block's lines by height);
    it heads whichever article it names, not the text around it."""
    runs: list[list[Item]] = []
    k = 0
    while k < len(items):
        if items[k].kind != HEAD_ITEM:
            k += 1
            continue
        end = k
        while end < len(items) and items[end].kind == HEAD_ITEM:
            end += 1
        run = items[k:end]
        if 0 < k < end < len(items) and sentence_runs_across(items[k - 1], items[end]):
            if not reads_on_with(run, items[k - 1], items[end]):
                runs.append(run)
        k = end
    return runs


def sentence_runs_across(before: Item, after: Item) -> bool:
    if before.kind != UNIT or after.kind != UNIT or after.hard_start or before.ends_jump:
        return False
    last, first = before.rows[-1], after.rows[0]
    return fills_column(last) and runs_on_text(last.text) and fills_column(first) and not first.indent


def reads_on_with(run: list[Item], before: Item, after: Item) -> bool:
    """The lines taken for a headline read on with the text around them: a
    word or a number runs into them or out of them, or a line of them holds
    clauses and breaks off mid-clause (running text the paragraph labels
    mistook)."""
    first, last = run[0].text.strip(), run[-1].text.strip()
    tail, head = before.rows[-1].text.strip(), after.rows[0].text.strip()
    if words_run_into(tail, first) or words_run_into(last, head):
        return True
    return any(_INNER_CLAUSE.search(it.text.strip()) and runs_on_text(it.text) for it in run)


# A clause mark with more text after it: "组成15个方队、32个".
_INNER_CLAUSE = re.compile(r"[，、；：,;:]\s*\S")


def fills_column(row: Row) -> bool:
    """A line as wide as its column: no paragraph's short last line, nor an
    opening line short by its indent."""
    return row.width >= row.measure - FULL_LINE_SLACK


def place_interrupting_heads(
    runs: list[list[Item]], articles: list[Segment], vocab: Vocabulary, order: dict[int, int]
) -> list[Segment]:
    """Give each run of headline lines set apart by :func:`interrupting_heads`
    to the article without a headline whose text it shares most vocabulary
    with; a run that matches none is left floating (a photo's headline,
    or a headline with no text)."""
    floating: list[Segment] = []
    for run in runs:
        grams = set().union(*(it.grams for it in run))
        best, best_sim = None, INTERRUPTING_MIN_SIMILARITY
        for seg in articles:
            if seg.floating or any(it.kind == HEAD_ITEM for it in seg.lead + seg.trail):
                continue
            sim = vocab.similarity(grams, set().union(*(u.grams for u in seg.units)))
            if sim >= best_sim:
                best, best_sim = seg, sim
        if best is None:
            best = cut_interrupted_text(run, grams, articles, vocab, order)
        if best is None:
            floating.append(Segment(items=list(run), lead=[], trail=[]))
            continue
        first_unit = min(order[id(u)] for u in best.units)
        stack = best.lead if order[id(run[0])] < first_unit else best.trail
        for seq in (stack, best.items):
            seq.extend(run)
            seq.sort(key=lambda it: order[id(it)])
    return floating


# A headline's text read on from the article before it: the part cut off
# must share at least this much of the headline's vocabulary, and this much
# more of it than the part left; the part left this much more of its own
# headline's vocabulary than the part cut off (the article's text stops
# speaking of what its headline names).
CUT_MIN_SIMILARITY = 0.3
CUT_MARGIN = 0.15
CUT_OWN_MARGIN = 0.3


def cut_interrupted_text(
    run: list[Item], grams: set[str], articles: list[Segment], vocab: Vocabulary, order: dict[int, int]
) -> Segment | None:
    """The text a headline printed inside it belongs to, cut off the
    article it was read into.  An article printed without a blank between
    it and the one before (a box printed right under another's foot) runs
    on from that one's text, and its headline, printed among its own lines,
    finds no text without a headline.  The article around the headline is
    cut at the paragraph where the text stops sharing its own headline's
    words and starts sharing this one's (:func:`segment.change_point`).
    Returns the part cut off (the headline's), or ``None``."""
    if run[0].dash_led or not is_whole_title(run):
        return None
    at = order[id(run[0])]
    for seg in articles:
        units = seg.units
        if not units or not (order[id(units[0])] < at < order[id(units[-1])]):
            continue
        own = set().union(*(it.grams for it in seg.lead + seg.trail if it.kind == HEAD_ITEM))
        if not own:
            continue
        cut = change_point(units, grams, own, vocab, [k for k in range(1, len(units)) if order[id(units[k])] < at])
        parts = None if cut is None else text_parts(units, cut)
        if parts is None:
            continue
        before, after = parts
        mine, theirs = vocab.similarity(grams, after), vocab.similarity(grams, before)
        if mine < CUT_MIN_SIMILARITY or mine < theirs + CUT_MARGIN:
            continue
        if vocab.similarity(own, before) < vocab.similarity(own, after) + CUT_OWN_MARGIN:
            continue
        # The article's own stack stays with it, wherever it was printed.
        stack = set(map(id, seg.lead + seg.trail))
        first_moved = next(k for k, it in enumerate(seg.items) if it is units[cut])
        kept = seg.items[:first_moved] + [it for it in seg.items[first_moved:] if id(it) in stack]
        second = make_segment([it for it in seg.items[first_moved:] if id(it) not in stack], seg.score)
        k = next(k for k, other in enumerate(articles) if other is seg)
        articles[k : k + 1] = [make_segment(kept, seg.score), second]
        return second
    return None


def cut_heads_past_subtitles(articles: list[Segment]) -> list[Segment]:
    """Bold headline lines printed after a plain dash-led subtitle head
    something else: a subtitle is the lowest line of its stack, so a
    title set bold under it is the next headline (a photo's, whose
    caption may follow elsewhere).  They are cut from the stack and left
    floating."""
    cut: list[Segment] = []
    for seg in articles:
        for seq in (seg.lead, seg.trail):
            heads = [it for it in seq if it.kind == HEAD_ITEM]
            sub = next((k for k, it in enumerate(heads) if it.dash_led and not any(r.bold for r in it.rows)), None)
            if sub is None or sub + 1 >= len(heads):
                continue
            rest = heads[sub + 1 :]
            if not all(r.bold for r in rest[0].rows) or rest[0].wraps_previous:
                continue
            gone = {id(it) for it in rest}
            seq[:] = [it for it in seq if id(it) not in gone]
            seg.items[:] = [it for it in seg.items if id(it) not in gone]
            cut.append(Segment(items=rest, lead=list(rest), trail=[]))
    return cut


def index_caption_similarity(items: list[Item], vocab: Vocabulary) -> None:
    """How much each headline line printed against a caption shares with it."""
    for k, item in enumerate(items):
        if item.kind != CAPTION:
            continue
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(items) and items[j].kind == HEAD_ITEM:
                items[j].caption_sim = max(items[j].caption_sim, vocab.similarity(items[j].grams, item.grams))
                j += step


def drop_gaps(seg: Segment) -> Segment:
    for run in (seg.items, seg.lead, seg.trail):
        run[:] = [it for it in run if it.kind != GAP]
    return seg


def reading_position(parts: list[Item], order: dict[int, int]) -> int:
    """Articles are listed in the order their text (or caption) is printed."""
    spots = [order[id(it)] for it in parts if it.kind in (UNIT, CAPTION)]
    return min(spots) if spots else min(order[id(it)] for it in parts)


# --- items ---------------------------------------------------------------------


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


# --- photos and captions ------------------------------------------------------------


def pair_photos(
    floating: list[Segment], captions: list[Item], items: list[Item], vocab: Vocabulary
) -> tuple[list[tuple[Segment, Item]], list[Segment], list[Item]]:
    """Match headline runs with no body to captions (photo news), as one
    assignment over the page."""
    heads = [seg for seg in floating if any(it.kind == HEAD_ITEM for it in seg.items)]
    others = [seg for seg in floating if seg not in heads]
    if not heads or not captions:
        return [], floating, captions
    pos = {id(it): k for k, it in enumerate(items)}
    score = [[0.0] * len(captions) for _ in heads]
    for a, seg in enumerate(heads):
        head_grams: set[str] = set()
        for it in seg.items:
            if it.kind == HEAD_ITEM:
                head_grams |= it.grams
        start = min(pos[id(it)] for it in seg.items)
        end = max(pos[id(it)] for it in seg.items)
        for b, cap in enumerate(captions):
            sim = vocab.similarity(head_grams, cap.grams)
            # Next to the run, or printed between its lines (a column head
            # over the picture, the photo's headline under the caption).
            adjacent = start - 1 <= pos[id(cap)] <= end + 1
            score[a][b] = sim + (0.5 if adjacent else 0.0)
    matched = [(a, b) for a, b in best_pairs(score) if score[a][b] >= PHOTO_MIN_SIMILARITY]
    matched += pair_leftovers(heads, captions, {a for a, _ in matched}, {b for _, b in matched}, pos)
    used_heads = {a for a, _ in matched}
    used_caps = {b for _, b in matched}
    pairs = [(heads[a], captions[b]) for a, b in matched]
    leftover = others + [seg for a, seg in enumerate(heads) if a not in used_heads]
    loose = [cap for b, cap in enumerate(captions) if b not in used_caps]
    return pairs, leftover, loose


# How far apart (in items) a photo's headline and its caption may be
# printed when nothing but their being left over pairs them.
PHOTO_REACH = 12


def pair_leftovers(
    heads: list[Segment], captions: list[Item], used_heads: set[int], used_caps: set[int], pos: dict[int, int]
) -> list[tuple[int, int]]:
    """Headlines and credited captions that share no words yet are both
    left over, printed near each other (:data:`PHOTO_REACH`): a photo's
    headline is often a poetic line ("秋色正浓") that shares nothing with
    its caption, and a headline heads something.  A line that cannot head
    a photo (:func:`could_head_a_photo`) stays unpaired."""
    rest_heads = [a for a in range(len(heads)) if a not in used_heads and could_head_a_photo(heads[a])]
    rest_caps = [b for b in range(len(captions)) if b not in used_caps and is_credited(captions[b])]
    if not rest_heads or not rest_caps:
        return []
    gaps = [[abs(pos[id(captions[b])] - pos[id(heads[a].items[0])]) for b in rest_caps] for a in rest_heads]
    closeness = [[PHOTO_REACH + 1 - gap for gap in row] for row in gaps]
    return [(rest_heads[x], rest_caps[y]) for x, y in best_pairs(closeness) if gaps[x][y] <= PHOTO_REACH]


def is_credited(caption: Item) -> bool:
    return any(r.label == classify.CREDIT for r in caption.rows)


def could_head_a_photo(seg: Segment) -> bool:
    """A floating run whose headline lines make a whole title."""
    return is_whole_title([it for it in seg.items if it.kind == HEAD_ITEM])


def is_whole_title(lines: list[Item]) -> bool:
    """Headline lines that can be a title on their own, no fragment of one:
    a few characters at least, with no clause marks, no bracket or quote
    left open and no kicker's ending ("……强调")."""
    text = "".join(it.text.strip() for it in lines)
    return (
        visible_len(text) >= TITLE_MIN_CHARS
        and not rules.KICKER_END.search(lines[-1].text.strip())
        and not rules.CLAUSE_MARKS.intersection(text)
        and not leaves_open(text)
    )



def attach_captions(
    captions: list[Item], built: list[tuple[Article, list[Item]]], items: list[Item], vocab: Vocabulary
) -> None:
    """Each remaining caption joins the article it shares most vocabulary
    with, preferring one printed next to it; with no article it stands as a
    photo of its own."""
    pos = {id(it): k for k, it in enumerate(items)}
    for cap in captions:
        best, best_score = None, -1.0
        for article, its in built:
            text_grams: set[str] = set()
            for it in its:
                text_grams |= it.grams
            score = vocab.similarity(cap.grams, text_grams)
            spots = [pos[id(it)] for it in its if id(it) in pos]
            if spots and (pos[id(cap)] - 1 in spots or pos[id(cap)] + 1 in spots):
                score += CAPTION_ADJACENT
            if score > best_score:
                best, best_score = (article, its), score
        if best is None:
            article = Article(id="", kind="photo")
            fill_caption(article, cap)
            built.append((article, [cap]))
            continue
        fill_caption(best[0], cap)
        best[1].append(cap)


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


# --- articles ----------------------------------------------------------------------


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


def is_pen_name(text: str) -> bool:
    """A two-character name printed with a space between ("仲 音"):
    newspapers pad two-character names to the width of three."""
    parts = text.split()
    return len(parts) == 2 and all(len(p) == 1 and "\u4e00" <= p <= "\u9fff" for p in parts)


def build_photo(seg: Segment, cap: Item) -> Article:
    article = Article(id="", kind="photo")
    fill_headline(article, [it for it in seg.items if it.kind in (HEAD_ITEM, BYLINE, COLUMN)])
    fill_caption(article, cap)
    return article
