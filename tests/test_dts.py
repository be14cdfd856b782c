"""DTS 1.0: every answer, static (Level 0) and served (Level 1), against the response shapes.

The shapes are our own JSON Schemas written from the specification's tables
(tests/fixtures/dts/). The Navigation table (down × ref × start/end) and the error lists of
Navigation and Document are checked row by row; passages are well-formed TEI, valid against
schemas/dts-fragment.rng (teikit.rng's elements inside dts:wrapper), and lose nothing.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import unquote, urlencode
from wsgiref.util import setup_testing_defaults

import jsonschema
import pytest
from conftest import REPO, SEED_IDS, TEI_DIR
from lxml import etree
from referencing import Registry, Resource

from teikit.dts import DtsApi, UrlScheme, citation_trees, write_static
from teikit.dts.fragments import DTS_NS, slice_between
from teikit.dts.wsgi import DtsApp
from teikit.facts import facts_of
from teikit.teifile import read_tei

SCHEMAS = REPO / "tests" / "fixtures" / "dts"
T = "http://www.tei-c.org/ns/1.0"
NS = {"t": T, "dts": DTS_NS}
FRAGMENT_RNG = REPO / "schemas" / "dts-fragment.rng"
DOC = "frus1958-60v19-d352"


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


REGISTRY = _registry()
BY_TYPE = {"EntryPoint": "entry.schema.json", "Collection": "collection_response.schema.json",
           "Resource": "collection_response.schema.json", "Navigation": "navigation.schema.json"}


def check_shape(answer: dict) -> None:
    """Validate one answer against the schema of its @type (fails the test when it does not)."""
    schema = REGISTRY.get_or_retrieve(BY_TYPE[answer["@type"]]).value.contents
    validator = jsonschema.Draft202012Validator(schema, registry=REGISTRY,
                                                format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(answer), key=lambda e: e.path)
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def _edition() -> tuple[list, dict[str, Path]]:
    paths = {i: TEI_DIR / f"{i}.xml" for i in SEED_IDS}
    return [facts_of(read_tei(p), i) for i, p in paths.items()], paths


@pytest.fixture(scope="module")
def api() -> DtsApi:
    edition, paths = _edition()
    return DtsApi(edition, paths, UrlScheme("/api/dts"))


@pytest.fixture(scope="module")
def app(api: DtsApi) -> DtsApp:
    return DtsApp(api)


@pytest.fixture(scope="module")
def static_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    edition, paths = _edition()
    out = tmp_path_factory.mktemp("dts")
    write_static(edition, paths, out)
    return out


def get(app: DtsApp, path: str, **params: str) -> tuple[int, dict[str, str], bytes]:
    environ: dict[str, object] = {"PATH_INFO": path, "QUERY_STRING": urlencode(params)}
    setup_testing_defaults(environ)
    environ["wsgi.input"] = io.BytesIO()
    seen: dict[str, object] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = int(status[:3]), dict(headers)

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body  # type: ignore[return-value]


# ------------------------------------------------------------------ shapes

def test_the_shape_check_can_fail() -> None:
    with pytest.raises(AssertionError):
        check_shape({"@type": "Navigation", "@id": "x", "dtsVersion": "1.0"})
    with pytest.raises(AssertionError):
        check_shape({"@type": "Collection", "@id": "x", "title": "t", "totalParents": 0,
                     "collection": "/c", "@context": "c", "dtsVersion": "1.0"})


def test_every_static_answer_has_the_shape_of_its_type(static_dir: Path) -> None:
    answers = sorted(static_dir.rglob("*.json"))
    assert len(answers) > 30  # the collections and the Navigation answers per tree
    for path in answers:
        answer = json.loads(path.read_text(encoding="utf-8"))
        try:
            check_shape(answer)
        except AssertionError as exc:
            raise AssertionError(f"{path.relative_to(static_dir)}: {exc}") from None


def test_the_static_tree_is_where_its_templates_say(static_dir: Path) -> None:
    entry = json.loads((static_dir / "index.json").read_text(encoding="utf-8"))
    assert entry["collection"] == "/dts/collection{/id}{;nav,page}.json"
    assert entry["navigation"] == "/dts/navigation/{resource}{;tree,down,page}.json"
    assert entry["document"] == "/dts/document/{resource}{;tree}{/ref}.xml"
    for name in ("collection.json", "collection/frus1958-60v19.json",
                 "collection/frus1958-60v19;nav=parents.json", f"navigation/{DOC};down=1.json",
                 f"navigation/{DOC};tree=pages;down=-1.json", f"navigation/{DOC};down=-1.json",
                 f"document/{DOC}.xml", f"document/{DOC}/p1.fn1.xml",
                 f"document/{DOC};tree=pages/723.xml"):
        assert (static_dir / name).is_file(), name


def test_static_files_are_the_same_every_run(static_dir: Path, tmp_path: Path) -> None:
    edition, paths = _edition()
    again = write_static(edition[::-1], paths, tmp_path)
    for path in again:
        assert path.read_bytes() == (static_dir / path.relative_to(tmp_path)).read_bytes()


def test_the_static_navigation_is_per_tree_and_holds_every_unit(api: DtsApi,
                                                                 static_dir: Path) -> None:
    """One Navigation file per tree and down value, none per unit; the whole tree gives
    each unit the parent and level a per-unit answer would (so nothing is lost)."""
    names = sorted(p.name for p in (static_dir / "navigation").iterdir())
    expected = sorted(f"{r}{t};down={d}.json" for r in SEED_IDS
                      for t in ("", ";tree=pages") for d in ("1", "-1"))
    assert names == expected
    _, trees = api.load(DOC)
    for tree, infix in zip(trees, ("", ";tree=pages"), strict=True):
        whole = json.loads((static_dir / "navigation" / f"{DOC}{infix};down=-1.json")
                           .read_text(encoding="utf-8"))
        members = [(m["identifier"], m["level"], m["parent"]) for m in whole["member"]]
        assert members == [(u.identifier, u.level, u.parent) for u in tree.units]
        for unit in tree.units:  # each unit's passage is a file
            name = f"{DOC}{infix}/{unit.identifier}.xml"
            assert (static_dir / "document" / name).is_file(), name


def test_an_unchanged_static_tree_is_not_rewritten(static_dir: Path, tmp_path: Path) -> None:
    edition, paths = _edition()
    first = write_static(edition, paths, tmp_path)
    assert len(first) > 100
    changed = tmp_path / "navigation" / f"{DOC};down=1.json"
    changed.write_text("{}", encoding="utf-8")  # a file whose bytes are no longer its answer
    stamp = {p: p.stat().st_mtime_ns for p in first}
    assert write_static(edition, paths, tmp_path) == [changed]
    assert all(p.stat().st_mtime_ns == stamp[p] for p in first if p != changed)
    assert changed.read_bytes() == (static_dir / changed.relative_to(tmp_path)).read_bytes()


@pytest.mark.parametrize(("path", "params"), [
    ("/api/dts/", {}),
    ("/api/dts/collection", {}),
    ("/api/dts/collection", {"id": "frus1952-54v14p1"}),
    ("/api/dts/collection", {"id": DOC}),
    ("/api/dts/collection", {"id": DOC, "nav": "parents"}),
    ("/api/dts/navigation", {"resource": DOC, "down": "-1"}),
    ("/api/dts/navigation", {"resource": DOC, "start": "p1", "end": "p3", "down": "1"}),
    ("/api/dts/navigation", {"resource": DOC, "tree": "pages", "ref": "722"}),
])
def test_every_served_answer_has_its_shape(app: DtsApp, path: str, params: dict) -> None:
    status, headers, body = get(app, path, **params)
    assert status == 200
    assert headers["Content-Type"].startswith("application/ld+json")
    check_shape(json.loads(body))


# ------------------------------------------------------------------ collections

def test_edition_volumes_documents(app: DtsApp) -> None:
    _, _, body = get(app, "/api/dts/collection")
    root = json.loads(body)
    assert (root["@id"], root["totalParents"], root["totalChildren"]) == ("teikit", 0, 3)
    assert [m["@id"] for m in root["member"]] == ["frus1952-54v08", "frus1952-54v14p1",
                                                  "frus1958-60v19"]
    _, _, body = get(app, "/api/dts/collection", id="frus1952-54v14p1")
    volume = json.loads(body)
    assert [m["@id"] for m in volume["member"]] == ["frus1952-54v14p1-d50",
                                                    "frus1952-54v14p1-d183"]
    assert volume["totalParents"] == 1 and volume["totalChildren"] == 2
    _, _, body = get(app, "/api/dts/collection", id=DOC, nav="parents")
    parents = json.loads(body)
    assert [m["@id"] for m in parents["member"]] == ["frus1958-60v19"]
    assert parents["@type"] == "Resource" and parents["totalChildren"] == 0


def test_pagination(monkeypatch: pytest.MonkeyPatch) -> None:
    import teikit.dts.api as module
    monkeypatch.setattr(module, "PAGE_SIZE", 2)
    edition, paths = _edition()
    api = DtsApi(edition, paths, UrlScheme("/api/dts"))
    first = api.collection(None)
    assert len(first["member"]) == 2
    assert first["view"] == {"@id": "/api/dts/collection?page=1", "@type": "Pagination",
                             "first": "/api/dts/collection?page=1",
                             "previous": "/api/dts/collection?page=1",
                             "next": "/api/dts/collection?page=2",
                             "last": "/api/dts/collection?page=2"}
    second = api.collection(None, page="2")
    assert [m["@id"] for m in second["member"]] == ["frus1958-60v19"]
    check_shape(second)
    assert get(DtsApp(api), "/api/dts/collection", page="3")[0] == 404


# ------------------------------------------------------------------ navigation table

def _nav(app: DtsApp, **params: str) -> tuple[int, dict]:
    status, _, body = get(app, "/api/dts/navigation", resource=DOC, **params)
    return status, json.loads(body)


def test_the_trees_of_d352(api: DtsApi) -> None:
    _, trees = api.load(DOC)
    structure, pages = trees
    assert [u.identifier for u in structure.units][:4] == ["head", "head.fn0", "p1", "p1.fn1"]
    assert [u.identifier for u in structure.units if u.level == 1][-1] == "p12"
    assert [u.identifier for u in pages.units] == ["722", "723"]


#: (down, ref, start/end) -> status, and what the answer holds (the specification's table).
TABLE = [
    (None, None, None, 400, None),
    (None, "p2", None, 200, "ref only"),
    (None, None, ("p1", "p3"), 200, "start and end only"),
    ("0", None, None, 400, None),
    ("0", "p2", None, 200, "siblings"),
    ("0", None, ("p1", "p3"), 400, None),
    ("1", None, None, 200, "level 1"),
    ("1", "p1", None, 200, "ref and its notes"),
    ("1", None, ("p1", "p3"), 200, "range to one level below"),
    ("-1", None, None, 200, "all"),
    ("-1", "head", None, 200, "ref and its notes"),
    ("-1", None, ("head", "p1"), 200, "range to the bottom"),
]


@pytest.mark.parametrize(("down", "ref", "span", "status", "holds"), TABLE,
                         ids=[f"down={r[0]},ref={r[1]},range={r[2]}" for r in TABLE])
def test_navigation_table(app: DtsApp, down: str | None, ref: str | None,
                          span: tuple[str, str] | None, status: int, holds: str | None) -> None:
    params = {k: v for k, v in (("down", down), ("ref", ref)) if v is not None}
    if span:
        params.update(start=span[0], end=span[1])
    got, answer = _nav(app, **params)
    assert got == status, answer
    if status != 200:
        return
    check_shape(answer)
    members = [m["identifier"] for m in answer.get("member", [])]
    levels = {m["identifier"]: m["level"] for m in answer.get("member", [])}
    if holds in ("ref only", "start and end only"):
        assert "member" not in answer
        assert ("ref" in answer) == (holds == "ref only")
        assert ("start" in answer and "end" in answer) == (holds != "ref only")
    elif holds == "siblings":
        assert members[:2] == ["head", "p1"] and "p2" in members
        assert set(levels.values()) == {1}
    elif holds == "level 1":
        assert members[0] == "head" and set(levels.values()) == {1} and len(members) == 13
    elif holds == "all":
        assert "p1.fn1" in members and "head.fn0" in members
        assert members.index("p1") < members.index("p1.fn1") < members.index("p2")
    elif holds == "ref and its notes":
        assert members == [ref, f"{ref}.fn{'1' if ref == 'p1' else '0'}"]
        assert answer["ref"]["identifier"] == ref
    elif holds == "range to one level below":
        assert members == ["p1", "p1.fn1", "p2", "p3"]
    elif holds == "range to the bottom":
        assert members == ["head", "head.fn0", "p1", "p1.fn1"]


def test_down_two_from_the_root_reaches_the_notes(app: DtsApp) -> None:
    _, answer = _nav(app, down="2")
    _, everything = _nav(app, down="-1")
    assert answer["member"] == everything["member"]


def test_a_unit_without_children_is_its_own_member(app: DtsApp) -> None:
    _, answer = _nav(app, ref="p2", down="1")
    assert [m["identifier"] for m in answer["member"]] == ["p2"]


def test_the_pages_tree(app: DtsApp) -> None:
    _, answer = _nav(app, tree="pages", down="1")
    assert [(m["identifier"], m["citeType"], m["parent"]) for m in answer["member"]] == [
        ("722", "page", None), ("723", "page", None)]


@pytest.mark.parametrize(("params", "status"), [
    ({"ref": "p1", "start": "p1", "end": "p2"}, 400),
    ({"ref": "p1", "start": "p1"}, 400),
    ({"start": "p1"}, 400),
    ({"end": "p1", "down": "1"}, 400),
    ({"down": "x"}, 400),
    ({"down": "-2"}, 400),
    ({"ref": "p99"}, 404),
    ({"start": "p1", "end": "p99"}, 404),
    ({"ref": "p1", "tree": "chapters"}, 404),
    ({"ref": "p1", "tree": "pages"}, 404),
    ({"start": "p3", "end": "p1"}, 400),
])
def test_navigation_errors(app: DtsApp, params: dict, status: int) -> None:
    assert _nav(app, **params)[0] == status


def test_navigation_needs_a_known_resource(app: DtsApp) -> None:
    assert get(app, "/api/dts/navigation", down="1")[0] == 400
    assert get(app, "/api/dts/navigation", resource="frus-d1", down="1")[0] == 404


def test_navigation_id_is_the_request(app: DtsApp) -> None:
    _, answer = _nav(app, ref="p1")
    assert answer["@id"].startswith("http://") and "ref=p1" in answer["@id"]


# ------------------------------------------------------------------ document

def _doc(app: DtsApp, **params: str) -> tuple[int, dict[str, str], bytes]:
    return get(app, "/api/dts/document", **{"resource": DOC, **params})


def _fragment_valid(body: bytes) -> etree._Element:
    root = etree.fromstring(body)
    grammar = etree.RelaxNG(file=str(FRAGMENT_RNG))
    assert grammar.validate(root), grammar.error_log
    return root


def test_the_whole_document(app: DtsApp) -> None:
    status, headers, body = _doc(app)
    assert status == 200 and headers["Content-Type"].startswith("application/tei+xml")
    assert headers["Link"] == f'</api/dts/collection?id={DOC}>; rel="collection"'
    assert body == (TEI_DIR / f"{DOC}.xml").read_bytes()


def test_a_paragraph_by_ref(app: DtsApp) -> None:
    status, _, body = _doc(app, ref="p1")
    assert status == 200
    root = _fragment_valid(body)
    wrapper = root.find("dts:wrapper", NS)
    assert [etree.QName(c).localname for c in wrapper] == ["p"]
    assert wrapper[0].find("t:note", NS).get("n") == "1"
    assert "".join(wrapper.itertext()).startswith("724. I am inclined")


def test_a_note_by_ref(app: DtsApp) -> None:
    root = _fragment_valid(_doc(app, ref="head.fn0")[2])
    note = root.find("dts:wrapper/t:note", NS)
    assert note.get("type") == "source" and note.text.startswith("Source:")


def test_a_range(app: DtsApp) -> None:
    root = _fragment_valid(_doc(app, start="p4", end="p6")[2])
    pieces = root.find("dts:wrapper", NS)
    # p4, the page break between p4 and p5, p5, p6
    assert [etree.QName(c).localname for c in pieces] == ["p", "pb", "p", "p"]


def test_pages_start_inside_a_paragraph_and_lose_nothing(app: DtsApp) -> None:
    root = read_tei(TEI_DIR / f"{DOC}.xml")
    div = root.find("t:text/t:body/t:div", NS)
    first_break = div.find(".//t:pb", NS)
    expected = " ".join("".join(p.itertext()) for p in slice_between(div, first_break, None,
                                                                      include_stop=False))
    got = ""
    for page in ("722", "723"):
        status, _, body = _doc(app, tree="pages", ref=page)
        assert status == 200
        got += "".join(_fragment_valid(body).find("dts:wrapper", NS).itertext())
    assert got.split() == expected.split()  # every word, in order (white space between blocks)
    page_723 = _fragment_valid(_doc(app, tree="pages", ref="723")[2])
    opened = page_723.find("dts:wrapper", NS)[0]
    assert etree.QName(opened).localname == "p" and opened[0].get("n") == "723"


def test_every_passage_of_every_seed_is_valid(api: DtsApi) -> None:
    grammar = etree.RelaxNG(file=str(FRAGMENT_RNG))
    for resource in api.resources():
        for tree in citation_trees(read_tei(TEI_DIR / f"{resource}.xml")):
            for unit in tree.units:
                query = {"resource": resource, "ref": unit.identifier}
                if tree.identifier:
                    query["tree"] = tree.identifier
                root = etree.fromstring(api.document(query))
                assert grammar.validate(root), (resource, unit.identifier, grammar.error_log)


def test_the_fragment_grammar_can_fail() -> None:
    grammar = etree.RelaxNG(file=str(FRAGMENT_RNG))
    bad = etree.fromstring(f'<TEI xmlns="{T}"><dts:wrapper xmlns:dts="{DTS_NS}"><div/>'
                           f'</dts:wrapper></TEI>')
    assert not grammar.validate(bad)


@pytest.mark.parametrize(("params", "status"), [
    ({"ref": "p1", "start": "p1", "end": "p2"}, 400),
    ({"start": "p1"}, 400),
    ({"end": "p2"}, 400),
    ({"ref": "p99"}, 404),
    ({"ref": "722"}, 404),          # a page, asked of the default tree
    ({"ref": "p1", "tree": "x"}, 404),
    ({"mediaType": "text/html"}, 404),
])
def test_document_errors(app: DtsApp, params: dict, status: int) -> None:
    assert _doc(app, **params)[0] == status


def test_document_needs_a_known_resource(app: DtsApp) -> None:
    assert get(app, "/api/dts/document")[0] == 400
    assert get(app, "/api/dts/document", resource="nope")[0] == 404


def test_the_header_declares_the_same_trees(api: DtsApi) -> None:
    """Evaluating the refsDecl/citeStructure XPath gives the identifiers we serve."""
    for resource in api.resources():
        root = read_tei(TEI_DIR / f"{resource}.xml")
        doc = etree.ElementTree(root)
        served = [[u.identifier for u in t.units] for t in citation_trees(root)]
        declared = []
        for decl in root.iterfind(".//t:refsDecl", NS):
            ids: list[tuple[int, str]] = []
            for outer in decl.iterfind("t:citeStructure", NS):
                for node in _xpath(doc, outer.get("match")):
                    ident = str(_xpath(node, outer.get("use")))
                    ids.append((_order(doc, node), ident))
                    for inner in outer.iterfind("t:citeStructure", NS):
                        for child in _xpath(node, inner.get("match")):
                            ids.append((_order(doc, child), ident + inner.get("delim")
                                        + str(_xpath(child, inner.get("use")))))
            declared.append([i for _, i in sorted(ids)])
        assert declared == served, resource


def _xpath(context: etree._Element | etree._ElementTree, expression: str) -> object:
    # TEI's XPath takes the TEI namespace as the default: name it explicitly for lxml.
    import re
    names = r"(TEI|text|body|div|note|head|opener|p|list|closer|pb)\b(?![\w(:'-])"
    qualified = re.sub(r"(?<![@\w:'-])" + names, r"t:\1", expression)
    qualified = re.sub(r"::" + names, r"::t:\1", qualified)
    result = context.xpath(qualified, namespaces={"t": T})
    if isinstance(result, float):
        return int(result)
    if isinstance(result, list) and result and isinstance(result[0], str):
        return result[0]
    return result


def _order(doc: etree._ElementTree, node: etree._Element) -> int:
    return next(k for k, e in enumerate(doc.iter()) if e is node)


def test_a_range_of_pages_is_its_pages_together(app: DtsApp) -> None:
    words = []
    for page in ("722", "723"):
        body = _doc(app, tree="pages", ref=page)[2]
        words += "".join(_fragment_valid(body).find("dts:wrapper", NS).itertext()).split()
    both = _fragment_valid(_doc(app, tree="pages", start="722", end="723")[2])
    assert "".join(both.find("dts:wrapper", NS).itertext()).split() == words
    status, _, body = get(app, "/api/dts/navigation", resource=DOC, tree="pages",
                          start="722", end="723", down="0")
    assert status == 400  # down=0 with a range, as the table says


def test_static_and_served_answers_agree(api: DtsApi, static_dir: Path) -> None:
    """The same request, as a file and as a served answer, differs only in its URLs."""
    static = json.loads((static_dir / f"navigation/{DOC};tree=pages;down=1.json")
                        .read_text(encoding="utf-8"))
    served = api.navigation({"resource": DOC, "tree": "pages", "down": "1"})
    assert static["member"] == served["member"]
    assert static["resource"]["citationTrees"] == served["resource"]["citationTrees"]
    assert (static_dir / f"document/{DOC};tree=pages/723.xml").read_bytes() == \
        api.document({"resource": DOC, "tree": "pages", "ref": "723"})


def test_a_document_without_a_volume_sits_in_the_edition(tmp_path: Path) -> None:
    """A page converted without a catalog has no volume: it is a member of the root."""
    loose = REPO / "tests" / "fixtures" / "cite" / "no-catalog-bibl.xml"
    edition, paths = _edition()
    edition.append(facts_of(read_tei(loose), "frus-d352"))
    paths["frus-d352"] = loose
    api = DtsApi(edition, paths, UrlScheme("/api/dts"))
    root = api.collection(None)
    assert [m["@id"] for m in root["member"]][-1] == "frus-d352"
    assert root["totalChildren"] == 4
    parents = api.collection("frus-d352", "parents")
    assert [m["@id"] for m in parents["member"]] == ["teikit"]
    check_shape(parents)
    written = write_static(edition, paths, tmp_path)
    assert tmp_path / "collection" / "frus-d352.json" in written


def test_static_pages_of_a_long_collection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    import teikit.dts.api as module
    monkeypatch.setattr(module, "PAGE_SIZE", 1)
    edition, paths = _edition()
    write_static(edition, paths, tmp_path)
    second = json.loads((tmp_path / "collection" / "frus1952-54v14p1;page=2.json")
                        .read_text(encoding="utf-8"))
    check_shape(second)
    assert [m["@id"] for m in second["member"]] == ["frus1952-54v14p1-d183"]
    assert second["view"]["first"] == "/dts/collection/frus1952-54v14p1;page=1.json"
    assert (tmp_path / "collection;page=3.json").is_file()


def test_every_static_link_of_a_paged_answer_exists(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import teikit.dts.api as module
    monkeypatch.setattr(module, "PAGE_SIZE", 3)
    edition, paths = _edition()
    write_static(edition, paths, tmp_path)
    links = 0
    for path in tmp_path.rglob("*.json"):
        view = json.loads(path.read_text(encoding="utf-8")).get("view")
        for key in ("@id", "first", "previous", "next", "last") if view else ():
            assert (tmp_path / unquote(view[key][len("/dts/"):])).is_file(), view[key]
            links += 1
    assert links > 100


def test_teikit_validate_checks_the_static_tree(static_dir: Path, tmp_path: Path) -> None:
    from teikit.validation import validate_paths
    report = validate_paths([static_dir / "document"])
    assert len(report.files) > 100 and report.findings == []
    bad = tmp_path / "p1.xml"
    bad.write_text(f'<TEI xmlns="{T}"><dts:wrapper xmlns:dts="{DTS_NS}"><div/></dts:wrapper>'
                   f'</TEI>', encoding="utf-8")
    assert validate_paths([bad]).findings  # a passage is checked by the passage grammar


def test_static_answers_are_compact_json_with_sorted_keys(static_dir: Path) -> None:
    from teikit.dts.static import to_json
    assert to_json({"b": [1, {"d": "é", "c": None}], "a": 1}) == \
        '{"a":1,"b":[1,{"c":null,"d":"é"}]}\n'.encode()
    for path in sorted(static_dir.rglob("*.json"))[:50]:
        data = path.read_bytes()
        assert data == to_json(json.loads(data)), path.name  # one line, keys sorted
