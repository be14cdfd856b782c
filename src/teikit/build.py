"""The main job: a folder of page text -> TEI -> validation -> the whole edition.

:func:`build_edition` streams the documents through two steps, each run in worker processes
(:mod:`teikit.build_tasks`): *prepare* (convert the page text, or keep the TEI that is
current or that the editor changed; read its header facts; validate it) and *render* (every
per-document output, one Saxon parse each, and the per-document parts of the edition-wide
outputs, :data:`WORKER_PARTS`: the document's DTS answers and its EPUB chapter). Only the
small header facts (:class:`teikit.facts.DocFacts`) of each document are kept, for the
edition-wide outputs that :data:`EDITION_WRITERS` assemble at the end (the edition's and
volumes' DTS collections, books, site pages), while :data:`BACKGROUND_WRITERS` work in other
processes: Pagefind indexes the finished pages, and the workers write the volume files, a
volume per task. Every cross-document check is a dictionary look-up.

The TEI belongs to the editor once made: :mod:`teikit.ownership` records what teikit wrote,
and a TEI file is written again only when teikit wrote it and nobody changed it since (or
when asked, ``reconvert``). Outputs whose inputs did not change are not rendered again
(:mod:`teikit.incremental`), and the outputs of documents no longer in the edition are
removed, unless a person changed them. Results are collected in input order, so a build with one job
and a build with several write the same bytes and report the same problems in the same order.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from teikit import __version__
from teikit.build_tasks import (
    DOCUMENT_OUTPUTS,
    DTS_DIR,
    KnownFindings,
    Prepared,
    PrepareTask,
    RenderTask,
    inspect_existing,
    prepare,
    render,
)
from teikit.catalog import load_catalog
from teikit.epub import BookWritten
from teikit.errors import InputError, Problem, TeikitError
from teikit.facts import DocFacts
from teikit.files import begin_run, read_input
from teikit.incremental import BuildManifest, output_key, write_if_changed
from teikit.ownership import TeiManifest, Written, sha256
from teikit.resources import data_dir
from teikit.transform import stylesheet_digest
from teikit.validation import default_grammar_path, default_rules_path
from teikit.validation.report import Finding
from teikit.workers import Started, Workers, usable_cpus

EDITION_TITLE = "Foreign Relations of the United States: a teikit edition"

#: The shared style sheet of the HTML pages (in ``xslt/``, copied beside the pages).
CSS_NAME = "teikit.css"

#: The corpus file teikit 0.1 wrote into the output folder (see schemas/README.md).
OLD_CORPUS_NAME = "teikit-corpus.xml"

#: Fewer documents than this per worker are not worth a worker's start-up (about a second:
#: Python, lxml, Saxon and the compiled stylesheets); the build then uses fewer workers.
MIN_DOCUMENTS_PER_JOB = 32

T = TypeVar("T")
_Done = TypeVar("_Done")

#: (stage name, done, total) -> None
Progress = Callable[[str, int, int], None]

#: An edition-wide writer: (the edition's facts in reading order, the TEI files in the same
#: order, the output folder) -> the files it wrote. Each edition-wide output is one entry of
#: :data:`EDITION_WRITERS`; it sees only facts and paths, never the document trees.
EditionWriter = Callable[[Sequence[DocFacts], Sequence[Path], Path], list[Path]]


class Pending(Protocol):
    """Work an edition writer started in another process."""

    def finish(self) -> list[Path]:
        """Wait for the work; return the files it wrote."""
        ...

    def cancel(self) -> None:
        """Stop the work and remove what it left."""
        ...


#: An edition-wide writer that runs beside the others (in other processes): called as an
#: :data:`EditionWriter` with the build's worker processes too, it starts its work and
#: returns it, to be finished once the others are done.
BackgroundWriter = Callable[[Sequence[DocFacts], Sequence[Path], Path, Workers], Pending]


def write_css(edition: Sequence[DocFacts], tei_paths: Sequence[Path], out: Path) -> list[Path]:
    """Copy ``teikit.css`` beside the pages (when it changed)."""
    target = out / CSS_NAME
    return [target] if write_if_changed((data_dir("xslt") / CSS_NAME).read_bytes(), target) else []


def write_site(edition: Sequence[DocFacts], tei_paths: Sequence[Path], out: Path) -> list[Path]:
    """Write the index, the volume pages and the search page (:mod:`teikit.site`)."""
    from teikit.site import write_site_pages

    return write_site_pages(edition, out, title=EDITION_TITLE)


class _InWorkers(Generic[_Done]):
    """Edition files being written by the workers, one volume a task (see
    :func:`write_epubs`, :func:`write_volumes`): ``outcome`` tells, of one task's result,
    the files it wrote and the problem that stopped it, if any."""

    def __init__(
        self,
        started: Started[_Done],
        outcome: Callable[[_Done], tuple[Sequence[Path], Problem | None]],
    ) -> None:
        self.started, self.outcome = started, outcome

    def finish(self) -> list[Path]:
        written: list[Path] = []
        problems: list[Problem] = []
        for result in self.started.results():
            files, problem = self.outcome(result)
            written.extend(files)
            if problem is not None:
                problems.append(problem)
        if problems:
            raise PartlyWritten(written, problems[0], more=problems[1:])
        return written

    def cancel(self) -> None:
        self.started.cancel()


def write_epubs(
    edition: Sequence[DocFacts], tei_paths: Sequence[Path], out: Path, workers: Workers
) -> Pending:
    """Start writing one EPUB per volume (:mod:`teikit.epub`), a volume per task in the
    worker processes, from the chapters the render workers made (a missing one is made
    there). A volume that fails is reported; the others are written."""
    from teikit.epub import book_tasks, write_book_task

    paths = {doc.tei_id: path for doc, path in zip(edition, tei_paths, strict=True)}

    def outcome(book: BookWritten) -> tuple[Sequence[Path], Problem | None]:
        problem = book.problem
        return book.written, None if problem is None else Problem(
            str(out), None, problem, "", "epub"
        )

    return _InWorkers(workers.start(write_book_task, book_tasks(edition, paths, out)), outcome)


def _search_unavailable(out: Path, exc: Exception) -> PartlyWritten:
    return PartlyWritten(
        [], Problem(str(out), None, str(exc), "the site has no search", "search"), warning=True
    )


def write_search(
    edition: Sequence[DocFacts], tei_paths: Sequence[Path], out: Path, workers: Workers
) -> Pending:
    """Start indexing the site for search (:mod:`teikit.search`; a warning without
    Pagefind). Pagefind reads only the document pages, which exist by now, so it runs while
    the other edition writers work."""
    from teikit.search import SearchUnavailable, start_search_index
    from teikit.site import place

    pages = [place("document-page", doc=doc.tei_id) for doc in edition]  # reading order
    try:
        return start_search_index(out, pages)
    except SearchUnavailable as exc:
        raise _search_unavailable(out, exc) from exc


def write_dts(edition: Sequence[DocFacts], tei_paths: Sequence[Path], out: Path) -> list[Path]:
    """Write the static DTS tree's answers about the edition and its volumes (``dts/``);
    each document's own answers are made by the render workers (build_tasks.render)."""
    from teikit.dts import write_static

    paths = {doc.tei_id: path for doc, path in zip(edition, tei_paths, strict=True)}
    return write_static(edition, paths, out / DTS_DIR, title=EDITION_TITLE, documents=False)


def write_volumes(
    edition: Sequence[DocFacts], tei_paths: Sequence[Path], out: Path, workers: Workers
) -> Pending:
    """Start writing the volume files (``volumes/``), a volume per task in the worker
    processes, while the main process writes the other edition-wide outputs. A volume that
    fails is reported; the others are written."""
    from teikit.volumes import volume_tasks, write_volume_task

    paths = {doc.tei_id: path for doc, path in zip(edition, tei_paths, strict=True)}
    return _InWorkers(
        workers.start(write_volume_task, volume_tasks(edition, paths, out / "volumes")),
        lambda v: ([v.target] if v.written else [], v.problem),
    )


class PartlyWritten(TeikitError):
    """An edition writer failed (or can only warn) after writing ``written``."""

    def __init__(
        self,
        written: list[Path],
        problem: Problem,
        warning: bool = False,
        more: Sequence[Problem] = (),
    ) -> None:
        super().__init__(str(problem))
        self.written, self.problem, self.warning = list(written), problem, warning
        self.problems = [problem, *more]


#: The edition-wide outputs, in the order they are written. Each further output is one more
#: entry.
EDITION_WRITERS: list[EditionWriter] = [
    write_css,
    write_dts,
    write_site,
]

#: The per-document parts that an edition writer assembles, made by the render workers
#: beside each document's pages: writer name -> part (see :class:`RenderTask`). A part is
#: made only while its writer is in :data:`EDITION_WRITERS` or :data:`BACKGROUND_WRITERS`.
WORKER_PARTS = {"write_epubs": "epub-chapter", "write_dts": "dts"}

#: The edition-wide outputs made by other processes (Pagefind; the workers), started before
#: :data:`EDITION_WRITERS` (once every document page is written) and waited for after them.
BACKGROUND_WRITERS: list[BackgroundWriter] = [write_search, write_volumes, write_epubs]

#: The edition writers whose answer names every file they make, not only those they wrote
#: (their record is replaced, not added to: Pagefind names its files anew each run).
COMPLETE_WRITERS = frozenset({"write_search"})

#: Edition writers that read what a background writer makes, and the background writers
#: each waits for: the volume pages link a volume's file and book only when they are there.
WAITS_FOR: dict[str, tuple[str, ...]] = {"write_site": ("write_volumes", "write_epubs")}


def page_params(edition: Sequence[DocFacts]) -> dict[str, dict[str, str]]:
    """Return the html.xsl parameters of every document's page, by TEI id: the edition's
    title and the page's place in it (:func:`teikit.site.site_params_for`: breadcrumb,
    previous and next ...). They are part of each page's build key, so a page is rendered
    again when its neighbours change."""
    from teikit.site import site_params_for

    return {
        tei_id: {"edition-title": EDITION_TITLE, **params}
        for tei_id, params in site_params_for(edition).items()
    }


@dataclass(frozen=True, init=False)
class BuildLayout:
    """Where the build reads page text and writes the TEI and the edition.

    ``BuildLayout(pages, tei, out)`` names the three folders; ``BuildLayout(root)`` (as in
    teikit 0.1) is the classic project folder, ``root/seeds`` -> ``root/tei`` ->
    ``root/build``.
    """

    pages_dir: Path
    tei_dir: Path
    out_dir: Path

    def __init__(
        self, pages_dir: Path, tei_dir: Path | None = None, out_dir: Path | None = None
    ) -> None:
        if tei_dir is None and out_dir is None:
            root = Path(pages_dir)
            pages_dir, tei_dir, out_dir = root / "seeds", root / "tei", root / "build"
        elif tei_dir is None or out_dir is None:
            raise TypeError("BuildLayout takes a project folder, or all three folders")
        object.__setattr__(self, "pages_dir", Path(pages_dir))
        object.__setattr__(self, "tei_dir", Path(tei_dir))
        object.__setattr__(self, "out_dir", Path(out_dir))

    @classmethod
    def under(
        cls, root: Path, pages: str = "seeds", tei: str = "tei", out: str = "build"
    ) -> BuildLayout:
        """The folders ``root/<pages>``, ``root/<tei>`` and ``root/<out>``."""
        return cls(root / pages, root / tei, root / out)


@dataclass
class BuildReport:
    """The figures and problems of one build."""

    documents: int = 0
    notes: int = 0
    pages: int = 0
    files_written: int = 0
    files_removed: int = 0  # outputs of an earlier build that this one no longer makes
    rendered: int = 0
    validated: int = 0  # documents validated afresh (the others' findings were unchanged)
    seconds: float = 0.0
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    validation_findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no stage failed."""
        return not self.errors and not self.validation_findings


def find_pages(layout: BuildLayout) -> list[Path]:
    """Return the page texts (``*.txt``) under the pages folder, sub-folders included.

    Hidden folders and the TEI and output folders (when they lie inside) are left out; the
    order is that of the paths relative to the pages folder.

    Raises:
        TeikitError: when the folder is missing or holds no page text.
    """
    pages = layout.pages_dir
    if not pages.is_dir():
        raise TeikitError(f"{pages}: no such folder (it should hold the page texts)")
    skip = {layout.tei_dir.resolve(), layout.out_dir.resolve()}
    found: list[tuple[str, Path]] = []
    for folder, dirs, files in os.walk(pages):
        here = Path(folder)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (here / d).resolve() not in skip
        )
        found.extend(
            (here.joinpath(f).relative_to(pages).as_posix(), here / f)
            for f in files
            if f.endswith(".txt") and not f.startswith(".")
        )
    if not found:
        raise TeikitError(f"{pages}: no *.txt page texts to convert")
    return [path for _, path in sorted(found)]


@dataclass
class _Doc:
    """What the build keeps of one document between the steps: facts, file, hash."""

    facts: DocFacts
    tei_path: Path
    tei_sha: str


def _finding_record(finding: Finding) -> dict[str, object]:
    """A validation finding as the build record keeps it (without its path)."""
    return {
        "line": finding.line,
        "column": finding.column,
        "severity": finding.severity,
        "rule": finding.rule,
        "message": finding.message,
        "hint": finding.hint,
    }


class _Builder:
    """One build run: the state the steps share."""

    def __init__(
        self, layout: BuildLayout, report: BuildReport, reconvert: bool, catalog: Path | None
    ) -> None:
        self.layout = layout
        self.report = report
        self.reconvert = reconvert
        self.catalog = catalog
        self.owned = TeiManifest.load(layout.tei_dir)
        self.built = BuildManifest.load(layout.out_dir)
        self.schemas = schemas_digest()
        self.by_source = self.owned.by_source()
        self.run = f"{os.getpid()}-{time.time_ns()}"
        self.failed: list[str] = []  # ids of the documents whose page text failed

    def tasks(self, inputs: list[Path]) -> Iterator[PrepareTask]:
        for path in inputs:
            key = path.relative_to(self.layout.pages_dir).as_posix()
            name = self.by_source.get(key)
            yield PrepareTask(
                path,
                key,
                self.layout.tei_dir,
                name,
                self.owned.entries.get(name) if name else None,
                self.catalog,
                self.reconvert,
                run=self.run,
                known=self.known(name),
            )

    def known(self, name: str | None) -> KnownFindings | None:
        """The findings the last build recorded for TEI file ``name``, if still valid."""
        if name is None:
            return None
        entry = self.built.validated.get(name)
        if not entry or entry.get("schemas") != self.schemas:
            return None
        path, raw = str(self.layout.tei_dir / name), entry.get("findings")
        if not isinstance(raw, list):
            return None
        try:
            findings = tuple(
                Finding(
                    path,
                    f["line"],
                    f["column"],
                    f["severity"],
                    f["rule"],
                    f["message"],
                    f.get("hint", ""),
                )
                for f in raw
            )
        except (KeyError, TypeError):
            return None
        return KnownFindings(str(entry.get("sha")), path, findings)

    def settle(self, prepared: Prepared, claimed: dict[str, str]) -> _Doc | None:
        """Check one prepared document against the batch, write its TEI, record it."""
        report = self.report
        report.warnings.extend(prepared.warnings)
        report.errors.extend(prepared.errors)
        if prepared.action == "failed" or prepared.tei_name is None:
            earlier = self.by_source.get(prepared.source_key)
            if earlier is not None:  # its outputs of the last build stay while it fails
                self.failed.append(earlier.removesuffix(".xml"))
            return None
        name = prepared.tei_name
        if name in claimed:
            report.errors.append(
                Problem(
                    prepared.source,
                    None,
                    f"gives the same id {name[:-4]} as {claimed[name]}; not written",
                    "give each input its own document number or volume in the catalog",
                    "duplicate-id",
                )
            )
            return None
        claimed[name] = prepared.source
        target = self.layout.tei_dir / name
        if prepared.action == "write":
            self._write(prepared, target)
        report.validated += prepared.validated
        for finding in prepared.findings:
            if finding.severity == "error":
                report.validation_findings.append(str(finding))
            else:
                report.warnings.append(
                    Problem(
                        finding.path,
                        finding.line,
                        f"{finding.rule}: {finding.message}",
                        "",
                        "validate",
                    )
                )
        if not prepared.renderable or prepared.facts is None:
            return None
        # The findings are kept without their path (the folder's name may change).
        self.built.validated[name] = {
            "sha": prepared.tei_sha,
            "schemas": self.schemas,
            "findings": [_finding_record(f) for f in prepared.findings],
        }
        return _Doc(prepared.facts, target, prepared.tei_sha)

    def _write(self, prepared: Prepared, target: Path) -> None:
        assert prepared.data is not None and prepared.tei_name is not None
        existing_sha = None
        if target.exists():
            try:
                existing_sha = sha256(read_input(target))
            except InputError:
                existing_sha = ""
        if (
            existing_sha is not None
            and existing_sha != prepared.tei_sha
            and not self.reconvert
            and not self.owned.owned_unchanged(prepared.tei_name, existing_sha)
        ):
            self.report.warnings.append(
                Problem(
                    str(target),
                    None,
                    "was not written by teikit, or was changed since; kept it "
                    f"instead of the TEI converted from {prepared.source}",
                    "build with --reconvert to replace it (its changes are then lost)",
                    "kept-tei",
                )
            )
            prepared.action = "edited"
            inspect_existing(prepared, target)
            return
        if existing_sha != prepared.tei_sha:
            try:
                write_if_changed(prepared.data, target)
            except OSError as exc:
                self.report.errors.append(
                    Problem(
                        str(target),
                        None,
                        f"cannot write ({exc.strerror})",
                        "check the folder's permissions and free space",
                        "write",
                    )
                )
                prepared.renderable = False
                return
            self.report.files_written += 1
        earlier = self.by_source.get(prepared.source_key)
        if earlier is not None and earlier != prepared.tei_name:
            # The page text now makes another file (its catalog entry changed): the old file
            # is no longer this page's, and is reported as stale rather than converted into.
            self.owned.entries.pop(earlier, None)
        self.by_source[prepared.source_key] = prepared.tei_name
        self.owned.entries[prepared.tei_name] = Written(
            prepared.tei_sha,
            prepared.source_key,
            prepared.source_sha,
            prepared.catalog_sha,
            __version__,
        )
        prepared.data = None

    def stale(self, claimed: dict[str, str]) -> None:
        tei = self.layout.tei_dir
        names = sorted(p.name for p in tei.glob("*.xml")) if tei.is_dir() else []
        for name in names:
            if name not in claimed:
                self.report.warnings.append(
                    Problem(
                        str(tei / name),
                        None,
                        f"no page text in {self.layout.pages_dir} makes "
                        "this file; left it in place",
                        "delete it if its page text is gone",
                        "stale-tei",
                    )
                )


def build_edition(
    layout: BuildLayout,
    *,
    jobs: int = 1,
    reconvert: bool = False,
    catalog: Path | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Convert the page texts, validate the TEI and write the edition into the output folder.

    Args:
        layout: the page-text, TEI and output folders.
        jobs: worker processes (1: all in this process); the output does not depend on it.
        reconvert: convert every page text again and replace its TEI, even one an editor
            changed.
        catalog: the catalog of every input (default: ``catalog.toml`` beside each input).
        progress: called as (stage, done, total) while the build runs.

    Returns:
        The :class:`BuildReport`; ``report.ok`` tells whether every stage succeeded.

    Raises:
        TeikitError: when the pages folder is missing or holds no page text, a given
            catalog cannot be loaded, or the TEI folder's record cannot be read.
    """
    started = time.perf_counter()
    begin_run()  # every output folder is made and swept once in this build
    report = BuildReport()
    tell = progress or (lambda stage, done, total: None)
    inputs = find_pages(layout)
    if catalog is not None:
        load_catalog(catalog)  # a bad catalog fails before any input is read
    builder = _Builder(layout, report, reconvert, catalog)
    docs: list[_Doc] = []
    claimed: dict[str, str] = {}
    with Workers(min(jobs, max(1, len(inputs) // MIN_DOCUMENTS_PER_JOB))) as workers:
        for done, prepared in enumerate(workers.map(prepare, builder.tasks(inputs)), 1):
            doc = builder.settle(prepared, claimed)
            if doc is not None:
                docs.append(doc)
            tell("convert", done, len(inputs))
        builder.owned.save()
        builder.stale(claimed)
        tell("validate", 1, 1)
        _render(layout, docs, workers, report, tell, builder.built, claimed, builder.failed)
    report.documents = len(docs)
    report.notes = sum(d.facts.notes for d in docs)
    report.pages = sum(d.facts.pages for d in docs)
    report.seconds = time.perf_counter() - started
    return report


def _remove_stale(manifest: BuildManifest, report: BuildReport) -> None:
    """Remove the document outputs an earlier build wrote that this one no longer makes (see
    :meth:`BuildManifest.remove_stale`); a file a person changed is kept, with a warning."""
    stale = manifest.remove_stale()
    report.files_removed += len(stale.removed)
    out = manifest.folder
    for relative in stale.changed:
        report.warnings.append(
            Problem(
                str(out / relative),
                None,
                "an earlier build wrote this file for a document this build no longer has, "
                "and it was changed since; kept it",
                "delete it if it is no longer wanted (the site no longer links it)",
                "kept-output",
            )
        )
    for relative, reason in stale.failed:
        report.warnings.append(
            Problem(
                str(out / relative),
                None,
                f"an earlier build wrote this file for a document this build no longer has; "
                f"cannot remove it ({reason})",
                "check the folder's permissions, or delete it by hand",
                "stale-output",
            )
        )


def _render(
    layout: BuildLayout,
    docs: list[_Doc],
    workers: Workers,
    report: BuildReport,
    tell: Progress,
    manifest: BuildManifest,
    claimed: dict[str, str],
    kept: Sequence[str] = (),
) -> None:
    """Render every document whose outputs are not current, write the edition-wide outputs,
    remove what an earlier build made that this one does not (``kept``: ids of documents
    whose page text failed this time, whose earlier outputs stay), and save the record."""
    out = layout.out_dir
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TeikitError(f"{out}: cannot make the output folder ({exc.strerror})") from exc
    seen: dict[str, Path] = {}
    unique: list[_Doc] = []
    for doc in docs:
        doc_id = doc.facts.tei_id
        if doc_id in seen:
            report.errors.append(
                Problem(
                    str(doc.tei_path),
                    None,
                    f"has the same id {doc_id} as {seen[doc_id]}; not rendered",
                    "give each TEI file its own xml:id",
                    "duplicate-id",
                )
            )
            continue
        seen[doc_id] = doc.tei_path
        unique.append(doc)
    edition = sorted((d.facts for d in unique), key=lambda f: f.sort_key)
    digest = stylesheet_digest()
    writers = [*EDITION_WRITERS, *BACKGROUND_WRITERS]
    parts = sorted({WORKER_PARTS[n] for n in map(_name, writers) if n in WORKER_PARTS})
    outputs = ",".join([*(name for name, _, _ in DOCUMENT_OUTPUTS), *parts])
    keys: dict[str, str] = {}
    tasks: list[RenderTask] = []
    params_of = page_params(edition)
    links_of = _book_links(edition) if "epub-chapter" in parts else {}
    sizes = _dts_parent_sizes(edition) if "dts" in parts else {}
    short = _Digests()
    for doc in unique:
        doc_id = doc.facts.tei_id
        params = params_of.get(doc_id, {"edition-title": EDITION_TITLE})
        links = links_of.get(doc_id)
        keyed = {k: short(v) for k, v in params.items()}
        keyed["epub-document-links"] = "-" if links is None else f"+{short(links)}"
        keyed["dts-parent-size"] = str(sizes.get(doc_id, "-"))
        key = output_key((doc.tei_sha, digest, __version__, outputs), keyed)
        keys[doc_id] = key
        if not manifest.is_current(doc_id, key):
            dts = "dts" in parts
            tasks.append(
                RenderTask(
                    doc.tei_path,
                    doc_id,
                    out,
                    params,
                    links,
                    doc.facts if dts else None,
                    sizes.get(doc_id) if dts else None,
                    EDITION_TITLE if dts else None,
                    manifest.recorded_files(doc_id),
                )
            )
    total = len(tasks) + 1
    for done, rendered in enumerate(workers.map(render, tasks), 1):
        report.errors.extend(rendered.errors)
        report.warnings.extend(rendered.kept)
        report.files_written += len(rendered.written)
        report.rendered += 1
        if not rendered.errors:
            manifest.record(rendered.doc_id, keys[rendered.doc_id], rendered.files)
        tell("render", done, total)
    by_doc = {d.facts.tei_id: d for d in unique}
    tei_paths = [by_doc[f.tei_id].tei_path for f in edition]
    # The edition pages are made from every document: one key over all of them (in reading
    # order), so an unchanged edition writes none of them again.
    edition_key = output_key(
        (digest, __version__, *(f"{f.tei_id}:{by_doc[f.tei_id].tei_sha}" for f in edition)),
        {"edition-title": EDITION_TITLE},
    )
    run = _EditionRun(report, manifest, edition_key, out)
    waiting: list[tuple[str, Pending]] = []
    try:
        for starter in BACKGROUND_WRITERS:  # started first, they work while the others run
            name = _name(starter)
            if not run.is_current(name):
                begin = functools.partial(starter, edition, tei_paths, out, workers)
                started = run.guard(name, begin)
                if started is not None:
                    waiting.append((name, started))
        for writer in EDITION_WRITERS:
            name = _name(writer)
            for awaited in WAITS_FOR.get(name, ()):
                for entry in [w for w in waiting if w[0] == awaited]:
                    waiting.remove(entry)
                    run.record(awaited, run.guard(awaited, entry[1].finish))
            if not run.is_current(name):
                run.record(
                    name, run.guard(name, functools.partial(writer, edition, tei_paths, out))
                )
        while waiting:
            name, started = waiting.pop(0)
            run.record(name, run.guard(name, started.finish))
    finally:
        for _, started in waiting:  # interrupted: stop what still runs
            started.cancel()
    old_corpus = out / OLD_CORPUS_NAME
    if old_corpus.is_file():
        report.warnings.append(
            Problem(
                str(old_corpus),
                None,
                "an older teikit wrote this "
                "corpus of every document; builds no longer do (its "
                "ids repeat across volumes)",
                "delete it",
                "old-corpus",
            )
        )
    manifest.keep_only([*keys, *kept], claimed)
    _remove_stale(manifest, report)
    try:
        manifest.save()
    except OSError as exc:
        report.errors.append(
            Problem(
                str(out),
                None,
                f"cannot record the build ({exc})",
                "check the folder's permissions",
                "write",
            )
        )
    tell("render", total, total)


class _Digests:
    """Long parameter values by their sha256, for the build keys. A volume's document links
    are one string shared by all its documents (tens of kB in a large volume): each is
    hashed once, not once per document."""

    LONG = 256

    def __init__(self) -> None:
        self.known: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        if len(value) < self.LONG:
            return value
        found = self.known.get(value)  # the string's hash is kept with it: a cheap look-up
        if found is None:
            found = self.known[value] = "sha256:" + sha256(value.encode("utf-8"))
        return found


def _name(writer: object) -> str:
    return str(getattr(writer, "__name__", "edition writer"))


def _dts_parent_sizes(edition: Sequence[DocFacts]) -> dict[str, int]:
    from teikit.dts.api import DtsApi
    from teikit.dts.static import STATIC_BASE, UrlScheme

    return DtsApi(edition, {}, UrlScheme(STATIC_BASE, static=True)).parent_sizes()


def _book_links(edition: Sequence[DocFacts]) -> dict[str, str]:
    from teikit.epub import chapter_links

    return chapter_links(edition)


@dataclass
class _EditionRun:
    """The edition writers of one build: which are current, their failures turned into
    problems, what they wrote recorded."""

    report: BuildReport
    manifest: BuildManifest
    key: str
    out: Path

    def is_current(self, name: str) -> bool:
        """True when writer ``name`` last ran with this key and its files are there."""
        return self.manifest.edition_is_current(name, self.key)

    def guard(self, name: str, step: Callable[[], T]) -> T | None:
        """Run one step of writer ``name``; None when it failed (its problem reported)."""
        report, out = self.report, self.out
        try:
            return step()
        except PartlyWritten as exc:
            report.files_written += len(exc.written)
            (report.warnings if exc.warning else report.errors).extend(exc.problems)
        except InputError as exc:
            report.errors.append(exc.problem)
        except (OSError, TeikitError) as exc:
            report.errors.append(Problem(str(out), None, f"{name} failed: {exc}", "", "edition"))
        return None

    def record(self, name: str, written: list[Path] | None) -> None:
        """Count and remember the files a writer wrote (nothing when it failed: None)."""
        if written is None:
            return
        self.report.files_written += len(written)
        self.manifest.record_edition(name, self.key, written, name in COMPLETE_WRITERS)


def schemas_digest() -> str:
    """A sha256 over teikit's grammar and rules: validation findings are reused only while
    it is unchanged."""
    return sha256(
        default_grammar_path().read_bytes()
        + b"\0"
        + default_rules_path().read_bytes()
        + __version__.encode("utf-8")
    )


def default_jobs() -> int:
    """The default number of worker processes: the CPUs this process may use."""
    return usable_cpus()
