"""The DTS 1.0 endpoints as a WSGI application (Level 1: ranges included).

Mounted by :mod:`teikit.serve` at ``/api/dts/``: ``/api/dts/`` (Entry), ``collection``,
``navigation`` and ``document``, with the query parameters of the specification. A refused
request gets the status the specification gives (400 or 404) and a small JSON body saying
why.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import parse_qsl
from wsgiref.util import request_uri

from teikit.dts.api import TEI_MEDIA_TYPE, DtsApi, DtsError, UrlScheme
from teikit.errors import InputError
from teikit.facts import facts_of
from teikit.teifile import read_tei

API_BASE = "/api/dts"
JSON_LD = "application/ld+json"
StartResponse = Callable[..., object]

_STATUS = {
    200: "200 OK",
    400: "400 Bad Request",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    500: "500 Internal Server Error",
}


def load_api(document_dir: Path, base: str = API_BASE) -> DtsApi:
    """Build the API over the TEI files of a folder (build/dts/document/).

    Args:
        document_dir: the folder of whole-document TEI files (``<id>.xml``).
        base: the URL path the API is mounted at.

    Returns:
        The API; a missing folder gives an edition without documents, and a file that is
        not readable TEI is left out.
    """
    facts, paths = [], {}
    for path in sorted(document_dir.glob("*.xml")) if document_dir.is_dir() else []:
        try:
            doc = facts_of(read_tei(path), path.stem)
        except InputError:
            continue
        facts.append(doc)
        paths[doc.tei_id] = path
    return DtsApi(facts, paths, UrlScheme(base))


def _params(environ: dict[str, object]) -> dict[str, str]:
    params: dict[str, str] = {}
    for key, value in parse_qsl(str(environ.get("QUERY_STRING", "")), keep_blank_values=True):
        params.setdefault(key, value)
    return params


class DtsApp:
    """A WSGI application answering the DTS endpoints of one :class:`DtsApi`."""

    def __init__(self, api: DtsApi) -> None:
        self.api = api
        base = api.urls.base
        self.routes: dict[str, Callable[[dict[str, str]], tuple[str, bytes, list]]] = {
            f"{base}/": self._entry,
            f"{base}": self._entry,
            f"{base}/collection": self._collection,
            f"{base}/collection/": self._collection,
            f"{base}/navigation": self._navigation,
            f"{base}/navigation/": self._navigation,
            f"{base}/document": self._document,
            f"{base}/document/": self._document,
        }

    @staticmethod
    def _json(answer: dict[str, object]) -> bytes:
        return json.dumps(answer, ensure_ascii=False, indent=2).encode("utf-8")

    def _entry(self, params: dict[str, str]) -> tuple[str, bytes, list]:
        return JSON_LD, self._json(self.api.entry()), []

    def _collection(self, params: dict[str, str]) -> tuple[str, bytes, list]:
        answer = self.api.collection(params.get("id"), params.get("nav"), params.get("page"))
        return JSON_LD, self._json(answer), []

    def _navigation(self, params: dict[str, str]) -> tuple[str, bytes, list]:
        uri = params.pop("__uri__")
        answer = self.api.navigation(params)
        answer["@id"] = uri  # the absolute URL of the request, as the specification asks
        return JSON_LD, self._json(answer), []

    def _document(self, params: dict[str, str]) -> tuple[str, bytes, list]:
        body = self.api.document(params)
        link = ("Link", self.api.collection_link(params["resource"]))
        return TEI_MEDIA_TYPE, body, [link]

    def handles(self, path: str) -> bool:
        """Whether ``path`` is one of the API's endpoints."""
        return path in self.routes

    def __call__(
        self, environ: dict[str, object], start_response: StartResponse
    ) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        method = str(environ.get("REQUEST_METHOD", "GET"))
        route = self.routes.get(path)
        if route is None:
            return self._error(start_response, 404, f"no DTS endpoint at {path}")
        if method not in ("GET", "HEAD"):
            return self._error(
                start_response,
                405,
                f"{method}: the API answers GET and HEAD",
                [("Allow", "GET, HEAD")],
            )
        params = _params(environ)
        params["__uri__"] = request_uri(environ)
        try:
            media, body, extra = route(params)
        except DtsError as exc:
            return self._error(start_response, exc.status, exc.message)
        headers = [
            ("Content-Type", f"{media}; charset=utf-8"),
            ("Content-Length", str(len(body))),
            *extra,
        ]
        start_response(_STATUS[200], headers)
        return [b""] if method == "HEAD" else [body]

    @staticmethod
    def _error(
        start_response: StartResponse,
        status: int,
        message: str,
        extra: list[tuple[str, str]] | None = None,
    ) -> list[bytes]:
        body = json.dumps({"status": status, "message": message}).encode("utf-8")
        start_response(
            _STATUS[status],
            [
                ("Content-Type", "application/json"),
                ("Content-Length", str(len(body))),
                *(extra or []),
            ],
        )
        return [body]
