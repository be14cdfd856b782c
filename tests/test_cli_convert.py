"""`teikit convert` from the command line: outputs, overrides and bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NS, SEED_FILES, SEEDS, TEI_DIR
from lxml import etree

from teikit.cli import main

MODERN = "12. Memorandum From the Secretary to the President0\nThe text of it1 runs here.\n"


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the real console entry point, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "teikit.cli", *args], capture_output=True, text=True, check=False
    )


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_one_input_prints_tei_on_stdout() -> None:
    result = CliRunner().invoke(main, ["convert", str(SEED_FILES[0])])
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.stdout_bytes)
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "frus1958-60v19-d352"


def test_several_inputs_need_an_output_dir() -> None:
    result = CliRunner().invoke(main, ["convert", *map(str, SEED_FILES[:2])])
    assert result.exit_code == 2
    assert "several inputs need -o DIR" in result.output


def test_output_dir_gets_one_file_per_input_named_by_id(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", *map(str, SEED_FILES), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in TEI_DIR.glob("*.xml")
    )


def test_committed_tei_is_what_the_converter_makes_today(tmp_path: Path) -> None:
    CliRunner().invoke(main, ["convert", *map(str, SEED_FILES), "-o", str(tmp_path)])
    committed = sorted(TEI_DIR.glob("*.xml"))
    assert committed, "tei/ is empty: run `teikit convert seeds/*.txt -o tei/`"
    stale = [p.name for p in committed if p.read_bytes() != (tmp_path / p.name).read_bytes()]
    assert not stale, (
        f"tei/ is out of date for {stale}: regenerate with "
        "`teikit convert seeds/*.txt -o tei/` and review the diff"
    )


def test_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    first = [run("convert", str(p)).stdout for p in SEED_FILES]
    second = [run("convert", str(p)).stdout for p in SEED_FILES]
    assert first == second and all(first)


def test_without_a_catalog_the_header_holds_what_the_text_gives(tmp_path: Path) -> None:
    page = write(tmp_path / "page.txt", (SEEDS / SEED_FILES[0].name).read_bytes())
    result = CliRunner().invoke(main, ["convert", str(page)])
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.stdout_bytes)
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == "frus-d352"
    assert (
        root.findtext(".//tei:titleStmt/tei:title[@type='document']", namespaces=NS)
        == "Telegram From the Embassy in the Soviet Union to the Department of State"
    )
    assert root.find(".//tei:titleStmt/tei:editor", NS) is None
    # The first page is inferred from the first page marker, and says so.
    scope = root.find(".//tei:biblScope[@unit='page']", NS)
    assert (scope.get("from"), scope.get("to"), scope.get("cert")) == ("721", "723", "medium")
    assert root.find(".//tei:creation/tei:date", NS).get("when") == "1960-09-10"


def test_options_override_the_catalog(tmp_path: Path) -> None:
    page = write(tmp_path / "page.txt", SEED_FILES[0].read_bytes())
    result = CliRunner().invoke(
        main,
        [
            "convert",
            str(page),
            "--catalog",
            str(SEEDS / "catalog.toml"),
            "--volume",
            "frus1958-60v19",
            "--doc",
            "352",
            "--first-page",
            "721",
        ],
    )
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.stdout_bytes)
    assert root.findtext(".//tei:titleStmt/tei:title[@type='volume']", namespaces=NS) == "China"
    assert (
        root.find(".//tei:ptr", NS).get("target")
        == "https://history.state.gov/historicaldocuments/frus1958-60v19/d352"
    )


BAD_INPUTS = {
    "missing": (None, "no such file"),
    "directory": ("DIR", "is a directory"),
    "empty": (b"", "the file is empty"),
    "blank": (b"  \n\n\t\n", "blank (whitespace only)"),
    "latin1": ("caf\u00e9 au lait\n".encode("latin-1"), "not UTF-8 text (byte 0xe9"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "no_title": (b"Just some words.\nAnd more words.\n", "no recognisable title"),
    "nul": (b"12. Memo From A to B\nText\x00here.\n", "U+0000 cannot appear in XML"),
    "control_char": (b"12. Memo From A to B\nText\x1bhere.\n", "U+001B cannot appear in XML"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gives_one_clear_line_and_no_output(case: str, tmp_path: Path) -> None:
    data, expected = BAD_INPUTS[case]
    target = tmp_path / f"{case}.txt"
    if data == "DIR":
        target.mkdir()
    elif data is not None:
        write(target, data)
    out = tmp_path / "out"
    result = run("convert", str(target), "-o", str(out))
    # A path that cannot be read at all is exit 2; a file whose content is bad, exit 1.
    assert result.returncode == (2 if case in ("missing", "directory") else 1)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [lines[0]] and lines[0].startswith(f"error: {target}")
    assert expected in lines[0]
    assert not out.exists() or not any(out.iterdir())


def test_markers_that_do_not_match_the_notes_warn_and_strict_refuses(tmp_path: Path) -> None:
    text = MODERN.replace("it1", "it") + "- Source: Somewhere.↩\n- A note.↩\n"
    page = write(tmp_path / "page.txt", text)
    loose = run("convert", str(page))
    assert loose.returncode == 0
    assert "note 1 has no marker in the text" in loose.stderr
    assert '<note n="1"' in loose.stdout
    out = tmp_path / "out"
    strict = run("convert", "--strict", str(page), "-o", str(out))
    assert strict.returncode == 1
    assert "error:" in strict.stderr and "note 1 has no marker" in strict.stderr
    assert not out.exists() or not any(out.iterdir())


def test_a_batch_converts_the_good_and_reports_the_bad(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", MODERN + "- Source: Somewhere.↩\n- A note.↩\n")
    bad = write(tmp_path / "bad.txt", b"")
    out = tmp_path / "out"
    result = run("convert", str(good), str(bad), "-o", str(out))
    assert result.returncode == 1
    assert [p.name for p in out.iterdir()] == ["frus-d12.xml"]
    assert f"error: {bad}: the file is empty" in result.stderr
    assert "converted 1 of 2 files" in result.stderr


def test_a_bad_catalog_is_a_usage_error(tmp_path: Path) -> None:
    catalog = write(tmp_path / "catalog.toml", "[documents.'x.txt']\nvolume = 'nope'\n")
    page = write(tmp_path / "page.txt", MODERN + "- Source: S.↩\n- N.↩\n")
    result = run("convert", str(page), "--catalog", str(catalog))
    assert result.returncode == 2
    assert "volume 'nope' has no [volumes.nope] table" in result.stderr
    assert "Traceback" not in result.stderr
