"""Errors a user sees as one line: ``jianbao: <file>: <problem>``."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: the CLI prints ``jianbao: <source>: <problem>`` and exits 2."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"
