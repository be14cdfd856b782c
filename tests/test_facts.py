"""The header facts read back from the committed seed TEI."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit.facts import facts_of

TEI_DIR = Path(__file__).resolve().parent.parent / "tei"


def test_facts_of_a_1958_60_seed() -> None:
    root = etree.parse(str(TEI_DIR / "frus1958-60v19-d352.xml")).getroot()
    facts = facts_of(root)
    assert facts.tei_id == "frus1958-60v19-d352"
    assert facts.volume.volume_id == "frus1958-60v19"
    assert facts.volume.volume_number == "Volume XIX"
    assert facts.volume.sub_series == "1958–1960"
    assert facts.volume.year == "1996"
    assert ("primary", "Harriet Dashiell Schwar") in facts.volume.editors
    assert facts.number == 352
    assert (facts.first_page, facts.last_page) == (721, 723)
    assert facts.date_when == "1960-09-10"
    assert facts.notes >= 1


def test_facts_sort_in_reading_order() -> None:
    roots = [etree.parse(str(p)).getroot() for p in sorted(TEI_DIR.glob("*.xml"))]
    ordered = sorted((facts_of(r) for r in roots), key=lambda f: f.sort_key)
    numbers = [(f.volume.volume_id, f.number) for f in ordered]
    assert numbers == sorted(numbers)


def test_facts_xml_groups_documents_by_volume_in_number_order() -> None:
    from teikit.facts import FACTS_NS, facts_xml

    roots = [etree.parse(str(p)).getroot() for p in sorted(TEI_DIR.glob("*.xml"))]
    tree = facts_xml([facts_of(r) for r in roots])
    ns = {"f": FACTS_NS}
    assert tree.xpath("f:volume/@id", namespaces=ns) == [
        "frus1952-54v08", "frus1952-54v14p1", "frus1958-60v19"]
    assert tree.xpath("f:volume[@id='frus1952-54v14p1']/f:doc/@n", namespaces=ns) == ["50", "183"]
    doc = tree.xpath("f:volume/f:doc[@id='frus1958-60v19-d352']", namespaces=ns)[0]
    assert (doc.get("from-page"), doc.get("to-page"), doc.get("when")) == ("721", "723",
                                                                          "1960-09-10")
    assert tree.xpath("f:volume[@id='frus1958-60v19']/f:title[@type='volume-number']/text()",
                      namespaces=ns) == ["Volume XIX"]
