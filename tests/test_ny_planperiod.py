"""A new plan period in the same data repository: nothing about the 2022–2025 plan is written in
code; the report says what the data says (the plan's goal, its indicator annex, the baseline of
the police indicators, the målvärden of the period, the links of goals to indicators)."""

from __future__ import annotations

import shutil
from pathlib import Path

from utsatta.load.dataset import load
from utsatta.render.report import build

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_summary_does_not_restate_the_goal_in_its_own_words(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(
        root / "plan.yaml",
        "  text: Målet för denna handlingsplan är att staden inte ska ha några utsatta områden "
        "år 2025.",
        "  text: Målet är att halvera antalet utsatta områden till 2029.",
    )
    s = build(load(root), 2023).sammanfattning
    assert s.mal == "Målet är att halvera antalet utsatta områden till 2029."
    assert "målet är att inga områden" not in s.lista_text
    assert s.lista_text.endswith(".") and "utsatta år" not in s.lista_text


def test_the_annex_notice_says_what_plan_yaml_and_the_indicators_say(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    v = build(load(root), 2023)
    assert v.bilaga1 == (
        "Planens bilaga 1 (Indikatorer) är inte offentlig.",
        "Planens text hänvisar till den (källa: Testplan för att inga områden ska vara utsatta "
        "2025). Ingen av rapportens 3 indikatorer kommer ur bilagan; de är valda för "
        "uppföljningen. 2 har målvärden utan angiven källa; 1 saknar målvärde och kan inte "
        "följas upp mot ett mål.",
    )
    assert v.sammanfattning.indikatorer_text.startswith(
        "3 indikatorer, valda för uppföljningen, följs upp: "
    )
    ind = root / "indikatorer" / "behorighet-gymnasiet.yaml"
    _edit(ind, 'fokusomrade: "1"\n', 'fokusomrade: "1"\nur_planen: true\n')
    v = build(load(root), 2023)
    assert v.bilaga1 is not None
    assert "1 av 3 indikatorer kommer ur bilagan, övriga är valda för uppföljningen." in (
        v.bilaga1[1]
    )
    assert v.sammanfattning.indikatorer_text.startswith(
        "3 indikatorer följs upp (1 ur planen, övriga valda för uppföljningen): "
    )


def test_a_public_annex_or_none_gives_no_notice(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(root / "plan.yaml", "    offentlig: false\n", "    offentlig: true\n")
    assert build(load(root), 2023).bilaga1 is None
    _edit(
        root / "plan.yaml",
        "  indikatorbilaga:\n    namn: bilaga 1 (Indikatorer)\n    offentlig: true\n"
        "    kalla: testplan\n",
        "",
    )
    assert build(load(root), 2023).bilaga1 is None
