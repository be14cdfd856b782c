"""The catalog: facts about inputs that their text does not carry.

A catalog is a TOML file kept beside the inputs (``catalog.toml``). It names each volume
(titles, editors with roles, publisher, place, year) and, per input file name, the volume,
the document number and the printed page the document starts on::

    [volumes.frus1958-60v19]
    complete_title = "Foreign Relations of the United States, 1958–1960, China, Volume XIX"
    series = "Foreign Relations of the United States"
    sub_series = "1958–1960"
    volume_number = "Volume XIX"
    volume_title = "China"
    publisher = "United States Government Printing Office"
    place = "Washington"
    year = 1996
    editors = [
      { name = "Harriet Dashiell Schwar", role = "primary" },
      { name = "Glenn W. LaFantasie", role = "general" },
    ]

    [documents."000_3a03024524f4be47.txt"]
    volume = "frus1958-60v19"
    number = 352
    first_page = 721
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from teikit.errors import CatalogError

CATALOG_NAME = "catalog.toml"
EDITOR_ROLES = ("primary", "general")
VOLUME_ID = re.compile(r"^frus\d{4}(?:-\d{2,4})?[A-Za-z0-9-]*$")


@dataclass(frozen=True)
class Editor:
    """A volume editor and the role the volume gives them (primary or general)."""

    name: str
    role: str


@dataclass(frozen=True)
class VolumeFacts:
    """Bibliographic facts of one printed FRUS volume."""

    id: str
    series: str = "Foreign Relations of the United States"
    sub_series: str = ""
    volume_number: str = ""
    volume_title: str = ""
    complete_title: str = ""
    publisher: str = "United States Government Printing Office"
    place: str = "Washington"
    year: int | None = None
    editors: tuple[Editor, ...] = ()


@dataclass(frozen=True)
class DocumentFacts:
    """What the catalog (or the command line) says of one input document."""

    volume: VolumeFacts | None = None
    number: int | None = None
    first_page: int | None = None


@dataclass
class Catalog:
    """A loaded catalog: volumes by id and document facts by input file name."""

    path: Path | None = None
    volumes: dict[str, VolumeFacts] = field(default_factory=dict)
    documents: dict[str, DocumentFacts] = field(default_factory=dict)

    def facts_for(self, input_name: str) -> DocumentFacts | None:
        """Return the facts recorded for an input file (matched by its base name)."""
        return self.documents.get(Path(input_name).name)


def _fail(path: Path, message: str) -> CatalogError:
    return CatalogError(f"{path}: {message}")


def _text(path: Path, where: str, table: dict, key: str, required: bool = False) -> str:
    value = table.get(key, "")
    if required and not value:
        raise _fail(path, f"{where} needs '{key}'")
    if not isinstance(value, str):
        raise _fail(path, f"{where}: '{key}' must be a string, not {type(value).__name__}")
    return value.strip()


def _int(path: Path, where: str, table: dict, key: str) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(path, f"{where}: '{key}' must be a whole number, not {value!r}")
    return value


def _volume(path: Path, vid: str, table: object) -> VolumeFacts:
    where = f"[volumes.{vid}]"
    if not isinstance(table, dict):
        raise _fail(path, f"{where} must be a table")
    if not VOLUME_ID.match(vid):
        raise _fail(path, f"{where}: '{vid}' is not a FRUS volume id like frus1958-60v19")
    editors: list[Editor] = []
    raw_editors = table.get("editors", [])
    if not isinstance(raw_editors, list):
        raise _fail(path, f"{where}: 'editors' must be a list of {{name, role}} tables")
    for entry in raw_editors:
        if not isinstance(entry, dict):
            raise _fail(path, f"{where}: each editor must be a {{name, role}} table")
        name = _text(path, where + " editor", entry, "name", required=True)
        role = _text(path, where + " editor", entry, "role", required=True)
        if role not in EDITOR_ROLES:
            raise _fail(path, f"{where}: editor role {role!r} is not one of "
                        + ", ".join(EDITOR_ROLES))
        editors.append(Editor(name, role))
    known = {"series", "sub_series", "volume_number", "volume_title", "complete_title",
             "publisher", "place", "year", "editors"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise _fail(path, f"{where}: unknown key(s) {', '.join(unknown)}; known keys: "
                    + ", ".join(sorted(known)))
    defaults = VolumeFacts(id=vid)
    return VolumeFacts(
        id=vid,
        series=_text(path, where, table, "series") or defaults.series,
        sub_series=_text(path, where, table, "sub_series"),
        volume_number=_text(path, where, table, "volume_number"),
        volume_title=_text(path, where, table, "volume_title"),
        complete_title=_text(path, where, table, "complete_title"),
        publisher=_text(path, where, table, "publisher") or defaults.publisher,
        place=_text(path, where, table, "place") or defaults.place,
        year=_int(path, where, table, "year"),
        editors=tuple(editors),
    )


def load_catalog(path: Path) -> Catalog:
    """Load and check a catalog file.

    Args:
        path: the TOML file.

    Returns:
        The :class:`Catalog`.

    Raises:
        CatalogError: when the file is missing, not TOML, or inconsistent (a document naming
            an unknown volume, a wrong type, an unknown key).
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise _fail(path, "catalog file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read the catalog ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"not valid TOML: {exc}") from exc
    catalog = Catalog(path=path)
    for vid, table in data.get("volumes", {}).items():
        catalog.volumes[vid] = _volume(path, vid, table)
    for name, table in data.get("documents", {}).items():
        where = f'[documents."{name}"]'
        if not isinstance(table, dict):
            raise _fail(path, f"{where} must be a table")
        vid = _text(path, where, table, "volume")
        if vid and vid not in catalog.volumes:
            raise _fail(path, f"{where}: volume {vid!r} has no [volumes.{vid}] table")
        catalog.documents[name] = DocumentFacts(
            volume=catalog.volumes.get(vid) if vid else None,
            number=_int(path, where, table, "number"),
            first_page=_int(path, where, table, "first_page"),
        )
    unknown = sorted(set(data) - {"volumes", "documents"})
    if unknown:
        raise _fail(path, f"unknown table(s) {', '.join(unknown)}; a catalog has [volumes.*] "
                    "and [documents.*]")
    return catalog


def merge_facts(base: DocumentFacts | None, *, volume: VolumeFacts | None = None,
                number: int | None = None, first_page: int | None = None) -> DocumentFacts:
    """Overlay command-line facts on the catalog's (given values win)."""
    facts = base or DocumentFacts()
    if volume is not None:
        facts = replace(facts, volume=volume)
    if number is not None:
        facts = replace(facts, number=number)
    if first_page is not None:
        facts = replace(facts, first_page=first_page)
    return facts
