"""Archive search benchmark: exact recall, query latency, build throughput.

1. Recall: indexes the dev corpus issues (their gold clippings) and checks
   random 2–6-character substrings of indexed articles against a brute-force
   substring scan: every article containing the string must be found.
2. Scale: builds an archive of ``--articles`` articles (default 200,000) by
   indexing the same issues again and again under distinct papers and dates,
   reporting build throughput and database size, then measures the latency
   of :func:`jianbao.archive.search.search` (first page of 20 hits, with the
   total) for random 2–6-character substrings, and re-checks recall for a
   few of them over the whole big archive.

The corpus is read from ``../shared/corpus/dev`` beside the repository (or
``--shared`` / ``$JIANBAO_SHARED``); nothing is copied from it.

    python benchmarks/search.py                     # full run (builds 200k articles: ~30 min on 2 busy cores)
    python benchmarks/search.py --db big.db --reuse # measure again on an archive built before
    python benchmarks/search.py --articles 20000    # quick run
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from jianbao.archive.grams import search_text
from jianbao.archive.search import SearchQuery, matching_ids, search
from jianbao.archive.store import Archive, row_to_article
from jianbao.model import Issue
from jianbao.rules.script import folded

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_gold_issues(shared: Path) -> list[dict]:
    dev = shared / "corpus" / "dev"
    if not dev.is_dir():
        sys.exit(f"search.py: {dev}: no dev corpus (use --shared)")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(dev.glob("*/gold.json"))]


def copy_of(gold: dict, k: int) -> Issue:
    """The k-th copy of an issue: a distinct paper name every fourth copy
    and a date moved back by 130 days every fourth copy, so no two copies
    share an issue key."""
    issue = Issue.from_dict(gold)
    if k % 4:
        issue.paper = f"{issue.paper or '报'}（复本{k % 4}）"
    if issue.issue_date:
        issue.issue_date = (date.fromisoformat(issue.issue_date) - timedelta(days=130 * (k // 4))).isoformat()
    return issue


def archive_texts(archive: Archive) -> dict[int, str]:
    return {row["id"]: search_text(row_to_article(row)).whole for row in archive.iter_rows()}


def random_substrings(texts: list[str], n: int, rng: random.Random) -> list[str]:
    """Substrings of 2–6 characters (uniform length) without whitespace."""
    out: list[str] = []
    pool = [t for t in texts if len(t) > 8]
    while len(out) < n:
        text = rng.choice(pool)
        length = rng.randint(2, 6)
        start = rng.randrange(len(text) - length)
        candidate = text[start:start + length]
        if len(candidate) == length and not any(ch.isspace() for ch in candidate):
            out.append(candidate)
    return out


def check_recall(archive: Archive, texts: dict[int, str], queries: list[str]) -> dict:
    """Found / expected over all queries, against a brute-force scan (in
    simplified characters, as the archive compares them)."""
    expected_total = found_total = extra = 0
    misses = []
    texts = {i: folded(t) for i, t in texts.items()}
    for q in queries:
        q = folded(q)
        expected = {i for i, t in texts.items() if q in t}
        got = set(matching_ids(archive, q))
        expected_total += len(expected)
        found_total += len(expected & got)
        extra += len({i for i in got - expected if q.lower() not in texts[i].lower()})
        if expected - got:
            misses.append(q)
    return {
        "queries": len(queries),
        "expected_hits": expected_total,
        "found_hits": found_total,
        "recall": found_total / expected_total if expected_total else 1.0,
        "false_hits": extra,
        "queries_with_misses": misses[:10],
    }


def build_big(path: Path, golds: list[dict], articles: int) -> dict:
    if path.exists():
        path.unlink()
    archive = Archive(path)
    n = k = 0
    start = time.perf_counter()
    while n < articles:
        for gold in golds:
            n += archive.index_issue(copy_of(gold, k)).articles
            if n >= articles:
                break
        k += 1
    build_s = time.perf_counter() - start
    t = time.perf_counter()
    archive.optimize()
    optimize_s = time.perf_counter() - t
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    return {
        "articles": n,
        "build_s": round(build_s, 1),
        "articles_per_s": round(n / build_s, 1),
        "optimize_s": round(optimize_s, 1),
        "db_mb": round(path.stat().st_size / 1e6, 1),
    }


def measure_latency(archive: Archive, queries: list[str], limit: int) -> dict:
    """Latency of a first page of hits with the total, per query length and
    per ranking path (BM25 over every match, or the bounded order used
    beyond RANK_LIMIT matches)."""
    search(archive, SearchQuery(queries[0], limit=limit))  # warm the page cache once
    per_len: dict[int, list[float]] = {}
    per_path: dict[str, list[float]] = {"bm25": [], "beyond_rank_limit": []}
    for q in queries:
        t = time.perf_counter()
        result = search(archive, SearchQuery(q, limit=limit))
        ms = (time.perf_counter() - t) * 1000
        per_len.setdefault(len(q), []).append(ms)
        per_path["bm25" if result.exact_total else "beyond_rank_limit"].append(ms)
    every = sorted(x for xs in per_len.values() for x in xs)

    def p(xs: list[float], q: float) -> float | None:
        xs = sorted(xs)
        return round(xs[min(len(xs) - 1, int(q * len(xs)))], 2) if xs else None

    return {
        "queries": len(queries),
        "p50_ms": p(every, 0.5),
        "p95_ms": p(every, 0.95),
        "max_ms": round(every[-1], 2),
        "mean_ms": round(statistics.mean(every), 2),
        "p95_ms_by_length": {n: p(xs, 0.95) for n, xs in sorted(per_len.items())},
        "by_path": {k: {"queries": len(v), "p50_ms": p(v, 0.5), "p95_ms": p(v, 0.95)} for k, v in per_path.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("JIANBAO_SHARED", DEFAULT_SHARED)))
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--recall-queries", type=int, default=200)
    ap.add_argument("--big-recall-queries", type=int, default=20)
    ap.add_argument("--db", type=Path, help="where to build the big archive (default: a temporary file)")
    ap.add_argument("--reuse", action="store_true", help="reuse --db when it already exists")
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    golds = load_gold_issues(args.shared)
    report: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        dev = Archive(Path(tmp) / "dev.db")
        for gold in golds:
            dev.index_issue(Issue.from_dict(gold))
        dev_texts = archive_texts(dev)
        queries = random_substrings(list(dev_texts.values()), args.recall_queries, rng)
        report["dev_recall"] = {"articles": len(dev_texts), **check_recall(dev, dev_texts, queries)}
        dev.close()
        print(json.dumps({"dev_recall": report["dev_recall"]}, ensure_ascii=False), flush=True)

        big_path = args.db or Path(tmp) / "big.db"
        if args.reuse and big_path.exists():
            report["build"] = {"reused": str(big_path)}
        else:
            report["build"] = build_big(big_path, golds, args.articles)
        print(json.dumps({"build": report["build"]}, ensure_ascii=False), flush=True)
        big = Archive(big_path, create=False)
        report["size"] = big.counts()
        latency_queries = random_substrings(list(dev_texts.values()), args.queries, rng)
        report["latency"] = measure_latency(big, latency_queries, limit=20)
        print(json.dumps({"latency": report["latency"]}, ensure_ascii=False), flush=True)
        if args.big_recall_queries:
            big_texts = archive_texts(big)
            sample = random_substrings(list(dev_texts.values()), args.big_recall_queries, rng)
            report["big_recall"] = check_recall(big, big_texts, sample)
        big.close()
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
