"""PDF mode on the development corpus: accuracy, conservation and speed.

For every ``dev/<issue>/issue.pdf`` next to the repository (``../shared``,
or ``--shared`` / ``$JIANBAO_SHARED``):

* parses the issue in PDF mode and scores it against ``gold.json`` with the
  compact scorer below, which follows the corpus README (``jianbao eval``
  gives the same figures; ``--details`` there lists per-page problems);
* scores the peer a user would try instead: pymupdf4llm Markdown with each
  heading taken as an article start and its text up to the next heading as
  the body;
* checks character conservation on every page;
* times PDF mode against PyMuPDF ``page.get_text('dict')`` alone on the same
  pages in the same run and reports the median ratio over the issues.

    python benchmarks/pdf.py [--shared DIR] [--limit N] [--no-peer] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz.distance import Levenshtein
from scipy.optimize import linear_sum_assignment

MATCH = 0.9
WS = re.compile(r"\s+")


def default_shared() -> Path:
    return Path(os.environ.get("JIANBAO_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")


# --- scoring (corpus README metrics) -----------------------------------------------


def squeeze(text: str) -> str:
    return WS.sub("", text or "")


def content(article: dict[str, Any]) -> str:
    return squeeze("".join(article.get("body") or []) + "".join(c.get("text", "") for c in article.get("captions") or []))


def match_page(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Hungarian pairing by content similarity; pairs at ≥ 0.9 count."""
    if not gold or not pred:
        return []
    sim = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            sim[i, j] = Levenshtein.normalized_similarity(content(g), content(p))
    rows, cols = linear_sum_assignment(-sim)
    return [(i, j) for i, j in zip(rows, cols) if sim[i, j] >= MATCH]


def boundaries(paragraphs: list[str]) -> set[int]:
    offsets, total = set(), 0
    for para in paragraphs[:-1]:
        total += len(squeeze(para))
        offsets.add(total)
    return offsets


class Score:
    def __init__(self) -> None:
        self.c: dict[str, float] = {}

    def add(self, key: str, hit: float, total: float = 1.0) -> None:
        self.c[key + ".hit"] = self.c.get(key + ".hit", 0) + hit
        self.c[key + ".n"] = self.c.get(key + ".n", 0) + total

    def rate(self, key: str) -> float | None:
        n = self.c.get(key + ".n", 0)
        return self.c.get(key + ".hit", 0) / n if n else None

    def report(self) -> dict[str, float | None]:
        p, r = self.rate("precision"), self.rate("recall")
        out: dict[str, float | None] = {
            "article_precision": p,
            "article_recall": r,
            "article_f1": (2 * p * r / (p + r)) if p and r else 0.0,
            "body_cer": self.rate("cer"),
        }
        for key in ("headline", "kicker", "title", "subtitle", "byline", "caption_text", "caption_credit",
                    "paragraph_f1", "jump_marker", "jump_link"):
            out[key] = self.rate(key)
        return out


def score_issue(gold: dict, pred: dict, score: Score) -> None:
    pred_pages = {int(p["page"]): p.get("articles") or [] for p in pred.get("pages") or []}
    matched: dict[tuple[int, str], dict] = {}
    gold_index: dict[tuple[int, str], dict] = {}
    for page in gold["pages"]:
        g_arts, p_arts = page["articles"], pred_pages.get(int(page["page"]), [])
        pairs = match_page(g_arts, p_arts)
        score.add("precision", len(pairs), len(p_arts))
        score.add("recall", len(pairs), len(g_arts))
        by_gold = {i: p_arts[j] for i, j in pairs}
        for i, g in enumerate(g_arts):
            gold_index[(int(page["page"]), g["id"])] = g
            if i in by_gold:
                matched[(int(page["page"]), g["id"])] = by_gold[i]
        for i, g in enumerate(g_arts):
            score_article(g, by_gold.get(i), score)
    for (page_no, gid), g in gold_index.items():
        target = g.get("continues_to")
        if not target:
            continue
        p = matched.get((page_no, gid))
        ref = (p or {}).get("continues_to") or {}
        marker_ok = bool(p) and ref.get("page") == target["page"]
        score.add("jump_marker", marker_ok)
        other = matched.get((int(target["page"]), target.get("id", "")))
        score.add("jump_link", marker_ok and other is not None and ref.get("id") == other.get("id"))


def score_article(g: dict, p: dict | None, score: Score) -> None:
    p = p or {}
    if p:
        gb, pb = squeeze("".join(g.get("body") or [])), squeeze("".join(p.get("body") or []))
        score.add("cer", Levenshtein.distance(gb, pb), len(gb))
        if gb == pb and gb:
            gs, ps = boundaries(g["body"]), boundaries(p.get("body") or [])
            tp = len(gs & ps)
            prec = tp / len(ps) if ps else 1.0
            rec = tp / len(gs) if gs else 1.0
            score.add("paragraph_f1", 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    fields = {k: squeeze(g.get(k, "")) == squeeze(p.get(k, "")) and bool(p) for k in ("kicker", "title", "subtitle")}
    for key, ok in fields.items():
        score.add(key, ok)
    if squeeze(g.get("kicker", "") + g.get("title", "") + g.get("subtitle", "")):
        score.add("headline", bool(p) and all(fields.values()))
    if squeeze(g.get("byline", "")):
        score.add("byline", bool(p) and squeeze(g["byline"]) == squeeze(p.get("byline", "")))
    for cap in g.get("captions") or []:
        pcaps = p.get("captions") or []
        score.add("caption_text", any(squeeze(c.get("text", "")) == squeeze(cap["text"]) for c in pcaps))
        if cap.get("credit"):
            score.add("caption_credit", any(squeeze(c.get("credit", "")) == squeeze(cap["credit"]) for c in pcaps))


# --- the peer: pymupdf4llm headings as articles ---------------------------------------


def peer_issue(pdf: Path) -> dict:
    import pymupdf
    import pymupdf4llm

    doc = pymupdf.open(pdf)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        chunks = pymupdf4llm.to_markdown(doc, page_chunks=True, show_progress=False)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        articles: list[dict] = []
        for line in chunk["text"].splitlines():
            heading = re.match(r"^#+\s*(.*)$", line)
            if heading:
                articles.append({"id": f"p{number}m{len(articles) + 1}", "title": heading.group(1).strip("* "), "body": [""]})
            elif articles:
                if line.strip():
                    articles[-1]["body"][-1] += line.strip()
                elif articles[-1]["body"][-1]:
                    articles[-1]["body"].append("")
        for article in articles:
            article["body"] = [b for b in article["body"] if b]
        pages.append({"page": number, "articles": articles})
    return {"pages": pages}


# --- timing -----------------------------------------------------------------------------


def time_dict_alone(pdf: Path) -> float:
    import pymupdf

    start = time.perf_counter()
    doc = pymupdf.open(pdf)
    for page in doc:
        page.get_text("dict")
    doc.close()
    return time.perf_counter() - start


def time_pdf_mode(pdf: Path) -> tuple[float, Any]:
    from jianbao.pipeline import Options, parse_paths

    start = time.perf_counter()
    issue = parse_paths([str(pdf)], Options(mode="pdf"))
    return time.perf_counter() - start, issue


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=default_shared())
    ap.add_argument("--limit", type=int, default=0, help="only the first N issues")
    ap.add_argument("--no-peer", action="store_true", help="skip the pymupdf4llm peer")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here")
    args = ap.parse_args(argv)
    dev = args.shared / "corpus" / "dev"
    if not dev.is_dir():
        print(f"pdf benchmark: no corpus at {dev}", file=sys.stderr)
        return 2
    from jianbao.conservation import check_page

    issues = sorted(p for p in dev.iterdir() if (p / "issue.pdf").exists())
    if args.limit:
        issues = issues[: args.limit]
    ours, peer = Score(), Score()
    ratios, problems, n_pages = [], [], 0
    time_dict_alone(issues[0] / "issue.pdf")  # warm PyMuPDF up before timing
    time_pdf_mode(issues[0] / "issue.pdf")
    for folder in issues:
        pdf = folder / "issue.pdf"
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        base = time_dict_alone(pdf)
        took, issue = time_pdf_mode(pdf)
        ratios.append(took / base)
        n_pages += len(issue.pages)
        for page in issue.pages:
            problems.extend(check_page(page))
        pred = issue.to_dict()
        score_issue(gold, pred, ours)
        if not args.no_peer:
            score_issue(gold, peer_issue(pdf), peer)
    figures = {
        "issues": len(issues),
        "pages": n_pages,
        "pdf_mode": ours.report(),
        "peer_pymupdf4llm": None if args.no_peer else peer.report(),
        "time_ratio_median": statistics.median(ratios),
        "time_ratio_max": max(ratios),
        "conservation_failures": len(problems),
    }
    print_table(figures)
    for problem in problems[:10]:
        print("conservation:", problem)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def print_table(figures: dict) -> None:
    print(f"issues {figures['issues']}, pages {figures['pages']}")
    ours, peer = figures["pdf_mode"], figures["peer_pymupdf4llm"] or {}
    print(f"{'metric':22} {'pdf mode':>10} {'pymupdf4llm':>12}")
    for key, value in ours.items():
        other = peer.get(key)
        print(f"{key:22} {fmt(value):>10} {fmt(other):>12}")
    print(f"time vs get_text('dict') alone: median {figures['time_ratio_median']:.2f}x, max {figures['time_ratio_max']:.2f}x")
    print(f"conservation failures: {figures['conservation_failures']} pages")


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


if __name__ == "__main__":
    sys.exit(main())
