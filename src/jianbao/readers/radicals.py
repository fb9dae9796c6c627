"""Radical code points read as the characters they print.

Some PDF fonts map the glyph of an ordinary character such as 人, 日 or 长
to the code point of the radical that looks the same (⼈ U+2F08 KANGXI
RADICAL MAN, ⽇ U+2F47, ⻓ U+2ED3 CJK RADICAL C-SIMPLIFIED LONG), so the
text an extractor pulls out reads right but matches nothing: neither a
search for 人民日报 nor the rules for a byline.  A newspaper never prints a
radical as such, so every reader takes these code points as the unified
ideographs Unicode names as their equivalents (``radicals.txt``, the
radical rows of the Unicode Character Database's
EquivalentUnifiedIdeograph.txt).

>>> fold_radicals("⼈⺠⽇报 ⻓江")
'人民日报 长江'
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_RADICAL = re.compile("[\u2e80-\u2fdf]")


def fold_radicals(text: str) -> str:
    """``text`` with each radical that has an equivalent ideograph replaced
    by it; other text is returned as it is (the same object)."""
    if not _RADICAL.search(text):
        return text
    return text.translate(radical_table())


@lru_cache(maxsize=1)
def radical_table() -> dict[int, str]:
    """Radical code point → equivalent ideograph, from ``radicals.txt``."""
    table: dict[int, str] = {}
    for row in (Path(__file__).with_name("radicals.txt")).read_text(encoding="utf-8").splitlines():
        fields = row.split("#", 1)[0].split(";")
        if len(fields) != 2:
            continue
        first, _, last = fields[0].strip().partition("..")
        for cp in range(int(first, 16), int(last or first, 16) + 1):
            table[cp] = chr(int(fields[1], 16))
    return table
