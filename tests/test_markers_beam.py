"""The marker solver's wide retry: a page whose every note has its marker gets them all.

The page below came from the conversion property (tests/test_properties.py): under the
narrow beam the one reading that anchors note 9 at its set-off marker ("Department 9") was
pruned, and the note was left without its marker.
"""

from __future__ import annotations

import pytest

from teikit.convert import convert_text
from teikit.reader import markers
from teikit.textsource import decode

PAGE = "\n".join([
    'Mr. Harlow to Mr. Pell.',
    '',
    'No. 1.]',
    '',
    'Legation of the United States,',
    'Berne, March 3, 1883.',
    '',
    '[Page 3]',
    '',
    'Sir: The [Page 4] the1 the the the the the the the the Peiping1 the the the the the the the.',
    '',
    '[Page 5]',
    '',
    'The Peiping 2 the3 the the the the the the the the the the the the.',
    '',
    '[Page 6]',
    '',
    'The4 the5 the the.',
    '',
    '[Page 7]',
    '',
    'Department 6 the [Page 8] the* the the.',
    '',
    '[Page 9]',
    '',
    'The7 the the the.',
    '',
    '[Page 10]',
    '',
    'The8 the the the.',
    '',
    '[Page 11]',
    '',
    'Department 9 the [Page 12] the the the.',
    '',
    'I have, etc.,',
    '',
    '[Page 13]',
    '',
    'J. R. Harlow.',
    '',
    '  1. The the the the (note 1).',
    '  2. The the the the (note 1).',
    '  3. The the the the (note 2).',
    '  4. The the the the (note 3).',
    '  5. The the the the (note 4).',
    '  6. The the the the (note 5).',
    '',
    '     The the the the.',
    '  7. The the the the (note 6).',
    '',
    '     The the the the.',
    '  8. The the the the (note *).',
    '',
    '     The the the the.',
    '  9. The the the the (note 7).',
    '  10. The the the the (note 8).',
    '  11. The the the the the the the the the the the the the the the the (note 9).',
])


def _unanchored(page: str) -> list[str]:
    result = convert_text(decode(page.encode(), "page.txt"))
    return [str(w) for w in result.warnings if "has no marker" in str(w)]


def test_every_note_finds_its_marker() -> None:
    assert _unanchored(PAGE) == []


def test_the_narrow_beam_alone_loses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markers, "WIDE_BEAM_NOTES", 0)
    assert any("note 9" in w for w in _unanchored(PAGE))
