"""Property-based tests: generated FRUS-like pages convert back to what was generated.

A generator writes a document the way history.state.gov shows one: either layout, either
block rendering, paragraphs with numbers that are not markers (years, thousands, file
numbers), glued note markers (running numbers from any start, and symbols), page markers
between blocks and mid-sentence, label/item lists, and the trailing note list. The test
checks that the TEI holds exactly the generated notes (n, order, the word before each),
page breaks and paragraphs, and that nothing was lost or invented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from textcheck import TEI_NS, input_words, same_text, tei_words

from teikit.convert import convert_text
from teikit.errors import TeikitError
from teikit.textsource import decode

EXAMPLES = int(os.environ.get("TEIKIT_HYPOTHESIS_EXAMPLES", "150"))
NS = {"tei": TEI_NS}

WORDS = ["the", "Department", "believes", "that", "Soviet", "policy", "will", "continue",
         "to", "press", "for", "talks", "in", "Geneva", "and", "Peiping", "may", "accept",
         "some", "terms", "reported", "Embassy", "telegram", "(see", "above)", "“advice”",
         "Mao’s", "dispute", "[text", "not", "declassified]", "prob-ably", "SinoSoviet"]
NUMBERS = ["1954", "1949", "70,000", "30-year", "661.93/9–1060", "pp. 321–327", "No. 5"]
SYMBOLS = ["*", "†", "‡", "§"]


@dataclass
class Generated:
    text: str
    notes: list[tuple[str, str]] = field(default_factory=list)  # (n, word before the marker)
    pages: list[str] = field(default_factory=list)
    paragraphs: int = 0


@st.composite
def sentences(draw: st.DrawFn) -> list[str]:
    count = draw(st.integers(4, 18))
    words = [draw(st.sampled_from(WORDS + NUMBERS)) for _ in range(count)]
    words[0] = words[0][:1].upper() + words[0][1:]
    return words


@st.composite
def documents(draw: st.DrawFn) -> Generated:
    modern = draw(st.booleans())
    style = draw(st.sampled_from("AB"))
    start = 1 if modern else draw(st.sampled_from([1, 1, 2, 17, 47]))
    number = draw(st.integers(1, 999))
    gen = Generated(text="")
    next_number = start
    page = draw(st.integers(2, 900))
    symbols = iter(SYMBOLS)
    blocks: list[str] = []
    note_texts: list[str] = []

    def marker() -> str:
        nonlocal next_number
        use_symbol = not modern and draw(st.integers(0, 5)) == 0
        symbol = next(symbols, None) if use_symbol else None
        if symbol:
            return symbol
        value = str(next_number)
        next_number += 1
        return value

    def note_text(n: str) -> str:
        return " ".join(draw(sentences())) + f" (note {n})."

    if modern:
        title = f"{number}. Telegram From the Embassy in Moscow to the Department of State"
        blocks.append(title + "0")
        gen.notes.append(("0", "State"))
        note_texts.append("Source: Department of State, Central Files, 611.93/5–459. Secret.")
    else:
        blocks.append("Department of State files, lot 60 D 330")
        blocks.append(f"No. {number}")
        n = marker()
        blocks.append("The Secretary of State to the Embassy in Moscow" + n)
        gen.notes.append((n, "Moscow"))
        note_texts.append(note_text(n))
        if draw(st.booleans()):
            blocks.append("confidential")
    for _ in range(draw(st.integers(1, 7))):
        words = draw(sentences())
        opening_page = None
        if draw(st.integers(0, 5)) == 0:  # a page that begins with this paragraph
            page += 1
            opening_page = page
            gen.pages.append(str(page))
        # Page marker mid-sentence (never next to a marker or at the ends).
        if draw(st.integers(0, 4)) == 0 and len(words) > 4:
            page += 1
            words.insert(2, f"[Page {page}]")
            gen.pages.append(str(page))
        spots = [i for i, w in enumerate(words)
                 if w[-1].isalpha() and not w.startswith("[") and w != "No."
                 and not any(c.isdigit() for c in w)
                 and (i + 1 >= len(words) or not words[i + 1].startswith("[Page"))]
        chosen = sorted(set(draw(st.lists(st.sampled_from(spots), max_size=2)))) if spots \
            else []
        for i in chosen:  # markers in reading order, so the list order is theirs
            n = marker()
            gen.notes.append((n, words[i]))
            words[i] = words[i] + n
            note_texts.append(note_text(n))
        paragraph = " ".join(words) + "."
        if opening_page:
            paragraph = f"[Page {opening_page}]" + paragraph if style == "A" else paragraph
            if style == "B":
                blocks.append(f"[Page {opening_page}]")
        blocks.append(paragraph)
        gen.paragraphs += 1
        if style == "A" and draw(st.integers(0, 5)) == 0:
            blocks.extend(["- a.", "- " + " ".join(draw(sentences())) + ".",
                           "- b.", "- " + " ".join(draw(sentences())) + "."])
    # Notes appear in the list in the order of their markers.
    ordered = note_texts
    if style == "A":
        notes = [f"- {t}↩" for t in ordered]
        gen.text = "\n".join(blocks + notes)
    else:
        notes = [f"  {k}. {t}" for k, t in enumerate(ordered, 1)]
        gen.text = "\n\n".join(blocks) + "\n\n" + "\n".join(notes)
    return gen


def convert(text: str):
    return convert_text(decode(text.encode("utf-8"), "generated.txt"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_conversion_recovers_what_was_generated(gen: Generated) -> None:
    result = convert(gen.text)
    root = result.root
    notes = root.findall(".//tei:body//tei:note[@n]", NS)
    got = []
    for note in notes:
        previous = note.getprevious()
        before = previous.tail if previous is not None else note.getparent().text
        got.append((note.get("n"), (before or "").split()[-1] if (before or "").split() else ""))
    assert got == gen.notes
    assert [pb.get("n") for pb in root.iterfind(".//tei:body//tei:pb", NS)] == gen.pages
    assert tei_words(root) == input_words(gen.text)
    assert not [w for w in result.warnings if w.code.startswith("marker")], result.warnings


printable = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=EXAMPLES, deadline=None)
@given(printable)
def test_arbitrary_text_raises_only_teikit_errors(text: str) -> None:
    try:
        result = convert_text(decode(text.encode("utf-8"), "any.txt"))
    except TeikitError:
        return
    etree.fromstring(result.to_bytes())  # well-formed
    assert same_text(tei_words(result.root),
                     input_words(text.replace("\r\n", "\n").replace("\r", "\n")))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from(
    ["12. Memo From A to B0", "No. 5", "[Page 3]", "- a.", "- Source: X.↩", "  1. A note.",
     "  • Subject line", "", "Dulles", "the problem", "Text with 1954 and a note3.",
     "confidential", "CA–3400", "Subject:", "↩", "Text*", "- text", "1. Numbered."]),
    min_size=1, max_size=25))
def test_frus_shaped_noise_raises_only_teikit_errors(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        result = convert_text(decode(text.encode("utf-8"), "noise.txt"))
    except TeikitError:
        return
    assert same_text(tei_words(result.root), input_words(text))
