"""ISO Schematron rules, compiled once per process with lxml's isoschematron.

lxml turns the Schematron into an XSLT 1.0 stylesheet; teikit runs that stylesheet
itself so that it can pass the ``file-stem`` parameter (the schema's global
``sch:let``, which lxml's skeleton declares as a stylesheet parameter) and read the
SVRL report: every failed assert and successful report, with its id, role and
location. The stylesheet may read and write nothing outside the document.

When the schema has the phase ``linear`` (teikit.sch does), that phase is compiled and
the patterns it leaves out that :mod:`teikit.validation.sequences` implements in one
pass (``sequence``: ``note-sequence``, ``pb-order``) run in Python instead, so that the
cost of the rules grows with the document's length and no faster. ``Rules(path,
phase="#ALL")`` runs every pattern as XPath, as any other Schematron processor would.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from lxml import etree
from lxml.isoschematron import Schematron

from teikit.validation import sequences
from teikit.validation.positions import SourceMap
from teikit.validation.report import Finding, SchemaError, Severity
from teikit.xmltypes import DENY_ALL, text_of, xpath_items

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"

#: The Schematron parameter that carries the checked file's name without ``.xml``.
FILE_STEM_PARAM = "file-stem"

_lock = threading.Lock()
_rules: dict[tuple[Path, str | None], Rules] = {}
#: How many Schematron schemas this process has compiled.
compile_count = 0


def load_rules(path: Path, phase: str | None = None) -> Rules:
    """Return the compiled Schematron at ``path``, compiling it on first use.

    Args:
        path: an ISO Schematron schema (query binding xslt).
        phase: the phase to run; ``None``: ``linear`` when the schema has it (with the
            patterns it leaves out checked in Python), else every pattern.

    Returns:
        The compiled rules, shared by every caller in this process.

    Raises:
        SchemaError: the file is missing or does not compile.
    """
    global compile_count
    key = (Path(path).resolve(), phase)
    with _lock:
        rules = _rules.get(key)
        if rules is None:
            rules = Rules(key[0], phase=phase)
            _rules[key] = rules
            compile_count += 1
        return rules


def rule_ids(path: Path) -> list[str]:
    """List the ids of every assert and report in a Schematron file.

    Args:
        path: the Schematron schema.

    Returns:
        The ids in document order.
    """
    tree = etree.parse(str(path), etree.XMLParser(no_network=True))
    return [
        str(i) for i in xpath_items(tree, "//sch:assert/@id | //sch:report/@id", {"sch": SCH_NS})
    ]


def _roles(schema: etree._ElementTree) -> dict[str, Severity]:
    """Rule id -> severity, from each assert's and report's role."""
    roles: dict[str, Severity] = {}
    for node in schema.iter(f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report"):
        if node.get("id"):
            roles[str(node.get("id"))] = _severity(node.get("role"))
    return roles


def _severity(role: str | None) -> Severity:
    return "warning" if (role or "error").lower() in ("warning", "warn", "info") else "error"


def _phase_of(schema: etree._ElementTree, wanted: str | None) -> tuple[str, bool]:
    """The phase to compile, and whether the sequence checks then run in Python."""
    root = schema.getroot()
    phases = {p.get("id"): p for p in root.iterfind(f"{{{SCH_NS}}}phase")}
    patterns = {p.get("id") for p in root.iterfind(f"{{{SCH_NS}}}pattern")}
    if wanted is None:
        wanted = sequences.PHASE if sequences.PHASE in phases else "#ALL"
    if wanted != "#ALL" and wanted not in phases:
        raise SchemaError(f"no phase {wanted!r} in the Schematron")
    if wanted == "#ALL" or sequences.PATTERN not in patterns:
        return wanted, False
    active = {a.get("pattern") for a in phases[wanted].iterfind(f"{{{SCH_NS}}}active")}
    return wanted, sequences.PATTERN not in active


#: A private attribute that numbers the elements while the rules run, so that an SVRL
#: location is the element's number (found at once) rather than a path whose every step
#: counts preceding siblings (quadratic when a long run of siblings fails a rule).
ORDINAL_NS = "urn:x-teikit:validation"
_ORDINAL = f"{{{ORDINAL_NS}}}n"


def _ordinal_locations(stylesheet: etree._ElementTree) -> None:
    """Make SVRL locations ``#N`` (the element's number) and ``#N/@name`` (an attribute).

    The skeleton's element template writes a full path, counting the preceding siblings
    of every step; it is replaced by the value of the numbering attribute that
    :meth:`Rules.check` sets. The attribute template (``/@name``) is prefixed with its
    element's location.
    """
    root = stylesheet.getroot()
    for template in root.iterfind(f"{{{XSL_NS}}}template"):
        if template.get("mode") != "schematron-get-full-path":
            continue
        if template.get("match") == "*":
            for child in list(template):
                template.remove(child)
            text = etree.SubElement(template, f"{{{XSL_NS}}}text")
            text.text = "#"
            etree.SubElement(
                template,
                f"{{{XSL_NS}}}value-of",
                select=f"@*[local-name() = 'n' and namespace-uri() = '{ORDINAL_NS}']",
            )
        elif template.get("match") == "@*":
            step = etree.Element(
                f"{{{XSL_NS}}}apply-templates", select="parent::*", mode="schematron-get-full-path"
            )
            template.insert(0, step)


_LOCATION = re.compile(
    r"#(?P<n>\d+)(?:/@(?:(?P<name>[^*\[/]+)"
    r"|\*\[local-name\(\)='(?P<local>[^']+)'"
    r" and namespace-uri\(\)='(?P<ns>[^']*)'\]))?$"
)
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _located(
    location: str, elements: list[etree._Element]
) -> tuple[etree._Element | None, str | None]:
    """The element (and attribute name) of an ordinal SVRL location."""
    match = _LOCATION.match(location)
    if match is None or int(match.group("n")) >= len(elements):
        return None, None
    element = elements[int(match.group("n"))]
    if match.group("name"):
        return element, match.group("name")
    if match.group("local"):
        prefix = "xml:" if match.group("ns") == XML_NS else ""
        return element, prefix + match.group("local")
    return element, None


class Rules:
    """A compiled Schematron schema.

    Args:
        path: the schema file.
        phase: the phase to run (see :func:`load_rules`).

    Raises:
        SchemaError: the file is missing or does not compile.
    """

    def __init__(self, path: Path, phase: str | None = None) -> None:
        self.path = path
        if not path.is_file():
            raise SchemaError(f"{path}: no such Schematron file")
        try:
            schema = etree.parse(str(path), etree.XMLParser(no_network=True))
            self.phase, self.python_sequences = _phase_of(schema, phase)
            compiled = Schematron(schema, store_xslt=True, phase=self.phase)
            stylesheet = compiled.validator_xslt
            _ordinal_locations(stylesheet)
            self._transform = etree.XSLT(stylesheet, access_control=DENY_ALL)
        except (etree.XMLSyntaxError, etree.SchematronParseError, etree.XSLTParseError) as exc:
            raise SchemaError(f"{path}: not a Schematron schema that compiles: {exc}") from exc
        self.ids = rule_ids(path)
        self.roles = _roles(schema)

    def check(
        self, tree: etree._ElementTree, source: SourceMap, path: str, file_stem: str
    ) -> list[Finding]:
        """Run the rules over one document.

        Args:
            tree: the parsed document.
            source: where its elements are in the source text.
            path: the file's name for the findings.
            file_stem: the file's name without ``.xml``, for the file-name rule.

        Returns:
            One finding per failed assert or successful report.
        """
        elements = list(tree.getroot().iter(etree.Element))
        for number, counted in enumerate(elements):
            counted.set(_ORDINAL, str(number))
        try:
            svrl = self._transform(
                tree, profile_run=False, **{FILE_STEM_PARAM: etree.XSLT.strparam(file_stem)}
            )
        except etree.XSLTApplyError as exc:
            return [
                Finding(
                    path,
                    None,
                    None,
                    "error",
                    "schematron",
                    f"the rules could not run on this file: {exc}",
                )
            ]
        finally:
            for counted in elements:
                del counted.attrib[_ORDINAL]
            etree.cleanup_namespaces(tree, keep_ns_prefixes=None)
        findings: list[Finding] = []
        for node in svrl.getroot().iter(
            f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"
        ):
            element, attribute = _located(node.get("location", ""), elements)
            if element is not None and attribute is not None:
                line, column = source.attribute_position(element, attribute)
            else:
                line, column = source.position(element)
            text = " ".join(text_of(node).split())
            findings.append(
                Finding(
                    path,
                    line,
                    column,
                    _severity(node.get("role")),
                    node.get("id") or "schematron",
                    text,
                )
            )
        if self.python_sequences:
            findings += sequences.run(tree, source, path, self.roles)
        return findings
