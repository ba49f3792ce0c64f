"""A list from the data in a message is bounded (docs/decisions/0581): hundreds of
organisations, insatser, successors or files give the first few and "och N till", never a
message that grows with the data. Each place: the exact bounded text and a length bound."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from tests.support import BASE, CASES, SHIPPED, build_case, findings_in
from utsatta.check import validate
from utsatta.check.rules.base import unknown
from utsatta.cli.app import app
from utsatta.compute.police import moves_text
from utsatta.compute.progress import Lucka, Orsak, Point, compute
from utsatta.findings import Finding, Severity
from utsatta.load.dataset import load
from utsatta.load.indent import pasted_message
from utsatta.model.omraden import OmradenFil
from utsatta.render.findings import per_organisation, text
from utsatta.scaffold import not_reporting
from utsatta.wording import (
    LISTADE_FILER,
    LISTADE_ID,
    LISTADE_INSATSER,
    LISTADE_NAMN,
    begransad,
    insatser,
)

#: no bounded message is longer than this, however many items the data has
MAX_MESSAGE = 2_000


def test_begransad_names_the_first_and_counts_the_rest() -> None:
    names = [f"o{k}" for k in range(500)]
    assert begransad(names[:3]) == "o0, o1 och o2"
    assert begransad(names[:5]) == "o0, o1, o2, o3 och o4"
    assert begransad(names[:6]) == "o0, o1, o2, o3, o4 och 1 till"
    assert begransad(names, 3) == "o0, o1, o2 och 497 till"
    assert begransad(names, 2, "; ") == "o0; o1 och 498 till"
    assert begransad(names[:3], 5, "; ", och_last=False) == "o0; o1; o2"
    assert begransad(names, 2, "; ", och_last=False) == "o0; o1 och 498 till"
    # a count of thousands as every count in a message: "1 480", not "1480"
    assert begransad([str(k) for k in range(1485)]) == "0, 1, 2, 3, 4 och 1 480 till"
    assert begransad([]) == ""


def test_insatser_bounded_at_the_named_limit() -> None:
    ids = [f"1:{k}" for k in range(500)]
    assert LISTADE_INSATSER == 20
    assert insatser(ids[:1]) == "insats 1:0"
    assert insatser(ids[:2]) == "insatserna 1:0 och 1:1"
    assert insatser(ids) == f"insatserna {', '.join(ids[:20])} och 480 till"


def _org_lines(ids: list[str], **extra: str) -> str:
    more = "".join(f", {k}: '{v}'" for k, v in extra.items())
    return "".join(
        f"  - {{id: {i}, namn: N{i}, typ: namnd, verksamhet_i_utsatta_omraden: true{more}}}\n"
        for i in ids
    )


def _insert(path: Path, after: str, text: str) -> None:
    t = path.read_text(encoding="utf-8")
    at = t.index(after) + len(after)
    path.write_text(t[:at] + text + t[at:], encoding="utf-8")


def _group_of_500(data: Path) -> None:
    """Organisations o000–o499 in organisationer.yaml and the group 'manga' of all of them."""
    ids = [f"o{k:03d}" for k in range(500)]
    _insert(data / "organisationer.yaml", "organisationer:\n", _org_lines(ids))
    group = f"  - id: manga\n    namn: Många\n    medlemmar: [{', '.join(ids)}]\n"
    _insert(data / "organisationer.yaml", "grupper:\n", group)


def _insatser(n: int, ansvar: str) -> str:
    return "".join(
        f'  - id: "1:{100 + k}"\n    fokusomrade: "1"\n    titel: T{k}\n'
        "    forvantat_resultat: R\n    samordningsansvar: [grundskolenamnden]\n"
        f"    ansvar: [{ansvar}]\n"
        "    uppfoljning:\n      typ: arlig\n      text: X\n"
        for k in range(n)
    )


def _message(data: Path, path: Path, code: str) -> str:
    (found,) = [m for _, _, c, m in findings_in(data, path) if c == code]
    assert len(found) < MAX_MESSAGE, len(found)
    return found


def test_owner_advice_names_at_most_the_limit_of_insatser(tmp_path: Path) -> None:
    """owner.also_owed (the last session's note: "Lägg också till … för {', och '.join}"):
    Grundskolenämnden owes 500 more insatser for 2023; the advice names 20 of 501."""
    data = build_case(CASES / "agare-ur-posterna", tmp_path)
    _insert(data / "plan.yaml", "insatser:\n", _insatser(500, "grundskolenamnden"))
    path = data / "rapporter/2023/skolan.yaml"
    message = _message(data, path, "organisation-upphord")
    listed = ", ".join(f"1:{100 + k}" for k in range(20))
    assert message.endswith(
        f"Lägg också till en post per insats under 'insatser' för insatserna {listed} och 481 "
        "till, som Grundskolenämnden ska rapportera för 2023."
    )


def test_owner_choice_names_at_most_the_limit_of_organisations(tmp_path: Path) -> None:
    """owner: a group of 500 organisations holds a new insats 1:100, and a file with only 1:100
    names a ceased organisation: who holds all its insatser (the 500 and Grundskolenämnden, its
    samordnare) is 10 names and "och 491 till", and so is what each of them owes besides (2:1,
    by their verksamhet)."""
    data = build_case(CASES / "agare-ur-posterna", tmp_path)
    _group_of_500(data)
    _insert(data / "plan.yaml", "insatser:\n", _insatser(1, "manga"))
    path = data / "rapporter/2023/skolan.yaml"
    t = path.read_text(encoding="utf-8")
    path.write_text(
        t[: t.index("  - insats:")]
        + '  - insats: "1:100"\n    status: pagaende\n    nulage: Arbetet pågår.\n'
        "    omraden: [bergsjon]\n    bedomning: osakert\n    fortsatt_arbete: Vi fortsätter.\n",
        encoding="utf-8",
    )
    message = _message(data, path, "organisation-upphord")
    named = ", ".join(f"No{k:03d} (o{k:03d})" for k in range(LISTADE_NAMN))
    assert f"För 2023 har {named} och 491 till ansvar för alla insatser i filen, och vem" in (
        message
    )
    owes = "; ".join(f"för No{k:03d} insats 2:1" for k in range(LISTADE_NAMN))
    assert message.endswith(f"och som saknas i filen: {owes} och 491 till.")


def test_successors_named_at_most_the_limit(tmp_path: Path) -> None:
    """validity (the last session's note: "Uppgifterna togs över … av {'; '.join(parts)}"):
    Socialnämnd Nordost ceased with 500 successors; its report of 2023 names 10 of them and the
    files to move to 10 of theirs."""
    data, ids = _successors(tmp_path, 500)
    path = data / "rapporter/2023/socialnamnd-nordost.yaml"
    message = _message(data, path, "organisation-upphord")
    parts = "; ".join(
        ["Socialnämnd Ny (socialnamnd-ny): alla uppgifter (slutledd)"]
        + [f"N{i} ({i}): alla uppgifter (slutledd)" for i in ids[: LISTADE_NAMN - 1]]
    )
    files = ", ".join(
        ["rapporter/2023/socialnamnd-ny.yaml"]
        + [f"rapporter/2023/{i}.yaml" for i in ids[: LISTADE_FILER - 1]]
    )
    assert f"Uppgifterna togs över från 2023-01-01 av {parts} och 491 till. " in message
    assert f"som har insatsen ({files} och 491 till) och ta bort den här filen." in message


def _finding(file: str, severity: Severity = Severity.FEL) -> Finding:
    return Finding(file=file, line=1, column=1, code="okant-falt", severity=severity, message="x")


def test_per_organisation_line_names_at_most_the_limit() -> None:
    """validate's "Per organisation:" line: 500 organisations with findings are 10 and "och
    490 till" (then the common files); one organisation's 30 year folders are 10 and "och 20
    till"."""
    orgs = [f"o{k:03d}" for k in range(500)]
    findings = [_finding(f"data/rapporter/2023/{o}.yaml") for o in orgs]
    findings.append(_finding("data/plan.yaml"))
    line = per_organisation(findings, orgs)
    assert line is not None
    named = "; ".join(f"o{k:03d} 1 fel (2023)" for k in range(LISTADE_NAMN))
    assert line == f"Per organisation: {named} och 490 till; gemensamma datafiler 1 fel."
    assert len(line) < MAX_MESSAGE
    years = [str(1990 + k) for k in range(30)]
    line = per_organisation(
        [_finding(f"data/rapporter/{y}/o000.yaml") for y in years] + [_finding("data/plan.yaml")],
        orgs,
    )
    assert line == (
        f"Per organisation: o000 30 fel ({', '.join(years[:10])} och 20 till); "
        "gemensamma datafiler 1 fel."
    )


def test_closing_line_names_three_files_not_shown() -> None:
    """A check of named files: the files whose findings are not shown, 3 and "och 497 till"."""
    not_shown = {f"data/rapporter/2023/o{k:03d}.yaml": 1 for k in range(500)}
    closing = text([], 1, not_shown).splitlines()[-1]
    assert (
        "500 fynd i andra filer visas inte (data/rapporter/2023/o000.yaml, "
        "data/rapporter/2023/o001.yaml, data/rapporter/2023/o002.yaml och 497 till)"
    ) in closing
    assert len(closing) < MAX_MESSAGE


def test_valid_ids_named_at_most_the_limit() -> None:
    """base.unknown ("… finns inte i organisationer.yaml. Giltiga: …"): 20 of 500 ids."""
    ids = [f"o{k:03d}" for k in range(500)]
    f = unknown("r.yaml", ("organisation",), "okand-organisation", "Organisationen", "x", ids, "f")
    assert f.message.endswith(f"Giltiga: {', '.join(ids[:LISTADE_ID])} och 480 till.")
    assert len(f.message) < MAX_MESSAGE


def test_wide_digits_in_a_year_folder(tmp_path: Path) -> None:
    """rapporter/２０２３/ (fullwidth digits): the finding says the digits are wide and what to
    write, and the year counts for the place (the report without 'ar' still gets one)."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    wide = data / "rapporter" / "２０２３"
    shutil.move(data / "rapporter" / "2023", wide)
    path = wide / "grundskolenamnden.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ar: 2023\n", ""), "utf-8")
    assert findings_in(data, path) == [
        (
            1,
            1,
            "fel-plats",
            "En rapport ska ligga i rapporter/<år>/<organisation>.yaml; den här filen läses "
            "inte. Årtalet i mappens namn, '２０２３', är skrivet med breda siffror (som i "
            "japansk eller kinesisk text) och läses inte som ett år: skriv 2023 med vanliga "
            "siffror. Flytta den till rapporter/2023/grundskolenamnden.yaml.",
        )
    ]


def test_wide_digits_in_an_uppfoljning_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / "uppfoljning" / "２０２３.yaml"
    (data / "uppfoljning" / "2023.yaml").rename(path)
    assert findings_in(data, path) == [
        (
            1,
            1,
            "fel-plats",
            "En samlad uppföljning ska heta uppfoljning/<år>.yaml; den här filen läses inte. "
            "Årtalet i filens namn, '２０２３', är skrivet med breda siffror (som i japansk "
            "eller kinesisk text) och läses inte som ett år: skriv 2023 med vanliga siffror. "
            "Byt namn på den till 2023.yaml.",
        )
    ]


def test_indented_rows_named_at_most_the_limit() -> None:
    """indent.pasted_message (before: the first 5 rows and " …"): 500 short rows between the
    text's own are 5 and "och 495 till"."""
    lines = ["nulage: |", "    ok"]
    for _ in range(500):
        lines += ["  kort", "    ok"]
    message = pasted_message("\n".join(lines) + "\n", "nulage", 1, 3, len(lines), 2)
    assert message.startswith(
        "Rad 3, 5, 7, 9, 11 och 495 till är indragen 2 mellanslag, men texten under "
        "'nulage: |' (rad 1) har 4 (som rad 2)"
    )
    assert len(message) < MAX_MESSAGE


def _successors(tmp_path: Path, n: int) -> tuple[Path, list[str]]:
    """agare-ur-posterna's data with ``n`` more successors of Socialnämnd Nordost (formed
    2023), and its report of 2023 from _base."""
    data = build_case(CASES / "agare-ur-posterna", tmp_path)
    ids = [f"n{k:03d}" for k in range(n)]
    heirs = "".join(f"      - {{organisation: {i}, tolkning: slutledd}}\n" for i in ids)
    _insert(data / "organisationer.yaml", "        kallor: [beslut]\n", heirs)
    formed = _org_lines(ids, giltig_fran="2023-01-01")
    _insert(data / "organisationer.yaml", "organisationer:\n", formed)
    (data / "rapporter/2023/skolan.yaml").unlink()
    shutil.copy(
        BASE / "rapporter/2023/socialnamnd-nordost.yaml",
        data / "rapporter/2023/socialnamnd-nordost.yaml",
    )
    return data, ids


def test_not_reporting_names_at_most_the_limit_of_heirs(tmp_path: Path) -> None:
    """scaffold.not_reporting (`utsatta ny rapport` for a ceased organisation): 500 heirs are
    10 and "och 491 till"."""
    data, ids = _successors(tmp_path, 500)
    message = not_reporting(load(data), 2023, "socialnamnd-nordost")
    assert message is not None
    assert len(message) < MAX_MESSAGE
    heirs = "; ".join(
        f"{name} från 2023-01-01: insatserna 1:1, 1:7 och 2:1"
        for name in ["Socialnämnd Ny (socialnamnd-ny)", *(f"N{i} ({i})" for i in ids[:9])]
    )
    assert f"Uppgifterna har tagits över av {heirs} och 491 till. " in message


def test_ny_names_at_most_the_limit_of_valid_ids(tmp_path: Path) -> None:
    """`utsatta ny rapport 2023 okand`: "Giltiga id för 2023:" 20 ids and "och N till"."""
    data, ids = _successors(tmp_path, 500)
    result = CliRunner().invoke(app, ["ny", "rapport", "2023", "okand", "--data", str(data)])
    assert result.exit_code == 2
    said = " ".join(result.output.replace("│", " ").split())
    listed = ", ".join(ids[:LISTADE_ID])
    assert f"Giltiga id för 2023: {listed} och 483 till." in said, said
    assert len(result.output) < MAX_MESSAGE


def test_not_responsible_names_at_most_the_limit_of_holders(tmp_path: Path) -> None:
    """ej-ansvarig ("insatsen rapporteras för 2023 av …"): a post for 1:100, which a group of
    500 and its samordnare hold, in Kommunstyrelsen's report: 10 names and "och 491 till"."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    _group_of_500(data)
    _insert(data / "plan.yaml", "insatser:\n", _insatser(1, "manga"))
    path = data / "rapporter/2023/kommunstyrelsen.yaml"
    _insert(
        path,
        "insatser:\n",
        '  - insats: "1:100"\n    status: pagaende\n    nulage: Arbetet pågår.\n'
        "    omraden: [bergsjon]\n    bedomning: osakert\n    fortsatt_arbete: Vi fortsätter.\n",
    )
    message = _message(data, path, "ej-ansvarig")
    named = ", ".join(["Grundskolenämnden", *(f"No{k:03d}" for k in range(LISTADE_NAMN - 1))])
    assert message.endswith(
        f"Ta bort posten; insatsen rapporteras för 2023 av {named} och 491 till."
    )


def test_moved_areas_named_at_most_the_limit() -> None:
    """police.moves_text (a report's explanation of an ambiguous count): 500 areas that came
    onto the level are 10 and "och 490 till"."""
    omraden = OmradenFil.model_validate(
        {
            "schemaversion": 1,
            "kallor": [
                {"id": f"k{ar}", "utgivare": "Polisen", "sakerhet": "bekraftad", "slag": "polisen"}
                for ar in (2021, 2023)
            ],
            "upplagor": [
                {"ar": ar, "titel": f"Lägesbild {ar}", "utgivare": "Polisen"} for ar in (2021, 2023)
            ],
            "omraden": [
                {
                    "id": f"o{k:03d}",
                    "namn": f"O{k:03d}",
                    "klassning": [
                        {"upplaga": ar, "niva": niva, "sakerhet": "bekraftad", "kallor": [f"k{ar}"]}
                        for ar, niva in ((2021, "sarskilt-utsatt"), (2023, "riskomrade"))
                    ],
                }
                for k in range(500)
            ],
        }
    )
    text = moves_text(omraden, ["riskomrade"], 2021, 2023)
    named = "; ".join(
        f"O{k:03d} in från särskilt utsatt område (lägre nivå)" for k in range(LISTADE_NAMN)
    )
    assert text == f"{named} och 490 till"


def test_gap_areas_named_at_most_the_limit() -> None:
    """progress (how a status was computed): a value missing for 500 areas names 10 of them."""
    names = tuple(f"O{k:03d}" for k in range(500))
    gap = Lucka(2025, Orsak.NIVA_OKAND, tuple(n.lower() for n in names), names)
    r = compute(
        "forvantad-bana",
        "lagre-ar-battre",
        Point(2021, 2.0),
        [Point(2023, 2.0)],
        0.0,
        2025,
        till_ar=2025,
        planperiod=(2022, 2025),
        luckor=[gap],
    )
    assert r.forklaring.startswith(
        f"Värdet för 2025 saknas (polisens nivå okänd för {', '.join(names[:10])} och 490 "
        "till); det räknas inte som noll."
    )
    assert len(r.forklaring) < MAX_MESSAGE


def test_missing_delmal_named_at_most_the_limit(tmp_path: Path) -> None:
    """uppföljning (delmal-bedomning-saknas): 500 delmål of the plan without a bedömning are
    20 ids and "och 480 till"."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    ids = [f"d{k:03d}" for k in range(500)]
    _insert(
        data / "plan.yaml",
        "  delmal:\n",
        "".join(f"    - id: {i}\n      text: delmål {i}\n" for i in ids),
    )
    message = _message(data, data / "uppfoljning/2023.yaml", "delmal-bedomning-saknas")
    listed = ", ".join(f"'{i}'" for i in ids[:LISTADE_ID])
    assert message == (
        f"Uppföljningen saknar en bedömning av delmålen {listed} och 480 till i planen. Lägg "
        "till en post per id under 'delmal' (\"- delmal: …\")."
    )


def _many_hold_1_100(tmp_path: Path, post: str = "") -> tuple[Path, Path]:
    """_base with a group 'manga' of 500 organisations that has samordningsansvar and ansvar
    for a new insats 1:100, and Kommunstyrelsen's report of 2023 with a post for it."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    _group_of_500(data)
    plan = _insatser(1, "manga").replace(
        "samordningsansvar: [grundskolenamnden]", "samordningsansvar: [manga]"
    )
    _insert(data / "plan.yaml", "insatser:\n", plan)
    path = data / "rapporter/2023/kommunstyrelsen.yaml"
    _insert(
        path,
        "insatser:\n",
        '  - insats: "1:100"\n    status: pagaende\n    nulage: Arbetet pågår.\n'
        "    omraden: [bergsjon]\n    bedomning: osakert\n    fortsatt_arbete: Vi fortsätter.\n"
        + post,
    )
    return data, path


def test_coordinators_named_at_most_the_limit(tmp_path: Path) -> None:
    """ej-samordnande ("… har samordningsansvar för insats 1:100 (…)"): 10 and "och 490 till"."""
    data, path = _many_hold_1_100(tmp_path, "    samordning: Vi samordnar.\n")
    message = _message(data, path, "ej-samordnande")
    named = ", ".join(f"No{k:03d}" for k in range(LISTADE_NAMN))
    assert message == (
        "'samordning' skrivs av den som har samordningsansvar för insats 1:100 "
        f"({named} och 490 till). Flytta texten till 'nulage' eller ta bort den."
    )


def test_predecessors_named_at_most_the_limit(tmp_path: Path) -> None:
    """organisation-ej-bildad ("Rapporten lämnas av …, som organisationen efterträdde"): an
    organisation formed 2024 that 500 organisations were succeeded by; its report of 2023."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    ids = [f"p{k:03d}" for k in range(500)]
    old = "".join(
        f"  - {{id: {i}, namn: N{i}, typ: namnd, verksamhet_i_utsatta_omraden: true, "
        f"giltig_till: '2023-12-31', efterfoljare: [{{organisation: ny, tolkning: slutledd}}]}}\n"
        for i in ids
    )
    new = (
        "  - {id: ny, namn: Ny, typ: namnd, verksamhet_i_utsatta_omraden: true, "
        "giltig_fran: '2024-01-01'}\n"
    )
    _insert(data / "organisationer.yaml", "organisationer:\n", old + new)
    path = data / "rapporter/2023/ny.yaml"
    text = (BASE / "rapporter/2023/kommunstyrelsen.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("organisation: kommunstyrelsen", "organisation: ny"), "utf-8")
    message = _message(data, path, "organisation-ej-bildad")
    named = ", ".join(f"N{i} ({i})" for i in ids[:LISTADE_NAMN])
    assert f"Rapporten lämnas av {named} och 490 till, som organisationen efterträdde. " in (
        message
    )


def test_stray_post_keys_named_at_most_the_limit(tmp_path: Path) -> None:
    """stray_post ("… som har bara nycklarna …"): a '- ' too many before 'samordning' and 500
    unknown keys under it are 10 keys and "och 491 till"."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / "rapporter/2023/grundskolenamnden.yaml"
    text = path.read_text(encoding="utf-8")
    key = "    samordning: Samordningen fungerar.\n"
    assert key in text
    keys = [f"x{k:03d}" for k in range(500)]
    stray = "  - samordning: Samordningen fungerar.\n" + "".join(f"    {k}: 1\n" for k in keys)
    path.write_text(text.replace(key, stray, 1), encoding="utf-8")
    message = _message(data, path, "saknat-falt")
    named = ", ".join(f"'{k}'" for k in ["samordning", *keys[:9]])
    assert f"som har bara nycklarna {named} och 491 till, som posten ovanför saknar" in message


def test_lydelse_parts_named_at_most_the_limit(tmp_path: Path) -> None:
    """lydelse-stammer-inte ("Texten har ”…”, ”…”, ”…” och N till", before hand-written):
    500 words of the plan's text that are no names in the register are 3 and "och 498 till"."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    old = (
        '"Idrotts- och föreningsnämnden, kulturnämnden, nämnden för konsument- och '
        "medborgarservice, socialnämnd Centrum, socialnämnd Hisingen, socialnämnd Nordost, "
        'socialnämnd Sydväst och Förvaltnings AB Framtiden"'
    )
    assert text.count(old) == 1
    others = "".join(f"okänd {k}, " for k in range(500))
    path.write_text(
        text.replace(old, old.replace("kulturnämnden, ", "kulturnämnd, " + others)), "utf-8"
    )
    found = [
        f.message
        for f in validate(data).findings
        if f.code == "lydelse-stammer-inte" and f.message.startswith("'kulturnamnden'")
    ]
    assert len(found) == 1
    assert (
        "Texten har ”kulturnämnd”, ”okänd 0”, ”okänd 1” och 498 till, som inte är namn"
        in (found[0])
    )
    assert len(found[0]) < MAX_MESSAGE
