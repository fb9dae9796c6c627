"""The archive, web and batch commands of the ``jianbao`` CLI.

Kept apart from :mod:`jianbao.cli` so ``jianbao parse`` starts without
importing SQLite, FastAPI, matplotlib or Dask.  Each command delegates to the
module that does the work.
"""

from __future__ import annotations

from jianbao.cli import app, fail  # noqa: F401

# --- archive: index / search / export / trends (jianbao.archive) ----------

import typer as _typer  # noqa: E402
from pathlib import Path as _Path  # noqa: E402
from typing import List as _List, Optional as _Optional  # noqa: E402


def _open_archive(db: _Path, create: bool = False):
    from jianbao.archive import Archive
    from jianbao.errors import InputError as _InputError

    try:
        return Archive(db, create=create)
    except _InputError as err:
        fail(str(err))


@app.command()
def index(
    inputs: _List[str] = _typer.Argument(..., help="jianbao JSON files or folders of them; or raw pages of one issue."),
    db: _Path = _typer.Option(..., "--db", help="Archive database (created when missing)."),
    paper: _Optional[str] = _typer.Option(None, "--paper", help="The paper's name, when the input does not say."),
    issue_date: _Optional[str] = _typer.Option(None, "--issue-date", help="YYYY-MM-DD, when the input does not say."),
    quiet: bool = _typer.Option(False, "--quiet", "-q", help="No per-issue lines."),
) -> None:
    """Add parsed issues to the archive; an issue indexed again replaces its old copy."""
    from jianbao.archive.ingest import index_inputs
    from jianbao.errors import InputError as _InputError
    from jianbao.pipeline import Options

    if issue_date is not None:
        from jianbao.enrich import valid_date

        if not valid_date(issue_date):
            fail(f"--issue-date: expected YYYY-MM-DD, got {issue_date!r}")
    archive = _open_archive(db, create=True)

    def report(label: str, rep) -> None:
        if not quiet:
            verb = "replaced" if rep.replaced else "added"
            _typer.echo(f"{verb} {rep.key.split('|')[0]} {rep.key.split('|')[1]}: "
                        f"{rep.pages} pages, {rep.articles} articles ({label})", err=True)

    try:
        index_inputs(archive, inputs, Options(paper=paper, issue_date=issue_date), on_issue=report)
    except _InputError as err:
        fail(str(err))
    finally:
        archive.close()


@app.command()
def search(
    query: str = _typer.Argument(..., help="Exact terms, separated by spaces (all must occur)."),
    db: _Path = _typer.Option(..., "--db", help="Archive database."),
    as_json: bool = _typer.Option(False, "--json", help="A JSON list, one object per matching article."),
    limit: int = _typer.Option(20, "--limit", "-n", help="Articles to show (at most 100)."),
    offset: int = _typer.Option(0, "--offset", help="Skip this many (for paging)."),
    title: bool = _typer.Option(False, "--title", help="Search the headlines only."),
    paper: _Optional[str] = _typer.Option(None, "--paper", help="Only this paper."),
    date_from: _Optional[str] = _typer.Option(None, "--from", help="Issues on or after YYYY[-MM[-DD]]."),
    date_to: _Optional[str] = _typer.Option(None, "--to", help="Issues on or before YYYY[-MM[-DD]]."),
    page: _Optional[int] = _typer.Option(None, "--page", help="Only this page number."),
    credit: _Optional[str] = _typer.Option(None, "--credit", help="Only articles crediting this name."),
    kind: _Optional[str] = _typer.Option(
        None, "--kind", help="Only this kind: article, photo, brief, commentary or note."
    ),
) -> None:
    """Find every article containing the exact terms, best first."""
    import json

    from jianbao.archive.search import QueryError, SearchQuery, search as run_search

    archive = _open_archive(db)
    q = SearchQuery(query, title_only=title, paper=paper, date_from=date_from, date_to=date_to, page=page,
                    credit=credit, kind=kind, limit=limit, offset=offset)
    try:
        result = run_search(archive, q)
    except QueryError as err:
        fail(f"search: {err}")
        return
    finally:
        archive.close()
    if as_json:
        _typer.echo(json.dumps([h.to_dict() for h in result.hits], ensure_ascii=False, indent=1))
        return
    _print_hits(result)


def _print_hits(result) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    more = "" if result.exact_total else "+"
    console.print(f"{result.total}{more} articles", style="bold")
    for n, hit in enumerate(result.hits, start=result.query.offset + 1):
        head = Text(f"{n}. ", style="dim")
        head.append(hit.title or hit.kicker or "（无标题）", style="bold")
        head.append(f"  {hit.paper} {hit.issue_date or 'unknown'} 第{hit.page}版  #{hit.archive_id}", style="dim")
        console.print(head)
        snippet = Text("   ")
        for piece, is_match in hit.snippet:
            snippet.append(piece, style="reverse" if is_match else "")
        console.print(snippet)


@app.command(name="export")
def export_cmd(
    db: _Path = _typer.Option(..., "--db", help="Archive database."),
    fmt: str = _typer.Option("jsonl", "--format", "-f", help="jsonl | json | parquet"),
    output: _Path = _typer.Option(..., "-o", "--output", help="Output file."),
) -> None:
    """Write every archived article with all its fields."""
    from jianbao.archive.export import FORMATS, export_archive

    if fmt not in FORMATS:
        fail(f"--format: unknown format {fmt!r} ({', '.join(FORMATS)})")
    archive = _open_archive(db)
    try:
        count = export_archive(archive, fmt, output)
    finally:
        archive.close()
    _typer.echo(f"exported {count} articles to {output}", err=True)


@app.command()
def trends(
    terms: _List[str] = _typer.Argument(..., help="Exact terms to count."),
    db: _Path = _typer.Option(..., "--db", help="Archive database."),
    by: str = _typer.Option("month", "--by", help="month | year"),
    paper: _Optional[str] = _typer.Option(None, "--paper", help="Only this paper."),
    per: _Optional[int] = _typer.Option(None, "--per", help="Also plot occurrences per this many characters (10000)."),
    png: _Optional[_Path] = _typer.Option(None, "--png", help="Write the chart (.png or .svg by suffix)."),
    csv_path: _Optional[_Path] = _typer.Option(None, "--csv", help="Write the table as CSV."),
) -> None:
    """Exact occurrences and articles per month or year, as a table, CSV and chart."""
    from rich.console import Console
    from rich.table import Table

    from jianbao.archive.trends import QueryError, compute_trends, plot_trends, trends_csv
    from jianbao.fileio import write_atomic

    if per is not None and per != 10000:
        fail("--per: only 10000 (occurrences per 10,000 characters) is supported")
    archive = _open_archive(db)
    try:
        result = compute_trends(archive, terms, by=by, paper=paper)
    except QueryError as err:
        fail(f"trends: {err}")
        return
    finally:
        archive.close()
    table = Table("period", "term", "occurrences", "articles", "per 10k chars", "articles in period")
    for r in result.rows:
        table.add_row(r.period, r.term, str(r.occurrences), str(r.articles), f"{r.per_10k:.2f}", str(r.period_articles))
    Console(highlight=False).print(table)
    if csv_path is not None:
        write_atomic(csv_path, trends_csv(result))
    if png is not None:
        fmt = "svg" if png.suffix.lower() == ".svg" else "png"
        write_atomic(png, plot_trends(result, fmt=fmt, per_10k=per is not None))


# --- web reader: serve (jianbao.web) ----------------------------------------


@app.command()
def serve(
    db: _Path = _typer.Option(..., "--db", help="Archive database."),
    host: str = _typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = _typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Open the archive in the browser: papers, issues, pages, articles, search, trends."""
    import uvicorn

    from jianbao.web.app import create_app

    _open_archive(db).close()
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


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
--engine dask runs the same work on Dask workers (pip install 'jianbao\\[cluster]'):
a LocalCluster, or the cluster at --scheduler tcp://HOST:PORT, whose workers
must see INPUT_DIR and OUT_DIR at the same paths.  A page that hangs a worker
past --timeout, or crashes it, fails its issue; the run goes on.

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
