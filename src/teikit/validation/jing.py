"""RELAX NG validation with jing, many files per run, for large grammars such as tei_all.

libxml2 compiles tei_all in about 6 s, on every run of ``teikit validate``, and a
compiled grammar cannot be kept from one process to the next. jing (Java) compiles it
in about 1.5 s and validates quickly once it has. So for a grammar given with
``--schema`` teikit hands the files to jing when jing is installed: all of them in one
run (or a few, when the file names would not fit one command line), and reads jing's
``path:line:col: error: message`` lines back into findings. jing reads the files
itself, so only files that teikit's safe parser has already accepted (no DTD, no
entities) are given to it. Without jing, lxml does the work as before.
"""

from __future__ import annotations

import bisect
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from teikit.validation.report import RULE_GRAMMAR, Finding, SchemaError

#: Command-line bytes per jing run (Linux allows about 2 MB for all arguments).
ARGUMENT_BUDGET = 500_000

_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<kind>error|fatal|warning):"
    r" (?P<message>.*)$"
)
_ATTRIBUTE = re.compile(r'^(?:value of )?attribute "(?P<name>[^"]+)"')


def find_jing() -> str | None:
    """The jing command on PATH (``$TEIKIT_JING`` overrides), or ``None``."""
    return os.environ.get("TEIKIT_JING") or shutil.which("jing")


def _batches(paths: list[Path], budget: int) -> Iterable[list[Path]]:
    batch: list[Path] = []
    size = 0
    for path in paths:
        cost = len(os.fsencode(path)) + 1
        if batch and size + cost > budget:
            yield batch
            batch, size = [], 0
        batch.append(path)
        size += cost
    if batch:
        yield batch


def _tag_position(
    text: str, starts: list[int], line: int, column: int, message: str
) -> tuple[int, int]:
    """Move jing's position (just after the start tag it complains about) to the tag's
    start, or to the attribute the message names, as the lxml findings point.

    Args:
        text: the file's text.
        starts: the offset of each line's first character.
        line: jing's line.
        column: jing's column.
        message: jing's message.

    Returns:
        The line and column to report.
    """
    if line - 1 >= len(starts):
        return line, column
    offset = min(starts[line - 1] + column - 1, len(text))
    tag = text.rfind("<", 0, offset)
    if tag < 0 or text.startswith("</", tag):
        return line, column
    target = tag
    named = _ATTRIBUTE.match(message)
    if named:
        found = re.compile(r"\s" + re.escape(named.group("name")) + r"\s*=").search(
            text, tag, offset
        )
        if found:
            target = found.start() + 1
    new_line = bisect.bisect_right(starts, target)
    return new_line, target - starts[new_line - 1] + 1


class JingGrammar:
    """A RELAX NG grammar checked by jing.

    Args:
        path: the schema (RELAX NG in XML syntax).
        command: the jing command; by default the one on PATH.

    Raises:
        SchemaError: the schema is missing, or jing is not installed.
    """

    def __init__(self, path: Path, command: str | None = None) -> None:
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise SchemaError(f"{path}: no such schema file")
        if self.path.suffix.lower() != ".rng":
            raise SchemaError(
                f"{path}: teikit reads RELAX NG in XML syntax (.rng); "
                "convert a compact .rnc schema with trang first"
            )
        found = command or find_jing()
        if found is None:
            raise SchemaError(
                "jing is not installed (Debian: apt-get install jing); "
                "validate without it, or install it"
            )
        self.command = found

    def check_files(self, files: dict[str, Path]) -> dict[str, list[Finding]]:
        """Validate files in as few jing runs as the command line allows.

        Args:
            files: the name to report each file under -> the file.

        Returns:
            The name -> its grammar findings (rule ``rng``), for every file given.

        Raises:
            SchemaError: jing could not use the schema, or could not be run.
        """
        by_path = {str(p.resolve()): name for name, p in files.items()}
        found: dict[str, list[Finding]] = {name: [] for name in files}
        paths = [Path(p) for p in by_path]
        for batch in _batches(paths, ARGUMENT_BUDGET):
            for absolute, line, column, message in self._run(batch):
                name = by_path.get(absolute)
                if name is None:
                    raise SchemaError(
                        f"{self.path}: jing could not use this schema: "
                        f"{absolute}:{line}:{column}: {message}"
                    )
                found[name].append(Finding(name, line, column, "error", RULE_GRAMMAR, message))
        for name, findings in found.items():
            if findings:
                found[name] = _at_tags(files[name], findings)
        return found

    def check_bytes(self, data: bytes, name: str) -> list[Finding]:
        """Validate one document given as bytes (written to a private temporary file).

        Args:
            data: the document.
            name: its name, for the findings.

        Returns:
            The grammar findings.
        """
        with tempfile.TemporaryDirectory(prefix="teikit-jing-") as folder:
            path = Path(folder) / "document.xml"
            path.write_bytes(data)
            return self.check_files({name: path})[name]

    def _run(self, batch: list[Path]) -> Iterable[tuple[str, int, int, str]]:
        try:
            result = subprocess.run(
                [self.command, str(self.path), *map(str, batch)],
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError as exc:
            raise SchemaError(f"cannot run jing ({self.command}): {exc.strerror or exc}") from exc
        parsed = 0
        for raw in (result.stdout + "\n" + result.stderr).splitlines():
            match = _LINE.match(raw)
            if match is None or match.group("kind") == "warning":
                continue
            parsed += 1
            yield (
                match.group("path"),
                int(match.group("line")),
                int(match.group("col")),
                match.group("message").strip(),
            )
        if result.returncode != 0 and not parsed:
            detail = " ".join(
                line
                for line in result.stderr.splitlines()
                if line and not line.startswith("[warning]")
            )
            raise SchemaError(
                f"{self.path}: jing failed (exit {result.returncode})"
                + (f": {detail}" if detail else "")
            )


def _at_tags(path: Path, findings: list[Finding]) -> list[Finding]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return findings
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    moved = []
    for f in findings:
        line, column = _tag_position(text, starts, f.line or 1, f.column or 1, f.message)
        moved.append(Finding(f.path, line, column, f.severity, f.rule, f.message))
    return moved
