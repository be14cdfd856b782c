"""The edition-wide pages of the reading edition, and what a document page needs to sit in it.

:func:`write_site_pages` writes the edition's index, one page per volume and the search
page, each by an XSLT stylesheet over the edition's facts (:func:`teikit.facts.facts_xml`),
never over the documents, so their cost grows with the number of documents only by a few
bytes each. :func:`document_params` gives the extra parameters of ``xslt/html.xsl`` for one
document page: its breadcrumb, previous and next documents in its volume, the links to its
other forms and the documents its text may refer to.

The pages' scripts (:data:`SCRIPTS`: the note popups, the search) are written once beside
the pages and linked from each (``notes-script-href``, ``search-script-href``), so a page
carries no copy of them; a page rendered alone (``teikit render``) gets its copy inside.

Where each page and file of the edition lives is in :data:`LAYOUT`. A link to a file that
another stage writes (an EPUB, a volume file, the corpus) is put on a page only when that
file is already in the output folder, so a page never links to nothing: write those files
first, these pages next, and the search index (:mod:`teikit.search`) last.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from teikit.facts import DocFacts, facts_xml
from teikit.files import write_atomically
from teikit.incremental import write_if_changed
from teikit.resources import data_dir
from teikit.transform import OUTPUTS, Output, transform

#: Where things live in the output folder: {volume} is a volume id, {doc} a document id.
LAYOUT: dict[str, str] = {
    "index": "index.html",
    "search": "search.html",
    "volume-page": "{volume}.html",
    "document-page": "{doc}.html",
    "epub": "epub/{volume}.epub",
    "volume-file": "volumes/{volume}.xml",
    "corpus": "teikit-corpus.xml",
    "dts": "dts/index.json",
    "dts-collection": "dts/collection/{volume}.json",
    "text": "text/{doc}.text.txt",
    "page-text": "page-text/{doc}.page.txt",
    "chicago": "{doc}.txt",  # written beside the page by teikit.render
    "notes-script": "teikit-notes.js",
    "search-script": "teikit-search.js",
}

#: The scripts of the pages, written beside them: (item of :data:`LAYOUT`, file in ``xslt/``).
SCRIPTS: tuple[tuple[str, str], ...] = (
    ("notes-script", "teikit-notes.js"),
    ("search-script", "teikit-search.js"),
)

#: The name of the edition when the caller gives none.
DEFAULT_TITLE = "Foreign Relations of the United States: a teikit edition"

# The site's stylesheets, registered as outputs of teikit.transform (input: facts).

OUTPUTS.setdefault("site-volume", Output("volume.xsl", "html", "volume page (facts)"))
OUTPUTS.setdefault("site-search", Output("search-page.xsl", "html", "search page (facts)"))


def place(kind: str, *, volume: str = "", doc: str = "") -> str:
    """Return the address (relative to the output folder) of one item of :data:`LAYOUT`."""
    return LAYOUT[kind].format(volume=volume, doc=doc)


def _present(out_dir: Path, kind: str, **names: str) -> str:
    """The address of a file another stage writes, or "" when it is not there."""
    address = place(kind, **names)
    return address if (out_dir / address).is_file() else ""


def write_site_pages(
    edition: Sequence[DocFacts], out_dir: Path, *, title: str = DEFAULT_TITLE
) -> list[Path]:
    """Write the index, the volume pages and the search page of an edition.

    Args:
        edition: the facts of every document of the edition (any order).
        out_dir: the output folder (made when missing); the document pages sit in it.
        title: the edition's name, for banners and the index heading.

    Returns:
        The paths written: index, search page, the volume pages in volume order, then the
        scripts the pages link that were not already there (:func:`write_scripts`).

    Raises:
        teikit.transform.TransformError: when a stylesheet fails.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    facts = etree.tostring(facts_xml(list(edition)), encoding="utf-8")
    common = {
        "edition-title": title,
        "index-href": place("index"),
        "search-href": place("search"),
        "corpus-href": _present(out_dir, "corpus"),
        "dts-href": _present(out_dir, "dts"),
    }
    pages: list[tuple[str, str, dict[str, str]]] = [
        ("html-index", place("index"), {**common, "volume-pages": "yes"}),
        ("site-search", place("search"), {**common, "search-script-href": place("search-script")}),
    ]
    volumes = sorted({d.volume.volume_id for d in edition if d.volume.volume_id})
    for volume in volumes:
        pages.append(
            (
                "site-volume",
                place("volume-page", volume=volume),
                {
                    **common,
                    "volume-id": volume,
                    "epub-href": _present(out_dir, "epub", volume=volume),
                    "volume-file-href": _present(out_dir, "volume-file", volume=volume),
                    "dts-collection-href": _present(out_dir, "dts-collection", volume=volume),
                },
            )
        )
    written = []
    for output, address, params in pages:
        html = transform(facts, output, params)
        target = out_dir / address
        write_atomically(html.encode("utf-8"), target)
        written.append(target)
    return written + write_scripts(out_dir)


def write_scripts(out_dir: Path) -> list[Path]:
    """Write the pages' scripts (:data:`SCRIPTS`) into the output folder, when changed.

    Args:
        out_dir: the output folder.

    Returns:
        The scripts written (none when each was already there, unchanged).
    """
    written = []
    for kind, name in SCRIPTS:
        target = out_dir / place(kind)
        if write_if_changed((data_dir("xslt") / name).read_bytes(), target):
            written.append(target)
    return written


def _label(doc: DocFacts) -> str:
    number = f"Document {doc.number}" if doc.number is not None else doc.tei_id
    return f"{number}: {doc.title}" if doc.title else number


def _volume_label(doc: DocFacts) -> str:
    volume = doc.volume
    return volume.volume_number or ""  # html.xsl names the volume from its id otherwise


def document_params(doc: DocFacts, edition: Sequence[DocFacts]) -> dict[str, str]:
    """Return the parameters of ``xslt/html.xsl`` that place one document in its edition.

    Args:
        doc: the document whose page is rendered.
        edition: the facts of every document of the edition (``doc`` among them).

    Returns:
        ``index-href``, ``search-href``, ``volume-href``/``volume-label`` (breadcrumb),
        ``prev-href``/``prev-label`` and ``next-href``/``next-label`` (within the volume,
        in number order; "" at either end and for a document without a volume),
        ``text-href``/``page-text-href`` (its reading and page texts),
        ``notes-script-href`` (the note-popup script beside the pages) and
        ``document-links`` (the numbered documents of its volume, as
        ``number=address`` pairs).
    """
    volume = doc.volume.volume_id
    siblings = [d for d in edition if volume and d.volume.volume_id == volume]
    return site_params_for(siblings or [doc])[doc.tei_id]


def site_params_for(edition: Sequence[DocFacts]) -> dict[str, dict[str, str]]:
    """Return :func:`document_params` of every document of an edition, by TEI id.

    The same result as calling :func:`document_params` for each document, in one pass that
    is linear in the edition: a volume's ``document-links`` is one string, shared by the
    parameters of all its documents (html.xsl leaves out the page's own number).
    """
    by_volume: dict[str, list[DocFacts]] = {}
    for doc in sorted(edition, key=lambda d: d.sort_key):
        if doc.volume.volume_id:
            by_volume.setdefault(doc.volume.volume_id, []).append(doc)
    result: dict[str, dict[str, str]] = {}
    for doc in edition:
        if not doc.volume.volume_id:
            result[doc.tei_id] = _params(doc)
    for siblings in by_volume.values():
        links: dict[int, str] = {}
        for sibling in siblings:
            if sibling.number is not None:
                links.setdefault(sibling.number, place("document-page", doc=sibling.tei_id))
        shared = " ".join(f"{n}={href}" for n, href in sorted(links.items()))
        for here, doc in enumerate(siblings):
            if doc.tei_id in result:
                continue  # a repeated id: the first document keeps its place
            params = _params(doc)
            params["volume-href"] = place("volume-page", volume=doc.volume.volume_id or "")
            params["volume-label"] = _volume_label(doc)
            for key, other in (("prev", here - 1), ("next", here + 1)):
                if 0 <= other < len(siblings):
                    params[f"{key}-href"] = place("document-page", doc=siblings[other].tei_id)
                    params[f"{key}-label"] = _label(siblings[other])
            params["document-links"] = shared
            result[doc.tei_id] = params
    return result


def _params(doc: DocFacts) -> dict[str, str]:
    """The page parameters every document has, before its place in a volume is known."""
    return {
        "index-href": place("index"),
        "search-href": place("search"),
        "text-href": place("text", doc=doc.tei_id),
        "page-text-href": place("page-text", doc=doc.tei_id),
        "notes-script-href": place("notes-script"),
        "volume-href": "",
        "volume-label": "",
        "prev-href": "",
        "prev-label": "",
        "next-href": "",
        "next-label": "",
        "document-links": "",
    }
