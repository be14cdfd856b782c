"""The two per-document steps of a build, as functions a worker process can run.

:func:`prepare` takes one page text to a TEI the build can use (converted, or the TEI already
in the folder when it is current or the editor's), with its header facts and validation
findings. :func:`render` takes one TEI file to every per-document output of the edition,
parsing it once in Saxon. Both take and return small picklable records, so the build can run
them in worker processes; each process loads its catalogs, schemas and stylesheets once.
Neither prints nor raises for a bad document: problems come back in the result.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from teikit import __version__
from teikit.convert import ConvertOptions, _Catalogs, convert_file, find_catalog
from teikit.errors import (
    CatalogError,
    InputError,
    OutputError,
    Problem,
    StrictModeError,
    TeikitError,
)
from teikit.facts import DocFacts, facts_of
from teikit.files import read_input
from teikit.incremental import output_digest, write_if_changed
from teikit.ownership import Written, sha256
from teikit.tei.names import TEI_NS
from teikit.transform import OUTPUTS, TransformError, parse, transform_node
from teikit.validation import Validator
from teikit.validation.report import Finding
from teikit.xmlsafe import parse_bytes

#: What :func:`prepare` decided for a page text.
Action = Literal["write", "current", "edited", "failed"]

#: The per-document outputs: (output name, sub-folder of the output folder, takes the
#: page parameters). The file is ``<folder>/<id>.<extension of the output>``.
DOCUMENT_OUTPUTS: tuple[tuple[str, str, bool], ...] = (
    ("html", "", True),
    ("bibtex", "", False),
    ("ris", "", False),
    ("csl-json", "", False),
    ("chicago", "", False),
    ("text", "text", False),
    ("page-text", "page-text", False),
)


#: The folder of the static DTS tree in the output folder (see :mod:`teikit.dts.static`).
DTS_DIR = "dts"


def output_files(doc_id: str) -> list[str]:
    """Return the files (relative to the output folder) the Saxon outputs of ``doc_id`` make,
    with its TEI copy; :func:`render` also makes its EPUB chapter and its DTS answers."""
    names = [f"{doc_id}.xml"]
    for name, folder, _ in DOCUMENT_OUTPUTS:
        file = f"{doc_id}.{OUTPUTS[name].extension}"
        names.append(f"{folder}/{file}" if folder else file)
    return names


@dataclass(frozen=True)
class PrepareTask:
    """One page text to prepare, with what the TEI folder's record says of it."""

    source: Path
    source_key: str
    tei_dir: Path
    record_name: str | None = None
    record: Written | None = None
    catalog: Path | None = None
    reconvert: bool = False
    strict: bool = False
    run: str = ""
    known: KnownFindings | None = None


@dataclass(frozen=True)
class KnownFindings:
    """The validation findings of a TEI file as the last build found them, with the sha256
    of the bytes they belong to: reused when the file is unchanged and the schemas too."""

    tei_sha: str
    path: str
    findings: tuple[Finding, ...]


@dataclass
class Prepared:
    """The outcome of :func:`prepare` for one page text."""

    source: str
    source_key: str
    action: Action
    tei_name: str | None = None
    data: bytes | None = None
    tei_sha: str = ""
    source_sha: str = ""
    catalog_sha: str | None = None
    facts: DocFacts | None = None
    findings: list[Finding] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    renderable: bool = False
    validated: bool = False  # False when the findings are those of the last build


@functools.lru_cache(maxsize=1)
def _validator() -> Validator:
    return Validator(edition=True)  # the TEI folder is an edition's: its edition rules apply


# Catalogs are loaded, and hashed, once per build run and process (``run`` tells runs apart,
# so a catalog changed between two builds in one process is read again).
@functools.lru_cache(maxsize=2)
def _catalogs(explicit: Path | None, run: str) -> _Catalogs:
    return _Catalogs(explicit)


@functools.lru_cache(maxsize=64)
def _file_sha(path: Path, run: str) -> str:
    return sha256(read_input(path))


def _catalog_sha(task: PrepareTask) -> str | None:
    where = task.catalog or find_catalog(task.source)
    if where is None:
        return None
    try:
        return _file_sha(where, task.run)
    except InputError:
        return None  # the catalog's own reader reports why it cannot be read


def _check(prepared: Prepared, data: bytes, path: Path, known: KnownFindings | None = None) -> None:
    """Fill in the facts and validation findings of the TEI ``data`` (file ``path``)."""
    prepared.tei_sha = sha256(data)
    if known is not None and known.tei_sha == prepared.tei_sha and known.path == str(path):
        prepared.findings = list(known.findings)
        prepared.validated = False
    else:
        report = _validator().validate_bytes(data, str(path))
        prepared.findings = report.findings
        prepared.validated = True
        if not report.checked:
            return  # not well-formed or unsafe: the findings say why, nothing is rendered
    parsed = parse_bytes(data, str(path))  # read safely: no entities, no DTD, no network
    if isinstance(parsed, list):
        return
    root = parsed.tree.getroot()
    if root.tag != f"{{{TEI_NS}}}TEI":
        return
    prepared.facts = facts_of(root, path.stem)
    prepared.renderable = True


def inspect_existing(
    prepared: Prepared, path: Path, known: KnownFindings | None = None
) -> Prepared:
    """Use the TEI already at ``path`` (the editor's, or current) for ``prepared``."""
    prepared.data = None
    prepared.tei_name = path.name
    try:
        data = read_input(path)  # a regular file only: a FIFO in the TEI folder is not opened
    except InputError as exc:
        prepared.errors.append(exc.problem)
        prepared.action = "failed"
        return prepared
    _check(prepared, data, path, known)
    return prepared


def prepare(task: PrepareTask) -> Prepared:
    """Decide what TEI one page text gives the build, and read its facts and findings.

    - The record names a TEI file whose bytes changed since teikit wrote it: the editor's
      file is kept (``edited``); when the page text or catalog changed too, a warning says so.
    - The record matches the TEI, the page text, the catalog and the version: ``current``.
    - Otherwise (or with ``reconvert``) the page text is converted: ``write``, with the new
      bytes in ``data``; the caller checks the id across the batch and writes the file.
    """
    prepared = Prepared(str(task.source), task.source_key, "failed")
    try:
        source_bytes = read_input(task.source)  # a FIFO or device is refused, never waited on
    except InputError as exc:
        prepared.errors.append(exc.problem)
        return prepared
    prepared.source_sha = sha256(source_bytes)
    prepared.catalog_sha = _catalog_sha(task)
    record, name = task.record, task.record_name
    if record is not None and name is not None and not task.reconvert:
        existing = task.tei_dir / name
        try:
            current = sha256(read_input(existing))
        except InputError:
            current = None
        if current is not None and current != record.sha256:
            converted = _convert(
                task,
                Prepared(
                    prepared.source,
                    task.source_key,
                    "failed",
                    source_sha=prepared.source_sha,
                    catalog_sha=prepared.catalog_sha,
                ),
            )
            if converted.tei_name == name and converted.tei_sha == current:
                return converted  # changed by `teikit convert`, not by hand: teikit's again
            prepared.action = "edited"
            if (
                record.source_sha256 != prepared.source_sha
                or record.catalog_sha256 != prepared.catalog_sha
            ):
                prepared.warnings.append(
                    Problem(
                        str(existing),
                        None,
                        f"was changed by hand, and its page text "
                        f"{task.source} (or catalog) changed since teikit made it; kept the "
                        "edited TEI",
                        "carry the change into the TEI by hand, or build with "
                        "--reconvert to replace the TEI (your edits are then lost)",
                        "edited-tei",
                    )
                )
            return inspect_existing(prepared, existing, task.known)
        if (
            current is not None
            and record.source_sha256 == prepared.source_sha
            and record.catalog_sha256 == prepared.catalog_sha
            and record.teikit == __version__
        ):
            prepared.action = "current"
            return inspect_existing(prepared, existing, task.known)
    return _convert(task, prepared)


def _convert(task: PrepareTask, prepared: Prepared) -> Prepared:
    """Convert the page text of ``task`` into ``prepared`` (action ``write``, or ``failed``)."""
    options = ConvertOptions(catalog=task.catalog, strict=task.strict)
    try:
        result = convert_file(task.source, options, _catalogs(task.catalog, task.run))
    except InputError as exc:
        prepared.errors.append(exc.problem)
        return prepared
    except StrictModeError as exc:
        prepared.errors.extend(exc.problems)
        return prepared
    except CatalogError as exc:
        prepared.errors.append(Problem(str(task.source), None, str(exc), "", "catalog"))
        return prepared
    prepared.warnings.extend(result.warnings)
    prepared.action = "write"
    prepared.tei_name = f"{result.tei_id}.xml"
    prepared.data = result.to_bytes()
    _check(prepared, prepared.data, task.tei_dir / prepared.tei_name)
    return prepared


@dataclass(frozen=True)
class RenderTask:
    """One TEI file to render into the output folder.

    ``book_links`` is the ``document-links`` of the EPUB the document belongs to (None: no
    book, the document has no volume); ``facts`` its header facts, for its DTS answers;
    ``dts_parent_size`` the number of members of its DTS parent collection (its volume, or
    the edition), for its Collection answers, and ``dts_title`` the edition's title.
    """

    tei_path: Path
    doc_id: str
    out_dir: Path
    params: Mapping[str, str]
    book_links: str | None = None
    facts: DocFacts | None = None
    dts_parent_size: int | None = None
    dts_title: str | None = None
    #: the digests of the bytes the last build wrote to this document's outputs (file ->
    #: output_digest): a file whose bytes no longer match was changed by a person, and is
    #: kept rather than overwritten
    recorded: Mapping[str, str] | None = None


@dataclass
class Rendered:
    """The outcome of :func:`render` for one document: the files written, and every file
    its outputs are (written now or already so), relative to the output folder."""

    doc_id: str
    written: list[Path] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    #: every file of the document's outputs -> the digest of its bytes (output_digest)
    files: dict[str, str] = field(default_factory=dict)
    #: outputs a person changed since the last build, kept as they are (one warning each)
    kept: list[Problem] = field(default_factory=list)


def _changed_by_hand(target: Path, wrote: str) -> bool:
    """True when ``target`` exists and no longer holds the bytes whose digest teikit
    recorded (``wrote``): a person changed it."""
    try:
        return output_digest(read_input(target)) != wrote
    except InputError:
        return False  # missing (or not a file teikit can read): written as any new output


def render(task: RenderTask) -> Rendered:
    """Write every per-document output of one TEI file, parsing it once in Saxon (and once
    in lxml, for its DTS answers and its EPUB chapter's page list).

    The outputs: the TEI copy, :data:`DOCUMENT_OUTPUTS`, the EPUB chapter its volume's
    book is assembled from (``.teikit-epub/<id>.xhtml``) and the static DTS answers about
    it (``dts/``). Files whose bytes would not change are left alone. The TEI must have
    passed :func:`prepare` (read safely and validated) before it is given here.
    """
    from teikit.dts.static import document_files
    from teikit.epub import CHAPTERS_DIR, make_chapter

    done = Rendered(task.doc_id)
    out = task.out_dir

    recorded = task.recorded or {}

    def put(data: bytes, relative: str) -> None:
        target = out / relative
        digest = output_digest(data)
        done.files[relative] = digest
        wrote = recorded.get(relative)
        if wrote is not None and wrote != digest and _changed_by_hand(target, wrote):
            done.files[relative] = wrote  # still what teikit wrote last, so kept next time too
            done.kept.append(
                Problem(
                    str(target),
                    None,
                    "was changed by hand since teikit wrote it; kept it, not the new output "
                    "of its TEI",
                    "carry the change into the TEI, or delete the file to let teikit write "
                    "it again",
                    "kept-output",
                )
            )
            return
        if write_if_changed(data, target):
            done.written.append(target)

    try:
        data = read_input(task.tei_path)
        put(data, f"{task.doc_id}.xml")
        node = parse(data)
        for name, folder, with_params in DOCUMENT_OUTPUTS:
            file = f"{task.doc_id}.{OUTPUTS[name].extension}"
            try:
                text = transform_node(node, name, task.params if with_params else None)
            except TransformError as exc:
                done.errors.append(Problem(str(task.tei_path), None, str(exc), "", "transform"))
                continue
            put(text.encode("utf-8"), f"{folder}/{file}" if folder else file)
        if task.book_links is None and task.facts is None:
            return done
        parsed = parse_bytes(data, str(task.tei_path))
        if isinstance(parsed, list):
            raise TransformError(f"{task.tei_path}: cannot be read: {parsed[0].message}")
        root = parsed.tree.getroot()
        if task.book_links is not None:
            chapter = make_chapter(root, node, task.book_links)
            put(chapter.to_bytes(task.book_links), f"{CHAPTERS_DIR}/{task.doc_id}.xhtml")
        if task.facts is not None:
            answers = document_files(
                task.facts,
                task.tei_path,
                root,
                title=task.dts_title,
                parent_size=task.dts_parent_size,
            )
            for relative, answer in answers:
                put(answer, f"{DTS_DIR}/{relative}")
    except TransformError as exc:
        done.errors.append(Problem(str(task.tei_path), None, str(exc), "", "transform"))
    except OSError as exc:
        where = exc.filename or task.tei_path
        done.errors.append(
            Problem(
                str(where),
                None,
                f"cannot write ({exc.strerror})",
                "check the output folder's permissions and free space",
                "write",
            )
        )
    except (OutputError, InputError) as exc:
        done.errors.append(exc.problem)
    except TeikitError as exc:
        done.errors.append(Problem(str(task.tei_path), None, str(exc), "", "transform"))
    return done
