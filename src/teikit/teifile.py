"""Read a TEI file that teikit did not necessarily write: safely, or with a clear refusal.

Entities are never resolved, no DTD is loaded and nothing is fetched; a file that relies on
an entity is refused rather than rendered with a hole in it.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit.errors import InputError, Problem
from teikit.tei.names import TEI_NS


def safe_parser() -> etree.XMLParser:
    """Return a parser that resolves no entities, loads no DTD and uses no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False)


def read_tei(path: Path) -> etree._Element:
    """Parse a TEI file safely (no entities, no DTD, no network).

    Args:
        path: a file whose root element is ``TEI`` in the TEI namespace.

    Returns:
        The root element.

    Raises:
        InputError: carrying a :class:`Problem`, when the file cannot be read, is not
            well-formed, uses entities (never resolved), or is not a TEI document.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Problem(str(path), None, f"cannot read the file ({exc.strerror})",
                                    "check the path and its permissions", "unreadable")) from exc
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(Problem(str(path), exc.lineno or None,
                                    f"not well-formed XML: {exc.msg}", "", "not-xml")) from exc
    entity = next(root.iter(etree.Entity), None)
    if entity is not None:
        raise InputError(Problem(str(path), entity.sourceline,
                                 f"the file uses the entity {entity.text}, which teikit does "
                                 "not resolve", "write the characters themselves", "entity"))
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise InputError(Problem(str(path), root.sourceline,
                                    f"the root element is {root.tag!r}, not a TEI document",
                                    f'give a file with <TEI xmlns="{TEI_NS}">', "not-tei"))
    return root
