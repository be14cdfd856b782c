"""EPUB 3 books per volume (teikit.epub): valid under epubcheck, notes as EPUB footnotes,
a page-list from the page breaks, the same bytes from the same TEI.

epubcheck is Debian's package (scripts/install-tools.sh); without it these checks skip, and
fail when TEIKIT_REQUIRE_TOOLS=1 (as in CI)."""

from __future__ import annotations

import copy
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import NS, REPO, SEED_IDS, TEI_DIR, require_tool
from lxml import etree

from teikit.epub import EpubError, write_volume_epubs
from teikit.facts import DocFacts, VolumeFacts, facts_of
from teikit.render import read_tei

OPS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
       "opf": "http://www.idpf.org/2007/opf"}
VOLUMES = ("frus1952-54v08", "frus1952-54v14p1", "frus1958-60v19")
SITE_FIXTURE = REPO / "tests" / "fixtures" / "site" / "frus1961-63v05-d13.xml"


def _edition() -> tuple[list[DocFacts], dict[str, Path]]:
    paths = {tei_id: TEI_DIR / f"{tei_id}.xml" for tei_id in SEED_IDS}
    return [facts_of(read_tei(p)) for p in paths.values()], paths


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("epub")
    edition, paths = _edition()
    return {p.stem: p for p in write_volume_epubs(edition, paths, out)}


def _epubcheck_command() -> list[str]:
    found = Path(require_tool("epubcheck")).resolve()
    if found.suffix == ".jar":  # Debian installs the jar itself as /usr/bin/epubcheck
        # (C1 only: epubcheck runs briefly, and a quick JIT halves its time)
        return [require_tool("java"), "-XX:TieredStopAtLevel=1", "-jar", str(found)]
    return [str(found)]


def _epubcheck(book: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_epubcheck_command(), str(book)], capture_output=True, text=True,
                          timeout=300, check=False)


def _xml(book: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(book) as archive:
        return etree.fromstring(archive.read(name))


def test_one_book_per_volume(books: dict[str, Path]) -> None:
    assert sorted(books) == list(VOLUMES)
    assert all(p.parent.name == "epub" for p in books.values())


@pytest.mark.parametrize("volume", VOLUMES)
def test_epubcheck_finds_nothing(books: dict[str, Path], volume: str) -> None:
    run = _epubcheck(books[volume])
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 fatals / 0 errors / 0 warnings" in run.stdout + run.stderr


def test_epubcheck_catches_a_broken_book(books: dict[str, Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(books["frus1958-60v19"]) as good, zipfile.ZipFile(broken, "w") as bad:
        for info in good.infolist():
            data = good.read(info)
            if info.filename == "OEBPS/nav.xhtml":
                data = data.replace(b"#pg_722", b"#no-such-page")
            bad.writestr(info, data)
    run = _epubcheck(broken)
    assert run.returncode != 0
    assert "RSC-012" in run.stdout + run.stderr  # a fragment that is not defined


def test_the_archive_starts_with_the_stored_mimetype(books: dict[str, Path]) -> None:
    with zipfile.ZipFile(books["frus1952-54v14p1"]) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read(first) == b"application/epub+zip"
        names = archive.namelist()
    assert names[1:3] == ["META-INF/container.xml", "OEBPS/title.xhtml"]
    # the chapters as they are made, the package and navigation (listing them) last
    assert names[-4:] == ["OEBPS/frus1952-54v14p1-d50.xhtml", "OEBPS/frus1952-54v14p1-d183.xhtml",
                          "OEBPS/content.opf", "OEBPS/nav.xhtml"]
    spine = _xml(books["frus1952-54v14p1"], "OEBPS/content.opf").xpath(
        "//opf:itemref/@idref", namespaces=OPS)
    assert spine == ["title", "nav", "doc1", "doc2"]  # documents in number order: 50, 183


@pytest.mark.parametrize("volume", VOLUMES)
def test_notes_are_epub_footnotes_and_pages_are_listed(books: dict[str, Path],
                                                       volume: str) -> None:
    edition, paths = _edition()
    docs = [d for d in edition if d.volume.volume_id == volume]
    nav = _xml(books[volume], "OEBPS/nav.xhtml")
    page_list = nav.xpath("//x:nav[@epub:type='page-list']//x:a", namespaces=OPS)
    expected_pages: list[str] = []
    for doc in sorted(docs, key=lambda d: d.sort_key):
        tei = etree.parse(str(paths[doc.tei_id]))
        notes = tei.xpath("//tei:text//tei:note[not(@rend = 'inline')]", namespaces=NS)
        chapter = _xml(books[volume], f"OEBPS/{doc.tei_id}.xhtml")
        asides = chapter.xpath("//x:aside[@epub:type='footnote']", namespaces=OPS)
        refs = chapter.xpath("//x:a[@epub:type='noteref']", namespaces=OPS)
        assert [a.get("id") for a in asides] == [n.get("{http://www.w3.org/XML/1998/namespace}id")
                                                for n in notes]
        assert [r.get("href") for r in refs] == [f"#{a.get('id')}" for a in asides]
        assert [r.text for r in refs] == [n.get("n") for n in notes]  # symbols kept
        breaks_n = tei.xpath("//tei:text//tei:pb/@n", namespaces=NS)
        expected_pages += [str(doc.first_page), *breaks_n]
        breaks = chapter.xpath("//*[@epub:type='pagebreak']/@id", namespaces=OPS)
        assert breaks == ["page-start", *tei.xpath("//tei:text//tei:pb/@xml:id", namespaces=NS)]
    assert [a.text for a in page_list] == expected_pages
    toc = nav.xpath("//x:nav[@epub:type='toc']//x:a/@href", namespaces=OPS)
    assert toc == ["title.xhtml", *(f"{d.tei_id}.xhtml" for d in
                                    sorted(docs, key=lambda d: d.sort_key))]


def test_the_same_tei_gives_the_same_bytes(books: dict[str, Path], tmp_path: Path) -> None:
    edition, paths = _edition()
    again = write_volume_epubs(edition[::-1], paths, tmp_path)
    for book in again:
        assert book.read_bytes() == books[book.stem].read_bytes(), book.name


def test_source_date_epoch_sets_the_modified_date(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    edition, paths = _edition()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    book = write_volume_epubs(edition, paths, tmp_path)[0]
    modified = _xml(book, "OEBPS/content.opf").xpath(
        "//opf:meta[@property='dcterms:modified']/text()", namespaces=OPS)
    assert modified == ["2023-11-14T22:13:20Z"]
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"


def test_documents_without_a_volume_make_no_book(tmp_path: Path) -> None:
    loose = DocFacts("frus-d1", VolumeFacts(None), 1, "A document")
    assert write_volume_epubs([loose], {}, tmp_path) == []
    assert not (tmp_path / "epub").exists()


def test_a_bad_document_costs_its_volume_only(tmp_path: Path) -> None:
    edition, paths = _edition()
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><unclosed></TEI>",
                      encoding="utf-8")
    paths = {**paths, "frus1952-54v08-d632": broken}
    stale = tmp_path / "out" / "epub" / "frus1952-54v08.epub"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an older book")
    with pytest.raises(EpubError, match=r"EPUB not written for frus1952-54v08: .*broken\.xml"
                       ) as caught:
        write_volume_epubs(edition, paths, tmp_path / "out")
    assert sorted(p.stem for p in caught.value.written) == ["frus1952-54v14p1", "frus1958-60v19"]
    assert not stale.exists()


def _undescribed_volume(folder: Path) -> dict[str, Path]:
    """Documents 10, 12 and 13 of a volume known only by its id (tests/fixtures/site)."""
    source = etree.parse(str(SITE_FIXTURE))
    paths = {}
    for number in (10, 12, 13):
        root = copy.deepcopy(source.getroot())
        tei_id = f"frus1961-63v05-d{number}"
        root.set("{http://www.w3.org/XML/1998/namespace}id", tei_id)
        root.xpath("//tei:biblScope[@unit='document']", namespaces=NS)[0].set("n", str(number))
        root.xpath("//tei:div[@type='document']", namespaces=NS)[0].set("n", str(number))
        paths[tei_id] = folder / f"{tei_id}.xml"
        paths[tei_id].write_bytes(etree.tostring(root, encoding="utf-8"))
    return paths


def test_a_volume_without_a_catalog_entry_links_its_documents(tmp_path: Path) -> None:
    paths = _undescribed_volume(tmp_path)
    edition = [facts_of(read_tei(p)) for p in paths.values()]
    book = write_volume_epubs(edition, paths, tmp_path / "out")[0]
    title = _xml(book, "OEBPS/content.opf").xpath("//*[local-name()='title']/text()")
    assert title == ["Foreign Relations of the United States, 1961–1963, Volume V"]
    chapter = _xml(book, "OEBPS/frus1961-63v05-d13.xhtml")
    links = chapter.xpath("//x:a[@class='docref']/@href", namespaces=OPS)
    assert links == ["frus1961-63v05-d12.xhtml", "frus1961-63v05-d10.xhtml",
                     "frus1961-63v05-d10.xhtml", "frus1961-63v05-d12.xhtml",
                     "frus1961-63v05-d10.xhtml"]
    run = _epubcheck(book)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_chapter_file_serves_only_the_book_it_was_made_for(tmp_path: Path) -> None:
    """A build's workers leave each chapter with a digest of its book's links; a chapter
    made for other links (the volume gained a document) or a broken file is made again."""
    from teikit.epub import Chapter, chapter_from_folder

    chapter = Chapter(b"<html/>", (("pg_1", "1"), ("pg_2", "2")))
    (tmp_path / "a.xhtml").write_bytes(chapter.to_bytes("1=a.xhtml"))
    (tmp_path / "b.xhtml").write_bytes(b"not a chapter")
    made: list[str] = []

    def fallback(doc: DocFacts, links: str) -> Chapter:
        made.append(doc.tei_id)
        return Chapter(b"<made/>", ())

    take = chapter_from_folder(tmp_path, fallback)
    doc = {i: DocFacts(i, VolumeFacts("v"), 1, "t") for i in ("a", "b", "c")}
    assert take(doc["a"], "1=a.xhtml") == chapter
    assert take(doc["a"], "1=a.xhtml 2=b.xhtml").xhtml == b"<made/>"
    assert take(doc["b"], "").xhtml == b"<made/>" and take(doc["c"], "").xhtml == b"<made/>"
    assert made == ["a", "b", "c"]
