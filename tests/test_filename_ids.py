"""Volume and document number from the file name of a page saved under its address."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NS, REPO, SEED_FILES, SEEDS

from teikit.addresses import Address, address_of
from teikit.cli import main
from teikit.convert import ConvertOptions, convert_file
from teikit.errors import StrictModeError

SEED_352 = SEED_FILES[0]  # "352. Telegram From the Embassy …", frus1958-60v19
TELEGRAM = REPO / "tests" / "fixtures" / "variants" / "old_layout_telegram_b.txt"  # no number
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.mark.parametrize("name, address", [
    ("frus1958-60v19_d352.txt", Address("frus1958-60v19", 352)),
    ("frus1958-60v19-d352.txt", Address("frus1958-60v19", 352)),
    ("frus1958-60v19-d352.page.txt", Address("frus1958-60v19", 352)),
    ("frus1958-60v19_d352", Address("frus1958-60v19", 352)),
    ("frus1866p2_d463.txt", Address("frus1866p2", 463)),
    ("frus1952-54v14p1-d50.txt", Address("frus1952-54v14p1", 50)),
    ("frus1969-76ve05p1_d12.txt", Address("frus1969-76ve05p1", 12)),
    ("frus1958-60v19/d352.txt", Address("frus1958-60v19", 352)),
    ("pages/d352.txt", Address(None, 352)),
    ("d352.txt", Address(None, 352)),
    ("page352.txt", None),
    ("352.txt", None),
    ("notes_d352.txt", None),
    ("frus_d352.txt", None),          # not a volume id
    ("frus1958-60v19_d352x.txt", None),
    ("frus1958-60v19.txt", None),
    ("000_3a03024524f4be47.txt", None),
])
def test_the_file_name_rule(name: str, address: Address | None) -> None:
    assert address_of(Path(name)) == address


def _copy(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def test_a_page_saved_under_its_address_gets_volume_and_number(tmp_path: Path) -> None:
    page = _copy(TELEGRAM, tmp_path, "frus1948v07_d512.txt")
    result = convert_file(page)
    assert result.tei_id == "frus1948v07-d512"
    root = result.root
    assert root.get(XML_ID) == "frus1948v07-d512"
    assert root.find(".//tei:body/tei:div", NS).get("n") == "512"
    assert root.find(".//tei:monogr/tei:idno[@type='frus']", NS).text == "frus1948v07"
    assert root.find(".//tei:biblStruct/tei:ptr", NS).get("target") == \
        "https://history.state.gov/historicaldocuments/frus1948v07/d512"
    assert not [w for w in result.warnings if w.code in ("no-doc-number", "doc-number")]


def test_a_bare_document_name_gives_the_number_only(tmp_path: Path) -> None:
    result = convert_file(_copy(TELEGRAM, tmp_path, "d57.txt"))
    assert result.tei_id == "frus-d57"
    assert not [w for w in result.warnings if w.code == "no-doc-number"]


def test_the_folder_named_as_a_volume_gives_the_volume(tmp_path: Path) -> None:
    result = convert_file(_copy(TELEGRAM, tmp_path / "frus1948v07", "d57.txt"))
    assert result.tei_id == "frus1948v07-d57"


def test_a_name_that_follows_no_rule_changes_nothing(tmp_path: Path) -> None:
    result = convert_file(_copy(TELEGRAM, tmp_path, "my-telegram.txt"))
    assert result.tei_id == "frus-d0"
    assert [w.code for w in result.warnings].count("no-doc-number") == 1


def test_a_catalog_that_describes_the_volume_gives_its_facts(tmp_path: Path) -> None:
    # The catalog knows the volume but not this file: its volume facts still apply.
    shutil.copyfile(SEEDS / "catalog.toml", tmp_path / "catalog.toml")
    result = convert_file(_copy(SEED_352, tmp_path, "frus1958-60v19_d352.txt"))
    assert result.tei_id == "frus1958-60v19-d352"
    assert result.root.findtext(".//tei:titleStmt/tei:title[@type='volume']",
                                namespaces=NS) == "China"
    assert not result.warnings or all(w.code != "doc-number" for w in result.warnings)


def test_the_catalog_wins_and_a_conflict_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_text(
        '[volumes.frus1958-60v19]\nvolume_title = "China"\n'
        '[volumes.frus1958-60v18]\nvolume_title = "Japan; Korea"\n'
        '[documents."frus1958-60v18_d353.txt"]\nvolume = "frus1958-60v19"\nnumber = 352\n',
        encoding="utf-8")
    page = _copy(SEED_352, tmp_path, "frus1958-60v18_d353.txt")
    result = convert_file(page)
    assert result.tei_id == "frus1958-60v19-d352"
    said = {w.code: w.message for w in result.warnings}
    assert said["file-name-volume"] == ("the file name gives volume frus1958-60v18 but the "
                                        "catalog gives frus1958-60v19; used frus1958-60v19")
    assert said["file-name-number"] == ("the file name gives document 353 but the catalog "
                                        "gives 352; used 352")
    assert all(w.path == str(page) for w in result.warnings)


def test_the_options_win_and_a_conflict_is_a_warning(tmp_path: Path) -> None:
    page = _copy(TELEGRAM, tmp_path, "frus1948v07_d512.txt")
    result = convert_file(page, ConvertOptions(volume="frus1948v08", doc_number=600))
    assert result.tei_id == "frus1948v08-d600"
    said = {w.code: w.message for w in result.warnings}
    assert said["file-name-volume"] == ("the file name gives volume frus1948v07 but --volume "
                                        "gives frus1948v08; used frus1948v08")
    assert said["file-name-number"] == ("the file name gives document 512 but --doc gives "
                                        "600; used 600")


def test_a_file_name_against_the_texts_number_is_a_warning(tmp_path: Path) -> None:
    result = convert_file(_copy(SEED_352, tmp_path, "frus1958-60v19_d353.txt"))
    assert result.tei_id == "frus1958-60v19-d353"
    doc_number = [w for w in result.warnings if w.code == "doc-number"]
    assert [(w.line, w.message) for w in doc_number] == [
        (1, "the file name gives document 353 but the text says 352; used 353")]


def test_agreeing_sources_say_nothing(tmp_path: Path) -> None:
    result = convert_file(_copy(SEED_352, tmp_path, "frus1958-60v19_d352.txt"),
                          ConvertOptions(volume="frus1958-60v19", doc_number=352))
    assert result.tei_id == "frus1958-60v19-d352"
    assert not [w for w in result.warnings if w.code.startswith(("file-name", "doc-number"))]


def test_strict_mode_refuses_a_conflict(tmp_path: Path) -> None:
    page = _copy(SEED_352, tmp_path, "frus1958-60v19_d352.txt")
    with pytest.raises(StrictModeError) as caught:
        convert_file(page, ConvertOptions(doc_number=351, strict=True))
    assert "file-name-number" in [p.code for p in caught.value.problems]


def test_the_cli_names_the_output_after_the_address(tmp_path: Path) -> None:
    page = _copy(SEED_352, tmp_path, "frus1958-60v19-d352.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["frus1958-60v19-d352.xml"]
