"""`validate --schema` with jing: one jing run for many files, findings as lxml gives them.

A grammar given with ``schema`` is checked by jing when jing is installed (engine
``auto``), because libxml2 compiles a large grammar such as tei_all in seconds on every
run. These tests use teikit.rng as the "other" grammar (quick to compile in both) and
compare jing's findings with lxml's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, require_tool

from teikit.validation import SchemaError, Validator, jing
from teikit.validation.report import RULE_GRAMMAR

RNG = REPO / "schemas" / "teikit.rng"
VALID = sorted((REPO / "tests" / "fixtures" / "validate" / "valid").glob("*.xml"))
SAFETY = REPO / "tests" / "fixtures" / "validate"


@pytest.fixture(autouse=True)
def _jing_installed() -> None:
    require_tool("jing")


def _broken(tmp_path: Path) -> Path:
    """A valid file with a div type outside the grammar's list and an unknown attribute."""
    text = VALID[0].read_text(encoding="utf-8")
    text = text.replace('<div type="document"', '<div type="chapter"', 1)
    text = text.replace("<p>", '<p foo="bar">', 1)
    path = tmp_path / VALID[0].name
    path.write_text(text, encoding="utf-8")
    return path


def test_auto_uses_jing_for_another_grammar_and_lxml_for_teikits() -> None:
    assert Validator(RNG, rules=False).engine == "jing"
    assert Validator(RNG, rules=False, engine="lxml").engine == "lxml"
    assert Validator(rules=False).engine == "lxml"


def test_valid_files_give_nothing_with_either_engine() -> None:
    for engine in ("jing", "lxml"):
        report = Validator(RNG, engine=engine).validate_paths(VALID)
        assert report.findings == [] and report.checked == len(VALID), engine


def test_jing_findings_point_where_lxml_findings_point(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    with_jing = Validator(RNG, rules=False, engine="jing").validate_file(path)
    with_lxml = Validator(RNG, rules=False, engine="lxml").validate_file(path)
    assert {f.rule for f in with_jing.findings} == {RULE_GRAMMAR}
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = {lines[f.line - 1][f.column - 1:].split(">")[0] for f in with_jing.findings}
    assert any(s.startswith('type="chapter"') for s in starts), starts
    assert any(s.startswith('foo="bar"') for s in starts), starts
    assert {f.line for f in with_jing.findings} <= {f.line for f in with_lxml.findings}


def test_rules_still_run_beside_jing(tmp_path: Path) -> None:
    text = VALID[0].read_text(encoding="utf-8").replace('xml:id="pg_', 'xml:id="page_', 1)
    path = tmp_path / VALID[0].name
    path.write_text(text, encoding="utf-8")
    report = Validator(RNG, engine="jing").validate_file(path)
    assert "pb-id" in {f.rule for f in report.findings}


def test_many_files_few_runs_same_findings(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    broken = _broken(tmp_path)
    files = [*VALID, broken]
    runs: list[int] = []
    original = jing.JingGrammar._run

    def counting(self: jing.JingGrammar, batch: list[Path]):  # type: ignore[no-untyped-def]
        runs.append(len(batch))
        return original(self, batch)

    monkeypatch.setattr(jing.JingGrammar, "_run", counting)
    validator = Validator(RNG, rules=False, engine="jing")
    one_run = validator.validate_paths(files)
    assert runs == [len(files)]
    half = sum(len(str(p.resolve())) + 1 for p in files) - 1  # all but one fit
    monkeypatch.setattr(jing, "ARGUMENT_BUDGET", half)
    several = validator.validate_paths(files)
    assert len(runs) == 3 and sum(runs[1:]) == len(files)
    assert [str(f) for f in several.findings] == [str(f) for f in one_run.findings]
    assert one_run.files[-1].findings and not any(r.findings for r in one_run.files[:-1])


def test_unsafe_files_never_reach_jing(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[Path] = []
    original = jing.JingGrammar._run

    def recording(self: jing.JingGrammar, batch: list[Path]):  # type: ignore[no-untyped-def]
        given.extend(batch)
        return original(self, batch)

    monkeypatch.setattr(jing.JingGrammar, "_run", recording)
    unsafe = [SAFETY / "xxe.xml", SAFETY / "billion-laughs.xml", SAFETY / "external-dtd.xml"]
    report = Validator(RNG, engine="jing").validate_paths([*unsafe, VALID[0]])
    assert [r.checked for r in report.files] == [False, False, False, True]
    assert {f.rule for r in report.files[:3] for f in r.findings} == {"unsafe-xml"}
    assert given == [VALID[0].resolve()]


def test_validate_bytes_with_jing(tmp_path: Path) -> None:
    data = _broken(tmp_path).read_bytes()
    report = Validator(RNG, rules=False, engine="jing").validate_bytes(data, "given.xml")
    assert report.findings and {f.path for f in report.findings} == {"given.xml"}


def test_a_schema_jing_cannot_use_is_a_schema_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rng"
    bad.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                   '<start><ref name="missing"/></start></grammar>')
    with pytest.raises(SchemaError, match="jing could not use this schema"):
        Validator(bad, rules=False, engine="jing").validate_paths(VALID[:1])


def test_engine_jing_without_jing_is_a_schema_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jing, "find_jing", lambda: None)
    with pytest.raises(SchemaError, match="jing is not installed"):
        Validator(RNG, engine="jing")
    # auto falls back to lxml
    monkeypatch.setattr("teikit.validation.find_jing", lambda: None)
    assert Validator(RNG, rules=False).engine == "lxml"
