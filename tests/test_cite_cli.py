"""`teikit cite`: formats, several files, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, TEI_DIR

from teikit.cite import CHICAGO_FORMS, CITE_FORMATS, cite_paths
from teikit.cli import main

SEED_TEI = sorted(TEI_DIR.glob("*.xml"))
FIXTURES = REPO / "tests" / "fixtures" / "cite"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["cite", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", CITE_FORMATS)
def test_cli_prints_what_the_library_returns(fmt: str) -> None:
    code, out, _ = run("--format", fmt, *map(str, SEED_TEI))
    assert code == 0
    assert out == cite_paths(SEED_TEI, fmt)


def test_cli_choices_are_the_library_formats() -> None:
    command = main.commands["cite"]
    options = {p.name: p for p in command.params}
    assert tuple(options["fmt"].type.choices) == CITE_FORMATS
    assert tuple(options["form"].type.choices) == CHICAGO_FORMS


def test_cli_default_is_a_chicago_note_and_form_selects_bibliography() -> None:
    _, note, _ = run(str(SEED_TEI[0]))
    _, bibliography, _ = run("--form", "bibliography", str(SEED_TEI[0]))
    assert note == cite_paths(SEED_TEI[:1], "chicago", form="note")
    assert bibliography == cite_paths(SEED_TEI[:1], "chicago", form="bibliography")
    assert note != bibliography


def test_cli_csl_json_of_several_files_is_one_array() -> None:
    code, out, _ = run("-f", "csl-json", *map(str, SEED_TEI))
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == [p.stem for p in SEED_TEI]


def test_cli_reports_every_unreadable_file_and_exits_2(tmp_path: Path) -> None:
    not_xml = tmp_path / "page.txt"
    not_xml.write_text("352. Telegram", encoding="utf-8")
    not_tei = tmp_path / "other.xml"
    not_tei.write_text("<root/>", encoding="utf-8")
    code, out, err = run(str(SEED_TEI[0]), str(tmp_path / "missing.xml"), str(not_xml),
                         str(not_tei))
    assert code == 2
    # The file that could be cited still is (issue 9: one bad file costs no other citation).
    assert out.count("\n") == 1 and "1952–1954, Volume VIII" in out
    assert "missing.xml: no such file" in err
    assert "page.txt:1:" in err and "not well-formed XML" in err
    assert "other.xml:1: the root element is 'root', not a TEI document" in err


def test_cli_does_not_resolve_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    tei = tmp_path / "x.xml"
    tei.write_text(
        f'<!DOCTYPE TEI [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        '<title type="document">A &s; B</title></titleStmt></fileDesc></teiHeader></TEI>',
        encoding="utf-8")
    code, out, err = run(str(tei))
    assert code == 2
    assert "SECRET" not in out + err
    # The one safe reader (teikit.xmlsafe) refuses it as validate does (issue 9).
    assert "refused: entity 's' is declared with an external identifier" in err


def test_cli_rejects_an_unknown_format() -> None:
    code, _, err = run("--format", "mla", str(SEED_TEI[0]))
    assert code == 2
    assert "mla" in err


def test_cli_cites_a_header_without_catalog_facts() -> None:
    code, out, _ = run("-f", "bibtex", str(FIXTURES / "no-catalog-biblstruct.xml"))
    assert code == 0
    assert out.startswith("@misc{frus-d352,")


def test_cite_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["cite", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "teikit cite" in result.output
