"""Validate TEI files against teikit's grammar (RELAX NG) and rules (Schematron).

Use :func:`validate_paths` for files and folders, or a :class:`Validator` to check
many documents one by one. Schemas are compiled once per process and shared.

Example::

    from teikit.validation import validate_paths

    report = validate_paths(["tei/"])
    for finding in report.findings:
        print(finding)      # tei/x.xml:12:7: error[note-sequence]: ...
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from teikit.files import expand_paths
from teikit.resources import data_dir
from teikit.validation.grammar import Grammar, load_grammar
from teikit.validation.parsing import parse_bytes
from teikit.validation.positions import SourceMap
from teikit.validation.report import (
    RULE_NO_INPUT,
    RULE_UNREADABLE,
    FileReport,
    Finding,
    SchemaError,
    ValidationReport,
)
from teikit.validation.rules import Rules, load_rules

__all__ = [
    "EDITION_RULES",
    "FileReport",
    "Finding",
    "SchemaError",
    "ValidationReport",
    "Validator",
    "collect_files",
    "default_grammar_path",
    "default_rules_path",
    "validate_paths",
]


#: The rules that hold only for the files of an edition, not for TEI in general: they
#: run when the validator is told the files are an edition's (``--edition``; ``teikit
#: build`` always checks its own tei/ so). ``tei-id-filename`` reads the file's name
#: from the Schematron parameter ``file-stem``, which is left empty otherwise.
EDITION_RULES: tuple[str, ...] = ("tei-id-filename",)


def default_grammar_path() -> Path:
    """Return the path of teikit's own RELAX NG schema (``schemas/teikit.rng``).

    Raises:
        TeikitError: the schemas folder cannot be found.
    """
    return data_dir("schemas") / "teikit.rng"


def default_rules_path() -> Path:
    """Return the path of teikit's Schematron rules (``schemas/teikit.sch``).

    Raises:
        TeikitError: the schemas folder cannot be found.
    """
    return data_dir("schemas") / "teikit.sch"


class Validator:
    """Checks documents against one grammar and, optionally, teikit's rules.

    Args:
        schema: a RELAX NG schema (XML syntax) to use instead of teikit's own, e.g.
            tei_all.rng. ``None`` means ``schemas/teikit.rng``.
        rules: whether to run the Schematron rules as well.
        rules_path: a Schematron schema to use instead of ``schemas/teikit.sch``.
        edition: the files are an edition's own (teikit's ``tei/`` folder), so the
            edition rules (:data:`EDITION_RULES`: the TEI id is the file's name) apply
            too. Off by default: a file's name says where someone saved it, not what
            the TEI is, and TEI from elsewhere is not wrong for its name.

    Raises:
        SchemaError: a schema is missing or does not compile.
    """

    def __init__(self, schema: Path | str | None = None, *, rules: bool = True,
                 rules_path: Path | str | None = None, edition: bool = False) -> None:
        self.edition = edition
        self.grammar: Grammar = load_grammar(Path(schema) if schema else default_grammar_path())
        self.rules: Rules | None = None
        if rules:
            self.rules = load_rules(Path(rules_path) if rules_path else default_rules_path())

    def validate_bytes(self, data: bytes, path: str, file_stem: str | None = None) -> FileReport:
        """Check one document given as bytes.

        Args:
            data: the document.
            path: its name, used in findings.
            file_stem: the name the TEI/@xml:id must equal (rule ``tei-id-filename``);
                by default ``path``'s file name without ``.xml`` for an edition's file,
                and nothing (the rule checks nothing) otherwise.

        Returns:
            The file's report: every finding of the grammar and the rules, or the
            findings that say why it could not be parsed.
        """
        parsed = parse_bytes(data, path)
        if isinstance(parsed, list):
            return FileReport(path, parsed, checked=False)
        source = SourceMap(parsed.tree, parsed.text)
        findings = self.grammar.check(parsed.tree, source, path)
        if self.rules is not None:
            if file_stem is not None:
                stem = file_stem
            else:
                stem = _stem(path) if self.edition else ""
            findings += self.rules.check(parsed.tree, source, path, stem)
        findings.sort(key=Finding.sort_key)
        return FileReport(path, findings)

    def validate_file(self, path: Path | str) -> FileReport:
        """Check one file.

        Args:
            path: the file.

        Returns:
            The file's report; a file that cannot be read gets one ``unreadable``
            finding and ``checked`` False.
        """
        name = str(path)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            return FileReport(name, [Finding(name, None, None, "error", RULE_UNREADABLE,
                                             f"cannot read the file: {reason}")],
                              checked=False)
        return self.validate_bytes(data, name)

    def validate_paths(self, paths: Iterable[Path | str]) -> ValidationReport:
        """Check files, and every ``*.xml`` file under folders, in a stable order.

        Args:
            paths: files and folders.

        Returns:
            The report over all files; a missing path, or a folder without XML
            files, gets a finding of its own.
        """
        report = ValidationReport()
        files, problems = collect_files(paths)
        report.files.extend(problems)
        report.files.extend(self.validate_file(f) for f in files)
        return report


def _stem(path: str) -> str:
    name = Path(path).name
    return name[:-4] if name.lower().endswith(".xml") else name


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[FileReport]]:
    """Expand folders into their ``*.xml`` files (recursively, sorted), keep files as given.

    Args:
        paths: files and folders.

    Returns:
        The files to check (each once), and a report for each path that names
        nothing or a folder without XML files.
    """
    files, missing = expand_paths(paths, recursive=True)
    rule = {"missing": RULE_UNREADABLE, "empty-folder": RULE_NO_INPUT}
    problems = [FileReport(p.path, [Finding(p.path, None, None, "error", rule[p.code],
                                            p.message)], checked=False) for p in missing]
    return files, problems


def validate_paths(paths: Iterable[Path | str], schema: Path | str | None = None, *,
                   rules: bool = True, edition: bool = False) -> ValidationReport:
    """Validate files and folders against a grammar and teikit's rules.

    Args:
        paths: files, and folders to search for ``*.xml``.
        schema: a RELAX NG schema to use instead of teikit's own (e.g. tei_all.rng).
        rules: whether to run teikit's Schematron rules as well.
        edition: the files are an edition's own: check the edition rules too
            (see :class:`Validator`).

    Returns:
        Every finding in every file.

    Raises:
        SchemaError: a schema is missing or does not compile.
    """
    return Validator(schema, rules=rules, edition=edition).validate_paths(paths)
