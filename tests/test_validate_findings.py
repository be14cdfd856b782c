"""Validation reports every finding at once, each with its line and column.

Fixtures in tests/fixtures/validate/: malformed.xml (not well-formed in three places),
not-tei.xml (XHTML), many-problems.xml (TEI from elsewhere with problems of many kinds).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from teikit.validation import Validator, collect_files, validate_paths
from teikit.validation import grammar as grammar_module
from teikit.validation import rules as rules_module
from teikit.validation.report import Finding

FIXTURES = REPO / "tests" / "fixtures" / "validate"
VALID = sorted((FIXTURES / "valid").glob("*.xml"))
D352 = FIXTURES / "valid" / "frus1958-60v19-d352.xml"
FINDING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): "
                          r"(?P<severity>error|warning)\[(?P<rule>[a-z-]+)\]: (?P<message>.+)$")


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_malformed_xml_reports_every_syntax_error_with_its_place(validator: Validator) -> None:
    path = FIXTURES / "malformed.xml"
    report = validator.validate_file(path)
    assert not report.checked
    assert {f.rule for f in report.findings} == {"xml-syntax"}
    lines = {f.line for f in report.findings}
    assert {_line_of(path, "Relations & Accords"), _line_of(path, "rend=flushleft"),
            _line_of(path, "An unclosed")} <= lines
    assert all(f.column for f in report.findings)


def test_a_document_that_is_not_tei(validator: Validator) -> None:
    path = FIXTURES / "not-tei.xml"
    report = validator.validate_file(path)
    assert report.checked
    (finding,) = report.findings
    assert finding.rule == "rng" and "TEI" in finding.message and "html" in finding.message
    assert (finding.line, finding.column) == (_line_of(path, "<html"), 1)


def test_tei_from_elsewhere_gets_all_its_problems_at_once(validator: Validator) -> None:
    path = FIXTURES / "many-problems.xml"
    report = validator.validate_file(path)
    assert report.checked
    rules = {f.rule for f in report.findings}
    assert {"rng", "id-unique", "div-id-n", "div-one-head",
            "when-iso-date", "ref-resolves", "note-sequence", "note-space-before",
            "p-not-empty", "note-id-prefix", "note-id-number", "pb-id", "pb-order"} <= rules
    # Not one of an edition's files: its name is no fault of its TEI ...
    assert "tei-id-filename" not in rules
    # ... unless it is validated as one.
    as_edition = Validator(edition=True).validate_file(path)
    assert {f.rule for f in as_edition.findings} == rules | {"tei-id-filename"}
    assert all(f.line is not None and f.column is not None for f in report.findings)
    where = {f.rule: (f.line, f.column) for f in report.findings}
    text = path.read_text(encoding="utf-8").splitlines()
    line, column = where["pb-id"]
    assert text[line - 1][column - 1:].startswith('<pb n="100" xml:id="page100"/>')
    line, column = where["note-space-before"]
    assert text[line - 1][column - 1:].startswith('<note n="2"')
    line, column = where["ref-resolves"]
    assert text[line - 1][column - 1:].startswith('corresp="#p_SJ1"')


def test_a_repeated_id_does_not_stop_the_parse(validator: Validator) -> None:
    data = D352.read_bytes().replace(b'xml:id="pg_722"', b'xml:id="d352fn1"')
    report = validator.validate_bytes(data, D352.name)
    assert report.checked
    assert {"id-unique", "rng"} <= {f.rule for f in report.findings}


def test_grammar_findings_name_the_attribute_and_what_is_allowed(validator: Validator) -> None:
    data = D352.read_bytes().replace(b'<list rend="bulleted">', b'<list rend="numbered">')
    report = validator.validate_bytes(data, D352.name)
    (finding,) = report.findings
    assert finding.rule == "rng"
    assert finding.message == 'rend="numbered" on list is not allowed: expected "bulleted"'
    line = D352.read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert line[finding.column - 1:].startswith('rend="bulleted"')


def test_a_missing_required_attribute_is_named(validator: Validator) -> None:
    data = D352.read_bytes().replace(b'<pb n="722" xml:id="pg_722"/>', b'<pb n="722"/>')
    report = validator.validate_bytes(data, D352.name)
    messages = [f.message for f in report.findings if f.rule == "rng"]
    assert any(m.startswith("pb lacks the required attribute xml:id") for m in messages)


def test_findings_print_as_path_line_col_severity_rule_message(validator: Validator) -> None:
    report = validator.validate_file(FIXTURES / "many-problems.xml")
    for finding in report.findings:
        match = FINDING_LINE.match(str(finding))
        assert match, str(finding)
        assert match["rule"] == finding.rule and int(match["line"]) == finding.line
    whole_file = Finding("x.xml", None, None, "error", "unreadable", "cannot read")
    assert str(whole_file) == "x.xml: error[unreadable]: cannot read"


def test_folders_are_searched_recursively_and_bad_paths_reported(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "empty").mkdir()
    for target in (tmp_path / "a" / "one.xml", tmp_path / "a" / "b" / "two.xml"):
        target.write_bytes(VALID[0].read_bytes())
    (tmp_path / "a" / "notes.txt").write_text("not XML")
    files, problems = collect_files([tmp_path / "a", tmp_path / "a" / "one.xml",
                                     tmp_path / "missing.xml", tmp_path / "empty"])
    # each file once, in path order
    assert files == [tmp_path / "a" / "b" / "two.xml", tmp_path / "a" / "one.xml"]
    assert sorted(p.findings[0].rule for p in problems) == ["no-xml-files", "unreadable"]


def test_a_run_checks_the_other_files_after_a_bad_one() -> None:
    report = validate_paths([FIXTURES / "malformed.xml", *VALID])
    assert report.unreadable == 1 and report.checked == len(VALID)
    assert not report.is_valid()
    assert report.summary().startswith(f"{len(VALID)} files checked: ")


def test_schemas_compile_once_per_process() -> None:
    validate_paths(VALID)
    counts = (grammar_module.compile_count, rules_module.compile_count)
    for _ in range(3):
        validate_paths(VALID)
        Validator()
    assert (grammar_module.compile_count, rules_module.compile_count) == counts
