"""Enclosures and postscripts printed after a despatch: how they read, render and validate.

The structure of each fixture is checked with the others in test_variants.py; this file
checks what is particular to enclosures: every line of the page is accounted for, the
grammar wants the covering division (TEI puts no division after a closer), and the HTML
and reading text show each enclosure under its label and title.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import NS, REPO, TEI_NS
from lxml import etree

from teikit.convert import ConvertOptions, convert_file
from teikit.reader.document import read_document
from teikit.render import render_document
from teikit.textsource import read_source
from teikit.validation import validate_paths

VARIANTS = REPO / "tests" / "fixtures" / "variants"
TWO_AND_PS = VARIANTS / "enclosures_postscript_1860s_b.txt"
MEMORANDUM = VARIANTS / "enclosure_memorandum_1930s_a.txt"
SEVERAL = [TWO_AND_PS, MEMORANDUM, VARIANTS / "nineteenth_century_despatch_b.txt"]


@pytest.mark.parametrize("path", SEVERAL, ids=lambda p: p.stem)
def test_every_line_is_used_once(path: Path) -> None:
    document, warnings = read_document(read_source(path))
    codes = {w.code for w in warnings}
    assert not codes & {"line-unused", "line-reused"}
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(n in document.lines for n in range(1, len(lines) + 1))
    assert "warned" not in document.lines.values()
    labels = [n for n, text in enumerate(lines, 1) if text.startswith("[")
              and "closure" in text]
    assert labels and all(document.lines[n] == "enclosure" for n in labels)


def test_blocks_of_an_enclosure_follow_its_marker() -> None:
    document, _ = read_document(read_source(TWO_AND_PS))
    kinds = [b.role for b in document.blocks]
    assert kinds.count("enclosure") == 2
    assert kinds.count("enclosure-head") == 2
    assert kinds.count("postscript") == 1
    assert kinds.count("closer") == 4  # the despatch, each enclosure, the postscript
    first = kinds.index("enclosure")
    assert "closer" in kinds[:first]  # the despatch's own signature stays its closer


def _written(path: Path) -> etree._Element:
    return convert_file(path, ConvertOptions()).root


def test_grammar_wants_the_covering_division(tmp_path: Path) -> None:
    """Written as it is, the TEI is valid; with the covering division unwrapped (a closer
    followed by a division, which tei_all refuses) the grammar refuses it too."""
    root = _written(TWO_AND_PS)
    good = tmp_path / "good.xml"
    good.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    assert validate_paths([good]).is_valid()
    broken = copy.deepcopy(root)
    covering = broken.find(".//tei:div[@type='covering']", NS)
    parent = covering.getparent()
    at = parent.index(covering)
    for k, child in enumerate(list(covering)):
        parent.insert(at + k, child)
    parent.remove(covering)
    bad = tmp_path / "bad.xml"
    bad.write_bytes(etree.tostring(broken, xml_declaration=True, encoding="utf-8"))
    assert not validate_paths([bad]).is_valid()


def test_html_shows_each_enclosure_under_its_label_and_title() -> None:
    html = etree.fromstring(render_document(_written(TWO_AND_PS), "html").encode("utf-8"),
                            etree.HTMLParser())
    sections = html.xpath("//section[@class='enclosure']")
    assert len(sections) == 2
    assert [s.xpath("string(p[@class='enclosure-label'])") for s in sections] == [
        "[Inclosure 1 in No. 143.]", "[Inclosure 2 in No. 143.]"]
    assert [s.xpath("string(h2[@class='enclosure-title'])") for s in sections] == [
        "Mr. Aldridge to the Count de Valbom.", "The Count de Valbom to Mr. Aldridge."]
    postscript = sections[0].xpath("div[@class='postscript']")
    assert len(postscript) == 1
    assert postscript[0].xpath("string(.//p[@class='signed'])") == "T. A."
    assert sections[1].xpath("string(.//div[@class='closer']//p[@class='signed'])") == \
        "Valbom."


def test_reading_text_keeps_the_enclosures_in_order() -> None:
    text = render_document(_written(MEMORANDUM), "text")
    order = ["Arthur Whitcombe", "* * *", "[Enclosure]",
             "Memorandum by the Minister in Norway (Whitcombe)", "Oslo, October 11, 1934.",
             "A. W."]
    places = [text.index(part) for part in order]
    assert places == sorted(places)


def test_enclosure_label_is_a_head_of_type_label() -> None:
    root = _written(MEMORANDUM)
    enclosure = root.find(".//tei:div[@type='enclosure']", NS)
    heads = enclosure.findall(f"{{{TEI_NS}}}head")
    assert [(h.get("type"), h.text) for h in heads] == [
        ("label", "[Enclosure]"), (None, "Memorandum by the Minister in Norway (Whitcombe)")]


def test_a_volume_file_keeps_the_enclosures_and_stays_valid(tmp_path: Path) -> None:
    """A volume file takes a document with enclosures as it is (frus-volume.rng shares the
    document's content model with teikit.rng)."""
    from teikit.facts import facts_of
    from teikit.render import read_tei
    from teikit.volumes import write_volume_files

    paths = {}
    for number, source in enumerate([TWO_AND_PS, MEMORANDUM], 1):
        conversion = convert_file(source, ConvertOptions(volume="frus1866", doc_number=number))
        path = tmp_path / f"{conversion.tei_id}.xml"
        path.write_bytes(conversion.to_bytes())
        paths[conversion.tei_id] = path
    edition = [facts_of(read_tei(p), i) for i, p in paths.items()]
    volumes = write_volume_files(edition, paths, tmp_path / "volumes")
    assert len(volumes) == 1
    root = etree.parse(str(volumes[0])).getroot()
    assert len(root.findall(".//tei:div[@type='enclosure']", NS)) == 3
    report = validate_paths(volumes)
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors == [], "\n".join(map(str, errors))


@pytest.mark.parametrize("path", SEVERAL, ids=lambda p: p.stem)
def test_the_dts_structure_tree_covers_every_word_of_a_despatch_with_enclosures(
    path: Path,
) -> None:
    """The covering division and each enclosure are units: no text falls outside the tree."""
    from teikit.dts.trees import citation_trees, document_div

    root = _written(path)
    units = citation_trees(root)[0].units
    top = {id(u.element) for u in units if u.level == 1}
    div = document_div(root)
    assert div is not None
    outside = [child for child in div if id(child) not in top
               and etree.QName(child).localname != "pb"]
    assert outside == []
    kinds = [u.cite_type for u in units if u.level == 1]
    assert "covering" in kinds and "enclosure" in kinds
