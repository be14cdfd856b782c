"""The nothing-lost check, shared by the seed tests and the property tests.

``input_words`` reads a page text with only the page's own decorations removed: page
markers, bullets, the note list's labels and return arrows (with the U+FE0E a browser copies
after one). ``tei_words`` reads TEI back in
input order: the body with each footnote replaced by its marker (glued as the page text has
it), then the notes' texts in document order, which is the order of the trailing note list.
"""

from __future__ import annotations

import re

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
PAGE = re.compile(r"\[(?:(?:Facsimile|Typeset) )?Page [0-9ivxlcdm]+\]")


def input_words(text: str) -> list[str]:
    words: list[str] = []
    lines = text.splitlines()
    # Style-B note labels ("  1. ") only label notes in the trailing indented run.
    flush = [i for i, line in enumerate(lines) if line.strip() and (
        not line[0].isspace() or re.match(r"^\s+[•·▪◦]\s", line))]
    notes_from = flush[-1] + 1 if flush else 0
    note_ended = False  # a line ending in the arrow was seen: the style-A notes have begun
    for index, line in enumerate(lines):
        line = PAGE.sub(" ", line)
        if index >= notes_from:
            line = re.sub(r"^\s+(?:\d{1,3}|[*†‡§‖¶]{1,4})\.\s", "", line)
        ends_note = bool(re.search("↩\ufe0e?\\s*$", line))
        line = re.sub("↩\ufe0e?", " ", line)                        # return arrows
        line = re.sub(r"^\s*(?:- |[•·]\s)", "", line)                 # bullets
        if note_ended and line.strip() == "-":
            line = ""                                               # a note's bare bullet
        note_ended = note_ended or ends_note
        words.extend(line.split())
    return words


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def tei_words(root: etree._Element) -> list[str]:
    body = root.find(f".//{{{TEI_NS}}}body")
    main: list[str] = []
    notes: list[str] = []

    def walk(el: etree._Element, out: list[str]) -> None:
        out.append(el.text or "")
        for child in el:
            name = _local(child)
            if name == "note" and child.get("rend") != "inline":
                if child.get("anchored") != "false":
                    out.append(child.get("n") or "")
                inner: list[str] = []
                walk(child, inner)
                notes.append(" ".join(inner))
            elif name in ("lb", "pb"):
                out.append(" ")
            elif name in ("p", "item", "label", "head", "signed", "salute", "dateline",
                          "seg", "idno") or len(child):
                out.append(" ")
                walk(child, out)
                out.append(" ")
            else:
                walk(child, out)
            out.append(child.tail or "")

    walk(body, main)
    return "".join(main).split() + " ".join(notes).split()


def same_text(got: list[str], expected: list[str]) -> bool:
    """Compare two word lists on their characters alone.

    A marker set off from its word by a space loses that space in TEI (no white space
    before a note), which joins two words; every character still stands in order.
    """
    return "".join(got) == "".join(expected)
