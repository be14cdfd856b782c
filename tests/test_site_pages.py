"""The edition-wide pages (teikit.site): index, volume pages, search page, and the parameters
that place a document page in its edition (breadcrumb, previous/next, links between
documents). The pages are read back with lxml.html and checked for what a reader needs."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SEED_FILES, SEED_IDS, TEI_DIR
from lxml import html

from teikit.convert import ConvertOptions, convert_many
from teikit.facts import DocFacts, VolumeFacts, facts_of
from teikit.render import read_tei, render_document, render_paths
from teikit.site import document_params, place, site_params_for, write_site_pages

SITE_FIXTURES = REPO / "tests" / "fixtures" / "site"
LINKS_DOC = SITE_FIXTURES / "frus1961-63v05-d13.xml"


def seed_facts() -> list[DocFacts]:
    return [facts_of(read_tei(TEI_DIR / f"{tei_id}.xml")) for tei_id in SEED_IDS]


def page(path: Path) -> html.HtmlElement:
    return html.parse(str(path)).getroot()


def texts(root: html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in root.xpath(xpath)]


def test_the_index_lists_the_volumes_and_links_their_pages(tmp_path: Path) -> None:
    written = write_site_pages(seed_facts(), tmp_path)
    assert [p.name for p in written] == ["index.html", "search.html", "frus1952-54v08.html",
                                         "frus1952-54v14p1.html", "frus1958-60v19.html",
                                         "teikit-notes.js", "teikit-search.js"]
    index = page(tmp_path / "index.html")
    assert index.xpath("//ul[@class='volume-list']/li/a/@href") == [
        "frus1952-54v08.html", "frus1952-54v14p1.html", "frus1958-60v19.html"]
    assert texts(index, "//ul[@class='volume-list']/li/span") == [
        "1988 · 1 document", "1985 · 2 documents", "1996 · 2 documents"]
    assert texts(index, "//p[@class='edition-facts']") == ["5 documents in 3 volumes."]
    assert not index.xpath("//table")  # the documents are on the volume pages


def test_the_scripts_are_written_once_beside_the_pages_and_linked(tmp_path: Path) -> None:
    write_site_pages(seed_facts(), tmp_path)
    for name in ("teikit-notes.js", "teikit-search.js"):
        assert (tmp_path / name).read_bytes() == (REPO / "xslt" / name).read_bytes()
    search = page(tmp_path / "search.html")
    assert search.xpath("//script/@src") == ["teikit-search.js"]
    assert search.xpath("//script/@defer") == ["defer"]
    assert not [s for s in search.xpath("//script") if (s.text or "").strip()]  # no copy
    # Unchanged scripts are not written again (an incremental build keeps them).
    assert [p.name for p in write_site_pages(seed_facts(), tmp_path)
            if p.suffix == ".js"] == []
    assert all(p["notes-script-href"] == "teikit-notes.js"
               for p in site_params_for(seed_facts()).values())


def test_a_volume_page_lists_its_documents_in_number_order(tmp_path: Path) -> None:
    write_site_pages(seed_facts(), tmp_path)
    volume = page(tmp_path / "frus1952-54v14p1.html")
    assert texts(volume, "//h1") == [
        "Foreign Relations of the United States, 1952–1954. China and Japan, Volume XIV, Part 1"]
    rows = [texts(tr, "td") for tr in volume.xpath("//table/tbody/tr")]
    assert rows == [
        ["50", "National Intelligence Estimate", "", "97–103"],
        ["183", "Background Paper Prepared in the Department of State for the United States "
                "Delegation to the Geneva Conference", "", "401–407"]]
    facts = dict(zip(texts(volume, "//dl/dt"), texts(volume, "//dl/dd"), strict=True))
    assert facts["Editors"] == "David W. Mabon and Harriet D. Schwar"
    assert facts["General editor"] == "John P. Glennon"
    assert facts["Published"] == "Washington: United States Government Printing Office, 1985"
    assert texts(volume, "//nav[@aria-label='Breadcrumb']//li") == ["Volumes",
                                                                    "1952–1954, Volume XIV, Part 1"]


def test_links_to_other_forms_appear_only_when_the_files_are_there(tmp_path: Path) -> None:
    write_site_pages(seed_facts(), tmp_path)
    assert not page(tmp_path / "frus1958-60v19.html").xpath("//section[@class='formats']")
    for kind in ("epub", "volume-file", "corpus"):
        target = tmp_path / place(kind, volume="frus1958-60v19")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"x")
    write_site_pages(seed_facts(), tmp_path)
    volume = page(tmp_path / "frus1958-60v19.html")
    assert volume.xpath("//section[@class='formats']//a/@href") == [
        "epub/frus1958-60v19.epub", "volumes/frus1958-60v19.xml", "teikit-corpus.xml"]
    # The other volumes have no EPUB or volume file yet: no link to them.
    assert page(tmp_path / "frus1952-54v08.html").xpath(
        "//section[@class='formats']//a/@href") == ["teikit-corpus.xml"]


def test_volumes_without_a_description_are_named_from_their_id(tmp_path: Path) -> None:
    doc = facts_of(read_tei(LINKS_DOC))
    odd = DocFacts("my-own-d1", VolumeFacts("my-own"), 1, "A document of another project")
    write_site_pages([doc, odd], tmp_path)
    index = page(tmp_path / "index.html")
    assert texts(index, "//ul[@class='volume-list']/li/a") == [
        "Foreign Relations of the United States, 1961–1963, Volume V", "my-own"]
    assert texts(page(tmp_path / "frus1961-63v05.html"), "//dl/dd")[:2] == [
        "Foreign Relations of the United States, 1961–1963", "Volume V"]


@pytest.mark.parametrize(("volume_id", "expected"), [
    ("frus1952-54v14p1", "Foreign Relations of the United States, 1952–1954, Volume XIV, Part 1"),
    ("frus1969-76ve05p1", "Foreign Relations of the United States, 1969–1976, Volume E–5, Part 1"),
    ("frus1946v01", "Foreign Relations of the United States, 1946, Volume I"),
    ("frus1917Supp01", "frus1917Supp01"),
])
def test_the_name_made_from_an_id(tmp_path: Path, volume_id: str, expected: str) -> None:
    write_site_pages([DocFacts(f"{volume_id}-d1", VolumeFacts(volume_id), 1, "T")], tmp_path)
    assert texts(page(tmp_path / "index.html"), "//ul[@class='volume-list']/li/a") == [expected]


def test_documents_without_a_volume_are_listed_under_their_own_heading(tmp_path: Path) -> None:
    # Converted without a catalog: the TEI names no volume (issue 9, "No catalog, no site").
    source = tmp_path / "in"
    source.mkdir()
    for seed in SEED_FILES[:2]:
        shutil.copy(seed, source / seed.name)
    batch = convert_many(sorted(source.glob("*.txt")), options=ConvertOptions(catalog=None),
                         output_dir=tmp_path / "tei")
    assert not batch.errors
    report = render_paths([tmp_path / "tei"], "html", tmp_path / "site")
    assert report.ok, report.errors
    index = page(tmp_path / "site" / "index.html")
    assert texts(index, "//h2") == ["Documents without a volume"]
    assert len(index.xpath("//table//a")) == 2
    edition = [facts_of(read_tei(p)) for p in sorted((tmp_path / "tei").glob("*.xml"))]
    written = write_site_pages(edition, tmp_path / "site")
    assert [p.name for p in written] == ["index.html", "search.html", "teikit-notes.js",
                                         "teikit-search.js"]
    index = page(tmp_path / "site" / "index.html")
    assert texts(index, "//p[@class='edition-facts']") == [
        "2 documents, none of them in a described volume."]
    assert sorted(index.xpath("//table//a/@href")) == sorted(f"{d.tei_id}.html" for d in edition)


def test_document_params_place_a_page_in_its_volume() -> None:
    edition = seed_facts()
    by_id = {d.tei_id: d for d in edition}
    first = document_params(by_id["frus1952-54v14p1-d50"], edition)
    last = document_params(by_id["frus1952-54v14p1-d183"], edition)
    alone = document_params(by_id["frus1952-54v08-d632"], edition)
    assert (first["prev-href"], first["next-href"]) == ("", "frus1952-54v14p1-d183.html")
    assert first["next-label"].startswith("Document 183: Background Paper")
    assert (last["prev-href"], last["next-href"]) == ("frus1952-54v14p1-d50.html", "")
    assert (alone["prev-href"], alone["next-href"]) == ("", "")
    assert first["volume-href"] == "frus1952-54v14p1.html"
    assert first["volume-label"] == "Volume XIV, Part 1"
    assert first["document-links"] == ("50=frus1952-54v14p1-d50.html "
                                       "183=frus1952-54v14p1-d183.html")
    assert first["text-href"] == "text/frus1952-54v14p1-d50.text.txt"
    assert first["page-text-href"] == "page-text/frus1952-54v14p1-d50.page.txt"
    assert site_params_for(edition) == {d.tei_id: document_params(d, edition) for d in edition}
    # One string per volume, shared by its pages: the parameters grow linearly with the
    # edition, not with the square of a volume's size.
    every = site_params_for(edition)
    assert (every["frus1952-54v14p1-d50"]["document-links"]
            is every["frus1952-54v14p1-d183"]["document-links"])


def test_a_document_without_a_volume_has_no_neighbours() -> None:
    loose = [DocFacts(f"frus-d{n}", VolumeFacts(None), n, f"Doc {n}") for n in (1, 2)]
    params = document_params(loose[0], loose)
    assert params["prev-href"] == params["next-href"] == params["volume-href"] == ""
    assert params["document-links"] == ""


def _links_page(present: tuple[int, ...]) -> html.HtmlElement:
    doc = facts_of(read_tei(LINKS_DOC))
    siblings = [dataclasses.replace(doc, tei_id=f"frus1961-63v05-d{n}", number=n)
                for n in present]
    params = document_params(doc, [doc, *siblings])
    return html.fromstring(render_document(read_tei(LINKS_DOC), "html", params))


def test_references_to_documents_in_the_edition_become_links() -> None:
    root = _links_page((10, 12))
    assert [(a.text, a.get("href")) for a in root.xpath("//a[@class='docref']")] == [
        ("12", "frus1961-63v05-d12.html"), ("10", "frus1961-63v05-d10.html"),
        ("10", "frus1961-63v05-d10.html"), ("12", "frus1961-63v05-d12.html"),
        ("10", "frus1961-63v05-d10.html")]
    text = " ".join(root.xpath("//section[@id='text']")[0].text_content().split())
    # The words are unchanged: 14 and 999 (not in the edition) stay text.
    assert "where Documents 10–14 left it." in text
    assert "raised in Documents 10, 12, and 14, would wait." in text
    notes = " ".join(root.xpath("//section[@id='notes']")[0].text_content().split())
    assert "See Document 10 for the first proposal; Document 999 is not in this edition." \
        in notes


def test_without_the_targets_nothing_is_linked() -> None:
    assert _links_page(()).xpath("//a[@class='docref']") == []


def test_the_page_shows_breadcrumb_neighbours_and_every_format() -> None:
    root = _links_page((12, 14))
    assert texts(root, "//nav[@aria-label='Breadcrumb']//li") == [
        "Volumes", "1961–1963, Volume V", "Document 13"]
    assert root.xpath("//nav[@class='pager']//a/@href") == ["frus1961-63v05-d12.html",
                                                           "frus1961-63v05-d14.html"]
    assert root.xpath("//nav[@class='pager']//a/@rel") == ["prev", "next"]
    assert root.xpath("//ul[@class='downloads']//a/@href") == [
        "frus1961-63v05-d13.bib", "frus1961-63v05-d13.ris", "frus1961-63v05-d13.json",
        "frus1961-63v05-d13.xml", "frus1961-63v05-d13.txt", "text/frus1961-63v05-d13.text.txt",
        "page-text/frus1961-63v05-d13.page.txt"]
    article = root.xpath("//article")[0]
    assert article.get("data-pagefind-filter") == "volume[data-volume], year[data-year]"
    assert (article.get("data-year"), article.get("data-volumeid")) == ("1962", "frus1961-63v05")


def test_symbol_notes_keep_their_symbols_in_both_outputs() -> None:
    root = read_tei(LINKS_DOC)
    page_html = html.fromstring(render_document(root, "html"))
    assert page_html.xpath("//sup[@class='fnref']/a/text()") == ["0", "1", "*"]
    text = render_document(root, "text")
    assert "would wait.[*]" in text and "\n[*] A symbol note about the granary." in text


def test_the_pages_are_the_same_run_after_run(tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in write_site_pages(seed_facts(), tmp_path / "a")}
    again = {p.name: p.read_bytes() for p in write_site_pages(seed_facts()[::-1], tmp_path / "b")}
    assert first == again


SITE_GOLDEN = REPO / "tests" / "golden" / "site"


def test_the_pages_match_their_golden_files(tmp_path: Path, update_golden: bool) -> None:
    # Written by the code (pytest --update-golden), reviewed by a person.
    for written in write_site_pages(seed_facts(), tmp_path):
        golden = SITE_GOLDEN / written.name
        if update_golden:
            SITE_GOLDEN.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(written.read_bytes())
            continue
        assert golden.is_file(), f"{golden} is missing; run pytest with --update-golden"
        assert written.read_bytes() == golden.read_bytes(), (
            f"{written.name} differs from {golden}; if intended, rerun with --update-golden "
            "and review the diff")


def test_a_page_never_links_its_own_number(tmp_path: Path) -> None:
    """The volume's one list of documents names the page itself too; html.xsl skips it."""
    own = tmp_path / "frus1961-63v05-d13.xml"
    own.write_text(LINKS_DOC.read_text(encoding="utf-8").replace("Document 12)", "Document 13)"),
                   encoding="utf-8")
    links = "12=frus1961-63v05-d12.html 13=frus1961-63v05-d13.html"
    root = html.fromstring(render_document(read_tei(own), "html", {"document-links": links}))
    hrefs = root.xpath("//a[@class='docref']/@href")
    assert "frus1961-63v05-d12.html" in hrefs or "Document 12" not in own.read_text("utf-8")
    assert "frus1961-63v05-d13.html" not in hrefs
    assert "Document 13)" in " ".join(root.text_content().split())
