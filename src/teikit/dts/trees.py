"""The two citation trees of a teikit document, and their TEI ``refsDecl/citeStructure``.

A document is cited in two ways, and DTS 1.0 serves both:

* its **structure** (the default tree): the blocks of the document div (the inline source
  line, ``head``, ``opener``, each paragraph ``p<k>``, each list ``list<k>``, ``closer``;
  in a despatch with enclosures, its ``covering`` division and each ``enclosure<k>``)
  and, one level down, the footnotes in each block (``p3.fn2``: ``fn`` and what follows
  ``fn`` in the note's id);
* its **pages** (tree ``pages``): one unit per page break, named by the page number.

The same trees are declared in each TEI header as ``refsDecl/citeStructure`` (built from the
table :data:`TREES` by :func:`refs_decls`), so another DTS server reading our files finds
the same identifiers. :func:`citation_units` computes the units with lxml, following the
same table.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from teikit.tei.names import TEI_NS

_T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DIV_PATH = "/TEI/text/body/div[@type='document']"


@dataclass(frozen=True)
class Level1:
    """One kind of top-level unit of the structure tree."""

    element: str  # local name of the div's child
    cite_type: str  # DTS citeType
    prefix: str  # identifier: prefix, then the position among its kind when counted
    counted: bool  # whether the identifier carries a position
    only: str = ""  # an attribute test the child must pass ("rend=inline"), if any


#: The top-level units of the structure tree, in the order the TEI header declares them.
STRUCTURE: tuple[Level1, ...] = (
    Level1("note", "source", "source", True, "rend=inline"),
    Level1("head", "head", "head", False),
    Level1("opener", "opener", "opener", False),
    Level1("p", "paragraph", "p", True),
    Level1("list", "list", "list", True),
    Level1("closer", "closer", "closer", False),
    # A despatch with enclosures: its own text in one covering division, then each
    # enclosure (tei/body.py); each is one unit, its footnotes one level down.
    Level1("div", "covering", "covering", False, "type=covering"),
    Level1("div", "enclosure", "enclosure", True, "type=enclosure"),
)
#: The footnotes of a block: the level below every top-level unit.
NOTE_TYPE = "note"
NOTE_DELIM = ".fn"
PAGE_TYPE = "page"
#: The trees of every document: (DTS identifier or None for the default, TEI refsDecl n).
TREES: tuple[tuple[str | None, str], ...] = ((None, "structure"), ("pages", "pages"))


@dataclass
class Unit:
    """One citable unit: its identifier, depth, parent and the element it stands for."""

    identifier: str
    level: int
    parent: str | None
    cite_type: str
    element: etree._Element
    index: int = 0  # position in document order within its tree
    last: int = 0  # index of its last descendant (itself when it has none)


@dataclass
class Tree:
    """The units of one citation tree of one document, in document order."""

    identifier: str | None
    units: list[Unit]

    def __post_init__(self) -> None:
        self.by_id = {u.identifier: u for u in self.units}

    @property
    def depth(self) -> int:
        """The deepest level any unit of the tree has."""
        return max((u.level for u in self.units), default=0)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _matches(kind: Level1, child: etree._Element) -> bool:
    if _local(child) != kind.element:
        return False
    if kind.only:
        name, value = kind.only.split("=")
        return child.get(name) == value
    return True


def _structure(div: etree._Element) -> list[Unit]:
    units: list[Unit] = []
    counts: dict[str, int] = {}
    for child in div:
        kind = next((k for k in STRUCTURE if _matches(k, child)), None)
        if kind is None:
            continue  # page breaks between blocks belong to the pages tree
        counts[kind.prefix] = counts.get(kind.prefix, 0) + 1
        ident = f"{kind.prefix}{counts[kind.prefix]}" if kind.counted else kind.prefix
        units.append(Unit(ident, 1, None, kind.cite_type, child))
        for note in child.iter(f"{_T}note"):
            if note is child or not note.get(XML_ID) or "fn" not in note.get(XML_ID, ""):
                continue
            suffix = note.get(XML_ID, "").split("fn", 1)[1]
            units.append(Unit(f"{ident}{NOTE_DELIM}{suffix}", 2, ident, NOTE_TYPE, note))
    return units


def _pages(div: etree._Element) -> list[Unit]:
    units: list[Unit] = []
    seen: set[str] = set()
    for pb in div.iter(f"{_T}pb"):
        ident = pb.get("n", "")
        if not ident or ident in seen:
            continue  # the TEI header's citeStructure names a page once, by its first break
        seen.add(ident)
        units.append(Unit(ident, 1, None, PAGE_TYPE, pb))
    return units


def _number(units: list[Unit]) -> list[Unit]:
    for k, unit in enumerate(units):
        unit.index = unit.last = k
    open_units: list[Unit] = []
    for unit in units:
        while open_units and open_units[-1].level >= unit.level:
            open_units.pop()
        for ancestor in open_units:
            ancestor.last = unit.index
        open_units.append(unit)
    return units


def document_div(root: etree._Element) -> etree._Element | None:
    """Return the document div of a teikit TEI document, or None."""
    return root.find(f"{_T}text/{_T}body/{_T}div[@type='document']")


def citation_trees(root: etree._Element) -> list[Tree]:
    """Compute both citation trees of a document, the default (structure) first.

    Args:
        root: the document's TEI root.

    Returns:
        The trees; a document without a document div has two empty trees.
    """
    div = document_div(root)
    if div is None:
        return [Tree(ident, []) for ident, _ in TREES]
    return [Tree(None, _number(_structure(div))), Tree("pages", _number(_pages(div)))]


def cite_structures_json() -> list[dict[str, object]]:
    """The ``citationTrees`` of every teikit document, as DTS declares them."""
    structure = [
        {
            "@type": "CiteStructure",
            "citeType": kind.cite_type,
            "citeStructure": [{"@type": "CiteStructure", "citeType": NOTE_TYPE}],
        }
        for kind in STRUCTURE
    ]
    return [
        {
            "@type": "CitationTree",
            "description": "The document's blocks (source line, head, "
            "opener, paragraphs, lists, closer) and the footnotes in each.",
            "citeStructure": structure,
        },
        {
            "@type": "CitationTree",
            "identifier": "pages",
            "description": "The pages of the printed volume, by the page breaks in the text.",
            "citeStructure": [{"@type": "CiteStructure", "citeType": PAGE_TYPE}],
        },
    ]


def _use(kind: Level1) -> str:
    if not kind.counted:
        return f"'{kind.prefix}'"
    same = f"preceding-sibling::{kind.element}"
    if kind.only:
        name, value = kind.only.split("=")
        same += f"[@{name}='{value}']"
    return f"concat('{kind.prefix}', count({same}) + 1)"


def refs_decls() -> list[etree._Element]:
    """Build the two ``refsDecl`` elements that declare the trees in a TEI header.

    XPath in ``match`` and ``use`` is evaluated, as TEI says, with the TEI namespace as
    the default element namespace.
    """
    structure = etree.Element(f"{_T}refsDecl", n="structure", default="true")
    for kind in STRUCTURE:
        test = ""
        if kind.only:
            name, value = kind.only.split("=")
            test = f"[@{name}='{value}']"
        outer = etree.SubElement(
            structure,
            f"{_T}citeStructure",
            unit=kind.cite_type,
            match=f"{DIV_PATH}/{kind.element}{test}",
            use=_use(kind),
        )
        etree.SubElement(
            outer,
            f"{_T}citeStructure",
            unit=NOTE_TYPE,
            match=".//note[contains(@xml:id, 'fn')]",
            use="substring-after(@xml:id, 'fn')",
            delim=NOTE_DELIM,
        )
    pages = etree.Element(f"{_T}refsDecl", n="pages")
    etree.SubElement(
        pages,
        f"{_T}citeStructure",
        unit=PAGE_TYPE,
        match=f"{DIV_PATH}//pb[not(@n = preceding::pb/@n)]",
        use="@n",
    )
    return [structure, pages]
