"""Many of one thing in one file, or many files: ``utsatta validate`` at n and 4n of each of
``tests/many.py``'s generators, the 4n file under 1 MiB (decision 0515). Linear work takes
about 4 times as long at 4n (less: the start costs the same), quadratic work 16 times.

    python benchmarks/many.py                       # this checkout's utsatta
    python benchmarks/many.py --src /other/src      # another version's source, to compare

Each run is a whole process on one core (``taskset -c 0``); CPU time (user + system, which a
neighbour on the other core does not change) and wall time are printed. Not a test: the tests
count the work instead (tests/test_many_in_one_file.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.many import GENERATORS  # noqa: E402
from tests.support import BASE  # noqa: E402

#: the largest file at n; at 4n it stays under the 1 MiB limit of a data file
TARGET = 240_000


def _size(kind: str, n: int) -> int:
    return max(len(text.encode()) for text in GENERATORS[kind](n).values())


def _n_for(kind: str) -> int:
    if len(GENERATORS[kind](2)) > 1:
        return 500  # files: 500 and 2,000
    n = 16
    while _size(kind, n * 2) <= TARGET and n < 100_000:
        n *= 2
    return n


def _run(kind: str, n: int, src: str | None, work: Path) -> tuple[float, float, int]:
    data = work / f"{kind}-{n}"
    shutil.copytree(BASE, data)
    for rel, text in GENERATORS[kind](n).items():
        (data / rel).write_text(text, encoding="utf-8")
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        ["taskset", "-c", "0", sys.executable, "-m", "utsatta", "validate", "--data", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall, _size(kind, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", help="PYTHONPATH for the utsatta to time (another checkout)")
    parser.add_argument("--n", type=int, help="n for every kind (default: the 4n file near 1 MiB)")
    parser.add_argument("kinds", nargs="*", default=sorted(GENERATORS))
    args = parser.parse_args()
    print(f"{'slag':24} {'n':>7} {'byte':>8} {'cpu s':>7} {'vägg s':>7}   4n/n (cpu)")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds:
            n = args.n or _n_for(kind)
            small = _run(kind, n, args.src, Path(tmp))
            large = _run(kind, 4 * n, args.src, Path(tmp))
            for m, (cpu, wall, size) in ((n, small), (4 * n, large)):
                print(f"{kind:24} {m:>7} {size:>8} {cpu:>7.2f} {wall:>7.2f}", end="")
                print(f"   {large[0] / small[0]:.1f}" if m != n else "")


if __name__ == "__main__":
    main()
