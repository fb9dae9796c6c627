"""Batch processing of a folder tree of newspaper pages, at archive scale.

``jianbao batch INPUT_DIR --out OUT_DIR`` finds the issues under
``INPUT_DIR``, parses them in parallel and writes one output per issue at
``OUT_DIR/<issue key>.<format>``, each atomically (whole or absent).

Finding issues (:mod:`jianbao.batch.discovery`), in every folder:

1. a folder holding ``issue.pdf`` is one issue (key: the folder);
2. otherwise a folder of page files ``p1.txt``, ``p2.txt``… (also
   ``p01.pdf``, ``page3.png``) is one issue, pages in number order
   (key: the folder);
3. page files named with a date and a page number are grouped into issues
   by the name before the page number: ``rmrb-2019-10-01-p03.pdf``,
   ``rmrb_20191001_03.txt``, ``20191001_03.txt``, ``20191001-第3版.txt``
   (key: ``rmrb-2019-10-01``, ``rmrb_20191001``, ``20191001``); the date
   becomes the issue date;
4. any other page file (``.txt``, ``.pdf``, image) is an issue by itself
   (key: its name without extension).

Keys are relative to ``INPUT_DIR``; outputs mirror the input tree.

Bookkeeping lives in ``OUT_DIR/_batch/``: ``manifest.sqlite`` (finished
and failed issues with input checksums, for resume), ``report.json``
(counts, speed, every failure with its reason) and, with ``--tables``, the
per-issue parts merged at the end into ``OUT_DIR/_tables/articles.parquet``
and ``OUT_DIR/_tables/pages.parquet`` (schemas in
:mod:`jianbao.export.parquet`).

Resume: a re-run skips issues finished with the same input bytes and whose
outputs exist, redoes changed and failed ones.  After a crash or ``kill
-9`` a re-run completes the set, with no issue missing or written twice.

Engines: ``local`` (a supervised process pool, :mod:`jianbao.batch.local`)
or ``dask`` (:mod:`jianbao.batch.dask_engine`, a LocalCluster or an existing
scheduler); both write the same outputs and manifest.

Exit codes: 0 every issue parsed (or already done); 1 some issues failed
(each listed with its reason); 2 unusable arguments or input folder.
"""

from jianbao.batch.runner import BatchConfig, Hooks, Summary, run_batch

__all__ = ["BatchConfig", "Hooks", "Summary", "run_batch"]
