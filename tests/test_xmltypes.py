"""The typed views of lxml results in teikit.xmltypes: what they pass and what they refuse."""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.xmltypes import (
    attrib_items,
    nsmap,
    sourceline,
    text_of,
    walk,
    xpath_elements,
    xpath_items,
)

DOC = b'<a xmlns:n="urn:n" x="1" n:y="2">\n  <b>one <i>two</i></b> three<b/>\n</a>'


@pytest.fixture
def root() -> etree._Element:
    return etree.fromstring(DOC)


def test_items_keep_order_and_kinds(root: etree._Element) -> None:
    items = xpath_items(root, "b[1] | @x | b[1]/text()")
    assert [type(i) is etree._Element for i in items] == [False, True, False]
    assert items[0] == "1" and items[2] == "one "


@pytest.mark.parametrize("path", ["count(b)", "string(@x)", "true()", "namespace::*"])
def test_items_refuse_what_is_not_a_node_list(root: etree._Element, path: str) -> None:
    with pytest.raises(TypeError, match="XPath"):
        xpath_items(root, path)


def test_elements_refuse_strings(root: etree._Element) -> None:
    assert [e.tag for e in xpath_elements(root, "b")] == ["b", "b"]
    with pytest.raises(TypeError, match="string"):
        xpath_elements(root, "b | @x")


def test_text_attributes_line(root: etree._Element) -> None:
    assert text_of(root[0]) == "one two"
    assert attrib_items(root) == [("x", "1"), ("{urn:n}y", "2")]
    assert sourceline(root[0]) == 2
    assert sourceline(etree.Element("made")) is None


def test_nsmap_puts_the_default_first() -> None:
    made = etree.Element("{urn:d}r", nsmap=nsmap("urn:d", p="urn:p"))
    assert list(made.nsmap.items()) == [(None, "urn:d"), ("p", "urn:p")]
    assert etree.tostring(made) == b'<r xmlns="urn:d" xmlns:p="urn:p"/>'


def test_walk_gives_start_and_end(root: etree._Element) -> None:
    events = [(event, el.tag) for event, el in walk(root[0])]
    assert events == [("start", "b"), ("start", "i"), ("end", "i"), ("end", "b")]
