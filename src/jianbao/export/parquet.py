"""Parquet tables of parsed issues: one row per article, one row per page.

The schemas are fixed (:data:`ARTICLES_SCHEMA`, :data:`PAGES_SCHEMA`) so
tables written by different runs, versions or machines concatenate and load
into pandas, DuckDB or Spark without surprises.  Columns are only ever
added at the end, never renamed or retyped; ``schema_version`` in the file
metadata says which list a file has.

``issue`` is the caller's name for the issue (a batch run uses the input
path relative to its input folder); it lets rows of many issues live in one
table.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from jianbao.model import Article, Issue, Page

SCHEMA_VERSION = "1"

_CREDIT = pa.struct([("role", pa.string()), ("name", pa.string())])
_CAPTION = pa.struct([("text", pa.string()), ("credit", pa.string()), ("credits", pa.list_(_CREDIT))])
_FURNITURE = pa.struct([("kind", pa.string()), ("text", pa.string())])

ARTICLES_SCHEMA = pa.schema(
    [
        ("issue", pa.string()),
        ("paper", pa.string()),
        ("issue_date", pa.string()),
        ("page", pa.int32()),
        ("section", pa.string()),
        ("id", pa.string()),
        ("kind", pa.string()),
        ("kicker", pa.string()),
        ("title", pa.string()),
        ("subtitle", pa.string()),
        ("headline_lines", pa.list_(pa.string())),
        ("byline", pa.string()),
        ("credits", pa.list_(_CREDIT)),
        ("dateline", pa.string()),
        ("column", pa.string()),
        ("body", pa.list_(pa.string())),
        ("text", pa.string()),
        ("chars", pa.int32()),
        ("captions", pa.list_(_CAPTION)),
        ("jump_markers", pa.list_(pa.string())),
        ("continues_to_page", pa.int32()),
        ("continues_to_id", pa.string()),
        ("continued_from_page", pa.int32()),
        ("continued_from_id", pa.string()),
    ],
    metadata={"jianbao.table": "articles", "jianbao.schema_version": SCHEMA_VERSION},
)

PAGES_SCHEMA = pa.schema(
    [
        ("issue", pa.string()),
        ("paper", pa.string()),
        ("issue_date", pa.string()),
        ("page", pa.int32()),
        ("section", pa.string()),
        ("source", pa.string()),
        ("mode", pa.string()),
        ("articles", pa.int32()),
        ("lines", pa.int32()),
        ("unassigned", pa.int32()),
        ("width", pa.float64()),
        ("height", pa.float64()),
        ("furniture", pa.list_(_FURNITURE)),
        ("warnings", pa.list_(pa.string())),
    ],
    metadata={"jianbao.table": "pages", "jianbao.schema_version": SCHEMA_VERSION},
)


def article_row(issue: Issue, page: Page, article: Article, issue_key: str | None) -> dict[str, Any]:
    text = article.text
    return {
        "issue": issue_key,
        "paper": issue.paper,
        "issue_date": issue.issue_date,
        "page": page.number,
        "section": page.section,
        "id": article.id,
        "kind": article.kind,
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "headline_lines": list(article.headline_lines),
        "byline": article.byline,
        "credits": [c.to_dict() for c in article.credits],
        "dateline": article.dateline,
        "column": article.column,
        "body": list(article.body),
        "text": text,
        "chars": len(text),
        "captions": [c.to_dict() for c in article.captions],
        "jump_markers": list(article.jump_markers),
        "continues_to_page": article.continues_to.page if article.continues_to else None,
        "continues_to_id": article.continues_to.id if article.continues_to else None,
        "continued_from_page": article.continued_from.page if article.continued_from else None,
        "continued_from_id": article.continued_from.id if article.continued_from else None,
    }


def page_row(issue: Issue, page: Page, issue_key: str | None) -> dict[str, Any]:
    return {
        "issue": issue_key,
        "paper": issue.paper,
        "issue_date": issue.issue_date,
        "page": page.number,
        "section": page.section,
        "source": page.source,
        "mode": issue.mode,
        "articles": len(page.articles),
        "lines": len(page.lines),
        "unassigned": len(page.unassigned),
        "width": page.width,
        "height": page.height,
        "furniture": [{"kind": f.kind, "text": f.text} for f in page.furniture],
        "warnings": list(page.warnings),
    }


def articles_table(issue: Issue, issue_key: str | None = None) -> pa.Table:
    rows = [article_row(issue, page, article, issue_key) for page, article in issue.articles()]
    return pa.Table.from_pylist(rows, schema=ARTICLES_SCHEMA)


def pages_table(issue: Issue, issue_key: str | None = None) -> pa.Table:
    rows = [page_row(issue, page, issue_key) for page in issue.pages]
    return pa.Table.from_pylist(rows, schema=PAGES_SCHEMA)


def table_bytes(table: pa.Table) -> bytes:
    """The Parquet file of ``table`` as bytes (for atomic writing)."""
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def render_parquet(issue: Issue, issue_key: str | None = None) -> bytes:
    """An issue's articles table as one Parquet file."""
    return table_bytes(articles_table(issue, issue_key))


def concat_files(paths: Iterable[str | os.PathLike[str]], target: str | os.PathLike[str], schema: pa.Schema) -> int:
    """Stream many Parquet files of one schema into a single file.

    One input file is in memory at a time, so the merge of a whole archive
    runs in flat memory.  Writes to a temporary name and renames, so
    ``target`` is whole or absent.  Returns the number of rows.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    rows = 0
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for path in paths:
                table = pq.read_table(path, schema=schema)
                if table.num_rows:
                    writer.write_table(table)
                    rows += table.num_rows
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rows
