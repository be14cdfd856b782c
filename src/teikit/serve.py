"""Serve a built edition: the site's files and the DTS 1.0 API, on waitress.

:func:`make_app` is a WSGI application: ``/api/dts/…`` answers the DTS endpoints (Level 1,
over the TEI files in ``build/dts/document/``) and every other path a file of the site
folder. It serves only regular files that lie inside the folder once symbolic links are
resolved, never a name that starts with a dot (dotfiles, ``..``), answers GET and HEAD only,
and sends ``index.html`` for a folder.

:func:`make_server` binds it with waitress: requests are read by one asynchronous loop, so a
slow or idle connection holds no worker thread, and it is closed after ``channel_timeout``
seconds; the listen backlog is 1024, the worker threads and open connections are bounded.
waitress was chosen because it is pure Python with no dependencies of its own, maintained
by the Pylons project, runs on every platform Python does, and has exactly these limits as
settings.
"""

from __future__ import annotations

import logging
import mimetypes
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from teikit.dts.wsgi import API_BASE, JSON_LD, DtsApp, load_api
from teikit.errors import TeikitError

StartResponse = Callable[..., object]
LOOPBACK = "127.0.0.1"
#: Content types the mimetypes table may lack or get wrong, by file suffix.
CONTENT_TYPES = {
    ".json": "application/json",
    ".xml": "application/xml",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".js": "text/javascript",
}
#: Where in the site the static DTS tree lies, and the type of its JSON answers.
STATIC_DTS = ("dts",)


@dataclass(frozen=True)
class ServeOptions:
    """The limits of the server.

    Attributes:
        host: the address to listen on (loopback unless asked otherwise).
        port: the TCP port; 0 picks a free one.
        threads: worker threads that run requests.
        channel_timeout: seconds an idle connection is kept before it is closed.
        backlog: the listen queue of the socket.
        connection_limit: open connections at most; more wait in the backlog.
        cleanup_interval: seconds between checks for idle connections.
    """

    host: str = LOOPBACK
    port: int = 8000
    threads: int = 8
    channel_timeout: int = 30
    backlog: int = 1024
    connection_limit: int = 500
    cleanup_interval: int = 10


class SiteApp:
    """A WSGI application for the files of one folder and the DTS API beside them."""

    def __init__(self, folder: Path) -> None:
        self.root = Path(os.path.realpath(folder))
        self.api = DtsApp(load_api(self.root / "dts" / "document"))

    def _file(self, path: str) -> tuple[Path, bool] | None:
        parts = [p for p in path.split("/") if p]
        if any(p.startswith(".") or "\x00" in p or "\\" in p for p in parts):
            return None
        candidate = Path(os.path.realpath(self.root.joinpath(*parts)))
        if candidate != self.root and self.root not in candidate.parents:
            return None  # a link that leads out of the site
        if candidate.is_dir():
            index = candidate / "index.html"
            return (index, True) if index.is_file() else None
        return (candidate, False) if candidate.is_file() else None

    def _type(self, file: Path) -> str:
        relative = file.relative_to(self.root).parts
        if file.suffix == ".json" and relative[: len(STATIC_DTS)] == STATIC_DTS:
            return JSON_LD
        return (
            CONTENT_TYPES.get(file.suffix)
            or mimetypes.guess_type(file.name)[0]
            or "application/octet-stream"
        )

    def __call__(
        self, environ: dict[str, object], start_response: StartResponse
    ) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", "")) or "/"
        if path == API_BASE or path.startswith(API_BASE + "/"):
            return self.api(environ, start_response)
        method = str(environ.get("REQUEST_METHOD", "GET"))
        if method not in ("GET", "HEAD"):
            return _plain(
                start_response,
                "405 Method Not Allowed",
                "GET and HEAD only\n",
                [("Allow", "GET, HEAD")],
            )
        found = self._file(path)
        if found is None:
            return _plain(start_response, "404 Not Found", "not found\n")
        file, folder = found
        if folder and not path.endswith("/"):
            location = quote(path) + "/"
            return _plain(
                start_response, "301 Moved Permanently", "moved\n", [("Location", location)]
            )
        try:
            handle = file.open("rb")
            size = os.fstat(handle.fileno()).st_size
        except OSError:
            return _plain(start_response, "404 Not Found", "not found\n")
        start_response(
            "200 OK",
            [
                ("Content-Type", self._type(file)),
                ("Content-Length", str(size)),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )
        if method == "HEAD":
            handle.close()
            return [b""]
        wrapper = environ.get("wsgi.file_wrapper")
        if callable(wrapper):
            return wrapper(handle, 1 << 16)
        with handle:
            return [handle.read()]


def _plain(
    start_response: StartResponse,
    status: str,
    text: str,
    extra: list[tuple[str, str]] | None = None,
) -> list[bytes]:
    body = text.encode("utf-8")
    start_response(
        status,
        [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            *(extra or []),
        ],
    )
    return [body]


def make_app(folder: Path) -> SiteApp:
    """Return the WSGI application for a built edition (usually build/)."""
    return SiteApp(folder)


class Server:
    """A running-ready waitress server for one site (bound, not yet serving)."""

    def __init__(self, folder: Path, options: ServeOptions) -> None:
        try:
            from waitress.server import create_server
        except ImportError as exc:  # pragma: no cover - waitress is a dependency
            raise TeikitError("teikit serve needs waitress: pip install waitress") from exc
        if not 0 <= options.port <= 65535:
            raise TeikitError(f"port {options.port} is not a TCP port (use 0-65535)")
        self.options = options
        # waitress reports a busy queue through logging; the library itself stays silent.
        logging.getLogger("waitress").addHandler(logging.NullHandler())
        self._server = create_server(
            make_app(folder),
            host=options.host,
            port=options.port,
            threads=options.threads,
            channel_timeout=options.channel_timeout,
            backlog=options.backlog,
            connection_limit=options.connection_limit,
            cleanup_interval=options.cleanup_interval,
            ident="teikit",
            expose_tracebacks=False,
            clear_untrusted_proxy_headers=True,
        )

    @property
    def server_port(self) -> int:
        """The port the server listens on (the one picked when 0 was asked)."""
        return int(self._server.effective_port)

    @property
    def server_host(self) -> str:
        """The address the server listens on."""
        return str(self._server.effective_host)

    def serve_forever(self) -> None:
        """Answer requests until interrupted (or :meth:`server_close` from another thread)."""
        self._server.run()

    def server_close(self) -> None:
        """Stop listening and close every connection."""
        for channel in list(self._server._map.values()):
            channel.close()
        self._server.close()

    def shutdown(self) -> None:
        """Stop a :meth:`serve_forever` running in another thread (as socketserver's does)."""
        self.server_close()


def make_server(
    folder: Path, port: int = 8000, host: str = LOOPBACK, *, options: ServeOptions | None = None
) -> Server:
    """Return a server for ``folder`` (bound, not started), loopback by default.

    Args:
        folder: the folder to serve (usually build/).
        port: the port; 0 picks a free one.
        host: the address to listen on.
        options: the server's limits; ``port`` and ``host`` override theirs.

    Raises:
        TeikitError: the port is outside 0-65535.
        OSError: the address cannot be bound.
    """
    base = options or ServeOptions()
    return Server(folder, ServeOptions(**{**base.__dict__, "port": port, "host": host}))
