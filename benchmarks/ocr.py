"""Image mode on rendered dev pages: accuracy against gold, speed against
RapidOCR alone.

Renders a sample of pages of the dev corpus (``../shared/corpus/dev`` next
to the repository, or ``--corpus`` / ``JIANBAO_CORPUS``) to greyscale
images at each resolution asked for, runs image mode (deskew, OCR, lines,
the geometric assembly of PDF mode) and scores the clippings against the
gold of the same pages with :mod:`jianbao.evaluate`.  Also reported:

* the reader's own character error rate: each OCR line against the PDF text
  layer under its box (independent of layout analysis);
* PDF mode on the same pages, so layout errors can be told from OCR errors;
* time per page of image mode over a plain ``RapidOCR()`` call on the same
  image (median ratio of wall-clock times, and of process CPU times, which
  other processes' load disturbs less), measured in the same run on
  ``--time-pages`` pages, the two alternating ``--time-rounds`` times.

OCR results are cached (``--cache``, default a folder in the temp dir), so
re-scoring after a change to line building or layout costs seconds; timing
always runs the OCR afresh.

    python benchmarks/ocr.py                 # 12 pages, 200 and 150 dpi
    python benchmarks/ocr.py --pages 4 --dpi 200 --time-pages 0
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz.distance import Levenshtein

from jianbao.evaluate import Tally, metrics, read_clipping, score_clippings
from jianbao.model import Issue, Page
from jianbao.pipeline import Options, build_issue, process_page
from jianbao.readers.image import page_from_pixels, page_from_result, picture_boxes
from jianbao.readers.ocr import OcrResult, recognise

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
TARGETS = {200: {"article_f1": 0.95, "body_cer": 0.01, "title_exact": 0.9}, 150: {"article_f1": 0.9}}


def sample_pages(corpus: Path, count: int) -> list[tuple[Path, int]]:
    """``count`` (issue.pdf, page number) pairs spread evenly over the issues,
    cycling through page positions so inside pages are sampled too."""
    import pymupdf

    issues = sorted(p for p in corpus.glob("*/issue.pdf"))
    if not issues:
        sys.exit(f"no issues under {corpus}")
    step = max(1, len(issues) // count)
    picked = []
    for k, pdf in enumerate(issues[::step][:count]):
        with pymupdf.open(pdf) as doc:
            picked.append((pdf, 1 + k % doc.page_count))
    return picked


def render(pdf: Path, number: int, dpi: int) -> np.ndarray:
    import pymupdf

    with pymupdf.open(pdf) as doc:
        pix = doc[number - 1].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width].copy()


def cached_ocr(cache: Path, pdf: Path, number: int, dpi: int, gray: np.ndarray) -> OcrResult:
    key = cache / f"{pdf.parent.name}-p{number}-{dpi}.json"
    if key.exists():
        return OcrResult.from_dict(json.loads(key.read_text(encoding="utf-8")))
    result = recognise(gray)
    key.write_text(json.dumps(result.to_dict(), ensure_ascii=False), encoding="utf-8")
    return result


def image_page(result: OcrResult, gray: np.ndarray, dpi: int, number: int, source: str) -> Page:
    """What read_image/ocr_pdf_page build, from a (cached) OCR result."""
    page = page_from_result(result, dpi, number=number, source=source, gray=gray)
    page.pictures = picture_boxes(gray, result, 72.0 / dpi)
    return process_page(page)


def pdf_page(pdf: Path, number: int) -> Page:
    from jianbao.readers.pdf import read_pdf

    page = read_pdf(str(pdf))[number - 1]
    page.number = number
    return process_page(page)


def score_page(page: Page, gold: dict[str, Any], number: int) -> Tally:
    """Score one predicted page against the gold of that page only."""
    issue: Issue = build_issue([page], Options(), sources=[page.source], mode="image")
    gold_page = next(p for p in gold["pages"] if int(p["page"]) == number)
    pred = issue.to_dict()
    pred["pages"][0]["page"] = number
    tally, _ = score_clippings(read_clipping(pred, "pred"), read_clipping({"pages": [gold_page]}, "gold"))
    return tally


def line_cer(result: OcrResult, gray: np.ndarray, pdf: Path, number: int, dpi: int) -> tuple[int, int]:
    """Edits and characters of each OCR line against the text layer under
    its box (the reader alone, before any layout analysis)."""
    import pymupdf

    from jianbao.readers.image import lines_from_result

    lines, _ = lines_from_result(result, 72.0 / dpi, gray=gray)
    edits = chars = 0
    with pymupdf.open(pdf) as doc:
        page = doc[number - 1]
        words = page.get_text("rawdict")
        glyphs = [
            (c["c"], c["bbox"])
            for b in words["blocks"]
            for ln in b.get("lines", [])
            for s in ln["spans"]
            for c in s["chars"]
            if not c["c"].isspace()
        ]
        for line in lines:
            x0, y0, x1, y1 = line.bbox
            inside = [g for g, bb in glyphs if x0 - 2 <= (bb[0] + bb[2]) / 2 <= x1 + 2 and y0 - 2 <= (bb[1] + bb[3]) / 2 <= y1 + 2]
            truth = "".join(undouble(inside))
            got = "".join(line.text.split())
            edits += Levenshtein.distance(got, truth)
            chars += len(truth)
    return edits, chars


def undouble(chars: list[str]) -> list[str]:
    """Faux-bold text is drawn twice at a small offset; the second copy of
    a run follows the first, so drop a run that repeats the one before."""
    n = len(chars)
    if n >= 4 and n % 2 == 0 and chars[: n // 2] == chars[n // 2 :]:
        return chars[: n // 2]
    return chars


def time_page(gray: np.ndarray, dpi: int, rounds: int) -> dict[str, float]:
    """Seconds (wall clock and process CPU) for image mode (deskew, OCR,
    lines, pictures) and for a plain default RapidOCR call on the same
    pixels.  The two alternate (A B, B A, …) and each keeps its fastest
    round, so that load from other processes on a shared machine, which
    only ever slows a run down, weighs on both alike."""
    import cv2
    from rapidocr import RapidOCR

    from jianbao.readers.ocr import engine

    bgr = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    plain = plain_engine(RapidOCR)
    engine()  # both engines loaded before either is timed
    runs = {"ours": lambda: page_from_pixels(gray, dpi, number=1, source=""), "alone": lambda: plain(bgr)}
    best: dict[str, float] = {}
    for k in range(max(1, rounds)):
        for name in ("alone", "ours") if k % 2 == 0 else ("ours", "alone"):
            wall, cpu = time.perf_counter(), time.process_time()
            runs[name]()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            best[f"{name}_wall"] = min(best.get(f"{name}_wall", wall), wall)
            best[f"{name}_cpu"] = min(best.get(f"{name}_cpu", cpu), cpu)
    return best


_PLAIN: list[Any] = []


def plain_engine(factory: Any) -> Any:
    if not _PLAIN:
        _PLAIN.append(factory(params={"Global.log_level": "warning"}))
    return _PLAIN[0]


def run(corpus: Path, count: int, dpis: list[int], cache: Path, time_pages: int, time_rounds: int = 2) -> dict[str, Any]:
    cache.mkdir(parents=True, exist_ok=True)
    sample = sample_pages(corpus, count)
    report: dict[str, Any] = {"pages": [f"{pdf.parent.name} p{n}" for pdf, n in sample], "by_dpi": {}}
    pdf_total = Tally()
    for pdf, number in sample:
        pdf_total.add(score_page(pdf_page(pdf, number), json.loads((pdf.parent / "gold.json").read_text("utf-8")), number))
    report["pdf_mode"] = metrics(pdf_total)
    for dpi in dpis:
        total, edits, chars, ratios, cpu_ratios = Tally(), 0, 0, [], []
        for k, (pdf, number) in enumerate(sample):
            gold = json.loads((pdf.parent / "gold.json").read_text("utf-8"))
            gray = render(pdf, number, dpi)
            started = time.perf_counter()
            result = cached_ocr(cache, pdf, number, dpi, gray)
            ocr_s = time.perf_counter() - started
            page = image_page(result, gray, dpi, number, str(pdf))
            tally = score_page(page, gold, number)
            total.add(tally)
            e, c = line_cer(result, gray, pdf, number, dpi)
            edits, chars = edits + e, chars + c
            m = metrics(tally)
            print(
                f"{dpi} dpi {pdf.parent.name} p{number}: F1 {fmt(m['article_f1'])} CER {fmt(m['body_cer'])} "
                f"title {fmt(m['title_exact'])} line-CER {e / max(c, 1):.4f} ocr {ocr_s:.1f}s",
                file=sys.stderr,
            )
            if k < time_pages:
                s = time_page(gray, dpi, time_rounds)
                ratios.append(s["ours_wall"] / s["alone_wall"])
                cpu_ratios.append(s["ours_cpu"] / s["alone_cpu"])
                print(
                    f"  time: image mode {s['ours_wall']:.2f}s (CPU {s['ours_cpu']:.2f}s), RapidOCR alone "
                    f"{s['alone_wall']:.2f}s (CPU {s['alone_cpu']:.2f}s), ratio {ratios[-1]:.3f} (CPU {cpu_ratios[-1]:.3f})",
                    file=sys.stderr,
                )
        report["by_dpi"][dpi] = {
            "metrics": metrics(total),
            "line_cer": edits / max(chars, 1),
            "time_ratio_median": statistics.median(ratios) if ratios else None,
            "cpu_ratio_median": statistics.median(cpu_ratios) if cpu_ratios else None,
            "timed_pages": len(ratios),
            "targets": TARGETS.get(dpi, {}),
        }
    return report


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_summary(report: dict[str, Any]) -> None:
    print(f"pages: {len(report['pages'])} ({', '.join(report['pages'])})")
    pm = report["pdf_mode"]
    print(f"PDF mode, same pages: F1 {fmt(pm['article_f1'])}  body CER {fmt(pm['body_cer'])}  title {fmt(pm['title_exact'])}")
    for dpi, r in report["by_dpi"].items():
        m = r["metrics"]
        ratio = r["time_ratio_median"]
        print(
            f"{dpi} dpi: F1 {fmt(m['article_f1'])}  body CER {fmt(m['body_cer'])}  title {fmt(m['title_exact'])}  "
            f"headline {fmt(m['headline_exact'])}  byline {fmt(m['byline_exact'])}  line CER {r['line_cer']:.4f}  "
            f"time ratio {fmt(ratio)} (CPU {fmt(r['cpu_ratio_median'])}, {r['timed_pages']} pages)  targets {r['targets']}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("JIANBAO_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 150])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "jianbao-ocr-cache")
    parser.add_argument("--time-pages", type=int, default=4, help="pages per resolution to time (0: no timing)")
    parser.add_argument("--time-rounds", type=int, default=2, help="alternating runs of each engine per timed page")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (set --corpus or JIANBAO_CORPUS)")
    report = run(args.corpus, args.pages, args.dpi, args.cache, args.time_pages, args.time_rounds)
    print_summary(report)
    if args.json:
        from jianbao.fileio import write_atomic

        write_atomic(args.json, json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
