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

from teikit.errors import InputError, Interrupted
from teikit.files import display_name, expand_paths, read_input
from teikit.resources import data_dir
from teikit.validation.grammar import Grammar, load_grammar
from teikit.validation.jing import JingGrammar, find_jing
from teikit.validation.parsing import Parsed, parse_bytes
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
from teikit.validation.schemasets import DEFAULT, SchemaSet, schema_set_for

__all__ = [
    "EDITION_RULES",
    "ENGINES",
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


#: How the grammar is checked: ``lxml`` (libxml2, in process), ``jing`` (one jing run
#: for many files), or ``auto``: jing for a grammar given with ``schema`` when jing is
#: installed (large grammars such as tei_all compile in a quarter of the time and need
#: compiling once per run, not once per process and file set), lxml otherwise.
ENGINES = ("auto", "lxml", "jing")


class Validator:
    """Checks documents against a grammar and, optionally, rules.

    Each document is checked against the schemas of its kind
    (:mod:`teikit.validation.schemasets`: teikit's per-document schemas unless another
    kind of file is registered and matches its root element).

    Args:
        schema: a RELAX NG schema (XML syntax) to use for every file instead of the
            grammar of its kind, e.g. tei_all.rng. ``None``: by kind (``schemas/teikit.rng``
            for teikit's documents).
        rules: whether to run the Schematron rules as well.
        rules_path: a Schematron schema to use for every file instead of the rules of
            its kind (``schemas/teikit.sch``).
        edition: the files are an edition's own (teikit's ``tei/`` folder), so the
            edition rules (:data:`EDITION_RULES`: the TEI id is the file's name) apply
            too. Off by default: a file's name says where someone saved it, not what
            the TEI is, and TEI from elsewhere is not wrong for its name.
        engine: one of :data:`ENGINES`; ``jing`` is used for ``schema`` only.

    Raises:
        SchemaError: a schema is missing or does not compile, or ``engine="jing"``
            without jing installed.
    """

    def __init__(
        self,
        schema: Path | str | None = None,
        *,
        rules: bool = True,
        rules_path: Path | str | None = None,
        edition: bool = False,
        engine: str = "auto",
    ) -> None:
        if engine not in ENGINES:
            raise SchemaError(f"unknown validation engine {engine!r}: one of " + ", ".join(ENGINES))
        self.edition = edition
        self.use_rules = rules
        self.schema = Path(schema) if schema else None
        self.rules_path = Path(rules_path) if rules_path else None
        self.jing: JingGrammar | None = None
        self.grammar: Grammar | None = None
        if self.schema is not None and (
            engine == "jing" or (engine == "auto" and find_jing() is not None)
        ):
            self.jing = JingGrammar(self.schema)
        else:
            self.grammar = load_grammar(self.schema or default_grammar_path())
        self.rules: Rules | None = None
        if rules:
            self.rules = load_rules(self.rules_path or default_rules_path())

    @property
    def engine(self) -> str:
        """``jing`` or ``lxml``: what checks the grammar given as ``schema``."""
        return "jing" if self.jing is not None else "lxml"

    def _schemas(self, kind: SchemaSet) -> tuple[Grammar | None, Rules | None]:
        """The grammar (``None``: jing's) and rules for a document of one kind."""
        if self.jing is not None:
            grammar = None
        elif self.schema is not None or kind is DEFAULT:
            grammar = self.grammar
        else:
            grammar = load_grammar(kind.grammar_path())
        rules = None
        if self.use_rules:
            if self.rules_path is not None or kind is DEFAULT:
                rules = self.rules
            else:
                path = kind.rules_path()
                rules = load_rules(path) if path is not None else None
        return grammar, rules

    def _check(self, parsed: Parsed, path: str, file_stem: str | None) -> list[Finding]:
        """Grammar (unless jing's) and rules findings of one parsed document."""
        source = SourceMap(parsed.tree, parsed.text)
        kind = schema_set_for(parsed.tree.getroot())
        grammar, rules = self._schemas(kind)
        findings = grammar.check(parsed.tree, source, path) if grammar is not None else []
        if rules is not None:
            if file_stem is None:
                file_stem = _stem(path) if self.edition or kind.named_by_id else ""
            findings += rules.check(parsed.tree, source, path, file_stem)
        return findings

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
        findings = self._check(parsed, path, file_stem)
        if self.jing is not None:
            findings += self.jing.check_bytes(data, path)
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
        return self._validate_files([Path(path)])[0]

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
        try:
            self._validate_files(files, report.files)
        except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: report what was found so far
            found = [f for r in report.files for f in r.findings]
            stopped = Interrupted(
                [f for f in found if f.severity == "error"],
                [f for f in found if f.severity != "error"],
                len(report.files) - len(problems),
                getattr(exc, "signum", None),
            )
            stopped.total = len(files)
            raise stopped from exc
        return report

    def _validate_files(
        self, files: list[Path], reports: list[FileReport] | None = None
    ) -> list[FileReport]:
        """Check files one by one into ``reports``; with jing, the grammar for all of them
        at the end."""
        reports = [] if reports is None else reports
        for_jing: dict[str, Path] = {}
        for path in files:
            name = display_name(path)
            try:
                data = read_input(path)  # regular files only: a FIFO is never opened
            except InputError as exc:
                reports.append(
                    FileReport(
                        name,
                        [
                            Finding(
                                name,
                                None,
                                None,
                                "error",
                                RULE_UNREADABLE,
                                exc.problem.message,
                                exc.problem.hint,
                            )
                        ],
                        checked=False,
                    )
                )
                continue
            parsed = parse_bytes(data, name)
            if isinstance(parsed, list):
                reports.append(FileReport(name, parsed, checked=False))
                continue
            reports.append(FileReport(name, self._check(parsed, name, None)))
            if self.jing is not None and name not in for_jing:
                for_jing[name] = path
        if self.jing is not None and for_jing:
            grammar_findings = self.jing.check_files(for_jing)
            for report in reports:
                if report.checked:
                    report.findings += grammar_findings.get(report.path, [])
        for report in reports:
            report.findings.sort(key=Finding.sort_key)
        return reports


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
    problems = [
        FileReport(
            p.path, [Finding(p.path, None, None, "error", rule[p.code], p.message)], checked=False
        )
        for p in missing
    ]
    return files, problems


def validate_paths(
    paths: Iterable[Path | str],
    schema: Path | str | None = None,
    *,
    rules: bool = True,
    edition: bool = False,
    engine: str = "auto",
) -> ValidationReport:
    """Validate files and folders against a grammar and teikit's rules.

    Args:
        paths: files, and folders to search for ``*.xml``.
        schema: a RELAX NG schema to use instead of teikit's own (e.g. tei_all.rng).
        rules: whether to run teikit's Schematron rules as well.
        edition: the files are an edition's own: check the edition rules too
            (see :class:`Validator`).
        engine: what checks ``schema``: ``auto`` (jing when installed), ``lxml`` or
            ``jing`` (see :data:`ENGINES`).

    Returns:
        Every finding in every file.

    Raises:
        SchemaError: a schema is missing or does not compile.
    """
    return Validator(schema, rules=rules, edition=edition, engine=engine).validate_paths(paths)
