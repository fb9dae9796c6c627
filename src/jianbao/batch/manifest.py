"""The resume manifest: which issues are finished, from which inputs.

An SQLite file in the output folder with one row per issue key.  A row is
committed (``synchronous=FULL``) only after the issue's output has been
renamed into place, so after a crash or ``kill -9`` every row names a
whole output; an issue whose output was written but whose row was not is
simply done again, overwriting the same file.  Rows hold only what the
work produced (no times, no engine), so two runs over the same inputs leave
equal manifests whichever engine ran them.

The checksum covers the bytes of every input file, their order and the
settings that shape the output, so a changed page or a different
``--format`` redoes the issue.  Each input's size and modification time are
kept too: when they are unchanged the stored checksum is trusted, so a
re-run over a large archive does not read every file again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

OK = "ok"
FAILED = "failed"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS issues (
    key TEXT PRIMARY KEY,
    checksum TEXT NOT NULL,
    status TEXT NOT NULL,
    inputs TEXT NOT NULL,
    pages INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    output TEXT,
    error TEXT
);
CREATE TABLE IF NOT EXISTS stats (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
"""


@dataclass(slots=True)
class Entry:
    key: str
    checksum: str
    status: str
    inputs: list[str]
    pages: int = 0
    articles: int = 0
    output: str | None = None
    error: str | None = None


class Manifest:
    """Finished and failed issues of one output folder."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Group many small writes (the checksum cache while planning) into
        one commit instead of one durable commit each."""
        self.db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def get(self, key: str) -> Entry | None:
        row = self.db.execute(
            "SELECT key, checksum, status, inputs, pages, articles, output, error FROM issues WHERE key = ?", (key,)
        ).fetchone()
        return _entry(row) if row else None

    def record(self, entry: Entry) -> None:
        """Store one issue's outcome durably (one transaction per issue)."""
        self.db.execute(
            "INSERT OR REPLACE INTO issues (key, checksum, status, inputs, pages, articles, output, error)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.key,
                entry.checksum,
                entry.status,
                json.dumps(entry.inputs, ensure_ascii=False),
                entry.pages,
                entry.articles,
                entry.output,
                entry.error,
            ),
        )

    def entries(self) -> Iterator[Entry]:
        rows = self.db.execute(
            "SELECT key, checksum, status, inputs, pages, articles, output, error FROM issues ORDER BY key"
        )
        for row in rows:
            yield _entry(row)

    def file_checksum(self, path: Path) -> str:
        """sha256 of a file, read again only when its size or mtime changed."""
        st = path.stat()
        name = str(path.resolve())
        row = self.db.execute("SELECT size, mtime_ns, sha256 FROM stats WHERE path = ?", (name,)).fetchone()
        if row and row[0] == st.st_size and row[1] == st.st_mtime_ns:
            return row[2]
        digest = sha256_file(path)
        self.db.execute(
            "INSERT OR REPLACE INTO stats (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)",
            (name, st.st_size, st.st_mtime_ns, digest),
        )
        return digest

    def issue_checksum(self, paths: Iterable[Path], settings: str) -> str:
        h = hashlib.sha256(settings.encode())
        for path in paths:
            h.update(b"\0")
            try:
                h.update(self.file_checksum(path).encode())
            except OSError as err:
                # An unreadable input still gets a checksum so the issue is
                # tried (and reported) rather than dropped.
                h.update(f"unreadable:{err.errno}".encode())
        return h.hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _entry(row: tuple) -> Entry:
    key, checksum, status, inputs, pages, articles, output, error = row
    return Entry(key, checksum, status, json.loads(inputs), pages, articles, output, error)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable before recording it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
