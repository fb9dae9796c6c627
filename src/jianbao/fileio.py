"""Output files: written atomically (a file is either whole or not there),
and the folder of them that batch keeps its own bookkeeping in."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: The folder inside an output folder where ``jianbao batch`` keeps its
#: manifest and report; readers of parsed output (index, eval) leave it out.
STATE_DIR = "_batch"


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a
    rename, so a crash never leaves a half-written output."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
