"""Text-mode assembly: a page of raw extracted text → articles.

Stages: rows (furniture, faux bold, markers; :mod:`~jianbao.assemble.rows`)
→ paragraphs (body or headline, by line widths; :mod:`~jianbao.assemble.paragraphs`)
→ items (text units, headline lines, bylines, captions; :mod:`~jianbao.assemble.items`)
→ segments (which headline goes with which body; :mod:`~jianbao.assemble.segment`,
sections joined by :mod:`~jianbao.assemble.sections`, headline lines
regrouped by :mod:`~jianbao.assemble.regroup`) → articles
(:mod:`~jianbao.assemble.articles`), with captions joined to their photo
headline or their article (:mod:`~jianbao.assemble.photos`).  Headline
lines printed inside a sentence are set apart before the segments are cut
and given to the article they name afterwards (:func:`interrupting_heads`).
"""

from __future__ import annotations

import re

from jianbao.assemble.articles import build_article, build_photo
from jianbao.assemble.columns import runs_on_text
from jianbao.assemble.headline import is_whole_title, words_run_into
from jianbao.assemble.items import build_items
from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.paragraphs import label_rows
from jianbao.assemble.photos import attach_captions, index_caption_similarity, pair_photos
from jianbao.assemble.regroup import (
    change_point,
    give_bylines_to_their_reports,
    give_dates_to_documents,
    give_heads_to_headless,
    give_kickers_to_titles,
    give_stacks_to_headless_texts,
    give_stacks_to_the_texts_they_name,
    give_titles_to_continued_parts,
    join_headless_parts,
    join_headlines_to_headless,
    lead_with_the_stacks_before,
    printed_inside,
    return_columns_printed_after_the_next,
    return_paragraphs_printed_under_the_next,
    split_paired_reports,
    split_two_stacks,
    text_parts,
    untangle_heads,
)
from jianbao.assemble.rows import REORDERED, Row, prepare_rows
from jianbao.assemble.sections import (
    join_continued_sections,
    join_feature_sections,
    join_intertitle_series,
    join_section_series,
    join_signed_sections,
)
from jianbao.assemble.segment import (
    CAPTION,
    GAP,
    UNIT,
    Item,
    Segment,
    grams_of,
    index_flow_windows,
    index_grams,
    make_segment,
    segment_items,
)
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.model import Page, Unassigned
from jianbao.rules import GOES_ON_REPORTING


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
    heads_lead = headlines_lead(page, flow)
    segments = join_intertitle_series(join_section_series(segment_items(flow, vocab, shows_bold, heads_lead)))
    segments = join_continued_sections(segments)
    segments = join_signed_sections(segments, vocab)
    segments = join_feature_sections(segments)
    segments = [drop_gaps(seg) for seg in join_headlines_to_headless(segments)]
    segments = give_bylines_to_their_reports(split_two_stacks(split_paired_reports(segments, vocab, heads_lead), vocab))
    if heads_lead:
        segments = lead_with_the_stacks_before(segments, vocab)
        segments = return_columns_printed_after_the_next(return_paragraphs_printed_under_the_next(segments, vocab), vocab)
    articles = [s for s in segments if not s.floating]
    # Where each item was printed.  The gaps are dropped, so segments hold
    # the page's own items, set-apart headlines too once placed.
    order = {id(it): k for k, it in enumerate(items)}
    untangle_heads(articles, vocab, order)
    give_heads_to_headless(articles, vocab, order)
    give_stacks_to_the_texts_they_name(articles, vocab, order)
    give_titles_to_continued_parts(articles, order)
    articles = join_headless_parts(articles, vocab)
    floating = [s for s in segments if s.floating]
    floating.extend(cut_heads_past_subtitles(articles))
    floating.extend(place_interrupting_heads(interrupting, articles, vocab, order))
    floating = give_kickers_to_titles(floating, articles, vocab, order)
    floating = give_dates_to_documents(floating, articles)
    photos, leftover_heads, loose_captions = pair_photos(floating, captions, items, vocab)
    articles, leftover_heads = give_stacks_to_headless_texts(leftover_heads, articles, vocab)
    built = [build_article(seg) for seg in articles]
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
    it heads whichever article it names, not the text around it.  So does a
    run whose lines the column stage found printed inside a sentence that
    it carried on past them (``Row.inside_sentence``): moved, that sentence
    now ends before the run."""
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
        if all(row.inside_sentence for it in run for row in it.rows):
            runs.append(run)
        elif 0 < k < end < len(items) and sentence_runs_across(items[k - 1], items[end]):
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
        grams = grams_of(run)
        best, best_sim = None, INTERRUPTING_MIN_SIMILARITY
        for seg in articles:
            if seg.floating or any(it.kind == HEAD_ITEM for it in seg.lead + seg.trail):
                continue
            sim = vocab.similarity(grams, grams_of(seg.units))
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
    on from that one's text, and its headline, printed among its own lines
    or among the last lines of the text before (its box beside their
    column's foot), finds no text without a headline.  The article around
    the headline is cut at the paragraph where the text stops sharing its
    own headline's words and starts sharing this one's
    (:func:`segment.change_point`), before the headline or after it, but
    never inside the sentence it interrupts nor before a paragraph going on
    reporting what was said ("他指出，……": ``rules.GOES_ON_REPORTING``).
    Returns the part cut off (the headline's), or ``None``."""
    if run[0].dash_led or not is_whole_title([it.text for it in run]):
        return None
    at = order[id(run[0])]
    for seg in articles:
        if not printed_inside(at, seg, order):
            continue
        units = seg.units
        own = grams_of(it for it in seg.lead + seg.trail if it.kind == HEAD_ITEM)
        if not own:
            continue
        # The sentence the headline interrupts stays whole, on either side,
        # and a paragraph going on reporting what was said opens no text.
        resumed = next((k for k in range(len(units)) if order[id(units[k])] > at), None)
        starts = [k for k in range(1, len(units)) if k != resumed and not GOES_ON_REPORTING.match(units[k].text)]
        cut = change_point(units, grams, own, vocab, starts)
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


def drop_gaps(seg: Segment) -> Segment:
    for run in (seg.items, seg.lead, seg.trail):
        run[:] = [it for it in run if it.kind != GAP]
    return seg


def reading_position(parts: list[Item], order: dict[int, int]) -> int:
    """Articles are listed in the order their text (or caption) is printed."""
    spots = [order[id(it)] for it in parts if it.kind in (UNIT, CAPTION)]
    return min(spots) if spots else min(order[id(it)] for it in parts)
