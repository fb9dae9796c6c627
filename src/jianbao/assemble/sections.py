"""Sections joined to the article they belong to, after the cut.

The cut (:mod:`jianbao.assemble.segment`) takes a plainly headed text for an
article of its own where the page gives no reason to join it; what a
newspaper does with sections does:

* two or more texts in a row headed by the same kind of plain label
  ("李明——") are sections of the feature before them
  (:func:`join_section_series`), and so are texts headed by intertitles of
  the feature's own shape (:func:`join_intertitle_series`);
* a part continued from another page keeps the plainly headed sections
  after it (:func:`join_continued_sections`);
* a report signed section by section keeps its signed sections
  (:func:`join_signed_sections`);
* a feature not yet closed keeps its plainly headed sections
  (:func:`join_feature_sections`).
"""

from __future__ import annotations

from collections.abc import Callable

from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.segment import BYLINE, HEAD, Segment, grams_of, is_closing_note, make_segment
from jianbao.rules import DOCUMENT_TITLE, PARALLEL_HALVES, SECTION_LABEL, is_source_note


def join_intertitle_series(segments: list[Segment]) -> list[Segment]:
    """Intertitles of one feature share a shape: quotations ("“……”") or
    two parallel halves ("礼赞家乡  致敬时代").  A text headed only by a
    plain line of such a shape, right after an article, is that article's
    next section when either text has a plain intertitle of the same shape
    inside it."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        shape = _heading_shape(seg)
        if (
            prev is not None
            and not prev.floating
            and shape
            and (shape in _intertitle_shapes(prev) or shape in _intertitle_shapes(seg))
        ):
            out[-1] = make_segment(prev.items + seg.items, prev.score)
            continue
        out.append(seg)
    return out


QUOTED, PAIRED = "quoted", "paired"


def _line_shape(text: str) -> str:
    text = text.strip()
    if text[:1] == "“" and text[-1:] == "”":
        return QUOTED
    if PARALLEL_HALVES.match(text):
        return PAIRED
    return ""


def _heading_shape(seg: Segment) -> str:
    """The shape of the plain headline a text is headed by (one line, or
    one wrapped over two), and nothing else above or below it; "" if none."""
    if seg.floating or seg.trail or not seg.lead or any(it.kind != HEAD or it.strong for it in seg.lead):
        return ""
    if any(not it.wraps_previous for it in seg.lead[1:]):
        return ""
    return _line_shape("".join(r.text for it in seg.lead for r in it.rows))


def _intertitle_shapes(seg: Segment) -> set[str]:
    ends = {id(it) for it in seg.lead} | {id(it) for it in seg.trail}
    return {_line_shape(it.text) for it in seg.items if it.kind == HEAD and not it.strong and id(it) not in ends} - {""}


def join_section_series(segments: list[Segment]) -> list[Segment]:
    """Sections of one feature that profiles several people or places each
    open with the same plain label ("李明——" / "……"): two or more texts in a
    row headed so, with no bold or spanning line, are sections of the text
    before them, not articles of their own."""
    out: list[Segment] = []
    k = 0
    while k < len(segments):
        run = k
        while run < len(segments) and _is_section(segments[run]):
            run += 1
        if run - k >= 2 and out and not out[-1].floating:
            out[-1] = make_segment(out[-1].items + [it for seg in segments[k:run] for it in seg.items], out[-1].score)
            k = run
            continue
        out.append(segments[k])
        k += 1
    return out


def _join_sections(segments: list[Segment], continues: Callable[[Segment, Segment], bool]) -> list[Segment]:
    """Each segment for which ``continues(text so far, segment)`` holds is
    joined to the text before it."""
    out: list[Segment] = []
    for seg in segments:
        if out and continues(out[-1], seg):
            out[-1] = make_segment(out[-1].items + seg.items, out[-1].score)
            continue
        out.append(seg)
    return out


def join_continued_sections(segments: list[Segment]) -> list[Segment]:
    """A part continued from another page ("（上接第1版）") runs on until
    something starts another article: a dateline or continuation marker, a
    bold or spanning headline, a byline, or a source note closing it.  A
    text after it headed only by plain lines is one of its sections (a
    continued feature keeps its intertitles), unless they name a document
    (:func:`_is_plain_section`)."""
    return _join_sections(segments, lambda prev, seg: _is_continued_part(prev) and _is_plain_section(seg) and not _ends_with_note(prev))


def join_feature_sections(segments: list[Segment]) -> list[Segment]:
    """A feature that opens without a dateline and has not closed runs on
    through its intertitles: a text headed only by plain lines (no bold or
    spanning line, no byline, no dateline) after such a text is its next
    section.  News reports open with a dateline and features sign at the
    end ("（本报记者 王芳）"), so a plain headline after an opening that
    had neither, before anything closed it, is an intertitle.

    Example: "早高峰车流平稳" after a feature that opened "江州大桥今天通车。…"
    and has no source note yet is the feature's next section."""
    return _join_sections(segments, lambda prev, seg: _is_open_feature(prev) and _is_plain_section(seg))


def join_signed_sections(segments: list[Segment], vocab: Vocabulary) -> list[Segment]:
    """A report gathered from several reporters prints each section under a
    plain intertitle with its reporters' byline ("重返岗位" / "本报记者 王芳
    李明"): a text headed only by one plain line (not bold, not wider than
    the column, no column tag) and a byline, right after a signed text that
    has not closed and is not about something else (:func:`_not_unrelated`),
    is its next section.  A city paper's page of short news, each under a
    plain headline and a byline, is no report."""
    return _join_sections(
        segments, lambda prev, seg: _is_open_signed(prev) and _is_signed_section(seg) and _not_unrelated(prev, seg, vocab)
    )


# Two articles on a page share about this much of their vocabulary (see
# COH_BASE); sections of one report, about one event in several places,
# share at least as much.
UNRELATED_OVERLAP = 0.04


def _not_unrelated(prev: Segment, seg: Segment, vocab: Vocabulary) -> bool:
    """The end of the text so far (its last window) shares with the text
    of ``seg`` at least what two articles share.  ``seg``'s own text is
    taken, not a window, which would run on into the articles after it."""
    own = vocab.bits(grams_of(seg.units))
    return vocab.bits_overlap(prev.units[-1].tail_bits, own) >= UNRELATED_OVERLAP


def _is_signed_section(seg: Segment) -> bool:
    units = seg.units
    kinds = [it.kind for it in seg.lead]
    return (
        bool(units)
        and not seg.trail
        and not units[0].hard_start
        and kinds == [HEAD, BYLINE]
        and not seg.lead[0].strong
    )


def _is_open_signed(seg: Segment) -> bool:
    units = seg.units
    return not seg.floating and bool(units) and any(it.kind == BYLINE for it in seg.lead) and not _ends_with_note(seg)


def _is_open_feature(seg: Segment) -> bool:
    units = seg.units
    return not seg.floating and bool(units) and not units[0].hard_start and not _ends_with_note(seg)


def _is_continued_part(seg: Segment) -> bool:
    units = seg.units
    return bool(units) and units[0].from_jump


def _is_plain_section(seg: Segment) -> bool:
    """A text headed only by plain headline lines (no bold or spanning line,
    no byline), none of them naming a document ("……联合声明"): no
    intertitle names one."""
    units = seg.units
    heads = [it for it in seg.lead if it.kind == HEAD]
    return (
        bool(units)
        and bool(heads)
        and not seg.trail
        and not units[0].hard_start
        and all(it.kind == HEAD and not it.strong for it in seg.lead)
        and not DOCUMENT_TITLE.search("".join(it.text.strip() for it in heads))
    )


def _ends_with_note(seg: Segment) -> bool:
    """The text has closed on this page: a source note signs it, or a jump
    marker ("（下转第3版）") sends the rest to another page, so nothing
    printed after it here is one of its sections."""
    units = seg.units
    return bool(units) and (units[-1].ends_jump or is_source_note(units[-1].text) or is_closing_note(units[-1].text))


def _is_section(seg: Segment) -> bool:
    heads = [it for it in seg.lead if it.kind == HEAD]
    return bool(heads) and not seg.trail and not any(it.strong for it in heads) and bool(SECTION_LABEL.match(heads[0].text.strip()))
