"""Chinese words, from the dictionary the jieba package ships.

Used mostly for one question: does a line break fall inside a word?  A
column break inside a word ("……科" / "学决策……") means the text runs on,
which a break between a headline and a body never does.  Only two- to
four-character words of some frequency are kept, so rare dictionary
entries do not join unrelated lines.  The dictionary's part-of-speech tags
also tell which of them are verbs (a headline line opening on one, with no
subject, is a kicker).  Each word is also kept in its traditional forms
(OpenCC's conversions, :mod:`jianbao.rules.script`), with the same
frequency, so a page printed in traditional characters is read alike.
The word sets are cached on disk.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from jianbao.fileio import atomic_output, cache_dir, file_stamp, write_atomic

if TYPE_CHECKING:
    import numpy as np

MIN_FREQUENCY = 20


def _dictionary_path() -> Path | None:
    # Found without importing jieba, which takes longer than parsing a page.
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a dependency
        return None
    path = Path(spec.origin).with_name("dict.txt")
    return path if path.exists() else None


# Bumped when what the caches hold changes.
CACHE_VERSION = 3


def _cache_path(source: Path, kind: str = "words") -> Path:
    stamp = f"{file_stamp(source)}-{MIN_FREQUENCY}-v{CACHE_VERSION}"
    return cache_dir() / f"{kind}-{stamp}.txt"


def _entries(source: Path) -> list[tuple[str, int, str]]:
    """The dictionary's (word, count, tag) entries, each word followed by
    its traditional forms with the same count and tag."""
    return _with_traditional_forms(_printed_entries(source))


def _printed_entries(source: Path) -> list[tuple[str, int, str]]:
    """The dictionary's (word, count, tag) entries as printed in it."""
    entries = []
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                entries.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
    return entries


def _with_traditional_forms(entries: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    from jianbao.rules.script import traditional_forms

    forms = traditional_forms([word for word, _, _ in entries])
    return [(form, count, tag) for (word, count, tag), more in zip(entries, forms) for form in (word, *more)]


@lru_cache(maxsize=1)
def short_words() -> frozenset[str]:
    return _word_set("words", lambda tag: True)


@lru_cache(maxsize=1)
def short_verbs() -> frozenset[str]:
    """The short words the dictionary tags as verbs (``v``)."""
    return _word_set("verbs", lambda tag: tag == "v")


def _word_set(kind: str, keeps_tag: Callable[[str], bool]) -> frozenset[str]:
    """The dictionary's two- to four-character words of some frequency whose
    part-of-speech tag ``keeps_tag`` accepts, cached on disk as ``kind``."""
    source = _dictionary_path()
    if source is None:
        return frozenset()
    cache = _cache_path(source, kind)
    try:
        # One word a line: reading and splitting text is quicker than
        # unpickling a set of strings.
        return frozenset(cache.read_text(encoding="utf-8").split("\n")) - {""}
    except (OSError, UnicodeDecodeError):
        pass
    words = frozenset(
        word for word, count, tag in _entries(source) if 2 <= len(word) <= 4 and count >= MIN_FREQUENCY and keeps_tag(tag)
    )
    try:
        write_atomic(cache, "\n".join(sorted(words)))
    except OSError:
        pass
    return words


def opens_with_verb(text: str) -> bool:
    """The longest dictionary word the text opens with is a verb ("推进……",
    "结束……"; not "江州……" nor "一批……").

    >>> opens_with_verb("推进老城改造"), opens_with_verb("老城改造全面推进")
    (True, False)
    """
    t = "".join(text.split())
    words = short_words()
    for n in (4, 3, 2):
        if t[:n] in words:
            return t[:n] in short_verbs()
    return False


def breaks_word(left: str, right: str) -> bool:
    """Whether the break between two lines splits a word.

    >>> breaks_word("江州碳素科", "学园区正式开园")
    True
    """
    a = left.rstrip()[-3:]
    b = right.lstrip()[:3]
    if not a or not b:
        return False
    words = short_words()
    for left_len, right_len in _SPLITS:
        if len(a) >= left_len and len(b) >= right_len and a[-left_len:] + b[:right_len] in words:
            return True
    return False


# (characters before the break, characters after it) of a two- to
# four-character word, in the order they are tried.
_SPLITS = [(k, j) for k in (1, 2, 3) for j in (1, 2, 3) if 2 <= k + j <= 4]


# --- word frequencies ------------------------------------------------------------

# Words are looked up as integers, 16 bits a character (one to four
# characters, all in the Basic Multilingual Plane).
MAX_KEY_CHARS = 4


def word_key(word: str) -> int:
    key = 0
    for ch in word:
        key = (key << 16) | ord(ch)
    return key


def word_key_fits(word: str) -> bool:
    """One to four characters, all in the Basic Multilingual Plane."""
    return 1 <= len(word) <= MAX_KEY_CHARS and all(ord(ch) < 0xFFFF for ch in word)


def _frequency_cache_paths(source: Path) -> tuple[Path, Path]:
    stamp = f"{file_stamp(source)}-v{CACHE_VERSION}"
    return cache_dir() / f"logprob-keys-{stamp}.npy", cache_dir() / f"logprob-values-{stamp}.npy"


@lru_cache(maxsize=1)
def word_log_probabilities() -> tuple[np.ndarray, np.ndarray, float]:
    """Unigram log-probabilities of the dictionary's one- to four-character
    words: sorted integer keys (:func:`word_key`), their natural-log
    probabilities, and the log-probability of a character the dictionary
    does not know (a count of one, as jieba counts it).  Cached on disk."""
    import numpy as np

    source = _dictionary_path()
    if source is None:
        return np.zeros(0, dtype=np.uint64), np.zeros(0), 0.0
    keys_path, values_path = _frequency_cache_paths(source)
    try:
        # The values are the words' log-probabilities and, last, the
        # unknown character's; plain arrays load quicker than an archive.
        keys, values = np.load(keys_path), np.load(values_path)
        if len(values) == len(keys) + 1:
            return keys, values[:-1], float(values[-1])
    except (OSError, ValueError):
        pass
    printed = _printed_entries(source)
    counts: dict[int, int] = {}
    for word, count, _tag in _with_traditional_forms(printed):
        if word_key_fits(word):
            counts[word_key(word)] = counts.get(word_key(word), 0) + count
    # The total counts each printed entry once, whatever its forms.
    total = sum(count for _, count, _ in printed)
    keys = np.array(sorted(counts), dtype=np.uint64)
    logp = np.log(np.array([counts[int(k)] for k in keys], dtype=float) / max(total, 1))
    unknown = float(-np.log(max(total, 1)))
    try:
        # The values last: a reader finding them finds the keys written.
        _save_array(keys_path, keys)
        _save_array(values_path, np.append(logp, unknown))
    except OSError:
        pass
    return keys, logp, unknown


def _save_array(path: Path, array: np.ndarray) -> None:
    import numpy as np

    with atomic_output(path, binary=True) as fh:
        np.save(fh, array)
