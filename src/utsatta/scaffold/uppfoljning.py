"""`utsatta ny uppfoljning`: a new uppfoljning/ÅR.yaml prefilled with what the plan asks the
samlad uppföljning to assess."""

from __future__ import annotations

import json

from utsatta.escape import shorten
from utsatta.load.dataset import DataSet
from utsatta.scaffold.comments import check_comment, comment_block

__all__ = ["UPPFOLJNING_SCHEMA_REF", "uppfoljning_scaffold"]

#: Where `utsatta schema --output schema` run in the data repository's root puts the schema,
#: seen from <data>/uppfoljning/.
UPPFOLJNING_SCHEMA_REF = "../../schema/uppfoljning.schema.json"


def _yaml_scalar(text: str) -> str:
    """``text`` as a YAML value after ``key: `` at the top level, read back as the same text
    with no finding from ``validate``: plain where YAML reads it so; a text with a line break
    as a block text ('|', indented two spaces, its trailing line breaks kept by '-' or '+'),
    never "…" with '\\n' (bakstreck-i-citat); else double-quoted (JSON's escapes are YAML's):
    a name with ': ', '#' or a leading quote stays a name, never a key, comment or other type."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    def reads_back(value: str) -> bool:
        try:
            return bool(YAML(typ="safe", pure=True).load(f"k: {value}\n") == {"k": text})
        except YAMLError:  # not YAML as written
            return False

    if text == text.strip() and "\n" not in text and reads_back(text):
        return text
    if "\n" in text.strip("\n") and (block := _block_text(text)) and reads_back(block):
        return block
    return json.dumps(text, ensure_ascii=False)


def _block_text(text: str) -> str | None:
    """``text`` as a literal block text under a top-level key, or None when a block text
    cannot hold it (a character that a block text does not take or shows otherwise)."""
    body = text.rstrip("\n")
    if any(c in "\r\x85\u2028\u2029" or (c != "\t" and c != "\n" and c < " ") for c in body):
        return None  # a control, or a line break YAML reads apart (U+2028 …): keep the escape
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    # YAML takes the indentation from the first line with more than spaces: a text that starts
    # with a space or a line break says it (|2), as ruamel (and so `utsatta fmt`) writes it.
    indicator = "2" if body[:1] in (" ", "\n") else ""
    lines = body.split("\n")
    indented = [f"  {line}" if line else "" for line in lines]
    return "\n".join([f"|{indicator}{chomp}", *indented, *[""] * (trailing - 1)])


def _upprattad_av(ds: DataSet, ar: int) -> list[str]:
    """The ``upprattad_av`` line: the author of the latest uppföljning the data holds (the
    organisation is data, never code), else left empty with a comment saying what to write;
    `validate` then reports the empty value until it is filled in."""
    written = [
        (f.model.ar, f.model.upprattad_av, f.path.name)
        for f in ds.uppfoljningar
        if f.model is not None and f.model.ar != ar
    ]
    if written:
        _, vem, fil = max(written)
        return [
            *comment_block(
                f"Vem som skrivit uppföljningen; här som i den senaste, {fil}. Ändra om någon "
                "annan skriver den.",
                "",
            ),
            f"upprattad_av: {_yaml_scalar(vem)}",
        ]
    return [
        "# FYLL I: vem som skrivit uppföljningen (t.ex. förvaltningens namn), efter kolonet.",
        "# Ingen tidigare uppföljning finns att ta namnet från; validate påminner tills det står.",
        "upprattad_av:",
    ]


def uppfoljning_scaffold(ds: DataSet, ar: int) -> str:
    """The YAML text of a new uppfoljning/<år>.yaml: one entry per delmål, fokusområde and
    övrigt uppdrag of the plan, with the required texts left empty for `validate` to point at;
    in the plan's last year also the mål and the slutuppföljning."""
    from utsatta.model.uppfoljning import BehovUtfall, Maluppfyllelse, UppdragsStatus

    assert ds.plan and ds.plan.model
    plan = ds.plan.model
    last = ar == plan.plan.giltighet.till
    bedomningar = ", ".join(Maluppfyllelse.__args__)  # type: ignore[attr-defined]
    statusar = ", ".join(UppdragsStatus.__args__)  # type: ignore[attr-defined]
    utfall = ", ".join(BehovUtfall.__args__)  # type: ignore[attr-defined]
    out = [
        f"# yaml-language-server: $schema={UPPFOLJNING_SCHEMA_REF}",
        *comment_block(f"Samlad uppföljning {ar} av {shorten(plan.plan.namn, 200)}.", ""),
        "# Fyll i varje fält. Texter får vara flera stycken: skriv dem indragna under 'text: |'.",
        check_comment(ds, ds.root / "uppfoljning" / f"{ar}.yaml"),
        "schemaversion: 1",
        f"ar: {ar}",
        "# Sätt till true bara om innehållet är påhittat för att visa formatet.",
        "illustrativ: false",
        *_upprattad_av(ds, ar),
        "# Den samlade bilden av läget i slutet av året, kort.",
        "nulage: |",
        "",
    ]
    out += comment_block(
        f"Bedömning, ett av: {bedomningar}. uppnatt, delvis-uppnatt och inte-uppnatt ges bara "
        f"planens sista år ({plan.plan.giltighet.till}). En bedömning som bygger på källor "
        "anger 'kallor' (id ur 'kallor' längst ned) och 'sakerhet' (bekraftad, sekundar, "
        "slutledd).",
        "",
    )
    if last:
        out += comment_block(f"Planens sista år: är målet nått? Målet: {plan.mal.text}", "")
        out += [
            "mal:",
            "  bedomning:",
            "  text: |",
            "",
        ]
    out += comment_block(
        "Under ett delmål kan 'omraden:' ge en bedömning per område (id ur omraden.yaml): "
        "'- omrade: bergsjon', 'bedomning:', 'text:'.",
        "",
    )
    out.append("delmal:" if plan.mal.delmal else "delmal: []")
    for d in plan.mal.delmal:
        out += comment_block(f"Delmål: {d.text}", "  ")
        out += [f"  - delmal: {d.id}", "    bedomning:", "    text: |", ""]
    out.append("fokusomraden:" if plan.fokusomraden else "fokusomraden: []")
    for fo in plan.fokusomraden:
        out += comment_block(f"Fokusområde {fo.id}: {fo.namn}", "  ")
        out += [
            f'  - fokusomrade: "{fo.id}"',
            "    bedomning:",
            "    text: |",
            "",
        ]
    uppdrag = plan.ovriga_uppdrag.uppdrag if plan.ovriga_uppdrag else []
    out.append(f"# Planens övriga uppdrag. Status, ett av: {statusar}.")
    out.append("ovriga_uppdrag:" if uppdrag else "ovriga_uppdrag: []")
    for u in uppdrag:
        out += comment_block(f"Dnr {u.diarienummer}: {u.text}", "  ")
        out += [f"  - uppdrag: {u.id}", "    status:", "    redovisning: |", ""]
    out += comment_block(
        "Vad som blev av behov från tidigare års rapporter, där det är känt: '- ar:', "
        "'organisation:', 'insats:', 'nummer:' (behovets nummer i rapportens lista, 1 för det "
        f"första), 'utfall:' (ett av: {utfall}) och 'text:'.",
        "",
    )
    out += [
        "tidigare_behov: []",
        "# Planen för det fortsatta arbetet för att målet ska nås.",
        "fortsatt_arbete: |",
        "",
    ]
    if last:
        out += [
            "# Planens sista år: lärdomar av planperioden och förslag till vad som följer.",
            "slutuppfoljning:",
            "  lardomar: |",
            "",
            "  forslag: |",
            "",
        ]
    out += [
        "# Beslut om uppföljningen, när den är beslutad: '- organ:', 'datum:' (ÅÅÅÅ-MM-DD),",
        "# 'paragraf:'. Rapportens datum är det senaste beslutets.",
        "beslut: []",
        "# Källor som bedömningarna hänvisar till: '- id:', 'utgivare:', 'url:', 'datum:',",
        "# 'sakerhet:' (bekraftad eller sekundar).",
        "kallor: []",
    ]
    return "\n".join(out) + "\n"
