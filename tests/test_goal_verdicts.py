"""The slutuppföljning's written verdict on the mål and the delmål against the outcome the
report computes (malbedomning-motsager-utfall, decision 0535), on the shipped data: the
reviewer's reproduction (granska17 F-l), each advice followed exactly, and the cases where no
outcome is computed."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import CASES, SHIPPED, build_case, edited_findings, findings_in

UPP = "uppfoljning/2025.yaml"
MAL = "mal:\n  bedomning: inte-uppnatt\n"
DELMAL = "  - delmal: inga-sarskilt-utsatta\n    bedomning: inte-uppnatt\n"


def _codes(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str]]:
    return [(line, col, code) for line, col, code, _ in found]


def test_mal_uppnatt_against_computed_inte_natt(tmp_path: Path) -> None:
    found = edited_findings(tmp_path, UPP, MAL, MAL.replace("inte-uppnatt", "uppnatt"))
    assert _codes(found) == [(17, 14, "malbedomning-motsager-utfall")]
    assert found[0][3] == (
        "Bedömningen av målet ('uppnatt') går emot det beräknade utfallet för 2025: Inte nått. "
        "Indikatorn 'Antal områden i Göteborg på polisens lista (alla nivåer)' "
        f"({tmp_path / 'data/indikatorer/omraden-pa-polisens-lista.yaml'}) har värdet 8 "
        "(2025, uppgift i andra hand) mot målvärdet 0 (lägre är bättre). Rätta 'bedomning' "
        "till 'inte-uppnatt' eller 'delvis-uppnatt'. Eller, om bedömningen bygger på en "
        "säkrare källa än värdet: lägg till källan i filens 'kallor', ange dess id i 'kallor' "
        "här med 'sakerhet: bekraftad' och förklara skillnaden i 'text'."
    )


def test_delmal_bedoms_uppnas_against_computed_inte_natt(tmp_path: Path) -> None:
    found = edited_findings(tmp_path, UPP, DELMAL, DELMAL.replace("inte-uppnatt", "bedoms-uppnas"))
    assert _codes(found) == [(27, 16, "malbedomning-motsager-utfall")]
    assert "Bedömningen av delmål 1 ('bedoms-uppnas')" in found[0][3]
    assert "har värdet 4 (2025, uppgift i andra hand) mot målvärdet 0" in found[0][3]


def test_each_advice_followed_gives_no_finding(tmp_path: Path) -> None:
    """'Rätta bedomning' to either value named, or a confirmed source for the verdict (the
    shipped verdict names its sources; its sakerhet is sekundar)."""
    wrong = MAL.replace("inte-uppnatt", "uppnatt")
    for n, fixed in enumerate(("inte-uppnatt", "delvis-uppnatt")):
        assert (
            edited_findings(tmp_path / str(n), UPP, MAL, MAL.replace("inte-uppnatt", fixed)) == []
        )
    data = tmp_path / "k" / "data"
    shutil.copytree(SHIPPED, data)
    path = data / UPP
    text = path.read_text(encoding="utf-8").replace(MAL, wrong)
    surer = "  sakerhet: sekundar\ndelmal:"
    assert text.count(surer) == 1
    path.write_text(text.replace(surer, "  sakerhet: bekraftad\ndelmal:"), encoding="utf-8")
    assert findings_in(data, path) == []


def test_inte_uppnatt_against_computed_natt(tmp_path: Path) -> None:
    """The other direction: the list reaches the målvärde, the verdict says it does not."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    ind = data / "indikatorer/sarskilt-utsatta-omraden.yaml"
    text = ind.read_text(encoding="utf-8")
    # the målvärde 4 (as many as the list has in 2025): the delmål is reached
    assert text.count("varde: 0") >= 1
    found_before = findings_in(data, data / UPP)
    assert found_before == []
    first = text.index("malvarden:")
    head, tail = text[:first], text[first:]
    ind.write_text(head + tail.replace("varde: 0", "varde: 4", 1), encoding="utf-8")
    found = findings_in(data, data / UPP)
    assert _codes(found) == [(27, 16, "malbedomning-motsager-utfall")]
    assert "går emot det beräknade utfallet för 2025: Nått." in found[0][3]
    assert "Rätta 'bedomning' till 'uppnatt'. Eller, om" in found[0][3]


def test_no_outcome_before_the_plans_last_year(tmp_path: Path) -> None:
    """A forecast in an earlier year's uppföljning has no computed outcome to go against."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / "uppfoljning/2024.yaml"
    text = path.read_text(encoding="utf-8")
    first = "    bedomning: bedoms-inte-uppnas\n"  # the first delmål's forecast
    assert text.index(first) < text.index("fokusomraden:")
    path.write_text(text.replace(first, "    bedomning: bedoms-uppnas\n", 1), "utf-8")
    assert [f for f in findings_in(data, path) if f[2] == "malbedomning-motsager-utfall"] == []


def test_a_confirmed_value_offers_no_surer_source(tmp_path: Path) -> None:
    """With the value itself confirmed, a confirmed source for the verdict does not silence the
    warning (0535), so the advice offers only the first way (granska17b F2); following the
    other way anyway leaves the same message."""
    data = build_case(CASES / "malbedomning-motsager-utfall", tmp_path)
    ind = data / "indikatorer/omraden-kvar.yaml"
    text = ind.read_text(encoding="utf-8")
    sekundar = "    titel: Listan 2025 återgiven\n    sakerhet: sekundar\n"
    assert text.count(sekundar) == 1
    ind.write_text(text.replace(sekundar, sekundar.replace("sekundar", "bekraftad")), "utf-8")
    upp = data / "uppfoljning/2025.yaml"
    expected = [
        (
            8,
            14,
            "malbedomning-motsager-utfall",
            "Bedömningen av målet ('uppnatt') går emot det beräknade utfallet för 2025: Inte "
            f"nått. Indikatorn 'Antal områden på listan' ({ind}) har värdet 3 (2025) mot "
            "målvärdet 0 (lägre är bättre). Rätta 'bedomning' till 'inte-uppnatt' eller "
            "'delvis-uppnatt'. Värdet bygger på en bekräftad källa, så ingen källa för "
            "bedömningen väger tyngre.",
        )
    ]
    assert findings_in(data, upp) == expected
    # the verdict on a confirmed source of its own, listed in the file: the warning stays
    text = upp.read_text(encoding="utf-8")
    verdict = "  text: Målet är inte nått; tre områden är kvar.\n"
    assert text.count(verdict) == 1
    text = text.replace(verdict, verdict + "  kallor: [listan]\n  sakerhet: bekraftad\n")
    assert "\nkallor:" not in text
    text += (
        "kallor:\n  - id: listan\n    utgivare: Polisen\n    titel: Listan 2025\n"
        "    sakerhet: bekraftad\n"
    )
    upp.write_text(text, encoding="utf-8")
    assert findings_in(data, upp) == expected
