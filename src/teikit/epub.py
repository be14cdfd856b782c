"""EPUB 3 books of an edition: one per volume, its documents in number order.

Each book holds a title page, the navigation document (a table of contents of the
documents and a page-list of the printed pages, from the TEI's ``<pb>``s and each
document's first page), one XHTML content document per document made by
``xslt/epub-document.xsl`` (notes as EPUB footnotes) and a style sheet. The archive is
written with the standard library's :mod:`zipfile`: ``mimetype`` first and stored, then the
rest compressed, in a fixed order with fixed entry times, so the same TEI gives the same
bytes. Chapters go into the archive as they are made, one document read at a time, and
the package and navigation documents (which list every chapter) come last: memory holds
one document tree and the compressed book, never the volume's trees or chapters. A book
whose bytes are already on disk is not rewritten. ``dcterms:modified`` is
``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the time the newest of the
volume's TEI files was changed.

Documents without a volume id make no book (there is no volume to make one of).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from teikit.errors import TeikitError
from teikit.facts import DocFacts, facts_xml
from teikit.incremental import stream_if_changed
from teikit.resources import data_dir
from teikit.tei.names import TEI_NS
from teikit.teifile import read_tei
from teikit.transform import OUTPUTS, Output, TransformError, parse, transform, transform_node
from teikit.xmltypes import nsmap, text_of

OUTPUTS.setdefault(
    "epub-document", Output("epub-document.xsl", "xhtml", "EPUB 3 content document of one document")
)
OUTPUTS.setdefault("epub-title", Output("epub-title.xsl", "xhtml", "EPUB title page (facts)"))

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"

#: The folder of the books in the output folder, and a book's name in it.
EPUB_DIR = "epub"
EPUB_NAME = "{volume}.epub"

#: The style sheet of the books (in ``xslt/``).
EPUB_CSS = "epub.css"

#: Fixed times of the archive entries (the earliest a zip file can hold).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

#: The folder, inside the output folder, where a build's render workers leave each
#: document's chapter (``<tei id>.xhtml``) for the books to be assembled from.
CHAPTERS_DIR = ".teikit-epub"


class EpubError(TeikitError):
    """A book cannot be made (a document failed to transform or to read).

    From :func:`write_volume_epubs`, ``written`` holds the books of the other volumes, which
    were written all the same.
    """

    def __init__(self, message: str, written: list[Path] | None = None) -> None:
        super().__init__(message)
        self.written = written or []


def _x(name: str) -> str:
    return f"{{{XHTML_NS}}}{name}"


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _modified(paths: Sequence[Path]) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = int(epoch) if epoch and epoch.isdigit() else int(max(p.stat().st_mtime for p in paths))
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))


def _xhtml_page(title: str, lang: str = "en") -> tuple[etree._Element, etree._Element]:
    html = etree.Element(_x("html"), nsmap=nsmap(XHTML_NS, epub=EPUB_NS))
    html.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    html.set("lang", lang)
    head = etree.SubElement(html, _x("head"))
    etree.SubElement(head, _x("meta"), charset="utf-8")
    etree.SubElement(head, _x("title")).text = title
    etree.SubElement(head, _x("link"), rel="stylesheet", type="text/css", href=EPUB_CSS)
    return html, etree.SubElement(html, _x("body"))


def _page_breaks(root: etree._Element) -> list[tuple[str, str]]:
    """(id, label) of the document's page breaks, in order."""
    found = []
    for count, pb in enumerate(root.iter(f"{{{TEI_NS}}}pb"), 1):
        ident = pb.get("{http://www.w3.org/XML/1998/namespace}id") or f"pb-{count}"
        found.append((ident, pb.get("n") or str(count)))
    return found


def _nav(heading: str, docs: list[tuple[DocFacts, str]], pages: list[tuple[str, str]]) -> bytes:
    html, body = _xhtml_page(f"Contents: {heading}")
    toc = etree.SubElement(body, _x("nav"), {f"{{{EPUB_NS}}}type": "toc"}, id="toc")
    etree.SubElement(toc, _x("h1")).text = "Contents"
    items = etree.SubElement(toc, _x("ol"))
    etree.SubElement(
        etree.SubElement(items, _x("li")), _x("a"), href="title.xhtml"
    ).text = "Title page"
    for doc, href in docs:
        label = f"{doc.number}. {doc.title}" if doc.number is not None else doc.title
        etree.SubElement(etree.SubElement(items, _x("li")), _x("a"), href=href).text = (
            label or doc.tei_id
        )
    if pages:
        plist = etree.SubElement(
            body, _x("nav"), {f"{{{EPUB_NS}}}type": "page-list"}, id="page-list", hidden="hidden"
        )
        etree.SubElement(plist, _x("h2")).text = "Pages"
        items = etree.SubElement(plist, _x("ol"))
        for href, label in pages:
            etree.SubElement(etree.SubElement(items, _x("li")), _x("a"), href=href).text = label
    return _serialize(html)


def _package(
    volume_id: str,
    heading: str,
    lang: str,
    modified: str,
    items: list[tuple[str, str, str]],
    spine: list[str],
) -> bytes:
    package = etree.Element(
        f"{{{OPF_NS}}}package",
        {"version": "3.0", "unique-identifier": "book-id"},
        nsmap=nsmap(OPF_NS, dc=DC_NS),
    )
    package.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    meta = etree.SubElement(package, f"{{{OPF_NS}}}metadata")
    etree.SubElement(
        meta, f"{{{DC_NS}}}identifier", id="book-id"
    ).text = f"urn:teikit:frus:{volume_id}"
    etree.SubElement(meta, f"{{{DC_NS}}}title").text = heading
    etree.SubElement(meta, f"{{{DC_NS}}}language").text = lang
    etree.SubElement(meta, f"{{{DC_NS}}}publisher").text = "Made with teikit"
    etree.SubElement(
        meta, f"{{{DC_NS}}}rights"
    ).text = "Public domain (a work of the United States Government)"
    etree.SubElement(meta, f"{{{OPF_NS}}}meta", property="dcterms:modified").text = modified
    manifest = etree.SubElement(package, f"{{{OPF_NS}}}manifest")
    for ident, href, media in items:
        attrs = {"id": ident, "href": href, "media-type": media}
        if ident == "nav":
            attrs["properties"] = "nav"
        etree.SubElement(manifest, f"{{{OPF_NS}}}item", attrs)
    order = etree.SubElement(package, f"{{{OPF_NS}}}spine")
    for ident in spine:
        etree.SubElement(order, f"{{{OPF_NS}}}itemref", idref=ident)
    return _serialize(package)


def _container() -> bytes:
    root = etree.Element(f"{{{CONTAINER_NS}}}container", nsmap=nsmap(CONTAINER_NS), version="1.0")
    files = etree.SubElement(root, f"{{{CONTAINER_NS}}}rootfiles")
    etree.SubElement(
        files,
        f"{{{CONTAINER_NS}}}rootfile",
        {"full-path": "OEBPS/content.opf", "media-type": "application/oebps-package+xml"},
    )
    return _serialize(root)


class _Book:
    """A zip archive written entry by entry into ``stream``, with the fixed times and modes."""

    def __init__(self, stream: BinaryIO) -> None:
        self.archive = zipfile.ZipFile(stream, "w")

    def add(self, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
        info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.archive.writestr(info, data)

    def close(self) -> None:
        self.archive.close()


@dataclass(frozen=True)
class Chapter:
    """One document's content document and the page breaks in it, (id, label) in order."""

    xhtml: bytes
    pages: tuple[tuple[str, str], ...]

    def to_bytes(self, links: str) -> bytes:
        """The chapter as one file: a line of JSON (a digest of the book's ``links`` it was
        made with, and the pages), then the XHTML."""
        head = json.dumps(
            {"links": _digest(links), "pages": [list(p) for p in self.pages]},
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )
        return head.encode("utf-8") + b"\n" + self.xhtml

    @classmethod
    def from_bytes(cls, data: bytes, links: str) -> Chapter:
        """Read a chapter written by :meth:`to_bytes` with the same ``links``.

        Raises:
            ValueError: when ``data`` is not such a file, or was made with other links.
        """
        head, _, xhtml = data.partition(b"\n")
        facts = json.loads(head)
        if not isinstance(facts, dict) or not xhtml or facts.get("links") != _digest(links):
            raise ValueError("not a chapter file of this book")
        return cls(xhtml, tuple((str(i), str(label)) for i, label in facts["pages"]))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: Makes the chapter of one document: (its facts, the book's document-links) -> Chapter.
ChapterSource = Callable[[DocFacts, str], Chapter]


def chapter_params(links: str) -> dict[str, str]:
    """The parameters of ``xslt/epub-document.xsl`` for a book with ``links``."""
    return {"css-href": EPUB_CSS, "document-links": links}


def make_chapter(root: etree._Element, node: object, links: str) -> Chapter:
    """Make a document's chapter from its TEI, parsed once with lxml (``root``, for the page
    breaks) and once with Saxon (``node``, from :func:`teikit.transform.parse`).

    Raises:
        TransformError: when the stylesheet fails on the document.
    """
    xhtml = transform_node(node, "epub-document", chapter_params(links))
    return Chapter(xhtml.encode("utf-8"), tuple(_page_breaks(root)))


def chapter_links(edition: Iterable[DocFacts]) -> dict[str, str]:
    """The ``document-links`` of each document's book, by TEI id: the numbered documents of
    its volume, as ``number=<tei id>.xhtml`` pairs in number order (one string shared by
    the volume's documents). Documents without a volume have no book and are left out."""
    volumes: dict[str, list[DocFacts]] = {}
    for doc in sorted(edition, key=lambda d: d.sort_key):
        if doc.volume.volume_id:
            volumes.setdefault(doc.volume.volume_id, []).append(doc)
    result: dict[str, str] = {}
    for docs in volumes.values():
        links = " ".join(f"{d.number}={d.tei_id}.xhtml" for d in docs if d.number is not None)
        result.update((d.tei_id, links) for d in docs)
    return result


def chapter_from_tei(tei_paths: Mapping[str, Path]) -> ChapterSource:
    """A :data:`ChapterSource` that reads and transforms each document's TEI file here."""

    def make(doc: DocFacts, links: str) -> Chapter:
        path = Path(tei_paths[doc.tei_id])
        root = read_tei(path)  # read safely: no entities, no DTD, no network
        return make_chapter(root, parse(path.read_bytes()), links)

    return make


def chapter_from_folder(folder: Path, fallback: ChapterSource) -> ChapterSource:
    """A :data:`ChapterSource` that takes the chapters a build's workers left in ``folder``
    (``<tei id>.xhtml``, :meth:`Chapter.to_bytes`), and makes one with ``fallback`` when its
    file is missing, unreadable or was made for other links."""

    def take(doc: DocFacts, links: str) -> Chapter:
        try:
            return Chapter.from_bytes((folder / f"{doc.tei_id}.xhtml").read_bytes(), links)
        except (OSError, ValueError):
            return fallback(doc, links)

    return take


def volume_epub(
    volume: etree._Element,
    docs: list[DocFacts],
    tei_paths: Mapping[str, Path],
    stream: BinaryIO,
    chapters: ChapterSource | None = None,
) -> None:
    """Write the EPUB of one volume (its facts element and its documents in order) into
    ``stream``, one chapter at a time.

    Args:
        volume: the volume's element of :func:`teikit.facts.facts_xml`.
        docs: its documents in number order.
        tei_paths: each document's TEI file, by TEI id.
        stream: a binary file open for writing (seekable).
        chapters: where the chapters come from (default: made here from the TEI).

    Raises:
        EpubError: when a document cannot be read or transformed.
    """
    volume_id = volume.get("id", "")
    edition = volume.getparent()
    if edition is None:
        raise EpubError("the volume's facts element is not inside an edition's facts")
    chapter_of = chapters or chapter_from_tei(tei_paths)
    title_page = transform(
        etree.tostring(edition, encoding="utf-8"),
        "epub-title",
        {"volume-id": volume_id, "css-href": EPUB_CSS},
    )
    h1 = etree.fromstring(title_page.encode("utf-8")).find(f".//{_x('h1')}")
    if h1 is None:
        raise EpubError("the volume's title page has no h1 heading")
    heading = " ".join(text_of(h1).split())
    entries: list[tuple[str, str, str]] = [
        ("css", EPUB_CSS, "text/css"),
        ("nav", "nav.xhtml", "application/xhtml+xml"),
        ("title", "title.xhtml", "application/xhtml+xml"),
    ]
    spine = ["title", "nav"]
    toc: list[tuple[DocFacts, str]] = []
    pages: list[tuple[str, str]] = []
    links = chapter_links(docs).get(docs[0].tei_id, "") if docs else ""
    book = _Book(stream)
    try:
        book.add("mimetype", b"application/epub+zip")
        book.add("META-INF/container.xml", _container())
        book.add("OEBPS/title.xhtml", title_page.encode("utf-8"))
        book.add(f"OEBPS/{EPUB_CSS}", (data_dir("xslt") / EPUB_CSS).read_bytes())
        for position, doc in enumerate(docs, 1):  # one chapter at a time
            try:
                chapter = chapter_of(doc, links)
            except (TeikitError, OSError) as exc:
                path = tei_paths.get(doc.tei_id, doc.tei_id)
                raise EpubError(f"{path}: cannot make its EPUB chapter: {exc}") from exc
            href = f"{doc.tei_id}.xhtml"
            ident = f"doc{position}"
            entries.append((ident, href, "application/xhtml+xml"))
            spine.append(ident)
            book.add(f"OEBPS/{href}", chapter.xhtml)
            toc.append((doc, href))
            if doc.first_page is not None:
                pages.append((f"{href}#page-start", str(doc.first_page)))
            pages.extend((f"{href}#{ident_}", label) for ident_, label in chapter.pages)
        modified = _modified([tei_paths[d.tei_id] for d in docs])
        book.add("OEBPS/content.opf", _package(volume_id, heading, "en", modified, entries, spine))
        book.add("OEBPS/nav.xhtml", _nav(heading, toc, pages))
    finally:
        book.close()


def write_volume_epubs(
    edition: Sequence[DocFacts],
    tei_paths: Mapping[str, Path],
    out_dir: Path,
    chapters: ChapterSource | None = None,
) -> list[Path]:
    """Write one EPUB 3 book per volume of the edition into ``out_dir/epub/``.

    Each book is streamed to disk as it is made; memory holds one chapter at a time.

    Args:
        edition: the facts of the edition's documents (any order).
        tei_paths: the TEI file of each document, by TEI id.
        out_dir: the output folder of the edition.
        chapters: where the chapters come from (default: made here from each TEI file;
            a build passes :func:`chapter_from_folder`, the chapters its workers made).

    Returns:
        The books written, in volume order (a book already on disk byte for byte is left
        alone and not listed).

    Raises:
        EpubError: when a document of a volume cannot be made into its chapter; that
            volume's book is not written (an old one is removed), the other volumes' are
            (``error.written``), and the message names every volume that failed.
    """
    tree = facts_xml(list(edition))
    by_id = {d.tei_id: d for d in edition}
    written: list[Path] = []
    failed: list[str] = []
    for volume in tree.findall("{urn:teikit:facts}volume"):
        volume_id = volume.get("id")
        if not volume_id:
            continue
        docs = [by_id[d.get("id", "")] for d in volume.findall("{urn:teikit:facts}doc")]
        target = out_dir / EPUB_DIR / EPUB_NAME.format(volume=volume_id)
        try:
            with stream_if_changed(target) as (stream, outcome):
                volume_epub(volume, docs, tei_paths, stream, chapters)
        except (EpubError, TransformError) as exc:
            failed.append(f"{volume_id}: {exc}")
            target.unlink(missing_ok=True)  # no book that is not this TEI's
            continue
        if outcome.written:
            written.append(target)
    if failed:
        raise EpubError("EPUB not written for " + "; ".join(failed), written)
    return written


@dataclass(frozen=True)
class BookTask:
    """One volume's book to write: its documents (number order), their TEI files and the
    output folder; small and picklable, for a worker process (:func:`write_book_task`)."""

    docs: tuple[DocFacts, ...]
    tei_paths: Mapping[str, Path]
    out_dir: Path


@dataclass(frozen=True)
class BookWritten:
    """What :func:`write_book_task` did: the book written (none when it was already so, or
    failed: then ``problem`` says why)."""

    written: tuple[Path, ...]
    problem: str | None = None


def book_tasks(
    edition: Sequence[DocFacts], tei_paths: Mapping[str, Path], out_dir: Path
) -> list[BookTask]:
    """The books of an edition as tasks, one per volume in volume-id order (documents
    without a volume belong to no book)."""
    volumes: dict[str, list[DocFacts]] = {}
    for doc in sorted(edition, key=lambda d: d.sort_key):
        if doc.volume.volume_id:
            volumes.setdefault(doc.volume.volume_id, []).append(doc)
    return [
        BookTask(tuple(docs), {d.tei_id: tei_paths[d.tei_id] for d in docs}, out_dir)
        for _, docs in sorted(volumes.items())
    ]


def write_book_task(task: BookTask) -> BookWritten:
    """Write one volume's book from the chapters a build's render workers left (a missing
    one made from the TEI); a failure is returned, never raised (for a worker process)."""
    chapters = chapter_from_folder(task.out_dir / CHAPTERS_DIR, chapter_from_tei(task.tei_paths))
    try:
        written = write_volume_epubs(task.docs, task.tei_paths, task.out_dir, chapters)
    except EpubError as exc:
        return BookWritten(tuple(exc.written), str(exc))
    except OSError as exc:
        volume = task.docs[0].volume.volume_id if task.docs else "?"
        where = exc.filename2 or exc.filename or task.out_dir / EPUB_DIR
        return BookWritten(
            (), f"EPUB not written for {volume}: cannot write {where} ({exc.strerror or exc})"
        )
    return BookWritten(tuple(written))
