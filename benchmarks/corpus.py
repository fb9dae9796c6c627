"""Accuracy, conservation and speed of ``jianbao parse`` on the development corpus.

Reads the corpus next to the repository (``../shared``), or the folder given
by ``--shared`` or ``$JIANBAO_SHARED``.  For each input mode it parses every
issue of ``corpus/dev`` (in process through ``jianbao.pipeline.parse_paths``
and ``jianbao.export``, or with ``--subprocess`` through the real
``jianbao parse`` command), writes the predictions to ``--out`` (default: a
fresh temporary folder), scores them with ``jianbao.evaluate`` against each
issue's ``gold.json``, checks character conservation on every page, and
prints one table with a column per mode.

Modes (``--mode``, comma-separated or repeated; ``all`` for every one):

=================  ==========================================================
gold               gold.json scored against itself (sanity check: all 1.0)
pymupdf            the issue's ``p<N>.pymupdf.txt`` files in page order
pdftotext          the issue's ``p<N>.pdftotext.txt`` files in page order
pdf                ``issue.pdf`` (PDF mode)
pdfminer           pdfminer.six ``extract_text`` per page of ``issue.pdf``
pypdfium2          pypdfium2 ``get_textpage().get_text_range()`` per page
pypdf              pypdf ``extract_text()`` per page (when installed)
pypdf-layout       pypdf ``extract_text(extraction_mode="layout")`` per page
pdftotext-layout   poppler ``pdftotext -layout`` per page (when installed)
pdftotext-raw      poppler ``pdftotext -raw`` per page: content-stream order
pymupdf-sorted     PyMuPDF ``get_text(sort=True)`` per page: lines sorted by position
pdfplumber         pdfplumber ``extract_text()`` per page (when installed): rows of
                   side-by-side columns printed as one line
pdfplumber-layout  pdfplumber ``extract_text(layout=True)``: columns side by side on a
                   grid padded with spaces
pdftotext-narrow   poppler ``pdftotext -colspacing 0.3`` per page, as its older releases
                   print by default
pdfjs              pdf.js ``getTextContent`` per page, joined as web tools do (needs
                   node and ``npm install --prefix benchmarks``)
pdfbox             Apache PDFBox ``ExtractText`` per page (Tika's engine): drawing order
                   (needs java and Debian's ``libpdfbox2-java``)
pdfbox-sorted      the same with ``-sort``: lines sorted by position across columns
pdftotext-issue    poppler ``pdftotext`` on the whole ``issue.pdf``, one input file per
                   issue (its pages end in form feeds), as users most often run it
pymupdf-hk         the PyMuPDF pages in traditional characters (OpenCC ``s2hk``), as a
                   paper printed in them reads; the predictions are converted back
                   to simplified characters to be scored
seed               the seed page ``seed/*.txt`` against its ``*.gold.json``
=================  ==========================================================

The extractor modes (pdfminer to pdftotext-issue) generate their text on the fly from
``issue.pdf`` into a cache under the system temp folder (see
``benchmarks/extractors.py``), and so does ``pymupdf-hk`` from the PyMuPDF text; a
mode whose tool is missing is skipped with a note.

Examples::

    python benchmarks/corpus.py                          # pymupdf text mode
    python benchmarks/corpus.py --mode gold,pymupdf,pdftotext,pdf
    python benchmarks/corpus.py --mode all --issues 5 --details
    python benchmarks/corpus.py --mode pdftotext --subprocess --out pred
    python benchmarks/corpus.py --speed                  # pages/s in process and as a command
    python benchmarks/corpus.py --mode pymupdf --json figures.json

``--details`` lists every issue's article F1, worst first, and counts the missed articles by
what their nearest prediction holds (see ``jianbao.evaluate.diagnose``); rescore one issue
with ``jianbao eval OUT/<mode>/<issue>.json <shared>/corpus/dev/<issue>/gold.json --details``
to see its unmatched articles and wrong headlines.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extractors import DOCUMENT_EXTRACTORS, EXTRACTORS, extracted_pages, from_hong_kong_forms, traditional_pages, unavailable  # noqa: E402

from jianbao.conservation import check_page  # noqa: E402
from jianbao.errors import InputError  # noqa: E402
from jianbao.evaluate import METRIC_LABELS, evaluate_pairs, fmt_score, missed_causes  # noqa: E402
from jianbao.fileio import write_atomic  # noqa: E402

MODES = ["gold", "pymupdf", "pdftotext", "pdf", "pdfminer", "pypdfium2", "pypdf", "pypdf-layout", "pdftotext-layout", "pdftotext-raw", "pymupdf-sorted", "pdfplumber", "pdfplumber-layout", "pdftotext-narrow", "pdfjs", "pdfbox", "pdfbox-sorted", "pdftotext-issue", "pymupdf-hk", "seed"]
SPEED_RUNS = 5
COMMAND_RUNS = 3


def default_shared() -> Path:
    return Path(os.environ.get("JIANBAO_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")


# --- what to parse -------------------------------------------------------------------


@dataclass(slots=True)
class Job:
    """One issue to parse: its inputs in page order and its gold clipping."""

    name: str
    inputs: list[Path]
    gold: Path


class Skip(Exception):
    """A mode that cannot run on this machine or corpus."""


def issue_dirs(shared: Path, limit: int = 0) -> list[Path]:
    dev = shared / "corpus" / "dev"
    if not dev.is_dir():
        raise SystemExit(f"corpus.py: no corpus at {dev} (use --shared or $JIANBAO_SHARED)")
    dirs = sorted(d for d in dev.iterdir() if (d / "gold.json").is_file())
    return dirs[:limit] if limit else dirs


def page_files(issue: Path, suffix: str) -> list[Path]:
    """``p<N><suffix>`` files of an issue, by page number (p10 after p9)."""
    pattern = re.compile(rf"p(\d+){re.escape(suffix)}$")
    found = [(int(m.group(1)), p) for p in issue.iterdir() if (m := pattern.match(p.name))]
    return [p for _, p in sorted(found)]


def jobs_for(mode: str, shared: Path, limit: int) -> list[Job]:
    if mode == "seed":
        return seed_jobs(shared)
    if (mode in EXTRACTORS or mode in DOCUMENT_EXTRACTORS) and (why := unavailable(mode)):
        raise Skip(why)
    jobs = []
    for issue in issue_dirs(shared, limit):
        jobs.append(Job(issue.name, issue_inputs(mode, issue), issue / "gold.json"))
    return jobs


def issue_inputs(mode: str, issue: Path) -> list[Path]:
    if mode == "gold":
        return [issue / "gold.json"]
    if mode in ("pymupdf", "pdftotext"):
        return page_files(issue, f".{mode}.txt")
    if mode == "pdf":
        return [issue / "issue.pdf"]
    if mode == "pymupdf-hk":
        return traditional_pages(page_files(issue, ".pymupdf.txt"), issue.name)
    return extracted_pages(mode, issue / "issue.pdf", issue.name)


def seed_jobs(shared: Path) -> list[Job]:
    seed = shared / "seed"
    jobs = [Job(t.stem, [t], t.with_name(t.stem + ".gold.json")) for t in sorted(seed.glob("*.txt"))]
    jobs = [j for j in jobs if j.gold.is_file()]
    if not jobs:
        raise Skip(f"no seed page with gold in {seed}")
    return jobs


# --- running the parser -----------------------------------------------------------------


@dataclass(slots=True)
class Outcome:
    """What parsing one issue gave: where the prediction went and what failed."""

    pred: Path | None
    pages: int = 0
    seconds: float = 0.0
    failing_pages: int | None = None  # pages failing character conservation
    error: str = ""


def parse_in_process(job: Job, target: Path) -> Outcome:
    from jianbao.export import render
    from jianbao.fileio import write_atomic
    from jianbao.pipeline import parse_paths

    start = time.perf_counter()
    try:
        issue = parse_paths([str(p) for p in job.inputs])
    except InputError as err:
        return Outcome(None, error=str(err))
    except Exception as err:  # a parser bug must not stop the benchmark
        return Outcome(None, error=f"crash: {type(err).__name__}: {err}")
    seconds = time.perf_counter() - start
    write_atomic(target, render(issue, "json"))
    failing = sum(1 for page in issue.pages if check_page(page))
    return Outcome(target, pages=len(issue.pages), seconds=seconds, failing_pages=failing)


CHECK_LINE = re.compile(r"^jianbao: check: page (\d+)")


def parse_subprocess(job: Job, target: Path) -> Outcome:
    """The real command line, ``--check`` included; exit 1 only means some
    page failed conservation."""
    command = [sys.executable, "-m", "jianbao", "parse", *map(str, job.inputs), "-o", str(target), "--check"]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1) or not target.is_file():
        last = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1]
        return Outcome(None, error=last)
    failing = {m.group(1) for line in result.stderr.splitlines() if (m := CHECK_LINE.match(line))}
    pages = len(json.loads(target.read_text(encoding="utf-8")).get("pages") or [])
    return Outcome(target, pages=pages, seconds=seconds, failing_pages=len(failing))


def copy_gold(job: Job, target: Path) -> Outcome:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(job.gold, target)
    pages = len(json.loads(job.gold.read_text(encoding="utf-8")).get("pages") or [])
    return Outcome(target, pages=pages)


# --- one mode ----------------------------------------------------------------------------


@dataclass(slots=True)
class ModeResult:
    mode: str
    report: dict[str, Any] = field(default_factory=dict)
    failing_pages: int | None = None
    errors: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    skipped: str = ""

    @property
    def pages_per_second(self) -> float | None:
        return self.pages / self.seconds if self.seconds else None


def run_mode(mode: str, shared: Path, out: Path, limit: int, use_subprocess: bool) -> ModeResult:
    try:
        jobs = jobs_for(mode, shared, limit)
    except Skip as why:
        return ModeResult(mode, skipped=str(why))
    result = ModeResult(mode)
    pairs = []
    for job in jobs:
        target = out / mode / f"{job.name}.json"
        if mode == "gold":
            outcome = copy_gold(job, target)
        elif use_subprocess:
            outcome = parse_subprocess(job, target)
        else:
            outcome = parse_in_process(job, target)
        if mode == "pymupdf-hk" and outcome.pred is not None:
            # Scored against the simplified gold: the parse, in the page's
            # own characters, is converted back the way the page was made.
            write_atomic(outcome.pred, from_hong_kong_forms(outcome.pred.read_text(encoding="utf-8")))
        if outcome.error:
            result.errors.append(f"{job.name}: {outcome.error}")
        if outcome.failing_pages is not None:
            result.failing_pages = (result.failing_pages or 0) + outcome.failing_pages
        result.pages += outcome.pages
        result.seconds += outcome.seconds
        pairs.append((outcome.pred, job.gold))
    result.report = evaluate_pairs(pairs)
    return result


# --- speed ----------------------------------------------------------------------------------


def measure_speed(shared: Path, runs: int = SPEED_RUNS) -> tuple[float, int]:
    """Pages per second of text mode (PyMuPDF text) over every dev page in
    one process: median of ``runs`` passes, after one warm-up pass so that
    imports and lazy set-up are not counted."""
    from jianbao.pipeline import parse_paths

    inputs = [[str(p) for p in page_files(d, ".pymupdf.txt")] for d in issue_dirs(shared)]
    pages = sum(len(i) for i in inputs)
    for paths in inputs[:1]:
        parse_paths(paths)
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for paths in inputs:
            parse_paths(paths)
        rates.append(pages / (time.perf_counter() - start))
    return statistics.median(rates), pages


def measure_command_speed(shared: Path, runs: int = COMMAND_RUNS) -> tuple[float, float]:
    """Pages per second of the whole ``jianbao parse`` command, start-up
    included: every dev page's PyMuPDF text given to one command, median of
    ``runs``; and the median seconds of one command parsing one page (what
    start-up costs a user who runs it page by page)."""
    inputs = [str(p) for d in issue_dirs(shared) for p in page_files(d, ".pymupdf.txt")]
    with tempfile.TemporaryDirectory(prefix="jianbao-speed-") as tmp:
        target = Path(tmp) / "out.json"

        def timed(paths: list[str]) -> float:
            command = [sys.executable, "-m", "jianbao", "parse", *paths, "--format", "json", "-o", str(target)]
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            return time.perf_counter() - start

        timed(inputs[:1])  # the caches the first run of a fresh install writes
        whole = statistics.median(timed(inputs) for _ in range(runs))
        one = statistics.median(timed(inputs[:1]) for _ in range(runs))
    return len(inputs) / whole, one


# --- output ----------------------------------------------------------------------------------


def figures(result: ModeResult) -> dict[str, Any]:
    report = result.report
    c = report.get("counts", {})
    return {
        "mode": result.mode,
        "skipped": result.skipped or None,
        "metrics": report.get("metrics"),
        "counts": c,
        "conservation_failing_pages": result.failing_pages,
        "errors": result.errors,
        "pages_parsed": result.pages,
        "parse_seconds": round(result.seconds, 3),
        "pages_per_second": result.pages_per_second,
        "issues": [
            {"gold": f["gold"], "pred": f["pred"], "article_f1": f["metrics"]["article_f1"]} for f in report.get("files", [])
        ],
    }


def format_comparison(results: list[ModeResult]) -> str:
    ran = [r for r in results if not r.skipped]
    width = max([12] + [len(r.mode) + 2 for r in ran])
    lines = [f"{'metric':<24}" + "".join(f"{r.mode:>{width}}" for r in ran)]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"{label:<24}" + "".join(f"{cell:>{width}}" for cell in cells))

    for name, label in METRIC_LABELS:
        digits = 4 if name == "body_cer" else 3
        row(label, [fmt_score(r.report["metrics"][name], digits) for r in ran])
    row("gold articles", [str(r.report["counts"]["gold_articles"]) for r in ran])
    row("pred articles", [str(r.report["counts"]["pred_articles"]) for r in ran])
    row("matched", [str(r.report["counts"]["matched"]) for r in ran])
    row("issues", [str(r.report["counts"]["files"]) for r in ran])
    row("pages parsed", [str(r.pages) for r in ran])
    row("conservation fails", ["—" if r.failing_pages is None else str(r.failing_pages) for r in ran])
    row("failed issues", [str(len(r.errors)) for r in ran])
    row("pages/s", [fmt_score(r.pages_per_second, 1) for r in ran])
    for r in results:
        if r.skipped:
            lines.append(f"skipped {r.mode}: {r.skipped}")
    return "\n".join(lines)


def format_issue_details(results: list[ModeResult]) -> str:
    out = []
    for r in results:
        if r.skipped:
            continue
        out.append(f"\n{r.mode}: article F1 per issue, worst first")
        files = sorted(r.report["files"], key=lambda f: (f["metrics"]["article_f1"] or 0.0, f["gold"]))
        for f in files:
            c = f["counts"]
            pred = f["pred"] or "(no prediction)"
            out.append(f"  {fmt_score(f['metrics']['article_f1'])}  {c['matched']:>3}/{c['gold_articles']:<3} gold {c['pred_articles']:>3} pred  {pred}")
        for error in r.errors:
            out.append(f"  failed: {error}")
        if summary := missed_causes(r.report):
            out.append(f"  {summary}")
    return "\n".join(out)


# --- command line ---------------------------------------------------------------------------------


def parse_modes(values: list[str] | None) -> list[str]:
    modes: list[str] = []
    for value in values or ["pymupdf"]:
        for mode in value.split(","):
            mode = mode.strip()
            if mode == "all":
                modes.extend(MODES)
            elif mode in MODES:
                modes.append(mode)
            elif mode:
                raise SystemExit(f"corpus.py: unknown mode {mode!r} (choose from {', '.join(MODES)}, all)")
    return list(dict.fromkeys(modes))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", action="append", help=f"input mode(s): {', '.join(MODES)}, all (default pymupdf)")
    ap.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder holding corpus/ and seed/")
    ap.add_argument("--issues", type=int, default=0, help="only the first N issues")
    ap.add_argument("--out", type=Path, help="where predictions go (default: a new temporary folder)")
    ap.add_argument("--subprocess", action="store_true", help="run the jianbao parse command instead of parsing in process")
    ap.add_argument("--details", action="store_true", help="per-issue article F1, worst first, and failures")
    ap.add_argument("--speed", action="store_true", help=f"pages/s of text mode over all dev pages, median of {SPEED_RUNS}")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)

    modes = parse_modes(args.mode) if (args.mode or not args.speed) else []
    out = args.out or Path(tempfile.mkdtemp(prefix="jianbao-corpus-"))
    results = []
    for mode in modes:
        results.append(run_mode(mode, args.shared, out, args.issues, args.subprocess))
    payload: dict[str, Any] = {"modes": [figures(r) for r in results], "predictions": str(out)}
    if results:
        print(format_comparison(results))
        print(f"predictions in {out}")
        if args.details:
            print(format_issue_details(results))
    if args.speed:
        rate, pages = measure_speed(args.shared)
        payload["speed"] = {"pages_per_second": rate, "pages": pages, "runs": SPEED_RUNS}
        print(f"text mode (PyMuPDF text): {rate:.1f} pages/s over {pages} pages, median of {SPEED_RUNS} runs")
        command_rate, one_page = measure_command_speed(args.shared)
        payload["speed"].update(command_pages_per_second=command_rate, one_page_command_seconds=one_page)
        print(
            f"whole command, start-up included: {command_rate:.1f} pages/s over {pages} pages; "
            f"one page: {one_page:.2f} s (median of {COMMAND_RUNS})"
        )
    if args.json:
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
