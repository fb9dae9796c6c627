"""Reading order of raw page text before and after the column-order stage.

For every page of the development corpus this reads the extractor's text,
runs :func:`jianbao.assemble.columns.restore_column_order`, and counts how
many of the page's gold body paragraphs (``gold.json``) appear as contiguous
substrings of the text, whitespace removed, before and after.  A paragraph
that is contiguous can be assembled; one whose lines are scattered among
other columns' lines cannot.

It also checks that the stage keeps every printed character (same
multiset of non-whitespace characters) and, for PyMuPDF text and the seed
page, which are already in column order, how many pages it left untouched.

Reads the corpus next to the repository (``../shared``), or the folder given
by ``--shared`` or ``$JIANBAO_SHARED``.

Examples::

    python benchmarks/column_order.py
    python benchmarks/column_order.py --mode pdftotext --issues 5 --details
    python benchmarks/column_order.py --mode pdftotext,pymupdf,pdfminer,pypdfium2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jianbao.assemble.columns import restore_column_order  # noqa: E402
from jianbao.readers.text import page_from_text  # noqa: E402

DEFAULT_MODES = "pdftotext,pymupdf,seed"
TEXT_MODES = ("pdftotext", "pymupdf")


def default_shared() -> Path:
    return Path(os.environ.get("JIANBAO_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")


@dataclass
class ModeFigures:
    mode: str
    pages: int = 0
    paragraphs: int = 0
    before: int = 0
    after: int = 0
    unchanged: int = 0
    lost_pages: list[str] = field(default_factory=list)
    seconds: float = 0.0
    read_seconds: float = 0.0  # reading the text into lines: the baseline the stage's cost is compared with
    per_page: list[tuple[str, float, float]] = field(default_factory=list)


def squeeze(text: str) -> str:
    return "".join(text.split())


def gold_paragraphs(gold: dict, page_number: int) -> list[str]:
    for page in gold.get("pages", []):
        if int(page.get("page", 0)) == page_number:
            return [squeeze(p) for a in page.get("articles", []) for p in a.get("body", []) if squeeze(p)]
    return []


def page_texts(mode: str, issue: Path) -> list[tuple[int, str]]:
    """(page number, raw text) for each page of an issue in one mode."""
    if mode in TEXT_MODES:
        files = sorted(issue.glob(f"p*.{mode}.txt"), key=lambda p: int(p.name[1:].split(".")[0]))
        return [(int(f.name[1:].split(".")[0]), f.read_text(encoding="utf-8")) for f in files]
    import extractors

    if extractors.unavailable(mode):
        return []
    files = extractors.extracted_pages(mode, issue / "issue.pdf", issue.name)
    return [(k, f.read_text(encoding="utf-8")) for k, f in enumerate(files, start=1)]


def measure_page(fig: ModeFigures, name: str, text: str, paragraphs: list[str]) -> None:
    start = time.perf_counter()
    lines = page_from_text(text).lines
    fig.read_seconds += time.perf_counter() - start
    start = time.perf_counter()
    restored = restore_column_order(lines)
    fig.seconds += time.perf_counter() - start
    fig.pages += 1
    before = squeeze("".join(line.text for line in lines))
    after = squeeze("".join(line.text for line in restored))
    if Counter(before) != Counter(after):
        fig.lost_pages.append(name)
    if [line.index for line in restored] == [line.index for line in lines] and len(restored) == len(lines):
        fig.unchanged += 1
    hits_before = sum(1 for p in paragraphs if p in before)
    hits_after = sum(1 for p in paragraphs if p in after)
    fig.paragraphs += len(paragraphs)
    fig.before += hits_before
    fig.after += hits_after
    if paragraphs:
        fig.per_page.append((name, hits_before / len(paragraphs), hits_after / len(paragraphs)))


def run_mode(mode: str, shared: Path, limit: int) -> ModeFigures:
    fig = ModeFigures(mode)
    if mode == "seed":
        for txt in sorted((shared / "seed").glob("*.txt")):
            gold_file = txt.with_name(txt.name[: -len(".txt")] + ".gold.json")
            gold = json.loads(gold_file.read_text(encoding="utf-8")) if gold_file.exists() else {}
            paragraphs = [squeeze(p) for page in gold.get("pages", []) for a in page.get("articles", []) for p in a.get("body", [])]
            measure_page(fig, txt.name, txt.read_text(encoding="utf-8"), [p for p in paragraphs if p])
        return fig
    issues = sorted(d for d in (shared / "corpus" / "dev").iterdir() if (d / "gold.json").exists())
    for issue in issues[: limit or None]:
        gold = json.loads((issue / "gold.json").read_text(encoding="utf-8"))
        for number, text in page_texts(mode, issue):
            measure_page(fig, f"{issue.name}/p{number}", text, gold_paragraphs(gold, number))
    return fig


def warm_up() -> None:
    """Load the word list once before anything is timed (a process pays
    for it once, not per page)."""
    lines = page_from_text("\n".join(["江州早市换新颜 青石河大桥合龙", "", "今年雨水匀", "稻子长得好", "能多收", "一百来斤"])).lines
    restore_column_order(lines)
    from jianbao.lexicon import word_log_probabilities

    word_log_probabilities()


def report(figs: list[ModeFigures], details: bool) -> str:
    rows = [f"{'mode':<12}{'pages':>6}{'paras':>7}{'before':>8}{'after':>8}{'unchanged':>11}{'lost':>6}{'ms/page':>9}{'x read':>8}"]
    for f in figs:
        share = lambda k: k / f.paragraphs if f.paragraphs else 0.0  # noqa: E731
        ms = 1000 * f.seconds / f.pages if f.pages else 0.0
        ratio = f.seconds / f.read_seconds if f.read_seconds else 0.0
        rows.append(
            f"{f.mode:<12}{f.pages:>6}{f.paragraphs:>7}{share(f.before):>8.3f}{share(f.after):>8.3f}"
            f"{f.unchanged:>11}{len(f.lost_pages):>6}{ms:>9.2f}{ratio:>8.2f}"
        )
    for f in figs:
        for name in f.lost_pages:
            rows.append(f"  {f.mode}: characters changed on {name}")
        if details:
            for name, b, a in sorted(f.per_page, key=lambda t: t[2]):
                rows.append(f"  {f.mode} {name}: {b:.2f} -> {a:.2f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", default=DEFAULT_MODES, help="comma-separated: pdftotext, pymupdf, seed, pdfminer, pypdfium2, pdftotext-layout")
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder (default ../shared or $JIANBAO_SHARED)")
    parser.add_argument("--issues", type=int, default=0, help="only the first N issues")
    parser.add_argument("--details", action="store_true", help="per-page shares, worst first")
    args = parser.parse_args(argv)
    shared = args.shared or default_shared()
    if not (shared / "corpus" / "dev").is_dir():
        print(f"column_order.py: no corpus at {shared} (use --shared or $JIANBAO_SHARED)", file=sys.stderr)
        return 2
    modes = [m.strip() for m in args.mode.split(",") if m.strip()]
    warm_up()
    figs = [run_mode(m, shared, args.issues) for m in modes]
    print("share of gold body paragraphs printed contiguously, before -> after the column-order stage")
    print("(ms/page: the stage alone; x read: its cost over that of reading the text into lines, same run)")
    print(report(figs, args.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
