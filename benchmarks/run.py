"""Time `utsatta validate` against check-jsonschema and a bare PyYAML C-loader parse.

    python -m pip install ".[bench]"
    python benchmarks/run.py --files 500 --runs 9
    python benchmarks/run.py --files 5000 --runs 3

Install as a user does, not editable: pip compiles the package to bytecode at install time,
while an editable install under PYTHONDONTWRITEBYTECODE=1 compiles every module on every run
(about 30 ms more per start).

Generates a synthetic data repository (benchmarks/generate.py) and times, on the same files in
one run, whole processes taking turns (wall time, median of the runs):
- `utsatta validate --data DIR` (everything: syntax, schema, references, completeness);
- `check-jsonschema` with the report schema from `utsatta schema` on the report files (schema
  only, no cross-file checks);
- a bare parse of every file with PyYAML's C loader (the floor: no validation at all);
- `utsatta report 2023` on the same repository.
It prints the ratios and utsatta's peak memory: the most that its processes and their
in-memory files held together (sampled from /proc every 5 ms), and the largest max RSS of a
single process.
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
import threading
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


def _memory_now(pid: int) -> int:
    """kB in use now by ``pid`` and its child processes together, read from /proc (Linux):
    their own resident memory, plus each in-memory file (the workers' results) once, whole,
    whether it is open or mapped."""
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        return 0
    total = 0
    files: dict[str, int] = {}  # memfd inode -> kB
    for p in pids:
        try:
            status = dict(
                line.split(":", 1) for line in Path(f"/proc/{p}/status").read_text().splitlines()
            )
            # Shared pages of mapped files are counted below, once and whole.
            total += int(status["VmRSS"].split()[0]) - int(status["RssShmem"].split()[0])
            for fd in Path(f"/proc/{p}/fd").iterdir():
                if str(fd.readlink()).startswith("/memfd:"):
                    st = fd.stat()
                    files[str(st.st_ino)] = st.st_size // 1024
            for line in Path(f"/proc/{p}/maps").read_text().splitlines():
                if "/memfd:" in line:
                    span, _, _, _, inode = line.split()[:5]
                    lo, hi = (int(x, 16) for x in span.split("-"))
                    files[inode] = max(files.get(inode, 0), (hi - lo) // 1024)
        except (OSError, KeyError, ValueError):
            continue
    return total + sum(files.values())


def _watch(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.wait(0.005):
        peak[0] = max(peak[0], _memory_now(pid))


def held_memory(cmd: list[str], runs: int = 3) -> int:
    """The most memory (kB) the command's processes and in-memory files held together,
    sampled every 5 ms over a few runs of their own (sampling would slow the timed runs)."""
    peak = [0]
    for _ in range(runs):
        done = threading.Event()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        watcher = threading.Thread(target=_watch, args=(proc.pid, peak, done))
        watcher.start()
        proc.wait()
        done.set()
        watcher.join()
    return peak[0]


def timed(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, int]]:
    """Median wall time of ``runs`` runs of each command, and the largest max RSS (kB) of a
    single process of a run. The commands take turns, so that a slower moment of the machine
    hits them alike."""
    for cmd in commands.values():
        subprocess.run(cmd, capture_output=True, check=False)  # warm the page cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    peak = dict.fromkeys(commands, 0)
    for _ in range(runs):
        for name, cmd in commands.items():
            with tempfile.TemporaryFile() as err:
                start = time.perf_counter()
                proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
                # wait4: the largest max RSS of this run's processes (its workers included).
                _, status, usage = os.wait4(proc.pid, 0)
                times[name].append(time.perf_counter() - start)
                proc.returncode = os.waitstatus_to_exitcode(status)
                if proc.returncode not in (0, 1):
                    err.seek(0)
                    sys.exit(f"{cmd[0]} misslyckades ({proc.returncode}): {err.read()[-2000:]!r}")
            peak[name] = max(peak[name], usage.ru_maxrss)
    return {name: (statistics.median(times[name]), peak[name]) for name in commands}


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

    commands = {
        "validate": [*_utsatta(), "validate", "--data", str(data)],
        "bare": [sys.executable, "-c", BARE_PARSE, str(data)],
        "report": [*_utsatta(), "report", "2023", "--data", str(data)],
    }
    check = _which("check-jsonschema")
    if check:
        schema = str(schema_dir / "rapport.schema.json")
        commands["cjs"] = [check, "--schemafile", schema, *map(str, reports)]
    result = timed(commands, args.runs)
    t_utsatta, rss = result["validate"]
    held = held_memory(commands["validate"])
    t_bare = result["bare"][0]
    t_report = result["report"][0]
    t_cjs = result["cjs"][0] if "cjs" in result else None

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
    print(
        f"utsatta, största minnesanvändning: {held / 1024:.0f} MB för alla processer och "
        f"minnesfiler tillsammans, {rss / 1024:.0f} MB för den största processen  (mål < 300 MB)"
    )
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
                "minne_tillsammans_mb": round(held / 1024),
            },
            ensure_ascii=False,
        )
    )
    if args.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
