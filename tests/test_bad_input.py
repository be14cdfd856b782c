"""Bad and awkward inputs through the real command line, one test per case.

The cases are the files in tests/fixtures/bad_input/ (see its README). Each test runs
``python -m teikit.cli convert FILE -o OUT`` as a user would and checks the exit code, the
exact message, that no traceback is printed, and that a refused input leaves nothing in OUT
(not even a temporary file). Refusals of a file's content exit 1 (the input had problems;
2 is for usage errors and paths that cannot be read at all, see tests/test_faults.py),
conversions with warnings exit 0.

Windows-1252 and Latin-1 text is refused with the place of the first byte that is not UTF-8
and the iconv command that fixes it: the 8-bit encoding cannot be told for sure, and a wrong
guess would change characters silently.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import NS, REPO, TEI_NS
from lxml import etree

BAD = REPO / "tests" / "fixtures" / "bad_input"
T = f"{{{TEI_NS}}}"


def run(source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "teikit.cli", "convert", str(source), "-o", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )


def refused(name: str, tmp_path: Path, fragment: str) -> str:
    """Convert a file that must be refused; return its one error line."""
    source = BAD / name
    out = tmp_path / "out"
    result = run(source, out)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {source}"), lines[0]
    assert fragment in lines[0], lines[0]
    assert not out.exists() or not list(out.iterdir())
    return lines[0]


def converted(name: str, tmp_path: Path, *extra: str) -> tuple[etree._Element, str]:
    """Convert a file that must convert; return its TEI and the warnings printed."""
    source = BAD / name
    out = tmp_path / "out"
    result = run(source, out, *extra)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    files = list(out.iterdir())
    assert len(files) == 1 and files[0].suffix == ".xml", files
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(files[0]), parser).getroot(), result.stderr


def body(root: etree._Element) -> bytes:
    return etree.tostring(root.find(f"{T}text"))


def reference_body(tmp_path: Path) -> bytes:
    root, warnings = converted("lf_reference.txt", tmp_path / "reference")
    assert warnings == ""
    return body(root)


def test_empty_file(tmp_path: Path) -> None:
    refused("empty.txt", tmp_path, ": the file is empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    refused("whitespace_only.txt", tmp_path, ": the file is blank (whitespace only)")


def test_binary_file(tmp_path: Path) -> None:
    refused("binary.bin", tmp_path, "this is a binary file, not page text: a PNG image")


def test_many_nul_bytes_make_a_binary_file(tmp_path: Path) -> None:
    source = tmp_path / "blob.txt"
    source.write_bytes(b"12. Title\n" + bytes(range(256)) * 8)
    result = run(source, tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "binary file, not page text: it holds NUL bytes and is not UTF-8" in result.stderr
    dense = tmp_path / "dense.txt"
    dense.write_bytes(b"12. Title\n" + b"ab\x00" * 100)
    result = run(dense, tmp_path / "out")
    assert result.returncode == 1
    assert "binary file, not page text: a binary file (it holds many NUL bytes)" in result.stderr


def test_utf16_with_byte_order_mark(tmp_path: Path) -> None:
    root, warnings = converted("utf16.txt", tmp_path)
    assert (
        warnings.strip() == f"warning: {BAD / 'utf16.txt'}: the file is UTF-16; read it "
        "as such (save page text as UTF-8)"
    )
    assert body(root) == reference_body(tmp_path)


def test_utf16_without_byte_order_mark(tmp_path: Path) -> None:
    source = tmp_path / "utf16le.txt"
    source.write_bytes((BAD / "lf_reference.txt").read_text(encoding="utf-8").encode("utf-16-le"))
    out = tmp_path / "out"
    result = run(source, out)
    assert result.returncode == 0, result.stderr
    assert "the file is UTF-16-LE without a byte-order mark; read it as such" in result.stderr
    assert body(etree.parse(str(next(out.iterdir()))).getroot()) == reference_body(tmp_path)


def test_utf8_with_byte_order_mark(tmp_path: Path) -> None:
    root, warnings = converted("utf8_bom.txt", tmp_path)
    assert warnings.strip() == f"warning: {BAD / 'utf8_bom.txt'}: dropped a UTF-8 byte-order mark"
    assert body(root) == reference_body(tmp_path)
    assert not root.find(".//tei:head", NS).text.startswith("\ufeff")


def test_windows_1252_is_refused_with_the_place_and_the_fix(tmp_path: Path) -> None:
    line = refused(
        "cp1252.txt",
        tmp_path,
        "cp1252.txt:4: not UTF-8 text (byte 0x92 at "
        "offset 88); it looks like Windows-1252 or Latin-1",
    )
    assert "iconv -f windows-1252 -t utf-8" in line


def test_crlf_line_ends(tmp_path: Path) -> None:
    root, warnings = converted("crlf.txt", tmp_path)
    assert warnings == ""
    assert body(root) == reference_body(tmp_path)


def test_cr_only_line_ends(tmp_path: Path) -> None:
    root, warnings = converted("cr_only.txt", tmp_path)
    assert warnings == ""
    assert body(root) == reference_body(tmp_path)


def test_one_nul_in_text_is_a_forbidden_character_with_its_line(tmp_path: Path) -> None:
    refused("nul_in_text.txt", tmp_path, "nul_in_text.txt:3: character U+0000 cannot appear in XML")


def test_control_characters_are_reported_with_every_line(tmp_path: Path) -> None:
    refused(
        "control_chars.txt",
        tmp_path,
        "control_chars.txt:2: character U+000B cannot appear in XML (also U+001B on line 3)",
    )


def test_xml_specials_are_text(tmp_path: Path) -> None:
    root, warnings = converted("xml_specials.txt", tmp_path)
    assert warnings == ""
    text = "".join(root.find(f"{T}text").itertext())
    for literal in (
        "&",
        "<",
        ">",
        "]]>",
        "<note>",
        "&amp;",
        "</note>",
        "<draft>",
        "Smith & Jones",
        "rates < 5 percent",
        "C<D",
    ):
        assert literal in text, literal
    assert len(root.findall(f".//{T}note[@n]")) == 2


def test_markers_without_notes_are_kept_as_text_with_a_warning(tmp_path: Path) -> None:
    root, warnings = converted("markers_without_notes.txt", tmp_path)
    assert root.find(f".//{T}note") is None
    text = "".join(root.find(f"{T}text").itertext())
    assert "Department of State0" in text and "Bergen1 on June 3" in text
    assert "begins.2" in text
    assert (
        "markers_without_notes.txt:1: the title ends in “0”, which looks like a note "
        "marker, but the page has no note list" in warnings
    )


def test_notes_without_markers_are_kept_unanchored_and_reported(tmp_path: Path) -> None:
    root, warnings = converted("notes_without_markers.txt", tmp_path)
    notes = root.findall(f".//{T}note[@n]")
    assert [n.get("n") for n in notes] == ["0", "1", "2"]
    assert [n.get("anchored") for n in notes] == ["false"] * 3
    assert notes[0].get("type") == "source" and notes[0].getparent().tag == f"{T}head"
    assert [n.text.split()[0] for n in notes] == ["Source:", "Telegram", "The"]
    reported = [line for line in warnings.splitlines() if "has no marker in the text" in line]
    assert len(reported) == 3
    assert [re.search(r":(\d+): note", r).group(1) for r in reported] == ["10", "11", "12"]
    assert "read " not in warnings  # no note anchored on a guess


def test_no_title_is_refused(tmp_path: Path) -> None:
    refused("no_title.txt", tmp_path, "no_title.txt:1: no recognisable title")


def test_the_clean_reference_converts_without_warnings(tmp_path: Path) -> None:
    root, warnings = converted("lf_reference.txt", tmp_path)
    assert warnings == ""
    assert [n.get("n") for n in root.iter(f"{T}note") if n.get("n")] == ["0", "1"]


def test_strict_mode_refuses_an_input_with_warnings(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(BAD / "notes_without_markers.txt", out, "--strict")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error:" in result.stderr and "has no marker in the text" in result.stderr
    assert not out.exists() or not list(out.iterdir())


@pytest.mark.parametrize("size", [100_000, 400_000])
def test_one_very_long_line_converts(tmp_path: Path, size: int) -> None:
    """A paragraph of one long line (no line ends at all) converts whole."""
    words = "The Department notes that the talks will resume in 1954 at Geneva. " * size
    source = tmp_path / "long.txt"
    source.write_text(
        "12. Memorandum From A to B0\n" + words[:size] + "1\n- Source: Somewhere.↩\n- A note.↩",
        encoding="utf-8",
    )
    result = run(source, tmp_path / "out")
    assert result.returncode == 0, result.stderr
