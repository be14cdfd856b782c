"""A page break may open the covering division of a document with enclosures.

Found by a property test: a facsimile page marker right under the title of a document whose
enclosure follows gave a covering division that begins with ``pb``, which the grammar
refused although TEI allows a page break anywhere among a division's children.
"""

from __future__ import annotations

from pathlib import Path

from teikit.convert import convert_text
from teikit.textsource import decode
from teikit.validation import validate_paths

PAGE = (
    "Mr. Harlow to Mr. Pell.\n"
    "[Facsimile Page 2]\n"
    "12. Memo From A to B0\n"
    "Mr. Harlow to Mr. Pell.\n"
    "12. Memo From A to B0"
)


def test_a_page_break_first_in_the_covering_division_is_valid(tmp_path: Path) -> None:
    result = convert_text(decode(PAGE.encode(), "page.txt"))
    root = result.root
    covering = root.find(".//{http://www.tei-c.org/ns/1.0}div[@type='covering']")
    assert covering is not None
    assert covering[0].tag == "{http://www.tei-c.org/ns/1.0}pb"
    target = tmp_path / f"{result.tei_id}.xml"
    target.write_bytes(result.to_bytes())
    report = validate_paths([target])
    assert report.is_valid(), "\n".join(str(f) for f in report.findings)
