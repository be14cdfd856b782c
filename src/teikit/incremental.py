"""Incremental builds: write an output only when what it is made from changed.

Every document's outputs share one key, the sha256 of everything they are made from (the
TEI bytes, the stylesheets, the teikit version, the stylesheet parameters). The build keeps
the keys in :data:`BUILD_MANIFEST_NAME` in the output folder; a document whose key and
files are unchanged is not rendered again. Files are also written only when their bytes
differ from what is on disk, so a rebuild touches nothing that did not change.
"""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from teikit.errors import InputError
from teikit.files import _temp_beside, read_input, write_atomically

#: The build's record of its keys, inside the output folder.
BUILD_MANIFEST_NAME = ".teikit-build.json"

FORMAT = 1


def output_key(parts: Iterable[str], params: Mapping[str, str]) -> str:
    """Return the key of one document's outputs: a sha256 over its inputs and parameters."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(json.dumps(dict(params), sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def write_if_changed(data: bytes, target: Path) -> bool:
    """Write ``data`` to ``target`` (atomically) unless the file already holds exactly it.

    Returns:
        True when the file was written.

    Raises:
        OSError: when the file cannot be written.
    """
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomically(data, target)
    return True


class Streamed:
    """What :func:`stream_if_changed` did: ``written`` is True when the target was replaced."""

    written: bool = False


@contextlib.contextmanager
def stream_if_changed(target: Path) -> Iterator[tuple[BinaryIO, Streamed]]:
    """Write a large file piece by piece, whole or not at all, and only when it changed.

    The caller writes into the stream it is given; the bytes go to a temporary file beside
    ``target`` (the one :func:`teikit.files.write_atomically` uses), so the file is never
    held in memory. When the block ends, the temporary file replaces ``target``, unless
    ``target`` already holds the same bytes (then it is left untouched and
    ``Streamed.written`` stays False). On an error nothing is left behind.

    Raises:
        OutputError: when the temporary file cannot be made.
        OSError: when writing or renaming fails.
    """
    outcome = Streamed()
    with _temp_beside(target) as (fd, temp):
        with os.fdopen(os.dup(fd), "wb") as stream:
            yield stream, outcome
        if target.is_file() and filecmp.cmp(temp, target, shallow=False):
            return  # the same bytes: the file a reader has stays as it is
        os.replace(temp, target)
        outcome.written = True


class BuildManifest:
    """What the last build in one folder made: document id -> (key, the files its outputs
    are), and TEI file -> the validation findings of its bytes (``validated``)."""

    def __init__(
        self,
        folder: Path,
        entries: dict[str, dict[str, object]] | None = None,
        validated: dict[str, dict[str, object]] | None = None,
        edition: dict[str, dict[str, object]] | None = None,
    ) -> None:
        self.folder = folder
        self.entries: dict[str, dict[str, object]] = dict(entries or {})
        self.validated: dict[str, dict[str, object]] = dict(validated or {})
        self.edition: dict[str, dict[str, object]] = dict(edition or {})

    @classmethod
    def load(cls, folder: Path) -> BuildManifest:
        """Read the record of ``folder``; a missing or unreadable one is empty (all rebuilt)."""
        try:
            data = json.loads(read_input(folder / BUILD_MANIFEST_NAME))
        except (InputError, ValueError):
            return cls(folder)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return cls(folder)
        return cls(
            folder, data.get("documents", {}), data.get("validated", {}), data.get("edition", {})
        )

    def _current(self, entry: Any, key: str) -> bool:
        """True when a recorded ``entry`` has ``key`` and all of its files are still there."""
        if not isinstance(entry, dict) or entry.get("key") != key:
            return False
        files = entry.get("files")
        return isinstance(files, list) and all((self.folder / f).is_file() for f in files)

    def is_current(self, doc_id: str, key: str) -> bool:
        """True when ``doc_id`` was built with ``key`` and all of its files are still there."""
        return self._current(self.entries.get(doc_id), key)

    def record(self, doc_id: str, key: str, files: Iterable[str]) -> None:
        """Remember that ``doc_id``'s outputs ``files`` were made with ``key``."""
        self.entries[doc_id] = {"key": key, "files": sorted(files)}

    def edition_is_current(self, writer: str, key: str) -> bool:
        """True when edition writer ``writer`` last ran with ``key`` and its files are there."""
        return self._current(self.edition.get(writer), key)

    def record_edition(self, writer: str, key: str, written: Iterable[Path]) -> None:
        """Remember the key of an edition writer's run and the files it made (or kept).

        A writer that leaves unchanged files alone returns fewer files than it makes; the
        files of its last full run are kept too, so a deleted one is noticed.
        """
        known = self.edition.get(writer, {}).get("files", [])
        files = set(known if isinstance(known, list) else [])
        folder = self.folder.resolve()
        for path in written:
            try:
                files.add(Path(path).resolve().relative_to(folder).as_posix())
            except ValueError:
                continue
        self.edition[writer] = {"key": key, "files": sorted(files)}

    def keep_only(self, doc_ids: Iterable[str], tei_files: Iterable[str]) -> None:
        """Forget documents and TEI files that are no longer in the edition."""
        wanted, files = set(doc_ids), set(tei_files)
        self.entries = {k: v for k, v in self.entries.items() if k in wanted}
        self.validated = {k: v for k, v in self.validated.items() if k in files}

    def save(self) -> bool:
        """Write the record when it changed; return True when it was written."""
        documents = {k: self.entries[k] for k in sorted(self.entries)}
        validated = {k: self.validated[k] for k in sorted(self.validated)}
        text = json.dumps(
            {
                "format": FORMAT,
                "documents": documents,
                "validated": validated,
                "edition": self.edition,
            },
            separators=(",", ":"),  # compact: the C encoder, a record of 10,000s of files
            sort_keys=True,
        )
        return write_if_changed((text + "\n").encode("utf-8"), self.folder / BUILD_MANIFEST_NAME)
