"""DTS 1.0 as static files (Level 0): every answer a client can ask for, written once.

The files sit under ``build/dts/`` at the URLs of the path templates the specification
allows for static sites (see :class:`teikit.dts.api.UrlScheme` with ``static=True``):

* ``index.json``: the Entry endpoint;
* ``collection.json``, ``collection/<id>.json``, ``collection/<id>;nav=parents.json``
  (and ``;page=N`` for every page when a collection has more members than a page holds;
  long Navigation answers likewise);
* ``navigation/<resource>;down=1.json``, ``…;down=-1.json``, and per unit
  ``navigation/<resource>/<ref>.json`` with ``;down=0``, ``;down=1`` and ``;down=-1``; the
  pages tree the same with ``;tree=pages``;
* ``document/<resource>.xml`` (the whole TEI) and ``document/<resource>/<ref>.xml``,
  ``document/<resource>;tree=pages/<ref>.xml`` (passages in ``dts:wrapper``).

Ranges (``start``/``end``) are Level 1 only: the server answers them, static files do not.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import unquote

from teikit.dts.api import DtsApi, UrlScheme
from teikit.facts import DocFacts
from teikit.files import write_atomically

#: The URL path the static tree is published at (build/dts/ is served as /dts/).
STATIC_BASE = "/dts"
#: The down values written for a whole tree and for each unit.
TREE_DOWNS = ("1", "-1")
UNIT_DOWNS = (None, "0", "1", "-1")


def to_json(answer: Mapping[str, object]) -> bytes:
    """Serialise an answer the same way every time (UTF-8, indented, final newline)."""
    return (json.dumps(answer, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _target(out_dir: Path, url: str) -> Path:
    relative = unquote(url[len(STATIC_BASE) + 1:])
    if ".." in Path(relative).parts:
        raise ValueError(f"{url}: not a path inside the static tree")
    return out_dir / relative


def write_static(edition: Sequence[DocFacts], tei_paths: Mapping[str, Path], out_dir: Path,
                 *, title: str | None = None) -> list[Path]:
    """Write the DTS answers of an edition as static files under ``out_dir``.

    Args:
        edition: the facts of every document.
        tei_paths: each document's TEI file, by its TEI id.
        out_dir: the folder published as ``/dts/`` (build/dts/).
        title: the edition's title (the root collection's).

    Returns:
        The files written, in the order written.

    Raises:
        InputError: a document's TEI cannot be read.
        OSError: a file cannot be written.
    """
    urls = UrlScheme(STATIC_BASE, static=True)
    api = DtsApi(edition, tei_paths, urls, **({"title": title} if title else {}))
    written: list[Path] = []

    def put(url: str, data: bytes) -> None:
        target = _target(out_dir, url)
        write_atomically(data, target)
        written.append(target)

    put(urls.entry(), to_json(api.entry()))
    for ident in api.nodes:
        key = None if ident == "teikit" else ident
        for nav in (None, "parents"):
            put(urls.collection_url(key, nav), to_json(api.collection(key, nav)))
            pages = api.pages(key, nav)
            for page in range(1, pages + 1) if pages > 1 else ():
                put(urls.collection_url(key, nav, page),
                    to_json(api.collection(key, nav, str(page))))
    def navigation(resource: str, query: dict[str, str]) -> None:
        answer = api.navigation(query)
        put(urls.navigation_url(resource, query), to_json(answer))
        page = 1
        while "view" in answer:  # a long answer: every page of it, at its own URL
            paged = {**query, "page": str(page)}
            answer = api.navigation(paged)
            put(urls.navigation_url(resource, paged), to_json(answer))
            if answer["view"]["next"] == answer["view"]["@id"]:
                break
            page += 1

    for resource in api.resources():
        put(urls.document_url(resource, {}), api.document({"resource": resource}))
        _, trees = api.load(resource)
        for tree in trees:
            base = {"resource": resource, **({"tree": tree.identifier} if tree.identifier
                                             else {})}
            for down in TREE_DOWNS:
                navigation(resource, {**base, "down": down})
            for unit in tree.units:
                for down in UNIT_DOWNS:
                    navigation(resource, {**base, "ref": unit.identifier,
                                          **({"down": down} if down else {})})
                query = {**base, "ref": unit.identifier}
                put(urls.document_url(resource, query), api.document(query))
    return written
