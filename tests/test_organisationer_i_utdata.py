"""Every output that names who is responsible asks the one time-aware rule (Duties): a successor
inherits a ceased nämnd's duties from the day after it ceased (fakta.md §6), and the outputs say
when and on what ground. The expected texts are read by hand off data/organisationer.yaml and
data/plan.yaml.
"""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path

import pytest

from utsatta.check import validate
from utsatta.compute.responsibility import Arv, Duties
from utsatta.load.dataset import load
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.render.overview import plan_data, plan_text
from utsatta.render.report import build, render
from utsatta.render.report.view import InsatsVy, ReportView
from utsatta.scaffold import codeowners, report_scaffold

DATA = Path(__file__).parent.parent / "data"
_DS = load(DATA)
assert _DS.plan and _DS.plan.model and _DS.organisationer and _DS.organisationer.model
PLAN: PlanFil = _DS.plan.model
ORGS: OrganisationerFil = _DS.organisationer.model


@cache
def _view(ar: int) -> ReportView:
    return build(_DS, ar)


@cache
def _md(ar: int) -> str:
    return render(_view(ar), "md")


def _insats(ar: int, ident: str) -> InsatsVy:
    return next(i for f in _view(ar).fokusomraden for i in f.insatser if i.id == ident)


def _roll(ar: int, ident: str, organisation: str) -> str:
    return next(o.roll for o in _insats(ar, ident).organisationer if o.organisation == organisation)


# --- the report's insatser (finding 2) ----------------------------------------------------------


@pytest.mark.parametrize("ar", [2023, 2024, 2025])
def test_the_heir_of_lokalnamnden_coordinates_and_is_responsible_for_2_2(ar: int) -> None:
    """The plan: samordningsansvar Lokalnämnden; ansvar Lokalnämnden, förskole- och
    grundskolenämnden. From 2023 Stadsfastighetsnämnden holds both of Lokalnämnden's parts."""
    ins = _insats(ar, "2:2")
    assert ins.samordningsansvar == "Stadsfastighetsnämnden"
    assert ins.ansvar == "Stadsfastighetsnämnden, Förskolenämnden, Grundskolenämnden"
    assert _roll(ar, "2:2", "Stadsfastighetsnämnden") == (
        "Samordnande och ansvarig som efterträdare till Lokalnämnden (slutledd) från 2023-01-01"
    )


def test_2_2_in_2022_is_lokalnamndens() -> None:
    ins = _insats(2022, "2:2")
    assert (ins.samordningsansvar, ins.ansvar) == (
        "Lokalnämnden",
        "Lokalnämnden, Förskolenämnden, Grundskolenämnden",
    )


@pytest.mark.parametrize("ar", [2022, 2023, 2024, 2025])
def test_demokrati_och_medborgarservice_is_responsible_for_3_1_every_year(ar: int) -> None:
    ins = _insats(ar, "3:1")
    lokal = "Lokalnämnden" if ar == 2022 else "Stadsfastighetsnämnden"
    assert ins.samordningsansvar == "Nämnden för demokrati och medborgarservice, Kulturnämnden"
    assert ins.ansvar == (
        "Nämnden för demokrati och medborgarservice, Kulturnämnden, Idrotts- och "
        f"föreningsnämnden, {lokal}, Socialnämnden Centrum, Socialnämnden Hisingen, Socialnämnden "
        "Nordost, Socialnämnden Sydväst"
    )
    assert _roll(ar, "3:1", "Nämnden för demokrati och medborgarservice") == (
        "Samordnande och ansvarig som efterträdare till Nämnden för konsument- och "
        "medborgarservice (bekräftad) från 2021-11-01 (datum: slutledd)"
    )


def test_two_predecessors_ceasing_the_same_day_are_named_with_the_day_once() -> None:
    assert _roll(2024, "2:3", "Stadsmiljönämnden") == (
        "Ansvarig som efterträdare till Park- och naturnämnden och Trafiknämnden (slutledd) "
        "från 2023-01-01"
    )


def _with_insats(ident: str, samordning: list[str], ansvar: list[str]) -> PlanFil:
    insatser = [
        i.model_copy(update={"samordningsansvar": samordning, "ansvar": ansvar})
        if i.id == ident
        else i
        for i in PLAN.insatser
    ]
    return PLAN.model_copy(update={"insatser": insatser})


def test_the_heir_of_a_coordinator_only_is_not_in_the_ansvar_column() -> None:
    """A case nobody showed: trafiknämnden coordinating 2:3 without being in its "Ansvar"
    column. Its heir coordinates from 2023, and holds no ansvar through it."""
    plan = _with_insats("2:3", ["trafiknamnden"], ["framtiden", "higab"])
    duties = Duties(list(plan.insatser), ORGS)
    assert duties.samordnande("2:3", 2023) == ["stadsmiljonamnden"]
    assert duties.ansvariga("2:3", 2023) == ["framtiden", "higab"]
    assert duties.ansvariga("2:3", 2022) == ["framtiden", "higab"]
    assert duties.holds("stadsmiljonamnden", "2:3", 2023, "samordning")
    assert not duties.holds("stadsmiljonamnden", "2:3", 2023, "ansvar")
    assert not duties.holds("stadsmiljonamnden", "2:3", 2022)


def test_each_step_of_a_chain_is_dated_by_its_own_predecessors_end() -> None:
    """A chain nobody showed: stadsmiljönämnden ceases 2024-06-30 and passes all to
    stadsbyggnadsnämnden; trafiknämnden's 2:3 reaches it in two steps, each with its day."""
    raw = ORGS.model_dump()
    for o in raw["organisationer"]:
        if o["id"] == "stadsmiljonamnden":
            o["giltig_till"] = "2024-06-30"
            o["efterfoljare"] = [{"organisation": "stadsbyggnadsnamnden", "tolkning": "bekraftad"}]
    orgs = OrganisationerFil.model_validate(raw)
    why = Duties(list(PLAN.insatser), orgs).why("stadsbyggnadsnamnden", "2:3", 2024)
    chains = {c[0].fran: [(s.fran, s.till, s.datum) for s in c] for c in why.arv}
    assert chains["trafiknamnden"] == [
        ("trafiknamnden", "stadsmiljonamnden", "2023-01-01"),
        ("stadsmiljonamnden", "stadsbyggnadsnamnden", "2024-07-01"),
    ]


# --- Bilaga C and the sources (finding 3) -------------------------------------------------------


def test_over_time_says_when_a_nämnd_ceased_and_who_took_over() -> None:
    md = _md(2025)
    start = md.index("**Insats 2:2 ")
    table = md[start : md.index("**Insats 2:3 ")]
    assert (
        "| Lokalnämnden (upphörde 2022-12-31; efterträdare: Stadsfastighetsnämnden, slutledd) "
        "| Pågående · Bedöms uppnås | upphörd | upphörd | upphörd |"
    ) in table
    assert (
        "| Stadsfastighetsnämnden (bildad 2023-01-01; efterträdare till Lokalnämnden, slutledd) "
        "| ej bildad | Pågående · Osäkert | Försenad · Osäkert | Pågående · Inte uppnått |"
    ) in table
    assert (
        "”–”: ingen rapport om insatsen det året, och ingen krävdes det året. "
        "”upphörd”, ”ej bildad”: organisationen fanns inte det årets sista dag och hade inte "
        "insatsen det året (se organisationens rad).\n"
    ) in md


def test_a_year_without_any_change_keeps_the_short_legend() -> None:
    """In 2022 every organisation that reported existed all year: no "upphörd" to explain."""
    md = _md(2022)
    assert "ingen rapport om insatsen det året, och ingen krävdes det året.\n" in md
    assert "upphörd" not in md[md.index("## Bilaga C") :]


def test_the_sources_of_the_changes_shown_are_cited() -> None:
    def group(ar: int) -> list[str]:
        kallor = {g.rubrik: g.kallor for g in _view(ar).kallor}
        return [k.text for k in kallor["Organisationer som upphört och deras efterträdare"]]

    demokrati = "Göteborgs Stad: Nämnden för demokrati och medborgarservice (odaterad)"
    # 2022: only konsument- och medborgarservice had ceased (2021-10-31)
    assert group(2022) == [demokrati]
    assert group(2023) == [
        "Göteborgs Stad: Ny organisation för stadsutveckling 2023 (odaterad)",
        "Vårt Göteborg (Göteborgs Stads nyhetssajt): Samarbete viktigt när organisationen inom "
        "stadsutveckling förändras (odaterad)",
        "Sveriges Stadsbyggare (sverigesstadsbyggare.se): Om den nya organisationen för "
        "stadsutveckling i Göteborg 2023. Webbadressen är inte känd (2023-02-17, sekundär källa)",
        demokrati,
    ]


# --- validate (finding 4) -----------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    return out


def _append(path: Path, text: str) -> int:
    """Append ``text`` to the file; the line of its first line."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


ENTRY = """  - insats: "{insats}"
    status: pagaende
    nulage: Ett test.
    omraden: []
    bedomning: osakert
    fortsatt_arbete: Ett test.
"""


@pytest.mark.parametrize(
    ("insats", "due"),
    [
        ("2:2", "Stadsfastighetsnämnden, Förskolenämnden, Grundskolenämnden"),
        ("2:3", "Förvaltnings AB Framtiden, Higab, Stadsmiljönämnden"),
    ],
)
def test_ej_ansvarig_names_who_reports_that_year(data: Path, insats: str, due: str) -> None:
    path = data / "rapporter" / "2025" / "exploateringsnamnden.yaml"
    line = _append(path, ENTRY.format(insats=insats))
    found = [f for f in validate(data).findings if f.code == "ej-ansvarig"]
    assert [(Path(f.file).parts[-3:], f.line, f.column, f.severity) for f in found] == [
        (("rapporter", "2025", "exploateringsnamnden.yaml"), line, 13, "fel")
    ]
    assert found[0].message == (
        f"Exploateringsnämnden har inget ansvar för insats {insats} för 2025 enligt planen. "
        f"Ta bort posten; insatsen rapporteras för 2025 av {due}."
    )


def test_ej_samordnande_names_the_coordinator_of_that_year(data: Path) -> None:
    path = data / "rapporter" / "2025" / "forskolenamnden.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index('  - insats: "2:2"')
    at = text.index("    fortsatt_arbete:", start)
    path.write_text(text[:at] + "    samordning: En samlad bild.\n" + text[at:], "utf-8")
    found = [f for f in validate(data).findings if f.code == "ej-samordnande"]
    assert len(found) == 1
    assert found[0].line == text[:at].count("\n") + 1
    assert found[0].message == (
        "'samordning' skrivs av den som har samordningsansvar för insats 2:2 "
        "(Stadsfastighetsnämnden). Flytta texten till 'nulage' eller ta bort den."
    )


# --- utsatta plan (finding 5) -------------------------------------------------------------------


def _block(text: str, ident: str) -> str:
    start = text.index(f"Insats {ident} ")
    return text[start : text.index("\nInsats ", start + 1)]


def test_plan_text_dates_the_organisations_and_says_who_took_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = plan_text(_DS, 400)
    assert _block(text, "2:2").splitlines()[1:] == [
        "  Samordningsansvar: Lokalnämnden (upphörde 2022-12-31)",
        "  Ansvar: Lokalnämnden (upphörde 2022-12-31), Förskolenämnden, Grundskolenämnden",
        "  Lokalnämnden upphörde 2022-12-31; insatsen togs över av Stadsfastighetsnämnden "
        "(slutledd) från 2023-01-01.",
        "  Uppföljning: årlig rapportering",
    ]
    block = _block(text, "2:1")
    # konsument- och medborgarservice ceased before the plan: not a member of the group then
    assert "konsument" not in block
    assert "Nämnden för demokrati och medborgarservice (från 2021-11-01 (datum: slutledd))" in block
    assert "Fastighetsnämnden (upphörde 2022-12-31)" in block
    assert (
        "  Fastighetsnämnden upphörde 2022-12-31; insatsen togs över av Exploateringsnämnden och "
        "Stadsfastighetsnämnden (slutledd) från 2023-01-01."
    ) in block.splitlines()
    assert (
        "  Nämnden för konsument- och medborgarservice upphörde 2021-10-31 (datum: slutledd); "
        "insatsen togs över av Nämnden för demokrati och medborgarservice (bekräftad) från "
        "2021-11-01 (datum: slutledd)."
    ) in _block(text, "3:1").splitlines()


def test_plan_json_has_validity_successors_and_holders_per_year() -> None:
    doc = json.loads(json.dumps(plan_data(_DS), ensure_ascii=False))
    by_id = {i["id"]: i for i in doc["insatser"]}
    lokal = by_id["2:2"]["samordningsansvar"][0]
    assert lokal == {
        "id": "lokalnamnden",
        "namn": "Lokalnämnden",
        "grupp": None,
        "giltig_fran": None,
        "giltig_fran_sakerhet": None,
        "giltig_till": "2022-12-31",
        "giltig_till_sakerhet": None,
        "efterfoljare": [
            {
                "fran": "2023-01-01",
                "fran_sakerhet": None,
                "tolkning": "slutledd",
                "kallor": ["goteborg-ny-organisation-stadsutveckling-2023"],
                "id": "stadsfastighetsnamnden",
                "namn": "Stadsfastighetsnämnden",
                "grupp": None,
                "giltig_fran": "2023-01-01",
                "giltig_fran_sakerhet": None,
                "giltig_till": None,
                "giltig_till_sakerhet": None,
                "efterfoljare": [],
            }
        ],
    }
    assert by_id["2:2"]["per_ar"]["2023"] == {
        "samordningsansvar": ["stadsfastighetsnamnden"],
        "ansvar": ["stadsfastighetsnamnden", "forskolenamnden", "grundskolenamnden"],
    }
    assert by_id["3:1"]["per_ar"]["2022"]["samordningsansvar"] == [
        "demokrati-och-medborgarservice",
        "kulturnamnden",
    ]
    ansvar_2_1 = [o["id"] for o in by_id["2:1"]["ansvar"]]
    assert "konsument-och-medborgarservice" not in ansvar_2_1
    assert {"fastighetsnamnden", "exploateringsnamnden"} <= set(ansvar_2_1)
    assert by_id["2:1"]["i_planen"]["ansvar"] == [
        {
            "id": "samtliga-med-verksamhet-i-utsatta-omraden",
            "namn": "Samtliga nämnder och styrelser i Göteborgs Stad med verksamhet i utsatta "
            "områden",
            "typ": "grupp",
        }
    ]


# --- ny rapport -------------------------------------------------------------------------------


def test_the_scaffold_says_an_insats_is_inherited_and_from_whom() -> None:
    text = report_scaffold(_DS, 2025, "stadsfastighetsnamnden")
    at = text.index('  - insats: "2:2"')
    comment = text[text.rindex("# Insats 2:2", 0, at) : at]
    assert comment == (
        "# Insats 2:2: Underhåll i grundskolors och förskolors lokaler och utemiljöer i utsatta "
        "områden\n"
        "  # ska prioriteras\n"
        "  # Ni har insatsen som efterträdare till Lokalnämnden från 2023-01-01 (planen nämner\n"
        "  # Lokalnämnden, inte er). Övertagandet är en slutsats av hur källorna beskriver\n"
        "  # ansvarsområdena, inte något som källan säger rakt ut.\n"
    )
    at = text.index('  - insats: "2:1"')
    assert text[text.rindex("# Insats 2:1", 0, at) : at].endswith(
        "  # Planen ger er insatsen, och ni har den också som efterträdare till Fastighetsnämnden "
        "och\n  # Lokalnämnden från 2023-01-01. Övertagandet är en slutsats av hur källorna "
        "beskriver\n"
        "  # ansvarsområdena, inte något som källan säger rakt ut.\n"
    )
    # named by the plan itself: no such comment
    own = report_scaffold(_DS, 2025, "forskolenamnden")
    assert "efterträdare" not in own


def test_arv_carries_the_day_the_heir_took_over() -> None:
    duties = Duties(list(PLAN.insatser), ORGS)
    assert duties.successors("lokalnamnden", "2:2") == [
        Arv(
            "lokalnamnden",
            "stadsfastighetsnamnden",
            "slutledd",
            ("goteborg-ny-organisation-stadsutveckling-2023",),
            "2023-01-01",
        )
    ]
    # fastighetsnämnden passes only 2:1 and 2:4 on
    assert duties.successors("fastighetsnamnden", "2:2") == []
    assert duties.successors("grundskolenamnden", "2:2") == []


def test_codeowners_gives_the_heir_of_a_coordinator_the_reports_it_coordinates(
    data: Path,
) -> None:
    """Stadsfastighetsnämnden coordinates 2:2 from 2023 (Lokalnämnden's heir): with
    --med-samordnare its reviewers own förskolenämndens reports too."""
    path = data / "organisationer.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  - id: stadsfastighetsnamnden")
    at = text.index("    granskare: []", at)
    path.write_text(
        text[:at] + "    granskare: ['@stadsfastighet']" + text[at + len("    granskare: []") :],
        encoding="utf-8",
    )
    lines = codeowners(load(data), "data", coordinators=True).splitlines()
    assert "/data/rapporter/*/forskolenamnden.yaml @stadsfastighet" in lines
    assert "/data/rapporter/*/utbildningsnamnden.yaml @stadsfastighet" not in lines
