"""Stage one of reading a data file: bytes → text → plain data, with the file's YAML problems.

Free of pydantic and the models, so that worker processes can run it before this process has
imported them (see ``utsatta.load.readers``). Stage two, the schema check, is in
``utsatta.load.dataset``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from utsatta.findings import Issue, Severity

if TYPE_CHECKING:
    from utsatta.load.yamlread import Positions, YamlProblem

#: The free texts of a report's insatser, and the lists of them (a test checks these against the
#: model's text fields). Checks never read them; see ``stand_in_prose``.
PROSE = frozenset({"nulage", "fortsatt_arbete", "motivering", "samordning"})
PROSE_LISTS = frozenset({"behov"})
#: What a free text that is not blank becomes.
STAND_IN = "…"


@dataclass(slots=True)
class RawFile:
    """One file after stage one. Plain data only, so that it can cross a process boundary."""

    #: the parsed data; None when there is nothing to check (unreadable, not YAML, empty)
    data: Any = None
    issues: list[Issue] = field(default_factory=list)
    #: aliases were replaced by nothing: schema errors about them would only mislead
    skip_schema: bool = False
    #: the file has YAML errors (duplicate keys …): not trusted for cross-checks
    yaml_errors: bool = False
    #: the decoded text; workers leave it out (they keep the bytes for positions instead)
    text: str | None = None
    positions: Positions | None = None
    #: the bytes that were parsed (only when asked for: workers keep them in a file)
    content: bytes | None = None


def _file_problem(display: str, code: str, message: str) -> Issue:
    return Issue(display, (), code, Severity.FEL, message, line=1, column=1)


def _problem(display: str, p: YamlProblem) -> Issue:
    """A problem the YAML reader found, at its line and column."""
    return Issue(display, (), p.code, Severity(p.severity), p.message, line=p.line, column=p.column)


def read_raw(path: Path, display: str, *, track: bool = False, keep_bytes: bool = False) -> RawFile:
    """Read and parse one file. Never raises for bad input; problems become issues.

    ``track`` records the position of every key and value (the slow path, used by tests to
    prove that positions found later agree); ``keep_bytes`` keeps the bytes that were parsed.
    """
    # Imported here, not above: a process whose files were all parsed by workers never needs
    # the YAML parser (about 10 ms of imports).
    from utsatta.load.yamlread import MAX_FILE_BYTES, decode, parse

    raw = RawFile()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raw.issues.append(
                _file_problem(
                    display,
                    "for-stor-fil",
                    f"Filen är {size // 1024} kB; gränsen är {MAX_FILE_BYTES // 1024} kB. Dela "
                    "upp innehållet eller korta texterna.",
                )
            )
            return raw
        from utsatta.fileio import read_regular  # never blocks on a FIFO or device

        content = read_regular(path)
    except OSError as exc:
        raw.issues.append(
            _file_problem(
                display,
                "kan-inte-lasa",
                f"Filen går inte att läsa ({exc.strerror}). Kontrollera behörigheten.",
            )
        )
        return raw
    text, problem = decode(content)
    if problem is not None or text is None:
        assert problem is not None
        raw.issues.append(_problem(display, problem))
        return raw
    raw.text = text
    if keep_bytes:
        raw.content = content
    result = parse(text, track=track)
    raw.positions = result.positions
    raw.issues += [_problem(display, p) for p in result.problems]
    raw.data = result.data
    raw.yaml_errors = any(p.severity == "fel" for p in result.problems)
    raw.skip_schema = any(p.code == "alias-ej-tillatet" for p in result.problems)
    return raw


def _stand_in(value: Any) -> Any:
    return STAND_IN if type(value) is str and value.strip() else value


def stand_in_prose(data: Any) -> Any:
    """A report's data with each free text that is not blank replaced by a short stand-in.

    The schema judges a free text only by being text and not blank, and the checks never read
    it, so the stand-in gives the same findings; a worker process then sends a few bytes per
    text instead of kilobytes. Blank texts and values of any other type are left as they are
    (their findings may quote them), and so is anything not shaped like a report.
    """
    if type(data) is not dict or type(data.get("insatser")) is not list:
        return data
    items = []
    for item in data["insatser"]:
        if type(item) is dict:
            item = {
                k: _stand_in(v)
                if k in PROSE
                else [_stand_in(x) for x in v]
                if k in PROSE_LISTS and type(v) is list
                else v
                for k, v in item.items()
            }
        items.append(item)
    return {**data, "insatser": items}
