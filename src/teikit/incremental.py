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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from teikit.errors import InputError
from teikit.files import _temp_beside, read_input, write_atomically

#: The build's record of its keys, inside the output folder.
BUILD_MANIFEST_NAME = ".teikit-build.json"

#: The layout of the record (2: each document's files with the digest of their bytes); a
#: record of another layout is read as empty (everything is rendered again, once).
FORMAT = 2


def output_digest(data: bytes) -> str:
    """The digest the build records of an output's bytes (BLAKE2b, 128 bits): whether a file
    still holds what teikit wrote, or a person changed it since."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


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


@dataclass
class StaleOutputs:
    """What :meth:`BuildManifest.remove_stale` did with the outputs an earlier build wrote
    that this one no longer makes (paths relative to the output folder)."""

    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # a person changed it: kept
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason): kept


class BuildManifest:
    """What the last build in one folder made: document id -> (key, the files its outputs
    are, each with the digest of the bytes teikit wrote), and TEI file -> the validation
    findings of its bytes (``validated``)."""

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
        #: Every document output the record named when it was read, with its digest: what
        #: :meth:`remove_stale` compares this build's outputs against.
        self.previous: dict[str, str] = {}
        for entry in self.entries.values():
            files = entry.get("files") if isinstance(entry, dict) else None
            if isinstance(files, dict):
                self.previous.update((str(k), str(v)) for k, v in files.items())

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
        return isinstance(files, (list, dict)) and all((self.folder / f).is_file() for f in files)

    def is_current(self, doc_id: str, key: str) -> bool:
        """True when ``doc_id`` was built with ``key`` and all of its files are still there."""
        return self._current(self.entries.get(doc_id), key)

    def recorded_files(self, doc_id: str) -> dict[str, str] | None:
        """The outputs the last build recorded for ``doc_id`` (file -> digest of the bytes
        it wrote), or None when there is no such record."""
        entry = self.entries.get(doc_id)
        files = entry.get("files") if isinstance(entry, dict) else None
        if not isinstance(files, dict):
            return None
        return {str(k): str(v) for k, v in files.items()}

    def record(self, doc_id: str, key: str, files: Mapping[str, str]) -> None:
        """Remember that ``doc_id``'s outputs ``files`` (file -> :func:`output_digest` of
        its bytes) were made with ``key``."""
        self.entries[doc_id] = {"key": key, "files": {f: files[f] for f in sorted(files)}}

    def edition_is_current(self, writer: str, key: str) -> bool:
        """True when edition writer ``writer`` last ran with ``key`` and its files are there."""
        return self._current(self.edition.get(writer), key)

    def record_edition(
        self, writer: str, key: str, written: Iterable[Path], complete: bool = False
    ) -> None:
        """Remember the key of an edition writer's run and the files it made (or kept).

        A writer that leaves unchanged files alone returns fewer files than it makes; the
        files of its last full run are kept too, so a deleted one is noticed. A writer whose
        answer names every file it makes (``complete``: Pagefind's bundle, whose file names
        change from run to run) replaces its record instead: files it no longer makes must
        not count as missing.
        """
        known = [] if complete else self.edition.get(writer, {}).get("files", [])
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

    def remove_stale(self) -> StaleOutputs:
        """Remove the document outputs an earlier build wrote that no document of the record
        makes now (its document left the edition or changed its id, or the document no
        longer has that passage), when the file still holds the bytes teikit wrote; a file
        a person changed since is kept and listed in ``changed``. Call it after
        :meth:`keep_only`. Folders left empty by a removal are removed too.
        """
        current: set[str] = set()
        for entry in self.entries.values():
            files = entry.get("files") if isinstance(entry, dict) else None
            if isinstance(files, (dict, list)):
                current.update(files)
        outcome = StaleOutputs()
        emptied: set[Path] = set()
        for relative in sorted(set(self.previous) - current):
            target = self.folder / relative
            try:
                data = read_input(target)  # a regular file only: never waits on a FIFO
            except InputError as exc:
                if exc.problem.code != "missing":  # else gone already
                    outcome.failed.append((relative, exc.problem.message))
                continue
            if output_digest(data) != self.previous[relative]:
                outcome.changed.append(relative)
                continue
            try:
                target.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                outcome.failed.append((relative, exc.strerror or str(exc)))
                continue
            outcome.removed.append(relative)
            emptied.add(target.parent)
        top = self.folder.resolve()
        for folder in sorted(emptied, key=lambda f: len(f.parts), reverse=True):
            while folder.resolve() != top and top in folder.resolve().parents:
                try:
                    folder.rmdir()  # only when empty
                except OSError:
                    break
                folder = folder.parent
        self.previous = {f: d for f, d in self.previous.items() if f in current}
        return outcome

    def save(self) -> bool:
        """Write the record when it changed; return True when it was written.

        The record (the JSON of ``format``, ``documents``, ``validated`` and ``edition``,
        keys sorted, compact) is streamed to disk a document at a time, so a record of
        hundreds of thousands of files is never held as one string in memory.
        """

        def dumps(value: object) -> bytes:
            # compact, keys sorted: the C encoder, one value at a time
            return json.dumps(value, separators=(",", ":"), sort_keys=True).encode("utf-8")

        def mapping(stream: BinaryIO, items: Mapping[str, object]) -> None:
            stream.write(b"{")
            for index, key in enumerate(sorted(items)):
                stream.write((b"," if index else b"") + dumps(key) + b":" + dumps(items[key]))
            stream.write(b"}")

        with stream_if_changed(self.folder / BUILD_MANIFEST_NAME) as (stream, outcome):
            stream.write(b'{"documents":')
            mapping(stream, self.entries)
            stream.write(b',"edition":' + dumps(self.edition))
            stream.write(b',"format":' + dumps(FORMAT))
            stream.write(b',"validated":')
            mapping(stream, self.validated)
            stream.write(b"}\n")
        return outcome.written
