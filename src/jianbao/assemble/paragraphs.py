"""Body lines, headline lines and paragraph boundaries from line widths.

Newspaper body text is set in justified columns: every line of a paragraph
fills the column measure W except the first, which is indented by two
characters, and the last, which ends the paragraph's final sentence.
Headline lines break that rhythm: they are faux bold, wider than the column
(spanning several), or short without closing punctuation.  These rules are
scored, and the most likely reading of each run of lines is found with the
Viterbi algorithm over the states first / mid / last / single (body) and
head (headline), so that one line's evidence is weighed with its neighbours'
("after a full line that stops mid-sentence comes its continuation").
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from jianbao import classify, rules
from jianbao.assemble.continuity import head_codes, join_gains, tail_codes, word_runs_across
from jianbao.assemble.rows import NOTE_MAX_LINES, Row
from jianbao.lexicon import breaks_word
from jianbao.model import HINT_BODY, HINT_HEAD
from jianbao.normalize import HALF_WIDTH_QUOTES, clean_spaces, is_han, visible_len
from jianbao.rules.script import compile_rule, first_characters

FIRST, MID, LAST, SINGLE, HEAD = "first", "mid", "last", "single", "head"
STATES = (FIRST, MID, LAST, SINGLE, HEAD)

INDENT = 2.0  # ems a paragraph's first line is indented by
TOL = 0.75  # ems of slack: half-width digits and Latin make widths inexact
WINDOW = 14  # rows on each side used to estimate the local column measure

NEG = -1e9
C_NO_LINE_START = 4.0
# A text box printed after a blank line and set wider than the column is
# not the next line of the paragraph above.
C_WIDER_BOX = 2.0

# Rows that interrupt the flow of body text (the Viterbi restarts after them).
SEPARATORS = {
    classify.FURNITURE,
    classify.JUMP_TO,
    classify.BYLINE,
    classify.CREDIT,
    classify.COLUMN,
}

_TRANSITIONS: dict[str, dict[str, float]] = {
    FIRST: {MID: 0.0, LAST: 0.0},
    MID: {MID: 0.0, LAST: 0.0, FIRST: -3.0, SINGLE: -3.5, HEAD: -4.0},
    LAST: {FIRST: 0.0, SINGLE: 0.0, HEAD: 0.0, MID: -3.0, LAST: -3.5},
    SINGLE: {FIRST: 0.0, SINGLE: 0.0, HEAD: 0.0, MID: -3.0, LAST: -3.5},
    HEAD: {HEAD: -0.3, FIRST: 0.0, SINGLE: 0.0, MID: -3.5, LAST: -3.5},
}
_START = {FIRST: 0.0, SINGLE: 0.0, HEAD: 0.0, MID: -1.5, LAST: -1.5}
# After a photo credit, a byline, a column head or a jump marker something
# new begins: a headline or a paragraph, not the middle of one.
_FRESH_START = {FIRST: 0.0, SINGLE: 0.0, HEAD: 0.0, MID: -4.0, LAST: -4.0}
# The text after "（上接第N版）" carries on an article from another page: its
# first line is text, never a headline (a continued part reprints its
# headline over the marker).
C_HEAD_AFTER_CONTINUATION = 4.0
# Transitions that keep a text running from one line to the next; every
# other transition breaks it (a paragraph or headline ends).
_RUNNING = {(FIRST, MID), (FIRST, LAST), (MID, MID), (MID, LAST), (HEAD, HEAD)}
# What a break costs where the line before evidently runs on; more where it
# leaves a quotation or bracket open without ending a sentence, which no
# headline or paragraph does ("……（人民论" / "坛）").
C_BROKEN_RUN = 2.0
C_BROKEN_OPEN = 5.0
# A word is never split between a headline and a paragraph, nor between
# two paragraphs ("……关于发展花卉产" / "业……").
C_BROKEN_WORD = 3.5
RUN_ON_MARKS = "，、；：（“《—"
DANGLING = rules.DANGLING
# A column line stopping on one of them right over a headline set off
# from it is text cut off, not a headline line (see emission).
C_CUT_OFF_TEXT = 6.0
# Evidence of a headline line: two phrases set apart by a space
# (rules.PARALLEL_HALVES; running text never puts a space between Han
# characters, so it outweighs a sentence broken off before it), and surer
# still, parallel words set apart by middle dots (rules.PARALLEL_SERIES).
B_PARALLEL_HALVES = 6.0
B_PARALLEL_SERIES = 8.0
# A quotation set whole on a line short of the column, ending no sentence
# (see emission and rules.QUOTED_LINE).
B_QUOTED_LINE = 3.0
# A line that is only "经……批准", short of the column (rules.APPROVAL_KICKER).
B_APPROVAL_KICKER = 6.0
# A line short of the column that ends on a dash (see emission).
B_DASH_LED_KICKER = 4.0
# What a kicker leading into its title names before its dash (a place, a
# person, an event) takes at least this many characters: a single letter
# before a dash ("善——") is the end of a word broken over a line.
KICKER_NAME_MIN = 2
# A paragraph ending on a second line without a single mark (see emission).
C_UNMARKED_PARAGRAPH = 3.0
_MARKS = rules.TEXT_MARKS | frozenset(rules.OPENERS + rules.CLOSERS)


# For each state, the states that may precede it: (state, cost, running).
_INTO = {
    s: [(p, t[s], (p, s) in _RUNNING) for p, t in _TRANSITIONS.items() if s in t] for s in STATES
}


def _breaks_off(text: str) -> bool:
    """A line stopping on a function word or a mark that runs on."""
    t = text.rstrip()
    return bool(t) and (t[-1] in DANGLING or t[-1] in RUN_ON_MARKS)


def runs_on(prev: str, nxt: str, prev_leaves_open: bool | None = None, word_across: bool | None = None) -> bool:
    """The line after ``prev`` continues it: ``prev`` stops at a comma or an
    opening mark, leaves a quotation or bracket open, or the line break
    falls inside a word or a number.  ``prev_leaves_open`` is ``leaves_open(prev)``
    where the caller has it already; ``word_across`` whether a word runs
    across the break (by default any dictionary word does; see
    :func:`weighed_words_across` for where only a likely one does)."""
    a = prev.rstrip()
    if not a:
        return False
    if prev_leaves_open is None:
        prev_leaves_open = leaves_open(a)
    if _breaks_off(a) or prev_leaves_open or rules.number_runs_across(a, nxt):
        return True
    return breaks_word(a, nxt) if word_across is None else word_across


def break_cost(prev: str, nxt: str, prev_leaves_open: bool | None = None, word_across: bool | None = None) -> float:
    """What it costs to end a paragraph or headline after ``prev``
    (``prev_leaves_open`` and ``word_across`` as for :func:`runs_on`)."""
    a = prev.rstrip()
    if not a:
        return 0.0
    if prev_leaves_open is None:
        prev_leaves_open = leaves_open(a)
    if rules.number_runs_across(a, nxt):
        return C_BROKEN_WORD
    marked = _breaks_off(a)
    if not marked:
        # The dictionary is looked up only where no mark decides.
        word_across = breaks_word(a, nxt) if word_across is None else word_across
        if not (word_across or prev_leaves_open):
            return 0.0
    if prev_leaves_open and not ends_paragraph(prev):
        return C_BROKEN_OPEN
    if not marked and word_across:
        return C_BROKEN_WORD
    return C_BROKEN_RUN


def weighed_words_across(texts: list[str], weighed: list[bool]) -> dict[int, bool]:
    """:func:`word_runs_across` for each line ``k`` with ``weighed[k]`` and
    the line after it, computed for the whole run at once."""
    candidates = [k for k in range(len(texts) - 1) if weighed[k] and breaks_word(texts[k].rstrip(), texts[k + 1].lstrip())]
    if not candidates:
        return {}
    tails = tail_codes([texts[k].rstrip() for k in candidates])
    heads = head_codes([texts[k + 1].lstrip() for k in candidates])
    gains = join_gains(tails, heads, np.arange(len(candidates))[:, None])
    return {k: bool(gain > 0) for k, gain in zip(candidates, gains[:, 0])}


_OPENING_MARKS = "“《（("
_CLOSING_MARKS = "”》）)"
# Deleting a set of marks and comparing lengths counts them in one pass.
_WITHOUT_OPENING = str.maketrans("", "", _OPENING_MARKS)
_WITHOUT_CLOSING = str.maketrans("", "", _CLOSING_MARKS)


def pushes_bracket(row: Row, measure: float, tol: float = TOL) -> bool:
    """The row opens with an opening bracket or quote and fills the
    column: the typesetter moved the mark down from the end of the line
    above, where no line may end on one (避头尾), and left that line short
    by the mark.  A paragraph's opening line would be indented.

    >>> pushes_bracket(Row(text="“江州的路越修越宽，好", lines=[0], width=10.0), 10.0)
    True
    """
    return row.text.lstrip()[:1] in rules.OPENERS and row.width >= measure - tol


def leaves_open(text: str) -> bool:
    """More opening than closing marks: "……“不忘" continues on the next line."""
    opening = len(text) - len(text.translate(_WITHOUT_OPENING))
    closing = len(text) - len(text.translate(_WITHOUT_CLOSING))
    return opening > closing


def ends_sentence(text: str) -> bool:
    """The line's last mark ends a sentence (。！？…), possibly inside quotes;
    a bracketed tag such as "（今日谈）" does not."""
    s = text.rstrip()
    while s and s[-1] in "”’」』":
        s = s[:-1]
    return rules.ends_on_sentence_mark(s)


def ends_paragraph(text: str) -> bool:
    """A paragraph ends with a sentence: 。！？… or a colon, possibly inside
    closing quotes or brackets ("……了。”" "（完）")."""
    s = text.rstrip()
    while s and s[-1] in rules.CLOSERS:
        if s[-1] in "）)" and _is_bracketed_tail(s):
            return True
        s = s[:-1]
    return rules.ends_on_sentence_mark(s) or s[-1:] in ("：", ":", "；")


def _is_bracketed_tail(s: str) -> bool:
    """"（完）" / "（记者 王芳）" close a paragraph even without a period; a
    tag naming a column after a headline ("……生活更美好（江声）") does not."""
    open_at = max(s.rfind("（"), s.rfind("("))
    if open_at < 0 or open_at < len(s) - 16:
        return False
    before = s[:open_at].rstrip()
    inner = s[open_at + 1 : -1]
    # "……李明摄（视觉江州）": a photo credit naming its agency.
    credited = bool(rules.PHOTO_VERB_AT_END.search(before))
    # After a question or exclamation a tag without source words is a
    # column's ("……怎么看？（民生数据看变化①）"), closing a headline.
    asks = before.rstrip("”’」』")[-1:] in "？！?!"
    return not before or credited or (ends_sentence(before) and not asks) or bool(_SOURCE_WORDS.search(inner))


# Words of a source note or an end mark inside brackets.
_SOURCE_WORDS = compile_rule(rf"完|综合|作者|^据|电$|{rules.ROLE}")


def open_tail(text: str) -> str:
    """The end of a line from the last bracket it opens and leaves open
    ("……同比增长百分之八。（来源：" → "（来源："), or the whole line when it
    leaves none open: the start of a note that the next line closes."""
    depth = 0
    for k in range(len(text) - 1, -1, -1):
        ch = text[k]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return text[k:]
            depth -= 1
    return text


_FULL_STOPS = frozenset("。！？")


def has_inner_sentence_end(text: str) -> bool:
    """A full stop inside the line: running text, not a headline."""
    s = text.rstrip().rstrip(rules.CLOSERS)
    return not _FULL_STOPS.isdisjoint(s[:-1])


# Where most paragraphs are one or two lines long (a decree's numbered
# articles, a list of names), indented first lines outnumber full ones; a
# width one indent wider and about half as common is then the measure.
INDENTED_SHARE = 0.5


def column_measures(rows: list[Row]) -> list[float]:
    """The column measure W around each row: the most common width of nearby
    text rows (full lines outnumber first and last lines in most bodies),
    or one indent wider where that width is common too (see
    :data:`INDENTED_SHARE`)."""
    bins: list[int | None] = []
    for r in rows:
        usable = r.label in (classify.TEXT, classify.DATELINE, classify.CAPTION) and not r.bold and 4 <= r.width <= 40
        bins.append(round(r.width * 2) if usable else None)
    hist: Counter[int] = Counter()
    n = len(rows)
    lo = hi = 0  # the window is rows[lo:hi], slid along with i
    count = 0
    out: list[float] = []
    best = None  # the window's measure in half ems, kept while the window's widths stay the same
    for i in range(n):
        entered: list[int] = []
        left: list[int] = []
        while hi < min(n, i + WINDOW + 1):
            if bins[hi] is not None:
                hist[bins[hi]] += 1
                count += 1
                entered.append(bins[hi])
            hi += 1
        while lo < max(0, i - WINDOW):
            if bins[lo] is not None:
                hist[bins[lo]] -= 1
                if not hist[bins[lo]]:
                    del hist[bins[lo]]  # keeps the search below to widths in the window
                count -= 1
                left.append(bins[lo])
            lo += 1
        if not count:
            out.append(rows[i].width)
            best = None
            continue
        if best is None or entered != left:
            # Smooth over ±0.5 em so 11.5/12/12.5 (digits) count together.
            get = hist.get
            score, best = max((2 * c + get(b - 1, 0) + get(b + 1, 0), b) for b, c in hist.items())
            wider = best + round(2 * INDENT)
            if 2 * get(wider, 0) + get(wider - 1, 0) + get(wider + 1, 0) >= INDENTED_SHARE * score:
                best = wider
        out.append(best / 2)
    return out


def width_tolerance(rows: list[Row], measures: list[float]) -> float:
    """How much full lines of this page stray from their measure.

    Papers that justify lines by letter-spacing fit a varying number of
    characters on a full line; the spread of near-full lines tells by how
    much (at least :data:`TOL`, at most 2 ems)."""
    gaps = sorted(
        abs(r.width - m)
        for r, m in zip(rows, measures)
        if r.label == classify.TEXT and not r.bold and abs(r.width - m) <= 2.5
    )
    if len(gaps) < 8:
        return TOL
    return min(2.0, max(TOL, 1.5 * gaps[len(gaps) // 2] + 0.25))


_NO_BODY = (0.0, NEG, NEG, 0.0, NEG)  # a dateline, caption or continuation: first or single
_NO_BODY_OPEN = (0.0, NEG, NEG, -3.0, NEG)
# The label opening a letter or telegram ("贺信"): a paragraph of its own.
_DOCUMENT_LABEL = (NEG, NEG, NEG, 0.0, NEG)
# The date under a document's title ("（2024年3月5日）") belongs to its
# headline; where no headline is above it, it stands alone.
_DOCUMENT_DATE = (NEG, NEG, NEG, -2.0, 0.0)
# The date under a signature closing a letter or decree, or a figure set
# alone as a highlight: a paragraph of its own.
_SET_ALONE = (NEG, NEG, -2.0, 0.0, -4.0)
# A closing credit ("本版统筹：……", "本版图片除署名外……") opens a paragraph
# of its own; the unpunctuated lines after it (more names, the rest of the
# note) carry it on.  Neither is a headline.
_OPENS_CREDIT = (0.0, NEG, NEG, 0.0, NEG)
# A key point in a bullet list under the byline or over the dateline
# ("■ 一季度签约项目六十个"): a paragraph of the text, never a headline line.
_KEY_POINT = (0.0, NEG, NEG, 0.0, NEG)
_CARRIES_CREDIT = (NEG, 0.0, 0.0, NEG, NEG)


def printed_whole(text: str) -> bool:
    """No space between Han characters after the dateline: one paragraph
    reflowed onto one line, not the lines of side-by-side columns that an
    extractor joined with spaces.

    >>> printed_whole("本报讯 大桥今天通车。两岸市民出行更方便了。"), printed_whole("大桥今天通车。 市民说：方便了。")
    (True, False)
    """
    m = rules.DATELINE.match(text)
    return not _SPACE_IN_HAN.search(text[m.end() :] if m else text)


_SPACE_IN_HAN = re.compile(r"[^\x00-\x7f]\s+[^\x00-\x7f]")


def indent_slack(text: str) -> float:
    """How much shorter (in ems) than an indented opening line a line the
    extractor marked with a leading space may measure and still be one.

    Widths are reckoned with digits and Latin letters at half an em, and
    justification stretches a line with such characters, so an indented
    line with many of them measures short.  Where the extractor marks
    indents, that is given the benefit of the doubt; but a leading space
    alone does not make a short line an indented one: some extractors
    print one before every line that starts a new run of text, the short
    last line of a wrapped headline included.

    >>> indent_slack("2019年10月1日起，")
    3.5
    """
    return 0.5 * half_width_count(text)


# The end of a dateline broken over two lines set apart from it (see
# finishes_dateline).
C_DATELINE_APART = 6.0
# A source note printed whole on a line of its own, "（新华社江州3月5日
# 电）", is a paragraph of its own: run on after the text's last sentence,
# it would start on that sentence's line.
C_NOTE_APART = 4.0


def finishes_dateline(above: Row) -> bool:
    """The row under ``above`` finishes its dateline: ``above`` opens one
    that does not end on its own line ("本报北京1月11日" / "电 ……", see
    rows.mark_split_datelines).

    >>> finishes_dateline(Row(text="本报北京1月11日", lines=[0], label=classify.DATELINE))
    True
    """
    return above.label == classify.DATELINE and not rules.DATELINE.match(clean_spaces(above.text))


# A speaker's attribution set apart from the quote it closes (see
# attributes_quote).
C_ATTRIBUTION_APART = 4.0
ATTRIBUTION_MAX = 16
_ATTRIBUTION = compile_rule(r"^[^，。；：“”]{1,14}(?:说|表示|介绍|指出|强调|告诉记者)。$")


def attributes_quote(prev: str, text: str) -> bool:
    """``text`` names who said the quotation ``prev`` closes ("……。”" /
    "社区主任王芳说。"): the attribution ends the quote's paragraph, never opens
    one of its own.

    >>> attributes_quote("老人们吃得放心。”", "社区主任王芳说。"), attributes_quote("老人们吃得放心。", "社区主任王芳说。")
    (True, False)
    """
    t = text.strip()
    return prev.rstrip().endswith(("”", "」")) and len(t) <= ATTRIBUTION_MAX and bool(_ATTRIBUTION.match(t))


# How much wider than half an em a justified digit, Latin letter or quote
# may set.
HALF_WIDTH_STRETCH = 0.25
HALF_WIDTH_SLACK_MAX = 2.0
# How far short of the column a line whose opening mark the typesetter
# moved down to the next line may stop (:func:`pushes_bracket`): the mark,
# and half of a squeezed mark before it.
PUSHED_MARK_MAX = 1.5
# A mark set full width may be squeezed to half an em to fit a line.
SQUEEZE_PER_MARK = 0.5
_SQUEEZABLE = frozenset("，。、；：！？”’）》…—")


def squeezed_to_fit(text: str, over: float, tol: float = TOL) -> bool:
    """A line ``over`` ems wider than its column that the typesetter fitted
    by squeezing its marks (no more over than half an em for each mark it
    holds): a full line of the column.  A line closing a quotation
    ("……了。”", "……”") often runs so, and the paragraph goes on under it
    unless the line under it is indented.

    >>> squeezed_to_fit("街坊们说，食堂的饭菜真香。”", 1.2), squeezed_to_fit("江州老街社区食堂今天开张啦", 1.2)
    (True, False)
    """
    return over <= tol + SQUEEZE_PER_MARK * sum(ch in _SQUEEZABLE for ch in text)


def half_width_slack(text: str) -> float:
    """How much shorter (in ems) than the measure a full line may reckon for
    its digits, Latin letters and quotes (:func:`half_width_count`,
    :data:`HALF_WIDTH_STRETCH` each).

    >>> half_width_slack("去年前10月，全市新设企业1356")
    1.5
    """
    return min(HALF_WIDTH_SLACK_MAX, HALF_WIDTH_STRETCH * half_width_count(text))


def half_width_count(text: str) -> int:
    """Characters of a line reckoned at half an em, whose printed width
    justification stretches: digits and Latin letters, and in running text
    (a line with clause or sentence marks) the curly quotes after its first
    character.  A headline's quotes and a quote opening an indented line
    are left out: there a line short by them says something.

    >>> half_width_count("去年前10月，“江州”新设"), half_width_count("“江州”新设企业")
    (4, 0)
    """
    n = len(_HALF_WIDTH.findall(text))
    if not rules.TEXT_MARKS.isdisjoint(text):
        n += len(_QUOTE.findall(text.strip()[1:]))
    return n


_HALF_WIDTH = re.compile(r"[0-9A-Za-z]")
_QUOTE = re.compile(f"[{HALF_WIDTH_QUOTES}]")


# No newspaper column is this wide (in ems): a line wider than that and
# than twice the measure around it is a paragraph printed whole.
REFLOWED_MIN = 30.0
C_REFLOWED_MID = 2.0
# Longest line (in characters, spaces included) a label, date or figure set
# alone can be.
SHORT_LINE = 24


# What ending on a question or exclamation mark takes from a line's
# headline evidence (a full stop takes 5).
C_QUESTION_HEAD = 2.0


def emission(
    row: Row,
    measure: float,
    tol: float = TOL,
    runs_on_next: bool = False,
    before_byline: bool = False,
    before_start: bool = False,
    before_continuation: bool = False,
    over_subtitle: bool = False,
    wide_text: bool = False,
    tagged_head: bool = False,
    under_kicker: bool = False,
    note: bool = False,
    closes_note: bool = False,
    over_set_off_head: bool = False,
    after_unmarked: bool = False,
    attributes_quote: bool = False,
    finishes_dateline: bool = False,
    credit_line: int = 0,
    key_point: bool = False,
    cut_by_jump: bool = False,
    bracket_pushed: bool = False,
    runs_on_from_above: bool = False,
    quoted_pair: bool = False,
) -> tuple[float, float, float, float, float]:
    """How well a row fits each state, in the order of :data:`STATES`
    (log-scale scores, 0 = perfect); ``credit_line`` as
    :func:`closing_credit_lines` marks the row.  The last line of a text
    cut by a jump marker (``cut_by_jump``: "……指导秋冬" / "（下转第4版）")
    stops wherever the page ran out, so its width says nothing: it is as
    good a middle line as a full one, and the line before it tells whether
    a paragraph ended there.  A line over one that opens with the bracket
    moved down from it (``bracket_pushed``, :func:`pushes_bracket`) fills
    its column but for that bracket.  ``runs_on_from_above``: the line above
    breaks off mid-word, without a mark, into this one; ``quoted_pair``: the
    line is half of a quotation set whole over two lines
    (:func:`quotation_pairs`)."""
    text = row.text
    if row.label in _OPENERS:
        return _NO_BODY if ends_paragraph(text) else _NO_BODY_OPEN
    if credit_line:
        return _OPENS_CREDIT if credit_line == OPENS_CREDIT else _CARRIES_CREDIT
    if key_point:
        return _KEY_POINT
    if len(text) <= SHORT_LINE:
        # Labels, dates and figures set alone are short lines.
        if rules.DOCUMENT_LABEL.match(text):
            return _DOCUMENT_LABEL
        if rules.DOCUMENT_DATE.match(text):
            return _DOCUMENT_DATE
        if rules.CLOSING_DATE.match(text) or rules.FIGURE_ONLY.match(text):
            return _SET_ALONE
    d = row.width - measure
    # Justification sets digits and Latin letters wider than the half em
    # they are reckoned at, so a full line holding many measures short.
    full = abs(d) <= tol or (-tol - HALF_WIDTH_SLACK_MAX <= d < -tol and d >= -tol - half_width_slack(row.text))
    if bracket_pushed and -PUSHED_MARK_MAX <= d < -tol:
        full = True
    # Half-width digits and Latin make an indented line look a little short;
    # a leading space lets such a line count as indented (indent_slack), but
    # only a line about one indent short of the column is an opening line.
    slack = indent_slack(row.text) if row.indent else 0.0
    indented = -(INDENT + 2 * tol) - slack <= d <= -(INDENT - tol)
    short = d < -tol and not full
    long_ = d > tol
    very_long = d > 2 * tol
    term = closes_note or ends_paragraph(text)
    # Only a line ending a sentence: a headline wider than the column is
    # set in larger type, not squeezed.
    if term and long_ and squeezed_to_fit(text, d, tol):
        full, long_, very_long = True, False, False
    text = text.strip()
    # A line wider than the column with sentences inside is text set to a
    # wider measure (a caption under a picture, a lead across columns).
    clauses = text.count("，") + text.count("；") + text.count("、")
    # A question closed by a column tag ("……怎么看？（民生数据看变化①）")
    # is a headline's last mark, not a sentence inside running text.
    tag = rules.COLUMN_TAG.search(text)
    inner_end = has_inner_sentence_end(text[: tag.start() + 1] if tag else text)
    running = inner_end or clauses >= 2 or (clauses and len(text) >= 24) or wide_text
    too_long = -1.0 if very_long and running else (-5.0 if very_long else 0.0)
    # A short line that runs on is a wrap around a picture or drop cap.
    short_cost = -2.0 if runs_on_next else -5.0
    mid = 0.0 if full else (-1.5 if long_ and not very_long else (-3.5 if indented else short_cost))
    if very_long:
        mid = min(-1.0, too_long)
    if cut_by_jump and not term:
        mid = max(mid, 0.0)
    first = 0.0 if indented else (-0.7 if full else -5.0 if long_ else short_cost + 1.0)
    # A paragraph may close on a dash leading into the next one ("……老街
    # 换了新" / "貌——"): a short line finishing the word the line above
    # broke off ends that paragraph; one that opens with words of its own
    # leads into a title (see head below).
    lead_in = short and runs_on_from_above and text.endswith("——") and not leaves_open(text)
    last = (0.0 if term or lead_in else -4.0) + too_long
    if after_unmarked and not term and _MARKS.isdisjoint(text):
        # Two lines without a single mark do not make the end of a
        # paragraph, nor its middle unless the line fills the column:
        # running text is punctuated, headline lines are not.
        last -= C_UNMARKED_PARAGRAPH
        if not full:
            mid -= C_UNMARKED_PARAGRAPH
    single = (0.0 if (short or indented) else -1.0) + (0.0 if term else -4.0) + too_long
    if term and running and row.width > max(REFLOWED_MIN, 2 * measure) and printed_whole(text):
        # A whole paragraph on one line, twice as wide as the column and
        # more: text the extractor reflowed, or pasted from a web page.
        single, mid = 0.0, mid - C_REFLOWED_MID
    # A headline needs positive evidence: a line that fits the flow of the
    # column is body text.
    head = -3.0
    if row.bold:
        head += 5.0
    if very_long:
        head += 4.0
    if d < -(INDENT + 2 * tol) and not term:
        head += 2.5
    if rules.PARALLEL_HALVES.match(text):
        head += B_PARALLEL_HALVES
    if rules.PARALLEL_SERIES.match(text):
        # Surer than two halves: a headline even where the extractor
        # printed it inside a sentence a column's foot broke off, with the
        # sentence going on after it.
        head += B_PARALLEL_SERIES
    if rules.APPROVAL_KICKER.match(text) and not full:
        # Surer than a reporting verb: running text goes on after 批准
        # with a comma, so a sentence broken off before it does not carry
        # on into it.
        head += B_APPROVAL_KICKER
    if rules.REPORTING_KICKER.search(text) or rules.ATTENDANCE_SUBTITLE.search(text):
        head += 3.0
    if (quoted_pair or rules.QUOTED_LINE.match(text)) and not term and not full:
        head += B_QUOTED_LINE
    if text.endswith("——") and not full and not leaves_open(text) and visible_len(text.rstrip("—")) >= KICKER_NAME_MIN:
        # A line stopping short on a dash leads into the title under it
        # ("……市统计局表示——"): running text breaks a dash only where the
        # line is full, or inside quotes it has not closed ("的“江州新
        # 貌——" / "城市建设成就展”").
        head += B_DASH_LED_KICKER
    if row.indent and rules.SECTION_LABEL.match(text):
        # "李明——" on a line of its own labels a section, even where the
        # extractor sets it off with a space like an indented line.
        head += 3.0
    if before_byline:
        # A byline is printed under its headline.
        head += 4.0
    if before_start and not term:
        # Text before a dateline or a continuation marker has ended; one
        # that stops mid-phrase there is the headline printed over it.
        head += 2.5
        if before_continuation:
            # A part continued from another page reprints its headline
            # on the line right over "（上接第N版）".
            head += B_OVER_CONTINUATION
        if over_subtitle:
            head += B_OVER_SUBTITLE
    if tagged_head:
        head += B_TAGGED_HEAD
    if under_kicker:
        head += B_UNDER_KICKER
    if ends_sentence(text):
        # Headlines ask and exclaim ("……怎么干？") but never state with a
        # full stop.
        head -= C_QUESTION_HEAD if text.rstrip("”’」』 ")[-1:] in "？！?!" else 5.0
    if inner_end or wide_text:
        head -= 5.0
    source_note = rules.is_source_note(text)
    if note or source_note or rules.CLOSING_CREDIT.match(text) or rules.PICTURE_SOURCE.search(text):
        head -= 5.0
    if text[-1:] in "，、；,;":
        head -= 3.0
    if over_set_off_head and (full or indented) and text[-1:] in DANGLING:
        # Text cut off at the foot of its column or box, right over the
        # next article's headline ("……还为老人们送餐与" / "老街……的食堂"): a
        # line of the column's measure that stops inside a phrase, over a
        # headline line set wider or bolder (sets_off_headline), belongs to
        # no headline: a kicker over a title ends on a whole phrase.
        head -= C_CUT_OFF_TEXT
    if row.indent and indented:
        head -= 1.0
    head += layout_hint_score(row.hint)
    if finishes_dateline:
        # "本报北京1月11日" / "电 记者从……": the rest of the dateline's line.
        first, single, head = first - C_DATELINE_APART, single - C_DATELINE_APART, head - C_DATELINE_APART
    if attributes_quote:
        # "……。”" / "王芳说。": who said it ends the quote's paragraph.
        first -= C_ATTRIBUTION_APART
        single -= C_ATTRIBUTION_APART
        head -= C_ATTRIBUTION_APART
    if row.bold:
        first, mid, last, single = first - 3.0, mid - 3.0, last - 3.0, single - 3.0
    if row.blank_before and long_:
        # A new text box (the extractor left a blank line) set wider than
        # the column does not carry on the paragraph above: its measure is
        # another text's, a headline's.
        mid -= C_WIDER_BOX
        last -= C_WIDER_BOX
    if source_note:
        mid -= C_NOTE_APART
        last -= C_NOTE_APART
    if text[:1] in rules.NO_LINE_START:
        # Typesetters never start a line of running text with a dash or a
        # closing mark, so a line opening with one begins a paragraph or is
        # a subtitle ("——记……").
        mid -= C_NO_LINE_START
        last -= C_NO_LINE_START
    return (first, mid, last, single, head)


_OPENERS = frozenset((classify.DATELINE, classify.CAPTION, classify.JUMP_FROM))


# What the page layout says of a line, where the reader saw it (see
# model.HINT_HEAD): a line set apart like a headline counts as much as one
# set wider than the column; a line inside a stack of full column lines is
# body text, whatever its words.
B_HINT_HEAD = 4.0
C_HINT_BODY = 3.0


def layout_hint_score(hint: str) -> float:
    """Headline evidence from where the line sits on the page."""
    if hint == HINT_HEAD:
        return B_HINT_HEAD
    if hint == HINT_BODY:
        return -C_HINT_BODY
    return 0.0


def label_rows(rows: list[Row]) -> None:
    """Set ``row.part`` for every flowing row: head, or its body position."""
    measures = column_measures(rows)
    for row, measure in zip(rows, measures):
        row.measure = measure
    tol = width_tolerance(rows, measures)
    whole = prints_whole_paragraphs(rows)
    run: list[int] = []
    start = _START
    for i, row in enumerate(rows):
        if row.label in SEPARATORS:
            # Only a jump marker cuts a paragraph; before a byline, credit or
            # column head the text has ended.
            label_run(rows, run, measures, tol, start, open_end=row.label == classify.JUMP_TO, whole=whole)
            run = []
            start = _FRESH_START
            if row.label == classify.JUMP_TO:
                row.part = ""
            continue
        if row.label == classify.JUMP_FROM:
            # The text after "（上接第N版）" resumes mid-paragraph.
            label_run(rows, run, measures, tol, start, open_end=False, whole=whole)
            run = []
            start = {**_START, HEAD: -C_HEAD_AFTER_CONTINUATION}
            row.part = ""
            continue
        run.append(i)
    # The last text printed on a page ends there: an article continued
    # elsewhere says so with a jump marker, and a headline printed after its
    # body ends the page more often than a paragraph broken off does.
    label_run(rows, run, measures, tol, start, whole=whole)
    for i in deck_ending_page(rows, run):
        rows[i].part = HEAD
    for i in headlines_wrapped_from_text(rows):
        rows[i].part = HEAD
        if rows[i - 1].part == MID:
            rows[i - 1].part = LAST
        elif rows[i - 1].part == FIRST:
            rows[i - 1].part = SINGLE


def headlines_wrapped_from_text(rows: list[Row]) -> list[int]:
    """Full column lines without a mark, read as text, that are the first
    line of the headline under them: a headline line of a word or two
    (:data:`WRAP_TAIL_MAX`) is no headline of its own but the wrapped end
    of the line above, and no word, number or clause runs into that line
    from the text above it ("……以老街传统" / "市长王小川发表二〇二五年新年"
    / "贺词"): a title the width of the column, wrapped, that column order
    put after a column's foot."""
    found = []
    for i in range(2, len(rows)):
        above, row, tail = rows[i - 2], rows[i - 1], rows[i]
        if tail.part != HEAD or row.part not in (FIRST, MID) or above.part not in (FIRST, MID):
            continue
        if row.label != classify.TEXT or tail.label != classify.TEXT or visible_len(tail.text) > WRAP_TAIL_MAX:
            continue
        if not row.measure or not is_column_line(row, TOL) or _MARKS.intersection(row.text):
            continue
        if not reads_across(above.text, row.text):
            found.append(i - 1)
    return found


def label_run(
    rows: list[Row], run: list[int], measures: list[float], tol: float, start: dict[str, float], open_end: bool = False, whole: bool = False
) -> None:
    """Label a run of flowing rows: the rows printed inside a sentence
    (:func:`rows_inside_sentences`) are headline lines, on a page printed
    one paragraph per line (``whole``, :func:`prints_whole_paragraphs`)
    every line closed by a full stop is a paragraph, and the rest are read
    as if those were not there."""
    inside = set(rows_inside_sentences(rows, run, tol))
    for i in inside:
        rows[i].part = HEAD
    if not whole:
        _viterbi(rows, [i for i in run if i not in inside], measures, tol, start, open_end)
        return
    # The lines between two whole paragraphs are read on their own: no
    # paragraph runs on across a whole one.
    stretch: list[int] = []
    for i in run:
        if i in inside:
            continue
        if is_whole_paragraph(rows[i].text):
            rows[i].part = SINGLE
            _viterbi(rows, stretch, measures, tol, start)
            stretch, start = [], _START
            continue
        stretch.append(i)
    _viterbi(rows, stretch, measures, tol, start, open_end)


# A page whose lines of text mostly end a paragraph prints one paragraph
# per line (text the extractor reflowed, or pasted from a web page): lines
# of columns end a paragraph at most a third of the time.  Lines shorter
# than REFLOWED_LINE_MIN characters (headlines, labels) are not counted.
REFLOWED_SHARE = 0.6
REFLOWED_LINE_MIN = 10
REFLOWED_LINES = 3


def prints_whole_paragraphs(rows: list[Row]) -> bool:
    """Whether the page prints each paragraph whole on one line.

    >>> rows = [Row(text=t, lines=[k]) for k, t in enumerate(["江州大桥通车", "本报讯 江州大桥今天上午正式通车。", "市民说，过江再也不用绕路了。", "据介绍，大桥双向六车道。"])]
    >>> prints_whole_paragraphs(rows)
    True
    """
    texts = [r.text.strip() for r in rows if r.label in (classify.TEXT, classify.DATELINE) and len(r.text.strip()) >= REFLOWED_LINE_MIN]
    return len(texts) >= REFLOWED_LINES and sum(ends_paragraph(t) for t in texts) >= REFLOWED_SHARE * len(texts)


def is_whole_paragraph(text: str) -> bool:
    """A line closed by a full stop (a headline never is), with no space
    between Han characters (no two columns' lines joined)."""
    t = text.strip()
    closed = t.rstrip("”’」』）)")
    return rules.ends_on_full_stop(closed) and printed_whole(t)


# Lines a subtitle printed last on a page may run to.
DECK_MAX_LINES = 12


def deck_ending_page(rows: list[Row], run: list[int]) -> list[int]:
    """The rows after the page's last headline line that end the page
    without a single sentence end among them: a subtitle set in the
    column's measure ("市长王小川副市长李明等来" / "到老街看望独居的老人们，"
    / "并送上慰问品"), printed after its title, not a paragraph (text
    is punctuated and ends on a mark).  Text broken off at the foot of the
    page (on a function word, "……老街食堂的", or filling the column) and a
    note in brackets ("（新华社……电）") are no subtitle.

    >>> rows = [Row(text=t, lines=[k], width=len(t), measure=13.0) for k, t in enumerate(["老街食堂开张了。", "老街食堂开张", "市长王小川李副市长等到老街", "看望老人并送上慰问品"])]
    >>> for row, part in zip(rows, (LAST, HEAD, FIRST, LAST)): row.part = part
    >>> deck_ending_page(rows, [0, 1, 2, 3])
    [2, 3]
    """
    deck: list[int] = []
    if not run or _breaks_off(rows[run[-1]].text) or rows[run[-1]].width >= rows[run[-1]].measure - TOL:
        return []
    for i in reversed(run):
        row = rows[i]
        if row.part == HEAD:
            if not deck or row.label != classify.TEXT:
                return []
            text = "".join(rows[j].text.strip() for j in reversed(deck))
            return [] if text[:1] in _OPENING_MARKS or rules.is_source_note(text) else deck[::-1]
        text = row.text.strip()
        if row.label != classify.TEXT or ends_sentence(text) or has_inner_sentence_end(text) or ends_paragraph(text) or "；" in text:
            return []
        deck.append(i)
        if len(deck) > DECK_MAX_LINES:
            return []
    return []


# A text that stops mid-paragraph where no jump marker cuts it; stopping
# on a paragraph's first line costs what a one-line paragraph that ends no
# sentence does.
_CLOSED_END = {FIRST: -4.0, MID: -3.0, LAST: 0.0, SINGLE: 0.0, HEAD: 0.0}


def closes_note(texts: list[str], k: int) -> bool:
    """Line ``k`` closes a source note opened at the start of an earlier
    line: the list of reporters at the end of a joint report may run over
    several lines, and its last line ends the paragraph however it ends."""
    text = texts[k].rstrip()
    if not text.endswith(("）", ")")):
        return False
    depth = 0
    for j in range(k, max(-1, k - NOTE_MAX_LINES), -1):
        depth -= rules.bracket_depth_change(texts[j])
        if depth <= 0:
            return j < k and texts[j].lstrip().startswith(("（", "(")) and rules.is_source_note("".join(texts[j : k + 1]))
    return False


# Lines over a dateline, byline or bold headline line that may be the
# headline printed above it.
HEAD_OVER_START_MAX = 3
B_OVER_CONTINUATION = 2.5


def lines_over_start(rows: list[Row], run: list[int]) -> list[str | None]:
    """For each row of ``run``, the label of the start below when the row
    stands in the unbroken stretch of lines
    right above a dateline or continuation marker that ends no sentence
    (at most :data:`HEAD_OVER_START_MAX` lines, or up to the line opening
    the title marks they close) — text there has stopped,
    so such lines are the headline printed over what follows ("……向202" /
    "0……开幕式致" / "贺词" / "本报北京……电").  Lines over a byline or a
    bold headline line count too when they have no clause marks (the rest
    of a stack printed over its title); text with commas there is more
    likely text broken off, as extractors that print text boxes out of
    order leave it.  The line right over a dash-led subtitle
    (:func:`is_set_off_subtitle`) is flagged :data:`OVER_SUBTITLE` when it
    can be its title (:func:`is_title_over_subtitle`): a title is printed
    right over its subtitle, even under text broken off."""
    flags: list[str | None] = [None] * len(run)
    n_rows = len(rows)
    for k in range(len(run)):
        i = run[k]
        if i + 1 >= n_rows:
            continue
        below = rows[i + 1]
        over_bold = below.bold and not rows[i].bold and below.label == classify.TEXT
        if below.label == classify.TEXT and is_set_off_subtitle(below):
            if is_title_over_subtitle(rows[i]):
                flags[k] = OVER_SUBTITLE
            continue
        if below.label not in _OVER_STACK and not over_bold:
            continue
        unpunctuated_only = below.label == classify.BYLINE or over_bold
        top = None
        for j in range(k, max(-1, k - HEAD_OVER_START_MAX), -1):
            text = rows[run[j]].text
            if ends_paragraph(text) or has_inner_sentence_end(text):
                break
            if unpunctuated_only and (_CLAUSE_MARKS.intersection(text) or rules.bracket_depth_change(text) < 0):
                # Commas, or a bracket closed that the line did not open
                # ("……（新" / "华社发）"): the end of the text above.
                break
            flags[j] = below.label
            top = j
        if top is not None and not unpunctuated_only:
            for j in _lines_opening_marks(rows, run, top, k):
                flags[j] = below.label
    return flags


# Lines above the cap a headline may reach up to open the marks it closes.
HEAD_OPENING_MAX = 2


def _lines_opening_marks(rows: list[Row], run: list[int], top: int, bottom: int) -> list[int]:
    """The lines above ``top`` that open the title marks or brackets the
    lines ``top``..``bottom`` close ("《江州老城保护工作三十" / "……老手艺》" / "出版"): a
    headline does not begin inside its own marks.  Empty when the marks
    balance or no such line is near."""
    depth = sum(_marks_opened(rows[run[j]].text) for j in range(top, bottom + 1))
    lines: list[int] = []
    j = top - 1
    while depth < 0 and j >= 0 and len(lines) < HEAD_OPENING_MAX:
        text = rows[run[j]].text
        if ends_paragraph(text) or has_inner_sentence_end(text):
            return []
        depth += _marks_opened(text)
        lines.append(j)
        j -= 1
    return lines if depth >= 0 else []


def _marks_opened(text: str) -> int:
    """Opening minus closing title marks and brackets on a line."""
    return sum(text.count(c) for c in "《（(") - sum(text.count(c) for c in "》）)")


# Ems by which the lines of one text set to a wider measure may differ.
WIDE_MEASURE_SLACK = 1.5


def lines_of_wide_text(rows: list[Row], run: list[int]) -> list[bool]:
    """For each row of ``run``: it is a line of a text set wider than the
    column (a caption across a picture, a lead across columns), though it
    has no mark of its own ("……《老街的早晨》《老城的").  Consecutive lines
    wider than the column and of about one width are such a text when one
    of them opens with a dateline.  (A deck of sentences set wide under a
    title, full stops and all, is a subtitle; it opens with no dateline.
    The text's short last line is read as usual.)

    >>> rows = [Row(text=t, lines=[k], width=w, measure=10.0) for k, (t, w) in enumerate(
    ...     [("江州讯 《江州老街》一书出版。全书收录了", 20.0), ("《老街的早晨》《老城的记忆》《老手艺》", 20.0), ("等二十篇文章。", 7.0)])]
    >>> rows[0].label = classify.DATELINE
    >>> lines_of_wide_text(rows, [0, 1, 2])
    [True, True, False]
    """
    flags = [False] * len(run)
    k = 0
    while k < len(run):
        first = rows[run[k]]
        if first.width <= first.measure + WIDER_THAN_COLUMN:
            k += 1
            continue
        end = k + 1
        while end < len(run):
            row = rows[run[end]]
            if abs(row.width - first.width) > WIDE_MEASURE_SLACK or row.width <= row.measure + WIDER_THAN_COLUMN:
                break
            end += 1
        group = [rows[i] for i in run[k:end]]
        if end - k >= 2 and any(r.label == classify.DATELINE for r in group):
            for m in range(k, end):
                flags[m] = True
        k = end
    return flags


def is_set_off_subtitle(row: Row) -> bool:
    """A dash-led line set wider than the column (or bold) that ends no
    sentence: a subtitle ("——记……"), hung right under its title.  Running
    text never opens a line with a dash, and no paragraph's line is wider
    than its column.

    >>> is_set_off_subtitle(Row(text="——记江州老城的守护人", lines=[0], width=11.0, measure=8.0))
    True
    """
    text = row.text.strip()
    return (
        bool(rules.SUBTITLE_START.match(text))
        and (row.bold or row.width > row.measure + WIDER_THAN_COLUMN)
        and not ends_sentence(text)
        and not has_inner_sentence_end(text)
    )


def is_title_over_subtitle(row: Row) -> bool:
    """A line right over a set-off subtitle that can be its title: it ends
    no sentence, has no clause marks, closes no bracket it did not open
    (the end of a note: "……（新" / "华社发）"), and does not fill the
    column exactly as the text lines around it do (a column line of text
    that an extractor printed there, broken off) unless the extractor set
    it apart with a blank line (a text box of its own: the title's)."""
    text = row.text.strip()
    return not (
        ends_paragraph(text)
        or has_inner_sentence_end(text)
        or _CLAUSE_MARKS.intersection(text)
        or rules.bracket_depth_change(text) < 0
        or (abs(row.width - row.measure) <= TOL and not row.blank_before)
    )


# lines_over_start's flag for the line over a subtitle, and what it adds to
# that line's headline score: more than a text broken off at the foot of a
# column costs as a headline (a title is printed right over its subtitle).
OVER_SUBTITLE = "subtitle"
B_OVER_SUBTITLE = 6.0


_CLAUSE_MARKS = frozenset("，、；：,;")
_BREAK_MARKS = frozenset("，；：,;")


# No headline is this short: such a line under a full headline line is its
# wrapped end ("……举行的迎春" / "晚会", "……强" / "调").
WRAP_TAIL_MAX = 2
# Ems past the column measure that no line of running text reaches.
WIDER_THAN_COLUMN = 2.0
# Lines a headline closed by a column tag may wrap over.
TAG_HEAD_MAX = 4
B_TAGGED_HEAD = 4.0


def lines_closed_by_tag(rows: list[Row], run: list[int]) -> list[bool]:
    """For each row of ``run``: it belongs to a headline that a column tag
    closes, printed where text stops (the run ends, or a dateline,
    continuation marker or line set wider than the column follows) or
    over the indented first line of its text.
    Extractors that lose bold print a headline after its body and may wrap
    its tag apart from it ("一堂……历史教" / "课（江州论坛·……" / "故事）", or
    "……的新路" / "（江声）"); the lines since the last sentence end then
    read together "……（tag）", and running text does not stop on a bracket
    that way.

    >>> rows = [Row(text=t, lines=[k]) for k, t in enumerate(["老街食堂开张了。", "办好家门口的", "食堂（民生观察）"])]
    >>> lines_closed_by_tag(rows, [0, 1, 2])
    [False, True, True]
    """
    flags = [False] * len(run)
    n_rows = len(rows)
    for k in range(len(run)):
        i = run[k]
        if k < len(run) - 1 and not (i + 1 < n_rows and (_starts_anew(rows[i + 1]) or _opens_paragraph(rows, i + 1))):
            continue
        if not rows[i].text.rstrip().endswith(("）", ")")):
            continue
        texts: list[str] = []
        top = None
        for j in range(k, max(-1, k - TAG_HEAD_MAX), -1):
            text = rows[run[j]].text.strip()
            if ends_sentence(text) or has_inner_sentence_end(text) or (j < k and ends_paragraph(text)):
                break
            if top is not None and (
                _BREAK_MARKS.intersection(text) or text.endswith(("）", ")")) or rows[run[j]].bold != rows[run[top]].bold
            ):
                # Above the tagged line, a line with commas, one closing a
                # bracket or one of another weight is text broken off.
                break
            texts.insert(0, text)
            if top is not None or _ends_on_tag("".join(texts)):
                top = j
        if top is not None:
            for m in range(top, k + 1):
                flags[m] = True
    return flags


# Lines a title under its kicker may wrap over.
TITLE_UNDER_KICKER_MAX = 3
B_UNDER_KICKER = 3.0


def lines_under_kicker(rows: list[Row], run: list[int]) -> list[bool]:
    """For each row of ``run``: it is the title under a kicker.  A line set
    wider than the column (or bold) that ends like a kicker ("……时强调",
    "……——", wrapped or not) is followed by its title; the unpunctuated
    lines under it, down to the first one shorter than the column, are
    that title, whatever their width.

    >>> rows = [Row(text=t, lines=[k], width=w, measure=12.0) for k, (t, w) in enumerate(
    ...     [("市长在全市老城改造工作会议上强调", 16.0), ("把老城保护好建设好", 9.0), ("江州讯 会议今天召开。", 10.0)])]
    >>> lines_under_kicker(rows, [0, 1, 2])
    [False, True, False]
    """
    flags = [False] * len(run)
    for k in range(1, len(run)):
        above = rows[run[k - 1]]
        text = above.text.strip()
        wide = above.bold or above.width > above.measure + WIDER_THAN_COLUMN
        if len(text) <= WRAP_TAIL_MAX and k >= 2:
            # The kicker's last word wrapped onto a line of its own.
            above = rows[run[k - 2]]
            text = above.text.strip() + text
            wide = above.bold or above.width > above.measure + WIDER_THAN_COLUMN
        if not (wide and rules.KICKER_END.search(text)):
            continue
        for j in range(k, min(len(run), k + TITLE_UNDER_KICKER_MAX)):
            row = rows[run[j]]
            if _CLAUSE_MARKS.intersection(row.text) or not _FULL_STOPS.isdisjoint(row.text):
                break
            flags[j] = True
            if row.width < row.measure - TOL:
                break
    return flags


def sets_off_headline(row: Row, nxt: Row) -> bool:
    """``nxt`` is a headline line set apart from ``row``: wider than the
    column, or bold under a plain line.  Every line of a headline is set
    to its measure and in its weight, so ``row`` is no line of that
    headline."""
    return nxt.width >= nxt.measure + WIDER_THAN_COLUMN or (nxt.bold and not row.bold)


def rows_inside_sentences(rows: list[Row], run: list[int], tol: float) -> list[int]:
    """Rows of ``run`` printed inside a sentence: the full line before stops
    mid-sentence and runs on into the full line after, while the row itself
    reads on with neither, is no line of the column's measure, has no clause
    marks and ends no sentence.  The text running across it is evidence
    enough: a word or a number broken over the two lines ("……还不清" /
    "楚。……"), or the row's headline form (two phrases set apart by a
    space, a quotation set whole, a column tag).  A sentence never runs on over a headline, so
    such a row is a headline that the extractor printed where its box fell
    among a column's lines (poppler sorts a block's lines by height).  A
    headline of several lines printed so: :func:`headlines_inside_sentences`.

    >>> texts = ["江州大桥昨天正式通车。大桥", "全长三公里，两岸居民往来更", "稻花飘香 江村丰收", "加方便，江州发展也更快了。"]
    >>> rows = [Row(text=t, lines=[k], width=float(len(t)), measure=13.0) for k, t in enumerate(texts)]
    >>> rows_inside_sentences(rows, [0, 1, 2, 3], TOL)
    [2]
    """
    found = []
    for k in range(1, len(run) - 1):
        before, row, after = rows[run[k - 1]], rows[run[k]], rows[run[k + 1]]
        text = row.text.strip()
        if row.label in _OPENERS or row.bold or not text or is_column_line(row, tol):
            continue
        if not (is_column_line(before, tol) and is_column_line(after, tol)) or after.indent or ends_paragraph(before.text):
            continue
        if _runs_as_text(text):
            continue
        if reads_across(before.text, text) or reads_across(text, after.text):
            continue
        if reads_across(before.text, after.text) or has_headline_form(text):
            found.append(run[k])
    return found + headlines_inside_sentences(rows, run, tol, set(found))


# Lines a headline printed inside a sentence may take (a title wrapped
# over lines with its column tag).
INSIDE_HEAD_MAX_LINES = 4


def headlines_inside_sentences(rows: list[Row], run: list[int], tol: float, taken: set[int]) -> list[int]:
    """Rows of ``run`` making a headline of two lines or more printed inside
    a sentence: as :func:`rows_inside_sentences`, the full line before runs
    on into the full line after across a word or a number, while the lines
    between read on with neither, hold no clause mark and end no sentence,
    and together have a headline's form (:func:`has_headline_form`) or do
    not all fill the column.

    >>> texts = ["江州大桥昨天正式通车。大桥全长三公", "一座大桥连起两岸的新生活", "（江州观察）", "里，两岸居民往来更加方便也快捷了。"]
    >>> rows = [Row(text=t, lines=[k], width=float(len(t)), measure=17.0) for k, t in enumerate(texts)]
    >>> headlines_inside_sentences(rows, [0, 1, 2, 3], TOL, set())
    [1, 2]
    """
    found: list[int] = []
    k = 1
    while k < len(run) - 2:
        span = _headline_span_at(rows, run, k, tol, taken)
        if span:
            found.extend(run[k : k + span])
            k += span
        else:
            k += 1
    return found


def _headline_span_at(rows: list[Row], run: list[int], k: int, tol: float, taken: set[int]) -> int:
    """How many rows from ``run[k]`` make a headline printed inside a
    sentence (see :func:`headlines_inside_sentences`), 0 if none do."""
    before = rows[run[k - 1]]
    # A line stopping on a function word or a clause mark runs on into
    # whatever follows: only a word or a number broken across tells.
    if not is_column_line(before, tol) or ends_paragraph(before.text) or _breaks_off(before.text):
        return 0
    for span in range(2, INSIDE_HEAD_MAX_LINES + 1):
        if k + span >= len(run):
            return 0
        inner = [rows[i] for i in run[k : k + span]]
        after = rows[run[k + span]]
        if any(i in taken for i in run[k : k + span]) or any(r.label in _OPENERS or not r.text.strip() for r in inner):
            return 0
        texts = [r.text.strip() for r in inner]
        if any(_runs_as_text(t) for t in texts):
            return 0
        if not is_column_line(after, tol) or after.indent or reads_across(before.text, texts[0]) or reads_across(texts[-1], after.text):
            continue
        if not reads_across(before.text, after.text):
            continue
        if has_headline_form("".join(texts)) or not all(is_column_line(r, tol) for r in inner):
            return span
    return 0


def _runs_as_text(text: str) -> bool:
    """A line that ends a sentence, holds one's end, breaks off on a word or
    mark that runs on, or parts clauses: running text, no headline line."""
    return ends_sentence(text) or has_inner_sentence_end(text) or _breaks_off(text) or bool(_BREAK_MARKS.intersection(text))


def is_column_line(row: Row, tol: float) -> bool:
    """A full line of its column's measure."""
    return abs(row.width - row.measure) <= tol


def has_headline_form(text: str) -> bool:
    """Two phrases set apart by a space, parallel words set apart by dots,
    a quotation set whole ("“……”"), or a closing column tag in characters
    ("……（民生观察）", not a gloss such as "（ADB）"); a dateline or byline
    set apart by spaces is none."""
    if rules.DATELINE.match(text) or rules.BYLINE.match(text):
        return False
    tag = rules.COLUMN_TAG.search(text)
    # The match opens on the character before the bracket.
    named = bool(tag) and any(is_han(ch) for ch in tag.group()[2:])
    return bool(rules.PARALLEL_HALVES.match(text) or rules.PARALLEL_SERIES.match(text) or rules.QUOTED_LINE.match(text)) or named


def reads_across(prev: str, nxt: str) -> bool:
    """A sentence evidently runs on from ``prev`` into ``nxt``: ``prev``
    stops on a mark or word that runs on, or a number or a likely word runs
    across the break."""
    a, b = prev.rstrip(), nxt.lstrip()
    if not a or not b or ends_paragraph(a):
        return False
    if _breaks_off(a) or rules.number_runs_across(a, b):
        return True
    return word_runs_across(a, b)


def _ends_on_tag(text: str) -> bool:
    """The text closes on a column tag, not on a bracketed source or a
    credit ("（本报记者 王芳）", "制图：王芳（新华社发）")."""
    tag = rules.COLUMN_TAG.search(text)
    return bool(tag) and not rules.is_source_note(text[tag.start() + 1 :]) and not rules.CLOSING_CREDIT.match(text)


def _opens_paragraph(rows: list[Row], i: int) -> bool:
    """Row ``i`` is as wide as an indented opening line of its column and
    a full line follows it: after a headline closed by its column tag
    printed over its text, the text's first paragraph begins (no paragraph
    ends on a bracketed tag).  A headline line as short as an indented one
    has no full line of text under it."""
    row = rows[i]
    if i + 1 >= len(rows) or abs(row.width - (row.measure - INDENT)) > TOL:
        return False
    return rows[i + 1].width >= rows[i + 1].measure - TOL


def _starts_anew(row: Row) -> bool:
    """Text does not run on into ``row``: it opens with a dateline or
    continuation marker, or is set wider than the column (a headline)."""
    return row.label in _STARTS or row.width > row.measure + WIDER_THAN_COLUMN


SIGNATURE_LINE, SIGNATURE_END = 1, 2


def signature_lines(texts: list[str]) -> list[int]:
    """The signature over the date that closes a letter or decree
    ("江州市市长 王小川" / "2024年3月5日"), possibly wrapped over two lines:
    :data:`SIGNATURE_END` on its last line, :data:`SIGNATURE_LINE` on the
    one before; 0 elsewhere.  A signature ends a paragraph and heads
    nothing."""
    marks = [0] * len(texts)
    for k, text in enumerate(texts):
        if k == 0 or not rules.CLOSING_DATE.match(text):
            continue
        for j, mark in ((k - 1, SIGNATURE_END), (k - 2, SIGNATURE_LINE)):
            line = texts[j] if j >= 0 else ""
            if not line.strip() or _CLAUSE_MARKS.intersection(line) or ends_paragraph(line):
                break
            marks[j] = mark
    return marks


OPENS_CREDIT, CARRIES_CREDIT = 1, 2


def quotation_pairs(texts: list[str]) -> list[bool]:
    """The lines of a quotation set whole over two lines, opening the first
    and closing the second ("“江州正从老工业城市" / "走向创新之城”"), with
    no other quote and no sentence end: a quoted headline wrapped, as
    :data:`rules.QUOTED_LINE` is one on a line of its own."""
    marks = [False] * len(texts)
    for k in range(len(texts) - 1):
        first, second = texts[k].strip(), texts[k + 1].strip()
        if first.startswith("“") and second.endswith("”") and rules.QUOTED_LINE.match(first + second):
            if not (ends_sentence(first) or ends_sentence(second) or has_inner_sentence_end(first + second)):
                marks[k] = marks[k + 1] = True
    return marks


def key_point_lines(rows: list[Row], run: list[int]) -> list[bool]:
    """Lines of a bullet list of key points printed between a report's
    byline and its dateline ("本报记者 王芳" / "■ ……" / "■ ……" / "本报讯
    ……"): each line opening with a bullet, in a list that follows a byline
    or of two lines or more that runs into a dateline."""
    marks = [False] * len(run)
    k = 0
    while k < len(run):
        if not rules.BULLET_POINT.match(rows[run[k]].text):
            k += 1
            continue
        end = k
        while end < len(run) and run[end] == run[k] + (end - k) and rules.BULLET_POINT.match(rows[run[end]].text):
            end += 1
        first, last = run[k], run[end - 1]
        under_byline = first > 0 and rows[first - 1].label == classify.BYLINE
        # One bulleted line right over a dateline is a brief's headline
        # ("■市图书馆周末延时开放" / "本报讯……"); key points come in a list.
        over_dateline = last + 1 < len(rows) and rows[last + 1].label == classify.DATELINE and end - k >= 2
        if under_byline or over_dateline:
            marks[k:end] = [True] * (end - k)
        k = end
    return marks


def is_closing_credit(text: str) -> bool:
    """Who edited or laid out the page, where its pictures come from
    ("本版统筹：……", "本版图片除署名外……"): printed after the last text,
    it closes that text and begins none."""
    return bool(rules.CLOSING_CREDIT.match(text) or rules.PICTURE_SOURCE.match(text))


def closing_credit_lines(texts: list[str]) -> list[int]:
    """Closing credits after the last text ("本版统筹：林 风" / "许小薇
    马大春" / "本版图片除署名外" / "均为资料照片"): :data:`OPENS_CREDIT` on
    a line that opens one, :data:`CARRIES_CREDIT` on the short unpunctuated
    lines right after it that carry it on; 0 elsewhere."""
    marks = [0] * len(texts)
    for k, text in enumerate(texts):
        if text.lstrip()[:1] in _CREDIT_STARTS and is_closing_credit(text):
            marks[k] = OPENS_CREDIT
        elif k and marks[k - 1] and (_NAMES_LINE.match(text) or rules.PICTURE_SOURCE.search(text)):
            marks[k] = CARRIES_CREDIT
    return marks


# The characters a closing credit opens with ("本版……", "统筹：", "资料来源："),
# in either script: other lines are passed over at a glance.
_CREDIT_STARTS = first_characters(["本版", "统筹", "策划", "责任编辑", "版式", "美术", "制图", "图片", "数据", "资料", "照片"])


# More names of a credit: Han names of one to three characters (a name of
# two printed apart, "林 风") set apart by spaces.  A headline printed after
# the credits has longer words.
_NAMES_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{1,3}(?:\s+[\u4e00-\u9fff]{1,3})*\s*$")


def _viterbi(
    rows: list[Row],
    run: list[int],
    measures: list[float],
    tol: float,
    start: dict[str, float],
    open_end: bool = False,
) -> None:
    if not run:
        return
    texts = [rows[i].text for i in run]
    opens = [leaves_open(t) for t in texts]
    # What breaking the text after each line costs, computed once per pair.
    # A bold line does not run on into a plain one, whatever their words:
    # there a headline ends and text begins.
    bold = [rows[i].bold for i in run]
    # Where the measure changes (a line set wider than the column over a
    # column line), a word that merely happens to form across the break is
    # no sign that the text runs on: it must read better joined than apart.
    wide = [rows[i].width > measures[i] + WIDER_THAN_COLUMN for i in run]
    weighed = weighed_words_across(texts, [wide[k] and not wide[k + 1] for k in range(len(run) - 1)] + [False])
    on = [
        0.0 if bold[k] and not bold[k + 1] else break_cost(texts[k], texts[k + 1], opens[k], weighed.get(k))
        for k in range(len(run) - 1)
    ] + [0.0]
    n_rows = len(rows)
    over_start = lines_over_start(rows, run)
    wide = lines_of_wide_text(rows, run)
    tagged = lines_closed_by_tag(rows, run)
    titled = lines_under_kicker(rows, run)
    signed = signature_lines(texts)
    credits = closing_credit_lines(texts)
    points = key_point_lines(rows, run)
    quoted = quotation_pairs(texts)

    def emit(k: int) -> tuple[float, float, float, float, float]:
        i = run[k]
        nxt = rows[i + 1].label if i + 1 < n_rows else None
        text = texts[k]
        # A source note may break over two lines: "（新华社江州3" / "月5日电）".
        note = k + 1 < len(run) and opens[k] and rules.is_source_note(open_tail(text) + texts[k + 1])
        if k > 0 and not note and opens[k - 1]:
            note = rules.is_source_note(open_tail(texts[k - 1]) + text)
        closes = closes_note(texts, k) or signed[k] == SIGNATURE_END
        scores = emission(
            rows[i],
            measures[i],
            tol,
            on[k] > 0,
            before_byline=nxt == classify.BYLINE,
            before_start=over_start[k] is not None,
            before_continuation=k == len(run) - 1 and over_start[k] == classify.JUMP_FROM,
            over_subtitle=over_start[k] == OVER_SUBTITLE,
            wide_text=wide[k],
            tagged_head=tagged[k],
            under_kicker=titled[k],
            note=note or closes,
            closes_note=closes,
            over_set_off_head=i + 1 < n_rows and sets_off_headline(rows[i], rows[i + 1]),
            after_unmarked=k > 0 and _MARKS.isdisjoint(texts[k - 1]),
            attributes_quote=k > 0 and attributes_quote(texts[k - 1], text),
            finishes_dateline=k > 0 and finishes_dateline(rows[run[k - 1]]),
            credit_line=credits[k],
            key_point=points[k],
            quoted_pair=quoted[k],
            cut_by_jump=open_end and k == len(run) - 1,
            bracket_pushed=k + 1 < len(run) and pushes_bracket(rows[run[k + 1]], measures[run[k + 1]], tol),
            runs_on_from_above=k > 0 and on[k - 1] > 0 and texts[k - 1].rstrip()[-1:] not in _MARKS,
        )
        if signed[k]:
            return (*scores[:_HEAD_AT], NEG, *scores[_HEAD_AT + 1 :])
        return scores

    # A paragraph closes on a mark: a line stopping on a letter runs on into
    # a line short of the column by less than a whole indent, as one stopping
    # on a comma does.  Papers that justify by letter-spacing fit more or
    # fewer characters on a full line, so such a line may be full; one short
    # by a whole indent, or printed with its indent, still opens a paragraph
    # (a column's foot, cut off, may be followed by another text's opening).
    half_indent_after_letter = [False] + [
        is_han(texts[k - 1].rstrip()[-1:] or "a")
        and not texts[k][:1].isspace()
        and -INDENT < rows[run[k]].width - measures[run[k]]
        for k in range(1, len(run))
    ]
    first = emit(0)
    prev = [start.get(s, NEG) + first[k] for k, s in enumerate(STATES)]
    back: list[list[int]] = [[]]
    for k in range(1, len(run)):
        em = emit(k)
        cont = on[k - 1]
        half_open = half_indent_after_letter[k]
        cur = [0.0] * _N
        ptr = [_HEAD_AT] * _N
        for s, sources in enumerate(_INTO_AT):
            best_prev, best = _HEAD_AT, NEG
            for p, t, running in sources:
                v = prev[p] + t
                if not running:
                    v -= cont
                    if half_open and p == _MID_AT and s in _OPENING_AT:
                        v -= C_BROKEN_RUN
                if v > best:
                    best, best_prev = v, p
            cur[s] = best + em[s]
            ptr[s] = best_prev
        prev = cur
        back.append(ptr)
    # Only a run cut by a jump marker may stop mid-paragraph.
    ends = [0.0] * _N if open_end else [_CLOSED_END[s] for s in STATES]
    state = max(range(_N), key=lambda s: prev[s] + ends[s])
    for k in range(len(run) - 1, -1, -1):
        rows[run[k]].part = STATES[state]
        if k:
            state = back[k][state]


_N = len(STATES)
_HEAD_AT = STATES.index(HEAD)
_MID_AT = STATES.index(MID)
_OPENING_AT = (STATES.index(FIRST), STATES.index(SINGLE))
# _INTO by state position: for each state, (position of the state before, cost, running).
_INTO_AT = [[(STATES.index(p), t, running) for p, t, running in _INTO[s]] for s in STATES]
_STARTS = frozenset((classify.DATELINE, classify.JUMP_FROM))
# What a headline is printed over: a dateline, a continuation marker, a byline.
_OVER_STACK = _STARTS | {classify.BYLINE}
