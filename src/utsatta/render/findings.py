"""Reporters for validation findings, chosen by name. Each returns the text to print.

Each reporter escapes for its own channel (docs/decisions/0061-escaping-per-channel.md): file
names with :func:`utsatta.escape.identifier`, the GitHub reporter and the job summary with the
CI and summary functions, so that no line of the CI log can become a workflow command and no
file name or message can break the summary's Markdown. The text reporter leaves the terminal
escaping to the output layer (``cli.output.out``) and only makes file names unambiguous."""

from __future__ import annotations

from collections.abc import Callable

from utsatta import escape
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
    lines = [
        # One line per finding: a line break in an echoed value is shown as "\n".
        f"{escape.identifier(f.file)}:{f.line}:{f.column}: {f.severity} [{f.code}] "
        f"{escape.terminal(f.message)}"
        for f in findings
    ]
    lines.append(summary(findings, files_checked))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding], files_checked: int, *, ok: bool) -> str:
    import json  # here, not at the top: validate's usual text output does not need it

    return (
        json.dumps(
            {"ok": ok, "findings": [f.as_dict() for f in findings]},
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def github(findings: list[Finding], files_checked: int) -> str:
    lines = []
    for f in findings:
        level = "error" if f.severity is Severity.FEL else "warning"
        lines.append(
            f"::{level} file={escape.ci_property(escape.identifier(f.file))},line={f.line},"
            f"col={f.column},title={escape.ci_property(f.code)}::"
            f"{escape.ci_message(f.message, multiline=True)}"
        )
    lines.append(escape.ci_text(summary(findings, files_checked)))
    return "\n".join(lines) + "\n"


REPORTER_BY_NAME: dict[str, Callable[[list[Finding], int], str]] = {
    "text": text,
    "github": github,
}


def step_summary(findings: list[Finding], files_checked: int, names: dict[str, str]) -> str:
    """A Markdown job summary for GitHub Actions, grouped by organisation.

    Annotations are capped per step, so the summary is where every finding can be read.
    """
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
            f"### {escape.summary_cell(key)} ({antal(errors, 'fel', 'fel')}, "
            f"{antal(len(items) - errors, 'varning', 'varningar')})",
            "",
            "| Plats | Allvarlighet | Kod | Meddelande |",
            "|---|---|---|---|",
        ]
        lines += [
            # The place is a code span (copied as it is); summary_code picks a fence longer
            # than any backtick run in the name and shows line breaks and invisible characters.
            f"| {escape.summary_code(f'{f.file}:{f.line}:{f.column}')} | {f.severity} | "
            f"{escape.summary_cell(f.code)} | {escape.summary_cell(f.message)} |"
            for f in items
        ]
        lines.append("")
    return "\n".join(lines) + "\n"
