"""Namespace constants and a small element factory."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def tei(tag: str) -> str:
    """Return the Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append a TEI child element with optional text and attributes (``xml_id`` -> xml:id)."""
    element = etree.SubElement(parent, tei(tag))
    for key, value in attrs.items():
        if key == "xml_id":
            element.set(XML_ID, value)
        else:
            element.set(key.rstrip("_"), value)
    if text is not None:
        element.text = text
    return element
