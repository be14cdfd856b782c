"""RELAX NG validation with lxml, compiled once per process.

libxml2's messages about attributes say only that an element "failed to validate
attributes". To say which attribute and what is allowed, the grammar itself is read
(once, on the first such finding): for every element name, the attributes each of its
patterns allows, whether they are required, and their value lists or patterns.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.validation.positions import SourceMap
from teikit.validation.report import RULE_GRAMMAR, Finding, SchemaError
from teikit.xmltypes import attrib_items

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_R = f"{{{RNG_NS}}}"

_lock = threading.Lock()
_grammars: dict[Path, Grammar] = {}
#: How many grammars this process has compiled (the tests check it stays at one each).
compile_count = 0


def load_grammar(path: Path) -> Grammar:
    """Return the compiled grammar at ``path``, compiling it on first use.

    Args:
        path: a RELAX NG schema in XML syntax.

    Returns:
        The grammar, shared by every caller in this process.

    Raises:
        SchemaError: the file is missing, is not RELAX NG, or does not compile.
    """
    global compile_count
    key = Path(path).resolve()
    with _lock:
        grammar = _grammars.get(key)
        if grammar is None:
            grammar = Grammar(key)
            _grammars[key] = grammar
            compile_count += 1
        return grammar


# ------------------------------------------------------------------ attribute specs


@dataclass
class _Attr:
    name: str
    required: bool
    values: list[str] = field(default_factory=list)
    datatypes: list[tuple[str, str | None]] = field(default_factory=list)
    anything: bool = False


_TYPE_CHECKS: dict[str, re.Pattern[str]] = {
    "ID": re.compile(r"[A-Za-z_][\w.\-]*"),
    "IDREF": re.compile(r"[A-Za-z_][\w.\-]*"),
    "NCName": re.compile(r"[A-Za-z_][\w.\-]*"),
    "Name": re.compile(r"[A-Za-z_:][\w.\-:]*"),
    "language": re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*"),
    "date": re.compile(r"-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?"),
    "gYear": re.compile(r"-?\d{4,}(Z|[+-]\d\d:\d\d)?"),
    "gYearMonth": re.compile(r"-?\d{4,}-\d\d(Z|[+-]\d\d:\d\d)?"),
    "dateTime": re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"),
    "nonNegativeInteger": re.compile(r"\+?\d+"),
    "anyURI": re.compile(r"\S*"),
}


def _xsd_pattern(pattern: str) -> re.Pattern[str] | None:
    if "\\p{" in pattern or "\\P{" in pattern or "\\i" in pattern or "\\c" in pattern:
        return None  # Unicode classes that Python's re does not know: do not judge
    try:
        return re.compile(pattern)
    except re.error:
        return None


def _value_ok(attr: _Attr, value: str) -> bool:
    if attr.anything:
        return True
    token = " ".join(value.split())
    if token in attr.values:
        return True
    for dtype, pattern in attr.datatypes:
        check = _TYPE_CHECKS.get(dtype)
        if check is not None and not check.fullmatch(token):
            continue
        if pattern is not None:
            compiled = _xsd_pattern(pattern)
            if compiled is not None and not compiled.fullmatch(token):
                continue
        return True
    return False


def _describe(attr: _Attr) -> str:
    pieces: list[str] = []
    if attr.values:
        quoted = [f'"{v}"' for v in attr.values]
        pieces.append(quoted[0] if len(quoted) == 1 else "one of " + ", ".join(quoted))
    typed = [
        dtype + (f" matching {pattern}" if pattern else "") for dtype, pattern in attr.datatypes
    ]
    if typed:
        pieces.append("a value of type " + " or ".join(typed))
    return " or ".join(pieces) if pieces else "another value"


class _AttributeIndex:
    """For each element pattern of a grammar: its attributes and its child patterns."""

    def __init__(self, schema: etree._ElementTree) -> None:
        root = schema.getroot()
        self._defines: dict[str, list[etree._Element]] = {}
        for define in root.iter(f"{_R}define"):
            self._defines.setdefault(define.get("name", ""), []).append(define)
        #: element name -> the element patterns of that name
        self.by_name: dict[str, list[etree._Element]] = {}
        #: element pattern -> its attributes
        self.attributes: dict[etree._Element, dict[str, _Attr]] = {}
        #: element pattern -> the element patterns its content allows
        self.children: dict[etree._Element, list[etree._Element]] = {}
        for element in root.iter(f"{_R}element"):
            name = element.get("name")
            if name is None:
                continue
            attrs: dict[str, _Attr] = {}
            kids: list[etree._Element] = []
            for child in element:
                self._walk(child, attrs, kids, required=True, seen=set())
            self.by_name.setdefault(name.split(":")[-1], []).append(element)
            self.attributes[element] = attrs
            self.children[element] = kids

    def candidates(self, element: etree._Element) -> list[dict[str, _Attr]]:
        """The attribute sets the grammar allows for ``element`` where it stands."""
        local = etree.QName(element).localname
        parent = element.getparent()
        found: list[etree._Element] = []
        if parent is not None:
            for pattern in self.by_name.get(etree.QName(parent).localname, []):
                found += [
                    k
                    for k in self.children[pattern]
                    if (k.get("name") or "").split(":")[-1] == local and k not in found
                ]
        if not found:
            found = self.by_name.get(local, [])
        return [self.attributes[p] for p in found]

    def _walk(
        self,
        node: etree._Element,
        attrs: dict[str, _Attr],
        kids: list[etree._Element],
        required: bool,
        seen: set[str],
    ) -> None:
        if not isinstance(node.tag, str) or not node.tag.startswith(_R):
            return
        tag = node.tag[len(_R) :]
        if tag == "element":
            kids.append(node)
            return
        if tag == "attribute":
            name = node.get("name")
            if name is not None:
                attrs[name] = self._attribute(node, name, required)
            return
        if tag == "ref":
            ref = node.get("name", "")
            if ref in seen:
                return
            for define in self._defines.get(ref, []):
                for child in define:
                    self._walk(child, attrs, kids, required, seen | {ref})
            return
        optional = tag in ("optional", "zeroOrMore", "choice")
        for child in node:
            self._walk(child, attrs, kids, required and not optional, seen)

    def _attribute(self, node: etree._Element, name: str, required: bool) -> _Attr:
        attr = _Attr(name, required)
        children = [
            c
            for c in node
            if isinstance(c.tag, str) and c.tag.startswith(_R) and c.tag != f"{_R}name"
        ]
        if not children:
            attr.anything = True
        for child in children:
            self._values(child, attr, set())
        return attr

    def _values(self, node: etree._Element, attr: _Attr, seen: set[str]) -> None:
        tag = node.tag[len(_R) :] if isinstance(node.tag, str) and node.tag.startswith(_R) else ""
        if tag == "value":
            attr.values.append(" ".join((node.text or "").split()))
        elif tag == "data":
            param = node.find(f"{_R}param[@name='pattern']")
            attr.datatypes.append((node.get("type", ""), param.text if param is not None else None))
        elif tag == "ref":
            ref = node.get("name", "")
            if ref in seen:
                return
            for define in self._defines.get(ref, []):
                for child in define:
                    self._values(child, attr, seen | {ref})
        elif tag in ("choice", "group"):
            for child in node:
                self._values(child, attr, seen)
        elif tag:  # text, list, anyName...: any value will do as far as we can tell
            attr.anything = True


def _attribute_name(qname: str) -> str:
    q = etree.QName(qname)
    if q.namespace == XML_NS:
        return "xml:" + q.localname
    return q.localname if q.namespace is None else qname


def _explain(
    index: _AttributeIndex, element: etree._Element, suspect: str | None
) -> tuple[str, str | None] | None:
    """Say which attributes of ``element`` no pattern for its name accepts.

    ``suspect`` is the attribute libxml2 named (without its prefix), if it named one.
    Returns the message and the one attribute it is about (``None`` for several).
    """
    local = etree.QName(element).localname
    candidates = index.candidates(element)
    if not candidates:
        return None
    present = {_attribute_name(k): v for k, v in attrib_items(element)}
    best: list[tuple[str, str]] | None = None
    for attrs in candidates:
        problems: list[tuple[str, str]] = []
        for name, value in present.items():
            spec = attrs.get(name)
            if spec is None:
                problems.append((name, f"attribute {name} is not allowed on {local}"))
            elif not _value_ok(spec, value):
                problems.append(
                    (
                        name,
                        f'{name}="{value}" on {local} is not allowed: expected {_describe(spec)}',
                    )
                )
        for name, spec in attrs.items():
            if spec.required and name not in present:
                problems.append(
                    (
                        name,
                        f"{local} lacks the required attribute {name}"
                        + (f" ({_describe(spec)})" if not spec.anything else ""),
                    )
                )
        if best is None or len(problems) < len(best):
            best = problems
    if not best and suspect is not None:
        # The value has the right shape but is not a valid value of its type
        # (e.g. a 30 February): name it and say what the grammar wants.
        for name, value in present.items():
            if name.split(":")[-1] == suspect:
                spec = next((a[name] for a in candidates if name in a), None)
                wanted = f": expected {_describe(spec)}" if spec is not None else ""
                return f'{name}="{value}" on {local} is not a valid value{wanted}', name
    if not best:
        return None
    return "; ".join(p for _, p in best), (best[0][0] if len(best) == 1 else None)


_INVALID_ATTR = re.compile(r"Invalid attribute (\S+) for element")
_ELEMENT_NAMED = re.compile(r"^Element (\S+) failed to validate attributes")


# ------------------------------------------------------------------ the grammar


class Grammar:
    """A compiled RELAX NG grammar.

    Args:
        path: the schema file (RELAX NG, XML syntax).

    Raises:
        SchemaError: the file is missing, is not RELAX NG, or does not compile.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise SchemaError(f"{path}: no such schema file")
        if path.suffix.lower() != ".rng":
            raise SchemaError(
                f"{path}: teikit reads RELAX NG in XML syntax (.rng); "
                "convert a compact .rnc schema with trang first"
            )
        try:
            self._schema = etree.parse(str(path), etree.XMLParser(no_network=True))
            self._relaxng = etree.RelaxNG(self._schema)
        except (etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
            raise SchemaError(f"{path}: not a RELAX NG schema that compiles: {exc}") from exc
        self._index: _AttributeIndex | None = None
        self._lock = threading.Lock()

    def _attributes(self) -> _AttributeIndex:
        if self._index is None:
            self._index = _AttributeIndex(self._schema)
        return self._index

    def check(self, tree: etree._ElementTree, source: SourceMap, path: str) -> list[Finding]:
        """Validate one document and turn every grammar error into a finding.

        Args:
            tree: the parsed document.
            source: where its elements are in the source text.
            path: the file's name for the findings.

        Returns:
            The findings (rule id ``rng``), in the order libxml2 reported them, with
            repeated ones dropped.
        """
        with self._lock:  # a compiled RelaxNG keeps its error log: one document at a time
            if self._relaxng.validate(tree):
                return []
            entries = list(self._relaxng.error_log)
        findings: list[Finding] = []
        seen: set[tuple[int | None, str]] = set()
        root = tree.getroot()
        for entry in entries:
            element, _ = source.element_at(entry.path or "")
            message = entry.message.strip()
            named = _ELEMENT_NAMED.match(message)
            if element is None and named and etree.QName(root).localname == named.group(1):
                element = root  # libxml2 gives no path for the root's attributes
            attribute = None
            if element is not None and entry.type_name in (
                "RELAXNG_ERR_ATTRVALID",
                "RELAXNG_ERR_INVALIDATTR",
            ):
                suspect = _INVALID_ATTR.match(message)
                explained = _explain(
                    self._attributes(), element, suspect.group(1) if suspect else None
                )
                if explained is not None:
                    message, attribute = explained
            if element is not None and attribute is not None:
                line, column = source.attribute_position(element, attribute)
            elif element is not None:
                line, column = source.position(element)
            else:
                line, column = (entry.line or None), None
            key = (line, message)
            if key in seen:
                continue
            seen.add(key)
            findings.append(Finding(path, line, column, "error", RULE_GRAMMAR, message))
        return _drop_echoes(findings)


def _drop_echoes(findings: list[Finding]) -> list[Finding]:
    """Drop libxml2's summary lines ("Element div has extra content: foo", "... failed
    to validate content/attributes") where a more precise finding stands at the same
    place."""
    places: dict[tuple[int | None, int | None], int] = {}
    for f in findings:
        places[(f.line, f.column)] = places.get((f.line, f.column), 0) + 1
    return [f for f in findings if not (_ECHO.match(f.message) and places[(f.line, f.column)] > 1)]


_ECHO = re.compile(
    r"^Element \S+ (has extra content"
    r"|failed to validate content|failed to validate attributes)"
)
