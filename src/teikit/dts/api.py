"""The four DTS 1.0 endpoints over a teikit edition, independent of how they are delivered.

:class:`DtsApi` answers Entry, Collection, Navigation and Document requests given as
parameter dictionaries, and raises :class:`DtsError` (with the HTTP status the
specification's tables give) for a request it must refuse. The same answers are written as
static files (:mod:`teikit.dts.static`, Level 0) and served (:mod:`teikit.dts.wsgi`,
Level 1); a :class:`UrlScheme` says which URLs and URI templates each uses.

The collections are the edition (root), its volumes, and the documents of each volume in
number order; identifiers are the volume ids and the documents' TEI ids.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote, urlencode

from lxml import etree

from teikit.dts.fragments import passage, wrapped
from teikit.dts.trees import Tree, Unit, citation_trees, cite_structures_json, document_div
from teikit.facts import DocFacts
from teikit.teifile import read_tei

CONTEXT = "https://dtsapi.org/context/v1.0.json"
DTS_VERSION = "1.0"
TEI_MEDIA_TYPE = "application/tei+xml"
ROOT_ID = "teikit"
DEFAULT_TITLE = "Foreign Relations of the United States: a teikit edition"
#: Members per page of a Collection response, and units per page of a Navigation one.
PAGE_SIZE = 100


def _pagination(at: Callable[[int], str], number: int, count: int) -> dict[str, str]:
    """The ``view`` of page ``number`` of ``count``: its own URL and its neighbours'."""
    return {
        "@id": at(number),
        "@type": "Pagination",
        "first": at(1),
        "previous": at(max(1, number - 1)),
        "next": at(min(count, number + 1)),
        "last": at(count),
    }


class DtsError(Exception):
    """A request the specification says to refuse: ``status`` is 400 or 404."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _q(value: str) -> str:
    return quote(value, safe="")


@dataclass(frozen=True)
class UrlScheme:
    """The URLs of the endpoints: query parameters (served) or paths (static files).

    Args:
        base: the API's path, e.g. ``/api/dts`` (served) or ``/dts`` (static).
        static: True for the path templates the specification allows for static sites.
    """

    base: str
    static: bool = False

    # -- templates
    def entry(self) -> str:
        """The Entry endpoint's URL."""
        return f"{self.base}/index.json" if self.static else f"{self.base}/"

    def collection_template(self, ident: str | None = None) -> str:
        """The Collection endpoint's template, or one collection's."""
        if self.static:
            where = f"/{_q(ident)}" if ident else "{/id}"
            return f"{self.base}/collection{where}{{;nav,page}}.json"
        if ident is None:
            return f"{self.base}/collection{{?id,page,nav}}"
        return f"{self.base}/collection?id={_q(ident)}{{&page,nav}}"

    def navigation_template(self, resource: str | None = None) -> str:
        """The Navigation endpoint's template, or one resource's."""
        if self.static:
            where = _q(resource) if resource else "{resource}"
            return f"{self.base}/navigation/{where}{{;tree,down,page}}.json"  # no units: static.py
        if resource is None:
            return f"{self.base}/navigation{{?resource,ref,start,end,down,tree,page}}"
        return f"{self.base}/navigation?resource={_q(resource)}{{&ref,start,end,down,tree,page}}"

    def document_template(self, resource: str | None = None) -> str:
        """The Document endpoint's template, or one resource's."""
        if self.static:
            where = _q(resource) if resource else "{resource}"
            return f"{self.base}/document/{where}{{;tree}}{{/ref}}.xml"
        if resource is None:
            return f"{self.base}/document{{?resource,ref,start,end,tree,mediaType}}"
        return f"{self.base}/document?resource={_q(resource)}{{&ref,start,end,tree,mediaType}}"

    # -- expanded URLs
    def collection_url(
        self, ident: str | None, nav: str | None = None, page: int | None = None
    ) -> str:
        """The URL of one Collection request."""
        if self.static:
            matrix = "".join(f";{k}={v}" for k, v in (("nav", nav), ("page", page)) if v)
            where = f"/{_q(ident)}" if ident else ""
            return f"{self.base}/collection{where}{matrix}.json"
        query = [(k, v) for k, v in (("id", ident), ("page", page), ("nav", nav)) if v]
        return f"{self.base}/collection" + (f"?{urlencode(query)}" if query else "")

    def navigation_url(self, resource: str, params: Mapping[str, str]) -> str:
        """The URL of one Navigation request."""
        if self.static:
            matrix = "".join(f";{k}={params[k]}" for k in ("tree", "down", "page") if k in params)
            ref = f"/{_q(params['ref'])}" if "ref" in params else ""
            return f"{self.base}/navigation/{_q(resource)}{matrix}{ref}.json"
        order = ("ref", "start", "end", "down", "tree", "page")
        query = [("resource", resource)] + [(k, params[k]) for k in order if k in params]
        return f"{self.base}/navigation?{urlencode(query)}"

    def document_url(self, resource: str, params: Mapping[str, str]) -> str:
        """The URL of one Document request."""
        if self.static:
            matrix = f";tree={params['tree']}" if "tree" in params else ""
            ref = f"/{_q(params['ref'])}" if "ref" in params else ""
            return f"{self.base}/document/{_q(resource)}{matrix}{ref}.xml"
        order = ("ref", "start", "end", "tree", "mediaType")
        query = [("resource", resource)] + [(k, params[k]) for k in order if k in params]
        return f"{self.base}/document?{urlencode(query)}"


@dataclass(frozen=True)
class _Node:
    ident: str
    title: str
    parents: tuple[str, ...]
    children: tuple[str, ...]
    doc: DocFacts | None = None
    #: How many children the node has in the whole edition, when ``children`` lists only
    #: some (an answer about one document names its parent with the parent's full count).
    count: int | None = None

    @property
    def total_children(self) -> int:
        return len(self.children) if self.count is None else self.count


class DtsApi:
    """Answers the DTS 1.0 endpoints for an edition.

    Document trees are read from their TEI files when a request needs them, and the most
    recent few are kept, so memory does not grow with the edition.

    Args:
        edition: the facts of every document.
        tei_paths: each document's TEI file, by its TEI id.
        urls: the URL scheme of the answers.
        title: the edition's title (the root collection's).
    """

    def __init__(
        self,
        edition: Sequence[DocFacts],
        tei_paths: Mapping[str, Path],
        urls: UrlScheme,
        title: str = DEFAULT_TITLE,
        cache_size: int = 16,
    ) -> None:
        self.urls = urls
        self.tei_paths = dict(tei_paths)
        self.nodes: dict[str, _Node] = {}
        self._cache: OrderedDict[str, tuple[etree._Element, list[Tree]]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        volumes: dict[str, list[DocFacts]] = {}
        loose: list[DocFacts] = []
        for doc in sorted(edition, key=lambda d: d.sort_key):
            if doc.volume.volume_id and doc.volume.volume_id != doc.tei_id:
                volumes.setdefault(doc.volume.volume_id, []).append(doc)
            else:
                loose.append(doc)
        top = tuple(sorted(volumes)) + tuple(d.tei_id for d in loose)
        self.nodes[ROOT_ID] = _Node(ROOT_ID, title, (), top)
        for volume_id, docs in volumes.items():
            volume = docs[0].volume
            self.nodes[volume_id] = _Node(
                volume_id,
                volume.complete_title or volume_id,
                (ROOT_ID,),
                tuple(d.tei_id for d in docs),
            )
            for doc in docs:
                self.nodes[doc.tei_id] = _Node(
                    doc.tei_id, doc.title or doc.tei_id, (volume_id,), (), doc
                )
        for doc in loose:
            self.nodes[doc.tei_id] = _Node(doc.tei_id, doc.title or doc.tei_id, (ROOT_ID,), (), doc)

    # ------------------------------------------------------------------ helpers

    def parent_sizes(self) -> dict[str, int]:
        """Each document's id -> how many children its parent collection has: what an answer
        about that document alone needs to know of the rest of the edition (see
        :meth:`for_document`)."""
        return {
            child: len(node.children)
            for node in self.nodes.values()
            if node.doc is None
            for child in node.children
            if self.nodes[child].doc is not None
        }

    @classmethod
    def for_document(
        cls,
        doc: DocFacts,
        tei_path: Path,
        urls: UrlScheme,
        title: str = DEFAULT_TITLE,
        parent_size: int | None = None,
    ) -> DtsApi:
        """The API of an edition of which only ``doc`` is known, whose parent collection
        (its volume, or the edition) has ``parent_size`` children (from
        :meth:`parent_sizes`): its answers about ``doc`` are those of the whole edition's.
        """
        api = cls([doc], {doc.tei_id: tei_path}, urls, title)
        if parent_size is not None:
            parent = api.nodes[doc.tei_id].parents[0]
            api.nodes[parent] = replace(api.nodes[parent], count=parent_size)
        return api

    def resources(self) -> list[str]:
        """The ids of every document (Resource), in the edition's order."""
        return [n.ident for n in self.nodes.values() if n.doc is not None]

    def load(self, resource: str) -> tuple[etree._Element, list[Tree]]:
        """Return a document's TEI root and citation trees (cached)."""
        with self._lock:
            if resource in self._cache:
                self._cache.move_to_end(resource)
                return self._cache[resource]
        root = read_tei(Path(self.tei_paths[resource]))
        loaded = (root, citation_trees(root))
        with self._lock:
            self._cache[resource] = loaded
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return loaded

    def remember(self, resource: str, root: etree._Element) -> None:
        """Use ``root``, already parsed from the resource's TEI file, instead of reading it."""
        with self._lock:
            self._cache[resource] = (root, citation_trees(root))
            self._cache.move_to_end(resource)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def _resource_node(self, resource: str | None) -> _Node:
        if not resource:
            raise DtsError(400, "the resource parameter is required")
        node = self.nodes.get(resource)
        if node is None or node.doc is None:
            raise DtsError(404, f"no resource {resource!r} in this edition")
        return node

    def _tree(self, resource: str, tree: str | None) -> tuple[etree._Element, Tree]:
        root, trees = self.load(resource)
        for candidate in trees:
            if candidate.identifier == (tree or None):
                return root, candidate
        names = ", ".join(t.identifier for t in trees if t.identifier)
        raise DtsError(404, f"no citation tree {tree!r} in {resource} (trees: default, {names})")

    @staticmethod
    def _unit(tree: Tree, ident: str, name: str) -> Unit:
        unit = tree.by_id.get(ident)
        if unit is None:
            raise DtsError(404, f"{name}={ident!r} is no citable unit of this tree")
        return unit

    def _members(self, node: _Node, nav: str) -> list[_Node]:
        ids = node.parents if nav == "parents" else node.children
        return [self.nodes[i] for i in ids]

    def _object(self, node: _Node, *, full: bool) -> dict[str, object]:
        kind = "Resource" if node.doc is not None else "Collection"
        obj: dict[str, object] = {
            "@id": node.ident,
            "@type": kind,
            "title": node.title,
            "totalParents": len(node.parents),
            "totalChildren": node.total_children,
        }
        if full:
            obj = {"@context": CONTEXT, "dtsVersion": DTS_VERSION, **obj}
        obj["collection"] = self.urls.collection_template(node.ident)
        doc = node.doc
        if doc is not None:
            obj.update(self._resource_fields(doc))
        elif node.ident != ROOT_ID:
            obj["dublinCore"] = {"title": [{"lang": "en", "value": node.title}]}
        return obj

    def _resource_fields(self, doc: DocFacts) -> dict[str, object]:
        core: dict[str, object] = {
            "title": [{"lang": "en", "value": doc.title or doc.tei_id}],
            "language": ["en"],
            "type": ["Text"],
        }
        if doc.date_when:
            core["date"] = doc.date_when
        if doc.volume.volume_id and doc.number is not None:
            core["source"] = [
                f"https://history.state.gov/historicaldocuments/"
                f"{doc.volume.volume_id}/d{doc.number}"
            ]
        if doc.volume.complete_title:
            core["isPartOf"] = [{"lang": "en", "value": doc.volume.complete_title}]
        return {
            "dublinCore": core,
            "navigation": self.urls.navigation_template(doc.tei_id),
            "document": self.urls.document_template(doc.tei_id),
            "download": self.urls.document_url(doc.tei_id, {}),
            "mediaTypes": [TEI_MEDIA_TYPE],
            "citationTrees": cite_structures_json(),
        }

    # ------------------------------------------------------------------ endpoints

    def entry(self) -> dict[str, object]:
        """The Entry endpoint's answer."""
        return {
            "@context": CONTEXT,
            "dtsVersion": DTS_VERSION,
            "@id": self.urls.entry(),
            "@type": "EntryPoint",
            "collection": self.urls.collection_template(),
            "navigation": self.urls.navigation_template(),
            "document": self.urls.document_template(),
        }

    def pages(self, ident: str | None, nav: str | None = None) -> int:
        """How many pages the members of a Collection answer fill."""
        node = self.nodes.get(ident or ROOT_ID)
        if node is None:
            return 1
        return max(1, math.ceil(len(self._members(node, nav or "children")) / PAGE_SIZE))

    def collection(
        self, ident: str | None = None, nav: str | None = None, page: str | None = None
    ) -> dict[str, object]:
        """The Collection endpoint's answer.

        Args:
            ident: a collection or resource id; None for the edition.
            nav: ``children`` (the default) or ``parents``.
            page: the page of members, counting from 1.

        Raises:
            DtsError: 404 for an unknown id or page, 400 for a bad nav or page.
        """
        node = self.nodes.get(ident or ROOT_ID)
        if node is None:
            raise DtsError(404, f"no collection or resource {ident!r} in this edition")
        if nav not in (None, "children", "parents"):
            raise DtsError(400, f"nav={nav!r}: use children or parents")
        members = self._members(node, nav or "children")
        answer = self._object(node, full=True)
        count = self.pages(ident, nav)
        number = 1
        if page is not None:
            if not page.isdigit() or int(page) < 1:
                raise DtsError(400, f"page={page!r}: a page is a whole number from 1")
            number = int(page)
            if number > count:
                raise DtsError(404, f"page {number} is past the last page ({count})")
        chosen = members[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        answer["member"] = [self._object(m, full=False) for m in chosen]
        if count > 1:

            def at(k: int) -> str:
                return self.urls.collection_url(ident, nav, k)

            answer["view"] = _pagination(at, number, count)
        return answer

    @staticmethod
    def _unit_json(unit: Unit) -> dict[str, object]:
        return {
            "identifier": unit.identifier,
            "@type": "CitableUnit",
            "level": unit.level,
            "parent": unit.parent,
            "citeType": unit.cite_type,
        }

    @staticmethod
    def _check_range(params: Mapping[str, str]) -> None:
        if "ref" in params and ("start" in params or "end" in params):
            raise DtsError(400, "ref cannot be used with start and end")
        if ("start" in params) != ("end" in params):
            raise DtsError(400, "start and end go together: give both or neither")

    def navigation(self, params: Mapping[str, str]) -> dict[str, object]:
        """The Navigation endpoint's answer, following the specification's table.

        Args:
            params: the query (resource, ref, start, end, down, tree, page).

        Raises:
            DtsError: 400 or 404 as the specification's errors say.
        """
        node = self._resource_node(params.get("resource"))
        self._check_range(params)
        down: int | None = None
        if "down" in params:
            try:
                down = int(params["down"])
            except ValueError:
                raise DtsError(
                    400, f"down={params['down']!r}: a whole number, -1 or more"
                ) from None
            if down < -1:
                raise DtsError(400, f"down={down}: a whole number, -1 or more")
        has_ref, has_range = "ref" in params, "start" in params
        if down is None and not has_ref and not has_range:
            raise DtsError(400, "give ref, start and end, or down")
        if down == 0 and not has_ref:
            raise DtsError(400, "down=0 (the siblings of a unit) needs ref")
        _, tree = self._tree(node.ident, params.get("tree"))
        answer: dict[str, object] = {
            "@context": CONTEXT,
            "dtsVersion": DTS_VERSION,
            "@id": self.urls.navigation_url(node.ident, params),
            "@type": "Navigation",
            "resource": self._object(node, full=False),
        }
        units = tree.units
        if has_ref:
            ref = self._unit(tree, params["ref"], "ref")
            answer["ref"] = self._unit_json(ref)
            if down == 0:
                members = [u for u in units if u.parent == ref.parent and u.level == ref.level]
            elif down is not None:
                deepest = math.inf if down == -1 else ref.level + down
                members = [u for u in units[ref.index : ref.last + 1] if u.level <= deepest]
            else:
                members = None
        elif has_range:
            start = self._unit(tree, params["start"], "start")
            end = self._unit(tree, params["end"], "end")
            if start.index > end.index:
                raise DtsError(
                    400, f"start={start.identifier!r} comes after end={end.identifier!r}"
                )
            answer["start"], answer["end"] = self._unit_json(start), self._unit_json(end)
            if down is None:
                members = None
            else:
                deepest = math.inf if down == -1 else max(start.level, end.level) + down
                members = [u for u in units[start.index : end.last + 1] if u.level <= deepest]
        else:
            assert down is not None  # refused above: neither ref nor start needs down
            deepest = math.inf if down == -1 else down
            members = [u for u in units if u.level <= deepest]
        if members is not None:
            answer["member"] = self._paged(members, params, answer)
        return answer

    def _paged(
        self, members: list[Unit], params: Mapping[str, str], answer: dict[str, object]
    ) -> list[dict[str, object]]:
        count = max(1, math.ceil(len(members) / PAGE_SIZE))
        number = 1
        if "page" in params:
            if not params["page"].isdigit() or int(params["page"]) < 1:
                raise DtsError(400, f"page={params['page']!r}: a whole number from 1")
            number = int(params["page"])
            if number > count:
                raise DtsError(404, f"page {number} is past the last page ({count})")
        if count > 1:
            resource = str(params["resource"])

            def at(k: int) -> str:
                return self.urls.navigation_url(resource, {**params, "page": str(k)})

            answer["view"] = _pagination(at, number, count)
        chosen = members[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        return [self._unit_json(u) for u in chosen]

    def document(self, params: Mapping[str, str]) -> bytes:
        """The Document endpoint's answer: the TEI, or a passage in ``dts:wrapper``.

        Args:
            params: the query (resource, ref, start, end, tree, mediaType).

        Raises:
            DtsError: 400 or 404 as the specification's errors say.
        """
        node = self._resource_node(params.get("resource"))
        self._check_range(params)
        media = params.get("mediaType")
        if media is not None and media not in (TEI_MEDIA_TYPE, "application/xml"):
            raise DtsError(404, f"mediaType={media!r} is not available: {TEI_MEDIA_TYPE}")
        root, tree = self._tree(node.ident, params.get("tree"))
        if "ref" not in params and "start" not in params:
            return Path(self.tei_paths[node.ident]).read_bytes()
        div = document_div(root)
        end: Unit | None = None
        if "ref" in params:
            start = self._unit(tree, params["ref"], "ref")
        else:
            start = self._unit(tree, params["start"], "start")
            end = self._unit(tree, params["end"], "end")
            if start.index > end.index:
                raise DtsError(
                    400, f"start={start.identifier!r} comes after end={end.identifier!r}"
                )
        if div is None:  # not reached: such a document's trees are empty, so _unit refused
            raise DtsError(404, f"{node.ident} has no document div")
        pieces = passage(div, tree, start, end)
        return etree.tostring(wrapped(pieces, {}), xml_declaration=True, encoding="UTF-8")

    def collection_link(self, resource: str) -> str:
        """The ``Link`` header value a Document answer carries."""
        return f'<{self.urls.collection_url(resource)}>; rel="collection"'
