"""The one-core figures of issue 12, as ratios measured in one interleaved run.

    python -m pip install ".[bench]"
    python benchmarks/run.py --files 500 5000 --runs 5
    python benchmarks/run.py --files 500 5000 20000 --runs 3   # also linear growth, memory

Every command is a whole process pinned to one core (``taskset -c 0``), and the commands take
turns, run after run, so that a busy machine slows them all alike; each figure is the median of
the runs. Time is the CPU time (user + system) of the process, which a neighbour on the other
core does not change; the wall time is printed too. Memory is the process's peak RSS.

Compared on the same synthetic files (``benchmarks/generate.py``): ``utsatta validate``, a bare
parse with PyYAML's C loader (the floor: no validation at all), ``check-jsonschema`` with the
report schema from ``utsatta schema`` (schema only, no checks across files), and
``utsatta report 2023``. Start-up: ``utsatta validate`` on the shipped data and ``utsatta
--help`` against ``python -c 'from pydantic import BaseModel'``, and beside them the library
floor (``LIBRARY_FLOOR``: what any ``validate`` on Typer, ruamel.yaml and pydantic models costs
before its own code), so that validate's own part above that floor shows; for ``--help`` the
floor is ``python -c 'import typer'``.

Install as a user does, not editable: pip compiles the package to bytecode at install time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

BARE_PARSE = """
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
for path in sorted(root.rglob("*.yaml")):
    with path.open("rb") as fh:
        yaml.load(fh, Loader=yaml.CSafeLoader)
"""
PYDANTIC = "from pydantic import BaseModel"
# The least a `validate` built on this design must do before any of our code: import Typer and
# ruamel.yaml, and define and use one pydantic model with one field (which also loads pydantic's
# plugin loader and importlib.metadata, as every model class does).
LIBRARY_FLOOR = """
import typer, ruamel.yaml
from pydantic import BaseModel
class M(BaseModel):
    x: int
M.model_validate({"x": 1})
"""


def _which(name: str) -> str | None:
    """A command of this Python's environment first, then from PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def _utsatta() -> list[str]:
    exe = _which("utsatta")
    return [exe] if exe else [sys.executable, "-m", "utsatta"]


def _pinned(cmd: list[str]) -> list[str]:
    taskset = shutil.which("taskset")
    return [taskset, "-c", "0", *cmd] if taskset else cmd


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, peak RSS in MB) of one whole process."""
    import time

    start = time.perf_counter()
    proc = subprocess.Popen(_pinned(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else b""
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd} misslyckades ({proc.returncode}): {err[-2000:]!r}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024


def _valid(ut: list[str], data: Path) -> bool:
    """Whether ``utsatta validate`` finds nothing in ``data``: a kept folder that a newer rule
    warns about would have its findings printed and its files read again for the positions,
    which is not the run being measured."""
    cmd = [*ut, "validate", "--data", str(data), "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, check=False)
    return done.returncode == 0 and json.loads(done.stdout)["findings"] == []


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float, int]]:
    """Median CPU and wall time and the largest peak RSS of each command, taking turns."""
    for cmd in commands.values():
        measure(cmd)  # warm the page cache and the bytecode
    seen: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            seen[name].append(measure(cmd))
    return {
        name: (
            statistics.median(c for c, _, _ in got),
            statistics.median(w for _, w, _ in got),
            max(m for _, _, m in got),
        )
        for name, got in seen.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="utsatta-bench-"))
    ut = _utsatta()
    schema_dir = work / "schema"
    subprocess.run(
        [*ut, "schema", "--output", str(schema_dir), "--force"], check=True, capture_output=True
    )
    check = _which("check-jsonschema")
    commands: dict[str, list[str]] = {
        "pydantic": [sys.executable, "-c", PYDANTIC],
        "floor": [sys.executable, "-c", LIBRARY_FLOOR],
        "start validate": [*ut, "validate"],
        "start --help": [*ut, "--help"],
        "typer": [sys.executable, "-c", "import typer"],
    }
    sizes: dict[int, float] = {}
    for n in args.files:
        data = work / f"data-{n}"
        # Data kept from an earlier run may predate a rule (then every command would time
        # findings and a report that stops early): only valid data is measured.
        if not (data / "plan.yaml").exists() or not _valid(ut, data):
            generate(data, n)
            if not _valid(ut, data):
                sys.exit(f"{data}: den genererade datan är inte giltig (utsatta validate).")
        sizes[n] = sum(p.stat().st_size for p in data.rglob("*.yaml")) / 1e6
        commands[f"validate {n}"] = [*ut, "validate", "--data", str(data)]
        commands[f"parse {n}"] = [sys.executable, "-c", BARE_PARSE, str(data)]
        if n <= 5000:
            commands[f"report {n}"] = [*ut, "report", "2023", "--data", str(data)]
            if check:
                reports = sorted(map(str, (data / "rapporter").rglob("*.yaml")))
                commands[f"cjs {n}"] = [
                    check,
                    "--schemafile",
                    str(schema_dir / "rapport.schema.json"),
                    *reports,
                ]
    got = interleaved(commands, args.runs)

    def cpu(name: str) -> float:
        return got[name][0]

    def line(what: str, value: str, target: str, ok: bool) -> None:
        verdict = "–" if target == "–" else "uppfyllt" if ok else "EJ UPPFYLLT"
        print(f"| {what} | {value} | {target} | {verdict} |")

    print(f"\nCPU-tid på en kärna (taskset -c 0), median av {args.runs} turvisa körningar.\n")
    print("| Mätning | Resultat | Mål | |\n|---|---|---|---|")
    base = cpu("pydantic")
    r = cpu("start validate") / base
    line(
        "validate på den levererade datan / `from pydantic import BaseModel`",
        f"{cpu('start validate'):.3f} s / {base:.3f} s = {r:.2f}×",
        "≤ 2,2×",
        r <= 2.2,
    )
    floor = cpu("floor")
    line(
        "biblioteksgolvet (Typer, ruamel.yaml, en pydantic-modell med ett fält) / "
        "`from pydantic import BaseModel`",
        f"{floor:.3f} s / {base:.3f} s = {floor / base:.2f}×",
        "–",
        True,
    )
    own = cpu("start validate") - floor
    line(
        "validate utöver biblioteksgolvet (vår kod och arbetet) / `from pydantic import BaseModel`",
        f"{own:.3f} s / {base:.3f} s = {own / base:.2f}× (av {r:.2f}×)",
        "–",
        True,
    )
    line(
        "`utsatta --help`",
        f"{got['start --help'][1]:.3f} s (vägg), {cpu('start --help'):.3f} s (CPU)",
        "≤ 0,1 s",
        got["start --help"][1] <= 0.1,
    )
    # The issue set 0.1 s on a machine where the pydantic import took 0.09 s; the same goal as a
    # ratio holds on a machine of another speed (the absolute figure above is shown as well).
    h = cpu("start --help") / base
    line(
        "`utsatta --help` / `from pydantic import BaseModel`",
        f"{cpu('start --help'):.3f} s / {base:.3f} s = {h:.2f}×",
        "≤ 1,11× (0,1 s / 0,09 s i issuen)",
        h <= 0.1 / 0.09,
    )
    line(
        "`python -c 'import typer'` (golvet för `--help`)",
        f"{got['typer'][1]:.3f} s (vägg), {cpu('typer'):.3f} s (CPU)",
        "–",
        True,
    )
    ns = sorted(sizes)
    for n in ns:
        v, p = cpu(f"validate {n}"), cpu(f"parse {n}")
        target = n == 5000
        line(
            f"{n} filer ({sizes[n]:.0f} MB): validate / ren tolkning",
            f"{v:.2f} s / {p:.2f} s = {v / p:.2f}×",
            "≤ 1,25×" if target else "–",
            v / p <= 1.25 or not target,
        )
        if f"cjs {n}" in got:
            c = cpu(f"cjs {n}")
            line(
                f"{n} filer: check-jsonschema / validate",
                f"{c:.2f} s / {v:.2f} s = {c / v:.1f}×",
                "≥ 2×",
                c / v >= 2,
            )
        if f"report {n}" in got:
            rep = cpu(f"report {n}")
            line(
                f"{n} filer: report 2023 / validate",
                f"{rep:.2f} s / {v:.2f} s = {rep / v:.2f}×",
                "≤ 2,5×",
                rep / v <= 2.5,
            )
        mem = got[f"validate {n}"][2]
        limit = {5000: 100, 20000: 200}.get(n)
        line(
            f"{n} filer: största minne (RSS) för validate",
            f"{mem} MB",
            f"≤ {limit} MB" if limit else "–",
            limit is None or mem <= limit,
        )
    if len(ns) >= 2:
        lo, hi = ns[0], ns[1]
        dv = cpu(f"validate {hi}") - cpu(f"validate {lo}")
        dp = cpu(f"parse {hi}") - cpu(f"parse {lo}")
        line(
            f"marginalkostnad per MB {lo}→{hi} filer: validate / ren tolkning",
            f"{dv:.2f} s / {dp:.2f} s = {dv / dp:.2f}×",
            "≤ 1,0×",
            dv / dp <= 1.0,
        )
    if len(ns) >= 3:
        lo, hi = ns[1], ns[2]
        per = [cpu(f"validate {n}") / sizes[n] for n in (lo, hi)]
        line(
            f"linjär tillväxt {lo}→{hi} filer: s per MB",
            f"{per[0]:.3f} → {per[1]:.3f}",
            "≤ 1,1× per MB",
            per[1] <= 1.1 * per[0],
        )
    print("\nVäggtid (median): " + ", ".join(f"{k} {v[1]:.2f} s" for k, v in got.items()))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
