"""One rule for which files an output rests on (render/report/sections/underlag.py): the
report's notice names the illustrative files whose content the report shows, the export's sheet
om_filen those whose rows the export holds, and om_filen says plainly what the export holds
beyond the report. Data: the shipped data/ with every file real, flags set per test."""

from __future__ import annotations

from pathlib import Path

from tests.support import illustrativ_notice, real_shipped_data
from utsatta.export import tables
from utsatta.load.dataset import load
from utsatta.render.report.sections.underlag import underlag, utover_rapporten, years_text


def _illustrative(paths: list[Path]) -> None:
    for p in paths:
        text = p.read_text(encoding="utf-8")
        text = text.replace("\nillustrativ: false\n", "\n", 1)
        p.write_text(
            text.replace("\nschemaversion: 1\n", "\nschemaversion: 1\nillustrativ: true\n", 1),
            "utf-8",
        )


def _om_filen(root: Path, ar: int) -> dict[str, str]:
    data = {t.namn: t for t in tables(load(root), ar)}
    return {str(k): str(v) for k, v in data["om_filen"].rows}


def test_an_uppfoljning_only_the_export_holds_is_named_there_only(tmp_path: Path) -> None:
    """uppfoljning/2022.yaml illustrative: the slutuppföljning 2025 shows nothing of it (no
    earlier behov in it), so the report has no notice; the export's bedomningar holds its rows,
    so om_filen names it, and says the export holds more than the report."""
    root = real_shipped_data(tmp_path)
    _illustrative([root / "uppfoljning/2022.yaml"])
    md, html = illustrativ_notice(root, 2025)
    assert "llustrativ" not in md and "llustrativ" not in html
    om = _om_filen(root, 2025)
    assert om["Illustrativa uppgifter"].startswith(
        "Exporten bygger på samma data som rapporten för 2025 och dessutom på bedömningarna i "
        "uppföljningarna för 2022–2024 (tabellen bedomningar). Exporten innehåller illustrativa "
        "uppgifter: påhittat innehåll som visar formatet, inte verkliga uppgifter. Det gäller "
        "den samlade uppföljningen för 2022. I den här filen har raderna med sådana uppgifter "
        "ja i kolumnen illustrativ, i tabellen bedomningar."
    )
    assert om["Mer än rapporten"] == (
        "Exporten har fler rader än rapporten för 2025 visar: bedömningarna i uppföljningarna "
        "för 2022–2024 (tabellen bedomningar)."
    )


def test_every_illustrative_uppfoljning_named_by_each_output(tmp_path: Path) -> None:
    """All four uppföljningar illustrative: the report 2025 shows 2023–2025 (2023 and 2024 by
    their outcomes of earlier behov, 2022 has none), the export holds the bedömningar of all
    four; the years om_filen names are those of the bedomningar rows marked ja."""
    root = real_shipped_data(tmp_path)
    _illustrative(sorted(root.glob("uppfoljning/*.yaml")))
    md, _ = illustrativ_notice(root, 2025)
    assert "Det gäller de samlade uppföljningarna för 2023–2025." in md
    ds = load(root)
    data = {t.namn: t for t in tables(ds, 2025)}
    said = dict(data["om_filen"].rows)["Illustrativa uppgifter"]
    assert "Det gäller de samlade uppföljningarna för 2022–2025." in str(said)
    t = data["bedomningar"]
    names = [c.namn for c in t.columns]
    ar, ill = names.index("ar"), names.index("illustrativ")
    marked = sorted({int(str(r[ar])) for r in t.rows if r[ill] == "ja"})
    assert years_text(marked) == "2022–2025"


def test_the_report_of_a_year_and_its_export(tmp_path: Path) -> None:
    """The 2024 report shows only its own uppföljning; the export of 2024 holds 2022–2024."""
    ds = load(real_shipped_data(tmp_path))
    rapport, export = underlag(ds, 2024), underlag(ds, 2024, export=True)
    assert sorted(rapport.uppfoljningar) == [2024] and rapport.bedomningar == (2024,)
    assert sorted(export.uppfoljningar) == [2022, 2023, 2024]
    assert sorted(rapport.rapporter) == sorted(export.rapporter) == [2022, 2023, 2024]
    assert utover_rapporten(rapport, export) == (
        "bedömningarna i uppföljningarna för 2022 och 2023 (tabellen bedomningar)"
    )
    assert utover_rapporten(export, export) == ""


def test_years_text() -> None:
    assert [
        years_text(y) for y in ([2023], [2023, 2024], [2022, 2023, 2024], [2022, 2024, 2025])
    ] == [
        "2023",
        "2023 och 2024",
        "2022–2024",
        "2022, 2024 och 2025",
    ]
