"""Serialize TEI deterministically, indenting only element-only containers.

Mixed content (``p``, ``head``, ``note``, ``item`` …) is never re-indented: white space there
is text. Containers whose children are all elements get two-space indentation.
"""

from __future__ import annotations

from lxml import etree

from teikit.tei.names import TEI_NS

#: Elements whose content is elements only, in the TEI teikit writes.
CONTAINERS = frozenset(
    f"{{{TEI_NS}}}{name}"
    for name in (
        "TEI",
        "teiCorpus",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "publicationStmt",
        "sourceDesc",
        "biblStruct",
        "analytic",
        "monogr",
        "imprint",
        "series",
        "respStmt",
        "availability",
        "encodingDesc",
        "projectDesc",
        "editorialDecl",
        "appInfo",
        "application",
        "profileDesc",
        "langUsage",
        "text",
        "body",
        "div",
        "list",
        "closer",
        "refsDecl",
        "citeStructure",
    )
)


def _is_container(element: etree._Element) -> bool:
    if element.tag not in CONTAINERS:
        return False
    if len(element) == 0 or (element.text and element.text.strip()):
        return False
    return all(not (child.tail and child.tail.strip()) for child in element)


def _indent(element: etree._Element, level: int) -> None:
    if not _is_container(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


def to_bytes(root: etree._Element) -> bytes:
    """Return the UTF-8 serialization of a TEI tree with an XML declaration and final newline."""
    _indent(root, 0)
    data = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data + b"\n"
