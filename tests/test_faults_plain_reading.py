"""A conversion is never refused for want of structure: the plain reading (teikit.reader.plain).

When the structured reading's TEI fails the self-check, or the reader breaks on a structure
it does not expect, the converter reads the text again conservatively and writes that TEI
with a ``structure-simplified`` warning; only when the plain reading fails the check too is
the page refused. The faults here are made by wrapping the reader as a reader bug would.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, SEED_FILES, TEI_NS
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import teikit.convert as convert_module
from teikit.cli import main
from teikit.convert import ConvertOptions, convert_file
from teikit.errors import InputError, StrictModeError
from teikit.reader import read_document
from teikit.reader.model import Document, walk
from teikit.reader.plain import find_markers, looks_like_a_page, note_list, read_plain
from teikit.selfcheck import SelfCheckError, check_conversion
from teikit.textsource import SourceText, decode, read_source
from teikit.validation import Validator

SEED_352 = SEED_FILES[0]
T = f"{{{TEI_NS}}}"
WORD = "Yugoslavia."  # a word of seed 352's first paragraph, on line 2
PAGES = [
    *SEED_FILES,
    *sorted((REPO / "tests" / "fixtures" / "variants").glob("*.txt")),
    *sorted((REPO / "tests" / "fixtures" / "selfcheck").glob("*.txt")),
    *sorted((REPO.parent / "shared" / "devset" / "pages").glob("*.txt")),
]


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(k for k, line in enumerate(lines, 1) if needle in line)


def _drop_word(document: Document, word: str) -> Document:
    """Take ``word`` out of the first block that holds it, as a faulty reader would."""
    for _block, run in walk(document.blocks):
        for k, item in enumerate(run):
            if isinstance(item, str) and f" {word}" in item:
                run[k] = item.replace(f" {word}", "", 1)
                return document
    raise AssertionError(f"{word} is not in the document")


@pytest.fixture
def word_dropping_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def faulty(source: SourceText):
        document, warnings = read_document(source)
        return _drop_word(document, WORD), warnings

    monkeypatch.setattr(convert_module, "read_document", faulty)


@pytest.fixture
def word_dropping_plain_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def faulty(source: SourceText, structured: Document | None = None):
        reading = read_plain(source, structured)
        return replace(reading, document=_drop_word(reading.document, WORD))

    monkeypatch.setattr(convert_module, "read_plain", faulty)


_VALIDATOR: list[Validator] = []


def _errors(data: bytes, name: str) -> list[str]:
    if not _VALIDATOR:
        _VALIDATOR.append(Validator())
    report = _VALIDATOR[0].validate_bytes(data, name)
    return [str(f) for f in report.findings if f.severity == "error"]


# -- the fallback ------------------------------------------------------------------------


@pytest.mark.usefixtures("word_dropping_reader")
def test_a_reader_that_drops_a_word_gives_the_plain_reading_with_a_warning() -> None:
    result = convert_file(SEED_352)
    assert result.reading == "plain"
    (warning,) = [w for w in result.warnings if w.code == "structure-simplified"]
    assert warning.path == str(SEED_352) and warning.line == _line_of(SEED_352, WORD)
    assert warning.message.startswith(
        f"the structured reading parted from the input here (the TEI lacks the word “{WORD}” "
        "of the input); wrote a plain reading instead: read every line after the heading "
        "as a paragraph")
    data = result.to_bytes()
    assert _errors(data, "plain.xml") == []
    root = etree.fromstring(data)
    assert WORD in "".join(root.find(f".//{T}body").itertext())
    # What is safe is kept: the heading, both page breaks, the notes at their markers.
    head = root.find(f".//{T}body/{T}div/{T}head")
    assert head.text.startswith("352. Telegram From the Embassy")
    assert [pb.get("n") for pb in root.iter(f"{T}pb")] == ["722", "723"]
    assert [(n.get("n"), n.get("type")) for n in root.iter(f"{T}note")] == [
        ("0", "source"), ("1", None)]
    assert root.find(f".//{T}head/{T}note").get("n") == "0"
    # The structured reading's own warnings are not repeated: they describe TEI not written.
    assert [w.code for w in result.warnings] == ["structure-simplified"]
    # The header says so too.
    declared = root.findall(f".//{T}editorialDecl/{T}p")[-1].text
    assert declared.startswith("The structure of this text was read plainly") and (
        "read every line after the heading as a paragraph" in declared)


@pytest.mark.usefixtures("word_dropping_reader", "word_dropping_plain_reading")
def test_when_the_plain_reading_fails_too_the_page_is_refused() -> None:
    with pytest.raises(SelfCheckError) as caught:
        convert_file(SEED_352)
    problem = caught.value.problem
    line = _line_of(SEED_352, WORD)
    assert problem.code == "self-check" and problem.line == line
    assert problem.message == (
        f"self-check failed: the TEI lacks the word “{WORD}” of the input; the plain reading "
        f"failed too (line {line}); the TEI was not written")


@pytest.mark.usefixtures("word_dropping_reader", "word_dropping_plain_reading")
def test_the_cli_refuses_it_on_one_line_and_writes_nothing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(SEED_352), "-o", str(tmp_path)])
    assert result.exit_code == 1
    said = [x for x in result.stderr.splitlines() if "self-check failed" in x]
    assert len(said) == 1 and "the plain reading failed too" in said[0]
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("word_dropping_reader")
def test_the_cli_writes_the_plain_reading_and_exits_as_warnings_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(SEED_352), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warned = [x for x in result.stderr.splitlines() if "wrote a plain reading" in x]
    assert len(warned) == 1 and warned[0].startswith(
        f"warning: {SEED_352}:{_line_of(SEED_352, WORD)}: the structured reading parted")
    assert [p.name for p in tmp_path.iterdir()] == ["frus1958-60v19-d352.xml"]
    strict = CliRunner().invoke(main, ["convert", "--strict", str(SEED_352), "-o",
                                       str(tmp_path / "strict")])
    assert strict.exit_code == 1 and "wrote a plain reading" in strict.stderr


@pytest.mark.usefixtures("word_dropping_reader")
def test_strict_mode_refuses_a_simplified_conversion() -> None:
    with pytest.raises(StrictModeError) as caught:
        convert_file(SEED_352, ConvertOptions(strict=True))
    assert "structure-simplified" in [p.code for p in caught.value.problems]


def test_a_reader_that_breaks_gives_the_plain_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(source: SourceText):
        raise IndexError("list index out of range")

    monkeypatch.setattr(convert_module, "read_document", broken)
    result = convert_file(SEED_FILES[2])  # 1952-54: a source line above "No. 632"
    (warning,) = [w for w in result.warnings if w.code == "structure-simplified"]
    assert warning.line is None
    assert warning.message.startswith(
        "the structured reading broke off (IndexError: list index out of range); wrote a "
        "plain reading instead: took line 1 as the heading")
    assert _errors(result.to_bytes(), "broken.xml") == []


def test_prose_without_a_heading_is_still_refused() -> None:
    # No heading, no page marker, no note list: not a FRUS page; the reader's refusal stands.
    source = decode(b"Just some words.\nAnd more words.\n", "words.txt")
    with pytest.raises(InputError) as caught:
        convert_module.convert_text(source)
    assert caught.value.problem.code == "no-title"
    assert looks_like_a_page(source.lines) is False
    assert looks_like_a_page(UNHEADED.split("\n")) is True
    assert looks_like_a_page(["Notes", "Text.1", "- A note without its arrow."]) is False


#: A FRUS page (a note list, a page marker) under a heading the reader does not know.
UNHEADED = ("Notes taken at the talks in Bergen by an officer who was present throughout.\n"
            "The Foreign Minister opened the talks on the fisheries.1 Both sides spoke.\n"
            "[Page 12]\nThe next session is set for Thursday.\n"
            "- Source: Department of State, an invented file.↩")


def test_a_page_under_an_unknown_heading_gets_the_plain_reading() -> None:
    result = convert_module.convert_text(decode(UNHEADED.encode(), "unheaded.txt"))
    assert result.reading == "plain"
    (warning,) = [w for w in result.warnings if w.code == "structure-simplified"]
    assert warning.line == 1 and warning.message.startswith(
        "the structured reading found no heading it knows (no recognisable title); wrote a "
        "plain reading instead: took line 1 as the heading")
    root = etree.fromstring(result.to_bytes())
    assert root.findtext(f".//{T}body/{T}div/{T}head").startswith("Notes taken at the talks")
    assert [n.get("n") for n in root.iter(f"{T}note")] == ["1"]
    assert [pb.get("n") for pb in root.iter(f"{T}pb")] == ["12"]
    assert _errors(result.to_bytes(), "unheaded.xml") == []


def _broken(source: SourceText, structured: Document | None = None):
    raise IndexError("list index out of range")


def test_when_both_readings_break_it_is_one_reader_fault(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(convert_module, "read_document", _broken)
    monkeypatch.setattr(convert_module, "read_plain", _broken)
    with pytest.raises(InputError) as caught:
        convert_file(SEED_352)
    assert caught.value.problem.code == "reader-fault"
    assert caught.value.problem.message == (
        "the reader broke off (IndexError: list index out of range), and the plain reading "
        "too (IndexError: list index out of range); nothing was written")
    result = CliRunner().invoke(main, ["convert", str(SEED_352), "-o", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len([x for x in result.stderr.splitlines() if "reader-fault" in x or
                "the reader broke off" in x]) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("word_dropping_plain_reading")
def test_a_broken_reader_and_a_failing_plain_reading_is_a_self_check_refusal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert_module, "read_document", _broken)
    with pytest.raises(SelfCheckError) as caught:
        convert_file(SEED_352)
    assert caught.value.problem.message == (
        f"self-check failed: the TEI lacks the word “{WORD}” of the input (in the plain "
        "reading: the reader broke off (IndexError: list index out of range)); the TEI was "
        "not written")


@pytest.mark.usefixtures("word_dropping_reader")
def test_build_takes_the_same_path(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEED_352, pages / SEED_352.name)
    shutil.copy(REPO / "seeds" / "catalog.toml", pages / "catalog.toml")
    result = CliRunner().invoke(main, ["build", str(pages), "--tei", str(tmp_path / "tei"),
                                       "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "wrote a plain reading" in result.output + result.stderr
    written = (tmp_path / "tei" / "frus1958-60v19-d352.xml").read_bytes()
    assert WORD.encode() in written and b'<pb n="722"' in written


# -- the plain reading itself --------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_plain_reading_passes_the_check_and_validates_on_every_page(path: Path) -> None:
    source = read_source(path)
    try:
        structured, _ = read_document(source)
    except InputError:
        structured = None
    for reading_of in (structured, None):
        document = read_plain(source, reading_of).document
        _, root = convert_module._tei(source, document, convert_module.DocumentFacts(), [])
        check_conversion(source.name, source.lines, root)
        assert _errors(etree.tostring(root), path.name) == []


def test_the_plain_reading_keeps_notes_only_when_the_markers_are_certain() -> None:
    def notes_of(text: str) -> list[str]:
        document = read_plain(decode(text.encode(), "x.txt")).document
        return [n.n for n in document.notes]

    clean = "12. A Title0\nThe plan1 is sound, in 1954.\n- Source: X.↩\n- A note.↩"
    assert notes_of(clean) == ["0", "1"]
    # the marker glued to a year: 19542 could be 1954 + 2 or 195 + 42
    assert notes_of(clean.replace("plan1 is sound, in 1954.", "plan in 19541 is sound.")) == []
    # one candidate too many (a word that ends in digits)
    assert notes_of(clean.replace("is sound", "is F86 sound")) == []
    # numbers that do not run on
    assert notes_of(clean.replace("plan1", "plan2")) == []


def test_find_markers_checks_the_list_labels() -> None:
    blocks = [["A title*"], ["The text.† More1 here."]]
    assert [m[4] for m in find_markers(blocks, ["*", "†", "1"])] == ["*", "†", "1"]
    assert find_markers(blocks, ["†", "*", "1"]) is None
    assert find_markers(blocks, ["*", "†", "*"]) is None  # a symbol label for a number
    assert find_markers(blocks, ["", "", ""]) is not None  # style A shows no labels
    assert find_markers([["It cost 70,000 and 3.5 at 12:30"]], ["1"]) is None


def test_the_note_list_of_style_a_needs_its_arrows() -> None:
    lines = ["1. T", "- a.", "- item", "- Source: X.↩", "- A note", "  more.", "↩"]
    assert [(n.lines[0], n.lines[-1]) for n in note_list(lines, "A", 0)] == [(3, 3), (4, 6)]
    assert note_list(["1. T", "Text1", "- Source: X.", "- A note."], "A", 0) == []


def test_the_note_list_of_style_b_is_the_labelled_indented_run() -> None:
    lines = ["1. T", "", "Text.1", "", "  1. Source: X.", "", "  More of it.", "", "  2. B."]
    assert [(n.label, n.lines) for n in note_list(lines, "B", 0)] == [
        ("1", [4, 6]), ("2", [8])]
    assert note_list(["1. T", "", "Text.1", "", "  More.", "  1. A."], "B", 0) == []


# -- properties: on any page text the plain reading loses nothing and validates ---------------

EXAMPLES = int(os.environ.get("TEIKIT_HYPOTHESIS_EXAMPLES", "150"))
#: Words that cannot be taken for a marker, and words that can (or that end in digits).
_PLAIN = ["the", "Embassy", "1954", "70,000", "talks,", "(Sebald)", "“Yes”", "711.61/4–1249:",
          "[at]", "agreed.", "*", "12:30", "a.", "2.", "—", "prob-ably"]
_TRICKY = ["Kong1", "estimate.*", "19542", "F86", "†", "1952;3"]
#: The words a marker is glued to in the generated pages (as FRUS pages glue them).
_MARKABLE = {"the", "Embassy", "talks,", "(Sebald)", "“Yes”", "[at]", "agreed.", "prob-ably"}


@st.composite
def page_texts(draw: st.DrawFn) -> str:
    """Page texts in the shapes of both renderings: a heading, lines of words with page
    markers anywhere, bullets, and a trailing note list (or none); in half of them the note
    markers are glued where they belong and no other word looks like one."""
    style = draw(st.sampled_from("AB"))
    clean = draw(st.booleans())
    pool = st.sampled_from(_PLAIN if clean else _PLAIN + _TRICKY)
    page = iter(range(2, 1000))

    def line(pages: int = 2) -> list[str]:
        words = draw(st.lists(pool, min_size=1, max_size=8))
        at = sorted(draw(st.lists(st.integers(0, len(words)), max_size=pages)), reverse=True)
        for k, n in zip(at, sorted((next(page) for _ in at), reverse=True), strict=True):
            words.insert(k, f"[Page {n}]")  # page numbers that go up through the page
        return words

    head = draw(st.sampled_from(["12. A Title", "No. 12", "Editorial Note", "A Title"]))
    body = [line() for _ in range(draw(st.integers(0, 6)))]
    paged_notes = draw(st.integers(0, 4)) == 0  # now and then a page marker in a note
    notes = [" ".join(line(2 if paged_notes else 0)) for _ in range(draw(st.integers(0, 3)))]
    first = draw(st.integers(0, 1))
    numbers = iter(range(first, first + len(notes)))
    places = [(0, -1)] + [(k, j) for k, words in enumerate(body, 1)
                          for j, word in enumerate(words) if word in _MARKABLE]
    chosen = sorted(draw(st.lists(st.sampled_from(places), min_size=len(notes),
                                  max_size=len(notes), unique=True))) if clean and len(
        places) >= len(notes) else []
    lines = [[head], *body]
    for k, j in chosen:  # glue the markers in order of appearance
        lines[k][j] += str(next(numbers))
    texts = [draw(st.sampled_from(["", "", "- ", "  • "])) + " ".join(words)
             for words in lines[1:]]
    texts.insert(0, lines[0][0])
    if style == "A":
        texts += [f"- {text}" + draw(st.sampled_from(["↩", "↩", "", " ↩"])) for text in notes]
        return "\n".join(texts)
    texts += [f"  {k}. {text}" for k, text in enumerate(notes, 1)]
    return "\n\n".join(texts)


@settings(max_examples=EXAMPLES, deadline=None)
@given(page_texts())
def test_the_plain_reading_of_any_page_passes_the_check_and_validates(text: str) -> None:
    source = decode(text.encode("utf-8"), "generated.txt")
    document = read_plain(source).document
    _, root = convert_module._tei(source, document, convert_module.DocumentFacts(), [])
    check_conversion(source.name, source.lines, root)
    assert _errors(etree.tostring(root), "generated.xml") == []


def test_page_markers_above_the_heading_stay_above_it() -> None:
    source = decode(b"[Page 5]\n\n[Facsimile Page 2]\nA heading\nText.", "x.txt")
    document = read_plain(source).document
    assert [(b.role, b.line) for b in document.blocks] == [
        ("pagebreak", 1), ("pagebreak", 3), ("head", 4), ("paragraph", 5)]
    _, root = convert_module._tei(source, document, convert_module.DocumentFacts(), [])
    check_conversion(source.name, source.lines, root)
    assert _errors(etree.tostring(root), "x.xml") == []
