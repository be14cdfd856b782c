"""Typed views of lxml results whose lxml-stubs types are wider than teikit's use of them.

``xpath()`` is typed as returning any XPath value (a number, a boolean, a string or a
list of nodes, strings, bytes and namespace tuples); teikit's node-selecting expressions
only ever give lists of elements and strings. These helpers check that at run time and
hand back the narrow type, so callers need no casts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeAlias, cast

from lxml import etree

#: What a node-selecting XPath of teikit's yields: elements, and strings for attributes
#: and text nodes (lxml's "smart strings" are ``str`` subclasses).
XPathItem: TypeAlias = etree._Element | str


def xpath_items(
    node: etree._Element | etree._ElementTree,
    path: str,
    namespaces: Mapping[str, str] | None = None,
) -> list[XPathItem]:
    """Evaluate a node-selecting XPath and return its elements and strings in order.

    Raises:
        TypeError: the expression gave a number, boolean or string, or selected something
            other than elements, attributes and text (a namespace node, say).
    """
    found = node.xpath(path, namespaces=namespaces)
    if not isinstance(found, list):
        raise TypeError(f"XPath {path!r} gave {type(found).__name__}, not a node list")
    items: list[XPathItem] = []
    for item in found:
        if not isinstance(item, (etree._Element, str)):
            raise TypeError(f"XPath {path!r} selected a {type(item).__name__}")
        items.append(item)
    return items


def xpath_elements(
    node: etree._Element | etree._ElementTree,
    path: str,
    namespaces: Mapping[str, str] | None = None,
) -> list[etree._Element]:
    """Evaluate an XPath that selects elements only and return them in order.

    Raises:
        TypeError: the expression gave anything but elements.
    """
    elements: list[etree._Element] = []
    for item in xpath_items(node, path, namespaces):
        if not isinstance(item, etree._Element):
            raise TypeError(f"XPath {path!r} selected a string, not an element")
        elements.append(item)
    return elements


def text_of(element: etree._Element) -> str:
    """Return the concatenated text content of ``element`` (its ``itertext()``).

    lxml-stubs types ``itertext()`` as yielding ``str | bytes``; in Python 3 lxml yields
    ``str`` only.
    """
    return "".join(cast(Iterator[str], element.itertext()))


def nsmap(default: str, **prefixed: str) -> dict[str, str]:
    """Return an ``nsmap`` argument with ``default`` as the default (unprefixed) namespace.

    lxml takes ``None`` as the key of the default namespace; lxml-stubs types ``nsmap``
    as ``Mapping[str, str]``, which has no room for it.
    """
    mapping: dict[str | None, str] = {None: default}
    mapping.update(prefixed)
    return cast(dict[str, str], mapping)


def walk(
    element: etree._Element, events: tuple[str, ...] = ("start", "end")
) -> Iterator[tuple[str, etree._Element]]:
    """Yield ``(event, element)`` pairs of ``etree.iterwalk`` (untyped in lxml-stubs).

    Only for the ``start`` and ``end`` events, whose second item is an element.
    """
    yield from etree.iterwalk(element, events=events)


def attrib_items(element: etree._Element) -> list[tuple[str, str]]:
    """Return ``element``'s attributes as ``(name, value)`` pairs, in document order.

    Names are in Clark notation (``{uri}local``). lxml-stubs types them ``str | bytes``;
    in Python 3 lxml gives ``str`` only.
    """
    return cast(list[tuple[str, str]], element.attrib.items())


def sourceline(element: etree._Element) -> int | None:
    """Return the line ``element`` started on in its source, or ``None`` when unknown.

    lxml-stubs leaves ``sourceline`` untyped.
    """
    return cast("int | None", element.sourceline)


#: The access control that lets a stylesheet read and write no files and no network.
#: lxml-stubs declares ``XSLTAccessControl`` without its ready-made instances.
DENY_ALL: etree.XSLTAccessControl = etree.XSLTAccessControl.DENY_ALL  # type: ignore[attr-defined]
