"""granska14 finding 8 (docs/decisions/0500): a count from the police lists carries the class of
the levels it rests on, ‡ (in words "annan källa än polisen") too, so that an unmarked value
means the same everywhere: bekräftad in the police's own publication.

On tests/fixtures/statuses: the 2021 levels cite the police (slag: polisen), the 2023 levels the
city (slag: kommunen); the report of 2023 shows both years.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from utsatta.compute.police import EJ_POLISEN, SAKERHET_ORDNING, klass
from utsatta.export.columns import INDIKATORVARDEN
from utsatta.export.slutsatser import INDIKATORSTATUS
from utsatta.export.tables import tables
from utsatta.load.dataset import load
from utsatta.render.labels import UTAN_MARKERING
from utsatta.render.report import build, render

FIXTURE = Path(__file__).parent / "fixtures" / "statuses"
CITY = (
    "    utgivare: Göteborgs Stad, statistik och analys\n    sakerhet: bekraftad\n"
    "    slag: kommunen\n"
)
ID = "sarskilt-utsatta"


def _data(tmp_path: Path, edit: dict[str, str] | None = None) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "omraden.yaml"
    text = path.read_text("utf-8")
    for old, new in (edit or {}).items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    return data


def _outputs(data: Path) -> tuple[str, str, dict[tuple[str, int], dict[str, object]]]:
    ds = load(data)
    view = build(ds, 2023)
    t = next(t for t in tables(ds, 2023) if t.namn == "indikatorvarden")
    names = [c.namn for c in t.columns]
    rows = [dict(zip(names, r, strict=True)) for r in t.rows]
    export = {(str(r["typ"]), int(str(r["ar"]))): r for r in rows if r["indikator"] == ID}
    return render(view, "md"), render(view, "html"), export


def _chart_table(html: str) -> list[tuple[str, str, str]]:
    start = html.index(f'id="varden-{ID}"')
    table = html[start : html.index("</details>", start)]
    return re.findall(
        r'<tr><th scope="row">(\d+)</th><td class="num">([^<]*)</td><td>([^<]*)</td></tr>', table
    )


def test_the_class_of_a_level_and_its_order() -> None:
    slag = {"p": "polisen", "k": "kommunen"}
    assert klass("bekraftad", ["p"], slag) == "bekraftad"
    assert klass("bekraftad", ["k", "p"], slag) == "bekraftad"  # one police source suffices
    assert klass("bekraftad", ["k"], slag) == EJ_POLISEN
    assert klass("bekraftad", [], slag) == EJ_POLISEN  # no source: not the police's (0072)
    assert klass("sekundar", ["p"], slag) == "sekundar"
    # the weakest wins: ‡ is surer than a secondary value, less sure than the police's own
    assert SAKERHET_ORDNING == ("saknas", "slutledd", "sekundar", EJ_POLISEN, "bekraftad")


def test_a_count_on_levels_the_city_confirms_is_marked_everywhere(tmp_path: Path) -> None:
    """(a) 4 särskilt utsatta 2023, all four levels from the city: ‡ in every channel."""
    md, html, export = _outputs(_data(tmp_path))
    # section 2: the list's table (symbols, as the levels beside it) and the indicators
    assert (
        "| Särskilt utsatta områden | 4‡ | Bergsjön‡, Hammarkullen‡, Hjällbo‡, Lövgärdet‡ |" in md
    )
    # in HTML the count's marker is read as a level's: its meaning for a screen reader
    assert (
        'class="num">4<abbr title="bekräftad i en annan källa än polisen: nivån står i källan '
        "själv (t.ex. kommunen, pressen eller ett parti), men ingen av källorna är polisens egen "
        'publicering" aria-hidden="true">‡</abbr><span class="sr-only"> (bekräftad i en annan '
        "källa än polisen)</span></td>"
    ) in html
    assert (
        "| Antal särskilt utsatta områden | 4 (2023, annan källa än polisen) | 0 (2025) | "
        "[Otillräcklig takt (annan källa än polisen)](#antal-särskilt-utsatta-områden) · "
        "20\u00a0%\u00a0av\u00a0vägen |"
    ) in md
    # bilaga C, the series: 2021 rests on the police's own list, unmarked
    assert "| Antal särskilt utsatta områden | 2021: 5; 2023: 4 (annan källa än polisen) |" in md
    # bilaga D
    assert (
        "| Antal särskilt utsatta områden | 5 (2021, tolkning) | 4 (2023, annan källa än polisen) "
        "| 0 (2025) | 20\u00a0%\u00a0av\u00a0vägen |"
    ) in md
    # the chart: its point, and its table
    assert (
        '<circle class="bekraftad-ej-polisen" cx="216.0" cy="90.0" r="4" fill="#9db3d4" '
        'stroke="#1d4f91" stroke-width="2"><title>2023: 4 (annan källa än polisen)</title>'
    ) in html
    # its legend names the drawing; the baseline (the police's 2021 list) is the filled dot
    assert (
        '<circle class="bekraftad-ej-polisen" cx="110.0" cy="225.0" r="4" fill="#9db3d4" '
        'stroke="#1d4f91" stroke-width="2"/>\n<text x="128.0" y="230.0">Annan källa än polisen'
        "</text>"
    ) in html
    assert '<circle cx="56.0" cy="65.0" r="4" fill="#1d4f91"/></g>' in html
    assert _chart_table(html) == [
        ("2021", "5", "Baslinje"),
        ("2023", "4", "Utfall (annan källa än polisen)"),
        ("2025", "0", "Målvärde"),
    ]
    # the export
    row = export[("utfall", 2023)]
    assert (row["sakerhet"], row["markering"]) == (EJ_POLISEN, "annan källa än polisen")
    base = export[("baslinje", 2021)]
    assert (base["sakerhet"], base["markering"]) == ("bekraftad", None)


def test_a_count_on_the_polices_own_levels_is_unmarked(tmp_path: Path) -> None:
    """(b) The same levels, the 2023 source now the police's own: no marker anywhere."""
    md, html, export = _outputs(_data(tmp_path, {CITY: CITY.replace("kommunen", "polisen")}))
    assert "| Särskilt utsatta områden | 4 | Bergsjön, Hammarkullen, Hjällbo, Lövgärdet |" in md
    assert (
        "| Antal särskilt utsatta områden | 4 (2023) | 0 (2025) | [Otillräcklig takt]"
        "(#antal-särskilt-utsatta-områden) · 20\u00a0%\u00a0av\u00a0vägen |"
    ) in md
    assert "| Antal särskilt utsatta områden | 2021: 5; 2023: 4 |" in md
    assert (
        "| Antal särskilt utsatta områden | 5 (2021, tolkning) | 4 (2023) | 0 (2025) | "
        "20\u00a0%\u00a0av\u00a0vägen |"
    ) in md
    assert "annan källa än polisen" not in md.split("## Bilaga E.")[0]
    assert _chart_table(html) == [
        ("2021", "5", "Baslinje"),
        ("2023", "4", "Utfall"),
        ("2025", "0", "Målvärde"),
    ]
    row = export[("utfall", 2023)]
    assert (row["sakerhet"], row["markering"]) == ("bekraftad", None)


@pytest.mark.parametrize(
    ("lovgardet", "marker", "words", "code"),
    [
        # three levels from the city, Lövgärdet's from the police: ‡ wins over the police's own
        ("bekraftad, kallor: [polisen-2021]", "‡", "annan källa än polisen", EJ_POLISEN),
        # three from the city, Lövgärdet's from the press: † wins over ‡
        ("sekundar, kallor: [fastighetsvarlden-2025]", "†", "uppgift i andra hand", "sekundar"),
    ],
)
def test_a_count_on_levels_of_several_classes_has_the_weakest(
    tmp_path: Path, lovgardet: str, marker: str, words: str, code: str
) -> None:
    """(c) docs/decisions/0500: a count resting on levels of several classes carries the marker
    of the weakest of them, in every channel, as every value resting on several does."""
    old = (
        "{upplaga: 2023, niva: sarskilt-utsatt, sakerhet: bekraftad, "
        "kallor: [goteborg-statistik-2023]}\n      - {upplaga: 2025, niva: sarskilt-utsatt, "
        "sakerhet: sekundar, kallor: [fastighetsvarlden-2025]}\n  - id: tynnered"
    )
    new = old.replace(
        "sakerhet: bekraftad, kallor: [goteborg-statistik-2023]", f"sakerhet: {lovgardet}"
    )
    md, html, export = _outputs(_data(tmp_path, {old: new}))
    assert (
        f"| Särskilt utsatta områden | 4{marker} | Bergsjön‡, Hammarkullen‡, Hjällbo‡, "
        f"Lövgärdet{'' if marker == '‡' else marker} |"
    ) in md
    assert f"| Antal särskilt utsatta områden | 4 (2023, {words}) | 0 (2025) |" in md
    assert f"| Antal särskilt utsatta områden | 2021: 5; 2023: 4 ({words}) |" in md
    assert f"| 5 (2021, tolkning) | 4 (2023, {words}) | 0 (2025) |" in md
    assert ("2023", "4", f"Utfall ({words})") in _chart_table(html)
    row = export[("utfall", 2023)]
    assert (row["sakerhet"], row["markering"]) == (code, words)


def test_section_2s_counts_carry_the_class_the_computation_gave(tmp_path: Path) -> None:
    """One decision, not two (docs/decisions/0500): the list's table in section 2 marks a count
    by the class the count carries (``Point.sakerhet``), not by working the class out again from
    its sources. With no area in the file a count of 0 has no class: section 2 wrote "0‡" (no
    source, so not the police's) and no legend, while its own indicator table said "0 (2023)"."""
    data = _data(tmp_path)
    path = data / "omraden.yaml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("\nomraden:")] + "\nomraden: []\n", "utf-8")
    md, _, export = _outputs(data)
    assert "| Särskilt utsatta områden | 0 | – |" in md
    assert "| **Totalt** | **0** |   |" in md
    assert "| Antal särskilt utsatta områden | 0 (2023) | 0 (2025) |" in md
    assert "‡" not in md.split("## Bilaga E.")[0]
    row = export[("utfall", 2023)]
    assert (row["sakerhet"], row["markering"]) == (None, None)


@pytest.mark.parametrize(
    ("sakerhet", "marker"),
    # (Markdown writes the * of slutledd as \\*)
    [("slutledd", "\\*"), (EJ_POLISEN, "‡"), ("bekraftad", ""), (None, "")],
)
def test_the_list_table_takes_the_counts_class_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sakerhet: str | None, marker: str
) -> None:
    """Whatever class the computation gives a count, the table shows that class's symbol: the
    view decides nothing of its own (here every 2023 level is the city's, ‡, and the class is
    set in the count alone)."""
    from utsatta.compute.status import Point
    from utsatta.render.report.sections import areas

    real = areas.count_in

    def count_in(omr: object, upplaga: int, nivaer: object) -> object:
        found = real(omr, upplaga, nivaer)  # type: ignore[arg-type]
        if isinstance(found, Point):
            return Point(found.ar, found.varde, sakerhet=sakerhet, kallor=found.kallor)
        return found

    monkeypatch.setattr(areas, "count_in", count_in)
    md, _, _ = _outputs(_data(tmp_path))
    assert f"| Särskilt utsatta områden | 4{marker} | Bergsjön‡, " in md
    assert f"| **Totalt** | **8{marker}** |   |" in md


def test_the_legend_and_the_export_say_one_meaning() -> None:
    """An unmarked value means the same for a level and a count, and the export says so."""
    assert UTAN_MARKERING == "utan markering: bekräftad i polisens egen publicering"
    markering = next(c for c in INDIKATORVARDEN if c.namn == "markering")
    assert (
        "annan källa än polisen (rapportens ‡; den osäkraste nivån avgör)" in markering.beskrivning
    )
    assert (
        "Ett antal ur polisens listor utan markering bygger bara på nivåer i polisens egen "
        "publicering."
    ) in markering.beskrivning
    sakerhet = next(c for c in INDIKATORVARDEN if c.namn == "sakerhet")
    assert "‡) är bekraftad-ej-polisen, svagare än bekraftad och säkrare än sekundar" in (
        sakerhet.beskrivning
    )
    status = next(c for c in INDIKATORSTATUS if c.namn == "sakerhet")
    assert "bekraftad-ej-polisen (ett antal ur polisens listor" in status.beskrivning
