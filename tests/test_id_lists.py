"""An id twice in a list of ids (dubblett-i-lista, decision 0536), on the shipped data: every
kind of file with such a list, the error at the second id, and the report and the export (also
through the library) refuse the data, so nothing is counted twice (granska17 F-d)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import utsatta
from tests.support import SHIPPED, edited_findings, findings_in

#: (file, the lines before (to make the place unique), a line of it, the id written twice, what
#: the message calls it, the list's key)
LISTS = [
    (
        "rapporter/2025/higab.yaml",
        "ingår i lägesbilden.\n",
        "    omraden: [bergsjon, hammarkullen]",
        "bergsjon",
        "Området",
        "omraden",
    ),
    (
        "plan.yaml",
        "",
        "    samordningsansvar: [framtiden]\n",
        "framtiden",
        "Organisationen eller gruppen",
        "samordningsansvar",
    ),
    (
        "plan.yaml",
        "",
        "    ansvar: [grundskolenamnden, idrotts-och-foreningsnamnden,",
        "grundskolenamnden",
        "Organisationen eller gruppen",
        "ansvar",
    ),
    (
        "indikatorer/medborgarkontor-bibliotek-tackning.yaml",
        "",
        'insatser: ["3:1"]',
        '"3:1"',
        "Insatsen",
        "insatser",
    ),
    (
        "organisationer.yaml",
        "",
        "    medlemmar: [socialnamnd-centrum,",
        "socialnamnd-centrum",
        "Organisationen",
        "medlemmar",
    ),
    (
        "organisationer.yaml",
        "        tolkning: bekraftad\n",
        "        kallor: [goteborg-namnden-demokrati-och-medborgarservice]\n",
        "goteborg-namnden-demokrati-och-medborgarservice",
        "Källan",
        "kallor",
    ),
    (
        "organisationer.yaml",
        "        kallor: [goteborg-namnden-demokrati-och-medborgarservice]\n",
        "    kallor: [goteborg-namnden-demokrati-och-medborgarservice]\n",
        "goteborg-namnden-demokrati-och-medborgarservice",
        "Källan",
        "kallor",
    ),
    (
        "omraden.yaml",
        "",
        "    nationellt_kallor: [polisen-noa-2017-rapportkopia]",
        "polisen-noa-2017-rapportkopia",
        "Källan",
        "nationellt_kallor",
    ),
    (
        "omraden.yaml",
        "",
        "        kallor: [gp-tynnered-sarskilt-utsatt]",
        "gp-tynnered-sarskilt-utsatt",
        "Källan",
        "kallor",
    ),
    (
        "uppfoljning/2025.yaml",
        "",
        "    kallor: [fastighetsvarlden-2025-12-02]\n",
        "fastighetsvarlden-2025-12-02",
        "Källan",
        "kallor",
    ),
]


def _twice(line: str, ident: str) -> str:
    return line.replace(f"[{ident}", f"[{ident}, {ident}", 1)


@pytest.mark.parametrize(("file", "context", "line", "ident", "noun", "key"), LISTS)
def test_an_id_twice_is_an_error_at_the_second(
    tmp_path: Path, file: str, context: str, line: str, ident: str, noun: str, key: str
) -> None:
    text = (SHIPPED / file).read_text(encoding="utf-8")
    anchor = context + line
    assert text.count(anchor) == 1, anchor
    row = text[: text.index(anchor) + len(context)].count("\n") + 1
    new = _twice(line, ident)
    column = new.index(f", {ident}") + 3
    found = edited_findings(tmp_path, file, anchor, context + new)
    plain = ident.strip('"')
    assert found == [
        (
            row,
            column,
            "dubblett-i-lista",
            f"{noun} '{plain}' står två gånger i '{key}'. Ta bort den ena.",
        )
    ]
    # the advice followed: the second taken away, the file is as shipped, without a finding
    assert edited_findings(tmp_path / "fixed", file, anchor, anchor) == []


def test_three_times_one_error_at_the_second(tmp_path: Path) -> None:
    line = "lägesbilden.\n    omraden: [bergsjon, hammarkullen]"
    found = edited_findings(
        tmp_path,
        "rapporter/2025/higab.yaml",
        line,
        "lägesbilden.\n    omraden: [bergsjon, hammarkullen, bergsjon, bergsjon]",
    )
    assert [(c, m) for _, _, c, m in found] == [
        (
            "dubblett-i-lista",
            "Området 'bergsjon' står 3 gånger i 'omraden'. Ta bort alla utom den första.",
        )
    ]


def test_report_and_export_refuse_the_data(tmp_path: Path) -> None:
    """Nothing counts an area twice: the command line and the library refuse data with the
    error (the report's bilaga B and the export's antal_omraden would otherwise)."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / "rapporter/2025/higab.yaml"
    line = "lägesbilden.\n    omraden: [bergsjon, hammarkullen]"
    path.write_text(
        path.read_text(encoding="utf-8").replace(line, _twice(line, "bergsjon")), "utf-8"
    )
    assert [f[2] for f in findings_in(data, path)] == ["dubblett-i-lista"]
    ds = utsatta.load(data)
    with pytest.raises(utsatta.DataErrors) as report:
        utsatta.build_report(ds, 2025)
    assert [f.code for f in report.value.findings] == ["dubblett-i-lista"]
    from utsatta.export import export

    with pytest.raises(utsatta.DataErrors) as refused:
        export(ds, 2025, "csv", tmp_path / "x")
    assert not (tmp_path / "x").exists()
    assert [f.code for f in refused.value.findings] == ["dubblett-i-lista"]
