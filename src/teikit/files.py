"""Files shared by every stage: inputs named by files or folders, outputs written whole."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from teikit.errors import Problem


def write_atomically(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder.

    The file appears under its name only once it is complete, so an interrupted run never
    leaves a half-written output. Missing parent folders are made.

    Args:
        data: the bytes to write.
        target: the file to create or replace.

    Raises:
        OSError: when the folder or file cannot be written.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def expand_paths(paths: Iterable[Path | str], *, recursive: bool
                 ) -> tuple[list[Path], list[Problem]]:
    """Expand inputs: files as given, folders to the ``*.xml`` files in them.

    Args:
        paths: files and folders, in the order given.
        recursive: look in sub-folders too.

    Returns:
        The files (each folder's sorted by name, each file once), and a problem for each path
        that does not exist (code ``missing``) or a folder without XML files
        (``empty-folder``).
    """
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            pattern = path.rglob("*.xml") if recursive else path.glob("*.xml")
            found = sorted(p for p in pattern if p.is_file())
            if not found:
                problems.append(Problem(str(path), None, "the folder holds no *.xml files",
                                        "give TEI files or a folder of them", "empty-folder"))
        elif path.exists():
            found = [path]
        else:
            problems.append(Problem(str(path), None, "no such file or folder",
                                    "check the path", "missing"))
            found = []
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems
