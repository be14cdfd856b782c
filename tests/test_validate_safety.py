"""Untrusted XML: external entities (XXE), entity expansion (billion laughs) and
external DTDs are refused with one ``unsafe-xml`` finding, and nothing leaks.

secret.txt and secret.dtd in tests/fixtures/validate/ hold marker text that a
vulnerable parser would pull into the document; the tests assert that the marker
appears nowhere in what teikit reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from lxml import etree

from teikit.cli import main
from teikit.validation import Validator
from teikit.validation.parsing import parse_bytes, safe_parser

FIXTURES = REPO / "tests" / "fixtures" / "validate"
UNSAFE = ["xxe.xml", "xxe-parameter.xml", "external-dtd.xml", "billion-laughs.xml"]
MARKERS = ["TEIKIT-SECRET-7d1f", "TEIKIT-SECRET-DTD-4c2a"]


def test_the_secrets_hold_the_markers() -> None:
    assert MARKERS[0] in (FIXTURES / "secret.txt").read_text()
    assert MARKERS[1] in (FIXTURES / "secret.dtd").read_text()


@pytest.mark.parametrize("name", UNSAFE)
def test_unsafe_xml_is_refused_with_one_finding(name: str) -> None:
    report = Validator().validate_file(FIXTURES / name)
    assert not report.checked
    (finding,) = report.findings
    assert finding.rule == "unsafe-xml" and finding.severity == "error"
    assert finding.message.startswith("refused: ") and finding.line
    assert not any(marker in str(finding) for marker in MARKERS)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_nothing_leaks_into_the_command_output(fmt: str) -> None:
    result = CliRunner().invoke(main, ["validate", "--format", fmt,
                                       *[str(FIXTURES / n) for n in UNSAFE]])
    assert result.exit_code == 2
    assert result.output.count("unsafe-xml") == len(UNSAFE)
    assert not any(marker in result.output for marker in MARKERS)


def test_an_absolute_file_uri_is_refused_too(tmp_path: Path) -> None:
    secret = tmp_path / "private.txt"
    secret.write_text("PRIVATE-9e3b must not be read")
    doc = tmp_path / "x.xml"
    doc.write_text(f'<!DOCTYPE TEI [<!ENTITY p SYSTEM "{secret.as_uri()}">]>\n'
                   '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>&p;</text></TEI>')
    report = Validator().validate_file(doc)
    assert [f.rule for f in report.findings] == ["unsafe-xml"]
    assert "PRIVATE-9e3b" not in report.findings[0].message


def test_internal_entities_are_refused_as_well() -> None:
    data = (b'<!DOCTYPE TEI [<!ENTITY mdash "\xe2\x80\x94">]>\n'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0">&mdash;</TEI>')
    (finding,) = parse_bytes(data, "x.xml")
    assert finding.rule == "unsafe-xml" and "'mdash'" in finding.message


def test_a_bare_doctype_is_harmless() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE TEI>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'
    assert not isinstance(parse_bytes(data, "x.xml"), list)


def test_the_parser_itself_never_loads_a_dtd() -> None:
    """Behind the prolog check, the parser's resolver answers every outside request
    with nothing: lxml's collect_ids=False would otherwise load the external DTD."""
    parser, resolver = safe_parser()
    data = (FIXTURES / "external-dtd.xml").read_bytes()
    tree = etree.fromstring(data, parser, base_url=str(FIXTURES / "external-dtd.xml"))
    assert resolver.requests == 1
    assert MARKERS[1] not in etree.tostring(tree, encoding="unicode")
    external = tree.getroottree().docinfo.externalDTD
    entities = list(external.iterentities()) if external is not None else []
    assert not any(MARKERS[1] in (e.content or "") for e in entities)
