"""DTS 1.0 as static files (Level 0): the answers a static server can hold, written once.

The files sit under ``build/dts/`` at the URLs of the path templates the specification
allows for static sites (see :class:`teikit.dts.api.UrlScheme` with ``static=True``):

* ``index.json``: the Entry endpoint;
* ``collection.json``, ``collection/<id>.json``, ``collection/<id>;nav=parents.json``
  (and ``;page=N`` for every page when a collection has more members than a page holds;
  long Navigation answers likewise);
* ``navigation/<resource>;down=1.json`` and ``…;down=-1.json`` for each citation tree
  (``;tree=pages`` for the pages tree): the top level and the whole tree, every unit with
  its ``parent``, ``level`` and ``citeType``;
* ``document/<resource>.xml`` (the whole TEI) and ``document/<resource>/<ref>.xml``,
  ``document/<resource>;tree=pages/<ref>.xml`` (passages in ``dts:wrapper``).

A static server cannot answer every combination of query parameters; it holds one file per
URL it serves, so teikit writes the Navigation answers per tree, not per unit. The
``;down=-1`` answer already holds what the per-unit answers (``ref`` with ``down`` 0, 1 or
−1) would: each unit with its parent and level, in document order. Writing those as well
made about 120 files per document of a FRUS volume (a million at 7,000 documents) for
no information a client lacks; so the static Navigation template has no ``{/ref}`` and
every URL it expands to (with the ``down`` values written) is a file. Ranges
(``start``/``end``) and per-unit navigation are Level 1: the server (:mod:`teikit.dts.wsgi`)
answers them.

A file whose bytes are already on disk is left alone (an unchanged document's answers
are not rewritten when another document of the edition changes). A document's own answers
(:func:`document_files`) depend on that document alone, and on how many documents its
volume holds (the one figure of its Collection answers that comes from the rest of the
edition), so a build makes them in its render workers beside the document's pages; the
main process writes only the Entry and the Collection answers of the edition and its
volumes, which list many documents. The JSON is compact (:func:`to_json`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from teikit.dts.api import DEFAULT_TITLE, ROOT_ID, DtsApi, UrlScheme
from teikit.facts import DocFacts
from teikit.incremental import write_if_changed

#: The URL path the static tree is published at (build/dts/ is served as /dts/).
STATIC_BASE = "/dts"
#: The down values of the Navigation answers written for each citation tree of a document:
#: its top level and the whole tree.
TREE_DOWNS = ("1", "-1")


def to_json(answer: Mapping[str, object]) -> bytes:
    """Serialise an answer the same way every time: UTF-8, compact (no indentation), keys
    sorted, a final newline. Compact JSON is a third of the bytes, and the standard
    library's C encoder writes it (an indented answer takes its slow pure-Python path)."""
    text = json.dumps(answer, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text + "\n").encode("utf-8")


def _relative(url: str) -> str:
    relative = unquote(url[len(STATIC_BASE) + 1 :])
    if ".." in Path(relative).parts:
        raise ValueError(f"{url}: not a path inside the static tree")
    return relative


def _target(out_dir: Path, url: str) -> Path:
    return out_dir / _relative(url)


def _document_answers(api: DtsApi, resource: str) -> Iterator[tuple[str, bytes]]:
    """(URL, bytes) of every static answer about one document: the whole TEI, the
    Navigation answers of each tree (every page of a long one) and each unit's passage."""
    urls = api.urls
    yield urls.document_url(resource, {}), api.document({"resource": resource})
    _, trees = api.load(resource)
    for tree in trees:
        base = {"resource": resource, **({"tree": tree.identifier} if tree.identifier else {})}
        for down in TREE_DOWNS:
            query = {**base, "down": down}
            answer = api.navigation(query)
            yield urls.navigation_url(resource, query), to_json(answer)
            page = 1
            while "view" in answer:  # a long answer: every page of it, at its own URL
                paged = {**query, "page": str(page)}
                answer = api.navigation(paged)
                yield urls.navigation_url(resource, paged), to_json(answer)
                view = answer["view"]
                assert isinstance(view, dict)  # api.navigation's page links
                if view["next"] == view["@id"]:
                    break
                page += 1
        for unit in tree.units:
            query = {**base, "ref": unit.identifier}
            yield urls.document_url(resource, query), api.document(query)


def document_files(
    doc: DocFacts,
    tei_path: Path,
    root: etree._Element | None = None,
    *,
    title: str | None = None,
    parent_size: int | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Yield (path relative to the static tree, bytes) of every static answer about one
    document, made from that document alone (its answers name no other document).

    This is the per-document part of :func:`write_static`, for a build's render workers;
    ``root`` is the document's TEI root when the caller has parsed it already (it is then
    not read again from ``tei_path``). Given ``parent_size``, the number of children of the
    document's parent collection (:meth:`DtsApi.parent_sizes`), the document's two
    Collection answers (itself, and ``;nav=parents``) are made too, with ``title`` the
    edition's; without it they are left to :func:`write_static`.

    Raises:
        InputError: the TEI cannot be read.
    """
    urls = UrlScheme(STATIC_BASE, static=True)
    api = DtsApi.for_document(doc, tei_path, urls, title or DEFAULT_TITLE, parent_size)
    if root is not None:
        api.remember(doc.tei_id, root)
    if parent_size is not None:
        for url, data in _collection_answers(api, doc.tei_id):
            yield _relative(url), data
    for url, data in _document_answers(api, doc.tei_id):
        yield _relative(url), data


def _collection_answers(api: DtsApi, ident: str) -> Iterator[tuple[str, bytes]]:
    """(URL, bytes) of the Collection answers about one collection or document: its members
    and its parents, every page of each."""
    urls = api.urls
    key = None if ident == ROOT_ID else ident
    for nav in (None, "parents"):
        yield urls.collection_url(key, nav), to_json(api.collection(key, nav))
        pages = api.pages(key, nav)
        for page in range(1, pages + 1) if pages > 1 else ():
            yield urls.collection_url(key, nav, page), to_json(api.collection(key, nav, str(page)))


def write_static(
    edition: Sequence[DocFacts],
    tei_paths: Mapping[str, Path],
    out_dir: Path,
    *,
    title: str | None = None,
    documents: bool = True,
) -> list[Path]:
    """Write the DTS answers of an edition as static files under ``out_dir``.

    Args:
        edition: the facts of every document.
        tei_paths: each document's TEI file, by its TEI id.
        out_dir: the folder published as ``/dts/`` (build/dts/).
        title: the edition's title (the root collection's).
        documents: also write each document's own answers (:func:`document_files`: its
            Collection, Navigation and Document answers); a build leaves them to its render
            workers and writes only the Entry and the answers about the edition and its
            volumes here.

    Returns:
        The files written, in the order written (a file that already held its answer is
        not written again, nor listed).

    Raises:
        InputError: a document's TEI cannot be read.
        OSError: a file cannot be written.
    """
    urls = UrlScheme(STATIC_BASE, static=True)
    api = DtsApi(edition, tei_paths, urls, title or DEFAULT_TITLE)
    written: list[Path] = []

    def put(url: str, data: bytes) -> None:
        target = _target(out_dir, url)
        if write_if_changed(data, target):
            written.append(target)

    put(urls.entry(), to_json(api.entry()))
    for ident, node in api.nodes.items():
        if node.doc is None or documents:
            for url, data in _collection_answers(api, ident):
                put(url, data)
    for resource in api.resources() if documents else ():
        for url, data in _document_answers(api, resource):
            put(url, data)
    return written
