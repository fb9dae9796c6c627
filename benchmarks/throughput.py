"""Batch throughput and memory: pages/s, scaling, Dask overhead, flat memory.

Runs ``jianbao batch`` as a user would (a subprocess per measurement) on
copies of the development corpus laid out as batch input, and samples the
resident memory of the whole process tree (coordinator, fork server,
workers, Dask nanny and workers) while it runs.

Measurements
  text-1 / text-2     text pages (``p<N>.txt`` folders), 1 and 2 workers
  pdf-1 / pdf-2       ``issue.pdf`` folders, 1 and 2 workers
  pdf-dask-2          the PDFs on a Dask LocalCluster of 2 workers
  mem-50 / mem-1000   peak memory of a 50-page and a 1,000-page text run
                      (pages repeated under distinct issue names)

Targets: pdf-2 / pdf-1 ≥ 1.7; pdf-dask-2 within 15 % of pdf-2; peak RSS of
mem-1000 ≤ 1.5 × mem-50.  Ratios compare runs of this same invocation.

The corpus is ``../shared/corpus/dev`` next to the repository, or
``$JIANBAO_CORPUS`` / ``--corpus``.  Without it the inputs are invented
pages (and PDFs drawn from them), which measures the machinery, not the
parser on real pages.

    python benchmarks/throughput.py [--quick] [--copies N] [--repeat N] [--json out.json]

psutil comes with the ``cluster`` extra (Dask depends on it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"


def corpus_dir(arg: str | None) -> Path | None:
    path = Path(arg or os.environ.get("JIANBAO_CORPUS") or DEFAULT_CORPUS)
    return path if path.is_dir() else None


# --- inputs -------------------------------------------------------------------


def text_pages(corpus: Path | None) -> list[list[str]]:
    """The pages of each issue as text (PyMuPDF extraction in the corpus)."""
    if corpus is None:
        return [[invented_page(i, p) for p in (1, 2)] for i in range(20)]
    issues = []
    for folder in sorted(corpus.iterdir()):
        pages = sorted(folder.glob("p*.pymupdf.txt"), key=lambda p: int(p.name[1:].split(".")[0]))
        if pages:
            issues.append([p.read_text(encoding="utf-8") for p in pages])
    return issues


def invented_page(issue: int, page: int) -> str:
    lines = [f"晨光日报\n第{page}版 要闻\n", f"第{issue}期新闻标题\n本报记者 王明\n"]
    lines += [f"本报讯 这是第{issue}期第{page}版的第{n}段新闻内容，记录城市里的新鲜事。\n" for n in range(60)]
    return "".join(lines)


def make_text_tree(root: Path, issues: list[list[str]], copies: int) -> int:
    """``copies`` of every issue as ``p<N>.txt`` folders; returns pages."""
    pages = 0
    for copy in range(copies):
        for n, issue in enumerate(issues):
            folder = root / f"c{copy:03d}" / f"issue{n:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            for number, text in enumerate(issue, start=1):
                (folder / f"p{number}.txt").write_text(text, encoding="utf-8")
                pages += 1
    return pages


def make_text_tree_of(root: Path, issues: list[list[str]], pages_wanted: int) -> int:
    """Issues repeated under distinct names until ``pages_wanted`` pages."""
    pages = 0
    n = 0
    while pages < pages_wanted:
        issue = issues[n % len(issues)][: pages_wanted - pages]
        folder = root / f"issue{n:05d}"
        folder.mkdir(parents=True)
        for number, text in enumerate(issue, start=1):
            (folder / f"p{number}.txt").write_text(text, encoding="utf-8")
        pages += len(issue)
        n += 1
    return pages


def make_pdf_tree(root: Path, corpus: Path | None, issues: list[list[str]], copies: int) -> int:
    pages = 0
    import pymupdf

    sources = sorted(corpus.glob("*/issue.pdf")) if corpus else []
    if not sources:
        for n, issue in enumerate(issues):
            path = root / "_src" / f"{n:03d}.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            doc = pymupdf.open()
            for text in issue:
                doc.new_page(width=800, height=1200).insert_textbox(
                    pymupdf.Rect(40, 40, 760, 1160), text, fontname="china-s", fontsize=10
                )
            doc.save(path)
            sources.append(path)
    for copy in range(copies):
        for n, src in enumerate(sources):
            target = root / f"c{copy:03d}" / f"issue{n:03d}" / "issue.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            with pymupdf.open(src) as doc:
                pages += doc.page_count
    if (root / "_src").exists():
        shutil.rmtree(root / "_src")
    return pages


# --- one measured run -----------------------------------------------------------


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(name: str, inputs: Path, work: Path, workers: int, engine: str = "local") -> dict:
    """Run one batch, sampling the process tree's memory every 50 ms."""
    out = work / f"out-{name}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "jianbao", "batch", str(inputs), "--out", str(out), "-j", str(workers), "-q"]
    if engine != "local":
        cmd += ["--engine", engine]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, tree_rss(watched))
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - started
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    report = json.loads((out / "_batch" / "report.json").read_text(encoding="utf-8"))
    shutil.rmtree(out, ignore_errors=True)
    row = {
        "run": name,
        "workers": workers,
        "engine": engine,
        "exit": proc.returncode,
        "issues": report["issues"],
        "pages": report["pages"],
        "failed": report["failed"],
        "seconds": report["seconds"],
        "wall": round(wall, 2),
        "pages_per_s": round(report["pages"] / report["seconds"], 2) if report["seconds"] else None,
        "peak_rss_mb": round(peak / 2**20, 1),
        # Share of the run the workers spent parsing: near 1 means the
        # machinery adds little; low on a machine shared with other work.
        "worker_busy": round(report["worker_seconds"] / (report["seconds"] * workers), 3) if report["seconds"] else None,
    }
    if proc.returncode not in (0, 1):
        row["stderr"] = stderr[-500:]
    if report["failures"]:
        row["errors"] = sorted({f["error"].split(": ", 1)[-1][:160] for f in report["failures"]})[:3]
        print("  failures:", row["errors"], flush=True)
    print(
        f"{name:12} {engine:5} w={workers} issues={row['issues']:4} pages={row['pages']:5} failed={row['failed']:3} "
        f"{row['seconds']:7.2f} s  {row['pages_per_s'] or 0:7.2f} pages/s  peak RSS {row['peak_rss_mb']:7.1f} MB  busy {row['worker_busy']}",
        flush=True,
    )
    return row


def best_of(repeat: int, name: str, inputs: Path, work: Path, workers: int, engine: str = "local") -> dict:
    """The fastest of ``repeat`` runs: on a shared machine the slow runs
    measure the neighbours, the fastest one the program."""
    rows = [measure(name, inputs, work, workers, engine) for _ in range(max(1, repeat))]
    best = max(rows, key=lambda r: r["pages_per_s"] or 0)
    best["all_pages_per_s"] = [r["pages_per_s"] for r in rows]
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in rows)
    return best


# --- the benchmark ----------------------------------------------------------------


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="dev corpus folder (default ../shared/corpus/dev or $JIANBAO_CORPUS)")
    parser.add_argument("--copies", type=int, default=1, help="copies of the corpus per throughput run")
    parser.add_argument("--quick", action="store_true", help="skip Dask and the 1,000-page memory run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per throughput measurement; the fastest counts")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--skip-text", action="store_true")
    parser.add_argument("--skip-memory", action="store_true", help="skip the 50- and 1,000-page memory runs")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    print(f"corpus: {'dev corpus' if corpus else 'invented pages (no corpus found)'}; cores: {os.cpu_count()}")
    issues = text_pages(corpus)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="jianbao-bench-") as tmp:
        work = Path(tmp)
        text_in, pdf_in = work / "text", work / "pdf"
        make_text_tree(text_in, issues, args.copies)
        n = args.repeat
        if not args.skip_text:
            rows.append(best_of(n, "text-1", text_in, work, 1))
            rows.append(best_of(n, "text-2", text_in, work, 2))
        if not args.skip_pdf:
            make_pdf_tree(pdf_in, corpus, issues, args.copies)
            rows.append(best_of(n, "pdf-1", pdf_in, work, 1))
            rows.append(best_of(n, "pdf-2", pdf_in, work, 2))
            if not args.quick:
                rows.append(best_of(n, "pdf-dask-2", pdf_in, work, 2, engine="dask"))
        if not args.quick and not args.skip_text:
            rows.append(best_of(n, "text-dask-2", text_in, work, 2, engine="dask"))
        if not args.quick and not args.skip_memory:
            for pages in (50, 1000):
                mem_in = work / f"mem{pages}"
                make_text_tree_of(mem_in, issues, pages)
                rows.append(measure(f"mem-{pages}", mem_in, work, 2))
    by = {r["run"]: r for r in rows}

    def speed(name: str) -> float | None:
        return by[name]["pages_per_s"] if name in by else None

    def rss(name: str) -> float | None:
        return by[name]["peak_rss_mb"] if name in by else None

    figures = {
        "text_scaling_1_to_2": ratio(speed("text-2"), speed("text-1")),
        "pdf_scaling_1_to_2": ratio(speed("pdf-2"), speed("pdf-1")),
        "pdf_dask_vs_local": ratio(speed("pdf-dask-2"), speed("pdf-2")),
        "text_dask_vs_local": ratio(speed("text-dask-2"), speed("text-2")),
        "rss_1000_vs_50": ratio(rss("mem-1000"), rss("mem-50")),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    print("figures:", json.dumps(figures))
    print("targets: pdf_scaling_1_to_2 >= 1.7; pdf_dask_vs_local >= 0.85; rss_1000_vs_50 <= 1.5")
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": rows, "figures": figures}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
