"""The archive, web and batch commands of the ``jianbao`` CLI.

Kept apart from :mod:`jianbao.cli` so ``jianbao parse`` starts without
importing SQLite, FastAPI, matplotlib or Dask.  Each command delegates to the
module that does the work.
"""

from __future__ import annotations

from jianbao.cli import app, fail  # noqa: F401

# --- archive: index / search / export / trends (jianbao.archive) ----------

# --- web reader: serve (jianbao.web) ----------------------------------------

# --- batch (jianbao.batch) -----------------------------------------------------
