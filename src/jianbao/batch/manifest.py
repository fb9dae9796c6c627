"""The resume manifest: which issues are finished, from which inputs.

An SQLite file in the output folder with one row per issue key.  A row is
committed only after the issue's output has been renamed into place and
made durable, so after a crash or ``kill -9`` every row names a
whole output; an issue whose output was written but whose row was not is
simply done again, overwriting the same file.  Rows hold only what the
work produced (no times, no engine), so two runs over the same inputs leave
equal manifests whichever engine ran them.

The checksum covers the bytes of every input file, their order and the
settings that shape the output, so a changed page or a different
``--format`` redoes the issue.  Each input's size and modification time are
kept too: when they are unchanged the stored checksum is trusted, so a
re-run over a large archive does not read every file again.  Issues never
finished before are hashed by the worker that parses them, so the first
run over a large archive does not wait for one process to read it all.
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
        # NORMAL is enough: a row lost to a power cut only means its issue is
        # done again, and a row never gets ahead of its output, which is
        # fsynced (file and folder) before the row is written.
        self.db.execute("PRAGMA synchronous=NORMAL")
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

    def cached_file_checksum(self, path: Path) -> str | None:
        """The stored sha256 of a file whose size and mtime are unchanged."""
        try:
            st = path.stat()
        except OSError:
            return None
        row = self.db.execute(
            "SELECT size, mtime_ns, sha256 FROM stats WHERE path = ?", (str(path.resolve()),)
        ).fetchone()
        if row and row[0] == st.st_size and row[1] == st.st_mtime_ns:
            return row[2]
        return None

    def remember(self, stats: Iterable[FileStat]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO stats (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)",
            [(s.path, s.size, s.mtime_ns, s.sha256) for s in stats],
        )

    def issue_checksum(self, paths: Iterable[Path], settings: str) -> str:
        """The checksum of an issue's inputs, reading only files whose size
        or mtime changed since they were last read."""
        digests = []
        for path in paths:
            cached = self.cached_file_checksum(path)
            if cached is None:
                stat = file_stat(path)
                if stat.sha256.startswith("unreadable:"):
                    digests.append(stat.sha256)
                    continue
                self.remember([stat])
                cached = stat.sha256
            digests.append(cached)
        return combine(digests, settings)


@dataclass(slots=True)
class FileStat:
    """A file's identity when it was read: what the checksum cache keeps."""

    path: str
    size: int
    mtime_ns: int
    sha256: str


def file_stat(path: Path) -> FileStat:
    """Stat then hash; the stat taken first means a file changed while it
    was read is read again next time."""
    try:
        st = path.stat()
        digest = sha256_file(path)
    except OSError as err:
        # An unreadable input still gets a checksum so the issue is tried
        # (and reported) rather than dropped.
        return FileStat(str(path), -1, -1, f"unreadable:{err.errno}")
    return FileStat(str(path.resolve()), st.st_size, st.st_mtime_ns, digest)


def combine(digests: Iterable[str], settings: str) -> str:
    """One issue's checksum from its files' digests, in order, and the
    settings that shape its output."""
    h = hashlib.sha256(settings.encode())
    for digest in digests:
        h.update(b"\0")
        h.update(digest.encode())
    return h.hexdigest()


def inputs_checksum(paths: Iterable[Path], settings: str) -> tuple[str, list[FileStat]]:
    """Hash an issue's inputs from scratch (in a worker, off the
    coordinator); returns the checksum and the stats to cache."""
    stats = [file_stat(Path(p)) for p in paths]
    return combine([s.sha256 for s in stats], settings), [s for s in stats if s.size >= 0]


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
