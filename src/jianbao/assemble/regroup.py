"""Headline lines and texts regrouped after the page is cut into articles.

The cut (:mod:`jianbao.assemble.segment`) scores each article on its own;
some evidence only shows between neighbours, and these passes act on it:

* headline lines of side-by-side articles that an extractor printed
  interleaved go back to the article whose text they match
  (:func:`untangle_heads`);
* a text printed without a headline before a stack of several takes the
  stack's first line when it matches that text better
  (:func:`give_heads_to_headless`), a stack over a text it does not name
  heads the text without one after it that it does
  (:func:`give_stacks_to_the_texts_they_name`), and a headline alone
  after a text without one is that text's trailing headline
  (:func:`join_headlines_to_headless`);
* a kicker printed apart from its title heads the article it names
  (:func:`give_kickers_to_titles`), and a document's date printed apart
  goes under the title of the one document without one
  (:func:`give_dates_to_documents`);
* two datelined reports whose headlines were printed together each take
  their own (:func:`split_paired_reports`), unless the headlines are one
  stack over both (a plain kicker over a bold title, or without bold type
  a kicker naming the second report over a title naming the first), and a
  title printed after another stack's dash-led subtitle, or a tagged title
  after a kicker and its title, heads the part of the text that turns to
  it (:func:`split_two_stacks`);
* a text with no headline that reads like one article and no other, or
  opens mid-sentence where one article alone breaks off mid-sentence, is
  a part of it printed apart (:func:`join_headless_parts`), and a stack
  left without text at the end heads the headless text it names
  (:func:`give_stacks_to_headless_texts`);
* a byline printed after a text's trailing headline signs that text when
  its dateline credits the same reporters
  (:func:`give_bylines_to_their_reports`), and a part continued from
  another page takes the last headline printed over its marker from the
  text before (:func:`give_titles_to_continued_parts`);
* where headlines are printed before their texts, a stack left without
  text heads the text after it when that text ended on a stack that names
  the next text instead (:func:`lead_with_the_stacks_before`), and an
  article's last columns printed after the text of the article beside it
  go back to it (:func:`return_columns_printed_after_the_next`), as do
  its last paragraphs printed under the next article's headline
  (:func:`return_paragraphs_printed_under_the_next`).
"""

from __future__ import annotations

import re

from jianbao.assemble.headline import TITLE_MIN_CHARS
from jianbao.assemble.lexical import Vocabulary, grams
from jianbao.assemble.paragraphs import FIRST, LAST, MID, SINGLE
from jianbao.assemble.segment import BYLINE, GAP, HEAD, Item, Segment, grams_of, line_over_kicker, make_segment
from jianbao.normalize import visible_len
from jianbao.rules import CLOSERS, COLUMN_TAG, DATED_DOCUMENT_TITLE, DOCUMENT_DATE, KICKER_END, OPENERS, ROLE, ends_on_sentence_mark


# A headline line moves to a neighbouring article when it shares this much
# more of its vocabulary with that article's text than with its own.
UNTANGLE_MARGIN = 0.25
UNTANGLE_MIN = 0.5
UNTANGLE_REACH = 2
UNTANGLE_OWN_MAX = 0.3


def untangle_heads(segments: list[Segment], vocab: Vocabulary, order: dict[int, int]) -> None:
    """Give back headline lines of side-by-side articles that an extractor
    printed interleaved, line by line across the columns ("就江州建市70周年"
    / "全市秋粮收购工作全面展开……" / "市长同来访代表团……"): within a run of
    several headline lines, a line goes to the nearby article whose text it
    matches clearly better than its own.  A line wrapped onto the one above
    stays with it, and so does the wrapped end of a subtitle
    (:func:`ends_subtitle`); a kicker never leaves its title to become
    another article's whole stack (:func:`_kicker_left_alone`)."""
    bodies = [grams_of(seg.units) for seg in segments]
    for k, seg in enumerate(segments):
        for run in (seg.lead, seg.trail):
            heads = [it for it in run if it.kind == HEAD]
            if len(heads) < 2:
                continue
            for n, it in enumerate(heads):
                wrapped = it.wraps_previous or (n + 1 < len(heads) and heads[n + 1].wraps_previous)
                if wrapped:
                    continue  # one printed line of a longer one stays with it
                if n + 1 < len(heads) and heads[n + 1].subtitle_like and not it.subtitle_like and _may_end_title(heads, n):
                    continue  # the line over a subtitle ends that subtitle's title
                if n + 1 < len(heads) and opens_a_tag(heads[n + 1].text) and not opens_a_tag(it.text):
                    continue  # the line over a column tag's line starts the title it closes
                if n > 0 and ends_subtitle(heads[n - 1], it):
                    continue
                own = vocab.similarity(it.grams, bodies[k])
                best_k, best = k, own
                for j in range(max(0, k - UNTANGLE_REACH), min(len(segments), k + UNTANGLE_REACH + 1)):
                    if j != k and bodies[j]:
                        sim = vocab.similarity(it.grams, bodies[j])
                        if sim > best:
                            best_k, best = j, sim
                if (
                    best_k != k
                    and best >= UNTANGLE_MIN
                    and best - own >= UNTANGLE_MARGIN
                    and own < UNTANGLE_OWN_MAX
                    and not _lands_over_kicker(it, segments[best_k], order)
                    and not _kicker_left_alone(it, segments[best_k], order)
                ):
                    _move_head(it, seg, segments[best_k], order)


def _may_end_title(heads: list[Item], n: int) -> bool:
    """Line ``n`` may be the end of the title over it: the first line of the
    stack, or at most half as long as the line above (a title's wrapped
    end, "携手奋进，共创江州" / "美好未来").  A line about as long as
    the title over it, printed between that title and its subtitle, is a
    line of its own: a headline beside them, printed on their rows."""
    return n == 0 or 2 * visible_len(heads[n].text) <= visible_len(heads[n - 1].text)


def ends_subtitle(above: Item, line: Item) -> bool:
    """``line`` is the wrapped end of the dash-led subtitle over it: shorter
    than the subtitle's first line and not led by a dash itself ("——各区
    抓紧落实……坚决" / "守住老街的烟火气")."""
    return above.dash_led and not line.dash_led and visible_len(line.text) < visible_len(above.text)


# How much better the first line of a stack must match the headless text
# before it than its own text to go to that text.
HEADLESS_MARGIN = 0.15


def give_heads_to_headless(segments: list[Segment], vocab: Vocabulary, order: dict[int, int]) -> None:
    """A text printed with no headline before a stack of several headlines
    lost its headline to that stack: the extractor printed its headline
    after its body, right above the next article's.  The stack's first
    line goes to it when it matches that text better than its own
    ("市长会见友好城市代表团" after a report of the meeting, above "……出席
    欢迎晚宴").  A part continued from another page lost it alike: such a
    part reprints its headline."""
    for before, seg in zip(segments, segments[1:]):
        if not before.units or _has_headline(before):
            continue
        heads = [it for it in seg.lead if it.kind == HEAD]
        if len(heads) < 2 or any(it.kind != HEAD for it in seg.lead[: seg.lead.index(heads[1])]):
            continue
        first = [heads[0], *_wrapped_onto(heads[1:])]
        if len(first) == len(heads):
            continue  # one printed headline: nothing to give
        _move_to_the_text_they_name(first, seg, before, vocab, order)


def give_stacks_to_the_texts_they_name(segments: list[Segment], vocab: Vocabulary, order: dict[int, int]) -> None:
    """A stack over a text it does not name, followed by a text with no
    headline that it does name, heads that text: the extractor printed
    the stack's text after another text's stretch set under the stack
    ("……时强调" / "扎实做好……" over the rest of a feature from the page's
    top, then "本报江州1月2日电……").  The whole stack moves, or none of it."""
    for seg, after in zip(segments, segments[1:]):
        heads = [it for it in seg.lead if it.kind == HEAD]
        if heads and seg.units and after.units and not _has_headline(after):
            _move_to_the_text_they_name(heads, seg, after, vocab, order)


def _move_to_the_text_they_name(heads: list[Item], source: Segment, target: Segment, vocab: Vocabulary, order: dict[int, int]) -> None:
    """Headline lines go from ``source`` to ``target`` when they share
    clearly more of their vocabulary with its text (:data:`HEADLESS_MARGIN`)."""
    grams = grams_of(heads)
    if vocab.similarity(grams, grams_of(target.units)) >= vocab.similarity(grams, grams_of(source.units)) + HEADLESS_MARGIN:
        for it in heads:
            _move_head(it, source, target, order)


# A kicker printed apart from its title goes to an article whose text it
# shares at least this much of its vocabulary with.
KICKER_MIN_SIMILARITY = 0.3


def give_kickers_to_titles(floating: list[Segment], articles: list[Segment], vocab: Vocabulary, order: dict[int, int]) -> list[Segment]:
    """Kickers left without their title go to it: a stack of kicker lines
    only ("……时强调", "……——"), which no article may end on, heads the first
    article printed after it whose stack has a title but no kicker and
    whose text it names.  Extractors that print text boxes by position put
    a kicker's box where it lies on the page, which may be above another
    article's text; layout extractors may cut a kicker centred over the
    columns into its own article's text, and then it goes over that
    article's title if its lines close every mark they open
    (:func:`_closes_its_marks`).  Returns the floating stacks left."""
    left: list[Segment] = []
    ranked = sorted(articles, key=lambda seg: order[id(seg.items[0])])
    for seg in floating:
        heads = [it for it in seg.items if it.kind == HEAD]
        if not heads or len(heads) != len(seg.items) or not KICKER_END.search(heads[-1].text.strip()):
            left.append(seg)
            continue
        grams = grams_of(heads)
        start = order[id(heads[0])]
        target = next(
            (
                a
                for a in ranked
                if (order[id(a.items[0])] > start or (printed_inside(start, a, order) and _closes_its_marks(heads)))
                and _has_headline(a)
                and not any(it.kicker_like for it in a.lead + a.trail if it.kind == HEAD)
                and vocab.similarity(grams, grams_of(a.units)) >= KICKER_MIN_SIMILARITY
            ),
            None,
        )
        if target is None:
            left.append(seg)
            continue
        if printed_inside(start, target, order):
            _put_over_stack(heads, target)
            continue
        for it in heads:
            _move_head(it, seg, target, order)
    return left


def give_dates_to_documents(floating: list[Segment], articles: list[Segment]) -> list[Segment]:
    """A document's date printed on its own ("（二〇二四年三月五日）")
    goes under the title of the one article on the page whose title names
    a dated document (意见, 决定, 讲话…, :data:`DATED_DOCUMENT_TITLE`) and
    carries no date: the date a decision or a speech was adopted is
    printed under its title, but an extractor printing text boxes in its
    own order may print it anywhere.  Returns the floating stacks left."""
    left: list[Segment] = []
    for seg in floating:
        if len(seg.items) != 1 or seg.items[0].kind != HEAD or not DOCUMENT_DATE.match(seg.items[0].text):
            left.append(seg)
            continue
        documents = [a for a in articles if _names_an_undated_document(a)]
        if len(documents) != 1:
            left.append(seg)
            continue
        _put_under_stack(seg.items[0], documents[0])
    return left


def _stack_heads(seg: Segment) -> list[Item]:
    stack = seg.lead if any(it.kind == HEAD for it in seg.lead) else seg.trail
    return [it for it in stack if it.kind == HEAD]


def _names_an_undated_document(seg: Segment) -> bool:
    heads = _stack_heads(seg)
    return bool(heads) and bool(DATED_DOCUMENT_TITLE.search(heads[-1].text)) and not any(DOCUMENT_DATE.match(it.text) for it in heads)


def _put_under_stack(item: Item, target: Segment) -> None:
    """``item`` right under the last line of ``target``'s stack."""
    last = _stack_heads(target)[-1]
    for seq in (target.lead if last in target.lead else target.trail, target.items):
        seq.insert(seq.index(last) + 1, item)


def _put_over_stack(heads: list[Item], target: Segment) -> None:
    """Kicker lines printed inside ``target``'s text go over the top of
    its stack, where the page set them."""
    stack = target.lead if any(it.kind == HEAD for it in target.lead) else target.trail
    top = next(it for it in stack if it.kind == HEAD)
    for seq in (stack, target.items):
        k = seq.index(top)
        seq[k:k] = heads


def _closes_its_marks(heads: list[Item]) -> bool:
    """The lines close as many quotes and brackets of each kind as they
    open: whole headline lines, not a piece of a sentence that closes a
    quote opened before it ("……的辉煌成就”——")."""
    text = "".join(it.text for it in heads)
    return all(text.count(o) == text.count(c) for o, c in zip(OPENERS, CLOSERS))


def printed_inside(at: int, seg: Segment, order: dict[int, int]) -> bool:
    """Position ``at`` falls between the first and the last of ``seg``'s
    texts as printed."""
    units = seg.units
    return bool(units) and order[id(units[0])] < at < order[id(units[-1])]


# A printed headline goes with one of two datelined parts when it shares
# this much more of its vocabulary with that part than with the other.
PAIRED_MARGIN = 0.15


def split_paired_reports(segments: list[Segment], vocab: Vocabulary, heads_lead: bool = False) -> list[Segment]:
    """Two texts set side by side whose headlines an extractor printed
    together above (or below) both, the second opening with a dateline or
    a byline, are two articles, each under its own headlines, not one text
    with a dateline inside nor a text with both stacks beside one with
    none: where every printed headline of the stack shares clearly more
    vocabulary with one of the two parts, or the stack divides into two
    stacks each reading clearly more like one part, each part takes the
    headlines it matches ("江州港吞吐量创新高" / "湿地公园开园"
    over "本报江州11月2日电 江州港……" and "本报江州11月2日电 湿地……").  One
    report of two events under one headline ("……分别会见……") keeps its
    second dateline: its headline matches both parts.  So does a stack
    whose plain kicker names one report and whose bold title names the
    other (:func:`_kicker_over_title`): a datelined report cut from the
    text under such a stack joins it again.  A kicker ending on a dash
    after a headline that is no kicker tops the second stack
    (:func:`second_stack_opening`): the stacks divide there or not at all,
    whatever a title's words share with the other text.  Where no line of
    the stack is bold, the order of the headlines tells a kicker over its
    title (:func:`_crossed_stack`), unless the extractor printed every
    headline at its height (``heads_lead``: rows across the page, or boxes
    sorted by position), which says nothing of the texts' order."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if prev is not None and _cut_at_dateline(prev, seg):
            joined = make_segment(prev.items + seg.items, prev.score)
            division = _divided_headlines(joined, vocab)
            if division is not None and _opens(seg, division[0]) and _one_stack(division, heads_lead):
                # One stack over both reports: they are one article.
                out[-1] = joined
                continue
            split = _cut_paired(joined, division, heads_lead)
            if split:
                out[-1:] = split
                continue
        out.extend(_cut_paired(seg, _divided_headlines(seg, vocab), heads_lead) or [seg])
    return out


def split_two_stacks(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """Two headline stacks printed one after the other over one text are
    two articles' headlines: a subtitle ("——……") is the lowest line of its
    stack, so a title printed after it heads another text (an extractor that
    prints a page row by row prints the stacks of two articles set side by
    side together, above both texts), and so does a title closed by a
    column tag after a kicker and its title (:func:`_before_second_title`).  The text is cut where it stops
    speaking of the first stack and starts speaking of the second
    (:func:`change_point`), at a paragraph's start; where no such place
    stands out the segment stays whole."""
    out: list[Segment] = []
    for seg in segments:
        out.extend(_split_two_stacks(seg, vocab) or [seg])
    return out


# Each stack shares at least this much more of its vocabulary with its own
# part of the text than with the other part.
STACKS_MARGIN = 0.15
# A part cut off a text to stand as an article of its own runs at least this
# long (characters), and so does the part left.
PART_MIN_CHARS = 200


def _split_two_stacks(seg: Segment, vocab: Vocabulary) -> list[Segment] | None:
    heads = [it for it in seg.lead if it.kind == HEAD]
    printed = _printed_headlines(heads)
    sub = next((k for k, lines in enumerate(printed) if lines[0].dash_led), None)
    if sub is None or sub == 0 or sub + 1 >= len(printed) or any(lines[0].dash_led for lines in printed[sub + 1 :]):
        sub = _before_second_title(printed)
        if sub is None:
            return None
    first = grams_of(it for lines in printed[: sub + 1] for it in lines)
    second = grams_of(it for lines in printed[sub + 1 :] for it in lines)
    units = seg.units
    starts = [k for k in range(1, len(units)) if units[k].rows[0].part in (FIRST, SINGLE) or units[k].hard_start]
    cut = change_point(units, second, first, vocab, starts)
    parts = None if cut is None else text_parts(units, cut)
    if parts is None:
        return None
    if not each_reads_like_its_own(vocab, first, second, parts, STACKS_MARGIN):
        return None
    moving = {id(it) for lines in printed[sub + 1 :] for it in lines}
    return _cut_at(seg, units[cut], moving, lead=True)


def each_reads_like_its_own(vocab: Vocabulary, first: set[str], second: set[str], parts: tuple[set[str], set[str]], margin: float) -> bool:
    """Whether headline ``first`` shares at least ``margin`` more of its
    vocabulary with the first of the two ``parts`` of a text than with the
    second, and headline ``second`` with the second than with the first."""
    before, after = parts
    return (
        vocab.similarity(first, before) >= vocab.similarity(first, after) + margin
        and vocab.similarity(second, after) >= vocab.similarity(second, before) + margin
    )


def _before_second_title(printed: list[list[Item]]) -> int | None:
    """The last headline of the first of two stacks when a title closed by
    a column tag ("……（江州论坛）") follows a kicker ("市长签署……令") and
    the title under it: a column tag closes a title, never a kicker or a
    subtitle, and a stack has one title."""
    kickers = [any(it.kicker_like for it in lines) for lines in printed]
    if not kickers or not kickers[0]:
        return None
    for k in range(2, len(printed)):
        text = _printed_text(printed[k])
        if COLUMN_TAG.search(text) and not kickers[k - 1]:
            return k - 1
    return None


def text_parts(units: list[Item], cut: int) -> tuple[set[str], set[str]] | None:
    """The vocabulary of the units before ``cut`` and of those from it on,
    when each part is long enough to stand as a text of its own
    (:data:`PART_MIN_CHARS`); None when one is not."""
    if min(sum(u.chars for u in units[:cut]), sum(u.chars for u in units[cut:])) < PART_MIN_CHARS:
        return None
    return grams_of(units[:cut]), grams_of(units[cut:])


def change_point(units: list[Item], theirs: set[str], ours: set[str], vocab: Vocabulary, starts: list[int]) -> int | None:
    """The unit, among ``starts``, before which the text stops sharing the
    vocabulary of ``ours`` and starts sharing that of ``theirs``: the cut
    that best splits the units into those nearer the one and those nearer
    the other (each unit leans by how much more of ``theirs`` it holds).

    >>> from jianbao.assemble.lexical import grams
    >>> units = [Item(kind=UNIT, rows=[], grams=grams(t)) for t in ("老街食堂开张", "食堂饭菜便宜", "茶园春茶开采", "春茶供不应求")]
    >>> change_point(units, grams("春茶开采"), grams("老街食堂"), Vocabulary(u.grams for u in units), [1, 2, 3])
    2
    """
    if not starts:
        return None
    lean = [vocab.similarity(theirs, u.grams) - vocab.similarity(ours, u.grams) for u in units]
    return max(starts, key=lambda k: sum(lean[k:]) - sum(lean[:k]))


def _opens(seg: Segment, item: Item) -> bool:
    """``item`` is where ``seg`` opens: its first item or its first unit."""
    return item is seg.items[0] or item is seg.units[0]


def _cut_at_dateline(first: Segment, second: Segment) -> bool:
    """Two texts cut at a dateline, one with a headline and the other with
    none: two datelined texts, or a text under headlines followed by a
    datelined one without."""
    return bool(
        first.units
        and second.units
        and second.units[0].hard_start
        and _has_headline(first) != _has_headline(second)
        and (first.units[0].hard_start or _has_headline(first))
    )


def _cut_paired(seg: Segment, division: tuple[Item, bool, list[list[Item]], list[int]] | None, heads_lead: bool = False) -> list[Segment] | None:
    """``seg`` cut in two at a dateline where its headlines divide between
    the two parts (:func:`_divided_headlines`; see
    :func:`split_paired_reports`), or None, also where the headlines are one
    stack over both texts (:func:`_one_stack`)."""
    if division is None or _one_stack(division, heads_lead):
        return None
    start, lead, printed, sides = division
    # The lines that move: a stack over the texts gives the second part its
    # lines, one under them the first part.
    moving = {id(it) for lines, side in zip(printed, sides) if side == (1 if lead else 0) for it in lines}
    return _cut_at(seg, start, moving, lead)


def _divided_headlines(seg: Segment, vocab: Vocabulary) -> tuple[Item, bool, list[list[Item]], list[int]] | None:
    """Where ``seg``'s headlines divide between the text before a dateline
    and the text after it: the unit (or byline) the second text opens
    with, whether the headlines lead, the printed headlines and the part
    each goes with."""
    lead = any(it.kind == HEAD for it in seg.lead)
    printed = _printed_headlines([it for it in (seg.lead if lead else seg.trail) if it.kind == HEAD])
    units = seg.units
    if len(printed) < 2 or len(units) < 2:
        return None
    opening = second_stack_opening(printed)
    for k in range(1, len(units)):
        start = _second_start(seg, units[k])
        if start is None:
            continue
        parts = (grams_of(units[:k]), grams_of(units[k:]))
        if opening is not None:
            sides = _sides_by_stack(printed, parts, vocab, [opening])
        else:
            sides = _sides_by_line(printed, parts, vocab) or _sides_by_stack(printed, parts, vocab)
        if sides:
            return start, lead, printed, sides
    return None


def _one_stack(division: tuple[Item, bool, list[list[Item]], list[int]], heads_lead: bool) -> bool:
    """The divided headlines are one stack over both texts: a plain kicker
    over a bold title (:func:`_kicker_over_title`), or, where nothing is
    bold, a stack printed over the texts whose order crosses theirs
    (:func:`_crossed_stack`)."""
    _start, lead, printed, sides = division
    if _kicker_over_title(printed, sides):
        return True
    plain = not any(r.bold for lines in printed for it in lines for r in it.rows)
    return plain and lead and not heads_lead and _crossed_stack(printed, sides)


def _kicker_over_title(printed: list[list[Item]], sides: list[int]) -> bool:
    """The headlines that go with one text are plain lines printed right
    over the bold ones that go with the other: a kicker over its title,
    one stack over both texts ("离开江州……" over "……抵达海滨市", a
    departure and an arrival reported under one headline), not two
    headlines."""
    weights = [{r.bold for it in lines for r in it.rows} for lines in printed]
    if any(len(w) != 1 for w in weights):
        return False
    bold = [True in w for w in weights]
    first_bold = bold.index(True) if True in bold else 0
    return (
        first_bold > 0
        and all(bold[first_bold:])
        and visible_len("".join(it.text for lines in printed[first_bold:] for it in lines)) >= TITLE_MIN_CHARS
        and len(set(sides[:first_bold])) == 1
        and len(set(sides[first_bold:])) == 1
        and sides[0] != sides[first_bold]
    )


def _crossed_stack(printed: list[list[Item]], sides: list[int]) -> bool:
    """Without bold type to tell a title: two headlines, the first naming
    the second text and the second the first, the order a kicker over its
    title takes ("离开江州……" over "……抵达海滨市" over the arrival, then
    the departure).  The stacks of two texts set side by side, printed
    together in crossed order, come with more lines (a title and its
    kicker or subtitle each); two single lines crossed are a kicker and
    its title."""
    return (
        sides == [1, 0]
        and visible_len("".join(it.text for it in printed[1])) >= TITLE_MIN_CHARS
    )


def _second_start(seg: Segment, unit: Item) -> Item | None:
    """Where a second text may open inside ``seg`` at ``unit``: a dateline
    opens one, and so does a byline printed over the unit (a signed report
    printed after another's text); the cut goes before the byline."""
    if unit.from_jump or unit.bulleted:
        return None
    if unit.hard_start:
        return unit
    at = seg.items.index(unit)
    return seg.items[at - 1] if at and seg.items[at - 1].kind == BYLINE else None


def _sides_by_line(printed: list[list[Item]], parts: tuple[set[str], set[str]], vocab: Vocabulary) -> list[int] | None:
    """The part each printed headline goes with, when every one shares
    clearly more vocabulary with one part and each part has one."""
    sides: list[int] = []
    for lines in printed:
        grams = grams_of(lines)
        first, second = (vocab.similarity(grams, part) for part in parts)
        if abs(first - second) < PAIRED_MARGIN:
            return None
        sides.append(0 if first > second else 1)
    return sides if 0 in sides and 1 in sides else None


def _sides_by_stack(
    printed: list[list[Item]], parts: tuple[set[str], set[str]], vocab: Vocabulary, cuts: list[int] | None = None
) -> list[int] | None:
    """The part each printed headline goes with when the headlines form two
    stacks printed one after the other, one sharing clearly more vocabulary
    with one part and the other at least somewhat more with the other part
    (a commentary's title may share few words with its text): a line too
    short to tell ("北京") goes with the stack it is printed in.  A
    subtitle or a bracketed tag ends a stack, never opens one."""
    best: tuple[float, int, int] | None = None
    for cut in cuts or range(1, len(printed)):
        if printed[cut][0].subtitle_like:
            continue
        leans = []
        for group in (printed[:cut], printed[cut:]):
            grams = grams_of(it for lines in group for it in lines)
            first, second = (vocab.similarity(grams, part) for part in parts)
            leans.append(first - second)
        margin = min(abs(x) for x in leans)
        if leans[0] * leans[1] >= 0 or max(abs(x) for x in leans) < PAIRED_MARGIN or margin < PAIRED_MARGIN / 3:
            continue
        if best is None or margin > best[0]:
            best = (margin, cut, 0 if leans[0] > 0 else 1)
    if best is None:
        return None
    _margin, cut, side = best
    return [side] * cut + [1 - side] * (len(printed) - cut)


def second_stack_opening(printed: list[list[Item]]) -> int | None:
    """The printed headline that opens a second stack: a kicker ending on a
    dash leads into the title under it ("江州出台新规——" over "……"), so it
    is the top of its stack, and a headline printed before it that is no
    kicker heads another text ("老街食堂开张" / "江州出台新规——" /
    "民营企业减负"); None where no such kicker follows a headline."""
    for k in range(1, len(printed)):
        text = _printed_text(printed[k])
        if text.endswith("——") and not any(it.kicker_like for it in printed[k - 1]):
            return k
    return None


def _printed_text(lines: list[Item]) -> str:
    """The words of one printed headline, its lines joined."""
    return "".join(it.text.strip() for it in lines)


def _printed_headlines(heads: list[Item]) -> list[list[Item]]:
    """Headline lines grouped into printed headlines: a line that only
    finishes the one above it goes with it."""
    groups: list[list[Item]] = []
    for it in heads:
        if groups and it.wraps_previous:
            groups[-1].append(it)
        else:
            groups.append([it])
    return groups


def _cut_at(seg: Segment, start: Item, moving: set[int], lead: bool) -> list[Segment]:
    """``seg`` cut before unit ``start``, the stack's ``moving`` lines going
    to the part that does not print them: down to the second part from a
    stack over the texts (``lead``), up to the first from one under them."""
    at = seg.items.index(start)
    before, after = seg.items[:at], seg.items[at:]
    if lead:
        first = [it for it in before if id(it) not in moving]
        second = [it for it in before if id(it) in moving] + after
    else:
        first = before + [it for it in after if id(it) in moving]
        second = [it for it in after if id(it) not in moving]
    return [make_segment(first, seg.score), make_segment(second, seg.score)]


def join_headlines_to_headless(segments: list[Segment]) -> list[Segment]:
    """A headline printed on its own right after a text that has none is
    that text's headline, printed after its body: a run of headline lines
    with no text, following a text with no headline line on either side,
    joins it as its trailing headline.  One printed against a caption (a
    gap in the flow) heads that photo instead, and with it the short text
    without a headline printed right before the caption: a photo story
    prints its few lines of text, then "图为……" and the credit, then its
    headline."""
    out: list[Segment] = []
    for k, seg in enumerate(segments):
        prev = out[-1] if out else None
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        if (
            prev is not None
            and seg.floating
            and seg.items
            and all(it.kind == HEAD for it in seg.items)
            and not prev.floating
            and not _has_headline(prev)
            and (prev.items[-1].kind != GAP or _is_photo_story_text(prev))
            and (nxt is None or not nxt.items or nxt.items[0].kind != GAP)
        ):
            out[-1] = make_segment(prev.items + seg.items, prev.score)
            continue
        out.append(seg)
    return out


# How far into a text its dateline's credit runs ("本报讯（记者 王芳 通讯员 李明）").
OPENER_CHARS = 40


def give_bylines_to_their_reports(segments: list[Segment]) -> list[Segment]:
    """A byline printed after a text's trailing headline, right over the
    next text, signs the text above when its reporters are the ones that
    text's dateline credits and not the next one's: an extractor printed
    the headline and byline after the body ("本报讯（记者 王芳）……" /
    "……开通" / "本报记者 王芳", then "本报讯（记者 李明）……")."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        first = seg.items[0] if seg.items else None
        if (
            prev is not None
            and first is not None
            and first.kind == BYLINE
            and prev.units
            and seg.units
            and not any(it.kind == BYLINE for it in prev.items)
        ):
            names = _byline_names(first.text)
            mine, theirs = _opener(seg.units[0]), _opener(prev.units[0])
            if names and all(n in theirs for n in names) and not any(n in mine for n in names):
                out[-1] = make_segment(prev.items + [first], prev.score)
                seg = make_segment(seg.items[1:], seg.score)
        out.append(seg)
    return out


def _byline_names(text: str) -> list[str]:
    """The names a byline prints, roles taken out: "本报记者 王芳 通讯员 李明"
    → ["王芳", "李明"]."""
    rest = re.sub(ROLE, " ", text)
    return [n for n in re.split(r"[\s、，,]+", rest) if len(n) >= 2]


def _opener(unit: Item) -> str:
    """The start of a text where its dateline credits the reporters, spaces
    taken out."""
    return "".join(unit.text.split())[:OPENER_CHARS] if unit.hard_start else ""


def give_titles_to_continued_parts(segments: list[Segment], order: dict[int, int]) -> None:
    """A part continued from another page reprints its title right over
    "（上接第N版）".  Where the text before took the whole stack over the
    marker as its own trailing headline, the stack's last printed headline
    (with its wrapped end) goes to the continued part without one: the text
    before keeps the lines above it ("……的讲话" / "……（人民论坛）" /
    "（上接第3版）……")."""
    for before, seg in zip(segments, segments[1:]):
        units = seg.units
        if not units or not units[0].from_jump or any(it.kind == HEAD for it in seg.lead):
            continue
        heads = [it for it in before.trail if it.kind == HEAD]
        if len(heads) < 2 or before.trail[-1] is not heads[-1]:
            continue
        last = len(heads) - 1
        while last > 0 and heads[last].wraps_previous:
            last -= 1
        if last == 0:
            continue  # one printed headline: the text before keeps it
        for it in heads[last:]:
            _move_head(it, before, seg, order)


# The most text (in characters) a photo story prints over its caption.
PHOTO_STORY_MAX = 300


def _is_photo_story_text(seg: Segment) -> bool:
    """A short text that ends at a caption: a photo story's few lines."""
    return sum(len(it.text) for it in seg.units) <= PHOTO_STORY_MAX


# A text with no headline joins the article whose text it shares at least
# this much of its vocabulary with, and this much more than with any other.
HEADLESS_JOIN_MIN = 0.3
HEADLESS_JOIN_MARGIN = 0.15


def join_headless_parts(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """A text printed without a headline (no stack, no continuation marker)
    that reads like one article of the page and no other is a part of that
    article the extractor printed apart (text boxes out of order): every
    article has a headline.  So is a part that opens mid-sentence
    where exactly one article's text breaks off mid-sentence
    (:func:`_the_sentence_it_finishes`).  A part opening with a dateline
    is the article's opening and goes before its text ("本报江州1月2日电
    ……" printed after the rest of its report), any other after it."""
    out = list(segments)
    for seg in segments:
        if _has_headline(seg) or not seg.units or seg.units[0].from_jump:
            continue
        heads = [o for o in out if o is not seg and o.units and _has_headline(o)]
        target = _the_article_it_reads_like(seg, heads, vocab) or _the_sentence_it_finishes(seg, heads)
        if target is None:
            continue
        out[out.index(target)] = _joined_part(target, seg)
        out.remove(seg)
    return out


def give_stacks_to_headless_texts(stacks: list[Segment], articles: list[Segment], vocab: Vocabulary) -> tuple[list[Segment], list[Segment]]:
    """A headline stack left without text (no photo took it either) heads
    the text printed without any headline that it names, clearly better
    than any other such text: every article has a headline, and an
    extractor printing text boxes in its own order may print a stack
    (with its byline) far from its text.  A part continued from another
    page is left alone.  Returns (articles, stacks left)."""
    out = list(articles)
    left: list[Segment] = []
    for stack in stacks:
        heads = [it for it in stack.items if it.kind == HEAD]
        headless = [a for a in out if a.units and not _has_headline(a) and not a.units[0].from_jump]
        target = _the_one_it_names(grams_of(heads), headless, vocab) if heads else None
        if target is None:
            left.append(stack)
            continue
        out[out.index(target)] = make_segment([*stack.items, *target.items], target.score)
    return out, left


def _the_one_it_names(grams: set[str], texts: list[Segment], vocab: Vocabulary) -> Segment | None:
    """The text whose vocabulary ``grams`` share clearly more of than any
    other's (:data:`HEADLESS_JOIN_MIN`, :data:`HEADLESS_JOIN_MARGIN`)."""
    ranked = sorted(((vocab.similarity(grams, grams_of(t.units)), k) for k, t in enumerate(texts)), reverse=True)
    if not ranked:
        return None
    best, k = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    return texts[k] if best >= HEADLESS_JOIN_MIN and best - second >= HEADLESS_JOIN_MARGIN else None


def _the_article_it_reads_like(part: Segment, articles: list[Segment], vocab: Vocabulary) -> Segment | None:
    return _the_one_it_names(grams_of(part.units), articles, vocab)


def _the_sentence_it_finishes(part: Segment, articles: list[Segment]) -> Segment | None:
    """The article a part opening mid-sentence finishes the last sentence
    of: the one article whose text breaks off mid-sentence (a box of text
    printed away from the column it goes on from), the part opening on a
    line inside a paragraph or on a sentence's last words
    (:func:`_opens_on_sentence_tail`).  With two or more such articles,
    none: the part's first words would have to choose."""
    broken_off = [a for a in articles if _ends_mid_sentence(a)]
    if len(broken_off) != 1:
        return None
    if _opens_mid_sentence(part) or _opens_on_sentence_tail(part):
        return broken_off[0]
    return None


def _opens_on_sentence_tail(part: Segment) -> bool:
    """The part opens unindented on the last words of a sentence, closed
    within its first few characters ("用好。老街……" under "……要把老街保护
    好、利"): paragraph labels read a line starting a box as an opening,
    but no paragraph opens on a sentence of a word or two."""
    first = part.units[0]
    if first.hard_start or first.rows[0].indent:
        return False
    return bool(_SENTENCE_TAIL.match(first.rows[0].text))


# The end of a sentence broken off elsewhere: a word or two and a full stop.
_SENTENCE_TAIL = re.compile(r"^\s*[\u4e00-\u9fff]{1,4}[。！？]")


def _opens_mid_sentence(seg: Segment) -> bool:
    """The text opens on no paragraph's opening line: on a line inside a
    paragraph or ending one.  A short first line ending a sentence, read
    as a paragraph of one line, counts too unless printed indented: an
    extractor that drops indents prints a paragraph's last line and a
    paragraph of one line alike."""
    first = seg.units[0]
    return not first.hard_start and not first.rows[0].indent and first.rows[0].part in (MID, LAST, SINGLE)


def _ends_mid_sentence(seg: Segment) -> bool:
    """The text's last line opens or goes on with a paragraph it does not
    end, and no jump marker carries it to another page."""
    last = seg.units[-1]
    return not last.ends_jump and last.rows[-1].part in (FIRST, MID)


def _joined_part(article: Segment, part: Segment) -> Segment:
    """``article`` with ``part`` before its text (a part opening with a
    dateline) or after it, its headline stacks where they were."""
    lead = {id(it) for it in article.lead}
    trail = {id(it) for it in article.trail}
    if part.units[0].hard_start:
        items = [it for it in article.items if id(it) in lead] + part.items + [it for it in article.items if id(it) not in lead]
    else:
        items = [it for it in article.items if id(it) not in trail] + part.items + [it for it in article.items if id(it) in trail]
    return Segment(items=items, lead=article.lead, trail=article.trail, score=article.score)


def _has_headline(seg: Segment) -> bool:
    return any(it.kind == HEAD for it in seg.lead) or any(it.kind == HEAD for it in seg.trail)


def _wrapped_onto(heads: list[Item]) -> list[Item]:
    """The leading lines of ``heads`` that only finish the line above them."""
    out = []
    for it in heads:
        if not it.wraps_previous:
            break
        out.append(it)
    return out


def opens_a_tag(text: str) -> bool:
    """The line opens a bracket after a headline's words ("……高高飘扬（来自
    一线的" or "……（江州论坛）"): a column tag closing the title."""
    return bool(_TAG_OPENED.search(text) or COLUMN_TAG.search(text))


# A bracket opened after a headline's words and not closed on the line.
_TAG_OPENED = re.compile(r"[^（(\s][（(][^（）()]*$")


def _lands_over_kicker(item: Item, target: Segment, order: dict[int, int]) -> bool:
    """Moving ``item`` into ``target`` would put it above the kicker of
    that article's stack, where no line of the stack stands
    (:func:`line_over_kicker`)."""
    run = _run_for(item, target, order)
    heads = sorted([it for it in run if it.kind == HEAD] + [item], key=lambda it: order[id(it)])
    return line_over_kicker(heads)


def _kicker_left_alone(item: Item, target: Segment, order: dict[int, int]) -> bool:
    """Moving kicker ``item`` into ``target`` would make it that article's
    whole stack: a kicker ("……时强调") announces a title and heads no text
    on its own, so it stays over the title printed under it."""
    return item.kicker_like and not any(it.kind == HEAD for it in _run_for(item, target, order))


def _run_for(item: Item, target: Segment, order: dict[int, int]) -> list[Item]:
    """The stack of ``target`` that ``item`` joins: the one before its text
    when printed before it, else the one after."""
    first_unit = min(order[id(u)] for u in target.units)
    return target.lead if order[id(item)] < first_unit else target.trail


def _move_head(item: Item, source: Segment, target: Segment, order: dict[int, int]) -> None:
    for run in (source.lead, source.trail, source.items):
        if item in run:
            run.remove(item)
    run = _run_for(item, target, order)
    for seq in (run, target.items):
        seq.append(item)
        seq.sort(key=lambda it: order[id(it)])


def lead_with_the_stacks_before(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """Where the extractor prints every headline before its text, a stack
    left without text right before a text that ends on a stack of its own
    heads that text, and the stack it ended on heads the next text without
    a headline ("……会见……" / its report / "……（社论）" / a photo / the
    editorial): the cut took the editorial's stack for the report's
    trailing headline when a photo printed between it and its text kept
    them apart.  See :func:`_stacks_trade_places` for when."""
    out = list(segments)
    for k in range(len(out) - 1):
        after = next((j for j in range(k + 2, len(out)) if not out[j].floating), None)
        if after is None or not _stacks_trade_places(out[k], out[k + 1], out[after], vocab):
            continue
        stack, seg = out[k], out[k + 1]
        # The trail is the run of items after the text's last unit.
        out[k] = make_segment(stack.items + seg.items[: len(seg.items) - len(seg.trail)], seg.score)
        out[after] = make_segment(seg.trail + out[after].items, out[after].score)
        out[k + 1] = Segment(items=[], lead=[], trail=[])
    return [seg for seg in out if seg.items]


def _stacks_trade_places(stack: Segment, seg: Segment, after: Segment, vocab: Vocabulary) -> bool:
    """``stack`` (headline lines and bylines, no text) names the text of
    ``seg`` clearly better than the text of ``after``
    (:data:`HEADLESS_MARGIN`), and the stack ``seg`` ends on names the
    text of ``after``, which has no headline, about as well as its own or
    better (an editorial's title may name neither)."""
    trail = [it for it in seg.trail if it.kind == HEAD]
    if not (
        stack.floating
        and stack.items
        and all(it.kind in (HEAD, BYLINE) for it in stack.items)
        and trail
        and not any(it.kind == HEAD for it in seg.lead)
        and not _has_headline(after)
    ):
        return False
    own, other = grams_of(seg.units), grams_of(after.units)
    first, second = grams_of(stack.items), grams_of(trail)
    return (
        vocab.similarity(first, own) >= vocab.similarity(first, other) + HEADLESS_MARGIN
        and vocab.similarity(second, other) + HEADLESS_MARGIN >= vocab.similarity(second, own)
    )


# The last paragraphs of a text go back to the article before when they
# share this much more of its headline's vocabulary than of the rest of
# their own text, the rest shares this much more of its own headline's,
# and they share at most FOREIGN_MAX of their own headline's: they never
# speak of it.
TAIL_MARGIN = 0.15
FOREIGN_MAX = 0.3


def return_columns_printed_after_the_next(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """An extractor that prints text boxes by their position may print the
    last columns of an article after the text of the article beside it
    (pdfminer.six does), where they read as that text's last paragraphs.
    The paragraphs from where a text stops speaking of its own headline
    (:func:`change_point`) go back to the end of the article before when
    they never speak of their own headline, read clearly like the other
    one's, and follow a finished sentence ("……新米月底前上市。" / "图书馆还
    推出了线上借阅服务……" under the stack of a harvest report, after a
    library's opening).  A report whose last paragraphs only share words
    with the article before still names its own headline there, and keeps
    them."""
    out = list(segments)
    for k in range(len(out) - 1):
        before_article, seg = out[k], out[k + 1]
        theirs, ours = _lead_stack_grams(before_article), _lead_stack_grams(seg)
        units = seg.units
        if not ours or not theirs or len(units) < 2 or seg.items[-1] is not units[-1]:
            continue
        cut = change_point(units, theirs, ours, vocab, _paragraph_starts(units))
        parts = None if cut is None else text_parts(units, cut)
        if parts is None or not _finishes_a_sentence(units[cut - 1]):
            continue
        if vocab.similarity(ours, parts[1]) > FOREIGN_MAX or not each_reads_like_its_own(vocab, ours, theirs, parts, TAIL_MARGIN):
            continue
        at = seg.items.index(units[cut])
        out[k] = make_segment(before_article.items + seg.items[at:], before_article.score)
        out[k + 1] = make_segment(seg.items[:at], seg.score)
    return out


# A text's opening paragraphs that go back to the article before make up at
# least this many characters: a paragraph of a sentence or two, enough for
# the headlines' words to show.
OPENING_MIN_CHARS = 40


def return_paragraphs_printed_under_the_next(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """An extractor printing the rows of side-by-side columns may print the
    last paragraphs of an article's last column after the headline of the
    article beside it, where they read as that text's opening.  The
    paragraphs before the point where a text starts speaking of its own
    headline (:func:`change_point`) go back to the end of the article
    before when that article ends a sentence, they open on no dateline,
    end a sentence, never speak of their own headline and read clearly
    like the other one's ("王明表示，……" under the stack of a harvest
    report, after the report of 王明's visit).  The rest, at least
    :data:`PART_MIN_CHARS` long, stays under its headline."""
    out = list(segments)
    for k in range(len(out) - 1):
        before_article, seg = out[k], out[k + 1]
        theirs, ours = _lead_stack_grams(before_article), _lead_stack_grams(seg)
        units = seg.units
        if not ours or not theirs or len(units) < 2 or units[0].hard_start or not _ends_on_its_text(before_article):
            continue
        cut = change_point(units, ours, theirs, vocab, _paragraph_starts(units))
        if cut is None or not _finishes_a_sentence(units[cut - 1]):
            continue
        if sum(u.chars for u in units[:cut]) < OPENING_MIN_CHARS or sum(u.chars for u in units[cut:]) < PART_MIN_CHARS:
            continue
        parts = grams_of(units[:cut]), grams_of(units[cut:])
        if vocab.similarity(ours, parts[0]) > FOREIGN_MAX or not each_reads_like_its_own(vocab, theirs, ours, parts, TAIL_MARGIN):
            continue
        first, at = seg.items.index(units[0]), seg.items.index(units[cut])
        out[k] = make_segment(before_article.items + seg.items[first:at], before_article.score)
        out[k + 1] = make_segment(seg.items[:first] + seg.items[at:], seg.score)
    return out


def _lead_stack_grams(seg: Segment) -> set[str]:
    """The vocabulary of the headline lines over ``seg``'s text."""
    return grams_of(it for it in seg.lead if it.kind == HEAD)


def _paragraph_starts(units: list[Item]) -> list[int]:
    """The units after the first that open a paragraph: where a text may be cut."""
    return [j for j in range(1, len(units)) if units[j].rows[0].part in (FIRST, SINGLE)]


def _ends_on_its_text(seg: Segment) -> bool:
    """The article's last item is its text, ending a sentence."""
    units = seg.units
    return bool(units) and seg.items[-1] is units[-1] and _finishes_a_sentence(units[-1])


def _finishes_a_sentence(unit: Item) -> bool:
    """The unit's text ends a sentence, a closing quote or bracket after the mark aside."""
    return ends_on_sentence_mark(unit.text.rstrip().rstrip(CLOSERS))
