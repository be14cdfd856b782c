"""Benchmark `teikit serve` on loopback: a load run, a connection burst, idle connections.

Builds a small site (an index page and the static DTS tree of tei/) in a temporary folder,
serves it on 127.0.0.1 with teikit's server (waitress), and prints:

* the load run: N requests (default 2,000), C at a time (default 50), over site pages, static
  DTS answers and the live API: requests per second, latency median / 95th percentile / max;
* a burst of 200 connections opened one after another: the slowest connect;
* idle connections: with 300 half-open requests held open, the time a normal request takes.

``--stdlib`` runs the same on the server teikit had before (http.server's
ThreadingHTTPServer, backlog 5, a thread per connection, no idle limit) for comparison;
the API paths are then left out (it served files only). Every request has a 10 s limit and
the run a 300 s limit, so the benchmark always ends. Traffic goes only to 127.0.0.1.

    python bench/bench_serve.py [--requests 2000] [--at-once 50] [--stdlib]
"""

from __future__ import annotations

import argparse
import functools
import http.client
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from teikit.dts import write_static
from teikit.facts import facts_of
from teikit.serve import make_server
from teikit.teifile import read_tei

REPO = Path(__file__).resolve().parents[1]
LOOPBACK = "127.0.0.1"


def make_site(folder: Path) -> tuple[str, str]:
    """Write the site; return one document to ask the API about, and one of its pages."""
    paths = {p.stem: p for p in sorted((REPO / "tei").glob("*.xml"))}
    write_static([facts_of(read_tei(p), i) for i, p in paths.items()], paths, folder / "dts")
    (folder / "index.html").write_text("<!doctype html><title>edition</title>", "utf-8")
    doc = sorted(paths)[-1]
    page = read_tei(paths[doc]).find(".//{http://www.tei-c.org/ns/1.0}pb").get("n")
    return doc, page


def request(port: int, path: str) -> tuple[float, bool]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        ok = response.status == 200
    except OSError:
        ok = False
    finally:
        connection.close()
    return time.perf_counter() - started, ok


def load_run(port: int, paths: list[str], count: int, at_once: int) -> None:
    deadline = time.monotonic() + 300

    def one(k: int) -> tuple[float, bool]:
        if time.monotonic() > deadline:
            return 0.0, False
        return request(port, paths[k % len(paths)])

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=at_once) as pool:
        results = list(pool.map(one, range(count)))
    elapsed = time.perf_counter() - started
    times = sorted(t for t, ok in results if ok)
    failed = sum(not ok for _, ok in results)
    p95 = times[int(0.95 * (len(times) - 1))] if times else float("nan")
    print(f"load: {count} requests, {at_once} at a time: {elapsed:.2f} s, "
          f"{count / elapsed:.0f} requests/s, {failed} failed; latency median "
          f"{statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {times[-1] * 1000:.1f} ms")


def burst(port: int, count: int = 200) -> None:
    waits, sockets = [], []
    try:
        for _ in range(count):
            started = time.perf_counter()
            sockets.append(socket.create_connection((LOOPBACK, port), timeout=10))
            waits.append(time.perf_counter() - started)
    finally:
        for sock in sockets:
            sock.close()
    slow = sum(w >= 0.5 for w in waits)
    print(f"burst: {count} connections: slowest connect {max(waits) * 1000:.1f} ms, "
          f"{slow} took 0.5 s or more")


def idle(port: int, count: int = 300) -> None:
    sockets = []
    try:
        for _ in range(count):
            sock = socket.create_connection((LOOPBACK, port), timeout=10)
            sock.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            sockets.append(sock)
        took, ok = request(port, "/index.html")
        print(f"idle: with {count} half-open requests held, a request took "
              f"{took * 1000:.1f} ms ({'answered' if ok else 'failed'}); threads in this "
              f"process: {threading.active_count()}")
    finally:
        for sock in sockets:
            sock.close()


def serve_teikit(folder: Path) -> tuple[int, Callable[[], None]]:
    server = make_server(folder, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        thread.join(10)
    return server.server_port, stop


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up (the idle probe) is not news


def serve_stdlib(folder: Path) -> tuple[int, Callable[[], None]]:
    server = _QuietServer((LOOPBACK, 0), functools.partial(_Quiet, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
    return server.server_address[1], stop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--at-once", type=int, default=50)
    parser.add_argument("--stdlib", action="store_true",
                        help="measure the server teikit had before (http.server)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        doc, page = make_site(folder)
        paths = ["/index.html", "/dts/collection.json", f"/dts/navigation/{doc};down=-1.json"]
        if args.stdlib:
            port, stop = serve_stdlib(folder)
            print("server: http.server ThreadingHTTPServer (before)")
        else:
            port, stop = serve_teikit(folder)
            paths += [f"/api/dts/navigation?resource={doc}&down=1",
                      f"/api/dts/document?resource={doc}&tree=pages&ref={page}"]
            print("server: teikit serve (waitress, 8 threads)")
        try:
            load_run(port, paths, args.requests, args.at_once)
            burst(port)
            idle(port)
        finally:
            stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
