"""A report whose 'ar' is a year its 'organisation' does not report (granska16 #2): no advice
to move it to rapporter/<ar>/, a place as wrong as the one it is in; and a report in the
folder of a year its organisation does not report, named after it, gets the move alone, not
also organisation-upphord's "flytta innehållet … och ta bort den här filen". Each advice done
exactly as it says ends with no finding for the file.

On tests/cases/agare-ur-posterna: Socialnämnd Nordost ceased 2022-12-31, Socialnämnd Ny was
formed 2023-01-01; both hold 1:1 and 2:1, Ny also 1:7 (once, 2023)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import CASES, SHIPPED, build_case, findings_in

POST = (
    '  - insats: "{insats}"\n    status: pagaende\n    nulage: Arbetet pågår.\n'
    "    omraden: [bergsjon]\n    bedomning: bedoms-uppnas\n    fortsatt_arbete: Vi fortsätter.\n"
)


def _report(data: Path, place: str, ar: int, org: str, insatser: list[str]) -> Path:
    path = data / place
    path.parent.mkdir(parents=True, exist_ok=True)
    posts = "".join(POST.format(insats=i) for i in insatser)
    path.write_text(
        f"schemaversion: 1\nar: {ar}\norganisation: {org}\nillustrativ: true\ninsatser:\n{posts}",
        encoding="utf-8",
    )
    return path


def _data(tmp_path: Path) -> Path:
    data = build_case(CASES / "agare-ur-posterna", tmp_path)
    (data / "rapporter/2023/skolan.yaml").unlink()
    return data


def test_named_after_it_in_a_year_it_does_not_report_goes_to_its_year(tmp_path: Path) -> None:
    """socialnamnd-nordost.yaml in rapporter/2023/ with 'ar: 2022': before, fel-ar-i-mapp
    "Flytta filen till rapporter/2022/ eller rätta 'ar'" and organisation-upphord "Flytta
    innehållet till rapporter/2023/socialnamnd-ny.yaml och ta bort den här filen"."""
    data = _data(tmp_path)
    # the misplaced file is its only report for 2022
    (data / "rapporter/2022/socialnamnd-nordost.yaml").unlink()
    path = _report(
        data, "rapporter/2023/socialnamnd-nordost.yaml", 2022, "socialnamnd-nordost", ["1:1"]
    )
    assert findings_in(data, path) == [
        (
            2,
            5,
            "fel-ar-i-mapp",
            "Rapporten gäller år 2022 men ligger i mappen rapporter/2023/, och Socialnämnd "
            "Nordost rapporterar inte för 2023: flytta filen till rapporter/2022/. Lägg också "
            "till en post under 'insatser' för insats 2:1, som Socialnämnd Nordost ska "
            "rapportera för 2022.",
        )
    ]
    moved = data / "rapporter/2022/socialnamnd-nordost.yaml"
    path.rename(moved)
    moved.write_text(moved.read_text("utf-8") + POST.format(insats="2:1"), "utf-8")
    assert findings_in(data, moved) == []


def test_no_move_to_a_year_before_the_organisation_was_formed(tmp_path: Path) -> None:
    """socialnamnd-ny.yaml in rapporter/2023/ with 'ar: 2022' (formed 2023): before,
    "Flytta filen till rapporter/2022/", where it would be organisation-ej-bildad."""
    data = _data(tmp_path)
    path = _report(
        data, "rapporter/2023/socialnamnd-ny.yaml", 2022, "socialnamnd-ny", ["1:1", "1:7", "2:1"]
    )
    found = findings_in(data, path)
    assert found == [
        (
            2,
            5,
            "fel-ar-i-mapp",
            "Rapporten gäller år 2022 men ligger i mappen rapporter/2023/, och Socialnämnd Ny "
            "rapporterar inte för 2022: rätta 'ar' till 2023.",
        )
    ]
    path.write_text(path.read_text("utf-8").replace("\nar: 2022\n", "\nar: 2023\n"), "utf-8")
    assert findings_in(data, path) == []


def test_no_move_and_rename_to_a_year_the_organisation_does_not_report(tmp_path: Path) -> None:
    """skolan.yaml in rapporter/2023/ with 'ar: 2022' and 'organisation: socialnamnd-ny':
    before, "Flytta den till rapporter/2022/socialnamnd-ny.yaml (ny mapp och nytt namn)"."""
    data = _data(tmp_path)
    path = _report(data, "rapporter/2023/skolan.yaml", 2022, "socialnamnd-ny", ["1:1"])
    found = findings_in(data, path)
    assert found == [
        (
            2,
            5,
            "fel-ar-i-mapp",
            "Rapporten gäller år 2022 och är från 'socialnamnd-ny', men den ligger i "
            "rapporter/2023/skolan.yaml, och Socialnämnd Ny rapporterar inte för 2022: rätta "
            "'ar' till 2023 och byt namn på filen till socialnamnd-ny.yaml. Lägg också till en "
            "post per insats under 'insatser' för insatserna 1:7 och 2:1, som Socialnämnd Ny ska "
            "rapportera för 2023.",
        )
    ]
    fixed = path.with_name("socialnamnd-ny.yaml")
    text = path.read_text("utf-8").replace("\nar: 2022\n", "\nar: 2023\n")
    fixed.write_text(text + POST.format(insats="1:7") + POST.format(insats="2:1"), "utf-8")
    path.unlink()
    assert findings_in(data, fixed) == []


def test_a_year_neither_reports_defers_to_the_finding_at_organisation(tmp_path: Path) -> None:
    """socialnamnd-nordost.yaml in rapporter/2023/ with 'ar: 2024': it reports neither year.
    No move to rapporter/2024/ (before: "Flytta filen till rapporter/2024/ eller rätta 'ar'");
    'ar' is wrong, and organisation-upphord says where the content goes."""
    data = _data(tmp_path)
    path = _report(
        data, "rapporter/2023/socialnamnd-nordost.yaml", 2024, "socialnamnd-nordost", ["1:1"]
    )
    found = findings_in(data, path)
    assert [f[:3] for f in found] == [(2, 5, "fel-ar-i-mapp"), (3, 15, "organisation-upphord")]
    assert found[0][3] == (
        "Rapporten gäller år 2024 men ligger i mappen rapporter/2023/, och Socialnämnd Nordost "
        "rapporterar varken för 2024 eller för 2023: rätta 'ar' till det år rapporten gäller, och "
        "se felet vid 'organisation'."
    )
    assert "rapporter/2024" not in found[1][3]


def test_the_keys_reading_says_what_the_organisation_owes_besides(tmp_path: Path) -> None:
    """Lokalnämndens report of 2022 without its post 2:5, saved over
    rapporter/2023/exploateringsnamnden.yaml (its own file gone): the keys' reading moves it,
    and says that Lokalnämnden also owes 2:5 for 2022 (decision 0525's helper); done exactly as
    it says, no finding for the moved file."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    own = data / "rapporter/2022/lokalnamnden.yaml"
    head, *posts = own.read_text("utf-8").rstrip("\n").split("\n  - insats: ")
    (dropped,) = [p for p in posts if p.startswith('"2:5"')]
    kept = [p for p in posts if p is not dropped]
    path = data / "rapporter/2023/exploateringsnamnden.yaml"
    path.write_text("\n  - insats: ".join([head, *kept]) + "\n", "utf-8")
    own.unlink()
    ((line, column, code, message),) = findings_in(data, path)
    assert (line, column, code) == (3, 5, "fel-ar-i-mapp")
    assert message.endswith(
        "flytta filen till rapporter/2022/lokalnamnden.yaml. Lägg också till en post under "
        "'insatser' för insats 2:5, som Lokalnämnden ska rapportera för 2022."
    )
    path.rename(own)
    own.write_text(own.read_text("utf-8") + f"  - insats: {dropped}\n", "utf-8")
    assert findings_in(data, own) == []
