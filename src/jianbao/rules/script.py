"""Rules that read traditional characters as well as simplified ones.

Papers printed in traditional characters (Hong Kong, Taiwan, the mainland
before the reform, many overseas papers) keep the same conventions in
other characters: "本報訊", "本報記者 江小舟", "（下轉第4版）", "新華社北京
10月1日電", "江小舟 攝".  The rules are written once, in simplified
characters; :func:`compile_rule` compiles a rule so that its text also
matches in traditional characters: each run of literal Han characters
becomes an alternation of itself and its traditional forms (OpenCC's
conversions for the mainland, Hong Kong and Taiwan standards, a run at a
time, so that phrase forms such as 發佈 for 发布 are found too), and a
character class takes the traditional forms of its characters.  Literal
alternatives keep the rules as fast on simplified text as before.  The
text itself is never converted: what a page prints is what jianbao
returns.

>>> compile_rule("本报讯").pattern
'本报讯|本報訊'
>>> compile_rule("(?:本报|新华社)记者").pattern
'(?:本报|本報|新华社|新華社)(?:记者|記者)'
>>> bool(compile_rule("(?:下转|转)第").search("（下轉第4版）"))
True
"""

from __future__ import annotations

import atexit
import json
import re
from functools import lru_cache
from pathlib import Path

from jianbao.fileio import cache_dir, file_stamp, write_atomic

# OpenCC's conversions from simplified characters.
_CONVERSIONS = ("s2t", "s2hk", "s2tw")


def compile_rule(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of :func:`either_script` of ``pattern``."""
    return re.compile(either_script(pattern), flags)


def either_script(pattern: str) -> str:
    """``pattern`` with each run of literal Han characters written as an
    alternation of its forms in either script, and each Han character of a
    character class joined by its traditional forms.  Escapes, ranges,
    quantifiers and everything but Han characters are left as they are (a
    quantifier keeps applying to the one character before it)."""
    out: list[str] = []
    run: list[str] = []  # literal Han characters outside a class
    depth = 0  # inside a character class
    k = 0
    spaced = _spaced_run_forms(pattern)

    def flush(following: str | None) -> None:
        """Write out the pending run; ``following`` is the pattern's next
        character (None at its end)."""
        if run:
            text = "".join(run)
            before = "".join(out[-3:])
            starts_branch = not out or (before.endswith(("(?:", "|", "(")) and not before.endswith("\\|"))
            if starts_branch and following in ("|", ")", None):
                # A whole branch of an alternation: its forms are branches too
                # (a flat alternation of literals is what the engine runs fastest).
                out.append("|".join(_forms_of_run(text)))
            else:
                out.append(_either_run(text))
            run.clear()

    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            flush(ch)
            out.append(pattern[k : k + 2])
            k += 2
            continue
        if depth:
            if ch == "]":
                depth = 0
                out.append(ch)
            elif _is_han(ch) and "-" not in (pattern[k - 1], pattern[k + 1 : k + 2]):
                out.append(ch + "".join(f for f in _forms_of(ch) if f not in _class_at(pattern, k)))
            else:
                out.append(ch)
            k += 1
            continue
        if ch == "[":
            flush(ch)
            depth = 1
            out.append(ch)
            # "]" or "^]" right after the bracket is a literal, not the end.
            for literal in ("^]", "]", "^"):
                if pattern.startswith(literal, k + 1):
                    out.append(literal)
                    k += len(literal)
                    break
            k += 1
            continue
        if _is_han(ch):
            if k in spaced:
                # A word printed with spaces between its characters ("制\\s*图"):
                # each character takes the forms the whole word gives it.
                flush(ch)
                forms = [f for f in (*_forms_of(ch), *spaced[k]) if f != ch]
                out.append(f"[{ch}{''.join(dict.fromkeys(forms))}]" if forms else ch)
            elif pattern[k + 1 : k + 2] in _QUANTIFIERS:
                # A quantifier applies to this character alone.
                flush(ch)
                run.append(ch)
                flush(pattern[k + 1])
            else:
                run.append(ch)
        else:
            flush(ch)
            out.append(ch)
        k += 1
    flush(None)
    return "".join(out)


_QUANTIFIERS = frozenset("?*+{")
# Han characters with optional spaces between them ("统\\s*筹"), outside classes.
_SPACED_RUN = re.compile(r"(?<!\[)(?:[\u3400-\u9fff]\\s[*+?]?)+[\u3400-\u9fff]")


def _spaced_run_forms(pattern: str) -> dict[int, tuple[str, ...]]:
    """For each Han character of a spaced run in ``pattern``, the forms the
    whole run's conversion gives it (position in the pattern → forms)."""
    found: dict[int, tuple[str, ...]] = {}
    for m in _SPACED_RUN.finditer(pattern):
        positions = [m.start() + i for i, ch in enumerate(m.group()) if _is_han(ch)]
        word = "".join(pattern[i] for i in positions)
        for form in _forms_of_run(word)[1:]:
            for i, ch in zip(positions, form):
                if ch != pattern[i]:
                    found[i] = (*found.get(i, ()), ch)
    return found


def _either_run(run: str) -> str:
    forms = _forms_of_run(run)
    if len(forms) == 1:
        return run
    return f"(?:{'|'.join(forms)})" if len(run) > 1 else f"[{''.join(forms)}]"


def _class_at(pattern: str, k: int) -> str:
    """The text of the character class that position ``k`` lies in."""
    start = pattern.rfind("[", 0, k)
    end = pattern.find("]", k)
    return pattern[start:end]


@lru_cache(maxsize=None)
def _forms_of_run(run: str) -> tuple[str, ...]:
    """``run`` and its forms in traditional characters, where a conversion
    keeps its length (the run as written first)."""
    forms = [run]
    for config in _CONVERSIONS:
        converted = _convert(run, config)
        if len(converted) == len(run) and converted not in forms:
            forms.append(converted)
    return tuple(forms)


@lru_cache(maxsize=None)
def _forms_of(ch: str) -> tuple[str, ...]:
    """The traditional forms of one character."""
    return tuple(form for form in _forms_of_run(ch)[1:] if len(form) == 1)


def traditional_forms(words: list[str]) -> list[tuple[str, ...]]:
    """For each word, its forms in traditional characters that differ from
    it and have its length (converted all at once).

    >>> traditional_forms(["党建", "江州"])
    [('黨建',), ()]
    """
    converted = [_convert("\n".join(words), config).split("\n") for config in _CONVERSIONS]
    out = []
    for k, word in enumerate(words):
        forms = []
        for conversion in converted:
            form = conversion[k] if len(conversion) == len(words) else word
            if form != word and len(form) == len(word) and form not in forms:
                forms.append(form)
        out.append(tuple(forms))
    return out


def chars_in_either_script(chars: str) -> str:
    """``chars`` followed by their traditional forms, for rules that are
    sets of characters.

    >>> chars_in_either_script("的与对")
    '的与对與對'
    """
    return chars + "".join(form for ch in chars for form in _forms_of(ch) if form not in chars)


def first_characters(words: list[str]) -> frozenset[str]:
    """The characters the words open with, in either script (a word's
    phrase forms too: 制图 opens 製圖 as well)."""
    return frozenset(form[0] for word in words for form in _forms_of_run(word))


def folded(text: str) -> str:
    """``text`` with each character in its simplified form, one for one (so
    every position stays where it was): what search compares, where 報 and
    报 are one character.

    >>> folded("本報記者 江小舟")
    '本报记者 江小舟'
    """
    return text.translate(_FOLD)


class _FoldTable(dict):
    """Code point → the code point of its simplified form, filled in as
    characters are met (one OpenCC conversion each)."""

    def __missing__(self, code: int) -> int:
        ch = chr(code)
        simple = _convert(ch, "t2s") if _is_han(ch) else ch
        self[code] = ord(simple) if len(simple) == 1 else code
        return self[code]


_FOLD = _FoldTable()


def simplified(text: str) -> str:
    """``text`` in simplified characters, for labels jianbao names in its
    own words (a credit's role: "記者" is a 记者), never for printed text.

    >>> simplified("本報記者")
    '本报记者'
    """
    return _convert(text, "t2s")


def _convert(text: str, config: str) -> str:
    """``text`` converted by OpenCC's ``config``; a short text's conversion
    is kept on disk from one run to the next (:func:`_stored_conversions`)."""
    if len(text) > STORED_MAX_CHARS:
        return _converter(config).convert(text)
    stored = _stored_conversions()
    key = f"{config}:{text}"
    converted = stored.get(key)
    if converted is None:
        converted = stored[key] = _converter(config).convert(text)
        _store_conversions_at_exit()
    return converted


# Conversions of texts up to this long are kept (the runs of the rules,
# role words, single characters), longer ones are not.
STORED_MAX_CHARS = 16
# Bumped when what the stored conversions mean changes.
STORED_VERSION = 1


def _conversions_path() -> Path:
    """Named for the installed OpenCC (found without importing it, which
    would cost what the cache saves), so another release converts anew."""
    import importlib.util

    spec = importlib.util.find_spec("opencc")
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    stamp = file_stamp(origin) if origin is not None and origin.exists() else "none"
    return cache_dir() / f"conversions-{stamp}-v{STORED_VERSION}.json"


@lru_cache(maxsize=1)
def _stored_conversions() -> dict[str, str]:
    """The conversions made by earlier runs: setting OpenCC's converters up
    takes longer than compiling the rules or parsing a page, and the rules
    convert the same runs every time."""
    try:
        stored = json.loads(_conversions_path().read_text(encoding="utf-8"))
        if isinstance(stored, dict):
            return stored
    except (OSError, ValueError):
        pass
    return {}


@lru_cache(maxsize=1)
def _store_conversions_at_exit() -> None:
    atexit.register(_store_conversions)


def _store_conversions() -> None:
    """Write the conversions made so far where the next run finds them (a
    cache: where it cannot be written, the next run converts again)."""
    try:
        write_atomic(_conversions_path(), json.dumps(_stored_conversions(), ensure_ascii=False))
    except OSError:
        pass


@lru_cache(maxsize=None)
def _converter(config: str):  # noqa: ANN202 - opencc has no type information
    import opencc

    return opencc.OpenCC(f"{config}.json")


# normalize.is_han, which this module cannot import (normalize reads the rules).
def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
