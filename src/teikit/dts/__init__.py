"""Distributed Text Services (DTS 1.0) for a teikit edition: static files and a served API.

:func:`write_static` writes the Level 0 answers under build/dts/; :func:`make_api_app`
(in :mod:`teikit.dts.wsgi`) serves the four endpoints at Level 1, ranges included.
"""

from teikit.dts.api import DtsApi, DtsError, UrlScheme
from teikit.dts.static import write_static
from teikit.dts.trees import citation_trees, refs_decls

__all__ = ["DtsApi", "DtsError", "UrlScheme", "citation_trees", "refs_decls", "write_static"]
