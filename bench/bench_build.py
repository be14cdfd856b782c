"""Benchmark `teikit build` on generated editions: documents/s, peak memory, cores used.

Run: python bench/bench_build.py [--docs 700 7000] [--jobs N] [--tei-stylesheets DIR]
                                 [--volume-size N] [--site-only]

For each size it writes that many page texts into a temporary folder (copies of the five
seeds, each renumbered to its own document number, with a catalog), runs `teikit build` on
them in a fresh process, and prints the wall time, documents per second, user+sys CPU
seconds (above the wall time when more than one core works), the peak memory of teikit's
processes (the main one and its workers, sampled together) and of Pagefind apart (its
runs, one per part of at most 1,000 pages, start once the document pages are written and
index while the edition writers work), the largest single process, the files in build/,
and for each edition-wide writer its wall time, the files it wrote and the main process's
peak memory after it (for Pagefind: its time from its start, and how long the build waited
for it at the end). A second build of the same folder
shows the incremental case. Then, given a checkout of the TEI Stylesheets
(https://github.com/TEIC/Stylesheets) with --tei-stylesheets, it times their HTML alone
(html/html.xsl, compiled once, saxonche) on the same TEI documents and prints the ratio;
without it, that part is skipped. Prints figures; asserts nothing; fetches nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


def _volume_table(volume_id: str, facts: dict, copy: int) -> str:
    """A catalog table for copy ``copy`` of a seed volume (its title says which copy)."""
    facts = dict(facts)
    for key in ("complete_title", "volume_number"):
        facts[key] = f"{facts[key]} (copy {copy})"
    rows = "".join(f"{key} = {_toml_value(value)}\n" for key, value in facts.items())
    return f"[volumes.{volume_id}]\n{rows}\n"


def generate(folder: Path, count: int, volume_size: int = 0) -> None:
    """Write ``count`` renumbered copies of the seeds and their catalog into ``folder``.

    With ``volume_size``, the documents fill volumes of at most that many documents (copies
    of the seeds' volumes, ``<volume>x<k>``), as a FRUS volume holds 300 to 1,000; without
    it they all go into the seeds' three volumes."""
    catalog_text = (SEEDS / "catalog.toml").read_text(encoding="utf-8")
    catalog = tomllib.loads(catalog_text)
    volumes = catalog_text[:catalog_text.index("[documents.")]
    seeds = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    entries = [volumes]
    folder.mkdir(parents=True, exist_ok=True)
    made: set[str] = set()
    filled: dict[str, int] = {}  # documents given to each seed volume (and its copies)
    for i in range(count):
        seed = seeds[i % len(seeds)]
        facts = catalog["documents"][seed.name]
        number = 1000 + i  # its own number (at most four digits, as the reader expects)
        heading = re.compile(rf"^(No\. )?{facts['number']}(?=\.|\s*$)", re.MULTILINE)
        text = heading.sub(lambda m, n=number: f"{m.group(1) or ''}{n}",
                           texts[i % len(texts)], count=1)
        name = f"doc-{i:06d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        volume = facts["volume"]
        filled[volume] = filled.get(volume, 0) + 1
        copy = (filled[volume] - 1) // volume_size if volume_size else 0
        if copy:
            seed_volume, volume = volume, f"{volume}x{copy}"
            if volume not in made:
                made.add(volume)
                entries.insert(1, _volume_table(volume, catalog["volumes"][seed_volume], copy))
        entries.append(f'[documents."{name}"]\nvolume = "{volume}"\n'
                       f'number = {number}\nfirst_page = {facts["first_page"]}\n\n')
    (folder / "catalog.toml").write_text("".join(entries), encoding="utf-8")


def tree_rss(pid: int) -> tuple[int, int]:
    """Resident memory (bytes) of ``pid`` and its descendants from /proc: (teikit's own
    processes, Pagefind's). Pagefind runs as a separate child, counted apart."""
    own, pagefind, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024
            if "pagefind" in re.search(r"Name:\s+(\S*)", status).group(1):
                pagefind += rss
            else:
                own += rss
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, AttributeError):
            continue
    return own, pagefind


#: `teikit build` with only the site's edition pages (css, index): no volume files, no DTS.
SITE_ONLY = ("import sys, teikit.build as b; b.EDITION_WRITERS[:] = [b.write_css, b.write_site];"
             " getattr(b, 'BACKGROUND_WRITERS', [])[:] = [];"
             " from teikit.cli import main; sys.argv[0] = 'teikit'; main()")

#: `teikit build` as the command line runs it.
PLAIN = "from teikit.cli import main; sys.argv[0] = 'teikit'; main()"

#: Wraps every edition writer so that it prints its wall time, the files it wrote and the
#: peak memory of the main process so far to stderr (lines starting with "writer ").
TIMED = ("import sys, time, resource, teikit.build as b\n"
         "def timed(writer):\n"
         "    def run(edition, paths, out):\n"
         "        start = time.perf_counter()\n"
         "        written = writer(edition, paths, out)\n"
         "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
         "        print(f'writer {writer.__name__}: {time.perf_counter() - start:.1f} s, '\n"
         "              f'{len(written)} files, main process peak so far {peak:.0f} MB',\n"
         "              file=sys.stderr)\n"
         "        return written\n"
         "    run.__name__ = writer.__name__\n"
         "    return run\n"
         "b.EDITION_WRITERS[:] = [timed(w) for w in b.EDITION_WRITERS]\n"
         "class Waited:\n"
         "    def __init__(self, name, pending, started):\n"
         "        self.name, self.pending, self.started = name, pending, started\n"
         "    def finish(self):\n"
         "        waited = time.perf_counter()\n"
         "        written = self.pending.finish()\n"
         "        end = time.perf_counter()\n"
         "        print(f'writer {self.name} (in the background): {end - self.started:.1f} s '\n"
         "              f'from its start, {end - waited:.1f} s waited for at the end, '\n"
         "              f'{len(written)} files', file=sys.stderr)\n"
         "        return written\n"
         "    def cancel(self):\n"
         "        self.pending.cancel()\n"
         "def started(writer):\n"
         "    def run(edition, paths, out, *workers):\n"
         "        pending = writer(edition, paths, out, *workers)\n"
         "        return Waited(writer.__name__, pending, time.perf_counter())\n"
         "    run.__name__ = writer.__name__\n"
         "    return run\n"
         "background = getattr(b, 'BACKGROUND_WRITERS', [])  # none in older builds\n"
         "background[:] = [started(w) for w in background]\n")


def run_build(root: Path, jobs: int | None, site_only: bool = False) -> dict[str, float]:
    """Run `teikit build` once; return wall, cpu (user+sys) seconds and memory peaks."""
    start_with = ["-c", TIMED + (SITE_ONLY if site_only else PLAIN)]
    command = [sys.executable, *start_with, "build", str(root / "pages"), "--root", str(root)]
    if jobs:
        command += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            own, pagefind = tree_rss(process.pid)
            peak[0], peak[1] = max(peak[0], own), max(peak[1], pagefind)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = err.decode("utf-8", "replace").strip().splitlines()
    summary = lines[-1:] or ["(no output)"]
    writers = [line for line in lines if line.startswith("writer ")]
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime)
            + (after.ru_stime - before.ru_stime),
            "tree_mb": peak[0] / 2**20, "pagefind_mb": peak[1] / 2**20,
            "largest_mb": after.ru_maxrss / 1024, "exit": process.returncode,
            "summary": summary[0], "writers": writers, "files": files_under(root)}


def files_under(root: Path) -> int:
    """The number of files in the build's output folder (``root/build``)."""
    return sum(len(files) for _, _, files in os.walk(root / "build"))


def tei_stylesheets_html(stylesheets: Path, tei_files: list[Path]) -> float:
    """Seconds per document of the TEI Stylesheets' HTML (compiled once) on ``tei_files``."""
    from saxonche import PySaxonProcessor

    with PySaxonProcessor(license=False) as proc:
        executable = proc.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(stylesheets / "html" / "html.xsl"))
        start = time.perf_counter()
        for path in tei_files:
            node = proc.parse_xml(xml_file_name=str(path))
            executable.transform_to_string(xdm_node=node)
        return (time.perf_counter() - start) / len(tei_files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[700, 7000])
    parser.add_argument("--jobs", type=int, default=None,
                        help="passed to teikit build (default: its own, the usable CPUs)")
    parser.add_argument("--tei-stylesheets", type=Path, default=None,
                        help="a checkout of TEIC/Stylesheets, for the comparison")
    parser.add_argument("--tei-sample", type=int, default=700,
                        help="documents to run the TEI Stylesheets' HTML on (at most)")
    parser.add_argument("--volume-size", type=int, default=0,
                        help="spread the documents over volumes of at most this many (copies "
                             "of the seeds' volumes); default: all in the seeds' three")
    parser.add_argument("--site-only", action="store_true",
                        help="leave out the volume files and the DTS tree (the pages, texts, "
                             "citations, index and TEI copies only)")
    args = parser.parse_args()
    print(f"cpus usable: {len(os.sched_getaffinity(0))}; jobs: {args.jobs or 'default'}"
          + ("; site only (no volume files, no DTS tree)" if args.site_only else ""))
    for count in args.docs:
        with tempfile.TemporaryDirectory(prefix="teikit-bench-") as temp:
            root = Path(temp)
            generate(root / "pages", count, args.volume_size)
            first = run_build(root, args.jobs, args.site_only)
            again = run_build(root, args.jobs, args.site_only)
            per_doc = first["wall"] / count
            print(f"{count} documents: {first['wall']:.1f} s wall, {count / first['wall']:.0f} "
                  f"docs/s, cpu {first['cpu']:.1f} s (cpu/wall {first['cpu'] / first['wall']:.2f})"
                  f", peak memory {first['tree_mb']:.0f} MB (teikit's processes), largest "
                  f"process (any) {first['largest_mb']:.0f} MB, Pagefind apart "
                  f"{first['pagefind_mb']:.0f} MB; "
                  f"{first['files']} files in build/; exit {first['exit']}")
            for line in first["writers"]:
                print(f"  {line}")
            print(f"  {first['summary']}")
            print(f"  again, nothing changed: {again['wall']:.1f} s wall; {again['summary']}")
            if args.tei_stylesheets:
                files = sorted((root / "tei").glob("*.xml"))[:args.tei_sample]
                theirs = tei_stylesheets_html(args.tei_stylesheets, files)
                print(f"  TEI Stylesheets html.xsl alone: {theirs * 1000:.1f} ms/doc on "
                      f"{len(files)} documents; teikit build (every output): "
                      f"{per_doc * 1000:.1f} ms/doc wall = {per_doc / theirs:.2f}x theirs")
            else:
                print("  TEI Stylesheets comparison skipped (give --tei-stylesheets DIR)")


if __name__ == "__main__":
    main()
