"""Write a synthetic but valid data repository in the real schema, for benchmarks.

    python benchmarks/generate.py OUT_DIR --files 500

The plan, the police lists and the indicators are the shipped ones. Every organisation of the
plan reports every insats it owes each year 2022–2025 (84 files), and synthetic organisations
(`syntetisk-NNNN`, with verksamhet i utsatta områden, so they owe 2:1 and 2:4) make up the rest,
so all N files are valid and the repository is complete. The texts are deterministic
pseudo-Swedish of realistic length (about 6 kB per insats, so 500 files make about 8 MB, the
size the performance targets are stated for).
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

SHIPPED = Path(__file__).resolve().parent.parent / "data"
YEARS = (2022, 2023, 2024, 2025)
WORDS = [
    "arbetet",
    "fortsätter",
    "i",
    "området",
    "tillsammans",
    "med",
    "skolan",
    "och",
    "föreningslivet",
    "under",
    "året",
    "trygghetsvandringar",
    "genomfördes",
    "med",
    "boende",
    "och",
    "fastighetsägare",
    "lokala",
    "lägesbilden",
    "uppdaterades",
    "varje",
    "kvartal",
    "fältarbetare",
    "fanns",
    "på",
    "plats",
    "kvällar",
    "och",
    "helger",
    "samverkan",
    "med",
    "polisen",
    "i",
    "Trygg",
    "i",
    "Göteborg",
    "utvecklades",
    "fler",
    "barn",
    "och",
    "unga",
    "deltog",
    "i",
    "aktiviteter",
    "personalen",
    "utbildades",
    "i",
    "otillåten",
    "påverkan",
    "och",
    "lokalerna",
    "bemannades",
]


def _text(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    sentences, line = [], []
    for n, word in enumerate(chosen, 1):
        line.append(word)
        if n % 14 == 0:
            sentences.append(" ".join(line).capitalize() + ".")
            line = []
    if line:
        sentences.append(" ".join(line).capitalize() + ".")
    # Wrap into lines of about 90 characters, as an editor would.
    out, current = [], ""
    for s in " ".join(sentences).split(" "):
        if len(current) + len(s) > 88:
            out.append(current)
            current = s
        else:
            current = f"{current} {s}".strip()
    out.append(current)
    return "\n".join(out)


def _block(text: str, indent: str) -> str:
    return "\n".join(indent + line for line in text.splitlines())


def _report(rng: random.Random, org: str, year: int, insatser: list[str]) -> str:
    parts = [
        "schemaversion: 1",
        f"ar: {year}",
        f"organisation: {org}",
        "illustrativ: true",
        "insatser:",
    ]
    areas = ["bergsjon", "biskopsgarden", "gardsten", "hammarkullen", "hjallbo", "lovgardet"]
    for insats in insatser:
        parts += [
            f'  - insats: "{insats}"',
            "    status: pagaende",
            "    nulage: |",
            _block(_text(rng, 420), "      "),
            f"    omraden: [{', '.join(rng.sample(areas, 3))}]",
            "    bedomning: bedoms-uppnas",
            f"    motivering: {_text(rng, 24).replace(chr(10), ' ')}",
            "    fortsatt_arbete: |",
            _block(_text(rng, 300), "      "),
            "    behov:",
            f"      - {_text(rng, 16).replace(chr(10), ' ')}",
        ]
    return "\n".join(parts) + "\n"


def _drop_earlier_needs(folder: Path) -> None:
    """The shipped uppföljning files follow up behov in the shipped reports, which are not
    copied: leave those references out so the generated repository stays valid."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.load(path)
        if "tidigare_behov" in doc:
            del doc["tidigare_behov"]
            with path.open("w", encoding="utf-8") as fh:
                yaml.dump(doc, fh)


def generate(out: Path, files: int, seed: int = 1) -> None:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(SHIPPED, out, ignore=shutil.ignore_patterns("rapporter"))
    _drop_earlier_needs(out / "uppfoljning")
    orgs_needed = max(0, -(-(files - 84) // len(YEARS)))
    orgs = [f"syntetisk-{n:04d}" for n in range(orgs_needed)]
    with (out / "organisationer.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# Syntetiska organisationer för prestandamätning.\n")
    # Insert the synthetic organisations into the organisationer list.
    text = (out / "organisationer.yaml").read_text(encoding="utf-8")
    head, sep, tail = text.partition("\ngrupper:")
    extra = "".join(
        f"  - id: {org}\n    namn: Syntetisk nämnd {n}\n    typ: namnd\n"
        "    verksamhet_i_utsatta_omraden: true\n    granskare: []\n"
        for n, org in enumerate(orgs)
    )
    (out / "organisationer.yaml").write_text(head.rstrip("\n") + "\n" + extra + sep + tail)
    from utsatta.compute.completeness import matrix
    from utsatta.load.dataset import load

    ds = load(out)
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    rng = random.Random(seed)
    written = 0
    reported: dict[int, dict[str, list[str]]] = {}
    for year in YEARS:
        (out / "rapporter" / str(year)).mkdir(parents=True, exist_ok=True)
        m = matrix(ds.plan.model, ds.organisationer.model, year, reported)
        for org in m.organisationer:
            owed = [i for i in m.insatser if (org, i) in m.owed]
            if not owed or written == files:
                continue
            path = out / "rapporter" / str(year) / f"{org}.yaml"
            path.write_text(_report(rng, org, year, owed), encoding="utf-8")
            reported.setdefault(year, {})[org] = owed
            written += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.files, args.seed)
    size = sum(p.stat().st_size for p in (args.out / "rapporter").rglob("*.yaml"))
    print(f"{args.files} rapportfiler, {size / 1e6:.1f} MB, i {args.out}")


if __name__ == "__main__":
    main()
