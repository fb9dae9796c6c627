"""Pairing rows with columns so that the total score is highest.

Every assignment over a page (headlines to captions, jump markers to
continued parts, broken-off columns to the columns that carry them on) is
solved with scipy's ``linear_sum_assignment``.  Importing scipy takes longer than
parsing a page, and most pages pose only a trivial problem: a single row
or a single column, whose best pairing is its best cell.  Those are
answered without scipy, with the same pair scipy gives (the first best
cell on a tie).
"""

from __future__ import annotations

from collections.abc import Sequence


def best_pairs(score: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """(row, column) pairs, each row and column used at most once, with the
    highest total score.

    >>> best_pairs([[0.2, 0.9, 0.9]])
    [(0, 1)]
    >>> best_pairs([[0.1, 0.8], [0.7, 0.9]])
    [(0, 1), (1, 0)]
    """
    n_rows = len(score)
    n_cols = len(score[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    if n_rows == 1:
        row = list(score[0])
        return [(0, row.index(max(row)))]
    if n_cols == 1:
        col = [r[0] for r in score]
        return [(col.index(max(col)), 0)]
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(score, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols)]
