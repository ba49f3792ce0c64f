"""Data with many of one thing in one file under 1 MiB, or many files (not a test module):
``tests/test_many_in_one_file.py`` checks that the work grows linearly with the number, and
``benchmarks/many.py`` times each at one size (decision 0515). Each generator gives the files
to lay over ``tests/cases/_base`` for ``n`` of the thing."""

from __future__ import annotations

from collections.abc import Callable

REPORT = "rapporter/2023/grundskolenamnden.yaml"
HEAD = "schemaversion: 1\nar: 2023\norganisation: grundskolenamnden\nillustrativ: true\n"


def _item(insats: str = "1:1", extra: str = "") -> str:
    return (
        f'  - insats: "{insats}"\n    status: pagaende\n    nulage: Arbetet pågår.\n'
        "    omraden: [bergsjon]\n    bedomning: bedoms-uppnas\n"
        f"    fortsatt_arbete: Vi fortsätter.\n{extra}"
    )


def _report(body: str) -> dict[str, str]:
    return {REPORT: HEAD + body}


def _area(i: int) -> str:
    return f"  - id: omrade-{i}\n    namn: Område {i}\n    klassning: []\n"


GENERATORS: dict[str, Callable[[int], dict[str, str]]] = {
    # unknown keys at the top, in one post, unknown posts, misspelt keys
    "okanda-nycklar": lambda n: _report(
        "insatser:\n" + _item() + "".join(f"k{i}: {i}\n" for i in range(n))
    ),
    "okanda-nycklar-i-post": lambda n: _report(
        "insatser:\n" + _item() + "".join(f"    k{i}: {i}\n" for i in range(n))
    ),
    "okanda-insatser": lambda n: _report(
        "insatser:\n" + "".join(f'  - insats: "9:{i}"\n    status: x\n' for i in range(n))
    ),
    "felstavade-nycklar": lambda n: _report(
        "insatser:\n" + "".join('  - insats: "1:1"\n    statsu: pagaende\n' for _ in range(n))
    ),
    # valid posts, list items, behov; values and types that are wrong; duplicate keys
    "insatser": lambda n: _report("insatser:\n" + _item() * n),
    "omraden-i-post": lambda n: _report(
        "insatser:\n"
        + _item().replace("[bergsjon]", "[" + ", ".join(f"o{i}" for i in range(n)) + "]")
    ),
    "behov": lambda n: _report(
        "insatser:\n"
        + _item(extra="    behov:\n" + "".join(f"      - Behov {i}.\n" for i in range(n)))
    ),
    "fel-varden": lambda n: _report("insatser:\n" + _item().replace("bedoms-uppnas", "x") * n),
    "fel-typ": lambda n: _report("insatser:\n" + _item().replace("[bergsjon]", "5") * n),
    "dubbletter": lambda n: _report("insatser:\n" + _item() + "x: 1\n" * n),
    "lang-text": lambda n: _report(
        "insatser:\n" + _item().replace("Arbetet pågår.", "Arbetet pågår " * (n * 10) + ".")
    ),
    # another file: many områden, many sources
    "omraden": lambda n: {
        "omraden.yaml": "schemaversion: 1\nomraden:\n" + "".join(_area(i) for i in range(n))
    },
    "kallor": lambda n: {
        "omraden.yaml": "schemaversion: 1\nkallor:\n"
        + "".join(
            f"  - id: k{i}\n    utgivare: Polisen\n    url: https://polisen.se/{i}\n"
            "    datum: 2023-12\n    sakerhet: bekraftad\n"
            for i in range(n)
        )
        + "omraden: []\n"
    },
    # many files
    "filer": lambda n: {
        f"rapporter/2023/organisation-{i}.yaml": HEAD.replace(
            "grundskolenamnden", f"organisation-{i}"
        )
        + "insatser:\n"
        + _item()
        for i in range(n)
    },
}
