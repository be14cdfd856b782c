"""The books as tasks for the build's workers, one per volume: in a build, a book that
cannot be written is one error and the other volumes' books are written."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS

from teikit.build import BuildLayout, build_edition
from teikit.epub import BookTask, book_tasks, write_book_task
from teikit.facts import facts_of
from teikit.teifile import read_tei


def test_one_task_per_volume_in_volume_order(tmp_path: Path) -> None:
    tei = sorted((SEEDS.parent / "tei").glob("*.xml"))
    edition = [facts_of(read_tei(p), p.stem) for p in tei]
    tasks = book_tasks(edition, {p.stem: p for p in tei}, tmp_path)
    assert [t.docs[0].volume.volume_id for t in tasks] == sorted(
        {d.volume.volume_id for d in edition})
    assert all(isinstance(t, BookTask) and t.docs == tuple(sorted(t.docs, key=lambda d: d.sort_key))
               for t in tasks)
    done = write_book_task(tasks[0])
    assert done.problem is None and [p.parent.name for p in done.written] == ["epub"]


def test_in_a_build_one_failing_book_is_one_error_and_the_others_are_written(
    tmp_path: Path,
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    assert build_edition(BuildLayout(tmp_path)).ok
    books = tmp_path / "build" / "epub"
    for path in books.iterdir():
        path.unlink()
    (books / "frus1958-60v19.epub").mkdir()  # a folder where the book goes
    report = build_edition(BuildLayout(tmp_path))
    errors = [p for p in report.errors if p.code == "epub"]
    assert len(errors) == 1 and "frus1958-60v19" in errors[0].message, errors
    assert sorted(p.name for p in books.iterdir() if p.is_file()) == [
        "frus1952-54v08.epub", "frus1952-54v14p1.epub"]
