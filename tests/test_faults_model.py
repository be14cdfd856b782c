"""The error model (one diagnostic type, one exit-code table) and volume facts from the id."""

from __future__ import annotations

import errno
import json
import pickle
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import NS, SEED_FILES, SEEDS
from lxml import etree

from teikit.catalog import VolumeFacts, complete_volume, facts_from_id, load_catalog
from teikit.cite import cite_paths
from teikit.cli import main, reported
from teikit.convert import ConvertOptions, convert_file
from teikit.errors import (
    EXIT_CODES,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    PROBLEM_EXIT,
    CatalogError,
    Finding,
    InputError,
    Problem,
    StrictModeError,
    TeikitError,
    exit_code_of,
)
from teikit.validation import Validator, validate_paths

# --- one diagnostic type ----------------------------------------------------------------


def test_a_validation_finding_is_a_problem_and_keeps_its_form() -> None:
    finding = Finding("a.xml", 3, 7, "error", "note-sequence", "notes out of order")
    assert isinstance(finding, Problem)
    assert (finding.code, finding.rule, finding.column) == ("note-sequence",) * 2 + (7,)
    assert str(finding) == "a.xml:3:7: error[note-sequence]: notes out of order"
    assert finding.to_dict() == {
        "path": "a.xml",
        "line": 3,
        "column": 7,
        "severity": "error",
        "rule": "note-sequence",
        "message": "notes out of order",
    }


def test_validation_reports_are_made_of_problems(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>", encoding="utf-8")
    report = validate_paths([broken])
    assert report.findings and all(isinstance(f, Problem) for f in report.findings)
    data = json.loads(report.to_json())
    assert set(data["findings"][0]) == {"path", "line", "column", "severity", "rule", "message"}


def test_every_message_is_one_line() -> None:
    problem = Problem("x.xml", 2, "Saxon said:\n  SXXP0003  something\n  at line 4", "do\nthis")
    assert str(problem) == "x.xml:2: Saxon said: SXXP0003 something at line 4 (do this)"


# --- one exit-code table ------------------------------------------------------------------


def test_every_problem_code_maps_into_the_table() -> None:
    assert set(PROBLEM_EXIT.values()) <= set(EXIT_CODES)


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([], EXIT_OK),
        (["doc-number"], EXIT_FINDINGS),
        (["doc-number", "missing"], EXIT_USAGE),
        (["missing", "write-failed", "empty"], EXIT_OUTPUT),
    ],
)
def test_a_run_ends_with_its_gravest_problem(codes: list[str], expected: int) -> None:
    assert exit_code_of(Problem("f", None, "m", code=c) for c in codes) == expected


def test_warnings_fail_only_in_strict_mode() -> None:
    warning = Problem("f", None, "m", code="page-sequence", severity="warning")
    assert exit_code_of([warning]) == EXIT_OK
    assert exit_code_of([warning], strict=True) == EXIT_FINDINGS


def test_the_exit_code_lives_on_the_error_class() -> None:
    assert TeikitError().exit_code == EXIT_USAGE
    assert CatalogError().exit_code == EXIT_USAGE
    assert StrictModeError([]).exit_code == EXIT_FINDINGS
    assert InputError(Problem("f", None, "gone", code="missing")).exit_code == EXIT_USAGE
    assert InputError(Problem("f", 1, "no title", code="no-title")).exit_code == EXIT_FINDINGS


@pytest.mark.parametrize(
    ("raised", "code", "line"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "out/x.xml"),
            EXIT_OUTPUT,
            "error: out/x.xml: file-system error (No space left on device) (the disk is full; free "
            "some space and run again)",
        ),
        (
            CatalogError("catalog.toml: not valid TOML"),
            EXIT_USAGE,
            "error: catalog.toml: not valid TOML",
        ),
        (KeyboardInterrupt(), 130, "interrupted"),
    ],
)
def test_the_cli_maps_errors_once(raised: BaseException, code: int, line: str) -> None:
    @click.command()
    @reported
    def failing() -> int:
        raise raised

    result = CliRunner().invoke(failing, [])
    assert result.exit_code == code
    assert result.stderr.splitlines() == [line]
    assert "Aborted!" not in result.output


# --- volume facts from the id ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("volume_id", "facts"),
    [
        ("frus1952-54v14p1", {"sub_series": "1952–1954", "volume_number": "Volume XIV, Part 1"}),
        ("frus1961-63v05", {"sub_series": "1961–1963", "volume_number": "Volume V"}),
        (
            "frus1918Russiav03",
            {"sub_series": "1918", "volume_title": "Russia", "volume_number": "Volume III"},
        ),
        ("frus1870", {"sub_series": "1870"}),
        ("frus1914Supp", {"sub_series": "1914", "volume_title": "Supplement"}),
        (
            "frus1917Supp01v02",
            {"sub_series": "1917", "volume_title": "Supplement 1", "volume_number": "Volume II"},
        ),
        ("frus1969-76ve05p1", {"sub_series": "1969–1976", "volume_number": "Volume E–5, Part 1"}),
        ("frus1977-80v49", {"sub_series": "1977–1980", "volume_number": "Volume XLIX"}),
        ("frus1899-00", {"sub_series": "1899–1900"}),
        ("frus-draft", {}),
    ],
)
def test_what_a_volume_id_says(volume_id: str, facts: dict[str, str]) -> None:
    assert facts_from_id(volume_id) == facts


def test_catalog_facts_win_over_the_id() -> None:
    given = VolumeFacts(
        id="frus1961-63v05", sub_series="1961–63", publisher="GPO", place="Washington, D.C."
    )
    done = complete_volume(given)
    assert (done.sub_series, done.volume_number) == ("1961–63", "Volume V")
    assert done.derived == ("volume_number",) and done.assumed == ()
    assert complete_volume(done) == done


def _convert_with_volume(volume_id: str, tmp_path: Path) -> tuple[etree._Element, list[str]]:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED_FILES[0].read_bytes())
    result = convert_file(page, ConvertOptions(volume=volume_id, doc_number=12))
    return result.root, [str(w) for w in result.warnings if w.code == "volume-facts"]


def test_derived_facts_go_into_the_header_marked_and_warned(tmp_path: Path) -> None:
    root, warnings = _convert_with_volume("frus1952-54v14p1", tmp_path)

    def texts(path: str) -> list[str]:
        return [e.text for e in root.iterfind(path, NS)]

    assert texts(".//tei:titleStmt/tei:title[@type='subseries']") == ["1952–1954"]
    assert texts(".//tei:titleStmt/tei:title[@type='volumenumber']") == ["Volume XIV, Part 1"]
    assert texts(".//tei:monogr/tei:biblScope[@unit='volume']") == ["Volume XIV, Part 1"]
    assert texts(".//tei:series/tei:biblScope[@unit='subseries']") == ["1952–1954"]
    decisions = " ".join(texts(".//tei:editorialDecl/tei:p"))
    assert (
        "Derived from the volume id frus1952-54v14p1, not from a catalog: subseries "
        "“1952–1954”; volume number “Volume XIV, Part 1”." in decisions
    )
    assert (
        "Assumed, as every printed FRUS volume has them, not given by a catalog: "
        "publisher, place of publication (United States Government Printing Office, "
        "Washington)." in decisions
    )
    assert (
        "Not known (no catalog gives them): volume title, editors, year of publication."
        in decisions
    )
    assert warnings == [
        f"{tmp_path / 'page.txt'}: no catalog fully describes volume "
        "frus1952-54v14p1; derived from the id: subseries, volume number; "
        "assumed as for every FRUS volume: publisher, place of publication; "
        "missing: volume title, editors, year of publication (describe it in "
        "catalog.toml under [volumes.frus1952-54v14p1])"
    ]
    data = etree.tostring(root, encoding="utf-8")
    report = Validator().validate_bytes(data, "x.xml", file_stem="frus1952-54v14p1-d12")
    assert [str(f) for f in report.findings if f.severity == "error"] == []
    tei = tmp_path / "frus1952-54v14p1-d12.xml"
    tei.write_bytes(data)
    assert (
        "United States, 1952–1954, Volume XIV, Part 1 (Washington: Government Printing "
        "Office)" in cite_paths([tei], "chicago")
    )


def test_a_fully_described_volume_gives_no_warning() -> None:
    catalog = load_catalog(SEEDS / "catalog.toml")
    for volume in catalog.volumes.values():
        assert (volume.derived, volume.assumed, volume.missing()) == ((), (), [])


def test_a_catalog_without_publisher_assumes_it_and_says_so(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.toml"
    catalog.write_text(
        '[volumes.frus1958-60v19]\nvolume_title = "China"\nyear = 1996\n'
        'editors = [{ name = "A. Editor", role = "primary" }]\n'
        'sub_series = "1958–1960"\nvolume_number = "Volume XIX"\n',
        encoding="utf-8",
    )
    volume = load_catalog(catalog).volumes["frus1958-60v19"]
    assert volume.assumed == ("publisher", "place") and volume.derived == ()
    assert volume.publisher == "United States Government Printing Office"


def test_a_control_character_in_a_file_name_is_escaped_in_the_tei(tmp_path: Path) -> None:
    page = tmp_path / "tab\there\x1b.txt"
    page.write_bytes(SEED_FILES[0].read_bytes())
    result = CliRunner().invoke(main, ["convert", str(page)])
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.stdout_bytes)
    assert root.findtext(".//tei:title[@type='file']", namespaces=NS) == "tab\\x09here\\x1b.txt"


def test_diagnostics_cross_process_boundaries() -> None:
    """Batches may run in worker processes: every diagnostic pickles to an equal copy."""
    for problem in (
        Problem("a.txt", 3, "m", "h", "empty"),
        Finding("a.xml", 3, 7, "warning", "pb-in-range", "m"),
    ):
        copy = pickle.loads(pickle.dumps(problem))
        assert copy == problem and type(copy) is type(problem) and str(copy) == str(problem)


def test_the_safe_reader_and_the_validation_report_name_rules_alike() -> None:
    from teikit import xmlsafe
    from teikit.validation import parsing, report

    assert (xmlsafe.RULE_SYNTAX, xmlsafe.RULE_UNSAFE) == (report.RULE_SYNTAX, report.RULE_UNSAFE)
    assert parsing.parse_bytes is xmlsafe.parse_bytes


def test_a_batch_keeps_warnings_as_warnings(tmp_path: Path) -> None:
    from teikit.convert import convert_many

    page = tmp_path / "page.txt"
    page.write_text("5. Memorandum From A to B\n\nText.\n", encoding="utf-8")
    batch = convert_many([page], options=ConvertOptions(volume="frus1961-63v05"))
    assert batch.warnings and {w.severity for w in batch.warnings} == {"warning"}
    assert exit_code_of(batch.errors + batch.warnings) == EXIT_OK
