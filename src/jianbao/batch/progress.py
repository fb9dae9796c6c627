"""What a person watching a batch run sees: a progress bar and a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from jianbao.batch.runner import Hooks

if TYPE_CHECKING:
    from jianbao.batch.runner import Summary
    from jianbao.batch.work import Result


class PagesPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} pages/s" if speed else "– pages/s", style="cyan")


class ProgressHooks(Hooks):
    """A Rich progress bar counted in pages, with pages/s and ETA.

    Pages advance as workers report them; when an issue ends with a
    different number of pages than estimated (or fails), the difference is
    settled so the bar ends full.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress: Progress | None = None
        self.task = None
        self.seen: dict[str, int] = {}
        self.issues_done = 0
        self.issues = 0
        self.failed = 0

    def start(self, issues: int, pages: int) -> None:
        self.issues = issues
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("pages"),
            PagesPerSecond(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.progress.start()
        self.task = self.progress.add_task(self._description(), total=pages)

    def page(self, key: str, pages_done: int) -> None:
        if self.progress is None:
            return
        step = pages_done - self.seen.get(key, 0)
        self.seen[key] = pages_done
        self.progress.advance(self.task, step)

    def finished(self, result: "Result", estimated_pages: int) -> None:
        if self.progress is None:
            return
        reported = self.seen.pop(result.key, 0)
        actual = result.pages if result.ok else estimated_pages
        self.issues_done += 1
        self.failed += 0 if result.ok else 1
        total = self.progress.tasks[0].total or 0
        self.progress.update(
            self.task,
            total=total + actual - estimated_pages,
            advance=max(0, actual - reported),
            description=self._description(),
        )

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def _description(self) -> str:
        failed = f", [red]{self.failed} failed[/red]" if self.failed else ""
        return f"issues {self.issues_done}/{self.issues}{failed}"


def print_summary(console: Console, summary: "Summary", report_path: str) -> None:
    """The end-of-run summary, on stderr: counts, speed, each failure."""
    speed = f", {summary.pages / summary.seconds:.1f} pages/s" if summary.seconds and summary.pages else ""
    console.print(
        f"issues: {summary.issues} ({summary.parsed} parsed, {summary.skipped} already done, "
        f"{summary.failed} failed) · pages: {summary.pages} · articles: {summary.articles} "
        f"· {summary.seconds:.1f} s{speed}",
        highlight=False,
    )
    if summary.skipped:
        console.print(
            f"all finished issues: pages {summary.total_pages} · articles {summary.total_articles}", highlight=False
        )
    for note in summary.notes:
        console.print(f"note: {note['issue']}: {note['note']}", highlight=False, markup=False)
    for failure in summary.failures:
        console.print(f"failed: {failure['issue']}: {failure['error']}", style="red", highlight=False, markup=False)
    console.print(f"report: {report_path}", highlight=False, markup=False)
