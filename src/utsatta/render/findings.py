"""Reporters for validation findings, chosen by name. Each returns the text to print."""

from __future__ import annotations

import json
from collections.abc import Callable

from utsatta.findings import Finding, Severity


def antal(n: int, one: str, many: str) -> str:
    """A count with the right Swedish form: "1 fil", "2 filer"."""
    return f"{n} {one if n == 1 else many}"


def summary(findings: list[Finding], files_checked: int) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.FEL)
    warnings = len(findings) - errors
    if not findings:
        return f"Inga problem i {antal(files_checked, 'fil', 'filer')}."
    files = len({f.file for f in findings})
    return (
        f"{antal(errors, 'fel', 'fel')} och {antal(warnings, 'varning', 'varningar')} i "
        f"{antal(files, 'fil', 'filer')} ({files_checked} kontrollerade)."
    )


def text(findings: list[Finding], files_checked: int) -> str:
    lines = [f"{f.file}:{f.line}:{f.column}: {f.severity} [{f.code}] {f.message}" for f in findings]
    lines.append(summary(findings, files_checked))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding], files_checked: int, *, ok: bool) -> str:
    return (
        json.dumps(
            {"ok": ok, "findings": [f.as_dict() for f in findings]},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def _escape_data(s: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], files_checked: int) -> str:
    lines = []
    for f in findings:
        level = "error" if f.severity is Severity.FEL else "warning"
        lines.append(
            f"::{level} file={_escape_property(f.file)},line={f.line},col={f.column},"
            f"title={_escape_property(f.code)}::{_escape_data(f.message)}"
        )
    lines.append(summary(findings, files_checked))
    return "\n".join(lines) + "\n"


REPORTER_BY_NAME: dict[str, Callable[[list[Finding], int], str]] = {
    "text": text,
    "github": github,
}


def _code(text: str) -> str:
    return text.replace("|", "\\|")


def step_summary(findings: list[Finding], files_checked: int, names: dict[str, str]) -> str:
    """A Markdown job summary for GitHub Actions, grouped by organisation.

    Annotations are capped per step, so the summary is where every finding can be read.
    """
    from utsatta.render.markdown import cell as _cell

    lines = ["## utsatta validate", "", summary(findings, files_checked), ""]
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        parts = f.file.split("/")
        if len(parts) >= 3 and parts[-3] == "rapporter" and parts[-1].endswith(".yaml"):
            org = parts[-1][: -len(".yaml")]
            key = names.get(org, org)
        else:
            key = "Gemensamma datafiler"
        groups.setdefault(key, []).append(f)
    for key in sorted(groups, key=lambda k: (k == "Gemensamma datafiler", k)):
        items = groups[key]
        errors = sum(1 for f in items if f.severity is Severity.FEL)
        lines += [
            f"### {_cell(key)} ({antal(errors, 'fel', 'fel')}, "
            f"{antal(len(items) - errors, 'varning', 'varningar')})",
            "",
            "| Plats | Allvarlighet | Kod | Meddelande |",
            "|---|---|---|---|",
        ]
        lines += [
            # The place is a code span (copied as it is), so only a pipe needs escaping there.
            f"| `{_code(f.file)}:{f.line}:{f.column}` | {f.severity} | {f.code} | "
            f"{_cell(f.message)} |"
            for f in items
        ]
        lines.append("")
    return "\n".join(lines) + "\n"
