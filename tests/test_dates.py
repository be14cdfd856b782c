"""The document date: from the dateline, a place-and-date title, or a decimal file number."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NS

from teikit.convert import convert_text
from teikit.dates import (
    date_from_dateline,
    date_from_file_number,
    date_from_title,
    document_date,
)
from teikit.textsource import decode
from teikit.validation import validate_paths


@pytest.mark.parametrize("text, when, label", [
    ("Moscow, September 10, 1960.", "1960-09-10", "September 10, 1960"),
    ("Washington, November 12, 1955, 1:03 p.m.", "1955-11-12", "November 12, 1955"),
    ("[Washington,] October 14, 1943.", "1943-10-14", "October 14, 1943"),
    ("London, 27 June, 1942.", "1942-06-27", "June 27, 1942"),
    ("Moscow, April 12, 1949—5 p.m.", "1949-04-12", "April 12, 1949"),
    ("Legation of the United States, Paris, May 3d, 1866.", "1866-05-03", "May 3, 1866"),
    ("Lima, Sept. 21st, 1872.", "1872-09-21", "September 21, 1872"),
    ("Moscow, September 10, 19601", "1960-09-10", "September 10, 1960"),  # a glued marker
    ("Washington, September 1960.", "1960-09", "September 1960"),
    ("[Washington,] 1960.", "1960", "1960"),
    ("Geneva, May 3–5, 1968.", "1968-05", "May 3–5, 1968"),
    ("Geneva, May 30–June 2, 1968.", "1968", "May 30–June 2, 1968"),
])
def test_a_dateline_gives_its_date(text: str, when: str, label: str) -> None:
    date = date_from_dateline(text)
    assert (date.when, date.label, date.source, date.cert) == (when, label, "dateline", "high")
    assert date.evidence == text


@pytest.mark.parametrize("text", [
    "Moscow, September 10, 4 p.m.",        # no year
    "Washington, February 30, 1960.",      # no such day
    "Geneva, May 5–3, 1968.",              # a range that runs backwards
    "Washington, undated.",
    "Washington, September 10, 123456.",
])
def test_a_dateline_without_a_real_date_gives_none(text: str) -> None:
    assert date_from_dateline(text) is None


@pytest.mark.parametrize("title, when, evidence", [
    ("Memorandum of Conversation, Geneva, May 3, 1968",
     "1968-05-03", "Memorandum of Conversation, Geneva, May 3, 1968"),
    ("Memorandum of Conversation, Geneva, May 3, 1968.",
     "1968-05-03", "Memorandum of Conversation, Geneva, May 3, 1968"),
    # markers glued to the year, as a reader that did not split them leaves the title
    ("Memorandum of Conversation, Geneva, May 3, 19681 2",
     "1968-05-03", "Memorandum of Conversation, Geneva, May 3, 1968"),
    ("Memorandum of Conversation, Washington, May 3, 1968, 4:30–6 p.m.",
     "1968-05-03", "Memorandum of Conversation, Washington, May 3, 1968"),
    ("Memorandum for the Record, Washington, May 3, 1968, noon",
     "1968-05-03", "Memorandum for the Record, Washington, May 3, 1968"),
    ("Summary Record of a Meeting, Camp David, March 14–16, 1961",
     "1961-03", "Summary Record of a Meeting, Camp David, March 14–16, 1961"),
    ("Paper Prepared in the Policy Planning Staff, Washington, September 1960",
     "1960-09", "Paper Prepared in the Policy Planning Staff, Washington, September 1960"),
    ("Paper Prepared by the Operations Coordinating Board, 1955",
     "1955", "Paper Prepared by the Operations Coordinating Board, 1955"),
])
def test_a_title_that_ends_in_place_and_date_gives_it(title: str, when: str,
                                                      evidence: str) -> None:
    date = date_from_title(title)
    assert (date.when, date.source, date.cert, date.evidence) == (when, "title", "high",
                                                                  evidence)


@pytest.mark.parametrize("title", [
    "Telegram From the Embassy in the Soviet Union to the Department of State",
    "Letter of May 3, 1968, to the Ambassador in France",  # the date it speaks of
    "National Intelligence Estimate 1960",                  # no comma: a name
    "Editorial Note",
])
def test_a_title_without_its_own_date_gives_none(title: str) -> None:
    assert date_from_title(title) is None


@pytest.mark.parametrize("note, when", [
    ("Source: Department of State, Central Files, 661.93/9–1060. Confidential.", "1960-09-10"),
    ("611.93/5–459: Telegram", "1959-05-04"),
    ("856D.00/8–1549: Despatch", "1949-08-15"),
    ("740.00119 P. W./9–145: Telegram", "1945-09-01"),
    ("396.1-GE/5-2859", "1959-05-28"),
    # Subjects with parentheses, commas and initials (invented numbers, real shapes).
    ("740.00119 Control (Austria)/3–1748: Telegram", "1948-03-17"),
    ("811.002 Truman, H. S./2–2046", "1946-02-20"),
    ("033.1100 Jones/11–347: Airgram", "1947-11-03"),
])
def test_a_decimal_file_number_gives_its_filing_date(note: str, when: str) -> None:
    date = date_from_file_number(note)
    assert (date.when, date.source, date.cert) == (when, "file-number", "medium")


def test_a_file_number_without_a_date_gives_none() -> None:
    assert date_from_file_number("File No. 763.72/189") is None
    assert date_from_file_number("611.93/13–4059") is None  # month 13


DATELINE = "Moscow, September 10, 1960, 4 p.m."
TITLE = "Memorandum of Conversation, Moscow, September 9, 1960"
NOTE = "Source: Department of State, Central Files, 661.93/9–1260. Secret."


@pytest.mark.parametrize("given, source, when", [
    ({"dateline": DATELINE, "title": TITLE, "source_note": NOTE}, "dateline", "1960-09-10"),
    ({"title": TITLE, "source_note": NOTE}, "title", "1960-09-09"),
    ({"source_note": NOTE}, "file-number", "1960-09-12"),
    # a source that gives no date passes the turn to the next
    ({"dateline": "Moscow, September 10, 4 p.m.", "title": TITLE}, "title", "1960-09-09"),
    ({"dateline": "Moscow, undated", "title": "Telegram From A to B", "source_note": NOTE},
     "file-number", "1960-09-12"),
])
def test_the_most_direct_source_wins(given: dict, source: str, when: str) -> None:
    date = document_date(**given)
    assert (date.source, date.when) == (source, when)


def test_no_source_no_date() -> None:
    assert document_date() is None
    assert document_date(title="Telegram From A to B", source_note="File No. 763.72/189") \
        is None


# -- in the TEI ----------------------------------------------------------------------------

def _convert(text: str):
    return convert_text(decode(text.encode("utf-8"), "page.txt"))


def _date(root):
    date = root.find(".//tei:profileDesc/tei:creation/tei:date", NS)
    return date.get("when"), date.get("cert"), date.text, date.tail


TITLED = ("57. Memorandum of Conversation, Geneva, May 3, 1968\n"
          "The delegates met in the morning and spoke of the tariff schedules.1\n"
          "- Source: Department of State, Central Files, 375.800/5–968. Confidential.↩\n"
          "- Not printed.↩")


def test_the_header_says_a_title_date_was_read_from_the_title() -> None:
    assert _date(_convert(TITLED).root) == (
        "1968-05-03", "high", "May 3, 1968", ", read from the place and date that end the "
        "title “Memorandum of Conversation, Geneva, May 3, 1968”.")


def test_a_dateline_outranks_the_title_and_the_file_number() -> None:
    text = TITLED.replace("1968\n", "1968\nGeneva, May 4, 1968.\n", 1)
    when, cert, label, tail = _date(_convert(text).root)
    assert (when, cert, label) == ("1968-05-04", "high", "May 4, 1968")
    assert tail == ", read from the dateline “Geneva, May 4, 1968.”."


def test_the_file_number_still_serves_when_nothing_else_does() -> None:
    text = TITLED.replace(", Geneva, May 3, 1968", " Between the Delegations", 1)
    assert _date(_convert(text).root) == (
        "1968-05-09", "medium", "May 9, 1968", ", read from the decimal file number "
        "375.800/5–968 (month–day–year) in the source note.")


def test_a_partial_date_is_valid_tei(tmp_path: Path) -> None:
    text = TITLED.replace("Geneva, May 3, 1968", "Washington, September 1960", 1)
    result = _convert(text)
    assert _date(result.root)[:3] == ("1960-09", "high", "September 1960")
    assert "(it gives the month only)" in _date(result.root)[3]
    (tmp_path / f"{result.tei_id}.xml").write_bytes(result.to_bytes())
    report = validate_paths([tmp_path])
    assert report.is_valid(), "\n".join(str(f) for f in report.findings)


DATELINE_PAGE = ("58. Telegram From the Embassy in Italy to the Department of State0\n"
                 "{dateline}\n"
                 "The minister called me in this morning.\n"
                 "- Source: Department of State, Central Files, 765.00/9–1260. Secret.↩")


def test_a_month_only_dateline_in_a_page() -> None:
    root = _convert(DATELINE_PAGE.format(dateline="Rome, September 1960.")).root
    assert _date(root)[:2] == ("1960-09", "high")


def test_an_ordinal_dateline_in_a_page() -> None:
    root = _convert(DATELINE_PAGE.format(dateline="Rome, September 3d, 1866.")).root
    assert _date(root)[:2] == ("1866-09-03", "high")


def test_a_dateline_in_a_page() -> None:
    root = _convert(DATELINE_PAGE.format(dateline="Rome, September 10, 1960, 4 p.m.")).root
    assert _date(root)[:2] == ("1960-09-10", "high")
