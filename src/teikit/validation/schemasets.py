"""Which grammar and rules a file is checked against, chosen by its root element.

teikit writes more than one kind of TEI file (one document per file today; volume files
of many documents next), and each kind has its own grammar and rules. ``SCHEMA_SETS``
is the table: the first entry whose ``matches`` accepts the document's root element
wins; a file that no entry claims is checked against :data:`DEFAULT`, teikit's
per-document schemas (so TEI from elsewhere, or something that is not TEI at all, gets
teikit.rng's findings). Another kind of file is one :func:`register` call::

    from teikit.validation.schemasets import SchemaSet, register

    register(SchemaSet("frus-volume", "frus-volume.rng", "frus-volume.sch",
                       lambda root: root.get("type") == "volume"))
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teikit.resources import data_dir

#: A test on a document's root element.
RootTest = Callable[[etree._Element], bool]


@dataclass(frozen=True)
class SchemaSet:
    """The grammar and rules for one kind of file.

    Attributes:
        name: a short name, for messages and tests (e.g. ``teikit-document``).
        grammar: a RELAX NG schema (XML syntax): a file name in teikit's ``schemas/``
            folder, or a path.
        rules: a Schematron schema in the same way, or ``None`` for none.
        matches: whether a document (given by its root element) is of this kind.
        named_by_id: the kind's files are named after their id wherever they are (the
            Office of the Historian's ``volumes/<volume>.xml``), so the rules always get
            the file's name (Schematron parameter ``file-stem``); otherwise only for an
            edition's files (``Validator(edition=True)``).
    """

    name: str
    grammar: str | Path
    rules: str | Path | None
    matches: RootTest
    named_by_id: bool = False

    def grammar_path(self) -> Path:
        """The grammar's file.

        Raises:
            TeikitError: teikit's schemas folder cannot be found.
        """
        return _resolve(self.grammar)

    def rules_path(self) -> Path | None:
        """The rules' file, or ``None``.

        Raises:
            TeikitError: teikit's schemas folder cannot be found.
        """
        return None if self.rules is None else _resolve(self.rules)


def _resolve(name: str | Path) -> Path:
    path = Path(name)
    return path if path.is_absolute() else data_dir("schemas") / path


#: teikit's own TEI: one FRUS document per file. Also the fallback for unclaimed files.
DEFAULT = SchemaSet("teikit-document", "teikit.rng", "teikit.sch", lambda root: True)

_TEI = "http://www.tei-c.org/ns/1.0"


def is_volume_file(root: etree._Element) -> bool:
    """A volume file (build/volumes/): its own publicationStmt carries the frus idno."""
    return bool(
        root.xpath(
            "/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='frus']",
            namespaces={"t": _TEI},
        )
    )


def is_dts_passage(root: etree._Element) -> bool:
    """A DTS passage (build/dts/document/<id>/...): TEI holding a dts:wrapper."""
    return root.find("{https://w3id.org/api/dts#}wrapper") is not None


#: Checked in order; the first match wins. :data:`DEFAULT` is not in it: it is the
#: answer when nothing matches.
SCHEMA_SETS: list[SchemaSet] = [
    SchemaSet(
        "frus-volume", "frus-volume.rng", "frus-volume.sch", is_volume_file, named_by_id=True
    ),
    SchemaSet("dts-passage", "dts-fragment.rng", None, is_dts_passage),
]

_lock = threading.Lock()


def register(entry: SchemaSet) -> None:
    """Add a kind of file, or replace the entry of the same name.

    Args:
        entry: the kind of file and its schemas; entries are tried in the order
            they were registered (a replaced entry keeps no place: it goes last).
    """
    with _lock:
        SCHEMA_SETS[:] = [e for e in SCHEMA_SETS if e.name != entry.name] + [entry]


def schema_set_for(root: etree._Element) -> SchemaSet:
    """The schemas for a document.

    Args:
        root: the document's root element.

    Returns:
        The first registered entry that matches, else :data:`DEFAULT`.
    """
    for entry in list(SCHEMA_SETS):
        if entry.matches(root):
            return entry
    return DEFAULT
