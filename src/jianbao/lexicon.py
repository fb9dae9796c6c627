"""Chinese words, from the dictionary the jieba package ships.

Used for one question: does a line break fall inside a word?  A column
break inside a word ("……科" / "学决策……") means the text runs on, which a
break between a headline and a body never does.  Only two- to
four-character words of some frequency are kept, so rare dictionary
entries do not join unrelated lines.  The word set is cached on disk.
"""

from __future__ import annotations

import os
import pickle
from functools import lru_cache
from pathlib import Path

MIN_FREQUENCY = 20


def _dictionary_path() -> Path | None:
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency
        return None
    path = Path(jieba.__file__).with_name("dict.txt")
    return path if path.exists() else None


def _cache_path(source: Path) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jianbao"
    stamp = f"{source.stat().st_size}-{int(source.stat().st_mtime)}-{MIN_FREQUENCY}"
    return base / f"words-{stamp}.pickle"


@lru_cache(maxsize=1)
def short_words() -> frozenset[str]:
    source = _dictionary_path()
    if source is None:
        return frozenset()
    cache = _cache_path(source)
    try:
        with open(cache, "rb") as fh:
            words = pickle.load(fh)
        if isinstance(words, frozenset):
            return words
    except (OSError, pickle.PickleError, EOFError):
        pass
    words = set()
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) >= 2 and 2 <= len(parts[0]) <= 4 and parts[1].isdigit() and int(parts[1]) >= MIN_FREQUENCY:
                words.add(parts[0])
    frozen = frozenset(words)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(frozen, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass
    return frozen


def breaks_word(left: str, right: str) -> bool:
    """Whether the break between two lines splits a word.

    >>> breaks_word("丹源碳素科", "学决策切入新赛道")
    True
    """
    a = left.rstrip()
    b = right.lstrip()
    if not a or not b:
        return False
    words = short_words()
    for left_len in (1, 2, 3):
        for right_len in (1, 2, 3):
            if 2 <= left_len + right_len <= 4 and len(a) >= left_len and len(b) >= right_len:
                if a[-left_len:] + b[:right_len] in words:
                    return True
    return False
