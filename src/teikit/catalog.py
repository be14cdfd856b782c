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

from teikit.errors import CatalogError, InputError, Problem
from teikit.files import display_name, read_input

CATALOG_NAME = "catalog.toml"
EDITOR_ROLES = ("primary", "general")
VOLUME_ID = re.compile(r"^frus\d{4}(?:-\d{2,4})?[A-Za-z0-9-]*$")


@dataclass(frozen=True)
class Editor:
    """A volume editor and the role the volume gives them (primary or general)."""

    name: str
    role: str


#: The publisher and place of every printed FRUS volume; assumed (and said so in the header)
#: for a volume whose catalog entry does not give them.
FRUS_PUBLISHER = "United States Government Printing Office"
FRUS_PLACE = "Washington"

#: The parts of a FRUS volume id: ``frus`` + first year [+ ``-`` last year] [+ a word and
#: its number, e.g. ``Russia``, ``Supp01``] [+ ``v`` + volume number, ``ve`` for the
#: electronic-only volumes] [+ ``p`` + part].
VOLUME_ID_PARTS = re.compile(
    r"^frus(?P<start>\d{4})(?:-(?P<end>\d{2}|\d{4}))?"
    r"(?:(?P<word>[A-Z][A-Za-z]*?)(?P<word_n>\d*))?"
    r"(?:v(?P<electronic>e?)(?P<volume>\d+))?(?:p(?P<part>\d+))?$"
)

#: Words of volume ids that are abbreviations, and what they stand for.
ID_WORDS: dict[str, str] = {"Supp": "Supplement"}

#: What each volume fact is called in warnings and in the header, in the order named.
FACT_LABELS: dict[str, str] = {
    "sub_series": "subseries",
    "volume_number": "volume number",
    "volume_title": "volume title",
    "editors": "editors",
    "year": "year of publication",
    "publisher": "publisher",
    "place": "place of publication",
}

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


@dataclass(frozen=True)
class VolumeFacts:
    """Bibliographic facts of one printed FRUS volume.

    ``derived`` names the fields read from the volume id rather than given by a catalog,
    ``assumed`` those filled with the values every FRUS volume has (publisher and place);
    both use the field names (``sub_series``, ``volume_number`` ...), see
    :func:`complete_volume`.
    """

    id: str
    series: str = "Foreign Relations of the United States"
    sub_series: str = ""
    volume_number: str = ""
    volume_title: str = ""
    complete_title: str = ""
    publisher: str = ""
    place: str = ""
    year: int | None = None
    editors: tuple[Editor, ...] = ()
    derived: tuple[str, ...] = ()
    assumed: tuple[str, ...] = ()

    def missing(self) -> list[str]:
        """The facts of :data:`FACT_LABELS` that neither a catalog nor the id gives."""
        return [name for name in FACT_LABELS if not getattr(self, name)]


def roman(number: int) -> str:
    """Return ``number`` (1 or more) in Roman numerals: 14 -> ``XIV``."""
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def facts_from_id(volume_id: str) -> dict[str, str]:
    """Read what a FRUS volume id itself says.

    ``frus1952-54v14p1`` -> subseries ``1952–1954``, volume number ``Volume XIV, Part 1``;
    ``frus1918Russiav03`` -> ``1918``, volume title ``Russia``, ``Volume III``;
    ``frus1870`` -> ``1870``; ``frus1914Supp`` -> ``1914``, ``Supplement``;
    ``frus1969-76ve05p1`` -> ``1969–1976``, ``Volume E–5, Part 1``.

    Args:
        volume_id: the id, as history.state.gov spells it.

    Returns:
        The facts found, by :class:`VolumeFacts` field name (``sub_series``,
        ``volume_number``, ``volume_title``); empty for an id of another shape.
    """
    match = VOLUME_ID_PARTS.match(volume_id)
    if match is None:
        return {}
    found: dict[str, str] = {}
    start, end = match["start"], match["end"]
    if end is None:
        found["sub_series"] = start
    else:
        last = int(end) if len(end) == 4 else int(start[:2] + end)
        if last < int(start):  # 1899-00: the next century
            last += 100
        found["sub_series"] = f"{start}–{last}"
    if match["word"]:
        word = ID_WORDS.get(match["word"], match["word"])
        found["volume_title"] = f"{word} {int(match['word_n'])}" if match["word_n"] else word
    if match["volume"]:
        number = int(match["volume"])
        label = f"E–{number}" if match["electronic"] else roman(number)
        if number > 0:
            found["volume_number"] = f"Volume {label}"
            if match["part"]:
                found["volume_number"] += f", Part {int(match['part'])}"
    return found


def complete_volume(volume: VolumeFacts) -> VolumeFacts:
    """Fill the facts a catalog left out: from the volume id, and the FRUS publisher.

    What the id says (:func:`facts_from_id`) fills an empty subseries, volume number or
    volume title, and is listed in ``derived``; an empty publisher or place becomes the
    United States Government Printing Office, Washington, and is listed in ``assumed``.
    Facts the catalog gives are never changed.

    Args:
        volume: the facts as the catalog (or ``--volume``) gives them.

    Returns:
        The completed facts (the same object when nothing was missing).
    """
    fill: dict[str, object] = {}
    derived = list(volume.derived)
    for name, value in facts_from_id(volume.id).items():
        if not getattr(volume, name):
            fill[name] = value
            derived.append(name)
    assumed = list(volume.assumed)
    for name, value in (("publisher", FRUS_PUBLISHER), ("place", FRUS_PLACE)):
        if not getattr(volume, name):
            fill[name] = value
            assumed.append(name)
    if not fill:
        return volume
    return replace(volume, derived=tuple(derived), assumed=tuple(assumed), **fill)  # type: ignore[arg-type]


def volume_problems(source: str, volume: VolumeFacts | None) -> list[Problem]:
    """The warning a conversion gives when a volume's facts were derived, assumed or missing.

    Args:
        source: the input's name, for the warning.
        volume: the volume as completed by :func:`complete_volume`, or ``None``.

    Returns:
        One ``volume-facts`` warning listing what was derived from the id, what was assumed
        and what is still missing; none when the catalog gave everything.
    """
    if volume is None:
        return []
    missing = volume.missing()
    if not (volume.derived or volume.assumed or missing):
        return []
    parts = []
    if volume.derived:
        parts.append("derived from the id: " + ", ".join(FACT_LABELS[n] for n in volume.derived))
    if volume.assumed:
        parts.append(
            "assumed as for every FRUS volume: " + ", ".join(FACT_LABELS[n] for n in volume.assumed)
        )
    if missing:
        parts.append("missing: " + ", ".join(FACT_LABELS[n] for n in missing))
    return [
        Problem(
            source,
            None,
            f"no catalog fully describes volume {volume.id}; " + "; ".join(parts),
            f"describe it in catalog.toml under [volumes.{volume.id}]",
            "volume-facts",
            severity="warning",
        )
    ]


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
    return CatalogError(f"{display_name(path)}: {message}")


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
            raise _fail(
                path, f"{where}: editor role {role!r} is not one of " + ", ".join(EDITOR_ROLES)
            )
        editors.append(Editor(name, role))
    known = {
        "series",
        "sub_series",
        "volume_number",
        "volume_title",
        "complete_title",
        "publisher",
        "place",
        "year",
        "editors",
    }
    unknown = sorted(set(table) - known)
    if unknown:
        raise _fail(
            path,
            f"{where}: unknown key(s) {', '.join(unknown)}; known keys: "
            + ", ".join(sorted(known)),
        )
    defaults = VolumeFacts(id=vid)
    return complete_volume(
        VolumeFacts(
            id=vid,
            series=_text(path, where, table, "series") or defaults.series,
            sub_series=_text(path, where, table, "sub_series"),
            volume_number=_text(path, where, table, "volume_number"),
            volume_title=_text(path, where, table, "volume_title"),
            complete_title=_text(path, where, table, "complete_title"),
            publisher=_text(path, where, table, "publisher"),
            place=_text(path, where, table, "place"),
            year=_int(path, where, table, "year"),
            editors=tuple(editors),
        )
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
        raw = read_input(path)  # a regular file only: a FIFO is never opened
    except InputError as exc:
        if exc.problem.code == "missing":
            raise _fail(path, "catalog file not found") from exc
        raise _fail(path, f"cannot read the catalog: {exc.problem.message}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _fail(path, f"cannot read the catalog (not UTF-8: {exc.reason})") from exc
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
        raise _fail(
            path,
            f"unknown table(s) {', '.join(unknown)}; a catalog has [volumes.*] and [documents.*]",
        )
    return catalog


def merge_facts(
    base: DocumentFacts | None,
    *,
    volume: VolumeFacts | None = None,
    number: int | None = None,
    first_page: int | None = None,
) -> DocumentFacts:
    """Overlay command-line facts on the catalog's (given values win)."""
    facts = base or DocumentFacts()
    if volume is not None:
        facts = replace(facts, volume=volume)
    if number is not None:
        facts = replace(facts, number=number)
    if first_page is not None:
        facts = replace(facts, first_page=first_page)
    return facts
