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

from collections.abc import Callable, Iterable
from pathlib import Path

from lxml import etree

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


def _is_volume(root: etree._Element) -> bool:
    """A volume file (build/volumes/): its own publicationStmt carries the frus idno."""
    return bool(root.xpath("/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='frus']",
                           namespaces={"t": "http://www.tei-c.org/ns/1.0"}))


def _is_passage(root: etree._Element) -> bool:
    """A DTS passage (build/dts/document/<id>/…): TEI holding a dts:wrapper."""
    return root.find("{https://w3id.org/api/dts#}wrapper") is not None


#: Which grammar and rules (files in schemas/) check a document, by what its root is: the
#: first predicate that holds decides; other documents get teikit.rng and teikit.sch.
DOCUMENT_KINDS: tuple[tuple[Callable[[etree._Element], bool], str, str | None], ...] = (
    (_is_volume, "frus-volume.rng", "frus-volume.sch"),
    (_is_passage, "dts-fragment.rng", None),
)


class Validator:
    """Checks documents against one grammar and, optionally, teikit's rules.

    Args:
        schema: a RELAX NG schema (XML syntax) to use instead of teikit's own, e.g.
            tei_all.rng. ``None`` means ``schemas/teikit.rng``.
        rules: whether to run the Schematron rules as well.
        rules_path: a Schematron schema to use instead of ``schemas/teikit.sch``.

    Raises:
        SchemaError: a schema is missing or does not compile.
    """

    def __init__(self, schema: Path | str | None = None, *, rules: bool = True,
                 rules_path: Path | str | None = None) -> None:
        self.grammar: Grammar = load_grammar(Path(schema) if schema else default_grammar_path())
        self.rules: Rules | None = None
        if rules:
            self.rules = load_rules(Path(rules_path) if rules_path else default_rules_path())
        self._by_kind = schema is None and rules_path is None
        self._use_rules = rules

    def _schemas_for(self, tree: etree._ElementTree) -> tuple[Grammar, Rules | None]:
        if self._by_kind:
            for claims, grammar, rules in DOCUMENT_KINDS:
                if claims(tree.getroot()):
                    folder = data_dir("schemas")
                    return (load_grammar(folder / grammar),
                            load_rules(folder / rules) if rules and self._use_rules else None)
        return self.grammar, self.rules

    def validate_bytes(self, data: bytes, path: str, file_stem: str | None = None) -> FileReport:
        """Check one document given as bytes.

        Args:
            data: the document.
            path: its name, used in findings.
            file_stem: the name the TEI/@xml:id must equal; by default ``path``'s
                file name without ``.xml``.

        Returns:
            The file's report: every finding of the grammar and the rules, or the
            findings that say why it could not be parsed.
        """
        parsed = parse_bytes(data, path)
        if isinstance(parsed, list):
            return FileReport(path, parsed, checked=False)
        source = SourceMap(parsed.tree, parsed.text)
        grammar, rules = self._schemas_for(parsed.tree)
        findings = grammar.check(parsed.tree, source, path)
        if rules is not None:
            stem = file_stem if file_stem is not None else _stem(path)
            findings += rules.check(parsed.tree, source, path, stem)
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
                   rules: bool = True) -> ValidationReport:
    """Validate files and folders against a grammar and teikit's rules.

    Args:
        paths: files, and folders to search for ``*.xml``.
        schema: a RELAX NG schema to use instead of teikit's own (e.g. tei_all.rng).
        rules: whether to run teikit's Schematron rules as well.

    Returns:
        Every finding in every file.

    Raises:
        SchemaError: a schema is missing or does not compile.
    """
    return Validator(schema, rules=rules).validate_paths(paths)
