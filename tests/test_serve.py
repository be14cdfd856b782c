"""teikit serve: the site and the DTS API on waitress, loopback only, with limits.

What the old server got wrong is tested here so it cannot come back: links out of the site,
dotfiles, idle connections held forever, a listen backlog of 5, a traceback for a port out of
range. The load test sends 2,000 requests, 50 at a time, to 127.0.0.1 and stops by itself
(every request and the whole run have time limits); its timings are bench/bench_serve.py's.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_IDS, TEI_DIR

from teikit.cli import main
from teikit.dts import write_static
from teikit.facts import facts_of
from teikit.serve import ServeOptions, Server, make_server
from teikit.teifile import read_tei

LOOPBACK = "127.0.0.1"
DOC = "frus1958-60v19-d352"


def make_site(folder: Path) -> Path:
    """A small built site: an index page, the static DTS tree and its documents."""
    paths = {i: TEI_DIR / f"{i}.xml" for i in SEED_IDS}
    write_static([facts_of(read_tei(p), i) for i, p in paths.items()], paths, folder / "dts")
    (folder / "index.html").write_text("<!doctype html><title>edition</title>", "utf-8")
    (folder / "volumes").mkdir()
    (folder / "volumes" / "index.html").write_text("<title>volumes</title>", "utf-8")
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve")
    site = make_site(root / "site")
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not for the web", "utf-8")
    (site / "leak.txt").symlink_to(outside / "secret.txt")
    (site / "leakdir").symlink_to(outside, target_is_directory=True)
    (site / "alias.html").symlink_to(site / "index.html")
    (site / ".env").write_text("TOKEN=x", "utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]", "utf-8")
    return site


def running(folder: Path, options: ServeOptions | None = None) -> Iterator[Server]:
    server = make_server(folder, 0, LOOPBACK, options=options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(10)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[Server]:
    yield from running(site)


def fetch(server: Server, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(LOOPBACK, server.server_port, timeout=10)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_it_listens_on_loopback_by_default(site: Path) -> None:
    server = make_server(site, 0)
    try:
        assert server.server_host == LOOPBACK
    finally:
        server.server_close()


def test_site_files_folders_and_the_api(server: Server) -> None:
    status, headers, body = fetch(server, "/")
    assert status == 200 and b"<title>edition</title>" in body
    assert headers["Content-Type"].startswith("text/html")
    assert fetch(server, "/volumes")[0] == 301
    assert fetch(server, "/volumes/")[0] == 200
    status, headers, _ = fetch(server, "/dts/index.json")
    assert status == 200 and headers["Content-Type"] == "application/ld+json"
    status, headers, _ = fetch(server, f"/dts/navigation/{DOC};down=1.json")
    assert status == 200
    status, headers, body = fetch(server, f"/api/dts/navigation?resource={DOC}&ref=p1")
    assert status == 200 and headers["Content-Type"].startswith("application/ld+json")
    status, headers, body = fetch(server, f"/api/dts/document?resource={DOC}&start=p1&end=p2")
    assert status == 200 and body.startswith(b"<?xml") and b"dts:wrapper" in body
    assert fetch(server, f"/api/dts/navigation?resource={DOC}")[0] == 400
    status, _, body = fetch(server, "/index.html", "HEAD")
    assert status == 200 and body == b""


@pytest.mark.parametrize("path", ["/leak.txt", "/leakdir/secret.txt", "/.env", "/.git/config",
                                  "/.git/", "/../outside/secret.txt", "/%2e%2e/outside/secret.txt",
                                  "/dts/../../outside/secret.txt", "/nothing-here.html"])
def test_nothing_outside_the_site_and_no_dotfiles(server: Server, path: str) -> None:
    status, _, body = fetch(server, path)
    assert status == 404
    assert b"not for the web" not in body and b"TOKEN" not in body


def test_a_link_inside_the_site_is_served(server: Server) -> None:
    assert fetch(server, "/alias.html")[0] == 200


def test_only_get_and_head(server: Server) -> None:
    assert fetch(server, "/index.html", "POST")[0] == 405
    assert fetch(server, "/api/dts/", "DELETE")[0] == 405


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_a_bad_port_is_a_usage_error_not_a_traceback(site: Path, port: str) -> None:
    result = CliRunner().invoke(main, ["serve", str(site), "--port", port])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "--port" in result.output


def test_a_busy_port_is_one_line(site: Path) -> None:
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(site), "--port", str(port)])
    assert result.exit_code == 2
    assert result.output.startswith("error: cannot serve on 127.0.0.1:")
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_idle_connections_hold_no_worker_and_are_closed(site: Path) -> None:
    """300 half-open requests: the server still answers at once, and drops them soon."""
    options = ServeOptions(threads=2, channel_timeout=2, cleanup_interval=1)
    for server in running(site, options):
        idle = []
        for _ in range(300):
            sock = socket.create_connection((LOOPBACK, server.server_port), timeout=5)
            sock.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never ends
            idle.append(sock)
        started = time.perf_counter()
        assert fetch(server, "/index.html")[0] == 200
        assert time.perf_counter() - started < 2.0
        deadline = time.monotonic() + 15
        closed = 0
        for sock in idle:
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                closed += sock.recv(1) == b""
            except ConnectionResetError:
                closed += 1  # closed by the server, with a reset
            except TimeoutError:
                pass  # still held: counted as not closed
            sock.close()
        assert closed == 300


def test_a_burst_of_connections_does_not_wait_on_the_backlog(server: Server) -> None:
    """The old server's backlog of 5 made every 6th quick connection wait a second."""
    waits, sockets = [], []
    try:
        for _ in range(200):
            started = time.perf_counter()
            sockets.append(socket.create_connection((LOOPBACK, server.server_port), timeout=5))
            waits.append(time.perf_counter() - started)
    finally:
        for sock in sockets:
            sock.close()
    assert max(waits) < 0.5, max(waits)


LOAD_PATHS = ["/index.html", "/dts/collection.json", f"/dts/navigation/{DOC};down=-1.json",
              f"/api/dts/collection?id={DOC}", f"/api/dts/navigation?resource={DOC}&down=1",
              f"/api/dts/document?resource={DOC}&tree=pages&ref=723"]


def load(port: int, requests: int = 2000, at_once: int = 50,
         limit: float = 120.0) -> tuple[list[float], list[str]]:
    """Send ``requests`` GETs, ``at_once`` at a time, to 127.0.0.1; stop by ``limit`` seconds.

    Returns:
        The latency of each answered request (s) and the failures, each said in a line.
    """
    deadline = time.monotonic() + limit

    def one(k: int) -> tuple[float, str]:
        if time.monotonic() > deadline:
            return 0.0, f"request {k}: not sent, the run's time is up"
        path = LOAD_PATHS[k % len(LOAD_PATHS)]
        started = time.perf_counter()
        connection = http.client.HTTPConnection(LOOPBACK, port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            error = "" if response.status == 200 else f"{path}: {response.status}"
        except OSError as exc:
            error = f"{path}: {exc}"
        finally:
            connection.close()
        return time.perf_counter() - started, error

    with ThreadPoolExecutor(max_workers=at_once) as pool:
        results = list(pool.map(one, range(requests)))
    return [t for t, e in results if not e], [e for _, e in results if e]


def test_load_2000_requests_50_at_a_time(server: Server) -> None:
    started = time.monotonic()
    latencies, failures = load(server.server_port)
    assert failures == []
    assert len(latencies) == 2000
    assert time.monotonic() - started < 180  # bounded: the run stops by itself


def test_the_checks_catch_the_old_server(site: Path) -> None:
    """The server teikit had before (http.server) fails the link and dotfile checks above."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    old = ThreadingHTTPServer((LOOPBACK, 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=old.serve_forever, daemon=True)
    thread.start()
    try:
        class Port:
            server_port = old.server_address[1]
        leaked = [p for p in ("/leak.txt", "/leakdir/secret.txt", "/.env", "/.git/config")
                  if fetch(Port, p)[0] == 200]  # type: ignore[arg-type]
        assert leaked == ["/leak.txt", "/leakdir/secret.txt", "/.env", "/.git/config"]
    finally:
        old.shutdown()
        old.server_close()
