"""`teikit validate`: exit codes 0/1/2, text and JSON output, --strict, --no-rules, --schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO

from teikit.cli import main

FIXTURES = REPO / "tests" / "fixtures" / "validate"
VALID = FIXTURES / "valid"
MANY = FIXTURES / "many-problems.xml"
MALFORMED = FIXTURES / "malformed.xml"
RULE_FIXTURES = REPO / "tests" / "fixtures" / "schematron"


def run(*args: str | Path):
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def test_valid_files_exit_0_with_a_summary() -> None:
    result = run(VALID)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "2 files checked: 0 errors, 0 warnings"


def test_findings_exit_1_one_line_each() -> None:
    result = run(MANY)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert all(line.startswith(f"{MANY}:") for line in lines[:-1])
    assert "error[pb-order]" in result.output and "error[rng]" in result.output
    assert lines[-1].startswith("1 file checked: ")


def test_an_unparsable_file_exits_2_and_the_others_are_still_checked() -> None:
    result = run(MALFORMED, MANY, VALID)
    assert result.exit_code == 2
    assert "error[xml-syntax]" in result.output and "error[pb-order]" in result.output
    assert result.output.strip().splitlines()[-1].endswith("1 not readable or refused")


def test_a_missing_file_exits_2() -> None:
    result = run(VALID / "nowhere.xml")
    assert result.exit_code == 2 and "error[unreadable]" in result.output


def test_json_format() -> None:
    result = run("--format", "json", MANY, VALID)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["valid"] is False and data["files"] == 3 and data["unreadable"] == 0
    assert data["errors"] == sum(f["severity"] == "error" for f in data["findings"])
    assert data["warnings"] == sum(f["severity"] == "warning" for f in data["findings"])
    assert set(data["findings"][0]) == {"path", "line", "column", "severity", "rule", "message"}
    clean = json.loads(run("--format", "json", VALID).output)
    assert clean["valid"] is True and clean["findings"] == []


def test_warnings_alone_exit_0_unless_strict(tmp_path: Path) -> None:
    # pb-in-range.fail.xml has one warning; saved under its id, nothing else.
    target = tmp_path / "frus1958-60v19-d352.xml"
    shutil.copy(RULE_FIXTURES / "pb-in-range.fail.xml", target)
    relaxed = run(target)
    assert relaxed.exit_code == 0 and "warning[pb-in-range]" in relaxed.output
    assert run("--strict", target).exit_code == 1
    assert json.loads(run("--strict", "--format", "json", target).output)["valid"] is False


def test_no_rules_runs_the_grammar_alone() -> None:
    result = run("--no-rules", MANY)
    assert result.exit_code == 1
    rules = {line.split("[")[1].split("]")[0] for line in result.output.splitlines()
             if "[" in line}
    assert rules == {"rng"}


def test_another_schema(tmp_path: Path) -> None:
    anything = tmp_path / "anything.rng"
    anything.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="any"/></start>'
        '<define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/>'
        '</attribute><text/><ref name="any"/></choice></zeroOrMore></element></define>'
        '</grammar>')
    result = run("--schema", anything, "--no-rules", MANY)
    assert result.exit_code == 0, result.output
    with_rules = run("--schema", anything, MANY)
    assert with_rules.exit_code == 1 and "error[rng]" not in with_rules.output
    assert "error[pb-order]" in with_rules.output


def test_a_bad_schema_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--schema", tmp_path / "missing.rng", VALID)
    assert result.exit_code == 2 and "no such schema" in result.output
    rnc = tmp_path / "tei.rnc"
    rnc.write_text("start = element TEI { text }")
    result = run("--schema", rnc, VALID)
    assert result.exit_code == 2 and "RELAX NG in XML syntax" in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_converted_page_saved_under_any_name_is_valid(tmp_path: Path) -> None:
    """The README's `teikit convert page.txt > page.xml; teikit validate page.xml`: the
    file-name rule is an edition rule, checked with --edition only."""
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    converted = CliRunner().invoke(main, ["convert", str(seed)])
    assert converted.exit_code == 0, converted.output
    page = tmp_path / "page.xml"
    page.write_text(converted.stdout, encoding="utf-8")
    result = run(page)
    assert result.exit_code == 0, result.output
    assert "tei-id-filename" not in result.output
    as_edition = run("--edition", page)
    assert as_edition.exit_code == 1 and "error[tei-id-filename]" in as_edition.output
