"""A page marker the text repeats (here inside a note that quotes the line) gets a
suffixed id, ``pg_typeset_4_2``, which the grammar accepts; the rules then name the repeat
(``pb-order``), which is what the editor has to look at.

Found by the noise property (tests/test_properties.py) once an unknown first line was read
as the head instead of refused.
"""

from __future__ import annotations

from pathlib import Path

from teikit.convert import convert_text
from teikit.textsource import decode
from teikit.validation import validate_paths

PAGE = "\n".join([
    "Text [Typeset Page 4] goes on 2.",
    "- text",
    "Text [Typeset Page 4] goes on 2.",
    "\u21a9\ufe0e",
])


def test_a_repeated_page_marker_gives_valid_tei(tmp_path: Path) -> None:
    result = convert_text(decode(PAGE.encode(), "page.txt"))
    ids = [el.get("{http://www.w3.org/XML/1998/namespace}id")
           for el in result.root.iter("{http://www.tei-c.org/ns/1.0}pb")]
    assert ids == ["pg_typeset_4", "pg_typeset_4_2"]
    target = tmp_path / f"{result.tei_id}.xml"
    target.write_bytes(result.to_bytes())
    report = validate_paths([target])
    errors = {f.rule for f in report.findings if f.severity == "error"}
    assert errors == {"pb-order"}, "\n".join(map(str, report.findings))
