"""The archive: an embedded SQLite store of clipped articles with exact
Chinese full-text search (:mod:`.search`), keyword trends (:mod:`.trends`)
and export (:mod:`.export`)."""

from jianbao.archive.grams import QueryError
from jianbao.archive.store import Archive

__all__ = ["Archive", "QueryError"]


def index_issue(db, issue, render_images: bool = True):
    """Add one parsed issue to the archive at ``db`` (a path), replacing an
    earlier copy of it; returns the :class:`~jianbao.archive.store.IndexReport`."""
    from jianbao.archive.ingest import add_issue

    with Archive(db) as archive:
        return add_issue(archive, issue, render_images=render_images)


__all__ += ["index_issue"]
