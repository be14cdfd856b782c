"""One TEI file per volume, in the shape of the Office of the Historian's ``volumes/<id>.xml``.

Projects that read HistoryAtState/frus load one file per printed volume: a volume header
(the five title types, the editors, a publicationStmt with publisher, place, date and the
``frus`` idno, a sourceDesc) and a body of ``div type="document"`` elements, each with its
number (``n``), its id (``d<N>``) and the span of its date in the FRUS namespace
(``frus:doc-dateTime-min`` / ``frus:doc-dateTime-max``, at the Office's −05:00 offset).

:func:`write_volume_files` writes those files from the per-document TEI that teikit made.
It reads one document at a time and streams its ``div`` into the volume file with
:class:`lxml.etree.xmlfile`, so memory holds one document tree, never the edition's. Each
volume file appears whole under its name or not at all.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teikit.dates import MONTHS
from teikit.errors import InputError, OutputError, Problem, TeikitError
from teikit.facts import DocFacts
from teikit.files import os_problem
from teikit.incremental import stream_if_changed
from teikit.tei.names import TEI_NS
from teikit.teifile import read_tei
from teikit.xmltypes import attrib_items, nsmap, text_of, xpath_items

#: The namespace of the Office of the Historian's own attributes.
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
#: The Office writes document times in US Eastern standard time.
OFFSET = "-05:00"

#: The category a document div points to (@ana) when its date was read from a file number.
FILE_NUMBER_CATEGORY = "date_inferred-from-file-number"
#: The categories of date evidence that a volume header declares, with their descriptions.
DATE_CATEGORIES = (
    (
        FILE_NUMBER_CATEGORY,
        "The page text gives no dateline; the document's date was read "
        "from the State Department decimal file number in its source note "
        "(month–day–year after the slash).",
    ),
)

#: The title types of a volume header, in the Office's order and spelling, and the
#: VolumeFacts field that holds each.
TITLE_TYPES = (
    ("complete", "complete_title"),
    ("series", "series"),
    ("subseries", "sub_series"),
    ("volumenumber", "volume_number"),
    ("volume", "volume_title"),
)

#: The namespaces of a volume file; every element written into it is made with them, so
#: that the FRUS attributes keep their prefix.
NSMAP = nsmap(TEI_NS, frus=FRUS_NS)
_T = f"{{{TEI_NS}}}"
_NS = {"t": TEI_NS}


@dataclass(frozen=True)
class DateSpan:
    """The earliest and latest moment a document's date allows, as the Office writes them."""

    minimum: str
    maximum: str


_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$")


def date_span(when: str) -> DateSpan | None:
    """Return the span of an ISO date as ``frus:doc-dateTime-min``/``-max`` values.

    A day runs from 00:00:00 to 23:59:59, a month from its first to its last day, a year
    from 1 January to 31 December; a date and time is one moment. Without an offset the
    Office's −05:00 is added.

    Args:
        when: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDThh:mm[:ss][offset]``.

    Returns:
        The span, or None when ``when`` is none of those forms or no real date.
    """
    timed = _TIME.match(when)
    if timed:
        moment = when if timed.group(1) else when[:16] + ":00" + when[16:]
        if moment.endswith("Z"):
            moment = moment[:-1] + "+00:00"
        elif len(moment) == 19:
            moment += OFFSET
        return DateSpan(moment, moment)
    match = _DAY.match(when)
    if not match:
        return None
    year = int(match.group(1))
    month_from, month_to = (int(match.group(2)),) * 2 if match.group(2) else (1, 12)
    if not 1 <= month_from <= 12:
        return None
    last = calendar.monthrange(year, month_to)[1]
    day_from, day_to = (int(match.group(3)),) * 2 if match.group(3) else (1, last)
    if not 1 <= day_from <= calendar.monthrange(year, month_from)[1]:
        return None
    return DateSpan(
        f"{year:04d}-{month_from:02d}-{day_from:02d}T00:00:00{OFFSET}",
        f"{year:04d}-{month_to:02d}-{day_to:02d}T23:59:59{OFFSET}",
    )


def _months() -> str:
    names = [name for month in MONTHS for name in (month, month[:3] + r"\.", month[:4] + r"\.")]
    return "|".join(sorted(set(names), key=len, reverse=True))


_MONTH = _months()
_DATE_PHRASE = re.compile(
    rf"(?:(?:{_MONTH})\s+\d{{1,2}},?\s+\[?\d{{4}}\]?"
    rf"|\d{{1,2}}\s+(?:{_MONTH}),?\s+\d{{4}})"
)


def mark_dateline_date(div: etree._Element, when: str) -> bool:
    """Wrap the date phrase of the document's dateline in ``<date when="…">``.

    The per-document TEI keeps the dateline as the page gives it; the Office marks its
    date. Only a phrase that lies wholly in one text node is wrapped; nothing else changes.

    Args:
        div: the document div (changed in place).
        when: the ISO date the header gives for the document.

    Returns:
        True when a date was marked.
    """
    for dateline in div.iterfind(f"{_T}opener/{_T}dateline"):
        if dateline.find(f".//{_T}date") is not None:
            return False
        slots = [(dateline, "text")] + [(child, "tail") for child in dateline]
        for node, slot in slots:
            value = getattr(node, slot) or ""
            found = _DATE_PHRASE.search(value)
            if not found or found.group(0)[-4:].strip("]")[-4:] != when[:4]:
                continue
            date = etree.Element(f"{_T}date", when=when)
            date.text = found.group(0)
            date.tail = value[found.end() :]
            setattr(node, slot, value[: found.start()])
            if slot == "text":
                dateline.insert(0, date)
            else:
                node.addnext(date)
            return True
    return False


def _sub(
    parent: etree._Element, name: str, text: str | None = None, **attrs: str
) -> etree._Element:
    node = etree.SubElement(parent, f"{_T}{name}", attrs)
    if text is not None:
        node.text = text
    return node


def _first(root: etree._Element, path: str) -> str | None:
    found = xpath_items(root, path, _NS)
    if not found:
        return None
    value = found[0] if isinstance(found[0], str) else text_of(found[0])
    return " ".join(str(value).split()) or None


def volume_header(docs: Sequence[DocFacts], first: etree._Element) -> etree._Element:
    """Build a volume's ``teiHeader`` from its documents' facts.

    Args:
        docs: the volume's documents, in number order (all with the same volume id).
        first: the TEI root of the first document, for the imprint (publisher, place).

    Returns:
        The header element.
    """
    volume = docs[0].volume
    header = etree.Element(f"{_T}teiHeader", nsmap=NSMAP)
    file_desc = _sub(header, "fileDesc")
    stmt = _sub(file_desc, "titleStmt")
    for kind, field in TITLE_TYPES:
        value = getattr(volume, field)
        if value:
            _sub(stmt, "title", value, type=kind)
    for role, name in volume.editors:
        _sub(stmt, "editor", name, **({"role": role} if role else {}))
    pub = _sub(file_desc, "publicationStmt")
    imprint = "t:teiHeader/t:fileDesc/t:sourceDesc/t:biblStruct/t:monogr/t:imprint"
    for name in ("publisher", "pubPlace"):
        value = _first(first, f"{imprint}/t:{name}")
        if value:
            _sub(pub, name, value)
    if volume.year:
        _sub(pub, "date", volume.year, when=volume.year)
    _sub(pub, "idno", volume.volume_id or "", type="frus")
    source = _sub(file_desc, "sourceDesc")
    numbers = ", ".join(f"d{d.number}" for d in docs if d.number is not None)
    _sub(
        source,
        "p",
        f"The {len(docs)} document{'s' if len(docs) != 1 else ''} of this volume "
        f"that teikit made from the page text history.state.gov displays "
        f"({numbers or 'unnumbered'}); printed volume: "
        f"{volume.complete_title or volume.volume_id}.",
    )
    encoding = _sub(header, "encodingDesc")
    project = _sub(encoding, "projectDesc")
    _sub(
        project,
        "p",
        "Made with teikit by gathering its per-document TEI into one file per "
        "volume, in the shape of the Office of the Historian's volume files; "
        "not an official publication of the Department of State.",
    )
    taxonomy = _sub(_sub(encoding, "classDecl"), "taxonomy", **{XML_ID: "date-evidence"})
    for ident, text in DATE_CATEGORIES:
        _sub(_sub(taxonomy, "category", **{XML_ID: ident}), "catDesc", text)
    return header


def document_div(root: etree._Element) -> etree._Element:
    """Return a document's div as it goes into its volume file.

    The div keeps its content, ids (``d<N>``, ``d<N>fn<M>``, ``pg_<N>``) and attributes;
    it gains the span of its date (``frus:doc-dateTime-min``/``-max``), ``@ana`` pointing
    to the evidence when the date was read from a file number, and ``dateline/date/@when``
    where its dateline states the date.

    Args:
        root: the document's TEI root.

    Raises:
        TeikitError: the TEI has no document div.
    """
    found = root.find(f"{_T}text/{_T}body/{_T}div[@type='document']")
    if found is None:
        raise TeikitError('the TEI has no div type="document" in its body')
    div = etree.Element(found.tag, dict(attrib_items(found)), nsmap=NSMAP)
    div.text = found.text
    div.extend(deepcopy(child) for child in found)
    date = root.find(f"{_T}teiHeader/{_T}profileDesc/{_T}creation/{_T}date[@when]")
    if date is not None:
        when = date.get("when", "")
        span = date_span(when)
        if span is not None:
            div.set(f"{{{FRUS_NS}}}doc-dateTime-min", span.minimum)
            div.set(f"{{{FRUS_NS}}}doc-dateTime-max", span.maximum)
        from_dateline = mark_dateline_date(div, when)
        if not from_dateline and date.get("cert") == "medium":
            div.set("ana", f"#{FILE_NUMBER_CATEGORY}")
    return div


def _group(edition: Iterable[DocFacts]) -> dict[str, list[DocFacts]]:
    volumes: dict[str, list[DocFacts]] = {}
    for doc in sorted(edition, key=lambda d: d.sort_key):
        if doc.volume.volume_id:
            volumes.setdefault(doc.volume.volume_id, []).append(doc)
    return volumes


def write_volume(docs: Sequence[DocFacts], tei_paths: Mapping[str, Path], target: Path) -> Path:
    """Write one volume file, streaming its documents one at a time.

    Args:
        docs: the volume's documents in number order.
        tei_paths: each document's TEI file, by its TEI id.
        target: the file to write (replaced whole, never left half-written).

    Returns:
        ``target`` (left untouched when it already held exactly these bytes).

    Raises:
        InputError: a document's TEI is missing, unreadable or has no document div.
        OSError: the file cannot be written.
    """
    _write_volume(docs, tei_paths, target)
    return target


def _write_volume(docs: Sequence[DocFacts], tei_paths: Mapping[str, Path], target: Path) -> bool:
    """Write one volume file (see :func:`write_volume`); False when it was already so."""

    def load(doc: DocFacts) -> etree._Element:
        path = tei_paths.get(doc.tei_id)
        if path is None:
            raise InputError(
                Problem(
                    doc.tei_id,
                    None,
                    "no TEI file given for this document",
                    "pass its path in tei_paths",
                    "volume-missing-tei",
                )
            )
        return read_tei(Path(path))

    # Through a teikit temporary file: removed on any error or interruption, and swept by
    # the next run if this process is killed; left alone when the bytes are the same.
    with stream_if_changed(target) as (stream, outcome):
        with etree.xmlfile(stream, encoding="UTF-8") as xf:
            xf.write_declaration()
            _stream_volume(xf, docs, tei_paths, load)
        stream.write(b"\n")
    return outcome.written


def _stream_volume(
    xf: etree.xmlfile,
    docs: Sequence[DocFacts],
    tei_paths: Mapping[str, Path],
    load: Callable[[DocFacts], etree._Element],
) -> None:
    attrs = {XML_ID: docs[0].volume.volume_id or "", f"{{{XML_NS}}}lang": "en"}
    # lxml's incremental writer binds the xml prefix only when the map names it.
    with xf.element(f"{_T}TEI", attrs, nsmap={**NSMAP, "xml": XML_NS}):
        first_root = load(docs[0])
        header = volume_header(docs, first_root)
        first: etree._Element | None = first_root
        etree.indent(header, space="  ", level=1)
        xf.write("\n  ", header, "\n  ")
        with xf.element(f"{_T}text"):
            xf.write("\n    ")
            with xf.element(f"{_T}body"):
                for doc in docs:
                    root = first if first is not None else load(doc)
                    first = None  # from here on, one document tree at a time
                    try:
                        div = document_div(root)
                    except TeikitError as exc:
                        raise InputError(
                            Problem(
                                str(tei_paths[doc.tei_id]),
                                None,
                                str(exc),
                                "regenerate it with teikit convert",
                                "volume-no-div",
                            )
                        ) from exc
                    div.tail = None
                    xf.write("\n      ", div)
                    del root, div
                xf.write("\n    ")
            xf.write("\n  ")
        xf.write("\n")


@dataclass(frozen=True)
class VolumeTask:
    """One volume file to write: the volume's documents in number order, their TEI files
    and the target; small and picklable, for a worker process (:func:`write_volume_task`)."""

    docs: tuple[DocFacts, ...]
    tei_paths: Mapping[str, Path]
    target: Path


@dataclass(frozen=True)
class VolumeWritten:
    """What :func:`write_volume_task` did: ``written`` False when the file already held its
    bytes (or could not be written: then ``problem`` says why)."""

    target: Path
    written: bool
    problem: Problem | None = None


def volume_tasks(
    edition: Sequence[DocFacts], tei_paths: Mapping[str, Path], out_dir: Path
) -> list[VolumeTask]:
    """The volume files of an edition as tasks, in volume-id order (see
    :func:`write_volume_files`)."""
    return [
        VolumeTask(
            tuple(docs),
            {d.tei_id: tei_paths[d.tei_id] for d in docs if d.tei_id in tei_paths},
            out_dir / f"{volume_id}.xml",
        )
        for volume_id, docs in sorted(_group(edition).items())
    ]


def write_volume_task(task: VolumeTask) -> VolumeWritten:
    """Write one volume file; a problem is returned, never raised (for a worker process)."""
    try:
        written = _write_volume(task.docs, task.tei_paths, task.target)
    except InputError as exc:
        return VolumeWritten(task.target, False, exc.problem)
    except OSError as exc:
        problem = os_problem(task.target, exc, "cannot write the file", "write-failed")
        return VolumeWritten(task.target, False, problem)
    except OutputError as exc:
        return VolumeWritten(task.target, False, exc.problem)
    return VolumeWritten(task.target, written)


def write_volume_files(
    edition: Sequence[DocFacts], tei_paths: Mapping[str, Path], out_dir: Path
) -> list[Path]:
    """Write ``out_dir/<volume-id>.xml`` for every volume the edition's documents belong to.

    Documents whose header names no volume belong to no volume file.

    Args:
        edition: the facts of every document (any order).
        tei_paths: each document's TEI file, by its TEI id.
        out_dir: the folder of the volume files (build/volumes/).

    Returns:
        The files written, in volume-id order (a file that already held its bytes is left
        alone and not listed).

    Raises:
        InputError: a document's TEI is missing or unreadable.
        OSError: a file cannot be written.
    """
    targets = [
        (docs, out_dir / f"{volume_id}.xml") for volume_id, docs in sorted(_group(edition).items())
    ]
    return [target for docs, target in targets if _write_volume(docs, tei_paths, target)]
