"""The archive, web and batch commands of the ``jianbao`` CLI.

Kept apart from :mod:`jianbao.cli` so ``jianbao parse`` starts without
importing SQLite, FastAPI, matplotlib or Dask.  Each command delegates to the
module that does the work.
"""

from __future__ import annotations

from jianbao.cli import app, fail  # noqa: F401

# --- archive: index / search / export / trends (jianbao.archive) ----------

# --- web reader: serve (jianbao.web) ----------------------------------------

# --- batch (jianbao.batch) -----------------------------------------------------

from pathlib import Path  # noqa: E402
from typing import Optional  # noqa: E402

import typer  # noqa: E402

from jianbao.errors import InputError  # noqa: E402

BATCH_HELP = """Parse every issue under INPUT_DIR in parallel, with progress and resume.

\b
Issues are found in every folder of the tree:
  1. a folder holding issue.pdf is one issue;
  2. a folder of page files p1.txt, p2.txt, … (p01.pdf, page3.png) is one issue;
  3. files named with a date and a page number are grouped by the name before
     the page: rmrb-2019-10-01-p03.pdf, rmrb_20191001_03.txt, 20191001_03.txt;
  4. any other .txt, .pdf or image file is an issue by itself.

\b
Each issue is written atomically to OUT_DIR/<path relative to INPUT_DIR,
without extension>.<format>.  OUT_DIR/_batch/ holds manifest.sqlite (for
resume: a re-run skips finished issues, redoes changed or failed ones) and
report.json; --tables also writes OUT_DIR/_tables/articles.parquet and
pages.parquet.

\b
Exit codes: 0 all issues parsed or already done; 1 some issues failed (each
reported with its reason); 2 unusable arguments or input.
"""


@app.command(help=BATCH_HELP)
def batch(
    input_dir: Path = typer.Argument(..., help="Folder tree of issues (or one page file)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder."),
    workers: int = typer.Option(0, "--workers", "-j", help="Worker processes (0: all cores)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | json | parquet (one file per issue)."),
    tables: bool = typer.Option(False, "--tables", help="Also write Parquet tables of all articles and pages."),
    db: Optional[Path] = typer.Option(None, "--db", help="Also index every issue into this archive database."),
    engine: str = typer.Option("local", "--engine", help="local | dask"),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Dask scheduler address tcp://HOST:PORT (default: a LocalCluster)."
    ),
    timeout: float = typer.Option(
        300.0, "--timeout", help="Seconds a worker may spend on one page before it is stopped (0: no limit)."
    ),
    force: bool = typer.Option(False, "--force", help="Redo finished issues too."),
    report: Optional[Path] = typer.Option(None, "--report", help="Report file (default OUT_DIR/_batch/report.json)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    from rich.console import Console

    from jianbao.batch import BatchConfig, run_batch
    from jianbao.batch.progress import ProgressHooks, print_summary
    from jianbao.batch.runner import Hooks, state_dir

    config = BatchConfig(
        input_dir=input_dir,
        out_dir=out,
        fmt=fmt,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        timeout=timeout,
        tables=tables,
        db=db,
        force=force,
        report=report,
    )
    console = Console(stderr=True, soft_wrap=True)
    hooks = ProgressHooks(console) if console.is_terminal and not quiet else Hooks()
    try:
        summary = run_batch(config, hooks)
    except InputError as err:
        fail(str(err))
        return
    print_summary(console, summary, str(report or state_dir(out) / "report.json"))
    raise typer.Exit(summary.exit_code)
