"""Files are checked against the schemas of their kind, chosen by the root element."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO
from lxml import etree

from teikit.validation import Validator, schemasets
from teikit.validation.schemasets import DEFAULT, SchemaSet, register, schema_set_for

VALID = sorted((REPO / "tests" / "fixtures" / "validate" / "valid").glob("*.xml"))
TEI = "http://www.tei-c.org/ns/1.0"

GRAMMAR = f"""<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="{TEI}">
  <start><element name="TEI"><attribute name="type"><value>volume</value></attribute>
    <oneOrMore><element name="doc"><attribute name="n"><text/></attribute><empty/></element>
    </oneOrMore></element></start></grammar>"""
RULES = f"""<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">
  <sch:ns prefix="tei" uri="{TEI}"/>
  <sch:pattern><sch:rule context="tei:doc">
    <sch:assert id="doc-order" role="error" test="not(preceding-sibling::tei:doc[1]/@n &gt;= @n)"
      >Document <sch:value-of select="@n"/> comes too late in this volume file.</sch:assert>
  </sch:rule></sch:pattern></sch:schema>"""


@pytest.fixture
def volume_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SchemaSet:
    monkeypatch.setattr(schemasets, "SCHEMA_SETS", [])
    (tmp_path / "volume.rng").write_text(GRAMMAR)
    (tmp_path / "volume.sch").write_text(RULES)
    kind = SchemaSet("test-volume", tmp_path / "volume.rng", tmp_path / "volume.sch",
                     lambda root: root.get("type") == "volume")
    register(kind)
    return kind


def _volume(tmp_path: Path, numbers: list[str], extra: str = "") -> Path:
    path = tmp_path / "vol.xml"
    docs = "".join(f'<doc n="{n}"/>' for n in numbers)
    path.write_text(f'<TEI xmlns="{TEI}" type="volume">{docs}{extra}</TEI>')
    return path


def test_a_matching_file_gets_its_kinds_schemas(tmp_path: Path, volume_kind: SchemaSet) -> None:
    good = Validator().validate_file(_volume(tmp_path, ["1", "2"]))
    assert good.findings == [], [str(f) for f in good.findings]
    bad = Validator().validate_file(_volume(tmp_path, ["2", "1"], "<x/>"))
    assert {f.rule for f in bad.findings} == {"rng", "doc-order"}


def test_other_files_keep_teikits_schemas(volume_kind: SchemaSet) -> None:
    report = Validator().validate_paths(VALID)
    assert report.findings == [] and report.checked == len(VALID)


def test_an_unclaimed_file_gets_the_default(tmp_path: Path, volume_kind: SchemaSet) -> None:
    path = tmp_path / "other.xml"
    path.write_text(f'<TEI xmlns="{TEI}"/>')
    assert schema_set_for(etree.parse(str(path)).getroot()) is DEFAULT
    assert {f.rule for f in Validator().validate_file(path).findings} == {"rng"}


def test_schema_replaces_the_grammar_and_the_rules_follow_the_kind(
        tmp_path: Path, volume_kind: SchemaSet) -> None:
    anything = tmp_path / "anything.rng"
    anything.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="any"/></start>'
        '<define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/>'
        '</attribute><text/><ref name="any"/></choice></zeroOrMore></element></define>'
        '</grammar>')
    report = Validator(anything, engine="lxml").validate_file(
        _volume(tmp_path, ["2", "1"], "<x/>"))
    assert {f.rule for f in report.findings} == {"doc-order"}


def test_register_replaces_an_entry_of_the_same_name(volume_kind: SchemaSet) -> None:
    register(SchemaSet(volume_kind.name, "teikit.rng", None, lambda root: False))
    assert [e.name for e in schemasets.SCHEMA_SETS] == [volume_kind.name]
    assert schemasets.SCHEMA_SETS[0].rules is None
