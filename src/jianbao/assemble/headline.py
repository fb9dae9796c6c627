"""Headline stacks: which printed lines are the kicker (引题), the title (主题)
and the subtitle (副题).

Conventions of Chinese newspapers, strongest first:

* the title is set largest and boldest: when sizes are known the largest
  lines are the title; in extracted text, faux-bold (doubled) lines are,
  down to the first dash-led line (a subtitle, however it is set);
* lines above the title are the kicker, lines below it the subtitle;
* a line opening with a dash ("——记……") or wholly in brackets
  ("（2019年10月1日）") is a subtitle;
* a line ending with a dash or colon ("……表白——"), or with a reporting verb
  ("……时强调"), or with a document issued ("……印发"), or opening with 就
  ("就江州建市70周年"), or naming only a place ("东城区") is a kicker;
* a last line naming who presided or attended ("刘星主持", "李克强出席")
  is a subtitle, but a speech's own name ("在……恳谈会上的讲话") is a title;
* a column tag in brackets ends the title ("……（权威发布）");
* without any cue, lines all set bold are one title printed over several
  lines (kicker and subtitle are set lighter than the title); two plain
  lines read title / subtitle and three read kicker / title / subtitle;
* two short lines of equal length with no punctuation are one title set as a
  couplet ("春暖花正开 / 古城绽新颜");
* of two unmarked lines, one opening on where it happened ("在北山开展……")
  is the title under the kicker naming who acted, a first line opening on
  a verb without its subject ("推进……") is the kicker over a second that
  does not, and a sentence of clauses over a short plain line is that
  line's kicker;
* of two unmarked lines, a second line of phrases set side by side
  ("传播茶乡文化 拉近两岸距离") is the title under its kicker, and a first
  one ("加强服务 保障出行" / "春运首日客流平稳") the kicker over its title.

Wrapped lines (a title too long for its measure, continued on a short next
line; a line of one or two characters, which no headline is; a line
stopping on 关于, on a comma or on a document's issuing body; a line of
parallel phrases whose last phrase has only begun; a line opening a frame
that only the next closes: "关于……的决定", "向……致贺信", "同……共度",
"在……中", see :data:`jianbao.rules.HEADLINE_FRAMES`) are joined before
roles are given, and so is one more phrase of their length under a line of
parallel phrases, and a block of three lines or more of one length with a
shorter last one (an element wrapped at the measure it is set in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jianbao.assemble.continuity import word_runs_across
from jianbao.assemble.paragraphs import WRAP_TAIL_MAX, leaves_open
from jianbao.lexicon import opens_with_verb
from jianbao.normalize import clean_spaces, printed_spacing, visible_len

# Nor does a headline line end on a comma: the sentence goes on below
# ("从客流、票房等数据看，" / "市文旅局表示——" is one kicker).
CLAUSE_BREAKS = "，、,"
# Fewer characters than this make no title ("宴会" is a fragment).
TITLE_MIN_CHARS = 4

from jianbao.rules import (
    BRACKETED,
    CLAUSE_MARKS,
    COLUMN_TAG,
    DANGLING,
    DOCUMENT_TITLE,
    KICKER_DASH,
    KICKER_END,
    LEADER_LINE,
    PARALLEL_HALVES,
    SENTENCE_END,
    SETTING_OPENING,
    SPEECH_TITLE,
    SUBTITLE_START,
    closes_frame,
    is_kicker_line,
    is_subtitle_line,
    is_tag_alone,
    number_runs_across,
)
from jianbao.rules.script import compile_rule

# A line opening with a bracketed word that text follows ("（英文版）首映式举行").
_QUALIFIER_OPENING = re.compile(r"^\s*[（(][^（）()]{1,12}[)）]\s*\S")
# No title runs longer than this (the longest titles, documents' full
# names, come to under 50 characters); a longer line under the title is a
# subtitle: the summary of the text, or the full name of what the title
# announces.
TITLE_MAX = 50
COUPLET_MAX = 8
WRAP_MAX = 5
# Phrases set side by side in a title are at least this long, and differ
# in length by at most this much.
PHRASE_MIN = 6
PHRASE_SPREAD = 1
_CLAUSE_MARKS = re.compile(r"[，。、；：,;]")
# A bracket opened after a headline's words and left open at the line's end.
_TAG_LEFT_OPEN = re.compile(r"[^（(\s][（(][^（）()]*$")
# One or two characters, then a column tag's bracket: "课（人民论坛）".
_TAG_AFTER_WRAP = re.compile(r"^\s*[^\s（(，。、；：]{1,2}[（(]")


@dataclass(slots=True)
class StackLine:
    text: str
    bold: bool = False
    size: float | None = None


@dataclass(slots=True)
class Stack:
    kicker: str = ""
    title: str = ""
    subtitle: str = ""


def join_wrapped(lines: list[StackLine], measure: float | None = None) -> list[StackLine]:
    """Join a line that only finishes the previous one: very short (≤ 5
    characters), same weight and size, and not itself a subtitle."""
    out: list[StackLine] = []
    for line in join_measured_blocks(lines):
        if out and wraps_onto(out[-1], line, measure):
            prev = out[-1]
            out[-1] = StackLine(text=prev.text + line.text, bold=prev.bold, size=prev.size)
        elif out and out[-1].bold == line.bold and adds_parallel_phrase(out[-1].text, line.text):
            prev = out[-1]
            out[-1] = StackLine(text=prev.text + " " + line.text.strip(), bold=prev.bold, size=prev.size)
        else:
            out.append(StackLine(line.text, line.bold, line.size))
    return join_frames(out)


# Lines of one length in a row that make one headline element wrapped at
# its measure (a long subtitle set in a column).
MEASURED_BLOCK_MIN = 3


def join_measured_blocks(lines: list[StackLine]) -> list[StackLine]:
    """Join :data:`MEASURED_BLOCK_MIN` or more lines of one length and
    weight in a row, and the shorter line that ends them: one element of
    the stack (a subtitle summing up the text, say) wrapped at the measure
    it is set in.  Kicker, title and subtitle are set to lengths of their
    own, so three of them never come out the same length."""
    out: list[StackLine] = []
    k = 0
    while k < len(lines):
        size = visible_len(lines[k].text.strip())
        end = k + 1
        while end < len(lines) and _goes_on(lines[k], lines[end], size + 0.5) and visible_len(lines[end].text.strip()) >= size - 0.5:
            end += 1
        if end - k >= MEASURED_BLOCK_MIN and size > WRAP_MAX:
            if end < len(lines) and _goes_on(lines[k], lines[end], size):
                end += 1
            block = lines[k:end]
            out.append(StackLine(text="".join(line.text.strip() for line in block), bold=block[0].bold, size=block[0].size))
            k = end
        else:
            out.append(lines[k])
            k += 1
    return out


def _goes_on(first: StackLine, line: StackLine, longest: float) -> bool:
    """``line`` may carry on the element ``first`` opens: the same weight,
    no longer than ``longest``, and no subtitle of its own."""
    return line.bold == first.bold and visible_len(line.text.strip()) <= longest and not _opens_element(line.text)


def _opens_element(text: str) -> bool:
    """A line that starts a stack element of its own: a dash-led or
    bracketed subtitle."""
    return bool(SUBTITLE_START.match(text) or BRACKETED.match(text))


def join_frames(lines: list[StackLine]) -> list[StackLine]:
    """Join lines whose frame the next closes (:func:`closes_frame`), once
    their own wraps are joined: "……关于追授" / "老支书“优秀党员”称" / "号的决定"."""
    out: list[StackLine] = []
    for line in lines:
        if out and _same_emphasis(out[-1], line) and closes_frame(out[-1].text, line.text):
            out[-1] = StackLine(text=out[-1].text + line.text, bold=line.bold, size=out[-1].size)
        else:
            out.append(line)
    return out


def wraps_onto(prev: StackLine, line: StackLine, measure: float | None = None) -> bool:
    """``line`` only finishes ``prev``: the break falls mid-phrase, or a
    very short line of the same weight follows a line that fills its
    measure ("……举行的迎春" / "晚会")."""
    n = visible_len(line.text)
    if n == 0 or COLUMN_TAG.search(prev.text):
        return False
    if not _same_size(prev, line):
        return False
    if breaks_mid_phrase(prev.text, line.text) or is_short_wrap(prev.text, line.text):
        # Extractors often lose the bold doubling of a short wrap, and no
        # headline is one or two characters long.
        return True
    if prev.bold == line.bold and runs_parallel_phrase_over(prev.text, line.text):
        return True
    if _QUALIFIER_OPENING.match(line.text) and not KICKER_END.search(prev.text):
        # "纪录片《江州故事》" / "（英文版）首映式举行": no headline line opens
        # with a bracketed qualifier that text then follows; it qualifies
        # the word that ends the line above.
        return True
    if is_tag_alone(line.text) and not KICKER_END.search(prev.text):
        # "……的新路" / "（江声）": a column tag closes its title, whatever
        # line the extractor wrapped it onto.
        return True
    if _TAG_AFTER_WRAP.match(line.text) and not KICKER_END.search(prev.text):
        # "……教育" / "课（人民论坛）": no title is one or two characters, so
        # the text before the column tag ends the line above.
        return True
    if _TAG_LEFT_OPEN.search(line.text) and abs(visible_len(prev.text) - n) <= 1 and not KICKER_END.search(prev.text):
        # "让老街留住" / "乡愁（来自一线的" / "报道）": a title wrapped over
        # lines of one measure whose column tag runs on past the second;
        # a kicker over such a title is set shorter.
        return True
    if n > WRAP_MAX or not _same_emphasis(prev, line):
        return False
    if SUBTITLE_START.match(line.text) or BRACKETED.match(line.text) or LEADER_LINE.search(line.text):
        return False
    if KICKER_END.search(prev.text):
        return False
    if measure is not None and visible_len(prev.text) < measure - 1:
        return False
    return visible_len(prev.text) > 2 * n


def is_short_wrap(prev: str, nxt: str) -> bool:
    """A line too short for any headline under a long one that asks for
    no continuation of its own (a kicker's dash or colon): its wrapped end."""
    n = visible_len(nxt)
    return 0 < n <= WRAP_TAIL_MAX and visible_len(prev) > 4 * n and not BRACKETED.match(nxt) and not KICKER_END.search(prev)


def runs_parallel_phrase_over(prev: str, nxt: str) -> bool:
    """A line of parallel phrases whose last phrase has only begun
    ("办好江州民生实事 努力" / "让老街居民更舒心"): phrases set side by side in a
    title are of a length, so a short last one is finished on the next
    line (which carries no subtitle or kicker mark of its own).

    >>> runs_parallel_phrase_over("守护江州一湖碧水 全力建设", "生态宜居新城")
    True
    """
    parts = prev.split()
    if len(parts) < 2 or _CLAUSE_MARKS.search(prev):
        return False
    last, before = visible_len(parts[-1]), visible_len(parts[-2])
    if not (1 <= last <= before // 2) or SUBTITLE_START.match(nxt) or BRACKETED.match(nxt) or is_kicker_line(nxt):
        return False
    return visible_len(nxt) + last >= before - 2


def adds_parallel_phrase(prev: str, nxt: str) -> bool:
    """A line of phrases set side by side, followed by one more phrase of
    their length ("守护江州一湖碧水 建设生态宜居新城" / "共享绿色发展成果"): the
    title's phrases run over two lines.

    >>> adds_parallel_phrase("守护江州一湖碧水 建设生态宜居新城", "共享绿色发展成果")
    True
    """
    phrases = prev.split()
    if len(phrases) < 2 or _CLAUSE_MARKS.search(prev + nxt) or len(nxt.split()) != 1:
        return False
    lengths = [visible_len(p) for p in phrases]
    n = visible_len(nxt)
    if min(lengths) < PHRASE_MIN or n < PHRASE_MIN or SUBTITLE_START.match(nxt) or BRACKETED.match(nxt):
        return False
    if is_kicker_line(nxt) or is_subtitle_line(nxt) or any(b in nxt for b in "（("):
        # A bracket opens a column tag, which ends a title of its own.
        return False
    # Phrases set side by side are of one length; a kicker of two clauses
    # of different lengths ("落户企业超百家  总投资超过三十亿元") is no such title.
    return max(lengths) - min(lengths) <= PHRASE_SPREAD and min(lengths) - 2 <= n <= max(lengths) + 2


# A headline line never opens with the particle 的: "……“江州故事”国际" /
# "的来访嘉宾" is one line wrapped.
WRAP_OPENERS = "的"


def breaks_mid_phrase(prev: str, nxt: str) -> bool:
    """The line stops on a function word ("……运动会在") or a comma, inside a word
    ("……宣布艺术节开" / "幕"), inside brackets or quotes, or inside a
    number ("……2025" / "年……"), or the next opens with 的: the headline
    wraps onto the next line."""
    a = prev.rstrip()
    b = nxt.lstrip()
    if a and b and _document_title_open(a) and not SUBTITLE_START.match(b) and not BRACKETED.match(b):
        return True
    if not a or visible_len(a) < visible_len(nxt) - 1:
        # A wrapped line fills its measure before the rest runs over.
        return False
    opened = sum(a.count(c) for c in "“《（(") > sum(a.count(c) for c in "”》）)")
    opens_mid_phrase = b[:1] != "" and b[:1] in WRAP_OPENERS
    return (
        a[-1] in DANGLING
        or a[-1] in CLAUSE_BREAKS
        or bool(_ABOUT_END.search(a))
        or opened
        or opens_mid_phrase
        or _number_runs_on(a, b)
        or word_runs_across(a, b)
        or _document_title_runs_on(a, b)
    )


def words_run_into(prev: str, nxt: str) -> bool:
    """A word or a number runs across the break between two lines, or the
    first stops on a function word: the two read as one phrase.

    >>> words_run_into("江州大桥今天建成通", "车")
    True
    """
    a, b = prev.rstrip(), nxt.lstrip()
    return bool(a and b) and (a[-1] in DANGLING or _number_runs_on(a, b) or word_runs_across(a, b))


def _same_size(a: StackLine, b: StackLine) -> bool:
    """Sizes within half a point are one size; unknown sizes never differ."""
    return not (a.size and b.size and abs(a.size - b.size) > 0.5)


def _same_emphasis(a: StackLine, b: StackLine) -> bool:
    return a.bold == b.bold and _same_size(a, b)


# Issuing bodies that open a document's title ("……常务委员会关于……的决定").
_ABOUT_END = compile_rule(r"关于$")
_ABOUT = compile_rule(r"关于")
_ISSUER_END = compile_rule(r"(?:委员会|中央|国务院|人民政府|办公厅|办公室|法院|检察院)$")


def _document_title_runs_on(a: str, b: str) -> bool:
    """A document's title names its issuer, then what it is about: a line
    ending on an issuing body goes on with the next line that opens with
    关于 ("江州市老城街区保护管理委员会" / "关于……的决定")."""
    return bool(_ISSUER_END.search(a)) and bool(_ABOUT.match(b))


def _document_title_open(a: str) -> bool:
    """A document's title opened with 关于 and not yet closed by the name
    of what the document is: it runs on to the next line, however the
    lines measure ("江州市人大常委会关于授予王小明" / "同志荣誉市民称号的决定").
    关于 inside a book's title names no document ("《……关于……论述摘编》出版")."""
    about = list(_ABOUT.finditer(a))
    k = about[-1].start() if about else -1
    if k < 0 or a[:k].count("《") != a[:k].count("》") or DOCUMENT_TITLE.search(a):
        return False
    return a[-1] not in "”》）)" and a[-1] not in SENTENCE_END


def _number_runs_on(a: str, b: str) -> bool:
    """A number broken over the lines: "……2025" / "年……", or in Chinese
    numerals "……二〇二" / "四年……"."""
    if number_runs_across(a, b):
        return True
    return len(a) >= 2 and all(ch in _HAN_DIGITS for ch in a[-2:]) and b[:1] != "" and b[:1] in _HAN_DIGITS


_HAN_DIGITS = frozenset("〇零一二三四五六七八九十")


def split_stack(lines: list[StackLine], measure: float | None = None) -> Stack:
    """Give each headline line its role; see the module docstring."""
    logical = kicker_on_top([line for line in join_wrapped(lines, measure) if clean_spaces(line.text)])
    if not logical:
        return Stack()
    title_span = _title_by_emphasis(logical)
    if title_span is None:
        title_span = _title_by_wording(logical, all_bold=all(line.bold for line in logical))
    start, end = title_span
    return Stack(
        kicker=_join(logical[:start]),
        title=_join(logical[start:end]),
        subtitle=_join(logical[end:]),
    )


def kicker_on_top(lines: list[StackLine]) -> list[StackLine]:
    """The lines with a kicker printed last moved over the rest: a line
    ending on a dash leads into the title under it ("江州老街今天开街——"),
    and no title or subtitle ends so; an extractor printing text boxes in
    its own order may print the kicker's box under the title's."""
    if len(lines) < 2 or not KICKER_DASH.search(lines[-1].text):
        return lines
    if any(KICKER_DASH.search(line.text) for line in lines[:-1]):
        return lines
    return [lines[-1], *lines[:-1]]


def _join(lines: list[StackLine]) -> str:
    return " ".join(printed_spacing(line.text) for line in lines)


def _title_by_emphasis(lines: list[StackLine]) -> tuple[int, int] | None:
    """The title is the run of largest (or, without sizes, bold) lines."""
    sizes = [line.size for line in lines]
    if all(s is not None for s in sizes) and len(set(round(s or 0, 1) for s in sizes)) > 1:
        top = max(s or 0 for s in sizes)
        marked = [abs((s or 0) - top) <= 0.5 for s in sizes]
    else:
        marked = [line.bold for line in lines]
        if all(marked) or not any(marked):
            return None
    first = marked.index(True)
    last = len(marked) - 1 - marked[::-1].index(True)
    # A dash-led line is a subtitle however it is set: the title ends above it.
    dashed = next((k for k in range(first + 1, last + 1) if SUBTITLE_START.match(lines[k].text)), None)
    if dashed is not None:
        last = dashed - 1
    return first, last + 1


_is_subtitle = is_subtitle_line
_is_kicker = is_kicker_line


def _is_couplet(a: str, b: str) -> bool:
    na, nb = visible_len(a), visible_len(b)
    return na == nb and na <= COUPLET_MAX and not re.search(r"[，。、：；！？—]", a + b)


def _title_by_wording(lines: list[StackLine], all_bold: bool = False) -> tuple[int, int]:
    texts = [line.text.strip() for line in lines]
    n = len(texts)
    if n == 1:
        return 0, 1
    start, end = 0, n
    # A subtitle may wrap: whatever follows a dash-led line is subtitle too.
    dashed = next((k for k in range(1, n) if SUBTITLE_START.match(texts[k])), n)
    end = dashed
    while end - start > 1 and (_is_subtitle(texts[end - 1]) or visible_len(texts[end - 1]) > TITLE_MAX) and not SPEECH_TITLE.search(texts[end - 1]):
        # A summary of the text set under its title runs longer than any
        # title does.
        end -= 1
    while end - start > 1 and _is_kicker(texts[start]):
        start += 1
    if end - start == 1:
        return start, end
    if end - start == 2 and _is_couplet(texts[start], texts[start + 1]):
        return start, end
    kicker_found, subtitle_found = start > 0, end < n
    if kicker_found and not subtitle_found:
        return start, start + 1
    if subtitle_found and not kicker_found:
        return end - 1, end
    if kicker_found and subtitle_found:
        return start, end
    # Unmarked stacks: the one line carrying a column tag ("……（权威发布）")
    # is the title; else three or more lines read kicker / title / subtitle
    # and two read title / subtitle.
    tagged = [k for k, text in enumerate(texts) if COLUMN_TAG.search(text)]
    if len(tagged) == 1:
        return tagged[0], tagged[0] + 1
    parallel = [k for k, text in enumerate(texts) if PARALLEL_HALVES.match(text)]
    if n == 2 and parallel == [1]:
        # Phrases set side by side make the title; the line over them is
        # its kicker.
        return 1, 2
    if n == 2 and parallel == [0]:
        # Over a plain line stating the news, phrases set side by side are
        # its kicker ("加强服务 保障出行" / "春运首日客流平稳"); they make the
        # title only over a dash-led subtitle, taken above.
        return 1, 2
    if all_bold:
        return 0, n
    if n == 2 and SETTING_OPENING.match(texts[1]) and not SETTING_OPENING.match(texts[0]):
        # "江州市长率领工作组" / "在北山开展防汛检查": the line opening on
        # where it happened carries on the statement of the line over it,
        # which names who acted; a subtitle names who attended instead.
        return 1, 2
    if n == 2 and opens_with_verb(texts[0]) and not opens_with_verb(texts[1]):
        # "推进老城改造一体化" / "江州为老街添活力": a line opening on a verb
        # without its subject is the kicker over the title naming who acts;
        # a subtitle under a title names who attended (taken above).
        return 1, 2
    if n == 2 and _CLAUSE_MARKS.search(texts[0]) and not _CLAUSE_MARKS.search(texts[1]) and len(texts[1]) < len(texts[0]):
        # A sentence of clauses over a short unpunctuated line is the
        # kicker's summary over its title: a title is the short line.
        return 1, 2
    if n >= 3:
        return 1, n - 1
    return 0, 1


def is_whole_title(lines: list[str]) -> bool:
    """Headline lines that can be a title on their own, no fragment of one:
    a few characters at least, with no clause marks, no bracket or quote
    left open and no kicker's ending ("……强调")."""
    text = "".join(line.strip() for line in lines)
    return (
        visible_len(text) >= TITLE_MIN_CHARS
        and not KICKER_END.search(lines[-1].strip())
        and not CLAUSE_MARKS.intersection(text)
        and not leaves_open(text)
    )
