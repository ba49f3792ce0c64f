"""`utsatta ny rapport` and `ny uppfoljning`: new files prefilled with what the plan asks for.

The text is written by hand rather than dumped, so that every field can carry a Swedish comment
for people who have never written YAML. Required texts are left empty on purpose: `utsatta
validate` then points at each one until it is filled in.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from utsatta.check.suggested import utsatta_command
from utsatta.compute.duties import reported
from utsatta.compute.responsibility import (
    Ansvarsgrund,
    Cell,
    Duties,
    exists_at_year_end,
    matrix,
    samordnande,
)
from utsatta.escape import identifier, shorten, terminal
from utsatta.findings import Finding
from utsatta.load.dataset import DataSet
from utsatta.load.files import display_path
from utsatta.load.placement import PLACE_CODES
from utsatta.model.rapport import Bedomning, Status
from utsatta.wording import insatser as insatser_text
from utsatta.wording import och

#: Where `utsatta schema --output schema` run in the data repository's root puts the schemas,
#: seen from <data>/rapporter/<år>/ (the README says so).
SCHEMA_REF = "../../../schema/rapport.schema.json"
#: The same, seen from <data>/uppfoljning/.
UPPFOLJNING_SCHEMA_REF = "../../schema/uppfoljning.schema.json"

_STATUSAR = ", ".join(Status.__args__)  # type: ignore[attr-defined]
_BEDOMNINGAR = ", ".join(Bedomning.__args__)  # type: ignore[attr-defined]


def _one_line(text: str) -> str:
    """Data made safe for one line of a YAML comment: every line break (LF, CR, U+2028, NEL,
    …) and run of whitespace becomes one space, and every control, bidi, format and invisible
    character is shown as its code (``<U+202E>``): nothing from the data can end the comment
    and start a YAML line, or reorder what an editor shows."""
    return " ".join(terminal(word) for word in text.split())


def _comment_block(text: str, indent: str, width: int = 96) -> list[str]:
    """``text`` (data included) as comment lines of at most ``width`` characters where the
    words allow, each made safe by :func:`_one_line`."""
    words = _one_line(text).split()
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(indent) + 2 + len(line) + 1 + len(word) > width:
            lines.append(f"{indent}# {line}")
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(f"{indent}# {line}")
    return lines


def existing(ds: DataSet, ar: int) -> list[str]:
    """The organisations that exist at the end of ``ar`` (who can report for it), in
    organisationer.yaml order."""
    assert ds.organisationer and ds.organisationer.model
    return [o.id for o in ds.organisationer.model.organisationer if exists_at_year_end(o, ar)]


def not_reporting(ds: DataSet, ar: int, organisation: str) -> str | None:
    """Why ``organisation`` has no report for ``ar``, and who reports instead; None if it
    exists at the end of ``ar`` (docs/decisions/0020: whoever exists on 31 December reports the
    year). A ceased organisation's heirs come from the plan's duties (chains of successors
    followed); for one not yet formed, its predecessors that existed then. Plain text: the
    caller escapes it for its channel."""
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    orgs = ds.organisationer.model
    by_id = {o.id: o for o in orgs.organisationer}
    org = by_id[organisation]
    if exists_at_year_end(org, ar):
        return None
    name = f"{shorten(org.namn)} ({organisation})"
    if org.giltig_fran is not None and org.giltig_fran > f"{ar:04d}-12-31":
        before = _predecessors(ds, ar, organisation)
        head = f"{name} bildades {org.giltig_fran} och rapporterar inte för {ar}."
        if not before:
            return (
                f"{head} Ingen föregångare som fanns {ar} är angiven i organisationer.yaml: "
                f"rapporten för {ar} lämnas av den organisation som hade uppgifterna då. "
                f"Rätta 'giltig_fran' i organisationer.yaml om {ar} ska vara med."
            )
        who = och([f"{shorten(by_id[p].namn)} ({p})" for p in before])
        return (
            f"{head} Rapporten för {ar} lämnas av {who}, som organisationen efterträdde. "
            + _create_or_edit(ds, ar, before, "Skapa den med: ")
        )
    when = (
        f"upphörde {org.giltig_till}"
        if org.giltig_till is None or int(org.giltig_till[:4]) < ar
        else f"upphörde {org.giltig_till}, före årets slut,"
    )
    head = f"{name} {when} och rapporterar inte för {ar}."
    if org.giltig_till is not None and int(org.giltig_till[:4]) == ar:
        head += " Hela året rapporteras av den som finns den 31 december."
    heirs = _heirs(ds, ar, organisation)
    if not heirs:
        named = [e.organisation for e in org.efterfoljare]
        if not named:
            return (
                f"{head} Ingen efterföljare är angiven i organisationer.yaml. Ange "
                "'efterfoljare' där (eller rätta 'giltig_till')."
            )
        return (
            f"{head} Efterföljare enligt organisationer.yaml: "
            + och([f"{shorten(by_id[e].namn) if e in by_id else e} ({e})" for e in named])
            + f"; ingen av dem har något av organisationens ansvar i planen {ar}."
        )
    parts = [
        f"{shorten(by_id[h].namn)} ({h}) från {och(sorted(set(days)))}: {insatser_text(ids)}"
        for h, (ids, days) in heirs.items()
    ]
    return f"{head} Uppgifterna har tagits över av {'; '.join(parts)}. " + _create_or_edit(
        ds, ar, list(heirs), "Skapa deras rapport i stället, t.ex.: "
    )


def _create_or_edit(ds: DataSet, ar: int, ids: list[str], create: str) -> str:
    """The next step for whoever reports instead: the command that creates the first report
    not yet written, or, when each of them exists already, the files to edit (the command
    would refuse to write over them)."""
    files = {i: ds.root / "rapporter" / str(ar) / f"{i}.yaml" for i in ids}
    missing = [i for i in ids if not os.path.lexists(files[i])]
    if missing:
        return create + utsatta_command(ds, "ny rapport", str(ar), missing[0])
    if len(ids) == 1:
        return f"Den rapporten finns redan: redigera {files[ids[0]]}."
    return f"Deras rapporter finns redan: redigera {och([str(files[i]) for i in ids])}."


def _heirs(ds: DataSet, ar: int, organisation: str) -> dict[str, tuple[list[str], list[str]]]:
    """Who holds ``organisation``'s insatser in ``ar`` through it (a successor, or a
    successor's successor), with those insatser in plan order and the days it took them over
    (:attr:`Arv.datum`, the one rule for "from when")."""
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    duties = Duties(list(ds.plan.model.insatser), ds.organisationer.model)
    out: dict[str, tuple[list[str], list[str]]] = {}
    for insats in ds.plan.model.insatser:
        for holder in duties.responsible(insats.id, ar):
            if holder != organisation and organisation in duties.lineage(holder, insats.id, ar):
                ids, days = out.setdefault(holder, ([], []))
                ids.append(insats.id)
                for chain in duties.why(holder, insats.id, ar).arv:
                    if any(step.fran == organisation for step in chain):
                        days.append(chain[-1].datum)
    return out


def _predecessors(ds: DataSet, ar: int, organisation: str) -> list[str]:
    """The organisations ``organisation`` succeeded (directly or down a chain) that exist at
    the end of ``ar``, in organisationer.yaml order."""
    assert ds.organisationer and ds.organisationer.model
    orgs = ds.organisationer.model.organisationer
    before: dict[str, list[str]] = {}
    for o in orgs:
        for e in o.efterfoljare:
            before.setdefault(e.organisation, []).append(o.id)
    found: set[str] = set()
    seen = {organisation}
    todo = [organisation]
    by_id = {o.id: o for o in orgs}
    while todo:
        for p in before.get(todo.pop(), []):
            if p in seen or p not in by_id:
                continue
            seen.add(p)
            if exists_at_year_end(by_id[p], ar):
                found.add(p)
            else:
                todo.append(p)
    return [o.id for o in orgs if o.id in found]


def _inherited(grund: Ansvarsgrund | None, names: dict[str, str]) -> str | None:
    """Whom an inherited insats comes from, for the comment above it: "Ni har insatsen som
    efterträdare till Lokalnämnden från 2023-01-01 (planen nämner Lokalnämnden, inte er). …";
    None when the plan names the organisation itself and nothing is inherited."""
    if grund is None or not grund.arv:
        return None
    when: dict[str, str] = {}
    for chain in grund.arv:
        via = [names.get(s.fran, s.fran) for s in chain]
        when.setdefault(
            via[0] + (f" (via {och(via[1:])})" if len(via) > 1 else ""), chain[-1].datum
        )
    if len(set(when.values())) == 1:
        fran = f"{och(list(when))} från {next(iter(when.values()))}"
    else:
        fran = och([f"{who} från {day}" for who, day in when.items()])
    named = och(list(dict.fromkeys(names.get(o, o) for o in grund.fran())))
    if grund.grund == "planen":
        text = f"Planen ger er insatsen, och ni har den också som efterträdare till {fran}."
    else:
        text = f"Ni har insatsen som efterträdare till {fran} (planen nämner {named}, inte er)."
    if grund.slutledd:
        text += (
            " Övertagandet är en slutsats av källornas beskrivning av ansvarsområdena "
            "(slutledd i organisationer.yaml), inte något källan anger."
        )
    return text


def report_elsewhere(
    ds: DataSet, findings: Sequence[Finding], ar: int, organisation: str
) -> str | None:
    """Why no new report for ``ar`` from ``organisation`` may be made although
    rapporter/<ar>/<organisation>.yaml is missing: a file that is that report lies under
    another name or at another place (unread, or read but counted only at its place), and a
    new file would make two copies. The text names that file and gives validate's advice for
    it (its finding among ``findings``); None when there is no such file. Plain text: the
    caller escapes it for its channel."""
    where = display_path(ds.root / "rapporter" / str(ar) / f"{organisation}.yaml")
    unread = ds.unread.get(where)
    other = unread or next(
        (
            src.display
            for src in ds.rapporter
            if src.model is not None
            and (src.model.ar, src.model.organisation) == (ar, organisation)
            and src.display != where
        ),
        None,
    )
    if other is None:
        return None
    advice = next(
        (f.message for f in findings if f.file == other and f.code in PLACE_CODES),
        f"Flytta den till {where}.",
    )
    return (
        f"Rapporten för {ar} från {organisation} finns redan, men som {other}, och den "
        f"{'läses' if unread else 'räknas'} inte förrän den heter {where}. Ingen ny fil skapas "
        "(det skulle bli två rapporter). "
        f"utsatta validate säger om {other}: {advice}"
    )


def _check_comment(ds: DataSet, path: Path) -> str:
    """The comment naming the command that checks the new file: ``--data`` as a finding's
    advice has it (``DataSet.data_option``, docs/decisions/0365)."""
    command = utsatta_command(ds, "validate", display_path(path))
    return f"# Kontrollera filen med: {terminal(command)}"


def report_scaffold(ds: DataSet, ar: int, organisation: str) -> str:
    """The YAML text of a new report; the organisation and year must already be checked."""
    assert ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model
    plan = ds.plan.model
    names = {o.id: o.namn for o in ds.organisationer.model.organisationer}
    m = matrix(plan, ds.organisationer.model, ar, reported(ds))
    owed = [i for i in m.insatser if (organisation, i) in m.owed]
    voluntary = [i for i in m.insatser if m.cells.get((organisation, i)) is Cell.FRIVILLIG]
    by_id = {i.id: i for i in plan.insatser}
    orgs = ds.organisationer.model
    coordinates = {i.id for i in plan.insatser if organisation in samordnande(i, orgs, ar)}

    out = [
        f"# yaml-language-server: $schema={SCHEMA_REF}",
        *_comment_block(
            f"Rapport {ar} från {shorten(names[organisation], 200)} om "
            f"{shorten(plan.plan.namn, 200)}.",
            "",
        ),
        "# Fyll i varje fält. Texter får vara flera stycken: skriv dem indragna under 'nulage: |'.",
        _check_comment(ds, ds.root / "rapporter" / str(ar) / f"{organisation}.yaml"),
        "schemaversion: 1",
        f"ar: {ar}",
        f"organisation: {organisation}",
        "# Sätt till true bara om innehållet är påhittat för att visa formatet.",
        "illustrativ: false",
        "# Vem som kan svara på frågor om rapporten (namn, e-post).",
        "kontakt:",
        "insatser:",
    ]
    if not owed:
        out[-1] = "insatser: []"
    for insats_id in owed:
        insats = by_id[insats_id]
        out.append("")
        out += _comment_block(f"Insats {insats.id}: {insats.titel}", "  ")
        arv = _inherited(m.grunder.get((organisation, insats_id)), names)
        if arv:
            out += _comment_block(arv, "  ")
        out += [
            f'  - insats: "{insats.id}"',
            f"    # Läget i slutet av året. Ett av: {_STATUSAR}.",
            "    status:",
            "    # Vad som gjorts under året, och var.",
            "    nulage: |",
            "",
            f"    # Områden som arbetet nått under {ar} (id ur omraden.yaml), t.ex. [bergsjon, "
            "hjallbo].",
            "    omraden: []",
            f"    # Egen bedömning av om insatsen når förväntat resultat. Ett av: {_BEDOMNINGAR}.",
            "    bedomning:",
            "    # Varför ni bedömer så (frivilligt men rekommenderat).",
            "    motivering:",
            "    # Plan för det fortsatta arbetet.",
            "    fortsatt_arbete: |",
            "",
            "    # Behov av ytterligare insatser som ni vill lyfta, ett per rad med '- '.",
            "    behov: []",
        ]
        if insats.id in coordinates:
            out += [
                "    # Ni har samordningsansvar: samlad bedömning av insatsen för alla ansvariga.",
                "    samordning: |",
            ]
    if voluntary:
        out.append("")
        out += _comment_block(
            f"Återrapportering under planperioden (frivillig för {ar}, krävs senast "
            f"{plan.plan.giltighet.till}): insats {', '.join(voluntary)}. Lägg till en post "
            f"om ni rapporterar den för {ar}.",
            "",
        )
    return "\n".join(out) + "\n"


def repository_prefix(data_root: Path) -> str | None:
    """The data folder as a CODEOWNERS path: relative to the git work tree that holds it, else
    to the working folder ("" for the root itself); None when it is outside both."""
    root = data_root.resolve()
    repo = next((p for p in [root, *root.parents] if (p / ".git").exists()), None)
    base = repo if repo is not None else Path.cwd().resolve()
    try:
        prefix = root.relative_to(base).as_posix()
    except ValueError:
        return None
    return "" if prefix == "." else prefix


#: What CODEOWNERS reads as more than a letter in a path (gitignore rules): a blank ends the
#: path, ``#`` starts a comment, ``*?[]`` are wildcards, a backslash escapes; each gets one.
_CODEOWNERS_SPECIAL = re.compile(r"([ #*?\[\]\\])")


def codeowners_pattern(path: str) -> str:
    """``path`` (a folder, relative to the repository) as a CODEOWNERS path that means exactly
    that folder: ``min data`` as ``min\\ data``. A folder name with a line break or another
    control character cannot be written in the file at all (it would end the line and start
    another rule): ``DataDirError``."""
    if any(ord(c) < 32 or ord(c) == 127 or c in "\x85\u2028\u2029" for c in path):
        from utsatta.errors import DataDirError

        raise DataDirError(
            f"Datamappens sökväg ({identifier(path)}) har en radbrytning eller ett annat "
            "styrtecken och kan inte skrivas i CODEOWNERS. Byt namn på mappen."
        )
    return _CODEOWNERS_SPECIAL.sub(r"\\\1", path)


def codeowners(ds: DataSet, data_prefix: str, *, coordinators: bool = False) -> str:
    """A CODEOWNERS file: each organisation's reviewers own its report files.

    ``data_prefix`` is the data folder's path from the repository root, e.g. "data". With
    ``coordinators``, the reviewers of the organisations that have samordningsansvar for an
    insats that an organisation reports on own its report files too.
    """
    assert ds.organisationer and ds.organisationer.model
    orgs = ds.organisationer.model
    prefix = (
        "/" + codeowners_pattern(data_prefix.strip("/")) + "/" if data_prefix.strip("/") else "/"
    )
    lines = [
        "# Skapad av `utsatta codeowners` från organisationer.yaml (granskare). Ändra inte för",
        "# hand: lägg till granskare i organisationer.yaml och skapa filen igen.",
    ]
    if coordinators:
        lines += [
            "# Med --med-samordnare: granskarna hos den som har samordningsansvar för en insats",
            "# äger också rapporterna om den (GitHub kräver godkännande av en av ägarna).",
        ]
    ks = next((o for o in orgs.organisationer if o.typ == "kommunstyrelse"), None)
    if ks is not None and ks.granskare:
        owners = " ".join(ks.granskare)
        # the owner by its name in organisationer.yaml (the one of typ kommunstyrelse)
        lines += _comment_block(
            "Planen, organisationerna, områdena, indikatorerna och den samlade uppföljningen: "
            f"{shorten(ks.namn, 200)}.",
            "",
        )
        for name in (
            "plan.yaml",
            "organisationer.yaml",
            "omraden.yaml",
            "indikatorer/",
            "uppfoljning/",
        ):
            lines.append(f"{prefix}{name} {owners}")
    reviewers = {o.id: list(o.granskare) for o in orgs.organisationer}
    # The file pattern covers every year: whoever holds or coordinates an insats in any year
    # (heirs included), asked once per insats, not once per organisation.
    per_insats: list[tuple[frozenset[str], list[str]]] = []
    if coordinators and ds.plan and ds.plan.model:
        duties = Duties(list(ds.plan.model.insatser), orgs)
        per_insats = [
            (frozenset(duties.responsible(i.id)), duties.samordnande(i.id))
            for i in ds.plan.model.insatser
        ]
    for org in orgs.organisationer:
        path = f"{prefix}rapporter/*/{org.id}.yaml"
        owners_of = unique_handles(org.granskare)
        if not owners_of:
            lines.append(f"# {path}: inga egna granskare angivna")
        for holders, coordinating in per_insats:
            if org.id in holders:
                for coordinator in coordinating:
                    owners_of = unique_handles([*owners_of, *reviewers[coordinator]])
        if owners_of:
            lines.append(f"{path} {' '.join(owners_of)}")
    return "\n".join(lines) + "\n"


def unique_handles(handles: list[str]) -> list[str]:
    """Handles in order, each once (GitHub's handles ignore case)."""
    seen: set[str] = set()
    out = []
    for handle in handles:
        if handle.lower() not in seen:
            seen.add(handle.lower())
            out.append(handle)
    return out


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
            *_comment_block(
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
        *_comment_block(f"Samlad uppföljning {ar} av {shorten(plan.plan.namn, 200)}.", ""),
        "# Fyll i varje fält. Texter får vara flera stycken: skriv dem indragna under 'text: |'.",
        _check_comment(ds, ds.root / "uppfoljning" / f"{ar}.yaml"),
        "schemaversion: 1",
        f"ar: {ar}",
        "# Sätt till true bara om innehållet är påhittat för att visa formatet.",
        "illustrativ: false",
        *_upprattad_av(ds, ar),
        "# Den samlade bilden av läget i slutet av året, kort.",
        "nulage: |",
        "",
    ]
    out += _comment_block(
        f"Bedömning, ett av: {bedomningar}. uppnatt, delvis-uppnatt och inte-uppnatt ges bara "
        f"planens sista år ({plan.plan.giltighet.till}). En bedömning som bygger på källor "
        "anger 'kallor' (id ur 'kallor' längst ned) och 'sakerhet' (bekraftad, sekundar, "
        "slutledd).",
        "",
    )
    if last:
        out += _comment_block(f"Planens sista år: är målet nått? Målet: {plan.mal.text}", "")
        out += [
            "mal:",
            "  bedomning:",
            "  text: |",
            "",
        ]
    out += _comment_block(
        "Under ett delmål kan 'omraden:' ge en bedömning per område (id ur omraden.yaml): "
        "'- omrade: bergsjon', 'bedomning:', 'text:'.",
        "",
    )
    out.append("delmal:" if plan.mal.delmal else "delmal: []")
    for d in plan.mal.delmal:
        out += _comment_block(f"Delmål: {d.text}", "  ")
        out += [f"  - delmal: {d.id}", "    bedomning:", "    text: |", ""]
    out.append("fokusomraden:" if plan.fokusomraden else "fokusomraden: []")
    for fo in plan.fokusomraden:
        out += _comment_block(f"Fokusområde {fo.id}: {fo.namn}", "  ")
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
        out += _comment_block(f"Dnr {u.diarienummer}: {u.text}", "  ")
        out += [f"  - uppdrag: {u.id}", "    status:", "    redovisning: |", ""]
    out += _comment_block(
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
