"""Findings of a validation run, and how they are printed.

A :class:`Finding` is one problem at one place in one file. A :class:`FileReport` holds
every finding about one file; a :class:`ValidationReport` holds the reports of a run.
Nothing here prints: :meth:`ValidationReport.text_lines` and
:meth:`ValidationReport.to_json` return what the command line writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from teikit.errors import EXIT_USAGE, Finding, TeikitError

Severity = Literal["error", "warning"]

#: Rule ids of findings that come from teikit itself rather than from a schema.
RULE_GRAMMAR = "rng"
RULE_SYNTAX = "xml-syntax"
RULE_UNSAFE = "unsafe-xml"
RULE_UNREADABLE = "unreadable"
RULE_NO_INPUT = "no-xml-files"


class SchemaError(TeikitError):
    """A schema (RELAX NG or Schematron) is missing or does not compile."""

    exit_code = EXIT_USAGE


@dataclass
class FileReport:
    """Every finding about one file.

    Attributes:
        path: the file, as the user named it.
        findings: the findings, in order of position.
        checked: False when the file could not be read, parsed, or was refused as
            unsafe; its findings then say why.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    checked: bool = True

    @property
    def errors(self) -> int:
        """Number of error findings."""
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        """Number of warning findings."""
        return sum(1 for f in self.findings if f.severity == "warning")


@dataclass
class ValidationReport:
    """The outcome of validating a set of files.

    Attributes:
        files: one report per file, in the order the files were found.
    """

    files: list[FileReport] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        """All findings, file by file."""
        return [f for report in self.files for f in report.findings]

    @property
    def errors(self) -> int:
        """Number of error findings over all files."""
        return sum(r.errors for r in self.files)

    @property
    def warnings(self) -> int:
        """Number of warning findings over all files."""
        return sum(r.warnings for r in self.files)

    @property
    def unreadable(self) -> int:
        """Number of files that could not be read, parsed, or were refused."""
        return sum(1 for r in self.files if not r.checked)

    @property
    def checked(self) -> int:
        """Number of files that were checked against the schemas."""
        return sum(1 for r in self.files if r.checked)

    def is_valid(self, strict: bool = False) -> bool:
        """True when every file was checked and nothing (in strict mode: not even a
        warning) was found.

        Args:
            strict: count warnings as failures too.

        Returns:
            Whether the run found the files valid.
        """
        if self.unreadable or self.errors:
            return False
        return not (strict and self.warnings)

    def summary(self) -> str:
        """One line: how many files, errors and warnings."""

        def plural(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        text = (
            f"{plural(self.checked, 'file')} checked: {plural(self.errors, 'error')}, "
            f"{plural(self.warnings, 'warning')}"
        )
        if self.unreadable:
            text += f"; {self.unreadable} not readable or refused"
        return text

    def text_lines(self) -> list[str]:
        """Every finding as ``path:line:col: severity[rule]: message``, then the summary."""
        return [str(f) for f in self.findings] + [self.summary()]

    def to_dict(self, strict: bool = False) -> dict[str, object]:
        """The report as plain data (what ``--format json`` prints).

        Args:
            strict: whether warnings count against validity.

        Returns:
            A dictionary with counts and a list of findings.
        """
        return {
            "valid": self.is_valid(strict),
            "files": len(self.files),
            "errors": self.errors,
            "warnings": self.warnings,
            "unreadable": self.unreadable,
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, strict: bool = False) -> str:
        """The report as indented JSON text.

        Args:
            strict: whether warnings count against validity.

        Returns:
            JSON text (UTF-8 characters kept as they are).
        """
        return json.dumps(self.to_dict(strict), ensure_ascii=False, indent=2)
