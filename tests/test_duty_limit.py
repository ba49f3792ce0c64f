"""The bound on the plan's duties (for-manga-ansvar, docs/decisions/0576-granser-for-ansvar.md):
plan.yaml and organisationer.yaml far under the file limit whose product (insatser × the
organisations of a group) is millions of duties a year get one finding, in bounded memory, and
no command builds the matrix. Messages that list insatser name at most ``LISTADE_INSATSER``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import utsatta.check.duty_limit
import utsatta.compute.duties
from tests.support import BASE, ROOT
from utsatta.check import validate
from utsatta.compute.duties import duties_in_plan, duties_of, too_many_duties, year_matrix
from utsatta.limits import MAX_DUTIES
from utsatta.load.dataset import load
from utsatta.wording import LISTADE_INSATSER
from utsatta.wording import insatser as insatser_text


def _many(into: Path, orgs: int, insatser: int) -> Path:
    """_base with ``orgs`` more organisations in the group 'samtliga-med-verksamhet' (by its
    flag, one line each) and ``insatser`` more insatser whose ansvar is that group: granska19's
    data (3 000 × 500 there, 1.4 GB and 22 s before the limit)."""
    import shutil

    data = into / "data"
    shutil.copytree(BASE, data)
    p = data / "organisationer.yaml"
    t = p.read_text(encoding="utf-8")
    at = t.index("organisationer:\n") + len("organisationer:\n")
    extra = "".join(
        f"  - {{id: o{k}, namn: O{k}, typ: namnd, verksamhet_i_utsatta_omraden: true}}\n"
        for k in range(orgs)
    )
    p.write_text(t[:at] + extra + t[at:], encoding="utf-8")
    p = data / "plan.yaml"
    t = p.read_text(encoding="utf-8")
    at = t.index("insatser:\n") + len("insatser:\n")
    extra = "".join(
        f'  - id: "1:{100 + k}"\n    fokusomrade: "1"\n    titel: T{k}\n'
        "    forvantat_resultat: R\n    samordningsansvar: [grundskolenamnden]\n"
        "    ansvar: [samtliga-med-verksamhet]\n"
        "    uppfoljning:\n      typ: arlig\n      text: X\n"
        for k in range(insatser)
    )
    p.write_text(t[:at] + extra + t[at:], encoding="utf-8")
    return data


#: Runs ARGS[2:] as a child and writes its peak RSS (kB) to ARGS[1]. Linux keeps a process's
#: peak across exec, so a command started straight from the test would count the test
#: process's memory (a pytest worker of 1 GB); forked from this small process it counts its own.
_PEAK = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[2:])\n"
    "_, status, usage = os.wait4(p.pid, 0)\n"
    "with open(sys.argv[1], 'w') as f:\n"
    "    f.write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def _run(args: list[str], cwd: Path) -> tuple[int, str, int]:
    """Exit code, stdout + stderr and peak RSS in kB (Linux) of ``utsatta ARGS`` in its own
    process."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("GITHUB_ACTIONS", None)
    peak = cwd / "peak.txt"
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(peak), sys.executable, "-m", "utsatta", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        check=False,
    )
    return done.returncode, done.stdout.decode("utf-8"), int(peak.read_text())


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kB on Linux")
def test_granska19_data_is_one_finding_in_bounded_memory(tmp_path: Path) -> None:
    """3 000 organisations × 500 insatser (1.5 million duties a year): validate and status
    stop with the finding, far under the 1.4 GB the matrix took; nothing like a traceback."""
    data = _many(tmp_path, 3000, 500)
    code, out, rss = _run(["validate", "--data", str(data)], tmp_path)
    assert code == 1
    # an upper bound, said as one (0583): a pair reached two ways counts twice
    assert (
        "plan.yaml:21:1: fel [for-manga-ansvar] Planen kan ge upp till 1 504 510 ansvar per år "
        in out
    )
    assert "fler än gränsen 100 000" in out
    assert "Traceback" not in out
    assert out.count("[for-manga-ansvar]") == 1
    assert rss < 250_000, f"validate used {rss} kB"
    commands = (
        ["status", "2023"],
        ["report", "2023", "--format", "md"],
        ["export", "2023", "--output", "ut.xlsx"],
        ["ny", "rapport", "2023", "o7"],
    )
    for args in commands:
        code, out, rss = _run([*args, "--data", str(data)], tmp_path)
        assert code == 1, out
        assert "[for-manga-ansvar]" in out
        assert "Traceback" not in out
        assert rss < 250_000, f"{args[0]} used {rss} kB"
    assert not (tmp_path / "ut.xlsx").exists()
    assert not (data / "rapporter" / "2023" / "o7.yaml").exists()


def test_no_matrix_past_the_limit(tmp_path: Path) -> None:
    """Past the limit the library builds no duties and no matrix, and the rules that ask who
    holds what (ej-ansvarig, lydelse) are left out: only the finding is given."""
    ds = load(_many(tmp_path, 600, 200))
    assert duties_in_plan(ds) > MAX_DUTIES
    assert too_many_duties(ds)
    assert duties_of(ds) is None
    assert year_matrix(ds, 2023) is None
    result = validate(ds.root)
    assert [(f.file.rsplit("/", 1)[-1], f.line, f.code) for f in result.findings] == [
        ("plan.yaml", 21, "for-manga-ansvar")
    ]


def test_the_limit_is_the_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At the limit nothing is said and the matrix is built; one duty more and the finding
    comes, with no completeness finding: one count (``duty_count``) for the check and for
    every place that skips the work."""
    data = _many(tmp_path, 5, 3)
    n = duties_in_plan(load(data))

    def at(limit: int) -> list[str]:
        for module in (utsatta.check.duty_limit, utsatta.compute.duties):
            monkeypatch.setattr(module, "MAX_DUTIES", limit)
        return [f.code for f in validate(data).findings]

    assert "for-manga-ansvar" not in at(n)
    assert "rapport-saknas" in at(n)
    codes = at(n - 1)
    assert codes == ["for-manga-ansvar"]


def test_the_count_is_an_upper_bound_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped data: 157 duties counted, at most 102 pairs in a year (a successor or an
    organisation in a group reached two ways counts twice, and a ceased one every year; exact
    would cost the pairs). The message says "upp till", not that the plan gives 157 (0583).
    Not 161: konsument- och medborgarservice, gone before 2022, is no member of the group that
    2:1 and 2:4 name, so neither it nor its successor counts twice there (0611)."""
    data = ROOT / "data"
    ds = load(data)
    duties = duties_of(ds)
    assert ds.plan and ds.plan.model and duties is not None
    pairs = [
        sum(len(duties.responsible(i.id, ar)) for i in ds.plan.model.insatser)
        for ar in range(2022, 2026)
    ]
    assert (duties_in_plan(ds), max(pairs)) == (157, 102)
    for module in (utsatta.check.duty_limit, utsatta.compute.duties):
        monkeypatch.setattr(module, "MAX_DUTIES", 150)
    (finding,) = [f for f in validate(data).findings if f.code == "for-manga-ansvar"]
    assert finding.message.startswith(
        "Planen kan ge upp till 157 ansvar per år (en insats gånger en organisation som ska "
        "rapportera den; en organisation som insatsen når på två sätt räknas två gånger), fler "
        "än gränsen 150. Planen har 15 insatser. "
    )


def test_successors_are_counted(tmp_path: Path) -> None:
    """granska19b F2: one organisation with 6 000 successors, named by 20 insatser, owes through
    them 120 020 duties a year; the count left heirs out and said 20."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    p = data / "organisationer.yaml"
    t = p.read_text(encoding="utf-8")
    at = t.index("organisationer:\n") + len("organisationer:\n")
    heirs = "".join(f"      - {{organisation: n{k}, tolkning: slutledd}}\n" for k in range(6000))
    extra = (
        "  - id: gammal\n    namn: Gamla nämnden\n    typ: namnd\n"
        "    verksamhet_i_utsatta_omraden: false\n    giltig_till: '2022-12-31'\n"
        "    efterfoljare:\n" + heirs
    ) + "".join(
        f"  - {{id: n{k}, namn: N{k}, typ: namnd, verksamhet_i_utsatta_omraden: false, "
        "giltig_fran: '2023-01-01'}\n"
        for k in range(6000)
    )
    p.write_text(t[:at] + extra + t[at:], encoding="utf-8")
    p = data / "plan.yaml"
    t = p.read_text(encoding="utf-8")
    at = t.index("insatser:\n") + len("insatser:\n")
    p.write_text(
        t[:at]
        + "".join(
            f'  - id: "1:{100 + k}"\n    fokusomrade: "1"\n    titel: T{k}\n'
            "    forvantat_resultat: R\n    samordningsansvar: [grundskolenamnden]\n"
            "    ansvar: [gammal]\n"
            "    uppfoljning:\n      typ: arlig\n      text: X\n"
            for k in range(20)
        )
        + t[at:],
        encoding="utf-8",
    )
    ds = load(data)
    assert duties_in_plan(ds) - duties_in_plan(load(BASE)) == 20 * (6001 + 1)
    assert duties_of(ds) is None
    (finding,) = [f for f in validate(data).findings if f.code == "for-manga-ansvar"]
    assert (
        "Mest ger organisationen 'gammal', vars ansvar går vidare till högst 6 000 "
        "efterträdare (med deras efterträdare), som 20 insatser nämner (upp till 120 020 "
        "ansvar)."
    ) in finding.message


def test_shipped_data_far_under_the_limit() -> None:
    """The shipped data has about a hundred duties a year; the benchmark's 20 000 files
    (benchmarks/generate.py: 5 000 organisations that owe two insatser) about 10 000."""
    assert duties_in_plan(load(ROOT / "data")) < MAX_DUTIES / 500


def test_listed_insatser_bounded() -> None:
    """A few insatser are named as before, byte for byte; hundreds are named up to the limit,
    then counted."""
    assert insatser_text(["1:1"]) == "insats 1:1"
    assert insatser_text(["1:1", "2:1", "2:4"]) == "insatserna 1:1, 2:1 och 2:4"
    ids = [f"3:{k}" for k in range(100, 600)]
    exact = ids[:LISTADE_INSATSER]
    assert insatser_text(exact) == f"insatserna {', '.join(exact[:-1])} och {exact[-1]}"
    text = insatser_text(ids)
    assert text == f"insatserna {', '.join(ids[:LISTADE_INSATSER])} och 480 till"
    assert len(text) < 200
