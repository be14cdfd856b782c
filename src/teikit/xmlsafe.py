"""The one safe reader of XML that teikit did not write: validate, render and cite use it.

The parser resolves no entities, loads no DTD and never touches the network. Before lxml
sees a byte, the prolog is scanned: a document type declaration that names an external DTD,
or declares any entity (external entities read files, XXE; nested internal ones expand
without bound, "billion laughs"; an entity used only in an attribute value leaves no
entity node to find and fails later, in the stylesheet), is refused with one finding. A
resolver that answers every outside request with nothing guards the parse as well, and the
parsed tree is checked once more for a DTD or entity that slipped through. Elements nested
deeper than :data:`MAX_DEPTH` levels are refused too: the XML parser inside Saxon stops
there (the JDK's ``jdk.xml.maxElementDepth``), and no FRUS document comes near it.

:func:`parse_bytes` gives the parsed tree or the findings that say why not;
:func:`parse_untrusted` gives the tree or raises :class:`~teikit.errors.InputError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from teikit.errors import Finding, InputError, Problem

#: Rule id of a document that is not well-formed XML.
RULE_SYNTAX = "xml-syntax"
#: Rule id of a document refused because it reaches for DTDs or entities.
RULE_UNSAFE = "unsafe-xml"
#: Rule id of a document whose elements nest deeper than :data:`MAX_DEPTH`.
RULE_DEPTH = "too-deep"
#: The deepest element nesting accepted (the TEI root is level 1).
MAX_DEPTH = 100
#: The problem code :func:`parse_untrusted` gives for a finding's rule, where they differ.
PROBLEM_CODES: dict[str, str] = {RULE_SYNTAX: "not-xml"}


class _RefuseAll(etree.Resolver):
    """Answers every request for an outside resource (DTD, entity) with nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.requests = 0

    # lxml-stubs 0.5 gives resolve() and resolve_string() without their context argument.
    def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
        self.requests += 1
        return self.resolve_string("", context)  # type: ignore[call-arg]


def safe_parser() -> tuple[etree.XMLParser, _RefuseAll]:
    """Return a parser for untrusted XML and the resolver that counts outside requests.

    ``collect_ids=False`` keeps a repeated xml:id from stopping the parse (the
    grammar and the rules report it); with it, libxml2 would try to load an external
    DTD subset, which the resolver turns into an empty one.

    Returns:
        The parser and its resolver.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, collect_ids=False
    )
    resolver = _RefuseAll()
    parser.resolvers.add(resolver)
    return parser, resolver


@dataclass
class Parsed:
    """A document that parsed safely.

    Attributes:
        tree: the parsed document.
        text: the source decoded as text (for columns).
    """

    tree: etree._ElementTree
    text: str


# ------------------------------------------------------------------ prolog scan

_DOCTYPE_HEAD = re.compile(r"<!DOCTYPE\s+([^\s\[>]+)\s*(?:(SYSTEM|PUBLIC)\b)?")
_ENTITY = re.compile(r"<!ENTITY\s+(%\s+)?([^\s]+)\s+(SYSTEM\b|PUBLIC\b|\"[^\"]*\"|'[^']*')")


def _decode_head(data: bytes, size: int = 1 << 16) -> str:
    head = data[:size]
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if head.startswith(bom):
            return head.decode(codec, errors="replace")
    if head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        return head.decode("utf-16-le" if head[0] == 0x3C else "utf-16-be", errors="replace")
    return head.decode("utf-8", errors="replace")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _end_of_subset(text: str, start: int) -> int:
    """Offset of the ``]`` that closes an internal subset opened just before ``start``."""
    i, quote = start, ""
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end < 0:
                return len(text)
            i = end + 3
            continue
        elif c in "\"'":
            quote = c
        elif c == "]":
            return i
        i += 1
    return len(text)


def scan_prolog(data: bytes, path: str) -> Finding | None:
    """Refuse a document whose prolog reaches for outside resources or declares entities.

    Args:
        data: the raw file.
        path: the file's name for the finding.

    Returns:
        One ``unsafe-xml`` finding, or ``None`` when the prolog is harmless.
    """
    text = _decode_head(data)
    i = 0
    while i < len(text):
        if text[i].isspace() or text[i] == "\ufeff":
            i += 1
        elif text.startswith("<?", i):
            end = text.find("?>", i)
            i = len(text) if end < 0 else end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i)
            i = len(text) if end < 0 else end + 3
        elif text.startswith("<!DOCTYPE", i):
            return _check_doctype(text, i, path)
        else:
            return None  # the root element (or something the parser will reject)
    return None


def _refuse(path: str, text: str, offset: int, message: str) -> Finding:
    line, col = _line_col(text, offset)
    return Finding(path, line, col, "error", RULE_UNSAFE, message)


def _check_doctype(text: str, start: int, path: str) -> Finding | None:
    head = _DOCTYPE_HEAD.match(text, start)
    if head is None:
        return _refuse(
            path,
            text,
            start,
            "refused: a document type declaration teikit "
            "cannot read; teikit loads no DTD: remove the DOCTYPE",
        )
    if head.group(2):
        return _refuse(
            path,
            text,
            start,
            f"refused: the DOCTYPE names an external DTD ({head.group(2)} "
            "identifier); teikit never loads DTDs or other outside files: "
            "remove the DOCTYPE",
        )
    bracket = text.find("[", head.end())
    close = text.find(">", head.end())
    if bracket < 0 or (0 <= close < bracket):
        return None  # <!DOCTYPE TEI> alone: harmless
    subset_end = _end_of_subset(text, bracket + 1)
    subset = text[bracket + 1 : subset_end]
    entities = list(_ENTITY.finditer(subset))
    if not entities:
        return None
    external = [m for m in entities if m.group(3) in ("SYSTEM", "PUBLIC")]
    if external:
        first = external[0]
        kind = "parameter entity" if first.group(1) else "entity"
        return _refuse(
            path,
            text,
            bracket + 1 + first.start(),
            f"refused: {kind} '{first.group(2)}' is declared with an external "
            f"identifier ({first.group(3)}), an external entity (XXE); teikit "
            "reads no outside files: remove the DOCTYPE and write the text itself",
        )
    nested = [m for m in entities if "&" in m.group(3) or "%" in m.group(3)]
    if nested:
        return _refuse(
            path,
            text,
            bracket + 1 + nested[0].start(),
            f"refused: {len(entities)} entity declarations, some built from other "
            "entities (nested expansion, the 'billion laughs' attack); teikit "
            "expands no entities: remove the DOCTYPE",
        )
    names = ", ".join(f"'{m.group(2)}'" for m in entities[:5])
    return _refuse(
        path,
        text,
        bracket + 1 + entities[0].start(),
        f"refused: the DOCTYPE declares entities ({names}); teikit expands no "
        "entities: write the characters themselves and remove the DOCTYPE",
    )


# ------------------------------------------------------------------ parsing


def _decode(data: bytes, encoding: str | None) -> str:
    try:
        return data.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", errors="replace")


def parse_bytes(data: bytes, path: str) -> Parsed | list[Finding]:
    """Parse one untrusted document.

    Args:
        data: the raw file.
        path: the file's name, for findings and as the base URL.

    Returns:
        The parsed document, or the findings that say why it was refused (one
        ``unsafe-xml`` finding) or did not parse (``xml-syntax`` findings with line
        and column, as many as the parser reported).
    """
    refused = scan_prolog(data, path)
    if refused is not None:
        return [refused]
    parser, resolver = safe_parser()
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser, base_url=path))
    except etree.XMLSyntaxError as exc:
        # The parser's own log: the exception's log may also hold earlier messages of
        # other libxml2 work in this thread (grammar validation, for one).
        return _syntax_findings(exc, parser.error_log, path)
    # Belt and braces: nothing outside should have been asked for, and no DTD or
    # entity should be left in the tree.
    info = tree.docinfo
    dtd = info.internalDTD
    if (
        resolver.requests
        or info.system_url  # type: ignore[attr-defined]
        or info.public_id
        or (dtd is not None and any(True for _ in dtd.iterentities()))  # type: ignore[attr-defined]
        or any(True for _ in tree.iter(etree.Entity))
    ):
        return [
            Finding(
                path,
                1,
                1,
                "error",
                RULE_UNSAFE,
                "refused: the document refers to a DTD or to entities; teikit "
                "loads no DTD and expands no entities: remove them",
            )
        ]
    deep = _too_deep(tree.getroot())
    if deep is not None:
        return [
            Finding(
                path,
                source_line(deep),
                None,
                "error",
                RULE_DEPTH,
                f"refused: elements nest more than {MAX_DEPTH} levels deep here; "
                "teikit's stylesheets do not follow them: flatten the nesting",
            )
        ]
    return Parsed(tree, _decode(data, info.encoding))


def source_line(element: etree._Element) -> int | None:
    """The line an element starts on, or ``None`` when lxml does not know it."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def _too_deep(root: etree._Element) -> etree._Element | None:
    """The first element deeper than :data:`MAX_DEPTH` levels, or ``None``."""
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            if depth > MAX_DEPTH:
                return element
        else:
            depth -= 1
    return None


def parse_untrusted(data: bytes, path: str) -> etree._ElementTree:
    """Parse one untrusted document, or raise with the first reason it was refused.

    Args:
        data: the raw file.
        path: the file's name, for the problem.

    Returns:
        The parsed document.

    Raises:
        InputError: carrying the first finding of :func:`parse_bytes` (``unsafe-xml``,
            ``xml-syntax`` or ``too-deep``), when the document is refused or not well-formed.
    """
    parsed = parse_bytes(data, path)
    if isinstance(parsed, list):
        first = parsed[0]
        raise InputError(
            Problem(
                first.path,
                first.line,
                first.message,
                first.hint,
                PROBLEM_CODES.get(first.code, first.code),
                first.column,
            )
        )
    return parsed.tree


def _syntax_findings(
    exc: etree.XMLSyntaxError, log: etree._ListErrorLog, path: str
) -> list[Finding]:
    findings: list[Finding] = []
    entries = [e for e in log if e.level >= etree.ErrorLevels.ERROR]
    for entry in entries:
        message = entry.message.strip()
        if "amplification" in message or "entity reference loop" in message:
            return [
                Finding(
                    path,
                    entry.line or 1,
                    entry.column or 1,
                    "error",
                    RULE_UNSAFE,
                    "refused: entities expand beyond any sensible size (the "
                    "'billion laughs' attack); teikit expands no entities",
                )
            ]
        findings.append(
            Finding(
                path,
                entry.line or None,
                entry.column or None,
                "error",
                RULE_SYNTAX,
                f"not well-formed XML: {message}",
            )
        )
    if not findings:
        line, column = exc.position if exc.position else (None, None)
        findings.append(
            Finding(
                path,
                line or None,
                column or None,
                "error",
                RULE_SYNTAX,
                f"not well-formed XML: {exc.msg}",
            )
        )
    return findings
