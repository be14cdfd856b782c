"""Volume files as tasks for the build's workers: one task per volume, each writing its file
or returning why it could not (never raising), and together the bytes write_volume_files
makes; in a build, a volume that fails is one error and the other volumes are written."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from conftest import SEEDS
from test_volume_files import _edition

from teikit.build import BuildLayout, build_edition
from teikit.volumes import volume_tasks, write_volume_files, write_volume_task
from teikit.workers import Workers


def test_the_tasks_in_workers_make_the_files_write_volume_files_makes(tmp_path: Path) -> None:
    edition, paths = _edition()
    alone = write_volume_files(edition, paths, tmp_path / "alone")
    tasks = volume_tasks(edition, paths, tmp_path / "tasks")
    assert [t.target.name for t in tasks] == [p.name for p in alone]
    assert pickle.loads(pickle.dumps(tasks)) == tasks  # they travel to the workers
    with Workers(2) as workers:
        done = workers.start(write_volume_task, tasks).results()
    assert [(d.target, d.written, d.problem) for d in done] == [(t.target, True, None)
                                                                for t in tasks]
    for path in alone:
        assert (tmp_path / "tasks" / path.name).read_bytes() == path.read_bytes()


def test_a_failing_volume_is_returned_not_raised_and_leaves_no_file(tmp_path: Path) -> None:
    edition, paths = _edition()
    paths = {**paths, "frus1958-60v19-d352": tmp_path / "gone.xml"}
    done = [write_volume_task(t) for t in volume_tasks(edition, paths, tmp_path / "out")]
    failed = [d for d in done if d.problem is not None]
    assert [d.target.name for d in failed] == ["frus1958-60v19.xml"]
    assert "gone.xml" in failed[0].problem.path + failed[0].problem.message
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        d.target.name for d in done if d.written)


def test_in_a_build_one_failing_volume_is_one_error_and_the_others_are_written(
    tmp_path: Path,
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    first = build_edition(BuildLayout(tmp_path))
    assert first.ok
    volumes = tmp_path / "build" / "volumes"
    for path in volumes.iterdir():
        path.unlink()
    (volumes / "frus1958-60v19.xml").mkdir()  # a folder where the file goes: cannot write
    report = build_edition(BuildLayout(tmp_path))
    errors = [p for p in report.errors if "frus1958-60v19.xml" in p.path]
    assert len(errors) == 1 and errors[0].code == "write-failed", [str(p) for p in report.errors]
    assert sorted(p.name for p in volumes.iterdir() if p.is_file()) == [
        "frus1952-54v08.xml", "frus1952-54v14p1.xml"]
