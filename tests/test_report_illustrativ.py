"""The illustrative notice on the report's first lines covers every illustrative file whose
content the report shows, of any year and kind (reports, uppföljning, indicators), and names
them by kind and year; in Markdown and HTML (the PDF is made from the HTML).

Data: the shipped data/ copied into a temporary folder, with the files' ``illustrativ`` flags
set per test to mixed real/illustrative combinations.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import illustrativ_notice, real_shipped_data

FLAG_TRUE = "\nillustrativ: true\n"
FLAG_FALSE = "\nillustrativ: false\n"


def _set(paths: list[Path], illustrativ: bool) -> None:
    old, new = (FLAG_FALSE, FLAG_TRUE) if illustrativ else (FLAG_TRUE, FLAG_FALSE)
    for p in paths:
        text = p.read_text(encoding="utf-8")
        if old in text:
            p.write_text(text.replace(old, new, 1), encoding="utf-8")
        elif new not in text and illustrativ:  # no flag written: the default is false
            p.write_text(
                text.replace("\nschemaversion: 1\n", "\nschemaversion: 1" + new, 1), "utf-8"
            )


def test_earlier_years_reports_are_covered_when_this_years_files_are_real(tmp_path: Path) -> None:
    root = real_shipped_data(tmp_path)
    _set([*root.glob("rapporter/202[234]/*.yaml")], True)
    md, html = illustrativ_notice(root, 2025)
    tail = "Det gäller samtliga rapporter från nämnder och styrelser för 2022–2024."
    assert tail in md
    assert tail in html


def test_one_earlier_report_and_a_mix_of_years(tmp_path: Path) -> None:
    root = real_shipped_data(tmp_path)
    _set([*root.glob("rapporter/2022/*.yaml"), *root.glob("rapporter/2024/*.yaml")], True)
    _set([root / "rapporter/2023/higab.yaml", root / "uppfoljning/2025.yaml"], True)
    md, html = illustrativ_notice(root, 2025)
    expected = (
        "Det gäller den samlade uppföljningen för 2025, samtliga rapporter från "
        "nämnder och styrelser för 2022 och 2024 och rapporten från Higab för 2023."
    )
    assert expected in md
    assert expected in html


def test_many_reports_of_a_year_are_counted_and_only_this_years_pointed_to_kallor(
    tmp_path: Path,
) -> None:
    root = real_shipped_data(tmp_path)
    _set(sorted(root.glob("rapporter/2023/*.yaml"))[:5], True)
    _set(sorted(root.glob("rapporter/2025/*.yaml"))[:4], True)
    md, _ = illustrativ_notice(root, 2025)
    assert (
        "Det gäller 5 av 19 rapporter för 2023 och 4 av 20 rapporter för 2025 (markerade "
        "under Källor)." in md
    )


def test_later_years_are_not_named_in_an_earlier_report(tmp_path: Path) -> None:
    root = real_shipped_data(tmp_path)
    _set([*root.glob("rapporter/2024/*.yaml"), *root.glob("rapporter/2025/*.yaml")], True)
    _set([root / "uppfoljning/2024.yaml"], True)
    md, _ = illustrativ_notice(root, 2023)
    assert "Illustrativa uppgifter" not in md


def test_a_part_of_a_real_uppfoljning_marked_illustrative_and_an_indicator(
    tmp_path: Path,
) -> None:
    root = real_shipped_data(tmp_path)
    upp = root / "uppfoljning" / "2025.yaml"
    text = upp.read_text(encoding="utf-8")
    marked = "  sakerhet: sekundar\ndelmal:"
    assert marked in text
    upp.write_text(
        text.replace(marked, "  sakerhet: sekundar\n  illustrativ: true\ndelmal:"), "utf-8"
    )
    _set([root / "indikatorer" / "anmalda-valdsbrott.yaml"], True)
    md, html = illustrativ_notice(root, 2025)
    expected = (
        "Det gäller de delar av uppföljningen för 2025 som är märkta illustrativa och "
        "indikatorn Anmälda våldsbrott, antal/100 000 invånare."
    )
    assert expected in md
    assert expected in html


def test_nothing_illustrative_no_notice(tmp_path: Path) -> None:
    md, _ = illustrativ_notice(real_shipped_data(tmp_path), 2025)
    assert "llustrativ" not in md


def test_an_earlier_uppfoljning_whose_outcomes_the_slutuppfoljning_shows(tmp_path: Path) -> None:
    """§4 of the slutuppföljning shows what became of earlier behov from the uppföljningar of
    2023 and 2024: an illustrative one of them is named, though the year's own is real; the
    2024 report (not the slutuppföljning) shows only its own year's uppföljning."""
    root = real_shipped_data(tmp_path)
    _set([root / "uppfoljning/2023.yaml"], True)
    md, html = illustrativ_notice(root, 2025)
    expected = "Det gäller den samlade uppföljningen för 2023."
    assert expected in md
    assert expected in html
    md, _ = illustrativ_notice(root, 2024)
    assert "Illustrativa uppgifter" not in md
    _set([root / "uppfoljning/2024.yaml", root / "uppfoljning/2025.yaml"], True)
    md, _ = illustrativ_notice(root, 2025)
    assert "Det gäller de samlade uppföljningarna för 2023–2025." in md
