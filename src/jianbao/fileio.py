"""Output files: written atomically (a file is either whole or not there),
and the folder of them that batch keeps its own bookkeeping in; folders
walked through the links that join them."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

#: The folder inside an output folder where ``jianbao batch`` keeps its
#: manifest and report; readers of parsed output (index, eval) leave it out.
STATE_DIR = "_batch"


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once: the process's umask does not change while it runs.
_UMASK = _read_umask()


def new_file_mode() -> int:
    """The mode ``open()`` gives a new file (0666 less the umask).  A
    temporary file is created 0600; the output it becomes gets this."""
    return 0o666 & ~_UMASK


def cache_dir() -> Path:
    """Where jianbao keeps what it derives once from its dependencies' data
    (word lists, character forms): ``$XDG_CACHE_HOME/jianbao`` or
    ``~/.cache/jianbao``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jianbao"


def file_stamp(path: Path) -> str:
    """Size and modification time of a file a cache is derived from, to name
    the cache by: another release of the file makes another cache."""
    stat = path.stat()
    return f"{stat.st_size}-{int(stat.st_mtime)}"


@contextmanager
def atomic_output(path: str | os.PathLike[str], binary: bool = False) -> Iterator[IO]:
    """A file object whose content appears at ``path`` only when the block
    finishes without error: written to a temporary file in the same folder
    and renamed, so a crash never leaves a half-written output."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, new_file_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (:func:`atomic_output`)."""
    with atomic_output(path, binary=isinstance(data, bytes)) as fh:
        fh.write(data)


def walk_folders(root: str | os.PathLike[str]) -> Iterator[tuple[Path, list[str], list[str]]]:
    """:func:`os.walk` that goes into linked folders (an archive spread over
    several disks is often joined by links), each real folder once, so a
    link back up the tree ends the walk instead of looping.  Pruning
    ``dirnames`` in place works as with :func:`os.walk`."""
    seen: set[str] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        yield Path(folder), dirnames, filenames


def files_under(root: str | os.PathLike[str]) -> Iterator[Path]:
    """Every file under ``root``, linked folders included (:func:`walk_folders`)."""
    for folder, _, filenames in walk_folders(root):
        for name in filenames:
            yield folder / name
