"""A document's DTS answers made from that document alone (as a build's render workers make
them) are byte for byte those that write_static makes from the whole edition: in a volume,
outside any volume, and in collections long enough to be paged."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO
from test_dts import _edition

from teikit.dts import DtsApi, UrlScheme, write_static
from teikit.dts.static import STATIC_BASE, document_files
from teikit.facts import facts_of
from teikit.teifile import read_tei

TITLE = "An edition under test"


def _whole(edition: list, paths: dict, folder: Path) -> dict[str, bytes]:
    write_static(edition, paths, folder, title=TITLE)
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _split(edition: list, paths: dict, folder: Path) -> dict[str, bytes]:
    """The edition's answers as a build makes them: the documents' from each alone."""
    sizes = DtsApi(edition, {}, UrlScheme(STATIC_BASE, static=True)).parent_sizes()
    made = {}
    for doc in edition:
        for relative, data in document_files(doc, paths[doc.tei_id], title=TITLE,
                                             parent_size=sizes[doc.tei_id]):
            made[relative] = data
    write_static(edition, paths, folder, title=TITLE, documents=False)
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            relative = p.relative_to(folder).as_posix()
            assert relative not in made, f"{relative} made twice"
            made[relative] = p.read_bytes()
    return made


def _with_a_loose_document() -> tuple[list, dict]:
    edition, paths = _edition()
    loose = REPO / "tests" / "fixtures" / "cite" / "no-catalog-bibl.xml"
    edition.append(facts_of(read_tei(loose), "frus-d352"))
    paths["frus-d352"] = loose
    return edition, paths


@pytest.mark.parametrize("page_size", [100, 1])
def test_answers_made_alone_are_those_of_the_whole_edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page_size: int
) -> None:
    import teikit.dts.api as module

    monkeypatch.setattr(module, "PAGE_SIZE", page_size)
    edition, paths = _with_a_loose_document()
    whole = _whole(edition, paths, tmp_path / "whole")
    split = _split(edition, paths, tmp_path / "split")
    assert sorted(split) == sorted(whole)
    assert [name for name in whole if whole[name] != split[name]] == []
    assert "collection/frus-d352;nav=parents.json" in split


def test_the_parents_answer_counts_the_whole_volume(tmp_path: Path) -> None:
    """Without the parent's size, a document alone would say its volume has one document:
    the comparison above fails on exactly that."""
    edition, paths = _with_a_loose_document()
    doc = next(d for d in edition if d.tei_id.startswith("frus1958-60v19"))
    alone = dict(document_files(doc, paths[doc.tei_id], title=TITLE, parent_size=1))
    whole = _whole(edition, paths, tmp_path)
    name = f"collection/{doc.tei_id};nav=parents.json"
    assert alone[name] != whole[name]
    assert b'"totalChildren":2' in whole[name] and b'"totalChildren":1' in alone[name]
