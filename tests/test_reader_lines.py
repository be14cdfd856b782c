"""The body reader's line classifier, one line at a time, and the tables around it.

:func:`~teikit.reader.lines.classify` tells a line's class from the line alone (and whether
it stands before the document's own text); the body reader's assemblers and opening rules
are tables whose every entry must name something that exists.
"""

from __future__ import annotations

import pytest

from teikit.reader import blocks
from teikit.reader.lines import LINE_CLASSES, LineClass, LineContext, classify

FRONT = LineContext(front=True)
TEXT = LineContext(front=False)

CASES = [
    # (line, context, class)
    ("", TEXT, LineClass.BLANK),
    ("   \t", FRONT, LineClass.BLANK),
    ("\u00a0", TEXT, LineClass.BLANK),  # a no-break space alone is white space too
    ("\u200b", TEXT, LineClass.TEXT),  # a zero-width space is kept as text, never dropped
    ("[Page 722]", TEXT, LineClass.PAGE),
    ("  [Facsimile Page 3]  ", TEXT, LineClass.PAGE),
    ("[Typeset Page iv]", FRONT, LineClass.PAGE),
    ("[Page 722] The talks", TEXT, LineClass.TEXT),
    ("see [Page 722]", TEXT, LineClass.TEXT),
    ("Subject: Trade with Ruritania", FRONT, LineClass.LIST_HEAD),
    ("Subject: Trade with Ruritania", TEXT, LineClass.TEXT),
    ("SUBJECT", FRONT, LineClass.LIST_HEAD),
    ("PARTICIPANTS:", FRONT, LineClass.LIST_HEAD),
    ("Participants", FRONT, LineClass.TEXT),  # a title-case word needs its colon
    ("- The Ambassador", TEXT, LineClass.BULLET),
    ("  • The Ambassador", FRONT, LineClass.BULLET),
    ("    ◦ a nested item", TEXT, LineClass.BULLET),
    ("• not indented", TEXT, LineClass.TEXT),
    ("-hyphen first", TEXT, LineClass.TEXT),
    ("(1)", TEXT, LineClass.LABEL),
    ("2.", FRONT, LineClass.LABEL),
    ("(b)", TEXT, LineClass.LABEL),
    ("iv.", TEXT, LineClass.LABEL),
    ("(1) The first point.", TEXT, LineClass.TEXT),
    ("1st.", TEXT, LineClass.LABEL),
    ("| Hides | 12,050 | 11,900 |", TEXT, LineClass.ROW),
    ("Hides    12,050    11,900", FRONT, LineClass.TEXT),  # furniture before the text
    ("1234.", TEXT, LineClass.TEXT),
    ("Sincerely yours,", TEXT, LineClass.TEXT),
    ("Moscow, September 10, 1960.", FRONT, LineClass.TEXT),
    ("The Ambassador called at noon.", FRONT, LineClass.TEXT),
]


@pytest.mark.parametrize(("line", "context", "expected"), CASES, ids=[repr(c[0]) for c in CASES])
def test_classify_one_line(line: str, context: LineContext, expected: LineClass) -> None:
    assert classify(line, context) is expected


def test_every_class_has_a_test_and_one_case() -> None:
    assert [c for c, _ in LINE_CLASSES] == list(LineClass)
    assert {expected for _, _, expected in CASES} == set(LineClass)


@pytest.mark.parametrize(
    ("line", "fitting"),
    [
        ("Subject: Trade", [LineClass.LIST_HEAD, LineClass.TEXT]),
        ("", [LineClass.BLANK, LineClass.TEXT]),
        ("[Page 3]", [LineClass.PAGE, LineClass.TEXT]),
    ],
)
def test_the_first_class_that_fits_wins(line: str, fitting: list[LineClass]) -> None:
    # The last class fits every line: the table's order decides.
    assert [c for c, test in LINE_CLASSES if test(line, line.strip(), FRONT)] == fitting
    assert classify(line, FRONT) is fitting[0]


def test_classify_is_pure() -> None:
    # The same line gives the same class, whatever was classified before it.
    first = [classify(line, context) for line, context, _ in CASES]
    again = [classify(line, context) for line, context, _ in reversed(CASES)]
    assert first == list(reversed(again))


def test_every_class_that_opens_a_block_has_an_assembler() -> None:
    read_in_the_loop = {LineClass.BLANK, LineClass.PAGE}
    assert set(blocks.ASSEMBLERS) == set(LineClass) - read_in_the_loop


def test_every_opening_rule_names_a_method() -> None:
    names = [name for _, name in blocks.FRONT_RULES]
    assert len(set(names)) == len(names)
    for name in names:
        assert callable(getattr(blocks.BodyReader, name)), name
