"""Typed errors and warnings of the library. The library raises; the CLI reports."""

from __future__ import annotations

from dataclasses import dataclass


class TeikitError(Exception):
    """Base class of every error teikit raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One finding about an input: where it is, what is wrong, what to do.

    ``line`` is 1-based, or ``None`` when the finding concerns the whole file.
    """

    path: str
    line: int | None
    message: str
    hint: str = ""
    code: str = ""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(TeikitError):
    """An input that cannot be converted. Carries the :class:`Problem` that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class StrictModeError(TeikitError):
    """Conversion produced warnings while strict mode turns warnings into errors."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class CatalogError(TeikitError):
    """The catalog file is missing, unreadable or inconsistent."""
