"""One mistake repeated thousands of times (pasted lines, a key copied down a file) gives a
bounded list: at most LISTED_PER_CODE findings of one code in one file, then one fler-fynd
finding that counts the rest; totals count every problem; the GitHub job summary stays under
its size limit and says what it leaves out (docs/decisions/0102-fynd-per-fil.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import BASE, build_case
from utsatta.check.pipeline import bounded
from utsatta.cli.app import app
from utsatta.findings import LISTED_PER_CODE, Finding, Severity, at_line
from utsatta.render.findings import SUMMARY_LIMIT, as_json, github, step_summary, summary, text

REPORT = "data/rapporter/2023/grundskolenamnden.yaml"


def duplicate(first: int, line: int) -> str:
    return (
        f"Nyckeln 'x' står två gånger på samma nivå: på rad {first} och här på rad {line}. "
        "Behåll den som är rätt och ta bort den andra, eller slå ihop dem; annars är det oklart "
        "vilket värde som gäller."
    )


def _repeated(tmp_path: Path, lines: int) -> Path:
    data = build_case(BASE / "no-such-case", tmp_path)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    with report.open("a", encoding="utf-8") as f:
        f.write("x: 1\n" * lines)
    return data


def _validate(data: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["validate", "--data", str(data), *args], catch_exceptions=False
    )
    return result.exit_code, result.stdout


def test_limit_is_the_documented_one() -> None:
    assert LISTED_PER_CODE == 50


def test_repeated_key_is_listed_50_times_then_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reviewer's case: 6,000 lines 'x: 1' appended to a report (the base report has 36
    lines): 5,999 duplicate keys and one unknown key, 6,000 errors."""
    monkeypatch.chdir(tmp_path)
    start = len((BASE / "rapporter" / "2023" / "grundskolenamnden.yaml").read_text().split("\n"))
    code, out = _validate(_repeated(tmp_path, 6000).relative_to(tmp_path))
    assert code == 1
    lines = out.splitlines()
    first = start  # the first 'x: 1' line
    assert lines[0] == (
        f"{REPORT}:{first}:1: fel [okant-falt] Okänd nyckel 'x' på filens översta nivå. Tillåtna "
        "nycklar här: schemaversion, ar, organisation, illustrativ, kontakt, insatser."
    )
    duplicates = [line for line in lines if " fel [dubblett-nyckel] " in line]
    assert duplicates[0] == (
        f"{REPORT}:{first + 1}:1: fel [dubblett-nyckel] {duplicate(first, first + 1)}"
    )
    assert duplicates[-1] == (
        f"{REPORT}:{first + 50}:1: fel [dubblett-nyckel] {duplicate(first, first + 50)}"
    )
    assert len(duplicates) == 50
    assert lines[-2:] == [
        f"{REPORT}:{first + 51}:1: fel [fler-fynd] Ytterligare 5 949 fynd av samma slag "
        f"([dubblett-nyckel]) i filen, på rad {first + 51}–{first + 5999}, visas inte: bara de "
        "första 50 visas. Rätta dem och kör kontrollen igen; ofta är det samma fel som "
        "upprepas.",
        "6000 fel och 0 varningar i 1 fil (12 kontrollerade).",
    ]
    assert len(lines) == 53


def test_json_gives_the_count(tmp_path: Path) -> None:
    code, out = _validate(_repeated(tmp_path, 6000), "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1
    assert len(findings) == 52
    [more] = [f for f in findings if f["code"] == "fler-fynd"]
    assert more["count"] == 5949
    assert more["severity"] == "fel"
    assert all("count" not in f for f in findings if f["code"] != "fler-fynd")


def test_github_summary_of_the_repeated_key_is_small(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _repeated(tmp_path, 6000)
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    code, out = _validate(data, "--format", "github")
    assert code == 1
    assert len(out.splitlines()) == 53
    written = summary_file.read_text(encoding="utf-8")
    assert "### Grundskolenämnden (6000 fel, 0 varningar)" in written
    assert len(written.encode("utf-8")) < 20_000


def _finding(file: str, line: int, code: str = "okant-falt", sev: str = "fel") -> Finding:
    return at_line(file, line, 1, code, f"Fynd på rad {line}.", Severity(sev))


def test_bounded_per_file_code_and_severity() -> None:
    a = [_finding("a.yaml", n) for n in range(1, 121)]
    b = [_finding("a.yaml", n, "okand-insats") for n in range(200, 203)]
    w = [_finding("a.yaml", n, "okant-falt", "varning") for n in range(300, 352)]
    c = [_finding("c.yaml", n) for n in range(1, 52)]
    out = bounded(sorted([*a, *b, *w, *c]))
    assert out[:51] == [
        *a[:50],
        Finding(
            "a.yaml",
            51,
            1,
            "fler-fynd",
            Severity.FEL,
            "Ytterligare 70 fynd av samma slag ([okant-falt]) i filen, på rad 51–120, visas "
            "inte: bara de första 50 visas. Rätta dem och kör kontrollen igen; ofta är det "
            "samma fel som upprepas.",
        ),
    ]
    assert out[50].count == 70
    more = [(f.file, f.line, f.severity, f.count) for f in out if f.code == "fler-fynd"]
    assert more == [
        ("a.yaml", 51, Severity.FEL, 70),
        ("a.yaml", 350, Severity.VARNING, 2),
        ("c.yaml", 51, Severity.FEL, 1),
    ]
    assert len(out) == 50 + 1 + 3 + 50 + 1 + 50 + 1
    assert out == sorted(out)
    assert summary(out, 2) == "174 fel och 52 varningar i 2 filer (2 kontrollerade)."
    assert bounded(a[:50]) == a[:50]


def test_one_left_out_names_its_line() -> None:
    out = bounded([_finding("c.yaml", n) for n in range(1, 52)])
    assert out[-1].message.startswith(
        "Ytterligare 1 fynd av samma slag ([okant-falt]) i filen, på rad 51, visas inte"
    )


def _many(files: int, per_file: int) -> list[Finding]:
    return [
        at_line(
            f"data/rapporter/2023/org-{i:05d}.yaml",
            n,
            3,
            "okant-falt" if n % 2 else "tom-kontakt",
            "Ett långt meddelande " + "med många ord " * 10 + f"({i}, {n}).",
            Severity.FEL if n % 2 else Severity.VARNING,
        )
        for i in range(files)
        for n in range(1, per_file + 1)
    ]


def test_job_summary_is_cut_under_the_limit_and_says_so() -> None:
    findings = _many(4000, 3)  # some 1.6 MB in full
    written = step_summary(findings, 4000, {})
    size = len(written.encode("utf-8"))
    assert SUMMARY_LIMIT - 2000 < size <= SUMMARY_LIMIT
    rows = written.count("\n| `data/")
    left_out = len(findings) - rows
    # The summary lists the files in the findings' order.
    errors_left = sum(1 for f in findings[rows:] if f.severity is Severity.FEL)
    assert written.endswith(
        f"**Sammanfattningen är avkortad:** {left_out} fynd ({errors_left} fel, "
        f"{left_out - errors_left} varningar) visas inte här, eftersom GitHub inte visar en "
        "sammanfattning över 1 MB. Hela listan finns i loggen för steget, och `utsatta "
        "validate` visar den lokalt.\n"
    )
    # The text and CI outputs are not cut: they are the full list.
    assert text(findings, 4000).count("\n") == len(findings) + 1
    assert github(findings, 4000).count("\n::") == len(findings) - 1


def test_job_summary_counts_what_a_fler_fynd_row_stands_for() -> None:
    findings = bounded(sorted(_finding("data/plan.yaml", n) for n in range(1, 1001)))
    written = step_summary(findings, 1, {}, limit=3000)
    assert "### Gemensamma datafiler (1000 fel, 0 varningar)" in written
    rows = written.count("\n| `data/")
    assert written.endswith(
        f"**Sammanfattningen är avkortad:** {1000 - rows} fynd ({1000 - rows} fel, 0 varningar) "
        "visas inte här, eftersom GitHub inte visar en sammanfattning över 1 MB. Hela listan "
        "finns i loggen för steget, och `utsatta validate` visar den lokalt.\n"
    )
    assert len(written.encode("utf-8")) <= 3000


def test_small_summary_is_not_cut() -> None:
    findings = _many(3, 2)
    written = step_summary(findings, 3, {})
    assert "avkortad" not in written
    assert written.count("\n| `data/") == 6
    assert as_json(findings, 3, ok=False).count('"code"') == 6


def test_reader_counts_the_duplicates_it_does_not_list() -> None:
    """Past the first LISTED_PER_CODE + 1 (the listed ones and the first left out), the
    reader builds no finding per duplicate key: two findings stand for the rest (the first
    counts all but the last), so 100,000 copies of a key cost what reading them costs."""
    from utsatta.load.yamlread import parse

    problems = parse("x: 1\n" * 6000).problems
    assert [p.code for p in problems] == ["dubblett-nyckel"] * (LISTED_PER_CODE + 3)
    assert [p.line for p in problems[-3:]] == [LISTED_PER_CODE + 2, LISTED_PER_CODE + 3, 6000]
    assert [p.count for p in problems[-3:]] == [1, 6000 - LISTED_PER_CODE - 3, 1]
    assert sum(p.count for p in problems) == 5999


def test_counted_duplicates_give_the_same_fler_fynd(tmp_path: Path) -> None:
    """Duplicates in a list item (found item by item) before the counted ones, and a second
    document that stops the reading: the first 50 by position are listed and fler-fynd counts
    the rest, from the first left out to the last, as when every duplicate was built."""
    data = build_case(BASE / "no-such-case", tmp_path)
    report = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    report.write_text(
        'schemaversion: 1\nar: 2023\ninsatser:\n- insats: "1:1"\n'
        + "".join(f"  x: {i}\n" for i in range(80))
        + "".join(f"k{i % 3}: {i}\n" for i in range(200))
        + "---\na: 1\n",
        encoding="utf-8",
    )
    code, out = _validate(data)
    lines = [line for line in out.splitlines() if "grundskolenamnden" in line]
    assert code == 1
    duplicates = [line for line in lines if " fel [dubblett-nyckel] " in line]
    assert len(duplicates) == 50
    assert duplicates[-1].endswith(f":55:3: fel [dubblett-nyckel] {duplicate(5, 55)}")
    [more] = [line for line in lines if " fel [fler-fynd] " in line]
    assert more.endswith(
        ":56:3: fel [fler-fynd] Ytterligare 226 fynd av samma slag ([dubblett-nyckel]) i "
        "filen, på rad 56–284, visas inte: bara de första 50 visas. Rätta dem och kör "
        "kontrollen igen; ofta är det samma fel som upprepas."
    )
    assert out.splitlines()[-1].startswith("277 fel ")
