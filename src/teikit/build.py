"""The main job: seeds/ -> tei/ -> validation -> build/ (the whole edition).

:func:`build_edition` runs each stage in turn and collects every problem; it reports its
progress through a callback so that the command line can draw a bar, and returns a
:class:`BuildReport` with the figures of the summary.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.catalog import CATALOG_NAME
from teikit.convert import ConvertOptions, convert_many
from teikit.epub import EpubError, write_volume_epubs
from teikit.errors import InputError, Problem, TeikitError
from teikit.facts import DocFacts, facts_of
from teikit.files import write_atomically
from teikit.render import build_corpus, render_paths
from teikit.search import SearchUnavailable, write_search_index
from teikit.site import site_params_for, write_site_pages
from teikit.tei.names import TEI_NS
from teikit.tei.serialize import to_bytes
from teikit.validation import validate_paths

CORPUS_NAME = "teikit-corpus.xml"
EDITION_TITLE = "Foreign Relations of the United States: a teikit edition"

#: (stage name, done, total) -> None
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildLayout:
    """Where the build reads and writes, relative to a project folder."""

    root: Path
    seeds: str = "seeds"
    tei: str = "tei"
    out: str = "build"

    @property
    def seeds_dir(self) -> Path:
        return self.root / self.seeds

    @property
    def tei_dir(self) -> Path:
        return self.root / self.tei

    @property
    def out_dir(self) -> Path:
        return self.root / self.out


@dataclass
class BuildReport:
    """The figures and problems of one build."""

    documents: int = 0
    notes: int = 0
    pages: int = 0
    files_written: int = 0
    seconds: float = 0.0
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    validation_findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no stage failed."""
        return not self.errors and not self.validation_findings


def _count(roots: list[etree._Element]) -> tuple[int, int]:
    notes = pages = 0
    for root in roots:
        notes += len(root.findall(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}note[@n]"))
        pages += len(root.findall(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}pb"))
    return notes, pages


def _hand_on(results: list, tei_files: list[Path], out: Path, report: BuildReport) -> int:
    """Write the volume files (build/volumes/) and the static DTS tree (build/dts/)."""
    from teikit.dts import write_static
    from teikit.facts import facts_of
    from teikit.volumes import write_volume_files

    edition = [facts_of(r.root, r.tei_id) for r in results]
    paths = {doc.tei_id: path for doc, path in zip(edition, tei_files, strict=True)}
    try:
        written = write_volume_files(edition, paths, out / "volumes")
        written += write_static(edition, paths, out / "dts", title=EDITION_TITLE)
    except InputError as exc:
        report.errors.append(exc.problem)
        return 0
    return len(written)


def _write_reading_edition(edition: list[DocFacts], tei_files: list[Path], out: Path,
                           report: BuildReport) -> int:
    """The EPUBs, the edition pages and the search index (teikit.site, epub, search)."""
    written = 0
    try:
        written += len(write_volume_epubs(edition, {p.stem: p for p in tei_files}, out))
    except EpubError as exc:
        written += len(exc.written)
        report.errors.append(Problem(str(out), None, str(exc), "", "epub"))
    written += len(write_site_pages(edition, out, title=EDITION_TITLE))
    try:
        written += len(write_search_index(out))
    except SearchUnavailable as exc:
        report.warnings.append(Problem(str(out), None, str(exc), "the site has no search",
                                       "search"))
    except TeikitError as exc:
        report.errors.append(Problem(str(out), None, str(exc), "", "search"))
    return written


def build_edition(layout: BuildLayout, *, progress: Progress | None = None) -> BuildReport:
    """Convert the seeds, validate the TEI and write the edition into the output folder.

    Args:
        layout: the project folders.
        progress: called as (stage, done, total) while the build runs.

    Returns:
        The :class:`BuildReport`; ``report.ok`` tells whether every stage succeeded.

    Raises:
        TeikitError: when the seeds folder is missing or holds no page text.
    """
    started = time.perf_counter()
    report = BuildReport()
    tell = progress or (lambda stage, done, total: None)
    inputs = sorted(layout.seeds_dir.glob("*.txt"))
    if not layout.seeds_dir.is_dir():
        raise TeikitError(f"{layout.seeds_dir}: no such folder (it should hold the page texts)")
    if not inputs:
        raise TeikitError(f"{layout.seeds_dir}: no *.txt page texts to convert")
    catalog = layout.seeds_dir / CATALOG_NAME

    # 1. Convert, as one batch: the catalog is loaded once and ids are checked across it.
    options = ConvertOptions(catalog=catalog if catalog.is_file() else None)
    batch = convert_many(inputs, options=options, output_dir=layout.tei_dir,
                         progress=lambda done, total: tell("convert", done, total))
    results = batch.results
    report.warnings.extend(batch.warnings)
    report.errors.extend(batch.errors)
    roots = [r.root for r in results]
    report.documents = len(roots)
    report.notes, report.pages = _count(roots)
    tei_files = [layout.tei_dir / f"{r.tei_id}.xml" for r in results]

    # 2. Validate what was written.
    validation = validate_paths(tei_files, edition=True)
    report.validation_findings = [str(f) for f in validation.findings
                                  if f.severity == "error"]
    report.warnings.extend(Problem(f.path, f.line, f"{f.rule}: {f.message}", "", "validate")
                           for f in validation.findings if f.severity != "error")
    tell("validate", 1, 1)

    # 3. Render the site, the texts, and the corpus.
    out = layout.out_dir
    edition = [facts_of(root) for root in roots]  # site wiring (teikit.site)
    stages = [("html", out, {"edition-title": EDITION_TITLE}),
              ("text", out / "text", None),
              ("page-text", out / "page-text", None)]
    for done, (name, folder, params) in enumerate(stages, 1):
        rendered = render_paths(tei_files, name, folder, params=params,
                                per_document=site_params_for(edition) if name == "html" else None)
        report.errors.extend(rendered.errors)
        report.files_written += len(rendered.written)
        tell("render", done, len(stages) + 1)
    stale = sorted({p.name for p in layout.tei_dir.glob("*.xml")} - {p.name for p in tei_files})
    for name in stale:
        report.warnings.append(Problem(str(layout.tei_dir / name), None, "no page text in "
                                       f"{layout.seeds} makes this file; left it in place",
                                       "delete it if its seed is gone", "stale-tei"))
    corpus = build_corpus(roots, EDITION_TITLE)
    ids = [i for i in corpus.xpath("//@xml:id")]
    clashes = sorted({i for i in ids if ids.count(i) > 1})
    if clashes:
        report.warnings.append(Problem(str(out / CORPUS_NAME), None, "ids repeat across "
                                       f"documents: {', '.join(clashes[:5])}",
                                       "the corpus file is not valid XML-id-wise", "corpus-ids"))
    write_atomically(to_bytes(corpus), out / CORPUS_NAME)
    report.files_written += 1
    report.files_written += _hand_on(results, tei_files, out, report)
    report.files_written += _write_reading_edition(edition, tei_files, out, report)
    tell("render", len(stages) + 1, len(stages) + 1)
    report.seconds = time.perf_counter() - started
    return report
