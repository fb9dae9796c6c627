"""The ``jianbao`` command line: parse, eval, index, search, export, trends,
serve, batch.

Every command turns bad input into one line ``jianbao: <file>: <problem>`` on
stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from jianbao.errors import InputError

if TYPE_CHECKING:
    from jianbao.model import Issue

app = typer.Typer(
    name="jianbao",
    help="剪报 — clip Chinese newspaper pages (raw text, PDF, scans) into structured articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"jianbao: {message}", err=True)
    raise typer.Exit(code)


def parse_page_list(pages: str | None) -> list[int] | None:
    if not pages:
        return None
    try:
        return [int(p) for p in pages.split(",") if p.strip()]
    except ValueError:
        fail(f"--pages: expected numbers separated by commas, got {pages!r}")
    return None


def page_notes(issue: Issue) -> list[str]:
    """What the pages' ``warnings`` say, one stderr line each ("note: <file>
    page <n>: ..."), so that a user who reads only the terminal learns, for
    instance, that a page's column order had to be rebuilt."""
    return [f"note: {page.source or '<stdin>'} page {page.number}: {warning}" for page in issue.pages for warning in page.warnings]


@app.command()
def parse(
    inputs: List[str] = typer.Argument(..., help="Pages of one issue: text files, PDFs or images ('-' reads stdin)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (default: stdout)."),
    fmt: str = typer.Option("json", "--format", "-f", help="json | jsonl | md"),
    issue_date: Optional[str] = typer.Option(None, "--issue-date", help="YYYY-MM-DD, when the page does not print it."),
    pages: Optional[str] = typer.Option(None, "--pages", help="Page numbers of the inputs, e.g. 1,2,5."),
    paper: Optional[str] = typer.Option(None, "--paper", help="The paper's name, when the masthead does not say."),
    ocr: bool = typer.Option(False, "--ocr", help="Force OCR on PDF pages."),
    stitch: bool = typer.Option(False, "--stitch", help="Also output articles stitched across jumps."),
    lines: bool = typer.Option(False, "--lines", help="Include every source line with its label and position."),
    check: bool = typer.Option(False, "--check", help="Verify that every printed character is accounted for."),
) -> None:
    """Clip the articles out of the pages of one issue.

    Inputs that cannot be read are listed at the end, one line each, and the
    exit code is 2; the other inputs are still parsed and written.
    """
    from jianbao.conservation import check_issue
    from jianbao.export import render
    from jianbao.fileio import write_atomic
    from jianbao.pipeline import Options, parse_paths

    if fmt not in ("json", "jsonl", "md"):
        fail(f"--format: unknown format {fmt!r} (json, jsonl, md)")
    if issue_date is not None:
        from jianbao.enrich import valid_date

        if not valid_date(issue_date):
            fail(f"--issue-date: expected YYYY-MM-DD, got {issue_date!r}")
    options = Options(issue_date=issue_date, paper=paper, ocr=ocr, page_numbers=parse_page_list(pages))
    # Bad inputs do not stop the others: the good ones are parsed and
    # written, the bad ones listed at the end, and the exit code is 2.
    failed: list[InputError] = []
    try:
        issue = parse_paths(inputs, options, failed=failed)
    except InputError as err:
        failed.append(err)
        issue = None
    problems: list[str] = []
    if issue is not None and issue.sources:
        text = render(issue, fmt, stitch=stitch, with_lines=lines)
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomic(output, text)
        for note in page_notes(issue):
            typer.echo(note, err=True)
        if check:
            problems = check_issue(issue, issue.sources)
            for problem in problems:
                typer.echo(f"jianbao: check: {problem}", err=True)
            if not problems:
                typer.echo("check: every printed character is accounted for", err=True)
    for err in failed:
        typer.echo(f"jianbao: {err}", err=True)
    if failed:
        raise typer.Exit(2)
    if problems:
        raise typer.Exit(1)


@app.command(name="eval")
def evaluate_cmd(
    pred: Path = typer.Argument(..., help="Prediction JSON file or folder."),
    gold: Path = typer.Argument(..., help="Gold JSON file or folder."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics, counts and problem lists as JSON."),
    details: bool = typer.Option(False, "--details", help="Also print per-file F1 and per-page problems."),
) -> None:
    """Score predictions against gold clippings (metrics of the corpus README).

    Folders pair file by file: same relative path, or PRED/<issue>.json with
    GOLD/<issue>/gold.json, or PRED/x.json with GOLD/x.gold.json.
    """
    from jianbao.evaluate import evaluate_paths, format_details, format_table

    try:
        report = evaluate_paths(pred, gold)
    except InputError as err:
        fail(str(err))
        return
    if as_json:
        import json

        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    typer.echo(format_table(report))
    if details:
        typer.echo("")
        typer.echo(format_details(report))


def main() -> None:
    # Late registration keeps start-up fast: the archive, web and batch
    # commands import their heavy dependencies only when they run.
    from jianbao import commands  # noqa: F401

    try:
        app()
    except InputError as err:
        typer.echo(f"jianbao: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("jianbao: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
