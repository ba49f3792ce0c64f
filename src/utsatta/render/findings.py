"""Reporters for validation findings, chosen by name. Each returns the text to print.

Each reporter escapes for its own channel (docs/decisions/0061-escaping-per-channel.md): file
names with :func:`utsatta.escape.identifier`, the GitHub reporter and the job summary with the
CI and summary functions, so that no line of the CI log can become a workflow command and no
file name or message can break the summary's Markdown. The text reporter leaves the terminal
escaping to the output layer (``cli.output.out``) and only makes file names unambiguous."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple

from utsatta import escape
from utsatta.findings import Finding, Severity
from utsatta.wording import LISTADE_NAMN, LISTADE_VARDEN, begransad


def antal(n: int, one: str, many: str) -> str:
    """A count with the right Swedish form: "1 fil", "2 filer"."""
    return f"{n} {one if n == 1 else many}"


def _counts(findings: list[Finding]) -> tuple[int, int]:
    """Errors and warnings, each finding counted for the problems it stands for (a
    ``fler-fynd`` finding for those of its kind not listed)."""
    errors = sum(f.count for f in findings if f.severity is Severity.FEL)
    return errors, sum(f.count for f in findings) - errors


def warning_count(findings: list[Finding]) -> int:
    """The warnings among ``findings``, counted as the closing line of ``validate`` counts
    them (a ``fler-fynd`` finding for the problems it stands for)."""
    return _counts(findings)[1]


def summary(
    findings: list[Finding],
    files_checked: int,
    not_shown: dict[str, int] | None = None,
    name: Callable[[str], str] = escape.identifier,
    *,
    data_dirs: Sequence[str] = (),
) -> str:
    """The closing line. ``not_shown`` (a check of named files only): the findings in other
    files that are not listed, per file, each name written with ``name`` (the channel's
    escaping); such a check speaks of the named files only, never of the whole folder.
    ``data_dirs``: the data folders the files were checked in, so the advice is the run that
    shows them ("utsatta validate --data MAPP"; without: "utsatta validate utan filnamn")."""
    errors, warnings = _counts(findings)
    if not_shown is None:
        if not findings:
            return f"Inga problem i {antal(files_checked, 'fil', 'filer')}."
        checked = f"{files_checked} kontrollerade"
    else:
        named = antal(files_checked, "namngiven fil", "namngivna filer")
        checked = f"delkontroll av {named}"
    if not findings:
        line = f"Inga problem i {named}."
    else:
        files = len({f.file for f in findings})
        line = (
            f"{antal(errors, 'fel', 'fel')} och {antal(warnings, 'varning', 'varningar')} i "
            f"{antal(files, 'fil', 'filer')} ({checked})."
        )
    if not_shown:
        names = [name(file) for file in not_shown]
        line += (
            f" {antal(sum(not_shown.values()), 'fynd', 'fynd')} i andra filer visas inte "
            f"({begransad(names, _NAMED_OTHERS, och_last=False)}); "
            f"kör {_see_all(data_dirs, name)} för att se dem."
        )
    return line


def _see_all(data_dirs: Sequence[str], name: Callable[[str], str]) -> str:
    # each folder's whole check, written as the channel writes a name (identifier escaping
    # changes only the folder's own characters; the job summary makes it inline code)
    if not data_dirs:
        return "utsatta validate utan filnamn"
    return " och ".join(name(escape.utsatta_command("validate", data=d)) for d in data_dirs)


#: The files with findings not shown that the closing line names (then "och N till").
_NAMED_OTHERS = 3


def text(
    findings: list[Finding],
    files_checked: int,
    not_shown: dict[str, int] | None = None,
    *,
    closing: bool = True,
    data_dirs: Sequence[str] = (),
    organisations: Collection[str] | None = None,
) -> str:
    """One line per finding, then (``closing``) the closing line; ``closing=False`` for a
    command with a closing line of its own (fmt). ``organisations`` (validate: the known ids):
    the line :func:`per_organisation` before the closing line."""
    lines = [
        # One line per finding: a line break in an echoed value is shown as "\n".
        f"{escape.identifier(f.file)}:{f.line}:{f.column}: {f.severity} [{f.code}] "
        f"{escape.terminal(f.message)}"
        for f in findings
    ]
    if closing:
        per_org = per_organisation(findings, organisations) if organisations is not None else None
        if per_org is not None:
            lines.append(per_org)
        lines.append(summary(findings, files_checked, not_shown, data_dirs=data_dirs))
    return "\n".join(lines) + "\n" if lines else ""


#: The group of the findings outside the reports (plan, organisationer, indikatorer …).
COMMON = "gemensamma datafiler"
#: the same group as the job summary's heading
COMMON_HEADING = COMMON.capitalize()


class Owner(NamedTuple):
    """Whose a finding's file is: a known organisation's (``org``, its id), else the file's own
    (``org`` None: a file whose name names no organisation, shown as the file ``name``);
    ``year`` the report folder's year, None for a file right in uppfoljning/ or rapporter/
    (``folder``)."""

    org: str | None
    name: str
    year: str | None
    folder: str = "uppfoljning"

    @property
    def place(self) -> tuple[bool, str]:
        """Where the file lies, as the line per organisation says it: (False, the year) for a
        year folder, (True, "i uppfoljning/" or "i rapporter/") for a file right in one of
        them; sorted, the year folders come first."""
        return (False, self.year) if self.year is not None else (True, f"i {self.folder}/")


def _stem(name: str) -> str:
    """A file name without its extensions, in lower case: "higab.yml", "higab.yaml.txt",
    "Higab.YAML" → "higab"."""
    return name.split(".", 1)[0].lower()


def owner_of(file: str, organisations: Collection[str]) -> Owner | None:
    """Whose ``file`` is (granska17 F-g, docs/decisions/0544-vems-fil-i-sammanfattningen.md):
    a file in rapporter/<år>/, right in rapporter/ or in uppfoljning/ is the organisation's that
    its name names (without extensions, in lower case: a report saved as higab.yml is still
    Higab's), else its own; None for the common files (plan, organisationer, områden,
    indikatorer) and for the year's uppföljning (uppfoljning/<år>…, whose name is a year). The
    file may be one that is missing, as rapport-saknas names it."""
    parts = file.split("/")
    if len(parts) >= 3 and parts[-3] == "rapporter":
        year: str | None = parts[-2]
    elif len(parts) >= 2 and parts[-2] in ("uppfoljning", "rapporter"):
        # also a report saved right in rapporter/, without its year folder: Higab's to move
        year = None
    else:
        return None
    stem = _stem(parts[-1])
    if stem in organisations:
        return Owner(stem, parts[-1], year, parts[-2])
    if parts[-2] == "uppfoljning" and stem.isascii() and stem.isdigit():
        return None  # the year's uppföljning, however its extension is spelt
    return Owner(None, parts[-1], year, parts[-2])


def _tally(findings: list[Finding]) -> str:
    errors, warnings = _counts(findings)
    said = [antal(errors, "fel", "fel")] if errors else []
    return ", ".join([*said, antal(warnings, "varning", "varningar")] if warnings else said)


def _quoted(name: str) -> str:
    """A name from the data that is no organisation's id (a file's, a folder's), in quotes that
    it cannot close: every character shown as a file name is (escape.identifier, which doubles
    a backslash), then ' written with a backslash before it, so that no "; " or "(" in it reads
    as the line's own."""
    return "'" + escape.identifier(name).replace("'", "\\'") + "'"


def per_organisation(findings: list[Finding], organisations: Collection[str]) -> str | None:
    """The line before the closing line of a whole check: the findings per organisation (its
    reports' years in brackets), by id; then the files in rapporter/ and uppfoljning/ not named
    after one of the known ``organisations`` (:func:`owner_of`; its file name, quoted, for a
    name is no organisation, granska16 #3; the line is then "Per organisation och fil"); then
    those in the common files. None when the findings are in one file (the list says it all)
    or in no report. One line, so that the closing line stays the last."""
    if len({f.file for f in findings}) < 2:
        return None
    groups: dict[tuple[bool, str], list[Finding]] = {}
    places: dict[tuple[bool, str], set[tuple[bool, str]]] = {}
    common: list[Finding] = []
    for f in findings:
        owner = owner_of(f.file, organisations)
        if owner is None:
            common.append(f)
            continue
        # the known organisations first, by id; then the files, by name
        key = (False, owner.org) if owner.org is not None else (True, owner.name)
        groups.setdefault(key, []).append(f)
        places.setdefault(key, set()).add(owner.place)
    if not groups:
        return None
    parts = []
    for key in sorted(groups):
        unknown, name = key
        label = (
            f"{'filerna' if len(places[key]) > 1 else 'filen'} {_quoted(name)}"
            if unknown
            else name  # an id: letters, digits and '-' only (model.common.Id)
        )
        # the year folders' names, then "i rapporter/", "i uppfoljning/" for a file right in
        # one (the code's own words, never quoted)
        said = [
            where if loose or (where.isascii() and where.isdigit()) else _quoted(where)
            for loose, where in sorted(places[key])
        ]
        parts.append(
            f"{label} {_tally(groups[key])} ({begransad(said, LISTADE_VARDEN, och_last=False)})"
        )
    # a folder of 500 reports is no line: the first by id, then how many more (0581)
    parts = [begransad(parts, LISTADE_NAMN, "; ", och_last=False)] if parts else []
    if common:
        parts.append(f"{COMMON} {_tally(common)}")
    # the label is the code's own, never the data's: "och fil" only when a file is listed
    # (granska16: "Per organisation:" before "filen 'skolan.yaml'" called a file one)
    files = any(unknown for unknown, _ in groups)
    return f"Per organisation{' och fil' if files else ''}: " + "; ".join(parts) + "."


def as_json(
    findings: list[Finding],
    files_checked: int,
    *,
    ok: bool,
    not_shown: dict[str, int] | None = None,
) -> str:
    import json  # here, not at the top: validate's usual text output does not need it

    document: dict[str, object] = {"ok": ok, "findings": [f.as_dict() for f in findings]}
    if not_shown is not None:  # a check of named files only: what it leaves out, per file
        document["not_shown"] = not_shown
    return (
        json.dumps(
            document,
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def github(
    findings: list[Finding],
    files_checked: int,
    not_shown: dict[str, int] | None = None,
    *,
    closing: bool = True,
    data_dirs: Sequence[str] = (),
) -> str:
    """Workflow commands: one annotation per finding, its file from the repository root
    (GITHUB_WORKSPACE), then (``closing``) the closing line."""
    import os

    from utsatta.load.files import workspace_path

    workspace = os.environ.get("GITHUB_WORKSPACE")
    lines = []
    for f in findings:
        level = "error" if f.severity is Severity.FEL else "warning"
        file = workspace_path(f.file, workspace)
        lines.append(
            f"::{level} file={escape.ci_property(escape.identifier(file))},line={f.line},"
            f"col={f.column},title={escape.ci_property(f.code)}::"
            f"{escape.ci_message(f.message, multiline=True)}"
        )
    if closing:
        lines.append(
            escape.ci_text(summary(findings, files_checked, not_shown, data_dirs=data_dirs))
        )
    return "\n".join(lines) + "\n" if lines else ""


REPORTER_BY_NAME: dict[str, Callable[[list[Finding], int], str]] = {
    "text": text,
    "github": github,
}


#: The most bytes (UTF-8) of a job summary: GitHub drops a step's summary over 1 MiB
#: whole, and the step may write more than this one; with room left for the closing line.
SUMMARY_LIMIT = 512 * 1024


def step_summary(
    findings: list[Finding],
    files_checked: int,
    names: dict[str, str],
    *,
    limit: int = SUMMARY_LIMIT,
    not_shown: dict[str, int] | None = None,
    data_dirs: Sequence[str] = (),
) -> str:
    """A Markdown job summary for GitHub Actions, grouped by organisation.

    Annotations are capped per step, so the summary is where the findings can be read: all of
    them, unless the summary would exceed ``limit`` bytes; then it ends with a line that says
    how many are left out and that the step's log has them all.
    """
    lines = [
        "## utsatta validate",
        "",
        summary(findings, files_checked, not_shown, name=escape.summary_code, data_dirs=data_dirs),
        "",
    ]
    groups: dict[tuple[int, str], list[Finding]] = {}
    for f in findings:
        owner = owner_of(f.file, names)
        # a known organisation by its name (a text), first; then a file no organisation's,
        # as the line per organisation shows it (escape.identifier: NBSP, zero-width …
        # visible, quoted); the common files last
        if owner is None:
            key = (2, COMMON_HEADING)
        elif owner.org is not None:
            key = (0, names.get(owner.org) or owner.org)
        else:
            key = (1, f"Filen {_quoted(owner.name)}")
        groups.setdefault(key, []).append(f)
    size = _size(lines)
    listed: list[Finding] = []
    full = False
    for rank, heading in sorted(groups):
        items = groups[rank, heading]
        errors, warnings = _counts(items)
        block = [
            f"### {escape.summary_cell(heading)} ({antal(errors, 'fel', 'fel')}, "
            f"{antal(warnings, 'varning', 'varningar')})",
            "",
            "| Plats | Allvarlighet | Kod | Meddelande |",
            "|---|---|---|---|",
        ]
        size += _size(block) + 1  # and the blank line after the table
        for f in items:
            # The place is a code span (copied as it is); summary_code picks a fence longer
            # than any backtick run in the name and shows line breaks and invisible characters.
            row = (
                f"| {escape.summary_code(f'{f.file}:{f.line}:{f.column}')} | {f.severity} | "
                f"{escape.summary_cell(f.code)} | {escape.summary_cell(f.message)} |"
            )
            size += len(row.encode("utf-8")) + 1
            if size > limit - _CUT_RESERVE:
                full = True
                break
            block.append(row)
            listed.append(f)
        if len(block) > 4:  # a heading only with its rows
            lines += [*block, ""]
        if full:
            lines.append(_cut_line(findings, listed))
            break
    return "\n".join(lines) + "\n"


#: Room kept for the line that says the summary is cut (it is well under 400 bytes).
_CUT_RESERVE = 1024


def _size(lines: list[str]) -> int:
    """The bytes of ``lines`` joined, each with its line break."""
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def _cut_line(findings: list[Finding], listed: list[Finding]) -> str:
    """What the job summary says when it ends before the findings do (``listed``: the ones
    it shows)."""
    errors, warnings = _counts(findings)
    shown_errors, shown_warnings = _counts(listed)
    errors -= shown_errors
    warnings -= shown_warnings
    return (
        f"**Sammanfattningen är avkortad:** {antal(errors + warnings, 'fynd', 'fynd')} "
        f"({antal(errors, 'fel', 'fel')}, {antal(warnings, 'varning', 'varningar')}) visas inte "
        "här, eftersom GitHub inte visar en sammanfattning över 1 MB. Hela listan finns i "
        "loggen för steget, och `utsatta validate` visar den lokalt."
    )
