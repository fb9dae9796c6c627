"""One unit of batch work: parse one issue and write its outputs.

:func:`run_job` is what every engine runs, in a worker process of the
local pool or in a Dask worker, so both produce the same files.  It writes
outputs itself (each atomically) and returns only counts, which keeps the
traffic back to the coordinating process small whatever the issue size.
With a remote Dask scheduler the input and output folders must therefore be
on a file system the workers share.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from jianbao.errors import InputError

FORMATS = ("jsonl", "json", "parquet")

# Imported by every worker before its first job (the local engine's fork
# server, a Dask worker plugin), so that no job pays for them: PyMuPDF alone
# takes most of a second to import.
PRELOAD_MODULES = [
    "jianbao.batch.work",
    "jianbao.pipeline",
    "jianbao.readers.text",
    "jianbao.readers.pdf",
    "jianbao.assemble.text",
    "jianbao.assemble.geometry",
    "jianbao.enrich",
    "jianbao.link",
    "jianbao.export.json",
    "jianbao.export.parquet",
    "pymupdf",
]


def preload_modules() -> None:
    """Import :data:`PRELOAD_MODULES` in this process."""
    import importlib

    for name in PRELOAD_MODULES:
        importlib.import_module(name)


@dataclass(slots=True)
class Job:
    key: str
    inputs: list[str]
    output: str
    fmt: str
    checksum: str | None = None  # None: the worker hashes the inputs
    settings: str = ""  # what besides the input bytes goes into the checksum
    issue_date: str | None = None
    page_numbers: list[int] | None = None
    parts: dict[str, str] = field(default_factory=dict)  # table name → fragment path
    want_issue: bool = False  # send the parsed issue back (for indexing)
    estimated_pages: int = 1


@dataclass(slots=True)
class Result:
    key: str
    ok: bool
    pages: int = 0
    articles: int = 0
    error: str | None = None
    detail: str | None = None  # traceback of an unexpected error, for the report
    seconds: float = 0.0
    issue: dict[str, Any] | None = None
    checksum: str | None = None  # of the inputs, when the worker hashed them
    file_stats: list[Any] = field(default_factory=list)


def run_job(job: Job, on_page: Callable[[int], None] | None = None) -> Result:
    """Parse ``job``'s issue and write its outputs; never raises for bad
    input or a parser bug, which become a failed :class:`Result`."""
    import time

    started = time.perf_counter()
    checksum, stats = None, []
    try:
        if job.checksum is None:
            from jianbao.batch.manifest import inputs_checksum

            # Hashed before parsing: a page changed meanwhile is redone next run.
            checksum, stats = inputs_checksum(job.inputs, job.settings)
        result = _parse_and_write(job, on_page)
    except InputError as err:
        result = Result(job.key, ok=False, error=str(err))
    except MemoryError:
        result = Result(job.key, ok=False, error="out of memory")
    except Exception as err:  # a parser bug must not stop the run
        result = Result(
            job.key,
            ok=False,
            error=f"internal error: {type(err).__name__}: {err}",
            detail=traceback.format_exc(),
        )
    result.seconds = time.perf_counter() - started
    result.checksum, result.file_stats = checksum, stats
    return result


def _parse_and_write(job: Job, on_page: Callable[[int], None] | None) -> Result:
    from jianbao.fileio import write_atomic
    from jianbao.pipeline import Options, parse_paths

    pages_done = 0

    def page_finished(_page: Any) -> None:
        nonlocal pages_done
        pages_done += 1
        if on_page:
            on_page(pages_done)

    options = Options(issue_date=job.issue_date, page_numbers=job.page_numbers)
    issue = parse_paths(job.inputs, options, on_page=page_finished)
    if not issue.pages:
        raise InputError(",".join(job.inputs), "no pages")
    write_atomic(job.output, render_output(issue, job.fmt, job.key))
    if job.parts:
        from jianbao.export.parquet import articles_table, pages_table, table_bytes

        builders = {"articles": articles_table, "pages": pages_table}
        for name, path in job.parts.items():
            write_atomic(path, table_bytes(builders[name](issue, job.key)))
    articles = sum(len(page.articles) for page in issue.pages)
    return Result(
        job.key,
        ok=True,
        pages=len(issue.pages),
        articles=articles,
        issue=issue.to_dict() if job.want_issue else None,
    )


def render_output(issue: Any, fmt: str, key: str) -> str | bytes:
    if fmt == "parquet":
        from jianbao.export.parquet import render_parquet

        return render_parquet(issue, key)
    from jianbao.export import render

    return render(issue, fmt)


def output_path(out_dir: Path, key: str, fmt: str) -> Path:
    return out_dir / f"{key}.{fmt}"
