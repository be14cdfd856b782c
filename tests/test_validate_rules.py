"""Every Schematron rule in schemas/teikit.sch has a passing and a failing fixture.

tests/fixtures/schematron/<rule-id>.pass.xml must give no finding of that rule (and,
the file-name rule's pair aside, no finding at all); <rule-id>.fail.xml must give that
rule and no other rule of the Schematron (grammar findings may come with it, where the
grammar forbids the same thing).

The fixtures are checked as an edition's files (the edition rules on), and as if each
were saved under its own TEI/@xml:id, so that the file-name rule stays quiet; that
rule's own pair is checked under its real file name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO
from lxml import etree

from teikit.validation import EDITION_RULES, Validator, default_rules_path
from teikit.validation.parsing import parse_bytes
from teikit.validation.report import RULE_GRAMMAR
from teikit.validation.rules import SCH_NS, rule_ids

FIXTURES = REPO / "tests" / "fixtures" / "schematron"
SCH = REPO / "schemas" / "teikit.sch"
RULE_IDS = rule_ids(SCH)
FILE_NAME_RULE = "tei-id-filename"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator(edition=True)


def _check(validator: Validator, path: Path):
    data = path.read_bytes()
    rule = path.name.split(".")[0]
    if rule == FILE_NAME_RULE:
        stem = None  # the real file name
    else:
        parsed = parse_bytes(data, str(path))
        assert not isinstance(parsed, list), parsed
        stem = parsed.tree.getroot().get(XML_ID, "")
    return validator.validate_bytes(data, str(path), file_stem=stem)


def _roles() -> dict[str, str]:
    tree = etree.parse(str(SCH))
    return {a.get("id"): a.get("role") for a in tree.iter(f"{{{SCH_NS}}}assert",
                                                           f"{{{SCH_NS}}}report")}


def test_the_package_uses_the_repository_rules() -> None:
    assert default_rules_path().resolve() == SCH.resolve()


def test_rule_ids_are_unique_named_and_have_a_role() -> None:
    assert RULE_IDS, "teikit.sch has no rules"
    assert len(RULE_IDS) == len(set(RULE_IDS))
    for rule_id, role in _roles().items():
        assert rule_id and re.fullmatch(r"[a-z]+(-[a-z]+)*", rule_id), rule_id
        assert role in ("error", "warning"), (rule_id, role)


def test_every_message_says_what_was_found() -> None:
    """Each assert quotes something of the document (a value-of) in its message."""
    tree = etree.parse(str(SCH))
    for node in tree.iter(f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report"):
        assert node.find(f"{{{SCH_NS}}}value-of") is not None, node.get("id")
        assert len("".join(node.itertext()).split()) >= 8, node.get("id")


def test_every_rule_has_both_fixtures_and_no_fixture_is_orphaned() -> None:
    for rule in RULE_IDS:
        for kind in ("pass", "fail"):
            assert (FIXTURES / f"{rule}.{kind}.xml").is_file(), f"missing {rule}.{kind}.xml"
    for path in FIXTURES.glob("*.xml"):
        rule, kind, _ = path.name.split(".")
        assert rule in RULE_IDS and kind in ("pass", "fail"), f"orphan fixture {path.name}"


@pytest.mark.parametrize("rule", RULE_IDS)
def test_failing_fixture_gives_exactly_its_rule(validator: Validator, rule: str) -> None:
    report = _check(validator, FIXTURES / f"{rule}.fail.xml")
    assert report.checked
    rule_findings = [f for f in report.findings if f.rule != RULE_GRAMMAR]
    assert {f.rule for f in rule_findings} == {rule}, [str(f) for f in rule_findings]
    role = _roles()[rule]
    for finding in rule_findings:
        assert finding.severity == role
        assert finding.line is not None and finding.column is not None, str(finding)


@pytest.mark.parametrize("rule", RULE_IDS)
def test_passing_fixture_gives_no_finding_of_its_rule(validator: Validator, rule: str) -> None:
    report = _check(validator, FIXTURES / f"{rule}.pass.xml")
    assert report.checked
    assert rule not in {f.rule for f in report.findings}
    if rule != FILE_NAME_RULE:
        # The passing fixtures are whole, valid teikit documents.
        assert report.findings == [], [str(f) for f in report.findings]


def test_failing_finding_points_at_the_offending_element(validator: Validator) -> None:
    path = FIXTURES / "note-sequence.fail.xml"
    report = _check(validator, path)
    (finding,) = [f for f in report.findings if f.rule == "note-sequence"]
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines[finding.line - 1]
    assert line[finding.column - 1:].startswith('<note n="3"')


def test_edition_rules_are_not_errors_outside_an_edition() -> None:
    """TEI from elsewhere is not wrong for the name someone saved it under."""
    path = FIXTURES / f"{FILE_NAME_RULE}.fail.xml"
    assert FILE_NAME_RULE in EDITION_RULES
    outside = Validator().validate_file(path)
    assert outside.findings == [], [str(f) for f in outside.findings]
    inside = Validator(edition=True).validate_file(path)
    assert [f.rule for f in inside.findings] == [FILE_NAME_RULE]


def test_edition_pointers_find_the_volume_in_the_file_id_without_a_frus_idno(
        validator: Validator) -> None:
    """Without idno type="frus" (no catalog), the volume is the file id less "-dN"."""
    path = FIXTURES / "ref-target-resolves.fail.xml"
    data = path.read_bytes().replace(b'<idno type="frus">frus1958-60v19</idno>', b"")
    assert data != path.read_bytes()
    report = validator.validate_bytes(data, str(path), file_stem="frus1958-60v19-d352")
    assert [f.rule for f in report.findings] == ["ref-target-resolves"]
    other = data.replace(b"frus1958-60v19#d352fn7", b"frus1958-60v18#d352fn7")
    assert validator.validate_bytes(other, str(path), file_stem="frus1958-60v19-d352") \
        .findings == []


@pytest.mark.parametrize(("subseries", "warned"),
                         [("1866", False), ("1905", False), ("1906", True),
                          ("1958–1960", True), (None, True)])
def test_source_note_is_expected_from_the_numerical_file_on(
    validator: Validator, subseries: str | None, warned: bool
) -> None:
    """Volumes before 1906 print no sources: their documents are not warned of a missing one;
    later volumes, and a document whose volume year is unknown, are."""
    data = (FIXTURES / "source-note.fail.xml").read_bytes()
    if subseries is not None:
        title = f'<title type="subseries">{subseries}</title></titleStmt>'.encode()
        data = data.replace(b"</titleStmt>", title, 1)
    result = validator.validate_bytes(data, "source-note.xml", file_stem="frus1958-60v19-d352")
    rules = {f.rule for f in result.findings}
    assert ("source-note" in rules) is warned, rules
