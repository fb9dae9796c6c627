"""Properties on generated pages: the pipeline never raises, every printed
character is placed exactly once, and normalisation is idempotent."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

import compose_text as ct  # noqa: E402

from jianbao.conservation import check_issue  # noqa: E402
from jianbao.model import Line  # noqa: E402
from jianbao.normalize import clean_spaces, collapse_faux_bold, undouble_line  # noqa: E402
from jianbao.pipeline import parse_texts  # noqa: E402

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
PUNCT = "，。、；：！？“”（）《》—…"

han_text = st.text(alphabet=HAN + PUNCT, min_size=1, max_size=60)
ascii_words = st.lists(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=6), min_size=1, max_size=5).map(" ".join)
digits = st.integers(min_value=0, max_value=2100).map(str)

MARKERS = [
    "（下转第4版）",
    "（上接第1版）",
    "本报讯（记者王小明）",
    "本报江州10月8日电",
    "本报记者 王小明",
    "本报记者本报记者 王小明王小明",
    "本报通讯员 梁生仁 摄",
    "图为：",
    "DI YI SHI XIAN",
    "第1版 要闻",
    "江州日报",
    "2024年10月9日 星期三",
    "钟 声",
    "一件件",
    "谢谢谢谢",
]

composed_lines = ct.compose_page(ct.SAMPLE_STORIES, ct.Layout(measure=14)).splitlines()

# One printed line: a line of a composed page, random text, a marker, a
# mixture, or a blank line (a column break).
line = st.one_of(
    st.sampled_from(composed_lines),
    han_text,
    st.sampled_from(MARKERS),
    st.tuples(han_text, st.sampled_from(MARKERS), digits).map("".join),
    st.tuples(st.sampled_from(MARKERS), han_text).map(" ".join),
    ascii_words,
    st.just(""),
    st.just("\u3000\u3000"),
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line, min_size=0, max_size=30))
    # Faux bold: some lines printed twice in a row.
    doubled: list[str] = []
    for text in lines:
        doubled.append(text)
        if text and draw(st.integers(0, 9)) == 0:
            doubled.append(text)
    return "\n".join(doubled)


@SETTINGS
@given(st.lists(pages(), min_size=1, max_size=3))
def test_parse_never_raises_and_conserves_characters(texts: list[str]) -> None:
    issue = parse_texts(texts)
    assert len(issue.pages) == len(texts)
    assert check_issue(issue) == []
    for page in issue.pages:
        ids = [a.id for a in page.articles]
        assert len(ids) == len(set(ids))


@settings(max_examples=100, deadline=None)
@given(st.one_of(han_text, ascii_words, st.lists(st.one_of(han_text, ascii_words, digits), max_size=6).map(" ".join)))
def test_clean_spaces_is_idempotent(text: str) -> None:
    once = clean_spaces(text)
    assert clean_spaces(once) == once
    assert "".join(once.split()) == "".join(text.split())


def faux_bold(text: str, how: int) -> list[str]:
    """A line as an extractor may print it: plain, twice, or word by word twice."""
    return [text] if how == 0 else [text, text] if how == 1 else [ct.doubled(text)]


# Distinct printed lines, none of which already reads as faux bold.  (A line
# genuinely printed twice and then set bold, A A A A, collapses to A A and a
# second pass takes that for bold again: no rule can tell those apart.)
distinct_lines = st.lists(
    st.one_of(st.sampled_from(MARKERS), han_text, st.sampled_from(composed_lines)),
    max_size=12,
    unique_by=lambda t: "".join(t.split()),
).map(lambda texts: [t for t in texts if t.strip() and undouble_line(t) is None])


@settings(max_examples=100, deadline=None)
@given(distinct_lines, st.data())
def test_collapsing_faux_bold_twice_changes_nothing_more(texts: list[str], data: st.DataObject) -> None:
    printed = [copy for text in texts for copy in faux_bold(text, data.draw(st.integers(0, 2)))]
    lines = [Line(text=t, index=k) for k, t in enumerate(printed, start=1)]
    once, _bold, removed = collapse_faux_bold(lines)
    twice, _bold2, removed_again = collapse_faux_bold(once)
    assert [x.text for x in twice] == [x.text for x in once]
    assert removed_again == []
    kept = "".join(x.text for x in once) + "".join(removed)
    assert sorted("".join(kept.split())) == sorted("".join("".join(printed).split()))
