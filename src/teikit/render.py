"""Render teikit TEI documents to reading outputs: HTML pages, reading text, page text.

Each output is an XSLT stylesheet registered in :data:`teikit.transform.OUTPUTS`:

- ``html`` (``xslt/html.xsl``): one standalone page ``<id>.html`` per document. Rendering
  HTML also writes what the pages link to: the shared style sheet ``teikit.css``, the
  edition's index page ``index.html`` (``xslt/html-index.xsl`` over the rendered documents'
  header facts, :func:`teikit.facts.facts_xml`), a copy of each TEI file as ``<id>.xml``, and
  the citation files ``<id>.bib``, ``<id>.ris``, ``<id>.json`` and ``<id>.txt`` (Chicago)
  when those outputs are registered.
- ``text`` (``xslt/text.xsl``): a clean reading text ``<id>.text.txt``, notes as endnotes.
- ``page-text`` (``xslt/page-text.xsl``): the history.state.gov page text ``<id>.page.txt``
  that ``teikit convert`` reads back into the same TEI.

Inputs are read without resolving entities or touching the network, and every problem is
collected: one bad file does not stop the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.errors import InputError, Interrupted, OutputError, Problem, TeikitError
from teikit.facts import DocFacts, facts_of, facts_xml
from teikit.files import copy_atomically, expand_paths, write_atomically
from teikit.resources import data_dir
from teikit.teifile import read_tei
from teikit.transform import OUTPUTS, TransformError, parse, transform, transform_node
from teikit.xmltypes import nsmap

#: The outputs ``teikit render --to`` offers.
RENDER_OUTPUTS: tuple[str, ...] = ("html", "text", "page-text")

#: The shared style sheet of the HTML pages (in ``xslt/``, copied beside the pages).
CSS_NAME = "teikit.css"

#: The index page of an HTML edition.
INDEX_NAME = "index.html"

#: Problem codes of inputs that could not be read as TEI (the CLI exits 2 for them).
UNREADABLE_CODES: frozenset[str] = frozenset(
    {"unreadable", "missing", "not-xml", "not-tei", "empty-folder", "entity"}
)

#: File extensions of the citation files an HTML page links to.
CITATION_EXTENSIONS: tuple[str, ...] = ("bib", "ris", "json", "txt")  # txt: Chicago

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


class RenderError(TeikitError):
    """Rendering cannot start: an unknown output, or an output folder that cannot be made."""


@dataclass
class RenderReport:
    """What a render run did.

    ``written`` lists every file written, in order; ``rendered`` maps each TEI id to the
    input it came from; ``errors`` holds one :class:`Problem` per input that failed.
    """

    output: str
    written: list[Path] = field(default_factory=list)
    rendered: dict[str, Path] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input was rendered."""
        return not self.errors


def collect_inputs(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand the inputs: files as given, folders to the ``*.xml`` files directly inside.

    See :func:`teikit.files.expand_paths`.
    """
    return expand_paths(paths, recursive=False)


def _doc_id(root: etree._Element, path: Path) -> str:
    return root.get(XML_ID) or path.stem


def render_document(root: etree._Element, to: str, params: Mapping[str, str] | None = None) -> str:
    """Render one parsed TEI document with output ``to``.

    Args:
        root: the TEI root element (see :func:`read_tei`).
        to: an output name of :data:`teikit.transform.OUTPUTS`.
        params: stylesheet parameters, as the stylesheet documents them.

    Returns:
        The serialized output.

    Raises:
        teikit.transform.TransformError: when the stylesheet fails.
    """
    return render_outputs(root, [(to, params)])[to]


def render_outputs(
    root: etree._Element, outputs: Sequence[tuple[str, Mapping[str, str] | None]]
) -> dict[str, str]:
    """Render one parsed TEI document with several outputs, parsing it once in Saxon.

    Args:
        root: the TEI root element (see :func:`read_tei`).
        outputs: (output name, its stylesheet parameters or None), in order.

    Returns:
        Output name -> serialized result.

    Raises:
        teikit.transform.TransformError: when a stylesheet fails (the first failure).
    """
    node = parse(etree.tostring(root, encoding="utf-8"))
    return {name: transform_node(node, name, params) for name, params in outputs}


def build_corpus(roots: Sequence[etree._Element], title: str) -> etree._Element:
    """Gather TEI documents into one ``teiCorpus``: the input of the index page.

    Args:
        roots: the documents' root elements (copied, not moved).
        title: the edition's title, for the corpus header.

    Returns:
        The ``teiCorpus`` element.
    """

    def tei(name: str) -> str:
        return f"{{{TEI_NS}}}{name}"

    corpus = etree.Element(tei("teiCorpus"), nsmap=nsmap(TEI_NS))
    header = etree.SubElement(corpus, tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    etree.SubElement(etree.SubElement(file_desc, tei("titleStmt")), tei("title")).text = title
    etree.SubElement(
        etree.SubElement(file_desc, tei("publicationStmt")), tei("p")
    ).text = "Made with teikit."
    etree.SubElement(
        etree.SubElement(file_desc, tei("sourceDesc")), tei("p")
    ).text = "The TEI documents of the edition, each made from its history.state.gov page text."
    for root in roots:
        corpus.append(etree.fromstring(etree.tostring(root)))
    return corpus


def render_index(
    roots: Sequence[etree._Element], out_dir: Path, params: Mapping[str, str] | None = None
) -> Path:
    """Write the edition's index page ``index.html`` into ``out_dir``.

    The page is made from the documents' header facts (:func:`teikit.facts.facts_xml`) by
    ``xslt/html-index.xsl``, never from a corpus of the full documents.

    Args:
        roots: the documents to list.
        out_dir: the folder of the HTML pages.
        params: ``edition-title``, ``css-href`` and ``page-suffix``.

    Returns:
        The path written.
    """
    target = out_dir / INDEX_NAME
    write_atomically(_index_bytes([facts_of(root) for root in roots], params), target)
    return target


def _index_bytes(edition: Sequence[DocFacts], params: Mapping[str, str] | None) -> bytes:
    """The index page of ``edition``: ``xslt/html-index.xsl`` over its facts."""
    facts = facts_xml(list(edition))
    return transform(etree.tostring(facts, encoding="utf-8"), "html-index", params).encode("utf-8")


def copy_css(out_dir: Path) -> Path:
    """Copy the shared style sheet into ``out_dir``.

    Returns:
        The path written.
    """
    target = out_dir / CSS_NAME
    write_atomically((data_dir("xslt") / CSS_NAME).read_bytes(), target)
    return target


def _citation_outputs() -> list[str]:
    return [name for name, output in OUTPUTS.items() if output.extension in CITATION_EXTENSIONS]


def render_paths(
    paths: Sequence[Path],
    to: str,
    out_dir: Path,
    *,
    params: Mapping[str, str] | None = None,
    companions: bool = True,
    per_document: Mapping[str, Mapping[str, str]] | None = None,
) -> RenderReport:
    """Render TEI files (or folders of them) into ``out_dir`` with output ``to``.

    Each document becomes ``<id>.<extension>`` (its ``TEI/@xml:id``, else the file name).
    For ``html``, and when ``companions`` is true, the run also writes ``teikit.css``,
    ``index.html`` (listing the documents rendered in this run), ``<id>.xml`` (a copy of the
    TEI) and the citation files the page links to.

    Args:
        paths: TEI files and folders (a folder means the ``*.xml`` files directly in it).
        to: one of :data:`RENDER_OUTPUTS` (any registered output name is accepted).
        out_dir: the output folder; made when missing.
        params: stylesheet parameters passed to every document's transform.
        companions: for ``html``, write the style sheet, index, TEI copies and citations.
        per_document: further parameters of single documents, by TEI id (for ``html``,
            :func:`teikit.site.site_params_for` gives their place in the edition).

    Returns:
        The :class:`RenderReport`, with a problem for every input that failed.

    Raises:
        RenderError: for an unknown output or an output folder that cannot be made.
    """
    if to not in OUTPUTS:
        known = ", ".join(RENDER_OUTPUTS)
        raise RenderError(f"unknown output {to!r}; use one of {known}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{out_dir}: cannot make the output folder ({exc.strerror})") from exc
    report = RenderReport(output=to)
    files, report.errors = collect_inputs(paths)
    with_companions = to == "html" and companions
    citations = _citation_outputs() if with_companions else []
    edition: list[DocFacts] = []  # only the header facts are kept, for the index
    try:
        _render_each(
            files, to, out_dir, params, per_document, citations, edition, report, with_companions
        )
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: report what was found so far
        stopped = Interrupted(report.errors, (), len(report.rendered), getattr(exc, "signum", None))
        stopped.total = len(files)
        raise stopped from exc
    if with_companions and report.rendered:
        report.written.append(copy_css(out_dir))
        index_params = {
            k: v for k, v in (params or {}).items() if k in ("edition-title", "css-href")
        }
        target = out_dir / INDEX_NAME
        try:
            write_atomically(_index_bytes(edition, index_params), target)
        except TransformError as exc:
            report.errors.append(Problem(str(target), None, str(exc), "", "transform"))
            return report
        report.written.append(target)
    return report


def _render_each(
    files: list[Path],
    to: str,
    out_dir: Path,
    params: Mapping[str, str] | None,
    per_document: Mapping[str, Mapping[str, str]] | None,
    citations: list[str],
    edition: list[DocFacts],
    report: RenderReport,
    with_companions: bool,
) -> None:
    """Render each file in turn, collecting into ``report`` (and the facts into ``edition``)."""
    extension = OUTPUTS[to].extension
    for path in files:
        try:
            root = read_tei(path)
        except InputError as exc:
            report.errors.append(exc.problem)
            continue
        doc_id = _doc_id(root, path)
        if doc_id in report.rendered:
            report.errors.append(
                Problem(
                    str(path),
                    None,
                    f"has the same id {doc_id} as {report.rendered[doc_id]}",
                    "render it apart",
                    "duplicate-id",
                )
            )
            continue
        try:
            node = parse(etree.tostring(root, encoding="utf-8"))
            result = transform_node(
                node, to, {**(params or {}), **(per_document or {}).get(doc_id, {})}
            )
        except TransformError as exc:
            report.errors.append(Problem(str(path), None, str(exc), "", "transform"))
            continue
        target = out_dir / f"{doc_id}.{extension}"
        try:
            write_atomically(result.encode("utf-8"), target)
        except OutputError as exc:
            report.errors.append(exc.problem)
            continue
        report.written.append(target)
        report.rendered[doc_id] = path
        if with_companions:
            edition.append(facts_of(root, path.stem))
            _write_companions(path, doc_id, node, citations, out_dir, report)


def _write_companions(
    path: Path, doc_id: str, node: object, citations: list[str], out_dir: Path, report: RenderReport
) -> None:
    """Write the TEI copy and the citation files one HTML page links to."""
    copy = out_dir / f"{doc_id}.xml"
    if not (copy.exists() and copy.resolve() == path.resolve()):
        try:
            copy_atomically(path, copy)  # whole or not at all, mode from the umask
        except (InputError, OutputError) as exc:
            report.errors.append(exc.problem)
            return
        report.written.append(copy)
    for name in citations:
        try:
            text = transform_node(node, name)
        except TransformError as exc:
            report.errors.append(Problem(str(path), None, str(exc), "", "transform"))
            continue
        target = out_dir / f"{doc_id}.{OUTPUTS[name].extension}"
        write_atomically(text.encode("utf-8"), target)
        report.written.append(target)
