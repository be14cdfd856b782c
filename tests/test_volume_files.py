"""Volume files (teikit.volumes): the Office of the Historian's shape, valid, nothing lost.

They are made from tei/ (the seeds' TEI) into a temporary folder and checked against
schemas/frus-volume.rng and frus-volume.sch (through teikit validate's dispatch), jing, and
tei_all (which cannot know the two FRUS-namespace attributes: they are removed first, and a
check shows they are the only thing tei_all refuses). Each rule of frus-volume.sch is shown
failing on a mutation of a real volume file and passing on the file itself.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, SEED_IDS, TEI_DIR, require_tool
from lxml import etree
from test_validate_schemas import tei_all_path

from teikit.errors import InputError
from teikit.facts import facts_of
from teikit.teifile import read_tei
from teikit.validation import Validator, validate_paths
from teikit.volumes import FRUS_NS, date_span, document_div, mark_dateline_date, write_volume_files

T = "http://www.tei-c.org/ns/1.0"
NS = {"t": T, "frus": FRUS_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
VOLUME_RNG = REPO / "schemas" / "frus-volume.rng"


def _edition() -> tuple[list, dict[str, Path]]:
    paths = {i: TEI_DIR / f"{i}.xml" for i in SEED_IDS}
    return [facts_of(read_tei(p), i) for i, p in paths.items()], paths


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    edition, paths = _edition()
    return write_volume_files(edition, paths, tmp_path_factory.mktemp("volumes"))


def _root(volumes: list[Path], volume_id: str) -> etree._Element:
    return etree.parse(str(next(p for p in volumes if p.stem == volume_id))).getroot()


def test_one_file_per_volume_named_by_its_id(volumes: list[Path]) -> None:
    assert [p.name for p in volumes] == ["frus1952-54v08.xml", "frus1952-54v14p1.xml",
                                         "frus1958-60v19.xml"]
    for path in volumes:
        assert etree.parse(str(path)).getroot().get(XML_ID) == path.stem


def test_the_header_is_in_the_offices_shape(volumes: list[Path]) -> None:
    root = _root(volumes, "frus1958-60v19")
    stmt = root.find("t:teiHeader/t:fileDesc/t:titleStmt", NS)
    assert [(t.get("type"), t.text) for t in stmt.findall("t:title", NS)] == [
        ("complete", "Foreign Relations of the United States, 1958–1960, China, Volume XIX"),
        ("series", "Foreign Relations of the United States"), ("subseries", "1958–1960"),
        ("volumenumber", "Volume XIX"), ("volume", "China")]
    assert [(e.get("role"), e.text) for e in stmt.findall("t:editor", NS)] == [
        ("primary", "Harriet Dashiell Schwar"), ("general", "Glenn W. LaFantasie")]
    pub = root.find("t:teiHeader/t:fileDesc/t:publicationStmt", NS)
    assert [(etree.QName(c).localname, c.text) for c in pub] == [
        ("publisher", "United States Government Printing Office"), ("pubPlace", "Washington"),
        ("date", "1996"), ("idno", "frus1958-60v19")]
    assert pub.find("t:idno", NS).get("type") == "frus"
    assert root.find("t:teiHeader/t:fileDesc/t:sourceDesc/t:p", NS) is not None


def test_documents_in_number_order_with_n_and_id(volumes: list[Path]) -> None:
    root = _root(volumes, "frus1952-54v14p1")
    divs = root.findall("t:text/t:body/t:div", NS)
    assert [(d.get("type"), d.get("n"), d.get(XML_ID)) for d in divs] == [
        ("document", "50", "d50"), ("document", "183", "d183")]


@pytest.mark.parametrize("tei_id", SEED_IDS)
def test_nothing_lost_every_word_and_note_in_order(volumes: list[Path], tei_id: str) -> None:
    volume_id, number = tei_id.rsplit("-d", 1)
    original = read_tei(TEI_DIR / f"{tei_id}.xml").find("t:text/t:body/t:div", NS)
    copied = _root(volumes, volume_id).find(f"t:text/t:body/t:div[@n='{number}']", NS)
    assert "".join(copied.itertext()) == "".join(original.itertext())
    ids = [e.get(XML_ID) for e in copied.iter() if e.get(XML_ID)]
    assert ids == [e.get(XML_ID) for e in original.iter() if e.get(XML_ID)]
    assert all(i.startswith(f"d{number}fn") for i in ids if "fn" in i)


def test_dates_as_the_office_marks_them(volumes: list[Path]) -> None:
    d352 = _root(volumes, "frus1958-60v19").find("t:text/t:body/t:div[@n='352']", NS)
    assert d352.get(f"{{{FRUS_NS}}}doc-dateTime-min") == "1960-09-10T00:00:00-05:00"
    assert d352.get(f"{{{FRUS_NS}}}doc-dateTime-max") == "1960-09-10T23:59:59-05:00"
    # The date was read from the file number 661.93/9–1060: the div says so.
    assert d352.get("ana") == "#date_inferred-from-file-number"
    root = _root(volumes, "frus1958-60v19")
    assert root.xpath("//t:category/@xml:id", namespaces=NS) == ["date_inferred-from-file-number"]
    d300 = root.find("t:text/t:body/t:div[@n='300']", NS)
    assert d300.get(f"{{{FRUS_NS}}}doc-dateTime-min") is None  # no date given: none invented


@pytest.mark.parametrize(("when", "low", "high"), [
    ("1960-09-10", "1960-09-10T00:00:00-05:00", "1960-09-10T23:59:59-05:00"),
    ("1960-02", "1960-02-01T00:00:00-05:00", "1960-02-29T23:59:59-05:00"),
    ("1959-02", "1959-02-01T00:00:00-05:00", "1959-02-28T23:59:59-05:00"),
    ("1954", "1954-01-01T00:00:00-05:00", "1954-12-31T23:59:59-05:00"),
    ("1960-09-10T16:00:00", "1960-09-10T16:00:00-05:00", "1960-09-10T16:00:00-05:00"),
    ("1960-09-10T16:00", "1960-09-10T16:00:00-05:00", "1960-09-10T16:00:00-05:00"),
    ("1945-05-08T09:00:00+01:00", "1945-05-08T09:00:00+01:00", "1945-05-08T09:00:00+01:00"),
])
def test_date_spans(when: str, low: str, high: str) -> None:
    span = date_span(when)
    assert span is not None and (span.minimum, span.maximum) == (low, high)


@pytest.mark.parametrize("when", ["1960-13", "1959-02-29", "September 1960", ""])
def test_no_span_for_what_is_no_date(when: str) -> None:
    assert date_span(when) is None


def _dated_document(dateline: str, when: str, cert: str) -> etree._Element:
    xml = (f'<TEI xmlns="{T}"><teiHeader><profileDesc><creation><date when="{when}" '
           f'cert="{cert}">x</date></creation></profileDesc></teiHeader><text><body>'
           f'<div type="document" n="7" xml:id="d7"><head>7. Telegram</head><opener>'
           f'<dateline>{dateline}</dateline></opener><p>Text.</p></div></body></text></TEI>')
    return etree.fromstring(xml)


def test_a_dateline_gets_its_date_marked() -> None:
    root = _dated_document("Washington, November 12, 1955, 1:03 p.m.", "1955-11-12", "high")
    div = document_div(root)
    date = div.find("t:opener/t:dateline/t:date", NS)
    assert date is not None and date.get("when") == "1955-11-12"
    assert date.text == "November 12, 1955"
    assert "".join(div.find("t:opener/t:dateline", NS).itertext()) == \
        "Washington, November 12, 1955, 1:03 p.m."
    assert div.get("ana") is None  # read from the dateline: no inference to declare
    assert div.get(f"{{{FRUS_NS}}}doc-dateTime-min") == "1955-11-12T00:00:00-05:00"


def test_a_dateline_of_another_year_is_left_alone() -> None:
    div = etree.fromstring(f'<div xmlns="{T}"><opener><dateline>London, 27 June, 1942.'
                           f'</dateline></opener></div>')
    assert not mark_dateline_date(div, "1943-06-27")
    assert mark_dateline_date(div, "1942-06-27")
    assert div.find("t:opener/t:dateline/t:date", NS).text == "27 June, 1942"


def test_valid_against_the_volume_grammar_and_rules(volumes: list[Path]) -> None:
    report = validate_paths(volumes)
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors == [], "\n".join(map(str, errors))
    assert {f.rule for f in report.findings} == {"vol-doc-consecutive"}
    # The per-document grammar would refuse a volume: the dispatch chose the volume schema.
    plain = Validator(REPO / "schemas" / "teikit.rng", rules=False).validate_file(volumes[0])
    assert plain.findings


def test_jing_accepts_them_against_frus_volume_rng(volumes: list[Path]) -> None:
    jing = require_tool("jing")
    result = subprocess.run([jing, str(VOLUME_RNG), *map(str, volumes)], capture_output=True,
                            text=True, check=False, timeout=300)
    errors = [e for e in (result.stdout + result.stderr).splitlines() if "[warning]" not in e]
    assert result.returncode == 0 and not errors, errors


def test_valid_against_tei_all_but_for_the_frus_attributes(volumes: list[Path],
                                                           tmp_path: Path) -> None:
    jing = require_tool("jing")
    tei_all = tei_all_path()
    stripped = []
    for path in volumes:
        root = etree.parse(str(path)).getroot()
        for element in root.iter():
            for name in [n for n in element.attrib if n.startswith(f"{{{FRUS_NS}}}")]:
                del element.attrib[name]
        target = tmp_path / path.name
        target.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
        stripped.append(target)
    result = subprocess.run([jing, str(tei_all), *map(str, stripped + volumes)],
                            capture_output=True, text=True, check=False, timeout=600)
    errors = [e for e in (result.stdout + result.stderr).splitlines() if "[warning]" not in e]
    assert errors, "tei_all should refuse the FRUS attributes of the unstripped files"
    assert all(str(tmp_path) not in e for e in errors), errors
    assert all("frus:doc-dateTime" in e for e in errors), errors


def test_the_same_bytes_every_run(tmp_path: Path) -> None:
    edition, paths = _edition()
    first = [p.read_bytes() for p in write_volume_files(edition, paths, tmp_path / "a")]
    second = [p.read_bytes() for p in write_volume_files(edition[::-1], paths, tmp_path / "b")]
    assert first == second


def test_an_unchanged_volume_file_is_not_rewritten(tmp_path: Path) -> None:
    edition, paths = _edition()
    first = write_volume_files(edition, paths, tmp_path)
    assert len(first) == 3
    first[0].write_bytes(b"<TEI/>")  # no longer what the edition makes
    stamps = {p: p.stat().st_mtime_ns for p in first[1:]}
    assert write_volume_files(edition, paths, tmp_path) == [first[0]]
    assert all(p.stat().st_mtime_ns == stamps[p] for p in first[1:])
    assert first[0].read_bytes().startswith(b"<?xml")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_missing_document_leaves_no_file(tmp_path: Path) -> None:
    edition, paths = _edition()
    paths = {**paths, "frus1958-60v19-d352": tmp_path / "gone.xml"}
    with pytest.raises(InputError) as caught:
        write_volume_files(edition, paths, tmp_path / "out")
    assert "gone.xml" in str(caught.value)
    assert not (tmp_path / "out" / "frus1958-60v19.xml").exists()
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")] == []


# ------------------------------------------------------------------ the rules, one by one

Mutation = Callable[[etree._Element], None]


def _div(root: etree._Element, n: str) -> etree._Element:
    return root.find(f"t:text/t:body/t:div[@n='{n}']", NS)


def _swap(root: etree._Element) -> None:
    body = root.find("t:text/t:body", NS)
    first = body[0]
    body.remove(first)
    body.append(first)


def _renumber(root: etree._Element) -> None:
    _div(root, "352").set("n", "301")
    _div(root, "301").set(XML_ID, "d301")


def _one_date(root: etree._Element) -> None:
    del _div(root, "352").attrib[f"{{{FRUS_NS}}}doc-dateTime-max"]


def _backwards(root: etree._Element) -> None:
    _div(root, "352").set(f"{{{FRUS_NS}}}doc-dateTime-min", "1960-09-11T00:00:00-05:00")


def _no_category(root: etree._Element) -> None:
    _div(root, "352").set("ana", "#date_inferred-from-nowhere")


def _note_prefix(root: etree._Element) -> None:
    _div(root, "352").find(".//t:note", NS).set(XML_ID, "d300fn9")


def _same_id(root: etree._Element) -> None:
    _div(root, "352").find(".//t:pb", NS).set(XML_ID, "pg_594")


def _idno(root: etree._Element) -> None:
    root.find("t:teiHeader/t:fileDesc/t:publicationStmt/t:idno", NS).text = "frus1958-60v18"


def _file_name(root: etree._Element) -> None:
    root.set(XML_ID, "frus1958-60v18")
    _idno(root)


#: rule id -> what breaks it (applied to frus1958-60v19.xml: d300 and d352).
RULE_CASES: dict[str, Mutation] = {
    "vol-doc-order": _swap,
    "vol-doc-consecutive": lambda root: None,  # 300 then 352: the warning holds as it is
    "vol-doc-date-pair": _one_date,
    "vol-doc-date-span": _backwards,
    "vol-ana-category": _no_category,
    "vol-note-id-prefix": _note_prefix,
    "vol-id-unique": _same_id,
    "vol-idno": _idno,
    "vol-id-filename": _file_name,
}
PASSING: dict[str, Mutation] = {"vol-doc-consecutive": _renumber}


def test_every_rule_has_a_case() -> None:
    from teikit.validation.rules import rule_ids
    assert sorted(rule_ids(REPO / "schemas" / "frus-volume.sch")) == sorted(RULE_CASES)


@pytest.mark.parametrize("rule", sorted(RULE_CASES))
def test_rule_fails_on_its_case_and_passes_without(volumes: list[Path], rule: str,
                                                   tmp_path: Path) -> None:
    source = next(p for p in volumes if p.stem == "frus1958-60v19")
    broken = etree.parse(str(source)).getroot()
    RULE_CASES[rule](broken)
    bad = tmp_path / source.name
    bad.write_bytes(etree.tostring(broken, xml_declaration=True, encoding="UTF-8"))
    assert rule in {f.rule for f in Validator().validate_file(bad).findings}
    good = etree.parse(str(source)).getroot()
    PASSING.get(rule, lambda root: None)(good)
    fine = tmp_path / "fine" / source.name
    os.makedirs(fine.parent)
    fine.write_bytes(etree.tostring(good, xml_declaration=True, encoding="UTF-8"))
    assert rule not in {f.rule for f in Validator().validate_file(fine).findings}

