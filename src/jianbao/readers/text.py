"""Reading raw page text: bytes in any common encoding → lines.

Text extracted from e-paper PDFs arrives as UTF-8 (with or without BOM),
UTF-16 (Windows tools) or GB18030/GBK (older Chinese tools), with CRLF line
ends and full-width spaces.  Each printed line becomes a :class:`Line` whose
``index`` is its line number (1-based) in the file, and which remembers
whether a blank line came before it (column breaks leave those).

A form feed ends a page: ``pdftotext`` and pdfminer.six print one after
every page, so a whole issue extracted into one file reads as its pages.
So does a page header naming another page than the one before it: pages
pasted one after another into one file ("第1版 要闻" … "第2版 要闻" …).
"""

from __future__ import annotations

import re
import sys

from jianbao import rules
from jianbao.errors import InputError
from jianbao.model import Line, Page
from jianbao.readers.radicals import fold_radicals

# Share of control characters (other than tab/CR/LF/FF) above which bytes
# are binary data, not text.
MAX_CONTROL_SHARE = 0.01


def read_text_pages(path: str) -> list[Page]:
    r"""Read raw text from a file, or stdin when ``path`` is '-', as the
    pages its form feeds separate (pages with no text are skipped).

    >>> [len(p.lines) for p in pages_from_text("甲\n乙\n\f丙\n\f")]
    [2, 1]
    """
    text, source = read_decoded(path)
    return pages_from_text(text, source=source)


def read_decoded(path: str) -> tuple[str, str]:
    """The decoded text of a file (or stdin for '-') and its name for messages."""
    if path == "-":
        data = sys.stdin.buffer.read()
        source = "<stdin>"
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except IsADirectoryError:
            raise InputError(path, "is a directory, not a page") from None
        except FileNotFoundError:
            raise InputError(path, "no such file") from None
        except OSError as err:
            raise InputError(path, err.strerror or "cannot read") from None
        source = path
    return decode(data, source), source


def decode(data: bytes, source: str) -> str:
    """Decode page text, detecting the encoding.

    BOMs decide first; then strict UTF-8; then GB18030 (a superset of GBK
    and GB2312) when the bytes decode to mostly Han text; charset-normalizer
    judges the rest.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", source)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", source)
    elif _looks_utf16(data):
        text = _strict(data, "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be", source)
    elif _decodes_as_han_utf16(data):
        text = _strict(data, _decodes_as_han_utf16(data) or "utf-16-le", source)
    else:
        if b"\x00" in data:
            raise InputError(source, "binary data, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, source)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(source, "binary data, not text")
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(source, f"cannot decode as {encoding}") from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: every other byte is NUL for ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return False
    zeros_even = data[0::2].count(0)
    zeros_odd = data[1::2].count(0)
    half = len(data) // 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _decodes_as_han_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM of mostly Chinese text has few NUL bytes (only in
    ASCII such as line ends), so it is recognised by decoding: mostly Han
    characters and no stray control characters."""
    if len(data) < 4 or len(data) % 2 or data.count(0) == 0:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _han_share(text) > 0.5 and _control_share(text) == 0:
            return encoding
    return None


def _decode_legacy(data: bytes, source: str) -> str:
    try:
        text = data.decode("gb18030")
        if _han_share(text) > 0.3:
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot decode: not UTF-8, UTF-16 or GB18030 text")
    return str(best)


def _han_share(text: str) -> float:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return sum(1 for c in visible if "\u4e00" <= c <= "\u9fff") / len(visible)


# Control characters other than tab, line feed, form feed and carriage
# return, and the replacement character a bad decode leaves.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def pages_from_text(text: str, source: str = "") -> list[Page]:
    """Decoded text cut into pages at form feeds.  Line numbers run on over
    the whole text, a form feed counting as a line break (as
    :func:`page_from_text` reads it), so provenance points into the file."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages: list[Page] = []
    first_line = 1
    for chunk in text.split("\f"):
        page = page_from_text(chunk, source=source, first_line=first_line)
        if page.lines:
            pages.extend(split_at_page_headers(page))
        first_line += chunk.count("\n") + 1
    return pages


def split_at_page_headers(page: Page) -> list[Page]:
    r"""The pages of a page's text where it holds several, pasted one after
    another without a form feed: a page header line ("第2版 要闻") naming
    another page than the header before it starts a page, with the
    masthead and date lines right over it.  A page whose one header was
    printed among its text (text-box extractors print it where its box
    falls) or repeated at its foot stays whole.

    >>> [[line.text for line in p.lines] for p in split_at_page_headers(page_from_text("第1版 要闻\n江州大桥通车。\n江州日报\n第2版 要闻\n老街改造完工。"))]
    [['第1版 要闻', '江州大桥通车。'], ['江州日报', '第2版 要闻', '老街改造完工。']]
    """
    numbers = [_header_page(line.text) for line in page.lines]
    starts: list[int] = []
    current = None
    for k, number in enumerate(numbers):
        if number is None:
            continue
        if current is not None and number != current:
            start = k
            while start > 0 and _furniture_over_header(page.lines[start - 1].text) and (not starts or start - 1 > starts[-1]):
                start -= 1
            starts.append(start)
        current = number
    if not starts:
        return [page]
    bounds = [0, *starts, len(page.lines)]
    return [Page(number=page.number, source=page.source, lines=page.lines[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]


def _header_page(text: str) -> int | None:
    """The page a line that is only a page header names ("第2版 要闻")."""
    t = text.strip()
    if not rules.HEADER_LINE.match(t):
        return None
    m = rules.PAGE_HEADER.search(t)
    return rules.to_int(m.group(1)) if m else None


def _furniture_over_header(text: str) -> bool:
    """A masthead or date line, printed over a page header."""
    t = text.strip()
    return bool(t) and bool(rules.MASTHEAD.match(t) or (rules.HEADER_LINE.match(t) and (rules.DATE.search(t) or rules.WEEKDAY.search(t))))


def page_from_text(text: str, source: str = "", position: int = 0, first_line: int = 1) -> Page:
    """Split decoded text into lines, keeping blank-line evidence;
    ``first_line`` is the number of the text's first line in its file.

    Full-width and no-break spaces become ordinary spaces and radical code
    points the characters they print (:mod:`jianbao.readers.radicals`); the
    text itself is otherwise left as printed (normalisation is a later
    stage).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    # Spaces are replaced over the whole text at once, not line by line.
    text = fold_radicals(text.replace("\u3000", " ").replace("\u00a0", " ").replace("\ufeff", ""))
    lines: list[Line] = []
    blank = False
    page = position or 1
    for number, raw in enumerate(text.split("\n"), start=first_line):
        cleaned = raw.rstrip()
        if not cleaned:
            blank = True
            continue
        lines.append(Line(text=cleaned, index=number, page=page, blank_before=blank))
        blank = False
    return Page(number=position, source=source, lines=lines)
