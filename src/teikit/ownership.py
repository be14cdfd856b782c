"""Who owns each TEI file: the record of what teikit wrote into the TEI folder.

Once converted, the TEI belongs to the editor. ``teikit build`` writes a TEI file again only
when this record shows that teikit wrote it and nobody changed it since. The record is a
small JSON file in the TEI folder, :data:`MANIFEST_NAME`, holding for each file teikit
wrote the sha256 of the bytes it wrote, the page text (and catalog) it came from with their
sha256, and the teikit version. A file whose bytes no longer match is the editor's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from teikit.errors import InputError, TeikitError
from teikit.files import read_input
from teikit.incremental import write_if_changed

#: The record's file name inside the TEI folder (hidden: it is not TEI).
MANIFEST_NAME = ".teikit-manifest.json"

#: The layout of the record; a record of another format is read as empty.
FORMAT = 1


def sha256(data: bytes) -> str:
    """Return the hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Written:
    """What teikit wrote into one TEI file, and from what."""

    sha256: str
    source: str
    source_sha256: str
    catalog_sha256: str | None
    teikit: str


class TeiManifest:
    """The record of one TEI folder: file name -> :class:`Written`."""

    def __init__(self, folder: Path, entries: dict[str, Written] | None = None) -> None:
        self.folder = folder
        self.entries: dict[str, Written] = dict(entries or {})

    @property
    def path(self) -> Path:
        """Where the record lives."""
        return self.folder / MANIFEST_NAME

    @classmethod
    def load(cls, folder: Path) -> TeiManifest:
        """Read the record of ``folder``; a missing record is an empty one.

        Raises:
            TeikitError: when the record exists but cannot be read or is not teikit's JSON.
        """
        path = folder / MANIFEST_NAME
        try:
            data = json.loads(read_input(path))
        except InputError as exc:
            if exc.problem.code == "missing":
                return cls(folder)
            raise TeikitError(
                f"{path}: cannot read teikit's record of the TEI it wrote ({exc.problem.message})"
                "; delete it to start a new record (every TEI file is then treated as the "
                "editor's)"
            ) from exc
        except ValueError as exc:
            raise TeikitError(
                f"{path}: cannot read teikit's record of the TEI it wrote ({exc})"
                "; delete the file to start a new record (every TEI file is "
                "then treated as the editor's)"
            ) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return cls(folder)
        entries = {name: Written(**fields) for name, fields in data.get("files", {}).items()}
        return cls(folder, entries)

    def by_source(self) -> dict[str, str]:
        """Return page-text key -> TEI file name, for the files teikit wrote."""
        return {entry.source: name for name, entry in self.entries.items()}

    def owned_unchanged(self, name: str, current_sha: str) -> bool:
        """True when teikit wrote ``name`` and its bytes still hash to ``current_sha``."""
        entry = self.entries.get(name)
        return entry is not None and entry.sha256 == current_sha

    def to_bytes(self) -> bytes:
        """Serialize the record (sorted, so the same record gives the same bytes)."""
        files = {name: asdict(self.entries[name]) for name in sorted(self.entries)}
        text = json.dumps({"format": FORMAT, "files": files}, indent=1, sort_keys=True)
        return (text + "\n").encode("utf-8")

    def save(self) -> bool:
        """Write the record, whole or not at all, when it changed; True when written."""
        return write_if_changed(self.to_bytes(), self.path)
