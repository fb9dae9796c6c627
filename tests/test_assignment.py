from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from jianbao.assignment import best_pairs

# Scores drawn from few values, so that ties are common.
matrices = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda cols: st.lists(st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=cols, max_size=cols), min_size=rows, max_size=rows)
    )
)


@given(matrices)
def test_best_pairs_are_the_pairs_scipy_gives(score: list[list[float]]) -> None:
    rows, cols = linear_sum_assignment(np.array(score), maximize=True)
    assert best_pairs(score) == [(int(r), int(c)) for r, c in zip(rows, cols)]


def test_an_empty_problem_has_no_pairs() -> None:
    assert best_pairs([]) == []
    assert best_pairs([[]]) == []


def test_a_single_row_or_column_is_answered_without_importing_scipy() -> None:
    code = (
        "import sys\n"
        "from jianbao.assignment import best_pairs\n"
        "assert best_pairs([[0.1, 0.7, 0.7]]) == [(0, 1)]\n"
        "assert best_pairs([[0.1], [0.7]]) == [(1, 0)]\n"
        "print('scipy.optimize' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
