"""Findings find their elements quickly, and the rules leave the document as it was."""

from __future__ import annotations

from conftest import REPO
from lxml import etree

from teikit.validation import default_rules_path
from teikit.validation.parsing import parse_bytes
from teikit.validation.positions import SourceMap
from teikit.validation.rules import load_rules

MANY = REPO / "tests" / "fixtures" / "validate" / "many-problems.xml"
D352 = REPO / "tests" / "fixtures" / "validate" / "valid" / "frus1958-60v19-d352.xml"


def _parsed(path):  # type: ignore[no-untyped-def]
    parsed = parse_bytes(path.read_bytes(), path.name)
    assert not isinstance(parsed, list)
    return parsed


def test_libxml2_paths_are_followed_as_xpath_would() -> None:
    parsed = _parsed(D352)
    source = SourceMap(parsed.tree, parsed.text)
    checked = 0
    for element in parsed.tree.getroot().iter(etree.Element):
        path = parsed.tree.getpath(element)  # libxml2's xmlGetNodePath
        assert source._follow(path) == (element, None), path
        checked += 1
    pb = parsed.tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}pb")
    assert source.element_at(parsed.tree.getpath(pb) + "/@n") == (pb, "n")
    assert source.element_at("/*/*[9]") == (None, None)
    assert checked > 50


def test_the_rules_leave_the_tree_as_it_was() -> None:
    parsed = _parsed(MANY)
    before = etree.tostring(parsed.tree)
    findings = load_rules(default_rules_path()).check(
        parsed.tree, SourceMap(parsed.tree, parsed.text), MANY.name, "")
    assert findings
    assert etree.tostring(parsed.tree) == before
