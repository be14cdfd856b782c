"""Block quotations that a paragraph introduces (issue 8): the reader's pass, the TEI, the
renderings.

The pass (teikit.reader.quotes) is tested on drafted blocks, shape by shape, with the
counter-examples that must stay flat. The fixtures tests/fixtures/variants/quote_*.txt are
checked for their structure by test_variants.py (key ``quotes``); here their TEI is checked
against both grammars and the self-check, and rendered: page text back to the same TEI,
HTML with the quotation as a blockquote after the paragraph (never inside it) in a real
browser, the reading text with the quotation indented, an EPUB book epubcheck accepts.
"""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import NS, REPO, SHARED, find_tei_all, require_tool
from lxml import etree

from teikit.convert import ConvertOptions, convert_file, convert_text
from teikit.epub import write_volume_epubs
from teikit.facts import facts_of
from teikit.reader import quotes
from teikit.reader.fields import TextField
from teikit.reader.model import (
    Block,
    Closer,
    CloserPart,
    Heading,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    QuotedParagraph,
)
from teikit.render import read_tei, render_document
from teikit.selfcheck import SelfCheckError, check_conversion
from teikit.textsource import decode, read_source
from teikit.validation import Validator, validate_paths

VARIANTS = REPO / "tests" / "fixtures" / "variants"
QUOTED = sorted(VARIANTS.glob("quote_*.txt"))
#: The fixtures whose TEI holds a block quotation (the others are counter-examples).
NESTED = [p for p in QUOTED if p.stem not in ("quote_counter_examples_b", "quote_unclosed_a")]
T = f"{{{NS['tei']}}}"


def _p(*lines: str, line: int = 1) -> Paragraph[TextField]:
    return Paragraph(
        line=line, content=[TextField.from_raw(t, line + k) for k, t in enumerate(lines)]
    )


def _kinds(blocks: list[Block[TextField]]) -> str:
    """One letter a block: P paragraph, Q quoted paragraph, B page break, other kinds x."""
    letters = {Paragraph: "P", QuotedParagraph: "Q", PageBreakBlock: "B"}
    return "".join(letters.get(type(b), "x") for b in blocks)


def _marked(*blocks: Block[TextField]) -> tuple[str, int]:
    found = list(blocks)
    count = quotes.mark_quotes(found)
    return _kinds(found), count


def _pb(n: str) -> PageBreakBlock[TextField]:
    return PageBreakBlock(line=1, page=PageBreak(n, "", 1))


# --- the pass, shape by shape ----------------------------------------------------------------


def test_older_paragraphs_each_reopen_and_the_last_closes() -> None:
    assert _marked(
        _p("The Conference passed the following resolution:"),
        _p("“First part of it."),
        _p("“Second part of it."),
        _p("“Last part of it.”"),
        _p("I shall report further."),
    ) == ("PQQQP", 1)


def test_later_quotations_open_once_and_close_once_with_letter_lines_inside() -> None:
    assert _marked(
        _p("Following is text of message to President:"),
        _p("“Dear Mr. President:"),
        _p("The text of the letter."),
        _p("A. Author"),
        _p("B. Author”"),
    ) == ("PQQQQ", 1)


def test_note_markers_after_the_colon_and_after_the_closing_mark() -> None:
    assert _marked(_p("the following telegram:12"), _p("“Text of it.”3"))[0] == "PQ"
    assert _marked(_p("(see separate cable):1"), _p("“Text.”* †"))[0] == "PQ"
    assert _marked(_p("as follows: 4"), _p("“Text.” 5"))[0] == "PQ"


def test_straight_marks_and_an_intro_over_several_lines() -> None:
    assert _marked(_p("Message reads:"), _p('"Dear Sir:'), _p('Yours, A. Author"'))[0] == "PQQ"
    assert _marked(_p("The Minister", "said as follows:"), _p("“Text.”"))[0] == "PQ"


def test_quotation_marks_inside_the_quotation_do_not_close_it() -> None:
    assert (
        _marked(
            _p("He wrote:"),
            _p("“The word “final” was struck out."),
            _p("The rest stands.”"),
        )[0]
        == "PQQ"
    )


def test_page_breaks_inside_stay_inside_and_after_stay_outside() -> None:
    assert (
        _marked(
            _p("It reads:"), _pb("5"), _p("“One."), _pb("6"), _p("Two.”"), _pb("7"), _p("After.")
        )[0]
        == "PBQBQBP"
    )


def test_counter_examples_stay_flat() -> None:
    flat = [
        (_p("For Willard:"), _p("If transport cannot be found, charter aircraft.")),
        (_p("Following is message from Secretary:"), _p("Begin Message—Text. End Message.")),
        (_p("Please make the following points:"), _p("(1) The first point.")),
        (_p("It ends without a colon."), _p("“Quoted.”")),
        (_p("The meeting began at 4:30"), _p("“Quoted.”")),  # a time, not a colon and a note
    ]
    for blocks in flat:
        assert _marked(*blocks) == ("PP", 0), blocks


def test_a_quotation_that_never_closes_stays_flat() -> None:
    assert _marked(_p("It reads:"), _p("“Text."), _p("More text."))[0] == "PPP"
    signature = Closer(line=9, parts=[CloserPart(role="signed", content=[])])
    assert _marked(_p("It reads:"), _p("“Text."), signature)[0] == "PPx"


def test_a_quotation_that_closes_inside_a_paragraph_that_goes_on_stays_flat() -> None:
    blocks = (_p("He answered:"), _p("“The road is closed,” he said, “until June."), _p("Next."))
    assert _marked(*blocks)[0] == "PPP"
    assert _marked(_p("He answered:"), _p("“Closed.” He left."))[0] == "PP"


def test_a_block_of_another_kind_in_the_run_stops_it() -> None:
    heading = Heading(line=3, content=[TextField.from_raw("Part Two", 3)])
    assert _marked(_p("It reads:"), _p("“Part one."), heading, _p("Part two.”"))[0] == "PPxP"


def test_no_nesting_inside_a_quotation_and_the_next_one_is_found() -> None:
    assert _marked(
        _p("It reads:"),
        _p("“He said this:"),
        _p("“Inner.”"),
        _p("Then a second:"),
        _p("“Another.”"),
    ) == ("PQQPQ", 2)


def test_the_pass_may_run_again_over_the_same_blocks() -> None:
    blocks: list[Block[TextField]] = [_p("It reads:"), _p("“One."), _p("Two.”")]
    assert quotes.mark_quotes(blocks) == 1
    fields = [fld for block in blocks for fld in block.runs()[0]]
    assert quotes.mark_quotes(blocks) == 0
    assert _kinds(blocks) == "PQQ"
    assert [fld for block in blocks for fld in block.runs()[0]] == fields  # same fields


def test_a_run_longer_than_the_limit_stays_flat() -> None:
    inside = [_p(f"Paragraph {k}.") for k in range(quotes.MAX_QUOTED_PARAGRAPHS - 1)]
    longest = [_p("It reads:"), _p("“Start."), *inside[:-1], _p("End.”")]
    assert quotes.mark_quotes(longest) == 1
    assert _kinds(longest).count("Q") == quotes.MAX_QUOTED_PARAGRAPHS
    too_long = [_p("It reads:"), _p("“Start."), *inside, _p("End.”")]
    assert quotes.mark_quotes(too_long) == 0


# --- the fixtures: TEI, grammar, self-check ----------------------------------------------------


def _convert(path: Path, **options: object):
    return convert_file(path, ConvertOptions(**options))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", QUOTED, ids=lambda p: p.stem)
def test_the_structured_reading_makes_the_tei_with_no_warning_of_loss(path: Path) -> None:
    result = _convert(path)
    assert result.reading == "structured"
    codes = {w.code for w in result.warnings}
    assert not codes & {"structure-simplified", "line-unused", "line-reused"}
    nested = result.root.findall(".//tei:quote", NS)
    assert bool(nested) == (path in NESTED)


def test_the_fixtures_are_valid_against_the_grammar_the_rules_and_tei_all(tmp_path: Path) -> None:
    files = []
    for path in QUOTED:
        out = tmp_path / f"{path.stem}.xml"
        result = _convert(path)
        out.write_bytes(result.to_bytes())
        files.append(out)
    ours = validate_paths(files)
    assert [f for f in ours.findings if f.severity == "error"] == []
    tei_all = find_tei_all()
    if tei_all is None:
        require_tool("tei_all.rng")
    require_tool("jing")
    report = Validator(tei_all, rules=False).validate_paths(files)
    assert report.findings == []


def _quote_in_p(tmp_path: Path, change) -> Path:
    root = _convert(NESTED[0]).root
    change(root.find(".//tei:quote", NS))
    out = tmp_path / "changed.xml"
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    return out


@pytest.mark.parametrize(
    "why",
    ["text after the quote", "a quote in a flush-left p", "no rend", "empty quote"],
)
def test_the_grammar_refuses_other_shapes_of_quote(tmp_path: Path, why: str) -> None:
    def change(quote: etree._Element) -> None:
        if why == "text after the quote":
            quote.tail = "More text."
        elif why == "a quote in a flush-left p":
            quote.getparent().set("rend", "flushleft")
        elif why == "no rend":
            del quote.attrib["rend"]
        else:
            for child in list(quote):
                quote.remove(child)

    report = validate_paths([_quote_in_p(tmp_path, change)], rules=False)
    assert any(f.severity == "error" for f in report.findings), why


@pytest.mark.parametrize("path", NESTED, ids=lambda p: p.stem)
def test_the_self_check_walks_the_quotation_in_order(path: Path) -> None:
    lines = read_source(path).lines
    root = _convert(path).root
    check_conversion(path.name, lines, root)  # as written: no difference

    def broken(change) -> etree._Element:
        copy = etree.fromstring(etree.tostring(root))
        change(copy.find(".//tei:quote", NS))
        return copy

    def drop_last(quote: etree._Element) -> None:
        quote.remove(quote.findall("tei:p", NS)[-1])

    def swap(quote: etree._Element) -> None:
        first = quote.find("tei:p", NS)
        quote.remove(first)
        quote.append(first)

    def drop_quote(quote: etree._Element) -> None:
        quote.getparent().remove(quote)

    changes = [drop_last, drop_quote] + (
        [swap] if len(root.findall(".//tei:quote/tei:p", NS)) > 1 else []
    )
    for change in changes:
        with pytest.raises(SelfCheckError):
            check_conversion(path.name, lines, broken(change))


def test_the_variant_checker_fails_without_the_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``quotes`` expectations can fail: with the pass turned off, every fixture that
    wants a quotation is reported."""
    import json

    import test_variants

    from teikit.reader import blocks

    monkeypatch.setattr(blocks, "mark_quotes", lambda found: 0)
    for path in NESTED:
        expect = json.loads((VARIANTS / f"{path.stem}.expect.json").read_text(encoding="utf-8"))
        root = convert_text(read_source(path)).root
        div = root.find(f".//{T}div[@type='document']")
        problems: list[str] = []
        test_variants.check_quotes(div, expect["special"]["quotes"], problems)
        assert problems, path.name


# --- renderings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", NESTED, ids=lambda p: p.stem)
def test_page_text_reads_back_to_the_same_tei(path: Path, tmp_path: Path) -> None:
    first = _convert(path)
    again = tmp_path / path.name
    again.write_text(render_document(first.root, "page-text"), encoding="utf-8")
    assert _convert(again).to_bytes() == first.to_bytes()


class _Nesting(HTMLParser):
    """Records every blockquote start tag met while a p is open (HTML forbids it)."""

    def __init__(self) -> None:
        super().__init__()
        self.open_p = 0
        self.inside_p = 0
        self.blockquotes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.open_p += 1
        elif tag == "blockquote":
            self.blockquotes += 1
            self.inside_p += self.open_p > 0

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.open_p -= 1


@pytest.mark.parametrize("path", NESTED, ids=lambda p: p.stem)
def test_html_puts_the_quotation_after_its_paragraph_never_inside(path: Path) -> None:
    root = _convert(path).root
    page = render_document(root, "html")
    nesting = _Nesting()
    nesting.feed(page)
    assert nesting.blockquotes == len(root.findall(".//tei:quote", NS)) > 0
    assert nesting.inside_p == 0
    html = etree.HTML(page)
    for quote, block in zip(
        root.iterfind(".//tei:quote", NS), html.iterfind(".//blockquote"), strict=True
    ):
        intro = block.getprevious()
        assert intro is not None and intro.tag == "p"
        assert "".join(intro.itertext()).rstrip().rstrip("0123456789*†").endswith(":")
        wanted = [" ".join("".join(p.itertext()).split())[:30] for p in quote.iterfind("tei:p", NS)]
        got = [" ".join("".join(p.itertext()).split())[:30] for p in block.iterfind("p")]
        assert [g[:10] for g in got] == [w[:10] for w in wanted]


def test_the_reading_text_indents_the_quotation() -> None:
    path = VARIANTS / "quote_resolution_paragraphs_b.txt"
    text = render_document(_convert(path).root, "text")
    blocks = text.split("\n\n")
    at = next(k for k, b in enumerate(blocks) if b.endswith("the following declaration:[2]"))
    assert [b[:18] for b in blocks[at + 1 : at + 4]] == [
        "    “The Assembly,",
        "    “It invites th",
        "    “It requests t",
    ]
    assert blocks[at + 4].startswith("The Minister for Foreign Affairs")


def test_html_pages_with_quotations_pass_the_browser_checks(tmp_path: Path) -> None:
    from test_html_browser import CHECKS_JS, DevTools, _chromium, _load

    from teikit.render import render_paths

    files = []
    for k, path in enumerate(NESTED, start=1):
        out = tmp_path / f"{path.stem}.xml"
        out.write_bytes(_convert(path, volume="frus1961-63v05", doc_number=k).to_bytes())
        files.append(out)
    site = tmp_path / "site"
    report = render_paths(files, "html", site)
    assert report.ok, report.errors
    client = DevTools(_chromium(), tmp_path / "profile")
    try:
        client.open_page()
        failures = {}
        pages = sorted(site.glob("*.html"))
        assert len(pages) == len(NESTED) + 1  # the documents and the index
        for page in pages:
            problems = _load(client, page) + client.evaluate(CHECKS_JS)
            if problems:
                failures[page.name] = problems
        assert not failures
    finally:
        client.close()


def test_an_epub_of_documents_with_quotations_passes_epubcheck(tmp_path: Path) -> None:
    from test_epub import _epubcheck

    paths = {}
    for k, path in enumerate(NESTED, start=1):
        result = _convert(path, volume="frus1961-63v05", doc_number=k)
        out = tmp_path / f"{result.tei_id}.xml"
        out.write_bytes(result.to_bytes())
        paths[result.tei_id] = out
    edition = [facts_of(read_tei(p)) for p in paths.values()]
    books = write_volume_epubs(edition, paths, tmp_path / "epub")
    assert len(books) == 1
    run = _epubcheck(books[0])
    assert run.returncode == 0, run.stdout + run.stderr
    with zipfile.ZipFile(books[0]) as archive:
        pages = [archive.read(n) for n in archive.namelist() if n.endswith(".xhtml")]
    assert sum(page.count(b"<blockquote") for page in pages) == len(NESTED)


# --- the dev set: the class, and the pages that must stay as they are ----------------------------

DEVSET = SHARED / "devset" / "pages"
#: Dev-set pages of the class (the gold of the first four nests the quotation in its
#: paragraph; the last has no gold, and its quotation holds numbered label paragraphs), and
#: pages whose quotation shows no closing mark, or no marks at all: nothing says where it ends.
DEVSET_NESTED = (
    "frus1941v06_d249",
    "frus1934v04_d573",
    "frus1934v04_d576",
    "frus1961-63v06_d28",
    "frus1948v05p2_d195",
)
DEVSET_FLAT = ("frus1961-63v06_d29", "frus1918Russiav03_d386", "frus1941v06_d273")


@pytest.mark.parametrize("name", DEVSET_NESTED + DEVSET_FLAT)
def test_devset_pages_of_the_class(name: str) -> None:
    path = DEVSET / f"{name}.txt"
    root = convert_text(decode(path.read_bytes(), path.name)).root
    nested = root.findall(".//tei:p/tei:quote[@rend='blockquote']", NS)
    assert len(nested) == (1 if name in DEVSET_NESTED else 0)


def test_devset_no_page_gets_a_quotation_outside_the_class() -> None:
    found = []
    for path in sorted(DEVSET.glob("*.txt")):
        try:
            root = convert_text(decode(path.read_bytes(), path.name)).root
        except Exception:  # a page the converter refuses is another class's business
            continue
        if root.find(".//tei:quote", NS) is not None:
            found.append(path.stem)
    assert sorted(found) == sorted(DEVSET_NESTED)


def test_a_quotation_in_a_postscript_is_nested_there_and_valid(tmp_path: Path) -> None:
    text = (
        "Mr. Harlow to Mr. Pell.\n\nNo. 12.]\n\nSir: I have the honor to report.\n\n"
        "I have, etc.,\n\nJ. R. Harlow.\n\nP. S.—The minister sent me the following note:\n\n"
        "“I regret the delay.\n\n“It will be remedied.”\n\nJ. R. H."
    )
    result = convert_text(decode(text.encode("utf-8"), "postscript.txt"))
    quote = result.root.find(".//tei:postscript/tei:p/tei:quote", NS)
    assert quote is not None and len(quote.findall("tei:p", NS)) == 2
    out = tmp_path / "postscript.xml"
    out.write_bytes(result.to_bytes())
    assert [f for f in validate_paths([out]).findings if f.severity == "error"] == []


def test_a_row_of_omission_points_inside_a_quotation_stays_centred(tmp_path: Path) -> None:
    page = tmp_path / "frus1961-63v05_d12.txt"
    page.write_text(
        "12. Telegram From the Department of State to the Embassy in France\n\n"
        "Following is the text of the resolution:\n\n"
        "“The Conference resolves as follows.\n\n. . . . . . .\n\n"
        "The Conference adjourns.”\n\nRusk\n",
        encoding="utf-8",
    )
    result = _convert(page)
    rows = result.root.findall(".//tei:p/tei:quote/tei:p", NS)
    assert [p.get("rend") for p in rows] == [None, "center", None]
    out = tmp_path / "d12.xml"
    out.write_bytes(result.to_bytes())
    assert [f for f in validate_paths([out]).findings if f.severity == "error"] == []
    tei_all = find_tei_all()
    if tei_all is None:
        require_tool("tei_all.rng")
    require_tool("jing")
    assert Validator(tei_all, rules=False).validate_paths([out]).findings == []
