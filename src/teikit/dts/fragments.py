"""Cut a passage out of a TEI document, well-formed, for the DTS Document endpoint.

A unit of the structure tree is an element: its passage is a copy of it. A page is the
stretch from its page break to the next one, which may start or end inside a paragraph (or
a footnote): :func:`slice_between` copies that stretch and re-opens the elements it starts
inside, so the result is always well-formed and keeps every word of the stretch in order.
"""

from __future__ import annotations

from lxml import etree

from teikit.dts.trees import Tree, Unit
from teikit.tei.names import TEI_NS
from teikit.xmltypes import attrib_items, nsmap, walk

#: The DTS namespace of ``dts:wrapper``.
DTS_NS = "https://w3id.org/api/dts#"


def _shallow(element: etree._Element) -> etree._Element:
    return etree.Element(element.tag, dict(attrib_items(element)))


def slice_between(
    div: etree._Element, first: etree._Element, stop: etree._Element | None, *, include_stop: bool
) -> list[etree._Element]:
    """Copy the stretch of ``div`` from the start of ``first`` up to ``stop``.

    Args:
        div: the element the stretch lies in (the document div).
        first: the element the stretch starts with.
        stop: where it ends; None runs to the end of ``div``.
        include_stop: True ends after ``stop`` (with its content, without its tail); False
            ends just before it.

    Returns:
        The copied top-level pieces, in order (children of ``div`` or partial copies of them).
    """
    holder = etree.Element("holder")
    stack: list[tuple[etree._Element | None, etree._Element]] = [(None, holder)]
    active = False
    for event, element in walk(div):
        if not isinstance(element.tag, str) or element is div:
            continue
        if event == "start":
            if not active and element is first:
                active = True
                for ancestor in reversed(
                    [
                        a
                        for a in element.iterancestors()
                        if a is not div and div in a.iterancestors()
                    ]
                ):
                    copy = _shallow(ancestor)
                    stack[-1][1].append(copy)
                    stack.append((ancestor, copy))
            if not active:
                continue
            if element is stop and not include_stop:
                break
            copy = _shallow(element)
            copy.text = element.text
            stack[-1][1].append(copy)
            stack.append((element, copy))
        elif active and stack[-1][0] is element:
            _, copy = stack.pop()
            if element is stop:
                break
            copy.tail = element.tail
    return list(holder)


def passage(
    div: etree._Element, tree: Tree, start: Unit, end: Unit | None = None
) -> list[etree._Element]:
    """Return the passage of one unit (``end`` None) or of a range of units, as copies.

    Args:
        div: the document div.
        tree: the tree the units belong to.
        start: the unit (or the first of the range).
        end: the last unit of the range, inclusive.
    """
    if tree.identifier == "pages":
        last = end or start
        following = tree.units[last.index + 1] if last.index + 1 < len(tree.units) else None
        return slice_between(
            div, start.element, following.element if following else None, include_stop=False
        )
    if end is None:
        copy = etree.fromstring(etree.tostring(start.element, with_tail=False))
        return [copy]
    # A range runs from the start of its first unit to the end of its last one.
    return slice_between(div, start.element, end.element, include_stop=True)


def wrapped(pieces: list[etree._Element], attrs: dict[str, str]) -> etree._Element:
    """Put passage pieces in ``<TEI><dts:wrapper>``, as the Document endpoint returns them.

    Args:
        pieces: the copied elements.
        attrs: attributes of the wrapper (``ref``, or ``start`` and ``end``).
    """
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap=nsmap(TEI_NS, dts=DTS_NS))
    wrapper = etree.SubElement(root, f"{{{DTS_NS}}}wrapper", attrs)
    wrapper.extend(pieces)
    return root
