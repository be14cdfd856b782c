"""Run the XSLT 3.0 outputs over TEI with saxonche.

Every output is one entry stylesheet in ``xslt/`` that imports ``xslt/common.xsl``.
Adding an output is one stylesheet and one line in :data:`OUTPUTS`. Stylesheets are
compiled once per process and reused for every document.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from teikit.errors import TeikitError
from teikit.resources import data_dir


@dataclass(frozen=True)
class Output:
    """One output format: its entry stylesheet and the file extension it writes."""

    stylesheet: str
    extension: str
    description: str


#: The registry of outputs, by the name used on the command line.
OUTPUTS: dict[str, Output] = {}

# Citations (issue 4): one document in, one citation out; see teikit.cite.
OUTPUTS["chicago"] = Output("chicago.xsl", "txt", "Chicago note or bibliography entry, OH form")
OUTPUTS["bibtex"] = Output("bibtex.xsl", "bib", "BibTeX @incollection entry")
OUTPUTS["ris"] = Output("ris.xsl", "ris", "RIS record, TY CHAP")
OUTPUTS["csl-json"] = Output("csl-json.xsl", "json", "CSL-JSON array with one item")

# Reading outputs (issue 4): see teikit.render. html-index takes a teiCorpus of the edition.
OUTPUTS["html"] = Output("html.xsl", "html", "standalone accessible HTML5 page")
OUTPUTS["text"] = Output("text.xsl", "text.txt", "plain reading text, notes as endnotes")
OUTPUTS["page-text"] = Output("page-text.xsl", "page.txt", "history.state.gov page text")
OUTPUTS["html-index"] = Output("html-index.xsl", "index.html", "edition index page (teiCorpus)")


class TransformError(TeikitError):
    """A stylesheet failed to compile or to run."""


_lock = threading.Lock()
_processor = None
_compiled: dict[str, object] = {}


def _saxon():
    global _processor
    if _processor is None:
        from saxonche import PySaxonProcessor

        _processor = PySaxonProcessor(license=False)
    return _processor


def compiled(name: str):
    """Return the compiled executable of output ``name``, compiling it on first use.

    Raises:
        TransformError: for an unknown output or a stylesheet that does not compile.
    """
    with _lock:
        if name in _compiled:
            return _compiled[name]
        if name not in OUTPUTS:
            known = ", ".join(sorted(OUTPUTS))
            raise TransformError(f"unknown output {name!r}; known outputs: {known}")
        path = data_dir("xslt") / OUTPUTS[name].stylesheet
        xslt = _saxon().new_xslt30_processor()
        try:
            executable = xslt.compile_stylesheet(stylesheet_file=str(path))
        except Exception as exc:  # saxonche raises PySaxonApiError
            raise TransformError(f"{path}: stylesheet does not compile: {exc}") from exc
        if executable is None:
            raise TransformError(f"{path}: stylesheet does not compile")
        _compiled[name] = executable
        return executable


def parse(source: Path | bytes):
    """Parse a TEI document once into a Saxon node that every output can then read.

    Args:
        source: a TEI file, or its serialized bytes (UTF-8).

    Returns:
        The document node (a saxonche ``PySaxonXdmNode``), for :func:`transform_node`.

    Raises:
        TransformError: when Saxon cannot parse the document.
    """
    proc = _saxon()
    with _lock:
        try:
            if isinstance(source, bytes):
                node = proc.parse_xml(xml_text=source.decode("utf-8"))
            else:
                node = proc.parse_xml(xml_file_name=str(source))
        except Exception as exc:  # saxonche raises PySaxonApiError
            where = source if isinstance(source, Path) else "<document>"
            raise TransformError(f"{where}: cannot be parsed: {exc}") from exc
    if node is None:
        raise TransformError("the document could not be parsed")
    return node


def transform_node(node, name: str, params: Mapping[str, str] | None = None) -> str:
    """Run output ``name`` on a document already parsed by :func:`parse`.

    Args:
        node: the document node from :func:`parse`.
        name: a key of :data:`OUTPUTS`.
        params: stylesheet parameters (string values), as documented in the stylesheet.

    Returns:
        The serialized result.

    Raises:
        TransformError: when the stylesheet fails on this document.
    """
    executable = compiled(name)
    proc = _saxon()
    with _lock:
        executable.clear_parameters()
        for key, value in (params or {}).items():
            executable.set_parameter(key, proc.make_string_value(str(value)))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:
            raise TransformError(f"{name} transform failed: {exc}") from exc
    if result is None:
        raise TransformError(f"{name} transform produced no output")
    return result


def transform(source: Path | bytes, name: str, params: Mapping[str, str] | None = None) -> str:
    """Transform one TEI document with output ``name`` and return the result as text.

    Args:
        source: a TEI file, or its serialized bytes.
        name: a key of :data:`OUTPUTS`.
        params: stylesheet parameters (string values), as documented in the stylesheet.

    Returns:
        The serialized result.

    Raises:
        TransformError: when the document cannot be parsed or the stylesheet fails on it.
    """
    compiled(name)  # an unknown output fails before the document is read
    node = parse(source)
    try:
        return transform_node(node, name, params)
    except TransformError as exc:
        where = source if isinstance(source, Path) else "<document>"
        raise TransformError(f"{where}: {exc}") from exc


def stylesheet_digest() -> str:
    """Return a sha256 over every stylesheet and the CSS in ``xslt/``: the build's key part.

    A change to any of them changes the digest, so incremental builds render again.
    """
    import hashlib

    digest = hashlib.sha256()
    folder = data_dir("xslt")
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in (".xsl", ".css"):
            digest.update(path.name.encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
