"""The converter's self-check (teikit.selfcheck): what it reads, and that it catches losses.

The mutation tests change the TEI between the body writer and the check (by wrapping
``teikit.convert.write_body``), as a converter bug would, and show that the check refuses
the result with the input line where input and TEI part.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, SEED_FILES, TEI_NS
from lxml import etree

import teikit.convert as convert_module
import teikit.selfcheck as selfcheck
from teikit.cli import main
from teikit.convert import ConvertOptions, convert_file, convert_many
from teikit.selfcheck import SelfCheckError, check_conversion, input_words, shown, tei_words

SEED_352 = SEED_FILES[0]  # style A: glued markers, a glued [Page 722], a source note 0
SEED_300 = SEED_FILES[1]  # style B: blank-line blocks, "  1. " note labels
SEED_50 = SEED_FILES[4]  # style A, seven notes: 1, 2, *, †, ‡, 3, §
VARIANTS = sorted((REPO / "tests" / "fixtures" / "variants").glob("*.txt"))
FIXTURES = REPO / "tests" / "fixtures" / "selfcheck"
T = f"{{{TEI_NS}}}"


def _body(xml: str) -> etree._Element:
    return etree.fromstring(f'<TEI xmlns="{TEI_NS}"><text><body><div>{xml}</div></body>'
                            "</text></TEI>")


def _lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _line_of(path: Path, needle: str) -> int:
    return next(k for k, line in enumerate(_lines_of(path), 1) if needle in line)


# -- what each side reads ---------------------------------------------------------------


def test_input_words_remove_only_the_pages_decorations() -> None:
    lines = ["1. The regime holds.", "- a.", "[Page 5]Next words [Facsimile Page 6] here.",
             "", "  • a bullet item", "  1. A note.↩\ufe0e", "  2. Another note."]
    read = input_words(lines)
    assert [shown(w) for w in read.words] == [
        "1.", "The", "regime", "holds.", "a.", "[Page 5]", "Next", "words",
        "[Facsimile Page 6]", "here.", "a", "bullet", "item", "A", "note.", "Another",
        "note."]
    assert [read.line(k) for k in range(len(read.words))] == [
        1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 5, 5, 5, 6, 6, 7, 7]


def test_a_numbered_paragraph_keeps_its_number_outside_the_note_list() -> None:
    # "  1. " is a note label only in the trailing indented run; a flush paragraph after
    # an indented line ends that run.
    read = input_words(["  1. Indented first.", "2. A flush paragraph.", "  1. The note."])
    assert read.words == ["1.", "Indented", "first.", "2.", "A", "flush", "paragraph.",
                          "The", "note."]


def test_tei_words_glue_markers_and_set_the_notes_after_the_body() -> None:
    root = _body('<head>7. Title<note n="0" type="source">Source: X.</note></head>'
                 '<note rend="inline" type="source">711.61/4–1249: Telegram</note>'
                 '<p>Hong Kong<note n="1">One.</note> that<pb n="722"/> runs'
                 '<note n="2" anchored="false">Two.</note></p>'
                 '<closer><salute>Yours,</salute><signed>Dulles</signed></closer>')
    read = tei_words(root)
    assert [shown(w) for w in read.words] == [
        "7.", "Title0", "711.61/4–1249:", "Telegram", "Hong", "Kong1", "that", "[Page 722]",
        "runs", "Yours,", "Dulles", "Source:", "X.", "One.", "Two."]
    assert [read.note_of(k) for k in (10, 11, 12, 13, 14)] == [None, "0", "0", "1", "2"]


# -- the marker normalisation, and that it is not blind -----------------------------------

LINES = ["1. Title", "The plan 1 is sound.", "- A note.↩"]


def test_a_marker_set_off_by_a_space_matches_the_note_glued_in_tei() -> None:
    check_conversion("x.txt", LINES, _body('<head>1. Title</head><p>The plan<note n="1">'
                                           "A note.</note> is sound.</p>"))


@pytest.mark.parametrize("body, says", [
    # two ordinary words joined: no marker seam there
    ('<head>1. Title</head><p>The plan1 is sound.</p><p>A note.</p>', "“plan 1”"),
    # the marker kept as text after the note was dropped: no seam either
    ('<head>1. Title</head><p>Theplan<note n="1">A note.</note> is sound.</p>', "“The plan"),
    # a marker read with the wrong number
    ('<head>1. Title</head><p>The plan<note n="2">A note.</note> is sound.</p>', "“plan2”"),
])
def test_the_normalisation_still_sees_real_changes(body: str, says: str) -> None:
    with pytest.raises(SelfCheckError) as caught:
        check_conversion("x.txt", LINES, _body(body))
    assert caught.value.problem.line == 2
    assert says in caught.value.problem.message


def test_a_clean_conversion_passes() -> None:
    for path in [*SEED_FILES, *VARIANTS]:
        result = convert_file(path)  # the check runs inside; it would raise
        assert result.root is not None


# -- mutations between the writer and the check --------------------------------------------
#
# A conversion whose TEI fails the check falls back to the plain reading (teikit.convert,
# teikit.reader.plain), whose TEI is checked too. A mutation of the structured reading's TEI
# alone is therefore seen in the ``structure-simplified`` warning, which quotes the check's
# finding; a mutation of both readings' TEI is a refusal, as a difference always was.


def _mutating(monkeypatch: pytest.MonkeyPatch, mutate, *, plain_too: bool = False) -> None:
    original = convert_module.write_body
    original_plain = convert_module.read_plain
    plain_documents: set[int] = set()

    def read_plain(source, structured=None):
        reading = original_plain(source, structured)
        plain_documents.add(id(reading.document))
        return reading

    def write_then_mutate(text, document, doc_id):
        div = original(text, document, doc_id)
        if plain_too or id(document) not in plain_documents:
            mutate(div)
        return div

    monkeypatch.setattr(convert_module, "write_body", write_then_mutate)
    monkeypatch.setattr(convert_module, "read_plain", read_plain)


def _remove_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    previous = element.getprevious()
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _parting(path: Path) -> str:
    """Convert a page whose structured TEI was mutated: the plain reading is written, and
    its warning says where the check saw the structured reading part from the input."""
    result = convert_file(path)
    assert result.reading == "plain"
    (warning,) = [w for w in result.warnings if w.code == "structure-simplified"]
    assert warning.path == str(path)
    return f"{warning.line}: {warning.message}"


def _refusal(path: Path) -> str:
    with pytest.raises(SelfCheckError) as caught:
        convert_file(path)
    problem = caught.value.problem
    assert problem.path == str(path) and problem.code == "self-check"
    assert "; the plain reading failed too (line " in problem.message
    return f"{problem.line}: {problem.message}"


PARTED = "the structured reading parted from the input here"


def _drop_bloc(div: etree._Element) -> None:
    p = next(p for p in div.iter(f"{T}p") if " Bloc " in (p.text or ""))
    p.text = p.text.replace(" Bloc ", " ", 1)


def test_a_dropped_word_is_caught_at_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    _mutating(monkeypatch, _drop_bloc)
    said = _parting(SEED_352)
    assert said.startswith(f"{_line_of(SEED_352, ' Bloc ')}: {PARTED} (the TEI lacks "
                           "the word “Bloc” of the input)")


def test_a_word_dropped_from_both_readings_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _mutating(monkeypatch, _drop_bloc, plain_too=True)
    said = _refusal(SEED_352)
    line = _line_of(SEED_352, " Bloc ")
    assert said.startswith(f"{line}: self-check failed: the TEI lacks the word “Bloc”")
    assert said.endswith(f"the plain reading failed too (line {line}); the TEI was not written")


def test_a_dropped_note_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    _mutating(monkeypatch, lambda div: _remove_keeping_tail(div.find(f".//{T}note[@n='1']")))
    said = _parting(SEED_352)
    assert said.startswith(f"{_line_of(SEED_352, 'Kong1')}: {PARTED} (the input's "
                           "“Kong1” is “Kong” in the TEI (the note marker “1” is lost))")


def test_a_dropped_note_text_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    # The marker stays but the note is emptied: the words of the note list are missing.
    def empty(div: etree._Element) -> None:
        note = div.find(f".//{T}note[@n='*']")
        note.text = None
        for child in list(note):
            note.remove(child)

    _mutating(monkeypatch, empty)
    assert f"{PARTED} (the TEI lacks the words" in _parting(SEED_50)


def _drop_722(div: etree._Element) -> None:
    _remove_keeping_tail(div.find(f".//{T}pb[@n='722']"))


def test_a_dropped_page_break_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    _mutating(monkeypatch, _drop_722)
    assert _parting(SEED_352).startswith(f"{_line_of(SEED_352, '[Page 722]')}: {PARTED} (the "
                                         "TEI lacks the page marker “[Page 722]”")


def test_a_page_break_dropped_from_both_readings_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _mutating(monkeypatch, _drop_722, plain_too=True)
    said = _refusal(SEED_352)
    assert said.startswith(f"{_line_of(SEED_352, '[Page 722]')}: self-check failed: the TEI "
                           "lacks the page marker “[Page 722]”")


def test_an_added_word_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    def add(div: etree._Element) -> None:
        p = div.findall(f"{T}p")[2]
        p.text = "Moreover " + p.text

    _mutating(monkeypatch, add)
    assert f"{PARTED} (the TEI adds the word “Moreover”" in _parting(SEED_300)
    monkeypatch.undo()
    _mutating(monkeypatch, add, plain_too=True)
    assert "self-check failed: the TEI adds the word “Moreover”" in _refusal(SEED_300)


def test_notes_out_of_order_are_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    def swap(div: etree._Element) -> None:
        one, two = div.find(f".//{T}note[@n='1']"), div.find(f".//{T}note[@n='2']")
        one_children, two_children = list(one), list(two)
        one.text, two.text = two.text, one.text
        for child in one_children:
            two.append(child)
        for child in two_children:
            one.append(child)

    _mutating(monkeypatch, swap)
    assert "(out of order)" in _parting(SEED_50)


def test_a_refused_conversion_writes_nothing_and_the_batch_goes_on(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def drop_in_352(div: etree._Element) -> None:
        if div.get("n") == "352":
            _drop_722(div)

    _mutating(monkeypatch, drop_in_352, plain_too=True)
    batch = convert_many(list(SEED_FILES), output_dir=tmp_path)
    assert [p.code for p in batch.errors] == ["self-check"]
    assert batch.errors[0].path == str(SEED_352)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{r.tei_id}.xml" for r in batch.results)
    assert len(batch.results) == len(SEED_FILES) - 1
    assert not any("352" in p.name for p in tmp_path.iterdir())


def test_the_cli_reports_it_on_one_line_with_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    _mutating(monkeypatch, _drop_722, plain_too=True)
    result = CliRunner().invoke(main, ["convert", str(SEED_352)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "self-check failed" in lines[0]
    assert "Traceback" not in result.output


def test_the_cli_escape_hatch_writes_it_anyway(monkeypatch: pytest.MonkeyPatch) -> None:
    _mutating(monkeypatch, _drop_722)
    result = CliRunner().invoke(main, ["convert", "--no-self-check", str(SEED_352)])
    assert result.exit_code == 0, result.output
    assert b'<pb n="723"' in result.stdout_bytes and b'<pb n="722"' not in result.stdout_bytes


def test_the_check_can_be_turned_off_in_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    _mutating(monkeypatch, _drop_722)
    result = convert_file(SEED_352, ConvertOptions(self_check=False))
    assert result.root.find(f".//{T}pb[@n='722']") is None


# -- classes of loss the current reader has (invented fixtures) ----------------------------


@pytest.mark.parametrize("name, n", [("closer_page_marker_a.txt", "722"),
                                     ("closer_page_marker_b.txt", "212")])
def test_a_page_marker_inside_a_closing_is_kept(name: str, n: str) -> None:
    root = convert_file(FIXTURES / name).root
    assert root.find(f".//{T}pb[@n='{n}']") is not None


def test_a_lost_marker_does_not_shift_the_source_note() -> None:
    root = convert_file(FIXTURES / "lost_marker_shifts_notes_a.txt").root
    head_note = root.find(f".//{T}head/{T}note")
    assert head_note.get("type") == "source" and head_note.get("n") == "1"


# -- the compact comparison -------------------------------------------------------------------


def test_the_streams_are_the_words_however_the_pieces_are_batched(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Spill after every few pieces, so that words run across the batches' ends.
    monkeypatch.setattr(selfcheck, "_PIECES", 3)
    monkeypatch.setattr(selfcheck, "_NORMAL_CHUNK", 7)
    pieces = ["Hong Ko", "ng", "1 that\n", " while", "", "  So", "viet\u00a0and\t", "Chinese",
              " ", "may", "\n\n", "succeed.", "x"]
    words = selfcheck._Words()
    for piece in pieces:
        words.pieces.append(piece)
        if len(words.pieces) > selfcheck._PIECES:
            words.spill()
    assert words.text() == " ".join("".join(pieces).split())
    long_text = "".join(pieces) * 5
    assert selfcheck._normal(long_text) == " ".join(long_text.split())
    lines = _lines_of(SEED_352)
    assert selfcheck._input_text(lines).split(" ") == input_words(lines).words


@pytest.mark.parametrize("source, marked, parted", [
    ("Kong1 that", "Kong\uffff1 that", None),  # a glued marker
    ("Kong 1 that", "Kong\uffff1 that", None),  # a marker set off by a space
    ("Kong 1 2 that", "Kong\uffff1\uffff2 that", None),  # two side by side
    ("Kong that", "Kong\uffff1 that", (5, 5)),  # a marker the input does not have
    ("Kong 1 that", "Kong1 that", (4, 4)),  # two words joined where no marker was placed
    ("Kong that", "Kong", (4, 4)),  # a lost word
    ("Kong", "Kong more", (4, 4)),  # an added word
])
def test_part_at_lets_a_seam_stand_for_nothing_or_one_space(
        source: str, marked: str, parted: tuple[int, int] | None) -> None:
    assert selfcheck.part_at(source, marked) == parted
