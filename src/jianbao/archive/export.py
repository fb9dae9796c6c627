"""Writing the archive's articles out: JSON Lines, JSON, Parquet.

Every format carries every article field plus where it was printed (paper,
issue date, page).  Parquet uses the shared articles schema of
:mod:`jianbao.export.parquet`, so archive exports and batch tables load the
same way.  Output is streamed to a temporary file in the target folder and
renamed at the end: the file is whole or absent.
"""

from __future__ import annotations

import json
from pathlib import Path

from jianbao.archive.store import Archive, export_dict, row_to_article
from jianbao.errors import InputError
from jianbao.fileio import atomic_output
from jianbao.model import Issue, Page

FORMATS = ("jsonl", "json", "parquet")
PARQUET_BATCH = 2000


def export_archive(archive: Archive, fmt: str, target: Path) -> int:
    """Write every article; returns how many."""
    if fmt not in FORMATS:
        raise InputError(str(target), f"unknown export format {fmt!r} ({', '.join(FORMATS)})")
    if fmt == "parquet":
        return write_parquet(archive, target)
    count = 0
    with atomic_output(target) as fh:
        if fmt == "json":
            fh.write("[")
        for row in archive.iter_rows():
            text = json.dumps(export_dict(row), ensure_ascii=False)
            if fmt == "json":
                fh.write(("\n" if count == 0 else ",\n") + text)
            else:
                fh.write(text + "\n")
            count += 1
        if fmt == "json":
            fh.write("\n]\n")
    return count


def write_parquet(archive: Archive, target: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from jianbao.export.parquet import ARTICLES_SCHEMA, article_row

    count = 0
    with atomic_output(target, binary=True) as fh:
        with pq.ParquetWriter(fh, ARTICLES_SCHEMA, compression="zstd") as writer:
            batch: list[dict] = []
            for row in archive.iter_rows():
                issue = Issue(paper=row["paper"], issue_date=row["issue_date"])
                page = Page(number=row["page_number"], section=row["section"] or "")
                batch.append(article_row(issue, page, row_to_article(row), row["issue_key"]))
                if len(batch) >= PARQUET_BATCH:
                    writer.write_table(pa.Table.from_pylist(batch, schema=ARTICLES_SCHEMA))
                    count += len(batch)
                    batch = []
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=ARTICLES_SCHEMA))
                count += len(batch)
    return count
