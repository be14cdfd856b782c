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


def transform(source: Path | bytes, name: str, params: Mapping[str, str] | None = None) -> str:
    """Transform one TEI document with output ``name`` and return the result as text.

    Args:
        source: a TEI file, or its serialized bytes.
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
            if isinstance(source, bytes):
                node = proc.parse_xml(xml_text=source.decode("utf-8"))
            else:
                node = proc.parse_xml(xml_file_name=str(source))
            result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:
            where = source if isinstance(source, Path) else "<document>"
            raise TransformError(f"{where}: {name} transform failed: {exc}") from exc
    if result is None:
        raise TransformError(f"{name} transform produced no output")
    return result
