"""Normalising printed lines: faux-bold doubling, spacing, widths, joining.

Everything here is a pure function of text, so the same rules serve text,
PDF and OCR modes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from jianbao import rules
from jianbao.model import Line
from jianbao.rules import undouble_glyphs, undouble_token
from jianbao.rules.script import compile_rule

_CJK_RANGES = (
    (0x3000, 0x303F),  # CJK punctuation
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),  # full-width forms
    (0x2E80, 0x2FDF),
)

# Quotation marks print proportionally in most CJK e-paper fonts, about half
# an em; dashes and ellipses print full width.
HALF_WIDTH_QUOTES = "“”‘’"
_HALF_WIDTH_AMBIGUOUS = set(HALF_WIDTH_QUOTES + "·")


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


@lru_cache(maxsize=4096)
def char_width(ch: str, punct: float = 1.0) -> float:
    """Printed width of a character in ems: Han 1, Latin letters, digits and
    curly quotes ½, other CJK punctuation ``punct`` (1 where the paper sets
    it full width, ½ where it squeezes it)."""
    if ch in _HALF_WIDTH_AMBIGUOUS:
        return 0.5
    if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
        return 1.0
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F", "A"):
        return punct
    return 0.5


FULL_PUNCT = "full"  # full-width punctuation; a mark at the line end hangs
SQUEEZED_PUNCT = "squeezed"  # punctuation squeezed to half width


class _WidthTable(dict):
    """Widths of characters under one punctuation setting, filled as
    characters are met (a page uses a few thousand distinct ones)."""

    def __init__(self, punct: float) -> None:
        super().__init__()
        self.punct = punct

    def __missing__(self, ch: str) -> float:
        # Spaces are extraction artefacts: they print no width.
        w = self[ch] = 0.0 if ch.isspace() else char_width(ch, self.punct)
        return w


_WIDTH_TABLES = {1.0: _WidthTable(1.0), 0.5: _WidthTable(0.5)}


def width(text: str, model: str = FULL_PUNCT) -> float:
    """Printed width of a line in ems, spaces ignored (extraction artefacts).

    Papers set CJK punctuation either full width, with a mark at the end of
    a line hanging into the margin (so it counts half), or squeezed to half
    width everywhere; :func:`punctuation_model` tells which from the page.
    """
    punct = 1.0 if model == FULL_PUNCT else 0.5
    # Widths are whole and half ems, so the sum is exact in any order.
    total = sum(map(_WIDTH_TABLES[punct].__getitem__, text), 0.0)
    last = text.rstrip()[-1:]
    if last and model == FULL_PUNCT and not is_han(last) and char_width(last, 1.0) == 1.0:
        total -= 0.5
    return total


def is_han(ch: str) -> bool:
    """A Han character (the unified ideographs, extension A and the
    compatibility block)."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def punctuation_model(texts: list[str]) -> str:
    """The punctuation setting that makes consecutive full lines most alike
    in width: justified body lines all fill the same measure."""
    return widths_under_model(texts)[0]


def widths_under_model(texts: list[str]) -> tuple[str, list[float]]:
    """The page's punctuation model (:func:`punctuation_model`) and every
    line's width under it, each width computed once."""
    best, best_share = FULL_PUNCT, -1.0
    best_widths: list[float] = []
    sample = texts[:300]  # consecutive lines: the test compares neighbours
    for model in (FULL_PUNCT, SQUEEZED_PUNCT):
        widths = [width(t, model) for t in sample]
        pairs = [(a, b) for a, b in zip(widths, widths[1:]) if a >= 6 and b >= 6]
        share = sum(abs(a - b) <= 0.5 for a, b in pairs) / max(1, len(pairs))
        if share > best_share + 1e-9:
            best, best_share, best_widths = model, share, widths
    return best, best_widths + [width(t, best) for t in texts[len(sample) :]]


def visible_len(text: str) -> int:
    return len("".join(text.split()))


# --- faux bold ------------------------------------------------------------------


# A token printed twice among plain ones is faux bold when each copy has at
# least this many characters: text repeats a short word ("研究研究"), never
# a phrase ("江州大桥今日通车江州大桥今日通车").
MIN_COPY_AMONG_PLAIN = 4


def undouble_line(text: str) -> tuple[str, str] | None:
    """(kept, removed) when every token of a line is faux-bold doubled.

    Only whole lines are undoubled: one doubled token among plain ones is
    text ("一件件产品"), not typography.  The exceptions are a token doubled
    glyph by glyph (:func:`undouble_glyphs`), which text never is, and a
    phrase printed twice (:data:`MIN_COPY_AMONG_PLAIN`): an extractor that
    drops the copy of one run where it lands exactly on the original keeps
    the plain run next to it ("本报记者 王王小小明明"), and one that reads a
    row across the page prints a bold headline twice beside the text on
    its baseline ("江州大桥通车江州大桥通车 本报讯 今天").

    >>> undouble_line("本报记者本报记者 冯静宁冯静宁")
    ('本报记者 冯静宁', '本报记者冯静宁')
    >>> undouble_line("本报记者 王王小小明明")
    ('本报记者 王小明', '王小明')
    >>> undouble_line("本报记者 王小明本报记者 王小明")
    ('本报记者 王小明', '本报记者王小明')
    >>> undouble_line("江州大桥通车江州大桥通车 本报讯 今天")
    ('江州大桥通车 本报讯 今天', '江州大桥通车')
    >>> undouble_line("大家要研究研究 这件事") is None
    True
    """
    tokens = text.split()
    if not tokens:
        return None
    singles = [undouble_token(t) for t in tokens]
    if any(s is None for s in singles):
        if (whole := undouble_run_on(" ".join(tokens))) is not None:
            return whole, whole.replace(" ", "")
        if (runs := bold_runs(text)) is not None:
            return " ".join(run for run, _bold in runs[0]), runs[1]
        picks = [undouble_glyphs(t) for t in tokens]
        if all(g is None for g in picks):
            return None
        kept = " ".join(g if g is not None else t for t, g in zip(tokens, picks))
        return kept, "".join(g for g in picks if g is not None)
    kept = " ".join(s for s in singles if s is not None)
    removed = "".join(s for s in singles if s is not None)
    return kept, removed


def undouble_run_on(text: str) -> str | None:
    """The line of several words that ``text`` prints twice, the copy run on
    to the original ("本报记者 王小明本报记者 王小明"), or None.  A faux-bold
    copy lands on the original's baseline, so an extractor that reads a row
    left to right may print it right after the original.  A single word
    said twice ("谢谢谢谢") is text, not typography."""
    for sep in ("", " "):
        cut = (len(text) - len(sep)) // 2
        first = text[:cut]
        if " " in first and text == first + sep + first:
            return first
    return None


def _phrase_copy(token: str) -> str | None:
    """The phrase a token prints twice over, at least
    :data:`MIN_COPY_AMONG_PLAIN` characters long ("江州大桥通车江州大桥通车")."""
    half = len(token) // 2
    if half >= MIN_COPY_AMONG_PLAIN and token[:half] == token[half:] and len(set(token[:half])) >= 2:
        return token[:half]
    return None


_ROLE_TOKEN = compile_rule(rules.ROLE + r"$")


def _doubled_phrase(token: str) -> str | None:
    """The phrase a token prints twice, as a whole (:func:`_phrase_copy`) or
    glyph by glyph ("江江州州大大桥桥", :func:`undouble_glyphs`), at least
    :data:`MIN_COPY_AMONG_PLAIN` characters long."""
    copy = _phrase_copy(token)
    if copy is None and token[:1] == token[1:2] and (glyphs := undouble_glyphs(token)) is not None and len(glyphs) >= MIN_COPY_AMONG_PLAIN:
        return glyphs
    return copy


def bold_runs(text: str) -> tuple[list[tuple[str, bool]], str] | None:
    """([(run, bold), …], removed) when a line holds a bold headline
    printed twice beside plain text on its baseline, or None.

    The headline is a phrase printed twice as one token, whole or glyph by
    glyph (:func:`_doubled_phrase`), or several words with the copy run on
    to them at the line's start ("江州 大桥通车江州 大桥通车 本报讯").  Next to
    such a phrase, shorter doubled words are bold too, and a doubled single
    character is the wrapped end of the bold line before it ("信信
    江州大桥江州大桥").  Runs alternate between the undoubled bold words and
    the plain ones, which are boxes of their own: a headline and the text,
    or the next headline, beside it.

    >>> bold_runs("江州 大桥通车江州 大桥通车 本报讯 今天")
    ([('江州 大桥通车', True), ('本报讯 今天', False)], '江州大桥通车')
    >>> bold_runs("老城新貌 江州大桥通车江州大桥通车")
    ([('老城新貌', False), ('江州大桥通车', True)], '江州大桥通车')
    >>> bold_runs("江江州州大大桥桥通通车车 稻花飘香 江村丰收")
    ([('江州大桥通车', True), ('稻花飘香 江村丰收', False)], '江州大桥通车')
    """
    tokens = text.split()
    twice = 2 * MIN_COPY_AMONG_PLAIN
    if not any(len(t) >= twice and _doubled_phrase(t) for t in tokens) and not (len(tokens) > 2 and tokens[0] in text[len(tokens[0]) :]):
        return None  # at a glance: no phrase printed twice, no opening word repeated
    for end in range(len(tokens) - 1, 1, -1):
        head = undouble_run_on(" ".join(tokens[:end]))
        if head is not None and visible_len(head) >= MIN_COPY_AMONG_PLAIN:
            return [(head, True), (" ".join(tokens[end:]), False)], head.replace(" ", "")
    if all(undouble_token(t) is not None for t in tokens) or undouble_run_on(" ".join(tokens)) is not None:
        return None  # the whole line is printed twice: one box
    # Names doubled glyph by glyph after a plain role word are one credit
    # ("本报记者 周周海海"), not a bold box beside plain text.
    credit = any(_ROLE_TOKEN.search(t) for t in tokens)
    picks = [_phrase_copy(t) if credit else _doubled_phrase(t) for t in tokens]
    if all(g is None for g in picks):
        return None
    # Once a phrase shows the line's bold printed twice, shorter doubled
    # words beside it are bold too ("梁生仁梁生仁"), and so is a doubled
    # single character (the wrapped end of the bold line before).
    picks = [g or undouble_token(t) or (t[0] if _doubled_wrap(t) else None) for t, g in zip(tokens, picks)]
    runs: list[tuple[list[str], bool]] = []
    for token, pick in zip(tokens, picks):
        bold = pick is not None
        if runs and runs[-1][1] == bold:
            runs[-1][0].append(pick or token)
        else:
            runs.append(([pick or token], bold))
    return [(" ".join(words), bold) for words, bold in runs], "".join(g for g in picks if g is not None)


# An offset copy shares at least this many characters with the text it
# repeats, and at least half of the shorter of the two pieces.
MIN_OFFSET_OVERLAP = 4


def _offset_overlap(left: str, right: str) -> int:
    """How many characters at the end of ``left`` the start of ``right``
    repeats (0 when too few to be a faux-bold copy)."""
    shorter = min(len(left), len(right))
    for n in range(shorter, MIN_OFFSET_OVERLAP - 1, -1):
        if 2 * n < shorter:
            break
        if left[-n:] == right[:n] and len(set(right[:n])) >= 2:
            return n
    return 0


def merge_offset_copies(text: str) -> tuple[str, str] | None:
    """(kept, removed) when a faux-bold line was printed with its copy
    partly merged into it, or None.

    Some extractors drop the second copy of a faux-bold glyph only where it
    lands exactly on the first; where the copy drifts, a stretch of it is
    printed again after a space, overlapping the text it repeats: the copy
    may restart the line ("江州大桥 江州大桥今日通车"), catch up with its
    end ("江州大桥今日通车 今日通车") or pick up a few characters in
    ("江州大桥今日 州大桥今日通车").  Two pieces next to each other overlap
    when the end of the first is the start of the second, by at least
    four characters and half of the shorter piece; genuine text does not
    repeat itself across a gap like that.

    >>> merge_offset_copies("江州大桥今日 州大桥今日通车")
    ('江州大桥今日通车', '州大桥今日')
    >>> merge_offset_copies("我为家乡自豪 我为家乡祝福") is None
    True
    """
    tokens = text.split()
    if len(tokens) < 2:
        return None
    kept = [tokens[0]]
    removed: list[str] = []
    for token in tokens[1:]:
        n = _offset_overlap(kept[-1], token)
        if n:
            kept[-1] += token[n:]
            removed.append(token[:n])
        else:
            kept.append(token)
    if not removed:
        return None
    return " ".join(kept), "".join(removed)


def undouble_with_copy_above(above: str, text: str) -> tuple[str, str] | None:
    """(kept, removed) when a faux-bold line was printed with part of its
    copy on the line above, or None.

    An extractor that groups glyphs into boxes may put the copy of one word
    of a faux-bold line on a line of its own, just above the line, and
    print the rest doubled: "王小明、李明" then "本报记者本报记者 王小明、李明".
    Every token of the line is then either doubled or part of what the
    line above repeats, and the line above is nothing else.

    >>> undouble_with_copy_above("王小明、李明", "本报记者本报记者 王小明、李明")
    ('本报记者 王小明、李明', '本报记者王小明、李明')
    """
    tokens = text.split()
    singles = [undouble_token(t) for t in tokens]
    if len(tokens) < 2 or all(s is None for s in singles) or all(s is not None for s in singles):
        return None
    plain = "".join(t for t, s in zip(tokens, singles) if s is None)
    if plain != "".join(above.split()):
        return None
    kept = " ".join(s if s is not None else t for t, s in zip(tokens, singles))
    return kept, "".join(s for s in singles if s is not None) + plain


# A repeated line shorter than this is more likely a genuine repeat
# ("好！" "好！") than faux bold, unless it is a bare name (a bold byline).
MIN_DOUBLED_LINE = 4
_BARE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")


def _doubled(a: str, b: str) -> bool:
    return a == b and (visible_len(a) >= MIN_DOUBLED_LINE or bool(_BARE_NAME.match(a)))


def _doubled_wrap(text: str) -> bool:
    """One Han character printed twice: the wrapped end of a bold line."""
    return len(text) == 2 and text[0] == text[1] and is_han(text[0])


def closing_wrap_beside_text(above: str, text: str) -> tuple[str, str] | None:
    """(wrap, rest) when ``text`` opens with the doubled end of a bold line
    ``above`` that left a bracket open ("（江州论" / "坛）坛） 3月5日……"):
    the wrap closes the bracket, and the rest is the text printed beside it.

    >>> closing_wrap_beside_text("老街的新生（江州论", "坛）坛） 1月12日，是")
    ('坛）', '1月12日，是')
    >>> closing_wrap_beside_text("老街的新生", "研究研究 这件事") is None
    True
    """
    first, _space, rest = text.strip().partition(" ")
    wrap = undouble_token(first)
    if wrap is None or not rest.strip() or wrap[-1:] not in "）)":
        return None
    if rules.bracket_depth_change(above) <= 0:
        return None
    return wrap, rest.strip()


# A line repeated at the start of the next one is a faux-bold copy from
# this many visible characters on.
MIN_JOINED_COPY = 2


def split_joined_copies(lines: list[Line]) -> list[Line]:
    """Lines with a faux-bold copy cut from the text printed on its right.

    The second copy of a bold line shares its baseline with whatever is
    printed beside it, so an extractor that reads in drawing order may
    print it joined to that text: "江州大桥通车" then "江州大桥通车 本报
    江州电 （记者", or a byline's two runs staggered, "记者" / "记者 王平" /
    "王平"; or the first copy joined to the text on its left, "江州大桥通车
    稻谷丰收" then "稻谷丰收".  A line that starts with the whole line above
    and a space, or ends with a space and the whole line below, is cut
    there, so the copy stands next to its original and the usual
    doubled-line rule takes it.  The lines given are left untouched.

    >>> [l.text for l in split_joined_copies([Line("记者", 1), Line("记者 王平", 2), Line("王平", 3)])]
    ['记者', '记者', '王平', '王平']
    >>> [l.text for l in split_joined_copies([Line("江州大桥通车 稻谷丰收", 1), Line("稻谷丰收", 2)])]
    ['江州大桥通车', '稻谷丰收', '稻谷丰收']
    """
    out: list[Line] = []
    for k, line in enumerate(lines):
        above = out[-1].text.strip() if out else ""
        below = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        text = line.text.strip()
        if visible_len(above) >= MIN_JOINED_COPY and text.startswith(above + " ") and text[len(above) :].strip():
            out.append(_copy(line, above))
            out.append(_copy(line, text[len(above) :].strip()))
        elif visible_len(below) >= MIN_JOINED_COPY and text.endswith(" " + below) and text[: -len(below)].strip():
            out.append(_copy(line, text[: -len(below)].strip()))
            out.append(_copy(line, below))
        else:
            out.append(line)
    return out


def collapse_faux_bold(lines: list[Line]) -> tuple[list[Line], list[Line], list[str]]:
    """Remove faux-bold copies: whole lines printed twice in a row (A A, or a
    wrapped headline A B A B / A A B B), lines whose every token is doubled,
    lines whose copy is shared with the line above
    (:func:`undouble_with_copy_above`) and lines with an offset copy merged
    into them (:func:`merge_offset_copies`); a copy printed joined to the
    text beside it is first cut from that text (:func:`split_joined_copies`).

    Returns (kept lines, the lines that were bold, removed copies).  Kept
    lines are new :class:`Line` objects; the reader's lines are untouched.
    """
    lines = split_joined_copies(lines)
    kept: list[Line] = []
    bold: list[Line] = []
    removed: list[str] = []
    i = 0
    n = len(lines)
    in_bold = False  # the line before was a doubled pair: a bold block goes on
    while i < n:
        line = lines[i]
        text = line.text.strip()
        # A B A B: a two-line bold headline printed twice as a block.
        if (
            i + 3 < n
            and lines[i + 2].text.strip() == text
            and lines[i + 3].text.strip() == lines[i + 1].text.strip()
            and visible_len(text) >= MIN_DOUBLED_LINE
            and text != lines[i + 1].text.strip()
        ):
            first = _copy(line, text, bold=True)
            second = _copy(lines[i + 1], lines[i + 1].text.strip(), bold=True)
            kept += [first, second]
            bold += [first, second]
            removed += [text, lines[i + 1].text.strip()]
            i += 4
            in_bold = True
            continue
        if i + 1 < n and text and (
            _doubled(text, lines[i + 1].text.strip()) or (in_bold and text == lines[i + 1].text.strip())
        ):
            copy = _copy(line, text, bold=True)
            kept.append(copy)
            bold.append(copy)
            removed.append(text)
            i += 2
            in_bold = True
            continue
        if in_bold and _doubled_wrap(text):
            # The last character of a bold headline wrapped onto a line of
            # its own, printed twice on that line ("致贺信" / "信信").
            copy = _copy(line, text[0], bold=True)
            kept.append(copy)
            bold.append(copy)
            removed.append(text[1])
            i += 1
            in_bold = False
            continue
        if in_bold and kept and (split := closing_wrap_beside_text(kept[-1].text, text)) is not None:
            # The bracket a bold headline left open, closed on the next line
            # and printed twice there, beside the text on that baseline
            # ("……（江州论" / "坛）坛） 3月5日，……").
            wrap, rest = split
            copy = _copy(line, wrap, bold=True)
            kept += [copy, _copy(line, rest)]
            bold.append(copy)
            removed.append(wrap)
            i += 1
            in_bold = False
            continue
        in_bold = False
        if i + 1 < n and (split := undouble_with_copy_above(text, lines[i + 1].text.strip())) is not None:
            copy = _copy(lines[i + 1], split[0], bold=True)
            kept.append(copy)
            bold.append(copy)
            removed.append(split[1])
            i += 2
            continue
        runs = bold_runs(text)
        if runs is not None:
            for run, is_bold in runs[0]:
                copy = _copy(line, run, bold=is_bold)
                kept.append(copy)
                if is_bold:
                    bold.append(copy)
            removed.append(runs[1])
            in_bold = runs[0][-1][1]
            i += 1
            continue
        single = undouble_line(text) or merge_offset_copies(text)
        if single is not None:
            copy = _copy(line, single[0], bold=True)
            kept.append(copy)
            bold.append(copy)
            removed.append(single[1])
            # A line printed twice over: its wrapped last character may
            # follow, doubled too ("……通电……通电" / "话话").
            in_bold = single[0].replace(" ", "") == single[1]
        else:
            kept.append(_copy(line, line.text))
        i += 1
    return kept, bold, removed


def _copy(line: Line, text: str, bold: bool | None = None) -> Line:
    # Spelled out rather than dataclasses.replace, which costs three times
    # as much on every line of a page (tests check every field is copied).
    return Line(
        text=text,
        index=line.index,
        page=line.page,
        bbox=line.bbox,
        size=line.size,
        bold=line.bold if bold is None else bold,
        font=line.font,
        conf=line.conf,
        blank_before=line.blank_before,
        label=line.label,
        hint=line.hint,
    )


# --- spacing and joining -----------------------------------------------------------

_SPACE_RUN = re.compile(r"\s+")


def _is_latin_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "%.-'")


def _needs_space(left: str, right: str) -> bool:
    """A space survives only between two Latin words ("DI YI")."""
    return left.isascii() and right.isascii() and left.isalpha() and right.isalpha()


# Marks no space is printed after (openers and clause marks, which carry
# their own spacing) or before (closers and clause marks): a space there is
# an extraction artefact.
_NO_SPACE_AFTER = frozenset("（“‘《〈【「『([，。、；：！？")
_NO_SPACE_BEFORE = frozenset("）”’》〉】」』)]，。、；：！？…")
# Key points open on a bullet and a space ("■ 70年来……").
_BULLETS = frozenset("■□●○▲△◆◇★☆")


def _keeps_printed_space(left: str, right: str) -> bool:
    """Whether a space between two printed characters is the paper's own:
    between Latin words, and between two CJK characters ("稻浪翻金秋 农机唱丰年",
    "本报北京10月1日电 记者", "■ 要点", a two-character name set the
    width of three, "黄 超"), and after a bullet ("■ 70年来"), but not
    beside a digit or Latin letter in CJK text ("20 世纪", extraction
    spacing) nor inside brackets or beside a clause mark."""
    if _needs_space(left, right) or left in _BULLETS:
        return True
    if left.isascii() or right.isascii():
        return False
    return left not in _NO_SPACE_AFTER and right not in _NO_SPACE_BEFORE


def printed_spacing(text: str) -> str:
    """``text`` with the spaces the paper printed, one for each run, and
    extraction spaces dropped (:func:`_keeps_printed_space`): the text of an
    article field.  Rules read :func:`clean_spaces` instead.

    A line set letter-spaced ("江 州 大 桥  建 成 通 车") has its
    tracking closed; only wider gaps between its words stay.

    >>> printed_spacing("稻浪翻金秋  农机唱丰年 20 世纪 50 年代（ 记者 王芳 ）")
    '稻浪翻金秋 农机唱丰年20世纪50年代（记者 王芳）'
    >>> printed_spacing("江 州 大 桥  建 成 通 车")
    '江州大桥 建成通车'
    """
    if _LETTER_SPACED.match(text.replace("  ", " ")):
        text = _WORD_GAP.sub("\n", text.strip()).replace(" ", "").replace("\n", " ")
    end = _wire_dateline_end(text)
    if end is not None and text[end : end + 1].isspace() and text[end:].strip():
        # The space after a dateline stays whatever follows ("……电 10月1日").
        return text[:end].strip() + " " + _join_spaced(text[end:], _keeps_printed_space)
    return _join_spaced(text, _keeps_printed_space)


def _wire_dateline_end(text: str) -> int | None:
    """Where a dateline ending on 电 that opens ``text`` ends ("新华社北京9月30日电"):
    the text after it is set a space apart, on its line or the next."""
    m = rules.DATELINE.match(text)
    return m.end() if m is not None and m.group("dateline").endswith("电") else None


def clean_spaces(text: str) -> str:
    """Drop extraction spaces except between Latin words.

    "20 世纪 50 年代" → "20世纪50年代"; "本报讯 （记者" → "本报讯（记者";
    "DI YI SHI XIAN" stays.
    """
    return _join_spaced(text, _needs_space)


def _join_spaced(text: str, keeps: Callable[[str, str], bool]) -> str:
    """``text`` stripped, each run of spaces kept as one space where
    ``keeps(left, right)`` of the characters around it, dropped elsewhere."""
    parts = _SPACE_RUN.split(text.strip())
    if len(parts) <= 1:
        return text.strip()
    out = parts[0]
    for part in parts[1:]:
        if not part:
            continue
        if out and keeps(out[-1], part[0]):
            out += " " + part
        else:
            out += part
    return out


# A page is letter-spaced when at least this share of its lines of four
# characters or more print a space between every two characters.
LETTER_SPACED_SHARE = 0.5
_LETTER_SPACED = re.compile(r"^\s*\S(?: \S){3,}\s*$")
_SINGLE_SPACE = re.compile(r"(?<=\S) (?=\S)")
# Between the words of a letter-spaced line: more than the tracking.
_WORD_GAP = re.compile(r" {2,}")


def close_letter_spacing(lines: list[Line]) -> list[Line]:
    """Lines of a page that an extractor printed letter-spaced, a space
    after every character ("江 州 大 桥 今 天 通 车"), with those spaces
    taken out: they say nothing, and would read as the gaps between
    columns merged on one line.  A wider gap (two spaces or more) stays one
    space.  Only where at least half the page's lines are letter-spaced,
    and only those lines; the rest come back as they are (the same
    objects).

    >>> [line.text for line in close_letter_spacing([Line(text="江 州 大 桥 今 天 通 车", index=1), Line(text="本 报 讯  （ 记 者 ）", index=2)])]
    ['江州大桥今天通车', '本报讯 （记者）']
    """
    long_lines = [line for line in lines if len(line.text.replace(" ", "")) >= 4]
    spaced = {id(line) for line in long_lines if _LETTER_SPACED.match(line.text.replace("  ", " "))}
    if not spaced or len(spaced) < LETTER_SPACED_SHARE * len(long_lines):
        return lines
    return [_copy(line, _SPACE_RUN.sub(" ", _SINGLE_SPACE.sub("", line.text))) if id(line) in spaced else line for line in lines]


def join_lines(texts: list[str]) -> str:
    """Join column-broken lines into running text.

    No space between CJK characters broken at a line end; a space between
    Latin words broken there ("Belt and" / "Road"); a hyphen at a line end
    joins the word.  Inside a line the paper's own spaces stay
    (:func:`printed_spacing`), and so does the space after a dateline
    printed on a line of its own ("新华社北京9月30日电" / "（记者……").
    """
    out = ""
    after_dateline = False
    for raw in texts:
        text = printed_spacing(raw)
        if not text:
            continue
        if out and (after_dateline or _needs_space(out[-1], text[0])) and not out.endswith("-"):
            out += " " + text
        else:
            out += text
        after_dateline = _wire_dateline_end(text) == len(text)
    return out
