"""The TEI belongs to the editor once made: build keeps hand edits, and says when it must."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import SEEDS, TEI_DIR

from teikit.cli import main
from teikit.ownership import MANIFEST_NAME

SEED = "000_3a03024524f4be47.txt"
TEI = "frus1958-60v19-d352.xml"
EDIT = "<persName>Khrushchev</persName>"


def build(root: Path, *extra: str) -> str:
    """Build, and succeed: an editor's <persName> is valid in teikit's grammar."""
    result = CliRunner().invoke(main, ["build", "--root", str(root), *extra])
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert not errors, result.output
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def edit_tei(path: Path) -> None:
    """An editor's change: a tagged name at the start of the body's first paragraph."""
    text = path.read_text(encoding="utf-8")
    at = text.index("<p>", text.index("<body")) + len("<p>")
    path.write_text(text[:at] + f"{EDIT} " + text[at:], encoding="utf-8")


def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def test_build_records_what_it_wrote(tmp_path: Path) -> None:
    root = project(tmp_path)
    build(root)
    record = json.loads((root / "tei" / MANIFEST_NAME).read_text(encoding="utf-8"))
    entry = record["files"][TEI]
    assert entry["source"] == SEED
    assert len(entry["sha256"]) == len(entry["source_sha256"]) == 64
    assert sorted(record["files"]) == sorted(p.name for p in TEI_DIR.glob("*.xml"))


def test_an_edited_tei_survives_a_build(tmp_path: Path) -> None:
    root = project(tmp_path)
    build(root)
    edit_tei(root / "tei" / TEI)
    edited = (root / "tei" / TEI).read_bytes()
    output = build(root)
    assert (root / "tei" / TEI).read_bytes() == edited
    assert "changed by hand" not in output and "warning:" not in output  # nothing to report
    assert EDIT in (root / "build" / TEI).read_text(encoding="utf-8")  # the site shows it
    page = (root / "build" / TEI.replace(".xml", ".html")).read_text("utf-8")
    assert "<p>Khrushchev " in page


def test_an_edited_tei_whose_page_text_changed_is_kept_and_reported(tmp_path: Path) -> None:
    root = project(tmp_path)
    build(root)
    edit_tei(root / "tei" / TEI)
    edited = (root / "tei" / TEI).read_bytes()
    seed = root / "seeds" / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("inclined", "disposed", 1),
                    encoding="utf-8")
    output = build(root)
    assert (root / "tei" / TEI).read_bytes() == edited
    warning = [line for line in output.splitlines() if "changed by hand" in line]
    assert len(warning) == 1, output
    assert str(root / "tei" / TEI) in warning[0] and SEED in warning[0]
    assert "--reconvert" in warning[0]
    # The warning stays until the editor acts: the page text still differs from the record.
    assert "changed by hand" in build(root)


def test_reconvert_replaces_an_edited_tei(tmp_path: Path) -> None:
    root = project(tmp_path)
    build(root)
    edit_tei(root / "tei" / TEI)
    build(root, "--reconvert")
    assert (root / "tei" / TEI).read_bytes() == (TEI_DIR / TEI).read_bytes()
    # Replaced by teikit, the file is teikit's again: the next page-text change converts.
    seed = root / "seeds" / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("inclined", "disposed", 1),
                    encoding="utf-8")
    output = build(root)
    assert "disposed" in (root / "tei" / TEI).read_text(encoding="utf-8")
    assert "changed by hand" not in output


def test_a_page_text_change_reconverts_teikits_own_tei(tmp_path: Path) -> None:
    root = project(tmp_path)
    build(root)
    seed = root / "seeds" / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("inclined", "disposed", 1),
                    encoding="utf-8")
    build(root)
    assert "disposed" in (root / "tei" / TEI).read_text(encoding="utf-8")
    assert "disposed" in (root / "build" / TEI.replace(".xml", ".html")).read_text("utf-8")


def test_tei_that_teikit_did_not_record_is_kept_when_it_differs(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "tei").mkdir()
    shutil.copy(TEI_DIR / TEI, root / "tei" / TEI)
    edit_tei(root / "tei" / TEI)  # a TEI from elsewhere, or made before the record existed
    edited = (root / "tei" / TEI).read_bytes()
    output = build(root)
    assert (root / "tei" / TEI).read_bytes() == edited
    assert "was not written by teikit, or was changed since; kept it" in output
    record = json.loads((root / "tei" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert TEI not in record["files"]


def test_identical_tei_without_a_record_is_adopted(tmp_path: Path) -> None:
    root = project(tmp_path)
    shutil.copytree(TEI_DIR, root / "tei", ignore=shutil.ignore_patterns(".*"))  # no record
    output = build(root)
    assert "kept it" not in output
    record = json.loads((root / "tei" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert TEI in record["files"]


def test_tei_rewritten_by_teikit_convert_is_still_teikits(tmp_path: Path) -> None:
    root = project(tmp_path)
    build(root)
    seed = root / "seeds" / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("inclined", "disposed", 1),
                    encoding="utf-8")
    converted = CliRunner().invoke(main, ["convert", str(seed), "-o", str(root / "tei")])
    assert converted.exit_code == 0, converted.output
    output = build(root)  # the TEI differs from the record, but it is what teikit makes
    assert "changed by hand" not in output and "kept" not in output
    seed.write_text(seed.read_text(encoding="utf-8").replace("disposed", "minded", 1),
                    encoding="utf-8")
    build(root)  # and so it is converted again when its page text changes
    assert "minded" in (root / "tei" / TEI).read_text(encoding="utf-8")
