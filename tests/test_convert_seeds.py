"""The converter on the five seeds: notes, anchors, page breaks, heads, blocks."""

from __future__ import annotations

import re

import pytest
from conftest import NS, SEEDS
from lxml import etree

from teikit.convert import ConvertOptions, convert_file


def convert(name: str) -> etree._Element:
    result = convert_file(SEEDS / name, ConvertOptions(strict=True))
    return result.root


def words_before(note: etree._Element, count: int = 3) -> str:
    """The last ``count`` words of the text before a note, within its block."""
    block = note.getparent()
    while block.tag.split("}")[1] not in ("p", "head", "item", "label", "signed"):
        block = block.getparent()
    parts: list[str] = []

    def walk(node: etree._Element) -> bool:
        if node is note:
            return True
        parts.append(node.text or "") if node.tag.split("}")[1] != "note" else None
        for child in node:
            if walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(block)
    return " ".join(" ".join(parts).split()[-count:])


# (seed, expected notes as (n, the words just before the anchor)), read off the inputs.
EXPECTED_NOTES = {
    "000_3a03024524f4be47.txt": [
        ("0", "to the Department of State"), ("1", "with Consul General Hong Kong")],
    "001_b54f6a50260e29b6.txt": [("0", "to Secretary of State Herter")],
    "002_11cede1fee2d3256.txt": [
        ("1", "All Diplomatic and Consular Missions"), ("2", "communiqués of October 12, 1954")],
    "003_8f7d7aedf1f7adb1.txt": [("1", "Delegation to the Geneva Conference")],
    "004_efc3eea73d70863d.txt": [
        ("1", "No. 50 National Intelligence Estimate"),
        ("2", "probable future courses"),
        ("*", "the period of this estimate."),
        ("†", "between the two states."),
        ("‡", "According to the Sino-Soviet agreements,"),
        ("3", "terminated in 1952;"),
        ("§", "period of this estimated."),
    ],
}

EXPECTED_PAGES = {
    "000_3a03024524f4be47.txt": [("722", "between"), ("723", "Soviets undoubtedly")],
    "001_b54f6a50260e29b6.txt": [("594", "rebuffed an urgent")],
    "002_11cede1fee2d3256.txt": [("1262", "the current Communist"),
                                 ("1263", "habitually employed by")],
    "003_8f7d7aedf1f7adb1.txt": [("402", "between"), ("403", "regime at"),
                                 ("404", "it can"), ("405", "frictions up"),
                                 ("406", "Chinese Communist desire"), ("407", "either by China")],
    "004_efc3eea73d70863d.txt": [("98", "extend its control"), ("99", "between"),
                                 ("100", "more severe Western"), ("101", "For geographic reasons,"),
                                 ("102", "use Communist China to"),
                                 ("103", "Far Eastern “liberation”")],
}

EXPECTED_HEADS = {
    "000_3a03024524f4be47.txt":
        "352. Telegram From the Embassy in the Soviet Union to the Department of State",
    "001_b54f6a50260e29b6.txt": "300. Memorandum From the Director of the Bureau of "
        "Intelligence and Research (Cumming) to Secretary of State Herter",
    "002_11cede1fee2d3256.txt":
        "No. 632|The Secretary of State to All Diplomatic and Consular Missions",
    "003_8f7d7aedf1f7adb1.txt": "No. 183|Background Paper Prepared in the Department of State "
        "for the United States Delegation to the Geneva Conference",
    "004_efc3eea73d70863d.txt": "No. 50|National Intelligence|Estimate",
}


def head_text(div: etree._Element) -> str:
    head = div.find("tei:head", NS)
    parts = [head.text or ""]
    for child in head:
        if child.tag.endswith("lb"):
            parts.append("|")
        parts.append(child.tail or "")
    return "".join(parts)


@pytest.mark.parametrize("seed", sorted(EXPECTED_NOTES))
def test_notes_have_the_marker_as_n_and_sit_at_their_anchor(seed: str) -> None:
    root = convert(seed)
    notes = root.findall(".//tei:div[@type='document']//tei:note[@n]", NS)
    found = [(n.get("n"), words_before(n, len(anchor.split())))
             for n, (_, anchor) in zip(notes, EXPECTED_NOTES[seed], strict=False)]
    assert found == EXPECTED_NOTES[seed]
    assert len(notes) == len(EXPECTED_NOTES[seed])


@pytest.mark.parametrize("seed", sorted(EXPECTED_PAGES))
def test_page_markers_become_pb_at_their_place(seed: str) -> None:
    root = convert(seed)
    div = root.find(".//tei:div[@type='document']", NS)
    found = []
    for pb in div.iter(f"{{{NS['tei']}}}pb"):
        parent = pb.getparent()
        if parent is div:
            found.append((pb.get("n"), "between"))
        else:
            before = (pb.getprevious().tail if pb.getprevious() is not None else parent.text)
            words = " ".join((before or "").split()[-5:])
            expected = dict(EXPECTED_PAGES[seed])[pb.get("n")]
            found.append((pb.get("n"), " ".join(words.split()[-len(expected.split()):])))
        assert pb.get("{http://www.w3.org/XML/1998/namespace}id") == f"pg_{pb.get('n')}"
    assert found == EXPECTED_PAGES[seed]


@pytest.mark.parametrize("seed", sorted(EXPECTED_HEADS))
def test_head_holds_number_and_title(seed: str) -> None:
    root = convert(seed)
    div = root.find(".//tei:div[@type='document']", NS)
    assert len(div.findall("tei:head", NS)) == 1
    assert head_text(div) == EXPECTED_HEADS[seed]


def test_modern_source_note_is_last_child_of_head() -> None:
    div = convert("000_3a03024524f4be47.txt").find(".//tei:div", NS)
    head = div.find("tei:head", NS)
    last = head[-1]
    assert last.tag == f"{{{NS['tei']}}}note"
    assert (last.get("n"), last.get("type")) == ("0", "source")
    assert last.text.startswith("Source: Department of State, Central Files")
    assert not (last.tail or "").strip()


def test_older_layout_opening_matter() -> None:
    div = convert("002_11cede1fee2d3256.txt").find(".//tei:div", NS)
    first = div[0]
    assert first.tag.endswith("note") and first.get("rend") == "inline"
    assert first.get("type") == "source" and first.text == "661.93/11–2354: Circular airgram"
    assert div[1].tag.endswith("head")
    seg = div.find("tei:p/tei:seg[@type='classification']", NS)
    assert seg.text == "confidential" and seg.get("rend") == "smallcaps"
    assert div.find("tei:p/tei:idno[@type='document-identifier']", NS).text == "CA–3400"
    subject = div.find("tei:list[@type='subject']", NS)
    assert subject.find("tei:head", NS).text == "Subject:"
    assert subject.find("tei:item", NS).text == \
        "Counteracting Possible Misinterpretation of Recent Sino-Soviet Accords"
    assert div.find("tei:closer/tei:signed", NS).text == "Dulles"


def test_subject_bullet_without_heading_is_a_subject_list() -> None:
    div = convert("001_b54f6a50260e29b6.txt").find(".//tei:div", NS)
    subject = div.find("tei:list[@type='subject']", NS)
    assert subject.find("tei:head", NS) is None
    assert subject.find("tei:item", NS).text == \
        "Intelligence Note: Recent Reports on Sino-Soviet Disagreements"


def test_numbered_paragraphs_keep_their_number_and_digits_are_not_notes() -> None:
    root = convert("004_efc3eea73d70863d.txt")
    paragraphs = ["".join(p.itertext()) for p in root.iterfind(".//tei:div/tei:p", NS)]
    assert any(p.startswith("16. In Sinkiang, Peiping has stationed 70,000 troops")
               for p in paragraphs)
    assert any(p.startswith("1. The Peiping regime") for p in paragraphs)


def test_headings_and_label_item_lists() -> None:
    div = convert("004_efc3eea73d70863d.txt").find(".//tei:div", NS)
    headings = div.findall("tei:p[@rend='sectiontitle']", NS)
    texts = ["".join(h.itertext(f"{{{NS['tei']}}}p", f"{{{NS['tei']}}}hi")) for h in headings]
    assert texts[:4] == [
        "Relations Between the Chinese Communist Regime and the USSR: their present "
        "character and probable future courses", "the problem", "conclusions", "discussion"]
    assert headings[1].find("tei:hi[@rend='smallcaps']", NS) is not None
    assert "Introduction" in texts and "Future Course of Sino-Soviet Relations" in texts
    lists = div.findall("tei:list", NS)
    assert [len(x.findall("tei:label", NS)) for x in lists] == [4, 5]
    assert [x.text for x in lists[0].findall("tei:label", NS)] == ["a.", "b.", "c.", "d."]
    assert lists[0].find("tei:item", NS).text.startswith("The cohesive force")


def test_symbol_note_ids_are_ncnames_and_unique() -> None:
    root = convert("004_efc3eea73d70863d.txt")
    ids = [n.get("{http://www.w3.org/XML/1998/namespace}id")
           for n in root.iterfind(".//tei:note[@n]", NS)]
    assert ids == ["d50fn1", "d50fn2", "d50fnast", "d50fndagger", "d50fnddagger", "d50fn3",
                   "d50fnsect"]
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids)


def test_lost_headings_are_not_invented() -> None:
    # Seed 003 lost two headings in the copy (double blank lines): nothing stands there.
    div = convert("003_8f7d7aedf1f7adb1.txt").find(".//tei:div", NS)
    children = [c for c in div if c.tag.endswith("p")]
    texts = ["".join(c.itertext()) for c in children]
    i = next(k for k, t in enumerate(texts) if t.startswith("15. "))
    assert texts[i + 1].startswith("16. ")
