"""Time `utsatta validate` against check-jsonschema and a bare PyYAML C-loader parse.

    python -m pip install -e ".[bench]"
    python benchmarks/run.py --files 500 --runs 5
    python benchmarks/run.py --files 5000 --runs 3

Generates a synthetic data repository (benchmarks/generate.py) and times, on the same files in
one run, whole processes (wall time, median of the runs):
- `utsatta validate --data DIR` (everything: syntax, schema, references, completeness);
- `check-jsonschema` with the report schema from `utsatta schema` on the report files (schema
  only, no cross-file checks);
- a bare parse of every file with PyYAML's C loader (the floor: no validation at all);
- `utsatta report 2023` on the same repository.
It prints the ratios and utsatta's peak memory (max RSS of the process).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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


def _which(name: str) -> str | None:
    """A command of this Python's environment first, then from PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def _utsatta() -> list[str]:
    exe = _which("utsatta")
    return [exe] if exe else [sys.executable, "-m", "utsatta"]


def timed(cmd: list[str], runs: int) -> tuple[float, int]:
    """Median wall time of ``runs`` runs, and the largest max RSS (kB) of one run."""
    subprocess.run(cmd, capture_output=True, check=False)  # warm the page cache
    times = []
    peak = 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"{cmd[0]} misslyckades ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="utsatta-bench-"))
    data = work / "data"
    generate(data, args.files)
    reports = sorted((data / "rapporter").rglob("*.yaml"))
    size = sum(p.stat().st_size for p in reports)
    schema_dir = work / "schema"
    subprocess.run(
        [*_utsatta(), "schema", "--output", str(schema_dir), "--force"],
        check=True,
        capture_output=True,
    )
    print(f"{len(reports)} rapportfiler, {size / 1e6:.1f} MB, median av {args.runs} körningar\n")

    t_utsatta, rss = timed([*_utsatta(), "validate", "--data", str(data)], args.runs)
    check = _which("check-jsonschema")
    t_cjs = None
    if check:
        t_cjs, _ = timed(
            [check, "--schemafile", str(schema_dir / "rapport.schema.json"), *map(str, reports)],
            max(1, min(args.runs, 3)),
        )
    t_bare, _ = timed([sys.executable, "-c", BARE_PARSE, str(data)], args.runs)
    t_report, _ = timed([*_utsatta(), "report", "2023", "--data", str(data)], args.runs)

    rows = [
        ("utsatta validate", t_utsatta),
        ("check-jsonschema (bara schema)", t_cjs),
        ("PyYAML CSafeLoader, bara tolkning", t_bare),
        ("utsatta report 2023", t_report),
    ]
    for label, t in rows:
        print(f"{label:36s} {'–' if t is None else f'{t:.3f} s'}")
    print()
    print(f"utsatta / bar tolkning:     {t_utsatta / t_bare:.2f}×  (mål ≤ 1,5×)")
    if t_cjs is not None:
        print(f"check-jsonschema / utsatta: {t_cjs / t_utsatta:.2f}×  (mål ≥ 2×)")
    print(f"utsatta, största minnesanvändning: {rss / 1024:.0f} MB  (mål < 300 MB)")
    print(
        json.dumps(
            {
                "filer": len(reports),
                "mb": round(size / 1e6, 1),
                "validate_s": round(t_utsatta, 3),
                "check_jsonschema_s": None if t_cjs is None else round(t_cjs, 3),
                "bar_tolkning_s": round(t_bare, 3),
                "report_s": round(t_report, 3),
                "max_rss_mb": round(rss / 1024),
            },
            ensure_ascii=False,
        )
    )
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
