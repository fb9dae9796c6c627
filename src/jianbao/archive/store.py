"""The embedded SQLite archive: papers → issues → pages → articles.

One issue is written in one transaction: re-indexing an issue deletes the
old rows (and their full-text entries) and inserts the new ones, so a run
killed half-way leaves the archive exactly as it was before that issue.

An issue is identified by its paper and date.  When the date is unknown the
input files are part of the identity too, so two undated inputs never
replace each other.

Both full-text tables are *contentless* (see :mod:`jianbao.archive.grams`):
the text is stored once, in ``articles``, and the index rows of an article
are deleted by handing FTS5 the same derived text again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from jianbao.archive.grams import COLUMNS, SearchText, gram_columns, indexed_text, search_text
from jianbao.errors import InputError
from jianbao.model import Article, Issue, Page

SCHEMA_VERSION = "2"
# Schema 1 indexed the characters as printed; 2 indexes them in simplified
# form (grams.indexed_text).  The text tables of a schema-1 archive are
# rebuilt from its stored articles when it is opened.
REINDEXED_FROM = {"1"}
UNKNOWN = "unknown"

_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_GRAM_TOKENIZER = "ascii tokenchars '" + _PUNCT.replace("'", "''") + "'"
#: The tokenizer argument as an SQL string literal (quotes doubled once more).
_GRAM_TOKENIZE_SQL = "'" + _GRAM_TOKENIZER.replace("'", "''") + "'"

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS papers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS issues (
  id INTEGER PRIMARY KEY,
  paper_id INTEGER NOT NULL REFERENCES papers(id),
  issue_date TEXT,
  key TEXT NOT NULL UNIQUE,
  mode TEXT,
  sources TEXT,
  images TEXT,
  indexed_at TEXT
);
CREATE INDEX IF NOT EXISTS issues_paper ON issues(paper_id, issue_date);
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number INTEGER NOT NULL,
  section TEXT,
  width REAL,
  height REAL,
  image TEXT,
  source TEXT,
  warnings TEXT
);
CREATE INDEX IF NOT EXISTS pages_issue ON pages(issue_id, position);
CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  page_number INTEGER NOT NULL,
  position INTEGER NOT NULL,
  article_key TEXT NOT NULL,
  kind TEXT,
  kicker TEXT,
  title TEXT,
  subtitle TEXT,
  headline_lines TEXT,
  byline TEXT,
  credits TEXT,
  dateline TEXT,
  column_head TEXT,
  body TEXT,
  captions TEXT,
  jump_markers TEXT,
  continues_to TEXT,
  continued_from TEXT,
  regions TEXT,
  provenance TEXT,
  chars INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_issue ON articles(issue_id, page_number);
CREATE INDEX IF NOT EXISTS articles_page ON articles(page_id, position);
CREATE TABLE IF NOT EXISTS credits (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  role TEXT,
  name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS credits_name ON credits(name);
CREATE INDEX IF NOT EXISTS credits_article ON credits(article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
  {", ".join(COLUMNS)}, content='', tokenize='trigram'
);
CREATE VIRTUAL TABLE IF NOT EXISTS article_grams USING fts5(
  {", ".join(COLUMNS)}, content='', tokenize={_GRAM_TOKENIZE_SQL}
);
"""

_JSON_FIELDS = ("headline_lines", "credits", "body", "captions", "jump_markers", "continues_to",
                "continued_from", "regions", "provenance")


def issue_key(issue: Issue) -> str:
    """Paper and date; the input files too when the date is unknown."""
    key = f"{issue.paper or UNKNOWN}|{issue.issue_date or UNKNOWN}"
    if not issue.issue_date:
        key += "|" + ",".join(issue.sources)
    return key


def pages_dir_for(db_path: Path) -> Path:
    """Rendered page images live beside the database."""
    return db_path.with_name(db_path.name + ".pages")


@dataclass(slots=True)
class IndexReport:
    issue_id: int
    key: str
    pages: int
    articles: int
    replaced: bool


class Archive:
    """An open archive database."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise InputError(str(path), "no such archive")
        if self.path.is_dir():
            raise InputError(str(path), "is a directory, not an archive")
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            # WAL with NORMAL sync: each issue's transaction is atomic; only
            # the last commits may be lost on power failure, never half of one.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._ensure_schema(create)
        except sqlite3.DatabaseError as err:
            raise InputError(str(path), f"not a jianbao archive ({err})") from None

    @property
    def pages_dir(self) -> Path:
        return pages_dir_for(self.path)

    def _ensure_schema(self, create: bool) -> None:
        row = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if row is None:
            if not create:
                raise InputError(str(self.path), "not a jianbao archive")
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.executescript(SCHEMA)
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            return
        version = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if version is not None and version[0] in REINDEXED_FROM:
            self._rebuild_text_index()
        elif version is None or version[0] != SCHEMA_VERSION:
            raise InputError(str(self.path), "archive written by another version of jianbao")

    def _rebuild_text_index(self) -> None:
        """Index every stored article's text anew, in one transaction."""
        try:
            with self.conn:
                for table in ("article_fts", "article_grams"):
                    self.conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
                last = 0
                while rows := self.conn.execute("SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT 2000", (last,)).fetchall():
                    for row in rows:
                        self._write_fts(row["id"], search_text(row_to_article(row)), delete=False)
                    last = rows[-1]["id"]
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except sqlite3.Error as err:
            raise InputError(str(self.path), f"archive of an earlier version could not be re-indexed: {err}") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -----------------------------------------------------------

    def index_issue(self, issue: Issue, images: dict[int, str] | None = None,
                    images_folder: str | None = None) -> IndexReport:
        """Add ``issue``, replacing an earlier copy of it, in one transaction.

        ``images`` maps page positions (0-based) to image paths relative to
        :attr:`pages_dir`; ``images_folder`` is the folder holding them.
        """
        key = issue_key(issue)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            old = conn.execute("SELECT id FROM issues WHERE key=?", (key,)).fetchone()
            if old is not None:
                self._delete_issue_rows(old["id"])
            issue_id = self._insert_issue(issue, key, images_folder)
            count = 0
            for position, page in enumerate(issue.pages):
                image = (images or {}).get(position)
                page_id = self._insert_page(issue_id, position, page, image)
                for order, article in enumerate(page.articles):
                    self._insert_article(issue_id, page_id, page.number, order, article)
                    count += 1
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return IndexReport(issue_id, key, len(issue.pages), count, old is not None)

    def images_folder_of(self, key: str) -> str | None:
        row = self.conn.execute("SELECT images FROM issues WHERE key=?", (key,)).fetchone()
        return row["images"] if row else None

    def _insert_issue(self, issue: Issue, key: str, images_folder: str | None) -> int:
        paper = issue.paper or UNKNOWN
        self.conn.execute("INSERT OR IGNORE INTO papers(name) VALUES (?)", (paper,))
        paper_id = self.conn.execute("SELECT id FROM papers WHERE name=?", (paper,)).fetchone()[0]
        cur = self.conn.execute(
            "INSERT INTO issues(paper_id, issue_date, key, mode, sources, images, indexed_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (paper_id, issue.issue_date, key, issue.mode, json.dumps(issue.sources, ensure_ascii=False),
             images_folder, datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        return int(cur.lastrowid)

    def _insert_page(self, issue_id: int, position: int, page: Page, image: str | None) -> int:
        cur = self.conn.execute(
            "INSERT INTO pages(issue_id, position, number, section, width, height, image, source, warnings)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (issue_id, position, page.number, page.section, page.width, page.height, image, page.source,
             json.dumps(page.warnings, ensure_ascii=False)),
        )
        return int(cur.lastrowid)

    def _insert_article(self, issue_id: int, page_id: int, page_number: int, position: int,
                        article: Article) -> int:
        d = article.to_dict()
        text = search_text(article)
        cur = self.conn.execute(
            "INSERT INTO articles(issue_id, page_id, page_number, position, article_key, kind, kicker, title,"
            " subtitle, byline, dateline, column_head, chars, " + ", ".join(_JSON_FIELDS) + ")"
            " VALUES (" + ",".join("?" * (13 + len(_JSON_FIELDS))) + ")",
            (issue_id, page_id, page_number, position, article.id, article.kind, article.kicker,
             article.title, article.subtitle, article.byline, article.dateline, article.column,
             printed_chars(text),
             *(json.dumps(d[f], ensure_ascii=False) for f in _JSON_FIELDS)),
        )
        rowid = int(cur.lastrowid)
        self._write_fts(rowid, text, delete=False)
        names = [(c.role, c.name) for c in article.credits]
        names += [(c.role, c.name) for cap in article.captions for c in cap.credits]
        self.conn.executemany(
            "INSERT INTO credits(article_id, role, name) VALUES (?,?,?)",
            [(rowid, role, name) for role, name in dict.fromkeys(names) if name],
        )
        return rowid

    def _write_fts(self, rowid: int, text: SearchText, delete: bool) -> None:
        """Add (or, for contentless tables, delete by repeating) the index rows."""
        text = indexed_text(text)
        for table, values in (("article_fts", text.columns()), ("article_grams", gram_columns(text))):
            if delete:
                sql = f"INSERT INTO {table}({table}, rowid, {', '.join(COLUMNS)}) VALUES ('delete', ?,?,?,?)"
            else:
                sql = f"INSERT INTO {table}(rowid, {', '.join(COLUMNS)}) VALUES (?,?,?,?)"
            self.conn.execute(sql, (rowid, *values))

    def _delete_issue_rows(self, issue_id: int) -> None:
        for row in self.conn.execute("SELECT * FROM articles WHERE issue_id=?", (issue_id,)).fetchall():
            self._write_fts(row["id"], search_text(row_to_article(row)), delete=True)
        self.conn.execute("DELETE FROM credits WHERE article_id IN (SELECT id FROM articles WHERE issue_id=?)",
                          (issue_id,))
        self.conn.execute("DELETE FROM articles WHERE issue_id=?", (issue_id,))
        self.conn.execute("DELETE FROM pages WHERE issue_id=?", (issue_id,))
        self.conn.execute("DELETE FROM issues WHERE id=?", (issue_id,))
        self.conn.execute("DELETE FROM papers WHERE id NOT IN (SELECT paper_id FROM issues)")

    def optimize(self) -> None:
        """Merge the full-text b-trees (worth it after a large build)."""
        self.conn.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
        self.conn.execute("INSERT INTO article_grams(article_grams) VALUES ('optimize')")

    # --- reading -----------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {
            name: self.conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("papers", "issues", "pages", "articles")
        }

    def papers(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT p.id, p.name, count(i.id) AS issues, min(i.issue_date) AS first, max(i.issue_date) AS last"
            " FROM papers p LEFT JOIN issues i ON i.paper_id = p.id GROUP BY p.id ORDER BY p.name"
        ).fetchall()

    def paper(self, paper_id: int) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM papers WHERE id=?", (paper_id,)).fetchone()

    def issues_of(self, paper_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT i.*, (SELECT count(*) FROM pages WHERE issue_id=i.id) AS pages,"
            " (SELECT count(*) FROM articles WHERE issue_id=i.id) AS articles"
            " FROM issues i WHERE paper_id=? ORDER BY issue_date DESC, id DESC LIMIT 2000",
            (paper_id,),
        ).fetchall()

    def issue(self, issue_id: int) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT i.*, p.name AS paper FROM issues i JOIN papers p ON p.id = i.paper_id WHERE i.id=?",
            (issue_id,),
        ).fetchone()

    def pages_of(self, issue_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT pg.*, (SELECT count(*) FROM articles WHERE page_id=pg.id) AS articles"
            " FROM pages pg WHERE issue_id=? ORDER BY position", (issue_id,)
        ).fetchall()

    def page(self, page_id: int) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM pages WHERE id=?", (page_id,)).fetchone()

    def page_by_number(self, issue_id: int, number: int) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM pages WHERE issue_id=? AND number=? ORDER BY position LIMIT 1", (issue_id, number)
        ).fetchone()

    def articles_on(self, page_id: int) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM articles WHERE page_id=? ORDER BY position", (page_id,)).fetchall()

    def article_row(self, article_id: int) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()

    def find_article(self, issue_id: int, page_number: int, key: str | None) -> sqlite3.Row | None:
        """The article a jump reference points at: the one with that id on
        that page of the same issue."""
        if not key:
            return None
        return self.conn.execute(
            "SELECT * FROM articles WHERE issue_id=? AND page_number=? AND article_key=?",
            (issue_id, page_number, key),
        ).fetchone()

    def image_path(self, page_id: int) -> Path | None:
        """The page image of a page id, only ever inside :attr:`pages_dir`."""
        row = self.conn.execute("SELECT image FROM pages WHERE id=?", (page_id,)).fetchone()
        if row is None or not row["image"]:
            return None
        root = self.pages_dir.resolve()
        path = (root / row["image"]).resolve()
        if root not in path.parents or not path.is_file():
            return None
        return path

    def iter_rows(self, batch: int = 2000) -> Iterator[sqlite3.Row]:
        """Every article with its paper and date, in archive order."""
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT a.*, i.issue_date, i.key AS issue_key, p.name AS paper, pg.section FROM articles a"
                " JOIN issues i ON i.id = a.issue_id JOIN papers p ON p.id = i.paper_id"
                " JOIN pages pg ON pg.id = a.page_id"
                " WHERE a.id > ? ORDER BY a.id LIMIT ?", (last, batch),
            ).fetchall()
            if not rows:
                return
            yield from rows
            last = rows[-1]["id"]


def printed_chars(text: SearchText) -> int:
    """Characters of an article's searchable text, line breaks not counted
    (the denominator of trends per 10,000 characters)."""
    return sum(len(t) - t.count("\n") for t in text.columns())


def row_to_dict(row: sqlite3.Row) -> dict[str, Any]:
    """An ``articles`` row as an :meth:`Article.to_dict` dictionary."""
    d: dict[str, Any] = {
        "id": row["article_key"],
        "kind": row["kind"],
        "kicker": row["kicker"],
        "title": row["title"],
        "subtitle": row["subtitle"],
        "byline": row["byline"],
        "dateline": row["dateline"],
        "column": row["column_head"],
    }
    for name in _JSON_FIELDS:
        d[name] = json.loads(row[name]) if row[name] else None
    return d


def row_to_article(row: sqlite3.Row) -> Article:
    return Article.from_dict(row_to_dict(row))


def export_dict(row: sqlite3.Row) -> dict[str, Any]:
    """One archived article with where it was printed (for export/--json)."""
    d = {"archive_id": row["id"], "paper": row["paper"], "issue_date": row["issue_date"],
         "page": row["page_number"]}
    d.update(Article.from_dict(row_to_dict(row)).to_dict())
    return d
