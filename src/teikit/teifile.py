"""Read a TEI file that teikit did not necessarily write: safely, or with a clear refusal.

The file is read only when it is a regular file (:func:`teikit.files.read_input`) and parsed
by the one safe reader that validation uses too (:mod:`teikit.xmlsafe`): entities are never
resolved, no DTD is loaded, nothing is fetched, and a document that declares entities, names
a DTD or nests too deep is refused rather than rendered with a hole in it.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit.errors import InputError, Problem
from teikit.files import display_name, read_input
from teikit.tei.names import TEI_NS
from teikit.xmlsafe import parse_untrusted, source_line


def read_tei(path: Path) -> etree._Element:
    """Read and parse a TEI file safely.

    Args:
        path: a file whose root element is ``TEI`` in the TEI namespace.

    Returns:
        The root element.

    Raises:
        InputError: carrying a :class:`Problem`, when the file is not a readable regular
            file, is not well-formed, is refused by the safe reader (DTD, entities, depth),
            uses an entity, or is not a TEI document.
    """
    name = display_name(path)
    data = read_input(path)
    root = parse_untrusted(data, name).getroot()
    entity = next(root.iter(etree.Entity), None)
    if entity is not None:
        raise InputError(
            Problem(
                name,
                source_line(entity),
                f"the file uses the entity {entity.text}, which teikit does not resolve",
                "write the characters themselves",
                "entity",
            )
        )
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise InputError(
            Problem(
                name,
                source_line(root),
                f"the root element is {root.tag!r}, not a TEI document",
                f'give a file with <TEI xmlns="{TEI_NS}">',
                "not-tei",
            )
        )
    return root
