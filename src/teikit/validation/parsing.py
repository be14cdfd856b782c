"""Parse untrusted XML without letting it reach outside itself.

The parser resolves no entities, loads no DTD and never touches the network. Before
lxml sees a byte, the prolog is scanned: a document type declaration that names an
external DTD, or declares any entity (external entities read files, XXE; nested
internal ones expand without bound, "billion laughs"), is refused with one finding.
A resolver that answers every outside request with nothing guards the parse as well,
and the parsed tree is checked once more for a DTD or entity that slipped through.
"""

from __future__ import annotations

# The safe reader is shared with render and cite: it lives in teikit.xmlsafe.
from teikit.xmlsafe import Parsed, parse_bytes, safe_parser, scan_prolog

__all__ = ["Parsed", "parse_bytes", "safe_parser", "scan_prolog"]
