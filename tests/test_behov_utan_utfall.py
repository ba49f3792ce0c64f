"""The slutuppföljning names every behov of the earlier plan years that no uppföljning gives an
outcome for (review granska14, finding 6): section 4 counted them but never named them, and no
later report will pick them up.

Data: the shipped data (2022–2025; 59 behov, 7 with an outcome, 10 from 2025)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import REPORT_FIXTURE, ROOT
from utsatta.load.dataset import load
from utsatta.render.report import build, render


def test_the_42_behov_without_an_outcome_are_named_by_year_in_plan_order() -> None:
    view = build(load(ROOT / "data"), 2025)
    b = view.behov
    assert b is not None
    rows = [(u.ar, u.insats, u.organisation, u.behov) for u in b.utan_utfall]
    assert len(rows) == 42
    # the counts in the table "Behov under planperioden", year by year
    assert [sum(1 for r in rows if r[0] == y) for y in (2022, 2023, 2024)] == [
        p.utan for p in b.period if p.ar < 2025
    ]
    assert [p.utan for p in b.period if p.ar < 2025] == [19, 12, 11]
    assert rows[:3] == [
        (
            2022,
            "1:5",
            "Förskolenämnden",
            "Tillgång till uppgifter om barn utan förskoleplacering per område, med hänsyn till "
            "sekretess.",
        ),
        (
            2022,
            "1:6",
            "Socialnämnden Centrum",
            "Fler gruppledare med kunskap i de språk som efterfrågas mest.",
        ),
        (
            2022,
            "1:6",
            "Socialnämnden Hisingen",
            "Material för föräldraskapsstöd om barn i tonåren på fler språk.",
        ),
    ]
    # by year, then the insats in plan order
    plan = [i.id for i in load(ROOT / "data").plan.model.insatser]  # type: ignore[union-attr]
    keys = [(u.ar, plan.index(u.insats)) for u in b.utan_utfall]
    assert keys == sorted(keys)
    # none of them has an outcome in the data: those stand in "Vad som blev av tidigare behov"
    redovisade = {(t.ar, t.organisation, t.insats, t.behov) for t in b.tidigare}
    assert len(redovisade) == 7
    assert not redovisade & {(u.ar, u.organisation, u.insats, u.behov) for u in b.utan_utfall}
    assert b.utan_utfall_text == (
        "Rapporterna för 2022–2024 lyfte 42 behov som ingen uppföljning redovisar något utfall "
        "för. Det här är den sista uppföljningen av planen, så de står här, per år i planens "
        "ordning (insats, sedan organisation), som rapporten skrev dem. Behoven från 2025 står "
        "ovan."
    )


def test_only_the_slutuppfoljning_lists_them() -> None:
    b = build(load(REPORT_FIXTURE), 2023).behov
    assert b is not None
    assert (b.utan_utfall, b.utan_utfall_text) == ((), "")
    assert "Behov utan redovisat utfall" not in render(build(load(REPORT_FIXTURE), 2023), "md")


def test_markdown_and_html_list_them_under_section_4() -> None:
    view = build(load(ROOT / "data"), 2025)
    md = render(view, "md")
    sec4 = md.index("## 4. Behov av ytterligare insatser")
    at = md.index("### Behov utan redovisat utfall")
    assert sec4 < at < md.index("## 5. Områdena")
    assert (
        "| År | Insats | Organisation | Behov |\n|---|---|---|---|\n| 2022 | 1:5 | "
        "Förskolenämnden | Tillgång till uppgifter om barn utan förskoleplacering per område, "
        "med hänsyn till sekretess. |\n"
    ) in md
    html = render(view, "html")
    assert (
        '<tr role="row"><th scope="row" role="rowheader">2022</th><td role="cell" '
        'data-label="Insats"><a href="#insats-1-5" title="Förskolenämnden ska fortsätta samt '
        'utöka sina insatser för att andelen barn i förskolan i utsatta områden ska öka">1:5</a>'
        '</td><td role="cell" data-label="Organisation">Förskolenämnden</td>'
    ) in html
    assert html.index('id="behov-utan-utfall"') < html.index('id="omraden"')


def test_a_hostile_behov_is_escaped_in_the_list(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root)
    f = root / "rapporter" / "2022" / "socialnamnd-hisingen.yaml"
    old = "      - Material för föräldraskapsstöd om barn i tonåren på fler språk.\n"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(
        text.replace(old, "      - '<script>x</script> | <img src=x onerror=y>'\n"), "utf-8"
    )
    view = build(load(root), 2025)
    assert view.behov is not None
    hisingen = [
        u.behov for u in view.behov.utan_utfall if u.organisation == "Socialnämnden Hisingen"
    ]
    assert hisingen[0] == "<script>x</script> | <img src=x onerror=y>"
    html = render(view, "html")
    assert "<script>x" not in html and "<img src=x" not in html
    md = render(view, "md")
    row = next(
        line for line in md.splitlines() if line.startswith("| 2022 | 1:6 | Socialnämnden Hisingen")
    )
    assert row == (
        r"| 2022 | 1:6 | Socialnämnden Hisingen | \<script>x\</script> \| \<img src=x onerror=y> |"
    )
