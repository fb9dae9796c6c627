"""A batch run from start to end: discover, plan, run, record, report.

The coordinating process is the only writer of the manifest, the report
and the archive index; workers write the per-issue outputs.  Every issue
ends in exactly one manifest row, written after its output is in place.
"""

from __future__ import annotations

import glob
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from jianbao.batch.discovery import IssueInput, discover
from jianbao.batch.manifest import FAILED, OK, Entry, Manifest
from jianbao.batch.work import FORMATS, Job, Result, output_path
from jianbao.errors import InputError
from jianbao.fileio import STATE_DIR, write_atomic

TABLES_DIR = "_tables"
TABLES = ("articles", "pages")


@dataclass(slots=True)
class BatchConfig:
    input_dir: Path
    out_dir: Path
    fmt: str = "jsonl"
    workers: int = 0  # 0: all cores
    engine: str = "local"  # local | dask
    scheduler: str | None = None
    timeout: float | None = 300.0  # seconds without a finished page
    tables: bool = False
    db: Path | None = None
    force: bool = False
    report: Path | None = None
    max_tasks_per_child: int = 50


@dataclass(slots=True)
class Summary:
    issues: int = 0
    skipped: int = 0
    parsed: int = 0
    failed: int = 0
    pages: int = 0
    articles: int = 0
    total_pages: int = 0
    total_articles: int = 0
    seconds: float = 0.0
    worker_seconds: float = 0.0  # time spent inside run_job, summed over issues
    failures: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "issues": self.issues,
            "skipped": self.skipped,
            "parsed": self.parsed,
            "failed": self.failed,
            "pages": self.pages,
            "articles": self.articles,
            "total_pages": self.total_pages,
            "total_articles": self.total_articles,
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages / self.seconds, 3) if self.seconds else None,
            "worker_seconds": round(self.worker_seconds, 3),
            "failures": self.failures,
            "notes": self.notes,
        }


class Hooks:
    """What the caller watches: a progress display, typically."""

    def start(self, issues: int, pages: int) -> None: ...

    def page(self, key: str, pages_done: int) -> None: ...

    def finished(self, result: Result, estimated_pages: int) -> None: ...

    def stop(self) -> None: ...


def state_dir(out_dir: Path) -> Path:
    return out_dir / STATE_DIR


def manifest_path(out_dir: Path) -> Path:
    return state_dir(out_dir) / "manifest.sqlite"


def part_path(out_dir: Path, table: str, key: str) -> Path:
    return state_dir(out_dir) / "parts" / table / f"{key}.parquet"


def validate(config: BatchConfig) -> None:
    if not config.input_dir.exists():
        raise InputError(str(config.input_dir), "no such file or folder")
    if config.fmt not in FORMATS:
        raise InputError("--format", f"unknown format {config.fmt!r} ({', '.join(FORMATS)})")
    if config.engine not in ("local", "dask"):
        raise InputError("--engine", f"unknown engine {config.engine!r} (local, dask)")
    if config.scheduler and config.engine != "dask":
        raise InputError("--scheduler", "needs --engine dask")
    if config.workers < 0:
        raise InputError("--workers", "must be 0 (all cores) or more")
    if config.timeout is not None and config.timeout < 0:
        raise InputError("--timeout", "must be 0 (none) or more seconds")
    if config.out_dir.exists() and not config.out_dir.is_dir():
        raise InputError(str(config.out_dir), "is a file, not a folder")


def run_batch(config: BatchConfig, hooks: Hooks | None = None) -> Summary:
    """Run a batch; raises :class:`InputError` for unusable arguments."""
    hooks = hooks or Hooks()
    validate(config)
    indexer = archive_indexer(config.db) if config.db else None
    if config.engine == "dask":
        from jianbao.batch.dask_engine import require_dask

        require_dask()
    started = time.perf_counter()
    out_dir = config.out_dir
    found = discover(config.input_dir, exclude=out_dir)
    if not found:
        raise InputError(str(config.input_dir), "no newspaper pages found (see `jianbao batch --help` for the names)")
    manifest = Manifest(manifest_path(out_dir))
    summary = Summary(issues=len(found))
    engine = make_engine(config)
    try:
        engine.start()  # workers boot while the inputs are checked
        with manifest.one_transaction():
            jobs = plan(config, found, manifest, summary)
        summary.notes = [{"issue": i.key, "note": n} for i in found for n in i.notes]
        by_key = {job.key: job for job in jobs}
        hooks.start(len(jobs), sum(job.estimated_pages for job in jobs))

        def on_result(result: Result) -> None:
            job = by_key[result.key]
            record_result(config, manifest, summary, result, job, indexer)
            hooks.finished(result, job.estimated_pages)

        try:
            engine.run(jobs, on_result, on_page=hooks.page)
        finally:
            hooks.stop()
        if config.tables:
            merge_tables(out_dir, manifest, [i.key for i in found])
        count_totals(manifest, [i.key for i in found], summary)
    finally:
        engine.close()
        manifest.close()
    summary.seconds = time.perf_counter() - started
    summary.failures.sort(key=lambda f: f["issue"])
    write_report(config, summary)
    return summary


def plan(config: BatchConfig, found: list[IssueInput], manifest: Manifest, summary: Summary) -> list[Job]:
    """The jobs still to do: issues not finished with these very inputs.

    Only issues finished before are hashed here (mostly from the checksum
    cache); new ones are hashed by their workers.
    """
    jobs = []
    for issue in found:
        settings = json.dumps([config.fmt, [_rel(p, config.input_dir) for p in issue.paths]], ensure_ascii=False)
        job = Job(
            key=issue.key,
            inputs=[str(p) for p in issue.paths],
            output=str(output_path(config.out_dir, issue.key, config.fmt)),
            fmt=config.fmt,
            settings=settings,
            issue_date=issue.issue_date,
            page_numbers=issue.page_numbers,
            parts={t: str(part_path(config.out_dir, t, issue.key)) for t in TABLES} if config.tables else {},
            want_issue=config.db is not None,
        )
        entry = manifest.get(issue.key)
        if entry is not None and entry.status == OK:
            job.checksum = manifest.issue_checksum(issue.paths, settings)
            if not config.force and is_done(job, entry):
                summary.skipped += 1
                continue
        job.estimated_pages = estimate_pages(issue.paths)
        if job.page_numbers and len(job.page_numbers) != job.estimated_pages:
            # The numbers in the file names count one page per file; a text
            # file holding several pages (form feeds) numbers its own.
            job.page_numbers = None
        remove_stale_temporaries(job)
        jobs.append(job)
    return jobs


def is_done(job: Job, entry: Entry | None) -> bool:
    """Finished before with the same inputs, and its outputs still there.

    Failed issues are tried again: a timeout may not recur, and a fixed
    parser may now read the page.
    """
    if entry is None or entry.status != OK or entry.checksum != job.checksum:
        return False
    return os.path.exists(job.output) and all(os.path.exists(p) for p in job.parts.values())


def estimate_pages(paths: list[Path]) -> int:
    """Pages an issue will have, for the progress bar: the page count of a
    PDF (one when it cannot be opened), the pages a text file's form feeds
    separate, one per image."""
    total = 0
    for path in paths:
        count = 1
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            try:
                import pymupdf

                with pymupdf.open(path) as doc:
                    count = max(1, doc.page_count)
            except Exception:  # a corrupt PDF is the worker's to report
                count = 1
        elif suffix == ".txt":
            count = text_pages(path)
        total += count
    return total


def text_pages(path: Path) -> int:
    """Pages of a text file: the stretches with text between form feeds
    (a whole issue extracted into one file), at least one."""
    try:
        data = path.read_bytes()
    except OSError:
        return 1  # the worker reports what cannot be read
    return max(1, sum(1 for chunk in data.split(b"\f") if chunk.strip(b" \t\r\n\x00")))


def remove_stale_temporaries(job: Job) -> None:
    """Delete the temporary files a killed run left while writing this
    issue's outputs (``write_atomic`` names them ``.<name>.*.part``)."""
    for target in [job.output, *job.parts.values()]:
        path = Path(target)
        if path.parent.is_dir():
            for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
                tmp.unlink(missing_ok=True)


def available_cores() -> int:
    """Cores this process may run on (a container or job scheduler may
    allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_engine(config: BatchConfig) -> Any:
    workers = config.workers or available_cores()
    timeout = config.timeout or None
    if config.engine == "dask":
        from jianbao.batch.dask_engine import DaskEngine

        return DaskEngine(workers, scheduler=config.scheduler, timeout=timeout)
    from jianbao.batch.local import LocalPool

    return LocalPool(workers, timeout=timeout, max_tasks_per_child=config.max_tasks_per_child)


def record_result(
    config: BatchConfig,
    manifest: Manifest,
    summary: Summary,
    result: Result,
    job: Job,
    indexer: Callable[[dict[str, Any]], None] | None,
) -> None:
    """Write one finished issue into the manifest (and the archive)."""
    summary.worker_seconds += result.seconds
    from jianbao.batch.manifest import fsync_dir

    output = output_path(config.out_dir, result.key, config.fmt)
    rel_inputs = [_rel(Path(p), config.input_dir) for p in job.inputs]
    manifest.remember(result.file_stats)
    # A worker that died or hung sent no checksum: hash here, rarely.
    checksum = job.checksum or result.checksum or manifest.issue_checksum([Path(p) for p in job.inputs], job.settings)
    if result.ok and indexer is not None and result.issue is not None:
        try:
            indexer(result.issue)
        except Exception as err:
            result.ok, result.error = False, f"archive index: {type(err).__name__}: {err}"
    if result.ok:
        fsync_dir(output.parent)
        entry = Entry(result.key, checksum, OK, rel_inputs, result.pages, result.articles, output.relative_to(config.out_dir).as_posix())
        summary.parsed += 1
        summary.pages += result.pages
        summary.articles += result.articles
    else:
        remove_outputs(config, result.key)
        entry = Entry(result.key, checksum, FAILED, rel_inputs, error=result.error)
        summary.failed += 1
        failure = {"issue": result.key, "inputs": rel_inputs, "error": result.error}
        if result.detail:
            failure["traceback"] = result.detail
        summary.failures.append(failure)
    manifest.record(entry)


def remove_outputs(config: BatchConfig, key: str) -> None:
    """A failed issue leaves nothing behind, not even an older output."""
    paths = [output_path(config.out_dir, key, config.fmt)] + [part_path(config.out_dir, t, key) for t in TABLES]
    for path in paths:
        path.unlink(missing_ok=True)


def _rel(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
    return rel if rel != "." else path.name


def merge_tables(out_dir: Path, manifest: Manifest, keys: list[str]) -> None:
    """Merge the per-issue table parts of every finished issue, in key
    order, into ``_tables/articles.parquet`` and ``_tables/pages.parquet``."""
    from jianbao.export.parquet import ARTICLES_SCHEMA, PAGES_SCHEMA, concat_files

    wanted = set(keys)
    done = [e.key for e in manifest.entries() if e.status == OK and e.key in wanted]
    schemas = {"articles": ARTICLES_SCHEMA, "pages": PAGES_SCHEMA}
    for table in TABLES:
        parts = (part_path(out_dir, table, key) for key in done)
        concat_files((p for p in parts if p.exists()), out_dir / TABLES_DIR / f"{table}.parquet", schemas[table])


def count_totals(manifest: Manifest, keys: list[str], summary: Summary) -> None:
    wanted = set(keys)
    for entry in manifest.entries():
        if entry.key in wanted and entry.status == OK:
            summary.total_pages += entry.pages
            summary.total_articles += entry.articles


def write_report(config: BatchConfig, summary: Summary) -> None:
    report = {
        "input": str(config.input_dir),
        "output": str(config.out_dir),
        "format": config.fmt,
        "engine": config.engine,
        "workers": config.workers or available_cores(),
        **summary.to_dict(),
    }
    path = config.report or state_dir(config.out_dir) / "report.json"
    write_atomic(path, json.dumps(report, ensure_ascii=False, indent=1) + "\n")


def archive_indexer(db: Path) -> Callable[[dict[str, Any]], None]:
    """The archive's ``index_issue`` bound to ``db`` (checked before the run)."""
    try:
        from jianbao.archive import index_issue  # type: ignore[attr-defined]
    except ImportError:
        raise InputError("--db", "the archive module (jianbao.archive.index_issue) is not available") from None
    from jianbao.model import Issue

    def index(issue_dict: dict[str, Any]) -> None:
        index_issue(db, Issue.from_dict(issue_dict))

    return index

