"""Read one data file: bytes → text → plain data, with the file's own problems as findings.

The text is not kept: a file with findings is read again at the end to find their lines and
columns (``reread``), and a file that changed in between says so in a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utsatta.fileio import read_regular_stat, reason
from utsatta.findings import Finding, Severity, at_line
from utsatta.limits import MAX_FILE_BYTES, size_text
from utsatta.lineends import lines
from utsatta.load.yamlread import Positions, decode, parse

_BOM = b"\xef\xbb\xbf"

#: What identifies the version of a file that was read: its size and modification time.
Stamp = tuple[int, int]


@dataclass(eq=False, slots=True)
class RawFile:
    """One file after reading: plain data only (dict, list, str, int, float, bool, None)."""

    #: the parsed data; None when there is nothing to check (unreadable, not YAML, empty)
    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    #: aliases were replaced by nothing: schema errors about them would only mislead
    skip_schema: bool = False
    #: the file has YAML errors (duplicate keys …): not trusted for cross-checks
    yaml_errors: bool = False
    #: positions, when the file was read with ``track``
    positions: Positions | None = None
    stamp: Stamp | None = None
    #: a number the report may not show as written: looked at after the schema step
    numbers: bool = False


def _read(path: Path) -> tuple[bytes, Stamp]:
    # never opens a FIFO or device (it would block): those are NotRegularFile, an OSError
    content, st = read_regular_stat(path, limit=MAX_FILE_BYTES)
    if len(content) > MAX_FILE_BYTES:
        raise _TooLarge(st.st_size)
    return content, (st.st_size, st.st_mtime_ns)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


def read_raw(path: Path, display: str, *, track: bool = False) -> RawFile:
    """Read and parse one file. Never raises for bad input; problems become findings.

    ``track`` records the position of every key and value (the slow path, used by tests to
    prove that positions found later agree).
    """
    raw = RawFile()
    try:
        content, raw.stamp = _read(path)
    except _TooLarge as exc:
        raw.findings.append(
            at_line(
                display,
                1,
                1,
                "for-stor-fil",
                f"Filen är {size_text(exc.size)}; gränsen är {size_text(MAX_FILE_BYTES)}. Dela "
                "upp innehållet eller korta texterna.",
            )
        )
        return raw
    except OSError as exc:
        raw.findings.append(
            at_line(
                display,
                1,
                1,
                "kan-inte-lasa",
                f"Filen går inte att läsa ({reason(exc)}). Kontrollera att den är en vanlig "
                "fil som du har behörighet att läsa.",
            )
        )
        return raw
    text, problem = decode(content)
    if problem is not None or text is None:
        assert problem is not None
        raw.findings.append(problem.in_file(display))
        return raw
    result = parse(text, track=track, utf8=None if content.startswith(_BOM) else content)
    del content
    raw.positions = result.positions
    raw.findings += [p.in_file(display) for p in result.problems]
    if result.data is None:
        _say_check_stopped(raw.findings)
    raw.data = result.data
    raw.numbers = result.numbers
    raw.yaml_errors = any(p.severity == "fel" for p in result.problems)
    raw.skip_schema = any(p.code == "alias-ej-tillatet" for p in result.problems)
    return raw


#: The codes whose finding already says that the rest of the file is checked only once it is
#: fixed (a too large number, an odd line break), or with nothing else to check (empty file).
_SAYS_IT_ITSELF = frozenset({"for-stort-tal", "ovanlig-radbrytning", "tom-fil"})


def _say_check_stopped(findings: list[Finding]) -> None:
    """The error that stopped the reading (the last one: the parser stops at it) tells the
    writer that the rest of the file was not checked, so that a run with one finding is not
    read as "one thing left to fix" (docs/decisions/0620-fel-som-stoppar-kontrollen.md)."""
    for n in range(len(findings) - 1, -1, -1):
        f = findings[n]
        if f.severity == Severity.FEL:
            if f.code not in _SAYS_IT_ITSELF:
                where = f"på rad {f.line} " if f.line > 0 else ""
                findings[n] = Finding(
                    f.file,
                    f.line,
                    f.column,
                    f.code,
                    f.severity,
                    f"{f.message} Felet {where}stoppar kontrollen av hela filen: rätta "
                    "det och kör igen för att se om något mer i filen behöver rättas.",
                    f.path,
                    f.at_key,
                    f.count,
                )
            return


def file_lines(path: Path) -> list[str]:
    """The lines of the file as it is now; none when it cannot be read."""
    try:
        content, _ = _read(path)
    except (OSError, _TooLarge):
        return []
    text, _ = decode(content)
    return [] if text is None else lines(text)


def reread(path: Path, stamp: Stamp | None) -> tuple[Positions, bool]:
    """The positions of a file's keys and values, read again; and whether the file is still
    the version that was checked (if not, the positions are of the new version)."""
    try:
        content, now = _read(path)
    except (OSError, _TooLarge):
        return Positions(), False
    text, _ = decode(content)
    if text is None:
        return Positions(), False
    positions = parse(text, track=True).positions or Positions()
    return positions, now == stamp
