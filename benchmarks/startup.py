"""Start-up time of `utsatta validate` and `utsatta --help` on the shipped data.

Run:  python benchmarks/startup.py [--runs 15]
Whole-process wall time, median of the runs, each command in a fresh interpreter. Targets
(issue 2 and 6, on the project's 2-core machines): validate < 0.35 s, --help < 0.25 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time


def wall(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, capture_output=True, check=False)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    exe = shutil.which("utsatta")
    base = [exe] if exe else [sys.executable, "-m", "utsatta"]
    for label, cmd, target in (
        ("utsatta validate", [*base, "validate"], 0.35),
        ("utsatta --help", [*base, "--help"], 0.25),
    ):
        t = wall(cmd, args.runs)
        verdict = "OK" if t < target else "ÖVER MÅLET"
        print(f"{label:20s} median {t:.3f} s  (mål < {target:.2f} s)  {verdict}")


if __name__ == "__main__":
    main()
