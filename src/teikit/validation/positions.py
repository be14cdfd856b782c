"""Line and column of each element in the source text.

lxml gives an element's line (where its start tag ends) but no column. A finding is
easier to act on with both, so the source is scanned once for start tags: in XML,
start tags come in the same order as the elements of the tree, so the n-th start tag
outside comments, CDATA and processing instructions belongs to the n-th element.
The scan runs only for files that have findings.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from teikit.xmltypes import sourceline

_TOKENS = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<([^\s/>!?][^\s/>]*)",
    re.S,
)


class SourceMap:
    """Finds the line and column of elements of one parsed document.

    Args:
        tree: the parsed document.
        text: its source, decoded.
    """

    def __init__(self, tree: etree._ElementTree, text: str) -> None:
        self._tree = tree
        self._text = text
        self._index: dict[etree._Element, int] | None = None
        self._starts: list[int] = []
        self._line_starts: list[int] = []
        #: parent -> its element children, built as paths are followed
        self._children: dict[etree._Element, list[etree._Element]] = {}
        self._named: dict[tuple[etree._Element | None, str], list[etree._Element]] = {}

    def _build(self) -> None:
        self._starts = [m.start() for m in _TOKENS.finditer(self._text) if m.group(1)]
        elements = list(self._tree.getroot().iter(etree.Element))
        self._index = (
            {el: i for i, el in enumerate(elements)} if len(elements) == len(self._starts) else {}
        )
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self._text)]

    def position(self, element: etree._Element | None) -> tuple[int | None, int | None]:
        """Return the 1-based line and column where ``element``'s start tag begins.

        Args:
            element: an element of the document, or ``None``.

        Returns:
            ``(line, column)``; the column is ``None`` (and the line is lxml's) when
            the source could not be matched to the tree.
        """
        if element is None:
            return None, None
        if self._index is None:
            self._build()
        assert self._index is not None
        ordinal = self._index.get(element)
        if ordinal is None:
            return (sourceline(element) or None), None
        offset = self._starts[ordinal]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def attribute_position(
        self, element: etree._Element, name: str
    ) -> tuple[int | None, int | None]:
        """Return the line and column of attribute ``name`` in ``element``'s start tag.

        Args:
            element: the element that carries the attribute.
            name: the attribute's name as written (e.g. ``target``, ``xml:id``).

        Returns:
            ``(line, column)`` of the attribute, or of the element when the attribute
            cannot be found in the source.
        """
        line, column = self.position(element)
        if line is None or column is None:
            return line, column
        start = self._line_starts[line - 1] + column - 1
        end = self._text.find(">", start)
        match = re.compile(r"\s" + re.escape(name) + r"\s*=").search(self._text, start, end)
        if match is None:
            return line, column
        offset = match.start() + 1
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def element_at(self, xpath: str) -> tuple[etree._Element | None, str | None]:
        """Find the node a location path names (SVRL locations, libxml2 error paths).

        The paths libxml2 writes (``/*/*[2]/tei:p[3]/@n``) are followed step by step
        with each parent's children listed once, so that a thousand findings among a
        thousand siblings cost a thousand steps, not a million; other paths are
        evaluated as XPath.

        Args:
            xpath: an absolute XPath to an element or to an attribute of one.

        Returns:
            ``(element, attribute_name)``: the element (or the attribute's element) and
            the attribute's qualified name when the path ends at an attribute.
        """
        if not xpath:
            return None, None
        quick = self._follow(xpath)
        if quick is not None:
            return quick
        try:
            found = self._tree.xpath(xpath)
        except etree.XPathError:
            return None, None
        if isinstance(found, list) and found:
            node = found[0]
            if isinstance(node, etree._Element):
                return node, None
            if isinstance(node, etree._ElementUnicodeResult) and node.is_attribute:
                parent = node.getparent()
                qname = etree.QName(node.attrname)
                prefix = "xml:" if qname.namespace == XML_NS else ""
                return parent, prefix + qname.localname
        return None, None

    def _follow(self, xpath: str) -> tuple[etree._Element | None, str | None] | None:
        """Follow a path of ``/name[n]`` or ``/*[n]`` steps; ``None`` if it has others."""
        steps = xpath.split("/")
        if steps[0] != "" or len(steps) < 2:
            return None
        attribute = None
        if steps[-1].startswith("@"):
            attribute = steps.pop()[1:]
            if not _NAME.fullmatch(attribute):
                return None
        node: etree._Element | None = None
        for step in steps[1:]:
            match = _STEP.fullmatch(step)
            if match is None:
                return None
            name, position = match.group("name"), int(match.group("n") or 1)
            if node is None:
                candidates = [self._tree.getroot()]
            elif node in self._children:
                candidates = self._children[node]
            else:
                candidates = [c for c in node if isinstance(c.tag, str)]
                self._children[node] = candidates
            if name != "*":
                key = (node, name)
                named = self._named.get(key)
                if named is None:
                    named = [c for c in candidates if _step_name(c) == name]
                    self._named[key] = named
                candidates = named
            if position > len(candidates):
                return None, None
            node = candidates[position - 1]
        return node, attribute


XML_NS = "http://www.w3.org/XML/1998/namespace"
_NAME = re.compile(r"[A-Za-z_][\w.\-]*(:[A-Za-z_][\w.\-]*)?")
_STEP = re.compile(r"(?P<name>\*|[A-Za-z_][\w.\-]*(:[A-Za-z_][\w.\-]*)?)(\[(?P<n>[0-9]+)\])?")


def _step_name(element: etree._Element) -> str:
    """An element's name as libxml2 writes it in a path: prefix:local, or local."""
    return (
        f"{element.prefix}:{etree.QName(element).localname}"
        if element.prefix
        else etree.QName(element).localname
    )
