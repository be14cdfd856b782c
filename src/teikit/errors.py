"""Typed errors and the one diagnostic type of the library. The library raises; the CLI reports.

Every finding teikit makes about an input, whatever the command, is a :class:`Problem`
(validation's :class:`Finding` is a Problem too, with a column, a severity and a rule id).
Every error teikit raises on purpose is a :class:`TeikitError`, and carries the exit code the
command line ends with. The exit codes are one table, :data:`EXIT_CODES`; the codes of
problems (``missing``, ``unreadable``, ``write-failed`` ...) map onto it through
:data:`PROBLEM_EXIT`, so a batch ends with the gravest code among its problems.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

Severity = Literal["error", "warning"]

#: Exit code: everything done.
EXIT_OK = 0
#: Exit code: the inputs had problems (a conversion failed, validation found errors).
EXIT_FINDINGS = 1
#: Exit code: a usage error, or an input that could not be read at all.
EXIT_USAGE = 2
#: Exit code: an output could not be written (read-only folder, full disk, closed pipe).
EXIT_OUTPUT = 3
#: Exit code: interrupted (Ctrl-C or SIGTERM); what was found so far is still reported.
EXIT_INTERRUPTED = 130

#: The exit codes of every command, with what each means (the README states this table).
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "success",
    EXIT_FINDINGS: "the inputs had problems (a conversion failed, validation found errors)",
    EXIT_USAGE: "a usage error, or an input that cannot be read (missing, not a regular "
    "file, no permission, not XML)",
    EXIT_OUTPUT: "an output could not be written (read-only folder, disk full, closed "
    "standard output)",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); the problems found until then are printed",
}

#: Problem codes that are not about an input's content, and the exit code each gives.
#: Any other code of an error is :data:`EXIT_FINDINGS`; warnings give :data:`EXIT_OK`.
PROBLEM_EXIT: dict[str, int] = {
    "missing": EXIT_USAGE,
    "directory": EXIT_USAGE,
    "not-regular": EXIT_USAGE,
    "unreadable": EXIT_USAGE,
    "empty-folder": EXIT_USAGE,
    "no-xml-files": EXIT_USAGE,
    "not-xml": EXIT_USAGE,
    "not-tei": EXIT_USAGE,
    "xml-syntax": EXIT_USAGE,
    "unsafe-xml": EXIT_USAGE,
    "too-deep": EXIT_USAGE,
    "entity": EXIT_USAGE,
    "catalog": EXIT_USAGE,
    "usage": EXIT_USAGE,
    "write-failed": EXIT_OUTPUT,
    "interrupted": EXIT_INTERRUPTED,
}


def one_line(text: str) -> str:
    """Return ``text`` as one line: line breaks and runs of space become one space.

    Messages of outside tools (Saxon, libxml2) can run over several lines; a diagnostic is
    always one.
    """
    return " ".join(text.split())


@dataclass(frozen=True)
class Problem:
    """One finding about an input: where it is, what is wrong, what to do.

    ``line`` and ``column`` are 1-based, or ``None`` when unknown (``line`` is ``None`` when
    the finding concerns the whole file). ``code`` names the kind of problem (for
    validation, the rule id; :attr:`rule` is the same value). ``severity`` is ``"error"``
    or ``"warning"``; which list a problem is kept in also says it, for the converter.
    """

    path: str
    line: int | None
    message: str
    hint: str = ""
    code: str = ""
    column: int | None = None
    severity: Severity = "error"

    @property
    def rule(self) -> str:
        """The rule id of a validation finding: the same as :attr:`code`."""
        return self.code

    @property
    def exit_code(self) -> int:
        """The exit code this problem alone gives (see :data:`PROBLEM_EXIT`)."""
        if self.severity == "warning":
            return EXIT_OK
        return PROBLEM_EXIT.get(self.code, EXIT_FINDINGS)

    def where(self) -> str:
        """``path:line:column``, as far as they are known (the path shown escaped)."""
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text

    def __str__(self) -> str:
        text = f"{self.where()}: {one_line(self.message)}"
        if self.hint:
            text += f" ({one_line(self.hint)})"
        return text

    def to_dict(self) -> dict[str, object]:
        """The problem as plain data (for JSON output)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


class Finding(Problem):
    """A validation finding: a :class:`Problem` with column, severity and rule id.

    Built as ``Finding(path, line, column, severity, rule, message)`` and printed as
    ``path:line:col: severity[rule]: message`` (without the column, or the line, when they
    are not known).
    """

    def __init__(
        self,
        path: str,
        line: int | None,
        column: int | None,
        severity: Severity,
        rule: str,
        message: str,
        hint: str = "",
    ) -> None:
        super().__init__(path, line, message, hint, rule, column, severity)

    def __str__(self) -> str:
        text = f"{self.where()}: {self.severity}[{self.rule}]: {one_line(self.message)}"
        if self.hint:
            text += f" ({one_line(self.hint)})"
        return text

    def __repr__(self) -> str:
        return (
            f"Finding({self.path!r}, {self.line!r}, {self.column!r}, {self.severity!r}, "
            f"{self.rule!r}, {self.message!r})"
        )

    def sort_key(self) -> tuple[int, int, str, str]:
        """Order findings by position, then by rule and message."""
        return (self.line or 0, self.column or 0, self.rule, self.message)

    def to_dict(self) -> dict[str, object]:
        """The finding as plain data: path, line, column, severity, rule, message."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
        }


def as_warning(problem: Problem) -> Problem:
    """Return ``problem`` with severity ``warning`` (the same object when it has it already)."""
    if problem.severity == "warning":
        return problem
    return Problem(
        problem.path,
        problem.line,
        problem.message,
        problem.hint,
        problem.code,
        problem.column,
        "warning",
    )


#: Problem codes that say the same of every input of a group (every document of a volume
#: without a catalog entry): a batch reports each distinct one once.
REPEATING_CODES = frozenset({"volume-facts"})


def fold_repeats(problems: Iterable[Problem]) -> list[Problem]:
    """Report a repeating problem once per batch: the first of each, with the count of the rest.

    Problems whose code is in :data:`REPEATING_CODES` and whose message and hint are the same
    are folded into the first of them, which names how many more inputs said the same; every
    other problem is kept as it is, in its place.
    """
    kept: list[Problem] = []
    first: dict[tuple[str, str, str, str], int] = {}
    repeats: dict[int, int] = {}
    for problem in problems:
        key = (problem.code, problem.message, problem.hint, problem.severity)
        if problem.code in REPEATING_CODES and key in first:
            repeats[first[key]] = repeats.get(first[key], 1) + 1
            continue
        if problem.code in REPEATING_CODES:
            first[key] = len(kept)
        kept.append(problem)
    for index, count in repeats.items():
        problem = kept[index]
        others = count - 1
        noun = "input" if others == 1 else "inputs"
        kept[index] = replace(problem, message=f"{problem.message} (and {others} more {noun})")
    return kept


def exit_code_of(problems: Iterable[Problem], *, strict: bool = False) -> int:
    """Return the exit code a run ends with: the gravest code among its problems.

    Args:
        problems: every problem of the run, errors and warnings.
        strict: count warnings as :data:`EXIT_FINDINGS`.

    Returns:
        :data:`EXIT_OK` when there is nothing to report, else the highest code of
        :data:`EXIT_CODES` that one of the problems gives.
    """
    code = EXIT_OK
    for problem in problems:
        found = problem.exit_code
        if strict and problem.severity == "warning":
            found = EXIT_FINDINGS
        code = max(code, found)
    return code


class TeikitError(Exception):
    """Base class of every error teikit raises on purpose.

    ``exit_code`` is the code the command line exits with when the error ends a command.
    An error that stops a command before it could handle its inputs (a missing schema or
    seeds folder, a bad catalog) is :data:`EXIT_USAGE` unless its class says otherwise.
    """

    exit_code: int = EXIT_USAGE


class UsageError(TeikitError):
    """The command was given options or arguments that cannot work together."""

    exit_code = EXIT_USAGE


class InputError(TeikitError):
    """An input that cannot be converted. Carries the :class:`Problem` that says why.

    Its exit code is the problem's (see :data:`PROBLEM_EXIT`): 2 for an input that cannot
    be read at all, 1 for one whose content is wrong.
    """

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.exit_code = problem.exit_code  # an unreadable input is graver than a bad one


class OutputError(TeikitError):
    """An output could not be written: a read-only folder, a full disk, a closed pipe."""

    exit_code = EXIT_OUTPUT

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class StrictModeError(TeikitError):
    """Conversion produced warnings while strict mode turns warnings into errors."""

    exit_code = EXIT_FINDINGS

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class CatalogError(TeikitError):
    """The catalog file is missing, unreadable or inconsistent."""

    exit_code = EXIT_USAGE


class Interrupted(TeikitError):
    """The run was interrupted (SIGINT or SIGTERM) before it ended.

    ``errors`` and ``warnings`` hold what was found until then, so that it can still be
    reported; ``done`` counts the inputs finished. The exit code is 130 for Ctrl-C, 128 +
    the signal's number for another signal (143 for SIGTERM).
    """

    exit_code = EXIT_INTERRUPTED

    def __init__(
        self,
        errors: Iterable[Problem] = (),
        warnings: Iterable[Problem] = (),
        done: int = 0,
        signum: int | None = None,
    ) -> None:
        super().__init__("interrupted")
        self.errors = list(errors)
        self.warnings = list(warnings)
        self.done = done
        self.total: int | None = None
        if signum is not None:  # 128 + the signal's number, as shells report it
            self.exit_code = 128 + signum
