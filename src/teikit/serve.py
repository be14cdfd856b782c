"""Serve a built edition on the local machine, for looking at it in a browser."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the library silent; the command line says where it serves."""


def make_server(folder: Path, port: int = 8000) -> ThreadingHTTPServer:
    """Return an HTTP server for ``folder`` bound to 127.0.0.1 (not started).

    Args:
        folder: the folder to serve (usually build/).
        port: the port; 0 picks a free one.

    Raises:
        OSError: when the port cannot be bound.
    """
    handler = functools.partial(_QuietHandler, directory=str(folder))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
