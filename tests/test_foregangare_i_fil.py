"""A file whose key names another organisation or year than the file's name, where the key is
what is wrong: 'lokalnamnden' in rapporter/2025/stadsfastighetsnamnden.yaml (written by someone
who reported for the old nämnd), 'ar: 2024' in uppfoljning/2025.yaml (a copy of last year's).
The fix is the key, never to rename the file after an organisation that does not report the
year, nor to move the content into this same file (and delete it), as said before. Exact
findings on the shipped data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.support import SHIPPED, edited_findings, findings_in


def test_the_predecessor_in_the_successors_file(tmp_path: Path) -> None:
    found = edited_findings(
        tmp_path,
        "rapporter/2025/stadsfastighetsnamnden.yaml",
        "organisation: stadsfastighetsnamnden",
        "organisation: lokalnamnden",
    )
    # One finding, not two with the same fix at the same place (review granska12, finding
    # 12; decision 0460): organisation-upphord also says who took over and when.
    assert found == [
        (
            4,
            15,
            "organisation-upphord",
            "Lokalnämnden upphörde 2022-12-31 och rapporterar inte för 2025. Uppgifterna togs "
            "över från 2023-01-01 av Stadsfastighetsnämnden (stadsfastighetsnamnden): alla "
            "uppgifter (slutledd). Filen heter redan stadsfastighetsnamnden.yaml: rätta "
            "'organisation' till 'stadsfastighetsnamnden'.",
        ),
    ]


def test_the_successor_in_the_predecessors_file(tmp_path: Path) -> None:
    found = edited_findings(
        tmp_path,
        "rapporter/2022/lokalnamnden.yaml",
        "organisation: lokalnamnden",
        "organisation: stadsfastighetsnamnden",
    )
    # As for the predecessor in the successor's file: one finding (decision 0460)
    assert [f[2] for f in found] == ["organisation-ej-bildad"]
    assert found[0][3] == (
        "Stadsfastighetsnämnden bildades 2023-01-01 och rapporterar inte för 2022. Rapporten "
        "lämnas av Fastighetsnämnden (fastighetsnamnden) och Lokalnämnden (lokalnamnden), som "
        "organisationen efterträdde. Filen heter redan lokalnamnden.yaml: rätta 'organisation' "
        "till 'lokalnamnden', eller rätta 'giltig_fran' i organisationer.yaml."
    )


@pytest.mark.parametrize(
    ("file", "shipped", "written"),
    [
        ("rapporter/2025/stadsfastighetsnamnden.yaml", "stadsfastighetsnamnden", "lokalnamnden"),
        ("rapporter/2022/lokalnamnden.yaml", "lokalnamnden", "stadsfastighetsnamnden"),
    ],
)
def test_the_fix_followed_literally_leaves_no_finding(
    tmp_path: Path, file: str, shipped: str, written: str
) -> None:
    """The one finding's "rätta 'organisation' till 'X'", applied as it says, leaves the file
    without a finding (both directions of decision 0460)."""
    found = edited_findings(
        tmp_path / "fel", file, f"organisation: {shipped}", f"organisation: {written}"
    )
    assert len(found) == 1
    advised = re.findall(r"rätta 'organisation' till '([^']+)'", found[0][3])
    assert advised == [shipped]
    fixed = edited_findings(
        tmp_path / "rättad", file, f"organisation: {shipped}", f"organisation: {advised[0]}"
    )
    assert fixed == []


def test_another_existing_organisation_is_still_a_rename(tmp_path: Path) -> None:
    """A file named after one organisation with another that also reports the year: as before,
    the file is renamed (or 'organisation' corrected)."""
    found = edited_findings(
        tmp_path,
        "rapporter/2025/stadsfastighetsnamnden.yaml",
        "organisation: stadsfastighetsnamnden",
        "organisation: exploateringsnamnden",
    )
    assert found[0][2:] == (
        "filnamn-matchar-inte",
        "Rapporten är från 'exploateringsnamnden' men filen heter stadsfastighetsnamnden.yaml. "
        "Filen ska heta exploateringsnamnden.yaml (eller rätta 'organisation'), men "
        "exploateringsnamnden.yaml finns redan: jämför filerna, för över det som ska vara kvar "
        "till exploateringsnamnden.yaml och ta sedan bort den här filen.",
    )


def test_last_years_uppfoljning_with_the_year_before_in_ar(tmp_path: Path) -> None:
    """uppfoljning/2025.yaml begun as a copy of 2024.yaml, 'ar' not changed: the year-bound
    findings say to correct 'ar', not to move the text into uppfoljning/2025.yaml, the file
    itself (said before)."""
    found = edited_findings(tmp_path, "uppfoljning/2025.yaml", "ar: 2025\n", "ar: 2024\n")
    fix = " Filen heter 2025.yaml: är 'ar' fel, rätta den till 2025."
    assert [f[2] for f in found] == [
        "filnamn-matchar-inte",
        "bedomning-for-tidigt",
        "bedomning-for-tidigt",
        "bedomning-for-tidigt",
        "slutuppfoljning-for-tidigt",
    ]
    assert found[1][3] == (
        "'inte-uppnatt' är en slutlig bedömning, som bara kan ges planens sista år (2025). För "
        f"2024 skriv bedoms-uppnas, osakert, bedoms-inte-uppnas eller kan-inte-bedomas.{fix}"
    )
    assert found[4][3] == (
        f"Slutuppföljningen (lärdomar och förslag) skrivs planens sista år, 2025.{fix}"
    )


def test_the_predecessor_in_the_successors_file_of_2023_is_one_finding(tmp_path: Path) -> None:
    """The review's own case (granska12, finding 12): one finding at 'organisation'."""
    found = edited_findings(
        tmp_path,
        "rapporter/2023/stadsfastighetsnamnden.yaml",
        "organisation: stadsfastighetsnamnden",
        "organisation: lokalnamnden",
    )
    assert [f[:3] for f in found] == [(6, 15, "organisation-upphord")]
    assert found[0][3].endswith(
        "Filen heter redan stadsfastighetsnamnden.yaml: rätta 'organisation' till "
        "'stadsfastighetsnamnden'."
    )


def test_a_ceased_organisation_in_a_third_organisations_file_is_one_finding(
    tmp_path: Path,
) -> None:
    """Lokalnämnden, ceased, in the file of Exploateringsnämnden, which reports the year and is
    not its successor: 'organisation' is what is wrong. One finding, that says to correct it;
    before, filnamn-matchar-inte said to correct 'organisation' and organisation-upphord at the
    same place to move the content to the successor's file and delete this one (review
    granska13, finding 4; decision 0470)."""
    found = edited_findings(
        tmp_path,
        "rapporter/2023/exploateringsnamnden.yaml",
        "organisation: exploateringsnamnden",
        "organisation: lokalnamnden",
    )
    assert found == [
        (
            5,
            15,
            "organisation-upphord",
            "Lokalnämnden upphörde 2022-12-31 och rapporterar inte för 2023. Filen heter "
            "exploateringsnamnden.yaml, efter Exploateringsnämnden, som rapporterar för 2023: "
            "rätta 'organisation' till 'exploateringsnamnden'.",
        )
    ]


def test_an_organisation_not_yet_formed_in_a_third_organisations_file_is_one_finding(
    tmp_path: Path,
) -> None:
    """The review's case (granska13, finding 4): Stadsfastighetsnämnden (formed 2023) in
    Grundskolenämnden's report of 2022. One finding, to correct 'organisation'; not also
    "Flytta innehållet dit och ta bort den här filen", nor one ej-ansvarig "Ta bort posten"
    per entry and one ej-samordnande per 'samordning' (the entries are Grundskolenämndens)."""
    found = edited_findings(
        tmp_path,
        "rapporter/2022/grundskolenamnden.yaml",
        "organisation: grundskolenamnden",
        "organisation: stadsfastighetsnamnden",
    )
    assert found == [
        (
            4,
            15,
            "organisation-ej-bildad",
            "Stadsfastighetsnämnden bildades 2023-01-01 och rapporterar inte för 2022. Filen "
            "heter grundskolenamnden.yaml, efter Grundskolenämnden, som rapporterar för 2022: "
            "rätta 'organisation' till 'grundskolenamnden'.",
        )
    ]


@pytest.mark.parametrize(
    ("file", "shipped", "written"),
    [
        ("rapporter/2022/grundskolenamnden.yaml", "grundskolenamnden", "stadsfastighetsnamnden"),
        ("rapporter/2023/exploateringsnamnden.yaml", "exploateringsnamnden", "lokalnamnden"),
        ("rapporter/2024/grundskolenamnden.yaml", "grundskolenamnden", "trafiknamnden"),
    ],
)
def test_the_fix_in_a_third_organisations_file_followed_literally_leaves_no_finding(
    tmp_path: Path, file: str, shipped: str, written: str
) -> None:
    """Decision 0470: the one finding's "rätta 'organisation' till 'X'", applied as it says,
    leaves the file without a finding; it advises no move and no deletion."""
    found = edited_findings(
        tmp_path / "fel", file, f"organisation: {shipped}", f"organisation: {written}"
    )
    assert len(found) == 1
    assert found[0][2] in ("organisation-upphord", "organisation-ej-bildad")
    assert "ta bort" not in found[0][3].lower()
    assert "flytta" not in found[0][3].lower()
    advised = re.findall(r"rätta 'organisation' till '([^']+)'", found[0][3])
    assert advised == [shipped]
    fixed = edited_findings(
        tmp_path / "rättad", file, f"organisation: {shipped}", f"organisation: {advised[0]}"
    )
    assert fixed == []


def test_the_file_named_after_one_that_does_not_report_the_year_is_only_renamed(
    tmp_path: Path,
) -> None:
    """Lokalnämnden's 2022 report in a file named after Stadsfastighetsnämnden (formed 2023):
    the file is to be renamed; "eller rätta 'organisation'" is not offered, as following it
    would give organisation-ej-bildad (review granska13, finding 5)."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    wrong = data / "rapporter/2022/stadsfastighetsnamnden.yaml"
    (data / "rapporter/2022/lokalnamnden.yaml").rename(wrong)
    found = findings_in(data, wrong)
    assert found == [
        (
            4,
            15,
            "filnamn-matchar-inte",
            "Rapporten är från 'lokalnamnden' men filen heter stadsfastighetsnamnden.yaml. "
            "Filen ska heta lokalnamnden.yaml.",
        )
    ]


def test_an_organisation_ceased_during_the_year_in_a_third_organisations_file(
    tmp_path: Path,
) -> None:
    """Lokalnämnden ceased 2023-06-30 (edited), its report in Exploateringsnämnden's file of
    2023: the warning organisation-upphorde-under-aret gives the same fix as
    filnamn-matchar-inte, not "flytta innehållet … och ta bort den här filen" (decision 0470);
    the error points to it as a warning, which it is."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    orgs = data / "organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    old = "  - id: lokalnamnden\n    namn: Lokalnämnden\n    typ: namnd\n"
    assert text.count(old) == 1
    head, tail = text.split(old)
    assert tail.count('giltig_till: "2022-12-31"') >= 1
    tail = tail.replace('giltig_till: "2022-12-31"', 'giltig_till: "2023-06-30"', 1)
    orgs.write_text(head + old + tail, encoding="utf-8")
    path = data / "rapporter/2023/exploateringsnamnden.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "organisation: exploateringsnamnden", "organisation: lokalnamnden"
        ),
        encoding="utf-8",
    )
    found = findings_in(data, path)
    assert found == [
        (
            5,
            15,
            "filnamn-matchar-inte",
            "Rapporten är från 'lokalnamnden' men filen heter exploateringsnamnden.yaml. "
            "'lokalnamnden' rapporterar inte för 2023 (se varningen för 'organisation'), så "
            "filen ska inte heta lokalnamnden.yaml: rätta 'organisation' till "
            "'exploateringsnamnden', som filen heter.",
        ),
        (
            5,
            15,
            "organisation-upphorde-under-aret",
            "Lokalnämnden upphörde 2023-06-30, före årets slut, och rapporten för 2023 räknas "
            "inte: hela året rapporteras av den som finns den 31 december. Filen heter "
            "exploateringsnamnden.yaml, efter Exploateringsnämnden, som rapporterar för 2023: "
            "rätta 'organisation' till 'exploateringsnamnden'.",
        ),
    ]


FASTIGHET_2023 = (
    "Fastighetsnämnden upphörde 2022-12-31 och rapporterar inte för 2023. Uppgifterna togs "
    "över från 2023-01-01 av Exploateringsnämnden (exploateringsnamnden): insatserna 2:1 och "
    "2:4 (slutledd); Stadsfastighetsnämnden (stadsfastighetsnamnden): insatserna 2:1 och 2:4 "
    "(slutledd). Flytta varje post till var och en av efterträdarna som har insatsen "
    "(rapporter/2023/exploateringsnamnden.yaml och rapporter/2023/stadsfastighetsnamnden.yaml) "
    "och ta bort den här filen. Saknas en fil, skapa den med 'utsatta ny rapport 2023 "
    "ORGANISATION'."
)


def test_a_ceased_organisation_in_a_ceased_organisations_file_is_not_told_to_rename(
    tmp_path: Path,
) -> None:
    """The review's case (granska15 #6): Grundskolenämndens report of 2023 as
    lokalnamnden.yaml (ceased) with 'organisation: fastighetsnamnden' (ceased too). Before,
    filnamn-matchar-inte said "Filen ska heta fastighetsnamnden.yaml", the name of another
    ceased one, at the same place as organisation-upphord's "Flytta … och ta bort den här
    filen". Then (decision 0499) only the latter, with ej-ansvarig "Ta bort posten" for the
    posts Fastighetsnämnden never held. Now (decision 0510) the posts say whose report it is:
    only Grundskolenämnden holds them all for 2023; its file is there already (this is a
    copy), so the advice is to compare, not to rename onto it, and the posts are checked
    against Grundskolenämnden (no ej-ansvarig)."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    text = (data / "rapporter/2023/grundskolenamnden.yaml").read_text(encoding="utf-8")
    assert text.count("organisation: grundskolenamnden\n") == 1
    path = data / "rapporter/2023/lokalnamnden.yaml"
    path.write_text(
        text.replace("organisation: grundskolenamnden\n", "organisation: fastighetsnamnden\n"),
        encoding="utf-8",
    )
    found = findings_in(data, path)
    assert found == [
        (
            4,
            15,
            "organisation-upphord",
            "Fastighetsnämnden upphörde 2022-12-31 och rapporterar inte för 2023. Filen heter "
            "inte efter någon organisation som rapporterar för 2023, och Fastighetsnämnden har "
            "aldrig haft ansvar för insatserna 1:1, 1:2, 1:3, 1:4, 1:6, 2:2 och 3:2 i filen. För "
            "2023 har bara Grundskolenämnden (grundskolenamnden) ansvar för alla insatser i "
            "filen. Om Grundskolenämnden skrev rapporten: rätta 'organisation' till "
            "'grundskolenamnden' och byt "
            "namn på filen till grundskolenamnden.yaml, men grundskolenamnden.yaml finns redan: "
            "jämför filerna, för över det som ska vara kvar till grundskolenamnden.yaml och ta "
            "sedan bort den här filen.",
        )
    ]
    assert not [f for f in found if "Filen ska heta" in f[3]]


def _posts(text: str) -> tuple[str, dict[str, str]]:
    """The text before the first post of 'insatser', and each post's text by its insats."""
    head, *posts = text.rstrip("\n").split("\n  - insats: ")
    return head, {p.split("\n", 1)[0].strip('"'): p for p in posts}


def test_the_move_to_each_successor_followed_literally_leaves_no_finding(
    tmp_path: Path,
) -> None:
    """Fastighetsnämndens posts (2:1, 2:4) for 2023 in lokalnamnden.yaml: one finding. Its
    advice done as it says: each post put in the file of each successor that holds the insats
    (in place of the post there) and the file removed; the successors' files have no
    finding."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    text = (data / "rapporter/2022/fastighetsnamnden.yaml").read_text(encoding="utf-8")
    path = data / "rapporter/2023/lokalnamnden.yaml"
    path.write_text(text.replace("ar: 2022\n", "ar: 2023\n", 1), encoding="utf-8")
    assert findings_in(data, path) == [(4, 15, "organisation-upphord", FASTIGHET_2023)]
    _, moved = _posts(path.read_text(encoding="utf-8"))
    assert sorted(moved) == ["2:1", "2:4"]
    successors = [
        data / "rapporter/2023" / f for f in re.findall(r"2023/([a-z]+\.yaml)", FASTIGHET_2023)
    ]
    assert [p.name for p in successors] == [
        "exploateringsnamnden.yaml",
        "stadsfastighetsnamnden.yaml",
    ]
    for succ in successors:
        head, posts = _posts(succ.read_text(encoding="utf-8"))
        assert set(moved) <= set(posts)  # each successor holds both insatser
        posts.update(moved)
        succ.write_text("\n  - insats: ".join([head, *posts.values()]) + "\n", encoding="utf-8")
    path.unlink()
    for succ in successors:
        assert findings_in(data, succ) == [], succ.name
