"""Convert page text into TEI: the library entry points behind ``teikit convert``.

``convert_text`` turns one decoded text into a TEI tree; ``convert_file`` reads a file and
finds its catalog facts; ``convert_many`` converts a batch, writing each output whole or not
at all, and collects every error instead of stopping at the first.

A conversion is never refused for want of structure: when the structured reading's TEI fails
the self-check (:mod:`teikit.selfcheck`), or the reader breaks on a structure it does not
expect, the conservative plain reading (:mod:`teikit.reader.plain`) is written instead,
checked the same way, with the warning :data:`STRUCTURE_SIMPLIFIED`. The warning codes of a
conversion are those of the reader (``notes-split``, ``note-unanchored``, ``marker-assumed``
…, see :mod:`teikit.reader.document`) and these of the converter: ``doc-number``,
``no-doc-number``, ``page-sequence``, ``file-name-volume``, ``file-name-number`` and
``structure-simplified``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NoReturn

from lxml import etree

from teikit.addresses import address_of
from teikit.catalog import (
    CATALOG_NAME,
    VOLUME_ID,
    Catalog,
    DocumentFacts,
    VolumeFacts,
    complete_volume,
    load_catalog,
    merge_facts,
    volume_problems,
)
from teikit.dates import document_date
from teikit.errors import (
    CatalogError,
    InputError,
    Interrupted,
    OutputError,
    Problem,
    StrictModeError,
    as_warning,
)
from teikit.files import write_atomically
from teikit.reader import read_document
from teikit.reader.model import Dateline, Document, PageBreak, page_breaks
from teikit.reader.plain import PlainReading, looks_like_a_page, read_plain
from teikit.selfcheck import SelfCheckError, check_conversion
from teikit.tei.body import write_body
from teikit.tei.header import HeaderFacts, write_header
from teikit.tei.ids import tei_id
from teikit.tei.names import TEI_NS, XML_ID, XML_LANG, tei
from teikit.tei.serialize import to_bytes
from teikit.textsource import SourceText, read_source
from teikit.xmltypes import nsmap


@dataclass(frozen=True)
class ConvertOptions:
    """Options of a conversion run: where facts come from and how strict to be.

    ``volume``, ``doc_number`` and ``first_page`` override the catalog; ``volume`` must be a
    volume the catalog describes, or a bare id (then the header names only the id).
    """

    catalog: Path | None = None
    volume: str | None = None
    doc_number: int | None = None
    first_page: int | None = None
    strict: bool = False
    self_check: bool = True


@dataclass
class Conversion:
    """The TEI made from one input, with the warnings met on the way."""

    source: str
    tei_id: str
    root: etree._Element
    warnings: list[Problem] = field(default_factory=list)
    #: Which reading made the TEI: "structured", or "plain" (the fallback, with a warning).
    reading: str = "structured"
    _bytes: bytes | None = None

    def to_bytes(self) -> bytes:
        """Return the serialized TEI (UTF-8, deterministic)."""
        if self._bytes is None:
            self._bytes = to_bytes(self.root)
        return self._bytes


@dataclass
class Batch:
    """The outcome of converting several inputs."""

    results: list[Conversion] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _pages(document: Document) -> list[PageBreak]:
    return [pb for pb in page_breaks(document.blocks) if not pb.kind]


def _dateline_text(document: Document) -> str | None:
    for block in document.blocks:
        if isinstance(block, Dateline):
            return " ".join(" ".join(x for x in block.content if isinstance(x, str)).split())
    return None


def _note_text(document: Document) -> str | None:
    if document.source_line:
        return document.source_line
    for note in document.notes:
        if note.is_source:
            return " ".join(x for p in note.paragraphs for x in p if isinstance(x, str))
    return None


def _facts_warnings(
    source: SourceText, document: Document, facts: DocumentFacts, number_from: str
) -> list[Problem]:
    """Warn where the facts and the text disagree, or the text gives no number; set the
    document's number from the facts (they win)."""
    warnings: list[Problem] = []
    if facts.volume is not None:  # what is still missing from the volume's description
        warnings.extend(volume_problems(source.name, facts.volume))
    if facts.number is not None and document.number is not None and facts.number != document.number:
        who, hint = NUMBER_SOURCES[number_from]
        warnings.append(
            Problem(
                source.name,
                1,
                f"{who} gives document {facts.number} "
                f"but the text says {document.number}; used {facts.number}",
                hint,
                "doc-number",
            )
        )
    if facts.number is not None:
        document.number = facts.number
    elif document.number is None:
        warnings.append(
            Problem(
                source.name,
                None,
                "the text gives no document number (older "
                "telegrams and despatches carry none); the ids use d0",
                "give the number with --doc N or in the catalog, or save "
                "the page under its address (frus1958-60v19_d352.txt)",
                "no-doc-number",
            )
        )
    return warnings


def _tei(
    source: SourceText, document: Document, facts: DocumentFacts, warnings: list[Problem]
) -> tuple[str, etree._Element]:
    """Build the TEI of a document read from ``source``; return its file id and root.
    A page-sequence warning is added to ``warnings``."""
    volume_id = facts.volume.id if facts.volume else None
    file_id = tei_id(volume_id, document.number)
    doc_id = f"d{document.number}" if document.number is not None else "d0"

    pages = [int(pb.n) for pb in _pages(document) if pb.n.isdigit()]
    first_page, inferred = facts.first_page, False
    if first_page is None and pages:
        first_page, inferred = pages[0] - 1, True
    last_page = max([first_page or 0, *pages]) if first_page is not None else None
    if first_page is not None and pages and pages[0] != first_page + 1:
        warnings.append(
            Problem(
                source.name,
                None,
                f"the first page marker is {pages[0]}, "
                f"but the document starts on page {first_page}",
                "check first_page in the catalog",
                "page-sequence",
            )
        )
    date = document_date(
        dateline=_dateline_text(document), title=document.title, source_note=_note_text(document)
    )

    root = etree.Element(tei("TEI"), nsmap=nsmap(TEI_NS))
    root.set(XML_ID, file_id)
    root.set(XML_LANG, "en")
    write_header(
        root,
        HeaderFacts(file_id, document, facts, source.name, first_page, last_page, inferred, date),
    )
    text = etree.SubElement(root, tei("text"))
    write_body(text, document, doc_id)
    return file_id, root


def _simplified(
    source: SourceText, parted: Problem | None, failure: str, reading: PlainReading
) -> Problem:
    """The warning of a conversion written from the plain reading (``structure-simplified``)."""
    where = f"the structured reading {failure}"
    what = "; ".join(reading.simplified) or "kept the text as it stands"
    return Problem(
        source.name,
        parted.line if parted is not None else None,
        f"{where}; wrote a plain reading instead: {what}",
        "the TEI holds every word, note and page marker, in plainer structure; check it, "
        "and report the page to the teikit maintainers",
        STRUCTURE_SIMPLIFIED,
    )


#: The warning code of a conversion written from the plain reading (teikit.reader.plain).
STRUCTURE_SIMPLIFIED = "structure-simplified"


def convert_text(
    source: SourceText,
    facts: DocumentFacts | None = None,
    *,
    strict: bool = False,
    self_check: bool = True,
    number_from: str = "catalog",
    extra_warnings: Sequence[Problem] = (),
) -> Conversion:
    """Convert one decoded page text into TEI.

    The structured reading (:func:`teikit.reader.read_document`) comes first. When its TEI
    fails the self-check, the reader breaks on a structure it does not expect (an error
    other than :class:`InputError`), or it finds no heading it knows (:data:`FALLBACK_CODES`)
    on a text that is a FRUS page all the same, the text is read again by the plain reading
    (:func:`teikit.reader.plain.read_plain`), whose TEI must pass the same check; it is
    returned with a ``structure-simplified`` warning naming the line where the structured
    reading parted from the input and what was simplified. Only when the plain reading
    fails the check too is the input refused.

    Args:
        source: the decoded input (see :func:`teikit.textsource.decode`).
        facts: what the catalog or the user says of it; None converts from the text alone.
        strict: raise instead of returning warnings.
        self_check: compare the TEI with the input (:mod:`teikit.selfcheck`) before
            returning it; on by default.
        number_from: where ``facts.number`` came from (a key of :data:`NUMBER_SOURCES`),
            for the message when the text says otherwise.
        extra_warnings: warnings met before the text was read (they count for ``strict``).

    Returns:
        The :class:`Conversion`.

    Raises:
        InputError: when the text cannot be read as a FRUS document (no heading, and no
            page marker or note list), or both readings broke (``reader-fault``).
        SelfCheckError: when the TEI of both readings lost, added or changed a word, note
            or page marker (the structured reading's difference is the one named).
        StrictModeError: in strict mode, when there were warnings.
    """
    facts = facts or DocumentFacts()
    if facts.volume is not None:  # what the volume id says
        facts = replace(facts, volume=complete_volume(facts.volume))
    structured: Document | None = None
    parted: Problem | None = None  # where the structured reading parted, or stopped
    refused: InputError | None = None
    failure = ""
    try:
        structured, read_warnings = read_document(source)
    except InputError as exc:
        # No heading the reader knows: refused as documented, unless the text is a FRUS
        # page all the same (it has page markers or a note list).
        if exc.problem.code not in FALLBACK_CODES or not looks_like_a_page(source.lines):
            raise
        refused, parted = exc, exc.problem
        failure = f"found no heading it knows ({exc.problem.message.split(':')[0]})"
    except Exception as exc:  # a reader fault must not cost the document
        failure = f"broke off ({type(exc).__name__}: {exc})"
    if structured is not None:
        warnings = [*extra_warnings, *read_warnings]
        warnings += _facts_warnings(source, structured, facts, number_from)
        file_id, root = _tei(source, structured, facts, warnings)
        if not self_check:
            return _finish(source, file_id, root, warnings, strict)
        try:
            check_conversion(source.name, source.lines, root)
        except SelfCheckError as exc:
            parted = exc.problem
            failure = f"parted from the input here ({_detail(exc.problem.message)})"
        else:
            return _finish(source, file_id, root, warnings, strict)
    try:
        plain = read_plain(source, structured)
        warnings = [*extra_warnings, *plain.warnings]
        warnings += _facts_warnings(source, plain.document, facts, number_from)
        file_id, root = _tei(source, plain.document, facts, warnings)
        if self_check:
            check_conversion(source.name, source.lines, root)
    except SelfCheckError as again:
        _refuse(source, parted, refused, failure, f"line {again.problem.line}", again)
    except Exception as exc:  # the plain reading broke: the same refusal, or a fault's
        _refuse(source, parted, refused, failure, f"{type(exc).__name__}: {exc}", exc)
    warning = _simplified(source, parted, failure, plain)
    _declare_plain(root, plain)
    warnings.append(warning)
    return _finish(source, file_id, root, warnings, strict, reading="plain")


def _declare_plain(root: etree._Element, reading: PlainReading) -> None:
    """Say in the header's editorial declaration that the body is the plain reading."""
    decl = root.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}encodingDesc/{{{TEI_NS}}}editorialDecl")
    if decl is None:  # pragma: no cover - write_header always writes one
        return
    what = "; ".join(reading.simplified) or "kept the text as it stands"
    etree.SubElement(decl, tei("p")).text = (
        "The structure of this text was read plainly, not by teikit's structured reading "
        f"(teikit.reader.plain): {what}."
    )


#: The reader's refusals that the plain reading may take over, when the text is a FRUS page
#: all the same (:func:`teikit.reader.plain.looks_like_a_page`): a heading it does not know.
FALLBACK_CODES = frozenset({"no-title"})


def _refuse(
    source: SourceText,
    parted: Problem | None,
    refused: InputError | None,
    failure: str,
    why: str,
    cause: Exception,
) -> NoReturn:
    """Raise the refusal of a page whose plain reading failed too (``why``, ``cause``): the
    structured reading's refusal or self-check error, saying so; else (the reader broke) the
    plain reading's self-check error, or a ``reader-fault`` error when it broke as well."""
    if refused is not None:
        raise refused from cause
    if parted is not None:
        raise SelfCheckError(
            replace(
                parted,
                message=f"self-check failed: {_detail(parted.message)}; the plain reading "
                f"failed too ({why}); the TEI was not written",
            )
        ) from cause
    if isinstance(cause, SelfCheckError):
        problem = cause.problem
        raise SelfCheckError(
            replace(
                problem,
                message=f"self-check failed: {_detail(problem.message)} (in the plain reading: "
                f"the reader {failure}); the TEI was not written",
            )
        ) from cause
    raise InputError(
        Problem(
            source.name,
            None,
            f"the reader {failure}, and the plain reading too ({why}); nothing was written",
            "a converter fault: report it with this input",
            "reader-fault",
        )
    ) from cause


def _detail(message: str) -> str:
    """The difference a self-check message names, without its frame."""
    return message.removeprefix("self-check failed: ").removesuffix("; the TEI was not written")


def _finish(
    source: SourceText,
    file_id: str,
    root: etree._Element,
    warnings: list[Problem],
    strict: bool,
    reading: str = "structured",
) -> Conversion:
    if strict and warnings:
        raise StrictModeError(warnings)
    return Conversion(source.name, file_id, root, warnings, reading=reading)


def find_catalog(input_path: Path) -> Path | None:
    """Return the ``catalog.toml`` beside an input, if there is one.

    Anything of that name is returned, not only a regular file: a pipe, a folder or a
    broken link named ``catalog.toml`` is then refused by the catalog's reader with its
    reason, rather than passed over in silence.
    """
    candidate = input_path.parent / CATALOG_NAME
    return candidate if os.path.lexists(candidate) else None


class _Catalogs:
    """Loads each catalog once per run."""

    def __init__(self, explicit: Path | None) -> None:
        self.explicit = explicit
        self.loaded: dict[Path, Catalog] = {}

    def for_input(self, path: Path) -> Catalog | None:
        where = self.explicit or find_catalog(path)
        if where is None:
            return None
        if where not in self.loaded:
            self.loaded[where] = load_catalog(where)
        return self.loaded[where]


#: Where a document number came from: how a message names it, and what to do on a conflict.
NUMBER_SOURCES = {
    "catalog": ("the catalog", "correct the catalog or the --doc option"),
    "option": ("--doc", "check the --doc option"),
    "file name": ("the file name", "rename the file, or give the number with --doc N"),
}


@dataclass(frozen=True)
class _Found:
    """The facts of one input, where its number came from, and the conflicts met."""

    facts: DocumentFacts
    number_from: str
    warnings: tuple[Problem, ...] = ()


def _option_volume(catalog: Catalog | None, wanted: str) -> VolumeFacts:
    if catalog and wanted in catalog.volumes:
        return catalog.volumes[wanted]
    if not VOLUME_ID.match(wanted):
        raise CatalogError(f"--volume {wanted!r} is not a FRUS volume id like frus1958-60v19")
    return VolumeFacts(id=wanted)


def _facts(path: Path, catalog: Catalog | None, options: ConvertOptions) -> _Found:
    """Gather an input's facts: options over the catalog over the file name (teikit.addresses).

    A file name that disagrees with the catalog or an option is a warning naming both
    values; the catalog or option wins.
    """
    base = catalog.facts_for(path.name) if catalog else None
    named = address_of(path)
    warnings: list[Problem] = []
    volume = _option_volume(catalog, options.volume) if options.volume else None
    given_volume = volume or (base.volume if base else None)
    if named is not None and named.volume is not None:
        if given_volume is None:
            volume = (catalog.volumes.get(named.volume) if catalog else None) or VolumeFacts(
                id=named.volume
            )
        elif given_volume.id != named.volume:
            who = "--volume" if options.volume else "the catalog"
            warnings.append(
                Problem(
                    str(path),
                    None,
                    f"the file name gives volume {named.volume} but {who} "
                    f"gives {given_volume.id}; used {given_volume.id}",
                    "rename the file or correct the catalog or --volume",
                    "file-name-volume",
                )
            )
    number, number_from = options.doc_number, "option"
    if number is None and base is not None and base.number is not None:
        number, number_from = base.number, "catalog"
    if named is not None:
        if number is None:
            number, number_from = named.number, "file name"
        elif number != named.number:
            who = NUMBER_SOURCES[number_from][0]
            warnings.append(
                Problem(
                    str(path),
                    None,
                    f"the file name gives document {named.number} but {who} "
                    f"gives {number}; used {number}",
                    "rename the file or correct the catalog or --doc",
                    "file-name-number",
                )
            )
    facts = merge_facts(base, volume=volume, number=number, first_page=options.first_page)
    return _Found(facts, number_from, tuple(warnings))


def convert_file(
    path: Path, options: ConvertOptions | None = None, catalogs: _Catalogs | None = None
) -> Conversion:
    """Read and convert one page-text file.

    Args:
        path: the input.
        options: catalog and overrides; defaults look for ``catalog.toml`` beside the input.
        catalogs: a cache of loaded catalogs (for batches).

    Returns:
        The :class:`Conversion`.

    Raises:
        InputError: for an unreadable or unrecognisable input.
        CatalogError: for a bad catalog.
        StrictModeError: in strict mode, when there were warnings.
    """
    options = options or ConvertOptions()
    catalogs = catalogs or _Catalogs(options.catalog)
    source = read_source(path)
    catalog = catalogs.for_input(path)
    found = _facts(path, catalog, options)
    return convert_text(
        source,
        found.facts,
        strict=options.strict,
        self_check=options.self_check,
        number_from=found.number_from,
        extra_warnings=found.warnings,
    )


def convert_many(
    paths: list[Path],
    *,
    options: ConvertOptions | None = None,
    output_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Batch:
    """Convert several inputs, collecting every error; write each to ``output_dir``.

    Args:
        paths: the inputs.
        options: catalog and overrides (per-document overrides make sense for one input).
        output_dir: where ``<id>.xml`` files go; None keeps the results in memory only.
        progress: called as (inputs done, inputs in all) after each input.

    Returns:
        The :class:`Batch`: results, files written, errors and warnings.

    Raises:
        CatalogError: when an explicitly given catalog cannot be loaded.
    """
    options = options or ConvertOptions()
    catalogs = _Catalogs(options.catalog)
    if options.catalog is not None:
        catalogs.for_input(options.catalog)  # a bad catalog fails before any input is read
    batch = Batch()
    try:
        _convert_each(paths, options, catalogs, output_dir, progress, batch)
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: report what was found so far
        done = len(batch.written) if output_dir is not None else len(batch.results)
        raise Interrupted(batch.errors, batch.warnings, done, getattr(exc, "signum", None)) from exc
    return batch


def _convert_each(
    paths: list[Path],
    options: ConvertOptions,
    catalogs: _Catalogs,
    output_dir: Path | None,
    progress: Callable[[int, int], None] | None,
    batch: Batch,
) -> None:
    claimed: dict[str, str] = {}
    for done, path in enumerate(paths, 1):
        if progress is not None and done > 1:
            progress(done - 1, len(paths))
        try:
            result = convert_file(path, options, catalogs)
        except InputError as exc:
            batch.errors.append(exc.problem)
            continue
        except StrictModeError as exc:
            batch.errors.extend(exc.problems)
            continue
        except CatalogError as exc:
            batch.errors.append(Problem(str(path), None, str(exc), "", "catalog"))
            continue
        batch.warnings.extend(as_warning(w) for w in result.warnings)
        if result.tei_id in claimed:
            batch.errors.append(
                Problem(
                    str(path),
                    None,
                    f"gives the same id {result.tei_id} as {claimed[result.tei_id]}; not written",
                    "give each input its own document number or volume in the catalog",
                    "duplicate-id",
                )
            )
            continue
        claimed[result.tei_id] = str(path)
        batch.results.append(result)
        if output_dir is not None:
            target = output_dir / f"{result.tei_id}.xml"
            try:
                write_atomically(result.to_bytes(), target, durable=True)
            except OutputError as exc:  # read-only folder, full disk: say so, go on
                batch.results.pop()
                batch.errors.append(exc.problem)
                continue
            result._bytes = None  # written: keep the tree only (the bytes are remade on demand)
            batch.written.append(target)
    if progress is not None and paths:
        progress(len(paths), len(paths))
