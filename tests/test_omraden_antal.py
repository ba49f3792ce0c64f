"""An edition's stated count per level (``upplagor: antal``): the value, as sure as its source,
whether the areas' levels leave the count open or give the same number (docs/decisions/0675);
checked against the areas' levels, shown in the report and the export like any other count
(docs/decisions/0320-antal-per-niva.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support import build_case
from utsatta.check.pipeline import validate
from utsatta.compute.police import (
    EJ_POLISEN,
    areas_leave_open,
    count_in,
    count_per_edition,
    stated_count,
    uses_stated_count,
)
from utsatta.compute.status import Lucka, Orsak, Point
from utsatta.load.dataset import load
from utsatta.model.omraden import Niva, OmradenFil

ROOT = Path(__file__).resolve().parents[1]
SU: tuple[Niva, ...] = ("sarskilt-utsatt",)
#: the class of a count whose levels no source of the police's own confirms (0500)
EJ = "annan källa än polisen"
TRE: tuple[Niva, ...] = ("utsatt", "riskomrade", "sarskilt-utsatt")


def _fil(antal: list[dict[str, Any]], levels: dict[str, str]) -> OmradenFil:
    return OmradenFil.model_validate(
        {
            "schemaversion": 1,
            "upplagor": [{"ar": 2015, "titel": "L", "utgivare": "Polisen", "antal": antal}],
            "omraden": [
                {
                    "id": id_,
                    "namn": id_.title(),
                    "klassning": [
                        {"upplaga": 2015, "niva": niva, "sakerhet": "slutledd", "kallor": ["k"]}
                        if niva != "okand"
                        else {"upplaga": 2015, "niva": "okand", "sakerhet": "saknas"}
                    ],
                }
                for id_, niva in levels.items()
            ],
        }
    )


def _antal(niva: str, n: int, sakerhet: str = "bekraftad", kalla: str = "gp") -> dict[str, Any]:
    return {"niva": niva, "antal": n, "sakerhet": sakerhet, "kallor": [kalla]}


LEVELS = {"a": "sarskilt-utsatt", "b": "sarskilt-utsatt", "c": "utsatt", "d": "okand"}


def test_a_stated_count_fills_only_the_gap_the_areas_leave() -> None:
    fil = _fil([_antal("sarskilt-utsatt", 2)], LEVELS)
    # d's unknown level leaves the SU count open: the stated count fills it, with its source
    # (bekräftad by a source not of the police's own, ‡: docs/decisions/0500)
    assert count_in(fil, 2015, SU) == Point(2015, 2.0, sakerhet=EJ_POLISEN, kallor=("gp",))
    assert uses_stated_count(fil, 2015, SU)
    # no count stated for utsatt (nor for all three levels): still a gap, naming d
    for nivaer in (("utsatt",), TRE):
        assert count_in(fil, 2015, nivaer) == Lucka(2015, Orsak.NIVA_OKAND, ("d",), ("D",))
        assert not uses_stated_count(fil, 2015, nivaer)


def test_a_stated_count_is_the_value_where_the_areas_give_it_too() -> None:
    # every level known and slutledd: the areas give 2 (slutledd), but a source states the 2
    # itself, so the value is the source's, as sure as it (‡ here), not the weakest area's
    # (docs/decisions/0675); a contradicting count is antal-motsager-nivaer, a validate error
    known = {**LEVELS, "d": "ej-pa-listan"}
    fil = _fil([_antal("sarskilt-utsatt", 2)], known)
    assert count_in(fil, 2015, SU) == Point(2015, 2.0, sakerhet=EJ_POLISEN, kallor=("gp",))
    assert uses_stated_count(fil, 2015, SU)
    assert not areas_leave_open(fil, 2015, SU)
    # without it, the areas' count, as sure as every level (0666)
    fil = _fil([], known)
    assert count_in(fil, 2015, SU) == Point(2015, 2.0, sakerhet="slutledd", kallor=("k",))
    assert not uses_stated_count(fil, 2015, SU)


def test_the_whole_list_is_the_sum_of_the_three_stated_levels() -> None:
    # on the list at a level not given is one of the three levels: the section's total (asked
    # with it) is the same stated sum as the indicator's (the three levels)
    fil = _fil(
        [_antal("utsatt", 1), _antal("riskomrade", 0), _antal("sarskilt-utsatt", 2)],
        {**LEVELS, "d": "ej-pa-listan"},
    )
    total = Point(2015, 3.0, sakerhet=EJ_POLISEN, kallor=("gp",))
    assert count_in(fil, 2015, TRE) == total
    assert count_in(fil, 2015, (*TRE, "pa-listan-niva-okand")) == total
    # a level without a stated count leaves the total to the areas
    assert stated_count(fil, 2015, ("ej-pa-listan", *TRE)) is None


def test_counts_of_several_levels_add_up_as_sure_as_the_weakest() -> None:
    fil = _fil(
        [_antal("sarskilt-utsatt", 2), _antal("utsatt", 1, "sekundar", "etc")],
        {**LEVELS, "e": "okand"},
    )
    assert stated_count(fil, 2015, ("utsatt", "sarskilt-utsatt")) == Point(
        2015, 3.0, sakerhet="sekundar", kallor=("etc", "gp")
    )
    # riskområde is not stated, so neither is the total on the list
    assert stated_count(fil, 2015, TRE) is None
    assert stated_count(fil, 2015, ("ej-pa-listan",)) is None
    assert stated_count(fil, 2016, SU) is None


def test_real_2015_six_sarskilt_utsatta_from_gp_and_nothing_more() -> None:
    fil = load(ROOT / "data").omraden
    assert fil is not None and fil.model is not None
    su = count_per_edition(fil.model, SU)
    assert [p for p in su.punkter if p.ar == 2015] == [
        # the press, not the police's own publication: ‡ (docs/decisions/0500)
        Point(2015, 6.0, sakerhet=EJ_POLISEN, kallor=("gp-tynnered-sarskilt-utsatt",))
    ]
    # GP gives the SU count only: on the list, utsatta and riskområden 2015 stay unknown
    open_ = (("hisings-backa", "rannebergen"), ("Hisings Backa", "Rannebergen"))
    for nivaer in (TRE, ("utsatt",), ("riskomrade",)):
        gaps = [g for g in count_per_edition(fil.model, nivaer).luckor if g.ar == 2015]
        assert gaps == [Lucka(2015, Orsak.NIVA_OKAND, *open_)]


@pytest.fixture(scope="module")
def report_2025() -> str:
    from utsatta.render.report.environment import report_text

    return report_text(load(ROOT / "data"), 2025, "md")


def test_real_report_bilaga_c_shows_the_stated_count(report_2025: str) -> None:
    lines = report_2025.splitlines()
    # the stated count says whose it is (decision 0127); bekräftad by the press, not the
    # police, it carries the class ‡ in words, as the counts of the other years (0500)
    assert (
        # 2015: the areas leave it open, so whose count it is stands beside it; 2017, 2021 and
        # 2023: the areas give the same number, the value has the source's class (0675)
        f"| Antal särskilt utsatta områden i Göteborg | 2015: 6 ({EJ}, antal enligt "
        f"Göteborgs-Posten); 2017: 7 ({EJ}); 2019: 6 (slutledd); 2021: 5 ({EJ}); 2023: 4 "
        f"({EJ}); 2025: 4 (uppgift i andra hand) |"
    ) in lines
    assert (
        "| Antal områden i Göteborg i kategorin utsatt område | 2015: okänt, nivån okänd för "
        "Hisings Backa och Rannebergen; 2017: 2 (slutledd); 2019: 2 (slutledd); 2021: 2 "
        f"(uppgift i andra hand); 2023: 2 ({EJ}); 2025: okänt, nivån okänd för Biskopsgården, "
        "Gårdsten, Tynnered/Grevegården/Opaltorget och Hisings Backa |"
    ) in lines


GP = (
    'Göteborgs-Posten: "Av de 15 områden som pekades ut som särskilt utsatta 2015 ligger sex '
    'stycken i Göteborg." Om Tynnered: "Stadsdelen har tidigare ansetts vara utsatt av '
    'polisen", dvs. utsatt före 2017. Artikelns titel och datum är inte kända (odaterad)'
)
GP_URL = "https://www.gp.se/nytt-omr%C3%A5de-i-g%C3%B6teborg-som-s%C3%A4rskilt-utsatt-1.4253698"


def test_real_report_bilaga_d_and_sources_name_the_stated_count(report_2025: str) -> None:
    lines = report_2025.splitlines()
    detail = lines.index("#### Antal särskilt utsatta områden i Göteborg")
    assert (
        f"  - Utfall 2015 (6, {EJ}, antal enligt Göteborgs-Posten): Antalet som "
        "Göteborgs-Posten anger för 2015 års upplaga av polisens lista, inte räknat ur "
        "områdenas nivåer, som lämnar det okänt; vilka områden det gäller anger källan inte. "
        f"Källa: {GP}."
    ) in lines[detail : detail + 12]
    assert any(
        line.startswith("**Antal ur polisens listor.** ")
        and "Anger en källa själv antalet för upplagan, till exempel hur många särskilt "
        "utsatta områden Göteborg hade, är värdet det antal som källan anger, så säkert som "
        "källan, också där områdenas nivåer ger samma antal; det står i Bilaga D med sin källa. "
        "Lämnar områdenas nivåer antalet okänt, säger det inte vilka områden det gäller, och "
        "överallt där värdet står, också i diagrammet (en romb i stället för en punkt), står "
        "vems antal det är: ”antal enligt …”."
        in line
        for line in lines
    )
    assert "### Källor för områdenas nivåer och för antal per nivå" in lines
    group = lines.index("### Indikator: Antal särskilt utsatta områden i Göteborg")
    end = lines.index("### Indikator: Antal områden i Göteborg i kategorin utsatt område")
    assert f"- {GP} <{GP_URL}>" in lines[group:end]


def test_real_export_row_matches_the_report() -> None:
    from utsatta.export.tables import tables

    t = next(t for t in tables(load(ROOT / "data"), 2025) if t.namn == "indikatorvarden")
    cols = [c.namn for c in t.columns]
    rows = [dict(zip(cols, r, strict=True)) for r in t.rows]
    row = next(r for r in rows if r["indikator"] == "sarskilt-utsatta-omraden" and r["ar"] == 2015)
    # the stated count's own source, not "computed from the police lists"
    assert (
        row["varde"],
        row["kalla_id"],
        row["kalla"],
        row["kalla_url"],
        row["sakerhet"],
        row["markering"],
    ) == (
        6,
        "gp-tynnered-sarskilt-utsatt",
        "Göteborgs-Posten",
        GP_URL,
        EJ_POLISEN,
        f"{EJ}, antal enligt Göteborgs-Posten",
    )
    assert row["kommentar"] == (
        "Antalet som Göteborgs-Posten anger för 2015 års upplaga av polisens lista, inte räknat "
        "ur områdenas nivåer, som lämnar det okänt; vilka områden det gäller anger källan inte. "
        "Uppgiften står i omraden.yaml (upplagor: antal; källor: gp-tynnered-sarskilt-utsatt)."
    )
    # a count a source states where the areas give the same number says so (0675)
    row17 = next(
        r for r in rows if r["indikator"] == "sarskilt-utsatta-omraden" and r["ar"] == 2017
    )
    assert (
        row17["varde"],
        row17["kalla_id"],
        row17["sakerhet"],
        row17["markering"],
        row17["kommentar"],
    ) == (
        7,
        "s-goteborg-2017",
        EJ_POLISEN,
        EJ,
        "Antalet som Socialdemokraterna i Göteborg anger för 2017 års upplaga av polisens lista. "
        "Områdenas nivåer ger samma antal, men källan anger antalet självt, så värdet har "
        "källans säkerhet och inte den osäkraste nivåns. Uppgiften står i omraden.yaml "
        "(upplagor: antal; källor: s-goteborg-2017).",
    )
    # a year counted area by area says nothing of the kind
    row19 = next(
        r for r in rows if r["indikator"] == "sarskilt-utsatta-omraden" and r["ar"] == 2019
    )
    assert (row19["kalla_id"], row19["kommentar"]) == (None, None)
    assert row19["kalla"].startswith("Beräknad ur polisens listor")


def test_validate_messages_for_stated_counts(tmp_path: Path) -> None:
    data = build_case(ROOT / "tests" / "cases" / "omraden-antal", tmp_path)
    found = [
        (x.line, x.column, x.code, x.message)
        for x in validate(data).findings
        if x.file.endswith("omraden.yaml")
    ]
    tail = (
        " Rätta antalet efter källan, eller rätta områdenas klassningar (niva) för upplagan; "
        "saknas ett område i filen, lägg till det under 'omraden'."
    )
    assert found == [
        # the case's police source has no slag (its counts are bekräftade): decision 0529
        (
            3,
            9,
            "kalla-utan-slag",
            "Källan 'polisen-2023' saknar 'slag', men en bekräftad nivå eller ett bekräftat "
            "antal anger den. Rapporten kan inte säga om nivån är bekräftad av polisen och "
            "markerar den som bekräftad i en annan källa än polisen (‡). Skriv slag: polisen, "
            "kommunen, press, parti eller tredjepart.",
        ),
        (
            16,
            16,
            "antal-motsager-nivaer",
            "Upplagan 2021 anger 2 särskilt utsatta områden i Göteborg, men områdenas "
            "klassningar för 2021 har redan 3 särskilt utsatta områden." + tail,
        ),
        (
            19,
            15,
            "dubblett-antal",
            "Upplagan 2021 har redan ett antal för nivån 'sarskilt-utsatt'. Ta bort det ena, "
            "eller rätta 'niva' om det gäller en annan nivå.",
        ),
        (
            24,
            16,
            "antal-motsager-nivaer",
            "Upplagan 2021 anger 1 utsatt område i Göteborg, men områdenas klassningar för 2021 "
            "tillåter högst 0 utsatta områden." + tail,
        ),
        (
            32,
            16,
            "antal-motsager-nivaer",
            "Upplagan 2023 anger 0 utsatta områden i Göteborg, men områdenas klassningar för 2023 "
            "har redan 1 utsatt område." + tail,
        ),
        (
            38,
            18,
            "okand-kalla",
            "Källan 'finns-inte' finns inte i filens kallor. Giltiga: polisen-2023, gp.",
        ),
    ]


def test_a_stated_count_in_the_latest_edition_shows_in_the_summary(tmp_path: Path) -> None:
    """A made-up count (test data only, in a copy): 2025 states two riskområden, bekräftad by
    the press; the four areas whose 2025 level the sources leave open stay unnamed."""
    import shutil

    from utsatta.render.report.environment import report_text

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    omraden = data / "omraden.yaml"
    text = omraden.read_text("utf-8")
    edition = "  - ar: 2025\n    manad: 12\n"
    assert edition in text
    stated = (
        "    antal:\n      - niva: riskomrade\n        antal: 2\n        sakerhet: bekraftad\n"
        "        kallor: [fastighetsvarlden-2025-12-02]\n"
    )
    omraden.write_text(text.replace(edition, edition + stated, 1), "utf-8")
    assert [f for f in validate(data).findings if f.file.endswith("omraden.yaml")] == []
    lines = report_text(load(data), 2025, "md").splitlines()
    assert "| Riskområden | 2‡ | vilka framgår inte av källorna |" in lines
    assert (
        "| Utsatta områden | okänt (nivån okänd för 4 områden) | vilka framgår inte av källorna |"
        in lines
    )
    assert "| **Totalt** | **8†** |   |" in lines  # the levels from the press (0500)
    # the legend line, a sentence in Markdown (granska17 L6)
    assert any(line.startswith("‡ Bekräftad i en annan källa än polisen: ") for line in lines)
    assert any(
        line.startswith("| Antal riskområden i Göteborg | 2015: okänt, nivån okänd för ")
        and line.endswith(f"; 2023: 2 ({EJ}); 2025: 2 ({EJ}, antal enligt Fastighetsvärlden) |")
        for line in lines
    )


def test_a_stated_counts_source_cited_by_no_level_is_listed(tmp_path: Path) -> None:
    """A made-up source (test data only, in a copy) that only states a count: Källor lists it
    with the levels' sources and with the indicator whose value it is; the export names it."""
    import shutil

    from utsatta.export.tables import tables
    from utsatta.render.report.environment import report_text

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    omraden = data / "omraden.yaml"
    text = omraden.read_text("utf-8")
    text = text.replace(
        "kallor: [gp-tynnered-sarskilt-utsatt]\n        kommentar: >-",
        "kallor: [testkalla]\n        kommentar: >-",
        1,
    )
    text = text.replace(
        "kallor:\n",
        "kallor:\n  - id: testkalla\n    utgivare: Testtidningen\n    titel: Sex områden\n"
        "    datum: 2016-01\n    sakerhet: bekraftad\n    slag: press\n",
        1,
    )
    omraden.write_text(text, "utf-8")
    assert [f for f in validate(data).findings if f.file.endswith("omraden.yaml")] == []
    ds = load(data)
    lines = report_text(ds, 2025, "md").splitlines()
    assert any(
        line.startswith(
            f"| Antal särskilt utsatta områden i Göteborg | 2015: 6 ({EJ}, antal enligt "
            f"Testtidningen); 2017: 7 ({EJ});"
        )
        for line in lines
    )
    levels = lines.index("### Källor för områdenas nivåer och för antal per nivå")
    group = lines.index("### Indikator: Antal särskilt utsatta områden i Göteborg")
    assert "- Testtidningen: Sex områden (2016-01)" in lines[levels:group]
    end = lines.index("### Indikator: Antal områden i Göteborg i kategorin utsatt område")
    assert "- Testtidningen: Sex områden (2016-01)" in lines[group:end]
    t = next(t for t in tables(ds, 2025) if t.namn == "indikatorvarden")
    cols = [c.namn for c in t.columns]
    row = next(
        r
        for r in (dict(zip(cols, r, strict=True)) for r in t.rows)
        if (r["indikator"], r["ar"]) == ("sarskilt-utsatta-omraden", 2015)
    )
    assert (row["kalla_id"], row["kalla"]) == ("testkalla", "Testtidningen: Sex områden (2016-01)")
