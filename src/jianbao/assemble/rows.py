"""Rows: the printed lines of a text-mode page, ready for assembly.

A row is a normalised line (faux-bold copies removed) or the part of a line
left after a jump marker or photo credit printed on it was split off.  Each
row remembers the source lines it came from, for provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from jianbao import classify, rules
from jianbao.assemble.columns import column_order
from jianbao.assemble.text_layout import layout_reading_order
from jianbao.model import Furniture, Line, Page
from jianbao.normalize import clean_spaces, close_letter_spacing, collapse_faux_bold, widths_under_model
from jianbao.normalize import width as printed_width
from jianbao.rules.script import compile_rule

# Furniture (masthead, header, date) is printed at the top or foot of a page,
# but extractors may print it anywhere: a line that is only a page header
# ("第1版 评论") or a dated header ("2019年10月17日 星期四") is furniture
# wherever it comes; a bare paper name only near the edges, or where it
# stands alone between blank lines (a text box of its own: an extractor
# that prints boxes in its own order may print the masthead's anywhere).
TOP_LINES = 6
FOOT_LINES = 3


# Said of a page whose columns the extractor printed interleaved: the order
# was rebuilt from the words alone, so the PDF gives surer results, and so
# does text in the order the PDF draws it (poppler's `pdftotext -raw`).
REORDERED = (
    "the extractor printed neighbouring columns interleaved; reading order was rebuilt from the text alone"
    " (parse the PDF, or extract with `pdftotext -raw`, for surer results)"
)
# Said of a page whose text boxes the extractor printed out of order (a
# column stretch before the one it goes on from).
BOXES_REORDERED = (
    "the extractor printed text boxes out of order; reading order was rebuilt from the text alone"
    " (parse the PDF for surer results)"
)


@dataclass(slots=True)
class Row:
    text: str
    lines: list[int]
    label: str = classify.TEXT
    bold: bool = False
    blank_before: bool = False
    part: str = ""  # body rows: first | mid | last | single; headline rows: "head"
    indent: bool = False  # printed with leading spaces (an indent the extractor kept)
    width: float = field(default=0.0)
    measure: float = 0.0  # the column measure around the row (set by paragraphs)
    hint: str = ""  # what the page layout says of the line (model.HINT_HEAD / HINT_BODY)
    inside_sentence: bool = False  # a headline line printed inside a sentence of another text


def prepare_rows(page: Page) -> list[Row]:
    """Letter-spacing closed, furniture to the page, faux bold collapsed,
    markers split off."""
    lines = close_letter_spacing(page.lines)
    layout = layout_reading_order(lines)
    body_lines = take_furniture(page, lines if layout is None else layout)
    inside: frozenset[int] = frozenset()
    if layout is None:
        order = column_order(body_lines)
        if order.interleaved:
            page.warnings.append(REORDERED)
        elif [line.index for line in order.lines] != [line.index for line in body_lines]:
            page.warnings.append(BOXES_REORDERED)
        body_lines, inside = order.lines, order.inside_sentences
    kept, _bold, removed = collapse_faux_bold(body_lines)
    page.collapsed.extend(removed)
    rows: list[Row] = []
    for line in kept:
        rows.extend(split_line(line))
    rows = split_wrapped_tails(rows)
    for row in rows:
        row.inside_sentence = bool(row.lines) and all(i in inside for i in row.lines)
    mark_split_bylines(rows)
    mark_column_names(rows)
    mark_split_datelines(rows)
    unmark_bylines_in_notes(rows)
    _model, widths = widths_under_model([r.text for r in rows])
    for row, w in zip(rows, widths):
        row.width = w
    widen_after_markers(rows)
    widen_after_datelines(rows)
    return rows


def widen_after_markers(rows: list[Row]) -> None:
    """The text after "（上接第N版）" on the marker's own line is measured
    with the marker: the two fill one printed line of the column, so a
    short rest ("（上接第2版）州大学教") is no short line of its own."""
    for marker, row in zip(rows, rows[1:]):
        if marker.label == classify.JUMP_FROM and row.lines == marker.lines:
            row.width += marker.width


# The gap a dateline leaves before its text ("……日电 记者从"): an em of
# print that extractors give as one space, which widths leave out.
DATELINE_GAP = 1.0


def widen_after_datelines(rows: list[Row]) -> None:
    """The line under a dateline that holds the gap after it is measured
    with the gap: the dateline's end wrapped onto it ("新华社江州1月1" /
    "1日电 市政府日前") or the gap alone at its start ("新华社江州1月11日电"
    / " 市政府日前"), so a full line of the column is no short line that
    might end a paragraph."""
    for above, row in zip(rows, rows[1:]):
        if above.label != classify.DATELINE or row.label != classify.TEXT:
            continue
        head = clean_spaces(above.text)
        m = rules.DATELINE.match(head + clean_spaces(row.text))
        if m is None:
            continue
        rest = m.end() - len(head)  # the dateline's characters on this line
        if rest < 0:
            continue  # the dateline ends inside the line above, its gap too
        text = row.text.lstrip() if rest else row.text
        if text[rest : rest + 1].isspace():
            row.width += DATELINE_GAP


def take_furniture(page: Page, lines: list[Line] | None = None) -> list[Line]:
    """Move masthead, page header, date lines and the folio (the page's
    number alone on the page's first or last line) to ``page.furniture`` and set
    the page's printed number, section, date and paper name from them.
    ``lines`` are the page's lines in reading order (default: as read)."""
    lines = page.lines if lines is None else lines
    rest: list[Line] = []
    n = len(lines)
    boxes = classify.boxed_furniture([line.text for line in lines])
    for pos, line in enumerate(lines):
        if pos in boxes:
            page.furniture.append(Furniture(kind=boxes[pos], text=line.text.strip(), lines=[line.index]))
            continue
        near_edge = pos < TOP_LINES or pos >= n - FOOT_LINES or stands_alone(lines, pos)
        text = line.text.strip()
        if is_document_date(page, text):
            rest.append(line)
        elif (
            (near_edge and classify.is_furniture(text))
            or classify.is_page_header(text)
            or classify.is_imprint(text)
            or (pos < TOP_LINES and header_over_lines(page, rest, text))
            or ((pos == 0 or pos == n - 1) and rules.FOLIO.match(text))
        ):
            page.furniture.append(Furniture(kind=furniture_kind(text), text=text, lines=[line.index]))
            read_header(page, text)
        else:
            rest.append(line)
    return rest


def header_over_lines(page: Page, above: list[Line], text: str) -> bool:
    """Part of a page header printed over several lines at the top of the
    page, as city papers set it: the lettered page number on a line of its
    own ("A02", "A02 要闻"), the section's name on the line under it
    ("要闻") while the page has none yet, who edited the page ("责编：王芳
    美编：李明").  ``above`` are the lines kept as content so far: there
    must be none, so that a headline's short line is never taken for a
    section."""
    if above:
        return False
    if classify.is_bare_page_number(text) or classify.is_editors_line(text):
        return True
    last = page.furniture[-1].text.split() if page.furniture else []
    return not page.section and len(last) == 1 and bool(rules.BARE_PAGE.match(last[0])) and classify.is_section_name(text)


def is_document_date(page: Page, text: str) -> bool:
    """A bare date ("2019年10月26日") other than the page's own, read from
    its header above: the date under a decree's or a letter's signature,
    part of the text, however alone an extractor prints it."""
    return bool(page.date and rules.CLOSING_DATE.match(text) and rules.iso_date(text) != page.date)


def stands_alone(lines: list[Line], pos: int) -> bool:
    """A line with a blank line before and after it: a text box of its own."""
    after = pos + 1 >= len(lines) or lines[pos + 1].blank_before
    return lines[pos].blank_before and after


def furniture_kind(text: str) -> str:
    if classify.is_imprint(text):
        return "imprint"
    if rules.FOLIO.match(text):
        return "page_header"
    if rules.PAGE_HEADER.search(text) or any(rules.BARE_PAGE.match(token) for token in text.split()):
        return "page_header"
    if rules.DATE.search(text):
        return "date"
    if classify.is_editors_line(text) or (classify.is_section_name(text) and not rules.MASTHEAD.match(text)):
        return "page_header"
    return "masthead"


def read_header(page: Page, text: str) -> None:
    m = rules.PAGE_HEADER.search(text)
    if m:
        number = rules.to_int(m.group(1))
        after = text[m.end() :].lstrip(" " + rules.SECTION_SEPARATORS)
    elif classify.is_section_name(text) and not rules.MASTHEAD.match(text):
        # The section's name under a bare page number (header_over_lines).
        number, after = None, text
    else:
        # A city paper's "A3 城事" beside the date (classify.is_lettered_header).
        tokens = text.split()
        bare = [k for k, token in enumerate(tokens) if rules.BARE_PAGE.match(token)]
        number = int(tokens[bare[0]][1:]) if bare else None
        after = " ".join(tokens[bare[0] + 1 :]) if bare else ""
    if number:
        page.number = number
    section = (after.split() or [""])[0]
    if section and not rules.DATE.search(section) and not rules.EDITORS.match(section) and len(section) <= 8:
        page.section = section
    if not page.date:
        page.date = rules.iso_date(text)
    head = text.split()[0] if text.split() else ""
    if rules.MASTHEAD.match(head) and not page.paper:
        page.paper = head


def mark_split_bylines(rows: list[Row]) -> None:
    """"本报记者" on one line and the names on the next are one byline."""
    for a, b in zip(rows, rows[1:]):
        if (
            a.label == classify.TEXT
            and rules.ROLE_ONLY.match(a.text)
            and b.label == classify.TEXT
            and rules.NAMES_ONLY.match(b.text)
        ):
            a.label = b.label = classify.BYLINE


def mark_column_names(rows: list[Row]) -> None:
    """A column head in pinyin and its name in characters printed right
    under or over it ("JIN RI GUAN ZHU" / "今日关注") are one column head."""
    for a, b in zip(rows, rows[1:]):
        for pinyin, name in ((a, b), (b, a)):
            if pinyin.label == classify.COLUMN and name.label == classify.TEXT and classify.names_pinyin_column(pinyin.text, name.text):
                name.label = classify.COLUMN


# Lines a bracketed source note may run over ("（本报记者 王芳、李明、……" /
# … / "……）").
NOTE_MAX_LINES = 8


def unmark_bylines_in_notes(rows: list[Row]) -> None:
    """A line of reporters inside an open bracket belongs to the note that
    the bracket opens ("（本报江州3月5日电" / "记者王芳、李明、赵" /
    "雪、孙立平）"), not a byline under a headline."""
    depth = 0
    since_open = 0
    for row in rows:
        if depth > 0 and row.label == classify.BYLINE and since_open < NOTE_MAX_LINES:
            row.label = classify.TEXT
        if row.label in (classify.TEXT, classify.DATELINE, classify.BYLINE):
            depth = max(0, depth + rules.bracket_depth_change(row.text))
            since_open = since_open + 1 if depth else 0
        else:
            depth = since_open = 0


def mark_split_datelines(rows: list[Row]) -> None:
    """A dateline broken over two lines ("新华社北京10月1" / "7日电 ……")
    still opens a paragraph: the row is checked together with the start of
    the next one.  A text box that ends on a dateline broken off at its
    date ("新华社北京10月25", then a blank line) opens a text wherever the
    extractor printed the rest: no headline reads so."""
    compact = [clean_spaces(r.text) for r in rows]
    for k, (a, b) in enumerate(zip(rows, rows[1:])):
        if a.label == classify.TEXT and b.blank_before and classify.breaks_off_dateline(compact[k]):
            a.label = classify.DATELINE
    for k, (a, b) in enumerate(zip(rows, rows[1:])):
        if a.label != classify.TEXT or b.label not in (classify.TEXT, classify.DATELINE):
            continue
        joined = compact[k] + compact[k + 1][:16]
        m = rules.DATELINE.match(joined)
        if m and m.end() > len(compact[k]):
            a.label = classify.DATELINE


def split_line(line: Line) -> list[Row]:
    """One line → rows: "……日程。 （下转第4版）" gives text and marker;
    "（上接第2版）州大学教" gives marker and text; "……时光。 本报记者 王平摄"
    gives caption text and credit; boxes printed on one line part at their
    seam (:func:`box_pieces`)."""
    pieces = box_pieces(line.text)
    if len(pieces) == 1:
        return split_piece(line)
    rows = split_piece(replace(line, text=pieces[0]))
    for piece in pieces[1:]:
        rows.extend(split_piece(replace(line, text=piece, blank_before=False)))
    return rows


# A text box opens here after a gap: a news dateline or a subtitle's dash.
_BOX_OPENER = compile_rule(r"(?<=\S)\s+(?=(?:本报|新华社|中新社|——))")


def box_pieces(text: str) -> list[str]:
    """A line cut where a second text box starts on the same baseline.

    Some extractors print everything on one baseline as one line, joining
    neighbouring boxes with a space: a byline and the dateline of the text
    beside it ("本报记者 王平 本报江州3月1日电 春"), or a title and its
    subtitle ("江州大桥通车 ——写在……之际").  A dateline only ever opens a
    paragraph and a subtitle's dash only ever opens a line, so a gap before
    either is a seam between boxes.

    >>> box_pieces("本报记者 王平 本报江州3月1日电 春")
    ['本报记者 王平', '本报江州3月1日电 春']
    >>> box_pieces("江州大桥通车 ——写在大桥建成之际")
    ['江州大桥通车', '——写在大桥建成之际']
    >>> box_pieces("江州大桥通车 本报江州10月4日")
    ['江州大桥通车', '本报江州10月4日']
    """
    cuts = [m.end() for m in _BOX_OPENER.finditer(text) if opens_box(text[m.end() :])]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].rstrip() for a, b in pairwise(bounds) if text[a:b].strip()]


# One or two characters of a word (or a closing bracket), a space, text.
_TAIL_BESIDE = re.compile(r"^([\u4e00-\u9fff）》”」]{1,2})\s+(\S.*)$")
# How much wider (in ems) the line above must be than the text beside the
# tail: a headline set wider than the column.
TAIL_ABOVE_WIDER = 2.0


def split_wrapped_tails(rows: list[Row]) -> list[Row]:
    """The wrapped end of a headline printed on the baseline of the text
    beside it, which an extractor joined with a space: "……通车仪式并讲" /
    "话 清晨六点，大桥上" gives "话" and "清晨六点，大桥上".  No line of text
    opens with one or two characters and a space; the line above runs on
    (it stops inside a phrase, not on a date's digits as a dateline
    broken before "日电" does) and is wider than the text beside the tail,
    which has clauses of running text.  A byline ("记者 王平、李明") opens
    with a role and a space, but is no tail.

    >>> [r.text for r in split_wrapped_tails([Row(text="市长出席江州大桥通车仪式并发表讲", lines=[0]), Row(text="话 清晨六点，大桥上", lines=[1])])]
    ['市长出席江州大桥通车仪式并发表讲', '话', '清晨六点，大桥上']
    """
    out: list[Row] = []
    for row in rows:
        above = out[-1] if out else None
        m = _TAIL_BESIDE.match(row.text.strip())
        if (
            m is None
            or row.label != classify.TEXT
            or above is None
            or above.label != classify.TEXT
            or not above.text.strip()
            or above.text.rstrip()[-1] in rules.SENTENCE_END
            or above.text.rstrip()[-1].isdigit()
            or rules.TEXT_MARKS.isdisjoint(m.group(2))
            or printed_width(above.text) < printed_width(m.group(2)) + TAIL_ABOVE_WIDER
        ):
            out.append(row)
            continue
        rest = m.group(2)
        out.append(replace(row, text=m.group(1), label=classify.TEXT, bold=above.bold, indent=False))
        out.append(replace(row, text=rest, label=classify.classify_line(rest), blank_before=False, indent=False, hint=""))
    return out


def opens_box(text: str) -> bool:
    """A dateline (whole, or broken at the line's end before its last
    characters: "本报江州10月4日" / "电 ……") or a subtitle's dash."""
    return bool(rules.DATELINE.match(text) or text.startswith("——") or classify.breaks_off_dateline(text))


def split_piece(line: Line) -> list[Row]:
    text = line.text
    indent = text[:1] == " " and not text.startswith("  " * 4)
    head = classify.split_jump_from(text)
    if head is not None:
        base = _provenance(line)
        marker, rest = head
        rows = [Row(text=marker, label=classify.JUMP_FROM, **base)]  # type: ignore[arg-type]
        if rest.strip():
            rows.append(Row(text=rest, lines=[line.index], bold=line.bold, label=classify.classify_line(rest)))
        return rows
    tail = classify.split_jump_to(text)
    if tail is not None and tail[0].strip():
        base = _provenance(line)
        rest, marker = tail
        return [
            Row(text=rest, label=classify.classify_line(rest), indent=indent, **base),  # type: ignore[arg-type]
            Row(text=marker, lines=[line.index], label=classify.JUMP_TO),
        ]
    label = classify.classify_line(text)
    if label in (classify.TEXT, classify.CAPTION) and rules.PHOTO_VERB.search(text):
        credit = rules.TRAILING_CREDIT.search(text)
        if credit and credit.start() > 0 and text[: credit.start()].rstrip()[-1:] in rules.SENTENCE_END + rules.CLOSERS:
            base = _provenance(line)
            return [
                Row(text=text[: credit.start()], label=label, indent=indent, **base),  # type: ignore[arg-type]
                Row(text=credit.group("credit"), lines=[line.index], label=classify.CREDIT),
            ]
    return [Row(text=text, lines=[line.index], label=label, bold=line.bold, blank_before=line.blank_before, indent=indent, hint=line.hint)]


def _provenance(line: Line) -> dict:
    """The fields a line's first row takes from it."""
    return dict(lines=[line.index], bold=line.bold, blank_before=line.blank_before, hint=line.hint)
